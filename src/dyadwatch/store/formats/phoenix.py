"""Phoenix (OEDA) event records: 26 tab-separated fields, no header (a header line is skipped).

Kept as typed columns: Lat, Lon (geo_lat, geo_lon), LocationName (geo_name), StateName (geo_adm1),
CountryCode (geo_country), the first of URLs (source_url and story_id); the rest goes to `original`.
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
from .stage import finish

NAMES = ("EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity", "SourceActorRole",
         "SourceActorAttribute", "TargetActorFull", "TargetActorEntity", "TargetActorRole",
         "TargetActorAttribute", "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues", "Lat",
         "Lon", "LocationName", "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources")
COLUMNS = {n: {"QuadClass": "TINYINT", "GoldsteinScore": "DOUBLE", "Lat": "DOUBLE", "Lon": "DOUBLE"}.get(n, "VARCHAR")
           for n in NAMES}


def _code(p: str, entity: str, full: str) -> str:
    return (f"coalesce({p}c.iso3, nullif(trim({entity}), ''), "
            f"CASE WHEN left({full}, 3) IN ('IGO', 'NGO', 'IMG', 'MNC') THEN left({full}, 3) END)")


def import_file(con: duckdb.DuckDBPyConnection, plain: Plain, name: str, skip: int, report: ImportReport,
                encoding: str = "utf-8") -> list[tuple[int, str, str]]:
    rejects = read_table(con, plain, "_dw_src", COLUMNS, skip=skip, encoding=encoding)
    if encoding == "utf-8" and any(r[1] == "not valid UTF-8" for r in rejects):
        return rejects
    date = ("coalesce(try_strptime(trim(Date), '%Y%m%d')::DATE, "
            "try_strptime(trim(Year) || '-' || trim(Month) || '-' || trim(Day), '%Y-%m-%d')::DATE)")
    url = "nullif(trim(split_part(coalesce(URLs, ''), ';', 1)), '')"
    # rows a transaction adds have rowids from 2**55 on: a row's position is its rowid less the first's
    first_rowid = int(con.execute("SELECT coalesce(min(rowid), 0) FROM _dw_src").fetchall()[0][0])
    con.execute(f"""
    CREATE OR REPLACE TEMP VIEW _dw_stage AS
    WITH u AS (SELECT rowid - {first_rowid} + 1 AS _row, *, nullif(trim(EventCode), '') AS cameo_raw, {date} AS d FROM _dw_src),
    m AS (
        SELECT u.*, {cameo_select('u.cameo_raw')},
               {_code('a', 'SourceActorEntity', 'SourceActorFull')} AS a_code,
               {_code('r', 'TargetActorEntity', 'TargetActorFull')} AS r_code, gc.iso3 AS geo_iso3
        FROM u {cameo_joins('u.cameo_raw')}
        LEFT JOIN _dw_cc ac ON ac.code = u.SourceActorEntity
        LEFT JOIN _dw_cc rc ON rc.code = u.TargetActorEntity
        LEFT JOIN _dw_cc gc ON gc.code = u.CountryCode
    )
    SELECT _row, nullif(trim(EventID), '') AS origin_id,
        substr(sha1('phoenix' || chr(0) || trim(EventID)), 1, 16) AS id,
        coalesce({url}, nullif(trim(SentenceID), '')) AS story_id, d AS date, 'day' AS date_precision,
        {SCALES_SELECT},
        a_code AS actor_code, nullif(trim(SourceActorRole), '') AS actor_sector,
        r_code AS recipient_code, nullif(trim(TargetActorRole), '') AS recipient_sector,
        {actor_json('a_code', "nullif(trim(SourceActorRole), '')", "nullif(trim(SourceActorFull), '')")} AS actor,
        {actor_json('r_code', "nullif(trim(TargetActorRole), '')", "nullif(trim(TargetActorFull), '')")} AS recipient,
        'asserted' AS modality, m.cameo AS cameo, NULL::DOUBLE AS confidence, NULL::VARCHAR AS event_text,
        NULL::JSON AS evidence,
        nullif(concat_ws(', ', nullif(trim(LocationName), ''), nullif(trim(StateName), ''),
                         nullif(trim(CountryCode), '')), '') AS location,
        'phoenix' AS origin,
        to_json({{'SourceActorFull': SourceActorFull, 'TargetActorFull': TargetActorFull,
                  'SourceActorAttribute': SourceActorAttribute, 'TargetActorAttribute': TargetActorAttribute,
                  'EventCode': cameo_raw, 'QuadClass': QuadClass, 'GoldsteinScore': GoldsteinScore,
                  'Issues': Issues, 'CountryCode': CountryCode, 'SentenceID': SentenceID,
                  'URLs': URLs, 'NewsSources': NewsSources}}) AS original,
        {url} AS source_url, nullif(trim(NewsSources), '') AS publisher,
        nullif(trim(LocationName), '') AS geo_name, geo_iso3 AS geo_country,
        nullif(trim(StateName), '') AS geo_adm1, Lat AS geo_lat, Lon AS geo_lon,
        CASE WHEN nullif(trim(EventID), '') IS NULL THEN 'empty EventID' WHEN d IS NULL THEN 'bad Date'
             {CAMEO_ERR_WHEN} END AS err,
        CASE WHEN nullif(trim(EventID), '') IS NULL THEN NULL
             WHEN d IS NULL THEN coalesce('"' || Date || '"', '(empty)') {CAMEO_ERR_DETAIL} END AS err_detail,
        {CAMEO_WARN}
    FROM m {SCALES_JOINS}
    """)
    lines = LineMap(lambda: plain.blank_lines + [r[0] for r in rejects] + list(range(1, skip + 1)))
    try:
        finish(con, report, name, lines, "EventID")
    finally:
        con.execute("DROP VIEW IF EXISTS _dw_stage")
        con.execute("DROP TABLE IF EXISTS _dw_src")
    return rejects
