"""Exports of stored events: PLOVER JSON lines, GDELT 2.0 rows, CSV (one row per dyad) and Parquet
(one schema, real types: `write_parquet`, also behind `dyadwatch events -f parquet`).

PLOVER records carry `origin`, `origin_id` and `original`, so that importing the export again
(`dyadwatch import plover`) gives the same events with the same ids. Parquet and CSV carry the COW
and Gleditsch-Ward numbers of the actor and recipient countries beside their ISO alpha-3 codes.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from ..events import cameo_table
from .codes import fips_table
from .core import Store
from .formats.lookups import register as register_lookups

EXPORT_FORMATS = ("plover", "gdelt", "csv", "parquet")

# A CAMEO code for events that have none (coded by dyadwatch): the base code of each PLOVER type.
PLOVER_TO_CAMEO = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "CONCEDE": "080", "COOPERATE": "060",
    "AID": "070", "RETREAT": "084", "REQUEST": "100", "ACCUSE": "110", "REJECT": "120",
    "SANCTION": "160", "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "COERCE": "170",
    "ASSAULT": "180",
}


def cameo_for(event: str | None, mode: str | None, cameo: str | None) -> str:
    """The CAMEO code to write for an event: its own when that code maps to the event's PLOVER type
    (so that a GDELT round trip keeps the type), else the first code of the type and mode in
    kb/data/cameo.csv, else the base code of the type."""
    table = cameo_table()
    if cameo and table.get(cameo, {}).get("plover") == event:
        return cameo
    best = None
    for code, row in table.items():
        if row["plover"] == event and len(code) >= 3:
            if row["mode"] == mode:
                return code
            best = best or (code if not row["mode"] else None)
    return best or PLOVER_TO_CAMEO.get(event or "", "")


def gdelt_event_id(row: dict[str, Any]) -> str:
    """GLOBALEVENTID of an exported row: GDELT's own for GDELT events, else a stable number (60
    bits) from the event's id and, for a row of one pair of a joint or compound act, the pair: the
    same in every export."""
    if row.get("origin") == "gdelt" and str(row.get("origin_id") or "").isdigit():
        return str(row["origin_id"])
    key = str(row["id"])
    if row.get("pairs", 1) > 1:
        key += f"\x00{row.get('actor_code') or ''}\x00{row.get('recipient_code') or ''}"
    elif len(key) >= 15 and all(c in "0123456789abcdef" for c in key[:15]):
        return str(int(key[:15], 16))
    return str(int(hashlib.sha1(key.encode()).hexdigest()[:15], 16))


def _cameo_quad(code: str | None) -> str:
    try:
        root = int(str(code)[:2])
    except (TypeError, ValueError):
        return ""
    return "1" if root <= 5 else "2" if root <= 9 else "3" if root <= 14 else "4"


def _rows(store: Store, filters: dict[str, Any], chunk: int = 20_000, pairs: bool = False
          ) -> Iterator[dict[str, Any]]:
    """Stored events (`pairs=True`: one row per dyad of each event, from `Store.dyad_rows_sql`, with
    `pairs` = the event's number of rows), each with `article_url`, the URL of its article."""
    where, params = store._where(**filters)
    rel = f"SELECT * FROM events{where}"
    if pairs:
        rel = (f"SELECT *, count(*) OVER (PARTITION BY id) AS pairs FROM ({store.dyad_rows_sql(where)}) "
               "ORDER BY date NULLS LAST, id, actor_code, recipient_code NULLS FIRST")
    cur = store.con.cursor()
    try:
        cur.execute(f"SELECT e.*, (SELECT a.url FROM articles a WHERE a.id = e.story_id) AS article_url "
                    f"FROM ({rel}) e ORDER BY e.date NULLS LAST, e.id"
                    + (", e.actor_code, e.recipient_code NULLS FIRST" if pairs else ""), params)
        names = [d[0] for d in cur.description]
        while True:
            batch = cur.fetchmany(chunk)
            if not batch:
                break
            for r in batch:
                yield store._event_dict(dict(zip(names, r)))
    finally:
        cur.close()


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event (as `Store.event` returns it) as a PLOVER JSON record."""
    return {
        "id": row["id"], "story_id": row["story_id"], "date": row["date"],
        "date_precision": row["date_precision"], "event": row["event"], "mode": row["mode"],
        "context": row["context"], "actor": row["actor"], "recipient": row["recipient"],
        "modality": row["modality"], "cameo": row["cameo"], "goldstein": row["goldstein"],
        "plover_score": row["plover_score"], "quad_code": row["quad_code"],
        "confidence": row["confidence"], "event_text": row["event_text"], "event_loc": row["location"],
        "evidence": row["evidence"], "origin": row["origin"], "origin_id": row["origin_id"],
        "original": row["original"], "coder": row["origin"],
        **({"source_fields": fields} if (fields := {k: _plain(row[k]) for k in SOURCE_FIELDS
                                                   if row.get(k) is not None}) else {}),
    }


# What a source says, kept as typed columns by the importers; a PLOVER export carries them in
# "source_fields" and a re-import fills the same columns.
SOURCE_FIELDS = ("num_mentions", "num_sources", "num_articles", "avg_tone", "is_root_event", "source_url",
                 "geo_type", "geo_name", "geo_country", "geo_adm1", "geo_adm2", "geo_lat", "geo_lon", "geo_feature_id",
                 "actor_geo", "recipient_geo", "intensity", "publisher", "headline", "sentence_number",
                 "story_people", "story_organizations", "story_locations")


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value


def _actor_fields(actors: list[dict[str, Any]], full: str | None = None, code: str | None = None) -> list[str]:
    """The ten GDELT fields of one actor: the actor of `actors` with `code` (a dyad row's side),
    else the first."""
    a = next((x for x in actors if code and x.get("code") == code), actors[0] if actors and not code else {})
    code = code or a.get("code") or ""
    sector = a.get("sector") or ""
    return [full or (code + sector), a.get("entity_text") or "", code, "", "", "", "", sector, "", ""]


def gdelt_row(row: dict[str, Any], n: int, fips: dict[str, str]) -> list[str]:
    """A stored event as the 61 fields of a GDELT 2.0 event record. `row` may carry `article_url`
    (the URL of the article it was coded from). `n` is unused (ids are derived from the event)."""
    del n
    orig = row.get("original") or {}
    if not isinstance(orig, dict):
        orig = {}
    d = row["date"] or ""
    ymd = d.replace("-", "")
    frac = ""
    if d:
        dt = datetime.fromisoformat(d)
        frac = f"{dt.year + dt.timetuple().tm_yday / 365:.4f}"
    cameo = cameo_for(row["event"], row.get("mode"), row.get("cameo"))
    gold = row.get("goldstein")

    def num(key: str, default: str = "") -> str:
        v = row.get(key)
        return default if v is None else str(int(v))

    def geo(block: dict[str, Any] | None) -> list[str]:
        if not block or not (block.get("name") or block.get("lat") is not None):
            return ["0", "", "", "", "", "", "", ""]
        return [str(block.get("type") or 4), block.get("name") or "", fips.get(block.get("country") or "", ""),
                block.get("adm1") or "", block.get("adm2") or "",
                "" if block.get("lat") is None else str(block["lat"]),
                "" if block.get("lon") is None else str(block["lon"]), str(block.get("feature_id") or "")]

    action = {"type": row.get("geo_type"), "name": row.get("geo_name"), "country": row.get("geo_country"),
              "adm1": row.get("geo_adm1"), "adm2": row.get("geo_adm2"), "lat": row.get("geo_lat"),
              "lon": row.get("geo_lon"), "feature_id": row.get("geo_feature_id")}
    added = (row.get("ingested_at") or "").replace("-", "").replace("T", "").replace(":", "")[:14]
    url = row.get("source_url") or row.get("article_url") or ""
    story = row.get("story_id") or ""
    if not url and story.startswith(("http://", "https://")):
        url = story
    single = row.get("pairs", 1) == 1
    a1 = _actor_fields(row["actor"], orig.get("Actor1Code") if single else None, row.get("actor_code"))
    a2 = _actor_fields(row["recipient"], orig.get("Actor2Code") if single else None, row.get("recipient_code"))
    tone = row.get("avg_tone")
    root = row.get("is_root_event")
    return ([gdelt_event_id(row), ymd, ymd[:6], ymd[:4], frac] + a1 + a2
            + ["0" if root is False else "1", cameo, cameo[:3], cameo[:2], _cameo_quad(cameo),
               "" if gold is None else str(gold), num("num_mentions", "1"), num("num_sources", "1"),
               num("num_articles", "1"), "" if tone is None else str(tone)]
            + geo(row.get("actor_geo")) + geo(row.get("recipient_geo")) + geo(action)
            + [added, url])


def export_events(store: Store, fmt: str, out: str | Path | TextIO | None = None,
                  **filters: Any) -> int:
    """Write the events matching `filters` (as for `Store.events`) to `out` (a path, an open text
    file, or stdout when None). Returns the number of events written."""
    fmt = fmt.lower()
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(EXPORT_FORMATS)}")
    filters = {k: v for k, v in filters.items() if v is not None}
    if fmt == "parquet":
        if out is None or not isinstance(out, (str, Path)):
            raise ValueError("parquet export needs an output file (-o FILE)")
        return write_parquet(store, out, **filters)
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return _write_text(store, fmt, fh, filters)
    return _write_text(store, fmt, out or sys.stdout, filters)


def _write_text(store: Store, fmt: str, fh: TextIO, filters: dict[str, Any]) -> int:
    n = 0
    if fmt == "plover":
        for row in _rows(store, filters):
            fh.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "gdelt":
        fips = {iso: f for f, iso in fips_table().items()}
        for row in _rows(store, filters, pairs=True):  # GDELT is dyadic: a joint act is A->B and B->A
            n += 1
            fh.write("\t".join(v.replace("\t", " ").replace("\n", " ") for v in gdelt_row(row, n, fips)))
            fh.write("\n")
    else:  # csv: one row per dyad
        where, params = store._where(**filters)
        cur = store.con.cursor()
        try:
            register_lookups(cur, only=("_dw_states",))
            cur.execute(dyad_rows_sql(store, where), params)
            w = csv.writer(fh)
            w.writerow([d[0] for d in cur.description])
            seen: set[str] = set()
            while batch := cur.fetchmany(20_000):
                for r in batch:
                    w.writerow(["" if v is None else v for v in r])
                    seen.add(r[0])
            n = len(seen)
        finally:
            cur.close()
    return n


# -- one Parquet schema, one flat CSV ---------------------------------------------------------------

ACTOR_TYPE = ('[{"code": "VARCHAR", "sector": "VARCHAR", "entity_text": "VARCHAR", "start": "INTEGER", '
              '"end": "INTEGER", "office": "VARCHAR"}]')
SPAN = '{"text": "VARCHAR", "start": "INTEGER", "end": "INTEGER"}'
EVIDENCE_TYPE = ('{"sentence_index": "INTEGER", "sentence_start": "INTEGER", "actor": [' + SPAN + '], '
                 '"trigger": ' + SPAN + ', "recipient": [' + SPAN + '], "lexicon_id": "VARCHAR"}')


def events_sql(con: Any, where: str) -> str:
    """The export schema over `events` (filtered by `where`): every column with its real type;
    actor / recipient as lists of structs and evidence as a struct (not JSON text); `original`
    stays JSON text (its keys differ by dataset); COW and Gleditsch-Ward numbers beside the ISO
    codes of the first actor and recipient. Needs the `_dw_states` lookup."""
    cols = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE "
                                      "table_name = 'events' AND table_schema = 'main' ORDER BY ordinal_position"
                                      ).fetchall()]
    typed = {"actor": f"from_json(e.actor, '{ACTOR_TYPE}') AS actor",
             "recipient": f"from_json(e.recipient, '{ACTOR_TYPE}') AS recipient",
             "evidence": f"from_json(e.evidence, '{EVIDENCE_TYPE}') AS evidence",
             "original": "e.original::VARCHAR AS original"}
    select = []
    for c in cols:
        select.append(typed.get(c, f"e.{c}"))
        if c == "recipient_code":
            select += ["sa.cow AS actor_cow", "sa.gw AS actor_gw", "sr.cow AS recipient_cow",
                       "sr.gw AS recipient_gw"]
    return (f"SELECT {', '.join(select)} FROM (SELECT * FROM events{where}) e "
            "LEFT JOIN _dw_states sa ON sa.iso3 = e.actor_code LEFT JOIN _dw_states sr ON sr.iso3 = e.recipient_code "
            "ORDER BY e.date NULLS LAST, e.id")


def write_parquet(store: Store, path: str | Path, **filters: Any) -> int:
    """Write the events matching `filters` (as for `Store.events`) to a Parquet file in the one
    export schema (`events_sql`): dates as dates, lists and structs as Arrow lists and structs.
    `dyadwatch export -f parquet` and `dyadwatch events -f parquet` both write this. Returns the
    number of events written."""
    filters = {k: v for k, v in filters.items() if v is not None}
    register_lookups(store.con, only=("_dw_states",))
    where, params = store._where(**filters)
    n = store.con.execute(f"SELECT count(*) FROM events{where}", params).fetchall()[0][0]
    target = str(path).replace("'", "''")
    store.con.execute(f"COPY ({events_sql(store.con, where)}) TO '{target}' (FORMAT parquet)", params)
    return int(n)


def dyad_rows_sql(store: Store, where: str) -> str:
    """One flat row per (event, source, target) from `Store.dyad_rows_sql` (joint acts as both
    directed pairs, never a self pair) with the event's fields and the COW / Gleditsch-Ward numbers
    beside ISO; an event without a recipient has one row with an empty target. Needs `_dw_states`."""
    return f"""
    SELECT r.id AS event_id, r.date, r.actor_code AS source, ss.cow AS source_cow, ss.gw AS source_gw,
           r.recipient_code AS target, st.cow AS target_cow, st.gw AS target_gw, r.actor_sector AS source_sector,
           r.recipient_sector AS target_sector, r.event, r.mode, array_to_string(r.context, ';') AS context,
           r.quad_code, r.plover_score, r.goldstein, r.cameo, r.modality, r.date_precision, r.confidence,
           r.origin, r.origin_id, r.story_id, r.source_url, r.geo_name, r.geo_country, r.geo_lat, r.geo_lon,
           r.num_mentions, r.num_sources, r.num_articles, r.avg_tone, r.intensity, r.event_text
    FROM ({store.dyad_rows_sql(where)}) r
    LEFT JOIN _dw_states ss ON ss.iso3 = r.actor_code LEFT JOIN _dw_states st ON st.iso3 = r.recipient_code
    ORDER BY r.date NULLS LAST, r.id, r.actor_code, r.recipient_code NULLS FIRST
    """
