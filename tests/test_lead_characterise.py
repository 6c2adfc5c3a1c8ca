"""Naming an act ("branded the move a provocation", "called the decision a hostile act") accuses whoever made
it: the doer of the article's act when there is one, else no one named, never the speaker's own country."""

from __future__ import annotations

import pytest
from coding_checks import triples


def _triples(text: str) -> set[tuple[str | None, str | None, str]]:
    return triples(text, date="2024-02-04")


@pytest.mark.parametrize("text, speaker", [
    ("Beijing branded the move a provocation on Tuesday.", "CHN"),
    ("Moscow called the decision a hostile act, a spokeswoman said.", "RUS"),
])
def test_no_self_target(text: str, speaker: str) -> None:
    got = _triples(text)
    assert any(a == speaker and t == "ACCUSE" for a, _, t in got) and (speaker, speaker, "ACCUSE") not in got, got


def test_the_doer_of_the_articles_act() -> None:
    got = _triples("Japan deployed missiles on Yonaguni island on Monday. Beijing branded the move a provocation.")
    assert ("CHN", "JPN", "ACCUSE") in got, got
