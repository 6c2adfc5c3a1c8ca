"""Arguments of an event noun: its agent ("strikes by Israel", "Serbia's crackdown", "the Iraqi
offensive"), the subject of its light verb ("staged a protest"), the source of a reaction ("drew
condemnation from Seoul"), and its target (the entry's slots, then the light verb's prepositions)."""

from __future__ import annotations

from spacy.tokens import Token

from ..events import Actor
from .agents import subject, unnamed_group
from .arguments import direct_object, prep_objects, subject_token
from .candidates import engaged_in, occasion_party
from .places import location
from .recipients import earlier_event_actors, slot
from .scope import Scope
from .senses import ARMED_WORDS, CRAFT_SUBJECTS
from .triggers import LexEntry, load_lexicon, under_verb
from .words import word_set

LIGHT_VERBS = word_set("events", "light_verbs")
CARRIERS = word_set("events", "carriers")
REACTION_VERBS = word_set("events", "reaction_verbs")
OCCASION_PREPS = word_set("grammar", "occasion_preps")
LIGHT_VERB_SLOTS = ("prep:on", "prep:against", "prep:with", "prep:to", "iobj")
OCCURRENCE_VERBS = word_set("events", "occurrence_verbs")
TOLL_VERBS = word_set("grammar", "result_participles") | word_set("events", "toll_verbs")
CROWD_EVENTS = ("PROTEST",)


def occurrence_verb(tok: Token) -> Token | None:
    """The verb that only says the event noun `tok` happened ("Protests erupted across Iran", "Clashes broke out
    in Tripoli", "Riots rocked Dakar"; words/events.yaml occurrence_verbs, a particle written after the verb), or
    None."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX") or verb == tok:
        return None
    lemma = verb.lemma_.lower()
    prts = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    if any(f"{lemma} {p}" in OCCURRENCE_VERBS for p in prts) or (lemma in OCCURRENCE_VERBS and not prts):
        return verb
    return None


UNDER_SENSES = word_set("events", "under_senses")
ATTACK_SITES = word_set("events", "attack_sites")
ARMED_SECTORS = ("MIL", "REB", "UAF", "SPY", "COP", "INS")


def _armed_words() -> frozenset[str]:
    return ARMED_WORDS | CRAFT_SUBJECTS | load_lexicon().classes.get("weapon", frozenset())


def _forms(t: Token) -> set[str]:
    return {t.lemma_.lower(), t.lower_} | {c.lemma_.lower() for c in t.children if c.dep_ in ("compound", "amod")}


def _armed_attack(tok: Token, verb: Token, doers: list[Token], actors: list[Actor], sc: Scope) -> bool:
    """"came under attack", "came under fire" is violence only when something armed is named: the weapon ("missile
    attack", "sniper fire"), an armed doer ("from militants", "from Israeli tanks"), or a place, post or craft
    attacked ("Kharkiv came under attack"); "the minister came under attack from opposition lawmakers" is words."""
    if tok.lemma_.lower() not in UNDER_SENSES:
        return True  # "came under shelling", "was under bombardment": violence in any case
    armed = _armed_words()
    if _forms(tok) & armed or any(_forms(g) & armed for g in doers):
        return True
    if any(a.sector in ARMED_SECTORS for a in actors):
        return True
    subj, _ = subject_token(verb)
    if subj is None:
        return False
    if _forms(subj) & (armed | ATTACK_SITES):
        return True
    m = sc.sa.tokmap.get(subj.i)
    return m is not None and m.kind in ("country", "capital", "city", "region")


def _under_args(tok: Token, verb: Token, sc: Scope) -> tuple[list[Actor], list[Actor], str, str]:
    """"The village came under heavy Russian shelling", "a patrol came under attack from militants", "UN peacekeepers
    came under fire from Israeli tanks": the one attacking is named by the by- or from-phrase (on the noun or the
    verb) or the noun's modifier; the subject is attacked."""
    sa = sc.sa
    actors: list[Actor] = []
    how = ""
    doers = [g for h in (tok, verb) for p in ("by", "from") for g in prep_objects(h, p)]
    for g in doers:
        actors = sa.resolve(g)
        if actors:
            how = "agent"
            break
    if not actors:
        actors, how = _modifier_actors(tok, sc)
    for g in doers if not actors else []:
        actors = unnamed_group(g, verb, sc)  # "came under attack from militants near Maiduguri": placed
        if actors:
            how = "place"
            break
    if not actors and tok.tag_ == "VBG":  # the parser's "came under [heavy Russian] [shelling]"
        for p in verb.children:
            if p.dep_ == "prep" and p.lower_ == "under":
                for g in p.children:
                    if g.dep_ == "pobj" and g.i in sa.tokmap:
                        actors, how = [sa.actor_from_mention(sa.tokmap[g.i], tok)], "mention"
    if not actors or not _armed_attack(tok, verb, doers, actors, sc):
        return [], [], "", ""
    recips, _ = subject(verb, sc)
    if not recips:
        recips = location(verb, sa)
    return actors, recips, how, "subj"


def _attack_site(tok: Token, sc: Scope) -> list[Actor]:
    """"A roadside bombing killed five soldiers in Kandahar", "a car bomb near the town of Samarra killed two": an
    attack noun with no doer named, the subject of its toll, is coded by the country where it happened (as a
    passive attack with no agent is: agents.actor_from_place)."""
    verb = tok.head
    if tok.dep_ not in ("nsubj", "csubj") or verb == tok or verb.lemma_.lower() not in TOLL_VERBS:
        return []
    if any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "another") for c in tok.children):
        return []  # "The strikes hit radar sites": a further mention of an act already reported (agents.earlier_act_doer)
    sa = sc.sa
    heads = [verb, tok] + [g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("near", "outside", "in", "at")
                           for g in p.children if g.dep_ == "pobj"]
    for h in heads:
        got = [a for a in location(h, sa) if a.code and sc.finder.is_country(a.code)]
        if not got and h is not verb and h is not tok:  # "near the town of Samarra"
            got = [a for g in prep_objects(h, "of") for a in location(g.head.head, sa) + sa.resolve(g)
                   if a.code and sc.finder.is_country(a.code)]
        if got:
            return got[:1]
    return []


def _occurrence_args(tok: Token, e: LexEntry, sc: Scope) -> tuple[list[Actor], list[Actor], str]:
    """"Protests erupted across Iran", "Demonstrations broke out in Tbilisi", "Riots swept Kenya": a protest that
    names no protester, only where it happened, is the protest of that country's people against their state (as
    "protesters rallied across Iran" is coded); "Clashes broke out between A and B": the parties the verb names."""
    verb = occurrence_verb(tok)
    if verb is None:
        return [], [], ""
    sa = sc.sa
    if "recip" in e.flags:
        between = [a for g in prep_objects(verb, "between") for a in sa.resolve(g)]
        if len({a.code for a in between}) > 1:
            return between, list(between), "mention"
    if e.event not in CROWD_EVENTS:
        return [], [], ""
    places = location(verb, sa)
    if not places:
        o = direct_object(verb)  # "Protests rocked Tehran", "swept Iran"
        places = [a for a in sa.resolve(o) if a.code and sc.finder.is_country(a.code)] if o is not None else []
    places = [p for p in places if p.code and sc.finder.is_country(p.code)]
    if not places:
        return [], [], ""
    p = places[0]
    span = tok.doc[tok.left_edge.i:tok.i + 1]
    crowd = Actor(p.code, "CVL", span.text, sa.offset + span.start_char, sa.offset + span.end_char)
    return [crowd], [Actor(p.code, None, p.entity_text, p.start, p.end)], "place"


def _modifier_actors(tok: Token, sc: Scope, named_deal: bool = False) -> tuple[list[Actor], str]:
    """Actors named before the noun as possessor or modifier ("Serbia's", "the Iraqi", "its"). With `named_deal` (an
    agreement noun) a city's name before it names the agreement, not a party ("the Minsk agreements", "the Oslo
    Accords", "the Dayton peace accord")."""
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
            if m is not None and named_deal and ch.dep_ in ("compound", "nmod") and m.kind in ("capital", "city"):
                continue
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
    verb = under_verb(tok)
    if verb is not None and e.event == "ASSAULT":
        return _under_args(tok, verb, sc)
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
        actors, how_m = _modifier_actors(tok, sc, named_deal=e.event == "AGREE")
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
    if not actors and tok.dep_ == "conj" and tok.pos_ == "NOUN":
        # "voiced solidarity with Kyiv and condemnation of Moscow's strikes", "imposed sanctions on Iran and a ban
        # on ...": a second act noun coordinated under a light verb is the light verb's subject's act too
        first = tok
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        verb = first.head if first.dep_ == "dobj" else first.head.head if first.dep_ == "pobj" else first
        if first != tok and verb != first and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in LIGHT_VERBS \
                and (first.dep_ == "dobj" or first.head.head == verb):
            actors, how = subject(verb, sc)
    if not actors and engaged_in(tok):
        # "Serb forces were engaged in ethnic cleansing", "soldiers participated in the raid": the one taking part
        verb = tok.head.head
        actors, how = subject(verb, sc)
        if not actors:
            actors = [a for c in verb.children if c.dep_ == "nsubjpass" for a in sa.resolve(c)]
            how = "subj" if actors else how
    if not actors:
        actors, how = _predicated_owner(tok, sc)
    if not actors and e.event == "ASSAULT":
        site = _attack_site(tok, sc)
        if site:
            p = site[0]
            actors, how = [Actor(p.code, None, p.entity_text, p.start, p.end)], "place"
            found = ""
            for name in ("dobj", "loc"):
                got = slot(tok.head, name, sc)
                if got:
                    return actors, got, how, "toll"
            return actors, [Actor(p.code, None, None, None, None)], how, "loc"
    if not actors:
        actors, placed, how_o = _occurrence_args(tok, e, sc)
        if actors:
            return actors, placed, how_o, "loc" if how_o == "place" else "prep:between"
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
    if not recips and tok.dep_ in ("nsubj", "csubj") and tok.head.lemma_.lower() in TOLL_VERBS and tok.head != tok:
        # "Israeli air strikes killed 20 people in Rafah", "a Russian missile hit a hospital in Kyiv": the victims of
        # the act's toll verb are its targets
        for name in ("dobj", "loc"):
            got = slot(tok.head, name, sc)
            if got:
                recips, found = got, "toll"
                break
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
