"""Lexicon coverage, session of 2026-12-03b (lexicon6): the senses of phrasal and light verbs around violence, coercion
and protest. Going on strike is a protest, going on a tour or on television none, going on a killing spree an attack;
taking part in a protest is a protest, in talks a consultation; an attack claimed by its doer is the doer's attack (a
participle "claimed by X" names the doer of its noun and is no event of its own); dying in a strike is an attack by the
strike's owner on the dead; put on trial is legal action (not a trial put on hold); water cannon blasted at boats is
an attack; targeted with missiles is an attack, targeted with sanctions a sanction; a compound stormed is an attack,
an office stormed a raid. Crowds: farmers, miners, workers and a counted people ("hundreds of Sri Lankans",
"thousands stormed parliament") make a crowd's act a protest or riot; "thousands of troops" stay troops. Plural
protests of a state's people are demonstrations, not a diplomatic complaint. Every sentence was written for this test
in wire shapes; the NEGATIVE ones are the other senses of the same words."""

from __future__ import annotations

import pytest
from lexicon_checks import asserted_pairs, prefilter_losses

from dyadwatch.coding import Coder
from dyadwatch.coding.triggers import load_lexicon
from dyadwatch.ingest.article import Article
from dyadwatch.nlp import get_nlp


@pytest.fixture(scope="module")
def coder():
    return Coder(get_nlp())


def types_of(pairs: set[tuple[str, str, str]]) -> set[str]:
    return {t for t, _, _ in pairs}


CODED = [
    # phrasal verbs: go on strike / on a killing spree; take part in a protest
    ("Nigerian doctors went on strike over unpaid salaries, their union said.", "PROTEST", "NGA", "NGA"),
    ("Sudanese paramilitaries went on a killing spree in the town of Geneina, witnesses said.", "ASSAULT", "SDN", "SDN"),
    ("Cuban citizens took part in rare protests across the island on Sunday.", "PROTEST", "CUB", "CUB"),
    ("Thousands of Chileans participated in the general strike called by the unions.", "PROTEST", "CHL", "CHL"),
    # an attack claimed; dying in a strike; legal action; water cannon; weapons aimed
    ("ISIS claimed the attack on the Crocus concert hall near Moscow, its news agency said.", "ASSAULT", "IMG", "RUS"),
    ("Two Lebanese people died in an Israeli strike on a car in southern Lebanon, the ministry said.",
     "ASSAULT", "ISR", "LBN"),
    ("Three Ukrainian soldiers perished in a Russian missile attack on a training ground.", "ASSAULT", "RUS", "UKR"),
    ("The Chinese authorities put the activist on trial for inciting subversion.", "COERCE", "CHN", "CHN"),
    ("Chinese coast guard ships blasted Philippine boats with water cannon near the shoal.", "ASSAULT", "CHN", "PHL"),
    ("Houthi forces targeted a U.S. destroyer with anti-ship missiles in the Red Sea.", "ASSAULT", "YEM", "USA"),
    ("Pakistani Taliban militants stormed a police compound in Karachi on Friday.", "ASSAULT", "PAK", "PAK"),
    ("Pakistani police stormed the offices of the opposition party in Lahore.", "COERCE", "PAK", "PAK"),
    # crowds: occupations and counted peoples
    ("Indian farmers marched on New Delhi to demand guaranteed crop prices.", "PROTEST", "IND", "IND"),
    ("Bolivian miners clashed with police in La Paz over the new mining law.", "PROTEST", "BOL", "BOL"),
    ("Hundreds of Sri Lankans besieged the president's residence in Colombo.", "PROTEST", "LKA", "LKA"),
    ("Thousands of Kenyans stormed parliament in Nairobi as lawmakers voted on the finance bill.",
     "PROTEST", "KEN", "KEN"),
    # plural protests are demonstrations; one lodged is a complaint
    ("Iranian protests continued on Monday across the country.", "PROTEST", "IRN", "IRN"),
    ("China lodged a protest with Japan over the visit to the shrine.", "ACCUSE", "CHN", "JPN"),
    # the sanction sense of "target" stays
    ("The EU targeted Russian banks with new sanctions on Friday.", "SANCTION", "EUR", "RUS"),
]


@pytest.mark.parametrize("text,etype,actor,recip", CODED)
def test_coded_events_of_the_classes(coder, text, etype, actor, recip):
    got = asserted_pairs(coder, text)
    assert (etype, actor, recip) in got, got


NEGATIVE = [
    # going on a tour, on television: no strike
    ("The French minister went on a tour of West Africa this week.", "PROTEST"),
    ("Macron went on television to defend the pension reform.", "PROTEST"),
    # taking part in talks is a consultation, not a protest
    ("Iranian diplomats took part in talks with the Europeans in Geneva.", "PROTEST"),
    # dying in a crash or in hospital is no attack
    ("The Nigerian president died in a helicopter crash in 2012.", "ASSAULT"),
    ("Former Kenyan president Moi died in hospital in Nairobi.", "ASSAULT"),
    # a trial put on hold is no legal action against anyone
    ("The Egyptian court put the trial on hold until next month.", "COERCE"),
    # targeted with sanctions; prices hitting farmers
    ("The EU targeted Russian banks with new sanctions on Friday.", "ASSAULT"),
    ("Falling rubber prices hit Malaysian farmers hard this year.", "ASSAULT"),
    # a crowd's act: not the armed sense; troops counted stay troops; workers attacked by militants are no riot
    ("Thousands of Kenyans stormed parliament in Nairobi as lawmakers voted on the finance bill.", "ASSAULT"),
    ("Thousands of Russian troops stormed the Ukrainian village of Robotyne.", "PROTEST"),
    ("Hundreds of Wagner fighters attacked the Malian army base near Gao.", "PROTEST"),
    ("Kenyan aid workers were attacked by al-Shabaab militants near Garissa.", "PROTEST"),
    ("Sudanese paramilitaries went on a killing spree in the town of Geneina, witnesses said.", "PROTEST"),
    ("Iranian protests continued on Monday across the country.", "ACCUSE"),
]


@pytest.mark.parametrize("text,wrong", NEGATIVE)
def test_the_other_sense_is_not_coded_as(coder, text, wrong):
    got = asserted_pairs(coder, text)
    assert wrong not in types_of(got), got


def test_an_attack_claimed_by_its_doer_is_not_a_second_attack(coder):
    """"killed ... in an attack claimed by X": the participle names the doer; only the killing is coded."""
    text = "A suicide attack claimed by the Pakistani Taliban killed 12 Chinese engineers near Karachi."
    evs = coder.code_many([Article(text=text, date="2024-05-06", raw_id="x")])[0]
    assert not [e for e in evs if (e.evidence or {}).get("lexicon_id", "").startswith("assault.claim")]


def test_the_new_rows_load_with_their_ids():
    lex = load_lexicon()
    for eid in ("assault.claim.claim", "assault.spree.go_on", "assault.die_in.die_in", "coerce.trial.put_on",
                "coerce.storm_premises.storm", "protest.take_part.take_in", "protest.take_part.participate_in"):
        assert lex.get(eid) is not None, eid
    assert lex.get("coerce.search.storm") is None  # retired: storming premises has its own row


def test_prefilter_loses_none_of_them(coder):
    assert not prefilter_losses(coder, [t for t, *_ in CODED])
