"""Did an event change the dyad? Interrupted time series around a date, a placebo test, the
volume beside the tone, and the same test over the other sensible specifications.

Method (its.py has the model)
- Series: one measure per period over the store's coverage (default: the weekly mean PLOVER score
  of both directions, a tone measure that more or less coverage cannot move). Periods without a
  value (no events, or not covered by the store) are left out of the fit: nothing is filled in,
  so "before" never borrows from "after".
- Window: `window` periods either side of the date's period; by default about a year (52 weeks,
  12 months, 365 days, 4 quarters, 2 years); `window=0` takes the whole coverage.
- Segmented regression y = b0 + b1 (t - t0) + b2 post + b3 (t - t0) post by GLS with a latent
  AR(1) tone and per-period sampling noise (REML). `level_change` = b2, `trend_change` = b3 and
  `effect` = the mean gap between the post-date line and the pre-date line continued, over the
  post window; the verdict's direction is the sign of `effect` read through the measure's polarity
  (a rise in material conflict, quad4, is a change towards conflict; n_events is volume).
- The test is the joint F test of level and trend (`joint_p_value`); the verdict names what
  changed (the level, the trend or both, by their own tests) and `p_value` is the level's test.
- Placebo: the same joint F at every other period of the window that has enough data either side
  within one side of the real date (so the real change cannot leak into a placebo), with the real
  fit's noise model. placebo_p = (1 + #placebo F >= real F) / (1 + #placebos).
  significant = joint p < alpha and (placebo_p < 0.1 when 10 or more placebo dates fit).
- Too few data: fewer than `min_side` periods with a value or fewer than `min_events` events on
  either side: "too few data to say", significant None.
- Volume: events per period before and after (covered periods of the window), their ratio and a
  quasi-Poisson test, and the same for the dyad's share of the store's events; reported apart from
  the verdict on the relationship.
- Robustness (`robustness=True`): the same test over the tone measures (mean PLOVER score, balance
  of cooperation), weekly and monthly, windows of one and two years; `robustness` counts how many
  specifications find a change and in which direction, and the verdict says so.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from .common import AnalysisError, connection, parse_date, period_start, rounded
from .counting import counting
from .its import placebo_f, segmented_test
from .measures import Measure, get_measure, within_variance
from .series import DyadData, load_dyad, measure_values, period_table

DEFAULT_FREQ = "week"
DEFAULT_WINDOWS = {"day": 365, "week": 52, "month": 12, "quarter": 4, "year": 2}
WINDOW_WORDS = {"day": "a year", "week": "a year", "month": "a year", "quarter": "a year", "year": "two years"}
ROBUST_MEASURES = ("coop_balance", "plover_mean")
ROBUST_FREQS = ("week", "month")
ROBUST_YEARS = (1, 2)
MIN_PLACEBO = 10
PLACEBO_ALPHA = 0.1


def default_window(freq: str, years: float = 1) -> int:
    return round(DEFAULT_WINDOWS[freq] * years / (2 if freq == "year" else 1))


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


def _fmt(x: float | None, digits: int = 2) -> str:
    return "n/a" if x is None else f"{x:+.{digits}f}"


def _pv(p: float | None) -> str:
    if p is None:
        return "p n/a"
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


def direction_word(meas: Measure, sign: float) -> str:
    """'towards cooperation' / 'towards conflict' / 'more events' / 'fewer events' for a change of
    that sign in that measure."""
    if meas.polarity == 0:
        return "more events (volume up)" if sign > 0 else "fewer events (volume down)"
    return "towards cooperation" if sign * meas.polarity > 0 else "towards conflict"


def _window_words(freq: str, window: int | None) -> str:
    if not window:
        return "the whole coverage"
    default = default_window(freq)
    if window == default:
        return f"{window} {freq}s either side ({WINDOW_WORDS[freq]})"
    return f"{window} {freq}s either side"


def assess(table: pd.DataFrame, d: Any, freq: str, measure: str, window: int | None, min_side: int = 6,
           min_events: int = 5, alpha: float = 0.05, placebo: bool = True) -> dict[str, Any]:
    """The impact test of one specification on a period table (series.period_table): a dict with
    the window's series, the fit, significant (True/False/None), direction and what changed."""
    meas = get_measure(measure)
    mv = measure_values(table, meas.name)
    p0 = period_start(d, freq)
    periods = mv["period"]
    t0_full = int((periods < p0).sum())
    if window:
        lo, hi = max(0, t0_full - window), t0_full + window
        mv = mv.iloc[lo:hi].reset_index(drop=True)
    t0 = int((mv["period"] < p0).sum())
    out: dict[str, Any] = {"measure": meas.name, "freq": freq, "window": window or None,
                           "n_periods": len(mv), "n_pre": t0, "n_post": len(mv) - t0,
                           "first_period": mv["period"].iloc[0].strftime("%Y-%m-%d") if len(mv) else None,
                           "last_period": mv["period"].iloc[-1].strftime("%Y-%m-%d") if len(mv) else None,
                           "significant": None, "direction": None, "changed": None, "_mv": mv}
    idx = np.arange(len(mv))
    obs = mv["value"].notna().to_numpy() & (mv["n"].to_numpy(float) > 0)
    pre, post = obs & (idx < t0), obs & (idx >= t0)
    ev = mv["n_events"].fillna(0).to_numpy(float)
    out.update(n_obs_pre=int(pre.sum()), n_obs_post=int(post.sum()),
               n_events_pre=float(ev[idx < t0].sum()), n_events_post=float(ev[idx >= t0].sum()),
               n_uncovered=int((~mv["covered"]).sum()))
    short = [side for side, o, e in (("before", pre, ev[idx < t0]), ("after", post, ev[idx >= t0]))
             if o.sum() < min_side or e.sum() < min_events]
    if short:
        out["too_few"] = (f"{', '.join(short)} the date: {int(pre.sum())} {freq}s with events before, "
                          f"{int(post.sum())} after, {out['n_events_pre']:.0f} and {out['n_events_post']:.0f} "
                          f"events; need {min_side} {freq}s and {min_events} events on each side")
        return out
    t = idx[obs].astype(float)
    y = mv["value"].to_numpy(float)[obs]
    if meas.kind == "tone":
        n = mv["n"].to_numpy(float)[obs]
        v = 1.0 / n
        sigma2 = within_variance(n, mv["s1"].to_numpy(float)[obs], mv["s2"].to_numpy(float)[obs])
        if sigma2 is None:
            sigma2 = float(np.var(y))
    else:
        v = np.ones_like(y)
        sigma2 = None
    if np.ptp(y) == 0:
        out.update(level_change=0.0, ci_low=0.0, ci_high=0.0, p_value=1.0, trend_change=0.0,
                   trend_p_value=1.0, joint_p_value=1.0, effect=0.0, significant=False, placebo_p=None,
                   n_placebo=0, pre_level=float(y[0]), post_level=float(y[0]), pre_trend=0.0, post_trend=0.0)
        return out
    fit = segmented_test(t, y, v, float(t0), sigma2=sigma2, alpha=alpha)
    noise = fit.pop("_noise")
    out.update(fit)
    plac: list[float] = []
    if placebo:
        half = window or max(t0, len(mv) - t0)
        plac = placebo_f(t, y, v, float(t0), noise, half=half, min_periods=min_side)
    placebo_p = None
    if len(plac) >= MIN_PLACEBO:
        placebo_p = (1 + sum(1 for f in plac if f >= fit["joint_f"] - 1e-12)) / (1 + len(plac))
    out.update(placebo_p=placebo_p, n_placebo=len(plac))
    p_ok = fit["joint_p_value"] < alpha
    out["significant"] = bool(p_ok and (placebo_p is None or placebo_p < PLACEBO_ALPHA))
    out["p_ok"] = bool(p_ok)
    lvl, trd = fit["p_value"] < alpha, fit["trend_p_value"] < alpha
    out["changed"] = "level and trend" if lvl and trd else "level" if lvl else "trend" if trd else "level and trend jointly"
    out["direction"] = direction_word(meas, fit["effect"]) if fit["effect"] else None
    return out


def volume_change(table: pd.DataFrame, d: Any, freq: str, window: int | None) -> dict[str, Any]:
    """Events per period before and after the date (covered periods of the window), the ratio and
    a quasi-Poisson p-value; the same for the dyad's share of the store's events."""
    import warnings

    mv = measure_values(table, "n_events")
    p0 = period_start(d, freq)
    t0 = int((mv["period"] < p0).sum())
    if window:
        mv = mv.iloc[max(0, t0 - window): t0 + window].reset_index(drop=True)
        t0 = int((mv["period"] < p0).sum())
    cov = mv["covered"].to_numpy(bool)
    post = (np.arange(len(mv)) >= t0)
    n = mv["n_events"].fillna(0).to_numpy(float)
    store_n = mv["n_store"].to_numpy(float)
    out: dict[str, Any] = {"before_per_period": None, "after_per_period": None, "ratio": None, "p_value": None,
                           "share_ratio": None, "share_p_value": None, "store_ratio": None}
    pre_c, post_c = cov & ~post, cov & post
    if pre_c.sum() < 2 or post_c.sum() < 2:
        return out
    before, after = float(n[pre_c].mean()), float(n[post_c].mean())
    out.update(before_per_period=before, after_per_period=after,
               ratio=(after / before) if before > 0 else None,
               store_ratio=float(store_n[post_c].mean() / store_n[pre_c].mean()) if store_n[pre_c].mean() > 0 else None)
    from statsmodels.genmod.families import Poisson
    from statsmodels.genmod.generalized_linear_model import GLM

    X = np.column_stack([np.ones(int(cov.sum())), post[cov].astype(float)])
    for key, offset in (("p_value", None), ("share_p_value", np.log(store_n[cov]))):
        if n[cov].sum() == 0:
            break
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = GLM(n[cov], X, family=Poisson(), offset=offset).fit(scale="X2")
            out[key] = float(res.pvalues[1]) if np.isfinite(res.pvalues[1]) else None
            if offset is not None:
                out["share_ratio"] = float(math.exp(res.params[1]))
        except (ValueError, np.linalg.LinAlgError):
            continue
    return out


def volume_sentence(vol: dict[str, Any], freq: str, alpha: float = 0.05) -> str:
    if vol.get("ratio") is None:
        if vol.get("before_per_period") == 0 and vol.get("after_per_period"):
            return f"Volume: no events before, {vol['after_per_period']:.1f} per {freq} after."
        return "Volume: too few covered periods to compare."
    r, p = vol["ratio"], vol["p_value"]
    if p is not None and p < alpha:
        s = (f"Volume changed: {vol['before_per_period']:.1f} -> {vol['after_per_period']:.1f} events per {freq} "
             f"(x{r:.2f}, {_pv(p)})")
    else:
        s = (f"Volume: no significant change ({vol['before_per_period']:.1f} -> {vol['after_per_period']:.1f} "
             f"events per {freq}, {_pv(p)})")
    sr, sp = vol.get("share_ratio"), vol.get("share_p_value")
    if sr is not None and vol.get("store_ratio") is not None:
        s += (f"; the store's coverage x{vol['store_ratio']:.2f}, the dyad's share of it x{sr:.2f} "
              f"({_pv(sp)})")
    return s + "."


def _spec_key(spec: dict[str, Any]) -> tuple[str, str, int | None]:
    return spec["measure"], spec["freq"], spec["window"]


def robustness_grid(data: DyadData, d: Any, measure: str, freq: str, window: int | None, min_side: int,
                    min_events: int, alpha: float, main: dict[str, Any]) -> dict[str, Any]:
    """The same test over the other sensible specifications (see the module notes)."""
    meas = get_measure(measure)
    measures = [meas.name] + [m for m in ROBUST_MEASURES if m != meas.name and meas.kind == "tone"]
    specs = [(m, f, default_window(f, y)) for m in measures for f in ROBUST_FREQS for y in ROBUST_YEARS]
    main_key = (meas.name, freq, window or None)
    if main_key not in specs:
        specs.insert(0, main_key)
    tables: dict[str, pd.DataFrame] = {}
    rows = []
    for m, f, w in specs:
        if (m, f, w) == main_key:
            res = main
        else:
            if f not in tables:
                tables[f] = period_table(data, f)
            res = assess(tables[f], d, f, m, w, min_side=min_side, min_events=min_events, alpha=alpha)
        rows.append({"measure": m, "freq": f, "window": w, "significant": res["significant"],
                     "direction": res["direction"] if res["significant"] else None,
                     "effect": rounded(res.get("effect"), 4), "joint_p_value": rounded(res.get("joint_p_value"), 6),
                     "placebo_p": rounded(res.get("placebo_p"), 4), "n_obs_pre": res["n_obs_pre"],
                     "n_obs_post": res["n_obs_post"], "default": (m, f, w) == main_key})
    n = len(rows)
    found: dict[str, int] = {}
    for r in rows:
        if r["significant"]:
            found[r["direction"]] = found.get(r["direction"], 0) + 1
    none = sum(1 for r in rows if r["significant"] is False)
    few = sum(1 for r in rows if r["significant"] is None)
    parts = [f"{k} of {n} specifications find a significant change {dirn}" for dirn, k in
             sorted(found.items(), key=lambda kv: -kv[1])]
    if none:
        parts.append(f"{none} of {n} specifications find no significant change")
    if few:
        parts.append(f"{few} of {n} specifications have too few data")
    agree = len(found) + (1 if none else 0) <= 1
    summary = "; ".join(parts)
    desc = (f"{' and '.join(measures)}, {' and '.join(f + 'ly' for f in ROBUST_FREQS)}, windows of "
            f"{' and '.join(str(y) for y in ROBUST_YEARS)} year(s) either side")
    sentence = (f"Robustness ({desc}): {summary}" + ("" if agree else ": the specifications disagree") + ".")
    return {"specs": rows, "n_specs": n, "agreeing": found, "no_change": none, "too_few": few,
            "agree": agree, "summary": sentence}


def dyad_impact(store: Any, a: str, b: str, date: Any = None, event_id: str | None = None,
                freq: str = DEFAULT_FREQ, window: int | None = None, measure: str | None = None,
                since: Any = None, until: Any = None, modality: str | None = "asserted", origin: Any = None,
                min_side: int = 6, min_events: int = 5, alpha: float = 0.05, count: str = "events",
                one_a_day: bool = False, root_only: bool = False, weight: str | None = None,
                robustness: bool = True, placebo: bool = True) -> dict[str, Any]:
    """Impact of a date (or of a stored event's date) on the A-B dyad; a dict of plain types:
    dyad, date, event, freq, measure, window (periods either side; None = whole coverage),
    n_periods, n_pre, n_post, n_obs_pre, n_obs_post, n_events, level_change (+ ci_low, ci_high,
    p_value), trend_change (+ CI, p), joint_p_value, effect (+ CI), pre/post level and trend,
    placebo_p, n_placebo, significant (True/False/None), direction, changed, volume (dict),
    robustness (dict with specs), verdict (the whole text), verdict_relationship, verdict_volume,
    verdict_robustness, series (period, value, n_events, covered records). See the module notes."""
    a, b = a.upper(), b.upper()
    meas = get_measure(measure)
    if not (0 < alpha < 1):
        raise AnalysisError(f"alpha must be between 0 and 1, not {alpha!r}")
    event = None
    if event_id:
        event = event_info(store, event_id)
        if date is None:
            date = event["date"]
    if date is None:
        raise AnalysisError("give a date or an event id")
    d = parse_date(date)
    if window is None:
        window = default_window(freq) if freq in DEFAULT_WINDOWS else None
    if window is not None and window < 0:
        raise AnalysisError(f"window must be a positive number of periods (0 for the whole coverage), not {window}")
    cnt = counting(count, one_a_day, root_only, weight)
    data = load_dyad(store, a, b, since, until, modality, origin, count=cnt)
    dyad = f"{a}-{b}"
    out: dict[str, Any] = {
        "dyad": dyad, "date": d.isoformat(), "event": event, "freq": freq, "measure": meas.name,
        "measure_kind": meas.kind, "measure_label": meas.label, "window": window or None,
        "window_text": _window_words(freq, window), "counting": cnt.as_dict(),
        "level_change": None, "ci_low": None, "ci_high": None, "p_value": None, "joint_p_value": None,
        "placebo_p": None, "n_placebo": 0, "significant": None, "direction": None, "changed": None,
        "n_undated": data.n_undated, "volume": None, "robustness": None,
    }
    if data.raw.empty:
        out.update(n_periods=0, n_pre=0, n_post=0, n_events=0, series=[],
                   verdict=f"too few data to say: no dated events between {a} and {b}",
                   verdict_relationship=f"too few data to say: no dated events between {a} and {b}")
        return out
    table = period_table(data, freq)
    res = assess(table, d, freq, meas.name, window, min_side=min_side, min_events=min_events, alpha=alpha,
                 placebo=placebo)
    mv = res.pop("_mv")
    res.pop("p_ok", None)
    for k, v in res.items():
        out[k] = rounded(v, 8 if "p_value" in k or k == "placebo_p" else 4) if isinstance(v, float) else v
    out["n_events"] = out["n_events_pre"] + out["n_events_post"]
    if not cnt.weighted:
        for k in ("n_events", "n_events_pre", "n_events_post"):
            out[k] = int(out[k])
    out["series"] = [{"period": p.strftime("%Y-%m-%d"), "value": rounded(v, 4),
                      "n_events": None if not c else rounded(n, 4), "covered": bool(c)}
                     for p, v, n, c in zip(mv["period"], mv["value"], mv["n_events"], mv["covered"])]
    spec = f"{meas.label}, per {freq}, {_window_words(freq, window)}"
    if out["significant"] is None:
        rel = f"too few data to say whether the {dyad} dynamic changed after {d.isoformat()} ({spec}; {res['too_few']})" \
            if res.get("too_few") else f"too few data to say whether the {dyad} dynamic changed after {d.isoformat()}"
    else:
        unit = meas.unit.format(freq=freq)
        plac = (f"placebo p = {out['placebo_p']:.2f}" if out["placebo_p"] is not None
                else "no placebo test: too few other dates")
        stats = (f"({spec}: level change {_fmt(out['level_change'])} {unit}, 95% CI {_fmt(out['ci_low'])} to "
                 f"{_fmt(out['ci_high'])}, {_pv(out['p_value'])}; trend change {_fmt(out.get('trend_change'), 3)} per "
                 f"{freq}, {_pv(out.get('trend_p_value'))}; joint {_pv(out['joint_p_value'])}; {plac})")
        if out["significant"]:
            rel = (f"significant change {out['direction']} in the {dyad} dynamic after {d.isoformat()}: "
                   f"the {out['changed']} changed {stats}")
        else:
            rel = f"no significant change in the {dyad} dynamic after {d.isoformat()} {stats}"
            if res.get("joint_p_value") is not None and res["joint_p_value"] < alpha and out["placebo_p"] is not None:
                rel += "; the change is no larger than at many other dates of this series"
    if meas.kind in ("count", "normalised") and meas.polarity != 0:
        rel += (f". Note: {meas.name} is a count, which more or less news coverage moves by itself; "
                "the tone measures (plover_mean, coop_balance) are not")
    out["verdict_relationship"] = rel
    parts = [rel if rel.endswith(".") else rel + "."]
    vol = volume_change(table, d, freq, window)
    out["volume"] = {k: rounded(v, 6) for k, v in vol.items()}
    out["verdict_volume"] = volume_sentence(vol, freq, alpha)
    parts.append(out["verdict_volume"])
    if robustness:
        grid = robustness_grid(data, d, meas.name, freq, window or None, min_side, min_events, alpha, res)
        out["robustness"] = grid
        out["verdict_robustness"] = grid["summary"]
        parts.append(grid["summary"])
    out["verdict"] = " ".join(parts)
    return out


__all__ = ["assess", "default_window", "direction_word", "dyad_impact", "event_info", "robustness_grid",
           "volume_change"]
