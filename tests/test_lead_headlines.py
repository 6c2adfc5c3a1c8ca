"""The article's own headline, on its own line above the story, is read like a sentence: its act is
an event when the body does not tell it again, one more mention of the body's event when it does.
Questions, kickers, opinion titles and the related-stories lines further down are no reports."""

from __future__ import annotations

import pytest

from dyadwatch.coding.coder import code_text


def _asserted(text: str) -> list:
    return [e for e in code_text(text, date="2024-05-03") if e.modality == "asserted"]


def _pairs(text: str) -> set[tuple[str, str, str]]:
    return {(e.event, e.actor[0].code, e.recipient[0].code if e.recipient else "")
            for e in _asserted(text)}


def test_headline_act_the_body_does_not_repeat():
    text = ("Serbia, Kosovo negotiators hold first direct talks in a year\n"
            "The meeting, hosted by the European Union in Brussels, lasted five hours, officials said.")
    got = _pairs(text)
    assert {("CONSULT", "SRB", "XKX"), ("CONSULT", "XKX", "SRB")} <= got


def test_headline_and_lede_are_one_event_dated_by_the_lede():
    text = ("Japan summons Chinese envoy over coast guard incursions\n\n"
            "TOKYO, May 3 (Wire) - Japan summoned China's ambassador on Friday after four coast guard "
            "ships entered its territorial waters near the Senkaku islands.")
    events = [e for e in _asserted(text) if e.actor[0].code == "JPN" and e.recipient
              and e.recipient[0].code == "CHN"]
    assert len(events) == 1
    ev = events[0]
    assert ev.sentence_index == 1  # the lede is the Event, the headline one more mention
    assert sorted(m["sentence_index"] for m in ev.mentions) == [0, 1]
    assert ev.date_precision == "day"


@pytest.mark.parametrize("headline", [
    "Why Pakistan keeps closing its border with Afghanistan",
    "Will Iran retaliate against Israel?",
    "Analysis: Russia tests NATO with drone incursions",
    "Opinion | Seoul must stop appeasing Pyongyang",
])
def test_questions_kickers_and_opinion_titles_are_no_reports(headline):
    body = "\nThe article that follows discusses the background at length, without any news of its own."
    assert _asserted(headline + body) == []


def test_related_story_lines_below_the_story_stay_uncoded():
    text = ("Peru and Chile signed a fisheries accord on Friday in Lima.\n"
            "Related stories\n"
            "Ecuador expels Mexican ambassador after embassy raid\n"
            "Bolivia recalls envoy from Israel\n")
    got = _pairs(text)
    assert not any(a in ("ECU", "BOL") for _, a, _ in got)


@pytest.mark.parametrize("text, want", [
    (("Belarus Detains Polish Journalist on Espionage Charges\nMINSK (Wire) - The reporter was held at a "
      "checkpoint, the KGB said."), ("COERCE", "BLR", "POL")),
    ("EU Imposes New Sanctions On Iranian Drone Makers\nThe list names six companies.", ("SANCTION", "EUR", "IRN")),
    ("INDIA SHUTS BORDER CROSSING WITH PAKISTAN AFTER ATTACK\nThe Attari post was closed on Sunday.",
     ("SANCTION", "IND", "PAK")),
])
def test_title_case_and_capitals_headlines(text, want):
    events = [e for e in _asserted(text) if e.sentence_index == 0]
    assert want in {(e.event, e.actor[0].code, e.recipient[0].code if e.recipient else "") for e in events}
    for e in events:  # the evidence quotes the headline as written
        assert text[e.trigger_start:e.trigger_end] == e.trigger
        assert e.event_text in text
