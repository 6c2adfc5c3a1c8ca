"""Other senses and readings fixed by lexicon3 (2026-12-03): what is released (footage is no prisoner), a pardon
frees people, a permission inside an agreement is its content, pushing relations to a low is no demand, the second
act of an effort is tried too, a contingent of troops arriving is a deployment, not a visit. Sentences written for
these tests in wire shapes."""

from __future__ import annotations

import pytest
from lexicon_checks import prefilter_losses

from dyadwatch.coding import Coder
from dyadwatch.ingest.article import Article
from dyadwatch.nlp import get_nlp


@pytest.fixture(scope="module")
def coder():
    return Coder(get_nlp())


def coded(coder, text):
    evs = coder.code_many([Article(text=text, date="2024-05-06", raw_id="x")])[0]
    return [(e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient), e.modality) for e in evs]


NOT_CODED = [
    # things released are no prisoners freed
    ("RETREAT", "Footage released by the Philippine coast guard showed Chinese ships ramming a supply boat."),
    ("RETREAT", "Seoul released satellite images of the North Korean launch site on Friday."),
    ("RETREAT", "The Indian army released a statement accusing Pakistan of violating the ceasefire."),
    # pushing something to a point is no demand
    ("REQUEST", "The row over the killing has pushed relations between India and Canada to a new low."),
    ("REQUEST", "The sanctions pushed Russia's inflation to its highest level in a decade."),
    # a pardon is no concession
    ("CONCEDE", "President Tokayev pardoned 20 protesters detained during the January unrest."),
    # a permission that spells out what a signed treaty does is the treaty's content
    ("CONCEDE", "Britain signed a deal with Rwanda on Thursday allowing asylum seekers to be sent to Kigali."),
    # an effort's second act is not done either
    ("CONCEDE", "The loan will back Ankara's efforts to cut inflation and lift capital controls, the IMF said."),
    # troops arriving are no visit
    ("CONSULT", "The first contingent of a Kenyan-led police mission arrived in Haiti on Tuesday."),
    # naming is no call for anything; civilians crossing a border are no incursion
    ("REQUEST", "Drones hit Odesa overnight, in an assault President Zelensky called terror for the sake of fear."),
    ("ASSAULT", "Hundreds of Sudanese families crossed into Chad through the desert, aid groups said."),
    # asked by no one named; a market's demand; naming a leader is no phone call
    ("REQUEST", "Asked about the strikes, the Russian foreign minister declined to comment."),
    ("REQUEST", "When asked whether Washington would sanction Ankara, Blinken said no decision had been made."),
    ("REQUEST", "China's demand for Iranian crude has surged this year, traders said."),
    ("CONSULT", "Biden called Netanyahu a good friend of America at the fundraiser."),
    ("CONSULT", 'Trump again called Kim Jong Un "Rocket Man" at a rally in Alabama.'),
    ("CONSULT", 'Kim Jong Un called Trump "mentally deranged" in a rare personal statement.'),
]


@pytest.mark.parametrize("etype,text", NOT_CODED, ids=[f"not-{t}-{i}" for i, (t, _) in enumerate(NOT_CODED)])
def test_no_asserted_event_of_the_wrong_reading(coder, etype, text):
    got = [e for e in coded(coder, text) if e[0] == etype and e[3] == "asserted"]
    assert not got, got


CODED = [
    ("President Tokayev pardoned 20 protesters detained during the January unrest.", "RETREAT", "KAZ"),
    ("Hungary's President pardoned a Ukrainian soldier captured by Russia, the ministry said.", "RETREAT", "HUN"),
    ("A contingent of 400 Kenyan police officers arrived in Haiti on Tuesday as part of a security mission.",
     "MOBILIZE", "KEN"),
    ("Britain signed a deal with Rwanda on Thursday allowing asylum seekers to be sent to Kigali.", "SUPPORT", "GBR"),
    # a main-clause permission stays coded (access granted: RETREAT or CONCEDE)
    ("Israel allowed 200 aid trucks into Gaza on Sunday, the army said.", "RETREAT|CONCEDE", "ISR"),
    ("Hamas released three Israeli hostages on Saturday, the army said.", "RETREAT", "PSE"),
    # a call for someone to act, 'for' parsed as the mark of the infinitive clause: the demand, not the act
    ("Washington called for Israel to halt its strikes on Rafah.", "REQUEST", "USA"),
    ("Russian troops crossed into Ukraine from Belarus before dawn.", "ASSAULT", "RUS"),
    ("Erdogan called Putin on Tuesday to discuss the grain deal, his office said.", "CONSULT", "TUR"),
    ("Russia was asked by Kyiv to return the deported children.", "REQUEST", "UKR"),
]


@pytest.mark.parametrize("text,etype,actor", CODED)
def test_the_right_reading_is_coded(coder, text, etype, actor):
    got = coded(coder, text)
    assert any(t in etype.split("|") and actor in a and m == "asserted" for t, a, r, m in got), got


def test_a_call_for_someone_to_act_is_no_act_of_theirs(coder):
    got = coded(coder, "The EU called for Russia to withdraw its troops at once, the bloc's foreign policy chief said.")
    assert ("REQUEST", ("EUR",), ("RUS",), "asserted") in got, got
    assert not [e for e in got if e[0] == "RETREAT" and e[3] == "asserted"], got


def test_leaving_a_deal_is_a_rejection_of_its_party(coder):
    # the state taken out of the deal acts; the deal's party is the recipient, never the actor
    for text in ("Trump withdrew the United States from the Iran nuclear deal on Tuesday.",
                 "Trump announced the U.S. withdrawal from the Iran nuclear deal on Tuesday."):
        got = coded(coder, text)
        assert ("REJECT", ("USA",), ("IRN",), "asserted") in got, (text, got)
        assert not [e for e in got if e[0] == "RETREAT" or "IRN" in e[1]], (text, got)


def test_a_status_revoked_for_ones_own_region_is_no_sanction_of_a_neighbour(coder):
    got = coded(coder, "New Delhi revoked the special status of Kashmir on Monday, angering Pakistan.")
    assert not [e for e in got if e[0] == "SANCTION"], got
    assert not [e for e in got if "PAK" in e[2]], got
    got = coded(coder, "Washington revoked Hong Kong's special trade status on Tuesday.")
    assert any(t == "SANCTION" and "USA" in a for t, a, r, m in got), got


def test_a_trade_mission_arriving_is_still_a_visit(coder):
    got = coded(coder, "A trade mission from Japan arrived in Hanoi on Monday for three days of talks.")
    assert any(t == "CONSULT" and "JPN" in a for t, a, r, m in got), got
    assert not any(t == "MOBILIZE" for t, *_ in got), got


def test_the_prefilter_keeps_every_event_of_the_senses(coder):
    lost = prefilter_losses(coder, [t for _, t in NOT_CODED] + [t for t, *_ in CODED])
    assert not lost, lost
