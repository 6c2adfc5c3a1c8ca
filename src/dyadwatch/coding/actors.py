"""Actor mentions in text: knowledge-base aliases (PhraseMatcher), role words and sectors."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

log = logging.getLogger("dyadwatch.coding")



_COMPASS = {"north", "south", "east", "west", "northern", "southern", "the", "of", "and", "republic"}


@dataclass
class Mention:
    start: int  # token indices in the doc
    end: int
    code: str
    sector: str | None
    kind: str
    text: str
    office: str | None = None
    needs_context: bool = False
    ambiguous: bool = False


@lru_cache(maxsize=1)
def get_kb() -> Any:
    try:
        from ..kb import load_kb

        return load_kb()
    except Exception as exc:  # noqa: BLE001 - a broken KB must not stop coding
        log.warning("knowledge base unavailable: %s", exc)
        return None


class ActorFinder:
    """Find actor mentions with a PhraseMatcher over every knowledge-base alias."""

    def __init__(self, nlp: Language, kb: Any = None) -> None:
        self.kb = kb if kb is not None else get_kb()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: dict[str, list[Any]] = {}
        if self.kb is None:
            return
        patterns: dict[str, list[Doc]] = {}
        seen: set[str] = set()
        for form, entry in self.kb.aliases():
            key = form.lower()
            self.entries.setdefault(key, []).append(entry)
            if key in seen:
                continue
            seen.add(key)
            patterns.setdefault("A", []).append(nlp.make_doc(form))
        for label, docs in patterns.items():
            self.matcher.add(label, docs)

    def find(self, doc: Doc | Span, on_date: str | None = None, seen_codes: set[str] | None = None
             ) -> list[Mention]:
        """Longest non-overlapping alias matches, resolved to one entry each (by date for persons)."""
        if self.kb is None:
            return []
        if isinstance(doc, Span):
            offset = doc.start
            matches = self.matcher(doc.as_doc())
            base = doc.doc
        else:
            offset = 0
            matches = self.matcher(doc)
            base = doc
        spans = sorted(((s + offset, e + offset) for _, s, e in matches), key=lambda x: (-(x[1] - x[0]), x[0]))
        taken: set[int] = set()
        out: list[Mention] = []
        deferred: list[tuple[int, int, str, Any]] = []
        looked: list[tuple[int, int, Any]] = []
        for s, e in spans:
            try:
                entries = self.kb.lookup(base[s:e].text, on_date)
            except Exception:  # noqa: BLE001
                entries = self.entries.get(base[s:e].text.lower(), [])
            if entries:
                looked.append((s, e, entries[0]))
        # names that need no context claim their tokens first: "the North Korean regime" is not "the North"
        looked.sort(key=lambda x: (bool(x[2].needs_context), -(x[1] - x[0]), x[0]))
        for s, e, entry in looked:
            if any(i in taken for i in range(s, e)):
                continue
            span = base[s:e]
            text = span.text
            if entry.needs_context:
                deferred.append((s, e, text, entry))
                continue
            taken.update(range(s, e))
            if entry.kind == "nonactor" or not entry.code:
                continue
            if entry.ambiguous and not _looks_like_actor(span):
                continue
            # A lower-case match of a capitalised name ("turkey", "chad") is not the name.
            if text.islower() and entry.kind in ("country", "capital", "demonym") and text[:1].isalpha():
                continue
            out.append(Mention(s, e, entry.code, entry.sector, entry.kind, text, entry.office,
                               entry.needs_context, entry.ambiguous))
        # context aliases ("the North"): their country, or one sharing its name ("South Korea" for
        # North Korea), must be named earlier in the article or in this sentence
        for s, e, text, entry in deferred:
            if any(i in taken for i in range(s, e)):
                continue
            seen = set(seen_codes or ()) | {m.code for m in out if m.start < s}
            if entry.code in seen or self._kin(entry.code, seen):
                out.append(Mention(s, e, entry.code, entry.sector, entry.kind, text, entry.office, True,
                                   entry.ambiguous))
        out.sort(key=lambda m: m.start)
        return out

    def _kin(self, code: str, seen: set[str]) -> bool:
        name_of = getattr(self.kb, "country_name", None)
        if not callable(name_of):
            return False
        mine = {w for w in (name_of(code) or "").lower().split() if w not in _COMPASS}
        if not mine:
            return False
        return any(mine & {w for w in (name_of(c) or "").lower().split() if w not in _COMPASS} for c in seen if c != code)

    def is_country(self, code: str) -> bool:
        countries = getattr(self.kb, "countries", None)
        if isinstance(countries, dict):
            return code in countries
        return len(code) == 3 and code not in ("EUR", "UNO", "IGO", "NGO", "IMG", "MNC")

    def sector_of(self, word: str) -> str | None:
        sector = None
        if self.kb is not None:
            try:
                sector = self.kb.sector_of(word)
            except Exception:  # noqa: BLE001
                sector = None
        return sector or None


def _looks_like_actor(span: Span) -> bool:
    """An ambiguous name ("Jordan", "Chad") counts when capitalised and tagged as a place or group."""
    if not span.text[:1].isupper():
        return False
    if span.doc.has_annotation("ENT_IOB"):
        ents = {t.ent_type_ for t in span}
        if ents & {"GPE", "NORP", "ORG", "LOC"}:
            return True
        if ents & {"PERSON"}:
            return False
    return span.doc.has_annotation("DEP") and any(t.dep_ in ("nsubj", "pobj", "dobj", "poss") for t in span)
