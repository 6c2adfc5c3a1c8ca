"""Joint acts go both ways: an agreement signed with one or several parties ("signed agreements worth
$2 billion with China", "with Russia and China"), talks held with several parties, a visit made for
talks with a named party. A visit with no talks named stays one way. Sentences are ours."""

from __future__ import annotations

import pytest
from test_coding_arguments import triples


def pairs(text: str, etype: str) -> set[tuple]:
    return {(a, r) for a, r, t in triples(text) if t == etype}


@pytest.mark.parametrize("text, etype, parties", [
    (("Kenya signed agreements worth $2 billion with China on Monday to build a railway line, the president's "
     "office said."), "SUPPORT", ("KEN", "CHN")),
    ("Iran signed a strategic partnership agreement with Russia and China in Tehran on Tuesday.",
     "SUPPORT", ("IRN", "RUS", "CHN")),
    ("Turkey held talks with Russia and Iran in Astana on Thursday on the future of northern Syria.",
     "CONSULT", ("TUR", "RUS", "IRN")),
    (("The Turkish foreign minister arrived in Baghdad on Monday for talks with Iraq's prime minister on water "
     "and security."), "CONSULT", ("TUR", "IRQ")),
])
def test_every_party_acts_on_every_other(text, etype, parties):
    got = pairs(text, etype)
    want = {(a, b) for a in parties for b in parties if a != b}
    assert want <= got, got


def test_a_visit_without_talks_stays_one_way():
    got = pairs("The German foreign minister visited Albania on Tuesday, the first such trip in decades.", "CONSULT")
    assert ("DEU", "ALB") in got and ("ALB", "DEU") not in got, got


def test_two_delegations_arriving_for_talks_talk_with_each_other():
    got = pairs("U.S. and Russian negotiators arrived in Geneva on Tuesday for talks on limiting nuclear missiles.",
                "CONSULT")
    assert {("USA", "RUS"), ("RUS", "USA")} <= got, got
    assert not any("CHE" in p for p in got), got


@pytest.mark.parametrize("text, parties", [
    (("Talks between Ethiopia and Somalia, hosted by Turkey in Ankara, ended on Wednesday with both sides agreeing to "
     "work together on sea access."), ("ETH", "SOM")),
    ("The talks between Armenia and Azerbaijan ended late on Friday with both sides agreeing to meet again next month.",
     ("ARM", "AZE")),
])
def test_both_sides_are_the_parties_named_between(text, parties):
    got = pairs(text, "AGREE")
    a, b = parties
    assert {(a, b), (b, a)} <= got, got
    assert not any("TUR" in p for p in got), got


def test_both_named_parties_blaming_the_other_accuse_each_other():
    got = pairs("India and Pakistan exchanged fire across the border overnight, and both countries blamed the other.",
                "ACCUSE")
    assert {("IND", "PAK"), ("PAK", "IND")} <= got, got
