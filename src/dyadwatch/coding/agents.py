"""Who acts: the subject or agent of a trigger resolved to actors, a pronoun subject taken from the
clause that embeds it, an unnamed group placed in its country, the party an "unless" clause names."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from ..events import Actor
from .arguments import (
    direct_object,
    is_origin_modifier,
    is_passive,
    passive_modifier_noun,
    prep_objects,
    shared_passive,
    subject_token,
)
from .coref import PRONOUNS_GROUP, PRONOUNS_PERSON
from .places import BORDER_WORDS, PLACE_PREPS, attack_place, is_device, location
from .recipients import earlier_event_actors
from .scope import Draft, Scope
from .words import word_set

CROWD = word_set("people", "crowd")
STAFF = word_set("people", "staff")
ATTRIBUTION_VERBS = word_set("events", "attribution_verbs")
DEVICES = word_set("events", "devices")
BODY_NOUNS = word_set("references", "body_nouns")
REPORTING_VERBS = word_set("references", "reporting_verbs")
ROLE_NOT_ANAPHORIC = word_set("references", "role_not_anaphoric")
STATE_KINDS = ("country", "capital", "demonym")  # mentions that name a state as a whole
VERDICT_TYPES = ("ACCUSE", "REJECT", "THREATEN", "SANCTION", "REQUEST")  # verbal acts on another party


def subject(tok: Token, sc: Scope, _depth: int = 0) -> tuple[list[Actor], str]:
    """The actors who do `tok` and how they were found ("subj", "agent", "inherited", "place" ...)."""
    sa = sc.sa
    s, how = subject_token(tok)
    if s is None:
        return [], ""
    got = sa.resolve(s)
    if got and s.pos_ == "NOUN" and any(is_origin_modifier(t) for t in s.subtree if t.i in sa.tokmap):
        got = []  # "Iranian-made drones struck Kyiv": the drones' maker is not the attacker
    if got:
        _learn_roles(s, got, sa)
    elif s.pos_ == "NOUN":
        got = _role_named_before(s, sa)
        how = "coref" if got else how
    if got and how == "inherited" and tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and _bound_object(tok, got, sc):
        # "the official called it disappointing that Pyongyang continued ... and urged it to engage": a plain
        # pronoun object is never its own verb's subject, so the verb is coordinated with the clause above
        up = tok.head.head
        while up.dep_ in ("ccomp", "acomp", "oprd") and up.head != up:
            up = up.head
        if up.pos_ in ("ADJ",):
            up = up.head
        alt, _how2 = subject(up, sc, _depth + 1) if _depth < 3 and up.pos_ in ("VERB", "AUX") else ([], "")
        if alt and {a.code for a in alt} != {a.code for a in got}:
            return alt, "inherited"
    if not got and tok.dep_ == "acl" and s == tok.head and tok.head.head.pos_ in ("VERB", "AUX") \
            and tok.head.head != tok.head:
        # "issued a declaration demanding that ...": the one who issued it
        return subject(tok.head.head, sc)
    if not got and tok.dep_ == "acl" and tok.tag_ == "VBG" and s == tok.head and s.dep_ == "pobj" and _depth < 3:
        # "launched a barrage of rockets targeting a kibbutz": the weapons' launcher, not the place they hit
        up = s.head
        if up.lower_ == "of" and up.head.dep_ == "dobj" and up.head.head.pos_ == "VERB":
            alt, _how2 = subject(up.head.head, sc, _depth + 1)
            if alt:
                return alt, "inherited"
    if not got and s.pos_ == "NOUN":
        got = listed_members(s, sa)  # "Western countries, including France and Germany, condemned ..."
    if not got and s.pos_ in ("NOUN", "PROPN"):
        got = unnamed_group(s, tok, sc)
        how = "place" if got else how
    if not got and s.pos_ == "PRON" and s.lower_ in PRONOUNS_GROUP | PRONOUNS_PERSON and _depth < 3:
        # "The Umma party said it will boycott ...": the pronoun is the speaker
        cur = tok
        while cur.dep_ in ("ccomp", "conj", "xcomp") and cur.head != cur:
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                return subject(cur, sc, _depth + 1)
    return got, how


def _role_words(s: Token, sa) -> list[str]:
    """The role nouns of a subject phrase: its head and the role nouns compounded on it ("defense ministry
    spokesperson": spokesperson, ministry; "Foreign Minister Ishaq Dar": minister)."""
    out = []
    if s.pos_ == "NOUN" and sa.role_sector(s):
        out.append(s.lemma_.lower())
    for c in s.children:
        if c.dep_ == "compound" and c.i < s.i and c.i not in sa.tokmap and c.is_alpha and sa.role_sector(c):
            out.append(c.lemma_.lower())
    return [w for w in out if w not in ROLE_NOT_ANAPHORIC]


def _learn_roles(s: Token, got: list[Actor], sa) -> None:
    """Remember who a subject with role nouns is, for a later "the spokesperson said" (one party only)."""
    codes = {a.code for a in got if a.code}
    if len(codes) != 1 or any(c.lower_ in ("former", "ex") for c in s.children):
        return
    for w in _role_words(s, sa):
        sa.ctx.learn_role(w, got[0])


def _role_named_before(s: Token, sa) -> list[Actor]:
    """"The spokesperson also criticized ...", "the ministry said" with nothing else to place it: the
    subject the article last named with that role noun ("a North Korean defense ministry spokesperson")."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in s.children):
        return []
    if any(t.i in sa.tokmap for t in s.subtree) or any(c.dep_ in ("amod", "poss") for c in s.children):
        return []  # "the Kenyan spokesperson", "the other minister", "its ministry": placed otherwise
    if any(c.dep_ == "prep" for c in s.children):
        return []  # "the minister of finance", "the police in Lagos"
    words = _role_words(s, sa)
    if not words:
        return []
    found = sa.ctx.last_with_role(words[0])
    if found is None:
        return []
    span = sa.doc[s.left_edge.i:s.i + 1]
    return [Actor(found.code, sa.role_sector(s) or found.sector, span.text, sa.offset + span.start_char,
                  sa.offset + span.end_char)]


def listed_members(s: Token, sa) -> list[Actor]:
    """A subject noun that names no one ("Western countries", "several governments") with the named
    members it lists after "including" or "such as": those members, each an actor."""
    out: list[Actor] = []
    for p in s.children:
        if p.dep_ == "prep" and (p.lower_ == "including" or (p.lower_ == "as" and p.i > 0
                                                              and p.doc[p.i - 1].lower_ == "such")):
            for g in p.children:
                if g.dep_ == "pobj":
                    out.extend(a for a in sa.resolve(g) if a.code and all(a.code != b.code for b in out))
    return out


def _bound_object(tok: Token, subj: list[Actor], sc: Scope) -> bool:
    """The direct object of `tok` is a plain (not reflexive) pronoun standing for its subject `subj`."""
    o = direct_object(tok)
    if o is None or o.pos_ != "PRON" or o.lower_ not in PRONOUNS_GROUP | PRONOUNS_PERSON:
        return False
    return {a.code for a in sc.sa.resolve(o)} == {a.code for a in subj}


def _is_crowd(t: Token) -> bool:
    return t.lemma_.lower() in CROWD or t.lower_ in CROWD


def unnamed_group(s: Token, tok: Token, sc: Scope) -> list[Actor]:
    """An unnamed group ("thousands of students in Jakarta"): the country where it acts."""
    sa = sc.sa
    if any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in s.children):
        return []  # "our government", "our leaders": the writer's or speaker's, named elsewhere if at all
    head = s
    for _ in range(2):
        if _is_crowd(head):
            pobjs = [g for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj"]
            if pobjs:
                head = pobjs[0]
                continue
        break
    sector = sa.role_sector(head) or sa.role_sector(s)
    if sector is None and _is_crowd(head):
        sector = "CVL"
    people = _people_countries(s, sc)
    if sector is None and not (people and _people_countries(s, sc, head=False) != people):
        return []  # a role noun, a crowd or a people ("ethnic Albanians demanded ...")
    back = _group_named_before(s, sector, sc) or _body_named_before(s, sc)
    if back is not None:
        # "Hezbollah fired rockets ... The militant group said": the group the article named, not its main state
        span = sa.doc[s.left_edge.i:s.i + 1]
        return [Actor(back.code, back.sector, span.text, sa.offset + span.start_char, sa.offset + span.end_char)]
    places: list[Actor] = []
    for t in s.subtree:
        if t.dep_ == "prep" and t.lower_ in PLACE_PREPS:
            for g in t.children:
                if g.dep_ == "pobj":
                    places = [a for a in sa.resolve(g) if a.code and len(a.code) == 3]
                    if places:
                        break
        if places:
            break
    if not places and not people:
        # a country inside the group's own name ("Montenegro Municipality Association (AKK) officials"), also when
        # the act is aimed at it (a domestic act); not a backer or a cause ("Iranian-backed militias")
        own = [m for m in sa.mentions if s.left_edge.i <= m.start and m.end - 1 < s.i and sc.finder.is_country(m.code)
               and not sa._backer(m) and not sa._attitude(m)]
        if own:
            places = [Actor(own[0].code, None)]
    if people:
        # "Kurdish rebels", "ethnic Albanian guerrillas": the country they act or fight in
        code = _people_country(people, places, tok, sc)
        if code:
            places = [Actor(code, None)]
    if not places and sector in ("MIL", "SPY"):
        places = _speakers_state(tok, s, sc)  # "The air force is striking ... in Lebanon", the Israeli army said
    if not places:
        places = location(tok, sa)
    if not places:
        for m in sa.mentions:
            h = sa.doc[m.end - 1]
            if m.kind in ("country", "capital", "region") and h.dep_ == "pobj" and h.head.lower_ in PLACE_PREPS \
                    and _of_own_clause(h, tok, s):
                places = [sa.actor_from_mention(m, None)]
                break
    # the country the act is aimed at is not the group's ("Protesters criticised Norway", "deplore all North
    # Korean missile activity"; also of the speaker's own clause: "Council members said they deplore ...")
    # (a verdict on another's doings; "the party said it will boycott Algeria's elections" is still Algerian)
    acts = [a for a in [tok, *(c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"))]
            if (c := sc.by_tok.get(a.i)) is not None and c.entry.event in VERDICT_TYPES]
    # (the party of the act's object, "proposed talks with Pyongyang", only as a state: "officials demanded support
    # from the Montenegro Assembly" is a domestic act)
    aimed = {m.code for m in sa.mentions if _argument_of(sa.doc[m.end - 1], tok, deep=m.kind in STATE_KINDS)
             or any(_aimed_at(sa.doc[m.end - 1], a) for a in acts)}
    if not places:
        # one country named in the sentence: the group's country ("the Umma party ... Algeria's elections")
        named = {m.code for m in sa.mentions if sc.finder.is_country(m.code)
                 and _of_own_clause(sa.doc[m.end - 1], tok, s, victims=False)}
        if len(named) == 1 and not named & aimed:
            places = [Actor(named.pop(), None)]
    if not places:
        # the article's main state, or, when the act is aimed at it, the next one ("A foreign ministry
        # spokesman accused Washington" in a story about North Korea and the United States)
        code = next((c for c in sa.ctx.ranked_states() if c not in aimed), None)
        if code:
            places = [Actor(code, None)]
    if not places:
        return []
    p = places[0]
    left = s.left_edge
    span = sa.doc[left.i:s.i + 1]
    return [Actor(p.code, sector, span.text, sa.offset + span.start_char, sa.offset + span.end_char)]


def _speakers_state(tok: Token, s: Token, sc: Scope) -> list[Actor]:
    """The state whose forces speak of an unnamed force of theirs ("The air force is \u201cstriking the launch sources
    in Lebanon\u201d, the Israeli army said"; "troops killed 20 militants, the ISPR said"): the country of a
    state body that is the subject of the verb of saying the act's clause hangs on (not of "enemy forces")."""
    if any(c.lower_ in ("enemy", "rival", "opposing", "hostile", "foreign") for c in s.children):
        return []
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "parataxis", "conj", "xcomp") or cur.head.i == cur.i:
            return []
        cur = cur.head
        if cur.lemma_.lower() in REPORTING_VERBS:
            subj = [c for c in cur.children if c.dep_ == "nsubj"]
            if not subj:
                return []
            got = [a for a in sc.sa.resolve(subj[0]) if a.code and sc.finder.is_country(a.code)
                   and a.sector in ("GOV", "MIL", "SPY", "COP")]
            return got[:1]
    return []


def _of_own_clause(h: Token, tok: Token, group: Token, victims: bool = True) -> bool:
    """`h` names something of the act's own clause or of the clauses above it, which may place an unnamed group
    ("police in Karachi", "Pakistani officials said police ...", "boycott Algeria's elections"), not a far-away
    thing: the way up from `h` to the act or to a word above it crosses no relative or adnominal clause, no
    adverbial clause of the act itself ("arrested a man who had returned from Syria", "a convoy carrying food
    donated by Japan", "accused the regulator after its contract with China was cancelled") and at most one
    preposition ("retaliate against any attack from across the border with India"); a clause describing the
    group noun itself is the group's ("the junta that has made Myanmar a land of misery"). Without `victims`, no
    modifier of another verb's passive subject either ("Two Chinese engineers were killed ..., police said":
    the victims' country is not the police's)."""
    above = {tok.i} | {a.i for a in tok.ancestors}
    preps = 0
    t = h
    while t.i not in above:
        if (t.dep_ in ("relcl", "acl") and t.head.i != group.i) or (t.dep_ == "advcl" and t.head.i == tok.i and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children)):  # ("used tear gas to disperse demonstrators
            # in several parts of Bangladesh": a purpose clause of the act is the act's)
            return False  # (an adverbial clause of the reported act still places the speaker: "killed when
            # their convoy was targeted near Karachi's airport, police said")
        if not victims and t.dep_ == "nsubjpass" and t.head.i != tok.i and t.i != h.i:  # (a place may be one:
            # "Basra was gripped by protests")
            return False
        preps += t.dep_ == "prep"  # (a passive's by-agent is its doer, no preposition of place)
        if t.head.i == t.i:
            return False
        t = t.head
    return preps <= 1


_ARMED = frozenset(("REB", "UAF"))
_NON_STATE = frozenset(("REB", "UAF", "PTY", "OPP", "CRM", "SOC"))


def _group_named_before(s: Token, sector: str | None, sc: Scope) -> Actor | None:
    """A definite group noun with nothing else to place it ("the militant group", "the rebels", "the
    group") stands for the last armed (or, for a plain "group", non-state) group the article named."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in s.children):
        return None
    if any(c.dep_ in ("prep", "poss", "compound", "amod") and c.i in sc.sa.tokmap for c in s.subtree if c is not s):
        return None  # "the rebels in Idlib", "the Kurdish group": named here
    if sector in _ARMED:
        wanted = _ARMED
    elif sector == "UNK":
        wanted = _NON_STATE
    else:
        return None
    return next((g for g in reversed(sc.sa.ctx.groups) if g.sector in wanted and g.code), None)


def _body_named_before(s: Token, sc: Scope) -> Actor | None:
    """"Council members said ...", "the council's members", "members of the council" after "The Security Council
    condemned ...": a body named by its head noun alone (references body_nouns) is the last body of that name
    the article named."""
    words = [s] + [c for c in s.children if c.dep_ in ("compound", "poss")] + [
        g for p in s.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    nouns = [w for w in words if w.lemma_.lower() in BODY_NOUNS and w.i not in sc.sa.tokmap]
    if not nouns or any(c.dep_ in ("amod", "compound") and c.i in sc.sa.tokmap for w in nouns for c in w.children):
        return None  # "the Arab League council": named here
    for noun in nouns:
        for g in reversed(sc.sa.ctx.groups):
            if g.code and g.entity_text and noun.lemma_.lower() in g.entity_text.lower().split():
                return g
    return None


def _people_countries(s: Token, sc: Scope, head: bool = True) -> list[str]:
    """The countries of a people of several states named before the group's noun ("Kurdish rebels",
    "ethnic Albanian guerrillas": peoples.csv) or as the noun (`head`: "Kurds", "ethnic Albanians"),
    [] if none."""
    lookup = getattr(sc.finder, "people", None)
    if lookup is None:
        return []
    words = [t for t in s.doc[s.left_edge.i:s.i + (1 if head else 0)] if t.i not in sc.sa.tokmap]
    for n in (2, 1):
        for k in range(len(words) - n + 1):
            run = words[k:k + n]
            if any(b.i != a.i + 1 for a, b in pairwise(run)):
                continue
            got = lookup(s.doc[run[0].i:run[-1].i + 1].text)
            if got:
                return got
    return []


def _people_country(people: list[str], places: list[Actor], tok: Token, sc: Scope) -> str | None:
    """Which of a people's countries the group acts in: where the sentence places it ("Kurdish rebels in
    northern Iraq"), the state its act is aimed at ("killed three Turkish soldiers", "attacked Iraqi
    troops"), where the act happens, a listed country the sentence or the article names, else the first
    listed. A group placed outside its countries ("Kurdish protesters in Berlin") is left to its place."""
    sa = sc.sa
    if places:
        return places[0].code if places[0].code in people else None
    aimed = [m.code for m in sa.mentions if m.code in people and _aimed_at(sa.doc[m.end - 1], tok)]
    if aimed:
        return aimed[0]
    where = [a.code for a in location(tok, sa) if a.code]
    if where:
        return where[0] if where[0] in people else None
    named = [m.code for m in sa.mentions if m.code in people] + \
        [c for c in sa.ctx.ranked_states() if c in people]
    return named[0] if named else people[0]


def _aimed_at(h: Token, tok: Token) -> bool:
    """`h` names the object of `tok` or what the object belongs to: "Turkish" in "killed three Turkish
    soldiers", "attacked an Iraqi army post", "ambushed Turkey's troops"; the party of the object, "proposed
    talks with Pyongyang", only when named as the state itself, not as the modifier of an institution of its
    own ("demanded support from the Montenegro Assembly")."""
    for k in range(3):
        # (through the verb's object only a target's own modifier: "imposed sanctions on three Iranian firms")
        if _argument_of(h, tok, deep=k == 0 or (k == 1 and h.dep_ == "pobj" and h.head.lower_ in ("on", "against"))):
            return True
        if h.dep_ not in ("amod", "compound", "poss", "nmod", "nummod") or h.head.i == h.i:
            return False
        h = h.head
    return False


def _argument_of(h: Token, tok: Token, deep: bool = True) -> bool:
    """`h` heads the object of `tok` or of a preposition on it ("criticised Norway", "protested to China"), or
    owns that object ("condemned Norway's decision")."""
    if h.dep_ == "poss" and h.head.i != h.i and _argument_of(h.head, tok, deep):
        return True
    if h.head.i == tok.i and h.dep_ in ("dobj", "dative", "nsubjpass"):
        return True
    if h.dep_ != "pobj" or h.head.lower_ not in ("to", "with", "against", "on", "at", "from", "over", "about"):
        return False
    # "criticised Norway", or the party of the verb's object ("proposed talks with Pyongyang", "launched strikes
    # on Syria", "signed a deal with Ankara")
    up = h.head.head
    return up.i == tok.i or (deep and up.dep_ == "dobj" and up.head.i == tok.i)


def is_person(o: Token, sc: Scope) -> bool:
    """An object that names a person or an office holder (not weapons or shells)."""
    sa = sc.sa
    m = sa.tokmap.get(o.i)
    if m is not None and m.kind == "person":
        return True
    words = [o] + [c for c in o.children if c.dep_ in ("compound", "amod", "appos")]
    return any(w.lemma_.lower() in STAFF or sa.role_sector(w) in ("GOV", "LEG", "JUD") for w in words)


def governor(tok: Token) -> Token | None:
    """The verb whose clause embeds `tok` (through a noun: "the fear that ...")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("ccomp", "acl", "relcl", "advcl") and cur.head != cur:
            cur = cur.head
            if cur.pos_ in ("NOUN", "PROPN"):
                cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                return cur
        else:
            return None
    return None


def condition_subject(tok: Token, sc: Scope) -> list[Actor] | None:
    """The party an "unless / if" clause puts a condition on ("... unless Israel withdraws")."""
    heads = [tok] + [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
    cur = tok
    while cur.head != cur and cur.dep_ in ("xcomp", "ccomp", "conj") and len(heads) < 8:
        cur = cur.head
        heads.append(cur)
    for h in heads:
        for c in h.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children):
                for g in c.children:
                    if g.dep_ in ("nsubj", "nsubjpass"):
                        got = sc.sa.resolve(g)
                        if got:
                            return got
    return None


def has_unless(tok: Token) -> bool:
    """`tok` has an "unless" clause (a threat's condition)."""
    return any(m.dep_ == "mark" and m.lower_ == "unless" for c in tok.children if c.dep_ == "advcl"
               for m in c.children)


def actor_from_place(d: Draft, sc: Scope) -> None:
    """No actor named: "a journalist was arrested in Iran" (the state there), "killed by a roadside
    bomb outside Basra" (an attacker known only by the place of the attack)."""
    tok, e = d.tok, d.entry
    sa = sc.sa
    if not d.actors and e.kind == "verb" and is_passive(tok) and (
            e.event in ("COERCE", "SANCTION") or (e.event == "ACCUSE" and e.mode == "investigate")):
        places = [a for a in location(tok, sa) + [x for g in prep_objects(tok, "from") for x in sa.resolve(g)]
                  if a.code and sc.finder.is_country(a.code)]
        if places:
            p = places[0]
            d.actors, d.how = [Actor(p.code, "GOV", p.entity_text, p.start, p.end)], "place"
            d.recips = [r for r in d.recips if r.code != p.code] or d.recips
    if not d.actors and e.kind == "verb" and d.etype == "SANCTION" and is_passive(tok):
        got = border_owner(tok, sc)  # "Venezuela's border with Colombia has been closed": Venezuela closed it
        if got:
            d.actors, d.how = got, "mention"
            d.recips = [r for r in d.recips if r.code not in {a.code for a in got}]
    if not d.actors and e.kind == "verb" and e.event == "ACCUSE" and (
            is_passive(tok) or shared_passive(tok) or passive_modifier_noun(tok) is not None):
        summoned_envoy(d, sc)
    if not d.actors and e.kind == "verb" and d.etype in ("ASSAULT", "COERCE") and is_passive(tok):
        got = attributed_doer(tok, sc)
        if got:
            d.actors, d.how = got, "instrument"
            d.recips = [r for r in d.recips if r.code not in {a.code for a in got}]
    if not d.actors and e.kind == "verb" and d.etype in ("ASSAULT", "COERCE") and is_passive(tok):
        got = instrument_owner(tok, sc)
        if got:
            d.actors, d.how = got, "instrument"
    if not d.actors and e.kind == "verb" and d.etype in ("ASSAULT", "COERCE"):
        got = earlier_act_doer(tok, d.etype, sc)
        if got:
            d.actors, d.how = got, "coref"
    if not d.actors and e.kind == "verb" and d.etype == "ASSAULT":
        got = attack_place(tok, sc)
        if got is not None:
            d.actors, d.how = got, "place"
            if not d.recips:
                d.recips = [Actor(got[0].code, None, None, None, None)]


def border_owner(tok: Token, sc: Scope) -> list[Actor]:
    """The country whose border or crossing a passive closes, by its possessor ("Venezuela's border with Colombia
    has been closed", "its crossings were sealed"), or []."""
    for c in tok.children:
        if c.dep_ == "nsubjpass" and (c.lemma_.lower() in BORDER_WORDS or c.lemma_.lower() in ("crossing", "crossings")):
            for p in c.children:
                if p.dep_ == "poss":
                    got = [a for a in sc.sa.resolve(p) if a.code and sc.finder.is_country(a.code)]
                    if got:
                        return [Actor(got[0].code, "GOV", got[0].entity_text, got[0].start, got[0].end)]
    return []


def summoned_envoy(d: Draft, sc: Scope) -> None:
    """"The U.S. ambassador was summoned to the Turkish foreign ministry", "Israel's envoy was called in at the
    foreign ministry in Brasilia": a passive summons names no summoner; the country of the ministry or of the
    place (its capital) summons the envoy's country. No place, or the envoy's own country ("summoned to
    Washington for consultations"): no one named."""
    tok, sa = d.tok, sc.sa
    # "was summoned to the ministry and handed a protest note": the summons' subject and places count
    heads = [tok, tok.head] if shared_passive(tok) else [tok]
    envoys = sc.lex.classes.get("envoy", frozenset())
    # the envoy may be the head, its title ("U.S. Ambassador John Bass") or a piece the parser split off
    # ("the charge d'affaires")
    subjects = [c for h in heads for c in h.children if c.dep_ == "nsubjpass"]
    modified = passive_modifier_noun(tok)
    if modified is not None:  # "the U.S. envoy, summoned to ...", "the ambassador, who was summoned to ..."
        subjects = [modified]
    envoy = next((c for c in subjects if any(
        t.lemma_.lower() in envoys or t.lower_ in envoys for t in c.subtree if t.i <= c.i or t.dep_ == "appos")),
        None)
    if envoy is None:
        return
    places = [g for h in heads for g in prep_objects(h, "to") if g.ent_type_ not in ("DATE", "TIME")]
    got: list[Actor] = []
    for g in places:
        got = _ministry_country(g, sc)
        if got:
            break
    if not got:
        got = [a for h in heads for a in location(h, sa) if a.code and sc.finder.is_country(a.code)]
    if not got:  # "Russia's ambassador to Britain was summoned": by the host
        got = [a for w in ("to", "in") for g in prep_objects(envoy, w) for a in sa.resolve(g)
               if a.code and sc.finder.is_country(a.code)][:1]
    if not got:
        return
    p = got[0]
    # the envoy is the one summoned or handed the note ("was handed a protest note in Warsaw")
    own = d.recips if tok is heads[-1] and modified is None and d.recips else sa.resolve(envoy)
    recips = [r for r in own if r.code != p.code]
    if not recips:
        return
    d.actors, d.how, d.recips = [Actor(p.code, "GOV", p.entity_text, p.start, p.end)], "place", recips


def _ministry_country(g: Token, sc: Scope) -> list[Actor]:
    """The country a place of summons names: "the Turkish foreign ministry", "Turkey's foreign ministry", "the
    foreign ministry in Ankara", "Ankara"."""
    got = [a for a in sc.sa.resolve(g) if a.code and sc.finder.is_country(a.code)]
    if got:
        return got
    for w in ("in", "of"):
        for g2 in prep_objects(g, w):
            got = [a for a in sc.sa.resolve(g2) if a.code and sc.finder.is_country(a.code)]
            if got:
                return got
    return []


def giver_as_actor(d: Draft, sc: Scope) -> bool:
    """An inverse verb ("received weapons from the US", "took delivery of tanks from Poland"): the giver
    named by the entry's preposition is the actor, the grammatical subject the recipient; failing a
    preposition, the one country named inside the object ("a shipment of Russian air defence
    equipment"). False when no giver is named."""
    if "inverse" not in d.entry.flags:
        return True
    receivers = d.actors
    givers = d.recips if d.recip_slot.startswith("prep:") or d.recip_slot == "agent" else []
    if not givers:
        o = direct_object(d.tok)
        own = {a.code for a in receivers}
        named = {m.code: m for t in (o.subtree if o is not None else []) if (m := sc.sa.tokmap.get(t.i)) is not None
                 and m.kind in ("country", "demonym", "organisation") and m.code not in own}
        if len(named) == 1:
            m = next(iter(named.values()))
            givers = [sc.sa.actor_from_mention(m, None)]
    if not givers:
        return False
    if not receivers:
        # "The seizure drew criticism from London": the subject is an act; its doer receives
        s, _ = subject_token(d.tok)
        if s is not None and s.pos_ == "NOUN":
            receivers = earlier_event_actors(d.tok, sc, givers, objs=[s])
    giver_codes = {a.code for a in givers}
    receivers = [r for r in receivers if r.code not in giver_codes]  # never the giver on both sides
    d.actors, d.recips, d.how, d.recip_slot = givers, list(receivers), "agent", "subj"
    return True


INSTRUMENT_PREPS = ("in", "by", "during", "from", "with", "after", "under")


def instrument_owner(tok: Token, sc: Scope) -> list[Actor]:
    """"killed in an Israeli air strike", "hit by a Russian missile": a passive act without a named agent
    whose instrument names the country it came from."""
    # "were killed and 11 others injured in heavy shelling": the participles coordinated with it share the cause
    # (the parser may hang the second participle on its gapped subject: "11 others" conj, "injured" acl)
    heads = [tok] + [c for c in tok.conjuncts if c.tag_ == "VBN" and not any(x.dep_ == "agent" for x in c.children)] + [
        a for n in tok.children if n.dep_ == "conj" and n.pos_ in ("NOUN", "PRON", "NUM")
        for a in n.children if a.dep_ == "acl" and a.tag_ == "VBN"]
    for p in INSTRUMENT_PREPS:
        for g in (g for h in heads for g in prep_objects(h, p)):
            if is_device(g, sc):
                got = [a for a in sc.sa.resolve(g) if a.code and sc.finder.is_country(a.code)]
                if got:
                    return got
                # "killed in heavy shelling and firing by Pakistani Rangers", "wounded in an attack by rebels
                # from Chad": the attack's own by-phrase (on it or on an attack coordinated with it) names its doer
                for x in [g, *(c for c in g.conjuncts if c.i > g.i and is_device(c, sc))]:
                    for b in prep_objects(x, "by"):
                        got = [a for a in sc.sa.resolve(b) if a.code]
                        if got:
                            return got
    return []


def earlier_act_doer(tok: Token, etype: str, sc: Scope) -> list[Actor]:
    """"The United States launched airstrikes on Yemen. The strikes hit radar sites ...": a definite
    attack noun as subject refers back to the article's latest act of the type; its actors act."""
    subj, _ = subject_token(tok)
    if subj is None or subj.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "this")
                                                      for c in subj.children):
        return []
    if not is_device(subj, sc) or sc.sa.resolve(subj):
        return []
    for ev in reversed(sc.sa.ctx.events):
        if ev.event == etype and ev.modality == "asserted" and ev.actor:
            return [Actor(a.code, a.sector, subj.text, sc.offset + subj.idx, sc.offset + subj.idx + len(subj))
                    for a in ev.actor[:1]]
    return []


def attributed_doer(tok: Token, sc: Scope) -> list[Actor]:
    """"Two engineers were killed ..., in an attack claimed by the Baloch Liberation Army", "killed in a
    strike widely attributed to Israel": a passive act with no agent whose attack noun names its doer."""
    for n in tok.doc:
        if n.pos_ != "NOUN" or n.lemma_.lower() not in DEVICES:
            continue
        for v in n.children:
            if v.dep_ not in ("acl", "relcl") or v.lemma_.lower() not in ATTRIBUTION_VERBS:
                continue
            preps = ("by",) if v.lemma_.lower() == "claim" else ("to", "on", "by")
            for p in preps:
                for g in prep_objects(v, p):
                    got = sc.sa.resolve(g)
                    if got:
                        return got
    return []
