"""What a stored report is: its dyad pairs, and the migration (4) that makes older stores count right.

A joint act is stored as one row per ordered pair of different parties (A -> B and B -> A) sharing a
`joint_id`; a compound side ("the US and Japan warned China") stays a list, with one event_dyads row
per pair; a domestic event (one country on both sides) keeps its self pair.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from .clusters import merge_key


def dyad_pairs(actor_codes: Sequence[str | None], recipient_codes: Sequence[str | None]
               ) -> list[tuple[str, str | None]]:
    """(source, target) pairs of one event: actor x recipient, target None without recipient;
    self pairs are skipped when the actor list is compound."""
    sources = list(dict.fromkeys(c for c in actor_codes if c))
    targets = list(dict.fromkeys(c for c in recipient_codes if c))
    if not targets:
        return [(s, None) for s in sources]
    compound = len(sources) > 1
    return [(s, t) for s in sources for t in targets if not (compound and s == t)]


def _codes_sql(col: str) -> str:
    return f"list_sort(list_distinct(list_filter(json_extract_string({col}, '$[*].code'), lambda x: x IS NOT NULL)))"


UNSPLIT_JOINT_SQL = (f"origin = 'dyadwatch' AND len({_codes_sql('actor')}) > 1 "
                     f"AND {_codes_sql('actor')} = {_codes_sql('recipient')}")


def _pair_rows(rows: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """(id, actor JSON) of stored joint acts -> one row per ordered pair of different parties."""
    out = []
    for old_id, actor_json in rows:
        first: dict[str, dict] = {}
        for a in json.loads(actor_json or "[]"):
            if isinstance(a, dict) and a.get("code"):
                first.setdefault(a["code"], a)
        for a, ea in first.items():
            for b, eb in first.items():
                if a == b:
                    continue
                new_id = hashlib.sha1(f"{old_id}|{a}|{b}".encode()).hexdigest()[:16]
                out.append({"old_id": old_id, "new_id": new_id, "a": a, "b": b,
                            "a_sector": ea.get("sector"), "b_sector": eb.get("sector"),
                            "actor_json": json.dumps([ea], ensure_ascii=False),
                            "recipient_json": json.dumps([eb], ensure_ascii=False)})
    return out


def split_stored_joint_acts(con: Any) -> int:
    """Rows with actor = recipient = the same several parties (how joint acts were stored before
    version 4) -> one row per ordered pair, sharing the old id as `joint_id`. Returns rows split."""
    rows = con.execute(f"SELECT id, actor::VARCHAR FROM events WHERE {UNSPLIT_JOINT_SQL}").fetchall()
    if not rows:
        return 0
    import pyarrow as pa  # only here: pyarrow costs 0.15-0.3 s of start-up that opening a store never needs

    pairs = _pair_rows(rows)
    con.register("_dw_pairs", pa.Table.from_pylist(pairs))
    try:
        con.execute("""
            INSERT INTO events BY NAME
            SELECT e.* REPLACE (p.new_id AS id, p.actor_json::JSON AS actor, p.recipient_json::JSON AS recipient,
                                p.a AS actor_code, p.a_sector AS actor_sector, p.b AS recipient_code,
                                p.b_sector AS recipient_sector, coalesce(e.joint_id, p.old_id) AS joint_id)
            FROM events e JOIN _dw_pairs p ON p.old_id = e.id""")
        con.execute("""
            INSERT INTO event_dyads (event_id, date, source, target, event, quad_code, plover_score, goldstein,
                                     modality, origin)
            SELECT p.new_id, e.date, p.a, p.b, e.event, e.quad_code, e.plover_score, e.goldstein, e.modality, e.origin
            FROM events e JOIN _dw_pairs p ON p.old_id = e.id""")
        con.execute("DELETE FROM event_dyads WHERE event_id IN (SELECT old_id FROM _dw_pairs)")
        con.execute("DELETE FROM events WHERE id IN (SELECT old_id FROM _dw_pairs)")
    finally:
        con.unregister("_dw_pairs")
    return len(rows)


def migrate_reports(con: Any) -> None:
    """Migration 4, Python step: split stored joint acts; give every coded event its outlet, URL and
    earliest report from its article, counts of one report, its own merge group and its merge key
    (so that new reports of the same happening join it). Stored events are not merged with each other."""
    split_stored_joint_acts(con)
    con.execute("""
        UPDATE events SET source = a.source, source_url = coalesce(events.source_url, a.url), first_reported = a.date
        FROM articles a WHERE a.id = events.story_id AND events.origin = 'dyadwatch'""")
    con.execute("""
        UPDATE events SET num_reports = 1, num_mentions = 1, num_articles = 1,
               num_sources = CASE WHEN source IS NULL THEN 0 ELSE 1 END,
               outlets = CASE WHEN source IS NULL THEN []::VARCHAR[] ELSE [source] END, merge_group = id
        WHERE origin = 'dyadwatch' AND merged_into IS NULL AND num_reports IS NULL""")
    rows = con.execute("SELECT id, event, actor::VARCHAR, recipient::VARCHAR, modality FROM events "
                       "WHERE origin = 'dyadwatch' AND merge_key IS NULL").fetchall()
    if not rows:
        return

    def codes(js: str | None) -> list[str]:
        try:
            return [a.get("code") for a in json.loads(js or "[]") if isinstance(a, dict)]
        except ValueError:
            return []

    import pyarrow as pa

    keys = pa.table({"id": [r[0] for r in rows],
                     "k": [merge_key(r[1], codes(r[2]), codes(r[3]), r[4]) for r in rows]})
    con.register("_dw_keys", keys)
    try:
        con.execute("UPDATE events SET merge_key = k.k FROM _dw_keys k WHERE events.id = k.id")
    finally:
        con.unregister("_dw_keys")
