"""Can a sentence hold an event? Decided before any parse, from the tokenizer, the actor mentions and
the lexicon's surface forms; also which lines are no reports (headlines, link lists, captions) and
where a dateline ("SEOUL, March 3 (Reuters) - ") ends."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span

from ..ingest.debris import find_dateline
from .actors import Mention
from .coref import GENERIC_STATE, PAIR_NOUNS, PRONOUNS_GROUP, PRONOUNS_PERSON

LINK_LINE = re.compile(r"(?i)^(?:related|read more|read also|see also|watch|more|also read|recommended|"
                       r"most read|trending|photo|video|listen)\b\s*[:|-]")
# words that can refer to an actor named in another sentence
REFERRING_WORDS = PRONOUNS_GROUP | PRONOUNS_PERSON | GENERIC_STATE | PAIR_NOUNS | {"both", "each"}
CLOSING = ".!?\"'\u201d\u2019)"
_ROLES: dict[int, tuple[object, frozenset[str]]] = {}


def role_words() -> frozenset[str]:
    """The knowledge base's role words ("police", "gunmen", "protesters", "officials") and their plurals.
    The coder resolves them from the article's other sentences ("Police were forced to open fire" after
    "... clashes between police and protesters in Nairobi": KEN), so they count as a reference when the
    article names a country or place anywhere."""
    from .actors import get_kb

    kb = get_kb()
    hit = _ROLES.get(id(kb))
    if hit is None or hit[0] is not kb:
        out: set[str] = set()
        for phrase in getattr(kb, "sector_words", None) or {}:
            for w in str(phrase).lower().split():
                if w in ("of", "the", "and", "for", "in", "on"):
                    continue
                out |= {w, w + "s", w + "es"}
                if w.endswith("y"):
                    out.add(w[:-1] + "ies")
                if w.endswith("man"):
                    out.add(w[:-3] + "men")
        hit = (kb, frozenset(out))
        _ROLES.clear()
        _ROLES[id(kb)] = hit
    return hit[1]


def may_hold_event(doc: Doc, mentions: list[Mention], forms: set[str] | frozenset[str]) -> list[bool]:
    """Sentence by sentence: can it hold an event (an actor mention or a reference, and a trigger form)?"""
    out = []
    roles = role_words() if mentions else frozenset()
    by_sent: dict[int, int] = {}
    sents = list(doc.sents)
    starts = [s.start for s in sents]
    # capitalised words just after a country ("North Korean leader Kim Jong Un"): later "Kim" is a name
    names: set[str] = set()
    for m in mentions:
        k = bisect.bisect_right(starts, m.start) - 1
        by_sent[k] = by_sent.get(k, 0) + 1
        if m.kind == "person" and m.end - m.start >= 2:
            names.update(t.text for t in (doc[m.start], doc[m.end - 1]) if t.is_alpha and len(t) > 2)
        if m.kind in ("country", "demonym"):
            names.update(t.text for t in doc[m.end:min(m.end + 7, len(doc))]
                         if t.text[:1].isupper() and t.is_alpha and len(t) > 2)
    for k, s in enumerate(sents):
        words = {t.lower_ for t in s}
        has_trigger = bool(words & forms)
        has_actor = by_sent.get(k, 0) > 0 or bool(words & REFERRING_WORDS) or not words.isdisjoint(roles) or \
            any(t.text in names for t in s[1:]) or (len(s) > 0 and s[0].text in names)
        out.append(has_trigger and has_actor)
    return out


def drop_non_reports(text: str, sents: list[Span], flags: list[bool]) -> None:
    """In text with line breaks, headlines, link lists and captions ("Related: Israel strikes Syria
    again") are no reports: a short line without closing punctuation, or one that starts like a link."""
    if "\n" not in text.strip():
        return
    for k, s in enumerate(sents):
        line = s.text.strip()
        if LINK_LINE.match(line) or (len(s) < 20 and line and line[-1] not in CLOSING):
            flags[k] = False


def report_start(text: str, k: int, sent: Span) -> int:
    """Where the report of sentence `k` starts: after a dateline that opens the text or a line."""
    if k == 0 or "\n" in text[max(0, sent.start_char - 2):sent.start_char + 1]:
        lead = len(text[sent.start_char:sent.end_char]) - len(text[sent.start_char:sent.end_char].lstrip())
        d = find_dateline(text[sent.start_char + lead:sent.end_char])
        if d and sent.start_char + lead + d["end"] < sent.end_char:
            return sent.start_char + lead + d["end"]
    return sent.start_char
