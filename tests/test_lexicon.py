"""The event lexicon as data: every entry is well formed, has a stable unique id, and its CAMEO code
agrees with the one CAMEO table (kb/data/cameo.csv) so that a GDELT export and re-import keeps the type."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from dyadwatch.coding import triggers
from dyadwatch.coding.triggers import load_lexicon
from dyadwatch.events import EVENT_TYPES, cameo_table

# PLOVER modes by type (docs/PLOVER.md); a mode may also be the one the CAMEO table gives its code.
PLOVER_MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"},
}
SLOT = re.compile(r"^(dobj|iobj|nsubjpass|xobj|ccsubj|ncsubj|loc|of|dobj_actor|prep:[a-z_]+)$")
FLAGS = {"recip", "control", "intent", "speech", "test", "weak", "infinitive", "of_actor", "inverse", "predicate",
         "armed", "crowd", "person", "visitor"}


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def test_every_entry_agrees_with_the_cameo_table(lex):
    table = cameo_table()
    bad = []
    for e in lex.entries():
        row = table.get(e.cameo or "")
        if row is None:
            bad.append(f"{e.id} ({e.source}): CAMEO {e.cameo!r} is not in cameo.csv")
        elif e.event in ("SAY",):
            if row["plover"] is not None:
                bad.append(f"{e.id}: a speech or no-event entry carries {e.cameo} = {row['plover']}")
        elif e.event == "DENY":
            if row["plover"] not in (None, "REJECT"):
                bad.append(f"{e.id}: DENY carries {e.cameo} = {row['plover']}")
        elif row["plover"] != e.event:
            bad.append(f"{e.id} ({e.source}): {e.event} coded CAMEO {e.cameo}, which cameo.csv maps to "
                       f"{row['plover']}")
    assert not bad, "\n".join(bad)


def test_types_modes_slots_and_flags_are_known(lex):
    table = cameo_table()
    bad = []
    for e in lex.entries():
        if e.event not in EVENT_TYPES and e.event not in ("SAY", "DENY"):
            bad.append(f"{e.id}: unknown type {e.event}")
        if e.mode and e.event in EVENT_TYPES:
            allowed = PLOVER_MODES.get(e.event, set()) | {(table.get(e.cameo or "") or {}).get("mode")}
            if e.mode not in allowed:
                bad.append(f"{e.id}: mode {e.mode} is no PLOVER mode of {e.event}")
        bad += [f"{e.id}: recipient slot {s!r}" for s in e.recip if not SLOT.match(s)]
        bad += [f"{e.id}: flag {f!r}" for f in e.flags - FLAGS]
        if e.prt and not re.match(r"^(prt|prep):[a-z]+$", e.prt):
            bad.append(f"{e.id}: particle {e.prt!r}")
        if e.obj & e.not_obj:
            bad.append(f"{e.id}: {sorted(e.obj & e.not_obj)} both required and forbidden")
    assert not bad, "\n".join(bad)


def test_ids_are_unique_and_stable_in_shape(lex):
    ids = Counter(e.id for e in lex.entries())
    assert not [i for i, n in ids.items() if n > 1]
    for e in lex.entries():
        assert re.match(r"^[a-z0-9][a-z0-9_.-]*$", e.id), e.id
        assert e.source and ":" in e.source


def test_lexicon_is_several_times_the_hand_list(lex):
    # the hand-written lists had 448 verb and 102 noun patterns; the compact rows multiply them
    kinds = Counter(e.kind for e in lex.entries())
    assert kinds["verb"] >= 1800 and kinds["noun"] >= 600, kinds
    by_type = Counter(e.event for e in lex.entries())
    assert all(by_type[t] >= 40 for t in EVENT_TYPES), by_type


def test_every_trigger_word_reaches_the_prefilter(lex):
    # a sentence can only be coded if the prefilter parses it: each non-speech trigger needs its forms
    missing = []
    for e in lex.entries():
        if e.is_speech:
            continue
        need = {o.split()[-1] for o in e.obj} if (e.kind == "verb" and e.obj) else {e.lemma.split()[-1]}
        for w in need:
            if w not in lex.forms:
                missing.append(f"{e.id}: {w}")
    assert not missing, missing[:20]


def test_bad_rows_are_reported_with_file_and_line(tmp_path, monkeypatch, caplog):
    d = tmp_path / "lexicon" / "types"
    d.mkdir(parents=True)
    (d / "mine.csv").write_text(
        "id,kind,words,obj,event,mode,cameo,recip,flags\n"
        "# a comment\n"
        "my.ok,verb,bamboozle|hoodwink,,ACCUSE,disapprove,111,dobj,\n"
        "my.bad,adverb,quickly,,ACCUSE,,111,,\n"
        "my.cls,verb,frobnicate,@no_such_class,ACCUSE,,111,,\n"
        "my.replace,verb,three word verb,,ACCUSE,,111,,\n", "utf-8")
    monkeypatch.setenv("DYADWATCH_KB", str(tmp_path))
    load_lexicon.cache_clear()
    try:
        with caplog.at_level("WARNING", logger="dyadwatch.coding"):
            lex = load_lexicon()
        assert lex.get("my.ok.bamboozle") is not None and lex.get("my.ok.hoodwink") is not None
        assert "bamboozled" in lex.forms
        msgs = [r.getMessage() for r in caplog.records]
        assert any("mine.csv:4" in m and "kind" in m for m in msgs), msgs
        assert any("mine.csv:5" in m and "no_such_class" in m for m in msgs), msgs
        assert any("mine.csv:6" in m for m in msgs), msgs
    finally:
        monkeypatch.delenv("DYADWATCH_KB")
        load_lexicon.cache_clear()


def test_a_user_row_replaces_a_bundled_entry_by_id(tmp_path, monkeypatch):
    bundled = load_lexicon().get("v113")
    assert bundled is not None and bundled.event == "ACCUSE"
    d = tmp_path / "lexicon"
    d.mkdir()
    (d / "verbs.csv").write_text("id,lemma,prt,obj,event,mode,cameo,recip,flags\n"
                                 "v113,condemn,,,REJECT,,120,dobj,\n", "utf-8")
    monkeypatch.setenv("DYADWATCH_KB", str(tmp_path))
    load_lexicon.cache_clear()
    try:
        e = load_lexicon().get("v113")
        assert e is not None and e.event == "REJECT" and str(d) in e.source
    finally:
        monkeypatch.delenv("DYADWATCH_KB")
        load_lexicon.cache_clear()


def test_inflections_cover_irregular_and_doubled_forms():
    load_lexicon()
    assert {"fought"} <= triggers.inflections("fight")
    assert {"expelled", "expelling"} <= triggers.inflections("expel")
    assert {"sought"} <= triggers.inflections("seek")
    assert {"withheld"} <= triggers.inflections("withhold")


def test_noun_patterns_are_a_head_and_its_modifiers(lex):
    # "threat of force" can never match (only modifiers before the head are compared): such a sense needs
    # the head noun with an object constraint ("threat" + obj "force")
    bad = [e.id for e in lex.entries() if e.kind == "noun" and
           set(e.lemma.split()[:-1]) & {"of", "for", "on", "to", "by", "in", "from", "with", "the", "a"}]
    assert not bad, bad


def test_spelling_variants_are_generated_for_compact_rows(lex):
    ids = {e.id for e in lex.entries()}
    assert "accuse.criticise.demonize" in ids and "accuse.criticise.demonise" in ids
    assert any(e.lemma == "mobilise" for e in lex.entries())
    assert triggers.spelling_variants("seize") == [] and triggers.spelling_variants("paralyze") == ["paralyse"]


def test_every_bundled_row_loads_without_a_warning(monkeypatch, caplog):
    # a row the loader skips (a verb of three words, an unknown class, a repeated id) silently loses its entries
    monkeypatch.delenv("DYADWATCH_KB", raising=False)
    load_lexicon.cache_clear()
    try:
        with caplog.at_level("WARNING", logger="dyadwatch.coding"):
            load_lexicon()
        msgs = [r.getMessage() for r in caplog.records if r.name == "dyadwatch.coding"]
        assert not msgs, msgs[:10]
    finally:
        load_lexicon.cache_clear()
