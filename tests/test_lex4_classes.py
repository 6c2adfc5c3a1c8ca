"""Lexicon coverage for CONSULT, AID, MOBILIZE and COOPERATE (issue 8, 2026-12-03): visits and talks named without a
meet/visit verb, aid flown or trucked in and money mobilised, weapons ordered into production and reservists called,
missiles shot into the sea, exercises joined and cooperation agreements in force; views and greetings exchanged are
talk, not cooperation. Every sentence was written for this test in wire shapes; the NEGATIVE ones are the other
senses of the same words."""

from __future__ import annotations

import pytest
from lexicon_checks import assert_fires, assert_no_entry, asserted_pairs, prefilter_losses
from test_lex_wire import fired

from dyadwatch.coding import Coder
from dyadwatch.nlp import get_nlp

POSITIVE = [
    # CONSULT: in a capital for talks, on a visit, a visit ended, a delegation led or received, views exchanged
    ("CONSULT", "The U.S. envoy is in Beirut for talks with Lebanese officials, a day after meeting the army chief."),
    ("CONSULT", "The Iranian foreign minister was in Moscow on Tuesday for a summit of Caspian states."),
    ("CONSULT", "Chinese Foreign Minister Wang Yi, who is on a three-day visit to Pakistan, praised the corridor."),
    ("CONSULT", "Erdogan ended a two-day visit to Qatar on Tuesday with a string of investment pledges."),
    ("CONSULT", "Modi embarked on a visit to Ukraine on Friday, his first since the war began."),
    ("CONSULT", "Lavrov led a delegation to Pyongyang on Tuesday, the ministry said."),
    ("CONSULT", "King Abdullah received a delegation from the U.S. Congress at the palace in Amman."),
    ("CONSULT", "Lavrov exchanged views with his Chinese counterpart on the crisis, the ministry said."),
    ("CONSULT", "Xi Jinping and Kim Jong Un exchanged greetings on the 75th anniversary of diplomatic ties."),
    ("CONSULT", "The two ministers held a frank exchange of views on the situation in Gaza."),
    # AID: money mobilised, a donor of aid, goods flown or trucked in, aid by aircraft
    ("AID", "Germany mobilised 200 million euros for flood victims in Pakistan, the development ministry said."),
    ("AID", "The United States is the largest donor of humanitarian aid to Ukraine, the report found."),
    ("AID", "A Jordanian air force plane flew in 20 tonnes of food and medicine to Gaza on Sunday."),
    ("AID", "Turkey trucked in aid to northern Syria on Tuesday after the quake, officials said."),
    ("AID", "Russia flew two planes carrying humanitarian aid into Syria, the defence ministry said."),
    # MOBILIZE: mass production ordered, reservists summoned, missiles shot into the sea
    ("MOBILIZE", "Kim Jong Un ordered the mass production of attack drones, KCNA reported on Friday."),
    ("MOBILIZE", "North Korea began serial production of tactical missiles, state media said."),
    ("MOBILIZE", "Iran will mass-produce the new drones, the defence minister told state television."),
    ("MOBILIZE", "Israel summoned thousands of reservists on Saturday as the fighting spread."),
    ("MOBILIZE", "Ukraine activated reservists in the east, the general staff said."),
    ("MOBILIZE", "Israel recalled reservists to duty after the attack on the border communities."),
    ("ASSAULT", "Hamas lobbed rockets into Israel overnight, the army said."),
    # COOPERATE: exercises taken part in, a cooperation agreement in force
    ("COOPERATE", "Russian troops took part in joint exercises with Belarus near the Polish border."),
    ("COOPERATE", "Indian soldiers participated in joint exercises with Egyptian forces in the desert."),
    ("COOPERATE", "A defence cooperation agreement between Greece and France entered into force on Monday."),
    # round 2: exercises held with or alongside another's forces, talks and summits taken part in, courtesy calls,
    # field hospitals, conscription, forces mobilised to a border, foreign recruits trained
    ("COOPERATE", "China held naval drills with Russia in the Sea of Japan on Monday, the ministry said."),
    ("COOPERATE", "Philippine forces conducted drills alongside U.S. troops near Scarborough Shoal."),
    ("COOPERATE", "Britain trained 30,000 Ukrainian recruits last year, the defence secretary said."),
    ("CONSULT", "Iran took part in talks with the three European powers in Geneva on Friday."),
    ("CONSULT", "The Indian prime minister took part in the BRICS summit in Kazan."),
    ("CONSULT", "Russia participated in the talks on Afghanistan in Doha, the foreign ministry said."),
    ("CONSULT", "The Saudi ambassador paid a courtesy call on the Pakistani army chief on Tuesday."),
    ("AID", "Egypt set up a field hospital in Sudan, the army said."),
    ("AID", "The UAE deployed a field hospital to Chad for refugees fleeing the war in Darfur."),
    ("MOBILIZE", "Taiwan extended conscription to one year, President Tsai Ing-wen said."),
    ("MOBILIZE", "Pakistan's government mobilised troops to the border with Afghanistan."),
    # round 3: host played, counterparts called, aid dropped over a place, sorties flown, men drafted, jets sold
    ("CONSULT", "Xi played host to the Brazilian president in Beijing on Friday."),
    ("CONSULT", "Erdogan called his Russian counterpart on Sunday to discuss the grain deal."),
    ("AID", "Jordanian and Egyptian planes dropped aid over northern Gaza on Monday."),
    ("MOBILIZE", "Chinese bombers flew patrols around Taiwan on Sunday, the ministry in Taipei said."),
    ("MOBILIZE", "Chinese jets flew 30 sorties near the island on Sunday, the ministry in Taipei said."),
    ("MOBILIZE", "Russian bombers conducted patrols near Japan's northern islands on Tuesday."),
    ("MOBILIZE", "The junta drafted 10,000 men into the army under the new conscription law."),
    ("COOPERATE", "The United States sold 24 fighter jets to Egypt in a deal worth $2 billion."),
    ("COOPERATE", "Washington provided Kyiv with intelligence on Russian troop positions."),
    # round 4: nominalisations
    ("CONSULT", "A teleconference between Japanese and South Korean ministers took place on Monday."),
    ("AID", "Saudi budget support for Yemen arrived on Tuesday, the central bank in Aden said."),
    ("MOBILIZE", "The massing of Russian troops on Ukraine's border alarmed NATO."),
    ("MOBILIZE", "Chinese military manoeuvres near Taiwan continued for a third day on Sunday."),
    ("MOBILIZE", "North Korea's test-firing of a new missile drew condemnation from Seoul and Tokyo."),
    ("MOBILIZE", "The call-up of 300,000 Russian reservists sparked protests in several cities."),
    ("COOPERATE", "The handover of the suspects to Iraq took place at the border crossing on Tuesday."),
    ("COOPERATE", "The British training mission for Ukrainian troops ended in Germany."),
    # round 5: on the phone, banquets for a visitor, firefighters and rescuers sent, tankers escorted, readiness ordered
    ("CONSULT", "Biden spoke on the phone with Netanyahu on Sunday, the White House said."),
    ("CONSULT", "Xi hosted a state banquet for the French president in Beijing."),
    ("AID", "Greece sent two water-bombing planes to Turkey to fight the wildfires."),
    ("AID", "Italy dispatched firefighters to Greece on Tuesday as the fires spread."),
    ("AID", "U.S. warships escorted Kuwaiti tankers through the Gulf."),
    ("MOBILIZE", "The defence minister ordered full combat readiness along the northern frontier."),
    ("MOBILIZE", "The Pentagon surged warships to the eastern Mediterranean after the attack."),
    ("AID", "The United States surged aid to Gaza ahead of the winter, officials said."),
]

NEGATIVE = [
    ("AID", "The talks delivered little, a diplomat said."),
    ("AID", "The company raised $2 billion for its expansion in India, the filing showed."),
    ("AID", "Russia mobilised 300,000 reservists in September, the defence minister said."),
    ("CONSULT", "The envoy is in charge of the ministry's Asia department."),
    ("CONSULT", "Russian troops are in Syria for the long term, the minister said."),
    ("CONSULT", "Indian and Pakistani troops exchanged fire along the Line of Control overnight."),
    ("CONSULT", "Armenia and Azerbaijan exchanged prisoners on Tuesday under the deal."),
    ("CONSULT", "Lavrov led the criticism of the Western plan in the Duma debate."),
    ("COOPERATE", "Xi Jinping exchanged congratulations with Kim Jong Un on the anniversary of ties."),
    ("COOPERATE", "Putin and Lukashenko exchanged greetings on the holiday, the Kremlin said."),
    ("MOBILIZE", "Toyota began mass production of electric cars in Texas."),
    ("MOBILIZE", "Moscow summoned the Estonian ambassador on Monday over the expulsions."),
    ("MOBILIZE", "Qatar sent planes loaded with aid to Turkey after the earthquake."),
    ("MOBILIZE", "The UAE sent two aircraft carrying medical supplies to Sudan on Sunday."),
    ("RETREAT", "King Abdullah received a delegation from the U.S. Congress at the palace in Amman."),
    ("CONSULT", "Saudi Arabia took part in the fighting in Yemen for seven years."),
    ("COOPERATE", "Saudi Arabia took part in the fighting in Yemen for seven years."),
    ("AID", "The health ministry opened a new hospital in Cairo on Monday."),
    ("COOPERATE", "China held drills near Taiwan on Monday, a day after the inauguration."),
    ("MOBILIZE", "He did his military service in the navy before entering politics."),
    ("MOBILIZE", "The UAE deployed a field hospital to Chad for refugees fleeing the war in Darfur."),
    ("CONSULT", "The president called the prime minister a liar on Sunday."),
    ("AID", "The prosecutor dropped the charges against the minister."),
    ("AID", "Israel dropped its demand for a buffer zone along the border."),
    ("AID", "The United States sold 24 fighter jets to Egypt in a deal worth $2 billion."),
    # a mission ended, continued or headed is no visit; what is received from a minister decides the sense
    ("CONSULT", "The UN ended its peacekeeping mission in Mali on Sunday after a decade."),
    ("CONSULT", "UN peacekeepers continued their mission in southern Lebanon despite the shelling."),
    ("CONSULT", "He headed the UN mission in Congo for three years before joining the ministry."),
    ("CONSULT", "Ukraine received weapons from the German defence minister on Monday."),
    ("CONSULT", "The president took part in a press conference in Paris after the vote."),
    ("CONSULT", "Iran took part in the second round of the election, officials said."),
    ("CONSULT", "Egypt received an official protest from Israel on Monday over the crossing."),
    ("MOBILIZE", "The opposition's political manoeuvres delayed the vote on the budget."),
    ("MOBILIZE", "The firing of the defence minister shocked the army."),
    ("MOBILIZE", "Survivors of the concentration camp gathered in Krakow on Monday."),
    ("COOPERATE", "The transfer of power to the new president took place on Sunday."),
    ("SUPPORT", "Saudi budget support for Yemen arrived on Tuesday, the central bank in Aden said."),
    ("CONSULT", "The minister spoke on Tuesday about the budget."),
    ("AID", "Police escorted the protesters out of the square."),
    ("MOBILIZE", "Armenia declared a state of emergency after the shelling."),
    ("MOBILIZE", "Russian jets flew more than 100 sorties over Idlib province on Sunday."),
    ("MOBILIZE", "Oil prices surged to a record on Monday after the attack."),
    ("AID", "Oil prices surged to a record on Monday after the attack."),
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
    ("The U.S. envoy is in Beirut for talks with Lebanese officials, a day after meeting the army chief.",
     "CONSULT", "USA", "LBN"),
    ("Chinese Foreign Minister Wang Yi is on a three-day visit to Pakistan.", "CONSULT", "CHN", "PAK"),
    ("Lavrov led a delegation to Pyongyang on Tuesday, the ministry said.", "CONSULT", "RUS", "PRK"),
    ("King Abdullah received a delegation from the U.S. Congress at the palace in Amman.", "CONSULT", "JOR", "USA"),
    ("Xi Jinping exchanged congratulations with Kim Jong Un on the anniversary of ties.", "CONSULT", "CHN", "PRK"),
    ("Germany mobilised 200 million euros for flood victims in Pakistan, the development ministry said.",
     "AID", "DEU", "PAK"),
    ("The United States is the largest donor of humanitarian aid to Ukraine, the report found.", "AID", "USA", "UKR"),
    ("A Jordanian air force plane flew in 20 tonnes of food and medicine to Gaza on Sunday.", "AID", "JOR", "PSE"),
    ("Kim Jong Un ordered the mass production of attack drones, KCNA reported on Friday.", "MOBILIZE", "PRK", ""),
    ("Israel summoned thousands of reservists on Saturday as the fighting spread.", "MOBILIZE", "ISR", ""),
    ("North Korea shot two ballistic missiles toward the sea on Thursday, Seoul said.", "MOBILIZE", "PRK", ""),
    ("Russian troops took part in joint exercises with Belarus near the Polish border.", "COOPERATE", "RUS", "BLR"),
    ("Russian troops took part in joint exercises with Belarus near the Polish border.", "COOPERATE", "BLR", "RUS"),
    ("A defence cooperation agreement between Greece and France entered into force on Monday.",
     "COOPERATE", "GRC", "FRA"),
    ("China held naval drills with Russia in the Sea of Japan on Monday, the ministry said.", "COOPERATE", "CHN", "RUS"),
    ("China held naval drills with Russia in the Sea of Japan on Monday, the ministry said.", "COOPERATE", "RUS", "CHN"),
    ("Iran took part in talks with the three European powers in Geneva on Friday.", "CONSULT", "IRN", "EUR"),
    ("The Saudi ambassador paid a courtesy call on the Pakistani army chief on Tuesday.", "CONSULT", "SAU", "PAK"),
    ("Egypt set up a field hospital in Sudan, the army said.", "AID", "EGY", "SDN"),
    ("Taiwan extended conscription to one year, President Tsai Ing-wen said.", "MOBILIZE", "TWN", ""),
    ("Pakistan's government mobilised troops to the border with Afghanistan.", "MOBILIZE", "PAK", "AFG"),
    ("Britain trained 30,000 Ukrainian recruits last year, the defence secretary said.", "COOPERATE", "GBR", "UKR"),
    ("Xi played host to the Brazilian president in Beijing on Friday.", "CONSULT", "CHN", "BRA"),
    ("Erdogan called his Russian counterpart on Sunday to discuss the grain deal.", "CONSULT", "TUR", "RUS"),
    ("Jordanian and Egyptian planes dropped aid over northern Gaza on Monday.", "AID", "EGY", "PSE"),
    ("Chinese bombers flew patrols around Taiwan on Sunday, the ministry in Taipei said.", "MOBILIZE", "CHN", "TWN"),
    ("The United States sold 24 fighter jets to Egypt in a deal worth $2 billion.", "COOPERATE", "USA", "EGY"),
    ("Washington provided Kyiv with intelligence on Russian troop positions.", "COOPERATE", "USA", "UKR"),
    ("A teleconference between Japanese and South Korean ministers took place on Monday.", "CONSULT", "JPN", "KOR"),
    ("Saudi budget support for Yemen arrived on Tuesday, the central bank in Aden said.", "AID", "SAU", "YEM"),
    ("The massing of Russian troops on Ukraine's border alarmed NATO.", "MOBILIZE", "RUS", "UKR"),
    ("Chinese military manoeuvres near Taiwan continued for a third day on Sunday.", "MOBILIZE", "CHN", "TWN"),
    ("North Korea's test-firing of a new missile drew condemnation from Seoul and Tokyo.", "MOBILIZE", "PRK", ""),
    ("The call-up of 300,000 Russian reservists sparked protests in several cities.", "MOBILIZE", "RUS", ""),
    ("The British training mission for Ukrainian troops ended in Germany.", "COOPERATE", "GBR", "UKR"),
    ("Biden spoke on the phone with Netanyahu on Sunday, the White House said.", "CONSULT", "USA", "ISR"),
    ("Xi hosted a state banquet for the French president in Beijing.", "CONSULT", "CHN", "FRA"),
    ("Greece sent two water-bombing planes to Turkey to fight the wildfires.", "AID", "GRC", "TUR"),
    ("U.S. warships escorted Kuwaiti tankers through the Gulf.", "AID", "USA", "KWT"),
    ("The United States surged aid to Gaza ahead of the winter, officials said.", "AID", "USA", "PSE"),
]


@pytest.mark.parametrize("text,etype,actor,recip", CODED)
def test_coded_events_of_the_classes(coder, text, etype, actor, recip):
    got = asserted_pairs(coder, text)
    assert (etype, actor, recip) in got, got


@pytest.mark.parametrize("text,wrong", [
    ("Xi Jinping exchanged congratulations with Kim Jong Un on the anniversary of ties.", "COOPERATE"),
    ("Israel summoned thousands of reservists on Saturday as the fighting spread.", "ACCUSE"),
    ("North Korea shot two ballistic missiles toward the sea on Thursday, Seoul said.", "ASSAULT"),
    ("Russia flew two planes carrying humanitarian aid into Syria, the defence ministry said.", "MOBILIZE"),
    ("King Abdullah received a delegation from the U.S. Congress at the palace in Amman.", "RETREAT"),
    ("The two sides discussed a security cooperation agreement in Canberra on Monday.", "COOPERATE"),
    ("China held naval drills with Russia in the Sea of Japan on Monday, the ministry said.", "MOBILIZE"),
    ("The UAE deployed a field hospital to Chad for refugees fleeing the war in Darfur.", "MOBILIZE"),
    ("Britain trained 30,000 Ukrainian recruits last year, the defence secretary said.", "MOBILIZE"),
    ("Ukraine received weapons from the German defence minister on Monday.", "CONSULT"),
    ("Egypt received an official protest from Israel on Monday over the crossing.", "CONSULT"),
    ("China held drills with live ammunition near Taiwan on Monday.", "COOPERATE"),
    ("Israel launched an operation with air strikes on Gaza.", "COOPERATE"),
    ("Greece sent two water-bombing planes to Turkey to fight the wildfires.", "MOBILIZE"),
])
def test_the_class_is_not_coded_as_another_type(coder, text, wrong):
    got = asserted_pairs(coder, text)
    assert not any(t == wrong for t, _, _ in got), got


def test_the_prefilter_keeps_every_event_of_the_classes(nlp):
    lost = prefilter_losses(Coder(nlp), [t for _, t in POSITIVE + NEGATIVE] + [t for t, *_ in CODED])
    assert not lost, lost
