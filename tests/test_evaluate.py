"""Scoring coded events against gold files: hand-computed numbers and agreement with the
reference scorer (/work/shared/tools/score_events.py) when it is present."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.coding.evaluate import (
    code_gold,
    evaluate_file,
    event_triples,
    fold_code,
    load_gold,
    matches,
    score,
)

REFERENCE = Path("/work/shared/tools/score_events.py")


def ev(story: str, event: str, actors: list, recipients: list | None = None, **extra) -> dict:
    rec = {"story_id": story, "event": event,
           "actor": [{"code": a} for a in actors],
           "recipient": [{"code": r} for r in (recipients or [])]}
    rec.update(extra)
    if "modality" not in extra:
        rec["modality"] = "asserted"
    return rec


def g(source, target, types) -> dict:
    return {"source": source, "target": target, "type": types}


GOLD = [
    {"id": "d1", "date": "2021-03-02", "text": "The envoy urged the neighbours to return to talks.",
     "events": [g("KOR", ["PRK"], ["REQUEST"])], "optional": [g("PRK", ["*"], ["MOBILIZE"])]},
    {"id": "d2", "text": "The council tightened sanctions; Brussels criticised the move.",
     "events": [g("UNO", ["IRQ"], ["SANCTION"]), g("EUR", ["*"], ["ACCUSE"])]},
    {"id": "d3", "text": "Troops massed; later the carrier group pulled back.",
     "events": [g("USA", [None], ["MOBILIZE"]), g("USA", ["CHN"], ["YIELD"])]},
    {"id": "d4", "text": "The army did not shell the border town.", "events": []},
    {"id": "d5", "text": "The two leaders met at the border.",
     "events": [g("KOR", ["PRK"], ["CONSULT"]), g("PRK", ["KOR"], ["CONSULT"])]},
    {"id": "d6", "text": "Beijing warned Taipei and Tokyo.",
     "events": [g("CHN", ["TWN", "JPN"], ["THREATEN", "ACCUSE"])]},
    {"id": "d7", "text": "Artillery hit the eastern city.", "events": [g("RUS", ["UKR"], ["ASSAULT"])]},
    {"id": "d8", "text": "Crowds marched in the capital.", "events": [g("*", ["*"], ["PROTEST"])]},
    {"id": "d9", "text": "The police detained activists.", "events": [g("TUR", ["TUR"], ["COERCE"])]},
    {"id": "d10", "text": "Jets struck targets across the border.",
     "events": [g("ISR", ["*"], ["ASSAULT"]), g("ISR", ["LBN"], ["ASSAULT"])]},
]

EVENTS = [
    ev("d1", "REQUEST", ["KOR"], ["PRK"]),
    ev("d1", "MOBILIZE", ["PRK"]),  # optional: neither rewarded nor punished
    ev("d1", "ASSAULT", ["PRK"], ["JPN"]),  # spurious
    ev("d2", "SANCTION", ["IGOUNO"], ["IRQ"]),  # folded to UNO
    ev("d2", "ACCUSE", ["EU"]),  # "*" target accepts no recipient
    ev("d3", "MOBILIZE", ["USA"]),  # null target
    ev("d3", "RETREAT", ["USA"], ["CHN"]),  # YIELD
    ev("d3", "MOBILIZE", ["USA"], ["RUS"]),  # a recipient where the gold wants none: spurious
    ev("d4", "ASSAULT", ["PRK"], ["KOR"], modality="negated"),
    ev("d4", "ASSAULT", ["PRK"], ["KOR"], modality="hypothetical"),
    ev("d4", "ASSAULT", ["PRK"], ["KOR"], modality=None),  # not "asserted": not scored
    {"story_id": "d4", "event": "threaten", "actor": [{"code": "prk"}], "recipient": [{"code": "KOR"}]},
    ev("d5", "CONSULT", ["KOR", "PRK"], ["KOR", "PRK"]),  # compound actor: no self pairs
    ev("d5", "CONSULT", ["PRK"], ["KOR"]),  # the same triple again
    ev("d6", "ACCUSE", ["CHN"], ["TWN"]),
    ev("d6", "THREATEN", ["CHN"], ["JPN"]),  # a second reading of the found event: not spurious
    ev("d8", "PROTEST", ["FRA"]),
    ev("d9", "COERCE", ["TUR"], ["TUR"]),  # one actor: a domestic event, kept
    ev("d10", "ASSAULT", ["ISR"], ["LBN"]),  # taken by the first gold event (greedy, as the reference)
    ev("nope", "ASSAULT", ["ISR"], ["LBN"]),  # not in the gold file
]

# Worked out by hand from the rules in EVALUATION.md.
EXPECTED = {"tp": 11, "fp": 3, "fn": 2}
EXPECTED_PER_TYPE = {
    "REQUEST": [1, 0, 0], "ASSAULT": [1, 1, 2], "SANCTION": [1, 0, 0], "ACCUSE": [1, 0, 0],
    "MOBILIZE": [1, 1, 0], "YIELD": [1, 0, 0], "THREATEN": [1, 1, 0], "CONSULT": [2, 0, 0],
    "PROTEST": [1, 0, 0], "COERCE": [1, 0, 0],
}


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture()
def files(tmp_path):
    return write_jsonl(tmp_path / "gold.jsonl", GOLD), write_jsonl(tmp_path / "events.jsonl", EVENTS)


def reference_numbers(gold: Path, events: Path) -> dict:
    out = subprocess.run([sys.executable, str(REFERENCE), str(gold), str(events), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_hand_computed_numbers(files) -> None:
    gold, events = files
    result = evaluate_file(gold, events)
    assert (result.tp, result.fp, result.fn) == (EXPECTED["tp"], EXPECTED["fp"], EXPECTED["fn"])
    assert result.precision == pytest.approx(11 / 14)
    assert result.recall == pytest.approx(11 / 13)
    assert result.f1 == pytest.approx(2 * (11 / 14) * (11 / 13) / (11 / 14 + 11 / 13))
    assert result.per_type == EXPECTED_PER_TYPE
    assert result.unknown_stories == 1
    kinds = sorted((e.kind, e.story_id) for e in result.errors)
    assert kinds == [("missed", "d10"), ("missed", "d7"), ("spurious", "d1"), ("spurious", "d3"),
                     ("spurious", "d4")]


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference scorer not available")
def test_agrees_with_reference_scorer(files) -> None:
    gold, events = files
    ours = evaluate_file(gold, events).summary()
    ref = reference_numbers(gold, events)
    assert ours == ref


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference scorer not available")
@pytest.mark.parametrize("drop", range(len(EVENTS)))
def test_agrees_with_reference_on_every_subset(tmp_path, drop: int) -> None:
    """Leave one event out at a time: the numbers move, and both scorers must move together."""
    gold = write_jsonl(tmp_path / "gold.jsonl", GOLD)
    events = write_jsonl(tmp_path / "events.jsonl", EVENTS[:drop] + EVENTS[drop + 1:])
    assert evaluate_file(gold, events).summary() == reference_numbers(gold, events)


def test_triples_and_matching_rules() -> None:
    assert fold_code(" igoeureec ") == "EUR" and fold_code("") is None and fold_code(None) is None
    assert event_triples(ev("s", "consult", ["KOR", "PRK"], ["PRK", "KOR"])) == [
        ("KOR", "PRK", "CONSULT"), ("PRK", "KOR", "CONSULT")]
    assert event_triples(ev("s", "AID", ["USA"], [])) == [("USA", None, "AID")]
    assert event_triples(ev("s", "AID", ["USA"], ["UKR"], modality="future")) == []
    assert matches(g("USA", ["*"], ["YIELD"]), ("USA", None, "CONCEDE"))
    assert not matches(g("USA", [None], ["AID"]), ("USA", "UKR", "AID"))
    assert matches(g("USA", [None], ["AID"]), ("USA", None, "AID"))
    assert not matches(g("USA", ["UKR"], ["AID"]), ("USA", None, "AID"))
    assert matches(g("EU", ["UN"], ["SUPPORT"]), ("EUR", "UNO", "SUPPORT"))


def test_bad_gold_lines_are_reported_and_skipped(tmp_path, caplog) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD[0]) + "\n{not json\n" + json.dumps({"id": "x", "text": "t"}) + "\n"
                    + json.dumps(GOLD[6]) + "\n", encoding="utf-8")
    problems: list[str] = []
    docs = load_gold(gold, problems)
    assert [d.id for d in docs] == ["d1", "d7"]
    assert len(problems) == 2
    assert problems[0].startswith(f"{gold}:2:") and problems[1].startswith(f"{gold}:3:")


def test_cli_json_and_report(files) -> None:
    gold, events = files
    runner = CliRunner()
    res = runner.invoke(app, ["evaluate", str(gold), "--events", str(events), "--json", "--errors", "0"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert (out["tp"], out["fp"], out["fn"]) == (11, 3, 2)
    res = runner.invoke(app, ["evaluate", str(gold), "--events", str(events), "--errors", "5"])
    assert res.exit_code == 0, res.output
    assert "P=0.786 R=0.846" in res.stdout
    assert "missed" in res.stdout and "spurious" in res.stdout and "Artillery hit the eastern city." in res.stdout
    res = runner.invoke(app, ["evaluate", str(gold.parent / "missing.jsonl")])
    assert res.exit_code == 2


def test_markup_in_texts_is_not_interpreted(tmp_path) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", [
        {"id": "m1", "text": "[bold red]The rebels[/bold red] shelled the town.",
         "events": [g("SYR", ["*"], ["ASSAULT"])]}])
    events = write_jsonl(tmp_path / "events.jsonl", [])
    res = CliRunner().invoke(app, ["evaluate", str(gold), "--events", str(events)])
    assert "[bold red]The rebels[/bold red]" in res.stdout


def test_codes_gold_texts_with_the_coder(tmp_path) -> None:
    """Without --events the coder codes the gold texts; the records carry the gold ids and score
    the same with both scorers."""
    gold = write_jsonl(tmp_path / "gold.jsonl", [
        {"id": "c1", "date": "2021-05-04", "text": "Japan condemned China on Monday.",
         "events": [g("JPN", ["CHN"], ["ACCUSE"])]},
        {"id": "c2", "date": "2021-05-04", "text": "The weather in the harbour was mild and calm.", "events": []},
    ])
    docs = load_gold(gold)
    records = code_gold(docs)
    assert all(r["story_id"] in {"c1", "c2"} for r in records)
    assert not [r for r in records if r["story_id"] == "c2"]
    result = score(docs, records)
    assert result.tp + result.fn == 1 and result.fp == 0
    if REFERENCE.exists():
        events = write_jsonl(tmp_path / "events.jsonl", records)
        assert result.summary() == reference_numbers(gold, events)


def _random_files(tmp_path: Path, seed: int) -> tuple[Path, Path]:
    """A random gold file and a random events file over a small pool of codes and types, so that
    matches, near misses, optional readings and duplicates all occur."""
    import random

    rng = random.Random(seed)
    codes = ["KOR", "PRK", "USA", "UN", "UNO", "IGOUNO", "EU", "EUR", None, ""]
    types = ["ASSAULT", "ACCUSE", "CONCEDE", "RETREAT", "REQUEST"]

    def gold_event() -> dict:
        target = rng.choice([["*"], [None], ["PRK"], ["KOR", "USA"], ["UN"], ["EUR", None]])
        etypes = rng.sample(types + ["YIELD"], rng.randint(1, 2))
        return g(rng.choice(["KOR", "PRK", "USA", "UNO", "EU", "*"]), target, etypes)

    gold, events = [], []
    for i in range(25):
        gold.append({"id": f"r{i}", "text": f"text {i}",
                     "events": [gold_event() for _ in range(rng.randint(0, 3))],
                     "optional": [gold_event() for _ in range(rng.randint(0, 1))]})
        for _ in range(rng.randint(0, 4)):
            actors = rng.sample(codes, rng.randint(1, 2))
            recips = rng.sample(codes, rng.randint(0, 2))
            rec = {"story_id": f"r{i}", "event": rng.choice(types),
                   "actor": [{"code": c} for c in actors], "recipient": [{"code": c} for c in recips]}
            modality = rng.choice(["asserted", "asserted", "asserted", "negated", "future", None, "absent"])
            if modality != "absent":
                rec["modality"] = modality
            events.append(rec)
    return write_jsonl(tmp_path / "gold.jsonl", gold), write_jsonl(tmp_path / "events.jsonl", events)


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference scorer not available")
@pytest.mark.parametrize("seed", range(8))
def test_agrees_with_reference_on_random_files(tmp_path, seed: int) -> None:
    gold, events = _random_files(tmp_path, seed)
    ours = evaluate_file(gold, events).summary()
    assert ours == reference_numbers(gold, events)
    assert ours["tp"] + ours["fn"] > 0


def test_missed_event_points_at_its_sentence(tmp_path) -> None:
    text = ("Markets were calm on Monday and traders expected little movement. Fishermen stayed in port "
            "because of the storm that battered the coast overnight. Later, Japan lodged a formal protest "
            "with China over the survey ship. Officials gave no further details.")
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"id": "a1", "text": text,
                                                  "events": [g("JPN", ["CHN"], ["ACCUSE"])]}])
    events = write_jsonl(tmp_path / "events.jsonl", [])
    result = evaluate_file(gold, events)
    (err,) = result.errors
    assert err.kind == "missed"
    assert err.sentences == ["Later, Japan lodged a formal protest with China over the survey ship."]


# -- precision per confidence band --------------------------------------------------------------------

def banded_events() -> tuple[list, list]:
    """Ten stories, each with one true and one spurious triple; the true ones carry the higher
    confidence in most stories, and one record's confidence is not a number."""
    gold, events = [], []
    for k in range(10):
        sid = f"b{k}"
        gold.append({"id": sid, "text": "x", "events": [g("KOR", ["JPN"], ["CONSULT"])]})
        events.append(ev(sid, "CONSULT", ["KOR"], ["JPN"], confidence=round(0.95 - 0.01 * k, 2)))
        events.append(ev(sid, "ASSAULT", ["KOR"], ["JPN"], confidence=round(0.2 + 0.05 * k, 2)))
    events.append(ev("b0", "REJECT", ["KOR"], ["JPN"], confidence="high"))  # no usable confidence
    events.append(ev("b1", "CONSULT", ["KOR"], ["JPN"], confidence=0.1))  # the same triple: the max counts
    return gold, events


def test_bands_count_every_scored_triple_once(tmp_path) -> None:
    gold, events = banded_events()
    result = score(load_gold(write_jsonl(tmp_path / "g.jsonl", gold)), events)
    bands = result.bands()
    assert [b["low"] for b in bands] == sorted(b["low"] for b in bands)
    # every true and spurious triple with a confidence is in exactly one band
    assert sum(b["n"] for b in bands) == result.tp + result.fp - 1  # the REJECT has no confidence
    assert sum(b["tp"] for b in bands) == result.tp == 10
    top = next(b for b in bands if b["low"] == 0.85)
    assert top["n"] == 10 and top["fp"] == 0 and top["precision"] == 1.0
    low = next(b for b in bands if b["low"] == 0.0)
    assert low["n"] == 6 and low["precision"] == 0.0  # 0.20 ... 0.45: spurious
    for b in bands:
        if b["n"]:
            assert b["low"] <= b["mean_confidence"] <= b["high"]
        else:
            assert b["precision"] is None


def test_bands_edges_are_a_parameter_and_the_cli_shows_them(tmp_path) -> None:
    gold, events = banded_events()
    gp, ep = write_jsonl(tmp_path / "g.jsonl", gold), write_jsonl(tmp_path / "e.jsonl", events)
    result = score(load_gold(gp), events)
    two = result.bands((0.0, 0.5))
    assert [b["n"] for b in two] == [6, 14] and two[1]["precision"] == 10 / 14
    res = CliRunner().invoke(app, ["evaluate", str(gp), "--events", str(ep), "--errors", "0"])
    assert res.exit_code == 0, res.output
    assert "precision by confidence" in res.stdout and "0.85-1.00" in res.stdout
    res = CliRunner().invoke(app, ["evaluate", str(gp), "--events", str(ep), "--json", "--errors", "0"])
    out = json.loads(res.stdout)
    assert sum(b["n"] for b in out["confidence_bands"]) == 20
    res = CliRunner().invoke(app, ["evaluate", str(gp), "--events", str(ep), "--no-bands", "--errors", "0"])
    assert "precision by confidence" not in res.stdout
