"""One act, coded once per sentence: a participle that elaborates its main clause ("shelled the town,
killing 20"), the purpose of an act ("resigned to allow elections"), a background clause ("a day
after a Serbian jet shot down a helicopter"), the same act with and without a named target."""

from __future__ import annotations

from spacy.tokens import Token

from ..events import QUAD, Actor, Event
from .coref import PRONOUNS_GROUP, PRONOUNS_PERSON
from .scope import Cand, Scope
from .words import word_set

BACKGROUND_MARKS = word_set("grammar", "background_marks")
TOLL_VERBS = word_set("grammar", "result_participles") | {"die"}
VERBAL_TYPES = {"REJECT", "ACCUSE", "REQUEST", "AGREE", "SUPPORT"}
PURPOSE_TYPES = ("CONCEDE", "AGREE", "REQUEST", "SUPPORT")
PRONOUNS = PRONOUNS_GROUP | PRONOUNS_PERSON


def event_key(ev: Event) -> tuple:
    """Two events of one sentence with this key are the same event."""
    return (ev.event, tuple(sorted(a.code or "" for a in ev.actor)),
            tuple(sorted(r.code or "" for r in ev.recipient)), ev.modality)


def elaborates(c: Cand, ev: Event, made: dict[int, Event]) -> bool:
    """"shelled the town, killing 20 people": the participle elaborates the same event."""
    head = c.tok.head
    if c.tok.dep_ not in ("advcl", "conj", "xcomp") or head.i not in made or made[head.i].event != ev.event:
        return False
    main = made[head.i]
    if {a.code for a in main.actor} != {a.code for a in ev.actor}:
        return False
    recips = {r.code for r in ev.recipient}
    return all(r.entity_text is None for r in ev.recipient) or recips <= {r.code for r in main.recipient} \
        or recips <= {a.code for a in ev.actor}


def complaint_target(sc: Scope) -> None:
    """"X protested to China, whose coast guard blocked a supply mission": what the complained-of
    party did in the relative clause was done to the complainant."""
    doc, made = sc.doc, sc.made
    for idx, ev in made.items():
        t = doc[idx]
        if t.dep_ != "relcl" or ev.recipient and any(r.entity_text for r in ev.recipient):
            continue
        if QUAD.get(ev.event) not in (3, 4):
            continue
        head_start = sc.offset + t.head.idx
        for other in made.values():
            if other is ev or other.event not in ("ACCUSE", "PROTEST", "REJECT"):
                continue
            if any(r.start is not None and r.start <= head_start < (r.end or 0) for r in other.recipient):
                ev.recipient = [Actor(a.code, a.sector, a.entity_text, a.start, a.end) for a in other.actor]
                ev.id = ev.make_id()
                break


def _pronoun_recipients(ev: Event) -> bool:
    return all(r.entity_text is None or r.entity_text.lower() in PRONOUNS for r in ev.recipient)


def part_of_main(sc: Scope, events: list[Event]) -> list[Event]:
    """"rejected the proposal, urging India to sign another": a participle that elaborates a verbal act
    of the same actor is part of it; so is the purpose of an act ("resigned to allow elections")."""
    doc, made = sc.doc, sc.made
    if not made:
        return events
    extra: set[int] = set()
    for idx, ev in made.items():
        t = doc[idx]
        host = t
        if t.dep_ in ("xcomp", "ccomp") and t.head.i in sc.speech and t.head.tag_ == "VBG":
            host = t.head  # "..., saying he would welcome him"
        purpose = host.dep_ in ("advcl", "xcomp") and host.head.i in made and any(
            a.lower_ == "to" and a.dep_ == "aux" for a in host.children) and _pronoun_recipients(ev) \
            and ev.event in PURPOSE_TYPES
        if purpose and {a.code for a in made[host.head.i].actor} == {a.code for a in ev.actor}:
            extra.add(id(ev))
            continue
        if not ((host.dep_ == "advcl" and host.tag_ == "VBG") or (host.dep_ == "conj" and _pronoun_recipients(ev))) \
                or host.head.i not in made or host.head.i == idx:
            continue
        if host is t and t.dep_ == "advcl" and made[t.head.i].event == ev.event and \
                not any(ch.dep_ in ("nsubj", "nsubjpass", "expl") for ch in t.children):
            # "marched to the U.S. embassy, chanting slogans": a participle with no subject of its own is
            # done by the main verb's doer; of the same type, it is the same act
            extra.add(id(ev))
            continue
        main = made[host.head.i]
        if main.event in VERBAL_TYPES and ev.event in VERBAL_TYPES and \
                {a.code for a in main.actor} == {a.code for a in ev.actor}:
            extra.add(id(ev))
    return [e for e in events if id(e) not in extra] if extra else events


def background_clause(tok: Token) -> Token | None:
    """The head of an adverbial clause of time or cause that holds the trigger ("after X fired ...",
    "as police cracked down ..."), or None."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in BACKGROUND_MARKS for m in cur.children):
            return cur
        if cur.dep_ == "pobj" and cur.head.lower_ in ("after", "following", "amid") and cur.head.dep_ == "prep":
            return cur.head
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep" and (cur.head.lower_ == "because" or _cause_prep(cur.head)):
            return cur.head  # "closed its borders because of fighting between A and B": the cause
        if cur.dep_ == "acl" and cur.tag_ == "VBN" and cur.head.pos_ in ("NOUN", "PROPN"):
            return cur  # "the return of property seized by the army in the 1970s": a description
        if cur.head == cur:
            return None
        cur = cur.head
    return None


def reported_before(clause: Token) -> bool:
    """"recalled its envoy hours after Israel struck a school", "a day after X fired ...", "after Spain
    endorsed the plan": a finite clause of its own subject opened by "after" tells what happened just
    before, and news reports it as fact; it is coded (how long before is the modality's business)."""
    if clause.dep_ != "advcl" or clause.tag_ in ("VBG", "VBN") and not any(
            c.dep_ in ("aux", "auxpass") for c in clause.children):
        return False
    if not any(m.dep_ == "mark" and m.lower_ == "after" for m in clause.children):
        return False
    # a named doer: an active subject, or a passive's agent ("after a state of siege was declared" names none)
    return any(c.dep_ == "nsubj" for c in clause.children) or any(c.dep_ == "agent" for c in clause.children)


def _cause_prep(p: Token) -> bool:
    """"because of", "due to", "owing to" (the parser hangs the second word on the first or on the verb)."""
    first = p.doc[p.i - 1] if p.i > 0 else None
    return first is not None and (first.lower_, p.lower_) in (("because", "of"), ("due", "to"), ("owing", "to"))


def _said_content(tok: Token, clause: Token) -> bool:
    """The act is the content of what the clause says was said ("a day after it announced that it would resume
    talks"): only the saying is reported as done, so the act stays background."""
    cur = tok
    for _ in range(8):
        if cur.i == clause.i or cur.head.i == cur.i:
            return False
        if cur.dep_ in ("ccomp", "xcomp"):
            return True
        cur = cur.head
    return False


def _clause_heads(clause: Token) -> list[int]:
    """The tokens a background clause hangs on, up to the root."""
    out = []
    cur = clause.head
    for _ in range(6):
        out.append(cur.i)
        if cur.head == cur:
            break
        cur = cur.head
    return out


def drop_background(sc: Scope, events: list[Event]) -> list[Event]:
    """"Italy suspended air links a day after a Serbian jet shot down a helicopter": the background
    clause of a coded event is context, reported in its own right elsewhere; it stays in the article's
    memory for "condemned the attack"."""
    made = sc.made
    if not made:
        return events
    background: set[int] = set()
    for idx in made:
        if made[idx].mode == "third-party" and sc.doc[idx].dep_ in ("acl", "amod"):
            continue  # "a deal brokered by China": the mediation is the deal's, not a description
        t = sc.doc[idx]
        if made[idx].event == "CONSULT" and t.pos_ == "NOUN" and t.dep_ == "pobj" and \
                t.head.lower_ in ("after", "following"):
            continue  # "agreed ... after talks with X": the talks were held (candidates.talks_held)
        clause = background_clause(sc.doc[idx])
        if clause is not None and reported_before(clause) and not _said_content(sc.doc[idx], clause):
            continue
        # (not when the main act is denied: "while Pakistan targeted civilian areas, the BSF did not target
        # any": the contrast is the only report of the act)
        if clause is not None and any(j in made and j != idx and made[j].modality != "negated"
                                      for j in _clause_heads(clause)):
            background.add(idx)
    if not background:
        return events
    drop = {id(made[i]) for i in background}
    sc.sa.ctx.events.extend(e for e in events if id(e) in drop)
    return [e for e in events if id(e) not in drop]


def drop_tolls(sc: Scope, events: list[Event]) -> list[Event]:
    """"were killed in cross-border shelling between India and Pakistan", "the shelling of Kherson killed five":
    a toll verb whose cause is an act coded in its own right is that act's toll, not a second act (its doer
    would only be guessed)."""
    made = sc.made
    drop = set()
    for idx, ev in made.items():
        t = sc.doc[idx]
        if t.lemma_.lower() not in TOLL_VERBS:
            continue
        causes = [c for c in t.children if c.dep_ in ("nsubj", "csubj")] + [
            g for p in t.children if p.dep_ in ("prep", "agent") and p.lower_ in ("in", "by", "during")
            for g in p.children if g.dep_ == "pobj"]
        if any(c.i in made and c.i != idx and made[c.i].event == ev.event and made[c.i].actor for c in causes):
            drop.add(id(ev))
    return [e for e in events if id(e) not in drop] if drop else events


def drop_untargeted_twins(events: list[Event]) -> list[Event]:
    """The same act with and without a named target ("condemned the poisoning and blamed Moscow"): one."""
    targeted = {(e.event, frozenset(a.code for a in e.actor), e.modality) for e in events if e.recipient}
    return [e for e in events if e.recipient
            or (e.event, frozenset(a.code for a in e.actor), e.modality) not in targeted]
