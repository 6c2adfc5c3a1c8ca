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

from .common import actor_json
from .reading import CSV, ImportReport, LineMap, Plain, read_into, read_table
from .stage import ID_SQL, finish_inserted, first_new_rowid, last_rowid, one_thread_when_busy

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_TYPES = {"GLOBALEVENTID": "BIGINT", "SQLDATE": "DATE", "IsRootEvent": "TINYINT", "QuadClass": "TINYINT",
          "GoldsteinScale": "DOUBLE", "NumMentions": "INTEGER", "NumSources": "INTEGER",
          "NumArticles": "INTEGER", "AvgTone": "DOUBLE"}
for _g in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
    _TYPES.update({f"{_g}_Type": "TINYINT", f"{_g}_Lat": "DOUBLE", f"{_g}_Long": "DOUBLE"})


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
            f"'country': {_fips(g + '_CountryCode')}, 'adm1': nullif(trim({g}_ADM1Code), ''), 'adm2': {adm2}, "
            f"'lat': {g}_Lat, 'lon': {g}_Long, 'feature_id': nullif(trim({g}_FeatureID), '')}} END")


# The code tables as MAPs (`_maps`), looked up in the select list: a join would do the same work,
# but DuckDB's joins do not keep the reader's order, and the one INSERT below needs it (a row's
# position is its rowid). A look-up of a string key costs about 0.04 s of CPU per 400k rows; the
# CAMEO table maps a code to its row number, whose fields are taken from lists (a MAP with struct
# values cost four times as much).
_CAMEO_FIELDS = ("cameo", "fix", "event", "mode", "context", "goldstein", "plover_score", "quad_code")
_MAPS = {
    "dw_gdelt_cameo": "SELECT MAP(list(raw ORDER BY raw), list(n ORDER BY raw)) FROM "
                      "(SELECT raw, row_number() OVER (ORDER BY raw) AS n FROM _dw_cameo_raw)",
    **{f"dw_gdelt_cameo_{f}": f"SELECT list({f} ORDER BY raw) FROM _dw_cameo_raw" for f in _CAMEO_FIELDS},
    "dw_gdelt_cc": "SELECT MAP(list(code), list(iso3)) FROM _dw_cc",
    "dw_gdelt_groups": "SELECT MAP(list(code), list(org)) FROM _dw_groups",
    "dw_gdelt_fips": "SELECT MAP(list(fips), list(iso3)) FROM _dw_fips",
}


def _maps(con: duckdb.DuckDBPyConnection) -> None:
    for var, sql in _MAPS.items():
        con.execute(f"SET VARIABLE {var} = ({sql})")


def _cameo(field: str) -> str:
    """A field of the CAMEO code's row (NULL when the code is none): `k` is its row number."""
    return f"getvariable('dw_gdelt_cameo_{field}')[k]"


def _fips(col: str) -> str:
    return f"getvariable('dw_gdelt_fips')[{col}]"


def _actor_code(p: str) -> str:
    """Country -> ISO (regions to their own codes), else the known group, else IGO/NGO/IMG/MNC."""
    return (f"coalesce(getvariable('dw_gdelt_cc')[{p}CountryCode], nullif(trim({p}CountryCode), ''), "
            f"getvariable('dw_gdelt_groups')[{p}KnownGroupCode], "
            f"CASE WHEN left({p}Code, 3) IN ('IGO', 'NGO', 'IMG', 'MNC') THEN left({p}Code, 3) END)")


# what finish_inserted() checks, from the stored columns: no GLOBALEVENTID (no origin_id), a code
# that is no CAMEO code (no cameo), a code read with its leading zero restored (cameo is not the
# code as written, which `original` keeps: a substring test, cheaper than parsing 400k JSON values;
# to_json escapes quotes in values, so the key's own value is the only match)
_ZERO = "cameo IS NOT NULL AND NOT contains(original::VARCHAR, '\"EventCode\":\"' || cameo || '\"')"
_CHECKS = f"""
    CASE WHEN origin_id IS NULL THEN 'empty GLOBALEVENTID' WHEN cameo IS NULL THEN 'unknown CAMEO code' END AS err,
    CASE WHEN origin_id IS NOT NULL AND cameo IS NULL
         THEN coalesce('"' || (original->>'EventCode') || '"', '(empty)') END AS err_detail,
    CASE WHEN {_ZERO} THEN 'CAMEO code lost its leading zero' END AS warn,
    CASE WHEN {_ZERO}
         THEN '"' || (original->>'EventCode') || '" read as "' || cameo || '"' ||
              CASE WHEN length(original->>'EventCode') = 2 THEN ' (not the root code ' || (original->>'EventCode') ||
              '); keep codes as text to keep the zero' ELSE '' END END AS warn_detail
"""


def import_events(con: duckdb.DuckDBPyConnection, plain: Plain, name: str, n_fields: int,
                  report: ImportReport, encoding: str = "utf-8") -> list[tuple[int, str, str]]:
    """Read one GDELT event file and store its rows. Returns the reader's rejects.

    One statement reads the file and inserts every row the reader keeps into `events`, mapped, in
    the file's order (the code tables are MAP look-ups, not joins, so the order holds and a row's
    position is its rowid): the file is read once and the wide rows are written once, with no
    staging table. finish_inserted() then checks the stored rows' narrow columns and deletes the
    rows not to keep (bad, without a PLOVER type, later duplicates, stored before)."""
    cols = event_columns(n_fields)
    v2 = n_fields == 61
    url = "nullif(trim(SOURCEURL), '')" if "SOURCEURL" in cols else "NULL::VARCHAR"  # computed once, stored twice
    _maps(con)
    a1, a2 = _actor_code("Actor1"), _actor_code("Actor2")
    # the rows as read, with the keys and the look-ups each used once or more
    src = f"""SELECT *, GLOBALEVENTID::VARCHAR AS origin_id,
        {ID_SQL.format(origin="'gdelt'", origin_id="GLOBALEVENTID::VARCHAR")} AS id,
        nullif(trim(EventCode), '') AS cameo_raw,
        getvariable('dw_gdelt_cameo')[nullif(trim(EventCode), '')] AS k,
        {a1} AS a_code, {a2} AS r_code,
        nullif(trim(Actor1Type1Code), '') AS a_sector, nullif(trim(Actor2Type1Code), '') AS r_sector,
        nullif(trim(Actor1Name), '') AS a_name, nullif(trim(Actor2Name), '') AS r_name,
        nullif(trim(ActionGeo_FullName), '') AS geo_name, {url} AS url
        FROM {CSV}"""
    mapped = {
        "id": "id", "origin_id": "origin_id", "date": "SQLDATE", "story_id": "url",
        "date_precision": "CASE WHEN SQLDATE IS NULL THEN 'undated' ELSE 'day' END",
        "event": _cameo("event"), "mode": _cameo("mode"), "context": f"coalesce({_cameo('context')}, []::VARCHAR[])",
        "goldstein": _cameo("goldstein"), "plover_score": _cameo("plover_score"), "quad_code": _cameo("quad_code"),
        "actor_code": "a_code", "recipient_code": "r_code", "modality": "'asserted'", "origin": "'gdelt'",
        "actor_sector": "a_sector", "recipient_sector": "r_sector",
        "actor": actor_json("a_code", "a_sector", "a_name"), "recipient": actor_json("r_code", "r_sector", "r_name"),
        "cameo": _cameo("cameo"), "location": "geo_name",
        "original": "to_json({'Actor1Code': Actor1Code, 'Actor2Code': Actor2Code, 'EventCode': cameo_raw, "
                    "'QuadClass': QuadClass, 'GoldsteinScale': GoldsteinScale, "
                    "'ActionGeo_CountryCode': ActionGeo_CountryCode, 'DATEADDED': DATEADDED})",
        "num_mentions": "NumMentions", "num_sources": "NumSources", "num_articles": "NumArticles",
        "avg_tone": "AvgTone", "is_root_event": "IsRootEvent = 1", "source_url": "url",
        "geo_type": "ActionGeo_Type", "geo_name": "geo_name", "geo_country": _fips("ActionGeo_CountryCode"),
        "geo_adm1": "nullif(trim(ActionGeo_ADM1Code), '')",
        "geo_adm2": "nullif(trim(ActionGeo_ADM2Code), '')" if v2 else "NULL::VARCHAR",
        "geo_lat": "ActionGeo_Lat", "geo_lon": "ActionGeo_Long",
        "geo_feature_id": "nullif(trim(ActionGeo_FeatureID), '')",
        "actor_geo": _geo_struct("Actor1Geo", v2), "recipient_geo": _geo_struct("Actor2Geo", v2),
    }
    before = last_rowid(con)
    statement = (f"INSERT INTO events ({', '.join(mapped)}) SELECT {', '.join(mapped.values())} FROM ({src}) _r")
    # the reads of an import keep the file's order (formats.insertion_order_kept)
    with one_thread_when_busy(con):
        rejects = read_into(con, plain, statement, cols, encoding=encoding, extra=", dateformat='%Y%m%d'")
    first = first_new_rowid(con, before)
    if encoding == "utf-8" and any(r[1] == "not valid UTF-8" for r in rejects):
        if first is not None:
            con.execute(f"DELETE FROM events WHERE rowid >= {first}")
        return rejects  # the caller re-reads the file as Latin-1
    lines = LineMap(lambda: plain.blank_lines + [r[0] for r in rejects])
    finish_inserted(con, report, name, lines, "GLOBALEVENTID", first, _CHECKS)
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
