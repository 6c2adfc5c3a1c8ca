"""The tokenizer: an abbreviation glued to a hyphenated word is split, so its actor is found."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.ingest.article import Article
from dyadwatch.nlp import get_nlp, get_tokenizer_nlp


@pytest.mark.parametrize("text, tokens", [
    ("U.S.-led forces", ["U.S.", "-", "led", "forces"]),
    ("a U.N.-brokered truce", ["a", "U.N.", "-", "brokered", "truce"]),
    ("the U.S.-Mexico border", ["the", "U.S.", "-", "Mexico", "border"]),
    ("U.S. troops", ["U.S.", "troops"]),
    ("e.g.-style", ["e.g.-style"]),  # lower-case abbreviations are left alone
    ("UK-brokered", ["UK", "-", "brokered"]),
])
def test_abbreviation_hyphens(text: str, tokens: list[str]) -> None:
    assert [t.text for t in get_nlp().make_doc(text)] == tokens
    assert [t.text for t in get_tokenizer_nlp().make_doc(text)] == tokens  # the prefilter sees the same


def test_an_actor_inside_a_hyphenated_abbreviation_is_found() -> None:
    text = ("Warplanes of the U.S.-led coalition bombed Islamic State positions near Raqqa overnight, "
            "the group's news agency said on Tuesday.")
    events = Coder().code(Article(text=text, date="2017-06-06"))
    assert any(e.event == "ASSAULT" and "USA" in [a.code for a in e.actor] for e in events), events
