"""The subject gets what another gives: "won support from the European Union", "secured a $2 billion loan from
Japan", "won pledges of military aid from Germany". An event noun that is the object (or the object's
complement) of a verb of getting is the act of the one it comes "from", done to the verb's subject; when the
subject is itself an act ("The State Department's approval ... drew a threat from Beijing"), to that act's
doer."""

from __future__ import annotations

from spacy.tokens import Token

from ..events import Actor
from .arguments import prep_objects, subject_token
from .scope import Draft, Scope
from .words import word_set

ACQUIRE_VERBS = word_set("grammar", "acquire_verbs")


def getting_verb(tok: Token) -> tuple[Token, Token] | None:
    """(the verb of getting, its object) that the noun is the object or the object's of-complement of."""
    obj = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "dobj":
        obj = tok.head.head  # "won pledges of military aid from Germany"
    if obj.dep_ != "dobj" or obj.head.lemma_.lower() not in ACQUIRE_VERBS or obj.head.pos_ not in ("VERB", "AUX"):
        return None
    return obj.head, obj


def _givers(tok: Token, obj: Token, verb: Token, sc: Scope) -> list[Actor]:
    for h in (tok, obj, verb, *prep_objects(tok, "of")):  # (or on its complement: "pledges of aid from Germany")
        got = [a for g in prep_objects(h, "from") for a in sc.sa.resolve(g) if a.code]
        if got:
            return got
    return []


def _act_doer(s: Token, sc: Scope) -> list[Actor]:
    """The doer an act noun names by its possessor or by-phrase ("the State Department's approval")."""
    for c in s.children:
        if c.dep_ == "poss":
            got = [a for a in sc.sa.resolve(c) if a.code]
            if got:
                return got
    return [a for g in prep_objects(s, "by") for a in sc.sa.resolve(g) if a.code]


def receivers(verb: Token, sc: Scope, givers: list[Actor]) -> list[Actor]:
    """Who gets it: the verb's subject, or the doer of the act that is its subject."""
    s, _ = subject_token(verb)
    if s is None:
        return []
    own = {a.code for a in givers}
    got = [a for a in sc.sa.resolve(s) if a.code]
    if not got and s.pos_ == "NOUN":
        got = _act_doer(s, sc)
    return [a for a in got if a.code not in own]


def acquired(d: Draft, sc: Scope) -> None:
    """An event noun got from someone: its giver acts on the getter (see the module)."""
    if d.entry.kind != "noun" or d.recips:
        return
    found = getting_verb(d.tok)
    if found is None:
        return
    verb, obj = found
    givers = d.actors or _givers(d.tok, obj, verb, sc)
    if not givers:
        return
    got = receivers(verb, sc, givers)
    if got:
        d.actors, d.recips, d.how, d.recip_slot = givers, got, "agent", "subj"


def act_receiver(d: Draft, sc: Scope) -> None:
    """An inverse verb whose subject is an act with a named doer ("The State Department's approval of the arms
    package drew a threat of countermeasures from Beijing"): that doer receives."""
    if "inverse" not in d.entry.flags or d.recips or not d.actors:
        return
    s, _ = subject_token(d.tok)
    if s is not None and s.pos_ == "NOUN":
        own = d.actor_codes()
        d.recips = [a for a in _act_doer(s, sc) if a.code not in own]
