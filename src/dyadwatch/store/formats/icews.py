"""ICEWS coded event data (`.tab` and `.tab.zip` as on Dataverse): tab-separated with a header,
columns found by name, plain or (as Dataverse's archival copies) with quoted strings.

Kept as typed columns: Intensity (intensity), Story ID (story_id), Publisher, Sentence Number, and
the place: City (geo_name), District (geo_adm2), Province (geo_adm1), Country (geo_country),
Latitude, Longitude. Country names are resolved with a join on the name table (pycountry's names
and store/data/country_names.csv); sector lists with a join on store/data/icews_sectors.csv, the
best-ranked word winning.
"""

from __future__ import annotations

import duckdb

from ..codes import NAME_KEY_SQL
from .common import (
    CAMEO_ERR_DETAIL,
    CAMEO_ERR_WHEN,
    CAMEO_WARN,
    SCALES_JOINS,
    SCALES_SELECT,
    actor_json,
    cameo_joins,
    cameo_select,
)
from .reading import ImportReport, LineMap, Plain, read_table
from .stage import finish, one_thread_when_busy

FIELDS = {
    "event id": ("id", "VARCHAR"), "event date": ("date", "DATE"), "source name": ("a_name", "VARCHAR"),
    "source sectors": ("a_sectors", "VARCHAR"), "source country": ("a_country", "VARCHAR"),
    "event text": ("event_text", "VARCHAR"), "cameo code": ("cameo_code", "VARCHAR"),
    "intensity": ("intensity", "DOUBLE"), "target name": ("r_name", "VARCHAR"),
    "target sectors": ("r_sectors", "VARCHAR"), "target country": ("r_country", "VARCHAR"),
    "story id": ("story", "VARCHAR"), "sentence number": ("sentence", "INTEGER"),
    "publisher": ("publisher", "VARCHAR"), "city": ("city", "VARCHAR"), "district": ("district", "VARCHAR"),
    "province": ("province", "VARCHAR"), "country": ("country", "VARCHAR"), "latitude": ("lat", "DOUBLE"),
    "longitude": ("lon", "DOUBLE"),
}
REQUIRED = ("id", "date", "cameo_code", "a_country", "r_country")


def header_columns(header: list[str]) -> tuple[dict[str, str], list[str]]:
    """(read_csv columns, missing required keys) for an ICEWS header row."""
    cols: dict[str, str] = {}
    for i, h in enumerate(header):
        key, typ = FIELDS.get(h.strip().strip('"').lstrip("\ufeff").strip().lower(), (f"_x{i}", "VARCHAR"))
        if key in cols:
            key = f"_x{i}"
        cols[key] = typ
    missing = [k for k in REQUIRED if k not in cols]
    for key, typ in FIELDS.values():
        cols.setdefault(key, typ)  # absent columns: filled with NULL below
    return cols, missing


def import_file(con: duckdb.DuckDBPyConnection, plain: Plain, name: str, header: list[str], header_line: int,
                report: ImportReport, quote: str = "", encoding: str = "utf-8") -> list[tuple[int, str, str]]:
    cols, missing = header_columns(header)
    if missing:
        report.rejects("not an ICEWS header", 1, [(f"{name}:{header_line}", f"(missing {', '.join(missing)})")])
        return []
    present = {FIELDS[h.strip().strip('"').lstrip("\ufeff").strip().lower()][0]
               for h in header if h.strip().strip('"').lstrip("\ufeff").strip().lower() in FIELDS}
    read_cols = {k: v for k, v in cols.items() if k in present or k.startswith("_x")}
    select = ", ".join([*read_cols] + [f"NULL::{v} AS {k}" for k, v in cols.items() if k not in read_cols])
    with one_thread_when_busy(con):
        rejects = read_table(con, plain, "_dw_src", read_cols, select=select, skip=header_line, quote=quote,
                             encoding=encoding, extra=", dateformat='%Y-%m-%d'")
    if encoding == "utf-8" and any(r[1] == "not valid UTF-8" for r in rejects):
        return rejects
    key = NAME_KEY_SQL.format
    con.execute("""
    CREATE OR REPLACE TEMP TABLE _dw_secmap AS
    SELECT v, arg_min(w.sector, w.rank) AS sector
    FROM (SELECT DISTINCT unnest([a_sectors, r_sectors]) AS v FROM _dw_src) s
    JOIN _dw_sectors w ON contains(lower(s.v), w.word) GROUP BY v
    """)
    con.execute(f"""
    CREATE OR REPLACE TEMP TABLE _dw_namemap AS
    SELECT v, n.code FROM (SELECT DISTINCT unnest([a_country, r_country, a_name, r_name, country]) AS v
                           FROM _dw_src) s
    JOIN _dw_names n ON n.name = {key('s.v')}
    """)
    # rows a transaction adds have rowids from 2**55 on: a row's position is its rowid less the first's
    first_rowid = int(con.execute("SELECT coalesce(min(rowid), 0) FROM _dw_src").fetchall()[0][0])
    con.execute(f"""
    CREATE OR REPLACE TEMP VIEW _dw_stage AS
    WITH u AS (SELECT rowid - {first_rowid} + 1 AS _row, *, nullif(trim(cameo_code), '') AS cameo_raw FROM _dw_src),
    m AS (
        SELECT u.*, {cameo_select('u.cameo_raw')},
               coalesce(ac.code, an.code) AS a_code, coalesce(rc.code, rn.code) AS r_code,
               asec.sector AS a_sector, rsec.sector AS r_sector, gc.code AS geo_iso3
        FROM u {cameo_joins('u.cameo_raw')}
        LEFT JOIN _dw_namemap ac ON ac.v = u.a_country
        LEFT JOIN _dw_namemap an ON an.v = u.a_name
        LEFT JOIN _dw_namemap rc ON rc.v = u.r_country
        LEFT JOIN _dw_namemap rn ON rn.v = u.r_name
        LEFT JOIN _dw_namemap gc ON gc.v = u.country
        LEFT JOIN _dw_secmap asec ON asec.v = u.a_sectors
        LEFT JOIN _dw_secmap rsec ON rsec.v = u.r_sectors
    )
    SELECT _row, nullif(trim(m.id), '') AS origin_id,
        substr(sha1('icews' || chr(0) || trim(m.id)), 1, 16) AS id,
        nullif(trim(story), '') AS story_id, m.date AS date, 'day' AS date_precision,
        {SCALES_SELECT},
        a_code AS actor_code, a_sector AS actor_sector, r_code AS recipient_code, r_sector AS recipient_sector,
        {actor_json('a_code', 'a_sector', "nullif(trim(a_name), '')")} AS actor,
        {actor_json('r_code', 'r_sector', "nullif(trim(r_name), '')")} AS recipient,
        'asserted' AS modality, m.cameo AS cameo, NULL::DOUBLE AS confidence,
        nullif(trim(event_text), '') AS event_text, NULL::JSON AS evidence,
        nullif(concat_ws(', ', nullif(trim(city), ''), nullif(trim(province), ''), nullif(trim(country), '')), '')
            AS location,
        'icews' AS origin,
        to_json({{'Event ID': m.id, 'CAMEO Code': cameo_raw, 'Source Name': a_name, 'Source Country': a_country,
                  'Target Name': r_name, 'Target Country': r_country, 'Source Sectors': a_sectors,
                  'Target Sectors': r_sectors}}) AS original,
        intensity, nullif(trim(publisher), '') AS publisher, sentence AS sentence_number,
        nullif(trim(city), '') AS geo_name, geo_iso3 AS geo_country, nullif(trim(province), '') AS geo_adm1,
        nullif(trim(district), '') AS geo_adm2, lat AS geo_lat, lon AS geo_lon,
        CASE WHEN nullif(trim(m.id), '') IS NULL THEN 'empty Event ID' WHEN m.date IS NULL THEN 'empty Event Date'
             {CAMEO_ERR_WHEN} END AS err,
        CASE {CAMEO_ERR_DETAIL} END AS err_detail,
        {CAMEO_WARN}
    FROM m {SCALES_JOINS}
    """)
    lines = LineMap(lambda: plain.blank_lines + [r[0] for r in rejects] + list(range(1, header_line + 1)))
    try:
        # one thread for the INSERT when the cores are busy: in parallel it costs a quarter more CPU
        # (0.46 s against 0.37 s on 100k rows) and finishes no sooner
        with one_thread_when_busy(con):
            finish(con, report, name, lines, "Event ID")
    finally:
        con.execute("DROP VIEW IF EXISTS _dw_stage")
        for t in ("_dw_src", "_dw_secmap", "_dw_namemap"):
            con.execute(f"DROP TABLE IF EXISTS {t}")
    return rejects
