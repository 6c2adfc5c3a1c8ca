"""Who is addressed or acted on when the parse names a role or a time: the armed forces called on are
the speaker's country's; a time after "on" addresses no one ("declared martial law on Tuesday night"
is aimed at home); a participle after a reported clause whose subject is an event ("the talks had
failed, accusing ...") is the sayer's; a relative clause on a named party inside a request ("sanctions
on Rwanda, which it accuses of arming rebels") is an act of its own. Sentences are ours."""

from __future__ import annotations

import pytest
from test_coding_arguments import triples


@pytest.mark.parametrize("text, expected", [
    ("Venezuela's opposition leader called on the armed forces on Sunday to stand with the people against fraud.",
     ("VEN", "VEN", "REQUEST")),
    ("South Korean President Yoon Suk Yeol declared emergency martial law on Tuesday night in a televised address.",
     ("KOR", "KOR", "COERCE")),
    (("Egypt said on Tuesday that the latest round of talks with Ethiopia had failed, accusing Addis Ababa of "
     "rejecting every compromise."), ("EGY", "ETH", "ACCUSE")),
])
def test_roles_times_and_sayers(text, expected):
    got = triples(text)
    assert expected in got, got


def test_a_relative_clause_on_a_named_party_inside_a_request_is_its_own_act():
    got = triples("Kinshasa asked the Security Council on Tuesday to impose sanctions on Rwanda, which it accuses "
                  "of arming the M23 rebels.", modality=None)
    assert ("COD", "RWA", "ACCUSE") in got, got
    assert ("COD", "UNO", "REQUEST") in got, got


def test_sides_called_on_stay_unnamed():
    got = triples("The Kremlin called on all sides to show restraint after the clashes.")
    assert not any(r == "RUS" for _a, r, _t in got), got


def test_an_object_relative_clause_inside_a_request_is_its_own_act():
    got = triples("Kabul urged Islamabad on Monday to rein in the militant fighters, whom it blamed for a wave of "
                  "attacks on border posts.", modality=None)
    assert any(a == "AFG" and t == "ACCUSE" for a, _r, t in got), got


def test_the_destination_of_a_carrying_participle_is_the_recipient():
    got = triples("Indonesia dispatched two air force planes carrying tents, medicine and a rescue team to Turkey on "
                  "Wednesday after the earthquake.")
    assert ("IDN", "TUR", "AID") in got, got
