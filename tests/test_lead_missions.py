"""Reopening missions closed in a row eases relations with the host; the African Union's Peace and Security
Council and 'the pan-African body' are the AU, not the UN Security Council."""

from __future__ import annotations

import pytest
from coding_checks import triples


def _triples(text: str) -> set[tuple[str | None, str | None, str]]:
    return triples(text, date="2024-02-04")


@pytest.mark.parametrize("text, want", [
    ("Iran reopened three diplomatic missions in Saudi Arabia on Monday, seven years after ties were cut.",
     ("IRN", "SAU", "RETREAT")),
    ("Saudi Arabia reopened its embassy in Tehran on Wednesday.", ("SAU", "IRN", "RETREAT")),
    ("The AU Peace and Security Council suspended Niger on Friday until constitutional order is restored.",
     ("AFU", "NER", "SANCTION")),
])
def test_reopened_missions_and_the_au_council(text: str, want: tuple) -> None:
    got = _triples(text)
    assert want in got and not any(a == "UNO" for a, _, _ in got), got


def test_the_pan_african_body_is_the_au() -> None:
    got = _triples("The African Union suspended Gabon on Thursday. The pan-African body condemned the coup.")
    assert ("AFU", None, "ACCUSE") in got or any(a == "AFU" and t == "ACCUSE" for a, _, t in got), got
