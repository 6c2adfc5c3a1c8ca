"""Reported speech: a side reporting an aggression accuses the aggressor (an event of its own, beside
the claimed act), a reporter or a denial does not, a wire attribution keeps the act asserted, "X said
Y must ..." is X's demand. Sentences are our own."""

from __future__ import annotations

import pytest

from dyadwatch.coding import code_text


def coded(text: str) -> set[tuple]:
    return {(e.actor[0].code if e.actor else None, e.recipient[0].code if e.recipient else None, e.event,
             e.modality) for e in code_text(text, date="2024-05-10")}


@pytest.mark.parametrize("text, accuser, accused", [
    ("Kyiv said Russian missiles struck an energy facility in the west of the country overnight.", "UKR", "RUS"),
    (("Azerbaijan's foreign ministry claimed that Armenian troops opened fire on its positions near the "
     "border village on Sunday."), "AZE", "ARM"),
    (("Pakistan's army said Indian troops had violated the ceasefire along the Line of Control, killing two "
     "civilians, in a statement on Sunday."), "PAK", "IND"),
])
def test_a_side_reporting_an_attack_accuses_the_attacker(text, accuser, accused):
    got = coded(text)
    assert (accuser, accused, "ACCUSE", "asserted") in got
    # the attack itself is still there, as the side's claim or as reported
    assert any(a == accused and t == "ASSAULT" for a, _, t, _ in got), got


def test_the_accusation_points_at_the_speech_verb():
    evs = [e for e in code_text("Kyiv said Russian missiles struck an energy facility overnight.", date="2024-05-10")
           if e.event == "ACCUSE"]
    assert len(evs) == 1
    assert evs[0].trigger == "said" and evs[0].lexicon_id.endswith("+accuse")
    assert evs[0].event_text.startswith("Kyiv said")


@pytest.mark.parametrize("text", [
    "Witnesses said Israeli troops fired on a crowd near the crossing on Friday.",
    "Russia denied that its forces had struck the hospital in the city.",
    "Militants loyal to the group said they attacked an army post in the north overnight.",
    # wire attribution after the report: the act is asserted, no separate accusation
    "Russian forces shelled Kharkiv overnight, Ukraine's military said on Saturday.",
    # a weapons test reported by a neighbour is no accusation
    "Seoul said North Korea fired two ballistic missiles into the sea off its east coast.",
])
def test_no_speaker_accusation(text):
    assert not [x for x in coded(text) if x[2] == "ACCUSE"]


def test_wire_attribution_keeps_the_act_asserted():
    got = coded("Russian forces shelled Kharkiv overnight, Ukraine's military said on Saturday.")
    assert ("RUS", "UKR", "ASSAULT", "asserted") in got


def test_missiles_off_its_own_coast_are_no_attack_on_the_speaker():
    got = coded("Seoul said North Korea fired two ballistic missiles into the sea off its east coast.")
    assert not [x for x in got if x[2] == "ASSAULT"]


def test_said_must_is_a_demand():
    got = coded("Germany's chancellor said on Tuesday that Serbia must stop obstructing the normalisation of "
                "relations with Kosovo.")
    assert ("DEU", "SRB", "REQUEST", "asserted") in got


def test_vow_to_retaliate_is_a_threat_of_force_with_its_code():
    from dyadwatch.coding import code_text

    evs = [e for e in code_text("Tehran vowed to retaliate against Israel for Monday's strike on its consulate "
                                "in Damascus.", date="2024-05-10") if e.event == "THREATEN"]
    assert evs and evs[0].cameo == "138"
