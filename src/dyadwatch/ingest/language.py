"""Language identification (lingua), restricted to a handful of languages and built once."""

from __future__ import annotations

from functools import lru_cache

# The languages the detector chooses between: English plus the languages most likely to turn up
# in a news feed about East Asia, Russia and Europe.
LANGUAGES = ("ENGLISH", "FRENCH", "SPANISH", "GERMAN", "PORTUGUESE", "ITALIAN",
             "RUSSIAN", "CHINESE", "JAPANESE", "KOREAN", "ARABIC")
SAMPLE_CHARS = 2000  # the opening of the text is enough to tell


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, name) for name in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("en", "fr", ...), None when it cannot be told."""
    sample = (text or "")[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 3:
        return None
    lang = _detector().detect_language_of(sample)
    if lang is None:
        return None
    return lang.iso_code_639_1.name.lower()
