"""Getting what another gives: an event noun as the object of a verb of getting ("won support from", "secured a
loan from", "won pledges of military aid from") is the giver's act toward the getter; an inverse verb whose
subject is an act aims at that act's doer. Asking gives nothing. Sentences are ours."""

from __future__ import annotations

from coding_checks import triples


def test_won_support_from_a_bloc():
    got = triples("Moldova's government won support from the European Union on Thursday for its reform plan.",
                  date="2024-06-01")
    assert ("EUR", "MDA", "SUPPORT") in got


def test_secured_a_loan_from_a_state():
    got = triples("Pakistan secured a $1.2 billion loan from Saudi Arabia on Monday, the finance ministry said.",
                  date="2024-06-01")
    assert ("SAU", "PAK", "AID") in got
    assert ("PAK", "SAU", "AID") not in got


def test_pledges_of_aid_from_a_state():
    got = triples("Kyiv won fresh pledges of military aid from the Netherlands on Tuesday.", date="2024-06-01")
    assert any(a == "NLD" and r == "UKR" for a, r, _ in got)
    assert not any(a == "UKR" and r == "NLD" for a, r, _ in got)


def test_a_threat_drawn_by_an_act_of_a_named_doer():
    got = triples("Japan's decision to release treated water from the plant drew a warning from Beijing on Friday.",
                  date="2024-06-01")
    assert ("CHN", "JPN", "THREATEN") in got


def test_asking_for_aid_is_no_aid():
    got = triples("Pakistan sought a new loan from Saudi Arabia on Monday.", date="2024-06-01")
    assert ("SAU", "PAK", "AID") not in got
