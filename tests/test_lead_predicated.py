"""An event noun said of a thing ("the launch was a warning to Seoul"): the act is the thing's owner's,
or in reported speech with no owner the speaker's own; never a party when the thing is another's act."""

from __future__ import annotations

import pytest

from dyadwatch.coding import code_text


def _triples(text: str) -> set[tuple[str | None, str | None, str]]:
    return {(e.actor[0].code if e.actor else None, e.recipient[0].code if e.recipient else None, e.event)
            for e in code_text(text, date="2019-08-01") if e.modality == "asserted"}


@pytest.mark.parametrize("text", [
    "North Korea said the launch was a solemn warning to South Korean warmongers.",
    "The test was a warning to Seoul, the North's official news agency said on Friday.",
    ("Pyongyang said on Thursday that the firing of two new rockets was a stern warning to the South, "
     "which it accused of buying stealth jets and planning drills with Washington."),
    "North Korea called its drills a warning to Seoul.",
])
def test_the_speakers_own_act_called_a_warning_threatens_the_addressee(text: str) -> None:
    assert ("PRK", "KOR", "THREATEN") in _triples(text)


def test_another_partys_act_called_a_warning_is_not_the_speakers_threat() -> None:
    text = ("North Korea fired two missiles into the sea on Thursday. "
            "South Korea said the launch was a warning to Washington.")
    assert not any(a == "KOR" and t == "THREATEN" for a, _, t in _triples(text))


def test_a_named_party_as_subject_is_not_a_thing_characterised() -> None:
    assert not any(t == "THREATEN" for _, _, t in _triples("Seoul is a target, North Korea said."))
