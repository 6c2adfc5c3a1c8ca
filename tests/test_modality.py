"""Modality of event triggers: cues on the trigger and on the words that govern it."""

from __future__ import annotations

import logging

import pytest

from dyadwatch.coding import modality as mod
from dyadwatch.nlp import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def trigger_of(nlp, sentence: str, word: str):
    doc = nlp(sentence)
    hits = [t for t in doc if t.text == word]
    assert hits, f"{word!r} not in {sentence!r}"
    return hits[0]


CASES = [
    # (sentence, trigger word, expected modality)
    ("The navy shelled the harbour on Monday.", "shelled", "asserted"),
    ("Delegates from both countries held talks in Geneva.", "talks", "asserted"),
    ("The ministry said the two governments signed a fisheries pact.", "signed", "asserted"),
    ("According to border officials, soldiers burned the customs post.", "burned", "asserted"),
    ("The militia did not attack the convoy.", "attack", "negated"),
    ("The junta never recognised the rival council.", "recognised", "negated"),
    ("The capital has yet to respond to the proposal.", "respond", "negated"),
    ("The cabinet refused to meet the striking nurses.", "meet", "negated"),
    ("The cabinet refused to meet the striking nurses.", "refused", "asserted"),
    ("The negotiators failed to reach an accord.", "reach", "negated"),
    ("The two delegations could not agree on a text.", "agree", "negated"),
    ("The prime minister denied ordering the raid.", "ordering", "negated"),
    ("Authorities will no longer tolerate the sit-in.", "tolerate", "negated"),
    ("No negotiations were held that week.", "negotiations", "negated"),
    ("The council cancelled the meeting with the envoys.", "meeting", "negated"),
    ("The rebels stormed the depot without firing a shot.", "firing", "negated"),
    ("The air force could bomb the bridges.", "bomb", "hypothetical"),
    ("If the ceasefire collapses, the army would retake the pass.", "retake", "hypothetical"),
    ("The envoy urged the rebels to free the hostages.", "free", "hypothetical"),
    ("The regime threatened to expel the observers.", "expel", "hypothetical"),
    ("The regime threatened to expel the observers.", "threatened", "asserted"),
    ("The governor warned he would deploy troops.", "deploy", "hypothetical"),
    ("Lawmakers called for talks with the strikers.", "talks", "hypothetical"),
    ("The ministers will meet in Vienna on Friday.", "meet", "future"),
    ("The president plans to visit the flooded province.", "visit", "future"),
    ("The foreign minister is expected to sign the treaty.", "sign", "future"),
    ("The state oil firm is set to suspend exports.", "suspend", "future"),
    ("The delegation is due to arrive in Oslo on Sunday.", "arrive", "future"),
    ("The general is going to inspect the garrison.", "inspect", "future"),
    ("The chancellor is to visit Warsaw next month.", "visit", "future"),
    ("The junta said it would release the detained reporters.", "release", "future"),
    ("The queen will visit the port and inspect the fleet.", "inspect", "future"),
    ("The summit talks will resume next week.", "talks", "future"),
    ("Both sides agreed to exchange prisoners.", "exchange", "future"),
    ("The court decided to allow the candidate to run.", "allow", "asserted"),
    ("The opposition accused the police of beating protesters.", "beating", "claimed"),
    ("The opposition accused the police of beating protesters.", "accused", "asserted"),
    ("The militants reportedly seized the airport.", "seized", "asserted"),
    ("The militants supposedly seized the airport.", "seized", "claimed"),
    ("The hackers tried to break into the ministry servers.", "break", "asserted"),
    ("The army mounted its long-threatened offensive.", "offensive", "asserted"),
    ("Troops allegedly raided the village and burned the market.", "burned", "claimed"),
    ("The guild claimed that the mayor had bribed inspectors.", "bribed", "claimed"),
    ("The ministry dismissed claims that its jets bombed the clinic.", "bombed", "negated"),
    ("The union repeated claims that guards beat the strikers.", "beat", "claimed"),
    ("The colonel is said to have ordered the ambush.", "ordered", "claimed"),
    ("The summit was called off.", "summit", "negated"),
    ("Neither army fired a shot.", "fired", "negated"),
    ("No state has recognised the breakaway region.", "recognised", "negated"),
    ("The alleged raid on the consulate drew protests.", "raid", "claimed"),
    ("The premier ruled out talks with the separatists.", "talks", "negated"),
    ("The planned summit in Lima drew attention.", "summit", "future"),
    ("The cabinet cannot accept the ultimatum.", "accept", "negated"),
    # a "when" clause is its own: the main clause's negation does not reach it
    ("When the envoy flew to Geneva on Friday to meet the rebels, he was not on a peace mission.", "flew",
     "asserted"),
    # a finite verb the parser hangs on a bare infinitive does not share its "would"
    ("The minister said the army would help rebuild the bridges and pressed the rebels to withdraw.", "pressed",
     "asserted"),
    ("The farmers condemned the decision to impose tariffs on their grain.", "impose", "asserted"),
    ("The government is considering sanctions against the junta.", "sanctions", "hypothetical"),
    ("There were no reports of looting in the port.", "looting", "negated"),
    ("An accord between the two parties remains unlikely.", "accord", "hypothetical"),
    ("The navy has no plans to blockade the strait.", "blockade", "negated"),
    ("The navy announced plans to blockade the strait.", "blockade", "future"),
    ("The governor hopes to visit the camps soon.", "visit", "hypothetical"),
    ("The threat of sanctions hangs over the regime.", "sanctions", "hypothetical"),
    ("A new round of negotiations will begin in Doha.", "negotiations", "future"),
    ("A wave of arrests swept the capital.", "arrests", "asserted"),
    ("The premier called the blockade a provocation.", "blockade", "asserted"),
    ("The admiral threatened the rebels with strikes if they kept firing.", "threatened", "asserted"),
    ("The junta called the drills a warning against foreign meddling.", "meddling", "asserted"),
]


@pytest.mark.parametrize("sentence,word,expected", CASES)
def test_modality(nlp, sentence: str, word: str, expected: str) -> None:
    modality, cue = mod.classify_modality_with_cue(trigger_of(nlp, sentence, word))
    assert modality == expected, (sentence, word, cue)
    assert mod.classify_modality(trigger_of(nlp, sentence, word)) == modality
    if expected == "asserted":
        assert cue is None
    else:
        assert cue and cue.lower().split()[0] in sentence.lower()


def test_cue_names_the_deciding_word(nlp) -> None:
    assert mod.classify_modality_with_cue(trigger_of(nlp, "The navy will not shell the port.", "shell")) == (
        "negated", "not")
    assert mod.classify_modality_with_cue(
        trigger_of(nlp, "The president plans to visit the province.", "visit"))[1] == "plans"


def test_users_extend_the_cues(nlp, tmp_path, monkeypatch) -> None:
    (tmp_path / "modality.yaml").write_text("adverbs:\n  rumouredly: claimed\n", encoding="utf-8")
    trig = "The guards rumouredly beat the prisoners."
    before = mod.classify_modality(trigger_of(nlp, trig, "beat"))
    monkeypatch.setenv("DYADWATCH_KB", str(tmp_path))
    mod.load_cues.cache_clear()
    try:
        assert mod.classify_modality(trigger_of(nlp, trig, "beat")) == "claimed"
        assert before == "asserted"
    finally:
        monkeypatch.delenv("DYADWATCH_KB")
        mod.load_cues.cache_clear()


def test_bad_user_file_is_reported_and_ignored(nlp, tmp_path, monkeypatch, caplog) -> None:
    (tmp_path / "modality.yaml").write_text("adverbs: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("DYADWATCH_KB", str(tmp_path))
    mod.load_cues.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="dyadwatch.coding"):
            cues = mod.load_cues()
        assert "modality.yaml" in caplog.text
        assert "allegedly" in cues.adverbs
        assert mod.classify_modality(trigger_of(nlp, "The army did not fire.", "fire")) == "negated"
    finally:
        monkeypatch.delenv("DYADWATCH_KB")
        mod.load_cues.cache_clear()


def test_trying_to_negotiate_is_not_a_negotiation() -> None:
    from dyadwatch.coding.coder import code_text

    evs = code_text('The senator said Ankara was "wasting its time" trying to negotiate with Athens.',
                    date="2020-01-10")
    assert not any(e.event in ("CONSULT", "AGREE") and e.modality == "asserted" for e in evs)
    # an attempted hostile act is still coded
    evs = code_text("Syria has tried to hack into the computers of Turkish army officers.", date="2020-01-10")
    assert any(e.modality == "asserted" and e.event in ("COERCE", "ASSAULT") for e in evs)
