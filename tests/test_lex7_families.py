"""Synonym families of issue 8's list in their verb, passive, nominal and light-verb forms (lexicon7): goods carried
to those in need (AID), deliveries of aircraft, an envoy recalled (the envoy's own country acts) or expelled (the host
acts), assets frozen as a noun, riot weapons used and aid arriving as nouns, rockets intercepted (no seizure), taking part in an attack ("were engaged in ethnic cleansing"), an agreement ended,
an allegation denounced (REJECT); and the senses that are none of them: a game won ("beat Argentina 2-0"), a product
recall, freezing weather, a deal struck, a website launched. Sentences written for this test."""

from __future__ import annotations

import pytest
from lexicon_checks import assert_coded, asserted_pairs

from dyadwatch.coding import Coder
from dyadwatch.nlp import get_nlp


@pytest.fixture(scope="module")
def coder():
    return Coder(get_nlp())


CODED = [
    # AID: goods carried, aircraft delivered
    ("The World Food Programme transported 700 tons of food to Sudan's South Kordofan state last week.",
     "AID", "UNO", "SDN"),
    ("Turkish ships ferried medical supplies to Gaza on Monday.", "AID", "TUR", "PSE"),
    ("The delivery of F-16 jets from Denmark to Ukraine has begun, officials in Copenhagen said.", "AID", "DNK", "UKR"),
    ("Deliveries of fighter jets from the Netherlands to Ukraine began in the spring.", "AID", "NLD", "UKR"),
    # SANCTION: an envoy recalled by his own country, expelled by the host; assets frozen (noun)
    ("The recall of the French ambassador from Niger marked a new low in relations.", "SANCTION", "FRA", "NER"),
    ("France's recall of its ambassador from Niger angered the junta.", "SANCTION", "FRA", "NER"),
    ("Poland announced the withdrawal of its ambassador from Minsk on Friday.", "SANCTION", "POL", "BLR"),
    ("The expulsion of two Estonian diplomats by Russia drew a sharp protest from Tallinn.",
     "SANCTION", "RUS", "EST"),
    ("Poland announced the expulsion of four Russian diplomats.", "SANCTION", "POL", "RUS"),
    ("The European Union ordered a freeze of Russian central bank assets.", "SANCTION", "EUR", "RUS"),
    ("Washington imposed a freeze on the assets of Venezuelan officials.", "SANCTION", "USA", "VEN"),
    # taking part in an act: the subject does it
    ("Israeli soldiers participated in the raid on the Jenin camp, the army said.", "COERCE", "ISR", "PSE"),
    ("Serb forces were engaged in ethnic cleansing in Kosovo, the report said.", "ASSAULT", "SRB", ""),
    # REJECT: an agreement ended; an allegation denounced
    ("Niger's junta ended a military agreement with the United States.", "REJECT", "NER", "USA"),
    ("The Kremlin condemned the U.S. accusations as lies.", "REJECT", "RUS", "USA"),
    # riot weapons used, as a noun: the possessor or the by-phrase acts
    (("The Philippine government presented a protest to the Chinese ambassador over the Chinese coast guard's use of "
      "a water cannon against a Filipino supply boat."), "ASSAULT", "CHN", "PHL"),
    ("The use of tear gas by Georgian police against demonstrators in Tbilisi drew condemnation from the EU.",
     "ASSAULT", "GEO", "GEO"),
    # aid arriving, as a noun: the one announcing it, or whose convoy it is, gives
    ("UNHCR announces arrival of relief supplies to North Darfur", "AID", "UNO", "SDN"),
    (("The UN chief welcomed the arrival of a UNICEF convoy of humanitarian supplies to Dilling in Sudan's South "
      "Kordofan state."), "AID", "UNO", "SDN"),
    # backing a state stays support
    ("The United States said on Monday it supported the Philippines in the dispute.", "SUPPORT", "USA", "PHL"),
    # ships and cargo intercepted stay seized
    ("Italian police intercepted a shipment of Iranian weapons bound for Yemen.", "COERCE", "ITA", ""),
    ("The Greek coast guard intercepted a Turkish fishing boat near Lesbos.", "COERCE", "GRC", "TUR"),
    # a beating stays a beating
    ("Israeli soldiers beat two Palestinian teenagers in Hebron, a rights group said.", "ASSAULT", "ISR", "PSE"),
]


@pytest.mark.parametrize("text,etype,actor,recip", CODED)
def test_coded_events(coder, text, etype, actor, recip):
    assert_coded(coder, text, etype, actor, recip)


@pytest.mark.parametrize("text,wrong", [
    # another sense
    ("Brazil beat Argentina 2-0 in the World Cup qualifier.", "ASSAULT"),
    ("Brazil beat Argentina 2-0 on Tuesday.", "ASSAULT"),
    ("India crushed Pakistan by eight wickets in the final.", "ASSAULT"),
    ("Toyota announced a recall of faulty cars in Japan.", "SANCTION"),
    ("The freezing weather in Kyiv worsened the power crisis.", "SANCTION"),
    ("The two leaders struck a deal on grain exports in Istanbul.", "ASSAULT"),
    ("Russia launched a new website for Ukrainian refugees.", "ASSAULT"),
    ("Russia launched a new website for Ukrainian refugees.", "MOBILIZE"),
    ("The agreement ended the war between Ethiopia and Eritrea.", "REJECT"),
    ("The use of force remains an option against Iran, the Israeli minister said.", "ASSAULT"),
    ("The arrival of the Russian delegation in Ankara was delayed by fog.", "AID"),
    # people an aid act reaches are its beneficiaries, not backed by anyone
    ("The UN convoy delivered food aid to Kadugli to support more than 130,000 people.", "SUPPORT"),
    ("WFP trucked 700 tons of food into Darfur to support nearly 70,000 displaced people.", "SUPPORT"),
    # rockets and drones intercepted are shot down in defence, no seizure (also when counted: "several of the rockets")
    ("The IDF intercepted several of the rockets with its air defense systems.", "COERCE"),
    ("Ukraine said it intercepted 30 Russian drones overnight.", "COERCE"),
    ("Israeli air defences intercepted many of the projectiles fired from Lebanon.", "COERCE"),
    ("Indonesia dispatched two air force planes carrying tents and medicine to Turkey.", "SANCTION"),
    # an expulsion is no recall, a recall no expulsion
    ("The expulsion of two Estonian diplomats by Russia drew a sharp protest from Tallinn.", "RETREAT"),
])
def test_not_coded_as(coder, text, wrong):
    got = asserted_pairs(coder, text)
    assert wrong not in {t for t, _, _ in got}, got


@pytest.mark.parametrize("text,etype,actor", [
    # the envoy's country recalls him: the host does not; the host expels: the envoy's country does not
    ("The recall of the French ambassador from Niger marked a new low in relations.", "SANCTION", "NER"),
    ("The expulsion of two Estonian diplomats by Russia drew a sharp protest from Tallinn.", "SANCTION", "EST"),
    # the planes carry goods: whoever the planes are, no second giver
    ("Indonesia dispatched two air force Hercules planes carrying tents and medicine to Turkey.", "AID", "USA"),
])
def test_not_the_actor(coder, text, etype, actor):
    got = asserted_pairs(coder, text)
    assert not any(t == etype and a == actor for t, a, _ in got), got


def test_expulsion_mode_is_expel(coder):
    from dyadwatch.ingest.article import Article

    evs = coder.code_many([Article(text="Poland announced the expulsion of four Russian diplomats.",
                                   date="2024-05-06", raw_id="x")])[0]
    assert any(e.event == "SANCTION" and e.mode == "expel" for e in evs), [(e.event, e.mode) for e in evs]
