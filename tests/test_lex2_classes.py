"""Trigger classes added by lexicon2 (evening of 2026-12-02): tariff and trade measures as light verbs and nouns,
accusations by metaphor (an object predicate or an 'as' phrase), crowds marching on a seat of power, weapons used
or turned against a target, and the legal sense of 'condemn' only with its 'to'. Each sentence was written for
this test in wire shapes; the NEGATIVE ones are the other senses of the same words."""

from __future__ import annotations

import pytest
from lexicon_checks import assert_fires, assert_no_entry, prefilter_losses
from test_lex_wire import fired

from dyadwatch.coding import Coder
from dyadwatch.ingest.article import Article
from dyadwatch.nlp import get_nlp

POSITIVE = [
    # tariffs and trade measures
    ("SANCTION", "Washington raised tariffs on $300 billion of Chinese imports late on Thursday, officials said."),
    ("SANCTION", "The administration slapped tariffs on Brazilian steel and aluminium, citing national security."),
    ("SANCTION", "Beijing answered the latest U.S. tariff hike with its own list of targets, the commerce ministry said."),
    ("SANCTION", "Ottawa retaliated with levies on American whiskey and motorcycles on Monday."),
    ("SANCTION", "Brussels slapped provisional anti-dumping duties on Chinese solar panels."),
    ("SANCTION", "Canada imposed a 100 percent surtax and duties on Chinese electric vehicles."),
    ("SANCTION", "The Commerce Department widened export controls on advanced chips to include more Chinese firms."),
    ("SANCTION", "India hit back with higher duties on 28 American products, including almonds and apples."),
    # metaphorical accusations
    ("ACCUSE", "Paris called the Australian decision a stab in the back by a close ally."),
    ("ACCUSE", "Beijing branded the congressional delegation's trip a provocation, state media reported."),
    ("ACCUSE", "Tehran denounced the seizure of its tanker off Gibraltar as piracy."),
    ("ACCUSE", "The Kremlin described the confiscation of Russian diplomatic property as daylight robbery."),
    ("ACCUSE", "Kyiv called the annexation vote a sham and a land grab, the foreign ministry said."),
    ("ACCUSE", "Ottawa called the decision a slap in the face for Canadian workers."),
    # street protest idioms
    ("PROTEST", "Tens of thousands of Georgians took to the streets of Tbilisi for a fifth night on Sunday."),
    ("PROTEST", "Opposition supporters rallied outside parliament in Belgrade, demanding a new election."),
    ("PROTEST", "Demonstrators marched on the presidential palace in Khartoum, chanting against the army."),
    ("PROTEST", "Thousands of protesters converged on the parliament building in Nairobi on Tuesday."),
    # weapons used or turned against a target
    ("ASSAULT", "Russia used Iranian-made drones against Ukraine's power grid overnight, Kyiv said."),
    ("ASSAULT", "Government forces deployed chemical weapons against civilians in the besieged suburb."),
    ("ASSAULT", "The army turned its guns on the protesters in the capital, witnesses said."),
    ("ASSAULT", "Ethiopian forces used armed drones against rebel positions in the north."),
    ("ASSAULT", "Mutinous troops turned their weapons on their commanders at the barracks."),
    # condemn to: a sentence
    ("SANCTION", "A court in Minsk condemned the opposition leader to 15 years in a penal colony."),
    ("SANCTION", "The judge condemned him to ten years in prison for treason."),
]

NEGATIVE = [
    ("SANCTION", "Egypt was quick to condemn the Israeli strike on Rafah, the foreign ministry said."),
    ("SANCTION", "Germany was among the first countries to condemn the invasion."),
    ("SANCTION", "The soldier was on duty at the checkpoint when the blast happened."),
    ("SANCTION", "The sergeant returned to active duty after the inquiry."),
    ("SANCTION", "The minister responded with a statement on Friday."),
    ("ASSAULT", "Israel deployed Patriot air defence batteries against Iranian missiles."),
    ("ASSAULT", "The police used drones to monitor the crowd at the stadium."),
    ("ASSAULT", "The opposition used the scandal against the government in the campaign."),
    ("ASSAULT", "The government deployed its diplomats against the resolution at the UN."),
    ("RETREAT", "The army turned its guns on the protesters in the capital, witnesses said."),
    ("PROTEST", "Russian troops marched on Kyiv in February 2022."),
    ("ACCUSE", "The minister described the talks as frank and useful."),
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


def test_coded_events_of_the_classes(nlp):
    coder = Coder(nlp)
    cases = [
        ("Washington raised tariffs on $300 billion of Chinese imports late on Thursday.", "SANCTION", "USA", "CHN"),
        ("Ottawa retaliated with levies on American whiskey and motorcycles on Monday.", "SANCTION", "CAN", "USA"),
        ("Russia used Iranian-made drones against Ukraine's power grid overnight.", "ASSAULT", "RUS", "UKR"),
        ("Egypt was quick to condemn the Israeli strike on Rafah.", "ACCUSE", "EGY", "ISR"),
    ]
    arts = [Article(text=t, date="2024-05-06", raw_id=str(i)) for i, (t, *_) in enumerate(cases)]
    for (text, etype, actor, recip), evs in zip(cases, coder.code_many(arts)):
        got = {(e.event, a.code, r.code) for e in evs if e.modality == "asserted" for a in e.actor for r in e.recipient}
        assert (etype, actor, recip) in got, (text, got)
    evs = coder.code_many([Article(text=cases[3][0], date="2024-05-06", raw_id="x")])[0]
    assert "SANCTION" not in {e.event for e in evs}


def test_the_prefilter_keeps_every_event_of_the_classes(nlp):
    lost = prefilter_losses(Coder(nlp), [t for _, t in POSITIVE + NEGATIVE])
    assert not lost, lost
