"""Accusations waved away and taken back (lexicon6; rows reject.dismiss_claims, reject.dismiss_as, concede.retract, added
with commit 970a61b): the accused dismissing accusations or calling charges baseless rejects them; a court dismissing
charges drops them (CONCEDE); an accusation withdrawn is a concession. Sentences written for this test."""

from __future__ import annotations

import pytest
from lexicon_checks import asserted_pairs

from dyadwatch.coding import Coder
from dyadwatch.nlp import get_nlp


@pytest.fixture(scope="module")
def coder():
    return Coder(get_nlp())


@pytest.mark.parametrize("text,etype,actor,recip", [
    ("The Kremlin dismissed the U.S. allegations on Tuesday.", "REJECT", "RUS", "USA"),
    ("Iran dismissed the report by the IAEA as politically motivated.", "REJECT", "IRN", "IAEA"),
    ("A Kenyan court dismissed the charges against the opposition leader.", "CONCEDE", "KEN", "KEN"),
    ("Ukraine withdrew its accusation against Poland after the investigation.", "CONCEDE", "UKR", "POL"),
])
def test_coded(coder, text, etype, actor, recip):
    got = asserted_pairs(coder, text)
    assert (etype, actor, recip) in got, got


@pytest.mark.parametrize("text,wrong", [
    ("Russia dismissed the accusations as baseless.", "CONCEDE"),
    ("The Kremlin dismissed the U.S. allegations on Tuesday.", "CONCEDE"),
    ("A Kenyan court dismissed the charges against the opposition leader.", "REJECT"),
])
def test_not_coded_as(coder, text, wrong):
    assert wrong not in {t for t, _, _ in asserted_pairs(coder, text)}
