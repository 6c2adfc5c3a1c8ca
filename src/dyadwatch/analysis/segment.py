"""Change points in a series with gaps and unequal noise: weighted least squares segmentation by
optimal partitioning (dynamic programming) with a BIC-like penalty.

Each observed period i has a value y_i (a mean over n_i events, or a count) and a variance
sigma2 * v_i + tau2: sampling noise (v_i = 1 / n_i for a mean, 1 for a count) plus the period-to-
period variation of the relationship itself (tau2). The cost of a segment is the weighted sum of
squares around its weighted mean with weights w_i = 1 / (sigma2 v_i + tau2), so the cost is in
units of the noise and a penalty of `beta * log(m)` per change point (m observed periods) means
the same whatever the measure's scale or the dyad's volume. The default beta (regimes.DEFAULT_BETA)
is calibrated by bench/bench_calibration.py: stationary dyads get one regime in at least 95% of
simulations.

tau2 is estimated robustly from differences of consecutive observed periods (their median, so the
few differences across a real break do not inflate it).

Why not ruptures: its costs take no per-sample weights, and its Python PELT with a custom cost
took seconds on a few hundred periods; the dynamic programme below is O(m^2) numpy and takes
milliseconds for ten years of weeks.
"""

from __future__ import annotations

import math

import numpy as np

CHI2_1_MEDIAN = 0.454936423119572


def estimate_tau2(y: np.ndarray, v: np.ndarray, sigma2: float) -> float:
    """The variance of the relationship from period to period beyond sampling noise: tau2 such
    that the median of d^2 / (sigma2 (v_i + v_i+1) + 2 tau2) over consecutive differences d is
    the median of a chi-square with one degree of freedom."""
    y = np.asarray(y, dtype=float)
    v = np.asarray(v, dtype=float)
    if len(y) < 3:
        return float(np.var(y)) if len(y) else 0.0
    d2 = np.diff(y) ** 2
    base = sigma2 * (v[1:] + v[:-1])

    def med(tau2: float) -> float:
        denom = base + 2 * tau2
        return float(np.median(d2 / np.where(denom > 0, denom, np.inf)))

    if med(0.0) <= CHI2_1_MEDIAN:
        return 0.0
    lo, hi = 0.0, max(float(np.max(d2)), 1e-12)
    while med(hi) > CHI2_1_MEDIAN:
        hi *= 4
    for _ in range(60):
        mid = (lo + hi) / 2
        if med(mid) > CHI2_1_MEDIAN:
            lo = mid
        else:
            hi = mid
    return hi


def noise_weights(y: np.ndarray, v: np.ndarray, sigma2: float | None) -> tuple[np.ndarray, float, float]:
    """(weights, sigma2, tau2) for the segmentation. sigma2 None (counts): all of the noise is
    tau2, estimated from the differences; when that is 0 (a series that is mostly one value), the
    mean squared difference / 2, then the variance, then 1 stand in."""
    y = np.asarray(y, dtype=float)
    v = np.asarray(v, dtype=float)
    if sigma2 is None:
        tau2 = estimate_tau2(y, np.zeros_like(y), 0.0)
        if tau2 <= 0:
            tau2 = float(np.mean(np.diff(y) ** 2) / 2) if len(y) > 1 else 0.0
        if tau2 <= 0:
            tau2 = float(np.var(y)) or 1.0
        return np.full(len(y), 1.0 / tau2), 0.0, tau2
    sigma2 = float(sigma2)
    tau2 = estimate_tau2(y, v, sigma2)
    var = sigma2 * v + tau2
    if not np.all(var > 0):
        floor = float(np.var(y)) or 1.0
        var = np.where(var > 0, var, floor)
    return 1.0 / var, sigma2, tau2


def optimal_partition(y: np.ndarray, w: np.ndarray, t: np.ndarray, penalty: float, min_size: int = 1,
                      min_obs: int = 2) -> list[int]:
    """Indices (into y) where segments 2.. start, minimising the weighted within-segment sum of
    squares + penalty per change point. Every segment spans at least `min_size` periods of the
    calendar index t and holds at least `min_obs` observed values."""
    y = np.asarray(y, dtype=float)
    w = np.asarray(w, dtype=float)
    t = np.asarray(t, dtype=float)
    m = len(y)
    if m < 2 * min_obs:
        return []
    W = np.concatenate([[0.0], np.cumsum(w)])
    WY = np.concatenate([[0.0], np.cumsum(w * y)])
    WYY = np.concatenate([[0.0], np.cumsum(w * y * y)])
    F = np.full(m + 1, np.inf)
    F[0] = -penalty
    last = np.zeros(m + 1, dtype=int)
    for e in range(1, m + 1):
        # segment [s, e): at least min_obs values and spanning min_size calendar periods
        s_max = e - min_obs
        if s_max < 0:
            continue
        span_ok = np.searchsorted(t, t[e - 1] - min_size + 1, side="right")  # s < span_ok -> long enough
        s_hi = min(s_max, span_ok - 1)
        if s_hi < 0:
            continue
        s = np.arange(0, s_hi + 1)
        ws = W[e] - W[s]
        with np.errstate(invalid="ignore", divide="ignore"):
            cost = (WYY[e] - WYY[s]) - np.where(ws > 0, (WY[e] - WY[s]) ** 2 / ws, 0.0)
        total = F[s] + np.maximum(cost, 0.0) + penalty
        k = int(np.argmin(total))
        F[e], last[e] = total[k], s[k]
    if not np.isfinite(F[m]):
        return []
    cps = []
    e = m
    while e > 0:
        s = int(last[e])
        if s > 0:
            cps.append(s)
        e = s
    return sorted(cps)


def bic_penalty(m: int, beta: float) -> float:
    return float(beta * math.log(max(m, 2)))


__all__ = ["bic_penalty", "estimate_tau2", "noise_weights", "optimal_partition"]
