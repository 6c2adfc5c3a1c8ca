"""Plans of force and force not ruled out are threats; an act reacted to took place; headline
infinitives are future; unnamed critics' accusations are claims. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import code_text


def events(text: str):
    return [(e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient), e.modality)
            for e in code_text(text, date="2024-05-14")]


def asserted(text: str):
    return {(t, a, r) for t, a, r, m in events(text) if m == "asserted"}


PLANNED_FORCE = [
    # a speaker's own plans to use force: a threat, not an investigation (ACCUSE) nor an asserted attack
    ("North Korea said on Wednesday it was carefully examining plans to fire missiles at waters near Guam.",
     "PRK"),
    ("North Korea said on Wednesday it was carefully examining plans to strike Guam with missiles.", "PRK"),
    (("Iran's Revolutionary Guards said they were drawing up plans to strike American bases across the Gulf "
     "if Washington attacked Iranian soil."), "IRN"),
    ("Venezuela's defence minister said the army was studying plans to invade the disputed Essequibo region.",
     "VEN"),
    (("CARACAS, Dec 4 (Wire) - Venezuela said on Monday it was considering plans to seize the oil fields "
     "of neighbouring Guyana, days after a referendum on the territory."), "VEN"),
]


@pytest.mark.parametrize("text,actor", PLANNED_FORCE)
def test_plans_of_force_are_a_threat(text, actor):
    evs = events(text)
    assert not [e for e in evs if e[0] == "ACCUSE"], evs
    assert not [e for e in evs if e[0] in ("ASSAULT", "COERCE") and e[3] == "asserted"], evs
    assert any(t == "THREATEN" and actor in a and m == "asserted" for t, a, r, m in evs), evs


NOT_RULED_OUT = [
    ("Israel did not rule out military action against Iran's nuclear sites, the defence minister said.",
     "ISR", "IRN"),
    (("Turkey would not rule out fresh strikes on Kurdish militants in northern Iraq, President Erdogan "
     "told reporters on Tuesday."), "TUR", "IRQ"),
    (("Asked about the standoff, the Indian army chief said New Delhi had not ruled out the use of force "
     "against Pakistan."), "IND", "PAK"),
    ("Washington has refused to rule out an invasion of Venezuela.", "USA", "VEN"),
    ("The State Department said Washington had not ruled out sanctions against Turkish banks.", "USA", "TUR"),
    ("Erdogan said he could not rule out a new military operation in northern Syria.", "TUR", "SYR"),
]


@pytest.mark.parametrize("text,actor,recip", NOT_RULED_OUT)
def test_force_not_ruled_out_is_a_threat(text, actor, recip):
    evs = events(text)
    assert any(t == "THREATEN" and actor in a and m == "asserted" for t, a, r, m in evs), evs
    assert not [e for e in evs if e[0] == "REJECT" and e[3] == "asserted"], evs


@pytest.mark.parametrize("text", [
    "Seoul did not rule out talks with Pyongyang later this year, the unification ministry said.",
    "The government has not ruled out legal action against the shipping company.",
    "Tokyo ruled out military action against North Korea.",
])
def test_other_rule_out_is_no_threat(text):
    assert not any(t == "THREATEN" for t, a, r, m in events(text)), events(text)


REACTED_TO = [
    ("Beijing has yet to respond to Manila's protest over the collision near Second Thomas Shoal.",
     "ACCUSE", "PHL"),
    ("Moscow has not replied to Tokyo's request for an explanation of the airspace violation.", "REQUEST",
     "JPN"),
    ("The Chinese embassy did not respond to Canberra's protest, which was lodged on Monday.", "ACCUSE",
     "AUS"),
]


@pytest.mark.parametrize("text,etype,actor", REACTED_TO)
def test_the_act_reacted_to_took_place(text, etype, actor):
    evs = events(text)
    assert any(t == etype and actor in a and m == "asserted" for t, a, r, m in evs), evs


@pytest.mark.parametrize("text", [
    "Pakistan to release captured Indian pilot on Friday",
    "Japan to send destroyers to the Strait of Hormuz",
])
def test_headline_infinitive_is_future(text):
    evs = events(text)
    assert evs and all(m != "asserted" for t, a, r, m in evs), evs


@pytest.mark.parametrize("text", [
    "Critics say Ankara is using the refugees to blackmail Brussels.",
    "Opponents of the deal say Moscow is using gas supplies to blackmail European governments.",
    "Critics say Beijing is bullying Manila in the South China Sea.",
    "Analysts say Beijing is pressuring Manila to abandon its claims to the shoal.",
    "Critics of the government say Budapest has blackmailed the European Union over aid to Ukraine.",
])
def test_unnamed_critics_claim(text):
    evs = events(text)
    assert evs and all(m != "asserted" for t, a, r, m in evs), evs


@pytest.mark.parametrize("text,etype", [
    # named sides still speak for themselves; a pledge of one's own act stays an asserted promise
    ("Greek officials say Ankara is using the migrants to blackmail Brussels.", "THREATEN"),
    ("Pakistan said on Thursday it would release the captured Indian pilot as a peace gesture.", "AGREE"),
    ("The Japanese government said it would provide $50 million in emergency aid to the Philippines.",
     "AGREE"),
])
def test_sides_and_pledges_stay_asserted(text, etype):
    assert any(t == etype for t, a, r in asserted(text)), events(text)


@pytest.mark.parametrize("text,actor", [
    ("Israel's security cabinet said it had approved plans for an offensive in southern Lebanon.", "ISR"),
    (("MOSCOW (Wire) - The Russian defence ministry said on Friday it had approved plans for strikes on "
     "Ukrainian arms depots."), "RUS"),
])
def test_approved_plans_of_force_are_a_threat(text, actor):
    evs = events(text)
    assert not any(t == "SUPPORT" for t, a, r, m in evs), evs
    assert any(t == "THREATEN" and actor in a and m == "asserted" for t, a, r, m in evs), evs


def test_plans_weighed_are_no_promise_and_a_planned_exit_a_threat():
    aid = events("Egypt said on Monday it was studying plans to send aid convoys to Sudan through the Argeen crossing.")
    assert not any(m == "asserted" and t in ("AGREE", "AID") for t, a, r, m in aid), aid
    exit_ = events("Iran said it was reviewing plans to withdraw from the nuclear agreement with world powers.")
    assert any(t == "THREATEN" and "IRN" in a and m == "asserted" for t, a, r, m in exit_), exit_
    assert not any(t == "REJECT" and m == "asserted" for t, a, r, m in exit_), exit_
