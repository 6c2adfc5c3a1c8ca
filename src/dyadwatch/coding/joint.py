"""Joint acts: several parties acting together on each other ("A and B signed", "A met B", "held
talks with B", "accused each other", a visit hosted by B, joint exercises). A reciprocal draft has
recipients == actors (all parties); `ordered_pairs` then makes one event per ordered pair of
different parties, all sharing one joint id."""

from __future__ import annotations

import dataclasses
import hashlib

from spacy.tokens import Token

from ..events import Actor, Event
from .arguments import direct_object, subject_token
from .coref import PAIR_NOUNS, PRONOUNS_GROUP, PRONOUNS_PERSON
from .scope import Draft, Scope, copy_actor
from .triggers import match_noun
from .words import word_set

DISCUSS_WORDS = word_set("events", "discuss_words")
MEDIATION_VERBS = word_set("events", "mediation_verbs")
EXCHANGE_WORDS = word_set("grammar", "exchange_words")
SEPARATE_WORDS = word_set("grammar", "separate_words")
# slots of a symmetric predicate whose object is the other party ("met B", "talks with B", "between A and B")
SYMMETRIC_SLOTS = ("dobj", "prep:with", "prep:between")
HOST_CAMEO = "043"
MEDIATION_CAMEOS = ("044", "045")  # hosting talks between others; mediating  # host a visit: the host and the visitor meet each other


def each_other(tok: Token) -> bool:
    """The trigger's object is "each other" / "one another" (directly or through a preposition)."""
    for ch in tok.children:
        objs = [ch] if ch.dep_ in ("dobj", "dative", "pobj") else \
            [g for g in ch.children if g.dep_ == "pobj"] if ch.dep_ == "prep" else []
        for o in objs:
            words = [w.lower_ for w in o.subtree]
            if words[-2:] in (["each", "other"], ["one", "another"]):
                return True
    return False


def reciprocal(d: Draft) -> None:
    """Several actors of a reciprocal entry ("A and B signed", "met") or acting on "each other": every
    side acts on every other side."""
    many = len(d.actors) > 1  # parties, also of one country ("Sudan's army and the RSF clashed")
    inside = not d.recips or d.recip_codes() <= d.actor_codes()
    if "recip" in d.entry.flags and many and inside:
        d.recips = list(d.actors)
        d.reciprocal = True
    if not d.reciprocal and many and inside and d.etype == "CONSULT" and _for_talks(d.tok, named=False):
        # "U.S. and Russian negotiators arrived in Geneva for talks": the parties talk with each other
        d.recips = list(d.actors)
        d.reciprocal = True
    if not d.reciprocal and many and not d.recips and d.entry.kind == "noun" and d.etype in ("RETREAT", "CONCEDE") \
            and d.tok.lower_ in EXCHANGE_WORDS:
        # "Russia and Ukraine completed a prisoner swap": each side hands over to the other
        d.recips = list(d.actors)
        d.reciprocal = True
    if not d.reciprocal and many and inside and (each_other(d.tok) or _the_other(d.tok)):
        # "Armenia and Azerbaijan accused each other", "both countries blamed the other"
        d.recips = list(d.actors)
        d.reciprocal = True


def _the_other(tok: Token) -> bool:
    """The trigger's object is "the other" ("accusing the other of ...", "blamed the other for ...")."""
    for ch in tok.children:
        objs = [ch] if ch.dep_ in ("dobj", "dative") else \
            [g for g in ch.children if g.dep_ == "pobj"] if ch.dep_ == "prep" else []
        if any(o.lower_ in ("other", "another") and any(c.lower_ in ("the", "one") for c in o.children) or
               o.lower_ == "another" for o in objs):
            return True
    return False


def each_the_other(d: Draft, sc: Scope) -> None:
    """"exchanged fire, each side accusing the other of starting it": with no actor of its own, "each"
    acting on "the other" is every party of the sentence's joint act (else of the two states the article
    has named last) acting on every other one."""
    if d.actors:
        return
    s, _ = subject_token(d.tok)
    if s is not None and s.lower_ in PAIR_NOUNS and any(c.lower_ in ("both", "two") for c in s.children):
        # "talks between Ethiopia and Somalia ended with both sides agreeing to ...": the parties of the
        # sentence's joint act, each toward the other
        parties = _joint_parties(sc) or _between_parties(d, sc)
        if len({a.code for a in parties}) >= 2:
            d.actors, d.recips, d.how, d.reciprocal = parties, list(parties), "inherited", True
        return
    if s is None or not (s.lower_ == "each" or any(c.dep_ == "det" and c.lower_ == "each" for c in s.children)):
        return
    if not _the_other(d.tok):
        return
    parties: list[Actor] = []
    for ev in sc.made.values():
        if id(ev) in sc.joint and len({a.code for a in ev.actor}) >= 2:
            parties = [copy_actor(a) for a in ev.actor]
    if not parties:  # the two states named before it in the sentence, else in the article
        codes: list[str] = []
        for m in sc.sa.mentions:
            if m.end <= d.tok.i and m.code and sc.finder.is_country(m.code) and m.code not in codes:
                codes.append(m.code)
        if len(codes) != 2:
            codes = sc.sa.ctx.last_two_states(sc.finder.is_country)
        parties = [Actor(c, None, None, None, None) for c in codes]
    if len({a.code for a in parties}) < 2:
        return
    d.actors, d.recips, d.how, d.reciprocal = parties, list(parties), "inherited", True


def _joint_parties(sc: Scope) -> list[Actor]:
    """The parties of the last joint act coded in this sentence."""
    parties: list[Actor] = []
    for ev in sc.made.values():
        if id(ev) in sc.joint and len({a.code for a in ev.actor}) >= 2:
            parties = [copy_actor(a) for a in ev.actor]
    return parties


def _between_parties(d: Draft, sc: Scope) -> list[Actor]:
    """The states of a "between A and B" phrase before the trigger, else the two states named before it."""
    doc = sc.doc
    for t in doc[:d.tok.i]:
        if t.dep_ == "prep" and t.lower_ == "between":
            got = [a for g in t.children if g.dep_ == "pobj" for a in sc.sa.resolve(g)
                   if sc.finder.is_country(a.code or "")]
            if len({a.code for a in got}) >= 2:
                return [copy_actor(a) for a in got]
    codes: list[str] = []
    for m in sc.sa.mentions:
        if m.end <= d.tok.i and m.code and sc.finder.is_country(m.code) and m.code not in codes:
            codes.append(m.code)
    return [Actor(c, None, None, None, None) for c in codes] if len(codes) == 2 else []


def _same(a: Actor, b: Actor) -> bool:
    return a.code == b.code and (a.start, a.end) == (b.start, b.end)


def symmetric(d: Draft, sc: Scope | None = None) -> None:
    """A symmetric act named with its other party ("A met B", "signed a deal with B", "clashed with B",
    "B received A"): both (all) parties act on each other."""
    e = d.entry
    if d.reciprocal or not d.recips or "intent" in e.flags or d.etype != e.event:
        return  # retyped ("said Y must cooperate with Z" is a demand on Y): no longer the joint act
    if not (("recip" in e.flags and d.recip_slot in SYMMETRIC_SLOTS) or d.cameo == HOST_CAMEO):
        return
    named = [r for r in d.recips if r.entity_text is not None]
    if not named or len(named) != len(d.recips):
        return
    if _mediated_between(d):
        return  # "Egypt mediated talks between Israel and Hamas": the mediator deals with each party, one way
    own = d.actor_codes()
    if any(r.code in own and (r.entity_text or "").lower() in PRONOUNS_GROUP | PRONOUNS_PERSON for r in named):
        return  # "consulting with its allies", "met his commanders": no other party named
    parties = list(d.actors) + [r for r in named if not any(_same(r, a) for a in d.actors)]
    if len(parties) < 2:
        return
    others = [r for r in named if r.code not in own]
    if sc is not None and len({r.code for r in others}) >= 2 and _apart(d.tok):
        # "held bilateral meetings with her counterparts from A, B and C": each of them with the actor, one
        # event each way; A and B did not meet
        d.recips = others
        ev = sc.make(d.tok, e, d.etype, d.mode, d.cameo, [copy_actor(r) for r in others],
                     [copy_actor(a) for a in d.actors], d.modality, "mention")
        sc.side.append(ev)
        return
    d.actors = parties
    d.recips = list(parties)
    d.reciprocal = True


def _apart(tok: Token) -> bool:
    """The joint act is held with each party apart: "bilateral" / "separate" on the trigger's object or on the
    trigger noun itself ("held separate talks with A and B", "bilateral meetings with ...")."""
    o = direct_object(tok) if tok.pos_ in ("VERB", "AUX") else tok
    return o is not None and any(c.dep_ in ("amod", "compound") and c.lower_ in SEPARATE_WORDS for c in o.children)


def joint_exercise(d: Draft) -> None:
    """Joint exercises are military cooperation between the participants."""
    if d.etype == "MOBILIZE" and d.mode == "weapons" and (
            len(d.actor_codes()) > 1 or any(w.lower_ in ("joint", "combined") for w in d.tok.subtree)):
        d.retype("COOPERATE", None, "062")
        if len(d.actor_codes()) > 1:
            d.recips = list(d.actors)
            d.reciprocal = True


def talks_both_ways(d: Draft, sc: Scope) -> None:
    """Talks and phone calls go both ways: each side consults the other."""
    tok = d.tok
    obj = direct_object(tok)
    if d.etype == "CONSULT" and not d.reciprocal and _mediated_between(d):
        # "Egypt mediated talks between Israel and Hamas": the mediator deals with each party (one way); the
        # parties' own talks are a joint act of theirs
        parties = [r for r in d.recips if r.code not in d.actor_codes()]
        d.retype("CONSULT", "third-party", "045")
        if len({p.code for p in parties}) < 2:
            return
        side = None
        if obj is not None and obj.lemma_.lower() in DISCUSS_WORDS or (obj is None and _talks_named(tok)):
            # "mediated talks between A and B", "shuttled between A and B in indirect talks": they talk
            side = (d.entry, "CONSULT", None, "040", obj if obj is not None else tok)
        elif obj is not None and obj.pos_ == "NOUN" and obj.i not in sc.made:
            # "brokered a ceasefire between Thailand and Cambodia", "mediated a prisoner swap between A and B":
            # the parties' own joint act, of the noun's type
            entry = match_noun(obj, sc.lex)
            if entry is not None and ("recip" in entry.flags or obj.lower_ in EXCHANGE_WORDS):
                side = (entry, entry.event, entry.mode, entry.cameo, obj)
        if side is not None:
            entry, etype, mode, cameo, at = side
            ev = sc.make(at, entry, etype, mode, cameo, [copy_actor(p) for p in parties],
                         [copy_actor(p) for p in parties], d.modality, "mention")
            sc.joint.add(id(ev))
            sc.side.append(ev)
        return
    if d.mode == "third-party" or tok.lemma_.lower() in MEDIATION_VERBS and any(
            c.dep_ == "agent" for c in tok.children):
        return  # "the negotiations were brokered by Turkey": the brokers do not talk with each other
    if any(ev.trigger_start == sc.offset + tok.idx and ev.event == d.etype for ev in sc.side) and _apart(tok):
        return  # "held separate talks with A and B": each with the actor (symmetric), not among themselves
    if d.etype == "CONSULT" and not d.reciprocal and d.recips and (d.mode != "visit" or _for_talks(tok)) and (
            tok.lemma_.lower() in DISCUSS_WORDS or (obj is not None and obj.lemma_.lower() in DISCUSS_WORDS)
            or _for_talks(tok)):
        own = d.actor_codes()
        others = [r for r in d.recips if r.code not in own]
        if others and all(sc.finder.is_country(x.code or "") for x in d.actors + others):
            d.actors = list(d.actors) + others
            d.recips = list(d.actors)
            d.reciprocal = True


def _for_talks(tok: Token, named: bool = True) -> bool:
    """"arrived in Baghdad for talks with Iraq's prime minister": the visit is held as talks with a named
    party (`named`), which go both ways; "arrived in Geneva for talks" (not `named`)."""
    return any(p.dep_ == "prep" and p.lower_ == "for" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in DISCUSS_WORDS and (not named or any(
            w.dep_ == "prep" and w.lower_ == "with" for w in g.children)) for g in p.children) for p in tok.children)


def _mediated_between(d: Draft) -> bool:
    """A mediation verb whose parties are named "between A and B" ("mediated talks between A and B", "shuttled
    between the delegations": a lexicon entry of mediation, CAMEO 044/045)."""
    o = direct_object(d.tok)
    mediating = d.tok.lemma_.lower() in MEDIATION_VERBS or d.entry.cameo in MEDIATION_CAMEOS
    return mediating and len(d.recips) >= 2 and (d.recip_slot == "prep:between" or (
        o is not None and any(p.dep_ == "prep" and p.lower_ == "between" for p in o.children)))


def _talks_named(tok: Token) -> bool:
    """The mediation is said to be of talks ("shuttled between the delegations in indirect talks")."""
    return any(t.lemma_.lower() in DISCUSS_WORDS for t in tok.subtree if t.i != tok.i)


def alone(d: Draft) -> None:
    """"Turkey hosts refugees": a consultation or cooperation with no one else is none."""
    if d.etype in ("CONSULT", "COOPERATE") and not d.reciprocal and d.recips and \
            d.recip_codes() <= d.actor_codes():
        d.recips = []


def joint_id(ev: Event) -> str:
    """The id shared by the ordered-pair events of one joint act."""
    key = f"{ev.story_id}|{ev.sentence_index}|{ev.trigger_start}|{ev.event}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _pairs(parties: list[Actor]) -> list[tuple[Actor, Actor]]:
    """Every ordered pair of different parties, one per (actor code, recipient code); parties of one
    country (a government and its rebels) give that country on both sides, once."""
    out: list[tuple[Actor, Actor]] = []
    seen: set[tuple] = set()
    for i, a in enumerate(parties):
        for j, b in enumerate(parties):
            if i == j or (a.code, b.code) in seen:
                continue
            seen.add((a.code, b.code))
            out.append((a, b))
    return out


def ordered_pairs(events: list[Event], joint: set[int]) -> list[Event]:
    """Each joint event (id() in `joint`) as one event per ordered pair of its parties."""
    if not joint:
        return events
    has_field = "joint_id" in getattr(Event, "__dataclass_fields__", {})
    out: list[Event] = []
    for ev in events:
        parties = ev.actor
        if id(ev) not in joint or len(parties) < 2:
            out.append(ev)
            continue
        gid = joint_id(ev)
        for a, b in _pairs(parties):
            extra = {"joint_id": gid} if has_field else {}
            out.append(dataclasses.replace(ev, actor=[a], recipient=[b], id=None, **extra))
    return out
