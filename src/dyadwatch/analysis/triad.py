"""Triad cohesion: how three actors (e.g. USA, KOR, JPN) cooperate with each other over time and
how alike they act toward fourth parties.

Definitions
- Pair series: per period and unordered pair (both directions together), events, cooperative
  events (quads 1-2), conflictual events (quads 3-4), net_coop and mean PLOVER score.
- Cohesion index per period: (cooperative - conflictual) / all events among the three, in
  [-1, 1]; None in periods without events among them. `cohesion` overall is the same ratio over
  the whole span.
- Fourth parties: every other actor X that at least two members act toward, with at least
  `min_events` events from the triad toward X. For each: each member's events and mean PLOVER
  score toward X, the spread (max - min of those means), similarity = 1 - spread / 20 (PLOVER
  scores run from -10 to +10, so 1 means identical means and 0 opposite extremes), and the mean
  pairwise correlation of the members' per-period mean scores toward X over periods where both
  members acted (None with fewer than 3 shared periods). Sorted by events, top `top` listed.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd

from .common import FREQS, AnalysisError, check_freq, connection, filters, period_range, rounded
from .counting import counting


def _pair(x: str, y: str) -> str:
    return "-".join(sorted((x, y)))


def triad_cohesion(store: Any, a: str, b: str, c: str, freq: str = "month", since: Any = None,
                   until: Any = None, modality: str | None = "asserted", origin: Any = None,
                   min_events: int = 10, top: int = 10, count: str = "events", one_a_day: bool = False,
                   root_only: bool = False, weight: str | None = None) -> dict[str, Any]:
    """Cohesion of the triad A, B, C; a dict of plain types: triad, freq, n_events, cohesion,
    pairs (per pair totals), series (records: period, pair, n_events, coop, conflict, net_coop,
    plover_mean), cohesion_series (records: period, n_events, cohesion), fourth_parties."""
    check_freq(freq)
    members = [m.upper() for m in (a, b, c)]
    if len(set(members)) != 3:
        raise AnalysisError("a triad needs three different actors")
    con = connection(store)
    rel = counting(count, one_a_day, root_only, weight).relation()
    where, params = filters(since, until, modality, origin)
    unit = FREQS[freq][0]
    ph = ", ".join("?" * 3)
    inner = con.execute(f"""
        SELECT date_trunc('{unit}', date) AS period, least(source, target) AS x, greatest(source, target) AS y,
               sum(w) AS n, coalesce(sum(w) FILTER (WHERE quad_code IN (1, 2)), 0) AS coop,
               coalesce(sum(w) FILTER (WHERE quad_code IN (3, 4)), 0) AS conflict,
               sum(w * plover_score) AS plover_sum,
               coalesce(sum(w) FILTER (WHERE plover_score IS NOT NULL), 0) AS plover_n
        FROM {rel}
        WHERE source IN ({ph}) AND target IN ({ph}) AND source <> target AND date IS NOT NULL {where}
        GROUP BY ALL
    """, members + members + params).df()
    outer = con.execute(f"""
        SELECT date_trunc('{unit}', date) AS period, source, target, sum(w) AS n,
               sum(w * plover_score) AS plover_sum,
               coalesce(sum(w) FILTER (WHERE plover_score IS NOT NULL), 0) AS plover_n
        FROM {rel}
        WHERE source IN ({ph}) AND target IS NOT NULL AND target NOT IN ({ph}) AND date IS NOT NULL {where}
        GROUP BY ALL
    """, members + members + params).df()
    triad = "-".join(members)
    out: dict[str, Any] = {"triad": triad, "members": members, "freq": freq, "n_events": int(inner["n"].sum())
                           if not inner.empty else 0, "cohesion": None, "pairs": [], "series": [],
                           "cohesion_series": [], "fourth_parties": []}
    if inner.empty and outer.empty:
        raise AnalysisError(f"no dated events among {', '.join(members)} or from them toward others")
    pairs = [_pair(x, y) for x, y in combinations(members, 2)]
    if not inner.empty:
        inner["period"] = pd.to_datetime(inner["period"]).dt.tz_localize(None).dt.normalize()
        inner["pair"] = inner["x"] + "-" + inner["y"]
        periods = period_range(since or inner["period"].min(), until or inner["period"].max(), freq)
        idx = pd.MultiIndex.from_product([periods, pairs], names=["period", "pair"])
        g = inner.groupby(["period", "pair"])[["n", "coop", "conflict", "plover_sum", "plover_n"]].sum()
        g = g.reindex(idx).fillna(0).reset_index()
        g["net_coop"] = g["coop"] - g["conflict"]
        g["plover_mean"] = g["plover_sum"] / g["plover_n"].where(g["plover_n"] > 0)
        out["series"] = [{"period": r.period.strftime("%Y-%m-%d"), "pair": r.pair, "n_events": int(r.n),
                          "coop": int(r.coop), "conflict": int(r.conflict), "net_coop": int(r.net_coop),
                          "plover_mean": rounded(r.plover_mean)} for r in g.itertuples()]
        per = g.groupby("period")[["n", "coop", "conflict"]].sum()
        out["cohesion_series"] = [{"period": p.strftime("%Y-%m-%d"), "n_events": int(r.n),
                                   "cohesion": rounded((r.coop - r.conflict) / r.n) if r.n else None}
                                  for p, r in per.iterrows()]
        tot = g.groupby("pair")[["n", "coop", "conflict", "plover_sum", "plover_n"]].sum()
        for pair in pairs:
            r = tot.loc[pair]
            out["pairs"].append({"pair": pair, "n_events": int(r["n"]), "coop": int(r["coop"]),
                                 "conflict": int(r["conflict"]), "net_coop": int(r["coop"] - r["conflict"]),
                                 "plover_mean": rounded(r["plover_sum"] / r["plover_n"]) if r["plover_n"] else None,
                                 "cohesion": rounded((r["coop"] - r["conflict"]) / r["n"]) if r["n"] else None})
        n, coop, conf = per["n"].sum(), per["coop"].sum(), per["conflict"].sum()
        out["cohesion"] = rounded((coop - conf) / n) if n else None
    out["fourth_parties"] = _fourth_parties(outer, members, min_events, top)
    return out


def _fourth_parties(outer: pd.DataFrame, members: list[str], min_events: int, top: int) -> list[dict[str, Any]]:
    if outer.empty:
        return []
    outer = outer.copy()
    outer["period"] = pd.to_datetime(outer["period"]).dt.tz_localize(None).dt.normalize()
    tot = outer.groupby(["target", "source"])[["n", "plover_sum", "plover_n"]].sum()
    results = []
    for x, sub in tot.groupby(level="target"):
        sub = sub.droplevel("target")
        n_total = int(sub["n"].sum())
        acting = [m for m in members if m in sub.index and sub.loc[m, "plover_n"] > 0]
        if n_total < min_events or len(acting) < 2:
            continue
        means = {m: float(sub.loc[m, "plover_sum"] / sub.loc[m, "plover_n"]) for m in acting}
        spread = max(means.values()) - min(means.values())
        per = outer[outer["target"] == x].copy()
        per["mean"] = per["plover_sum"] / per["plover_n"].where(per["plover_n"] > 0)
        wide = per.pivot_table(index="period", columns="source", values="mean", aggfunc="mean")
        corrs = []
        for m1, m2 in combinations(acting, 2):
            if m1 in wide.columns and m2 in wide.columns:
                both = wide[[m1, m2]].dropna()
                if len(both) >= 3 and both[m1].std() > 0 and both[m2].std() > 0:
                    corrs.append(float(np.corrcoef(both[m1], both[m2])[0, 1]))
        results.append({
            "actor": x, "n_events": n_total,
            "members": {m: {"n_events": int(sub.loc[m, "n"]) if m in sub.index else 0,
                            "plover_mean": rounded(means.get(m))} for m in members},
            "spread": rounded(spread), "similarity": rounded(1 - spread / 20.0),
            "correlation": rounded(float(np.mean(corrs))) if corrs else None,
        })
    results.sort(key=lambda r: (-r["n_events"], r["actor"]))
    return results[:top]


__all__ = ["triad_cohesion"]
