"""Striking back and vowing to: the target is whoever did the act answered, named in an 'after', 'when' or
'for' phrase or clause; with no one named, no target at all, never the actor's own country."""

from __future__ import annotations

import pytest
from coding_checks import triples


def _triples(text: str) -> set[tuple[str | None, str | None, str]]:
    return triples(text, date="2024-05-06")


@pytest.mark.parametrize("text, want", [
    ("Indian troops retaliated after Pakistani forces opened fire along the Line of Control, an army spokesman said.",
     ("IND", "PAK", "ASSAULT")),
    ("Indian forces retaliated after unprovoked firing by Pakistani troops in the Poonch sector.", ("IND", "PAK", "ASSAULT")),
    ("Israel retaliated when Hezbollah fired rockets at the Golan Heights on Saturday.", ("ISR", "LBN", "ASSAULT")),
    ("Israel retaliated after rockets were fired from Lebanon.", ("ISR", "LBN", "ASSAULT")),
])
def test_the_answered_doer_is_the_target(text: str, want: tuple) -> None:
    assert want in _triples(text)


@pytest.mark.parametrize("text, own", [
    ("Iran vowed to retaliate.", "IRN"),
    ("Hezbollah vowed revenge after the strike on its stronghold.", "LBN"),
    ("Pakistan's army said it retaliated in kind.", "PAK"),
])
def test_no_one_named_is_no_self_target(text: str, own: str) -> None:
    assert not any(a == own and r == own for a, r, _ in _triples(text))


@pytest.mark.parametrize("text, want", [
    ("The Indian army said it responded to unprovoked firing by Pakistani troops along the Line of Control.",
     ("IND", "PAK", "ASSAULT")),
    ("Israel responded to the fire from Lebanon with artillery, the army said.", ("ISR", "LBN", "ASSAULT")),
])
def test_answering_fire_strikes_back(text: str, want: tuple) -> None:
    assert want in _triples(text)


def test_answering_criticism_is_no_attack() -> None:
    assert not any(t == "ASSAULT" for _, _, t in _triples("The ministry responded to criticism from the opposition."))
