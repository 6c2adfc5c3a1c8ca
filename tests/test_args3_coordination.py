"""Coordinated verbs share one subject: "seized the ships and detained their crews", "condemned and
sanctioned", and a simple past joined with ", and" after a clause of saying whose verb has its own
auxiliary ("said X had hacked ..., and summoned the envoy") is the sayer's act. Sentences are ours."""

from __future__ import annotations

import pytest
from test_coding_arguments import triples


@pytest.mark.parametrize("text, expected", [
    ("Russian border guards seized two Ukrainian gunboats and detained their crews near the strait on Sunday.",
     {("RUS", "UKR", "COERCE")}),
    ("The United States condemned and sanctioned Nicaragua on Monday over the jailing of opposition figures.",
     {("USA", "NIC", "ACCUSE"), ("USA", "NIC", "SANCTION")}),
])
def test_coordinated_verbs_share_the_subject(text, expected):
    got = triples(text)
    assert expected <= got, got


@pytest.mark.parametrize("text, expected", [
    (("The Dutch government said on Tuesday that hackers working for Russia's military intelligence had broken "
     "into a ministry network, and summoned the Russian ambassador to demand an end to the attacks."),
     ("NLD", "RUS", "ACCUSE")),
    (("Japan said on Friday that two Chinese coast guard ships had entered its territorial waters near the "
     "islands, and lodged a protest with Beijing through diplomatic channels."),
     ("JPN", "CHN", "ACCUSE")),
])
def test_a_simple_past_after_a_reported_perfect_is_the_sayers_act(text, expected):
    got = triples(text)
    assert expected in got, got


def test_a_conjunct_sharing_the_auxiliary_stays_with_the_embedded_subject():
    # "had entered ... and had seized": both the ships'; the speaker seized nothing
    got = triples("Manila said on Friday that Chinese coast guard vessels had blocked a supply boat and seized "
                  "its cargo near the shoal.")
    assert not any(a == "PHL" and t == "COERCE" for a, _r, t in got), got
