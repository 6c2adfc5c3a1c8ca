"""Modality of a coded event: asserted, negated, hypothetical, future or claimed.

`classify_modality(trigger)` looks at the trigger token of a parsed spaCy sentence and at the chain
of words that govern it ("plans to hold talks", "refused to meet", "accused X of attacking",
"said it would allow"). The cue words are data (kb/data/modality.yaml); this module is the logic.

Decisions (documented so that the coder and the tests agree):
- A plain reporting verb ("officials said the two sides agreed") leaves the reported event
  asserted: news attributes nearly every fact. Claim verbs (claim, allege, accuse, blame) and hedge
  adverbs (allegedly, reportedly) make it `claimed`; denials make it `negated`.
- "would" is the future of a reported clause under a past reporting verb ("Iraq said it would allow
  inspectors"), and hypothetical otherwise or when a condition ("if", "unless") is attached.
- The governing verb of an infinitive or gerund decides for the governed event: "refused to meet"
  and "failed to agree" -> negated (the refusal itself is the coder's REJECT, asserted), "threatened
  to strike" and "urged X to withdraw" -> hypothetical, "plans to visit" -> future.
- When several cues apply, negated > hypothetical > future > claimed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Token

from ..config import kb_dirs
from .arguments import small_clause_object

log = logging.getLogger("dyadwatch.coding")

ASSERTED, NEGATED, HYPOTHETICAL, FUTURE, CLAIMED = "asserted", "negated", "hypothetical", "future", "claimed"
PRIORITY = (NEGATED, HYPOTHETICAL, FUTURE, CLAIMED)
PAST_TAGS = {"VBD", "VBN"}
NOUN_POS = {"NOUN", "PROPN"}
THREAT_REPORTING = {"warn", "threaten"}
TEMPORAL_MARKS = frozenset({"when", "until", "till", "once", "before", "after", "whenever"})
OCCASION_PREPS = frozenset({"during", "in", "at"})  # "in a phone call with X, Y said": the occasion, not the content


@dataclass(frozen=True)
class Commentary:
    """Cues of analysis and op-ed text (kb/data/modality.yaml, `commentary`)."""

    capability_adjectives: frozenset[str]
    capability_nouns: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_adverbs: frozenset[str]
    generic_adverbs: frozenset[str]
    perfect_adverbs: frozenset[str]
    generic_verbs: frozenset[str]
    generic_determiners: frozenset[str]
    free_relatives: frozenset[str]
    epochs: frozenset[str]
    calendar: frozenset[str]
    spans: frozenset[str]
    background_preps: frozenset[str]
    background_verbs: frozenset[str]
    time_heads: frozenset[str]
    inverted_aux: frozenset[str]
    perfect_modals: frozenset[str]
    belief_verbs: frozenset[str]
    expectation_verbs: frozenset[str]
    expectation_adjectives: frozenset[str]
    belief_nouns: frozenset[str]
    doubters: frozenset[str]
    question_openers: frozenset[str]
    evaluative: frozenset[str] = frozenset()
    possession_verbs: frozenset[str] = frozenset()
    elapsed: frozenset[str] = frozenset()
    redress: frozenset[str] = frozenset()
    occasions: frozenset[str] = frozenset()
    standing: frozenset[str] = frozenset()
    dated_only: frozenset[str] = frozenset()
    caption_marks: frozenset[str] = frozenset()
    done_frames: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ModalityCues:
    negation: frozenset[str]
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    reported_future: frozenset[str]
    conditional_marks: frozenset[str]
    adverbs: dict[str, str]
    governing: dict[str, str]  # lemma -> modality
    reporting: frozenset[str]
    hedging_preps: frozenset[str]
    support_verbs: frozenset[str]
    phrasal: dict[str, str]  # "call off" -> negated
    noun_modifiers: dict[str, str]  # "alleged" -> claimed
    claim_nouns: frozenset[str]
    passive_claims: frozenset[str]
    governing_nouns: dict[str, str]
    infinitive_only: frozenset[str]
    commentary: Commentary
    condition_openers: tuple[tuple[str, ...], ...] = ()
    condition_exceptions: tuple[tuple[str, ...], ...] = ()


def _words(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = [value]
    return [str(v).strip().lower() for v in value if str(v).strip()]


def _merge(data: dict[str, Any], raw: Any, origin: str) -> None:
    if not isinstance(raw, dict):
        log.warning("%s: not a mapping, ignored", origin)
        return
    for key, value in raw.items():
        if isinstance(value, dict):
            slot = data.setdefault(key, {})
            if isinstance(slot, dict):
                for k, v in value.items():
                    if isinstance(v, dict):
                        slot[k] = {**slot.get(k, {}), **v} if isinstance(slot.get(k), dict) else dict(v)
                    elif isinstance(v, list):
                        slot[k] = list(slot.get(k, []) or []) + list(v)
                    else:
                        slot[k] = v
        elif isinstance(value, list):
            data[key] = list(data.get(key, []) or []) + list(value)
        else:
            data[key] = value


def _read_yaml(text: str, origin: str) -> Any:
    import yaml

    try:
        return yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        log.warning("%s%s: bad YAML, ignored (%s)", origin, where, str(exc).splitlines()[0])
        return {}


@lru_cache(maxsize=1)
def load_cues() -> ModalityCues:
    """The bundled modality cues, extended by any modality.yaml in the DYADWATCH_KB folders."""
    data: dict[str, Any] = {}
    try:
        text = resources.files("dyadwatch.kb").joinpath("data/modality.yaml").read_text("utf-8")
        _merge(data, _read_yaml(text, "kb/data/modality.yaml"), "kb/data/modality.yaml")
    except (FileNotFoundError, ModuleNotFoundError):
        log.warning("kb/data/modality.yaml is missing: modality falls back to built-in cues")
    for folder in kb_dirs():
        path = folder / "modality.yaml"
        if path.is_file():
            _merge(data, _read_yaml(path.read_text("utf-8"), str(path)), str(path))
    neg = data.get("negation") or {}
    aux = data.get("auxiliaries") or {}
    governing: dict[str, str] = {}
    for modality in (CLAIMED, FUTURE, HYPOTHETICAL, NEGATED):  # later ones win on overlap
        for lemma in _words((data.get("governing") or {}).get(modality)):
            governing[lemma] = modality
    adverbs = {str(k).lower(): str(v).lower() for k, v in (data.get("adverbs") or {}).items()
               if str(v).lower() in PRIORITY}
    return ModalityCues(
        negation=frozenset(_words(neg.get("words")) or ["not", "n't", "never", "no"]),
        future_aux=frozenset(_words(aux.get("future")) or ["will", "shall", "'ll"]),
        hypothetical_aux=frozenset(_words(aux.get("hypothetical")) or ["could", "may", "might", "should"]),
        reported_future=frozenset(_words(aux.get("reported_future")) or ["would"]),
        conditional_marks=frozenset(_words(data.get("conditional_marks")) or ["if", "unless"]),
        adverbs=adverbs,
        governing=governing,
        reporting=frozenset(_words(data.get("reporting"))),
        hedging_preps=frozenset(_words(data.get("hedging_prepositions"))),
        support_verbs=frozenset(_words(data.get("support_verbs"))),
        phrasal=_modality_map(data.get("phrasal")),
        noun_modifiers=_modality_map(data.get("noun_modifiers")),
        claim_nouns=frozenset(_words(data.get("claim_nouns"))),
        passive_claims=frozenset(_words(data.get("passive_claims"))),
        governing_nouns=_modality_map(data.get("governing_nouns")),
        infinitive_only=frozenset(_words(data.get("infinitive_only"))),
        commentary=_commentary_cues(data.get("commentary") or {}),
        condition_openers=_phrases((data.get("condition_clause") or {}).get("openers")),
        condition_exceptions=_phrases((data.get("condition_clause") or {}).get("not_conditions")),
    )


def _phrases(raw: Any) -> tuple[tuple[str, ...], ...]:
    """Word sequences, longest first ("provided that" before "provided")."""
    out = {tuple(w.split()) for w in _words(raw)}
    return tuple(sorted(out, key=lambda p: (-len(p), p)))


def _commentary_cues(raw: dict[str, Any]) -> Commentary:
    def group(name: str) -> dict[str, frozenset[str]]:
        g = raw.get(name) or {}
        return {k: frozenset(_words(v)) for k, v in g.items()} if isinstance(g, dict) else {}

    cap, hedge, gen, bg = group("capability"), group("hedging"), group("generic"), group("background")
    cf, bel, q, exp = group("counterfactual"), group("belief"), group("question"), group("expectation")
    ev = group("evaluative")
    e: frozenset[str] = frozenset()
    return Commentary(
        capability_adjectives=cap.get("adjectives", e), capability_nouns=cap.get("nouns", e),
        possession_verbs=cap.get("possession_verbs", e),
        hedge_verbs=hedge.get("verbs", e), hedge_adverbs=hedge.get("adverbs", e),
        generic_adverbs=gen.get("adverbs", e), perfect_adverbs=gen.get("perfect_adverbs", e),
        generic_verbs=gen.get("verbs", e), generic_determiners=gen.get("determiners", e),
        free_relatives=gen.get("free_relatives", e), epochs=gen.get("epochs", e),
        calendar=gen.get("calendar", e), spans=gen.get("spans", e),
        background_preps=bg.get("prepositions", e), background_verbs=bg.get("verbs", e),
        time_heads=bg.get("time_heads", e), inverted_aux=cf.get("inverted", e),
        perfect_modals=cf.get("perfect_modals", e), belief_verbs=bel.get("verbs", e),
        belief_nouns=bel.get("nouns", e), expectation_verbs=exp.get("verbs", e),
        expectation_adjectives=exp.get("adjectives", e), doubters=bel.get("doubters", e), question_openers=q.get("openers", e),
        evaluative=ev.get("words", e), elapsed=bg.get("elapsed", e),
        redress=bg.get("redress", e), occasions=bg.get("occasions", e), standing=gen.get("standing_verbs", e),
        dated_only=bg.get("dated_only", e), caption_marks=gen.get("caption_marks", e),
        done_frames=cap.get("done_frames", e),
    )


def _modality_map(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict):
        return {}
    return {" ".join(str(k).lower().split()): str(v).lower() for k, v in raw.items() if str(v).lower() in PRIORITY}


@dataclass
class _Found:
    modality: str
    cue: str
    kind: str = ""  # "would" for the auxiliary that needs context


def _local(node: Token, cues: ModalityCues, found: list[_Found]) -> None:
    """Cues among the direct dependents of one verb (or adjective) on the chain."""
    for child in node.children:
        low = child.lower_
        dep = child.dep_
        if dep == "neg" or (dep in ("advmod", "det", "preconj") and low in cues.negation):
            found.append(_Found(NEGATED, child.text))
        elif dep == "advmod" and any(g.dep_ == "neg" for g in child.children):
            neg = next(g for g in child.children if g.dep_ == "neg")
            found.append(_Found(NEGATED, f"{neg.text} {child.text}"))
        elif dep in ("aux", "auxpass") and child.tag_ == "MD" or (dep == "aux" and low in cues.future_aux):
            if low in cues.future_aux:
                found.append(_Found(FUTURE, child.text))
            elif low in cues.reported_future:
                found.append(_Found(HYPOTHETICAL, child.text, kind="would"))
            elif low in cues.hypothetical_aux:
                found.append(_Found(HYPOTHETICAL, child.text))
        elif dep == "advmod" and low in cues.adverbs:
            found.append(_Found(cues.adverbs[low], child.text))
        elif dep == "mark" and low in cues.conditional_marks:
            found.append(_Found(HYPOTHETICAL, child.text, kind="condition"))
        elif dep == "advcl" and node.lemma_.lower() not in cues.reporting and any(
                m.dep_ == "mark" and m.lower_ in cues.conditional_marks and not _concessive(m)
                for m in child.children):
            # (a threat or warning "if it continued" is itself made: the condition is its content;
            # "protested as if nothing had changed", "pressed on even if few noticed": no condition on it)
            mark = next(m for m in child.children if m.dep_ == "mark" and m.lower_ in cues.conditional_marks)
            found.append(_Found(HYPOTHETICAL, mark.text, kind="condition"))
        elif dep == "prep" and low in cues.hedging_preps:
            found.append(_Found(CLAIMED, child.text))
    for subj in node.children:
        if subj.dep_ in ("nsubj", "nsubjpass"):
            for det in subj.children:
                if det.dep_ in ("det", "neg") and det.lower_ in ("no", "neither"):
                    found.append(_Found(NEGATED, det.text))
            if subj.lower_ in ("nobody", "none", "neither", "noone"):
                found.append(_Found(NEGATED, subj.text))
    if node.lemma_.lower() == "have" and any(c.lower_ == "yet" for c in node.children):
        found.append(_Found(NEGATED, "has yet to" if node.lower_ == "has" else f"{node.text} yet to"))


def _concessive(mark: Token) -> bool:
    """"as if" and "even if": a manner or a concession, the act of the main clause is not conditional."""
    return mark.lower_ == "if" and mark.i > mark.sent.start and mark.doc[mark.i - 1].lower_ in ("as", "even")


def _forms(tok: Token) -> list[str]:
    """Lemma, word and crude stems (the lemmatizer reads "hopes" as "hop")."""
    low = tok.lower_
    out = [tok.lemma_.lower(), low]
    for suffix, cut in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.append(low[: -len(suffix)] + cut)
    return out


def _lookup(table: dict[str, str], tok: Token) -> str | None:
    for form in _forms(tok):
        if form in table:
            return table[form]
    return None


def _governing_noun(noun: Token, cues: ModalityCues, found: list[_Found]) -> bool:
    """"(no) plans to deploy", "the threat of sanctions", "reports of clashes"."""
    hit = False
    if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "neither") for c in noun.children):
        found.append(_Found(NEGATED, next(c.text for c in noun.children if c.lower_ in ("no", "neither"))))
        hit = True
    modality = _lookup(cues.governing_nouns, noun)
    if modality:
        found.append(_Found(modality, noun.text))
        hit = True
    return hit


def _governing(head: Token, cues: ModalityCues, found: list[_Found], plain: bool = True) -> None:
    """The cue of a governing verb: phrasal pairs first ("called off"), then the verb itself unless
    `plain` is False (verbs that govern only infinitives, seen here with an object)."""
    lemma = head.lemma_.lower()
    for prt in head.children:
        if prt.dep_ == "prt" and f"{lemma} {prt.lower_}" in cues.phrasal:
            found.append(_Found(cues.phrasal[f"{lemma} {prt.lower_}"], f"{head.text} {prt.text}"))
            return
    if not plain or done_ability(head):
        return
    modality = _lookup(cues.governing, head)
    if modality:
        found.append(_Found(modality, head.text))


def _is_claim_noun(tok: Token, cues: ModalityCues) -> bool:
    """A noun like "claims" or "reports" (the tagger sometimes calls "claims" a verb: the role decides)."""
    nominal = tok.pos_ in NOUN_POS or tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos")
    return nominal and (tok.lemma_.lower() in cues.claim_nouns or tok.lower_.rstrip("s") in cues.claim_nouns)


def _inherits_from_conj_head(node: Token) -> bool:
    """A conjunct without its own subject and auxiliaries shares the first verb's ("will visit Tokyo
    and meet Abe", "allegedly shelled the camp and killed ten")."""
    own = any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in node.children)
    return not own


def _collect(trigger: Token, cues: ModalityCues) -> tuple[list[_Found], bool]:
    """Walk from the trigger up its governing chain; returns the cues and whether a past reporting
    verb governs the event (for "would")."""
    found: list[_Found] = []
    reported_past = False
    node = trigger
    if trigger.pos_ in NOUN_POS or (trigger.pos_ not in ("VERB", "AUX", "ADJ") and trigger.dep_ != "ROOT"):
        # nominal event: "no talks", "cancelled the summit", "talks will resume"
        for child in trigger.children:
            if child.dep_ in ("det", "neg") and child.lower_ in cues.negation:
                found.append(_Found(NEGATED, child.text))
            elif child.dep_ in ("amod", "compound") and child.lower_ in cues.noun_modifiers and not (
                    trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in cues.support_verbs):
                # "the planned summit" (but "carried out the planned raid" happened)
                found.append(_Found(cues.noun_modifiers[child.lower_], child.text))
        head = trigger.head
        dep = trigger.dep_
        if dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX", "ADJ"):
            verb = head.head
            if head.lower_ == "without":
                found.append(_Found(NEGATED, head.text))
            if head.lower_ not in OCCASION_PREPS:
                # "in a phone call with Erdogan, Putin discussed ...": the occasion of the act is no content of
                # the verb ("discussed a possible deal"), only its clause's own cues apply
                _governing(verb, cues, found)
            node = verb
        elif dep in ("dobj", "nsubjpass", "attr", "oprd", "xcomp") and head.i != trigger.i:
            _governing(head, cues, found, plain=head.lemma_.lower() not in cues.infinitive_only or dep == "xcomp")
            node = head
        elif dep == "pobj" and head.dep_ == "prep" and head.lower_ in ("of", "for", "on") \
                and head.head.pos_ in NOUN_POS and head.head.i != head.i:
            if not _governing_noun(head.head, cues, found):  # "reports of clashes", "calls for talks"
                # "a new round of talks will begin": the event takes its container noun's modality
                more, reported_past = _collect(head.head, cues)
                found.extend(more)
            return found, reported_past
        elif dep == "nsubj" and head.lemma_.lower() in cues.support_verbs:
            node = head
        elif dep == "nsubj" and any(c.dep_ == "acomp" and _lookup(cues.governing, c) for c in head.children):
            acomp = next(c for c in head.children if c.dep_ == "acomp" and _lookup(cues.governing, c))
            found.append(_Found(_lookup(cues.governing, acomp) or HYPOTHETICAL, acomp.text))  # "remains unlikely"
            node = head
        else:
            return found, reported_past
        if node.i != trigger.i and node.lemma_.lower() in cues.reporting and dep != "nsubjpass":
            # "denied the attack", "claimed the shelling": the verb decided; its own tense does not
            return found, reported_past
    inherit_local = True
    for _ in range(8):
        if inherit_local:
            _local(node, cues, found)
        dep = node.dep_
        head = node.head
        if head.i == node.i or dep == "ROOT":
            break
        if dep == "xcomp" and small_clause_object(node) is not None:
            inherit_local = True  # "ordered its border shut": the order closed it; the head's own cues only
        elif dep in ("xcomp", "dobj") and node.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() in cues.passive_claims and any(c.dep_ == "auxpass" for c in head.children):
                found.append(_Found(CLAIMED, head.text))  # "is said to have ordered"
            elif head.lemma_.lower() == "be" and any(c.dep_ in ("acomp", "attr") for c in head.children):
                # "was right to reject", "is quick to condemn": no "is to" future; the adjective decides
                for c in head.children:
                    if c.dep_ in ("acomp", "attr"):
                        _governing(c, cues, found)
            else:
                _governing(head, cues, found)
            inherit_local = True
        elif dep in ("acl", "xcomp") and head.pos_ in NOUN_POS and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            _governing_noun(head, cues, found)  # "has no plans to deploy", "the decision to withdraw"
            break
        elif dep in ("acl", "ccomp", "relcl") and _is_claim_noun(head, cues) \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
            # "rejected claims that it shelled the village": a claim, denied when the claim is rejected
            verb = head.head
            if verb.i != head.i and cues.governing.get(verb.lemma_.lower()) == NEGATED:
                found.append(_Found(NEGATED, verb.text))
            else:
                found.append(_Found(CLAIMED, head.text))
            break
        elif dep == "ccomp":
            lemma = head.lemma_.lower()
            if lemma in cues.reporting:
                # claim verbs, denials and threats decide; "told reporters that ..." does not order
                decided = cues.governing.get(lemma)
                if decided in (CLAIMED, NEGATED) or lemma in THREAT_REPORTING:
                    found.append(_Found(decided or HYPOTHETICAL, head.text))
                reported_past = reported_past or head.tag_ in PAST_TAGS or any(
                    c.dep_ == "aux" and c.tag_ == "VBD" for c in head.children)
                # the reporting clause's own hedges ("reportedly said") still count
                for child in head.children:
                    if child.dep_ == "advmod" and child.lower_ in cues.adverbs:
                        found.append(_Found(cues.adverbs[child.lower_], child.text))
                break
            _governing(head, cues, found, plain=lemma not in cues.infinitive_only)
            # "a deal that will see peacekeepers deployed", "could force Tehran to retreat": the
            # clause a verb of result or perception embeds shares that verb's future or possibility
            for aux in head.children:
                if aux.dep_ == "aux" and (aux.lower_ in cues.future_aux or aux.lower_ in cues.hypothetical_aux):
                    found.append(_Found(FUTURE if aux.lower_ in cues.future_aux else HYPOTHETICAL, aux.text,
                                        kind="would" if aux.lower_ in cues.reported_future else ""))
            break
        elif dep == "conj":
            if node.tag_ in ("VBD", "VBZ", "VBP") and head.tag_ == "VB":
                break  # the parser's slip: a finite verb is not part of a bare infinitive's predicate
            inherit_local = _inherits_from_conj_head(node)
        elif dep == "amod" and node.tag_ == "VBG" and head.dep_ == "pobj" and head.head.dep_ == "prep":
            # a gerund the parser took for an adjective: "accused the police of beating protesters"
            node = head
            continue
        elif dep in ("pcomp", "pobj") and head.dep_ == "prep":
            if head.lower_ == "without":
                found.append(_Found(NEGATED, head.text))
            verb = head.head
            if verb.pos_ in NOUN_POS and verb.dep_ in ("dobj", "nsubjpass") and verb.head.i != verb.i:
                verb = verb.head  # "accused [the police of beating]": the prepositional phrase hangs on the object
            if verb.i == head.i:
                break
            _governing(verb, cues, found)
            node = verb
            inherit_local = True
            continue
        elif dep == "advcl":
            marks = [m for m in node.children if m.dep_ == "mark" or m.dep_ == "advmod" and m.tag_ == "WRB"]
            if any(m.lower_ in TEMPORAL_MARKS for m in marks) and any(
                    a.dep_ == "aux" and (a.lower_ in cues.future_aux or a.lower_ in cues.hypothetical_aux)
                    for a in head.children) and not _dated_past(node):
                # "would stop only when the separatists laid down their arms", "will withdraw once Kyiv
                # signs": the time clause of a future or possible act has not happened either
                found.append(_Found(HYPOTHETICAL, next(m.text for m in marks if m.lower_ in TEMPORAL_MARKS),
                                    kind="condition"))
                break
            if marks:
                break  # "after", "because", "if" (already counted), "when": a clause of its own
            inherit_local = True
        else:
            break  # relative clauses, participial modifiers, subjects: their own context
        node = head
    return found, reported_past


# -- commentary: analysis and op-ed text --------------------------------------------------------

PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "'s", "’ve"})
FUTURE_MODALS = frozenset({"will", "would", "may", "might", "could", "shall", "'ll", "wo", "'d", "can"})
_YEAR = re.compile(r"^(?:1[89]|20)\d\d(?:s|’s|'s)?$")


def _dated_past(verb: Token) -> bool:
    """A past act with a date of its own ("could be a step forward, after gunmen crossed into Kosovo on
    Sept. 24"): it took place, whatever the main clause's modal says of what follows."""
    past = verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(a.lower_ in ("had", "'d") for a in verb.children
                                                             if a.dep_ == "aux")
    return past and any(t.ent_type_ == "DATE" for t in verb.subtree)


def _clause_verb(trigger: Token) -> Token:
    """The verb of the trigger's clause: the trigger itself, or the verb an event noun hangs on."""
    tok = trigger
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.pos_ in NOUN_POS:
        tok = tok.head  # "Israeli and U.S. strikes": the first conjunct has the role
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd") and tok.head.i != tok.i:
        return tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i != tok.head.i:
        return tok.head.head
    return tok


def _verb_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is the infinitive, gerund or conjunct of ("has long sought to
    dominate", "tends to reach"): one predicate, not a clause of its own."""
    out = [verb]
    node = verb
    for _ in range(6):
        if node.dep_ in ("xcomp", "conj", "acomp") and node.head.i != node.i:
            node = node.head
            out.append(node)
        else:
            break
    return out


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _epoch(tok: Token, c: Commentary) -> bool:
    """A since/for object that stretches over years: 1964, the 1990s, decades, independence, Oslo."""
    low = tok.lower_
    if _YEAR.match(tok.text) or low in c.epochs or tok.lemma_.lower() in c.epochs:
        return True
    if tok.pos_ == "PROPN" and low not in c.calendar and tok.ent_type_ not in ("DATE", "TIME"):
        return True
    # a named or dated occasion: "since the 2018 summit", "since the Singapore summit"
    return any(_YEAR.match(t.text) or t.pos_ == "PROPN" and t.lower_ not in c.calendar
               for t in tok.children if t.dep_ in ("nummod", "compound", "amod"))


EARLIER_WORDS = frozenset({"earlier", "ago", "previous", "last", "past", "prior"})
RECENT_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                         "yesterday", "tonight", "overnight", "weekend", "morning", "evening", "night", "afternoon"})


def _dated_object(tok: Token, verb: Token) -> bool:
    """"The embargo follows air strikes last month": the act followed has a time of its own, before the news;
    "The announcement followed discussions between the three ministers": no date, the talks are the news."""
    spans = [tok.subtree] + [ch.subtree for ch in verb.children if ch.dep_ in ("npadvmod", "prep", "advmod")
                             and ch.i != tok.i]
    # (a day of the week is the news's own time: "followed attacks on Tuesday on police stations")
    return any(t.ent_type_ in ("DATE", "TIME") and t.lower_ not in RECENT_DAYS or t.lower_ in EARLIER_WORDS
               for sub in spans for t in sub if t.lower_ not in ("on", "the"))


def done_ability(able: Token) -> bool:
    """"was pleased to be able to hold a dialogue", "is proud to be able to announce": the joy is over an act
    done, the ability is no mere capability (kb/data/modality.yaml capability.done_frames)."""
    if able.lemma_.lower() not in ("able",):
        return False
    cop = able.head if able.dep_ == "acomp" else None
    frame = cop.head if cop is not None and cop.dep_ == "xcomp" else None
    return frame is not None and frame.lemma_.lower() in load_cues().commentary.done_frames


def _caption(sent: Any, c: Commentary) -> bool:
    """A photo caption ("President Widodo (left) speaks with Blinken (second from right) ..."): its present tense
    tells what the picture shows, an act of the day, no habit."""
    words = [t.lower_ for t in sent]
    for i, w in enumerate(words):
        if w != "(":
            continue
        inside = []
        for x in words[i + 1:i + 6]:
            if x == ")":
                break
            inside.append(x)
        text = " ".join(inside)
        if text in c.caption_marks or (inside and inside[0] in ("photo", "pictured")):
            return True
    return False


def _connective(tok: Token) -> bool:
    """"However, Azerbaijan accused ...", "the army, however, shelled ...": a discourse connective set off by
    punctuation, no free relative ("however it chose to respond")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.is_punct


def _standing_accusation(trigger: Token, c: Commentary) -> bool:
    """"sanctions on Rwanda, which it accuses of arming the rebels", "Tehran blames Israel for the blast": a
    named side's (or a pronoun's) accusation in the present tense stands, it is made; "whom authorities blame"
    generalises."""
    if trigger.lemma_.lower() not in c.standing:
        return False
    subj = next((t for t in trigger.children if t.dep_ == "nsubj"), None)
    return subj is not None and (subj.pos_ in ("PROPN", "PRON") or any(
        t.pos_ == "PROPN" for t in subj.subtree if t.dep_ in ("poss", "compound", "amod")))


def _generic(trigger: Token, verb: Token, c: Commentary, found: list[_Found], cues: ModalityCues) -> None:
    """Habit and generalisation: "routinely threatens", "has long sought to", "tends to", "every
    government since Oslo has expanded", "whatever it promised", "has fought the state since 1964"."""
    sent = trigger.sent
    for node in _verb_chain(verb):
        aux = _aux_words(node)
        for ch in node.children:
            low = ch.lower_
            if ch.dep_ in ("advmod", "npadvmod") and (low in c.generic_adverbs or " ".join(
                    t.lower_ for t in ch.subtree) in c.generic_adverbs):
                found.append(_Found(CLAIMED, ch.text, kind="generic"))
            elif ch.dep_ == "prep" and " ".join(t.lower_ for t in ch.subtree) in c.generic_adverbs:
                found.append(_Found(CLAIMED, " ".join(t.text for t in ch.subtree), kind="generic"))  # "in the past"
            elif ch.dep_ == "advcl" and any(m.dep_ in ("advmod", "mark") and m.lower_ in c.free_relatives
                                             and m.i < ch.i for m in ch.children):
                found.append(_Found(CLAIMED, next(m.text for m in ch.children if m.lower_ in c.free_relatives),
                                    kind="generic"))  # "has cut gas supplies whenever talks stalled"
            elif ch.dep_ == "advmod" and low in c.perfect_adverbs and aux & PERFECT_AUX:
                found.append(_Found(CLAIMED, f"has {ch.text}", kind="generic"))
            elif ch.dep_ in ("dobj", "dative", "advmod", "nsubj", "pobj", "attr") and low in c.free_relatives \
                    and not _connective(ch):
                found.append(_Found(CLAIMED, ch.text, kind="generic"))
            elif ch.dep_ in ("nsubj", "nsubjpass") and (aux & PERFECT_AUX or node.tag_ in ("VBZ", "VBP")) and any(
                    d.dep_ == "det" and d.lower_ in c.generic_determiners for d in ch.children):
                found.append(_Found(CLAIMED, next(d.text for d in ch.children if d.dep_ == "det"), kind="generic"))
            elif aux & PERFECT_AUX and ch.lower_ == "in" and ch.dep_ == "prep" and any(
                    o.dep_ == "pobj" and o.lemma_.lower() in c.spans for o in ch.children):
                found.append(_Found(CLAIMED, "in " + next(o.text for o in ch.children if o.dep_ == "pobj"),
                                    kind="generic"))  # "the first time Beijing has withdrawn an envoy in decades"
            elif aux & PERFECT_AUX and ch.lower_ in ("since", "for") and ch.dep_ in ("prep", "mark"):
                objs = [t for t in ch.children if t.dep_ == "pobj"] or (
                    [t for t in node.children if t.dep_ == "nsubj" and t.i > ch.i] if ch.dep_ == "mark" else [])
                if any(_epoch(o, c) for o in objs):
                    found.append(_Found(CLAIMED, f"{ch.text} {objs[0].text}", kind="generic"))
        for t in node.subtree if node.tag_ in ("VBZ", "VBP") or aux & PERFECT_AUX else ():
            # "shells the town every night", "has met each year" (not "shelled it every night last week")
            if t.lower_ in c.generic_determiners and t.head.lemma_.lower() in c.calendar and t.head.head.i == node.i:
                found.append(_Found(CLAIMED, f"{t.text} {t.head.text}", kind="generic"))
                break
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in c.generic_verbs:
            found.append(_Found(CLAIMED, node.head.text, kind="generic"))
        if node.dep_ == "xcomp" and node.head.lower_ == "used" and any(a.lower_ == "to" for a in node.children) \
                and not any(o.dep_ in ("dobj", "nsubjpass", "auxpass") for o in node.head.children):
            # "Iran used to arm the militias" (not "police used tear gas to disperse", "was used to")
            found.append(_Found(CLAIMED, "used to", kind="generic"))
    # a present simple act with no day of its own is a habit or a general claim ("Moscow bullies its
    # neighbours", "whom authorities blame for the conflict"); not a performative ("we reject", a
    # quote) nor a stance reported by a speaker ("The Palestinians reject the changes, Erakat said")
    if trigger.pos_ == "VERB" and _present_simple(trigger) and not _headline_line(trigger) and \
            not _standing_accusation(trigger, c) and not _caption(sent, c) and not any(
            ch.dep_ in ("aux", "auxpass") for ch in trigger.children) and not _reported_or_quoted(trigger, cues) \
            and not any(t.ent_type_ in ("DATE", "TIME") for t in trigger.subtree) and not any(
                ch.dep_ in ("nsubj", "nsubjpass") and ch.lower_ in ("i", "we") for ch in trigger.children):
        found.append(_Found(CLAIMED, trigger.text, kind="generic"))
    # the parser often misses the subject of "Every X since Y has ...": the sentence opens with it
    first = sent[0]
    if first.lower_ in c.generic_determiners and first.pos_ == "DET" and verb.pos_ in ("VERB", "AUX") and \
            (_aux_words(verb) & PERFECT_AUX or verb.tag_ in ("VBZ", "VBP")) and not any(
                t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") for t in sent[1:max(1, verb.i - sent.start)]
                if t.i < verb.i and t.dep_ in ("ROOT", "ccomp")):
        found.append(_Found(CLAIMED, first.text, kind="generic"))


HEADLINE_CLOSING = {".", "!", "?", '"', "'", "\u201d", "\u2019", ")", ":", ";", "...", "\u2026"}


def _headline_line(tok: Token) -> bool:
    """A headline ("Russia expels two Estonian diplomats in tit-for-tat move"): a short line with no closing
    punctuation whose present tense reports today's news, no habit."""
    sent = tok.sent
    words = [t for t in sent if not t.is_space]
    if not words or len(words) >= 20 or words[-1].text in HEADLINE_CLOSING:
        return False
    return tok.dep_ in ("ROOT", "conj") and tok.head.dep_ == "ROOT" or tok.dep_ == "ccomp" and tok.head.dep_ == "ROOT"


def _present_simple(tok: Token) -> bool:
    """A present-tense verb form by its shape too: the tagger reads an unknown past ("unfroze",
    "rebuffed") as VBZ or VBP; "unfroze" ends in no -s and is not its lemma."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if tok.tag_ == "VBZ":
        return low.endswith("s") and not low.endswith("ss")
    if tok.tag_ == "VBP":
        return low == lemma or low in ("are", "have", "do")
    return False


def _reported_or_quoted(tok: Token, cues: ModalityCues) -> bool:
    """The act is inside a quotation, or the clause of a reporting verb, or the head of one."""
    sent = tok.sent
    if sum(1 for t in sent if t.i < tok.i and t.text in ('"', "“", "”")) % 2 == 1:
        return True
    node = tok
    for _ in range(4):
        if node.dep_ in ("ccomp", "xcomp", "conj") and node.head.i != node.i:
            node = node.head
            if node.lemma_.lower() in cues.reporting:
                return True
        else:
            break
    return any(ch.dep_ in ("ccomp", "parataxis") and ch.lemma_.lower() in cues.reporting for ch in tok.children)


def _background(trigger: Token, verb: Token, c: Commentary, found: list[_Found]) -> None:
    """An act mentioned as background: "despite the talks", "since the 2018 summit", "sanctions
    notwithstanding", "the suspension follows strikes last month", "1994, when ... killed"."""
    tok = trigger
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.pos_ in NOUN_POS:
        tok = tok.head
    nominal = tok.pos_ in NOUN_POS or tok.pos_ not in ("VERB", "AUX")
    if nominal:
        head = tok.head
        if tok.dep_ == "pobj" and (head.lower_ in c.background_preps or (
                head.lower_ == "of" and head.head.lower_ == "spite")):
            found.append(_Found(CLAIMED, head.text, kind="background"))
        if any(ch.lower_ in c.background_preps for ch in tok.children if ch.dep_ in ("advmod", "prep", "case")
               and not list(ch.children)):
            found.append(_Found(CLAIMED, next(ch.text for ch in tok.children if ch.lower_ in c.background_preps),
                                kind="background"))  # "sanctions notwithstanding"
        if tok.dep_ == "dobj" and head.lemma_.lower() in c.background_verbs and (
                head.lemma_.lower() not in c.dated_only or _dated_object(tok, head)):
            found.append(_Found(CLAIMED, head.text, kind="background"))
    # the act's clause opened by since/despite ("since the invasion began", "since Russia invaded")
    for node in [verb, *verb.ancestors][:6]:
        if node.pos_ in ("VERB", "AUX") and any(m.dep_ == "mark" and m.lower_ in c.background_preps
                                                 for m in node.children):
            found.append(_Found(CLAIMED, next(m.text for m in node.children if m.dep_ == "mark"), kind="background"))
            break
        if node.dep_ == "pcomp" and node.head.lower_ in c.background_preps:
            found.append(_Found(CLAIMED, node.head.text, kind="background"))  # "despite having agreed"
            break
        if node.dep_ in ("ccomp", "ROOT"):
            break
    # "comes three months after Ethiopia signed ...", "a week after a disputed election": an act
    # weeks or years before the one reported is its background
    anchor = None
    if nominal and tok.dep_ == "pobj" and tok.head.lower_ in ("after", "before"):
        anchor = tok.head
    else:
        for node in [verb, *verb.ancestors][:6]:
            if node.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("after", "before") for m in node.children):
                anchor = node
                break
            if node.dep_ in ("ccomp", "ROOT", "relcl"):
                break
    if anchor is not None:
        marks = [m for m in anchor.children if m.dep_ == "mark" and m.lower_ in ("after", "before")]
        span = next((t for a in [anchor, *marks] for t in a.children
                     if t.dep_ == "npadvmod" and t.lemma_.lower() in c.elapsed), None)
        if span is not None:
            found.append(_Found(CLAIMED, f"{span.text} {'after' if anchor.lower_ != 'before' else 'before'}",
                                kind="background"))
    # "rebels who entered the country two years ago", "expelled them 18 years ago": dated back by weeks or more
    for node in ([tok] if nominal else []) + [n for n in _verb_chain(verb)]:
        ago = next((a for a in node.children if a.dep_ == "advmod" and a.lower_ in ("ago", "earlier") and any(
            t.dep_ == "npadvmod" and t.lemma_.lower() in c.elapsed for t in a.children)), None)
        if ago is not None:
            found.append(_Found(CLAIMED, ago.text, kind="background"))
            break
    # "a summit, a gathering that Beijing had criticised in advance", "the town, which rebels had
    # seized": a past perfect relative clause tells what came before the news; a 'whose' clause on a
    # party tells the act that party is blamed for ("protested to China, whose coast guard had
    # blocked a supply mission"): the news
    for node in _verb_chain(verb):
        relative = node.dep_ == "relcl" or node.dep_ == "advcl" and any(
            c.tag_ in ("WDT", "WP") and c.i < node.i for c in node.children)  # the parser's slip
        if relative and any(t.tag_ == "WP$" for t in node.subtree if t.i < node.i):
            continue
        if relative and node.tag_ == "VBN" and node.head.lemma_.lower() != "time" and any(
                a.dep_ == "aux" and a.lower_ in ("had", "'d") for a in node.children):
            found.append(_Found(CLAIMED, "had", kind="background"))
            break
    # "Lula, who has irritated Western capitals by questioning sanctions, was received ...": an undated
    # present perfect in a clause set off by commas characterises the one named, it reports no news
    for node in [verb, *verb.ancestors][:5]:
        if node.dep_ in ("ccomp", "ROOT"):
            break
        if node.dep_ == "relcl" and node.head.pos_ == "PROPN" and _aux_words(node) & {"has", "have"} and \
                node.i > 1 and node.doc[node.left_edge.i - 1].text == "," and \
                node.left_edge.tag_ in ("WP", "WDT") and \
                not any(t.ent_type_ in ("DATE", "TIME") for t in node.subtree):
            found.append(_Found(CLAIMED, f", {node.left_edge.text} has", kind="background"))
            break
    # "The recall is the first time Beijing has withdrawn an envoy in decades": the clause characterises
    # the act its subject names (a further mention), it reports no act of its own
    for node in _verb_chain(verb):
        head = node.head
        if node.dep_ == "relcl" and head.lemma_.lower() == "time" and head.dep_ == "attr" and any(
                a.dep_ == "amod" and a.lower_ in ("first", "second", "third", "last", "only") for a in head.children):
            subj = next((t for t in head.head.children if t.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() not in c.occasions:
                found.append(_Found(CLAIMED, f"the {head.text}", kind="background"))
            break
    # "apologized to Brazil for one of its gunboats intercepting a ship": the wrong apologised or paid
    # for is an earlier act; the apology is the news
    for node in [trigger, *trigger.ancestors][:5]:
        if node.dep_ == "prep" and node.lower_ == "for" and node.head.lemma_.lower() in c.redress:
            found.append(_Found(CLAIMED, f"{node.head.text} for", kind="background"))
            break
        if node.dep_ == "advcl" and node.head.lemma_.lower() in c.redress and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in node.children):
            found.append(_Found(CLAIMED, f"{node.head.text} for", kind="background"))  # "for its guard detaining"
            break
        if node.dep_ in ("ccomp", "relcl", "ROOT"):
            break
    # "Memories of 1994, when the world stood by as extremists killed ...": a past time's events
    for node in [verb, *verb.ancestors]:
        if node.dep_ == "relcl" and any(ch.lower_ == "when" for ch in node.children) and (
                _YEAR.match(node.head.text) or node.head.lemma_.lower() in c.time_heads):
            found.append(_Found(CLAIMED, f"{node.head.text}, when", kind="background"))
            break
        if node.dep_ == "relcl" and node.head.lemma_.lower() == "time" and any(
                a.lower_ in ("last", "previous") for a in node.head.children if a.dep_ == "amod"):
            # "The last time Russia invaded a neighbour, the West ...": an earlier occasion, not the news
            found.append(_Found(CLAIMED, f"the last {node.head.text}", kind="background"))
            break


def _irrealis(trigger: Token, verb: Token, c: Commentary, found: list[_Found]) -> None:
    """Capability, counterfactuals, hedges, beliefs, expectations and questions."""
    chain = [trigger, *trigger.ancestors]
    for node in chain[:8]:
        head = node.head
        hl = head.lemma_.lower()
        if node.dep_ == "xcomp" and (hl in c.expectation_verbs and any(a.dep_ == "auxpass" for a in head.children)
                                     or hl in c.expectation_adjectives and head.pos_ == "ADJ"):
            # "is expected to travel", "is likely to retaliate": others' forecast, not the actor's plan
            found.append(_Found(FUTURE if hl in c.expectation_verbs else HYPOTHETICAL, head.text,
                                kind="expectation"))
        if node.dep_ in ("xcomp", "acl", "ccomp") and hl in c.capability_adjectives and not done_ability(head):
            found.append(_Found(NEGATED if hl.startswith(("un", "in")) else HYPOTHETICAL, head.text,
                                kind="capability"))
        elif node.dep_ == "pcomp" and head.lower_ == "of" and head.head.lemma_.lower() in c.capability_adjectives:
            hl2 = head.head.lemma_.lower()
            found.append(_Found(NEGATED if hl2.startswith(("un", "in")) else HYPOTHETICAL, head.head.text,
                                kind="capability"))  # "capable of striking"
        elif node.dep_ in ("acl", "xcomp", "relcl") and head.pos_ in NOUN_POS and hl in c.capability_nouns and \
                any(a.dep_ == "aux" and a.lower_ == "to" for a in node.children):
            found.append(_Found(HYPOTHETICAL, head.text, kind="capability"))  # "the ability to strike"
        elif node.dep_ == "xcomp" and hl in c.hedge_verbs:
            found.append(_Found(CLAIMED, head.text, kind="hedge"))  # "seems to tolerate"
        elif node.pos_ == "VERB" and node.tag_ == "VBG" and (
                node.dep_ == "pcomp" and head.lower_ == "of" and head.head.pos_ in NOUN_POS and
                head.head.lemma_.lower() in c.belief_nouns or
                node.dep_ == "acl" and head.pos_ in NOUN_POS and hl in c.belief_nouns and any(
                    p.dep_ == "prep" and p.lower_ == "of" and p.i < node.i for p in head.children)):
            # "the prospect of Russia invading the Baltics", "fears of China blockading Taiwan": a possibility
            found.append(_Found(HYPOTHETICAL, head.text if node.dep_ == "acl" else head.head.text, kind="belief"))
            break
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            for ch in node.children:
                if ch.dep_ == "advmod" and ch.lower_ in c.hedge_adverbs and node in _verb_chain(verb):
                    found.append(_Found(CLAIMED, ch.text, kind="hedge"))
        if node.dep_ in ("ccomp", "xcomp") and hl in c.belief_verbs and head.i != node.i:
            subj = [t for t in head.children if t.dep_ in ("nsubj", "nsubjpass")]
            doubted = any(t.lower_ in c.doubters or " ".join(x.lower_ for x in t.subtree) in c.doubters or any(
                d.lower_ in c.doubters for d in t.children if d.dep_ in ("det", "amod")) for t in subj)
            if node.dep_ == "xcomp" and (any(a.dep_ == "auxpass" for a in head.children) or not doubted
                                         and not any(o.dep_ == "dobj" for o in head.children)):
                continue  # "is expected to visit": a plan (governing verbs), not someone's guess
            future = bool(_aux_words(node) & FUTURE_MODALS) or node.dep_ == "xcomp"
            found.append(_Found(HYPOTHETICAL if doubted or future else CLAIMED, head.text, kind="belief"))
            break
        if node.dep_ in ("acl", "ccomp") and head.pos_ in NOUN_POS and hl in c.belief_nouns and \
                not (node.dep_ == "acl" and node.tag_ in ("VBN", "VBG") and not _aux_words(node)):
            # "talk that he will resign" is a belief; "talks hosted by Turkey" only describes the talks
            found.append(_Found(HYPOTHETICAL if _aux_words(node) & FUTURE_MODALS else CLAIMED, head.text,
                                kind="belief"))
            break
        if node.dep_ == "advcl" and _inverted(node, c):
            found.append(_Found(HYPOTHETICAL, node.text if node.pos_ == "AUX" else _inverted(node, c) or "",
                                kind="counterfactual"))
        if node.dep_ in ("ccomp", "advcl", "relcl") and node is not trigger and node.dep_ != "advcl":
            break
    for node in _verb_chain(verb):
        aux = [a for a in node.children if a.dep_ == "aux"]
        if node.tag_ == "VBN" and any(a.lower_ in c.perfect_modals for a in aux) and any(
                a.lower_ in ("have", "'ve") for a in aux):
            found.append(_Found(HYPOTHETICAL, " ".join(a.text for a in aux), kind="counterfactual"))  # "would have"
    if _question(trigger, c):
        found.append(_Found(HYPOTHETICAL, "?", kind="question"))


def _inverted(node: Token, c: Commentary) -> str | None:
    """The auxiliary of an inverted condition ("Had Washington not walked away", "Were Beijing to")."""
    if any(m.dep_ == "mark" for m in node.children):
        return None
    subj = next((t for t in node.children if t.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None:
        return None
    if node.pos_ == "AUX" and node.lower_ in c.inverted_aux and node.i < subj.i:
        return node.text
    aux = next((a for a in node.children if a.dep_ in ("aux", "auxpass") and a.lower_ in c.inverted_aux), None)
    if aux is not None and aux.i < subj.i:
        return aux.text
    return None


def _question(trigger: Token, c: Commentary) -> bool:
    """A question the writer asks ("Can Tinubu persuade Nigerians ...?"), not a quoted one."""
    sent = trigger.sent
    doc, end = sent.doc, sent.end - 1
    while end >= sent.start and doc[end].is_space:
        end -= 1
    if end < sent.start or doc[end].text != "?" and not doc[end].is_quote:
        return False  # (the last word alone says it is no question, without reading the sentence)
    words = [t for t in sent if not t.is_space]
    if not words or words[-1].text != "?" and not (len(words) > 1 and words[-1].is_quote and words[-2].text == "?"):
        return False
    if words[-1].is_quote or words[0].is_quote:
        return False  # a quoted question reports what someone asked
    first = words[0]
    if first.lower_ not in c.question_openers:
        return False
    root = sent.root
    subj = next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    aux_first = first.pos_ == "AUX" or first.tag_ == "MD"
    aux_before_subj = subj is not None and any(
        a.dep_ in ("aux", "auxpass") and a.i < subj.i for a in root.children) or (root.pos_ == "AUX" and subj is not None
                                                                                and root.i < subj.i)
    return aux_first or aux_before_subj


RIGHTS = frozenset({"right", "rights", "authority", "permission", "mandate", "licence", "license"})


def _means(verb: Token, c: Commentary, found: list[_Found]) -> None:
    """Means held for an act: "Iran has the missiles to strike ...", "lacks the troops to hold ...",
    "has enough drones to hit ...": a capability, not an act ("the right to" is coding/reinterpret's)."""
    inf = next((n for n in _verb_chain(verb) if any(a.dep_ == "aux" and a.lower_ == "to" for a in n.children)), None)
    if inf is None or inf.head.i == inf.i or inf.dep_ not in ("xcomp", "advcl", "acl", "relcl"):
        return
    head = inf.head
    if head.pos_ in NOUN_POS and head.dep_ == "dobj":
        obj, holder = head, head.head
    elif head.pos_ in ("VERB", "AUX"):
        obj = next((o for o in head.children if o.dep_ == "dobj" and o.i < inf.i), None)
        holder = head
    else:
        return
    if obj is None or obj.lemma_.lower() in RIGHTS or holder.lemma_.lower() not in c.possession_verbs:
        return
    negated = holder.lemma_.lower() == "lack" or any(ch.dep_ == "neg" for ch in holder.children)
    found.append(_Found(NEGATED if negated else HYPOTHETICAL, f"{holder.text} {obj.text}", kind="capability"))


def _evaluative(verb: Token, c: Commentary, found: list[_Found]) -> None:
    """Advice and judgement of an act not done: "Seoul would be wise to ask ...", "it would be a
    mistake for Washington to impose ...", "it is time for Tokyo to recall ...". A past copula without
    a modal judges an act that was done ("Iran was right to reject the plan"): left alone."""
    inf = next((n for n in _verb_chain(verb) if any(a.dep_ == "aux" and a.lower_ == "to" for a in n.children)), None)
    if inf is None or inf.head.i == inf.i or inf.dep_ not in ("xcomp", "advcl", "ccomp", "relcl", "acl"):
        return
    head = inf.head
    if head.lemma_.lower() in c.evaluative and head.pos_ in ("ADJ", "NOUN"):
        word, copula = head, head.head if head.dep_ in ("acomp", "attr") else None
    elif head.lemma_.lower() == "be":
        word = next((t for t in head.children if t.dep_ in ("acomp", "attr") and t.lemma_.lower() in c.evaluative
                     and t.i < inf.i), None)
        copula = head
    else:
        return
    if word is None:
        return
    if copula is not None and copula.tag_ == "VBD" and not any(
            a.dep_ == "aux" and a.tag_ == "MD" for a in copula.children):
        return
    found.append(_Found(HYPOTHETICAL, word.text, kind="evaluative"))


ALTERNATIVES = {"of": ("instead",), "from": ("far",), "than": ("rather", "other"), "lieu": ("in",)}


def _alternative(trigger: Token, verb: Token, found: list[_Found]) -> None:
    """The act set aside for another: "Instead of expelling the diplomats, Warsaw summoned ...",
    "rather than negotiate", "far from condemning the invasion", "instead of sanctions"."""
    for node in (trigger, verb):
        head = node.head
        if node.dep_ in ("pcomp", "pobj") and head.lower_ in ALTERNATIVES:
            adv = next((c for c in [*head.children, head.head] if c.i != head.i and c.dep_ == "advmod"
                        and c.lower_ in ALTERNATIVES[head.lower_]), None)
            if adv is not None:
                found.append(_Found(NEGATED, f"{adv.text} {head.text}", kind="alternative"))
                return
        if node.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "than" and any(
                a.lower_ == "rather" for a in list(m.children) + list(node.children)) for m in node.children):
            found.append(_Found(NEGATED, "rather than", kind="alternative"))
            return


CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "\u2014", "\u2013", "--", '"', "\u201c", "\u201d"})
RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which"})


def _matches(doc: Any, start: int, phrase: tuple[str, ...], end: int) -> bool:
    return start >= 0 and start + len(phrase) <= end and all(
        doc[start + k].lower_ == w for k, w in enumerate(phrase))


def _verbal_opener(tok: Token) -> bool:
    """A one-word opener that is also a verb ("provided Hamas frees ...", not "the U.S. provided
    Kyiv with rockets" or "weapons provided to the rebels"): no subject, auxiliary or article of its
    own, and a clause after it rather than a preposition or an object's article."""
    if tok.pos_ not in ("VERB", "AUX") or tok.tag_ == "IN" or tok.dep_ == "mark":
        return True
    if tok.dep_ == "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        return False
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i > tok.sent.start else None
    after = doc[tok.i + 1] if tok.i + 1 < tok.sent.end else None
    if before is not None and before.pos_ in ("DET", "AUX", "ADP", "PART"):
        return False
    return after is not None and (after.pos_ == "PROPN" or after.lower_ in (
        "it", "they", "he", "she", "we", "you", "both", "all", "neither"))


def _condition_clause(trigger: Token, cues: ModalityCues, found: list[_Found]) -> None:
    """An act inside a condition the parser hung elsewhere: "Iran says open to talks if U.S. lifts
    sanctions" (the noun under a headline's 'if'), "will halt strikes provided that Hamas frees the
    hostages", "stockpiles fuel in case Russia bombs the grid", "in the event of an attack". Read on the
    words: an opener (kb/data/modality.yaml `condition_clause`) before the trigger in its sentence, with
    no clause break (comma, semicolon, dash, a relative pronoun, the sentence's main verb) between them.
    A fronted condition ends at its comma: "If talks fail, the army will attack" leaves the attack to
    its own clause's cues."""
    if not cues.condition_openers:
        return
    sent = trigger.sent
    doc = trigger.doc
    root = sent.root
    if trigger.i == root.i:
        return
    low = max(sent.start, trigger.i - 25)
    firsts = None if not all(cues.condition_openers) else {p[0] for p in cues.condition_openers}
    for j in range(trigger.i - 1, low - 1, -1):
        t = doc[j]
        if t.text in CLAUSE_BREAKS or t.lower_ in RELATIVE_WORDS or (t.lower_ == "that" and t.tag_ == "WDT"):
            return
        if t.i == root.i and root.pos_ in ("VERB", "AUX"):
            return  # the trigger follows the main verb, the condition (if any) came before it
        if firsts is not None and t.lower_ not in firsts:
            continue  # no opener starts with this word
        for phrase in cues.condition_openers:
            if not _matches(doc, j, phrase, trigger.i):
                continue
            if any(_matches(doc, j - k, ex, j + len(phrase) + 2) and j - k + len(ex) > j
                   for ex in cues.condition_exceptions for k in range(len(ex))):
                return  # "as if", "if not", "if any"
            if len(phrase) == 1 and not _verbal_opener(t):
                continue
            found.append(_Found(HYPOTHETICAL, " ".join(phrase), kind="condition_clause"))
            return


def _commentary(trigger: Token, cues: ModalityCues, found: list[_Found]) -> None:
    """The commentary cues of an act (kb/data/modality.yaml, `commentary`)."""
    c = cues.commentary
    _condition_clause(trigger, cues, found)
    verb = _clause_verb(trigger)
    _irrealis(trigger, verb, c, found)
    _evaluative(verb, c, found)
    _means(verb, c, found)
    _alternative(trigger, verb, found)
    _generic(trigger, verb, c, found, cues)
    _background(trigger, verb, c, found)


# cues of commentary (not "condition": "will defend it if it is attacked" is a promise with its terms)
# ("condition_clause" is the content of a condition read on the words: never a promise of its own)
COMMENTARY_KINDS = frozenset({"capability", "hedge", "belief", "expectation", "generic", "background",
                              "question", "counterfactual", "evaluative", "condition_clause"})


@dataclass(frozen=True)
class ModalityCall:
    """The modality of an act, the cue word that decided it and the kind of cue (cue, would,
    reported, condition, capability, hedge, belief, generic, background, question; "" if asserted);
    `commentary` is what the commentary cues alone make of the act ("" when there are none), so that
    a rule which turns a future act into a promise can see it is only someone's guess."""

    modality: str
    cue: str | None
    kind: str
    commentary: str = ""
    commentary_cue: str | None = None


def classify(trigger: Token) -> ModalityCall:
    """The modality of the event whose trigger token is given, with the cue that decided it."""
    cues = load_cues()
    found, reported_past = _collect(trigger, cues)
    _commentary(trigger, cues, found)
    if not found:
        return ModalityCall(ASSERTED, None, "")
    has_condition = any(f.kind in ("condition", "counterfactual", "condition_clause") for f in found)
    resolved: list[_Found] = []
    for f in found:
        if f.kind == "would" and reported_past and not has_condition:
            resolved.append(_Found(FUTURE, f.cue, kind="reported"))
        else:
            resolved.append(f)
    comm = _first(f for f in resolved if f.kind in COMMENTARY_KINDS)
    top = _first(resolved)
    if top is None:
        return ModalityCall(ASSERTED, None, "")
    return ModalityCall(top.modality, top.cue, top.kind or "cue", comm.modality if comm else "",
                        comm.cue if comm else None)


def _first(found: Iterable[_Found]) -> _Found | None:
    """The cue that decides: negated > hypothetical > future > claimed, the first found of each."""
    found = list(found)
    for modality in PRIORITY:
        for f in found:
            if f.modality == modality:
                return f
    return None


def classify_modality_with_cue(trigger: Token) -> tuple[str, str | None]:
    """The modality of the event whose trigger token is given, and the cue word that decided it
    (None when the event is plainly asserted)."""
    call = classify(trigger)
    return call.modality, call.cue


def classify_modality(trigger: Token) -> str:
    """asserted | negated | hypothetical | future | claimed for the event whose trigger is given."""
    return classify_modality_with_cue(trigger)[0]
