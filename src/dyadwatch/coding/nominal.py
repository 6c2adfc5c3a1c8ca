"""Arguments of an event noun: its agent ("strikes by Israel", "Serbia's crackdown", "the Iraqi
offensive"), the subject of its light verb ("staged a protest"), the source of a reaction ("drew
condemnation from Seoul"), and its target (the entry's slots, then the light verb's prepositions)."""

from __future__ import annotations

from spacy.tokens import Token

from ..events import Actor
from .agents import subject
from .arguments import direct_object, prep_objects, subject_token
from .candidates import occasion_party
from .recipients import earlier_event_actors, slot
from .scope import Scope
from .triggers import LexEntry
from .words import word_set

LIGHT_VERBS = word_set("events", "light_verbs")
CARRIERS = word_set("events", "carriers")
REACTION_VERBS = word_set("events", "reaction_verbs")
OCCASION_PREPS = word_set("grammar", "occasion_preps")
LIGHT_VERB_SLOTS = ("prep:on", "prep:against", "prep:with", "prep:to", "iobj")


def _modifier_actors(tok: Token, sc: Scope) -> tuple[list[Actor], str]:
    """Actors named before the noun as possessor or modifier ("Serbia's", "the Iraqi", "its")."""
    sa = sc.sa
    actors: list[Actor] = []
    how = ""
    for ch in tok.children:
        if ch.dep_ in ("poss", "amod", "compound", "nmod") and ch.i < tok.i:
            m = sa.tokmap.get(ch.i)
            if m is None:
                for g in ch.subtree:
                    if g.i in sa.tokmap:
                        m = sa.tokmap[g.i]
                        break
            if m is not None:
                actors.append(sa.actor_from_mention(m, tok))
                for cc in ch.conjuncts:
                    mm = sa.tokmap.get(cc.i)
                    if mm is not None:
                        actors.append(sa.actor_from_mention(mm, tok))
                how = "mention"
            elif ch.dep_ == "poss" and ch.pos_ == "PRON":
                actors = sa.resolve(ch)
                how = "mention"
    return actors, how


def _predicated_owner(tok: Token, sc: Scope) -> tuple[list[Actor], str]:
    """An event noun said of a thing ("its launch was a warning to Seoul", "called its drills a warning
    to Seoul"): the act is the thing's owner's; in reported speech with no owner ("North Korea said the
    launch was a warning to Seoul") the speaker's own, unless the thing is another party's act."""
    speaker_verb = None
    if tok.dep_ == "attr" and tok.head.lemma_.lower() == "be":
        thing = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if tok.head.dep_ == "ccomp" and tok.head.head.i in sc.speech:
            speaker_verb = tok.head.head
    elif tok.dep_ == "oprd" and tok.head.pos_ == "VERB":
        thing = direct_object(tok.head)
    else:
        return [], ""
    if thing is None or thing.pos_ != "NOUN" or thing.i in sc.sa.tokmap:
        return [], ""  # "Seoul is a target": a named party is not a thing characterised
    owner, how = _modifier_actors(thing, sc)
    if owner or speaker_verb is None:
        return owner, how
    speakers, how = subject(speaker_verb, sc)
    if not speakers or earlier_event_actors(speaker_verb, sc, speakers, objs=[thing]):
        return [], ""  # "Seoul said the launch was a warning to Washington": the launcher's, not Seoul's
    return speakers, how


def noun_args(tok: Token, e: LexEntry, sc: Scope) -> tuple[list[Actor], list[Actor], str, str]:
    """(actors, recipients, how the actor was found, the slot that named the recipients) of an event
    noun."""
    sa = sc.sa
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in CARRIERS:
        tok = tok.head  # "a mediation effort between A and B": the head noun carries the arguments
    actors: list[Actor] = []
    how = ""
    for g in prep_objects(tok, "by"):
        actors = sa.resolve(g)
        how = "agent"
    if not actors:
        # "the expulsion of four Russian diplomats by Poland": the parser hangs the agent on the patient
        for o in prep_objects(tok, "of"):
            if o.ent_type_ in ("DATE", "TIME") or sa.tokmap.get(o.i) is not None:
                continue
            for g in prep_objects(o, "by"):
                if g.ent_type_ not in ("DATE", "TIME"):
                    actors = sa.resolve(g)
                    how = "agent"
    if not actors and "prep:from" in e.recip:
        # "the U.S. withdrawal from the Iran nuclear deal": the one left is the recipient, the modifier the actor
        actors, how = _modifier_actors(tok, sc)
    if not actors and "prep:from" not in e.recip:
        for g in prep_objects(tok, "from"):
            actors = sa.resolve(g)
            how = "agent"
    reaction_target: list[Actor] = []
    if not actors and tok.dep_ == "dobj" and tok.head.lemma_.lower() in REACTION_VERBS:
        # "the launches drew condemnation from Seoul": the reaction's source and its cause
        verb = tok.head
        for g in prep_objects(verb, "from"):
            actors = sa.resolve(g)
            how = "agent"
        if actors:
            subj, _ = subject_token(verb)
            if subj is not None:
                reaction_target = sa.resolve(subj) or earlier_event_actors(verb, sc, actors, objs=[subj])
    if not actors and "of_actor" in e.flags:
        for g in prep_objects(tok, "of"):
            actors = sa.resolve(g)
            how = "agent"
    if not actors:
        actors, how_m = _modifier_actors(tok, sc)
        how = how_m or how
    recips: list[Actor] = []
    if "recip" in e.flags:
        between = []
        for g in prep_objects(tok, "between"):
            between = sa.resolve(g)
        if len(between) > 1 and not actors:
            return between, list(between), "mention", "prep:between"
    head = tok.head
    if not actors and tok.dep_ in ("dobj", "pobj", "nsubjpass", "attr") and head != tok:
        verb = head if tok.dep_ != "pobj" else head.head
        if verb.pos_ in ("VERB", "AUX") and verb.i not in sc.by_tok and verb.lemma_.lower() in LIGHT_VERBS:
            if tok.dep_ == "nsubjpass":
                acts = []
            else:
                acts, how = subject(verb, sc)
            actors = acts
    if not actors:
        actors, how = _predicated_owner(tok, sc)
    if not actors and e.event == "CONSULT" and tok.dep_ == "pobj" and tok.head.lower_ in OCCASION_PREPS \
            and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        # "agreed ... after talks with X", "arrived in Damascus for talks with": the clause's subject talked
        actors, how = subject(tok.head.head, sc)
    if not actors:
        return [], [], "", ""
    found = ""
    for name in e.recip:
        got = slot(tok, name, sc)
        if got:
            recips, found = got, name
            break
    if not recips and e.event == "CONSULT" and how != "agent":
        party = occasion_party(tok, sa)  # "told Xi at a meeting in Beijing": the talks were with Xi
        if party is not None:
            own = {a.code for a in actors}
            recips, found = [r for r in sa.resolve(party) if r.code not in own], "dobj"
            if not recips:
                return [], [], "", ""  # "told President Macron at a cabinet meeting": no talks between states
    if not recips and reaction_target:
        recips, found = reaction_target, "reaction"
    if not recips and tok.dep_ == "dobj":
        verb = tok.head
        for name in LIGHT_VERB_SLOTS:
            got = slot(verb, name, sc)
            if got:
                recips, found = got, name
                break
    if not recips and "recip" in e.flags and len({a.code for a in actors}) > 1:
        recips, found = list(actors), "compound"
    return actors, recips, how, found
