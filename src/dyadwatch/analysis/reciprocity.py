"""Reciprocity: how each side of a dyad responds to the other.

Method
- Two series per period: x = A's actions toward B (a->b), y = B's actions toward A (b->a), in one
  measure (default net_coop).
- Cross-correlation by lag k = 0..max_lag: "B responds to A at lag k" is corr(x[t], y[t+k]);
  "A responds to B" is corr(y[t], x[t+k]). Lag 0 is a response within the same period.
- Granger tests (statsmodels `grangercausalitytests`, SSR F test) at lags 1..max_lag in both
  directions: does A's past help predict B's actions beyond B's own past?
- For each responder: best_lag = the lag of the largest |correlation|, its correlation
  ("strength"), the Granger p-value at that lag (lag 0: at lag 1) and the smallest Granger
  p-value with its lag. Constant series or too few periods give None with a note.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from .common import AnalysisError, rounded
from .series import direction_series


def lagged_corr(x: np.ndarray, y: np.ndarray, k: int) -> float | None:
    """corr(x[t], y[t+k]); None when undefined (constant or too short)."""
    if k >= len(x) - 2:
        return None
    xs, ys = (x[: len(x) - k], y[k:]) if k else (x, y)
    if np.std(xs) == 0 or np.std(ys) == 0:
        return None
    return float(np.corrcoef(xs, ys)[0, 1])


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


def response_summary(rec: dict[str, Any], freq: str) -> str:
    """One plain sentence for a response record of `dyad_reciprocity`."""
    if rec["best_lag"] is None:
        return f"{rec['responder']} → {rec['to']}: {rec['note'] or 'no measurable response'}"
    r = rec["correlation"]
    word = "strongly" if abs(r) >= 0.5 else "moderately" if abs(r) >= 0.3 else "weakly"
    when = "in the same period" if rec["best_lag"] == 0 else f"after {rec['best_lag']} {freq}(s)"
    kind = "in kind" if r > 0 else "in the opposite sense"
    gp = ""
    if rec["granger_p"] is not None:
        gp = ", Granger p < 0.001" if rec["granger_p"] < 0.001 else f", Granger p = {rec['granger_p']:.3f}"
    return f"{rec['responder']} responds to {rec['to']} {word} {kind} {when} (r = {r:+.2f}{gp})"


def dyad_reciprocity(store: Any, a: str, b: str, freq: str = "week", max_lag: int = 4,
                     measure: str = "net_coop", since: Any = None, until: Any = None,
                     modality: str | None = "asserted", origin: Any = None, min_periods: int = 12
                     ) -> dict[str, Any]:
    """Reciprocity of the A-B dyad; a dict of plain types: dyad, freq, measure, n_periods,
    crosscorr (records: lag, b_responds_to_a, a_responds_to_b), granger (records: lag,
    a_causes_b_p, b_causes_a_p), responses (one per responder: responder, to, best_lag,
    correlation, granger_p, granger_best_lag, granger_min_p, note, summary), note."""
    a, b = a.upper(), b.upper()
    wide = direction_series(store, a, b, freq=freq, measure=measure, since=since, until=until,
                            modality=modality, origin=origin)
    dyad = f"{a}-{b}"
    out: dict[str, Any] = {"dyad": dyad, "freq": freq, "measure": measure, "max_lag": max_lag,
                           "n_periods": len(wide), "crosscorr": [], "granger": [], "responses": [],
                           "note": None}
    if wide.empty:
        raise AnalysisError(f"no dated events between {a} and {b}")
    x = wide["a->b"].to_numpy(dtype=float)
    y = wide["b->a"].to_numpy(dtype=float)
    if len(wide) < min_periods:
        out["note"] = f"too few data to say: {len(wide)} {freq}s, need {min_periods}"
        return out
    lags = range(max_lag + 1)
    cc = [{"lag": k, "b_responds_to_a": rounded(lagged_corr(x, y, k), 4),
           "a_responds_to_b": rounded(lagged_corr(y, x, k), 4)} for k in lags]
    g_ab = granger_pvalues(x, y, max_lag)  # A's past -> B's actions
    g_ba = granger_pvalues(y, x, max_lag)
    out["crosscorr"] = cc
    out["granger"] = [{"lag": k, "a_causes_b_p": rounded(g_ab.get(k), 4), "b_causes_a_p": rounded(g_ba.get(k), 4)}
                      for k in range(1, max_lag + 1)]
    notes = []
    for responder, to, key, g, series in ((b, a, "b_responds_to_a", g_ab, y), (a, b, "a_responds_to_b", g_ba, x)):
        vals = [(r["lag"], r[key]) for r in cc if r[key] is not None]
        rec: dict[str, Any] = {"responder": responder, "to": to, "best_lag": None, "correlation": None,
                               "granger_p": None, "granger_best_lag": None, "granger_min_p": None, "note": None}
        if not vals:
            who = responder if np.std(series) == 0 else to
            rec["note"] = f"{who}'s actions toward the other do not vary: no correlation can be measured"
            notes.append(rec["note"])
        else:
            lag, r = max(vals, key=lambda v: (abs(v[1]), -v[0]))
            rec.update(best_lag=lag, correlation=r, granger_p=rounded(g.get(max(lag, 1)), 6))
        if g:
            gl = min(g, key=lambda k: g[k])
            rec.update(granger_best_lag=gl, granger_min_p=rounded(g[gl], 6))
        rec["summary"] = response_summary(rec, freq)
        out["responses"].append(rec)
    if notes:
        out["note"] = "; ".join(notes)
    return out


__all__ = ["dyad_reciprocity", "granger_pvalues", "lagged_corr", "response_summary"]
