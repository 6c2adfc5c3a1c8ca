"""Language identification (lingua) over every language lingua knows, fast.

Two detectors, each built once:
- every language (75), in lingua's low-accuracy mode (trigram models only: 3 s to load and under
  100 MB, against 80 s and 1.1 GB for all languages in high-accuracy mode). On a text of
  `SHORT_WORDS` words or more it is as accurate as the full models, so an article's language is told
  from its first `SAMPLE_CHARS` characters in a few milliseconds. (Where it hesitates between
  close languages, Indonesian/Malay or Croatian/Bosnian, its first choice stands: asking the
  high-accuracy models would load them, seconds per language, on odd input too.)
- for short texts (a headline, a line of names) the low-accuracy models are unreliable, so the
  high-accuracy models of `SHORT_LANGUAGES` and of the low-accuracy models' guess, when it is sure,
  decide (13 or 14 languages), with English preferred whenever its confidence is at least half the
  best language's: a few words, mostly names ("Abe met Putin."), are easily mistaken. lingua loads
  each language's high-accuracy models once, when first needed.
"""

from __future__ import annotations

from functools import lru_cache

SAMPLE_CHARS = 400  # the opening of the text is enough to tell (some 60 words)
SHORT_WORDS = 20
DECISIVE = 0.75  # the low-accuracy models' confidence in a short text's language that is taken as a hint
# the languages a short text is told between, besides the best guess of the low-accuracy models
SHORT_LANGUAGES = ("ENGLISH", "FRENCH", "SPANISH", "GERMAN", "PORTUGUESE", "ITALIAN", "RUSSIAN", "UKRAINIAN",
                   "POLISH", "CHINESE", "JAPANESE", "KOREAN", "ARABIC")


@lru_cache(maxsize=1)
def _all_languages():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


@lru_cache(maxsize=64)
def _precise(names: tuple[str, ...]):
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, n) for n in names]
    if len(langs) == 1:  # lingua needs two languages to choose between
        langs.append(Language.ENGLISH if langs[0] != Language.ENGLISH else Language.FRENCH)
    return LanguageDetectorBuilder.from_languages(*langs).build()


def _code(language) -> str:  # type: ignore[no-untyped-def]
    return language.iso_code_639_1.name.lower()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("en", "uk", ...), None when it cannot be told."""
    sample = (text or "")[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 3:
        return None
    if len(sample.split()) < SHORT_WORDS:
        rough = _all_languages().compute_language_confidence_values(sample)
        names = set(SHORT_LANGUAGES) | {v.language.name for v in rough[:1] if v.value >= DECISIVE}
        values = _precise(tuple(sorted(names))).compute_language_confidence_values(sample)
        if not values or values[0].value <= 0:
            return None
        best = values[0]
        en = next((v.value for v in values if _code(v.language) == "en"), 0.0)
        if _code(best.language) != "en" and en >= 0.5 * best.value:
            return "en"
        return _code(best.language)
    lang = _all_languages().detect_language_of(sample)
    return _code(lang) if lang is not None else None


__all__ = ["detect_language"]
