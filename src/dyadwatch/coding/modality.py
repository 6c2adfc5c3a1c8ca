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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Token

from ..config import kb_dirs

log = logging.getLogger("dyadwatch.coding")

ASSERTED, NEGATED, HYPOTHETICAL, FUTURE, CLAIMED = "asserted", "negated", "hypothetical", "future", "claimed"
PRIORITY = (NEGATED, HYPOTHETICAL, FUTURE, CLAIMED)
PAST_TAGS = {"VBD", "VBN"}
NOUN_POS = {"NOUN", "PROPN"}
THREAT_REPORTING = {"warn", "threaten"}


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
                m.dep_ == "mark" and m.lower_ in cues.conditional_marks for m in child.children):
            # (a threat or warning "if it continued" is itself made: the condition is its content)
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
    if not plain:
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
        if dep in ("xcomp", "dobj") and node.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() in cues.passive_claims and any(c.dep_ == "auxpass" for c in head.children):
                found.append(_Found(CLAIMED, head.text))  # "is said to have ordered"
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
            _governing(head, cues, found)
            break
        elif dep == "conj":
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
            if any(m.dep_ == "mark" for m in node.children):
                break  # "after", "because", "if" (already counted): a clause of its own
            inherit_local = True
        else:
            break  # relative clauses, participial modifiers, subjects: their own context
        node = head
    return found, reported_past


def classify_modality_with_cue(trigger: Token) -> tuple[str, str | None]:
    """The modality of the event whose trigger token is given, and the cue word that decided it
    (None when the event is plainly asserted)."""
    cues = load_cues()
    found, reported_past = _collect(trigger, cues)
    if not found:
        return ASSERTED, None
    has_condition = any(f.kind == "condition" for f in found)
    resolved: list[_Found] = []
    for f in found:
        if f.kind == "would" and reported_past and not has_condition:
            resolved.append(_Found(FUTURE, f.cue))
        else:
            resolved.append(f)
    for modality in PRIORITY:
        for f in resolved:
            if f.modality == modality:
                return modality, f.cue
    return ASSERTED, None


def classify_modality(trigger: Token) -> str:
    """asserted | negated | hypothetical | future | claimed for the event whose trigger is given."""
    return classify_modality_with_cue(trigger)[0]
