"""What the act is, given who does it and to whom: a minority acts in the country where it lives, a
state ordering its own press to close coerces it, civilians' violence is a riot, a state's protest
is a diplomatic complaint, missiles fired at no one are a test, a state blocking coerces, an act
under a condition ("... unless Israel withdraws") is a threat."""

from __future__ import annotations

from ..events import Actor
from .agents import condition_subject, has_unless
from .arguments import direct_object, prep_objects, subject_token
from .places import is_ethnic, location
from .recipients import aimed, main_other, other_country
from .scope import Draft, Scope
from .words import word_set

STOP_VERBS = word_set("events", "stop_verbs")
RIGHT_NOUNS = word_set("grammar", "right_nouns")
CLAIM_RIGHT_VERBS = word_set("grammar", "claim_right_verbs")
FORCE_TYPES = ("ASSAULT", "COERCE", "MOBILIZE")
COPULAS = word_set("grammar", "copulas")
MESSAGE_NOUNS = word_set("grammar", "message_nouns")
HOST_CAMEO = "043"
WARN_VERBS = ("warn", "caution")
ORDER_VERBS = ("order", "force", "compel")
STATE_SECTORS = (None, "GOV", "JUD", "COP", "MIL")
CONFLICT_TYPES = ("SANCTION", "ASSAULT", "COERCE", "MOBILIZE")


def minorities(d: Draft, sc: Scope) -> None:
    """"ethnic Albanians demonstrated in Serbia": a minority acts (and suffers) where it lives."""
    tok, sa = d.tok, sc.sa
    if len(d.actors) == 1 and is_ethnic(d.actors[0], sa):
        place = [p for p in location(tok, sa) if sc.finder.is_country(p.code or "")] or \
            other_country(tok, sc, d.actors)
        if place:
            a = d.actors[0]
            d.actors = [Actor(place[0].code, a.sector or "CVL", a.entity_text, a.start, a.end)]
            d.recips = [r for r in d.recips if r.code != place[0].code or r.entity_text is None]
    if d.recips and d.etype in ("ASSAULT", "COERCE", "SANCTION") and any(is_ethnic(r, sa) for r in d.recips):
        # "killed three ethnic Albanians in southern Serbia": a minority where it lives, not a state
        place = [p for p in location(tok, sa) if sc.finder.is_country(p.code or "")]
        if place:
            d.recips = [Actor(place[0].code, None, place[0].entity_text, place[0].start, place[0].end)]


def state_order(d: Draft) -> None:
    """"the government ordered the opposition newspaper to suspend publication": a state order to its
    own people to stop is coercion."""
    tok = d.tok
    if d.etype == "REQUEST" and tok.lemma_.lower() in ORDER_VERBS and d.recips and \
            d.recip_codes() == d.actor_codes() and all(a.sector in STATE_SECTORS for a in d.actors) and any(
                x.lemma_.lower() in STOP_VERBS for x in tok.subtree if x.pos_ == "VERB" and x != tok):
        d.retype("COERCE", None, "170")


def by_the_doer(d: Draft, sc: Scope) -> None:
    """Civilians' violence is a riot; people protesting are civilians; a state protesting lodges a
    complaint (ACCUSE) with the other state."""
    tok, e, sa = d.tok, d.entry, sc.sa
    subj_tok = subject_token(tok)[0] if e.kind == "verb" else None
    if d.etype == "ASSAULT" and d.actors and all(a.sector == "CVL" for a in d.actors) and subj_tok is not None \
            and sc.finder.sector_of(subj_tok.lemma_.lower()) == "CVL":
        d.retype("PROTEST", "riot", "145")
        if not d.recips:
            d.recips = [Actor(d.actors[0].code, None, None, None, None)]
    people = subj_tok is not None and subj_tok.tag_ in ("NNS", "NNPS") and \
        sa.role_sector(subj_tok) not in ("GOV", "MIL", "COP", "LEG", "JUD")  # "Iraqi Kurds protested"
    if d.etype == "PROTEST" and people and d.actors:
        d.actors = [Actor(a.code, a.sector or "CVL", a.entity_text, a.start, a.end, a.office) for a in d.actors]
    if d.etype == "SANCTION" and e.id.startswith("sanction.status.") and d.actors and d.recips and \
            d.recip_codes() <= d.actor_codes():
        d.retype("COERCE", "restrict", "172")  # "India revoked the special status of Kashmir": its own region
    crowds = e.kind == "noun" and tok.tag_ == "NNS"  # "Iranian protests continued": demonstrations, no complaint
    if d.etype == "PROTEST" and tok.lemma_.lower() in ("protest", "object") and d.actors and not people and \
            not crowds and all(
            sc.finder.is_country(a.code or "") and a.sector in (None, "GOV") for a in d.actors):
        d.retype("ACCUSE", "allege", "114")  # a state's protest is a diplomatic complaint
        own = d.actor_codes()
        if all(r.entity_text is None and r.code in own for r in d.recips):
            # ... lodged with another state: the one named in the sentence, else the article's other one
            alt = other_country(tok, sc, d.actors) or [
                Actor(c, None, None, None, None) for c in [main_other(sc, set(own))] if c]
            d.recips = alt or d.recips


def test_or_block(d: Draft) -> None:
    """Missiles fired at no one are a weapons test; a state blocking is coercion, not protest. A launch
    already read as a threat (a speaker's plan to fire missiles near Guam) stays a threat: the plan is
    the news, not a test."""
    if "test" in d.entry.flags and d.etype != "THREATEN" and not d.recips and not aimed(d.tok):
        d.retype("MOBILIZE", "weapons", "150")
    if d.etype == "PROTEST" and d.mode == "obstruct" and d.actors and all(
            a.sector in (None, "GOV", "MIL", "COP") for a in d.actors):
        d.retype("COERCE", "restrict", "191")


def conditional_threat(d: Draft, sc: Scope, spoken: bool) -> None:
    """An act promised or announced under a condition on another party is a threat to that party."""
    tok = d.tok
    cond = condition_subject(tok, sc)
    conflict = d.etype in CONFLICT_TYPES
    if cond is not None and (d.etype == "THREATEN" or (spoken and d.etype in ("RETREAT", "SANCTION", "AGREE"))
                             or (conflict and (d.modality == "future" or has_unless(tok)))):
        cond_actors = [a for a in cond if a.code not in d.actor_codes()]
        if cond_actors or (conflict and d.recips):
            if d.etype != "THREATEN":
                d.retype("THREATEN", None, "130")
                d.modality = "asserted"
            real = [r for r in d.recips if r.entity_text is not None and r.code not in d.actor_codes()]
            d.recips = real or cond_actors


def claimed_right(d: Draft) -> None:
    """"Pyongyang had the right to shoot down U.S. bombers", "Iran reserves the right to strike back": a
    right claimed for oneself names no act done; a claimed right to use force is a threat of the
    claimant (CAMEO 138), any other claimed or defended right ("defended the right of Russian troops to
    fire") is hypothetical."""
    tok = d.tok
    if d.entry.kind != "verb" or tok.dep_ not in ("acl", "xcomp", "relcl") or tok.head.lemma_.lower() not in RIGHT_NOUNS:
        return
    if d.modality not in ("asserted", "future", "hypothetical"):
        return  # negated ("has no right to ...") or claimed stays as it is
    noun = tok.head
    holder = noun.head if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX") else None
    own = holder is not None and holder.lemma_.lower() in CLAIM_RIGHT_VERBS and not any(
        p.dep_ == "prep" and p.lower_ == "of" for p in noun.children)  # "the right of X to ...": X is no claimant
    if own and d.etype in FORCE_TYPES and d.recips and not d.recip_codes() <= d.actor_codes():
        d.retype("THREATEN", None, "138")
        d.modality = "asserted"
    elif own and d.etype == "SANCTION" and d.recips and not d.recip_codes() <= d.actor_codes():
        # "reserved the right to take countermeasures against Washington": a threat of penalties (130)
        d.retype("THREATEN", None, "130")
        d.modality = "asserted"
    else:
        d.modality = "hypothetical"


def mere_caution(d: Draft, sc: Scope) -> bool:
    """"Trump warned that it could be false hope", "warned that the plan would be a mistake": a warning whose
    content is a judgement (a copula with no party as its subject) and that names no one warned is a
    caution, no threat."""
    tok = d.tok
    if d.etype != "THREATEN" or tok.lemma_.lower() not in WARN_VERBS or d.recip_slot in ("dobj", "prep:against"):
        return False
    for ch in tok.children:
        if ch.dep_ != "ccomp" or ch.lemma_.lower() not in COPULAS:
            continue
        subj = next((c for c in ch.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in ("it", "this", "that") or not sc.sa.resolve(subj):
            return True
    return False


def received_message(d: Draft, sc: Scope) -> bool:
    """"Trump said he had received a beautiful letter from Kim": receiving a message is no visit hosted; the
    sender communicates with the one who receives it, one way (CONSULT 040). False: no sender named."""
    tok = d.tok
    if d.cameo != HOST_CAMEO or d.entry.kind != "verb" or tok.lemma_.lower() != "receive":
        return True
    o = direct_object(tok)
    if o is None or o.lemma_.lower() not in MESSAGE_NOUNS and o.lower_ not in MESSAGE_NOUNS:
        return True
    receivers = d.actors
    givers = [a for g in prep_objects(o, "from") + prep_objects(tok, "from") for a in sc.sa.resolve(g)]
    own = {a.code for a in receivers}
    givers = [a for a in givers if a.code not in own]
    if not givers or not receivers:
        return False
    d.actors, d.recips, d.how, d.recip_slot = givers, list(receivers), "agent", "subj"
    d.retype("CONSULT", None, "040")
    return True
