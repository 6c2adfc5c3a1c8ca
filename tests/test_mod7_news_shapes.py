"""News shapes the commentary cues misread: an undated act an announcement "followed" is the news itself (a dated
one is background); a photo caption's present tense shows the day's act; "was pleased to be able to hold talks"
tells of talks held. And their look-alikes that stay commentary. Sentences written for these tests."""

from __future__ import annotations

import pytest
from coding_checks import classify_word, triples

from dyadwatch.nlp import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


call = classify_word  # the modality reading of one word of a sentence


@pytest.mark.parametrize("sentence, word, modality", [
    ("The truce announcement followed discussions between the foreign ministers of Serbia and Kosovo.",
     "discussions", "asserted"),
    ("The deal followed talks in Doha between the Taliban and Washington.", "talks", "asserted"),
    # a day of the week is the news's own time
    ("The raid on the village followed rebel attacks on Tuesday on two police stations.", "attacks", "asserted"),
    # dated before the news: background
    ("The embargo follows air strikes last month on the port.", "strikes", "claimed"),
    ("The expulsion followed raids earlier this year on two opposition offices.", "raids", "claimed"),
    ("The sanctions follow the 2019 seizure of a British tanker.", "seizure", "claimed"),
])
def test_what_an_announcement_followed(nlp, sentence: str, word: str, modality: str) -> None:
    assert call(nlp, sentence, word).modality == modality


@pytest.mark.parametrize("text, wanted", [
    (("Indonesian President Joko Widodo (left) speaks with US Secretary of State Antony Blinken (second from right) "
      "at the Merdeka Palace in Jakarta."), ("IDN", "USA", "CONSULT")),
    ("Kenyan President William Ruto (right) meets Ethiopian Prime Minister Abiy Ahmed in Nairobi (Photo: State House).",
     ("KEN", "ETH", "CONSULT")),
])
def test_a_photo_caption_shows_the_days_act(text: str, wanted: tuple) -> None:
    got = triples(text, date="2023-06-01")
    assert wanted in got, triples(text, date="2023-06-01", asserted=False)


def test_a_present_tense_habit_without_a_caption_stays_a_habit(nlp) -> None:
    c = call(nlp, "The president meets the opposition leaders in his palace and threatens them with prison.",
             "threatens")
    assert c.modality == "claimed" and c.kind == "generic", c


@pytest.mark.parametrize("text, wanted", [
    ("Foreign Minister Motegi said he was pleased to be able to hold the strategic dialogue with Indonesia.",
     ("JPN", "IDN", "CONSULT")),
    ("Cavusoglu said he was glad to be able to hold talks with his Greek counterpart Dendias in Athens.",
     ("TUR", "GRC", "CONSULT")),
])
def test_pleased_to_be_able_to_tells_of_an_act_done(text: str, wanted: tuple) -> None:
    got = triples(text, date="2021-12-13")
    assert wanted in got, triples(text, date="2021-12-13", asserted=False)


@pytest.mark.parametrize("sentence, word", [
    ("Japan would be able to hold the dialogue with Indonesia next year.", "hold"),
    ("North Korea's new missiles are able to reach Tokyo.", "reach"),
    ("The minister hopes to be able to meet his Greek counterpart soon.", "meet"),
])
def test_an_ability_alone_is_no_act(nlp, sentence: str, word: str) -> None:
    assert call(nlp, sentence, word).modality != "asserted"
