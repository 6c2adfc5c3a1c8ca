"""Senses of decisions, signatures, crackdowns and characterisations, session of 2026-12-03b (lexicon6, third step): a
body agreeing or deciding to impose sanctions imposes them (lifting them is no sanction; agreeing to talks stays an
agreement); a peace or ceasefire deal signed is an agreement (real-news conventions), other treaties signed stay
SUPPORT (057); a crackdown named violent is violent repression (ASSAULT 175), a plain crackdown coercion; dissatisfaction
expressed is an accusation; a strike called a massacre is a characterisation, even when the parser hangs the predicate
on the object, while a union calling a strike protests;
ships blocked at sea are coerced (banned from ports, sanctioned); an envoy's summons, as a noun, is a rebuke. Sentences written for this test."""

from __future__ import annotations

import pytest
from lexicon_checks import assert_coded, asserted_pairs

from dyadwatch.coding import Coder
from dyadwatch.nlp import get_nlp


@pytest.fixture(scope="module")
def coder():
    return Coder(get_nlp())


CODED = [
    ("ECOWAS agreed on Sunday to impose sanctions on Niger's military leaders involved in the coup.",
     "SANCTION", "IGO", "NER"),
    ("EU foreign ministers agreed to freeze the assets of Russian oligarchs.", "SANCTION", "EUR", "RUS"),
    ("Iran and the United States agreed to hold indirect talks in Oman.", "AGREE", "IRN", "USA"),
    ("The Ethiopian government and the TPLF signed a peace agreement in Pretoria on Wednesday.", "AGREE", "ETH", "ETH"),
    ("Libya and Bulgaria signed a treaty of friendship and cooperation in Sofia.", "SUPPORT", "LBY", "BGR"),
    ("Myanmar's security forces mounted a violent crackdown on peaceful demonstrators in Yangon.",
     "ASSAULT", "MMR", "MMR"),
    ("Iranian authorities launched a crackdown on dissidents in Tehran.", "COERCE", "IRN", ""),
    ("The Chinese ambassador expressed dissatisfaction with South Korea's ties with the United States.",
     "ACCUSE", "CHN", "KOR"),
    ("Hamas called Tuesday's hospital strike a horrific massacre.", "ACCUSE", "PSE", ""),
    ("French unions called a nationwide strike for Thursday against the reform.", "PROTEST", "FRA", "FRA"),
    # ships physically blocked are coerced; vessels banned from ports are sanctioned; an envoy's summons is a rebuke
    ("Three China Coast Guard vessels blocked two Philippine supply boats near the shoal.", "COERCE", "CHN", "PHL"),
    ("Ukraine banned Russian vessels from its ports on Monday.", "SANCTION", "UKR", "RUS"),
    ("South Korea's foreign ministry summons the Japanese ambassador to protest his deputy's comments",
     "ACCUSE", "KOR", "JPN"),
    ("The summoning of the Iranian ambassador by Germany followed the executions.", "ACCUSE", "DEU", "IRN"),
]


@pytest.mark.parametrize("text,etype,actor,recip", CODED)
def test_coded_events(coder, text, etype, actor, recip):
    assert_coded(coder, text, etype, actor, recip)


@pytest.mark.parametrize("text,wrong", [
    ("The U.S. agreed to lift sanctions on Venezuelan oil exports.", "SANCTION"),
    ("ECOWAS agreed on Sunday to impose sanctions on Niger's military leaders involved in the coup.", "AGREE"),
    ("The Ethiopian government and the TPLF signed a peace agreement in Pretoria on Wednesday.", "SUPPORT"),
    ("Myanmar's security forces mounted a violent crackdown on peaceful demonstrators in Yangon.", "COERCE"),
    ("Hamas called Tuesday's hospital strike a horrific massacre.", "PROTEST"),
    ("Three China Coast Guard vessels blocked two Philippine supply boats near the shoal.", "SANCTION"),
    ("South Korea's foreign ministry summons the Japanese ambassador to protest his deputy's comments", "REQUEST"),
])
def test_not_coded_as(coder, text, wrong):
    got = asserted_pairs(coder, text)
    assert wrong not in {t for t, _, _ in got}, got
