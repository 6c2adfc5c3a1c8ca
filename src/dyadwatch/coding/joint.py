"""Joint acts: several parties acting together on each other ("A and B signed", "accused each
other", talks and calls, joint exercises). A reciprocal draft has recipients == actors; the event
record then stands for every ordered pair of different parties."""

from __future__ import annotations

from spacy.tokens import Token

from .arguments import direct_object
from .scope import Draft, Scope
from .words import word_set

DISCUSS_WORDS = word_set("events", "discuss_words")


def each_other(tok: Token) -> bool:
    """The trigger's object is "each other" / "one another" (directly or through a preposition)."""
    for ch in tok.children:
        objs = [ch] if ch.dep_ in ("dobj", "dative", "pobj") else \
            [g for g in ch.children if g.dep_ == "pobj"] if ch.dep_ == "prep" else []
        for o in objs:
            words = [w.lower_ for w in o.subtree]
            if words[-2:] in (["each", "other"], ["one", "another"]):
                return True
    return False


def reciprocal(d: Draft) -> None:
    """Several actors of a reciprocal entry ("A and B signed", "met") or acting on "each other": every
    side acts on every other side."""
    many = len(d.actor_codes()) > 1
    inside = not d.recips or d.recip_codes() <= d.actor_codes()
    if "recip" in d.entry.flags and many and inside:
        d.recips = list(d.actors)
        d.reciprocal = True
    if not d.reciprocal and many and each_other(d.tok) and inside:
        # "Armenia and Azerbaijan accused each other"
        d.recips = list(d.actors)
        d.reciprocal = True


def joint_exercise(d: Draft) -> None:
    """Joint exercises are military cooperation between the participants."""
    if d.etype == "MOBILIZE" and d.mode == "weapons" and (
            len(d.actor_codes()) > 1 or any(w.lower_ in ("joint", "combined") for w in d.tok.subtree)):
        d.retype("COOPERATE", None, "062")
        if len(d.actor_codes()) > 1:
            d.recips = list(d.actors)
            d.reciprocal = True


def talks_both_ways(d: Draft, sc: Scope) -> None:
    """Talks and phone calls go both ways: each side consults the other."""
    tok = d.tok
    obj = direct_object(tok)
    if d.etype == "CONSULT" and not d.reciprocal and d.recips and d.mode != "visit" and (
            tok.lemma_.lower() in DISCUSS_WORDS or (obj is not None and obj.lemma_.lower() in DISCUSS_WORDS)):
        own = d.actor_codes()
        others = [r for r in d.recips if r.code not in own]
        if others and all(sc.finder.is_country(x.code or "") for x in d.actors + others):
            d.actors = list(d.actors) + others
            d.recips = list(d.actors)
            d.reciprocal = True


def alone(d: Draft) -> None:
    """"Turkey hosts refugees": a consultation or cooperation with no one else is none."""
    if d.etype in ("CONSULT", "COOPERATE") and not d.reciprocal and d.recips and \
            d.recip_codes() <= d.actor_codes():
        d.recips = []
