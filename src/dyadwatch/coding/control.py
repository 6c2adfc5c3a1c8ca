"""Which clauses belong to another trigger and are not events of their own: the complement of a
control verb ("agreed to meet", "refused to withdraw"), the content of a demand or a threat ("its
demand that Israel ease restrictions"), a speaker's "must" clause, and the aim of a material act
("staged protests to demand reforms")."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from .arguments import misplaced_partner
from .scope import Cand
from .speech import MUST
from .triggers import LexEntry
from .words import word_set

PROPOSAL_NOUNS = word_set("events", "proposal_nouns")
RELATIVE_WORDS = word_set("grammar", "relative_words")
CONTENT_NOUN_TYPES = ("REQUEST", "THREATEN", "AGREE", "ACCUSE")
MATERIAL_TYPES = ("PROTEST", "ASSAULT", "COERCE", "MOBILIZE")
ELABORATING_TYPES = ("REJECT", "ACCUSE", "REQUEST", "AGREE", "SUPPORT")  # merge.VERBAL_TYPES


def _to_inf(x: Token) -> bool:
    return any(a.lower_ == "to" and a.dep_ == "aux" for a in x.children)


def owned_clauses(doc: Doc, cands: list[Cand], speech: dict[int, LexEntry]
                  ) -> tuple[dict[int, int], dict[int, int]]:
    """(token -> the trigger that owns its clause, "must" clause head -> its speech verb)."""
    controlled: dict[int, int] = {}
    acts = {c.tok.i: c.entry.event for c in cands}

    def own(subtree: Iterable[Token], by: int) -> None:
        toks = list(subtree)
        # "... to impose sanctions on Rwanda, which it accuses of arming the rebels", "to rein in the fighters,
        # whom it blamed for the attacks": a relative clause with its own subject on a named party, or with the
        # relative word as its object, says what is blamed now; it is no content of the request
        free = {t.i for r in toks if r.dep_ == "relcl" and (r.head.pos_ == "PROPN" or any(
                    c.dep_ == "dobj" and c.lower_ in RELATIVE_WORDS for c in r.children)) and
                any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_WORDS for c in r.children) for t in r.subtree}
        # "ordered phone lines to be cut and closed the border": a simple past the parser hung on the infinitive
        # is an act of its own, unless it only says more of the same act ("refused to send troops and urged its
        # citizens to stay calm": a verbal act beside a verbal act elaborates it, as merge.part_of_main has it)
        free |= {t.i for c in toks if c.i in acts and acts[c.i] not in ELABORATING_TYPES
                 and misplaced_partner(c) is not None for t in c.subtree}
        for t in toks:
            if t.i not in free:
                controlled.setdefault(t.i, by)

    for c in cands:
        if c.entry.kind == "noun" and c.entry.event in CONTENT_NOUN_TYPES:
            # "its demand that Israel ease restrictions": the clause is the demand's content (also
            # when it hangs on the verb: "reiterated its demand today that ...")
            near = list(c.tok.children) + (
                [x for x in c.tok.head.children if x.dep_ == "ccomp"] if c.tok.dep_ == "dobj" else [])
            for x in near:
                if x.dep_ in ("acl", "ccomp", "relcl") and any(
                        (w.lower_ == "that" and w.dep_ == "mark") or (w.lower_ == "to" and w.dep_ == "aux")
                        for w in x.children):
                    own(x.subtree, c.tok.i)
        if "control" in c.entry.flags or "intent" in c.entry.flags:
            for x in c.tok.children:
                if x.dep_ in ("xcomp", "ccomp") and x.i > c.tok.i:
                    own(x.subtree, c.tok.i)
            # "demanded an admission that ...": a content clause of the object is the content too
            if c.entry.kind == "verb":
                for o in c.tok.children:
                    if o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in PROPOSAL_NOUNS:
                        for x in o.children:
                            if x.dep_ in ("acl", "relcl", "ccomp") and _to_inf(x):
                                own(x.subtree, c.tok.i)
            for o in c.tok.children:
                if o.dep_ in ("dobj", "nsubjpass") and c.entry.kind == "verb":
                    for x in o.children:
                        if x.dep_ in ("acl", "ccomp") and not any(w.lower_ in RELATIVE_WORDS for w in x.children):
                            own(x.subtree, c.tok.i)
            # "called on Arabs to unite": an infinitive hanging on the object is the content too
            for t in c.tok.subtree:
                if t.i > c.tok.i and t.pos_ == "VERB" and t.dep_ in ("acl", "xcomp", "advcl") and _to_inf(t) and \
                        (t.head.i == c.tok.i or t.head.dep_ in ("dobj", "pobj")):
                    own(t.subtree, c.tok.i)
    # "reached a consensus to exchange data", "signed an agreement to build a pipeline": what is agreed is
    # the agreement's content, not an act of its own yet
    for c in cands:
        if c.entry.kind == "verb" and c.entry.event == "AGREE":
            for o in c.tok.children:
                if o.dep_ == "dobj" and o.pos_ == "NOUN":
                    for x in o.children:
                        if x.dep_ in ("acl", "relcl") and _to_inf(x):
                            own(x.subtree, c.tok.i)
    # "X said Y must ...": the clause is the content of a demand, coded once as REQUEST (speech.py)
    must_clauses: dict[int, int] = {}
    for si in speech:
        for x in doc[si].children:
            if x.dep_ == "ccomp" and any(ch.lower_ in MUST for ch in x.children if ch.dep_ in ("aux", "auxpass")):
                must_clauses[x.i] = si
                own(x.subtree, si)
    # "staged protests to demand reforms", "blocked roads, calling for ...": the aim of a material
    # event is part of it, not a second (verbal) event
    for c in cands:
        if c.entry.event in MATERIAL_TYPES:
            anchor = c.tok if c.entry.kind == "verb" else c.tok.head
            for x in anchor.children:
                if x.dep_ not in ("advcl", "xcomp", "acl") or x.i < anchor.i:
                    continue
                infinitive = _to_inf(x)
                aims = {"REQUEST", "PROTEST"} if infinitive else {"REQUEST"} if x.tag_ == "VBG" else set()
                for t in x.subtree:
                    inner = next((d for d in cands if d.tok.i == t.i), None)
                    if inner is not None and inner.entry.event in aims and inner is not c:
                        controlled.setdefault(t.i, c.tok.i)
    return controlled, must_clauses
