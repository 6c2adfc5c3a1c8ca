"""Who is acted on: the lexicon entry's recipient slots read off the parse (object, indirect object,
prepositional objects, the embedded clause), the party asked to act, the actors of an earlier event a
reaction is about, and the one other country a sentence names."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..events import QUAD, Actor
from .arguments import detached, direct_object, is_origin_modifier, is_passive, prep_objects, subject_token
from .places import location
from .scope import Scope, copy_actor
from .triggers import MEASURE_NOUNS, QUANTITY_NOUNS, LexEntry, match_noun
from .words import word_set

ALLY_PREPS = word_set("grammar", "ally_preps")
RELATIONAL_NOUNS = word_set("grammar", "relational_nouns")
OBJECT_CONTROL = word_set("grammar", "object_control")
CHANNEL_PREPS = word_set("grammar", "channel_preps")
CHANNEL_NOUNS = word_set("grammar", "channel_nouns")
RELATIVE_WORDS = word_set("grammar", "relative_words")
EVENT_WORDS = word_set("events", "event_words")
PROPOSAL_NOUNS = word_set("events", "proposal_nouns")
ASKED_ACTS = word_set("events", "asked_acts")
WATERS = word_set("places", "waters")
TIME_WORDS = word_set("places", "time_words")
MEDIATION_VERBS = word_set("events", "mediation_verbs")
BLOCS = {"EUR", "NATO"}  # organisations that act like states as targets
# phrases inside a trigger's subtree that are background, not its target
BACKGROUND_PHRASES = ("despite", "amid", "after", "before", "since", "following", "because")


def slot(tok: Token, name: str, sc: Scope, prt: str = "") -> list[Actor]:
    """The actors one recipient slot of a lexicon entry holds ("dobj", "prep:on", "xobj" ...); `prt` is the
    entry's own particle or preposition ("prep:under" of "come under fire")."""
    sa = sc.sa
    if name in ("dobj", "dobj_actor"):
        o = direct_object(tok)
        if o is None and tok.lemma_.lower() in OBJECT_CONTROL:
            # "allowed UN inspectors to visit the site": the parser makes the one allowed the subject of the
            # infinitive; it is the verb's object
            o = next((g for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i
                      for g in c.children if g.dep_ == "nsubj" and g.i > tok.i), None)
        if o is None:
            return []
        if o.lower_ == "it":
            # "called it regrettable that Tokyo tightened ...": the extraposed "it" is the that-clause
            for x in tok.subtree:
                if x.dep_ == "ccomp" and x.head.dep_ in ("oprd", "acomp") and \
                        any(m.dep_ == "mark" and m.lower_ == "that" for m in x.children):
                    subj = next((c for c in x.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj is not None and sa.resolve(subj):
                        return sa.resolve(subj)
        got = _act_agent(o, sc, tok) or _counterparts_from(o, sa) or sa.resolve(o) or _members(o, sa)
        if not got and name == "dobj" and o.pos_ == "NOUN":
            # "condemned the coup in Niger": an event object names its place
            for t in o.subtree:
                if t.dep_ in ("relcl", "acl", "ccomp"):
                    break
                if t.dep_ == "pobj" and t.head.lower_ == "in":
                    got = [a for a in sa.resolve(t) if a.code and len(a.code) == 3]
                    if got:
                        break
        return got
    if name == "iobj":
        for ch in tok.children:
            if ch.dep_ in ("dative", "iobj") and ch.pos_ != "ADP":
                return sa.resolve(ch)
        # "Ukraine was given tanks by the US": the subject of a passive that keeps its object received it
        if any(ch.dep_ == "dobj" for ch in tok.children):
            for ch in tok.children:
                if ch.dep_ == "nsubjpass":
                    return sa.resolve(ch)
        return []
    if name == "nsubjpass":
        for ch in tok.children:
            if ch.dep_ == "nsubjpass":
                return sa.resolve(ch)
        return []
    if name.startswith("prep:"):
        word = name[5:].replace("_actor", "")
        out: list[Actor] = []
        for g in prep_objects(tok, word):
            out.extend(_counterparts_from(g, sa) or sa.resolve(g) or _members(g, sa))
        # the preposition may hang on the object ("imposed sanctions on Iran"), also after a quantity
        # ("launched a wave of airstrikes against Houthi targets")
        if not out:
            o = direct_object(tok)
            # ("mediated an exchange of prisoners between Russia and Ukraine": on the object's complement)
            inner = prep_objects(o, "of") if o is not None and word == "between" else []
            # ... or on the last of several objects ("launched 120 missiles and 90 drones at Ukraine")
            last = [c for c in o.conjuncts if c.i > o.i][-1:] if o is not None else []
            for obj in ([o] + measured_noun(o) + worth(o) + inner + last + [m for c in last for m in measured_noun(c)]) if o is not None else []:
                for g in prep_objects(obj, word):
                    # (the parser may hang the list on the object: "sanctions on individuals, including ...")
                    out.extend(_counterparts_from(g, sa) or sa.resolve(g) or _members(g, sa) or (
                        _members(obj, sa) if g.pos_ == "NOUN" else []))
                if out:
                    break
        # ... or on the agent of a passive ("sanctions were imposed by ECOWAS on Mali and Guinea")
        if not out:
            for c in tok.children:
                if c.dep_ == "agent":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            for h in prep_objects(g, word):
                                out.extend(sa.resolve(h))
        # ... or on the noun of the entry's own preposition ("came under gunfire from Cambodian troops")
        kind, _, own_prep = (prt or "").partition(":")
        if not out and kind == "prep" and own_prep != word:
            for n in prep_objects(tok, own_prep):
                for g in prep_objects(n, word):
                    out.extend(sa.resolve(g))
        return out
    if name == "of":
        out = []
        for g in prep_objects(tok, "of"):
            out.extend(sa.resolve(g))
        return out
    if name == "xobj":
        for ch in tok.children:
            if ch.dep_ in ("xcomp", "ccomp"):
                inner = sc.by_tok.get(ch.i)
                if inner is not None and inner.entry.recip:
                    got = recipients(ch, inner.entry, sc, [])
                    if got:
                        return got
                apart = detached(ch)  # "ordered lines to be cut and closed the border with Brazil": not asked
                for t in ch.subtree:
                    if t.dep_ in ("dobj", "pobj", "dative", "nsubjpass") and t.i > ch.i - 1 and t.i not in apart:
                        if _under_circumstance(t, ch):
                            continue  # "agreed to restore ties following talks at the GCC": where and when
                        got = sa.resolve(t)
                        if got:
                            return got
        return []
    if name == "ccsubj":
        for ch in tok.children:
            if ch.dep_ == "ccomp":
                for g in ch.children:
                    if g.dep_ in ("nsubj", "nsubjpass"):
                        return sa.resolve(g)
        return []
    if name == "loc":
        return location(tok, sa)
    if name == "ncsubj":  # "the demand that Israel ease ...": the subject of the content clause
        for ch in tok.children:
            if ch.dep_ in ("acl", "ccomp", "relcl"):
                for g in ch.children:
                    if g.dep_ in ("nsubj", "nsubjpass") and g.lower_ not in RELATIVE_WORDS | {"that"}:
                        return sa.resolve(g)
        return []
    return []


def _act_agent(o: Token, sc: Scope, tok: Token) -> list[Actor]:
    """"protested the detention of its fishermen by North Korea", "rejected a resolution passed by the board": an
    act named as the object with its doer in a by-phrase (on the noun, on the participle after it, or hung by
    the parser on the active verb itself) is that doer's, not its victims'."""
    if o.pos_ != "NOUN":
        return []
    # (or the act a measure or collective names: "a wave of strikes", "a series of exercises")
    acts = [n for n in [o] + measured_noun(o) + prep_objects(o, "of") if n.pos_ == "NOUN" and names_an_act(n, sc)]
    if not acts:
        return []
    heads = [o] + [c for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if not is_passive(tok):
        heads.append(tok)
    for h in heads:
        for c in h.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        got = sc.sa.resolve(g)
                        if got:
                            return got
    # "criticized a series of joint exercises between the U.S. and South Korea", "rejected the deal between Iran
    # and the West": the parties of the act named
    for n in [o] + [a for a in acts if a.i != o.i]:  # (the parser may hang "between" on the measure)
        got = [a for g in prep_objects(n, "between") for a in sc.sa.resolve(g) if a.code]
        if len({a.code for a in got}) >= 2:
            return got
    return []


def _counterparts_from(g: Token, sa) -> list[Actor]:
    """"met her counterparts from Norway and China", "talks with his counterparts of the three countries of A, B
    and C": a relational noun with the countries it is from stands for those countries' officials, never for its
    possessor's country."""
    if g.lemma_.lower() not in RELATIONAL_NOUNS and g.lower_ not in RELATIONAL_NOUNS:
        return []
    for p in g.children:
        if p.dep_ != "prep" or p.lower_ not in ("from", "of", "in"):
            continue
        if p.lower_ == "in" and any(c.dep_ in ("amod", "compound") and c.text[:1].isupper() for c in g.children):
            continue  # "his visiting Nepali counterpart in New Delhi": the counterpart is Nepal's, 'in' is only where
        for h in p.children:
            if h.dep_ != "pobj":
                continue
            got = sa.resolve(h) or [a for q in h.children if q.dep_ == "prep" and q.lower_ == "of"
                                    for x in q.children if x.dep_ == "pobj" for a in sa.resolve(x)]
            got = [a for a in got if a.code]
            if got:
                span = g.doc[g.i:g.i + 1]
                return [Actor(a.code, a.sector or "GOV", a.entity_text or span.text, a.start, a.end) for a in got]
    return []


def _members(o: Token, sa) -> list[Actor]:
    """"sanctions on individuals, including Russian figures and Ukrainian rebels": a noun that names no one, with
    the named members it lists after "including" or "such as"."""
    if o.pos_ not in ("NOUN", "PRON"):
        return []
    out: list[Actor] = []
    for p in o.children:
        if p.dep_ == "prep" and (p.lower_ == "including" or (p.lower_ == "as" and p.i > 0 and
                                                            p.doc[p.i - 1].lower_ == "such")):
            for g in p.children:
                if g.dep_ == "pobj":
                    out.extend(sa.resolve(g))
    return out


def worth(o: Token) -> list[Token]:
    """"signed agreements worth $2 billion with China": the parser hangs the object's preposition on its
    value; "dispatched two planes carrying tents and medicine to Turkey": on the participle that says what
    the object carries."""
    return [c for c in o.children if (c.dep_ in ("amod", "acomp", "prep") and c.lower_ == "worth") or (
        c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in CARRYING)]


CARRYING = word_set("grammar", "carrying_verbs")


def measured_noun(o: Token) -> list[Token]:
    """The noun a quantity or measure object stands for ("a wave of airstrikes", "dozens of missiles")."""
    if o.lemma_.lower() not in QUANTITY_NOUNS | MEASURE_NOUNS:
        return []
    return [g for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]


CIRCUMSTANCE_PREPS = ("by", "since", "for", "until", "after", "following", "during", "at", "in", "near", "amid",
                      "despite", "before", "inside", "outside")


def _under_circumstance(t: Token, top: Token) -> bool:
    """`t` sits in a phrase of time, place or occasion below `top` ("after talks with X", "at the GCC")."""
    cur = t
    for _ in range(12):
        if cur.i == top.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ in CIRCUMSTANCE_PREPS:
            return True
        cur = cur.head
    return False


def recipients(tok: Token, e: LexEntry, sc: Scope, actors: list[Actor]) -> list[Actor]:
    """The recipients of a verb trigger (see `find_recipients`)."""
    return find_recipients(tok, e, sc, actors)[0]


def find_recipients(tok: Token, e: LexEntry, sc: Scope, actors: list[Actor]) -> tuple[list[Actor], str]:
    """The recipients of a verb trigger and the slot that named them: its entry's slots in order, else
    an uncoded role as object ("police arrested 12 protesters": the same country; slot "role")."""
    sa = sc.sa
    own = {a.code for a in actors}
    for name in e.recip:
        got = slot(tok, name, sc, e.prt or "")
        if got and name == "ccsubj" and own and {a.code for a in got} <= own:
            continue  # "warned that the United States would move to phase two": the actor's own act, no target
        if got:
            return got, name
    o = direct_object(tok)
    if o is not None and "dobj" in e.recip:
        if e.event in ("ASSAULT", "COERCE") and sa.role_sector(o):
            place = location(tok, sa)
            if place:
                return place, "loc"
            head = tok.head
            if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp") and head.i != tok.i and \
                    head.pos_ in ("VERB", "AUX"):
                # "fired into Pakistani Kashmir, wounding four children": the victims are where the act they
                # result from was aimed, not of the attacker's country
                ev = sc.made.get(head.i)
                if ev is not None and ev.recipient and not ({r.code for r in ev.recipient} & own):
                    return [copy_actor(r) for r in ev.recipient], "head"
                place = [p for p in location(head, sa) if p.code not in own]
                if place:
                    return place, "loc"
            place = _subject_place(tok, sa, own)
            if place:
                # "AU peacekeepers in Somalia killed six children", "Russian troops in Syria killed 12
                # civilians": the victims are of where the doers are, not of the doers' country
                return place, "loc"
            if e.event == "ASSAULT" and sa.role_sector(o) in ("MIL", "GOV", "SPY", "REB"):
                return [], ""  # someone's soldiers or officials: not the attacker's own
        if _foreign_government(o, e, sc, actors):
            # "Paris described the junta as illegitimate": a state's verdict on "the junta" / "the regime" is
            # on another country's rulers, the one other country the sentence names
            other = other_country(tok, sc, actors)
            if other:
                return [Actor(other[0].code, sc.sa.role_sector(o) or "GOV", o.text, other[0].start, other[0].end)], "role"
        abroad = _role_abroad(o, tok, sc, own)
        if abroad:
            return abroad, "role"
        return sa.role_only(o, actors), "role"
    if e.event in ("REQUEST", "ACCUSE", "REJECT"):
        # "called on the armed forces to stand with the people", "appealed to the police": an uncoded role
        # addressed through the entry's preposition is of the speaker's country
        for name in e.recip:
            if name.startswith("prep:"):
                for g in prep_objects(tok, name[5:].replace("_actor", "")):
                    if sa.role_sector(g) and not sa.resolve(g):
                        got = sa.role_only(g, actors)
                        if got:
                            return got, "role"
    return [], ""


RULER_NOUNS = word_set("grammar", "ruler_nouns")


def _role_abroad(o: Token, tok: Token, sc: Scope, own: set) -> list[Actor]:
    """An uncoded role noun placed in another country is of that country ("criticized the police in Germany":
    German police, not the critic's own), also when the parser hangs the phrase on the verb."""
    sa = sc.sa
    sector = sa.role_sector(o)
    if not sector or o.pos_ != "NOUN":
        return []
    ins = prep_objects(o, "in") + [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "in" and
                                   p.i == o.right_edge.i + 1 for g in p.children if g.dep_ == "pobj"]
    for g in ins:
        got = [a for a in sa.resolve(g) if a.code and a.code not in own and sc.finder.is_country(a.code)]
        if got:
            return [Actor(got[0].code, sector, o.text, got[0].start, got[0].end)]
    return []


def _subject_place(tok: Token, sa, own: set) -> list[Actor]:
    """The country the subject's own phrase of place names ("peacekeepers in Somalia"), not the actor's, or []."""
    subj, _ = subject_token(tok)
    if subj is None:
        return []
    for g in prep_objects(subj, "in"):
        got = [a for a in sa.resolve(g) if a.code and a.code not in own and len(a.code) == 3]
        if got:
            return [Actor(got[0].code, None, got[0].entity_text, got[0].start, got[0].end)]
    return []


def _foreign_government(o: Token, e: LexEntry, sc: Scope, actors: list[Actor]) -> bool:
    """A bare definite ruler noun ("the junta", "the regime") as the object of a state's verbal act against it."""
    return e.event in ("ACCUSE", "REJECT", "THREATEN", "SANCTION") and o.lemma_.lower() in RULER_NOUNS and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in o.children) and \
        not any(c.dep_ in ("poss", "amod", "compound") or c.i in sc.sa.tokmap for c in o.children) and \
        bool(actors) and all(a.sector in (None, "GOV") and sc.finder.is_country(a.code or "") for a in actors)


def open_slot(tok: Token, e: LexEntry, sc: Scope) -> bool:
    """Does a recipient slot hold a phrase that names no actor ("called on all sides")?"""
    for name in e.recip:
        if name.startswith("prep:"):
            for g in prep_objects(tok, name[5:].replace("_actor", "")):
                if g.ent_type_ in ("DATE", "TIME") or g.lemma_.lower() in TIME_WORDS:
                    continue  # "declared martial law on Tuesday night": a time, no one addressed
                if not sc.sa.role_sector(g):
                    return True
    return False


def names_an_act(o: Token | None, sc: Scope) -> bool:
    """Is this object someone's act ("rejected the sanctions", "dismissed the proposal")?"""
    if o is None:
        return False
    lemma = o.lemma_.lower()
    return match_noun(o, sc.lex) is not None or lemma in EVENT_WORDS or lemma in PROPOSAL_NOUNS


def asked_of(tok: Token, e: LexEntry, sc: Scope, actors: list[Actor]) -> list[Actor]:
    """Who a demand is made of: those who are to withdraw or release ("demanded the withdrawal of
    Serbian forces"), the subject of the demand's content clause ("its demand that Israel ease ...")."""
    sa = sc.sa
    own = {a.code for a in actors}
    if e.kind == "verb":
        o = direct_object(tok)
        if o is not None and o.pos_ == "NOUN":
            entry = match_noun(o, sc.lex)
            if (entry is not None and entry.event in ("RETREAT", "CONCEDE")) or o.lemma_.lower() in ASKED_ACTS:
                for g in prep_objects(o, "of"):
                    named = sa.resolve(g)
                    got = [a for a in named if a.code not in own]
                    if got:
                        return got
                    if named and o.lemma_.lower() in ("release", "return", "extradition", "handover"):
                        # "demanded the release of three Americans": asked of the captor, the other
                        # state the sentence names
                        return other_country(tok, sc, actors)
        return []
    near = list(tok.children) + (list(tok.head.children) if tok.dep_ == "dobj" else [])
    for x in near:
        if x.dep_ in ("acl", "ccomp", "relcl") and any(w.lower_ == "that" and w.dep_ == "mark" for w in x.children):
            subj = next((c for c in x.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                got = [a for a in sa.resolve(subj) if a.code not in own]
                if got:
                    return got
    return []


def other_country(tok: Token, sc: Scope, actors: list[Actor], within: bool = False) -> list[Actor]:
    """The one country other than the actor's that the sentence names outside the actor's own phrase
    and outside quotations: the target of an act whose object names no one. `within`: only inside
    the trigger's own phrase ("evacuated the wounded from the Bosnian town")."""
    sa = sc.sa
    own = {a.code for a in actors}
    clauses = {t.i for c in tok.subtree if c != tok and (c.dep_ in ("relcl", "advcl") or (
        c.dep_ == "prep" and c.lower_ in BACKGROUND_PHRASES)) for t in c.subtree}
    inside = {t.i for t in tok.subtree} - clauses  # not inside a relative or adverbial clause of its own
    # nor inside another act's background clause ("... protesting outside parliament, after the premier put the
    # country's EU accession talks on hold")
    own_span = range(tok.left_edge.i, tok.right_edge.i + 1)
    elsewhere = {t.i for c in sa.doc if _background_head(c) and c.i not in own_span
                 and not (c.left_edge.i <= tok.i <= c.right_edge.i) for t in c.subtree}
    subj = subject_token(tok)[0] if tok.pos_ in ("VERB", "AUX") else None
    skip = set(range(subj.left_edge.i, subj.right_edge.i + 1)) if subj is not None else set()
    quoted = quoted_tokens(sa.doc)
    # "fighting alongside Malian troops": an ally, never the target
    skip |= {t.i for p in sa.doc if p.dep_ == "prep" and p.lower_ in ALLY_PREPS for t in p.subtree}
    skip |= detached(tok)  # "ordered lines to be cut and closed the border with Brazil": another act's
    # "lodged a protest via its embassy in Beijing": the channel of the act, not its target
    skip |= {t.i for p in sa.doc if p.dep_ == "prep" and (p.lower_ in CHANNEL_PREPS or (
        p.lower_ == "through" and any(g.lemma_.lower() in CHANNEL_NOUNS for g in p.children if g.dep_ == "pobj")))
        for t in p.subtree}
    # "..., Yonhap reported, citing South Korean military": the source cited is no party
    # "an exchange mediated by the UAE": the broker is a third party, never the target of the act mediated
    skip |= {t.i for v in sa.doc if v.lemma_.lower() in MEDIATION_VERBS and v.i != tok.i
             for c in v.children if c.dep_ == "agent" for t in c.subtree}
    found: dict = {}
    for m in sa.mentions:
        if not m.code or m.code in own or not (sc.finder.is_country(m.code) or m.code in BLOCS):
            continue
        if any(i in skip or i in quoted or i in elsewhere for i in range(m.start, m.end)):
            continue
        if _of_the_press(sa.doc[m.end - 1], sa):
            continue  # "the Czechoslovak news agency reported": the source of the report, no party
        if within and m.start not in inside:
            continue
        if is_origin_modifier(sa.doc[m.end - 1]):
            continue  # "fired Iranian-made missiles": where the weapon was made
        if m.start > 0 and (sa.doc[m.start - 1].lower_ in ("anti", "pro", "non") or (
                m.start > 1 and sa.doc[m.start - 1].text == "-" and sa.doc[m.start - 2].lower_ in ("anti", "pro"))):
            continue  # "an anti-Syria journalist": an attitude, not a party
        found.setdefault(m.code, m)
    if len(found) > 1:
        # "denounced Serbia's suppression of unrest in Montenegro": the possessor of the act
        poss = {c: m for c, m in found.items() if sa.doc[m.end - 1].dep_ == "poss" and m.start in inside}
        if len(poss) == 1:
            found = poss
    if len(found) != 1:
        return []
    m = next(iter(found.values()))
    span = sa.doc[m.start:m.end]
    return [Actor(m.code, None, m.text, sa.offset + span.start_char, sa.offset + span.end_char)]


BACKGROUND_MARKS = word_set("grammar", "background_marks")


def _background_head(c: Token) -> bool:
    """The head of an adverbial clause or phrase of time, cause or concession ("after ...", "despite ...")."""
    if c.dep_ == "prep":
        return c.lower_ in BACKGROUND_PHRASES
    return c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in BACKGROUND_MARKS for m in c.children)


def is_press(h: Token, sa) -> bool:
    """The noun names a news outlet ("news agency", "the news agency Ceteka", "newspaper", "media")."""
    return sa.role_sector(h) == "JRN" or any(
        c.dep_ in ("compound", "appos") and sa.role_sector(c) == "JRN" for c in h.children)


def _of_the_press(t: Token, sa) -> bool:
    """A name that only says whose the reporting outlet is ("the Czechoslovak news agency", "a Turkish
    newspaper", "Russian media")."""
    h = t.head
    while t.dep_ in ("amod", "compound", "poss", "nmod") and h.i != t.i:
        if is_press(h, sa):
            return True
        t, h = h, h.head
    return False


def country_tally(sc: Scope, exclude: set[str | None], every_code: bool = False,
                  sentence: bool = False) -> list[tuple[str, int]]:
    """The countries the article has named so far, leaving out `exclude`, most often named first (ties: the one
    named first): from the states of its coded mentions, or from every coded mention (`every_code`: also of
    agencies and forces, "BSF sources said"), with this sentence's mentions too (`sentence`)."""
    seq = list(sc.sa.ctx.codes if every_code else sc.sa.ctx.states)
    if sentence:
        seq += [m.code for m in sc.sa.mentions if m.code]
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, c in enumerate(seq):
        if c and c not in exclude and sc.finder.is_country(c):
            counts[c] = counts.get(c, 0) + 1
            first.setdefault(c, i)
    return sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))


def article_other(sc: Scope, code: str | None) -> str | None:
    """The country other than `code` that earlier sentences named most (at least twice, and at least half as
    often as `code`), or None."""
    tally = country_tally(sc, {code})
    if not tally:
        return None
    best, n = tally[0]
    return best if n >= 2 and n >= sc.sa.ctx.states.count(code or "") / 2 else None


def main_other(sc: Scope, exclude: set[str | None]) -> str | None:
    """The country the article (and this sentence) names most often, leaving out some codes."""
    tally = country_tally(sc, exclude, sentence=True)
    return tally[0][0] if tally else None


def earlier_event_actors(tok: Token, sc: Scope, actors: list[Actor],
                         objs: list[Token | None] | None = None) -> list[Actor]:
    """ACCUSE / SUPPORT ... of an event named by a noun ("condemned the strikes"): its actors."""
    if objs is None:
        objs = [direct_object(tok)] + [g for w in ("over", "about", "against", "for", "at", "of")
                                       for g in prep_objects(tok, w)]
    own = {a.code for a in actors}
    for o in objs:
        if o is None or o.pos_ != "NOUN":
            continue
        entry = match_noun(o, sc.lex)
        if entry is None and o.lemma_.lower() not in EVENT_WORDS:
            continue
        # not an act of this sentence that the trigger's own clause hangs on ("recalled its envoy after
        # Spain endorsed the plan": the recall came later, it is not what was endorsed)
        above = {a.i for a in tok.ancestors}
        earlier = [ev for i, ev in sc.made.items() if i not in above] + list(reversed(sc.sa.ctx.events))
        # the same act first: "condemned the test" is the test, not a drill reported since
        word = re.compile(r"\b" + re.escape(o.lemma_.lower()[:5]) + r"\w*", re.IGNORECASE)
        same = [ev for ev in earlier if word.search(ev.trigger or "") or word.search(ev.event_text or "")]
        for ev in same + earlier:
            if ev.modality != "asserted" or {a.code for a in ev.actor} & own:
                continue
            if entry is not None and ev.event != entry.event and QUAD.get(ev.event) != QUAD.get(entry.event):
                continue
            return [copy_actor(a) for a in ev.actor]
    return []


def aimed(tok: Token) -> bool:
    """Fired at something ("at targets in Jericho"), not merely into the sea."""
    for w in ("at", "on", "toward", "towards", "against"):
        for g in prep_objects(tok, w):
            if g.lemma_.lower() not in WATERS and g.ent_type_ not in ("DATE", "TIME") \
                    and g.lemma_.lower() not in TIME_WORDS:
                return True
    return False


def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens between quotation marks."""
    out: set[int] = set()
    inside = False
    for t in doc:
        if t.text in ('"', "\u201c", "\u201d", "''", "``"):
            inside = not inside if t.text in ('"', "''", "``") else t.text == "\u201c"
            continue
        if inside:
            out.add(t.i)
    return out
