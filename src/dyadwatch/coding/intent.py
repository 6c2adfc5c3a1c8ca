"""Statements of intent: a verb of intent takes its type from the act it embeds ("vowed to
retaliate" is a threat, "pledged to help" a promise), "has no intention of meeting X" is a refusal,
"is open to talks with X" an offer to meet."""

from __future__ import annotations

from spacy.tokens import Token

from ..events import Event
from .agents import subject
from .arguments import direct_object, prep_objects
from .clause_modality import WILLING
from .recipients import other_country
from .scope import Draft, Scope, cooperative
from .triggers import SPEECH, LexEntry
from .words import word_set

INTENT_NOUNS = word_set("events", "intent_nouns")
MEETING_NOUNS = word_set("events", "meeting_nouns")


def embedded_type(tok: Token, sc: Scope) -> str | None:
    """The type of the first trigger in the clause `tok` embeds."""
    for ch in tok.children:
        if ch.dep_ in ("xcomp", "ccomp"):
            for t in ch.subtree:
                c = sc.by_tok.get(t.i)
                if c is not None and c.entry.event not in (SPEECH, "DENY"):
                    return c.entry.event
    return None


def embedded_negated(tok: Token) -> bool:
    for ch in tok.children:
        if ch.dep_ in ("xcomp", "ccomp") and any(g.dep_ == "neg" for g in ch.children):
            return True
    return False


def intent_type(d: Draft, sc: Scope) -> bool:
    """An "intent" entry: a promise (AGREE) of a cooperative act, else a threat; negated the other
    way round. False when the clause holds no act."""
    if "intent" not in d.entry.flags:
        return True
    inner = embedded_type(d.tok, sc)
    if inner is None:
        return False
    d.etype = "AGREE" if cooperative(inner) else "THREATEN"
    if embedded_negated(d.tok):
        d.etype = "REJECT" if d.etype == "AGREE" else "AGREE"
    # the CAMEO code follows the type the intent became ("vowed to retaliate": a threat of force, 138)
    d.cameo = {"AGREE": d.cameo if (d.cameo or "").startswith("03") else "030", "REJECT": "120",
               "THREATEN": "138" if inner in ("ASSAULT", "MOBILIZE") else "130"}.get(d.etype, d.cameo)
    return True


def no_intention(tok: Token, sc: Scope) -> Event | None:
    """"has no intention of sitting down with the United States": a refusal."""
    if tok.lemma_.lower() not in INTENT_NOUNS or not any(c.lower_ == "no" for c in tok.children):
        return None
    inner = [g for p in tok.children if p.dep_ in ("prep", "acl") for g in ([p] if p.pos_ == "VERB" else
             [x for x in p.children if x.dep_ in ("pcomp", "pobj") and x.pos_ == "VERB"])]
    if not inner or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    actors, how = subject(tok.head, sc)
    if not actors:
        return None
    own = {a.code for a in actors}
    recips = []
    for t in inner[0].subtree:
        if t.dep_ == "pobj" and t.head.lower_ in ("with", "to"):
            recips = [a for a in sc.sa.resolve(t) if a.code not in own]
            if recips:
                break
    recips = recips or [a for a in sc.sa.resolve(direct_object(inner[0])) if a.code not in own] \
        if direct_object(inner[0]) is not None else recips
    entry = LexEntry("c120", "noun", tok.lemma_.lower(), "", frozenset(), "REJECT", None, "120", (), frozenset())
    return sc.make(tok, entry, "REJECT", None, "120", actors, recips, "asserted", how)


def open_to(tok: Token, sc: Scope) -> Event | None:
    """"was open to a third summit with Trump", "is ready for talks with Iran": an offer to meet."""
    if tok.dep_ != "pobj" or tok.lemma_.lower() not in MEETING_NOUNS or tok.head.lower_ not in ("to", "for"):
        return None
    adj = tok.head.head
    if adj.pos_ != "ADJ" or adj.lemma_.lower() not in WILLING | {"open"} or adj.dep_ != "acomp":
        return None
    verb = adj.head
    actors, how = subject(verb, sc)
    if not actors:
        return None
    own = {a.code for a in actors}
    recips = [a for g in prep_objects(tok, "with") for a in sc.sa.resolve(g) if a.code not in own] or \
        other_country(tok, sc, actors)
    negated = any(c.dep_ == "neg" for c in verb.children) or any(c.dep_ == "neg" for c in adj.children)
    etype, cameo = ("REJECT", "120") if negated else ("AGREE", "030")
    entry = LexEntry("c030", "noun", tok.lemma_.lower(), "", frozenset(), etype, None, cameo, (), frozenset())
    return sc.make(tok, entry, etype, None, cameo, actors, recips, "asserted", how)
