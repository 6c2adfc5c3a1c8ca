"""GDELT event files (1.0: 57 fields, 58 from April 2013 with SOURCEURL; 2.0: 61, ADM2Code added to
each geo block) and GDELT 2.0 mentions files (16 fields), tab-separated without a header.

Kept as typed columns: NumMentions, NumSources, NumArticles, AvgTone, IsRootEvent, SOURCEURL, the
ActionGeo block (geo_type, geo_name, geo_country as ISO alpha-3, geo_adm1, geo_adm2, geo_lat,
geo_lon, geo_feature_id) and the Actor1Geo / Actor2Geo blocks (actor_geo, recipient_geo structs).
The CAMEO actor codes (Actor1Code / Actor2Code, which spell out the known group, ethnic, religion
and type codes), EventCode as written, QuadClass, GoldsteinScale, the FIPS ActionGeo country and
DATEADDED go to `original`. Mentions go to `event_mentions` and make the
event's counts the larger of GDELT's and the mentions stored.
"""

from __future__ import annotations

import duckdb

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
from .stage import ID_SQL, finish, one_thread_when_busy

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_TYPES = {"GLOBALEVENTID": "BIGINT", "SQLDATE": "DATE", "IsRootEvent": "TINYINT", "QuadClass": "TINYINT",
          "GoldsteinScale": "DOUBLE", "NumMentions": "INTEGER", "NumSources": "INTEGER",
          "NumArticles": "INTEGER", "AvgTone": "DOUBLE"}
for _g in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
    _TYPES.update({f"{_g}_Type": "TINYINT", f"{_g}_Lat": "DOUBLE", f"{_g}_Long": "DOUBLE"})


_ACTOR_USED = ("Code", "Name", "CountryCode", "KnownGroupCode", "Type1Code")
# the event fields the mapping reads besides the geo blocks (the others are not read at all)
_USED = {"GLOBALEVENTID", "SQLDATE", "IsRootEvent", "EventCode", "QuadClass", "GoldsteinScale", "NumMentions",
         "NumSources", "NumArticles", "AvgTone", "DATEADDED", "SOURCEURL",
         *(f"{a}{x}" for a in ("Actor1", "Actor2") for x in _ACTOR_USED)}


def event_columns(n_fields: int) -> dict[str, str]:
    """Column names and types of a GDELT event file with 57, 58 or 61 fields."""
    v2 = n_fields == 61
    names = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    for a in ("Actor1", "Actor2"):
        names += [a + x for x in _ACTOR]
    names += ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
              "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    for g in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
        names += [f"{g}_{x}" for x in _GEO if v2 or x != "ADM2Code"]
    names += ["DATEADDED"]
    if n_fields in (58, 61):
        names += ["SOURCEURL"]
    return {n: _TYPES.get(n, "VARCHAR") for n in names}


MENTION_COLUMNS = {
    "GLOBALEVENTID": "BIGINT", "EventTimeDate": "BIGINT", "MentionTimeDate": "BIGINT", "MentionType": "TINYINT",
    "MentionSourceName": "VARCHAR", "MentionIdentifier": "VARCHAR", "SentenceID": "INTEGER",
    "Actor1CharOffset": "INTEGER", "Actor2CharOffset": "INTEGER", "ActionCharOffset": "INTEGER",
    "InRawText": "TINYINT", "Confidence": "DOUBLE", "MentionDocLen": "INTEGER", "MentionDocTone": "DOUBLE",
    "MentionDocTranslationInfo": "VARCHAR", "Extras": "VARCHAR",
}


def _geo_struct(g: str, has_adm2: bool) -> str:
    adm2 = f"nullif(trim({g}_ADM2Code), '')" if has_adm2 else "NULL::VARCHAR"
    return (f"CASE WHEN coalesce({g}_Type, 0) = 0 THEN NULL ELSE {{'type': {g}_Type, 'name': nullif(trim({g}_FullName), ''), "
            f"'country': {g[:6].lower()}_iso3, 'adm1': nullif(trim({g}_ADM1Code), ''), 'adm2': {adm2}, "
            f"'lat': {g}_Lat, 'lon': {g}_Long, 'feature_id': nullif(trim({g}_FeatureID), '')}} END")


def _actor_code(p: str) -> str:
    """Country -> ISO (regions to their own codes), else the known group, else IGO/NGO/IMG/MNC."""
    return (f"coalesce({p}c.iso3, nullif(trim(u.{p.upper()}CountryCode), ''), {p}g.org, "
            f"CASE WHEN left(u.{p.upper()}Code, 3) IN ('IGO', 'NGO', 'IMG', 'MNC') THEN left(u.{p.upper()}Code, 3) END)")


def import_events(con: duckdb.DuckDBPyConnection, plain: Plain, name: str, n_fields: int,
                  report: ImportReport, encoding: str = "utf-8") -> list[tuple[int, str, str]]:
    """Read one GDELT event file and stage + store its rows. Returns the reader's rejects."""
    cols = event_columns(n_fields)
    v2 = n_fields == 61
    url = "nullif(trim(SOURCEURL), '')" if "SOURCEURL" in cols else "NULL::VARCHAR"
    # the actor columns are renamed A1*/A2* so the actor joins read the same for both
    a1 = ", ".join(f"Actor1{x} AS A1{x}" for x in _ACTOR_USED)
    a2 = ", ".join(f"Actor2{x} AS A2{x}" for x in _ACTOR_USED)
    # The file is read once (in parallel unless the cores are busy) into a table of the columns
    # used (`_dw_raw`: the reader keeps the file's order, so a row's position is its rowid). The
    # mapping is two views over it: `_dw_keys` (ids, CAMEO, actor codes: what finish() checks and the
    # dyads) and `_dw_stage` (every events column, computed once, by the INSERT). Staging the mapped
    # rows in one statement from the reader needed row_number() for the positions (the joins do not
    # keep the reader's order), which made reading and mapping single-threaded: 1.3-1.5 s of wall
    # time on 400k rows, where the parallel read takes 0.5 s on two idle cores; the work (CPU with
    # one thread) is the same.
    used = [c for c in cols if c in _USED or c.split("_")[0] in ("Actor1Geo", "Actor2Geo", "ActionGeo")]
    # the row keys are computed as the file is read (in the file's order still), once for both views
    select = ", ".join([*used, "GLOBALEVENTID::VARCHAR AS origin_id",
                        ID_SQL.format(origin="'gdelt'", origin_id="GLOBALEVENTID::VARCHAR") + " AS id",
                        "nullif(trim(EventCode), '') AS cameo_raw"])
    with one_thread_when_busy(con):
        rejects = read_table(con, plain, "_dw_raw", cols, select=select, encoding=encoding,
                             extra=", dateformat='%Y%m%d'")
    if encoding == "utf-8" and any(r[1] == "not valid UTF-8" for r in rejects):
        con.execute("DROP TABLE IF EXISTS _dw_raw")
        return rejects  # the caller re-reads the file as Latin-1
    # rows a transaction adds have rowids from 2**55 on: a row's position is its rowid less the first's
    first_rowid = int(con.execute("SELECT coalesce(min(rowid), 0) FROM _dw_raw").fetchall()[0][0])
    u = f"u AS (SELECT rowid - {first_rowid} + 1 AS _row, *, {a1}, {a2} FROM _dw_raw)"
    actor_joins = f"""{cameo_joins('u.cameo_raw')}
        LEFT JOIN _dw_cc a1c ON a1c.code = u.A1CountryCode LEFT JOIN _dw_groups a1g ON a1g.code = u.A1KnownGroupCode
        LEFT JOIN _dw_cc a2c ON a2c.code = u.A2CountryCode LEFT JOIN _dw_groups a2g ON a2g.code = u.A2KnownGroupCode"""
    keys = f"""origin_id, id, SQLDATE AS date,
        {SCALES_SELECT}, a_code AS actor_code, r_code AS recipient_code, 'asserted' AS modality, 'gdelt' AS origin,
        CASE WHEN GLOBALEVENTID IS NULL THEN 'empty GLOBALEVENTID' {CAMEO_ERR_WHEN} END AS err,
        CASE {CAMEO_ERR_DETAIL} END AS err_detail,
        {CAMEO_WARN}"""
    # what finish() checks and the dyads: the keys, the CAMEO code and the actors' codes (no places)
    con.execute(f"""
    CREATE OR REPLACE TEMP VIEW _dw_keys AS
    WITH {u}, m AS (
        SELECT u.*, {cameo_select('u.cameo_raw')}, {_actor_code('a1')} AS a_code, {_actor_code('a2')} AS r_code
        FROM u {actor_joins})
    SELECT _row, {keys} FROM m
    """)
    con.execute(f"""
    CREATE OR REPLACE TEMP VIEW _dw_stage AS
    WITH {u},
    m AS (
        SELECT u.*, {cameo_select('u.cameo_raw')},
               {_actor_code('a1')} AS a_code, {_actor_code('a2')} AS r_code,
               gf.iso3 AS geo_iso3, actor1f.iso3 AS actor1_iso3, actor2f.iso3 AS actor2_iso3
        FROM u {actor_joins}
        LEFT JOIN _dw_fips gf ON gf.fips = u.ActionGeo_CountryCode
        LEFT JOIN _dw_fips actor1f ON actor1f.fips = u.Actor1Geo_CountryCode
        LEFT JOIN _dw_fips actor2f ON actor2f.fips = u.Actor2Geo_CountryCode
    )
    SELECT _row, {keys},
        {url} AS story_id, CASE WHEN SQLDATE IS NULL THEN 'undated' ELSE 'day' END AS date_precision,
        nullif(trim(A1Type1Code), '') AS actor_sector, nullif(trim(A2Type1Code), '') AS recipient_sector,
        {actor_json('a_code', "nullif(trim(A1Type1Code), '')", "nullif(trim(A1Name), '')")} AS actor,
        {actor_json('r_code', "nullif(trim(A2Type1Code), '')", "nullif(trim(A2Name), '')")} AS recipient,
        m.cameo AS cameo, NULL::DOUBLE AS confidence, NULL::VARCHAR AS event_text,
        NULL::JSON AS evidence, nullif(trim(ActionGeo_FullName), '') AS location,
        to_json({{'Actor1Code': A1Code, 'Actor2Code': A2Code, 'EventCode': cameo_raw, 'QuadClass': QuadClass,
                  'GoldsteinScale': GoldsteinScale, 'ActionGeo_CountryCode': ActionGeo_CountryCode,
                  'DATEADDED': DATEADDED}}) AS original,
        NumMentions AS num_mentions, NumSources AS num_sources, NumArticles AS num_articles,
        AvgTone AS avg_tone, IsRootEvent = 1 AS is_root_event, {url} AS source_url,
        ActionGeo_Type AS geo_type, nullif(trim(ActionGeo_FullName), '') AS geo_name, geo_iso3 AS geo_country,
        nullif(trim(ActionGeo_ADM1Code), '') AS geo_adm1,
        {"nullif(trim(ActionGeo_ADM2Code), '')" if v2 else "NULL::VARCHAR"} AS geo_adm2,
        ActionGeo_Lat AS geo_lat, ActionGeo_Long AS geo_lon, nullif(trim(ActionGeo_FeatureID), '') AS geo_feature_id,
        {_geo_struct('Actor1Geo', v2)} AS actor_geo, {_geo_struct('Actor2Geo', v2)} AS recipient_geo
    FROM m {SCALES_JOINS}
    """)
    lines = LineMap(lambda: plain.blank_lines + [r[0] for r in rejects])
    try:
        finish(con, report, name, lines, "GLOBALEVENTID", keys="_dw_keys")
    finally:
        con.execute("DROP VIEW IF EXISTS _dw_stage")
        con.execute("DROP VIEW IF EXISTS _dw_keys")
        con.execute("DROP TABLE IF EXISTS _dw_raw")
    return rejects


def import_mentions(con: duckdb.DuckDBPyConnection, plain: Plain, name: str, report: ImportReport,
                    encoding: str = "utf-8") -> list[tuple[int, str, str]]:
    """Store the rows of a GDELT 2.0 mentions file (each mention once) and refresh the counts of
    the events they mention."""
    rejects = read_table(con, plain, "_dw_msrc", MENTION_COLUMNS, encoding=encoding)
    if encoding == "utf-8" and any(r[1] == "not valid UTF-8" for r in rejects):
        return rejects
    lines = LineMap(lambda: plain.blank_lines + [r[0] for r in rejects])
    n = con.execute("SELECT count(*) FROM _dw_msrc").fetchall()[0][0]
    report.rows += n
    bad = con.execute("SELECT rowid - (SELECT min(rowid) FROM _dw_msrc) + 1 FROM _dw_msrc WHERE GLOBALEVENTID IS NULL ORDER BY 1").fetchall()
    if bad:
        report.rejects("empty GLOBALEVENTID", len(bad), [(f"{name}:{lines.line(r)}", "") for (r,) in bad[:20]])
    ts = "try_strptime({}::VARCHAR, '%Y%m%d%H%M%S')"
    con.execute(f"""
    CREATE OR REPLACE TEMP TABLE _dw_mstage AS
    SELECT DISTINCT ON (origin_id, identifier, sentence_id) * FROM (
        SELECT substr(sha1('gdelt' || chr(0) || GLOBALEVENTID::VARCHAR), 1, 16) AS event_id,
               GLOBALEVENTID::VARCHAR AS origin_id, {ts.format('EventTimeDate')} AS event_time,
               {ts.format('MentionTimeDate')} AS mention_time, MentionType AS mention_type,
               nullif(trim(MentionSourceName), '') AS source_name, nullif(trim(MentionIdentifier), '') AS identifier,
               SentenceID AS sentence_id, Actor1CharOffset AS actor1_offset, Actor2CharOffset AS actor2_offset,
               ActionCharOffset AS action_offset, InRawText = 1 AS in_raw_text, Confidence AS confidence,
               MentionDocLen AS doc_length, MentionDocTone AS doc_tone, rowid AS _r
        FROM _dw_msrc WHERE GLOBALEVENTID IS NOT NULL ORDER BY rowid)
    """)
    con.execute("""
    DELETE FROM _dw_mstage s WHERE EXISTS (SELECT 1 FROM event_mentions e WHERE e.origin_id = s.origin_id
        AND e.identifier IS NOT DISTINCT FROM s.identifier AND e.sentence_id IS NOT DISTINCT FROM s.sentence_id)
    """)
    new = con.execute("SELECT count(*) FROM _dw_mstage").fetchall()[0][0]
    report.already += n - len(bad) - new
    con.execute("INSERT INTO event_mentions SELECT * EXCLUDE (_r) FROM _dw_mstage")
    report.mentions += new
    refresh_counts(con, "SELECT DISTINCT event_id FROM _dw_mstage")
    for t in ("_dw_msrc", "_dw_mstage"):
        con.execute(f"DROP TABLE IF EXISTS {t}")
    return rejects


def refresh_counts(con: duckdb.DuckDBPyConnection, ids_sql: str) -> None:
    """Events' mention counts: the larger of GDELT's own figures and the mentions stored."""
    con.execute(f"""
    UPDATE events SET num_mentions = greatest(coalesce(events.num_mentions, 0), m.n),
                      num_sources = greatest(coalesce(events.num_sources, 0), m.s),
                      num_articles = greatest(coalesce(events.num_articles, 0), m.a)
    FROM (SELECT event_id, count(*)::INTEGER AS n, count(DISTINCT source_name)::INTEGER AS s,
                 count(DISTINCT identifier)::INTEGER AS a
          FROM event_mentions WHERE event_id IN ({ids_sql}) GROUP BY 1) m
    WHERE events.id = m.event_id
    """)
