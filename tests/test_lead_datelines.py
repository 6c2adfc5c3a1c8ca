"""Datelines as wire services really write them, found by one function (ingest.debris.find_dateline) that the
cleaner, the coder, the placer and the confidence model share: capitals or title case, dates with a dot,
agencies in parentheses or slashes, a colon, no dash after an agency; and the sentences that only look alike."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyadwatch.coding import code_text
from dyadwatch.ingest.debris import find_dateline


@pytest.mark.parametrize("text, place, body", [
    ("Seoul, Jan. 5 (Harbour Wire) -- North Korea fired a missile.", "Seoul", "North Korea fired a missile."),
    ("MOSCOW, Jan 3 /TESTWIRE/. Russia expelled two diplomats.", "MOSCOW", "Russia expelled two diplomats."),
    ("BEIJING: China warned Manila on Monday.", "BEIJING", "China warned Manila on Monday."),
    ("New Delhi, May 6 (TNW) Indian troops fired at posts.", "New Delhi", "Indian troops fired at posts."),
    ("Islamabad (Test Wire) - Pakistan protested.", "Islamabad", "Pakistan protested."),
    ("Tripoli, Libya (Test Wire) — Militias clashed.", "Tripoli", "Militias clashed."),
    ("NEW DELHI, May 6 (Test Wire) — Troops fired.", "NEW DELHI", "Troops fired."),
])
def test_wire_datelines(text: str, place: str, body: str) -> None:
    d = find_dateline(text)
    assert d is not None and d["place"] == place and text[d["end"]:] == body


@pytest.mark.parametrize("text", [
    "Russia, Ukraine — talks resume in Istanbul.",
    "Pakistan, India - the talks resumed.",
    "Iran (Tehran) said it would respond.",
    "NATO (the alliance) met on Monday.",
    "UPDATE 2: talks resume.",
    "Note: the figures are provisional.",
    "Israel, on Monday (local time) said it struck Gaza.",
])
def test_sentences_that_only_look_like_datelines(text: str) -> None:
    assert find_dateline(text) is None


@given(st.text(max_size=200))
def test_any_text_gives_a_dateline_inside_it_or_none(text: str) -> None:
    d = find_dateline(text)
    assert d is None or (0 < d["end"] <= len(text) and d["place"] and d["place"] in text[:d["end"]])


@pytest.mark.parametrize("text, actor", [
    (("Seoul, Jan. 5 (Harbour Wire) -- North Korea fired a ballistic missile into the sea on Tuesday, the "
     "military said."), "PRK"),
    ("Kyiv, March 2 (Test Wire) - Russian forces shelled Kharkiv overnight, officials said.", "RUS"),
])
def test_a_title_case_dateline_names_no_actor(text: str, actor: str) -> None:
    events = [e for e in code_text(text, date="2024-05-06") if e.modality == "asserted"]
    assert events and all(e.actor and e.actor[0].code == actor for e in events), [
        (e.actor[0].code if e.actor else None, e.event) for e in events]
