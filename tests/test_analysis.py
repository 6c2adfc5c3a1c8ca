"""Dyad analyses over a real DuckDB store filled with synthetic events of known structure.

Planted structure (weekly, 104 weeks from Monday 2019-01-07):
- USA <-> PRK: mostly conflict for 52 weeks, then mostly cooperation from 2020-01-06 (SHIFT).
- USA <-> CHN: the same mix every week (no change).
- USA <-> RUS: USA's actions vary at random week to week; RUS repeats them two weeks later.
- USA, KOR, JPN cooperate with each other; all three act alike (conflict) toward PRK; toward CHN,
  JPN cooperates while KOR is hostile.
- Plus undated and hypothetical USA -> PRK events that analyses must leave out.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from dyadwatch.analysis import (
    AnalysisError,
    direction_series,
    dyad_impact,
    dyad_reciprocity,
    dyad_regimes,
    dyad_series,
    resolve_actor,
    to_jsonable,
    triad_cohesion,
)
from dyadwatch.events import Actor, Event
from dyadwatch.store import Store

START = date(2019, 1, 7)
N_WEEKS = 104
SHIFT = date(2020, 1, 6)
COOP = ["CONSULT", "AGREE", "COOPERATE", "SUPPORT"]
CONFLICT = ["THREATEN", "ACCUSE", "SANCTION", "MOBILIZE"]


class _Maker:
    def __init__(self, seed: int = 7) -> None:
        self.rng = np.random.default_rng(seed)
        self.events: list[Event] = []

    def add(self, src: str, tgt: str, kinds: list[str], n: int, week: int, modality: str = "asserted",
            dated: bool = True) -> None:
        for _ in range(int(n)):
            day = START + timedelta(weeks=week, days=int(self.rng.integers(0, 7)))
            etype = str(self.rng.choice(kinds))
            i = len(self.events)
            self.events.append(Event(
                story_id=f"syn-{i}", event=etype, actor=[Actor(src)], recipient=[Actor(tgt)],
                date=day.isoformat() if dated else None, modality=modality,
                event_text=f"Synthetic report {i}: {src} and {tgt}, {etype.lower()}.", sentence_index=0,
            ))


def synthetic_events(seed: int = 7) -> list[Event]:
    m = _Maker(seed)
    rng = m.rng
    shift_week = (SHIFT - START).days // 7
    usa_rus = []
    for w in range(N_WEEKS):
        pre = w < shift_week
        for s, t in (("USA", "PRK"), ("PRK", "USA")):
            m.add(s, t, CONFLICT, rng.poisson(3.0 if pre else 0.7), w)
            m.add(s, t, COOP, rng.poisson(0.7 if pre else 3.0), w)
        for s, t in (("USA", "CHN"), ("CHN", "USA")):
            m.add(s, t, CONFLICT, rng.poisson(1.5), w)
            m.add(s, t, COOP, rng.poisson(1.5), w)
        coop, conf = rng.poisson(rng.uniform(0, 4)), rng.poisson(rng.uniform(0, 4))
        usa_rus.append((coop, conf))
        m.add("USA", "RUS", COOP, coop, w)
        m.add("USA", "RUS", CONFLICT, conf, w)
        if w >= 2:
            c2, f2 = usa_rus[w - 2]
            m.add("RUS", "USA", COOP, c2 + rng.poisson(0.3), w)
            m.add("RUS", "USA", CONFLICT, f2 + rng.poisson(0.3), w)
        for s, t in (("USA", "KOR"), ("KOR", "USA"), ("USA", "JPN"), ("JPN", "USA"), ("KOR", "JPN"),
                     ("JPN", "KOR")):
            m.add(s, t, COOP, rng.poisson(1.0), w)
            m.add(s, t, CONFLICT, rng.poisson(0.1), w)
        for s in ("KOR", "JPN"):
            m.add(s, "PRK", CONFLICT, rng.poisson(1.0), w)
        m.add("JPN", "CHN", COOP, rng.poisson(1.0), w)
        m.add("KOR", "CHN", CONFLICT, rng.poisson(1.0), w)
    # a dyad with very few events
    m.add("FRA", "MLI", CONFLICT, 3, 10)
    # to be left out: undated and hypothetical events
    m.add("USA", "PRK", ["ASSAULT"], 5, 60, dated=False)
    m.add("USA", "PRK", ["ASSAULT"], 40, 60, modality="hypothetical")
    return m.events


@pytest.fixture(scope="session")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DuckDB file with the synthetic events (closed again, so other processes can open it)."""
    path = tmp_path_factory.mktemp("analysis") / "synthetic.duckdb"
    with Store(path) as store:
        store.add_events(synthetic_events())
    return path


@pytest.fixture(scope="module")
def store(synthetic_db: Path):
    s = Store(synthetic_db, read_only=True)
    yield s
    s.close()


def _direct_count(store: Store, where: str, params: list) -> int:
    return int(store.con.execute(f"SELECT count(*) FROM event_dyads WHERE {where}", params).fetchone()[0])


# -- series -------------------------------------------------------------------------------------
def test_series_counts_match_the_table(store: Store) -> None:
    df = dyad_series(store, "USA", "PRK", freq="month")
    assert set(df["direction"]) == {"a->b", "b->a", "both"}
    ab = df[df["direction"] == "a->b"]
    want = _direct_count(store, "source='USA' AND target='PRK' AND modality='asserted' AND date IS NOT NULL", [])
    assert ab["n_events"].sum() == want
    # hypothetical ASSAULTs and undated events stay out; the undated ones are counted in attrs
    assert ab["ASSAULT"].sum() == 0
    assert df.attrs["n_undated"] == 5
    both = df[df["direction"] == "both"].set_index("period")
    parts = df[df["direction"] != "both"].groupby("period")[["n_events", "quad3", "plover_sum"]].sum()
    assert (both.loc[parts.index, "n_events"] == parts["n_events"]).all()
    assert np.allclose(both.loc[parts.index, "plover_sum"], parts["plover_sum"])
    # net cooperation is quad1 + quad2 - quad3 - quad4 and the type columns add up to n_events
    assert (df["net_coop"] == df["quad1"] + df["quad2"] - df["quad3"] - df["quad4"]).all()
    types = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "THREATEN", "ACCUSE", "SANCTION", "MOBILIZE"]
    assert (df[types].sum(axis=1) == df["n_events"]).all()
    # mean PLOVER score = sum / events carrying a score
    row = ab.iloc[0]
    assert row["plover_mean"] == pytest.approx(row["plover_sum"] / row["n_events"])
    # the cooperation shift shows in the months before and after
    assert both.loc["2019-06-01", "net_coop"] < 0 < both.loc["2020-06-01", "net_coop"]


def test_series_fills_empty_periods_and_respects_bounds(store: Store) -> None:
    df = dyad_series(store, "FRA", "MLI", freq="week", since="2019-01-01", until="2019-06-30")
    both = df[df["direction"] == "both"]
    periods = list(both["period"])
    # the store's first event is in the week of 2019-01-07: no period before the store's coverage
    assert periods[0] == "2019-01-07" and periods[-1] == "2019-06-24"
    assert len(periods) == 25  # every Monday in between, none missing
    assert both["covered"].all() and df.attrs["coverage"][0] == "2019-01-07"
    assert both["n_events"].sum() == 3 and (both["n_events"] > 0).sum() >= 1
    assert both["plover_mean"].isna().sum() == len(both) - (both["n_events"] > 0).sum()


def test_series_directed_and_empty(store: Store) -> None:
    df = dyad_series(store, "USA", "RUS", freq="month", directed=True)
    assert set(df["direction"]) == {"a->b"}
    assert dyad_series(store, "USA", "ZZZ").empty
    with pytest.raises(AnalysisError):
        dyad_series(store, "USA", "USA")
    with pytest.raises(AnalysisError):
        dyad_series(store, "USA", "PRK", freq="fortnight")


def test_direction_series_wide(store: Store) -> None:
    w = direction_series(store, "USA", "CHN", freq="week", measure="n_events")
    assert list(w.columns) == ["period", "a->b", "b->a", "both"]
    assert np.allclose(w["a->b"] + w["b->a"], w["both"])


# -- impact -------------------------------------------------------------------------------------
def test_impact_finds_the_planted_shift(store: Store) -> None:
    res = dyad_impact(store, "USA", "PRK", date="2020-01-08")
    assert res["measure"] == "coop_balance" and res["window"] == 52
    assert res["significant"] is True and res["direction"] == "towards cooperation"
    assert res["level_change"] > 0.8 and res["ci_low"] > 0  # the balance goes from about -0.6 to +0.6
    assert res["joint_p_value"] < 0.05 and res["placebo_p"] < 0.1
    assert "8 of 8 specifications find a significant change towards cooperation" in res["verdict"]
    assert res["verdict"].startswith("significant change towards cooperation in the USA-PRK dynamic")
    assert res["n_pre"] == 52 and res["n_post"] == 52
    json.dumps(to_jsonable(res))


def test_impact_sees_no_change_where_none_was_planted(store: Store) -> None:
    res = dyad_impact(store, "USA", "CHN", date=SHIFT.isoformat())
    assert res["significant"] is False
    assert res["verdict"].startswith("no significant change in the USA-CHN dynamic after 2020-01-06")
    assert res["ci_low"] < 0 < res["ci_high"]


def test_impact_window_and_placebo_at_a_false_date(store: Store) -> None:
    # half a year before the real shift, within a 20-week window: nothing happened there
    res = dyad_impact(store, "USA", "PRK", date="2019-07-01", window=20)
    assert res["n_periods"] == 40
    assert res["significant"] is False


def test_impact_on_mean_plover_score(store: Store) -> None:
    res = dyad_impact(store, "USA", "PRK", date=SHIFT, measure="plover_mean")
    assert res["significant"] is True and res["level_change"] > 2  # conflict types ~ -4.4, cooperation ~ +4.9
    assert "mean PLOVER score points" in res["verdict"]
    with pytest.raises(AnalysisError):
        dyad_impact(store, "USA", "PRK", date=SHIFT, measure="no_such_measure")


def test_impact_too_few_data(store: Store) -> None:
    res = dyad_impact(store, "FRA", "MLI", date="2019-03-20")
    assert res["significant"] is None and "too few data to say" in res["verdict"]
    res = dyad_impact(store, "USA", "ZZZ", date="2019-03-20")
    assert res["significant"] is None and res["n_events"] == 0


def test_impact_from_a_stored_event(store: Store) -> None:
    eid, d = store.con.execute(
        "SELECT id, date FROM events WHERE actor_code='USA' AND recipient_code='PRK' AND date >= ? "
        "ORDER BY date LIMIT 1", [SHIFT]).fetchone()
    res = dyad_impact(store, "USA", "PRK", event_id=eid)
    assert res["date"] == d.isoformat() and res["event"]["id"] == eid
    with pytest.raises(AnalysisError):
        dyad_impact(store, "USA", "PRK", event_id="no-such-event")


# -- regimes ------------------------------------------------------------------------------------
def test_regimes_find_the_shift(store: Store) -> None:
    reg = dyad_regimes(store, "USA", "PRK", freq="week")
    starts = [date.fromisoformat(s) for s in reg.attrs["change_points"]]
    assert starts, "no change point found"
    assert min(abs((s - SHIFT).days) for s in starts) <= 14
    assert len(starts) <= 3
    first, last = reg.iloc[0], reg.iloc[-1]
    assert first["level"] < 0 < last["level"]
    assert reg["n_periods"].sum() == N_WEEKS
    # the regime opening at the shift lists its strongest events with their sentences
    at_shift = reg[reg["start"].map(lambda s: abs((date.fromisoformat(s) - SHIFT).days) <= 14)].iloc[0]
    evs = at_shift["top_events"]
    assert evs and all(e["event_text"] for e in evs)
    scores = [abs(e["plover_score"]) for e in evs]
    assert scores == sorted(scores, reverse=True)
    json.dumps(to_jsonable(reg))


def test_regimes_none_without_change(store: Store) -> None:
    reg = dyad_regimes(store, "USA", "CHN", freq="week")
    assert len(reg) == 1 and reg.iloc[0]["n_periods"] == N_WEEKS
    with pytest.raises(AnalysisError):
        dyad_regimes(store, "USA", "ZZZ")


# -- reciprocity --------------------------------------------------------------------------------
def test_reciprocity_finds_the_lagged_response(store: Store) -> None:
    res = dyad_reciprocity(store, "USA", "RUS", freq="week", max_lag=4)
    rus = next(r for r in res["responses"] if r["responder"] == "RUS")
    usa = next(r for r in res["responses"] if r["responder"] == "USA")
    assert rus["best_lag"] == 2 and rus["correlation"] > 0.6
    assert rus["granger_p"] < 0.001
    assert abs(usa["correlation"]) < rus["correlation"]
    assert len(res["crosscorr"]) == 5
    json.dumps(to_jsonable(res))


def test_reciprocity_constant_and_short_series(store: Store) -> None:
    res = dyad_reciprocity(store, "FRA", "MLI", freq="week")
    assert res["note"] and "too few data to say: 3 events FRA->MLI and 0 MLI->FRA" in res["note"]
    # MLI never acts toward FRA: no correlation can be measured, but no crash
    res = dyad_reciprocity(store, "FRA", "MLI", freq="day", min_periods=3)
    assert all(r["best_lag"] is None for r in res["responses"])


# -- triad --------------------------------------------------------------------------------------
def test_triad_cohesion_and_fourth_parties(store: Store) -> None:
    res = triad_cohesion(store, "USA", "KOR", "JPN", freq="month", min_events=20)
    assert res["cohesion"] > 0.6
    assert {p["pair"] for p in res["pairs"]} == {"KOR-USA", "JPN-USA", "JPN-KOR"}
    assert all(p["net_coop"] > 0 for p in res["pairs"])
    fourth = {f["actor"]: f for f in res["fourth_parties"]}
    assert {"PRK", "CHN"} <= set(fourth)
    assert "RUS" not in fourth  # only one member (USA) acts toward RUS
    assert fourth["PRK"]["similarity"] > fourth["CHN"]["similarity"]
    assert fourth["CHN"]["members"]["JPN"]["plover_mean"] > 0 > fourth["CHN"]["members"]["KOR"]["plover_mean"]
    months = [c["period"] for c in res["cohesion_series"]]
    assert months[0] == "2019-01-01" and months[12] == "2020-01-01"  # consecutive months, no gaps
    assert all(c["cohesion"] is not None and -1 <= c["cohesion"] <= 1 for c in res["cohesion_series"])
    json.dumps(to_jsonable(res))
    with pytest.raises(AnalysisError):
        triad_cohesion(store, "USA", "USA", "JPN")


# -- actors -------------------------------------------------------------------------------------
def test_resolve_actor() -> None:
    assert resolve_actor("North Korea") == "PRK"
    assert resolve_actor("usa") == "USA"
    assert resolve_actor("zzq") == "ZZQ"
    with pytest.raises(AnalysisError):
        resolve_actor("Nowhere in particular")
