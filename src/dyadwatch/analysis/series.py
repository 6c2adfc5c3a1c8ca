"""Dyad time series: per period, events by quad class and PLOVER type, scores, net cooperation.

One GROUP BY query over `event_dyads` (period x direction x event type), then pandas reshapes it
and reindexes it so that periods without events appear with zero counts.

Definitions
- direction: 'a->b' (A acts toward B), 'b->a' (B toward A), 'both' (their sum).
- net_coop = quad1 + quad2 - quad3 - quad4: cooperative (verbal and material) minus
  conflictual (verbal and material) events. REQUEST counts as verbal conflict, as PLOVER puts it in
  quad 3.
- plover_mean / goldstein_mean: means over the events that carry the value; NaN in empty periods.
- Counts are event_dyads rows: an event whose actor list holds several codes counts once for each
  directed pair it creates; `both` is the sum of the two directions.
- Undated events cannot be placed in a period and are left out; their number is in
  `df.attrs["n_undated"]`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .common import (
    FREQS,
    AnalysisError,
    check_freq,
    connection,
    filters,
    period_range,
    period_start,
    type_columns,
)

DIRECTIONS = ("a->b", "b->a", "both")
COUNT_COLS = ["n_events", "quad1", "quad2", "quad3", "quad4"]


def _raw(con: Any, a: str, b: str, freq: str, where: str, params: list[Any]) -> pd.DataFrame:
    unit = FREQS[freq][0]
    sql = f"""
        SELECT date_trunc('{unit}', date) AS period,
               CASE WHEN source = ? THEN 'a->b' ELSE 'b->a' END AS direction,
               event, quad_code,
               count(*) AS n,
               sum(plover_score) AS plover_sum, count(plover_score) AS plover_n,
               sum(goldstein) AS goldstein_sum, count(goldstein) AS goldstein_n
        FROM event_dyads
        WHERE ((source = ? AND target = ?) OR (source = ? AND target = ?))
          AND date IS NOT NULL {where}
        GROUP BY ALL
    """
    return con.execute(sql, [a, a, b, b, a] + params).df()


def count_undated(store: Any, a: str, b: str, modality: str | None = "asserted",
                  origin: str | list[str] | None = None) -> int:
    """Events of the dyad (either direction) without a date."""
    where, params = filters(None, None, modality, origin)
    return int(connection(store).execute(
        "SELECT count(*) FROM event_dyads WHERE ((source = ? AND target = ?) OR (source = ? AND target = ?))"
        f" AND date IS NULL{where}", [a, b, b, a] + params).fetchone()[0])


def dyad_series(store: Any, a: str, b: str, freq: str = "month", since: Any = None, until: Any = None,
                directed: bool = False, modality: str | None = "asserted",
                origin: str | list[str] | None = None, period_as: str = "str") -> pd.DataFrame:
    """The A-B dyad series, one row per period and direction.

    Columns: period (ISO date of the period start, or a Timestamp with period_as='timestamp'),
    direction ('a->b', 'b->a', 'both'; only 'a->b' when directed=True), n_events, quad1..quad4,
    one count column per PLOVER type (AGREE ... ASSAULT), plover_sum, plover_mean, goldstein_sum,
    goldstein_mean, net_coop. Periods run from `since` (or the first event) to `until` (or the last
    event); empty periods have zero counts. An empty frame when the dyad has no dated events.
    `attrs`: a, b, freq, n_undated, n_events.
    """
    check_freq(freq)
    a, b = a.upper(), b.upper()
    if a == b:
        raise AnalysisError("a dyad needs two different actors")
    con = connection(store)
    where, params = filters(since, until, modality, origin)
    raw = _raw(con, a, b, freq, where, params)
    types = type_columns()
    cols = (["period", "direction"] + COUNT_COLS + types
            + ["plover_sum", "plover_mean", "goldstein_sum", "goldstein_mean", "net_coop"])
    n_undated = count_undated(con, a, b, modality, origin)
    if raw.empty:
        out = pd.DataFrame(columns=cols)
        out.attrs.update(a=a, b=b, freq=freq, n_undated=n_undated, n_events=0)
        return out
    raw["period"] = pd.to_datetime(raw["period"]).dt.tz_localize(None).dt.normalize()
    start = since if since else raw["period"].min()
    end = until if until else raw["period"].max()
    periods = period_range(start, end, freq)
    dirs = ["a->b"] if directed else ["a->b", "b->a"]
    index = pd.MultiIndex.from_product([periods, dirs], names=["period", "direction"])

    raw["quad_code"] = raw["quad_code"].astype("Int64")
    by_type = raw.pivot_table(index=["period", "direction"], columns="event", values="n",
                              aggfunc="sum", fill_value=0)
    by_quad = raw.dropna(subset=["quad_code"]).pivot_table(
        index=["period", "direction"], columns="quad_code", values="n", aggfunc="sum", fill_value=0)
    by_quad.columns = [f"quad{int(q)}" for q in by_quad.columns]
    sums = raw.groupby(["period", "direction"])[
        ["n", "plover_sum", "plover_n", "goldstein_sum", "goldstein_n"]].sum()

    df = pd.DataFrame(index=index)
    df["n_events"] = sums["n"].reindex(index).fillna(0)
    for q in range(1, 5):
        col = f"quad{q}"
        df[col] = by_quad[col].reindex(index).fillna(0) if col in by_quad.columns else 0
    for t in types:
        df[t] = by_type[t].reindex(index).fillna(0) if t in by_type.columns else 0
    for c in ("plover_sum", "plover_n", "goldstein_sum", "goldstein_n"):
        df[c] = sums[c].reindex(index).fillna(0)
    df = df.reset_index()
    if not directed:
        both = df.drop(columns="direction").groupby("period", as_index=False).sum()
        both["direction"] = "both"
        df = pd.concat([df, both], ignore_index=True)
    int_cols = COUNT_COLS + types
    df[int_cols] = df[int_cols].astype("int64")
    with np.errstate(invalid="ignore", divide="ignore"):
        df["plover_mean"] = df["plover_sum"] / df["plover_n"].where(df["plover_n"] > 0)
        df["goldstein_mean"] = df["goldstein_sum"] / df["goldstein_n"].where(df["goldstein_n"] > 0)
    df["net_coop"] = (df["quad1"] + df["quad2"] - df["quad3"] - df["quad4"]).astype("int64")
    order = {d: i for i, d in enumerate(DIRECTIONS)}
    df = df.sort_values(["period", "direction"], key=lambda s: s.map(order) if s.name == "direction" else s)
    df = df[cols].reset_index(drop=True)
    if period_as != "timestamp":
        df["period"] = df["period"].dt.strftime("%Y-%m-%d")
    df.attrs.update(a=a, b=b, freq=freq, n_undated=n_undated,
                    n_events=int(df.loc[df["direction"] != "both", "n_events"].sum()))
    return df


def measure_series(store: Any, a: str, b: str, freq: str = "week", measure: str = "net_coop",
                   direction: str = "both", since: Any = None, until: Any = None,
                   modality: str | None = "asserted", origin: str | list[str] | None = None
                   ) -> pd.DataFrame:
    """One measure of one direction of the dyad as a frame with columns period (Timestamp),
    value and n_events. Measures: net_coop, plover_mean, plover_sum, goldstein_mean, goldstein_sum,
    n_events, quad1..quad4. Missing means (empty periods) are left as NaN."""
    if direction not in DIRECTIONS:
        raise AnalysisError(f"direction must be one of {', '.join(DIRECTIONS)}")
    df = dyad_series(store, a, b, freq=freq, since=since, until=until, modality=modality, origin=origin,
                     period_as="timestamp")
    if measure not in df.columns or measure in ("period", "direction"):
        raise AnalysisError(f"unknown measure {measure!r}")
    sub = df[df["direction"] == direction]
    out = pd.DataFrame({"period": sub["period"].to_numpy(), "value": sub[measure].astype(float).to_numpy(),
                        "n_events": sub["n_events"].to_numpy()})
    out.attrs.update(df.attrs)
    return out


def direction_series(store: Any, a: str, b: str, freq: str = "week", measure: str = "net_coop",
                     since: Any = None, until: Any = None, modality: str | None = "asserted",
                     origin: str | list[str] | None = None) -> pd.DataFrame:
    """One measure of the dyad, wide: columns period (Timestamp), 'a->b', 'b->a', 'both'. Mean
    measures are 0 in empty periods here (no events: neutral), so that the series have no gaps."""
    df = dyad_series(store, a, b, freq=freq, since=since, until=until, modality=modality, origin=origin,
                     period_as="timestamp")
    if measure not in df.columns or measure in ("period", "direction"):
        raise AnalysisError(f"unknown measure {measure!r}")
    if df.empty:
        return pd.DataFrame(columns=["period", *DIRECTIONS])
    wide = df.pivot(index="period", columns="direction", values=measure).astype(float).fillna(0.0)
    wide = wide.reindex(columns=list(DIRECTIONS)).reset_index()
    wide.columns.name = None
    wide.attrs.update(df.attrs)
    return wide


__all__ = ["DIRECTIONS", "count_undated", "direction_series", "dyad_series", "measure_series", "period_start"]
