"""Did an event change the dyad? Interrupted time series with a placebo test.

Method
- Series: one measure per period (default: weekly net cooperation, both directions).
  With `window=N` only N periods either side of the date's period are used.
- Segmented regression (statsmodels OLS): y = b0 + b1*t + b2*post + b3*(t - t0)*post, with
  Newey-West (HAC) standard errors, maxlags = floor(4 * (n/100)^(2/9)), for autocorrelation.
  level_change = b2 (the jump at the date), trend_change = b3, with 95% confidence intervals.
- Placebo test: the same regression at every other period of the series, fitted on data from the
  same side of the real date only (so the real change cannot leak into a placebo), with the same
  half-width and at least `min_side` periods either side. placebo_p = (1 + #placebo |level
  change| >= real |level change|) / (1 + #placebos).
- significant = p_value < 0.05 and placebo_p < 0.1. When fewer than 10 placebo dates fit, the
  placebo test is not run (placebo_p None) and `significant` rests on p_value alone (the verdict
  says so). When there are too few data (fewer than `min_side` periods on either side, or fewer
  than `min_events` events), the verdict says "too few data to say" and significant is None.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .common import AnalysisError, connection, parse_date, period_start, rounded
from .series import measure_series

MEASURE_UNITS = {
    "net_coop": "net cooperative events per {freq}",
    "plover_mean": "mean PLOVER score points",
    "plover_sum": "PLOVER score points per {freq}",
    "goldstein_mean": "mean Goldstein points",
    "goldstein_sum": "Goldstein points per {freq}",
    "n_events": "events per {freq}",
}


def hac_lags(n: int) -> int:
    return max(1, math.floor(4 * (n / 100.0) ** (2.0 / 9.0)))


def segmented_fit(y: np.ndarray, t0: int, alpha: float = 0.05) -> dict[str, float]:
    """Segmented regression of y on time with a break at index t0 (HAC errors)."""
    import statsmodels.api as sm

    y = np.asarray(y, dtype=float)
    n = len(y)
    t = np.arange(n, dtype=float)
    post = (t >= t0).astype(float)
    after = (t - t0) * post
    X = np.column_stack([np.ones(n), t, post, after])
    res = sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": hac_lags(n)})
    ci = np.asarray(res.conf_int(alpha=alpha))
    params = np.asarray(res.params)
    pvals = np.asarray(res.pvalues)
    pre_level = params[0] + params[1] * t0
    return {
        "level_change": float(params[2]), "ci_low": float(ci[2, 0]), "ci_high": float(ci[2, 1]),
        "p_value": float(pvals[2]) if np.isfinite(pvals[2]) else 1.0,
        "trend_change": float(params[3]), "trend_ci_low": float(ci[3, 0]), "trend_ci_high": float(ci[3, 1]),
        "trend_p_value": float(pvals[3]) if np.isfinite(pvals[3]) else 1.0,
        "pre_level": float(pre_level), "post_level": float(pre_level + params[2]),
        "pre_trend": float(params[1]), "post_trend": float(params[1] + params[3]),
        "pre_mean": float(np.mean(y[:t0])), "post_mean": float(np.mean(y[t0:])),
    }


def placebo_levels(y: np.ndarray, t0: int, half: int, min_side: int) -> list[float]:
    """|level change| at placebo dates, each fitted within one side of the real break t0."""
    out: list[float] = []
    for lo_side, hi_side in ((0, t0), (t0, len(y))):
        for p in range(lo_side + min_side, hi_side - min_side + 1):
            lo, hi = max(lo_side, p - half), min(hi_side, p + half)
            if p - lo < min_side or hi - p < min_side:
                continue
            seg = y[lo:hi]
            if np.ptp(seg) == 0:
                out.append(0.0)
                continue
            try:
                out.append(abs(segmented_fit(seg, p - lo)["level_change"]))
            except (ValueError, np.linalg.LinAlgError):
                continue
    return out


def event_info(store: Any, event_id: str) -> dict[str, Any]:
    """Date, type, actors and sentence of a stored event (AnalysisError if unknown or undated)."""
    row = connection(store).execute(
        "SELECT id, CAST(date AS VARCHAR), event, actor_code, recipient_code, event_text FROM events "
        "WHERE id = ?", [event_id]).fetchone()
    if row is None:
        raise AnalysisError(f"no stored event with id {event_id!r}")
    if row[1] is None:
        raise AnalysisError(f"event {event_id} has no date")
    return dict(zip(["id", "date", "event", "actor_code", "recipient_code", "event_text"], row))


def _fmt(x: float | None, sign: bool = True) -> str:
    if x is None:
        return "n/a"
    return f"{x:+.2f}" if sign else f"{x:.2f}"


def dyad_impact(store: Any, a: str, b: str, date: Any = None, event_id: str | None = None,
                freq: str = "week", window: int | None = None, measure: str = "net_coop",
                since: Any = None, until: Any = None, modality: str | None = "asserted", origin: Any = None,
                min_side: int = 6, min_events: int = 10, alpha: float = 0.05) -> dict[str, Any]:
    """Impact of a date (or of a stored event's date) on the A-B dyad; a dict of plain types:
    dyad, date, event, freq, measure, n_periods, n_pre, n_post, n_events, level_change, ci_low,
    ci_high, p_value, trend_change (+ CI, p), pre/post level, trend and mean, placebo_p,
    n_placebo, significant (True/False/None), verdict, series (period, value) records."""
    a, b = a.upper(), b.upper()
    event = None
    if event_id:
        event = event_info(store, event_id)
        if date is None:
            date = event["date"]
    if date is None:
        raise AnalysisError("give a date or an event id")
    d = parse_date(date)
    s = measure_series(store, a, b, freq=freq, measure=measure, since=since, until=until,
                       modality=modality, origin=origin)
    dyad = f"{a}-{b}"
    out: dict[str, Any] = {
        "dyad": dyad, "date": d.isoformat(), "event": event, "freq": freq, "measure": measure,
        "window": window, "level_change": None, "ci_low": None, "ci_high": None, "p_value": None,
        "placebo_p": None, "n_placebo": 0, "significant": None,
    }
    p0 = period_start(d, freq)
    if window and not s.empty:
        i0 = int((s["period"] < p0).sum())
        s = s.iloc[max(0, i0 - window): i0 + window].reset_index(drop=True)
    if s.empty:
        out.update(n_periods=0, n_pre=0, n_post=0, n_events=0, series=[],
                   verdict=f"too few data to say: no dated events between {a} and {b}")
        return out
    t0 = int((s["period"] < p0).sum())
    y = s["value"].to_numpy(dtype=float)
    if np.isnan(y).any():  # mean measures: empty periods carry no information; fill with the mean
        y = np.where(np.isnan(y), np.nanmean(y) if np.isfinite(np.nanmean(y)) else 0.0, y)
    n = len(y)
    n_events = int(s["n_events"].sum())
    out.update(n_periods=n, n_pre=t0, n_post=n - t0, n_events=n_events,
               series=[{"period": p.strftime("%Y-%m-%d"), "value": rounded(v, 4)}
                       for p, v in zip(s["period"], y)])
    if t0 < min_side or n - t0 < min_side or n_events < min_events:
        out["verdict"] = (f"too few data to say whether the {dyad} dynamic changed after {d.isoformat()} "
                          f"({t0} {freq}s before, {n - t0} after, {n_events} events; need {min_side} "
                          f"{freq}s either side and {min_events} events)")
        return out
    if np.ptp(y) == 0:
        fit = {"level_change": 0.0, "ci_low": 0.0, "ci_high": 0.0, "p_value": 1.0}
    else:
        fit = segmented_fit(y, t0, alpha=alpha)
    out.update({k: rounded(v, 4) for k, v in fit.items()})
    half = window if window else max(t0, n - t0)
    placebos = placebo_levels(y, t0, half, min_side) if np.ptp(y) > 0 else []
    real = abs(fit["level_change"])
    if len(placebos) >= 10:
        k = sum(1 for v in placebos if v >= real - 1e-12)
        out["placebo_p"] = rounded((1 + k) / (1 + len(placebos)), 4)
    out["n_placebo"] = len(placebos)
    p_ok = fit["p_value"] < alpha
    if out["placebo_p"] is None:
        significant = bool(p_ok)
    else:
        significant = bool(p_ok and out["placebo_p"] < 0.1)
    out["significant"] = significant
    unit = MEASURE_UNITS.get(measure, measure).format(freq=freq)
    ci = f"95% CI {_fmt(fit['ci_low'])} to {_fmt(fit['ci_high'])}"
    plac = (f"placebo p = {out['placebo_p']:.2f}" if out["placebo_p"] is not None
            else "no placebo test: too few other dates")
    stats = f"(level change {_fmt(fit['level_change'])} {unit}, {ci}, p = {fit['p_value']:.3f}, {plac})"
    if significant:
        direction = "towards cooperation" if fit["level_change"] > 0 else "towards conflict"
        out["verdict"] = f"significant change {direction} in the {dyad} dynamic after {d.isoformat()} {stats}"
    else:
        out["verdict"] = f"no significant change in the {dyad} dynamic after {d.isoformat()} {stats}"
        if p_ok and out["placebo_p"] is not None:
            out["verdict"] += "; the jump is no larger than at many other dates of this series"
    return out


__all__ = ["dyad_impact", "event_info", "placebo_levels", "segmented_fit"]
