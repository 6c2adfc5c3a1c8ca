"""Counting conventions: what one unit of a dyad series is.

- count="events" (default): one stored event (a happening with all its reports merged: `event_dyads`).
- count="reports": one report (an article's telling of an event: the `report_dyads` view).
- one_a_day=True: GDELT users' filter, at most one record per (date, source, target, PLOVER type).
- root_only=True: only GDELT root events (`is_root_event`); events without the flag (coded here,
  other formats) are kept.
- weight="sources" | "articles" | "mentions": each event counts by its number of outlets, articles
  or mentions (GDELT's NumSources, NumArticles, NumMentions; events coded here carry their own);
  missing counts weigh 1.

`Counting.relation()` is a subquery with the columns every analysis reads (event_id, date, source,
target, event, quad_code, plover_score, goldstein, modality, origin, w); `w` is the weight of the
row (1 without a weight). Filters on source/target/date go around it; DuckDB pushes them into the
scan, so the default stays a zone-map read of `event_dyads`. The report, root and weight options
join `events` and read more of the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .common import AnalysisError

COUNTS = ("events", "reports")
WEIGHTS = ("sources", "articles", "mentions")
_DYAD_COLS = "event_id, date, source, target, event, quad_code, plover_score, goldstein, modality, origin"


@dataclass(frozen=True)
class Counting:
    count: str = "events"
    one_a_day: bool = False
    root_only: bool = False
    weight: str | None = None

    def __post_init__(self) -> None:
        if self.count not in COUNTS:
            raise AnalysisError(f"count must be one of {', '.join(COUNTS)}, not {self.count!r}")
        if self.weight not in (None, *WEIGHTS):
            raise AnalysisError(f"weight must be one of {', '.join(WEIGHTS)} (or none), not {self.weight!r}")

    @property
    def weighted(self) -> bool:
        return self.weight is not None

    def describe(self) -> str:
        parts = [self.count]
        if self.one_a_day:
            parts.append("one a day")
        if self.root_only:
            parts.append("root events only")
        if self.weight:
            parts.append(f"weighted by {self.weight}")
        return ", ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {"count": self.count, "one_a_day": self.one_a_day, "root_only": self.root_only,
                "weight": self.weight}

    def relation(self) -> str:
        """The rows to count, as a parenthesised subquery (see the module notes)."""
        join = self.root_only or self.weighted
        if self.count == "events":
            cols = ", ".join(f"d.{c}" for c in _DYAD_COLS.split(", "))
            src = "event_dyads d"
            key = "d.event_id"
        else:
            cols = ("d.report_id AS event_id, d.date, d.source, d.target, d.event, d.quad_code, d.plover_score, "
                    "d.goldstein, d.modality, d.origin")
            src = "report_dyads d"
            key = "d.event_id"
        w = f"coalesce(e.num_{self.weight}, 1)::DOUBLE" if self.weighted else "1"
        sql = f"SELECT {cols}, {w} AS w FROM {src}"
        if join:
            sql += f" LEFT JOIN events e ON e.id = {key}"
        if self.root_only:
            sql += " WHERE e.is_root_event IS NOT FALSE"
        if self.one_a_day:
            sql = (f"SELECT min(event_id) AS event_id, date, source, target, event, min(quad_code) AS quad_code, "
                   f"avg(plover_score) AS plover_score, avg(goldstein) AS goldstein, modality, origin, max(w) AS w "
                   f"FROM ({sql}) GROUP BY date, source, target, event, modality, origin")
        return f"({sql})"


DEFAULT_COUNTING = Counting()


def counting(count: str | None = "events", one_a_day: bool = False, root_only: bool = False,
             weight: str | None = None) -> Counting:
    """A Counting from the keyword arguments every analysis takes."""
    return Counting(count or "events", bool(one_a_day), bool(root_only), weight or None)


__all__ = ["COUNTS", "DEFAULT_COUNTING", "WEIGHTS", "Counting", "counting"]
