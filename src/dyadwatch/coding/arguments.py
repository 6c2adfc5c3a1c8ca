"""Arguments of a trigger in a dependency parse: the grammar of who acts (subject, agent, inherited
subject, object control) and of what is acted on (object, prepositional object)."""

from __future__ import annotations

from spacy.tokens import Token

from .words import word_set

# Verbs whose object is the subject of their to-infinitive ("urged Seoul to resume talks").
OBJECT_CONTROL = word_set("grammar", "object_control")
RELATIVE = word_set("grammar", "relative")
PRAISE_BLAME = word_set("grammar", "praise_blame")
COPULAS = word_set("grammar", "copulas")
ORIGIN_PARTICIPLES = word_set("grammar", "origin_participles")
# event nouns that do nothing themselves ("the talks had failed, accusing ..."): no subject of a participle
INANIMATE_SUBJECTS = word_set("events", "event_words") | word_set("events", "discuss_words")
RESULT_PARTICIPLES = word_set("grammar", "result_participles")
SMALL_CLAUSE_VERBS = word_set("grammar", "small_clause_verbs")
PASSIVE_GIVERS = word_set("grammar", "passive_givers")


# -- subjects and objects -------------------------------------------------------------------

def is_passive(tok: Token) -> bool:
    # "IGAD criticised Norway": a name the parser took for a passive auxiliary makes no passive
    return any(c.dep_ == "nsubjpass" or (c.dep_ == "auxpass" and c.pos_ in ("AUX", "VERB", "PART")
                                           and c.tag_ not in ("NNP", "NNPS"))
               for c in tok.children)


def shared_passive(tok: Token) -> bool:
    """"was summoned and handed a protest note", "was detained and given ten years": a participle that keeps an
    object and shares the passive of the verb it is coordinated with; that verb's subject received it."""
    return tok.dep_ == "conj" and (tok.tag_ == "VBN" or tok.tag_ == "VBD" and tok.lemma_.lower() in PASSIVE_GIVERS) \
        and tok.head != tok and is_passive(tok.head) and \
        any(c.dep_ == "dobj" for c in tok.children) and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)


def passive_modifier_noun(tok: Token) -> Token | None:
    """"the U.S. envoy, summoned to the Turkish foreign ministry, ...", "China's ambassador, who was summoned to
    ...": the noun a passive participle or passive relative clause modifies is what it acts on, or None."""
    if tok.head == tok or tok.head.pos_ not in ("NOUN", "PROPN") or tok.head.i > tok.i or tok.tag_ != "VBN":
        return None
    if tok.dep_ == "acl" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in tok.children):
        return tok.head
    if tok.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.lower_ in RELATIVE for c in tok.children):
        return tok.head
    return None


def small_clause_object(tok: Token) -> Token | None:
    """"ordered the border with Colombia closed", "kept its border shut", "declared the crossing closed": a bare
    participle completing an order/declare/keep verb acts on that verb's object (which the parser makes the
    participle's subject or leaves on the verb), or None."""
    if tok.tag_ not in ("VBN", "VBD") or tok.dep_ not in ("ccomp", "xcomp", "advcl", "oprd") or tok.head == tok \
            or tok.head.lemma_.lower() not in SMALL_CLAUSE_VERBS:
        return None
    if any(c.dep_ in ("aux", "auxpass", "mark", "dobj", "nsubjpass") for c in tok.children):
        return None  # "ordered that the border be closed", "declared it had closed the border": clauses of their own
    for c in tok.children:
        if c.dep_ == "nsubj" and c.i < tok.i and c.pos_ in ("NOUN", "PROPN"):
            return c
    if any(c.dep_ == "nsubj" for c in tok.children):
        return None
    for c in tok.head.children:
        if c.dep_ == "dobj" and c.i < tok.i and c.pos_ in ("NOUN", "PROPN", "VERB"):
            return c
    return None


def misparsed_subject(tok: Token) -> Token | None:
    """"Budapest criticised Norway", "IGAD condemned ...": a name right before a verb that has no subject,
    which the parser attached to it as a modifier or auxiliary, is its subject."""
    if tok.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in tok.children):
        return None
    for c in tok.children:
        if c.i < tok.i and c.dep_ in ("advmod", "npadvmod", "auxpass", "aux", "nmod", "compound") and \
                (c.pos_ == "PROPN" or c.tag_ in ("NNP", "NNPS")) and c.ent_type_ not in ("DATE", "TIME") and \
                c.right_edge.i == tok.i - 1:
            return c
    return None




def subject_token(tok: Token, _depth: int = 0) -> tuple[Token | None, str]:
    """The token naming who does `tok`, and how it was found (subj, agent, inherited, accused)."""
    if _depth > 6:
        return None, ""
    if small_clause_object(tok) is not None:  # "Maduro ordered the border closed": Maduro closed it
        s, _how = subject_token(tok.head, _depth + 1)
        return s, "inherited" if s is not None else ""
    passive = is_passive(tok)
    if passive or tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"):
        for c in tok.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g, "agent"
        if passive:
            # "was hit with sanctions by the EU", "was granted a loan by the World Bank": the agent hangs on
            # the instrument or on the object a passive keeps
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "by":  # the parser's "by" as a plain preposition
                    for g in c.children:
                        if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME"):
                            return g, "agent"
                if c.dep_ == "dobj":
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ == "by":
                            for q in p.children:
                                if q.dep_ == "pobj":
                                    return q, "agent"
                if c.dep_ == "prep":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            for p in g.children:
                                if p.dep_ == "prep" and p.lower_ == "by":
                                    for q in p.children:
                                        if q.dep_ == "pobj":
                                            return q, "agent"
            return None, ""
    wrong = misparsed_subject(tok)
    if wrong is not None:
        return wrong, "subj"
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj", "expl"):
            if c.lower_ in RELATIVE and tok.dep_ == "relcl":
                return tok.head, "relative"
            if c.dep_ == "expl":
                continue
            return c, "subj"
    head = tok.head
    if head == tok:
        return None, ""
    dep = tok.dep_
    if dep == "xcomp" and is_passive(head):
        # "the minister is expected to visit": the raised subject
        for c in head.children:
            if c.dep_ == "nsubjpass":
                return c, "inherited"
    if dep == "xcomp":
        if head.lemma_.lower() in OBJECT_CONTROL:
            for c in head.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    return c, "object-control"
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            return g, "object-control"
        s, _how = subject_token(head, _depth + 1)
        return s, "inherited" if s is not None else ""
    if dep == "conj" and shared_passive(tok):
        # "the charge d'affaires was summoned and handed a protest note": the one handed it did not hand it
        s, _how = subject_token(head, _depth + 1)
        return s, "agent" if s is not None else ""
    if dep == "conj" and is_passive(head):
        for c in head.children:
            if c.dep_ == "nsubjpass":
                return c, "inherited"
    if dep == "advcl" and reduced_relative(tok):
        return None, ""  # "talks agreed at the DMZ last month": the noun before it was acted on, no doer named
    if dep == "conj" and head.dep_ == "ccomp" and head.lemma_.lower() in COPULAS and head.head != head:
        # "Trump said the offer appeared sincere but warned ...": a copula's clause cannot warn; the parser
        # hung the second verb on it, not on the verb of saying whose subject does both
        s, _how = subject_token(head.head, _depth + 1)
        return s, "inherited" if s is not None else ""
    if dep == "advcl" and tok.tag_ == "VBG":
        near = toll_clause(tok)
        if near is not None:
            s, _how = subject_token(near, _depth + 1)
            return s, "inherited" if s is not None else ""
    if dep == "conj" and head.dep_ == "ccomp" and head.head != head and head.head.pos_ in ("VERB", "AUX") and \
            _own_tense(tok, head):
        # "The Dutch government said hackers had breached a network, and summoned the Russian envoy": a simple
        # past that does not share the embedded verb's auxiliary is coordinated with the verb of saying
        s, _how = subject_token(head.head, _depth + 1)
        return s, "inherited" if s is not None else ""
    partner = misplaced_partner(tok) if dep == "conj" else None
    if partner is not None:
        # "Maduro ordered communications to be shut off with the islands and closed the border": a simple past
        # cannot share a subjectless infinitive; it is coordinated with the verb above it
        s, _how = subject_token(partner, _depth + 1)
        return s, "inherited" if s is not None else ""
    if dep in ("conj", "advcl", "acomp"):
        s, _how = subject_token(head, _depth + 1)
        if s is None and dep == "conj" and head.dep_ == "ccomp" and head.head != head and \
                head.head.pos_ in ("VERB", "AUX"):
            s, _how = subject_token(head.head, _depth + 1)  # the embedded verb names no doer: the sayer's
        elif s is not None and dep == "advcl" and tok.tag_ == "VBG" and head.dep_ == "ccomp" and \
                s.pos_ == "NOUN" and _inanimate(s) and head.head.pos_ in ("VERB", "AUX"):
            # "Egypt said the talks with Ethiopia had failed, accusing Addis Ababa of ...": talks accuse no one;
            # the participle goes with the sayer
            s, _how = subject_token(head.head, _depth + 1)
        return s, "inherited" if s is not None else ""
    if dep == "acl":
        if tok.tag_ == "VBN":
            return None, ""  # "U.S. soldiers killed in the war": the noun suffered the act, no agent named
        return head, "inherited"
    if dep == "relcl":
        return head, "relative"
    if dep == "pcomp":
        prep = head
        verb = prep.head
        if prep.lower_ == "for" and verb.lemma_.lower() in PRAISE_BLAME:
            # "thanked Kim for freeing the men", "blamed Iran for attacking": the object did it
            for c in verb.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    return c, "object-control"
            # "lashed out at Venezuela for closing the border", "hit out at Kyiv for ...": the one aimed at
            for c in [verb, *(x for x in verb.children if x.dep_ in ("prt", "advmod") and x.lower_ == "out")]:
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("at", "on") and p.i < prep.i:
                        for g in p.children:
                            if g.dep_ == "pobj":
                                return g, "object-control"
        if prep.lower_ == "of" and verb.lemma_.lower() in ("accuse", "suspect", "charge", "blame", "convict"):
            for c in verb.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    return c, "accused"
            if verb.dep_ == "relcl":
                return verb.head, "accused"  # "individuals it accused of supporting ...": the individuals
            return None, ""
        if verb.pos_ in ("VERB", "AUX"):
            s, _how = subject_token(verb, _depth + 1)
            return s, "inherited" if s is not None else ""
    return None, ""


def toll_clause(tok: Token) -> Token | None:
    """The verb whose clause ends just before a toll participle hung on a verb further back: "protested after
    the coast guard fired water cannon at the boat, injuring three sailors": the firing injured them, not the
    protest. None when the participle follows its own head's clause or is not a toll."""
    if tok.lemma_.lower() not in RESULT_PARTICIPLES or tok.i < 2 or tok.doc[tok.i - 1].text != ",":
        return None
    head = tok.head
    last = tok.doc[tok.i - 2]  # the word before the comma
    for v in [last, *last.ancestors]:
        if v == head:
            return None
        if v.pos_ == "VERB" and v.dep_ in ("advcl", "relcl", "ccomp", "conj") and v.i > head.i and not any(
                c.dep_ == "dobj" and c.lower_ in RELATIVE for c in v.children):
            return v
    return None


def _inanimate(s: Token) -> bool:
    """An event noun, also measured ("the latest round of talks"), that can do nothing itself."""
    if s.lemma_.lower() in INANIMATE_SUBJECTS:
        return True
    return s.lemma_.lower() in ("round", "series", "week", "weeks", "months", "day", "days") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in INANIMATE_SUBJECTS
        for p in s.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children)


def misplaced_partner(conj: Token) -> Token | None:
    """The verb a simple past is really coordinated with when the parser hung it on a subjectless to-infinitive
    ("ordered communications to be shut off with the islands and closed the border", "ordered phone lines to be
    cut and closed the border"): a finite past cannot share an infinitive's missing subject, so it goes with the
    verb above the infinitive. None when the attachment is sound."""
    head = conj.head
    if conj.dep_ != "conj" or conj.tag_ != "VBD" or head == conj or \
            any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conj.children):
        return None
    if head.tag_ not in ("VB", "VBN") or head.head == head or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children) or \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return None
    if head.dep_ == "xcomp" and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    noun = head.head
    if head.dep_ in ("relcl", "acl") and noun.pos_ in ("NOUN", "PROPN") and noun.head != noun and \
            noun.head.pos_ in ("VERB", "AUX") and noun.dep_ in ("dobj", "nsubjpass"):
        return noun.head
    return None


def detached(top: Token) -> set[int]:
    """Tokens under `top` that belong to a misplaced conjunct (see `misplaced_partner`): not `top`'s clause."""
    return {t.i for c in top.subtree if c.i != top.i and misplaced_partner(c) is not None for t in c.subtree}


def _own_tense(conj: Token, head: Token) -> bool:
    """A simple past conjunct after a verb with a perfect or modal auxiliary ("had breached ..., and
    summoned"), with a comma before its "and": it does not share that auxiliary, so not that clause."""
    if conj.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in conj.children):
        return False
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "has", "have", "would", "will", "could", "may",
                                                            "might", "must", "'d")
               for c in head.children):
        return False
    cc = [c for c in head.children if c.dep_ == "cc" and head.i < c.i < conj.i]
    return bool(cc) and cc[-1].i > 0 and conj.doc[cc[-1].i - 1].text == ","


def reduced_relative(tok: Token) -> bool:
    """A past participle right after a noun, with no subject, auxiliary, marker or object of its own, that the
    parser hung on the main verb ("... the resumption of talks agreed at the DMZ last month", "sanctions
    imposed in 2017 remain"): it modifies that noun, whose act it names without a doer."""
    if tok.tag_ not in ("VBN", "VBD") or tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    if prev.pos_ not in ("NOUN", "PROPN") or prev.dep_ not in ("pobj", "dobj", "nsubj", "conj", "appos"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "dobj", "dative", "ccomp", "xcomp")
                   for c in tok.children)


def prep_objects(tok: Token, prep: str) -> list[Token]:
    out = []
    heads = [tok] + [c for c in tok.children
                     if c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("out", "away", "back")]
    for c in (k for h in heads for k in h.children):
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ == prep:
            for g in c.children:
                if g.dep_ == "pobj":
                    out.append(g)
    return out


def direct_object(tok: Token) -> Token | None:
    small = small_clause_object(tok)
    if small is not None:
        return small
    if is_passive(tok):
        for c in tok.children:
            if c.dep_ == "nsubjpass":
                return c
    for c in tok.children:
        if c.dep_ == "dobj":
            return c
    # "kidnapped up to 16 advisers": a quantity parsed as particle + preposition
    if any(c.lower_ == "up" and c.dep_ in ("prt", "advmod") for c in tok.children):
        for c in tok.subtree:
            if c.dep_ == "prep" and c.lower_ == "to":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
    return None


def is_origin_modifier(t: Token) -> bool:
    """`t` names where a thing was made or came from ("Iranian-made drones", "U.S.-supplied missiles",
    "drones of Iranian origin"): no party of the act the thing is used in."""
    h = t.head
    if h.i != t.i and h.tag_ == "VBN" and h.lemma_.lower() in ORIGIN_PARTICIPLES and \
            t.dep_ in ("npadvmod", "compound", "amod", "nmod", "advmod") and t.i < h.i:
        return True
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if nxt is not None and nxt.text == "-" and t.i + 2 < len(t.doc):
        w = t.doc[t.i + 2]
        if w.lemma_.lower() in ORIGIN_PARTICIPLES or w.lower_ == "origin":
            return True
    return h.lower_ == "origin" and h.dep_ == "pobj" and h.head.lower_ == "of"
