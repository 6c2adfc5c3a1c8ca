"""The analyses on the bundled sample corpus (coded by the whole pipeline, as `dyadwatch demo`
builds it): the known USA-PRK regimes and the disagreement about 2019-07-25 that the analyst must
see. The corpus is coded afresh, so these tests allow the coder's small changes: a break within a
few months of the known one, not on one exact day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.analysis import dyad_impact, dyad_regimes
from dyadwatch.cli import app
from dyadwatch.store import Store


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from dyadwatch.pipeline import run_demo

    path = tmp_path_factory.mktemp("sample") / "demo.duckdb"
    run_demo(path)
    return path


def _near(cps: list[str], lo: str, hi: str) -> bool:
    return any(date.fromisoformat(lo) <= date.fromisoformat(c) <= date.fromisoformat(hi) for c in cps)


def test_usa_prk_regimes_show_the_detente_and_the_breakdown(sample: Path) -> None:
    with Store(sample, read_only=True) as store:
        reg = dyad_regimes(store, "USA", "PRK")
    cps = reg.attrs["change_points"]
    assert reg.attrs["freq"] == "month" and reg.attrs["measure"] == "coop_balance"
    assert _near(cps, "2017-11-01", "2018-03-01"), cps  # the detente of winter 2017-18
    assert _near(cps, "2019-03-01", "2019-10-01"), cps  # the breakdown after Hanoi
    tones = list(reg["tone"])
    assert tones[0] == "conflictual" and "cooperative" in tones[1:-1] and tones[-1] != "cooperative"
    assert all(r for r in reg["top_events"])
    res = CliRunner().invoke(app, ["regimes", "USA", "PRK", "--db", str(sample)])
    assert res.exit_code == 0
    for cp in cps:
        assert cp in res.stdout


def test_the_command_line_default_penalty_is_the_library_one() -> None:
    import inspect

    from dyadwatch.analysis.regimes import DEFAULT_BETA
    from dyadwatch.cli.analysis_cmds import regimes_cmd

    assert inspect.signature(regimes_cmd).parameters["beta"].default.default == DEFAULT_BETA


def test_the_2019_07_25_question_shows_every_specification(sample: Path) -> None:
    with Store(sample, read_only=True) as store:
        res = dyad_impact(store, "USA", "PRK", date="2019-07-25")
    rob = res["robustness"]
    assert rob["n_specs"] == 8
    outcomes = {(s["direction"] if s["significant"] else s["significant"]) for s in rob["specs"]}
    assert rob["agree"] == (len(outcomes - {None}) <= 1)
    if not rob["agree"]:
        assert "the specifications disagree" in res["verdict"]
    assert rob["summary"] in res["verdict"]
    out = CliRunner().invoke(app, ["impact", "USA", "PRK", "--date", "2019-07-25", "--db", str(sample)])
    assert out.exit_code == 0
    assert "the same test over other specifications" in out.stdout and "of 8 specifications" in out.stdout
    assert out.stdout.count("plover_mean") >= 4 and "month" in out.stdout


def test_the_2019_07_25_disagreement_is_shown(sample: Path) -> None:
    """The issue's question on the sample: the default test finds no significant change, a monthly
    test over two years a change towards conflict, and the verdict says the specifications
    disagree (which of the monthly measures crosses p < 0.05 moves with the coding; the
    disagreement must be shown)."""
    with Store(sample, read_only=True) as store:
        res = dyad_impact(store, "USA", "PRK", date="2019-07-25")
    assert res["significant"] is False
    monthly = [s for s in res["robustness"]["specs"] if s["freq"] == "month" and s["window"] == 24]
    assert monthly and any(s["significant"] and s["direction"] == "towards conflict" for s in monthly)
    assert not any(s["significant"] and s["direction"] != "towards conflict" for s in res["robustness"]["specs"])
    assert "the specifications disagree" in res["verdict"]
    assert res["verdict_volume"].startswith("Volume changed")


def test_invalid_penalty_on_the_command_line(sample: Path) -> None:
    for bad in ("-1", "0", "nan"):
        res = CliRunner().invoke(app, ["regimes", "USA", "PRK", "--penalty", bad, "--db", str(sample)])
        assert res.exit_code == 1
        assert res.stderr.strip().startswith("error: penalty must be a positive")
        assert len(res.stderr.strip().splitlines()) == 1
