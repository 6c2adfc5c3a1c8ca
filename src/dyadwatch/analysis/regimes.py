"""Regimes of a dyad: change points in its tone, their levels and the events that open them.

Method
- The series is one measure per period over the store's coverage (default: the mean PLOVER score
  of both directions, a tone measure that coverage cannot move), at `freq="auto"` by default:
  weekly when the dyad has 3 or more events per covered week, else monthly, else quarterly.
  Periods without a value are left out (never filled).
- Segmentation (segment.py): weighted least squares with weights from the sampling noise of each
  period's mean and the relationship's own period-to-period variation, optimal partitioning with
  a penalty of `beta * log(m)` per change point (BIC-like, in units of the noise, so it scales
  with the data; beta = 2.5 is calibrated so that a stationary dyad gives one regime in at least
  95% of simulations: 97.4% on 500 (seed 20240601; 96.0% with a drifting tone), 85.4% of planted 1-SD
  changes found within 8 weeks, see bench/bench_calibration.py; 2.75 before gave 98.8% and 97.4% on two
  seeds and missed the sample corpus's USA-PRK détente whenever one more event fell in a month), and
  regimes of at least `min_size` periods
  (default: 3 days, 8 weeks, 3 months, 2 quarters, 2 years).
- Each regime: start and end (period starts), periods, observed periods, level (weighted mean)
  with a 95% interval, tone ('cooperative', 'neutral' or 'conflictual': the level above, inside
  or below the measure's neutral band; the band is in attrs, e.g. -1..+1 for the mean PLOVER
  score, so a level of -0.4 is neutral, not conflictual), events, and its opening events: the top
  events of its first period, most cooperative first when the regime is more cooperative than the
  one before, most conflictual first when it is less.
- Opening events are read with two index-friendly queries for all regimes together: one over the
  dyad's rows of `event_dyads` (sorted by source, target, date: a few row groups), then the
  sentences of those few ids from `events` (sorted by id: one row group each).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from .common import FREQS, AnalysisError, check_freq, connection, filters
from .counting import Counting, counting
from .measures import get_measure, within_variance
from .segment import bic_penalty, noise_weights, optimal_partition
from .series import load_dyad, measure_values, period_table

DEFAULT_BETA = 2.5
MIN_SIZE = {"day": 3, "week": 8, "month": 3, "quarter": 2, "year": 2}
AUTO_WEEKLY, AUTO_MONTHLY = 3.0, 1.0  # events per covered week / month for each frequency
TONES = ("cooperative", "neutral", "conflictual")


def _positive(name: str, value: Any) -> float:
    try:
        f = float(value)
    except (TypeError, ValueError):
        raise AnalysisError(f"{name} must be a positive number, not {value!r}") from None
    if not math.isfinite(f) or f <= 0:
        raise AnalysisError(f"{name} must be a positive finite number, not {value!r}")
    return f


def auto_freq(data: Any) -> str:
    """week, month or quarter: the finest at which the dyad has enough events per covered period."""
    for freq, need in (("week", AUTO_WEEKLY), ("month", AUTO_MONTHLY)):
        t = period_table(data, freq)
        if t.empty:
            return freq
        both = t[t["direction"] == "both"]
        covered = int(both["covered"].sum())
        if covered and float(both["n_events"].astype(float).sum()) / covered >= need:
            return freq
    return "quarter"


def neutral_band(meas: Any, mean_events: float) -> tuple[float, float] | None:
    """The neutral band of a measure: a tone measure's own (e.g. -1..+1 PLOVER points, -0.2..+0.2
    balance, 0.4..0.6 share), for a count 20% of the mean events per period either side of zero;
    None for volume."""
    if meas.polarity == 0:
        return None
    if meas.kind == "tone":
        half = meas.band if meas.band is not None else 0.1
        centre = 0.5 if meas.name.endswith("_share") else 0.0
        return centre - half, centre + half
    half = 0.2 * mean_events if meas.kind == "count" else 0.0
    return -half, half


def tone_of(level: float, band: tuple[float, float] | None, polarity: int) -> str | None:
    if band is None or level is None or not math.isfinite(level):
        return None
    if band[0] <= level <= band[1]:
        return "neutral"
    up = level > band[1]
    return "cooperative" if (up == (polarity > 0)) else "conflictual"


def opening_events(store: Any, a: str, b: str, regimes: list[dict[str, Any]], freq: str, limit: int,
                   modality: str | None, origin: Any, cnt: Counting) -> dict[int, list[dict[str, Any]]]:
    """The top `limit` events of each regime's first period (see the module notes)."""
    if not regimes or limit <= 0:
        return {}
    con = connection(store)
    step = pd.tseries.frequencies.to_offset(FREQS[freq][1])
    ranges = []
    for r in regimes:
        lo = pd.Timestamp(r["start"])
        ranges.append((int(r["regime"]), lo.date(), (lo + step).date(), float(r.get("_sign", 0.0))))
    values = ", ".join("(?, ?::DATE, ?::DATE, ?::DOUBLE)" for _ in ranges)
    params: list[Any] = [x for rg in ranges for x in rg]
    where, wparams = filters(min(r[1] for r in ranges), max(r[2] for r in ranges), modality, origin)
    sql = f"""
        WITH rows AS (
            SELECT event_id, date, source, target, event, plover_score, quad_code
            FROM {cnt.relation()}
            WHERE ((source = ? AND target = ?) OR (source = ? AND target = ?)) {where}
        )
        SELECT g.regime, d.event_id, CAST(d.date AS VARCHAR) AS date, d.source, d.target, d.event,
               d.plover_score, d.quad_code
        FROM rows d JOIN (VALUES {values}) g(regime, lo, hi, sign) ON d.date >= g.lo AND d.date < g.hi
        QUALIFY row_number() OVER (PARTITION BY g.regime ORDER BY
            CASE WHEN g.sign = 0 THEN abs(coalesce(d.plover_score, 0)) ELSE g.sign * coalesce(d.plover_score, 0) END
            DESC, d.date, d.event_id) <= {int(limit)}
        ORDER BY g.regime
    """
    rows = con.execute(sql, [a, b, b, a] + wparams + params).fetchall()
    ids = list(dict.fromkeys(r[1] for r in rows))
    text: dict[str, tuple[Any, Any]] = {}
    if ids:  # one equality lookup per id: each reads the one row group its id falls in
        union = " UNION ALL ".join("SELECT id, event_text, story_id FROM events WHERE id = ?" for _ in ids)
        text = {r[0]: (r[1], r[2]) for r in con.execute(union, ids).fetchall()}
    out: dict[int, list[dict[str, Any]]] = {}
    for reg, eid, d, src, tgt, ev, score, quad in rows:
        sentence, story = text.get(eid, (None, None))
        out.setdefault(int(reg), []).append({
            "id": eid, "date": d, "source": src, "target": tgt, "event": ev, "plover_score": score,
            "quad_code": None if quad is None else int(quad), "event_text": sentence, "story_id": story})
    return out


def dyad_regimes(store: Any, a: str, b: str, freq: str = "auto", since: Any = None, until: Any = None,
                 measure: str | None = None, penalty: float | None = None, beta: float = DEFAULT_BETA,
                 min_size: int | None = None, top: int = 3, modality: str | None = "asserted",
                 origin: Any = None, count: str = "events", one_a_day: bool = False, root_only: bool = False,
                 weight: str | None = None, as_: str = "pandas") -> Any:
    """Regimes of the A-B dyad. One row per regime: regime, start, end (ISO period starts),
    n_periods, n_observed, level, level_ci_low, level_ci_high, tone, n_events, top_events (list of
    dicts). `attrs`: dyad, freq, measure, penalty, beta, min_size, band, sigma2, tau2, n_periods,
    n_observed, change_points (ISO dates where regimes 2.. start). Raises AnalysisError when the
    dyad has no dated events or an argument is invalid (penalty and beta: positive and finite)."""
    meas = get_measure(measure)
    if penalty is not None:
        penalty = _positive("penalty", penalty)
    beta = _positive("beta", beta)
    if min_size is not None and (not isinstance(min_size, int | np.integer) or min_size < 1):
        raise AnalysisError(f"min_size must be a whole number of periods >= 1, not {min_size!r}")
    if top < 0:
        raise AnalysisError(f"top must be >= 0, not {top}")
    a, b = a.upper(), b.upper()
    cnt = counting(count, one_a_day, root_only, weight)
    data = load_dyad(store, a, b, since, until, modality, origin, count=cnt)
    if data.raw.empty:
        raise AnalysisError(f"no dated events between {a} and {b}")
    if freq in (None, "", "auto"):
        freq = auto_freq(data)
    check_freq(freq)
    min_size = int(min_size) if min_size is not None else MIN_SIZE[freq]
    table = period_table(data, freq)
    mv = measure_values(table, meas.name)
    obs = mv["value"].notna().to_numpy() & (mv["n"].to_numpy(float) > 0)
    if not obs.any():
        raise AnalysisError(f"no {meas.name} values between {a} and {b}")
    t = np.flatnonzero(obs).astype(float)
    y = mv["value"].to_numpy(float)[obs]
    if meas.kind == "tone":
        n = mv["n"].to_numpy(float)[obs]
        v = 1.0 / n
        sigma2 = within_variance(n, mv["s1"].to_numpy(float)[obs], mv["s2"].to_numpy(float)[obs])
        if sigma2 is None:
            sigma2 = float(np.var(y)) if len(y) > 1 else 1.0
    else:
        v, sigma2 = np.ones_like(y), None
    w, sigma2_used, tau2 = noise_weights(y, v, sigma2)
    pen = penalty if penalty is not None else bic_penalty(len(y), beta)
    cps = optimal_partition(y, w, t, pen, min_size=min_size)
    bounds = [0] + cps + [len(y)]
    periods = mv["period"]
    ev = mv["n_events"].fillna(0).to_numpy(float)
    mean_events = float(ev[mv["covered"].to_numpy(bool)].mean()) if mv["covered"].any() else 0.0
    band = neutral_band(meas, mean_events)
    rows = []
    prev_level = None
    for i in range(len(bounds) - 1):
        lo, hi = bounds[i], bounds[i + 1]
        p_lo = int(t[lo]) if i > 0 else 0
        p_hi = int(t[bounds[i + 1]]) if i + 1 < len(bounds) - 1 else len(mv)
        ws = w[lo:hi]
        level = float(np.sum(ws * y[lo:hi]) / np.sum(ws))
        se = float(1.0 / math.sqrt(np.sum(ws)))
        sign = 0.0 if prev_level is None else float(np.sign(level - prev_level)) * meas.polarity or 0.0
        rows.append({
            "regime": i + 1,
            "start": pd.Timestamp(periods.iloc[p_lo]).strftime("%Y-%m-%d"),
            "end": pd.Timestamp(periods.iloc[p_hi - 1]).strftime("%Y-%m-%d"),
            "n_periods": p_hi - p_lo, "n_observed": hi - lo,
            "level": level, "level_ci_low": level - 1.96 * se, "level_ci_high": level + 1.96 * se,
            "tone": tone_of(level, band, meas.polarity),
            "n_events": float(ev[p_lo:p_hi].sum()) if cnt.weighted else round(ev[p_lo:p_hi].sum()),
            "_sign": sign if meas.polarity else 0.0,
            "_open": pd.Timestamp(periods.iloc[int(t[lo])]).strftime("%Y-%m-%d"),
        })
        prev_level = level
    opening = opening_events(store, a, b, [{"regime": r["regime"], "start": r["_open"], "_sign": r["_sign"]}
                                           for r in rows], freq, top, modality, origin, cnt) if top else {}
    for r in rows:
        r["top_events"] = opening.get(r["regime"], [])
        del r["_sign"], r["_open"]
    cols = ["regime", "start", "end", "n_periods", "n_observed", "level", "level_ci_low", "level_ci_high", "tone",
            "n_events", "top_events"]
    out = pd.DataFrame(rows, columns=cols)
    attrs = {"dyad": f"{a}-{b}", "freq": freq, "measure": meas.name, "measure_label": meas.label, "penalty": float(pen),
                 "beta": None if penalty is not None else beta, "min_size": min_size,
                 "band": list(band) if band is not None else None, "sigma2": sigma2_used, "tau2": tau2,
                 "n_undated": data.n_undated, "n_periods": len(mv), "n_observed": len(y),
                 "change_points": [r["start"] for r in rows[1:]], "counting": cnt.as_dict(),
                 "coverage": table.attrs.get("coverage")}
    if (as_ or "pandas") != "pandas":
        from ..store.frames import as_frame

        return as_frame(out, as_)
    out.attrs.update(attrs)
    return out


__all__ = ["DEFAULT_BETA", "MIN_SIZE", "auto_freq", "dyad_regimes", "neutral_band", "opening_events", "tone_of"]
