"""A side's dismay at another's named act accuses its doer ("said it was deeply disappointed by Washington's
decision", "is dismayed at the Philippine move"); dismay with no doer named, or pleasure, accuses no one. A
crime that "will not go unpunished" and "all necessary measures" a side will take are threats. Sentences
written for these tests."""

from __future__ import annotations

import pytest
from coding_checks import triples


@pytest.mark.parametrize("text, triple", [
    ("Moscow said it was deeply disappointed by Washington's decision to expel its diplomats.", ("RUS", "USA", "ACCUSE")),
    ("China is dismayed at the Philippine move, a foreign ministry spokesman said.", ("CHN", "PHL", "ACCUSE")),
    ("Germany said it was alarmed by Russia's troop build-up near the border.", ("DEU", "RUS", "ACCUSE")),
])
def test_dismay_accuses_the_doer(text: str, triple: tuple[str, str, str]) -> None:
    got = triples(text)
    assert triple in got, got


@pytest.mark.parametrize("text", [
    "Seoul said it was pleased with the outcome of the talks.",
    "Japan said it was disappointed by the weather that delayed the launch.",
    "Canada was not alarmed by the American decision, the minister said.",
])
def test_no_accusation(text: str) -> None:
    got = triples(text)
    assert not any(t == "ACCUSE" for _, _, t in got), got


@pytest.mark.parametrize("text, actor", [
    ('"No attack on our soldiers will go unpunished," the Israeli defence minister said.', "ISR"),
    ("Tehran said the crime would not go unpunished.", "IRN"),
    ("China will take all necessary measures to defend its sovereignty, the foreign ministry said.", "CHN"),
])
def test_threats_without_a_threat_verb(text: str, actor: str) -> None:
    got = triples(text)
    assert any(a == actor and t == "THREATEN" for a, _, t in got), got


def test_measures_taken_are_no_threat() -> None:
    got = triples("China took several measures to support its property market last year.")
    assert not any(t == "THREATEN" for _, _, t in got), got
