"""POLECAT as on its Dataverse (tab-separated text with a header, columns found by name; several
actors in one field separated by ';') and POLECAT / PLOVER JSON lines.

TSV columns kept: Event Type, Event Mode, Contexts (context), Event Intensity (intensity), Actor and
Recipient Name / Country / COW / Sector (actor, recipient lists; their countries resolved by code or
name), Placename (geo_name), Latitude / Longitude, GeoNames ID (geo_feature_id), Country
(geo_country), State (geo_adm1), Story ID, Headline, Publisher / Source, Publication Date,
Story People / Organizations / Locations (lists). Everything else goes to `original`.
"""

from __future__ import annotations

import duckdb

from ..codes import NAME_KEY_SQL
from .reading import ImportReport, LineMap, Plain, read_table
from .stage import finish

FIELDS = {
    "event id": "id", "event date": "date", "event type": "type", "event mode": "mode",
    "event intensity": "intensity", "intensity": "intensity", "quad code": "quad", "contexts": "contexts",
    "context": "contexts", "actor name": "a_name", "actor country": "a_country", "actor cow": "a_cow",
    "actor sector": "a_sector", "actor title": "a_title", "recipient name": "r_name",
    "recipient country": "r_country", "recipient cow": "r_cow", "recipient sector": "r_sector",
    "recipient title": "r_title", "placename": "place", "place name": "place", "city": "city",
    "state": "state", "province": "state", "country": "country", "latitude": "lat", "longitude": "lon",
    "geonames id": "geonames", "feature type": "feature", "story id": "story", "headline": "headline",
    "publisher": "publisher", "source": "publisher", "publication date": "pub_date",
    "story people": "people", "story organizations": "orgs", "story organisations": "orgs",
    "story locations": "locs", "language": "language", "version": "version", "event text": "event_text",
}
TYPES = {"intensity": "DOUBLE", "lat": "DOUBLE", "lon": "DOUBLE"}
REQUIRED = ("id", "date", "type")


def _key(h: str) -> str:
    return h.strip().strip('"').lstrip("\ufeff").strip().lower()


def header_columns(header: list[str]) -> tuple[dict[str, str], list[str]]:
    cols: dict[str, str] = {}
    for i, h in enumerate(header):
        key = FIELDS.get(_key(h), f"_x{i}")
        if key in cols or not h.strip():
            key = f"_x{i}"
        cols[key] = TYPES.get(key, "VARCHAR")
    return cols, [k for k in REQUIRED if k not in cols]


def import_tsv(con: duckdb.DuckDBPyConnection, plain: Plain, name: str, header: list[str], header_line: int,
               report: ImportReport, quote: str = "", encoding: str = "utf-8") -> list[tuple[int, str, str]]:
    cols, missing = header_columns(header)
    if missing:
        report.rejects("not a POLECAT header", 1, [(f"{name}:{header_line}", f"(missing {', '.join(missing)})")])
        return []
    select = ", ".join([*cols] + [f"NULL::{TYPES.get(k, 'VARCHAR')} AS {k}" for k in set(FIELDS.values())
                                  if k not in cols])
    rejects = read_table(con, plain, "_dw_src", cols, select=select, skip=header_line, quote=quote,
                         encoding=encoding)
    if encoding == "utf-8" and any(r[1] == "not valid UTF-8" for r in rejects):
        return rejects
    split = "list_transform(string_split(coalesce({}, ''), ';'), lambda x: nullif(trim(x), ''))"
    # each country written in the file, once, -> its code (ISO, or by name, else as written)
    con.execute(f"""
    CREATE OR REPLACE TEMP TABLE _dw_pcmap AS
    SELECT s.v, coalesce(c.iso3, n.code, upper(s.v)) AS code
    FROM (SELECT DISTINCT unnest(list_concat({split.format('a_country')}, {split.format('r_country')})) AS v
          FROM _dw_src) s
    LEFT JOIN _dw_iso c ON c.code = upper(s.v)
    LEFT JOIN _dw_names n ON n.name = {NAME_KEY_SQL.format('s.v')}
    WHERE s.v IS NOT NULL
    """)

    def side(p: str) -> str:
        """The actors of one side as a list of structs (the i-th name, country and sector of the
        ';'-separated fields; positions with neither country nor name left out), codes resolved
        through the map of the file's countries: no unnest and regrouping of the rows."""
        items = (f"list_filter(list_transform(range(1, greatest(len(_{p}c), len(_{p}n)) + 1), "
                 f"lambda i: {{'country': _{p}c[i], 'nm': _{p}n[i], 'sector': upper(_{p}s[i])}}), "
                 "lambda x: x.country IS NOT NULL OR x.nm IS NOT NULL)")
        return (f"list_transform({items}, lambda x: {{'code': _pm[x.country], 'sector': x.sector, "
                "'entity_text': x.nm, 'start': NULL::INTEGER, 'end': NULL::INTEGER})")

    first_rowid = int(con.execute("SELECT coalesce(min(rowid), 0) FROM _dw_src").fetchall()[0][0])
    con.execute(f"""
    CREATE OR REPLACE TEMP TABLE _dw_stage AS
    WITH u AS (SELECT rowid - {first_rowid} + 1 AS _row, *, {split.format('a_country')} AS _ac,
                      {split.format('a_name')} AS _an, {split.format('a_sector')} AS _as,
                      {split.format('r_country')} AS _rc, {split.format('r_name')} AS _rn,
                      {split.format('r_sector')} AS _rs FROM _dw_src),
    pm AS (SELECT coalesce(map(list(v), list(code)), map([]::VARCHAR[], []::VARCHAR[])) AS _pm FROM _dw_pcmap),
    sides AS (SELECT u.*, {side('a')} AS _al, {side('r')} AS _rl FROM u, pm),
    m AS (SELECT u.*, upper(trim(u.type)) AS ev, nullif(lower(trim(u.mode)), '') AS md,
                 coalesce(try_strptime(trim(u.date), '%Y-%m-%d')::DATE, try_strptime(trim(u.date), '%Y%m%d')::DATE,
                          try_cast(trim(u.date) AS TIMESTAMP)::DATE) AS d
          FROM sides u)
    SELECT m._row, nullif(trim(m.id), '') AS origin_id,
        substr(sha1('polecat' || chr(0) || trim(m.id)), 1, 16) AS id,
        coalesce(nullif(trim(story), ''), nullif(trim(m.id), '')) AS story_id, d AS date,
        CASE WHEN d IS NULL THEN 'undated' ELSE 'day' END AS date_precision,
        CASE WHEN q.event IS NOT NULL THEN m.ev END AS event, md AS mode,
        list_filter(list_transform(regexp_split_to_array(coalesce(contexts, ''), '[;,]'), lambda x: lower(trim(x))),
                    lambda x: x != '') AS context,
        list_transform(_al, lambda x: x.code) AS actor_codes, list_transform(_rl, lambda x: x.code) AS recipient_codes,
        _al[1].code AS actor_code, _al[1].sector AS actor_sector, _rl[1].code AS recipient_code,
        _rl[1].sector AS recipient_sector,
        CASE WHEN len(_al) > 0 THEN to_json(_al) ELSE '[]'::JSON END AS actor,
        CASE WHEN len(_rl) > 0 THEN to_json(_rl) ELSE '[]'::JSON END AS recipient,
        'asserted' AS modality, NULL::VARCHAR AS cameo, NULL::DOUBLE AS goldstein,
        coalesce(sm.score, s.score) AS plover_score, q.quad AS quad_code, NULL::DOUBLE AS confidence,
        nullif(trim(event_text), '') AS event_text, NULL::JSON AS evidence,
        coalesce(nullif(trim(place), ''), nullif(trim(city), '')) AS location, 'polecat' AS origin,
        to_json({{'Event ID': m.id, 'Event Type': m.type, 'Event Mode': m.mode, 'Quad Code': m.quad,
                  'Actor COW': a_cow, 'Recipient COW': r_cow, 'Actor Title': a_title, 'Recipient Title': r_title,
                  'Feature Type': feature, 'Language': language, 'Version': version}}) AS original,
        intensity, nullif(trim(publisher), '') AS publisher, nullif(trim(headline), '') AS headline,
        coalesce(nullif(trim(place), ''), nullif(trim(city), '')) AS geo_name,
        coalesce(gc.iso3, gn.code) AS geo_country, nullif(trim(state), '') AS geo_adm1,
        lat AS geo_lat, lon AS geo_lon, nullif(trim(geonames), '') AS geo_feature_id,
        {split.format('people')} AS story_people, {split.format('orgs')} AS story_organizations,
        {split.format('locs')} AS story_locations,
        CASE WHEN nullif(trim(m.id), '') IS NULL THEN 'empty Event ID'
             WHEN q.event IS NULL THEN 'unknown PLOVER event type' END AS err,
        CASE WHEN nullif(trim(m.id), '') IS NOT NULL AND q.event IS NULL
             THEN coalesce('"' || type || '"', '(empty)') END AS err_detail
    FROM m
    LEFT JOIN _dw_quad q ON q.event = m.ev
    LEFT JOIN _dw_score s ON s.event = m.ev AND s.mode IS NULL
    LEFT JOIN _dw_score sm ON sm.event = m.ev AND sm.mode = m.md
    LEFT JOIN _dw_iso gc ON gc.code = upper(trim(m.country))
    LEFT JOIN _dw_names gn ON gn.name = {NAME_KEY_SQL.format('m.country')}
    """)
    lines = LineMap(lambda: plain.blank_lines + [r[0] for r in rejects] + list(range(1, header_line + 1)))
    finish(con, report, name, lines, "Event ID", multi=True)
    con.execute("DROP TABLE IF EXISTS _dw_stage")
    for t in ("_dw_src", "_dw_pcmap"):
        con.execute(f"DROP TABLE IF EXISTS {t}")
    return rejects
