"""Event nouns whose doer is not the clause's subject (lexicon7, issue 8 recall): an act reported, confirmed or
detected is coded with the doer its noun names ("the army reported a second RSF strike"), not the reporter; a
protest that only happened somewhere is the protest of that country's people; an attack noun that is the subject of
its toll has the toll's victims for target and, with no doer named, the country where it happened for actor; "came
under attack / fire / shelling" makes the subject the one attacked; names of agreements and operations, and names
given to an act, are no acts. Sentences written for this test in wire, headline and long-sentence shapes."""

from __future__ import annotations

import pytest
from lexicon_checks import assert_coded, asserted_pairs

from dyadwatch.coding import Coder
from dyadwatch.ingest.article import Article
from dyadwatch.nlp import get_nlp


@pytest.fixture(scope="module")
def coder():
    return Coder(get_nlp())


CODED = [
    # an act under a verb of reporting: the noun's doer acts, not the reporter
    ("The Sudanese army reported a second RSF drone strike on the displacement camp near El Fasher on Sunday.",
     "ASSAULT", "SDN", ""),
    ("Ukrainian officials confirmed the Russian shelling of Kharkiv overnight, saying three people were wounded.",
     "ASSAULT", "RUS", "UKR"),
    ("Ukraine's air force reported a massive Russian missile attack on Kyiv early on Thursday.", "ASSAULT", "RUS", "UKR"),
    ("The Pentagon confirmed a U.S. strike on a Houthi radar site in Yemen, the second in a week.",
     "ASSAULT", "USA", "YEM"),
    ("The Kremlin reported Ukrainian drone attacks on Moscow overnight.", "ASSAULT", "UKR", "RUS"),
    # protests that only happened somewhere: the place's people protest, as "protesters rallied across Iran"
    ("Protests erupted across Iran on Friday after the death of a young woman in police custody.",
     "PROTEST", "IRN", "IRN"),
    ("Demonstrations broke out in Tbilisi late on Monday after parliament passed the foreign agents bill.",
     "PROTEST", "GEO", "GEO"),
    ("Anti-government protests swept Kenya on Tuesday as lawmakers passed the finance bill.", "PROTEST", "KEN", "KEN"),
    ("Riots rocked Dakar after the arrest of the opposition leader", "PROTEST", "SEN", "SEN"),
    # clashes and talks that only happened, between parties the verb names
    ("Fresh clashes erupted between Armenian and Azerbaijani troops on the border on Tuesday.",
     "ASSAULT", "ARM", "AZE"),
    ("Talks resumed between Israel and Hamas in Doha on Thursday.", "CONSULT", "ISR", "PSE"),
    # an attack noun as the subject of its toll: the victims are its target
    ("Israeli air strikes killed 20 people in Rafah overnight, Palestinian health officials said.",
     "ASSAULT", "ISR", "PSE"),
    # no doer named: the country where it happened (as a passive attack with no agent)
    ("A roadside bomb killed one U.S. soldier near Tikrit on Monday, the military said.", "ASSAULT", "IRQ", "USA"),
    ("A suicide bombing at a market in Peshawar killed 12 people on Friday.", "ASSAULT", "PAK", "PAK"),
    # came under attack: the subject is attacked by the noun's doer
    ("UN peacekeepers came under fire from Israeli tanks in southern Lebanon on Thursday.", "ASSAULT", "ISR", "UNO"),
    ("Kharkiv came under a massive Russian missile attack on Friday, the mayor said.", "ASSAULT", "RUS", "UKR"),
    ("The town of Avdiivka came under Russian artillery fire overnight.", "ASSAULT", "RUS", "UKR"),
    ("A Ukrainian convoy came under Russian drone attack near Bakhmut.", "ASSAULT", "RUS", "UKR"),
    ("The village came under heavy Russian shelling on Tuesday.", "ASSAULT", "RUS", ""),
    ("The Turkish frigate came under fire from Houthi rebels in the Red Sea.", "ASSAULT", "YEM", "TUR"),
    ("A Malian army convoy came under attack from jihadists in central Mali on Sunday.", "ASSAULT", "MLI", "MLI"),
]


@pytest.mark.parametrize("text,etype,actor,recip", CODED)
def test_coded_events(coder, text, etype, actor, recip):
    assert_coded(coder, text, etype, actor, recip)


@pytest.mark.parametrize("text,etype,actor", [
    # the reporter does not do the act it reports
    ("The Sudanese army reported a second RSF drone strike on the displacement camp near El Fasher on Sunday.",
     "ASSAULT", "SDN/MIL"),
    ("Ukrainian officials confirmed the Russian shelling of Kharkiv overnight, saying three people were wounded.",
     "ASSAULT", "UKR"),
    # the one attacked is not the attacker
    ("UN peacekeepers came under fire from Israeli tanks in southern Lebanon on Thursday.", "ASSAULT", "UNO"),
    ("Kharkiv came under a massive Russian missile attack on Friday, the mayor said.", "ASSAULT", "UKR"),
])
def test_not_the_doer(coder, text, etype, actor):
    evs = coder.code_many([Article(text=text, date="2024-05-06", raw_id="x")])[0]
    code, _, sector = actor.partition("/")
    doers = {(a.code, a.sector) for e in evs if e.event == etype for a in e.actor}
    assert not any(c == code and (not sector or s == sector) for c, s in doers), doers


@pytest.mark.parametrize("text,wrong", [
    # the one attacked is no act of its own
    ("A Nigerian army patrol came under attack from militants near Maiduguri.", "MOBILIZE"),
    # words, not violence
    ("The minister came under attack from opposition lawmakers over the budget.", "ASSAULT"),
    ("The senator came under fire from Republicans over his comments on Ukraine.", "ASSAULT"),
    ("The central bank came under fire from investors after the surprise rate cut.", "ASSAULT"),
    # a name given to an act is no second act
    ("Russia called its invasion a special military operation.", "ASSAULT"),
    # an agreement named for a city names no party
    ("The Minsk agreements collapsed after Russia recognised the separatist republics.", "AGREE"),
    ("Egypt and Israel have kept the peace since the Camp David Accords.", "AGREE"),
    ("The Philippines invoked the Mutual Defense Treaty with the United States after the collision.", "AGREE"),
    ("Israel said Operation Iron Swords would continue until Hamas was defeated.", "ASSAULT"),
    # another sense of the occurrence verbs: no protest, no event
    ("Share prices rose sharply in Tokyo after the data.", "PROTEST"),
    ("Heavy rain continued in Kenya on Tuesday, flooding parts of Nairobi.", "PROTEST"),
])
def test_not_coded_as(coder, text, wrong):
    got = asserted_pairs(coder, text)
    assert wrong not in {t for t, _, _ in got}, got


def test_minsk_names_no_belarusian_party(coder):
    got = asserted_pairs(coder, "The Minsk agreements collapsed after Russia recognised the separatist republics.")
    assert not any(t == "AGREE" and a == "BLR" for t, a, _ in got), got
