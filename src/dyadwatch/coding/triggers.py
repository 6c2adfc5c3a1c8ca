"""The event lexicon (kb/data/lexicon/) and trigger matching on parsed tokens.

Verb entries match a verb lemma, optionally with a particle or preposition ("call on") and an object
noun ("open fire"); noun entries match nominal events ("the shelling of X", "talks between A and B").
The surface forms of every entry feed a cheap prefilter so that only sentences that may hold an
event are parsed.

Sources (formats in kb/data/lexicon/README.md): `verbs.csv` and `nouns.csv` hold one pattern a row;
`types/*.csv` hold compact rows, one per PLOVER type and mode, that name several synonyms at once
("deliver|ship|hand over") and object classes from `classes.csv` ("@weapon"); they are expanded here
into one entry per word, each with a stable id (row id + word). Folders in DYADWATCH_KB may add a
`lexicon/` folder of the same shape: an entry with an id already loaded replaces it.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from .. import config
from .arguments import passive_modifier_noun, small_clause_object

log = logging.getLogger("dyadwatch.coding")

SPEECH = "SAY"
QUANTITY_NOUNS = {"state", "round", "series", "wave", "dozen", "dozens", "hundred", "hundreds", "score", "scores",
                  "number", "barrage", "salvo", "volley", "string", "spate", "flurry", "thousand", "thousands",
                  "couple", "pair", "set", "batch", "package", "shipment", "ton", "tons", "tonne", "tonnes",
                  "container", "truckload", "planeload", "shipload", "consignment", "crate", "load", "cargo",
                  "tranche", "convoy", "kilogram", "kg", "litre", "liter", "barrel", "pallet", "box", "lot",
                  "part", "parts", "portion", "half", "share", "bulk", "rest", "remainder", "much", "most",
                  "level", "degree", "size", "strength",
                  # "intercepted several of the rockets", "fired many of its missiles": the counted noun
                  "several", "many", "some", "all", "few", "each", "both", "any", "majority", "one"}
# amounts of money: "$6 billion in frozen funds", "$2 billion of aid": the money's kind is named after in/of
AMOUNT_WORDS = {"$", "million", "billion", "trillion", "usd", "eur"}
# Flags whose argument logic the coder does not implement yet: an entry with one is kept out until it does,
# since it would code the wrong direction. Empty now: "inverse" (the giver acts) is honoured by
# coding/agents.giver_as_actor.
PENDING_FLAGS: set[str] = set()


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
    not_obj: frozenset[str] = frozenset()  # object nouns that mean another sense ("fired a minister")
    source: str = ""  # file:line of the row the entry comes from

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
    classes: dict[str, frozenset[str]] = field(default_factory=dict)

    def entries(self) -> list[LexEntry]:
        return [e for es in self.verbs.values() for e in es] + [e for es in self.nouns.values() for e in es]

    def get(self, entry_id: str) -> LexEntry | None:
        return next((e for e in self.entries() if e.id == entry_id), None)


# -- reading the files ---------------------------------------------------------------------------

def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").replace(";", "|").split("|") if p.strip()]


def _texts() -> list[tuple[str, str]]:
    """(name, text) of every lexicon file: the bundled ones, then those of DYADWATCH_KB folders."""
    out: list[tuple[str, str]] = []
    root = resources.files("dyadwatch.kb").joinpath("data/lexicon")
    names = ["classes.csv", "irregular.csv", "verbs.csv", "nouns.csv"]
    try:
        types = root.joinpath("types")
        names += sorted(f"types/{p.name}" for p in types.iterdir() if p.name.endswith(".csv"))
    except (FileNotFoundError, NotADirectoryError, ModuleNotFoundError):
        pass
    for name in names:
        try:
            out.append((name, root.joinpath(name).read_text("utf-8")))
        except (FileNotFoundError, ModuleNotFoundError):
            log.warning("lexicon file %s is missing", name)
    for d in config.kb_dirs():
        lex = Path(d) / "lexicon"
        if not lex.is_dir():
            continue
        for p in sorted(lex.glob("*.csv")) + sorted(lex.glob("types/*.csv")):
            try:
                out.append((str(p), p.read_text("utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                log.warning("lexicon: %s: unreadable (%s)", p, exc)
    return out


def _csv_rows(name: str, text: str) -> list[tuple[int, dict[str, str]]]:
    """Rows with their line numbers; comment and blank lines are skipped."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return []
    reader = csv.DictReader(line for _, line in lines)
    out = []
    for (lineno, _), row in zip(lines[1:], reader):
        out.append((lineno, {k: (v or "") for k, v in row.items() if k is not None}))
    return out


def _words(cell: str, kind: str) -> list[tuple[str, str]]:
    """(lemma, prt) of each alternative: "hand over" -> (hand, prt:over), "crack down +on" is not
    allowed (one particle or preposition a word), "vote +against" -> (vote, prep:against)."""
    out = []
    for alt in _split(cell):
        alt = " ".join(alt.lower().split())
        if kind == "noun":
            out.append((alt, ""))
            continue
        parts = alt.split(" ")
        if len(parts) == 1:
            out.append((parts[0], ""))
        elif len(parts) == 2 and parts[1].startswith("+"):
            out.append((parts[0], f"prep:{parts[1][1:]}"))
        elif len(parts) == 2:
            out.append((parts[0], f"prt:{parts[1]}"))
        else:
            raise ValueError(f"verb '{alt}': one lemma and at most one particle")
    return out


def _objects(cell: str, classes: dict[str, frozenset[str]]) -> tuple[frozenset[str], frozenset[str]]:
    want: set[str] = set()
    avoid: set[str] = set()
    for part in _split(cell):
        neg = part.startswith("!")
        part = part.lstrip("!").strip().lower()
        if part.startswith("@"):
            if part[1:] not in classes:
                raise ValueError(f"unknown object class {part}")
            words = classes[part[1:]]
        else:
            words = frozenset({part})
        (avoid if neg else want).update(words)
    return frozenset(want), frozenset(avoid)


def _slug(lemma: str, prt: str) -> str:
    s = lemma.replace(" ", "_")
    return f"{s}_{prt.partition(':')[2]}" if prt else s


def _make_entries(name: str, lineno: int, row: dict[str, str], classes: dict[str, frozenset[str]],
                  compact: bool) -> list[LexEntry]:
    rid = row.get("id", "").strip()
    event = row.get("event", "").strip().upper()
    if not rid or not event:
        raise ValueError("id and event are required")
    if compact:
        kind = row.get("kind", "").strip().lower()
        if kind not in ("verb", "noun"):
            raise ValueError(f"kind must be verb or noun, not '{kind}'")
        words = _words(row.get("words", ""), kind)
    else:
        kind = "noun" if name.endswith("nouns.csv") else "verb"
        lemma = row.get("lemma", "").strip().lower()
        words = [(lemma, row.get("prt", "").strip().lower())] if lemma else []
    if not words:
        raise ValueError("no word")
    obj, not_obj = _objects(row.get("obj", ""), classes)
    common = {"kind": kind, "obj": obj, "not_obj": not_obj, "event": event,
                  "mode": row.get("mode", "").strip() or None, "cameo": row.get("cameo", "").strip() or None,
                  "recip": tuple(_split(row.get("recip"))), "flags": frozenset(_split(row.get("flags"))),
                  "source": f"{name}:{lineno}"}
    if not compact:
        return [LexEntry(id=rid, lemma=words[0][0], prt=words[0][1], **common)]
    words = words + [(v, prt) for lemma, prt in words for v in spelling_variants(lemma) if (v, prt) not in words]
    return [LexEntry(id=f"{rid}.{_slug(lemma, prt)}", lemma=lemma, prt=prt, **common) for lemma, prt in words]


_NOT_IZE = {"seize", "size", "capsize", "prize", "downsize", "baptize"}


def spelling_variants(word: str) -> list[str]:
    """British spellings of American -ize/-yze/-ization words and back ("mobilize" -> "mobilise",
    "paralyse" -> "paralyze"): wire copy uses both, a row names one."""
    out = []
    last = word.split(" ")[-1]
    stem = word[: len(word) - len(last)]
    for a, b in (("ization", "isation"), ("isation", "ization"), ("izing", "ising"), ("ize", "ise"),
                 ("yze", "yse"), ("yse", "yze")):
        if last.endswith(a) and len(last) >= len(a) + 3 and last not in _NOT_IZE:
            out.append(stem + last[: -len(a)] + b)
            break
    return out


_IRREGULAR: dict[str, list[str]] = {}  # lemma -> irregular forms (lexicon/irregular.csv)
_IRREGULAR_BACK: dict[str, str] = {}  # irregular form -> lemma


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
    if w.endswith("man"):
        forms.add(w[:-3] + "men")
    forms |= set(_IRREGULAR.get(w, []))
    return forms


def _hyphen_parts(word: str) -> set[str]:
    """Prefilter forms of a hyphenated trigger ("sit-in", "test-fire"): the tokenizer splits it, so its parts
    are what a sentence shows; parts of one to three letters ("in", "up") would let every sentence through,
    so they count only when no longer part exists."""
    parts = [p for p in word.split("-") if p]
    if len(parts) < 2:
        return set()
    long = [p for p in parts if len(p) >= 4]
    out: set[str] = set()
    for p in long or parts[:1]:
        out |= inflections(p)
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Every lexicon file expanded into entries; a bad row is reported as `lexicon/FILE:LINE: reason`."""
    classes: dict[str, frozenset[str]] = {}
    by_id: dict[str, LexEntry] = {}
    texts = _texts()
    for name, text in texts:  # classes and irregular forms first: the rows refer to them
        base = Path(name).name
        if base == "classes.csv":
            for lineno, row in _csv_rows(name, text):
                cls = row.get("class", "").strip().lower()
                words = [w.lower() for w in _split(row.get("words"))]
                if not cls or not words:
                    log.warning("lexicon/%s:%d: incomplete class skipped", name, lineno)
                    continue
                # a class may include another one ("@projectile")
                expanded: set[str] = set()
                for w in words:
                    expanded |= classes.get(w[1:], frozenset()) if w.startswith("@") else {w}
                classes[cls] = frozenset(expanded)
        elif base == "irregular.csv":
            for _, row in _csv_rows(name, text):
                lemma = row.get("lemma", "").strip().lower()
                if lemma:
                    _IRREGULAR[lemma] = sorted(set(_IRREGULAR.get(lemma, [])) | {
                        w.lower() for w in _split(row.get("forms"))})
    _IRREGULAR_BACK.clear()
    _IRREGULAR_BACK.update({form: base for base, forms in _IRREGULAR.items() for form in forms})
    for name, text in texts:
        base = Path(name).name
        if base in ("classes.csv", "irregular.csv"):
            continue
        compact = "types" in Path(name).parts or base not in ("verbs.csv", "nouns.csv")
        for lineno, row in _csv_rows(name, text):
            try:
                made = _make_entries(name, lineno, row, classes, compact)
            except ValueError as exc:
                log.warning("lexicon/%s:%d: %s; row skipped", name, lineno, exc)
                continue
            for e in made:
                if e.flags & PENDING_FLAGS:
                    continue
                if e.id in by_id and by_id[e.id].source.split(":")[0] == e.source.split(":")[0]:
                    log.warning("lexicon/%s: id %s used twice; the later row wins", e.source, e.id)
                by_id[e.id] = e
    verbs: dict[str, list[LexEntry]] = {}
    nouns: dict[str, list[LexEntry]] = {}
    forms: set[str] = set()
    for e in by_id.values():
        if e.kind == "verb":
            verbs.setdefault(e.lemma, []).append(e)
            # prefilter words: a speech verb alone holds no event ("said" is everywhere), and a light verb
            # with a required object ("held talks") is found through its object
            if e.is_speech:
                continue
            if e.obj:
                for o in e.obj:
                    forms |= inflections(o.split()[-1])
                if (PLACE_FORM in e.obj or PERSON_FORM in e.obj) and e.lemma in COPULAS:
                    # "the envoy is in Khartoum": 'is' is in every sentence; the visitor's role word, or the trigger
                    # of the visit's purpose ("to attend a conference"), lets the sentence in
                    for w in _visiting_roles():
                        forms |= inflections(w)
                elif PLACE_FORM in e.obj or PERSON_FORM in e.obj:  # a named place or person shows no fixed word:
                    # the verb's forms stand for it
                    forms |= inflections(e.lemma) | _hyphen_parts(e.lemma)
                continue
            forms |= inflections(e.lemma)
            forms |= _hyphen_parts(e.lemma)
        else:
            nouns.setdefault(e.lemma.split()[-1], []).append(e)
            forms |= inflections(e.lemma.split()[-1])
            forms |= _hyphen_parts(e.lemma.split()[-1])
    forms |= {"must", "should"}  # "X said Y must ..." is a demand
    for entries in verbs.values():
        entries.sort(key=lambda e: -e.specificity())
    return Lexicon(verbs, nouns, frozenset(forms), classes)


def _has_prt(tok: Token, prt: str) -> bool:
    kind, _, word = prt.partition(":")
    if kind == "prep" and word in ("of", "from", "against"):
        # "stripped the minister of his immunity", "used drones against Ukraine": on the object
        for d in tok.children:
            if d.dep_ == "dobj" and any(c.dep_ == "prep" and c.lower_ == word for c in d.children):
                return True
    if kind == "prep":  # "called for Israel to halt the strikes": 'for' parsed as the mark of the clause
        for c in tok.children:
            if c.dep_ in ("advcl", "xcomp", "ccomp") and c.i > tok.i and any(
                    m.dep_ == "mark" and m.lower_ == word and m.i < c.i for m in c.children) and any(
                    g.dep_ == "nsubj" for g in c.children) and any(a.lower_ == "to" for a in c.children):
                return True
    for child in tok.children:
        if child.lower_ == word and (child.dep_ in ("prt", "prep", "advmod", "dative", "agent", "oprd", "acomp")
                                     or kind == "prep"):
            if kind == "prep" and (child.dep_ in ("aux", "mark") or child.i < tok.i):
                continue  # "was quick to condemn the strike": the infinitive's 'to' is no "condemn to"
            if kind == "prt" and child.dep_ == "prep" and child.i != tok.i + 1 and any(
                    g.dep_ == "pobj" for g in child.children):
                continue  # "turned its guns on the protesters in the capital" is no "turn in"
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if kind == "prep" and objs and all(g.ent_type_ in ("DATE", "TIME") or g.lower_ in _TIME for g in objs) \
                    and not (word == "to" and any(m.dep_ == "nummod" for g in objs for m in g.children)):
                continue  # "called ... on Tuesday" is no "call on"; "condemned to ten years" is a sentence
            return True
    return False


_TIME = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight",
         "weekend", "morning", "evening", "night", "day", "week", "month", "year"}


EXPECT_VERBS = {"expect", "await", "want"}  # what is expected is the subject of their infinitive
MEASURE_NOUNS = {"day", "week", "month", "hour", "year", "round", "series", "wave", "spate", "string"}


def _of_object(tok: Token) -> Token | None:
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            for g in p.children:
                if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"):
                    return g
    return None


def verb_object(tok: Token) -> Token | None:
    small = small_clause_object(tok)
    if small is not None:  # "ordered the border closed"
        return small
    modified = passive_modifier_noun(tok)
    if modified is not None and modified.lemma_.lower() in load_lexicon().classes.get("envoy", frozenset()):
        return modified  # "the envoy, summoned to the ministry", "who was summoned": the envoy
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            # "launched 10 days of war games", "began a week of talks": the measured noun is the object
            if child.lemma_.lower() in MEASURE_NOUNS:
                got = _of_object(child)
                if got is not None:
                    return got
            return child
        if child.dep_ in ("dobj", "nsubjpass") and child.pos_ in ("NUM", "DET", "ADJ", "SYM"):
            # "sent two of its fighter jets", "will give all six of its F-16s", "some of the tanks"; "received
            # $500 million": the amount
            got = _of_object(child)
            if got is not None:
                return got
            if child.pos_ in ("NUM", "SYM") and child.lemma_.lower() in ("million", "billion", "trillion", "$"):
                return child
            if child.pos_ == "ADJ" and child.dep_ == "dobj" and child.i > tok.i:
                return child  # a headline's bare noun tagged as an adjective: "Azerbaijan launches offensive"
    if tok.lemma_.lower() in EXPECT_VERBS:  # "expects swift action by Belgrade to end ...": the infinitive's subject
        for child in tok.children:
            if child.dep_ in ("ccomp", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
                for g in child.children:
                    if g.dep_ == "nsubj" and g.pos_ == "NOUN":
                        return g
    for child in tok.children:  # "froze its bank accounts" with the noun tagged as a verb
        if child.dep_ == "dobj" and child.pos_ == "VERB" and child.i > tok.i and not any(
                g.dep_ in ("dobj", "nsubj", "aux", "mark") for g in child.children):
            return child
    # "opened fire on", "took to the streets": an object parsed as prepositional object; "walked out of the
    # talks": the particle parsed as a preposition that holds the real one
    for child in tok.children:
        if child.dep_ == "prep":
            for g in child.children:
                if g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME"):
                    break  # "started in March", "began on Monday": when, not what
                if g.dep_ == "pobj":
                    return g
            for p in child.children:
                if p.dep_ == "prep":
                    for g in p.children:
                        if g.dep_ == "pobj":
                            return g
    for child in tok.children:  # "walked away from the talks": the particle parsed as an adverb
        if child.dep_ in ("advmod", "prt") and child.i == tok.i + 1:
            for p in child.children:
                if p.dep_ == "prep":
                    for g in p.children:
                        if g.dep_ == "pobj":
                            return g
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
        return tok.head  # "video released by Manila", "the aid delivered to Gaza": the noun is what is acted on
    return None


# "ships carrying rice", "trucks loaded with food": the cargo decides what was sent
CARGO_VERBS = {"carry", "bear", "transport", "load", "laden", "pack", "fill", "ferry", "bring", "haul", "stock"}


def cargo_forms(obj: Token) -> set[str]:
    out: set[str] = set()
    for c in obj.children:
        if c.dep_ in ("acl", "relcl", "amod") and (c.lemma_.lower() in CARGO_VERBS or c.lower_ in CARGO_VERBS or
                                                 c.lower_ in ("carrying", "loaded", "laden", "packed", "filled")):
            for g in c.children:
                if g.dep_ == "dobj":
                    out |= _object_forms(g)[1]
                    for cj in g.conjuncts:
                        out |= _object_forms(cj)[1]
                elif g.dep_ == "prep" and g.lower_ == "with":
                    for h in g.children:
                        if h.dep_ == "pobj":
                            out |= _object_forms(h)[1]
                            for cj in h.conjuncts:
                                out |= _object_forms(cj)[1]
    return out


PLACE_FORM = "gpe:place"  # a named place (spaCy GPE/LOC): the class @place_name in classes.csv
PERSON_FORM = "per:person"  # a named person (spaCy PERSON): the class @person_name in classes.csv


def noun_forms(tok: Token) -> set[str]:
    lemma = tok.lemma_.lower()
    out = {lemma, tok.lower_}
    if tok.ent_type_ in ("GPE", "LOC") and tok.pos_ == "PROPN":
        out.add(PLACE_FORM)
    if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
        out.add(PERSON_FORM)
    if lemma.endswith("s") and len(lemma) > 3:
        out.add(lemma[:-1])
    if tok.i >= 2 and tok.nbor(-1).text == "-" and not tok.nbor(-1).whitespace_:
        # "sit-in", "build-up", "cease-fire": the tokenizer splits the word; the last part carries it
        first = tok.nbor(-2).lower_
        out |= {f"{first}-{tok.lower_}", f"{first}-{lemma}"}
    return out




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
    if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN" and tok.lemma_.lower() in _attribution_verbs():
        return []  # "an attack claimed by the BLA", "a strike blamed on Israel": names the doer of its noun (agents.py)
    obj = verb_object(tok)
    head_forms: set[str] = noun_forms(obj) if obj is not None else set()
    obj_forms: set[str] = set()
    for c in tok.children:  # "hit with sanctions", "put under investigation", "held as hostages"
        if c.dep_ == "prep" and c.lower_ in ("with", "under", "as", "into", "on"):
            for g in c.children:
                if g.dep_ == "pobj":  # "provided Syria with 20 planeloads of relief supplies": the counted noun
                    obj_forms |= _object_forms(g)[0]
    if obj is not None:
        forms, head = _object_forms(obj)
        obj_forms |= forms
        head_forms |= head
        for cj in obj.conjuncts:  # "airlifted rescue teams and relief supplies": every object counts
            if cj.i > obj.i:
                obj_forms |= _object_forms(cj)[0]
        for c in tok.children:  # "was given the green light by ...": a passive keeps its second object
            if c.dep_ == "dobj" and c is not obj and obj.dep_ == "nsubjpass":
                obj_forms |= _object_forms(c)[0]
        cargo = cargo_forms(obj)
        if cargo:  # "dispatched ships carrying medicine": aid, not a deployment
            obj_forms |= cargo
            head_forms = cargo
    predicate: set[str] = set()  # "called the vote a fraud", "branded the strike a war crime"
    as_forms: set[str] = set()  # "condemned the raid as a war crime"
    for c in tok.children:
        if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN"):
            predicate |= _object_forms(c)[1]  # its head: "anti-terrorist measures" names no terror
        elif c.pos_ == "ADJ" and (c.dep_ == "oprd" or c.dep_ == "ccomp" and any(
                g.dep_ == "nsubj" for g in c.children) or c.dep_ in ("advcl", "xcomp") and obj is not None and
                obj.i < c.i):  # "left dozens of soldiers dead", the adjective parsed as a clause of its own
            # "called the decision regrettable", "held Washington responsible": only for a verb with rows that
            # name such adjectives ("knocked the websites offline" is a particle)
            adj = {c.lemma_.lower(), c.lower_}
            if any(e.obj & adj for e in entries):
                predicate |= adj
        elif c.dep_ == "prep" and c.lower_ == "as":
            for g in c.children:
                if g.dep_ == "pobj":
                    as_forms |= _object_forms(g)[1]
        elif c.dep_ == "dobj":  # "described the seizure of its property as daylight robbery": 'as' on the object
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "as" and p.i > c.i:
                    for g in p.children:
                        if g.dep_ == "pobj":
                            as_forms |= _object_forms(g)[1]
    for c in tok.children:  # "designated the Houthis a terrorist organisation", parsed as dative + apposition
        if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN"):
            for g in c.children:
                if g.dep_ == "appos" and g.pos_ == "NOUN" and g.i > c.i:
                    predicate |= _object_forms(g)[1]
    for c in tok.children:  # "branded the delegation's trip a provocation", parsed as object + apposition (no
        # comma): only when a naming row of this verb lists the word ("hit the town, a rebel stronghold" keeps its sense)
        if c.dep_ == "dobj":  # (or as an object of the object: "called Tuesday's hospital strike a horrific massacre")
            for g in c.children:
                if g.dep_ in ("appos", "dobj") and g.pos_ == "NOUN" and g.i > c.i and not any(
                        t.is_punct for t in g.doc[c.i + 1:g.i]):
                    named = _object_forms(g)[1]
                    if any("predicate" in e.flags and e.obj & named for e in entries):
                        predicate |= named
    after = " ".join(t.lower_ for t in tok.subtree if t.i > tok.i)
    for phrase in _object_phrases():  # "declared the attache persona non grata": parsed in odd pieces
        if f" {phrase} " in f" {after} " and any(phrase in e.obj for e in entries):
            predicate.add(phrase)
    dobjs = [c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    if tok.dep_ == "relcl" and len(dobjs) == 1 and tok.head.pos_ == "NOUN" and not any(
            c.dep_ in ("dobj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in tok.children) and any(
            "predicate" in e.flags and e.obj & _object_forms(dobjs[0])[1] for e in entries):
        # "in an attack Zelensky called terror": the relative head is the object, the noun its predicate
        predicate |= _object_forms(dobjs[0])[1]
    if len(dobjs) >= 2 and not any(t.dep_ == "punct" for t in tok.doc[dobjs[0].i:dobjs[-1].left_edge.i]):
        # "branded the strike a war crime", parsed as two objects: the second names the first; after a comma
        # it is a loose apposition ("fired two missiles on Thursday, the first launches in a month") and names nothing
        predicate |= _object_forms(dobjs[-1])[1]
    if predicate:
        obj_forms |= predicate
        head_forms = predicate
    agent_forms: set[str] = set()  # "exporters were hit by the fall in the currency": the cause decides the sense
    for c in tok.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    agent_forms |= noun_forms(g)
    out = []
    for e in entries:
        if e.prt and not _has_prt(tok, e.prt):
            continue
        if "visitor" in e.flags and not (_purpose_infinitive(tok) or visiting_role_subject(tok)):
            continue  # "the envoy is in Khartoum", "is in Ankara to attend ..."; "troops are in Syria for the long term"
        # "took Israel to court": the object of the entry's own preposition counts
        if e.obj and not (e.obj & obj_forms) and not ("predicate" in e.flags and e.obj & as_forms) and not (
                e.prt.startswith("prep:") and e.obj & _prep_object_forms(tok, e.prt[5:])):
            continue
        if "predicate" in e.flags and not (e.obj & (predicate | as_forms)):
            continue  # "described the attack" is no charge; "described the attack as terrorism" is
        if e.not_obj and e.not_obj & (obj_forms | agent_forms):
            continue  # another sense: "hit a record high", "began a hunger strike", "cannot match its spending"
        out.append(e)
    if predicate:  # "called the strike a success": naming, not calling a strike
        out = [e for e in out if not e.obj or e.obj & predicate]
    if not out:
        return []
    # "protesters stormed parliament", "rioters torched cars": with a crowd for subject the entries flagged
    # crowd (a riot) win over the armed senses; with any other subject they are no event
    if any("crowd" in e.flags for e in out):
        if crowd_subject(tok):
            crowd = [e for e in out if "crowd" in e.flags or e.is_speech]
            out = crowd + [e for e in out if e not in crowd and e.event == "PROTEST"]
        else:
            out = [e for e in out if "crowd" not in e.flags]
        if not out:
            return []
    best_event = [e for e in out if not e.is_speech]
    speech = [e for e in out if e.is_speech]
    result: list[LexEntry] = []
    if best_event:
        top = best_event[0].specificity()
        tied = [e for e in best_event if e.specificity() == top]
        # "launched a missile attack": the object's head noun decides over its modifier; then a phrasal verb over a
        # preposition ("fired back at Washington": the retort, not fire at)
        result.append(next((e for e in tied if e.obj & head_forms), None) or
                      next((e for e in tied if e.prt.startswith("prt:")), tied[0]))
    result.extend(speech[:1])
    return result


def crowd_subject(tok: Token) -> bool:
    """The subject of the verb is a crowd ("protesters", "angry youths", "thousands of demonstrators")."""
    from .arguments import subject_token

    subj, _ = subject_token(tok)
    if subj is None:
        return False
    words = {subj.lemma_.lower(), subj.lower_}
    # "Buddhist monks and other protesters defied a ban": a crowd among coordinated subjects
    words |= {x.lemma_.lower() for x in subj.conjuncts} | {x.lower_ for x in subj.conjuncts}
    counted = []
    for c in subj.children:
        if c.dep_ in ("compound", "amod"):
            words.add(c.lemma_.lower())
        elif c.dep_ == "prep" and c.lower_ == "of":  # "hundreds of protesters"
            counted += [g for g in c.children if g.dep_ == "pobj"]
    words |= {g.lemma_.lower() for g in counted}
    if words & _crowd_words():
        return True
    # "thousands stormed parliament", "hundreds of Sri Lankans", "thousands of people": a crowd counted
    if subj.lower_ in _crowd_quantities() or subj.lemma_.lower() in _crowd_quantities():
        return not counted or any(g.tag_ == "NNPS" or g.lower_ in _crowd_people() for g in counted)
    return False


COPULAS = {"be"}


def _purpose_infinitive(tok: Token) -> bool:
    """The verb governs a to-infinitive ("is in Ankara to attend a conference")."""
    return any(x.dep_ in ("xcomp", "ccomp", "advcl") and any(a.lower_ == "to" and a.dep_ == "aux" for a in x.children)
               for x in tok.children)


def visiting_role_subject(tok: Token) -> bool:
    """The subject is named as an envoy, mediator or delegation ("the U.S. special envoy", "Obasanjo, the AU's special
    envoy"; words/events.yaml visiting_roles): one who is somewhere on a visit."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    words = [subj] + [c for c in subj.children if c.dep_ in ("compound", "appos")]
    roles = _visiting_roles()
    return any(w.lemma_.lower() in roles or w.lower_ in roles for w in words)


@lru_cache(maxsize=1)
def _visiting_roles() -> frozenset[str]:
    from .words import word_set

    return word_set("events", "visiting_roles")


@lru_cache(maxsize=1)
def _object_phrases() -> frozenset[str]:
    from .words import word_set

    return word_set("events", "object_phrases")


@lru_cache(maxsize=1)
def _crowd_quantities() -> frozenset[str]:
    from .words import word_set

    return word_set("events", "crowd_quantities")


@lru_cache(maxsize=1)
def _crowd_people() -> frozenset[str]:
    from .words import word_set

    return word_set("events", "crowd_people")


@lru_cache(maxsize=1)
def _attribution_verbs() -> frozenset[str]:
    from .words import word_set

    return word_set("events", "attribution_verbs")


@lru_cache(maxsize=1)
def _crowd_words() -> frozenset[str]:
    from .words import word_set

    return word_set("events", "crowd_subjects")


def _prep_object_forms(tok: Token, word: str) -> set[str]:
    """Forms of the object of preposition `word` on the verb or on its direct object ("referred the
    killings to the court")."""
    out: set[str] = set()
    heads = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
    for c in (c for h in heads for c in h.children):
        if c.dep_ in ("prep", "dative") and c.lower_ == word:
            for g in c.children:
                if g.dep_ == "pobj":
                    out |= _object_forms(g)[0]
    return out


@lru_cache(maxsize=1)
def _under_verbs() -> frozenset[str]:
    from .words import word_set

    return word_set("events", "under_verbs")


@lru_cache(maxsize=1)
def _under_rows() -> frozenset[str]:
    from .words import word_set

    return word_set("events", "under_rows")


def under_verb(tok: Token) -> Token | None:
    """The verb of "X came under attack", "was under heavy fire", "remained under Russian shelling" when `tok` is the
    noun after 'under' (words/events.yaml under_verbs), or None. The parser may read "came under heavy Russian
    shelling" as 'Russian' the object of 'under' and 'shelling' a participle of 'came': that participle counts."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.dep_ == "prep":
        verb = tok.head.head
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _under_verbs():
            return verb
        return None
    verb = tok.head
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "dobj", "conj", "acl") and verb != tok and \
            verb.lemma_.lower() in _under_verbs() and not any(c.dep_ in ("dobj", "nsubj", "aux") for c in tok.children):
        for p in verb.children:
            if p.dep_ == "prep" and p.lower_ == "under" and p.right_edge.i == tok.i - 1 and any(
                    g.dep_ == "pobj" and g.pos_ in ("ADJ", "PROPN") for g in p.children):
                return verb
    return None


def match_noun(tok: Token, lex: Lexicon | None = None) -> LexEntry | None:
    """The noun-lexicon entry for this noun token (multi-word lemmas checked against compounds); the entries of the
    rows named in words/events.yaml `under_rows` only as the noun after "came under", "was under" ("came under fire
    from Israeli tanks")."""
    lex = lex or load_lexicon()
    forms = noun_forms(tok)
    if tok.lower_.endswith("ing") and not tok.lemma_.lower().endswith("ing"):
        forms.discard(tok.lemma_.lower())  # "according" is no "accord", "meeting" may be lemmatised "meet"
    for form in sorted(forms, key=len, reverse=True):
        entries = lex.nouns.get(form)
        if not entries:
            continue
        mods = " ".join(c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i)
        patient: set[str] | None = None
        for e in sorted(entries, key=lambda e: (-len(e.lemma), -len(e.obj))):
            words = e.lemma.split()
            if len(words) > 1 and " ".join(words[:-1]) not in mods:
                continue
            if e.id.rpartition(".")[0] in _under_rows() and under_verb(tok) is None:
                continue
            if e.obj or e.not_obj:
                if patient is None:
                    patient = noun_patient_forms(tok)
                if e.obj and not (e.obj & patient):
                    continue
                if e.not_obj & patient:
                    continue
            return e
    return None


def noun_patient_forms(tok: Token) -> set[str]:
    """Forms of what an event noun acts on: "the expulsion of two diplomats", "diplomat expulsions",
    "a ban on imports", "arms deliveries to Kyiv"."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i:
            out |= noun_forms(c)
        elif c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "from"):
            for g in c.children:
                if g.dep_ == "pobj":
                    out |= _object_forms(g)[0]
    return out


def _object_forms(noun: Token) -> tuple[set[str], set[str]]:
    """Forms of a noun with its compounds and adjectives, and the forms of its head; after a quantity
    ("dozens of missiles", "700 kg of medicine") the counted noun is the head."""
    forms = noun_forms(noun)
    head = set(forms)
    amount = noun.lemma_.lower() in AMOUNT_WORDS
    for c in noun.children:
        if c.dep_ in ("compound", "amod"):
            forms |= noun_forms(c)
        if c.dep_ in ("compound", "amod", "nmod"):  # "search and rescue operations": each coordinated modifier
            for cj in c.conjuncts:
                forms |= noun_forms(cj)
            if c.dep_ == "nmod":
                forms |= noun_forms(c)
        if amount and c.dep_ in ("nummod", "quantmod", "compound") and c.lemma_.lower() in AMOUNT_WORDS:
            forms |= noun_forms(c)
        if amount and c.dep_ == "prep" and c.lower_ in ("in", "of"):  # "$6 billion in Iranian funds"
            for g in c.children:
                if g.dep_ == "pobj":
                    counted = noun_forms(g)
                    forms |= counted | {f for m in g.children if m.dep_ in ("compound", "amod") for f in noun_forms(m)}
                    head |= counted
        if c.dep_ == "prep" and c.lower_ == "of" and noun.lemma_.lower() in QUANTITY_NOUNS:
            for g in c.children:
                if g.dep_ == "pobj":
                    counted = noun_forms(g)
                    forms |= counted
                    head |= counted
                    for m in g.children:  # "part of a military aid programme": its modifiers too
                        if m.dep_ in ("compound", "amod"):
                            forms |= noun_forms(m)
    return forms, head
