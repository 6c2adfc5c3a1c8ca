"""Closing a frontier to a neighbour, as news words it: shutting or sealing the border, a crossing or the
bridges with X, or announcing their closure, is a sanction on X; sealing off a town is still a blockade."""

from __future__ import annotations

import pytest
from coding_checks import triples


def _triples(text: str) -> set[tuple[str | None, str | None, str]]:
    return triples(text, date="2024-02-04")


@pytest.mark.parametrize("text, want", [
    ("Pakistan shut the Torkham crossing with Afghanistan on Sunday after clashes between border guards.",
     ("PAK", "AFG", "SANCTION")),
    ("Pakistan sealed its border with Afghanistan after the attack, officials said.", ("PAK", "AFG", "SANCTION")),
    ("Venezuela announced the closure of its border with Colombia on Friday night.", ("VEN", "COL", "SANCTION")),
])
def test_closing_the_border_with_a_neighbour(text: str, want: tuple) -> None:
    got = _triples(text)
    assert want in got and not any(a == r for a, r, _ in got), got


@pytest.mark.parametrize("text", [
    "Workers shut the old bridge for repairs on Monday.",
    "The ministry sealed the envelope containing the ballots.",
])
def test_other_closures_are_no_sanction(text: str) -> None:
    assert not any(t == "SANCTION" for _, _, t in _triples(text))


def test_sealing_off_a_territory_is_still_a_blockade() -> None:
    assert ("ISR", "PSE", "COERCE") in _triples("Israel sealed off the Gaza Strip after the rocket fire.")
