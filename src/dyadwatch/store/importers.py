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
    table = cameo_table()
    con.register("_dw_cameo", pd.DataFrame({
        "code": list(table), "plover": [r["plover"] for r in table.values()],
        "mode": [r["mode"] for r in table.values()], "context": [r["context"] for r in table.values()],
        "goldstein": [r["goldstein"] for r in table.values()],
    }))
    scores = [(ev, None, s) for ev, s in PLOVER_SCORE.items()]
    scores += [(ev, mode, s) for (ev, mode), s in PLOVER_MODE_SCORE.items()]
    con.register("_dw_score", pd.DataFrame(scores, columns=["event", "mode", "score"]))
    con.register("_dw_quad", pd.DataFrame(list(QUAD.items()), columns=["event", "quad"]))
    cc = cameo_country_table()
    con.register("_dw_cc", pd.DataFrame({"code": list(cc), "iso3": list(cc.values())}))
    con.register("_dw_groups", pd.DataFrame({"code": list(CAMEO_GROUPS), "org": list(CAMEO_GROUPS.values())}))
    fips = fips_table()
    con.register("_dw_fips", pd.DataFrame({"fips": list(fips), "iso3": list(fips.values())}))


def _read_lines(store: Store, path: str) -> None:
    """Every line of `path` as (line, raw) in the temp table _dw_lines (blank lines as NULL)."""
    store.con.execute("DROP TABLE IF EXISTS _dw_lines")
    store.con.execute(
        "CREATE TEMP TABLE _dw_lines AS SELECT row_number() OVER () AS line, raw FROM read_csv(?, "
        "columns={'raw': 'VARCHAR'}, delim=chr(1), header=false, quote='', escape='', auto_detect=false)",
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
    report.rows += con.execute("SELECT count(*) FROM _dw_raw").fetchone()[0]
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
    good = con.execute("SELECT count(*) FROM _dw_raw WHERE error IS NULL").fetchone()[0]
    staged = con.execute("SELECT count(*) FROM _dw_stage").fetchone()[0]
    report.no_plover += good - staged
    new = store.insert_staged("_dw_stage")
    report.new += new
    report.already += staged - new
    con.execute("DROP TABLE IF EXISTS _dw_stage")
    con.execute("DROP TABLE IF EXISTS _dw_raw")
    con.execute("DROP TABLE IF EXISTS _dw_lines")


def _actor_sql(country: str, group: str, code: str) -> str:
    """SQL for an actor code from GDELT/Phoenix CAMEO fields (country, known group, full code)."""
    return (f"coalesce((SELECT iso3 FROM _dw_cc WHERE _dw_cc.code = {country}), {country}, "
            f"(SELECT org FROM _dw_groups g WHERE g.code = {group}), {group}, "
            f"CASE WHEN left({code}, 3) IN {GENERIC_ACTORS!r} THEN left({code}, 3) END)")


def _f(i: int) -> str:
    return f"nullif(trim(f[{i}]), '')"


def _import_gdelt(store: Store, path: str, report: ImportReport) -> None:
    _read_lines(store, path)
    g = "(CASE ncol WHEN 61 THEN 8 ELSE 7 END)"
    geo_cc = f"nullif(trim(f[38 + 2 * {g}]), '')"
    store.con.execute(f"""
    CREATE TEMP TABLE _dw_raw AS
    WITH s AS (SELECT line, string_split(raw, chr(9)) AS f FROM _dw_lines WHERE raw IS NOT NULL),
         t AS (SELECT line, f, len(f) AS ncol FROM s),
         u AS (SELECT line, f, ncol,
                      {_actor_sql(_f(8), _f(9), _f(6))} AS a_code,
                      {_actor_sql(_f(18), _f(19), _f(16))} AS r_code,
                      try_strptime(f[2], '%Y%m%d')::DATE AS date
               FROM t WHERE ncol IN (57, 58, 61))
    SELECT line, {_f(1)} AS origin_id, CASE WHEN ncol = 57 THEN NULL ELSE {_f('ncol')} END AS story_id,
           date, {_f(27)} AS cameo,
           a_code, {_f(13)} AS a_sector, {_f(7)} AS a_name,
           r_code, {_f(23)} AS r_sector, {_f(17)} AS r_name,
           nullif(trim(f[37 + 2 * {g}]), '') AS location, NULL AS event_text,
           json_object('Actor1Code', {_f(6)}, 'Actor2Code', {_f(16)}, 'EventCode', {_f(27)},
                       'QuadClass', {_f(30)}, 'GoldsteinScale', {_f(31)}, 'NumMentions', {_f(32)},
                       'AvgTone', {_f(35)}, 'ActionGeo_CountryCode', {geo_cc},
                       'ActionGeo_ISO3', (SELECT iso3 FROM _dw_fips WHERE fips = {geo_cc}),
                       'ActionGeo_Lat', nullif(f[33 + 3 * {g}], ''),
                       'ActionGeo_Long', nullif(f[34 + 3 * {g}], ''))::VARCHAR AS original,
           CASE WHEN {_f(1)} IS NULL THEN 'empty GLOBALEVENTID'
                WHEN date IS NULL THEN 'bad SQLDATE ' || coalesce('"' || f[2] || '"', '(empty)') END AS error
    FROM u
    UNION ALL
    SELECT line, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           'expected 57, 58 or 61 tab-separated fields, found ' || ncol
    FROM t WHERE ncol NOT IN (57, 58, 61)
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


def _import_icews(store: Store, path: str, report: ImportReport) -> None:
    con = store.con
    _read_lines(store, path)
    head = con.execute("SELECT line, raw FROM _dw_lines WHERE raw IS NOT NULL ORDER BY line LIMIT 1").fetchone()
    if head is None:
        report.message(f"{path}: empty file")
        return
    header_line, header = head
    names = [h.strip().strip('"').lower() for h in header.split("\t")]
    pos = {_ICEWS_FIELDS[n]: i + 1 for i, n in enumerate(names) if n in _ICEWS_FIELDS}
    missing = [k for k in ("id", "date", "cameo", "a_country", "r_country") if k not in pos]
    if missing:
        report.message(f"{path}:{header_line}: not an ICEWS header (missing {', '.join(missing)})")
        report.bad += 1
        return

    def col(key: str) -> str:
        return f"nullif(trim(f[{pos[key]}]), '')" if key in pos else "NULL"

    # names -> ISO3 and sector words -> PLOVER sector, per distinct value (few), in Python
    distinct = con.execute(
        f"SELECT DISTINCT v FROM (SELECT unnest([{col('a_country')}, {col('r_country')}, {col('a_name')}, "
        f"{col('r_name')}]) AS v FROM (SELECT string_split(raw, chr(9)) AS f FROM _dw_lines "
        f"WHERE raw IS NOT NULL AND line > {header_line})) WHERE v IS NOT NULL"
    ).fetchall()
    con.register("_dw_names", pd.DataFrame(
        [(v, country_name_to_iso3(v)) for (v,) in distinct] or [("", None)], columns=["name", "iso3"]))
    sectors = con.execute(
        f"SELECT DISTINCT v FROM (SELECT unnest([{col('a_sectors')}, {col('r_sectors')}]) AS v FROM "
        f"(SELECT string_split(raw, chr(9)) AS f FROM _dw_lines WHERE raw IS NOT NULL AND line > {header_line})) "
        "WHERE v IS NOT NULL"
    ).fetchall()
    con.register("_dw_sectors", pd.DataFrame(
        [(v, sectors_to_plover(v)) for (v,) in sectors] or [("", None)], columns=["words", "sector"]))
    cameo = col("cameo")
    n = len(names)
    con.execute(f"""
    CREATE TEMP TABLE _dw_raw AS
    WITH t AS (SELECT line, string_split(raw, chr(9)) AS f FROM _dw_lines
               WHERE raw IS NOT NULL AND line > {header_line}),
         u AS (SELECT line, f, len(f) AS ncol, try_strptime({col('date')}, '%Y-%m-%d')::DATE AS date,
                      CASE WHEN {cameo} IN (SELECT code FROM _dw_cameo) THEN {cameo}
                           WHEN '0' || {cameo} IN (SELECT code FROM _dw_cameo) THEN '0' || {cameo}
                           ELSE {cameo} END AS cameo
               FROM t)
    SELECT line, {col('id')} AS origin_id, {col('story')} AS story_id, date, cameo,
           coalesce((SELECT iso3 FROM _dw_names WHERE name = {col('a_country')}),
                    (SELECT iso3 FROM _dw_names WHERE name = {col('a_name')})) AS a_code,
           (SELECT sector FROM _dw_sectors WHERE words = {col('a_sectors')}) AS a_sector,
           {col('a_name')} AS a_name,
           coalesce((SELECT iso3 FROM _dw_names WHERE name = {col('r_country')}),
                    (SELECT iso3 FROM _dw_names WHERE name = {col('r_name')})) AS r_code,
           (SELECT sector FROM _dw_sectors WHERE words = {col('r_sectors')}) AS r_sector,
           {col('r_name')} AS r_name,
           concat_ws(', ', {col('city')}, {col('province')}, {col('country')}) AS location,
           {col('event_text')} AS event_text,
           json_object('Event ID', {col('id')}, 'CAMEO Code', {cameo}, 'Intensity', {col('intensity')},
                       'Source Country', {col('a_country')}, 'Target Country', {col('r_country')},
                       'Source Sectors', {col('a_sectors')}, 'Target Sectors', {col('r_sectors')},
                       'Publisher', {col('publisher')}, 'Sentence Number', {col('sentence')},
                       'Latitude', {col('lat')}, 'Longitude', {col('lon')})::VARCHAR AS original,
           CASE WHEN ncol != {n} THEN 'expected {n} tab-separated fields, found ' || ncol
                WHEN {col('id')} IS NULL THEN 'empty Event ID'
                WHEN date IS NULL THEN 'bad Event Date ' || coalesce('"' || {col('date')} || '"', '(empty)')
           END AS error
    FROM u
    """)
    for name in ("_dw_names", "_dw_sectors"):
        con.unregister(name)
    _finish(store, "icews", path, report, "Event ID")


def _import_phoenix(store: Store, path: str, report: ImportReport) -> None:
    _read_lines(store, path)
    store.con.execute(f"""
    CREATE TEMP TABLE _dw_raw AS
    WITH t AS (SELECT line, string_split(raw, chr(9)) AS f FROM _dw_lines
               WHERE raw IS NOT NULL AND NOT starts_with(lower(raw), 'eventid')),
         u AS (SELECT line, f, len(f) AS ncol,
                      coalesce(try_strptime(f[2], '%Y%m%d')::DATE,
                               try_strptime(f[3] || '-' || f[4] || '-' || f[5], '%Y-%m-%d')::DATE) AS date
               FROM t)
    SELECT line, {_f(1)} AS origin_id,
           coalesce(nullif(split_part(coalesce(f[25], ''), ';', 1), ''), {_f(24)}) AS story_id,
           date, {_f(14)} AS cameo,
           {_actor_sql(_f(7), 'NULL', _f(6))} AS a_code, {_f(8)} AS a_sector, {_f(6)} AS a_name,
           {_actor_sql(_f(11), 'NULL', _f(10))} AS r_code, {_f(12)} AS r_sector, {_f(10)} AS r_name,
           concat_ws(', ', {_f(21)}, {_f(22)}, {_f(23)}) AS location, NULL AS event_text,
           json_object('SourceActorFull', {_f(6)}, 'TargetActorFull', {_f(10)}, 'EventCode', {_f(14)},
                       'QuadClass', {_f(16)}, 'GoldsteinScore', {_f(17)}, 'Issues', {_f(18)},
                       'CountryCode', {_f(23)}, 'SentenceID', {_f(24)}, 'NewsSources', {_f(26)},
                       'Lat', {_f(19)}, 'Lon', {_f(20)})::VARCHAR AS original,
           CASE WHEN ncol != 26 THEN 'expected 26 tab-separated fields, found ' || ncol
                WHEN {_f(1)} IS NULL THEN 'empty EventID'
                WHEN date IS NULL THEN 'bad Date ' || coalesce('"' || f[2] || '"', '(empty)') END AS error
    FROM u
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
