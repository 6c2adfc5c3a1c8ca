"""A body named again by its head noun alone ("Council members said", "members of the commission") is the body the
article named before; and a group that speaks about a country is never of that country ("Council members said they
deplore all North Korean missile activity" is no North Korean accusing North Korea). Sentences are ours."""

from __future__ import annotations

from coding_checks import triples


def test_council_members_are_the_council_named_before():
    text = ("The Security Council on Monday condemned Iran's seizure of the tanker in the Gulf. In a later statement, "
            "council members urged Tehran to release the crew of the vessel without delay.")
    got = triples(text)
    assert ("UNO", "IRN", "REQUEST") in got
    assert ("IRN", "IRN", "REQUEST") not in got


def test_a_group_speaking_of_a_country_is_not_of_that_country():
    got = triples("Council members said they deplore all North Korean missile activity that fuels the arms race.")
    assert ("PRK", "PRK", "ACCUSE") not in got


def test_a_body_named_here_is_not_taken_from_before():
    text = ("The Security Council condemned the attack on the peacekeepers. The Arab League council said it "
            "rejected the Israeli plan.")
    assert not any(a == "UNO" and t == "REJECT" for a, _, t in triples(text))
