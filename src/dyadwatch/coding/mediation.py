"""Third parties: "a deal brokered by China", "an exchange mediated by the UAE", "talks between A and B,
hosted by Turkey". A mediating participle with a by-agent modifies the act it mediates; the agent
consults (third-party mode) with the parties of that act: the sides of the event coded on the noun
or on the clause the noun hangs on ("A and B agreed ..., in a deal brokered by C"), else the noun's
own "between A and B"."""

from __future__ import annotations

from spacy.tokens import Token

from ..events import Actor
from .arguments import is_passive, prep_objects, subject_token
from .scope import Draft, Scope, copy_actor
from .words import word_set

MEDIATION_VERBS = word_set("events", "mediation_verbs")
THIRD_PARTY_CAMEO = {"host": "044"}  # hosting talks between others; brokering and mediating: 045


def _parties_of(ev_actors: list[Actor], ev_recips: list[Actor], mediators: set[str | None]) -> list[Actor]:
    out: list[Actor] = []
    for a in ev_actors + ev_recips:
        if a.code and a.code not in mediators and all(a.code != b.code for b in out):
            out.append(copy_actor(a))
    return out


def mediated_act(tok: Token) -> list[Token]:
    """The tokens that may carry the act a mediating participle modifies: its noun, then the verbs the
    noun's preposition hangs on ("agreed ... in a deal brokered by", "completed a swap, each bringing home
    soldiers in an exchange mediated by"), nearest first; the subject of a passive mediation verb ("the
    negotiations were brokered by Turkey")."""
    if is_passive(tok) and tok.dep_ not in ("acl", "amod"):
        return [c for c in tok.children if c.dep_ == "nsubjpass"]
    if tok.dep_ not in ("acl", "amod", "relcl") or tok.head == tok:
        return []
    noun = tok.head
    out = [noun]
    h = noun
    for _ in range(4):
        if h.dep_ in ("pobj",) and h.head.dep_ == "prep":
            h = h.head.head
        elif h.dep_ in ("dobj", "nsubj", "nsubjpass", "appos", "attr") or (
                h.pos_ in ("VERB", "AUX") and h.dep_ in ("xcomp", "ccomp", "advcl")):  # "agreed to open ..., in a deal"
            h = h.head
        else:
            break
        out.append(h)
    return out


def is_mediating_participle(tok: Token) -> bool:
    """"(a deal) brokered by China": a mediation verb as a participle with a by-agent; its own act even
    inside a clause another trigger owns ("agreed to open crossings in an arrangement brokered by X")."""
    return tok.lemma_.lower() in MEDIATION_VERBS and tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN" and \
        any(c.dep_ == "agent" for c in tok.children)


def mediated_parties(d: Draft, sc: Scope) -> None:
    """A mediating participle with a by-agent and no recipient of its own: the parties of the mediated act
    become its recipients (two at least, the mediator never among them)."""
    tok = d.tok
    lemma = tok.lemma_.lower()
    if lemma not in MEDIATION_VERBS or d.etype != "CONSULT" or d.how != "agent" or not d.actors:
        return
    own = d.actor_codes()
    if d.recips and not (d.recip_codes() <= own):
        return
    for t in mediated_act(tok):
        ev = sc.made.get(t.i)
        parties: list[Actor] = []
        if ev is not None:
            parties = _parties_of(ev.actor, ev.recipient, own)
        if len(parties) < 2 and t.pos_ in ("NOUN", "PROPN"):
            between = [a for g in prep_objects(t, "between") for a in sc.sa.resolve(g)]
            parties = _parties_of(between, [], own)
        if len(parties) < 2 and t.pos_ in ("VERB", "AUX"):
            # "Russia and Ukraine completed a swap, each bringing home soldiers in an exchange mediated by the
            # UAE": the sides are the subject of the clause the exchange belongs to
            s, _ = subject_token(t)
            parties = _parties_of(sc.sa.resolve(s), [], own) if s is not None else []
        if len(parties) >= 2:
            d.recips = parties
            d.recip_slot = "mediated"
            d.retype("CONSULT", "third-party", THIRD_PARTY_CAMEO.get(lemma, "045"))
            return
