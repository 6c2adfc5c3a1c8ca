"""The analysis commands (dyad, regimes, impact, reciprocity, triad) end to end through typer,
over a real DuckDB file filled with the synthetic events of test_analysis.py."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from test_analysis import N_WEEKS, SHIFT, synthetic_events
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.events import Actor, Event
from dyadwatch.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli_analysis") / "synthetic.duckdb"
    with Store(path) as store:
        store.add_events(synthetic_events())
    return str(path)


def run(*args: str) -> tuple[int, str, str]:
    res = runner.invoke(app, list(args))
    return res.exit_code, res.stdout, res.stderr


def run_json(*args: str) -> dict:
    code, out, err = run(*args, "--json")
    assert code == 0, err or out
    assert "NaN" not in out and "Infinity" not in out  # strict JSON: missing values are null
    return json.loads(out)


# -- dyad -----------------------------------------------------------------------------------------
def test_dyad_json_with_names(db: str) -> None:
    res = run_json("dyad", "United States", "North Korea", "--freq", "month", "--db", db)
    assert res["a"] == "USA" and res["b"] == "PRK" and res["n_undated"] == 5
    both = [r for r in res["series"] if r["direction"] == "both"]
    assert both[0]["period"] == "2019-01-01" and len(both) == 25
    assert sum(r["n_events"] for r in both) == res["n_events"]
    assert all(r["net_coop"] == r["quad1"] + r["quad2"] - r["quad3"] - r["quad4"] for r in res["series"])
    # months without a planted change in the series are not all alike: conflict first, cooperation later
    assert both[3]["net_coop"] < 0 < both[15]["net_coop"]


def test_dyad_bounds_and_directed(db: str) -> None:
    res = run_json("dyad", "USA", "PRK", "--freq", "week", "--since", "2020-01-01", "--until", "2020-03-31",
                   "--directed", "--db", db)
    assert {r["direction"] for r in res["series"]} == {"a->b"}
    periods = [r["period"] for r in res["series"]]
    assert periods[0] == "2019-12-30" and periods[-1] == "2020-03-30" and len(periods) == 14


def test_dyad_table_and_chart(db: str) -> None:
    code, out, _ = run("dyad", "USA", "PRK", "--freq", "quarter", "--db", db)
    assert code == 0
    assert "2019-04-01" in out and "2020-07-01" in out
    assert "█" in out and "net cooperation:" in out and "5 undated events left out" in out


def test_dyad_export_csv_and_parquet(db: str, tmp_path: Path) -> None:
    csv_path, pq_path = tmp_path / "usa_prk.csv", tmp_path / "out" / "usa_prk.parquet"
    assert run("dyad", "USA", "PRK", "-o", str(csv_path), "--db", db)[0] == 0
    assert run("dyad", "USA", "PRK", "-o", str(pq_path), "--db", db)[0] == 0
    a, b = pd.read_csv(csv_path), pd.read_parquet(pq_path)
    assert len(a) == len(b) == 75 and list(a.columns) == list(b.columns)
    assert a["n_events"].sum() == b["n_events"].sum() > 0
    code, _, err = run("dyad", "USA", "PRK", "-o", str(tmp_path / "x.xlsx"), "--db", db)
    assert code == 1 and "csv or .parquet" in err


def test_dyad_errors(db: str, tmp_path: Path) -> None:
    code, _, err = run("dyad", "USA", "Nowhere in particular", "--db", db)
    assert code == 1 and "unknown actor" in err and len(err.strip().splitlines()) == 1
    code, _, err = run("dyad", "USA", "ZZZ", "--db", db)
    assert code == 1 and "no dated events between USA and ZZZ" in err
    code, _, err = run("dyad", "USA", "PRK", "--db", str(tmp_path / "missing.duckdb"))
    assert code == 1 and "no such database" in err
    code, _, err = run("dyad", "USA", "PRK", "--freq", "fortnight", "--db", db)
    assert code == 1 and "freq" in err


# -- impact ---------------------------------------------------------------------------------------
def test_impact_json_shift_and_no_shift(db: str) -> None:
    res = run_json("impact", "USA", "PRK", "--date", "2020-01-06", "--db", db)
    for key in ("dyad", "date", "level_change", "ci_low", "ci_high", "p_value", "placebo_p", "significant",
                "verdict"):
        assert key in res
    assert res["dyad"] == "USA-PRK" and res["significant"] is True and res["level_change"] > 0
    res = run_json("impact", "USA", "CHN", "--date", "2020-01-06", "--window", "30", "--db", db)
    assert res["significant"] is False and res["n_periods"] == 60
    assert res["verdict"].startswith("no significant change in the USA-CHN dynamic after 2020-01-06 (balance of")
    assert "30 weeks either side: level change" in res["verdict"]


def test_impact_event_and_text(db: str) -> None:
    with Store(db, read_only=True) as store:
        eid = store.con.execute("SELECT id FROM events WHERE actor_code='PRK' AND recipient_code='USA' "
                                "AND date >= ? ORDER BY date, id LIMIT 1", [SHIFT]).fetchone()[0]
    res = run_json("impact", "USA", "PRK", "--event", eid, "--db", db)
    assert res["event"]["id"] == eid and date.fromisoformat(res["date"]) >= SHIFT
    code, out, _ = run("impact", "USA", "PRK", "--date", "2020-01-06", "--db", db)
    assert code == 0 and "significant change towards cooperation" in out and "placebo p" in out
    code, _, err = run("impact", "USA", "PRK", "--db", db)
    assert code == 1 and "--date" in err
    res = run_json("impact", "FRA", "MLI", "--date", "2019-03-15", "--db", db)
    assert res["significant"] is None and "too few data to say" in res["verdict"]


# -- regimes, reciprocity, triad -----------------------------------------------------------------
def test_regimes_json(db: str) -> None:
    res = run_json("regimes", "USA", "PRK", "--db", db)
    cps = [date.fromisoformat(d) for d in res["change_points"]]
    assert any(abs((d - SHIFT).days) <= 14 for d in cps)
    assert sum(r["n_periods"] for r in res["regimes"]) == N_WEEKS
    assert all(r["top_events"] for r in res["regimes"])


def test_reciprocity_json_and_text(db: str) -> None:
    res = run_json("reciprocity", "USA", "RUS", "--max-lag", "3", "--db", db)
    rus = next(r for r in res["responses"] if r["responder"] == "RUS")
    assert rus["best_lag"] == 2 and rus["correlation"] > 0.6
    code, out, _ = run("reciprocity", "USA", "RUS", "--db", db)
    assert code == 0 and "RUS follows USA strongly in kind after 2 week(s)" in out
    assert "not proof that one caused the other" in out


def test_triad_json_and_text(db: str) -> None:
    res = run_json("triad", "USA", "South Korea", "Japan", "--min-events", "20", "--db", db)
    assert res["members"] == ["USA", "KOR", "JPN"] and res["cohesion"] > 0.6
    assert [f["actor"] for f in res["fourth_parties"]][:2] == ["PRK", "CHN"]
    code, out, _ = run("triad", "USA", "KOR", "JPN", "--db", db)
    assert code == 0 and "toward fourth parties" in out and "PRK" in out


def test_untrusted_sentences_are_shown_literally(tmp_path: Path) -> None:
    path = tmp_path / "markup.duckdb"
    events = []
    for w in range(12):
        for i, etype in enumerate(("ACCUSE", "THREATEN") if w < 6 else ("AGREE", "COOPERATE")):
            events.append(Event(story_id=f"m{w}-{i}", event=etype, actor=[Actor("AAA")], recipient=[Actor("BBB")],
                                date=f"2021-{w + 1:02d}-1{i}", sentence_index=0,
                                event_text=f"[bold red]AAA[/bold red] said [link=x]{etype}[/link] {w}"))
    with Store(path) as store:
        store.add_events(events)
    code, out, _ = run("regimes", "AAA", "BBB", "--freq", "month", "--min-size", "2", "--db", str(path))
    assert code == 0
    assert "[bold red]AAA[/bold red] said [link=x]" in out
