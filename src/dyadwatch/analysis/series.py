"""Dyad time series: per period, events by quad class and PLOVER type, scores, tone and coverage.

Two GROUP BY queries at the grain of a day (the dyad's rows by date x direction x event type; the
store's rows by date, for coverage), then pandas aggregates them to any period. The robustness
grid of `dyad_impact` reads the store once for all its frequencies this way.

Definitions
- direction: 'a->b' (A acts toward B), 'b->a' (B toward A), 'both' (their sum).
- coverage: the store's events (same origin, modality and counting convention, any dyad) in the
  period, `n_store`. The series runs over the span of the store's events (never the dyad's own
  first and last event, never beyond the store), and a period in which the store holds no event
  at all is *not covered*: its counts are missing (NA), not zero, since nothing was read then.
- net_coop = coop - conflict, coop = quad1 + quad2, conflict = quad3 + quad4 (REQUEST counts as
  verbal conflict, as PLOVER puts it in quad 3).
- tone (missing in periods without events): plover_mean, goldstein_mean (means over the events
  that carry the value), coop_balance = (coop - conflict) / (coop + conflict), coop_share,
  quad1_share .. quad4_share.
- coverage-normalised: n_events_per_1k, net_coop_per_1k, coop_per_1k, ... = 1000 x count / n_store.
- Counts follow the counting convention (`count=`, `one_a_day=`, `root_only=`, `weight=`, see
  counting.py); default: events, each once. With a weight the counts are floats.
- Undated events cannot be placed in a period and are left out; their number is in
  `df.attrs["n_undated"]`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .common import (
    AnalysisError,
    check_freq,
    connection,
    filters,
    period_floor,
    period_range,
    type_columns,
)
from .counting import Counting, counting
from .measures import NORMALISED_OF, TONE_MEASURES, get_measure, tone_moments

DIRECTIONS = ("a->b", "b->a", "both")
COUNT_COLS = ["n_events", "quad1", "quad2", "quad3", "quad4"]
SUM_COLS = ["plover_sum", "plover_ss", "plover_n", "goldstein_sum", "goldstein_ss", "goldstein_n"]
MAX_PERIODS = 50_000
PERIOD_DAYS = {"day": 1, "week": 7, "month": 30.44, "quarter": 91.3, "year": 365.25}


@dataclass
class DyadData:
    """The dyad's rows and the store's coverage, by day; `periods(freq)` aggregates them."""

    a: str
    b: str
    raw: pd.DataFrame  # date, direction, event, quad_code, n, plover_sum, plover_ss, plover_n, goldstein_*
    coverage: pd.DataFrame  # date, n_store
    n_undated: int
    counting: Counting

    @property
    def span(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        if self.coverage.empty:
            return None
        return self.coverage["date"].min(), self.coverage["date"].max()


def _dyad_where(a: str, b: str) -> tuple[str, list[Any]]:
    return "((source = ? AND target = ?) OR (source = ? AND target = ?))", [a, b, b, a]


def load_dyad(store: Any, a: str, b: str, since: Any = None, until: Any = None,
              modality: str | None = "asserted", origin: str | list[str] | None = None,
              count: Counting | str | None = None, **conventions: Any) -> DyadData:
    """Read the dyad's rows and the store's coverage once (see the module notes)."""
    a, b = a.upper(), b.upper()
    if a == b:
        raise AnalysisError("a dyad needs two different actors")
    cnt = count if isinstance(count, Counting) else counting(count, **conventions)
    con = connection(store)
    rel = cnt.relation()
    where, params = filters(since, until, modality, origin)
    dyad, dparams = _dyad_where(a, b)
    raw = con.execute(f"""
        SELECT date,
               CASE WHEN source = ? THEN 'a->b' ELSE 'b->a' END AS direction,
               event, quad_code,
               sum(w) AS n,
               sum(w * plover_score) AS plover_sum, sum(w * plover_score * plover_score) AS plover_ss,
               sum(w) FILTER (WHERE plover_score IS NOT NULL) AS plover_n,
               sum(w * goldstein) AS goldstein_sum, sum(w * goldstein * goldstein) AS goldstein_ss,
               sum(w) FILTER (WHERE goldstein IS NOT NULL) AS goldstein_n
        FROM {rel} WHERE {dyad} AND date IS NOT NULL {where}
        GROUP BY ALL
    """, [a] + dparams + params).df()
    cov = con.execute(f"SELECT date, sum(w) AS n_store FROM {rel} WHERE date IS NOT NULL {where} GROUP BY date",
                      params).df()
    n_undated = int(con.execute(f"SELECT count(*) FROM {rel} WHERE {dyad} AND date IS NULL "
                                f"{filters(None, None, modality, origin)[0]}",
                                dparams + filters(None, None, modality, origin)[1]).fetchone()[0])
    for df in (raw, cov):
        df["date"] = pd.to_datetime(df["date"])
    raw[SUM_COLS + ["n"]] = raw[SUM_COLS + ["n"]].astype(float).fillna(0.0)
    return DyadData(a, b, raw, cov, n_undated, cnt)


def check_span(lo: pd.Timestamp, hi: pd.Timestamp, freq: str, limit: int = MAX_PERIODS) -> None:
    n = (hi - lo).days / PERIOD_DAYS[freq] + 1
    if n > limit:
        raise AnalysisError(f"{int(n):,} {freq}s from {lo.date()} to {hi.date()} are more than {limit:,}: "
                            "choose a coarser frequency or a shorter span (since/until)")


def period_table(data: DyadData, freq: str, directed: bool = False, mirrors: pd.DataFrame | None = None
                 ) -> pd.DataFrame:
    """One row per period and direction over the store's coverage: counts, sums, tone and
    coverage columns (the module notes); `period` is a Timestamp. Empty when the store has no
    dated events in the span. `mirrors` (reciprocity) replaces the dyad's raw rows (the rows left
    once mirror events are taken out)."""
    check_freq(freq)
    types = type_columns()
    span = data.span
    if span is None:
        return pd.DataFrame()
    check_span(span[0], span[1], freq)
    periods = period_range(span[0], span[1], freq)
    n_p = len(periods)
    dirs = ["a->b"] if directed else ["a->b", "b->a"]
    raw = data.raw if mirrors is None else mirrors
    raw = raw[raw["direction"].isin(dirs)]
    p_i = periods.get_indexer(period_floor(raw["date"], freq))
    d_i = (raw["direction"].to_numpy() == "b->a").astype(int)
    flat = p_i * len(dirs) + d_i
    size = n_p * len(dirs)
    n = raw["n"].to_numpy(float)

    def acc(weights: np.ndarray) -> np.ndarray:
        return np.bincount(flat, weights=weights, minlength=size).reshape(n_p, len(dirs))

    cols: dict[str, np.ndarray] = {"n_events": acc(n)}
    quad = raw["quad_code"].astype("float").to_numpy()
    for q in range(1, 5):
        cols[f"quad{q}"] = acc(np.where(quad == q, n, 0.0))
    event = raw["event"].astype(object).to_numpy()
    for t in types:
        cols[t] = acc(np.where(event == t, n, 0.0))
    for c in SUM_COLS:
        cols[c] = acc(raw[c].to_numpy(float))
    if not directed:  # 'both' is the sum of the two directions
        cols = {k: np.concatenate([v, v.sum(axis=1, keepdims=True)], axis=1) for k, v in cols.items()}
        dirs = dirs + ["both"]
    k = len(dirs)
    cov_i = periods.get_indexer(period_floor(data.coverage["date"], freq))
    n_store = np.bincount(cov_i, weights=data.coverage["n_store"].to_numpy(float), minlength=n_p)
    df = pd.DataFrame({"period": np.repeat(periods.to_numpy(), k), "direction": np.tile(dirs, n_p),
                       **{c: v.ravel() for c, v in cols.items()}})
    df["n_store"] = np.repeat(n_store, k)
    covered = df["n_store"].to_numpy() > 0
    df["covered"] = covered
    df["coop"] = df["quad1"] + df["quad2"]
    df["conflict"] = df["quad3"] + df["quad4"]
    df["net_coop"] = df["coop"] - df["conflict"]
    with np.errstate(invalid="ignore", divide="ignore"):
        extra = {}
        for m in TONE_MEASURES:
            m_n, s1, s2 = tone_moments(df, m)
            extra[m] = np.where(m_n > 0, s1 / np.where(m_n > 0, m_n, 1.0), np.nan)
            extra[f"{m}__n"], extra[f"{m}__s1"], extra[f"{m}__s2"] = m_n, s1, s2
        store_n = np.where(covered, df["n_store"].to_numpy(), 1.0)
        for c in NORMALISED_OF:
            extra[f"{c}_per_1k"] = np.where(covered, 1000.0 * df[c].to_numpy() / store_n, np.nan)
    df = pd.concat([df, pd.DataFrame(extra)], axis=1)
    # outside coverage nothing is known: counts are missing, not zero
    count_like = COUNT_COLS + types + SUM_COLS + ["coop", "conflict", "net_coop"]
    df.loc[~covered, count_like] = np.nan
    if not data.counting.weighted:
        for c in COUNT_COLS + types + ["coop", "conflict", "net_coop"]:
            df[c] = df[c].round().astype("Int64")
    total = float(np.nansum(cols["n_events"][:, :len(dirs) - (0 if directed else 1)]))
    df.attrs.update(a=data.a, b=data.b, freq=freq, n_undated=data.n_undated,
                    counting=data.counting.as_dict(),
                    n_events=total if data.counting.weighted else round(total),
                    coverage=[span[0].date().isoformat(), span[1].date().isoformat()],
                    n_uncovered=int((n_store == 0).sum()))
    return df


PUBLIC_COLS = (["period", "direction"] + COUNT_COLS + ["coop", "conflict", "net_coop"] + type_columns()
               + ["plover_sum", "plover_mean", "goldstein_sum", "goldstein_mean", "coop_balance", "coop_share",
                  "quad1_share", "quad2_share", "quad3_share", "quad4_share", "n_store", "covered"]
               + [f"{c}_per_1k" for c in NORMALISED_OF])


def dyad_series(store: Any, a: str, b: str, freq: str = "month", since: Any = None, until: Any = None,
                directed: bool = False, modality: str | None = "asserted",
                origin: str | list[str] | None = None, period_as: str = "str", count: str = "events",
                one_a_day: bool = False, root_only: bool = False, weight: str | None = None,
                as_: str = "pandas") -> Any:
    """The A-B dyad series, one row per period and direction.

    Columns: period (ISO date of the period start, or a Timestamp with period_as='timestamp'),
    direction ('a->b', 'b->a', 'both'; only 'a->b' when directed=True), n_events, quad1..quad4,
    coop, conflict, net_coop, one count column per PLOVER type (AGREE ... ASSAULT), plover_sum,
    plover_mean, goldstein_sum, goldstein_mean, coop_balance, coop_share, quad1_share..quad4_share,
    n_store (the store's events in the period), covered, and the counts per 1,000 stored events
    (n_events_per_1k, net_coop_per_1k, ...). Periods run over the store's coverage within
    since/until; periods the store does not cover have missing counts. An empty frame when the
    dyad has no dated events. `attrs`: a, b, freq, n_undated, n_events, coverage, counting.
    `as_`: "pandas" (default), "polars" or "arrow" (attrs are then lost)."""
    check_freq(freq)
    data = load_dyad(store, a, b, since, until, modality, origin, count=count, one_a_day=one_a_day,
                     root_only=root_only, weight=weight)
    cols = PUBLIC_COLS
    if data.raw.empty:
        out = pd.DataFrame(columns=cols)
        out.attrs.update(a=data.a, b=data.b, freq=freq, n_undated=data.n_undated, n_events=0,
                         counting=data.counting.as_dict())
        return _as(out, as_)
    df = period_table(data, freq, directed)[cols]
    attrs = dict(df.attrs)
    if period_as != "timestamp":
        df = df.assign(period=df["period"].dt.strftime("%Y-%m-%d"))
    df.attrs.update(attrs)
    return _as(df, as_)


def _as(df: pd.DataFrame, as_: str) -> Any:
    if (as_ or "pandas") == "pandas":
        return df
    from ..store.frames import as_frame

    return as_frame(df, as_)


def measure_values(table: pd.DataFrame, measure: str, direction: str = "both") -> pd.DataFrame:
    """One measure of one direction of a period table: period, value, n (events behind a tone
    value, 1 for a count), n_events, n_store, covered, and for tone measures s1/s2 (sum and sum of
    squares of the events' values). Missing where the period has no value."""
    meas = get_measure(measure)
    if direction not in DIRECTIONS:
        raise AnalysisError(f"direction must be one of {', '.join(DIRECTIONS)}")
    rows = (table["direction"] == direction).to_numpy()
    covered = table["covered"].to_numpy(bool)[rows]
    value = table[meas.name].to_numpy(float, na_value=np.nan)[rows]
    out = {"period": table["period"].to_numpy()[rows], "value": value,
           "n_events": table["n_events"].to_numpy(float, na_value=np.nan)[rows],
           "n_store": table["n_store"].to_numpy(float)[rows], "covered": covered}
    if meas.kind == "tone":
        for k in ("n", "s1", "s2"):
            out[k] = np.where(covered, table[f"{meas.name}__{k}"].to_numpy(float)[rows], 0.0)
    else:
        out["n"] = np.where(np.isnan(value), 0.0, 1.0)
    return pd.DataFrame(out)


def measure_series(store: Any, a: str, b: str, freq: str = "week", measure: str | None = None,
                   direction: str = "both", since: Any = None, until: Any = None,
                   modality: str | None = "asserted", origin: str | list[str] | None = None,
                   count: str = "events", one_a_day: bool = False, root_only: bool = False,
                   weight: str | None = None) -> pd.DataFrame:
    """One measure of one direction of the dyad (default: the mean PLOVER score) as a frame with
    columns period (Timestamp), value, n_events, n_store, covered (see `measure_values`). Missing
    values (no events, or no coverage) stay NaN."""
    get_measure(measure)
    data = load_dyad(store, a, b, since, until, modality, origin, count=count, one_a_day=one_a_day,
                     root_only=root_only, weight=weight)
    if data.raw.empty:
        out = pd.DataFrame(columns=["period", "value", "n_events", "n_store", "covered", "n"])
        out.attrs.update(a=data.a, b=data.b, freq=freq, n_undated=data.n_undated, n_events=0)
        return out
    table = period_table(data, freq)
    out = measure_values(table, get_measure(measure).name, direction)
    out.attrs.update(table.attrs)
    return out


def direction_series(store: Any, a: str, b: str, freq: str = "week", measure: str = "net_coop",
                     since: Any = None, until: Any = None, modality: str | None = "asserted",
                     origin: str | list[str] | None = None, count: str = "events", one_a_day: bool = False,
                     root_only: bool = False, weight: str | None = None) -> pd.DataFrame:
    """One measure of the dyad, wide: columns period (Timestamp), 'a->b', 'b->a', 'both' over the
    store's coverage. Missing stays missing (NaN): no zeros are invented for uncovered periods or
    for tone measures in periods without events."""
    meas = get_measure(measure)
    data = load_dyad(store, a, b, since, until, modality, origin, count=count, one_a_day=one_a_day,
                     root_only=root_only, weight=weight)
    if data.raw.empty:
        return pd.DataFrame(columns=["period", *DIRECTIONS])
    df = period_table(data, freq)
    wide = df.pivot(index="period", columns="direction", values=meas.name).astype(float)
    wide = wide.reindex(columns=list(DIRECTIONS)).reset_index()
    wide.columns.name = None
    wide.attrs.update(df.attrs)
    return wide


__all__ = ["DIRECTIONS", "DyadData", "direction_series", "dyad_series", "load_dyad", "measure_series",
           "measure_values", "period_table"]
