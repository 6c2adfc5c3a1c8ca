"""The coder's word sets as data (kb/data/words/*.yaml): they load, they are used, users extend them."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from dyadwatch.coding import words

SRC = Path(words.__file__).resolve().parent


@pytest.fixture
def fresh_cache():
    words._family.cache_clear()
    yield
    words._family.cache_clear()


def test_every_family_loads_as_lower_case_strings():
    fams = words.families()
    assert {"clause_modality", "speech", "events", "grammar", "places", "people", "references"} <= set(fams)
    for fam in fams:
        sets = words._family(fam)
        assert sets, fam
        for name, ws in sets.items():
            assert ws, (fam, name)
            for w in ws:
                # YAML reads bare no/on/off as booleans: every word must come back as the string it is
                assert isinstance(w, str) and w == w.lower() and w.strip() == w, (fam, name, w)
            assert len(set(ws)) == len(ws), (fam, name)


def test_yaml_pitfall_words_survive():
    assert "no" in words.word_set("clause_modality", "negation")
    assert {"on", "off"} <= set(words.word_list("places", "location_preps"))
    assert "'ll" in words.word_set("clause_modality", "future_aux")


def test_ordered_list_keeps_file_order():
    preps = words.word_list("places", "location_preps")
    assert preps.index("in") < preps.index("near") < preps.index("off")


def test_every_set_is_used_by_the_code_and_every_use_exists():
    used = set()
    for path in SRC.glob("*.py"):
        used |= set(re.findall(r'word_(?:set|list)\("(\w+)", "(\w+)"\)', path.read_text("utf-8")))
    defined = {(fam, name) for fam in words.families() for name in words._family(fam)}
    assert used - defined == set()
    assert defined - used == set(), "word sets nobody reads"


def test_unknown_set_names_the_file():
    with pytest.raises(words.WordListError, match=r"kb/data/words/speech\.yaml.*nonsense"):
        words.word_list("speech", "nonsense")
    with pytest.raises(words.WordListError, match="missing"):
        words.word_list("no_such_family", "x")


@pytest.mark.parametrize("text, msg", [
    ("a: [x, y\n", r"f\.yaml:\d+: bad YAML"),
    ("- a\n- b\n", "mapping"),
    ("a: just a string\n", "list of non-empty words"),
    ("a: [x, 3]\n", "list of non-empty words"),
    ("a: [x, '']\n", "list of non-empty words"),
    ("a: [x, no]\n", "quote"),
])
def test_malformed_file_is_reported_with_its_name(text, msg):
    with pytest.raises(words.WordListError, match=msg):
        words._parse(text, "f.yaml")


def test_empty_file_is_no_sets():
    assert words._parse("", "f.yaml") == {}
    assert words._parse("# only a comment\n", "f.yaml") == {}


def test_user_folder_adds_words(tmp_path, monkeypatch, fresh_cache):
    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "speech.yaml").write_text("neutral_speakers: [Ombudsman, police]\nnew_set: [x]\n")
    monkeypatch.setenv("DYADWATCH_KB", str(tmp_path))
    got = words.word_set("speech", "neutral_speakers")
    assert "ombudsman" in got and "police" in got and "witnesses" in got
    assert words.word_list("speech", "neutral_speakers").count("police") == 1
    assert words.word_set("speech", "new_set") == {"x"}


def test_bad_user_file_is_skipped_with_a_warning(tmp_path, monkeypatch, fresh_cache, caplog):
    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "speech.yaml").write_text("neutral_speakers: [unclosed\n")
    monkeypatch.setenv("DYADWATCH_KB", str(tmp_path))
    with caplog.at_level(logging.WARNING, logger="dyadwatch.coding"):
        got = words.word_set("speech", "neutral_speakers")
    assert "witnesses" in got
    assert any("speech.yaml" in r.getMessage() for r in caplog.records)


def _asserted(text: str) -> set[tuple]:
    from dyadwatch.coding import code_text

    return {(a.code, r.code if r is not None else None, e.event)
            for e in code_text(text, date="2024-05-10") if e.modality == "asserted"
            for a in e.actor for r in (e.recipient or [None])}


@pytest.mark.parametrize("text", [
    # a denial of a claim is no rejection of anyone
    ("Ethiopia's military on Thursday denied that its drones had struck a market town in the Amhara region, "
     "calling the reports baseless propaganda."),
    "Jordan's army denied the reports of an incursion, saying its border units had stayed in place.",
    # withholding a comment is no rejection either
    ("The Serbian defence ministry declined to comment on the reported troop movements near the "
     "administrative line with Kosovo on Sunday night."),
    "Asked about the sanctions, the Chinese embassy in London declined to confirm that talks had stalled.",
])
def test_denials_and_no_comment_are_no_rejection(text):
    assert not any(t == "REJECT" for _, _, t in _asserted(text))


def test_refusing_a_demand_is_still_a_rejection():
    text = "Hungary refused on Monday to respond to a demand from the European Commission to change the law."
    assert ("HUN", "EUR", "REJECT") in _asserted(text)


def test_attack_claimed_by_names_the_attacker():
    text = ("Three Pakistani soldiers were killed near the Afghan border on Friday, the army said, in an attack "
            "claimed by the Islamic State group's local branch.")
    got = _asserted(text)
    assert not any(a == "PAK" and t == "ASSAULT" and r == "PAK" for a, r, t in got)
    text2 = ("A senior commander was killed in a drone strike on a car near Damascus on Monday, in an attack "
             "widely attributed to Israel.")
    assert any(a == "ISR" and t == "ASSAULT" for a, _, t in _asserted(text2))
