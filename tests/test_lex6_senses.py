"""Trigger senses on real-news shapes, session of 2026-12-03b (lexicon6, second step): shots and tear gas fired at no one
named are shots, not a weapons test (a missile fired into the sea still is one); water cannon as a verb; scuffles;
protests subdued; civil disobedience declared; a crowd defying a ban protests (a state defying a ruling rejects it);
protesters snatched are arrested; anti-terrorist operations are military operations (rescue operations are not);
platforms shut down are censored; warning of a calamity is a caution, warning of a crushing response a threat;
sanctions proposed are a threat of sanctions, not an agreement; an aid convoy arriving delivers aid (a military convoy
arriving is no visit); diplomatic intervention is no attack; survivors forced off a ship by a strike are part of the
strike. Every sentence was written for this test; the NEGATIVE ones are the other senses of the same words."""

from __future__ import annotations

import pytest
from lexicon_checks import assert_coded, asserted_pairs, prefilter_losses

from dyadwatch.coding import Coder
from dyadwatch.nlp import get_nlp


@pytest.fixture(scope="module")
def coder():
    return Coder(get_nlp())


CODED = [
    ("Bolivian police fired warning shots and tear gas at miners blocking the highway near Oruro.", "ASSAULT", "BOL", ""),
    ("Kenyan police fired live rounds into the crowd in Nairobi, witnesses said.", "ASSAULT", "KEN", "KEN"),
    ("Maldivian police subdued the anti-government protest in Male with mass arrests.", "COERCE", "MDV", "MDV"),
    ("Bangladeshi student leaders declared a civil disobedience campaign against the government.",
     "PROTEST", "BGD", "BGD"),
    ("Nepalese pro-democracy activists defied a ban on rallies in Kathmandu on Saturday.", "PROTEST", "NPL", "NPL"),
    ("Burmese monks and other protesters defied a ban on assembly in Rangoon.", "PROTEST", "MMR", "MMR"),
    ("Israel defied the ICJ ruling on Rafah, the court's president said.", "REJECT", "ISR", ""),
    ("Georgian riot police began snatching protesters from the crowd in Tbilisi.", "COERCE", "GEO", "GEO"),
    ("Pakistan acknowledged conducting anti-terrorist operations inside Afghan border regions.", "ASSAULT", "PAK", "AFG"),
    ("The Bangladeshi government ordered the shutdown of Facebook and WhatsApp in Dhaka.", "COERCE", "BGD", "BGD"),
    ("Iran warned of a crushing response to any Israeli attack on its nuclear sites.", "THREATEN", "IRN", "ISR"),
    ("The European Commission proposed new sanctions on Russia over the deportation of children.",
     "THREATEN", "EUR", "RUS"),
    ("The World Food Programme said its largest convoy of 200 trucks had arrived in Tigray.", "AID", "UNO", "ETH"),
    ("Indian and Chinese soldiers scuffled along the disputed border in Arunachal Pradesh.", "ASSAULT", "IND", "CHN"),
]


@pytest.mark.parametrize("text,etype,actor,recip", CODED)
def test_coded_events_of_the_senses(coder, text, etype, actor, recip):
    assert_coded(coder, text, etype, actor, recip)


NEGATIVE = [
    ("Bolivian police fired warning shots and tear gas at miners blocking the highway near Oruro.", "MOBILIZE"),
    ("The UN launched a rescue operation in Libya after the floods, the agency said.", "ASSAULT"),
    ("Turkey carried out search and rescue operations after the earthquake in Hatay.", "ASSAULT"),
    ("The UN warned of the toll the strikes are taking on civilians in Gaza.", "THREATEN"),
    ("The WHO warned of a humanitarian catastrophe in Rafah if the offensive went ahead.", "THREATEN"),
    ("Israel defied the ICJ ruling on Rafah, the court's president said.", "PROTEST"),
    ("The European Commission proposed new sanctions on Russia over the deportation of children.", "AGREE"),
    ("The World Food Programme said its largest convoy of 200 trucks had arrived in Tigray.", "CONSULT"),
    ("A Russian military convoy arrived in the Syrian town of Qamishli on Monday.", "CONSULT"),
    ("The exchange marked another instance of diplomatic intervention by the UAE in the war between Russia and Ukraine.",
     "ASSAULT"),
    (("A Houthi missile struck a Greek-owned ship in the Gulf of Aden, killing two sailors and forcing survivors to "
      "abandon the vessel."), "COERCE"),
]


@pytest.mark.parametrize("text,wrong", NEGATIVE)
def test_the_other_sense_is_not_coded_as(coder, text, wrong):
    got = asserted_pairs(coder, text)
    assert wrong not in {t for t, _, _ in got}, got


def test_a_missile_fired_into_the_sea_is_still_a_test(coder):
    got = asserted_pairs(coder, "North Korea fired a ballistic missile into the sea off its east coast on Sunday.")
    assert "MOBILIZE" in {t for t, _, _ in got}, got


def test_prefilter_loses_none_of_them(coder):
    assert not prefilter_losses(coder, [t for t, *_ in CODED])
