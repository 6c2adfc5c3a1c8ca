"""Language identification (lingua), restricted to a handful of languages and built once."""

from __future__ import annotations

from functools import lru_cache

# The languages the detector chooses between: English plus the languages most likely to turn up
# in a news feed about East Asia, Russia and Europe.
LANGUAGES = ("ENGLISH", "FRENCH", "SPANISH", "GERMAN", "PORTUGUESE", "ITALIAN",
             "RUSSIAN", "CHINESE", "JAPANESE", "KOREAN", "ARABIC")
SAMPLE_CHARS = 2000  # the opening of the text is enough to tell
SHORT_WORDS = 20


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, name) for name in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("en", "fr", ...), None when it cannot be told.

    Short texts (a few words, mostly names) are easily mistaken: below SHORT_WORDS words, English
    wins whenever its confidence is at least half the best language's.
    """
    sample = (text or "")[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 3:
        return None
    det = _detector()
    if len(sample.split()) < SHORT_WORDS:
        values = det.compute_language_confidence_values(sample)
        if not values:
            return None
        best = values[0]
        en = next((v.value for v in values if v.language.iso_code_639_1.name == "EN"), 0.0)
        if best.language.iso_code_639_1.name != "EN" and en >= 0.5 * best.value:
            return "en"
        return best.language.iso_code_639_1.name.lower() if best.value > 0 else None
    lang = det.detect_language_of(sample)
    if lang is None:
        return None
    return lang.iso_code_639_1.name.lower()
