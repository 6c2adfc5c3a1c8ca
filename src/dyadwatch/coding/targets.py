"""Who receives when the grammar names no one, and which named recipients are misreadings: the
place of a domestic act, the actors of the event a reaction is about, the other country the sentence
or the article names, a government's own people; never the actor's own pronoun or its own mention."""

from __future__ import annotations

from spacy.tokens import Token

from ..events import QUAD, Actor
from .arguments import direct_object, is_origin_modifier, prep_objects
from .candidates import has_infinitive
from .coref import PRONOUNS_GROUP, PRONOUNS_PERSON
from .places import location, mission_owner
from .recipients import (
    ALLY_PREPS,
    article_other,
    asked_of,
    country_tally,
    earlier_event_actors,
    main_other,
    measured_noun,
    names_an_act,
    open_slot,
    other_country,
)
from .scope import Draft, Scope, copy_actor
from .triggers import MEASURE_NOUNS, match_noun
from .words import word_set

RELATIONAL_NOUNS = word_set("grammar", "relational_nouns")
AGREEMENT_NOUNS = word_set("grammar", "agreement_nouns")

# acts that may stay inside one country: their place is their target
DOMESTIC_LOC_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "SANCTION", "CONCEDE", "AID", "RETREAT"}
REACTION_TYPES = {"ACCUSE", "REJECT", "PROTEST", "SUPPORT"}
# acts that mean nothing without a recipient (a sanction too, unless it names envoys or sanctions: _needs)
NEEDS_RECIPIENT = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "SANCTION"}
# verbal acts whose object is a thing asked, refused or promised ("demanded a truce"): the target may be home
ABSTRACT_OBJECT_TYPES = {"REQUEST", "REJECT", "AGREE", "CONCEDE", "THREATEN"}
REACTION_VERBS = word_set("grammar", "reaction_verbs")
REACTION_WORDS = word_set("grammar", "reaction_words")
RESPONSE_WORDS = word_set("grammar", "response_words")
RELATION_NOUNS = word_set("grammar", "relation_nouns")
PROTEST_NOTES = word_set("grammar", "protest_notes")
WAR_MODES = word_set("grammar", "war_modes")
BATTLE_MUNITIONS = word_set("grammar", "battle_munitions")
BATTLE_VERBS = word_set("grammar", "battle_verbs")
FRONTIER_NOUNS = word_set("grammar", "frontier_nouns")
FORUM_ACT_NOUNS = word_set("grammar", "forum_act_nouns")
MEDIATION_VERBS = word_set("events", "mediation_verbs")
SELF_DEFAULT_TYPES = {"PROTEST", "COERCE", "ASSAULT", "CONCEDE", "REQUEST", "REJECT", "ACCUSE", "AGREE",
                      "THREATEN"}
# acts between states: a target named elsewhere in the sentence beats the actor's own country
INTERNATIONAL_TYPES = {"ACCUSE", "AGREE", "REJECT", "REQUEST", "THREATEN", "CONCEDE"}
# types whose target is another party: a self-dyad is a misreading
OUTWARD_TYPES = {"SANCTION", "CONSULT", "SUPPORT", "AID", "COOPERATE", "MOBILIZE"}
# acts that keep the actor's own ("its citizens", "them") as their target
OWN_TARGET_TYPES = ("REJECT", "REQUEST", "ACCUSE", "AGREE", "CONCEDE", "PROTEST")
MATERIAL_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "AID"}
GENERIC_CODES = ("IGO", "NGO", "IMG", "MNC", "UNO", "EUR")
STATE_SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG", "SPY")
OBJECT_PRONOUNS = ("it",)  # (not "him": "lawmakers ... accusing him", their own president)


def _token_of(r: Actor, sc: Scope):
    if r.start is None or r.end is None or r.start < sc.offset:
        return None
    span = sc.doc.char_span(r.start - sc.offset, r.end - sc.offset, alignment_mode="expand")
    return span[-1] if span is not None and len(span) else None


def _origin(r: Actor, sc: Scope) -> bool:
    t = _token_of(r, sc)
    return t is not None and is_origin_modifier(t)


def _relational_possessor(r: Actor, sc: Scope) -> bool:
    """The recipient is the possessor of a relational noun ("its allies", "his counterpart")."""
    if r.start is None or r.end is None:
        return False
    span = sc.doc.char_span(r.start - sc.offset, r.end - sc.offset, alignment_mode="expand")
    if span is None:
        return False
    last = span[-1]
    if last.dep_ == "poss":
        return last.head.lower_ in RELATIONAL_NOUNS or last.head.lemma_.lower() in RELATIONAL_NOUNS
    return False


def _elaborated_target(d: Draft, sc: Scope) -> list[Actor]:
    """"filed a case at the ICJ accusing Israel of genocide": a participle of the same type that elaborates the
    act names its target."""
    from .recipients import find_recipients

    for ch in d.tok.subtree:
        if ch.i == d.tok.i or ch.tag_ != "VBG" or ch.dep_ not in ("advcl", "acl", "xcomp", "conj"):
            continue
        c = sc.by_tok.get(ch.i)
        if c is None or c.entry.event != d.etype or c.entry.kind != "verb":
            continue
        got, _ = find_recipients(ch, c.entry, sc, d.actors)
        got = [r for r in got if r.code not in d.actor_codes()]
        if got:
            return got
    return []


def _object_owner(d: Draft, sc: Scope) -> list[Actor]:
    """"endorsed Morocco's autonomy plan", "rejected Kyiv's proposal": whose the thing reacted to is (a
    possessor other than the actor)."""
    o = direct_object(d.tok)
    if o is None or o.pos_ != "NOUN":
        return []
    own = d.actor_codes()
    for c in o.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
            return [a for a in sc.sa.resolve(c) if a.code not in own]
    return []


def _sentence_partner(d: Draft, sc: Scope) -> list[Actor]:
    """"Ukraine accepted a U.S. proposal ..., and Washington agreed to resume military aid": the one other
    country that acts in this sentence's other (asserted) acts, the actor's counterpart in the exchange."""
    own = d.actor_codes()
    codes = {a.code for ev in sc.made.values() if ev.modality == "asserted" for a in ev.actor
             if a.code not in own and sc.finder.is_country(a.code or "")}
    if len(codes) != 1:
        return []
    return [Actor(next(iter(codes)), None, None, None, None)]


def _defied(tok, sc: Scope) -> list[Actor]:
    """Whom "in defiance of X" names, on the trigger."""
    for p in prep_objects(tok, "in"):
        if p.lemma_.lower() == "defiance":
            for g in prep_objects(p, "of"):
                got = sc.sa.resolve(g)
                if got:
                    return got
    return []


def _never_self(d: Draft, sc: Scope) -> bool:
    """Acts whose object shows they are aimed outside: leaving or rejecting an agreement ("pulled out of the
    grain deal"), forces seizing a place or a plant ("Russian forces occupied the plant")."""
    tok = d.tok
    if "predicate" in d.entry.flags and all(a.sector in (None, "GOV") for a in d.actors):
        # "Beijing branded the move a provocation": a government names another's act, never its own; the
        # opposition calling a detention a coup accuses its own government
        return True
    objs = [o for o in [direct_object(tok)] if o is not None] + prep_objects(tok, "of") + prep_objects(tok, "from")
    if d.etype == "ACCUSE" and any(o.lemma_.lower() in PROTEST_NOTES for o in objs[:1]) and all(
            a.sector in (None, "GOV") and sc.finder.is_country(a.code or "") for a in d.actors):
        return True  # "Japan lodged a protest via its embassy": a state's diplomatic protest is never at itself
    if d.etype in ("REJECT", "RETREAT") and any(o.lemma_.lower() in AGREEMENT_NOUNS for o in objs):
        return True
    return d.etype == "COERCE" and d.mode == "seize" and all(a.sector in ("MIL", "REB") for a in d.actors) and \
        bool(objs) and not any(sc.sa.role_sector(o) for o in objs)


def _self_default_applies(d: Draft, sc: Scope) -> bool:
    tok, e = d.tok, d.entry
    if d.recips or d.etype not in SELF_DEFAULT_TYPES or len(d.actor_codes()) != 1:
        return False
    if "inverse" in e.flags:
        return False  # "the convoy came under rocket fire from Russia": the unnamed subject was hit, not Russia
    if any(c.lemma_.lower() in REACTION_WORDS for c in [tok, *tok.children] if c.dep_ in ("xcomp", "dobj") or c == tok):
        return False  # "vowed to retaliate", "vowed revenge": at whoever did the act answered, never at home
    if any(c.dep_ == "prep" and c.lower_ in ALLY_PREPS for c in tok.children):
        return False  # "Wagner mercenaries are fighting alongside Malian troops": at an enemy not named
    if d.etype == "PROTEST" or (d.etype == "ASSAULT" and d.actors[0].sector == "COP" and d.mode not in WAR_MODES):
        return True  # (police beat protesters at home; shelling by border guards is aimed across the border)
    if e.kind != "verb" or open_slot(tok, e, sc):
        return False
    if tok.lemma_.lower() == "deny" and any(ch.dep_ in ("ccomp", "xcomp") and ch.pos_ in ("VERB", "AUX")
                                            for ch in tok.children):
        return False
    o = direct_object(tok)
    if o is not None and d.etype == "REQUEST" and o.pos_ in ("NOUN", "PROPN") and not sc.sa.role_sector(o) and \
            not names_an_act(o, sc) and has_infinitive(tok):
        return False  # "urged all nations to isolate the regime": someone else is asked, not the actor
    return o is None or bool(sc.sa.role_sector(o)) or (e.obj and d.etype != "ASSAULT") or (
        d.etype in ABSTRACT_OBJECT_TYPES and not names_an_act(o, sc))


def _battle_fire(d: Draft) -> bool:
    """The act is firing battlefield munitions ("shelled", "fired mortar shells", "shelling"), not a launch."""
    tok = d.tok
    if tok.lemma_.lower() in BATTLE_VERBS or tok.lower_ in ("shelling",):
        return True
    o = direct_object(tok)
    return o is not None and (o.lemma_.lower() in BATTLE_MUNITIONS or o.lower_ in BATTLE_MUNITIONS)


def _front_line_target(d: Draft, sc: Scope) -> list[Actor]:
    """"a few mortar shells were fired by the Rangers", "troops restarted shelling": a state's forces firing at
    no one named fire at the other country the article is about (never at home, never a weapons test)."""
    if d.recips or d.etype != "ASSAULT" or len(d.actor_codes()) != 1 or not _battle_fire(d):
        return []
    a = d.actors[0]
    if a.sector not in ("MIL", "COP") or not sc.finder.is_country(a.code or ""):
        return []
    # the countries of every coded mention so far (also of agencies and forces: "BSF sources said"), one most
    tally = country_tally(sc, {a.code}, every_code=True, sentence=True)
    if not tally or (len(tally) > 1 and tally[1][1] == tally[0][1]):
        return []
    return [Actor(tally[0][0], None, None, None, None)]


def _reporter(r: Actor, tok: Token, sc: Scope) -> bool:
    """The recipient is named in the subject of a speech verb the trigger's clause hangs on ("..., a spokeswoman
    for the U.S. embassy said"): the source that reports the act."""
    t = _token_of(r, sc)
    if t is None:
        return False
    for h in tok.ancestors:
        if h.i not in sc.speech:
            continue
        for s in h.children:
            if s.dep_ in ("nsubj", "nsubjpass") and s.left_edge.i <= t.i <= s.right_edge.i and \
                    not (s.left_edge.i <= tok.i <= s.right_edge.i):
                return True
    return False


def default_recipients(d: Draft, sc: Scope) -> None:
    """Recipients when the trigger's slots named none."""
    tok, e = d.tok, d.entry
    sa = sc.sa
    if d.etype == "PROTEST" and (not d.recips or d.recip_slot == "loc"):
        # "marched through Minsk in defiance of Belarusian authorities": the authorities defied
        d.recips = _defied(tok, sc) or d.recips
    if d.etype in ("PROTEST", "ASSAULT", "COERCE", "THREATEN") and (not d.recips or d.recip_slot == "loc"):
        # "protested outside the Chinese embassy in Belgrade": at China, not at the host
        d.recips = mission_owner(tok, sa) or d.recips
    if not d.recips and d.etype in DOMESTIC_LOC_TYPES:
        # "Under pressure in Somalia, Shebab has stepped up its attacks in neighboring Kenya": the place of the
        # act the object names, before a place of the clause's circumstances
        d.recips = _object_place(tok, sc) or location(tok, sa)
    if not d.recips and e.kind == "verb" and d.etype in REACTION_TYPES:
        d.recips = _object_owner(d, sc) or earlier_event_actors(tok, sc, d.actors)
    if not d.recips and e.kind == "verb" and d.etype in REACTION_TYPES | {"THREATEN"}:
        d.recips = object_home(d, sc)
    if d.etype == "REQUEST":
        # "demanded the withdrawal of Serbian forces from Bosnia": asked of those who are to withdraw;
        # "its demand that Israel ease restrictions": asked of the clause's subject
        asked = asked_of(tok, e, sc, d.actors)
        if asked:
            d.recips = asked
    if not d.recips and e.kind == "verb" and d.etype == "REQUEST":
        # "demanded the ship's release" after "Iran seized a tanker": asked of the one who holds it
        o = direct_object(tok)
        entry = match_noun(o, sc.lex) if o is not None and o.pos_ == "NOUN" else None
        if entry is not None and entry.event in ("RETREAT", "CONCEDE"):
            own = d.actor_codes()
            for ev in list(sc.made.values()) + list(reversed(sa.ctx.events)):
                if ev.modality == "asserted" and QUAD.get(ev.event) in (3, 4) and \
                        not ({a.code for a in ev.actor} & own):
                    d.recips = [copy_actor(a) for a in ev.actor]
                    break
    if not d.recips and d.etype == "THREATEN":
        d.recips = answered_act(tok, sc, d.actors)  # "vowed to respond to the strikes": the strikes' doer
    if (not d.recips or d.recip_codes() <= d.actor_codes()) and d.etype in ("THREATEN", "REJECT", "SANCTION"):
        # "warned that it would reconsider its relations with the IAEA": not at itself, at the IAEA
        d.recips = relations_partner(tok, sc, d.actors) or d.recips
    if not d.recips and tok.lemma_.lower() in REACTION_VERBS:
        d.recips = answered_doer(tok, sc, d.actor_codes())
        if not d.recips:
            return  # striking back at no one named: never at oneself
    if _self_default_applies(d, sc):
        # no named target: another country the sentence names is the likelier target ("denounced
        # as a crime Serbia's crackdown"); failing that a domestic event (protesters face their own
        # government)
        a = d.actors[0]
        elab = _elaborated_target(d, sc)
        if elab:
            d.recips = elab
            return
        other = other_country(tok, sc, d.actors) if d.etype in INTERNATIONAL_TYPES or (
            d.etype == "PROTEST" and a.sector not in ("GOV", "MIL", "COP")) else []
        partner = _sentence_partner(d, sc) if not other and d.etype in INTERNATIONAL_TYPES else []
        if other:
            d.recips = other
        elif partner:
            d.recips = partner
        elif d.etype in INTERNATIONAL_TYPES and a.sector in (None, "GOV") and sc.finder.is_country(a.code or "") \
                and article_other(sc, a.code):
            # an article about relations with another country: a government's complaint, warning or
            # pledge with no target named is aimed at the other country the article keeps naming
            d.recips = [Actor(article_other(sc, a.code), None, None, None, None)]
        elif a.code and len(a.code) == 3 and a.code not in GENERIC_CODES and not _never_self(d, sc):
            d.recips = [Actor(a.code, None, None, None, None)]
    if not d.recips:
        d.recips = _front_line_target(d, sc)


def _object_place(tok: Token, sc: Scope) -> list[Actor]:
    """The country an act-noun object is placed in ("stepped up its attacks in Kenya"), or []."""
    o = direct_object(tok)
    if o is None:
        return []
    for n in [o, *measured_noun(o)]:
        if n.pos_ != "NOUN" or not names_an_act(n, sc):
            continue
        for g in prep_objects(n, "in"):
            got = [a for a in sc.sa.resolve(g) if a.code and sc.finder.is_country(a.code)]
            if got:
                return [got[0]]
    return []


def object_home(d: Draft, sc: Scope) -> list[Actor]:
    """Whom a reaction's object names by a phrase of its own when the object itself names no one: people "in"
    countries ("criticizing military gangsters in the United States and South Korea": USA, KOR; never an act's
    place, "condemned the violence in Gaza"), an act done "at" an organisation ("warned against any hostile
    measures at the IAEA board": the organisation; a country "at" is a place, no party)."""
    tok = d.tok
    own = d.actor_codes()
    objs = [o for o in [direct_object(tok)] if o is not None] + [
        g for w in ("against", "over", "about", "at", "on") for g in prep_objects(tok, w)]
    for o in objs:
        if o.pos_ != "NOUN" or sc.sa.resolve(o):
            continue
        if not names_an_act(o, sc) and o.lemma_.lower() not in FORUM_ACT_NOUNS:
            # (the parser often hangs the phrase on the verb: "criticized gangsters | in the United States")
            ins = prep_objects(o, "in") + [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "in" and
                                           p.i == o.right_edge.i + 1 for g in p.children if g.dep_ == "pobj"]
            got = [a for g in ins for a in sc.sa.resolve(g)
                   if a.code and a.code not in own and sc.finder.is_country(a.code)]
            if got:
                return _distinct(got)
        if names_an_act(o, sc) or o.lemma_.lower() in FORUM_ACT_NOUNS:
            got = [a for g in prep_objects(o, "at") for a in sc.sa.resolve(g)
                   if a.code and a.code not in own and not sc.finder.is_country(a.code)]
            if got:
                return _distinct(got)
    return []


def _distinct(actors: list[Actor]) -> list[Actor]:
    seen: set = set()
    out = []
    for a in actors:
        if a.code not in seen:
            seen.add(a.code)
            out.append(a)
    return out


def relations_partner(tok: Token, sc: Scope, actors: list[Actor]) -> list[Actor]:
    """"warned that it would reconsider its relations with the IAEA", "threatened to review its cooperation with
    Kyiv": the party the ties are with, in the act's own phrase (not in a clause of its own)."""
    own = {a.code for a in actors}
    apart = {t.i for c in tok.subtree if c != tok and c.dep_ in ("relcl", "advcl") for t in c.subtree}
    for t in tok.subtree:
        if t.i in apart or (t.lemma_.lower() not in RELATION_NOUNS and t.lower_ not in RELATION_NOUNS):
            continue
        got = [a for g in prep_objects(t, "with") for a in sc.sa.resolve(g) if a.code and a.code not in own]
        if got:
            return got
    return []


def answered_act(tok: Token, sc: Scope, actors: list[Actor]) -> list[Actor]:
    """"vowed to respond to the strikes", "promised a swift response to the attack": the doer of the act the
    answer is to (an event noun after "to" / "for" / "against" of the answer word)."""
    answers = [c for c in [tok, *tok.children] if (c == tok or c.dep_ in ("xcomp", "dobj")) and (
        c.lemma_.lower() in RESPONSE_WORDS | REACTION_WORDS)]
    for a in answers:
        objs = [g for w in ("to", "for", "against") for g in prep_objects(a, w)]
        if objs:
            got = earlier_event_actors(a, sc, actors, objs)
            if got:
                return got
    return []


def answered_doer(tok: Token, sc: Scope, own: set) -> list[Actor]:
    """"retaliated after Pakistani forces opened fire", "hit back when Hamas fired rockets": the subject of
    the clause of the act answered, if it names someone other than the actor."""
    for c in tok.children:
        if c.dep_ not in ("advcl", "prep") or c.i < tok.i:
            continue
        verbs = [c] if c.dep_ == "advcl" else [g for g in c.children if g.dep_ == "pcomp" and g.pos_ == "VERB"]
        for v in verbs:
            for s in v.children:
                if s.dep_ in ("nsubj", "agent"):
                    got = [a for a in sc.sa.resolve(s) if a.code and a.code not in own]
                    if got:
                        return got
    return []


def other_party(d: Draft, sc: Scope) -> None:
    """Still no recipient: the one other country the sentence names ("food aid to refugees fleeing the
    war in Liberia", "the withdrawal of forces from Panama"); a consultation's host ("held talks in
    Pyongyang")."""
    tok, e = d.tok, d.entry
    sa = sc.sa
    if not d.recips and not d.reciprocal and d.etype not in ("CONSULT", "COOPERATE") and d.modality == "asserted" \
            and not ("test" in e.flags and d.etype == "MOBILIZE"):
        d.recips = other_country(tok, sc, d.actors, within=d.etype in NEEDS_RECIPIENT)
        if not d.recips and d.etype == "SANCTION":
            # a country inside the act's own phrase first ("suspended arms export licences to Israel, citing
            # ... in Gaza"), else the one the sentence names ("India's suspension of the treaty was denounced
            # by Pakistan"), never the source of the report ("..., a spokeswoman for the U.S. embassy said")
            d.recips = [r for r in other_country(tok, sc, d.actors) if not _reporter(r, tok, sc)]
    if d.etype == "CONSULT" and not d.recips and d.actors and all(sc.finder.is_country(a.code or "")
                                                                  for a in d.actors) and \
            tok.lemma_.lower() not in MEDIATION_VERBS:  # ("talks in Astana brokered by Turkey": a venue)
        # a foreign visitor talks with the government of the place
        own = d.actor_codes()
        measured = [t for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in MEASURE_NOUNS
                    for t in c.subtree]  # "three days of talks in Pyongyang"
        places = location(tok, sa) or (location(tok.head, sa) if e.kind == "noun" else []) or [
            a for t in measured if t.dep_ == "pobj" and t.head.lower_ in ("in", "at") for a in sa.resolve(t)]
        places = [p for p in places if sc.finder.is_country(p.code or "") and p.code not in own]
        if places:
            d.recips = [Actor(places[0].code, "GOV", places[0].entity_text, places[0].start, places[0].end)]


def _frontier_closure(d: Draft) -> bool:
    """A border, crossing or checkpoint closed ("closed 6 crossings", "ordered the main crossing closed")."""
    if d.etype != "SANCTION":
        return False
    o = direct_object(d.tok)
    return o is not None and (o.lemma_.lower() in FRONTIER_NOUNS or o.lower_ in FRONTIER_NOUNS)


# lexicon classes of what only passes between states: a sanction on them is the actor's act whoever is meant
UNAIMED_SANCTION_CLASSES = ("envoy", "econ_sanction")


def _between_states(d: Draft, sc: Scope) -> bool:
    """"recalled its ambassador", "expelled ten Western ambassadors", "announced tighter sanctions on individuals":
    the trigger or its object names envoys or sanctions, which a state has only for others."""
    words = frozenset().union(*(sc.lex.classes.get(c, frozenset()) for c in UNAIMED_SANCTION_CLASSES))
    tok = d.tok
    toks = [tok, direct_object(tok)] + prep_objects(tok, "of") + [c for c in tok.children if c.dep_ == "compound"]
    return any(t is not None and t.pos_ in ("NOUN", "PROPN") and (t.lemma_.lower() in words or t.lower_ in words)
               for t in toks)  # (a noun: "froze at the microphones" is no asset freeze)


def _needs(d: Draft, sc: Scope) -> bool:
    """The act means nothing without a recipient. A closed border is shut to whoever is across it, also when the
    sentence does not say who that is; envoys recalled or expelled and sanctions imposed are the actor's act
    whoever they are aimed at."""
    if d.etype == "SANCTION":
        return not _frontier_closure(d) and not _between_states(d, sc)
    return d.etype in NEEDS_RECIPIENT


def clean_recipients(d: Draft, sc: Scope) -> bool:
    """Drop recipients that are misreadings; False when the act then has no one it needs."""
    tok, e = d.tok, d.entry
    if not d.recips and _frontier_closure(d) and d.actors and sc.finder.is_country(d.actors[0].code or ""):
        # "Colombia lashed out at Venezuela for closing the border": shut to the other country the sentence names;
        # "Maduro closed two more crossings" in a story about Colombia: to the neighbour the article is about
        d.recips = other_country(tok, sc, d.actors)
        other = article_other(sc, d.actors[0].code) if not d.recips else None
        if other:
            d.recips = [Actor(other, None, None, None, None)]
    if not d.recips and _needs(d, sc):
        return False
    if d.recips and not d.reciprocal and all(not sc.finder.is_country(a.code or "") for a in d.actors):
        own = d.actor_codes()
        d.recips = [r for r in d.recips if r.code not in own]  # an organisation acting on itself: no
        if not d.recips and d.modality == "asserted" and d.etype not in NEEDS_RECIPIENT | {"MOBILIZE"}:
            d.recips = other_country(tok, sc, d.actors)  # "rejected a call ... in East Timor"
    if not d.recips and e.kind == "verb" and tok.dep_ in ("advcl", "xcomp") and tok.head.i in sc.made and \
            any(a.lower_ == "to" and a.dep_ == "aux" for a in tok.children):
        # "sent personnel to Bosnia to investigate": the purpose has the same target
        d.recips = [r for r in sc.made[tok.head.i].recipient if r.entity_text is not None]
    if d.how == "place" and d.recips and not d.reciprocal and any(r.entity_text for r in d.recips) and \
            d.actor_codes() == d.recip_codes() and all(a.sector in STATE_SECTORS for a in d.actors) and \
            d.etype not in MATERIAL_TYPES:  # "troops fired on protesters in Yangon": at home, as the place says
        # "a foreign ministry spokesman accused Washington": an unnamed official speaks for the other
        # country of the article, never for the one he accuses
        alt = main_other(sc, d.recip_codes())
        if alt:
            d.actors = [Actor(alt, a.sector, a.entity_text, a.start, a.end) for a in d.actors[:1]]
    if d.recips and not d.reciprocal and d.etype not in OWN_TARGET_TYPES \
            and all((r.entity_text or "").lower() in PRONOUNS_GROUP | PRONOUNS_PERSON for r in d.recips) and \
            d.recip_codes() <= d.actor_codes():
        # "fired missiles off its east coast", "shut down its test site": the actor's own, not a target
        d.recips = []
        if _needs(d, sc):
            return False
        if d.etype == "ASSAULT" and "test" in e.flags:
            d.retype("MOBILIZE", "weapons", "150")
    if d.recips and not d.reciprocal and d.etype in OUTWARD_TYPES and len(d.actor_codes()) == 1 and \
            d.recip_codes() == d.actor_codes() and sc.finder.is_country(d.actors[0].code or ""):
        # a sanction, a meeting, aid aimed at one's own country: the other party the sentence names
        d.recips = other_country(tok, sc, d.actors)
        if not d.recips and _needs(d, sc):
            return False
    if d.recips and any(_origin(r, sc) for r in d.recips):
        # "fired Iranian-made missiles at ...": where the weapon was made is no party
        d.recips = [r for r in d.recips if not _origin(r, sc)] or other_country(tok, sc, d.actors)
        if not d.recips and _needs(d, sc):
            return False
    if d.recips and not d.reciprocal:
        own = d.actor_codes()
        others = [r for r in d.recips if r.code not in own]
        if others and len(others) < len(d.recips):
            # "threatened to reconsider the summit between Kim and Trump": the other party, not itself
            d.recips = others
        # "its allies", "their rivals": a relational noun is never its possessor
        kept = [r for r in d.recips if not (r.code in own and _relational_possessor(r, sc) and all(
            a.sector in (None,) + STATE_SECTORS for a in d.actors))]  # a party's rival may be of its country
        if len(kept) < len(d.recips):
            d.recips = kept or other_country(tok, sc, d.actors)
            if not d.recips and _needs(d, sc):
                return False
        # "killed a commander of Israel's militia ally": the ally, not Israel (a named possessor)
        named = [r for r in d.recips if r.code not in own and r.entity_text and _relational_possessor(r, sc)]
        if named:
            gone = {r.code for r in named}
            # where the ally is ("Israel's militia ally in southern Lebanon"), else the act's place, else
            # the other country named
            rel = [t.head for r in named if (t := _token_of(r, sc)) is not None]
            where = [a for h in rel for g in prep_objects(h, "in") for a in sc.sa.resolve(g) if a.code not in gone]
            d.recips = [r for r in d.recips if r not in named] or where or [
                r for r in (location(tok, sc.sa) if d.etype in DOMESTIC_LOC_TYPES else []) if r.code not in gone
            ] or [r for r in other_country(tok, sc, d.actors) if r.code not in gone]
            if not d.recips and _needs(d, sc):
                return False
    if d.recips and not d.reciprocal and d.recip_codes() <= d.actor_codes() and all(
            (t := _token_of(r, sc)) is not None and t.dep_ == "dobj" and t.head.i == tok.i and
            t.lower_ in OBJECT_PRONOUNS for r in d.recips):
        # "Russia, China and Niger opposed it": a plain object pronoun is never the clause's own subject (that
        # would be "itself"); it stands for a thing or someone else
        d.recips = []
        if _needs(d, sc):
            return False
    if d.recips and not d.reciprocal and d.how != "place":
        # drop a recipient that is the very same mention as the actor (not the place a state's act is done in:
        # "a journalist was arrested in Iran" is done to Iran's people there)
        spans = {(a.start, a.end) for a in d.actors if a.start is not None}
        d.recips = [r for r in d.recips if (r.start, r.end) not in spans]
    return True
