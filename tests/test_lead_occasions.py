"""Talks named as the occasion of another act were held ("In a phone call with Erdogan, Putin discussed ...",
"During talks with Blinken, the crown prince raised ..."); a meeting named as a venue of a body is not a
consultation of everyone present; and a date after a verb is never its object ("began in March")."""

from __future__ import annotations

import pytest
from coding_checks import triples


def _triples(text: str) -> set[tuple[str | None, str | None, str]]:
    return triples(text, date="2024-02-04")


@pytest.mark.parametrize("text, want", [
    ("In a phone call with Recep Tayyip Erdogan on Tuesday, Vladimir Putin discussed the Black Sea grain deal.",
     ("RUS", "TUR", "CONSULT")),
    ("During talks with Antony Blinken in Riyadh, the Saudi crown prince raised the war in Gaza.",
     ("SAU", "USA", "CONSULT")),
])
def test_talks_as_occasion_were_held(text: str, want: tuple) -> None:
    assert want in _triples(text)


def test_a_meeting_of_a_body_as_venue_is_no_consultation_of_all() -> None:
    got = _triples("The plan was backed by France, Spain and Kenya at a meeting of G20 finance ministers in Brazil.")
    assert not any(t == "CONSULT" for _, _, t in got), got


@pytest.mark.parametrize("text", [
    "Russia's offensive started in March and stalled in May.",
    "The campaign began on Monday, the ministry said.",
])
def test_a_date_is_no_object(text: str) -> None:
    assert not any(t == "PROTEST" for _, _, t in _triples(text))
