"""Critics are a side: "critics in Seoul" are South Koreans at home, and their accusation is an event."""

from __future__ import annotations

import pytest

from dyadwatch.coding import code_text


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Critics in Seoul accused the South Korean government of appeasement on Monday.", "KOR", "KOR"),
    ("Critics in Washington accused China of stealing trade secrets.", "USA", "CHN"),
    ("Fierce critics of the Kremlin in Moscow condemned the arrest of the opposition leader by Russian police.",
     "RUS", "RUS"),
])
def test_critics_in_a_capital_accuse(text: str, actor: str, recipient: str) -> None:
    got = {(e.actor[0].code if e.actor else None, e.recipient[0].code if e.recipient else None)
           for e in code_text(text, date="2020-01-01") if e.event == "ACCUSE" and e.modality == "asserted"}
    assert (actor, recipient) in got
