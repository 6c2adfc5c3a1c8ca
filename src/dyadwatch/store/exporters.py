"""Exports of stored events: PLOVER JSON lines, GDELT 2.0 rows, CSV and Parquet.

PLOVER records carry `origin`, `origin_id` and `original`, so that importing the export again
(`dyadwatch import plover`) gives the same events with the same ids.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from .codes import fips_table
from .core import EVENT_COLS, Store

EXPORT_FORMATS = ("plover", "gdelt", "csv", "parquet")

# A CAMEO code for events that have none (coded by dyadwatch): the base code of each PLOVER type.
PLOVER_TO_CAMEO = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "CONCEDE": "080", "COOPERATE": "060",
    "AID": "070", "RETREAT": "084", "REQUEST": "100", "ACCUSE": "110", "REJECT": "120",
    "SANCTION": "160", "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "COERCE": "170",
    "ASSAULT": "180",
}


def _cameo_quad(code: str | None) -> str:
    try:
        root = int(str(code)[:2])
    except (TypeError, ValueError):
        return ""
    return "1" if root <= 5 else "2" if root <= 9 else "3" if root <= 14 else "4"


def _rows(store: Store, filters: dict[str, Any], chunk: int = 20_000) -> Iterator[dict[str, Any]]:
    where, params = store._where(**filters)
    cur = store.con.cursor()
    try:
        cur.execute(f"SELECT * FROM events{where} ORDER BY date NULLS LAST, id", params)
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
    }


def _actor_fields(actors: list[dict[str, Any]]) -> list[str]:
    a = actors[0] if actors else {}
    code, sector = a.get("code") or "", a.get("sector") or ""
    return [code + sector, a.get("entity_text") or "", code, "", "", "", "", sector, "", ""]


def gdelt_row(row: dict[str, Any], n: int, fips: dict[str, str]) -> list[str]:
    """A stored event as the 61 fields of a GDELT 2.0 event record."""
    orig = row.get("original") or {}
    if row["origin"] == "gdelt" and str(row.get("origin_id") or "").isdigit():
        gid = str(row["origin_id"])
    else:
        gid = str(n)
    d = row["date"] or ""
    ymd = d.replace("-", "")
    frac = ""
    if d:
        dt = datetime.fromisoformat(d)
        frac = f"{dt.year + dt.timetuple().tm_yday / 365:.4f}"
    cameo = row.get("cameo") or PLOVER_TO_CAMEO.get(row["event"] or "", "")
    code = (row["actor"][0].get("code") if row["actor"] else "") or ""
    geo_cc = orig.get("ActionGeo_CountryCode") or fips.get(code, "")
    action_geo = ["4" if row.get("location") else "0", row.get("location") or "", geo_cc, "", "", "", "", ""]
    no_geo = ["0", "", "", "", "", "", "", ""]
    gold = row.get("goldstein")
    added = (row.get("ingested_at") or "").replace("-", "").replace("T", "").replace(":", "")[:14]
    story = row.get("story_id") or ""
    return ([gid, ymd, ymd[:6], ymd[:4], frac]
            + _actor_fields(row["actor"]) + _actor_fields(row["recipient"])
            + ["1", cameo, cameo[:3], cameo[:2], _cameo_quad(cameo), "" if gold is None else str(gold),
               "1", "1", "1", ""]
            + no_geo + no_geo + action_geo
            + [added, story if story.startswith(("http://", "https://")) else ""])


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
        where, params = store._where(**filters)
        n = store.con.execute(f"SELECT count(*) FROM events{where}", params).fetchall()[0][0]
        path = str(out).replace("'", "''")
        store.con.execute(f"COPY (SELECT * FROM events{where} ORDER BY date NULLS LAST, id) TO '{path}' "
                          "(FORMAT parquet)", params)
        return int(n)
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
        for row in _rows(store, filters):
            n += 1
            fh.write("\t".join(v.replace("\t", " ").replace("\n", " ") for v in gdelt_row(row, n, fips)))
            fh.write("\n")
    else:  # csv
        w = csv.writer(fh)
        header = [*EVENT_COLS, "ingested_at"]
        w.writerow(header)
        for row in _rows(store, filters):
            w.writerow([json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
                        for v in (row[k] for k in header)])
            n += 1
    return n
