"""Importers of others' event data: GDELT 1.0/2.0 events and 2.0 mentions, ICEWS, Phoenix and
POLECAT (tab-separated, read by DuckDB's CSV reader and mapped in SQL: `store.formats`), and POLECAT
/ PLOVER JSON lines (here, record by record).

Files come plain, `.zip` or `.gz`, alone or in folders. Imported events keep their origin, their
original id (`origin_id`), their original codes (`original` JSON) and what the source says as typed
columns (counts, tone, places, URL, intensity, story fields); their id is
`import_event_id(origin, origin_id)`, so importing a file twice stores its events once.

CAMEO 01x (public statements) has no PLOVER type: such rows are skipped and counted
(`ImportReport.no_plover`) before duplicate ids are resolved. CAMEO 02x (appeals) are stored as
REQUEST. A CAMEO code that lost its leading zero ("12" for 012) is read with the zero and warned about.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import duckdb

from ..events import MODALITIES, QUAD, Actor, Event
from .codes import iso_country_table
from .core import Store
from .formats import import_paths
from .formats.lookups import register as _register_lookups_on
from .formats.reading import MAX_MESSAGES, ImportReport, ProgressFn, expand, sources

FORMATS = ("gdelt", "icews", "phoenix", "polecat", "plover")
JSON_SUFFIXES = (".jsonl", ".json", ".ndjson")
JSON_BATCH = 5_000  # events stored per transaction from JSON lines
MAX_JSON_DEPTH = 64  # deeper records are rejected (a JSON line nested 1,000 levels is no event)

__all__ = ["FORMATS", "MAX_MESSAGES", "ImportReport", "import_event_id", "import_files", "plover_record_to_event"]


def import_event_id(origin: str, origin_id: str) -> str:
    """The stable id of an imported event: from its origin and its id in the origin dataset."""
    return hashlib.sha1(f"{origin}\x00{origin_id}".encode()).hexdigest()[:16]


def _register_lookups(store: Store) -> None:
    """The code tables as DuckDB temp tables (used by the synthetic loader too)."""
    _register_lookups_on(store.con)


# The common shape the synthetic loader stages (temp table _dw_raw) and how it becomes events.
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
        code = _text(code, "actor code")
        if code:
            code = iso_country_table().get(code.upper(), code.upper())
        out.append(Actor(code=code, sector=_text(a.get("sector") or a.get("code_1") or a.get("actor_type"), "sector"),
                         entity_text=_text(a.get("entity_text") or a.get("name") or a.get("text"), "entity_text"),
                         start=a.get("start"), end=a.get("end"), office=a.get("office")))
    return out


def _str_list(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.replace(";", ",").split(",") if v.strip()]
    if not isinstance(value, list):
        raise ValueError(f"context must be text or a list, not {type(value).__name__}")  # noqa: TRY004 - one error type for a bad record
    return [_text(v, "context") or "" for v in value]


def _split(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() or None for v in value.split(";")]
    if isinstance(value, list):
        return value
    return [value]


_KEY_NAMES: dict[str, str] = {}  # a field name as written -> as compared (the same few per file)
_LAST_KEYS: list[Any] = [None, None, -1]  # the record last asked about, its keys, its size


def _field_keys(rec: dict[str, Any]) -> dict[str, str]:
    """{name as compared (trimmed, lower case, '_' as ' '): name as written} of a record's fields.
    Asked twice of each record (normalize_record, record_extras): the second time it is the last
    answer; the normalised form of each name is kept too, since every record of a file repeats them."""
    if _LAST_KEYS[0] is rec and _LAST_KEYS[2] == len(rec):
        return _LAST_KEYS[1]
    if len(_KEY_NAMES) > 10_000:
        _KEY_NAMES.clear()
    keys = {}
    for k in rec:
        if isinstance(k, str):
            n = _KEY_NAMES.get(k)
            if n is None:
                n = _KEY_NAMES[k] = k.strip().lower().replace("_", " ")
            keys[n] = k
    _LAST_KEYS[:] = [rec, keys, len(rec)]
    return keys


def normalize_record(rec: dict[str, Any]) -> dict[str, Any]:
    """A POLECAT record written with the Dataverse column names ("Event Type", "Actor Name",
    "Actor Country", ... in any case, spaces or underscores) in the PLOVER shape this module reads;
    other records unchanged."""
    keys = _field_keys(rec)
    if "event type" not in keys:
        return rec

    def get(*names: str) -> Any:
        for n in names:
            if n in keys:
                return rec[keys[n]]
        return None

    out = dict(rec)
    out.update({"id": get("event id", "id"), "event": get("event type"), "mode": get("event mode"),
                "context": get("contexts", "context"), "date": get("event date", "date"),
                "story_id": get("story id", "story id"), "event_text": get("event text")})
    for side in ("actor", "recipient"):
        names, countries = _split(get(f"{side} name")), _split(get(f"{side} country"))
        sectors = _split(get(f"{side} sector"))
        out[side] = [{"name": names[i] if i < len(names) else None,
                      "country": countries[i] if i < len(countries) else None,
                      "sector": sectors[i] if i < len(sectors) else None}
                     for i in range(max(len(names), len(countries)))]
    return out


def _num(value: Any, field: str) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, (bool, dict, list)):
        raise ValueError(f"{field} must be a number, not {type(value).__name__}")  # noqa: TRY004 - one error type for a bad record
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{field} must be a number, not {str(value)[:30]!r}") from None


def record_extras(rec: dict[str, Any]) -> dict[str, Any]:
    """The typed columns a POLECAT record fills beside its Event (intensity, story and place)."""
    keys = _field_keys(rec)

    def get(*names: str) -> Any:
        for n in names:
            if n in keys and rec[keys[n]] not in (None, ""):
                return rec[keys[n]]
        return None

    geo = get("event geolocation")
    geo = geo if isinstance(geo, dict) else {}
    place = get("placename", "place name") or geo.get("resolved_placename")
    feature = get("geonames id", "geonameid") or geo.get("geonameid")
    country = get("country") or geo.get("country_code3")

    def lst(*names: str) -> list[str] | None:
        v = get(*names)
        return None if v is None else [str(x) for x in _split(v) if x]

    return {
        "intensity": _num(get("event intensity", "intensity"), "intensity"),
        "publisher": _text(get("publisher", "source"), "publisher"),
        "headline": _text(get("headline"), "headline"),
        "geo_name": _text(place, "placename"), "geo_country": _text(country, "country"),
        "geo_adm1": _text(get("state", "province") or geo.get("admin1"), "state"),
        "geo_lat": _num(get("latitude", "lat") or geo.get("lat"), "latitude"),
        "geo_lon": _num(get("longitude", "lon") or geo.get("lon"), "longitude"),
        "geo_feature_id": _text(feature, "geonames id"),
        "story_people": lst("story people"), "story_organizations": lst("story organizations",
                                                                          "story organisations"),
        "story_locations": lst("story locations"),
    }


EXTRA_TYPES = {"intensity": "DOUBLE", "publisher": "VARCHAR", "headline": "VARCHAR", "geo_name": "VARCHAR",
               "geo_country": "VARCHAR", "geo_adm1": "VARCHAR", "geo_lat": "DOUBLE", "geo_lon": "DOUBLE",
               "geo_feature_id": "VARCHAR", "story_people": "VARCHAR[]", "story_organizations": "VARCHAR[]",
               "story_locations": "VARCHAR[]",
               # the rest of what a source says, as `dyadwatch export -f plover` writes it ("source_fields")
               "num_mentions": "INTEGER", "num_sources": "INTEGER", "num_articles": "INTEGER", "avg_tone": "DOUBLE",
               "is_root_event": "BOOLEAN", "source_url": "VARCHAR", "geo_type": "TINYINT", "geo_adm2": "VARCHAR",
               "actor_geo": "GEO", "recipient_geo": "GEO", "sentence_number": "INTEGER"}
_GEO_FIELDS = {"type": "TINYINT", "name": "VARCHAR", "country": "VARCHAR", "adm1": "VARCHAR", "adm2": "VARCHAR",
               "lat": "DOUBLE", "lon": "DOUBLE", "feature_id": "VARCHAR"}
_INT_RANGE = {"INTEGER": 1 << 31, "TINYINT": 1 << 7}


def _typed(value: Any, typ: str, field: str) -> Any:
    """`value` checked against a column type (ValueError naming `field` when it does not fit)."""
    if value is None:
        return None
    if typ == "DOUBLE":
        return _num(value, field)
    if typ in _INT_RANGE:
        if isinstance(value, bool) or not isinstance(value, int) or not -_INT_RANGE[typ] <= value < _INT_RANGE[typ]:
            raise ValueError(f"{field} must be an integer of {typ}, not {str(value)[:30]!r}")
        return value
    if typ == "BOOLEAN":
        if not isinstance(value, bool):
            raise ValueError(f"{field} must be true or false, not {str(value)[:30]!r}")
        return value
    if typ == "VARCHAR[]":
        if not isinstance(value, list):
            raise ValueError(f"{field} must be a list, not {type(value).__name__}")
        return [_text(v, field) for v in value]
    if typ == "GEO":
        if not isinstance(value, dict) or set(value) - set(_GEO_FIELDS):
            raise ValueError(f"{field} must be a place (type, name, country, adm1, adm2, lat, lon, feature_id)")
        return {k: _typed(value.get(k), t, f"{field}.{k}") for k, t in _GEO_FIELDS.items()}
    return _text(value, field)


def source_fields(rec: dict[str, Any]) -> dict[str, Any]:
    """The typed source columns of a record exported by dyadwatch (its "source_fields" object)."""
    fields = rec.get("source_fields")
    if fields is None:
        return {}
    if not isinstance(fields, dict):
        raise ValueError(f"source_fields must be an object, not {type(fields).__name__}")  # noqa: TRY004
    return {k: _typed(v, EXTRA_TYPES[k], k) for k, v in fields.items() if k in EXTRA_TYPES}


def plover_record_to_event(rec: dict[str, Any], origin: str = "polecat") -> Event:
    """One POLECAT / PLOVER record as an Event. Records written by `dyadwatch export --format
    plover` carry `origin`, `origin_id` and their id, which are kept as they are."""
    rec = normalize_record(rec)
    event = rec.get("event")
    if isinstance(event, list):
        event = event[0] if event else None
    if not isinstance(event, str) or event.upper() not in QUAD:
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
    date = _text(rec.get("date") or rec.get("event_date") or rec.get("pub_date"), "date")
    confidence = rec.get("confidence")
    if isinstance(confidence, bool) or not (confidence is None or isinstance(confidence, (int, float))):
        raise ValueError(f"confidence must be a number, not {type(confidence).__name__}")
    modality = _text(rec.get("modality"), "modality") or "asserted"
    if modality not in MODALITIES:
        raise ValueError(f"unknown modality {modality!r}")
    precision = _text(rec.get("date_precision"), "date_precision") or ("day" if date else "undated")
    if isinstance(location, (list, bool, int, float)):
        location = json.dumps(location)
    e = Event(
        # an exported event without a story comes back without one (not with an empty story id)
        story_id=_text(rec.get("story_id") or rec.get("link"), "story_id") or (None if ours else ""),  # type: ignore[arg-type]
        event=str(event), actor=_actors(rec.get("actor")), recipient=_actors(rec.get("recipient")),
        mode=_text(mode, "mode"), context=_str_list(rec.get("context")),
        date=str(date)[:10] if date else None,
        date_precision=precision, modality=modality, cameo=_text(rec.get("cameo"), "cameo"),
        confidence=float(confidence) if confidence is not None else None,  # type: ignore[arg-type]
        event_text=_text(rec.get("event_text") or rec.get("text"), "event_text"), location=_text(location, "location"),
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


def _depth(obj: Any, limit: int = MAX_JSON_DEPTH) -> int:
    """Nesting depth of a parsed JSON value, without recursion (stops past `limit`)."""
    deepest, stack = 0, [(obj, 1)]
    while stack:
        value, d = stack.pop()
        if d > deepest:
            deepest = d
            if deepest > limit:
                return deepest
        if isinstance(value, dict):
            stack.extend((v, d + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, d + 1) for v in value)
    return deepest


def _text(value: Any, field: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (dict, list, bool)):
        raise ValueError(f"{field} must be text, not {type(value).__name__}")  # noqa: TRY004 - one error type for a bad record
    return str(value)


def parse_json_line(line: str, origin: str = "polecat") -> Event:
    """One JSON line as an Event; ValueError (with the reason) for anything that is not a usable
    record: bad JSON, nesting too deep, lone surrogates, a wrong type in any field."""
    if len(line) > MAX_JSON_LINE:
        raise ValueError(f"line longer than {MAX_JSON_LINE:,} characters")
    try:
        rec = json.loads(line)
    except RecursionError:
        raise ValueError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels") from None
    except ValueError as exc:  # bad JSON, and integers of more than 4,300 digits
        raise ValueError(f"not valid JSON: {str(exc)[:120]}") from None
    if not isinstance(rec, dict):
        raise ValueError(f"not a JSON object (a {type(rec).__name__})")  # noqa: TRY004 - one error type for a bad record
    # each level of nesting opens a bracket, and a lone surrogate in the record comes from a \\u
    # escape or from the line itself: the full checks run only on lines that could fail them
    if line.count("{") + line.count("[") > MAX_JSON_DEPTH and _depth(rec) > MAX_JSON_DEPTH:
        raise ValueError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text with a lone surrogate (\\ud800-\\udfff escape)") from None
    if "\\u" in line:
        try:
            json.dumps(rec, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("text with a lone surrogate (\\ud800-\\udfff escape)") from None
    try:
        e = plover_record_to_event(rec, origin)
        extras = record_extras(rec)
        extras.update({k: v for k, v in source_fields(rec).items() if v is not None})
    except (TypeError, KeyError, AttributeError, OverflowError, RecursionError) as exc:
        raise ValueError(f"bad record: {str(exc)[:160]}") from None
    if extras.get("geo_country"):
        extras["geo_country"] = iso_country_table().get(extras["geo_country"].upper(), extras["geo_country"])
    e.meta_extras = {k: v for k, v in extras.items() if v is not None}  # type: ignore[attr-defined]
    return e


MAX_JSON_LINE = 1 << 21


def _import_json_lines(store: Store, path: str, report: ImportReport, origin: str = "polecat") -> None:
    """Store the records of a JSON lines file, JSON_BATCH per transaction; a batch the store
    refuses is stored record by record, so one bad record never costs its neighbours."""
    seen: dict[str, int] = {}
    batch: list[tuple[int, Event]] = []
    any_line = False

    def flush() -> None:
        if not batch:
            return
        events = [e for _, e in batch]
        try:
            before = _stored_ids(store, events)
            n = store.add_events(events, batch_size=len(events) + 1)
            report.new += n
            report.already += len(events) - n
            _store_extras(store, events, before)
        except (duckdb.Error, ValueError, TypeError, OverflowError, UnicodeError) as exc:
            del exc
            for lineno, e in batch:
                try:
                    before = _stored_ids(store, [e])
                    n = store.add_events([e])
                    report.new += n
                    report.already += 1 - n
                    _store_extras(store, [e], before)
                except (duckdb.Error, ValueError, TypeError, OverflowError, UnicodeError) as exc:
                    report.reject(f"{path}:{lineno}", "could not be stored", str(exc).splitlines()[0][:160])
        batch.clear()

    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            text = raw.decode("utf-8", "replace")
            if not text.strip():
                continue
            any_line = True
            report.rows += 1
            try:
                e = parse_json_line(text, origin)
            except ValueError as exc:
                msg = str(exc)
                reason, _, detail = msg.partition(": ")
                report.reject(f"{path}:{lineno}", reason, detail)
                continue
            if e.id in seen:
                report.duplicates += 1
                report.message(f"{path}:{lineno}: id {e.origin_id or e.id!r} repeats line {seen[e.id]}; "
                               f"kept line {seen[e.id]}")
                continue
            seen[e.id or ""] = lineno
            batch.append((lineno, e))
            if len(batch) >= JSON_BATCH:
                flush()
    flush()
    if not any_line:
        report.empty_files += 1
        report.message(f"{path}: empty file")


def _stored_ids(store: Store, events: list[Event]) -> set[str]:
    ids = [e.id for e in events if getattr(e, "meta_extras", None)]
    if not ids:
        return set()
    return {r[0] for r in store.con.execute("SELECT id FROM events WHERE id IN (SELECT unnest(?))", [ids]).fetchall()}


def _store_extras(store: Store, events: list[Event], before: set[str]) -> None:
    """Fill the typed columns (intensity, story, place, counts) of the events just stored; an event
    stored before (`before`: ids there before this batch) keeps what it has."""
    rows = [(e.id, getattr(e, "meta_extras", None)) for e in events if e.id not in before]
    rows = [(i, x) for i, x in rows if x]
    if not rows:
        return
    import pyarrow as pa

    geo = pa.struct([("type", pa.int8()), ("name", pa.string()), ("country", pa.string()), ("adm1", pa.string()),
                     ("adm2", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
                     ("feature_id", pa.string())])
    types = {"DOUBLE": pa.float64(), "VARCHAR": pa.string(), "VARCHAR[]": pa.list_(pa.string()),
             "INTEGER": pa.int32(), "TINYINT": pa.int8(), "BOOLEAN": pa.bool_(), "GEO": geo}
    cols = sorted({k for _, x in rows for k in x})
    table = pa.table({"id": [i for i, _ in rows],
                      **{c: pa.array([x.get(c) for _, x in rows], types[EXTRA_TYPES[c]]) for c in cols}})
    store.con.register("_dw_extras", table)
    try:
        sets = ", ".join(f"{c} = x.{c}" for c in cols)
        store.con.execute(f"UPDATE events SET {sets} FROM _dw_extras x WHERE events.id = x.id")
    finally:
        store.con.unregister("_dw_extras")


def _is_json_lines(path: Path) -> bool:
    if path.suffix.lower() in JSON_SUFFIXES:
        return True
    with open(path, "rb") as fh:
        head = fh.read(4096).lstrip()
    return head[:1] in (b"{", b"[")


def import_files(store: Store, fmt: str, paths: Iterable[str | os.PathLike],
                 on_message: Callable[[str], None] | None = None,
                 progress: ProgressFn | None = None) -> ImportReport:
    """Import event files (or folders of them; plain, .zip or .gz) of one format into `store`.
    Each file is one transaction (JSON lines: one per batch); a file that cannot be read gets a
    message and the others go on. `progress(bytes_done, bytes_total)` is called as files are read."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    store._writable()
    report = ImportReport(format=fmt)
    paths = list(paths)
    if fmt in ("polecat", "plover"):
        files = expand(paths, report)
        json_files = [f for f in files if fmt == "plover" or (f.suffix.lower() not in (".zip", ".gz")
                                                             and _is_json_lines(f))]
        tsv = [f for f in files if f not in json_files]
        total = sum(f.stat().st_size for f in json_files) or 1
        done = 0
        for f in json_files:
            n_msgs = len(report.messages)
            report.files.append(str(f))
            try:
                _import_json_lines(store, str(f), report, "polecat")
            except Exception as exc:  # noqa: BLE001 - any failure of one file: a message, the others go on
                report.file_failed(str(f), f"could not import: {(str(exc).splitlines() or [''])[0][:300]}")
            done += f.stat().st_size
            if progress:
                progress(done, total)
            if on_message:
                for m in report.messages[n_msgs:]:
                    on_message(m)
        if tsv:
            import_paths(store, "polecat", tsv, report, on_message, progress)
        return report
    import_paths(store, fmt, paths, report, on_message, progress)
    return report


__all__ += ["sources"]
