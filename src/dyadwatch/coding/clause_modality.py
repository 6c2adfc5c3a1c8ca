"""Is the act asserted, negated, hypothetical, future or claimed, as the parse says: auxiliaries,
negation and conditions on the trigger's clause and on the verbs that embed it ("planned to visit",
"failed to agree"), an event noun's governor ("fear a new offensive"); and what a modality makes of
the act (a future act of one's own is a promise, a refusal is a rejection)."""

from __future__ import annotations

import logging

from spacy.tokens import Token

from .arguments import small_clause_object
from .modality import OCCASION_PREPS, ModalityCall, classify, done_ability
from .scope import Draft, cooperative
from .triggers import SPEECH, LexEntry
from .words import word_set

FUTURE_AUX = word_set("clause_modality", "future_aux")
HYPO_AUX = word_set("clause_modality", "hypothetical_aux")
FUTURE_HEADS = word_set("clause_modality", "future_heads")
HYPO_HEADS = word_set("clause_modality", "hypothetical_heads")
NEG_WORDS = word_set("clause_modality", "negation")
IRREALIS_GOVERNORS = word_set("clause_modality", "irrealis_governors")
ATTEMPT_HEADS = word_set("clause_modality", "attempt_heads")
ATTEMPT_NOUNS = word_set("clause_modality", "attempt_nouns")
WILLING = word_set("clause_modality", "willing")
INFERENCE_VERBS = word_set("clause_modality", "inference_verbs")
FAIL_HEADS = word_set("clause_modality", "fail_heads")
PREPARE = word_set("clause_modality", "prepare")
REACTION_VERBS = word_set("clause_modality", "reaction_verbs")
FORCE_OPTIONS = word_set("clause_modality", "force_options")
PLAN_NOUNS = word_set("speech", "plan_nouns")
SANCTION_OPTIONS = word_set("clause_modality", "sanction_options")
VETO_VERBS = word_set("clause_modality", "veto_verbs")
DRAFT_WORDS = word_set("clause_modality", "draft_words")
ACCUSING_VERBS = word_set("clause_modality", "accusing_verbs")
MANDATIVE_VERBS = word_set("clause_modality", "mandative_verbs")
INDICATIVE_AUX = word_set("clause_modality", "indicative_aux")
UNNAMED_ACCUSERS = word_set("speech", "unnamed_claimants")
ACCUSED_ACTS = ("ASSAULT",)  # a side's report of an attack (a hacking or an abduction accused of stays alleged)
# acts one can promise: "will send aid" is a promise (AGREE)
log = logging.getLogger("dyadwatch.coding")
LITOTES = frozenset({"hesitate", "shy", "flinch"})  # "not hesitate to": the act is meant, or was done
INTENT_TYPES = {"AID", "COOPERATE", "RETREAT", "CONCEDE", "SUPPORT"}
NOUN_FUTURE_MODIFIERS = ("planned", "proposed", "possible", "potential", "future", "upcoming")


def cue_call(tok: Token) -> ModalityCall:
    """The modality module's reading of a trigger (cue lists and commentary cues, kb/data/modality.yaml)."""
    try:
        return classify(tok)
    except Exception as exc:  # noqa: BLE001 - a cue bug must not lose the event
        log.debug("modality cues failed on %r: %s", tok.text, exc)
        return ModalityCall("asserted", None, "")


def modality_of(tok: Token, e: LexEntry, call: ModalityCall | None = None) -> str:
    """The modality of a trigger: the parse-based rules, then the modality module's cue lists (which
    catch markers the parse-based rules miss); commentary ("few expect X will ...", "appears to be
    preparing to") outranks a future reading: it is someone's guess, not a plan."""
    call = call or cue_call(tok)
    mine = own_modality(tok, e)
    if mine == "asserted":
        return call.modality
    if mine == "future" and call.commentary in ("hypothetical", "claimed"):
        return call.commentary
    return mine


def own_modality(tok: Token, e: LexEntry) -> str:
    """The parse-based modality of a trigger and the chain of verbs that embed it."""
    chain = [tok]
    if e.kind == "noun":
        if any(c.lower_ in ("no",) for c in tok.children):
            return "negated"
        if any(c.lemma_.lower() in NOUN_FUTURE_MODIFIERS for c in tok.children if c.dep_ == "amod"):
            return "future"
        gov = tok.head if tok.dep_ != "pobj" else tok.head.head
        if gov.lemma_.lower() in IRREALIS_GOVERNORS and tok.dep_ in ("dobj", "pobj", "nsubjpass") and not (
                tok.dep_ == "pobj" and tok.head.lower_ in OCCASION_PREPS):  # "in a phone call with X, Y discussed"
            return "hypothetical"  # "fear a new offensive", "warned of an attack"
        if tok.dep_ in ("dobj", "nsubjpass", "nsubj") and tok.head.pos_ in ("VERB", "AUX"):
            chain = [tok.head]
        elif tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
            chain = [tok.head.head]
        else:
            return "asserted"
    verb = chain[0]
    if e.kind == "verb" and headline_infinitive(tok):
        return "future"  # headline "Pakistan to release captured pilot": a scheduled act
    if e.kind == "verb" and tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ == "NOUN":
        # "vetoed a draft resolution demanding a ceasefire": the demands of a text never adopted
        text = tok.head
        if text.dep_ in ("dobj", "nsubjpass") and text.head.lemma_.lower() in VETO_VERBS:
            return "negated"
        if any(c.dep_ in ("amod", "compound") and c.lower_ in DRAFT_WORDS for c in text.children):
            return "hypothetical"
    mod = clause_modality(verb)
    if mod != "asserted":
        return mod
    # up the chain of embedding verbs
    cur = verb
    for _ in range(4):
        if cur.dep_ in ("xcomp",) and cur.head != cur:
            head = cur.head
            lemma = head.lemma_.lower()
            hm = clause_modality(head)
            if hm == "negated":
                return "negated"
            if lemma == "fail":
                return "negated"
            if lemma == "be" and any(a.lower_ == "to" for a in cur.children) and not any(
                    a.dep_ in ("acomp", "attr") for a in head.children):
                return "future"  # "Britain is to send tanks"
            if lemma in HYPO_HEADS and not done_ability(head):
                return "hypothetical"
            if lemma in FUTURE_HEADS and small_clause_object(cur) is None:  # "ordered its border shut": done
                return "future" if hm == "asserted" else hm
            if hm != "asserted":
                return hm
            cur = head
        elif cur.dep_ in ("conj",) and cur.head != cur:
            if cur.tag_ in ("VBD", "VBZ", "VBP") and cur.head.tag_ == "VB":
                break  # "would help rebuild ... and pressed X to": a finite verb is its own predicate
            cur = cur.head
            hm = clause_modality(cur)
            if hm in ("future", "hypothetical"):
                return hm
        elif cur.dep_ in ("advcl", "ccomp", "relcl") and any(
                c.lower_ in ("if", "unless", "whether") and c.dep_ == "mark" for c in cur.children):
            return "hypothetical"
        else:
            break
    return "asserted"


def clause_modality(verb: Token) -> str:
    """The modality marked on one verb's own clause (negation, auxiliaries, if/unless, allegedly)."""
    neg = fut = hyp = claimed = False
    for c in verb.children:
        low = c.lower_
        if c.dep_ == "neg" or (low in NEG_WORDS and c.dep_ in ("advmod", "neg", "det")):
            neg = True
        if c.dep_ in ("aux", "auxpass"):
            if low in FUTURE_AUX:
                fut = True
            elif low in HYPO_AUX:
                hyp = True
        if c.dep_ == "mark" and low in ("if", "unless", "whether"):
            hyp = True
        if c.dep_ == "advmod" and low in ("allegedly", "purportedly", "supposedly"):
            claimed = True
    if verb.dep_ == "advcl":
        for c in verb.children:
            if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                hyp = True
    if neg:
        return "negated"
    if hyp:
        return "hypothetical"
    if fut:
        return "future"
    if claimed:
        return "claimed"
    return "asserted"


def headline_infinitive(tok: Token) -> bool:
    """A headline's bare infinitive as its predicate ("Japan to send destroyers", "Pakistan to release
    pilot"): no finite verb above it, so the act is announced, not done."""
    if tok.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    if tok.dep_ == "ROOT":
        return any(c.dep_ == "nsubj" for c in tok.children)
    return tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("PROPN", "NOUN") and \
        tok.head.i < tok.i and not any(t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP")
                                       for t in tok.doc[tok.sent.start:tok.sent.end])


def reacted_to(tok: Token) -> bool:
    """An event noun that is what a verb of reacting answers ("has yet to respond to Manila's protest",
    "ignored Tokyo's request"): the act took place whatever becomes of the reaction."""
    if any(c.lower_ in ("no", "any") or c.lemma_.lower() in NOUN_FUTURE_MODIFIERS for c in tok.children):
        return False
    if tok.dep_ == "dobj":
        gov = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("to", "on"):
        gov = tok.head.head
    else:
        return False
    return gov.pos_ == "VERB" and gov.lemma_.lower() in REACTION_VERBS


def has_will(tok: Token) -> bool:
    """`tok` has a will / shall / would auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"would"} for c in tok.children)


def under(tok: Token, lemmas: set[str] | frozenset[str]) -> bool:
    """`tok` is the complement or object of one of `lemmas` (up to four steps up)."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("xcomp", "dobj", "acomp") and cur.head != cur:
            cur = cur.head
            if cur.lemma_.lower() in lemmas:
                return True
        else:
            return False
    return False


def inferred_disposition(tok) -> bool:
    """"The war has shown that Russia is willing to bomb ...", "analysts believe Iran is ready to strike": the
    readiness is the content of someone's inference, not the actor's statement of intent."""
    adj = tok.head
    cop = adj.head if adj.dep_ in ("acomp", "amod", "attr") else adj
    return cop.dep_ == "ccomp" and cop.head != cop and cop.head.lemma_.lower() in INFERENCE_VERBS


def willing_intent(d: Draft) -> None:
    """"is willing / ready / prepared to ...": a statement of intent (a promise or a threat)."""
    tok, e = d.tok, d.entry
    if e.kind == "verb" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in WILLING and inferred_disposition(tok):
        return
    if e.kind == "verb" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in WILLING:
        if cooperative(d.etype):
            d.retype("AGREE", None, "030")
        else:
            d.retype("THREATEN", None, "130")


def insisted_fact(d: Draft) -> bool:
    """"insisted that Azerbaijan was observing the truce", "insisted his country continues to adhere": a
    mandative verb over an indicative clause states a fact, it demands nothing (the speech, no REQUEST);
    "insisted that Israel withdraw" or "... must withdraw" stays a demand."""
    tok, e = d.tok, d.entry
    if e.kind != "verb" or d.etype != "REQUEST" or tok.lemma_.lower() not in MANDATIVE_VERBS:
        return False
    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    aux = [a for a in clause.children if a.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ in ("to",) for a in aux):
        return False
    return clause.tag_ in ("VBD", "VBZ") or any(a.lower_ in INDICATIVE_AUX for a in aux) or (
        clause.lemma_.lower() == "be" and clause.lower_ != "be")


def decide_modality(d: Draft) -> None:
    """The draft's modality, and what it makes of the act (a promise, a refusal, a preparation)."""
    tok, e = d.tok, d.entry
    head = tok.head
    if insisted_fact(d):
        d.retype(SPEECH, None, "010")
        return
    call = cue_call(tok)
    d.modality = modality_of(tok, e, call)
    if e.kind == "verb" and tok.dep_ == "acl" and head.lemma_.lower() in PLAN_NOUNS and \
            d.modality in ("asserted", "hypothetical") and any(c.lower_ == "to" for c in tok.children):
        d.modality = "future"  # "drawing up plans to strike American bases (if ...)": a planned act
    if e.kind == "noun" and reacted_to(tok):
        d.modality = "asserted"  # "has yet to respond to Manila's protest": the protest took place
    if e.kind == "noun" and d.etype == "CONSULT" and tok.dep_ == "pobj" and tok.head.lower_ in ("after", "following") \
            and tok.head.head.dep_ == "xcomp" and d.modality != "asserted":
        # "agreed not to use force ... after talks": the talks took place; the content's modality is not theirs
        top = tok.head.head
        while top.dep_ == "xcomp" and top.head != top:
            top = top.head
        d.modality = modality_of(top, e, cue_call(top))
    if e.kind == "verb" and tok.dep_ in ("relcl", "acl", "ccomp") and tok.head.lemma_.lower() in ("way", "chance") \
            and any(c.lower_ == "no" for c in tok.head.children):
        d.modality = "negated"  # "there was no way Pyongyang would give up its weapons"
    if d.modality == "asserted" and e.kind == "verb" and tok.dep_ == "xcomp" and \
            tok.head.lemma_.lower() in ATTEMPT_HEADS and cooperative(d.etype):
        # "trying to negotiate" is no negotiation yet (an attempted attack is coded as the attack)
        d.modality = "hypothetical"
    base = tok
    while base.dep_ == "conj" and base.head.pos_ == "VERB" and base.head != base:
        base = base.head  # "efforts to rebuild reserves and lift currency controls": the second act is tried too
    if d.modality == "asserted" and e.kind == "verb" and base.dep_ == "acl" and cooperative(d.etype) and \
            base.head.lemma_.lower() in ATTEMPT_NOUNS and any(a.lower_ == "to" and a.dep_ == "aux" for a in base.children):
        d.modality = "hypothetical"  # "efforts to forge a peace settlement", "a bid to broker a truce"
    if d.etype == "ASSAULT" and e.kind == "verb" and under(tok, PREPARE - {"threaten"}):
        d.retype("MOBILIZE", "troops", "154")
        d.modality = "asserted"
    if e.kind == "verb" and tok.dep_ == "xcomp" and head.lemma_.lower() in WILLING and inferred_disposition(tok):
        d.modality = "claimed"  # "the war has shown that Russia is willing to bomb civilians": an inference
    elif e.kind == "verb" and tok.dep_ == "xcomp" and head.lemma_.lower() in WILLING:
        d.modality = clause_modality(head.head) if head.head != head else "asserted"
        if d.modality in ("future", "hypothetical"):
            d.modality = "asserted"
    if d.modality == "future" and (d.etype in INTENT_TYPES or (d.etype == "CONSULT" and d.mode == "visit")) and \
            has_will(tok):
        # "will send aid", "will visit Albania" (a trip arranged with the host); "will meet" stays future
        d.retype("AGREE", None, "030")
        d.modality = "asserted"
    if d.modality == "negated" and e.kind == "verb" and d.etype in ("AGREE", "SUPPORT", "CONCEDE") and \
            "control" not in e.flags and (has_will(tok) or any(
                c.lower_ in ("never", "refuse", "refused") for c in tok.children)
                or (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in FAIL_HEADS)):
        d.retype("REJECT", None, "120")
        d.modality = "asserted"
    elif d.modality == "negated" and e.kind == "verb" and cooperative(d.etype) and has_will(tok):
        # "will not attend", "would never give up": a refusal
        d.retype("REJECT", None, "120")
        d.modality = "asserted"
    if e.kind == "verb" and tok.dep_ == "xcomp" and head.lemma_.lower() in LITOTES and d.modality == "negated" and \
            any(c.dep_ == "neg" for c in head.children):
        # "will not hesitate to strike back": a threat or promise; "did not hesitate to strike": done
        if has_will(head):
            if cooperative(d.etype):
                d.retype("AGREE", None, "030")
            elif d.etype in ("ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN"):
                d.retype("THREATEN", None, "130")
            d.modality = "asserted"
        elif head.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in head.children):
            d.modality = "asserted"
    not_ruled_out(d)
    if d.how == "accused" and d.modality == "asserted":
        d.modality = "claimed"
    if d.how == "accused" and d.modality == "claimed" and d.etype in ACCUSED_ACTS and e.kind == "verb":
        accuser = accusing_verb(tok)
        if accuser is not None and cue_call(accuser).modality == "asserted" and not call.commentary:
            # "Armenia accused Azerbaijan of shelling a settlement": the attack is reported as fact, as wire event
            # data code it, beside the accusation (as "Yerevan said Azerbaijani forces shelled ...")
            d.modality = "asserted"
    if d.modality == "asserted" and call.commentary:
        # a promise or refusal made of a commented act ("nothing suggests it is ready to give up",
        # "few believe it will withdraw") is the commentary's, not an asserted act
        d.modality = call.commentary


def accusing_verb(tok: Token) -> Token | None:
    """The active accusation whose "of" or "for" phrase holds the act ("Armenia accused Azerbaijan of shelling",
    "Kyiv blamed Moscow for bombing"), said by a named subject; not "was accused of" (no accuser named) nor an
    accusation in a relative clause ("the rebels it accused of ...": the accused is the one described)."""
    prep = tok.head
    if tok.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
        return None
    verb = prep.head
    if verb.lemma_.lower() not in ACCUSING_VERBS or verb.dep_ == "relcl" or verb.pos_ != "VERB":
        return None
    if prep.lower_ == "for" and verb.lemma_.lower() != "blame":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and (verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        # "insisted it was observing the truce, but accused Armenian forces of ...", ", accusing X of"
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in UNNAMED_ACCUSERS or subj.lemma_.lower() in UNNAMED_ACCUSERS:
        return None
    if not any(c.dep_ == "dobj" for c in verb.children):
        return None
    return verb


def _force_option(obj: Token) -> bool:
    """A use of force as the object of "rule out": "military action", "strikes", "the use of force"."""
    words = {obj.lemma_.lower(), obj.lower_}
    if obj.lemma_.lower() == "use":
        words |= {g.lemma_.lower() for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children}
    if obj.lemma_.lower() == "option" and not any(c.lemma_.lower() in ("military", "force", "nuclear")
                                                    for c in obj.subtree if c is not obj):
        return False  # "did not rule out any option" of talks is no threat
    if obj.lemma_.lower() in ("action", "operation", "response", "option") and not any(
            c.lemma_.lower() in ("military", "armed", "force", "nuclear", "ground", "air")
            for c in obj.subtree if c is not obj):
        return False  # "did not rule out legal action": no force
    return bool(words & FORCE_OPTIONS)


def not_ruled_out(d: Draft) -> None:
    """"did not rule out military action", "would not rule out strikes on X": force not excluded is a
    threat of the one not excluding it (asserted), not a negated rejection."""
    tok, e = d.tok, d.entry
    if e.kind == "verb" and e.event == "REJECT" and tok.lemma_.lower() in FAIL_HEADS:
        # "has refused to rule out an invasion": the refusal is the threat
        tok = next((x for x in tok.children if x.dep_ == "xcomp" and x.lemma_.lower() == "rule"), None)
        if tok is None or d.modality not in ("asserted", "claimed"):
            return
        before, d.modality = d.modality, "negated"
    if e.kind != "verb" or e.event != "REJECT" or tok.lemma_.lower() != "rule" or \
            not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        return
    if d.modality != "negated":
        return
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    # "rule out using force": the gerund's object
    objs += [g for c in tok.children if c.dep_ in ("xcomp", "dobj") and c.tag_ == "VBG" for g in c.children
             if g.dep_ == "dobj"]
    objs += [c for o in objs for c in o.conjuncts]
    force = any(_force_option(o) for o in objs)
    measure = any(o.lemma_.lower() in SANCTION_OPTIONS for o in objs)
    if not force and not measure:
        if tok is not d.tok:
            d.modality = before  # "refused to rule out talks" stays what it was
        return
    d.retype("THREATEN", None, "138" if force else "130")
    d.modality = "asserted" if tok is d.tok else before
