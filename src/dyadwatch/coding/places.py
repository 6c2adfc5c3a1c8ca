"""Where an act happened, as a country: prepositional phrases of place ("arrested in Iran", "near the
border with Syria"), the place of an attack without a named attacker, a minority where it lives."""

from __future__ import annotations

from spacy.tokens import Token

from ..events import Actor
from .arguments import direct_object, is_passive, prep_objects, subject_token
from .resolve import SentenceActors
from .scope import Scope
from .triggers import match_noun
from .words import word_list, word_set

LOCATION_PREPS = word_list("places", "location_preps")
NOT_PLACES = word_set("places", "not_places")
PLACE_PREPS = word_set("places", "place_preps")
TOWN_WORDS = word_set("places", "town_words")
DEVICES = word_set("events", "devices")
BORDER_WORDS = ("border", "frontier", "boundary")
MISSIONS = word_set("places", "missions")
AT_BUILDING = word_list("places", "at_building")


def _countries(sa: SentenceActors, g: Token) -> list[Actor]:
    return [a for a in sa.resolve(g) if a.code and len(a.code) == 3]


def location(tok: Token, sa: SentenceActors) -> list[Actor]:
    """The country a trigger's phrase of place names, or []."""
    for word in LOCATION_PREPS:
        for g in prep_objects(tok, word):
            if g.lemma_.lower() in NOT_PLACES or g.lemma_.lower() in DEVICES:
                continue  # "in defiance of Chinese authorities", "in response to ...", "in an Israeli strike"
            # "in front of the embassy of France in Niamey": a mission stands in its host country
            got = [] if g.lemma_.lower() in MISSIONS or g.lower_ == "front" else _countries(sa, g)
            if got:
                return got
            borders = ("with",) if g.lemma_.lower() in BORDER_WORDS else ()
            for w2 in ("in", "near", "outside") + borders:
                for g2 in prep_objects(g, w2):
                    got = _countries(sa, g2)
                    if got:
                        return got
    for p in tok.children:
        if p.dep_ == "prep":
            for g in p.children:
                if g.dep_ == "pobj":
                    for g2 in prep_objects(g, "in"):
                        got = _countries(sa, g2)
                        if got:
                            return got
    o = direct_object(tok)
    if o is not None:
        for word in ("in", "of", "near"):
            for g in prep_objects(o, word):
                got = _countries(sa, g)
                if got:
                    return got
    return []


def is_device(t: Token, sc: Scope) -> bool:
    """A weapon or an attack standing as the doer ("a roadside bomb", "the blast")."""
    if t.lemma_.lower() in DEVICES:
        return True
    entry = match_noun(t, sc.lex)
    return entry is not None and entry.event == "ASSAULT"


def attack_place(tok: Token, sc: Scope) -> list[Actor] | None:
    """The country where an attack without a named attacker happened: the verb is passive with no
    agent or a device for agent, or its subject is a device or an attack ("a car bomb", "an explosion")."""
    sa = sc.sa
    subj, _ = subject_token(tok)
    heads: list[Token] = [tok]
    if is_passive(tok):
        agents = prep_objects(tok, "by")
        if agents and not all(is_device(a, sc) for a in agents):
            return None
        heads += agents
    elif subj is None or not is_device(subj, sc):
        return None
    else:
        heads.append(subj)
    skip = {t.i for v in tok.children if v.dep_ == "nsubjpass" for t in v.subtree}
    for h in heads:
        for t in h.subtree:
            if t.i in skip or t.dep_ != "pobj":
                continue
            if t.head.lower_ in PLACE_PREPS | {"near", "outside"} or (
                    t.head.lower_ == "of" and (t.head.head.lemma_.lower() in TOWN_WORDS
                                               or t.head.head.lower_ in ("outside", "near"))):
                got = [a for a in sa.resolve(t) if a.code and sc.finder.is_country(a.code)]
                if not got:
                    for sub in t.subtree:
                        m = sa.tokmap.get(sub.i)
                        if m is not None and m.kind in ("country", "capital", "demonym", "region") and \
                                sc.finder.is_country(m.code):
                            got = [sa.actor_from_mention(m, None)]
                            break
                if got:
                    return [Actor(got[0].code, None, got[0].entity_text, got[0].start, got[0].end)]
    return None


def is_ethnic(r: Actor, sa: SentenceActors) -> bool:
    """An actor named as an ethnic group ("ethnic Albanians")."""
    if r.start is None:
        return False
    for t in sa.doc:
        if sa.offset + t.idx == r.start:
            return t.i > 0 and sa.doc[t.i - 1].lower_ == "ethnic"
    return False


def mission_owner(tok: Token, sa: SentenceActors) -> list[Actor]:
    """"rallied outside the Russian embassy in Vilnius", "marched to the embassy of France": the state
    whose mission the act is at (not the host country)."""
    for word in AT_BUILDING + ("in",):
        for g in prep_objects(tok, word):
            heads = [g] if word != "in" else []
            if g.lower_ == "front":  # "in front of the embassy"
                heads = [x for p in g.children if p.dep_ == "prep" and p.lower_ == "of" for x in p.children
                         if x.dep_ == "pobj"]
            for h in heads:
                if h.lemma_.lower() not in MISSIONS:
                    continue
                owner = [a for c in h.children if c.dep_ in ("amod", "compound", "poss", "prep") and c.lower_ != "in"
                         for a in (sa.resolve(c) if c.dep_ != "prep" else
                                   [x for q in c.children if q.dep_ == "pobj" for x in sa.resolve(q)])]
                owner = [a for a in owner if a.code and len(a.code) == 3]
                if owner:
                    return owner[:1]
    return []
