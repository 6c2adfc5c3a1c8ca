"""A side's vow to answer another's act with force is a threat with no threat verb: "vowed to respond to any
Indian action", "will respond with countermeasures should Seoul deploy ...", "reserves the right to respond",
"any attack on our territory would be met with a firm response", "its bases will be legitimate targets if ...".
The writer's or analysts' "would respond", an answer given ("responded to the letter"), a calm or civil
answer, and a refusal to answer threaten no one. Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_checks import triples

THREATS = [
    ("Islamabad vowed to respond to any Indian action.", ("PAK", "IND", "THREATEN")),
    ("Tehran vowed on Sunday to respond to any Israeli aggression against its nuclear sites.", ("IRN", "ISR", "THREATEN")),
    (("Should Seoul deploy more American missile defence batteries, Beijing will respond with countermeasures, the "
      "foreign ministry said."), ("CHN", "KOR", "THREATEN")),
    ("Russia will respond militarily if NATO deploys missiles in Finland, the Kremlin said.", ("RUS", "NATO", "THREATEN")),
    ("The foreign ministry said Beijing would react firmly to any provocation by Manila.", ("CHN", "PHL", "THREATEN")),
    ("Tehran said it reserves the right to respond to the Israeli attack.", ("IRN", "ISR", "THREATEN")),
    (("If the United States strikes Iran, its bases across the region will be legitimate targets, a senior Iranian "
      "commander said."), ("IRN", "USA", "THREATEN")),
]


@pytest.mark.parametrize("text, triple", THREATS)
def test_a_vowed_answer_is_a_threat(text: str, triple: tuple[str, str, str]) -> None:
    got = triples(text)
    assert triple in got, got


def test_met_with_a_response() -> None:
    got = triples("Any attack on Venezuelan territory will be met with a firm response, Caracas said.")
    assert any(a == "VEN" and t == "THREATEN" for a, _, t in got), got


@pytest.mark.parametrize("text", [
    "If China invaded Taiwan, the United States would respond with force.",
    "Analysts expect Beijing would respond with countermeasures if Seoul deployed the system.",
    "Pakistan responded to the Indian letter on Tuesday.",
    "India will respond to the questions raised by the committee, the minister said.",
    "Seoul said it would respond calmly to the North's statement.",
    "Hanoi did not respond to the Chinese statement.",
])
def test_no_threat(text: str) -> None:
    got = triples(text)
    assert not any(t == "THREATEN" for _, _, t in got), got
