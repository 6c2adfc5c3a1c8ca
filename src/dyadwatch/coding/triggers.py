"""The event lexicon (kb/data/lexicon/*.csv) and trigger matching on parsed tokens.

Verb entries match a verb lemma, optionally with a particle or preposition ("call on") and an object
noun ("open fire"); noun entries match nominal events ("the shelling of X", "talks between A and B").
The surface forms of every entry feed a cheap prefilter so that only sentences that may hold an
event are parsed.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

log = logging.getLogger("dyadwatch.coding")

SPEECH = "SAY"
QUANTITY_NOUNS = {"state", "round", "series", "wave", "dozen", "dozens", "hundred", "hundreds", "score", "scores",
                  "number", "barrage", "salvo", "volley", "string", "spate", "flurry", "thousand", "thousands",
                  "couple", "pair", "set", "batch", "package", "shipment", "ton", "tons", "tonne", "tonnes"}


@dataclass(frozen=True)
class LexEntry:
    id: str
    kind: str  # verb | noun
    lemma: str
    prt: str  # "" | "prt:out" | "prep:on"
    obj: frozenset[str]
    event: str  # PLOVER type, or SAY / DENY for speech verbs
    mode: str | None
    cameo: str | None
    recip: tuple[str, ...]
    flags: frozenset[str]

    @property
    def is_speech(self) -> bool:
        return "speech" in self.flags

    def specificity(self) -> int:
        return (2 if self.obj else 0) + (1 if self.prt else 0)


@dataclass
class Lexicon:
    verbs: dict[str, list[LexEntry]]
    nouns: dict[str, list[LexEntry]]  # keyed by the last word of the noun lemma
    forms: frozenset[str]  # lower-case surface forms of every trigger word, for the prefilter


def _rows(name: str) -> list[dict[str, str]]:
    try:
        text = resources.files("dyadwatch.kb").joinpath(f"data/lexicon/{name}").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        log.warning("lexicon file %s is missing", name)
        return []
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    out = []
    for lineno, row in enumerate(csv.DictReader(lines), start=2):
        if not row.get("id") or not row.get("lemma") or not row.get("event"):
            log.warning("lexicon/%s:%d: incomplete row skipped", name, lineno)
            continue
        out.append(row)
    return out


def _entry(kind: str, row: dict[str, str]) -> LexEntry:
    def split(cell: str | None) -> list[str]:
        return [p.strip() for p in (cell or "").replace(";", "|").split("|") if p.strip()]

    return LexEntry(
        id=row["id"].strip(), kind=kind, lemma=row["lemma"].strip().lower(),
        prt=(row.get("prt") or "").strip().lower(),
        obj=frozenset(split(row.get("obj"))),
        event=row["event"].strip().upper(), mode=(row.get("mode") or "").strip() or None,
        cameo=(row.get("cameo") or "").strip() or None,
        recip=tuple(split(row.get("recip"))), flags=frozenset(split(row.get("flags"))),
    )


_IRREGULAR = {
    "break": ["broke", "broken"], "fight": ["fought"], "hold": ["held"], "meet": ["met"],
    "send": ["sent"], "give": ["gave", "given"], "shoot": ["shot"], "strike": ["struck", "stricken"],
    "seize": [], "lay": ["laid"], "take": ["took", "taken"], "beat": ["beaten"], "go": ["went", "gone"],
    "lead": ["led"], "fly": ["flew", "flown"], "tell": ["told"], "say": ["said"], "withdraw": ["withdrew",
    "withdrawn"], "forgive": ["forgave", "forgiven"], "freeze": ["froze", "frozen"], "blow": ["blew", "blown"],
    "pay": ["paid"], "lend": ["lent"], "hit": [], "cut": [], "shut": [], "put": [], "set": [], "bar": ["barred"],
    "write": ["wrote", "written"], "sell": ["sold"], "keep": ["kept"], "begin": ["began", "begun"],
    "wage": [], "rid": [], "speak": ["spoke", "spoken"], "deny": ["denied"], "ally": ["allied"],
    "sue": ["sued"], "seek": ["sought"], "bring": ["brought"], "draw": ["drew", "drawn"],
}


def inflections(lemma: str) -> set[str]:
    """Rough English inflections of a word (over-generation is harmless: they only prefilter)."""
    w = lemma.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("e"):
        forms |= {w[:-1] + "ing", w + "d"}
    if w.endswith("y"):
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    forms |= set(_IRREGULAR.get(w, []))
    return forms


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    verbs: dict[str, list[LexEntry]] = {}
    nouns: dict[str, list[LexEntry]] = {}
    forms: set[str] = set()
    for row in _rows("verbs.csv"):
        e = _entry("verb", row)
        verbs.setdefault(e.lemma, []).append(e)
        # prefilter words: a speech verb alone holds no event ("said" is everywhere), and a light verb
        # with a required object ("held talks") is found through its object
        if e.is_speech:
            continue
        if e.obj:
            for o in e.obj:
                forms |= inflections(o)
            continue
        forms |= inflections(e.lemma)
        for part in e.lemma.split("-"):
            forms |= inflections(part)
    forms |= {"must", "should"}  # "X said Y must ..." is a demand
    for row in _rows("nouns.csv"):
        e = _entry("noun", row)
        nouns.setdefault(e.lemma.split()[-1], []).append(e)
        forms |= inflections(e.lemma.split()[-1])
    for entries in verbs.values():
        entries.sort(key=lambda e: -e.specificity())
    return Lexicon(verbs, nouns, frozenset(forms))


def _has_prt(tok: Token, prt: str) -> bool:
    kind, _, word = prt.partition(":")
    for child in tok.children:
        if child.lower_ == word and (child.dep_ in ("prt", "prep", "advmod", "dative", "agent") or kind == "prep"):
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if kind == "prep" and objs and all(g.ent_type_ in ("DATE", "TIME") or g.lower_ in _TIME for g in objs):
                continue  # "called ... on Tuesday" is no "call on"
            return True
    return False


_TIME = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight",
         "weekend", "morning", "evening", "night", "day", "week", "month", "year"}


MEASURE_NOUNS = {"day", "week", "month", "hour", "year", "round", "series", "wave", "spate", "string"}


def verb_object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            # "launched 10 days of war games", "began a week of talks": the measured noun is the object
            if child.lemma_.lower() in MEASURE_NOUNS:
                for p in child.children:
                    if p.dep_ == "prep" and p.lower_ == "of":
                        for g in p.children:
                            if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"):
                                return g
            return child
    # "opened fire on", "took to the streets": an object parsed as prepositional object
    for child in tok.children:
        if child.dep_ == "prep":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    return None


def noun_forms(tok: Token) -> set[str]:
    lemma = tok.lemma_.lower()
    out = {lemma, tok.lower_}
    if lemma.endswith("s") and len(lemma) > 3:
        out.add(lemma[:-1])
    return out


_IRREGULAR_BACK = {form: base for base, forms in _IRREGULAR.items() for form in forms}


def base_forms(tok: Token) -> list[str]:
    """The lemma and plausible base forms of the surface word (the small model's lemmas slip:
    "staged" -> "stag")."""
    w = tok.lower_
    out = [tok.lemma_.lower()]
    if w in _IRREGULAR_BACK:
        out.append(_IRREGULAR_BACK[w])
    out.append(w)
    for suf, rep in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
                     ("es", ""), ("s", "")):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            stem = w[: -len(suf)] + rep
            out.append(stem)
            if rep == "" and len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
    seen: list[str] = []
    for f in out:
        if f not in seen:
            seen.append(f)
    return seen


def match_verb(tok: Token, lex: Lexicon | None = None) -> list[LexEntry]:
    """Lexicon entries (most specific first) that this verb token matches; event and speech entries."""
    lex = lex or load_lexicon()
    entries = None
    forms = base_forms(tok)
    if tok.i >= 2 and tok.nbor(-1).text == "-":  # "test-fired": the hyphenated verb first
        forms = [f"{tok.nbor(-2).lower_}-{f}" for f in forms] + forms
    for lemma in forms:
        entries = lex.verbs.get(lemma)
        if entries:
            break
    if not entries:
        return []
    obj = verb_object(tok)
    head_forms: set[str] = noun_forms(obj) if obj is not None else set()
    obj_forms: set[str] = set()
    for c in tok.children:  # "hit with sanctions", "put under investigation", "held as hostages"
        if c.dep_ == "prep" and c.lower_ in ("with", "under", "as", "into", "on"):
            for g in c.children:
                if g.dep_ == "pobj":
                    obj_forms |= noun_forms(g)
    if obj is not None:
        obj_forms |= noun_forms(obj)
        for c in obj.children:
            if c.dep_ in ("compound", "amod"):
                obj_forms |= noun_forms(c)
            if c.dep_ == "prep" and c.lower_ == "of" and obj.lemma_.lower() in QUANTITY_NOUNS:
                for g in c.children:
                    if g.dep_ == "pobj":
                        obj_forms |= noun_forms(g)
                        head_forms |= noun_forms(g)  # "dozens of missiles": the missiles decide
    out = []
    for e in entries:
        if e.prt and not _has_prt(tok, e.prt):
            continue
        if e.obj and not (e.obj & obj_forms):
            continue
        out.append(e)
    if not out:
        return []
    best_event = [e for e in out if not e.is_speech]
    speech = [e for e in out if e.is_speech]
    result: list[LexEntry] = []
    if best_event:
        top = best_event[0].specificity()
        tied = [e for e in best_event if e.specificity() == top]
        # "launched a missile attack": the object's head noun decides over its modifier
        result.append(next((e for e in tied if e.obj & head_forms), tied[0]))
    result.extend(speech[:1])
    return result


def match_noun(tok: Token, lex: Lexicon | None = None) -> LexEntry | None:
    """The noun-lexicon entry for this noun token (multi-word lemmas checked against compounds)."""
    lex = lex or load_lexicon()
    for form in sorted(noun_forms(tok), key=len, reverse=True):
        entries = lex.nouns.get(form)
        if not entries:
            continue
        mods = " ".join(c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i)
        for e in sorted(entries, key=lambda e: -len(e.lemma)):
            words = e.lemma.split()
            if len(words) > 1 and " ".join(words[:-1]) not in mods:
                continue
            return e
    return None
