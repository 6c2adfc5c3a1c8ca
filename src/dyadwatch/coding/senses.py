"""Another sense of a trigger word: "returned home" is travel, "fired his adviser" a dismissal,
"mobilised support" no forces, "ended three days of talks" talks that took place, "moved in" by
troops no visit."""

from __future__ import annotations

from .agents import is_person
from .arguments import direct_object, is_passive, subject_token
from .candidates import has_infinitive
from .scope import Draft, Scope
from .triggers import MEASURE_NOUNS
from .words import word_set

MILITARY_WORDS = word_set("events", "military_words")
DISMISS_VERBS = ("fire", "sack", "axe")
FINISH_VERBS = ("end", "conclude", "finish", "complete", "wrap")


def wrong_sense(d: Draft, sc: Scope) -> bool:
    """The trigger is used in a sense that is no event of its entry."""
    tok, e = d.tok, d.entry
    lemma = tok.lemma_.lower()
    if "infinitive" in e.flags and not has_infinitive(tok):
        return True  # "told reporters that ..." is speech; "told Iran to stop" is a demand
    if e.kind != "verb":
        return False
    obj = direct_object(tok)
    if e.event == "RETREAT" and lemma == "return" and not e.obj and obj is None and not is_passive(tok):
        return True  # "after returning from Pyongyang", "returned home": travel, not a concession
    if e.event == "ASSAULT" and lemma in DISMISS_VERBS and not e.prt and obj is not None and is_person(obj, sc):
        return True  # "fired his national security adviser": dismissed from a post
    # "mobilized pressure groups", "mobilised support": not forces
    return e.event == "MOBILIZE" and lemma in ("mobilize", "mobilise") and obj is not None and \
        sc.sa.role_sector(obj) not in ("MIL", "REB") and obj.lemma_.lower() not in MILITARY_WORDS


def reread(d: Draft) -> None:
    """A sense of the trigger that is another event type."""
    tok, e = d.tok, d.entry
    if e.kind == "verb" and d.etype == "SANCTION" and tok.lemma_.lower() in FINISH_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in MEASURE_NOUNS for c in tok.children):
        d.retype("CONSULT", None, "040")  # "ended three days of talks": the talks took place


def visit_sense(d: Draft) -> bool:
    """A phrasal "visit" verb ("moved in", "went into"): peacekeepers going in is aid; forces, rebels,
    police or civilians going in is no visit (False: no event)."""
    tok, e = d.tok, d.entry
    if d.etype == "CONSULT" and d.mode == "visit" and e.kind == "verb" and e.prt:
        subj, _ = subject_token(tok)
        words = subj.subtree if subj is not None else []
        np_text = " ".join(t.lower_ for t in words)
        if "peacekeep" in np_text:
            d.retype("AID", None, "074")
        elif any(a.sector in ("MIL", "REB", "COP", "CVL", "REF") for a in d.actors):
            return False
    return True
