"""Lexicon coverage, session of 2026-12-03 (lexicon5): visits carried by presence or a landing rather than a meet/visit
verb, contacts resumed, craft flying in (no visit: aid on board or a deployment), another's diplomatic presence cut
(SANCTION, not a retreat), warships ordered into production, action expected of someone (a demand), political freedoms
widened (CONCEDE), rescue teams sent (AID), signatures collected (PROTEST), territory taken back (COERCE; promised, a
threat), one's envoys ordered home (a recall), peace or security "threatened" (a characterisation, no threat). Every sentence was written for this test in
wire shapes; the NEGATIVE ones are the other senses of the same words."""

from __future__ import annotations

import pytest
from lexicon_checks import assert_fires, assert_no_entry, asserted_pairs, prefilter_losses
from test_lex_wire import fired

from dyadwatch.coding import Coder
from dyadwatch.nlp import get_nlp

POSITIVE = [
    # CONSULT: a visitor landing, present with a purpose or as an envoy; contacts resumed or kept
    ("CONSULT", "Blinken landed in Tel Aviv on Monday for his ninth trip to the region since the war began."),
    ("CONSULT", "Lavrov touched down in Pyongyang late on Tuesday, state media said."),
    ("CONSULT", "The Greek foreign minister is in Ankara to attend a conference on migration."),
    ("CONSULT", "The U.S. special envoy for Sudan is in Khartoum this week, the embassy said."),
    ("CONSULT", "Iran and Saudi Arabia resumed contacts after a seven-year break, the ministry said."),
    ("CONSULT", "Qatar has maintained contacts with the Taliban since the fall of Kabul."),
    # SANCTION: another's diplomatic presence cut
    ("SANCTION", "Moscow expelled 20 diplomats in retaliation for Washington cutting Russia's diplomatic presence."),
    ("SANCTION", "The move came after Poland reduced the size of Russia's diplomatic mission."),
    ("SANCTION", "Britain slashed embassy staff in Tehran after the attack on the compound."),
    # MOBILIZE: warships and submarines ordered into production
    ("MOBILIZE", "Kim Jong Un ordered the production of more nuclear-powered submarines, KCNA said."),
    ("MOBILIZE", "China stepped up the serial production of warships at three shipyards."),
    # REQUEST: action or steps expected of someone
    ("REQUEST", "The EU expects swift action by Belgrade to normalise ties with Pristina."),
    ("REQUEST", "The bloc expects concrete steps from Pristina before the next round."),
    # CONCEDE: political freedoms widened
    ("CONCEDE", "The president took steps to enhance political freedoms in Sudan after the peace deal."),
    ("CONCEDE", "The junta restored press freedom in the capital on Monday."),
    # AID: rescue and medical teams sent; meals delivered
    ("AID", "Turkey dispatched rescue teams to Morocco after the earthquake."),
    ("AID", "Qatar sent a medical team to Gaza on Sunday, the foreign ministry said."),
    ("AID", "The air force delivered 40,000 meals to flood victims in Pakistan."),
    # PROTEST: signatures collected
    ("PROTEST", "Opposition activists in Lithuania began collecting signatures against the new law."),
    # COERCE: territory taken back from another (a pledge to do it is a threat)
    ("COERCE", "Argentina vowed to regain the Falkland Islands from Britain, the president said."),
    ("COERCE", "Maduro pledged to get back the disputed region from Guyana after the referendum."),
]

NEGATIVE = [
    ("RETREAT", "Moscow expelled 20 diplomats in retaliation for Washington cutting Russia's diplomatic presence."),
    ("SANCTION", "The U.S. cut its military presence in Iraq by half."),
    ("MOBILIZE", "Toyota began serial production of electric cars in Texas."),
    ("REQUEST", "Analysts expect a response from Iran within days."),
    ("CONCEDE", "The minister took steps to enhance the country's water supply."),
    ("PROTEST", "The census officials collected data from every household."),
    ("COERCE", "The economy regained its strength after the crisis, the central bank said."),
    ("COERCE", "Police recovered the bodies of two soldiers near the border."),
    # threatening peace or security is a characterisation, no threat made
    ("THREATEN", "Washington condemned the actions, saying they directly threatened regional peace and stability."),
    ("THREATEN", "The rebels are attacking outposts every day and threatening the security of the people of Turkey."),
]


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


@pytest.fixture(scope="module")
def coder(nlp):
    return Coder(nlp)


@pytest.mark.parametrize("etype,text", POSITIVE, ids=[f"{t}-{i}" for i, (t, _) in enumerate(POSITIVE)])
def test_an_entry_of_the_class_fires(nlp, etype, text):
    assert_fires(fired, nlp, etype, text)


@pytest.mark.parametrize("etype,text", NEGATIVE, ids=[f"not-{t}-{i}" for i, (t, _) in enumerate(NEGATIVE)])
def test_the_other_sense_fires_no_entry_of_the_type(nlp, etype, text):
    assert_no_entry(fired, nlp, etype, text)


CODED = [
    ("Blinken landed in Tel Aviv on Monday for his ninth trip to the region since the war began.",
     "CONSULT", "USA", "ISR"),
    ("Lavrov touched down in Pyongyang late on Tuesday, state media said.", "CONSULT", "RUS", "PRK"),
    ("The Greek foreign minister is in Ankara to attend a conference on migration.", "CONSULT", "GRC", "TUR"),
    ("The U.S. special envoy for Sudan is in Khartoum this week, the embassy said.", "CONSULT", "USA", "SDN"),
    ("Iran and Saudi Arabia resumed contacts after a seven-year break, the ministry said.", "CONSULT", "IRN", "SAU"),
    ("Iran and Saudi Arabia resumed contacts after a seven-year break, the ministry said.", "CONSULT", "SAU", "IRN"),
    ("Moscow expelled 20 diplomats in retaliation for Washington cutting Russia's diplomatic presence.",
     "SANCTION", "USA", "RUS"),
    ("The move came after Poland reduced the size of Russia's diplomatic mission.", "SANCTION", "POL", "RUS"),
    ("Washington cut its diplomatic presence in Moscow by half.", "SANCTION", "USA", "RUS"),
    ("Chinese jets flew into Taiwan's air defence zone on Sunday.", "MOBILIZE", "CHN", "TWN"),
    ("Turkey dispatched rescue teams to Morocco after the earthquake.", "AID", "TUR", "MAR"),
    # a promise of a hostile act is a threat; one's envoys ordered home are recalled
    ("Maduro pledged to get back the disputed region from Guyana after the referendum.", "THREATEN", "VEN", "GUY"),
    ("The EU promised to impose new sanctions on Belarus, the commission said.", "THREATEN", "EUR", "BLR"),
    ("Putin pledged not to attack Ukraine, the Kremlin said.", "AGREE", "RUS", "UKR"),
    ("Japan pledged to provide $10 million in aid to Turkey.", "AGREE", "JPN", "TUR"),
    ("Cambodia ordered all embassy staff in Bangkok to return home on Friday.", "SANCTION", "KHM", "THA"),
    ("North Korea threatened the United States on Monday, state media said.", "THREATEN", "PRK", "USA"),
]


@pytest.mark.parametrize("text,etype,actor,recip", CODED)
def test_coded_events_of_the_classes(coder, text, etype, actor, recip):
    got = asserted_pairs(coder, text)
    assert (etype, actor, recip) in got, got


@pytest.mark.parametrize("text,wrong", [
    # craft flying in make no visit: aid on board is the event, else a deployment
    ("Two U.S. transport planes flew into Kabul on Monday carrying 40 tonnes of food.", "CONSULT"),
    ("Two U.S. transport planes flew into Kabul on Monday carrying 40 tonnes of food.", "MOBILIZE"),
    ("U.S. aircrews aboard two C-17 transport aircraft flew into Islamabad and delivered 30,000 meals.", "CONSULT"),
    ("U.S. aircrews aboard two C-17 transport aircraft flew into Islamabad and delivered 30,000 meals.", "MOBILIZE"),
    ("Chinese jets flew into Taiwan's air defence zone on Sunday.", "CONSULT"),
    ("The Iranian plane landed in Beirut on Sunday after a stop in Damascus.", "CONSULT"),
    # a landing or a presence is a visit only for a person on a visit (lexicon flags person, visitor)
    ("A Hamas rocket landed in Sderot on Monday, the army said.", "CONSULT"),
    ("Edward Snowden is in Russia, his lawyer said on Monday.", "CONSULT"),
    ("Russian troops are in Syria to fight the Islamic State, the minister said.", "CONSULT"),
    ("Hamas leaders are in Doha, officials said on Monday.", "CONSULT"),
    ("The company resumed contacts with its customers in India after the outage.", "CONSULT"),
    ("Moscow expelled 20 diplomats in retaliation for Washington cutting Russia's diplomatic presence.", "RETREAT"),
    ("Maduro pledged to get back the disputed region from Guyana after the referendum.", "AGREE"),
    ("Israel pledged to destroy Hamas after the attack, the prime minister said.", "AGREE"),
    ("Cambodia ordered all embassy staff in Bangkok to return home on Friday.", "REQUEST"),
    ("Washington condemned the actions, saying they directly threatened regional peace and stability.", "THREATEN"),
])
def test_the_class_is_not_coded_as_another_type(coder, text, wrong):
    got = asserted_pairs(coder, text)
    assert not any(t == wrong for t, _, _ in got), got


def test_the_prefilter_keeps_every_event_of_the_classes(nlp):
    lost = prefilter_losses(Coder(nlp), [t for _, t in POSITIVE + NEGATIVE] + [t for t, *_ in CODED])
    assert not lost, lost
