"""The measures a dyad series offers, what each one means and which way is cooperation.

Three kinds:
- tone: a mean over the period's events (mean PLOVER or Goldstein score, the balance or share of
  cooperative events, the share of one quad class). A change in coverage alone (three times the
  articles, the same mixture of events) cannot move it. Missing in periods without events.
- count: events per period (net cooperation, quad counts, score sums). They grow with coverage.
- normalised: a count per 1,000 events in the store for the same period (`_per_1k`), the dyad's
  share of the news; coverage that grows for every dyad alike does not move it.
- volume: how many events, nothing about their tone (`n_events`, `n_events_per_1k`).

`polarity`: +1 when a higher value means more cooperation, -1 when it means more conflict (quad3,
quad4, conflict counts or shares), 0 for volume. Verdicts name directions from it.

Tone measures carry their per-event values' first and second moments (s1, s2 over n events) so
that the impact and regime models know the sampling noise of each period's mean.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .common import AnalysisError


@dataclass(frozen=True)
class Measure:
    name: str
    kind: str  # tone, count, normalised, volume
    polarity: int  # +1 cooperation up, -1 conflict up, 0 volume
    unit: str  # "{freq}" is replaced by the period
    label: str
    band: float | None = None  # half-width of the neutral band of a tone measure (regime shading)


_TONE = [
    Measure("plover_mean", "tone", 1, "mean PLOVER score points", "mean PLOVER score (-10..+10)", 1.0),
    Measure("goldstein_mean", "tone", 1, "mean Goldstein points", "mean Goldstein score (-10..+10)", 1.0),
    Measure("coop_balance", "tone", 1, "balance points (-1..+1)",
            "balance of cooperation: (cooperative - conflictual) / (cooperative + conflictual)", 0.2),
    Measure("coop_share", "tone", 1, "share points (0..1)", "share of cooperative events", 0.1),
    Measure("quad1_share", "tone", 1, "share points (0..1)", "share of verbal cooperation", None),
    Measure("quad2_share", "tone", 1, "share points (0..1)", "share of material cooperation", None),
    Measure("quad3_share", "tone", -1, "share points (0..1)", "share of verbal conflict", None),
    Measure("quad4_share", "tone", -1, "share points (0..1)", "share of material conflict", None),
]
_COUNTS = [
    Measure("net_coop", "count", 1, "net cooperative events per {freq}", "cooperative minus conflictual events"),
    Measure("coop", "count", 1, "cooperative events per {freq}", "cooperative events (quads 1-2)"),
    Measure("conflict", "count", -1, "conflictual events per {freq}", "conflictual events (quads 3-4)"),
    Measure("quad1", "count", 1, "verbal cooperation events per {freq}", "verbal cooperation events"),
    Measure("quad2", "count", 1, "material cooperation events per {freq}", "material cooperation events"),
    Measure("quad3", "count", -1, "verbal conflict events per {freq}", "verbal conflict events"),
    Measure("quad4", "count", -1, "material conflict events per {freq}", "material conflict events"),
    Measure("plover_sum", "count", 1, "PLOVER score points per {freq}", "sum of PLOVER scores"),
    Measure("goldstein_sum", "count", 1, "Goldstein points per {freq}", "sum of Goldstein scores"),
    Measure("n_events", "volume", 0, "events per {freq}", "events (volume)"),
]
NORMALISED_OF = ("n_events", "net_coop", "coop", "conflict", "quad1", "quad2", "quad3", "quad4")
_NORM = [
    Measure(f"{m.name}_per_1k", "volume" if m.kind == "volume" else "normalised", m.polarity,
            m.unit.replace(" per {freq}", "") + " per 1,000 stored events",
            f"{m.label} per 1,000 events in the store")
    for m in _COUNTS if m.name in NORMALISED_OF
]
MEASURES: dict[str, Measure] = {m.name: m for m in _TONE + _COUNTS + _NORM}
TONE_MEASURES = tuple(m.name for m in _TONE)
DEFAULT_MEASURE = "coop_balance"


def get_measure(name: str | None) -> Measure:
    """The measure of that name (the default when None); AnalysisError naming the choices."""
    key = DEFAULT_MEASURE if name in (None, "", "default") else str(name)
    if key not in MEASURES:
        raise AnalysisError(f"unknown measure {key!r}; choose one of {', '.join(MEASURES)}")
    return MEASURES[key]


def tone_moments(frame: pd.DataFrame, measure: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(n, s1, s2) per row of a period table for a tone measure: the number of events with a value,
    the sum of their values and the sum of their squares."""
    f = frame
    coop = f["quad1"].astype(float) + f["quad2"].astype(float)
    allq = coop + f["quad3"].astype(float) + f["quad4"].astype(float)
    if measure == "plover_mean":
        return f["plover_n"].to_numpy(float), f["plover_sum"].to_numpy(float), f["plover_ss"].to_numpy(float)
    if measure == "goldstein_mean":
        return (f["goldstein_n"].to_numpy(float), f["goldstein_sum"].to_numpy(float),
                f["goldstein_ss"].to_numpy(float))
    if measure == "coop_balance":  # values +1 / -1
        conf = allq - coop
        return allq.to_numpy(float), (coop - conf).to_numpy(float), allq.to_numpy(float)
    if measure == "coop_share":  # values 1 / 0
        return allq.to_numpy(float), coop.to_numpy(float), coop.to_numpy(float)
    if measure.startswith("quad") and measure.endswith("_share"):
        q = f[measure[:5]].astype(float)
        return allq.to_numpy(float), q.to_numpy(float), q.to_numpy(float)
    raise AnalysisError(f"{measure} is not a tone measure")


def within_variance(n: np.ndarray, s1: np.ndarray, s2: np.ndarray) -> float | None:
    """Pooled within-period variance of the events' values (None when no period has two events)."""
    ok = n > 1
    dof = float((n[ok] - 1).sum())
    if dof <= 0:
        return None
    ss = float((s2[ok] - s1[ok] ** 2 / n[ok]).sum())
    return max(ss / dof, 0.0)


__all__ = ["DEFAULT_MEASURE", "MEASURES", "NORMALISED_OF", "TONE_MEASURES", "Measure", "get_measure",
           "tone_moments", "within_variance"]
