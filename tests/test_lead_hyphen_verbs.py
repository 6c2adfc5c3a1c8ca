"""'North Korea test-fired two missiles': split at the hyphen the parser read 'fired' as an adjective of
'missiles' and the sentence had no verb (no event). Hyphenated verbs of weapons tests stay one token."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyadwatch.coding.coder import code_text
from dyadwatch.nlp import get_nlp


def _asserted(text: str) -> set[tuple[str | None, str]]:
    return {(e.actor[0].code if e.actor else None, e.event) for e in code_text(text, date="2019-07-26")
            if e.modality == "asserted"}


@pytest.mark.parametrize(("text", "actor"), [
    ("North Korea test-fired two short-range ballistic missiles on Thursday.", "PRK"),
    (("SEOUL (Test Wire) - North Korea test-fired two short-range ballistic missiles off its east coast on "
     "Thursday, South Korea's military said, its first launch since the leaders met in June."), "PRK"),
    ("Iran test-launched a new missile, state media said.", "IRN"),
    ("North Korea Test-Fires Two Missiles Into Sea\n\nNorth Korea fired two missiles into the sea on Thursday.",
     "PRK"),
    ("India flight-tested the Agni missile from an island off Odisha.", "IND"),
])
def test_hyphenated_test_verbs_are_weapons_tests(text: str, actor: str) -> None:
    assert (actor, "MOBILIZE") in _asserted(text)


@pytest.mark.parametrize("text", [
    "North Korea has not test-fired a missile since 2017, officials said.",
    "North Korea could test-fire a missile next week, analysts said.",
])
def test_not_done_is_no_event(text: str) -> None:
    assert ("PRK", "MOBILIZE") not in _asserted(text)


def test_kept_whole_and_nothing_else_merged() -> None:
    doc = get_nlp().tokenizer("The North test-fired a US-made Saudi-led well-known missile.")
    assert "test-fired" in [t.text for t in doc]
    assert "US-made" not in [t.text for t in doc] and "well-known" not in [t.text for t in doc]


@given(st.lists(st.sampled_from(["test-fired", "Test-Fires", "test", "-", "fired", "flight-tested", "a",
                                 "missile", "Moon", "Jae-in", "US-led", " ", ","]), max_size=12))
def test_tokenizer_keeps_every_character(parts: list[str]) -> None:
    text = " ".join(parts)
    assert get_nlp().tokenizer(text).text == text
