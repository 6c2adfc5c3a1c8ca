"""Commentary that asserts no act (lexicon3, 2026-12-03): capability, expectation, hedging, generalisation,
counterfactuals and inferred dispositions in op-ed and analysis shapes; showing something is no demonstration in
the street; an inverted condition ("Should Iran attack, ...") is no demand. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import code_text


def events(text: str):
    return [(e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient), e.modality)
            for e in code_text(text, date="2024-05-14")]


NOT_ASSERTED = [
    # capability
    "North Korea has shown that it could hit the American mainland with its newest missiles.",
    "With its new drones, Iran has the means to strike shipping anywhere in the Gulf.",
    "The launch demonstrated Pyongyang's ability to hit Guam, analysts said.",
    # expectation
    "Israel is widely expected to retaliate against Iran within days, diplomats say.",
    "Most analysts expect Beijing to sanction more American defence firms before the vote.",
    # hedging
    "Moscow seems to be preparing a fresh offensive around Kharkiv.",
    "Beijing appears to have supplied drone engines to Russian manufacturers.",
    # generalisation
    "Russia has long sought to divide the European Union over energy.",
    "Pyongyang routinely fires missiles into the sea during joint U.S.-South Korean drills.",
    # counterfactuals
    "Had Washington armed Kyiv in 2014, Russia would never have invaded Ukraine.",
    "Were China to blockade Taiwan, Washington would have little choice but to intervene.",
    # possibilities named by a noun of risk or fear over a gerund
    "The prospect of Russia invading the Baltic states alarms NATO planners.",
    "Fears of China blockading Taiwan have pushed up shipping insurance rates.",
    # an earlier occasion set against the news
    "The last time Russia invaded a neighbour, the West imposed only token sanctions.",
    # dispositions inferred by the writer, no statement of intent
    "The war has shown that Russia is willing to bomb hospitals and schools in Ukraine.",
    "Western officials believe Iran is ready to strike Israel from its own territory.",
]


@pytest.mark.parametrize("text", NOT_ASSERTED)
def test_commentary_asserts_no_act(text):
    evs = events(text)
    assert not [e for e in evs if e[3] == "asserted"], evs


@pytest.mark.parametrize("text,etype,actor", [
    ("Latvia expels two Russian diplomats in tit-for-tat move", "SANCTION", "LVA"),
    ("Beijing slaps sanctions on U.S. defence firms over Taiwan arms sale", "SANCTION", "CHN"),
    ("Hamas frees four Israeli hostages as truce holds", "RETREAT", "PSE"),
])
def test_a_headline_present_reports_todays_news(text, etype, actor):
    evs = events(text)
    assert any(t == etype and actor in a and m == "asserted" for t, a, r, m in evs), evs


@pytest.mark.parametrize("text,wrong", [
    ("Sudan's RSF accused of massacre in Darfur village", ("ACCUSE", "SDN")),
    ("Russia accused of war crimes in Bucha by U.N. investigators", ("ACCUSE", "RUS")),
])
def test_a_headline_participle_is_passive(text, wrong):
    # the 'is' a headline leaves out: the subject is the one accused, not the accuser
    evs = events(text)
    assert not [e for e in evs if e[0] == wrong[0] and wrong[1] in e[1]], evs


def test_a_headline_with_its_object_is_active():
    evs = events("Manila accuses Beijing of ramming supply boat")
    assert any(t == "ACCUSE" and "PHL" in a and "CHN" in r for t, a, r, m in evs), evs


def test_a_present_in_a_sentence_is_still_a_habit():
    evs = events("Moscow routinely bullies its smaller neighbours.")
    assert not [e for e in evs if e[3] == "asserted"], evs
    evs = events("Beijing bullies its smaller neighbours, critics say.")
    assert not [e for e in evs if e[3] == "asserted"], evs


def test_denying_an_act_rejects_nothing():
    evs = events("Moscow denied attacking the maternity hospital in Mariupol.")
    assert not [e for e in evs if e[0] == "REJECT"], evs
    assert not [e for e in evs if e[3] == "asserted"], evs


def test_a_statement_of_readiness_is_still_a_threat():
    evs = events("Iran said on Monday it was ready to strike Israel if the attacks continued.")
    assert any(t == "THREATEN" and "IRN" in a and m == "asserted" for t, a, r, m in evs), evs


@pytest.mark.parametrize("text", [
    "Tehran has demonstrated its resolve to answer any attack, the commander said.",
    "Iran has demonstrated that it can strike Israel directly.",
    "The exercise demonstrated the navy's readiness to defend the islands.",
])
def test_showing_is_no_street_demonstration(text):
    evs = events(text)
    assert not [e for e in evs if e[0] == "PROTEST"], evs


def test_protesters_demonstrating_still_protest():
    evs = events("Thousands of Georgians demonstrated outside parliament in Tbilisi on Sunday.")
    assert any(t == "PROTEST" and "GEO" in a for t, a, r, m in evs), evs


@pytest.mark.parametrize("text", [
    "Should Iran attack, Israel would respond with overwhelming force.",
    "Should Moscow cut the gas supply, Berlin would tap its reserves.",
])
def test_an_inverted_condition_is_no_demand(text):
    evs = events(text)
    assert not [e for e in evs if e[0] == "REQUEST"], evs
    assert not [e for e in evs if e[0] in ("ASSAULT", "SANCTION", "COERCE") and e[3] == "asserted"], evs


def test_a_should_after_the_subject_is_still_a_demand():
    evs = events("Washington said Israel should allow more aid into Gaza.")
    assert any(t == "REQUEST" and "USA" in a and "ISR" in r for t, a, r, m in evs), evs
