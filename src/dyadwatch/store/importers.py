"""Importers of others' event data: GDELT 1.0/2.0, ICEWS, Phoenix (tab-separated) and POLECAT /
PLOVER JSON lines.

Tab-separated files are read by DuckDB (every line as one VARCHAR, split in SQL), codes are mapped
with joins, and rows are checked in SQL, so a million GDELT rows import in seconds while every bad
row still gets a message `file:line: reason`. Imported events keep their origin, their original id
(`origin_id`) and their original codes (`original` JSON); their id is `import_event_id(origin,
origin_id)`, so importing a file twice stores its events once.

CAMEO 01x (public statements) has no PLOVER type: such rows are skipped and counted
(`ImportReport.no_plover`), not stored. CAMEO 02x (appeals) are stored as REQUEST.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from ..events import PLOVER_MODE_SCORE, PLOVER_SCORE, QUAD, Actor, Event, cameo_table
from .codes import (
    CAMEO_GROUPS,
    GENERIC_ACTORS,
    cameo_country_table,
    country_name_to_iso3,
    fips_table,
    sectors_to_plover,
)
from .core import Store

FORMATS = ("gdelt", "icews", "phoenix", "polecat", "plover")
MAX_MESSAGES = 1000  # messages kept per import; the counts are always complete


def import_event_id(origin: str, origin_id: str) -> str:
    """The stable id of an imported event: from its origin and its id in the origin dataset."""
    return hashlib.sha1(f"{origin}\x00{origin_id}".encode()).hexdigest()[:16]


@dataclass
class ImportReport:
    format: str
    files: list[str] = field(default_factory=list)
    rows: int = 0  # data rows read
    new: int = 0  # events stored
    already: int = 0  # valid events already in the store
    bad: int = 0  # rows skipped with a message
    duplicates: int = 0  # rows whose original id repeats an earlier row (the first is kept)
    no_plover: int = 0  # CAMEO 01x public statements: no PLOVER type, skipped
    messages: list[str] = field(default_factory=list)

    def message(self, text: str) -> None:
        if len(self.messages) < MAX_MESSAGES:
            self.messages.append(text)

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("format", "files", "rows", "new", "already", "bad",
                                               "duplicates", "no_plover")}


# -- lookup tables in DuckDB ---------------------------------------------------------------------

def _register_lookups(store: Store) -> None:
    con = store.con

    def _table(con: duckdb.DuckDBPyConnection, name: str, df: pd.DataFrame) -> None:
        con.register("_dw_tmp_frame", df)
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM _dw_tmp_frame")
        con.unregister("_dw_tmp_frame")

    table = cameo_table()
    _table(con, "_dw_cameo", pd.DataFrame({
        "code": list(table), "plover": [r["plover"] for r in table.values()],
        "mode": [r["mode"] for r in table.values()], "context": [r["context"] for r in table.values()],
        "goldstein": [r["goldstein"] for r in table.values()],
    }))
    scores = [(ev, None, s) for ev, s in PLOVER_SCORE.items()]
    scores += [(ev, mode, s) for (ev, mode), s in PLOVER_MODE_SCORE.items()]
    _table(con, "_dw_score", pd.DataFrame(scores, columns=["event", "mode", "score"]))
    _table(con, "_dw_quad", pd.DataFrame(list(QUAD.items()), columns=["event", "quad"]))
    cc = cameo_country_table()
    _table(con, "_dw_cc", pd.DataFrame({"code": list(cc), "iso3": list(cc.values())}))
    _table(con, "_dw_groups", pd.DataFrame({"code": list(CAMEO_GROUPS), "org": list(CAMEO_GROUPS.values())}))
    fips = fips_table()
    _table(con, "_dw_fips", pd.DataFrame({"fips": list(fips), "iso3": list(fips.values())}))


def is_utf8(path: str, chunk: int = 1 << 22) -> bool:
    """Whether the file decodes as UTF-8 (checked chunk by chunk, without holding it in memory)."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as fh:
            while block := fh.read(chunk):
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _read_lines(store: Store, path: str, report: ImportReport | None = None) -> None:
    """Every line of `path` as (line, raw) in the temp table _dw_lines (blank lines as NULL).
    A file that is not UTF-8 is read as Latin-1, with a message."""
    encoding = "utf-8"
    if not is_utf8(path):
        encoding = "latin-1"
        if report is not None:
            report.message(f"{path}: not valid UTF-8, read as Latin-1")
    store.con.execute("DROP TABLE IF EXISTS _dw_lines")
    store.con.execute(
        "CREATE TEMP TABLE _dw_lines AS SELECT row_number() OVER () AS line, nullif(rtrim(raw, chr(13)), '') "
        "AS raw FROM read_csv(?, columns={'raw': 'VARCHAR'}, delim=chr(1), header=false, quote='', "
        f"escape='', auto_detect=false, encoding='{encoding}')",
        [str(path)],
    )


# The common shape every tab-separated importer produces (temp table _dw_raw):
# line, origin_id, story_id, date (DATE), cameo, a_code, a_sector, a_name, r_code, r_sector, r_name,
# location, event_text, original (JSON text), error (NULL when the row is good).

_FINISH_SQL = """
CREATE TEMP TABLE _dw_stage AS
WITH j AS (
    SELECT r.*, c.code AS cameo_ok, c.plover AS event, c.mode AS mode, c.context AS ctx,
           coalesce(c.goldstein, p3.goldstein, p2.goldstein) AS goldstein
    FROM _dw_raw r
    LEFT JOIN _dw_cameo c ON c.code = r.cameo
    LEFT JOIN _dw_cameo p3 ON p3.code = left(r.cameo, 3)
    LEFT JOIN _dw_cameo p2 ON p2.code = left(r.cameo, 2)
    WHERE r.error IS NULL
)
SELECT
    substr(sha1(? || chr(0) || origin_id), 1, 16) AS id,
    story_id, date, CASE WHEN date IS NULL THEN 'undated' ELSE 'day' END AS date_precision,
    j.event, j.mode,
    CASE WHEN ctx IS NULL THEN []::VARCHAR[]
         ELSE list_transform(string_split(ctx, ';'), lambda x: trim(x)) END AS context,
    a_code AS actor_code, a_sector AS actor_sector, r_code AS recipient_code, r_sector AS recipient_sector,
    CASE WHEN a_code IS NULL AND a_name IS NULL THEN '[]'
         ELSE json_array(json_object('code', a_code, 'sector', a_sector, 'entity_text', a_name,
                                     'start', NULL, 'end', NULL)) END AS actor,
    CASE WHEN r_code IS NULL AND r_name IS NULL THEN '[]'
         ELSE json_array(json_object('code', r_code, 'sector', r_sector, 'entity_text', r_name,
                                     'start', NULL, 'end', NULL)) END AS recipient,
    'asserted' AS modality, cameo, goldstein,
    coalesce(sm.score, s.score) AS plover_score, q.quad::TINYINT AS quad_code,
    NULL::DOUBLE AS confidence, event_text, NULL::JSON AS evidence, location,
    ? AS origin, origin_id, original::JSON AS original, line
FROM j
LEFT JOIN _dw_score s ON s.event = j.event AND s.mode IS NULL
LEFT JOIN _dw_score sm ON sm.event = j.event AND sm.mode = j.mode
LEFT JOIN _dw_quad q ON q.event = j.event
WHERE j.event IS NOT NULL
"""


def _finish(store: Store, origin: str, path: str, report: ImportReport, dedupe_note: str) -> None:
    """Report bad rows and duplicates of _dw_raw, then store its good rows."""
    con = store.con
    report.rows += con.execute("SELECT count(*) FROM _dw_raw").fetchall()[0][0]
    # codes not in the CAMEO table are bad rows
    con.execute(
        "UPDATE _dw_raw SET error = 'unknown CAMEO code ' || coalesce('\"' || cameo || '\"', '(empty)') "
        "WHERE error IS NULL AND (cameo IS NULL OR cameo NOT IN (SELECT code FROM _dw_cameo))"
    )
    bad = con.execute("SELECT line, error FROM _dw_raw WHERE error IS NOT NULL ORDER BY line").fetchall()
    report.bad += len(bad)
    for line, err in bad[:MAX_MESSAGES]:
        report.message(f"{path}:{line}: {err}")
    dups = con.execute(
        "SELECT line, origin_id, first_line FROM (SELECT line, origin_id, min(line) OVER (PARTITION BY "
        "origin_id) AS first_line FROM _dw_raw WHERE error IS NULL) WHERE line > first_line ORDER BY line"
    ).fetchall()
    report.duplicates += len(dups)
    for line, oid, first in dups[:MAX_MESSAGES]:
        report.message(f"{path}:{line}: {dedupe_note} {oid!r} repeats line {first}; kept line {first}")
    con.execute("DELETE FROM _dw_raw WHERE line IN (SELECT line FROM (SELECT line, row_number() OVER "
                "(PARTITION BY origin_id ORDER BY line) AS rn FROM _dw_raw WHERE error IS NULL) WHERE rn > 1)")
    con.execute("DROP TABLE IF EXISTS _dw_stage")
    con.execute(_FINISH_SQL, [origin, origin])
    good = con.execute("SELECT count(*) FROM _dw_raw WHERE error IS NULL").fetchall()[0][0]
    staged = con.execute("SELECT count(*) FROM _dw_stage").fetchall()[0][0]
    report.no_plover += good - staged
    new = store.insert_staged("_dw_stage", unique=True)
    report.new += new
    report.already += staged - new
    con.execute("DROP TABLE IF EXISTS _dw_stage")
    con.execute("DROP TABLE IF EXISTS _dw_raw")
    con.execute("DROP TABLE IF EXISTS _dw_lines")
    con.execute("DROP TABLE IF EXISTS _dw_fields")


def _actor_joins(p: str, country: str, group: str, code: str) -> tuple[str, str]:
    """(LEFT JOIN clauses, SQL expression) for an actor code from CAMEO fields of table alias `u`:
    country code -> ISO alpha-3, else the known group, else a generic IGO/NGO/IMG/MNC prefix."""
    joins = (f"LEFT JOIN _dw_cc {p}c ON {p}c.code = u.{country} "
             f"LEFT JOIN _dw_groups {p}g ON {p}g.code = u.{group} ")
    expr = (f"coalesce({p}c.iso3, u.{country}, {p}g.org, u.{group}, "
            f"CASE WHEN left(u.{code}, 3) IN {GENERIC_ACTORS!r} THEN left(u.{code}, 3) END)")
    return joins, expr


def _f(i: int | str) -> str:
    return f"nullif(trim(f[{i}]), '')"


def _fields(store: Store, columns: dict[str, str], where: str = "TRUE") -> None:
    """Split the lines of _dw_lines at tabs into the temp table _dw_fields(line, ncol, columns...)."""
    cols = ", ".join(f"{expr} AS {name}" for name, expr in columns.items())
    store.con.execute("DROP TABLE IF EXISTS _dw_fields")
    store.con.execute(
        f"CREATE TEMP TABLE _dw_fields AS SELECT line, len(f) AS ncol, {cols} FROM "
        f"(SELECT line, raw, string_split(raw, chr(9)) AS f FROM _dw_lines WHERE raw IS NOT NULL AND {where})"
    )


_GEO = "(CASE len(f) WHEN 61 THEN 8 ELSE 7 END)"
_GDELT_COLUMNS = {
    "id": _f(1), "sqldate": "f[2]", "a_full": _f(6), "a_name": _f(7), "a_country": _f(8), "a_group": _f(9),
    "a_type": _f(13), "r_full": _f(16), "r_name": _f(17), "r_country": _f(18), "r_group": _f(19),
    "r_type": _f(23), "ev_code": _f(27), "quad": _f(30), "gold": _f(31), "mentions": _f(32), "tone": _f(35),
    "geo_name": f"nullif(trim(f[37 + 2 * {_GEO}]), '')", "geo_cc": f"nullif(trim(f[38 + 2 * {_GEO}]), '')",
    "geo_lat": f"nullif(f[33 + 3 * {_GEO}], '')", "geo_lon": f"nullif(f[34 + 3 * {_GEO}], '')",
    "url": f"CASE WHEN len(f) IN (58, 61) THEN {_f('len(f)')} END",
}


def _import_gdelt(store: Store, path: str, report: ImportReport) -> None:
    _read_lines(store, path, report)
    _fields(store, _GDELT_COLUMNS)
    aj, a_expr = _actor_joins("a", "a_country", "a_group", "a_full")
    rj, r_expr = _actor_joins("r", "r_country", "r_group", "r_full")
    store.con.execute(f"""
    CREATE TEMP TABLE _dw_raw AS
    SELECT line, id AS origin_id, url AS story_id, try_strptime(sqldate, '%Y%m%d')::DATE AS date,
           ev_code AS cameo, {a_expr} AS a_code, a_type AS a_sector, a_name,
           {r_expr} AS r_code, r_type AS r_sector, r_name, geo_name AS location, NULL AS event_text,
           json_object('Actor1Code', a_full, 'Actor2Code', r_full, 'EventCode', ev_code, 'QuadClass', quad,
                       'GoldsteinScale', gold, 'NumMentions', mentions, 'AvgTone', tone,
                       'ActionGeo_CountryCode', geo_cc, 'ActionGeo_ISO3', fp.iso3,
                       'ActionGeo_Lat', geo_lat, 'ActionGeo_Long', geo_lon)::VARCHAR AS original,
           CASE WHEN ncol NOT IN (57, 58, 61) THEN 'expected 57, 58 or 61 tab-separated fields, found ' || ncol
                WHEN id IS NULL THEN 'empty GLOBALEVENTID'
                WHEN try_strptime(sqldate, '%Y%m%d') IS NULL
                THEN 'bad SQLDATE ' || coalesce('"' || sqldate || '"', '(empty)') END AS error
    FROM _dw_fields u {aj} {rj} LEFT JOIN _dw_fips fp ON fp.fips = u.geo_cc
    """)
    _finish(store, "gdelt", path, report, "GLOBALEVENTID")


_ICEWS_FIELDS = {
    "event id": "id", "event date": "date", "source name": "a_name", "source sectors": "a_sectors",
    "source country": "a_country", "event text": "event_text", "cameo code": "cameo",
    "intensity": "intensity", "target name": "r_name", "target sectors": "r_sectors",
    "target country": "r_country", "story id": "story", "sentence number": "sentence",
    "publisher": "publisher", "city": "city", "province": "province", "country": "country",
    "latitude": "lat", "longitude": "lon",
}


def _lookup_table(store: Store, name: str, rows: list[tuple[Any, Any]], cols: tuple[str, str]) -> None:
    store.con.register("_dw_tmp_frame", pd.DataFrame(rows or [("", None)], columns=list(cols)))
    store.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM _dw_tmp_frame")
    store.con.unregister("_dw_tmp_frame")


def _import_icews(store: Store, path: str, report: ImportReport) -> None:
    con = store.con
    _read_lines(store, path, report)
    first = con.execute("SELECT line, raw FROM _dw_lines WHERE raw IS NOT NULL ORDER BY line LIMIT 1").fetchall()
    head = first[0] if first else None
    if head is None:
        report.message(f"{path}: empty file")
        return
    header_line, header = head
    names = [h.strip().strip('"').lstrip("\ufeff").lower() for h in header.split("\t")]
    pos = {_ICEWS_FIELDS[n]: i + 1 for i, n in enumerate(names) if n in _ICEWS_FIELDS}
    missing = [k for k in ("id", "date", "cameo", "a_country", "r_country") if k not in pos]
    if missing:
        report.message(f"{path}:{header_line}: not an ICEWS header (missing {', '.join(missing)})")
        report.bad += 1
        return
    columns = {key: _f(pos[key]) if key in pos else "NULL::VARCHAR" for key in _ICEWS_FIELDS.values()}
    _fields(store, columns, where=f"line > {header_line}")
    # names -> ISO3 and sector words -> PLOVER sector, per distinct value (few), in Python
    distinct = con.execute("SELECT DISTINCT v FROM (SELECT unnest([a_country, r_country, a_name, r_name]) AS v "
                           "FROM _dw_fields) WHERE v IS NOT NULL").fetchall()
    _lookup_table(store, "_dw_names", [(v, country_name_to_iso3(v)) for (v,) in distinct], ("name", "iso3"))
    sectors = con.execute("SELECT DISTINCT v FROM (SELECT unnest([a_sectors, r_sectors]) AS v FROM _dw_fields) "
                          "WHERE v IS NOT NULL").fetchall()
    _lookup_table(store, "_dw_sectors", [(v, sectors_to_plover(v)) for (v,) in sectors], ("words", "sector"))
    n = len(names)
    con.execute(f"""
    CREATE TEMP TABLE _dw_raw AS
    SELECT line, u.id AS origin_id, story AS story_id, try_strptime(u.date, '%Y-%m-%d')::DATE AS date,
           CASE WHEN c1.code IS NOT NULL THEN c1.code WHEN c2.code IS NOT NULL THEN c2.code
                ELSE u.cameo END AS cameo,
           coalesce(ac.iso3, an.iso3) AS a_code, asec.sector AS a_sector, a_name,
           coalesce(rc.iso3, rn.iso3) AS r_code, rsec.sector AS r_sector, r_name,
           nullif(concat_ws(', ', city, province, country), '') AS location, event_text,
           json_object('Event ID', u.id, 'CAMEO Code', u.cameo, 'Intensity', intensity,
                       'Source Country', a_country, 'Target Country', r_country,
                       'Source Sectors', a_sectors, 'Target Sectors', r_sectors, 'Publisher', publisher,
                       'Sentence Number', sentence, 'Latitude', lat, 'Longitude', lon)::VARCHAR AS original,
           CASE WHEN ncol != {n} THEN 'expected {n} tab-separated fields, found ' || ncol
                WHEN u.id IS NULL THEN 'empty Event ID'
                WHEN try_strptime(u.date, '%Y-%m-%d') IS NULL
                THEN 'bad Event Date ' || coalesce('"' || u.date || '"', '(empty)') END AS error
    FROM _dw_fields u
    LEFT JOIN _dw_cameo c1 ON c1.code = u.cameo
    LEFT JOIN _dw_cameo c2 ON c2.code = '0' || u.cameo
    LEFT JOIN _dw_names ac ON ac.name = u.a_country
    LEFT JOIN _dw_names an ON an.name = u.a_name
    LEFT JOIN _dw_names rc ON rc.name = u.r_country
    LEFT JOIN _dw_names rn ON rn.name = u.r_name
    LEFT JOIN _dw_sectors asec ON asec.words = u.a_sectors
    LEFT JOIN _dw_sectors rsec ON rsec.words = u.r_sectors
    """)
    _finish(store, "icews", path, report, "Event ID")


_PHOENIX_COLUMNS = {
    "id": _f(1), "ymd": "f[2]", "y": "f[3]", "m": "f[4]", "d": "f[5]", "a_full": _f(6), "a_entity": _f(7),
    "a_role": _f(8), "r_full": _f(10), "r_entity": _f(11), "r_role": _f(12), "ev_code": _f(14),
    "quad": _f(16), "gold": _f(17), "issues": _f(18), "lat": _f(19), "lon": _f(20), "place": _f(21),
    "state": _f(22), "cc": _f(23), "sentence_id": _f(24), "urls": _f(25), "sources": _f(26),
    "no_group": "NULL::VARCHAR",
}


def _import_phoenix(store: Store, path: str, report: ImportReport) -> None:
    _read_lines(store, path, report)
    _fields(store, _PHOENIX_COLUMNS, where="NOT starts_with(lower(raw), 'eventid')")
    aj, a_expr = _actor_joins("a", "a_entity", "no_group", "a_full")
    rj, r_expr = _actor_joins("r", "r_entity", "no_group", "r_full")
    date = ("coalesce(try_strptime(ymd, '%Y%m%d')::DATE, "
            "try_strptime(y || '-' || m || '-' || d, '%Y-%m-%d')::DATE)")
    store.con.execute(f"""
    CREATE TEMP TABLE _dw_raw AS
    SELECT line, id AS origin_id,
           coalesce(nullif(trim(split_part(coalesce(urls, ''), ';', 1)), ''), sentence_id) AS story_id,
           {date} AS date, ev_code AS cameo,
           {a_expr} AS a_code, a_role AS a_sector, a_full AS a_name,
           {r_expr} AS r_code, r_role AS r_sector, r_full AS r_name,
           nullif(concat_ws(', ', place, state, cc), '') AS location, NULL AS event_text,
           json_object('SourceActorFull', a_full, 'TargetActorFull', r_full, 'EventCode', ev_code,
                       'QuadClass', quad, 'GoldsteinScore', gold, 'Issues', issues, 'CountryCode', cc,
                       'SentenceID', sentence_id, 'NewsSources', sources, 'Lat', lat, 'Lon', lon)::VARCHAR
               AS original,
           CASE WHEN ncol != 26 THEN 'expected 26 tab-separated fields, found ' || ncol
                WHEN id IS NULL THEN 'empty EventID'
                WHEN {date} IS NULL THEN 'bad Date ' || coalesce('"' || ymd || '"', '(empty)') END AS error
    FROM _dw_fields u {aj} {rj}
    """)
    _finish(store, "phoenix", path, report, "EventID")


# -- POLECAT / PLOVER JSON lines -----------------------------------------------------------------

def _actors(value: Any) -> list[Actor]:
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        value = [value]
    out = []
    for a in value:
        if isinstance(a, str):
            out.append(Actor(code=a))
            continue
        if not isinstance(a, dict):
            continue
        code = a.get("code") or a.get("country")
        if code:
            code = cameo_country_table().get(str(code).upper(), str(code).upper())
        out.append(Actor(code=code, sector=a.get("sector") or a.get("code_1") or a.get("actor_type"),
                         entity_text=a.get("entity_text") or a.get("name") or a.get("text"),
                         start=a.get("start"), end=a.get("end"), office=a.get("office")))
    return out


def _str_list(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.replace(";", ",").split(",") if v.strip()]
    return [str(v) for v in value]


def plover_record_to_event(rec: dict[str, Any], origin: str = "polecat") -> Event:
    """One POLECAT / PLOVER record as an Event. Records written by `dyadwatch export --format
    plover` carry `origin`, `origin_id` and their id, which are kept as they are."""
    event = rec.get("event")
    if isinstance(event, list):
        event = event[0] if event else None
    if not event or str(event).upper() not in QUAD:
        raise ValueError(f"unknown PLOVER event type {event!r}")
    mode = rec.get("mode")
    if isinstance(mode, list):
        mode = mode[0] if mode else None
    rec_origin = rec.get("origin")
    ours = bool(rec_origin) and "id" in rec and "origin_id" in rec
    origin_id = rec.get("origin_id") if ours else rec.get("id") or rec.get("event_id")
    if not ours and not origin_id:
        raise ValueError("record without an id")
    geo = rec.get("event_geolocation") or {}
    location = rec.get("event_loc") or rec.get("location") or geo.get("resolved_placename")
    if isinstance(location, dict):
        location = location.get("name") or location.get("resolved_placename") or json.dumps(location)
    original = rec.get("original") if ours else {
        k: rec[k] for k in ("id", "event", "mode", "quad_code", "event_scale", "publisher", "headline",
                            "pub_date", "event_geolocation", "coder") if k in rec}
    date = rec.get("date") or rec.get("event_date") or rec.get("pub_date")
    confidence = rec.get("confidence")
    e = Event(
        story_id=str(rec.get("story_id") or rec.get("link") or ""),
        event=str(event), actor=_actors(rec.get("actor")), recipient=_actors(rec.get("recipient")),
        mode=mode or None, context=_str_list(rec.get("context")),
        date=str(date)[:10] if date else None,
        date_precision=rec.get("date_precision") or ("day" if date else "undated"),
        modality=rec.get("modality") or "asserted", cameo=rec.get("cameo"),
        confidence=float(confidence) if confidence is not None else None,  # type: ignore[arg-type]
        event_text=rec.get("event_text") or rec.get("text"), location=location,
        origin=str(rec_origin) if ours else origin, origin_id=str(origin_id) if origin_id else None,
        original=original or None,
        id=str(rec["id"]) if ours else import_event_id(origin, str(origin_id)),
    )
    ev_obj = rec.get("evidence")
    if ours and isinstance(ev_obj, dict):
        e.sentence_index = ev_obj.get("sentence_index")
        e.sentence_start = ev_obj.get("sentence_start")
        trig = ev_obj.get("trigger") or {}
        e.trigger, e.trigger_start, e.trigger_end = trig.get("text"), trig.get("start"), trig.get("end")
        e.lexicon_id = ev_obj.get("lexicon_id")
        for a, span in zip(e.actor, ev_obj.get("actor") or []):
            a.start, a.end = span.get("start"), span.get("end")
        for r, span in zip(e.recipient, ev_obj.get("recipient") or []):
            r.start, r.end = span.get("start"), span.get("end")
    return e


def _import_polecat(store: Store, path: str, report: ImportReport, origin: str = "polecat") -> None:
    def events() -> Iterator[Event]:
        seen: dict[str, int] = {}
        with open(path, encoding="utf-8", errors="replace") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                report.rows += 1
                try:
                    rec = json.loads(line)
                    if not isinstance(rec, dict):
                        raise TypeError("not a JSON object")
                    e = plover_record_to_event(rec, origin)
                except (ValueError, TypeError, KeyError, AttributeError) as exc:
                    report.bad += 1
                    report.message(f"{path}:{lineno}: {str(exc)[:200]}")
                    continue
                if e.id in seen:
                    report.duplicates += 1
                    report.message(f"{path}:{lineno}: id {e.origin_id or e.id!r} repeats line {seen[e.id]}; "
                                   f"kept line {seen[e.id]}")
                    continue
                seen[e.id or ""] = lineno
                yield e

    before = report.rows - report.bad - report.duplicates
    new = store.add_events(events())
    report.new += new
    report.already += (report.rows - report.bad - report.duplicates) - before - new


_IMPORTERS: dict[str, Callable[[Store, str, ImportReport], None]] = {
    "gdelt": _import_gdelt, "icews": _import_icews, "phoenix": _import_phoenix,
    "polecat": _import_polecat, "plover": _import_polecat,
}


def import_files(store: Store, fmt: str, paths: Iterable[str | os.PathLike],
                 on_message: Callable[[str], None] | None = None) -> ImportReport:
    """Import event files of one format into `store`. Each file is one transaction; a file that
    cannot be read gets a message and the others go on."""
    fmt = fmt.lower()
    if fmt not in _IMPORTERS:
        raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    store._writable()
    report = ImportReport(format=fmt)
    if fmt not in ("polecat", "plover"):
        _register_lookups(store)
    for p in paths:
        path = str(p)
        n_msgs = len(report.messages)
        if not Path(path).is_file():
            report.message(f"{path}: no such file")
        elif fmt in ("polecat", "plover"):  # add_events commits batch by batch
            report.files.append(path)
            try:
                _IMPORTERS[fmt](store, path, report)
            except OSError as exc:
                report.message(f"{path}: could not import: {exc}")
        else:
            report.files.append(path)
            store.con.execute("BEGIN TRANSACTION")
            try:
                _IMPORTERS[fmt](store, path, report)
                store.con.execute("COMMIT")
            except (duckdb.Error, OSError, UnicodeError) as exc:  # a broken file must not stop the others
                store.con.execute("ROLLBACK")
                report.message(f"{path}: could not import: {str(exc).splitlines()[0][:300]}")
        if on_message:
            for m in report.messages[n_msgs:]:
                on_message(m)
    return report
