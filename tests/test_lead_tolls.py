"""A toll is the act's, not a second act: "were killed in cross-border shelling between India and Pakistan" is
the shelling of each by the other, "the shelling of Kherson by Russian forces killed five" is Russia's shelling,
and neither adds a killing whose doer is only guessed (the victims' own country)."""

from __future__ import annotations

import pytest
from coding_checks import triples


def _triples(text: str) -> set[tuple[str | None, str | None, str]]:
    return triples(text, date="2024-02-04")


@pytest.mark.parametrize("text, want", [
    (("At least 10 civilians and five soldiers were killed in cross-border shelling between India and Pakistan on "
     "Friday, officials on both sides said."), {("IND", "PAK", "ASSAULT"), ("PAK", "IND", "ASSAULT")}),
    ("Three people were wounded in overnight shelling between Armenian and Azerbaijani forces.",
     {("ARM", "AZE", "ASSAULT"), ("AZE", "ARM", "ASSAULT")}),
    ("The shelling of Kherson by Russian forces killed five civilians on Sunday.", {("RUS", "UKR", "ASSAULT")}),
])
def test_the_toll_belongs_to_the_act(text: str, want: set) -> None:
    got = _triples(text)
    assert want <= got, got
    assert not any(a == r for a, r, t in got if t == "ASSAULT"), got


@pytest.mark.parametrize("text", [
    "GENEVA, Switzerland, The Security Council strongly condemned a ballistic missile launch by North Korea.",
    "VIENNA, Austria, The International Atomic Energy Agency's board censured Iran on Thursday.",
])
def test_a_dateline_ended_by_a_comma_names_no_actor(text: str) -> None:
    got = _triples(text)
    assert got and not any(a in ("CHE", "AUT") for a, _, _ in got), got


def test_the_two_sides_of_the_same_sentence() -> None:
    got = _triples("Armenia and Azerbaijan exchanged fire on the border, and Moscow urged both sides to show restraint.")
    assert {("RUS", "ARM", "REQUEST"), ("RUS", "AZE", "REQUEST")} <= got, got
