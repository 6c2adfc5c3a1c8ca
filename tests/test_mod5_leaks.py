"""Modality must not leak from a neighbouring clause onto an act the sentence asserts: a "first time"
clause whose subject only names an occasion, a dated past clause hung on a modal main clause, a speaker
titled by the body that acts. The shapes that really are not asserted stay so. Sentences written for
these tests."""

from __future__ import annotations

import pytest
from coding_checks import triples

from dyadwatch.coding.coder import code_text


def _modalities(text: str, etype: str) -> set[str]:
    return {e.modality for e in code_text(text, date="2024-02-04") if e.event == etype}


ASSERTED = [
    # a "first time" clause is the only report of the act when its subject names no act ("the incident")
    (("Sunday's incident was the first time since 2019 that Vietnamese vessels had rammed a Chinese trawler "
     "near the Paracels."), ("VNM", "CHN", "ASSAULT")),
    (("The weekend's standoff was the first time since March that Chinese coast guard ships had used water "
     "cannon against a Philippine supply boat."), ("CHN", "PHL", "ASSAULT")),
    # a past act with its own date, hung on a modal main clause: it happened
    (("The talks, if they go ahead, could ease tensions, after Russian troops shelled Kharkiv on Oct. 3, "
     "killing four civilians."), ("RUS", "UKR", "ASSAULT")),
    # a speaker named by the body's title speaks for it (whatever the person's own country): the body's act
    # is no other side's claim
    ("AU envoy Ramtane Lamamra said the bloc had decided to suspend Mali from all its activities.",
     ("AFU", "MLI", "SANCTION")),
]


@pytest.mark.parametrize("text, triple", ASSERTED)
def test_the_act_stays_asserted(text: str, triple: tuple[str, str, str]) -> None:
    got = triples(text)
    assert triple in got, (got, triples(text, asserted=False))


def test_the_restating_first_time_clause_is_no_second_act() -> None:
    # the subject is the act ("the expulsion"); the clause only characterises it
    assert ("NOR", "RUS", "SANCTION") not in triples(
        "The expulsion is the first time Oslo has expelled a Russian diplomat in twenty years.")


def test_an_undated_time_clause_under_a_modal_stays_hypothetical() -> None:
    assert _modalities("Moscow will pull its troops out of the region once Kyiv signs the accord.", "RETREAT") \
        <= {"hypothetical", "future"}
    got = triples("Moscow will pull its troops out of the region once Kyiv signs the accord.")
    assert ("UKR", "RUS", "AGREE") not in got and ("UKR", None, "AGREE") not in got, got


def test_another_sides_report_of_an_attack_is_the_attack_and_its_accusation() -> None:
    # the convention since mod6 (tests/test_mod6_reported.py): a side speaking of another's attack reports
    # the attack (asserted, as wire event data code it) and accuses the attacker
    got = triples("Russian foreign ministry spokeswoman Maria Zakharova said Ukrainian drones attacked a "
                  "refinery in Tuapse on Sunday.")
    assert ("UKR", "RUS", "ASSAULT") in got, got
    assert ("RUS", "UKR", "ACCUSE") in got, got
