"""Reciprocity: does one side's behaviour toward the other follow the other's, at a lag?

Method
- Two series per period over the store's coverage: x = A's actions toward B (a->b), y = B's
  toward A (b->a), in one measure (default net_coop). Nothing is padded: periods the store does not
  cover (and, for tone measures, periods without events) are missing, and the lagged statistics
  use only the periods where both values exist; Granger tests and the VAR use the longest run of
  consecutive periods where both exist.
- Mirror events: an A->B event and a B->A event of the same PLOVER type on the same day are most
  often one act coded both ways (a meeting, a joint statement, symmetric coding in imported data:
  in real ICEWS data about three quarters of KOR-PRK events have such a mirror). They are counted
  and reported (`mirrors`); with mirrors="drop" (default) they are taken out of both series
  before anything is measured, since a mirror can never be a response; mirrors="keep" keeps them.
- Responses are lagged only (lag >= 1): "B follows A at lag k" is corr(x[t], y[t+k]). The same-
  period correlation (lag 0) is reported apart as an association and never called a response.
- Granger tests (statsmodels `grangercausalitytests`, SSR F test) at lags 1..max_lag in both
  directions, and a VAR (statsmodels, lag order by AIC up to max_lag) with its impulse responses:
  the response of each side in periods 1..max_lag to a one-standard-deviation rise in the other's
  series (not orthogonalised, so no same-period effect is assumed), with 95% intervals.
- The wording is of association in time ("follows"), never of cause.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

from .common import AnalysisError, rounded
from .counting import counting
from .measures import get_measure
from .series import DyadData, load_dyad, period_table


def lagged_corr(x: np.ndarray, y: np.ndarray, k: int) -> float | None:
    """corr(x[t], y[t+k]) over the t where both exist; None when undefined (constant or fewer
    than 4 pairs)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if k >= len(x):
        return None
    xs, ys = (x[: len(x) - k], y[k:]) if k else (x, y)
    ok = ~(np.isnan(xs) | np.isnan(ys))
    xs, ys = xs[ok], ys[ok]
    if len(xs) < 4 or np.std(xs) == 0 or np.std(ys) == 0:
        return None
    return float(np.corrcoef(xs, ys)[0, 1])


def longest_run(ok: np.ndarray) -> tuple[int, int]:
    """(start, end) of the longest run of True in ok (end exclusive); (0, 0) when none."""
    best, cur_start, best_span = (0, 0), None, 0
    for i, flag in enumerate(list(ok) + [False]):
        if flag and cur_start is None:
            cur_start = i
        elif not flag and cur_start is not None:
            if i - cur_start > best_span:
                best, best_span = (cur_start, i), i - cur_start
            cur_start = None
    return best


def granger_pvalues(cause: np.ndarray, effect: np.ndarray, max_lag: int) -> dict[int, float]:
    """SSR F-test p-values of `cause` Granger-causing `effect` at lags 1..max_lag ({} if impossible)."""
    from statsmodels.tsa.stattools import grangercausalitytests

    n = len(cause)
    max_lag = min(max_lag, (n - 1) // 3 - 1)
    if max_lag < 1 or np.std(cause) == 0 or np.std(effect) == 0:
        return {}
    data = np.column_stack([effect, cause]).astype(float)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = grangercausalitytests(data, maxlag=max_lag)
    except (ValueError, np.linalg.LinAlgError):
        return {}
    out = {}
    for lag, (tests, _models) in res.items():
        p = tests["ssr_ftest"][1]
        if p is not None and np.isfinite(p):
            out[int(lag)] = float(p)
    return out


def var_responses(x: np.ndarray, y: np.ndarray, max_lag: int) -> dict[str, Any] | None:
    """A VAR on (x, y) with AIC lag order up to max_lag; the non-orthogonalised responses of each
    series at horizons 1..max_lag to a one-SD rise in the other's residual, with 95% intervals.
    None when it cannot be fitted."""
    from statsmodels.tsa.api import VAR

    n = len(x)
    top = min(max_lag, max(1, (n - 2) // 4))
    if n < 10 or np.std(x) == 0 or np.std(y) == 0:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = VAR(np.column_stack([x, y]).astype(float))
            res = model.fit(maxlags=top, ic="aic")
            if res.k_ar < 1:
                res = model.fit(1)
            irf = res.irf(max_lag)
            resp = irf.irfs
            se = irf.stderr(orth=False)
    except (ValueError, np.linalg.LinAlgError):
        return None
    sd = np.sqrt(np.maximum(np.diag(np.asarray(res.sigma_u)), 0.0))
    out: dict[str, Any] = {"lag_order": int(res.k_ar), "n_periods": n, "b_to_a_shock": [], "a_to_b_shock": []}
    for h in range(1, max_lag + 1):
        # [i, j]: response of variable i to a unit shock in variable j; 0 = x (A->B), 1 = y (B->A)
        for key, i, j in (("b_to_a_shock", 1, 0), ("a_to_b_shock", 0, 1)):
            est, s = resp[h][i, j] * sd[j], se[h][i, j] * sd[j]
            out[key].append({"horizon": h, "response": rounded(est, 4), "ci_low": rounded(est - 1.96 * s, 4),
                             "ci_high": rounded(est + 1.96 * s, 4)})
    return out


def mirror_pairs(raw: pd.DataFrame) -> pd.DataFrame:
    """Per (date, PLOVER type): events in each direction and the mirrored number min(a->b, b->a)."""
    if raw.empty:
        return pd.DataFrame(columns=["date", "event", "a->b", "b->a", "mirrored"])
    g = raw.pivot_table(index=["date", "event"], columns="direction", values="n", aggfunc="sum",
                        fill_value=0.0, observed=True)
    for d in ("a->b", "b->a"):
        if d not in g.columns:
            g[d] = 0.0
    g = g[["a->b", "b->a"]].reset_index()
    g.columns.name = None
    g["mirrored"] = np.minimum(g["a->b"], g["b->a"])
    return g


def drop_mirrors(raw: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """The raw rows with each (date, type)'s mirrored events taken out of both directions (sums
    scaled down in proportion)."""
    if raw.empty or not float(pairs["mirrored"].sum()):
        return raw
    m = pairs[pairs["mirrored"] > 0][["date", "event", "a->b", "b->a", "mirrored"]]
    out = raw.merge(m, on=["date", "event"], how="left")
    tot = np.where(out["direction"] == "a->b", out["a->b"], out["b->a"])
    keep = np.where(out["mirrored"].notna() & (tot > 0), 1.0 - out["mirrored"].fillna(0) / np.where(tot > 0, tot, 1),
                    1.0)
    cols = ["n", "plover_sum", "plover_ss", "plover_n", "goldstein_sum", "goldstein_ss", "goldstein_n"]
    for c in cols:
        out[c] = out[c] * keep
    out = out[out["n"] > 1e-9]
    return out[raw.columns].reset_index(drop=True)


def _summary(rec: dict[str, Any], freq: str) -> str:
    who, to = rec["responder"], rec["to"]
    if rec["best_lag"] is None:
        return f"{who} → {to}: {rec['note'] or 'no measurable lagged association'}"
    r = rec["correlation"]
    word = "strongly" if abs(r) >= 0.5 else "moderately" if abs(r) >= 0.3 else "weakly"
    kind = "in kind" if r > 0 else "in the opposite sense"
    gp = ""
    if rec["granger_p"] is not None:
        gp = ", Granger p < 0.001" if rec["granger_p"] < 0.001 else f", Granger p = {rec['granger_p']:.3f}"
    return (f"{who} follows {to} {word} {kind} after {rec['best_lag']} {freq}(s) (r = {r:+.2f}{gp}): "
            "an association in time, not proof that one caused the other")


def dyad_reciprocity(store: Any, a: str, b: str, freq: str = "week", max_lag: int = 4,
                     measure: str = "net_coop", since: Any = None, until: Any = None,
                     modality: str | None = "asserted", origin: Any = None, min_periods: int = 12,
                     min_events: int = 10, mirrors: str = "drop", count: str = "events", one_a_day: bool = False,
                     root_only: bool = False, weight: str | None = None) -> dict[str, Any]:
    """Reciprocity of the A-B dyad; a dict of plain types: dyad, freq, measure, n_periods (in the
    coverage), n_events_a_to_b / n_events_b_to_a (too few data below `min_events` either way), n_used (the run Granger and the VAR use), mirrors (counts and shares, dropped or
    kept), same_period (lag-0 correlation: association only), crosscorr (records: lag,
    b_responds_to_a, a_responds_to_b), granger (records: lag, a_causes_b_p, b_causes_a_p), var
    (impulse responses), responses (one per responder, lag >= 1: responder, to, best_lag,
    correlation, granger_p, granger_best_lag, granger_min_p, irf_peak, note, summary), note."""
    a, b = a.upper(), b.upper()
    meas = get_measure(measure)
    if mirrors not in ("drop", "keep"):
        raise AnalysisError(f"mirrors must be 'drop' or 'keep', not {mirrors!r}")
    if not isinstance(max_lag, int | np.integer) or max_lag < 1:
        raise AnalysisError(f"max_lag must be a whole number >= 1, not {max_lag!r}")
    cnt = counting(count, one_a_day, root_only, weight)
    data: DyadData = load_dyad(store, a, b, since, until, modality, origin, count=cnt)
    if data.raw.empty:
        raise AnalysisError(f"no dated events between {a} and {b}")
    pairs = mirror_pairs(data.raw)
    n_ab, n_ba, n_m = (float(pairs["a->b"].sum()), float(pairs["b->a"].sum()), float(pairs["mirrored"].sum()))
    mir = {"n_mirrored_pairs": rounded(n_m, 4), "share_a_to_b": rounded(n_m / n_ab, 4) if n_ab else None,
           "share_b_to_a": rounded(n_m / n_ba, 4) if n_ba else None, "dropped": mirrors == "drop"}
    raw = drop_mirrors(data.raw, pairs) if mirrors == "drop" else None
    table = period_table(data, freq, mirrors=raw)
    wide = table.pivot(index="period", columns="direction", values=meas.name).astype(float)
    x = wide["a->b"].to_numpy(float)
    y = wide["b->a"].to_numpy(float)
    dyad = f"{a}-{b}"
    out: dict[str, Any] = {"dyad": dyad, "freq": freq, "measure": meas.name, "max_lag": max_lag,
                           "n_periods": len(wide), "n_used": 0, "mirrors": mir, "same_period": None,
                           "crosscorr": [], "granger": [], "var": None, "responses": [], "note": None,
                           "counting": cnt.as_dict()}
    both_ok = ~(np.isnan(x) | np.isnan(y))
    lo, hi = longest_run(both_ok)
    out["n_used"] = hi - lo
    notes = []
    if mir["n_mirrored_pairs"]:
        pct = max(mir["share_a_to_b"] or 0, mir["share_b_to_a"] or 0) * 100
        notes.append(f"{n_m:.0f} same-day mirror pair(s) ({pct:.0f}% of one side's events) "
                     + ("left out: a mirror is one act coded both ways, never a response" if mirrors == "drop"
                        else "kept (mirrors='keep'): they inflate the same-period correlation"))
    n_x = float(np.nansum(table.loc[table["direction"] == "a->b", "n_events"].astype(float)))
    n_y = float(np.nansum(table.loc[table["direction"] == "b->a", "n_events"].astype(float)))
    out.update(n_events_a_to_b=rounded(n_x, 4), n_events_b_to_a=rounded(n_y, 4))
    if min(n_x, n_y) < min_events:
        notes.append(f"too few data to say: {n_x:.0f} events {a}->{b} and {n_y:.0f} {b}->{a}"
                     f"{' after mirrors are left out' if mirrors == 'drop' and n_m else ''}; need {min_events} each way")
        out["note"] = "; ".join(notes)
        return out
    if int(both_ok.sum()) < min_periods:
        notes.append(f"too few data to say: {int(both_ok.sum())} {freq}s with both values, need {min_periods}")
        out["note"] = "; ".join(notes)
        return out
    lags = range(max_lag + 1)
    cc = [{"lag": k, "b_responds_to_a": rounded(lagged_corr(x, y, k), 4),
           "a_responds_to_b": rounded(lagged_corr(y, x, k), 4)} for k in lags]
    out["crosscorr"] = cc
    out["same_period"] = {"correlation": cc[0]["b_responds_to_a"],
                          "note": "same-period association; not a response in either direction"}
    xs, ys = x[lo:hi], y[lo:hi]
    g_ab = granger_pvalues(xs, ys, max_lag) if hi - lo >= min_periods else {}
    g_ba = granger_pvalues(ys, xs, max_lag) if hi - lo >= min_periods else {}
    out["granger"] = [{"lag": k, "a_causes_b_p": rounded(g_ab.get(k), 4), "b_causes_a_p": rounded(g_ba.get(k), 4)}
                      for k in range(1, max_lag + 1)]
    var = var_responses(xs, ys, max_lag) if hi - lo >= min_periods else None
    out["var"] = var
    if hi - lo < min_periods:
        notes.append(f"the longest run of consecutive {freq}s with both values is {hi - lo}: "
                     "no Granger test or VAR")
    zero_share = float(np.mean((xs == 0) & (ys == 0))) if hi > lo else 0.0
    if zero_share > 0.5:
        notes.append(f"{zero_share:.0%} of the {freq}s have no events either way: "
                     "tests on such sparse series are fragile; try a coarser frequency")
    for responder, to, key, g, series, irf_key in ((b, a, "b_responds_to_a", g_ab, y, "b_to_a_shock"),
                                                   (a, b, "a_responds_to_b", g_ba, x, "a_to_b_shock")):
        vals = [(r["lag"], r[key]) for r in cc if r[key] is not None and r["lag"] >= 1]
        rec: dict[str, Any] = {"responder": responder, "to": to, "best_lag": None, "correlation": None,
                               "granger_p": None, "granger_best_lag": None, "granger_min_p": None,
                               "irf_peak": None, "note": None}
        if not vals:
            finite = series[~np.isnan(series)]
            who = responder if len(finite) == 0 or np.std(finite) == 0 else to
            rec["note"] = f"{who}'s actions toward the other do not vary: no lagged association can be measured"
            notes.append(rec["note"])
        else:
            lag, r = max(vals, key=lambda v: (abs(v[1]), -v[0]))
            rec.update(best_lag=lag, correlation=r, granger_p=rounded(g.get(lag), 6))
        if g:
            gl = min(g, key=lambda k: g[k])
            rec.update(granger_best_lag=gl, granger_min_p=rounded(g[gl], 6))
        if var:
            resp = var[irf_key]
            peak = max(resp, key=lambda h: abs(h["response"] or 0))
            rec["irf_peak"] = peak
        rec["summary"] = _summary(rec, freq)
        out["responses"].append(rec)
    out["note"] = "; ".join(dict.fromkeys(notes)) or None
    return out


__all__ = ["drop_mirrors", "dyad_reciprocity", "granger_pvalues", "lagged_corr", "longest_run", "mirror_pairs",
           "var_responses"]
