"""Two senses that real news kept mixing up: receiving a delegation is a visit (letting inspectors in is still
access), and declaring combat readiness is a mobilization, not a willingness to agree."""

from __future__ import annotations

import pytest
from coding_checks import triples


@pytest.mark.parametrize("text, want, wrong", [
    ("Egypt received a Hamas delegation in Cairo on Monday for talks on a truce.", ("EGY", "PSE", "CONSULT"),
     ("EGY", "EGY", "RETREAT")),
    ("A Hamas delegation was received by Egyptian intelligence chief Abbas Kamel in Cairo.",
     ("EGY", "PSE", "CONSULT"), ("EGY", "PSE", "RETREAT")),
    ("Serbia declared full combat readiness of its army and police on Sunday.", ("SRB", None, "MOBILIZE"),
     ("SRB", "SRB", "AGREE")),
])
def test_the_right_sense(text: str, want: tuple, wrong: tuple) -> None:
    got = triples(text)
    assert want in got and wrong not in got, got


def test_readiness_to_talk_is_still_agreement() -> None:
    assert ("SRB", "XKX", "AGREE") in triples("Serbia signalled readiness to resume talks with Kosovo.")
