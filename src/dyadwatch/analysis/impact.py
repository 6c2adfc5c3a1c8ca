"""Did an event change the dyad? Interrupted time series with a placebo test.

Method
- Series: one measure per period (default: weekly net cooperation, both directions).
  With `window=N` only N periods either side of the date's period are used.
- Segmented regression: y = b0 + b1*t + b2*post + b3*(t - t0)*post. level_change = b2 (the jump
  at the date), trend_change = b3, with 95% confidence intervals and p-values.
- Errors (`errors=`): 'ar1' (default) is feasible GLS with AR(1) errors (statsmodels GLSAR,
  iterated), 'hac' is OLS with Newey-West errors (maxlags = floor(4 * (n/100)^(2/9)), small-sample
  correction, t quantiles), 'ols' plain OLS. Why not HAC by default: on simulated series without
  any change (300 runs each, break in the middle) HAC rejected at p < 0.05 in 12% of iid series
  of 104 weeks, 14% of 40 weeks and 16-18% of AR(1) (rho 0.5) series: Newey-West errors are too
  small for a step regressor in short series. GLSAR rejected in 7%, 8%, 9% and 10%. The placebo
  test below guards further.
- Placebo test: the same regression at every other period of the series, fitted on data from the
  same side of the real date only (so the real change cannot leak into a placebo), at most the
  same half-width and at least `min_side` periods either side. Placebo windows are shorter than
  the real one, so their raw level changes are noisier; the test therefore compares the
  least-squares t statistics of the level change (|b2| / se): placebo_p = (1 + #placebo |t| >=
  real |t|) / (1 + #placebos). Measured on simulated series (200 runs each): with raw level
  changes the full rule below flagged 2.5-3% of series without change but found a shift of 1.2
  noise SDs in only 65% of 104-week series; with t statistics 4.5-9% and 85%.
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


def _design(n: int, t0: int) -> np.ndarray:
    t = np.arange(n, dtype=float)
    post = (t >= t0).astype(float)
    return np.column_stack([np.ones(n), t, post, (t - t0) * post])


def ols_level_t(y: np.ndarray, t0: int) -> float:
    """Least-squares t statistic of the level change at t0 (what the placebo test compares);
    0 when it is undefined (no residual variance)."""
    y = np.asarray(y, dtype=float)
    X = _design(len(y), t0)
    beta, *_ = np.linalg.lstsq(X, y, rcond=None)
    resid = y - X @ beta
    dof = len(y) - X.shape[1]
    if dof <= 0:
        return 0.0
    s2 = float(resid @ resid) / dof
    var = s2 * float(np.linalg.pinv(X.T @ X)[2, 2])
    return float(beta[2] / np.sqrt(var)) if var > 1e-12 else 0.0


def segmented_fit(y: np.ndarray, t0: int, alpha: float = 0.05, errors: str = "ar1") -> dict[str, float]:
    """Segmented regression of y on time with a break at index t0.

    errors: 'ar1' (default) feasible GLS with AR(1) errors (statsmodels GLSAR, iterated);
    'hac' OLS with Newey-West errors (small-sample corrected, t quantiles); 'ols' plain OLS."""
    import warnings

    from statsmodels.regression.linear_model import GLSAR, OLS

    y = np.asarray(y, dtype=float)
    n = len(y)
    X = _design(n, t0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if errors == "ar1":
            res = GLSAR(y, X, rho=1).iterative_fit(maxiter=10)
        elif errors == "hac":
            res = OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": hac_lags(n), "use_correction": True},
                                   use_t=True)
        elif errors == "ols":
            res = OLS(y, X).fit()
        else:
            raise AnalysisError(f"errors must be ar1, hac or ols, not {errors!r}")
    ci = np.asarray(res.conf_int(alpha=alpha))
    params = np.asarray(res.params)
    pvals = np.asarray(res.pvalues)
    pre_level = params[0] + params[1] * t0
    rho = getattr(res.model, "rho", None)
    return {
        "level_change": float(params[2]), "ci_low": float(ci[2, 0]), "ci_high": float(ci[2, 1]),
        "p_value": float(pvals[2]) if np.isfinite(pvals[2]) else 1.0,
        "trend_change": float(params[3]), "trend_ci_low": float(ci[3, 0]), "trend_ci_high": float(ci[3, 1]),
        "trend_p_value": float(pvals[3]) if np.isfinite(pvals[3]) else 1.0,
        "pre_level": float(pre_level), "post_level": float(pre_level + params[2]),
        "pre_trend": float(params[1]), "post_trend": float(params[1] + params[3]),
        "pre_mean": float(np.mean(y[:t0])), "post_mean": float(np.mean(y[t0:])),
        "ar1_rho": float(np.ravel(rho)[0]) if rho is not None and np.size(rho) else None,
    }


def placebo_stats(y: np.ndarray, t0: int, half: int, min_side: int) -> list[float]:
    """|t| of the least-squares level change at placebo dates, each fitted within one side of the
    real break t0 and at most `half` periods either side of the placebo date."""
    y = np.asarray(y, dtype=float)
    out: list[float] = []
    for lo_side, hi_side in ((0, t0), (t0, len(y))):
        for p in range(lo_side + min_side, hi_side - min_side + 1):
            lo, hi = max(lo_side, p - half), min(hi_side, p + half)
            if p - lo < min_side or hi - p < min_side:
                continue
            seg = y[lo:hi]
            out.append(0.0 if np.ptp(seg) == 0 else abs(ols_level_t(seg, p - lo)))
    return out


def its_test(y: np.ndarray, t0: int, min_side: int = 6, alpha: float = 0.05, errors: str = "ar1",
             half: int | None = None, min_placebo: int = 10) -> dict[str, Any]:
    """The interrupted-time-series test of a plain series y with its break at index t0: the
    segmented fit, placebo_p, n_placebo and significant (see the module notes for the rule).
    Needs min_side periods on either side (AnalysisError otherwise)."""
    y = np.asarray(y, dtype=float)
    n = len(y)
    if t0 < min_side or n - t0 < min_side:
        raise AnalysisError(f"need {min_side} periods either side of the break, have {t0} and {n - t0}")
    if np.ptp(y) == 0:
        fit: dict[str, Any] = {"level_change": 0.0, "ci_low": 0.0, "ci_high": 0.0, "p_value": 1.0}
    else:
        fit = segmented_fit(y, t0, alpha=alpha, errors=errors)
    placebos = placebo_stats(y, t0, half or max(t0, n - t0), min_side) if np.ptp(y) > 0 else []
    real = abs(ols_level_t(y, t0)) if np.ptp(y) > 0 else 0.0
    placebo_p = None
    if len(placebos) >= min_placebo:
        k = sum(1 for v in placebos if v >= real - 1e-12)
        placebo_p = (1 + k) / (1 + len(placebos))
    p_ok = fit["p_value"] < alpha
    significant = bool(p_ok) if placebo_p is None else bool(p_ok and placebo_p < 0.1)
    return {**fit, "placebo_p": placebo_p, "n_placebo": len(placebos), "significant": significant}


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
                min_side: int = 6, min_events: int = 10, alpha: float = 0.05, errors: str = "ar1"
                ) -> dict[str, Any]:
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
    n_undated = int(s.attrs.get("n_undated", 0))
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
    out.update(n_periods=n, n_pre=t0, n_post=n - t0, n_events=n_events, n_undated=n_undated,
               series=[{"period": p.strftime("%Y-%m-%d"), "value": rounded(v, 4)}
                       for p, v in zip(s["period"], y)])
    if t0 < min_side or n - t0 < min_side or n_events < min_events:
        out["verdict"] = (f"too few data to say whether the {dyad} dynamic changed after {d.isoformat()} "
                          f"({t0} {freq}s before, {n - t0} after, {n_events} events; need {min_side} "
                          f"{freq}s either side and {min_events} events)")
        return out
    fit = its_test(y, t0, min_side=min_side, alpha=alpha, errors=errors, half=window)
    out.update({k: (rounded(v, 8 if k.endswith("p_value") else 4) if isinstance(v, float) else v)
                for k, v in fit.items()})
    significant, p_ok = fit["significant"], fit["p_value"] < alpha
    unit = MEASURE_UNITS.get(measure, measure).format(freq=freq)
    ci = f"95% CI {_fmt(fit['ci_low'])} to {_fmt(fit['ci_high'])}"
    plac = (f"placebo p = {out['placebo_p']:.2f}" if out["placebo_p"] is not None
            else "no placebo test: too few other dates")
    pv = "p < 0.001" if fit["p_value"] < 0.001 else f"p = {fit['p_value']:.3f}"
    stats = f"(level change {_fmt(fit['level_change'])} {unit}, {ci}, {pv}, {plac})"
    if significant:
        direction = "towards cooperation" if fit["level_change"] > 0 else "towards conflict"
        out["verdict"] = f"significant change {direction} in the {dyad} dynamic after {d.isoformat()} {stats}"
    else:
        out["verdict"] = f"no significant change in the {dyad} dynamic after {d.isoformat()} {stats}"
        if p_ok and out["placebo_p"] is not None:
            out["verdict"] += "; the jump is no larger than at many other dates of this series"
    return out


__all__ = ["dyad_impact", "event_info", "its_test", "ols_level_t", "placebo_stats", "segmented_fit"]
