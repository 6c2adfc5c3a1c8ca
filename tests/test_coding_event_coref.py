"""Event coreference within one article: one act mentioned several times is one Event, every mention
kept as evidence; a definite event noun naming no actor is a further mention of an earlier act."""

from __future__ import annotations

import pytest

from dyadwatch.coding import Coder
from dyadwatch.ingest.article import Article


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def code(coder: Coder, text: str):
    return [e for e in coder.code(Article(text=text, date="2022-05-10", raw_id="t")) if e.modality == "asserted"]


def test_restated_attack_is_one_event_with_two_mentions(coder):
    text = ("Russian forces shelled the Ukrainian city of Kharkiv overnight, regional officials said on Tuesday. "
            "Local residents described hours of heavy fire. "
            "Russia shelled Kharkiv again before dawn, the governor added.")
    hits = [e for e in code(coder, text) if e.event == "ASSAULT" and any(a.code == "RUS" for a in e.actor)]
    assert len(hits) == 1
    assert hits[0].num_mentions >= 2
    assert {m["sentence_index"] for m in hits[0].mentions} >= {0, 2}


def test_definite_noun_is_a_further_mention_not_an_event(coder):
    text = ("Poland expelled a Russian diplomat on Monday, the foreign ministry in Warsaw said. "
            "The expulsion marks a new low in relations between the two neighbours.")
    evs = code(coder, text)
    assert len([e for e in evs if e.event in ("SANCTION", "COERCE")]) == 1
    first = next(e for e in evs if e.event in ("SANCTION", "COERCE"))
    assert any(m["trigger"]["text"].lower() == "expulsion" for m in first.mentions)


def test_next_attack_is_not_the_same_act(coder):
    text = ("Israeli aircraft struck targets in southern Lebanon on Sunday, the army said. "
            "Residents fear the next attack could come within days.")
    evs = code(coder, text)
    hit = [e for e in evs if e.event == "ASSAULT" and any(a.code == "ISR" for a in e.actor)]
    assert hit
    assert all((m["trigger"]["text"].lower() != "attack") for m in hit[0].mentions)


def test_wave_of_strikes_against_names_the_recipient(coder):
    text = "Saudi Arabia launched a wave of airstrikes against Yemen's Houthi rebels late on Thursday."
    evs = code(coder, text)
    got = {(a.code, r.code) for e in evs if e.event == "ASSAULT" for a in e.actor for r in e.recipient}
    assert ("SAU", "YEM") in got


def test_the_strikes_as_subject_act_for_the_earlier_doer(coder):
    text = ("The United States launched airstrikes on Houthi positions in Yemen on Saturday. "
            "The strikes hit radar sites and weapons depots near the port of Hodeidah, officials said.")
    evs = code(coder, text)
    assert any(e.event == "ASSAULT" and any(a.code == "USA" for a in e.actor) for e in evs)
    assert not any(e.event == "ASSAULT" and not e.actor for e in evs)


def test_coded_article_events_carry_their_place(coder):
    evs = code(coder, "Russian forces shelled the Ukrainian city of Kharkiv overnight, regional officials said.")
    hit = [e for e in evs if e.event == "ASSAULT"]
    assert hit and hit[0].place and hit[0].place.get("country") == "UKR"
