"""Talks named as the occasion of another act ("in a phone call", "at a meeting in Beijing", "during a
telephone conversation") that name no party of their own were held with the person the verb addresses: a
consultation between the subject and that person. A venue, a news conference or an audience of no one named
makes none. Sentences are ours."""

from __future__ import annotations

import pytest
from test_coding_arguments import triples


def consults(text: str) -> set[tuple]:
    return {(a, r) for a, r, t in triples(text) if t == "CONSULT"}


@pytest.mark.parametrize("text, pair", [
    ("Tillerson informed Lavrov of the closures in a phone call on Friday, the State Department said.",
     ("USA", "RUS")),
    ("Modi told Xi at a meeting in Beijing that the border must stay calm.", ("IND", "CHN")),
    ("Erdogan told Putin in a phone call that Turkey would not back down over the pipeline.", ("TUR", "RUS")),
    ("Macron assured Zelensky of continued support during a telephone conversation on Tuesday.", ("FRA", "UKR")),
    ("Pompeo told his Chinese counterpart in a phone call that Washington would respond to the tariffs.",
     ("USA", "CHN")),
])
def test_the_addressed_person_is_the_other_party(text, pair):
    assert pair in consults(text)


@pytest.mark.parametrize("text", [
    "Blinken told reporters at a meeting in Brussels that the alliance was united.",
    "Putin told Macron at a news conference in Moscow that Russia had no plans to attack anyone.",
])
def test_no_talks_with_an_audience_or_at_a_news_conference(text):
    assert not consults(text)


def test_a_meeting_with_ones_own_leader_is_no_talks_between_states():
    got = consults("The French finance minister told President Macron at a cabinet meeting that the budget was "
                   "balanced.")
    assert not got, got


def test_talks_that_name_their_party_keep_it():
    got = consults("Merkel told reporters in a phone call with Macron that the deal would hold.")
    assert ("DEU", "FRA") in got, got
