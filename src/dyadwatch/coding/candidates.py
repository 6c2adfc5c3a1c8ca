"""Which lexicon entries fire on a parsed sentence: verbs (with their objects) and event nouns,
leaving out nouns that are another trigger's argument, a background phrase or a mere modifier."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .arguments import prep_objects
from .resolve import SentenceActors
from .scope import Cand
from .triggers import LexEntry, Lexicon, match_noun, match_verb, under_verb, verb_object
from .words import word_set

LIGHT_VERBS = word_set("events", "light_verbs")
CARRIERS = word_set("events", "carriers")
TOPIC_HEADS = word_set("events", "topic_heads")
ADDRESSED = word_set("events", "addressed_persons")
BACKGROUND_PREPS = word_set("places", "background_preps")
# prepositions whose object belongs to the verb trigger ("called for talks", "protested against X")
TALKS_PREPS = word_set("grammar", "occasion_preps")  # "after talks with X": the talks were held
REACTION_TYPES = ("ACCUSE", "REJECT", "SUPPORT", "PROTEST")  # verbs whose object may be an act of its own
REPORT_VERBS = word_set("events", "report_verbs")
NAMING_VERBS = word_set("events", "naming_verbs")
ENGAGE_VERBS = word_set("events", "engage_verbs")
VERB_ARG_PREPS = ("for", "to", "against", "of", "over", "about", "on", "with")


def has_infinitive(tok: Token) -> bool:
    """`tok` governs a to-infinitive ("told Iran to stop")."""
    return any(x.dep_ in ("xcomp", "ccomp", "advcl") and any(a.lower_ == "to" and a.dep_ == "aux" for a in x.children)
               for x in tok.children)


def person_object(verb: Token, sa: SentenceActors) -> Token | None:
    """The person the verb addresses ("informed Lavrov", "told Xi", "assured the Ukrainian president"), or None."""
    for c in verb.children:
        if c.dep_ in ("dobj", "dative"):
            m = sa.tokmap.get(c.i)
            if m is not None and m.kind in ("person", "role"):
                return c
            if m is None and c.lemma_.lower() in ADDRESSED and sa.resolve(c):
                return c  # "told his Chinese counterpart"
    return None


def occasion_party(tok: Token, sa: SentenceActors) -> Token | None:
    """"told Xi at a meeting in Beijing", "informed Lavrov ... in a phone call": talks named as the occasion
    that name no party of their own are held with the person the verb addresses; "at a meeting of G20
    leaders" is a venue."""
    if tok.head.dep_ != "prep" or tok.head.lower_ not in TALKS_PREPS or tok.head.head.pos_ != "VERB":
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "of", "among") for c in tok.children):
        return None
    return person_object(tok.head.head, sa)


def talks_held(tok: Token, lex: Lexicon, sa: SentenceActors | None = None) -> bool:
    """"agreed ... after talks with X", "speaking following talks with his counterpart", "arrived for talks
    with", "in a phone call with X, Y said", "told Xi at a meeting in Beijing": talks named as the occasion of
    another act took place (a consultation of its own)."""
    if tok.head.lower_ not in TALKS_PREPS or tok.head.dep_ != "prep":
        return False
    if tok.head.lower_ in ("at", "in") and not (tok.head.head.pos_ == "VERB" and (
            prep_objects(tok, "with") or prep_objects(tok, "between"))) and \
            (sa is None or occasion_party(tok, sa) is None):
        return False  # "in a phone call with Erdogan" names its party; "at a meeting of G20 ministers" is a venue
    e = match_noun(tok, lex)
    return e is not None and e.event == "CONSULT"


def names_own_doer(tok: Token, sa: SentenceActors) -> bool:
    """"condemned Russia's withdrawal", "India's suspension of the treaty was denounced", "the expulsion
    of diplomats by Poland": an event noun that names its own doer is an act reported in its own right,
    beside the reaction to it."""
    for ch in tok.children:
        if ch.dep_ == "poss" and any(g.i in sa.tokmap and sa.tokmap[g.i].kind != "role" for g in ch.subtree):
            return True
    return any(g.i in sa.tokmap for g in prep_objects(tok, "by"))


def of_doer(tok: Token, sa: SentenceActors, lex: Lexicon) -> bool:
    """"welcomed the arrival of a UNICEF convoy of supplies", "condemned the recall of the French ambassador": an event
    noun whose entry takes its doer from "of" (flag of_actor) and whose "of" phrase names a party names its own doer."""
    e = match_noun(tok, lex)
    return e is not None and "of_actor" in e.flags and any(
        g.i in sa.tokmap and sa.tokmap[g.i].kind != "role" for o in prep_objects(tok, "of") for g in o.subtree)


def names_doer_before(tok: Token, sa: SentenceActors) -> bool:
    """"reported a second RSF strike on the camp", "confirmed the Russian shelling of Kharkiv": an event noun
    whose possessor, adjective or compound names a party (not a role word), or whose by-phrase does."""
    if names_own_doer(tok, sa):
        return True
    return any(ch.dep_ in ("amod", "compound", "nmod") and ch.i < tok.i and any(
        g.i in sa.tokmap and sa.tokmap[g.i].kind != "role" for g in ch.subtree) for ch in tok.children)


def reported_act(tok: Token, speech: dict[int, LexEntry], sa: SentenceActors) -> bool:
    """The object of a verb of reporting ("the army reported a second RSF strike", "officials confirmed the
    Russian shelling of Kharkiv") that names its own doer: the act reported is news in its own right, done by
    the party the noun names, not by the reporter (words/events.yaml report_verbs)."""
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.i in speech and \
        tok.head.lemma_.lower() in REPORT_VERBS and names_doer_before(tok, sa)


def gerund_noun(tok: Token) -> bool:
    """"Fighting between Armenia and Azerbaijan killed three", "Shelling by Russian forces killed five": a gerund
    the parser tagged as a verb in a subject's place, with no subject, object or auxiliary of its own, is also
    tried as an event noun (its verb reading finds no doer)."""
    if tok.tag_ == "VBG" and under_verb(tok) is not None:
        return True  # "came under heavy Russian shelling", parsed with 'shelling' a participle of 'came'
    return tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "csubj") and not any(
        c.dep_ in ("nsubj", "dobj", "aux", "auxpass", "mark") for c in tok.children)


def engaged_in(tok: Token) -> bool:
    """"Serb forces were engaged in ethnic cleansing", "troops engaged in fierce fighting": the noun after a verb of
    taking part (words/events.yaml engage_verbs) is the subject's act, not the background of another."""
    prep = tok.head
    return prep.lower_ == "in" and prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX") and \
        prep.head.lemma_.lower() in ENGAGE_VERBS and prep.head.i < prep.i and not any(
            c.dep_ in ("dobj", "prep") and prep.head.i < c.i < prep.i for c in prep.head.children)


def attacked_subject(tok: Token) -> bool:
    """The subject of "came under attack", "was under heavy fire": the one attacked, never an act of its own."""
    if tok.dep_ != "nsubj" or tok.head == tok:
        return False
    verb = tok.head
    return any(under_verb(g) is not None for p in verb.children if p.dep_ == "prep" and p.lower_ == "under"
               for g in p.children if g.dep_ == "pobj") or any(
        under_verb(c) is not None for c in verb.children if c.tag_ == "VBG")


def naming_predicate(tok: Token) -> bool:
    """The noun is what a verb names its object ("called its invasion a special military operation", "describes the
    war as a military operation", "branded the raid an act of war"): a name given, not an act of its own (the
    naming is the verb's event, if any)."""
    if tok.dep_ == "oprd" and tok.head.pos_ == "VERB" and any(c.dep_ == "dobj" for c in tok.head.children):
        # ... but "called its drills a warning to Seoul": a message with its addressee is the speaker's own act
        return not any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
    if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.dep_ == "prep":
        verb = tok.head.head
        return verb.pos_ == "VERB" and verb.lemma_.lower() in NAMING_VERBS and any(
            c.dep_ == "dobj" and c.i < tok.i for c in verb.children)
    return False


def find_candidates(doc: Doc, sa: SentenceActors, lex: Lexicon) -> tuple[list[Cand], dict[int, LexEntry]]:
    """The candidate triggers of a sentence and its speech verbs (by token index)."""
    cands: list[Cand] = []
    speech: dict[int, LexEntry] = {}
    obj_used: set[int] = set()
    for tok in doc:
        if tok.i in sa.tokmap and sa.tokmap[tok.i].kind != "role":
            continue
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            for e in match_verb(tok, lex):
                if e.is_speech:
                    speech[tok.i] = e
                elif "infinitive" in e.flags and not has_infinitive(tok):
                    continue  # "told reporters that ...", "ordered the arrest of ...": not a demand
                else:
                    obj = None
                    if e.obj:
                        obj = verb_object(tok)
                        if obj is not None:
                            obj_used.add(obj.i)
                    cands.append(Cand(tok, e, obj))
    verb_trig = {c.tok.i for c in cands} | {i for i in speech if doc[i].lemma_.lower() not in LIGHT_VERBS}
    reactions = {c.tok.i for c in cands if c.entry.event in REACTION_TYPES}
    for tok in doc:
        reported = tok.dep_ in ("dobj", "nsubjpass") and tok.head.i in verb_trig
        own_act = reported and tok.head.i in reactions and (names_own_doer(tok, sa) or of_doer(tok, sa, lex))
        if reported and reported_act(tok, speech, sa):
            reported, own_act = False, True
        if reported and not own_act:
            continue
        if tok.dep_ == "pobj" and tok.head.head.i in verb_trig and tok.head.head.pos_ == "VERB" and \
                tok.head.lower_ in VERB_ARG_PREPS:
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in BACKGROUND_PREPS and not prep_objects(tok, "by") and \
                under_verb(tok) is None and not engaged_in(tok) and \
                not prep_objects(tok, "between") and not talks_held(tok, lex, sa):
            # ("killed in shelling between India and Pakistan": an act that names its parties is news)
            continue
        if tok.dep_ == "compound" and tok.head.lemma_.lower() not in CARRIERS and \
                match_noun(tok.head, lex) is None:
            continue  # "truce monitors", "attack helicopters": a modifier, not an event
        if tok.dep_ == "compound" and (tok.head.lemma_.lower() in TOPIC_HEADS or tok.head.lower_ in TOPIC_HEADS):
            continue  # "a 90-day tariff truce", "sanctions relief": the topic of another act
        if naming_predicate(tok):
            continue
        if attacked_subject(tok):
            continue  # "A Nigerian army patrol came under attack": the patrol is attacked, no patrol reported  # "called its invasion a special military operation": a name for an act, not one
        if (tok.pos_ in ("NOUN", "PROPN") or gerund_noun(tok)) and (tok.i not in obj_used or own_act) \
                and tok.i not in sa.tokmap:
            e = match_noun(tok, lex)
            if e is not None:
                cands.append(Cand(tok, e, reported=reported))
    return cands, speech
