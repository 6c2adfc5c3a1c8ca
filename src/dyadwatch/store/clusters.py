"""One event per happening: the reports of one act from several articles merged into one event.

A *report* is what the coder found in one article (one `events` row, with every mention of the act
in that article). Reports of the same happening in different articles are merged into one *event*:
the row of its earliest report (the representative) carries the event's counts, and the other
reports point to it (`merged_into`). `event_dyads`, which every analysis reads, has rows for events
only; `report_dyads` (a view) has one per report for those who count reports.

Two reports are *linked* when they come from different articles, have the same type, the same actor
and recipient codes and the same modality (`merge_key`), a compatible mode, CAMEO code and place
(equal or one unknown; CAMEO codes may be parent and child; the towns their sentences name, when both
name some, overlap), and either
- dates that agree: the same date and precision (day, week, month, year); a day apart at most when
  one is dated to the day or by its publication and the other has only its publication date (the
  act is usually the day before or the same day); or
- stories that are near-duplicates (`stories.py`), with dates at most `NEAR_DUP_DAYS` apart.

The merge is order-independent: a *merge group* is a connected component of the link graph (which
depends only on pairs of reports), and the events of a group are a function of its members alone
(`split_group`: members in a fixed order, each joins the best earlier event all of whose reports it
is linked to and none from its own article, else starts one). A new report is linked against the
stored reports it could link to, their groups are joined, and only that group is split again, so
ingesting in any order, or again, gives the same events, and the store is never re-clustered.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date as _date
from typing import Any

NEAR_DUP_DAYS = 3
PUBLICATION_DAYS = 1  # a report dated by its publication: the act may be that day or the day before
REPORT_FIELDS = ("merged_into", "merge_group", "merge_reason", "num_reports", "num_mentions", "num_articles",
                 "num_sources", "outlets", "first_reported", "source_url")


def merge_key(event: str | None, actors: Iterable[str | None], recipients: Iterable[str | None],
              modality: str | None) -> str:
    """What two reports of one happening must share: type, actor codes, recipient codes, modality."""
    key = json.dumps([event or "", sorted({a for a in actors if a}), sorted({r for r in recipients if r}),
                      modality or ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Report:
    """What the merge needs of one report (and what it writes back)."""

    id: str
    story_id: str
    key: str
    date: _date | None
    precision: str
    mode: str | None
    location: str | None
    source: str | None
    published: _date | None
    url: str | None
    mentions: int
    sentence_index: int | None
    cameo: str | None = None
    places: frozenset[str] = frozenset()  # towns and cities its sentences name (report_places.py)
    # as stored (None for a new report)
    merge_group: str | None = None
    merged_into: str | None = None
    values: dict[str, Any] = field(default_factory=dict)  # the REPORT_FIELDS as stored

    def order(self) -> tuple:
        """Earliest first: publication date, event date, then ids (a total order on content)."""
        return (self.published is None, self.published or _date.min, self.date is None, self.date or _date.min,
                self.story_id, self.sentence_index if self.sentence_index is not None else -1, self.id)


def _same_or_unknown(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.strip().lower() == b.strip().lower()


def _cameo_compatible(a: str | None, b: str | None) -> bool:
    """CAMEO codes of one act: equal, unknown, or one the parent of the other (190 and 194)."""
    if not a or not b:
        return True
    a, b = a.strip(), b.strip()
    return a.startswith(b) or b.startswith(a)


def compatible(a: Report, b: Report) -> bool:
    """Mode, CAMEO code, place and towns named do not tell the two reports apart."""
    return (_same_or_unknown(a.mode, b.mode) and _same_or_unknown(a.location, b.location)
            and _cameo_compatible(a.cameo, b.cameo) and not (a.places and b.places and a.places.isdisjoint(b.places)))


def link(a: Report, b: Report, near_dup: float | None) -> str | None:
    """Why reports `a` and `b` are one happening, or None when they are not linked."""
    if a.story_id == b.story_id or a.key != b.key or not compatible(a, b):
        return None
    shared = sorted(a.places & b.places) or ([a.location or b.location] if (a.location or b.location) else [])
    place = f", place {'/'.join(shared)}" if shared else ""
    if near_dup is not None:
        if a.date is None or b.date is None or abs((a.date - b.date).days) <= NEAR_DUP_DAYS:
            return f"near-duplicate story (Jaccard {near_dup:.2f}){place}"
        return None
    if a.date is None or b.date is None:
        return None
    days = abs((a.date - b.date).days)
    if a.precision == b.precision and days == 0:
        return f"same actors, type and {a.precision} {a.date.isoformat()}{place}"
    if {a.precision, b.precision} <= {"day", "publication"} and "publication" in (a.precision, b.precision) \
            and days <= PUBLICATION_DAYS:
        return f"same actors and type, dates {min(a.date, b.date).isoformat()}/{max(a.date, b.date).isoformat()} " \
               f"(publication date){place}"
    return None


def _score(r: Report, members: Sequence[Report], near: dict[frozenset[str], float]) -> int:
    s = 0
    for m in members:
        s += 3 * (frozenset((r.story_id, m.story_id)) in near)
        s += 2 * bool(r.location and m.location) + 2 * bool(r.places & m.places)
        s += bool(r.mode and m.mode)
        s += r.date == m.date
    return s


def split_group(members: Sequence[Report], near: dict[frozenset[str], float]) -> list[list[Report]]:
    """The events of one merge group: each a list of reports, the representative (earliest) first.
    A function of the set of members alone (not of their order in `members`)."""
    events: list[list[Report]] = []
    for r in sorted(members, key=Report.order):
        best, best_score = None, -1
        for ev in events:
            if any(m.story_id == r.story_id for m in ev):
                continue
            if all(link(r, m, near.get(frozenset((r.story_id, m.story_id)))) for m in ev):
                sc = _score(r, ev, near)
                if sc > best_score:
                    best, best_score = ev, sc
        if best is None:
            events.append([r])
        else:
            best.append(r)
    return events


class _Groups:
    """Union-find over report ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def event_values(ev: list[Report], group: str) -> dict[str, dict[str, Any]]:
    """The REPORT_FIELDS of every report of one event (counts on the representative only)."""
    rep = ev[0]
    outlets = sorted({r.source for r in ev if r.source})
    published = [r.published for r in ev if r.published is not None]
    out = {rep.id: {"merged_into": None, "merge_group": group, "merge_reason": None,
                    "num_reports": len(ev), "num_mentions": sum(r.mentions for r in ev),
                    "num_articles": len({r.story_id for r in ev}), "num_sources": len(outlets),
                    "outlets": outlets, "first_reported": min(published) if published else None,
                    "source_url": rep.url}}
    for r in ev[1:]:
        out[r.id] = {"merged_into": rep.id, "merge_group": group, "merge_reason": None,
                     "num_reports": None, "num_mentions": None, "num_articles": None, "num_sources": None,
                     "outlets": None, "first_reported": None, "source_url": r.url}
    return out


def assign(new: Sequence[Report], stored: Sequence[Report], near: dict[frozenset[str], float]
           ) -> dict[str, dict[str, Any]]:
    """The REPORT_FIELDS of every report in the groups the new reports join: new reports and the
    stored reports of those groups (`stored` must hold every member of every group touched, and
    `near` the near-duplicate links among all their articles)."""
    groups = _Groups()
    by_id = {r.id: r for r in stored}
    for r in stored:
        groups.union(r.merge_group or r.id, r.id)
    by_key: dict[str, list[Report]] = {}
    for r in [*stored, *new]:
        by_key.setdefault(r.key, []).append(r)
    for r in new:
        by_id[r.id] = r
        groups.find(r.id)
        for other in by_key.get(r.key, []):
            if other.id != r.id and link(r, other, near.get(frozenset((r.story_id, other.story_id)))):
                groups.union(r.id, other.id)
    touched = {groups.find(r.id) for r in new}
    members: dict[str, list[Report]] = {}
    for rid, r in by_id.items():
        if r.merge_group is not None and groups.find(r.merge_group) in touched or groups.find(rid) in touched:
            members.setdefault(groups.find(rid), []).append(r)
    out: dict[str, dict[str, Any]] = {}
    for reports in members.values():
        gid = min(r.id for r in reports)  # order-independent name of the group
        for ev in split_group(reports, near):
            vals = event_values(ev, gid)
            for r in ev[1:]:
                vals[r.id]["merge_reason"] = link(r, ev[0], near.get(frozenset((r.story_id, ev[0].story_id))))
            out.update(vals)
    return out
