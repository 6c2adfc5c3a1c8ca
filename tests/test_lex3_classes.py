"""Trigger classes added by lexicon3 (2026-12-03): envoys declared persona non grata, measures in kind vowed or
answered with, people left dead by an attack, annexation with any object. Each sentence was written for this test
in wire shapes; the NEGATIVE ones are the other senses of the same words."""

from __future__ import annotations

import pytest
from lexicon_checks import assert_fires, assert_no_entry, prefilter_losses
from test_lex_wire import fired

from dyadwatch.coding import Coder
from dyadwatch.ingest.article import Article
from dyadwatch.nlp import get_nlp

POSITIVE = [
    # envoys declared unwelcome
    ("SANCTION", "Moscow declared the Moldovan ambassador persona non grata late on Thursday, the ministry said."),
    ("SANCTION", "Two Latvian diplomats were declared persona non grata and given a week to leave."),
    ("SANCTION", "In a tit-for-tat move, Baku declared a French embassy employee persona non grata."),
    # measures in kind
    ("THREATEN", "Beijing vowed reciprocal measures against Washington after the new chip curbs were announced."),
    ("THREATEN", "The Kremlin threatened tit-for-tat steps if the assets were confiscated."),
    ("SANCTION", "Ottawa responded with reciprocal measures on Wednesday, its trade minister said."),
    # people left dead by the attack
    ("ASSAULT", "Gunmen attacked a village in central Mali overnight, leaving at least 40 villagers dead."),
    ("ASSAULT", "Jihadists left dozens of soldiers dead near the border with Niger, security sources said."),
    ("ASSAULT", "Militants left 14 police officers wounded in the raid on the station."),
    # diplomatic complaints in protocol language, public rebukes by phrasal verb
    ("ACCUSE", "Beijing lodged stern representations with Tokyo over the visit to the shrine."),
    ("ACCUSE", "The foreign ministry made a formal demarche to the Indian embassy on Friday."),
    ("ACCUSE", "Ottawa called out Beijing over the harassment of Canadian diplomats."),
    # foreign forces or envoys ordered out; entities listed or designated
    ("SANCTION", "The junta in Niamey ordered the departure of French troops by the end of the year."),
    ("SANCTION", "Ouagadougou ordered French special forces out of the country within a month."),
    ("SANCTION", "The Commerce Department added 12 Chinese firms to the Entity List on Tuesday."),
    ("SANCTION", "Beijing put Lockheed Martin on its unreliable entity list."),
    ("SANCTION", "The Treasury designated two Hezbollah financiers and a money exchange in Beirut."),
    # refusals and rebukes by idiom; a phrasal verb decides over a preposition
    ("REJECT", "Netanyahu slammed the door on a Palestinian state at a news conference."),
    ("REJECT", "The Kremlin gave short shrift to the proposal for a Christmas truce."),
    ("ACCUSE", "Kyiv took aim at Budapest over its veto of the aid package."),
    ("ACCUSE", "Beijing fired back at Washington over the chip curbs on Wednesday."),
    # force as the answer; hinted force
    ("ASSAULT", "Islamabad retaliated with airstrikes on militant hideouts inside Iran."),
    ("THREATEN", "Moscow hinted at a nuclear response to the deployment of the missiles."),
    # a headline's bare noun the tagger reads as an adjective
    ("ASSAULT", "Azerbaijan launches offensive in Nagorno-Karabakh"),
    # annexation
    ("COERCE", "Russia annexed Crimea in March 2014 after a referendum held under military occupation."),
    ("COERCE", "The peninsula was annexed by Moscow after troops without insignia seized its parliament."),
]

NEGATIVE = [
    ("SANCTION", "The minister declared the talks a success and flew home."),
    ("THREATEN", "China promised reciprocal visits by its premier to Canberra next year."),
    ("THREATEN", "The two leaders pledged reciprocal support for their bids to host the summit."),
    ("ASSAULT", "The floods left thousands of families homeless in Sindh province."),
    ("ASSAULT", "The president left Paris for Berlin on Monday."),
    ("RETREAT", "Gunmen attacked a village in central Mali overnight, leaving at least 40 villagers dead."),
    ("COERCE", "A list of the detainees was annexed to the report submitted to the council."),
    ("SANCTION", "The chef added sugar to the list of ingredients."),
    ("SANCTION", "The government designated the forest a national park."),
    ("REJECT", "The minister closed the door on his way out of the meeting."),
    ("ASSAULT", "Beijing fired back at Washington over the chip curbs on Wednesday."),
    ("ACCUSE", "The referee called out the names of the winners at the ceremony."),
    ("AID", "Washington offered Tehran sanctions relief in exchange for limits on enrichment."),
]


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


@pytest.mark.parametrize("etype,text", POSITIVE, ids=[f"{t}-{i}" for i, (t, _) in enumerate(POSITIVE)])
def test_an_entry_of_the_class_fires(nlp, etype, text):
    assert_fires(fired, nlp, etype, text)


@pytest.mark.parametrize("etype,text", NEGATIVE, ids=[f"not-{t}-{i}" for i, (t, _) in enumerate(NEGATIVE)])
def test_the_other_sense_fires_no_entry_of_the_type(nlp, etype, text):
    assert_no_entry(fired, nlp, etype, text)


CODED = [
    ("The junta in Niamey ordered the departure of French troops by the end of the year.", "SANCTION", "NER", "FRA"),
    ("Russia declared the Moldovan ambassador persona non grata on Thursday.", "SANCTION", "RUS", "MDA"),
    ("Brazil vowed reciprocal measures against the United States on Thursday.", "THREATEN", "BRA", "USA"),
    ("Russian forces annexed the four regions of Ukraine after staged votes.", "COERCE", "RUS", "UKR"),
]


@pytest.mark.parametrize("text,etype,actor,recip", CODED)
def test_coded_events_of_the_classes(nlp, text, etype, actor, recip):
    evs = Coder(nlp).code_many([Article(text=text, date="2024-05-06", raw_id="x")])[0]
    got = {(e.event, a.code, r.code) for e in evs if e.modality == "asserted" for a in e.actor for r in e.recipient}
    assert (etype, actor, recip) in got, got


def test_a_toll_is_part_of_the_attack_it_follows(nlp):
    # the strike is the event; the dead it left are its toll, no second attack (and no retreat of anyone)
    evs = Coder(nlp).code_many([Article(text="A Russian missile strike on Odesa left 12 people dead on Monday.",
                                        date="2024-05-06", raw_id="x")])[0]
    assert [e.event for e in evs] == ["ASSAULT"], [(e.event, e.lexicon_id) for e in evs]


@pytest.mark.parametrize("text,actor,recip", [
    ("North Korea said it would respond with nuclear weapons to any attack by Seoul.", "PRK", None),
    ("Beijing said it reserved the right to take countermeasures against Washington.", "CHN", "USA"),
])
def test_force_or_penalties_promised_in_answer_are_threats(nlp, text, actor, recip):
    evs = Coder(nlp).code_many([Article(text=text, date="2024-05-06", raw_id="x")])[0]
    got = [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient], e.modality) for e in evs]
    assert any(t == "THREATEN" and actor in a and m == "asserted" and (recip is None or recip in r)
               for t, a, r, m in got), got
    assert not [g for g in got if g[0] in ("ASSAULT", "SANCTION") and g[3] == "asserted"], got


def test_armed_men_taking_aim_rebuke_no_one(nlp):
    evs = Coder(nlp).code_many([Article(text="Israeli snipers took aim at the crowd near the fence in Gaza.",
                                        date="2024-05-06", raw_id="x")])[0]
    assert "ACCUSE" not in {e.event for e in evs}, [(e.event, e.lexicon_id) for e in evs]


def test_own_forces_ordered_home_are_no_expulsion(nlp):
    evs = Coder(nlp).code_many([Article(text="Putin ordered the withdrawal of his troops from Kherson.",
                                        date="2024-05-06", raw_id="x")])[0]
    assert "SANCTION" not in {e.event for e in evs}, [(e.event, e.lexicon_id) for e in evs]


def test_a_topic_compound_is_no_act_of_its_own(nlp):
    # the truce is agreed; the tariffs it pauses are no sanction imposed
    evs = Coder(nlp).code_many([Article(text="Washington and Beijing agreed to a 90-day tariff truce in Geneva.",
                                        date="2024-05-06", raw_id="x")])[0]
    assert "AGREE" in {e.event for e in evs}
    assert "SANCTION" not in {e.event for e in evs}, [(e.event, e.lexicon_id) for e in evs]


def test_the_prefilter_keeps_every_event_of_the_classes(nlp):
    lost = prefilter_losses(Coder(nlp), [t for _, t in POSITIVE + NEGATIVE] + [t for t, *_ in CODED])
    assert not lost, lost
