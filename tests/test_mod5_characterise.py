"""A side that speaks of another's act in condemning words ("unprovoked firing by X", "illegal threats by X")
accuses its doer, with no accuse verb; the act a side condemns is not its own; the writer's own words, and
an act that has not happened ("will respond to any unprovoked attack"), accuse no one. Sentences written for
these tests."""

from __future__ import annotations

import pytest
from coding_checks import triples

ACCUSED = [
    ("Pakistan's army said it had responded to unprovoked firing by Indian troops in the Kotli sector.",
     ("PAK", "IND", "ACCUSE")),
    (("Armenia's defence ministry said its units were answering indiscriminate shelling by Azerbaijani forces "
     "near the border."), ("ARM", "AZE", "ACCUSE")),
    ("Caracas closed three border crossings on Monday, citing illegal threats by Colombia.",
     ("VEN", "COL", "ACCUSE")),
    ("Venezuela said it closed the bridges due to the serious threats made by Colombia against its sovereignty.",
     ("VEN", "COL", "ACCUSE")),
    ("Beijing said the Philippine ship's reckless intrusion into Chinese waters had forced the coast guard to act.",
     ("CHN", "PHL", "ACCUSE")),
]


@pytest.mark.parametrize("text, triple", ACCUSED)
def test_condemning_words_accuse_the_doer(text: str, triple: tuple[str, str, str]) -> None:
    got = triples(text)
    assert triple in got, got


def test_the_condemned_threat_is_not_the_speakers() -> None:
    got = triples("The Venezuelan government said that, due to the illegal threats attempted by Colombia against the "
                  "peace of Venezuela, it had decided to shut the bridges.", asserted=False)
    assert not any(a == "VEN" and t == "THREATEN" for a, _, t in got), got
    assert ("VEN", "COL", "ACCUSE") in got, got


@pytest.mark.parametrize("text", [
    "Russia will respond to any unprovoked aggression by NATO, the Kremlin said.",
    "The illegal annexation of Crimea by Russia in 2014 changed Europe's security order.",
    "Ukraine said its forces had carried out a series of unprovoked strikes, according to the report.",
])
def test_no_accusation(text: str) -> None:
    got = triples(text)
    assert not any(t == "ACCUSE" for _, _, t in got), got
