"""Who speaks decides what a reported act is: a side's account of its own joint act or of its
counterpart's concession is the act; one's own announced act is a promise (the dev sets' convention, also when the host reports
a visit to come).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import code_text


def events(text: str):
    return [(e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient), e.modality)
            for e in code_text(text, date="2024-05-14")]


@pytest.mark.parametrize("text,actor,recip", [
    (("Malaysian Prime Minister Anwar Ibrahim told reporters on Friday that he and Indonesian President "
     "Prabowo Subianto had agreed to develop the Ambalat block jointly."), "MYS", "IDN"),
    (("The White House said on Sunday that Colombia had agreed to accept all deportation flights from the "
     "United States."), "COL", "USA"),
    (("Kenya's foreign ministry said Somalia had agreed to reopen the border crossing at Mandera to Kenyan "
     "traders."), "SOM", "KEN"),
])
def test_side_account_of_cooperation_is_asserted(text, actor, recip):
    evs = events(text)
    assert any(t == "AGREE" and actor in a and m == "asserted" for t, a, r, m in evs), evs


@pytest.mark.parametrize("text,actor", [
    ("Pakistan said on Thursday it would release the captured Indian pilot as a peace gesture.", "PAK"),
    ("Egypt announced on Sunday that it will host talks between Israel and Hamas next week.", "EGY"),
    ("Pakistan's army said it would hold talks with Afghan Taliban officials in Kabul next week.", "PAK"),
])
def test_own_pledge_is_an_asserted_promise(text, actor):
    evs = events(text)
    assert any(t == "AGREE" and actor in a and m == "asserted" for t, a, r, m in evs), evs
