"""The tokenizer keeps a hyphenated given name one token after a capitalised name word ('Moon Jae-in',
'Ban Ki-moon', 'Tsai Ing-wen'), so that 'in' or 'moon' is no preposition or noun of its own; every
other hyphen splits as before (compound modifiers, prefixes, ranges, dates, Urdu and Arabic names)."""

from __future__ import annotations

import pickle

import pytest

from dyadwatch.coding.coder import get_coder
from dyadwatch.ingest.article import Article
from dyadwatch.nlp import get_nlp, get_tokenizer_nlp, hyphenated_name_spans


def tokens(text: str) -> list[str]:
    parsed = [t.text for t in get_nlp().make_doc(text)]
    assert [t.text for t in get_tokenizer_nlp().make_doc(text)] == parsed  # the prefilter sees the same
    return parsed


@pytest.mark.parametrize("text, name", [
    ("President Moon Jae-in accused Tokyo", "Jae-in"),
    ("Secretary-General Ban Ki-moon said", "Ki-moon"),
    ("Taiwan's leader Tsai Ing-wen, who", "Ing-wen"),
    ("a statement by Kim Yo-jong on Sunday", "Yo-jong"),
    ("the late Kim Dae-jung's sunshine policy", "Dae-jung"),
    ("former premier Chung Sye-kyun", "Sye-kyun"),
    ("Generalissimo Chiang Kai-shek fled", "Kai-shek"),
    ("Opposition leader Lee Jae-myung.", "Jae-myung"),
])
def test_a_hyphenated_given_name_is_one_token(text: str, name: str) -> None:
    assert name in tokens(text)


@pytest.mark.parametrize("text, parts", [
    ("pro-Russian separatists", ["pro", "-", "Russian"]),
    ("anti-government protests", ["anti", "-", "government"]),
    ("the Jammu-Kashmir highway", ["Jammu", "-", "Kashmir"]),
    ("clashes on 2019-07-25 near", ["2019", "-", "07", "-", "25"]),
    ("The Saudi-led coalition", ["Saudi", "-", "led"]),
    ("Iranian-backed militias", ["Iranian", "-", "backed"]),
    ("Hong Kong-based lawmakers", ["Kong", "-", "based"]),
    ("the New York-born envoy", ["York", "-", "born"]),
    ("North Korea-linked hackers", ["Korea", "-", "linked"]),
    ("a Hamas-run ministry", ["Hamas", "-", "run"]),
    ("Cold War-era missiles", ["War", "-", "era"]),
    ("Sit-in protesters stayed", ["Sit", "-", "in"]),  # no name word before it
    ("Jaish-e-Mohammed claimed it", ["Jaish", "-", "e", "-", "Mohammed"]),
    ("Prime Minister Zia-ul-Haq", ["Zia", "-", "ul", "-", "Haq"]),
    ("in Port-au-Prince", ["Port", "-", "au", "-", "Prince"]),
    ("Foreign Minister Jean-Yves Le Drian", ["Jean", "-", "Yves"]),
    ("the Israel-Hamas war", ["Israel", "-", "Hamas"]),
    ("U.S.-led forces", ["U.S.", "-", "led"]),
    ("the Moon - in camp", ["Moon", "-", "in"]),  # spaced: no name
])
def test_other_hyphens_still_split(text: str, parts: list[str]) -> None:
    toks = tokens(text)
    k = toks.index(parts[0])
    assert toks[k:k + len(parts)] == parts, toks


def test_offsets_and_whitespace_are_kept() -> None:
    text = "Talks between Moon Jae-in and  Kim Jong Un ended."
    doc = get_nlp().make_doc(text)
    assert doc.text == text
    tok = next(t for t in doc if t.text == "Jae-in")
    assert text[tok.idx:tok.idx + len(tok)] == "Jae-in" and tok.whitespace_ == " "


def test_no_spans_without_a_hyphen_and_the_parser_still_pickles() -> None:
    assert hyphenated_name_spans(get_nlp().make_doc("Moon Jae in Seoul")) == []
    nlp = pickle.loads(pickle.dumps(get_tokenizer_nlp()))
    assert "Jae-in" in [t.text for t in nlp("President Moon Jae-in left.")]


@pytest.mark.parametrize("text, name", [
    ("South Korean President Moon Jae-in in a speech accused Japan of retaliation.", "Jae-in"),
    ("President Moon Jae-in accused the North of violating the military agreement.", "Jae-in"),
    ("UN chief Ban Ki-moon in a statement condemned the attack.", "Ki-moon"),
])
def test_the_parser_reads_the_name_as_a_name(text: str, name: str) -> None:
    doc = get_nlp()(text)
    tok = next(t for t in doc if t.text == name)
    assert tok.pos_ == "PROPN" and doc[tok.i - 1].pos_ == "PROPN", [(t.text, t.pos_) for t in doc]


@pytest.mark.parametrize("text, etype, actor, recipient", [
    ('"We will never again lose to Japan," President Moon Jae-in said, accusing Tokyo of economic retaliation.',
     "ACCUSE", "KOR", "JPN"),
    ("President Moon Jae-in accused North Korea on Thursday of breaking the military pact.", "ACCUSE", "KOR",
     "PRK"),
    ("UN Secretary-General Ban Ki-moon urged Israel to halt settlement building.", "REQUEST", "UNO", "ISR"),
])
def test_the_named_person_acts(text: str, etype: str, actor: str, recipient: str) -> None:
    events = get_coder().code(Article(text=text, date="2019-08-02", raw_id="n"))
    got = {(e.event, e.actor[0].code if e.actor else None, e.recipient[0].code if e.recipient else None)
           for e in events if e.modality == "asserted"}
    assert (etype, actor, recipient) in got, got
