"""Language identification: the detector over every lingua language vs the old 11-language one.

Prints, for each: the time to build and load the models (first call), the mean time per article
and per short text, and how many of the labelled texts it gets right (sentences the team wrote in
20 languages, repeated into article-length texts). Both run in this process, the baseline first.

    .venv/bin/python bench/bench_language.py [--n 400]
"""

from __future__ import annotations

import argparse
import random
import resource
import time

SENTENCES = {
    "en": "The foreign minister said on Monday that talks with neighbouring countries would continue next week.",
    "fr": "Le ministre des Affaires étrangères a déclaré lundi que les discussions avec les pays voisins se poursuivraient.",
    "es": "El ministro de Asuntos Exteriores dijo el lunes que las conversaciones con los países vecinos continuarán.",
    "de": "Der Außenminister sagte am Montag, dass die Gespräche mit den Nachbarländern fortgesetzt werden.",
    "pt": "O ministro dos Negócios Estrangeiros disse na segunda-feira que as conversações vão continuar.",
    "it": "Il ministro degli Esteri ha detto lunedì che i colloqui con i paesi vicini continueranno la prossima settimana.",
    "ru": "Министр иностранных дел заявил в понедельник, что переговоры с соседними странами продолжатся.",
    "uk": "Міністр закордонних справ заявив у понеділок, що переговори з сусідніми країнами продовжаться.",
    "pl": "Minister spraw zagranicznych powiedział w poniedziałek, że rozmowy z sąsiednimi krajami będą kontynuowane.",
    "cs": "Ministr zahraničí v pondělí řekl, že rozhovory se sousedními zeměmi budou pokračovat příští týden.",
    "nl": "De minister van Buitenlandse Zaken zei maandag dat de gesprekken met de buurlanden worden voortgezet.",
    "tr": "Dışişleri bakanı pazartesi günü komşu ülkelerle görüşmelerin gelecek hafta devam edeceğini söyledi.",
    "vi": "Bộ trưởng Ngoại giao cho biết hôm thứ Hai rằng các cuộc đàm phán với các nước láng giềng sẽ tiếp tục.",
    "fa": "وزیر امور خارجه روز دوشنبه گفت که مذاکرات با کشورهای همسایه هفته آینده ادامه خواهد یافت.",
    "ar": "قال وزير الخارجية يوم الاثنين إن المحادثات مع الدول المجاورة ستستمر الأسبوع المقبل.",
    "ko": "외교부 장관은 월요일 이웃 국가들과의 회담이 다음 주에도 계속될 것이라고 말했다.",
    "ja": "外務大臣は月曜日、近隣諸国との協議は来週も続くと述べた。",
    "zh": "外交部长星期一表示，与邻国的会谈将于下周继续进行。",
    "sv": "Utrikesministern sade på måndagen att samtalen med grannländerna kommer att fortsätta nästa vecka.",
    "ro": "Ministrul de externe a declarat luni că discuțiile cu țările vecine vor continua săptămâna viitoare.",
}
SHORT = [("en", "Abe met Putin."), ("en", "Kim Jong Un met Moon Jae-in."), ("fr", "Le président a parlé hier soir."),
         ("es", "El gobierno anunció nuevas sanciones."), ("uk", "Президент України заявив про переговори."),
         ("pl", "Premier Polski spotkał się z prezydentem.")]
OLD_LANGUAGES = ("ENGLISH", "FRENCH", "SPANISH", "GERMAN", "PORTUGUESE", "ITALIAN", "RUSSIAN", "CHINESE", "JAPANESE",
                 "KOREAN", "ARABIC")


def old_detector():
    """The detector before this change (11 languages, high accuracy, 2,000 characters)."""
    from lingua import Language, LanguageDetectorBuilder

    det = LanguageDetectorBuilder.from_languages(*[getattr(Language, n) for n in OLD_LANGUAGES]).build()

    def detect(text: str) -> str | None:
        sample = text[:2000]
        if len(sample.split()) < 20:
            values = det.compute_language_confidence_values(sample)
            best = values[0]
            en = next((v.value for v in values if v.language.iso_code_639_1.name == "EN"), 0.0)
            if best.language.iso_code_639_1.name != "EN" and en >= 0.5 * best.value:
                return "en"
            return best.language.iso_code_639_1.name.lower()
        lang = det.detect_language_of(sample)
        return lang.iso_code_639_1.name.lower() if lang else None

    return detect


def corpus(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """Article-length texts, 70% English as in the project's feeds, the rest spread over 19 languages."""
    rng = random.Random(seed)
    langs = list(SENTENCES)
    out = []
    for _ in range(n):
        lang = "en" if rng.random() < 0.7 else rng.choice(langs[1:])
        words = SENTENCES[lang].split()
        paras = []
        for _k in range(rng.randint(8, 25)):
            w = words[:]
            rng.shuffle(w) if rng.random() < 0.5 else None
            paras.append(" ".join(w))
        out.append((lang, "\n\n".join(paras)))
    return out


def run(name: str, detect, docs: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    """First pass: models load as languages turn up; second pass: the steady per-text cost."""
    texts = [t for _, t in docs] + [t for _, t in SHORT]
    t0 = time.perf_counter()
    for t in texts:
        detect(t)
    first = time.perf_counter() - t0
    t1 = time.perf_counter()
    right = sum(detect(text) == lang for lang, text in docs)
    per_doc = (time.perf_counter() - t1) / len(docs)
    t2 = time.perf_counter()
    short_right = sum(detect(text) == lang for lang, text in SHORT)
    per_short = (time.perf_counter() - t2) / len(SHORT)
    load = first - per_doc * len(docs) - per_short * len(SHORT)
    wrong = sorted({lang for lang, text in docs if detect(text) != lang})
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{name:<28} model loading {load:5.1f} s | {1000 * per_doc:5.2f} ms/article | "
          f"{1000 * per_short:5.2f} ms/short text | right {right}/{len(docs)} articles "
          f"(wrong: {', '.join(wrong) or 'none'}), {short_right}/{len(SHORT)} short | peak RSS so far {rss:.0f} MB")


def ingest_rate(detect, docs: list[tuple[str, str]]) -> float:  # type: ignore[no-untyped-def]
    """Articles per second of a whole `ingest` (read, clean, detect, code, store) with `detect`."""
    import tempfile
    from pathlib import Path

    from dyadwatch.ingest import readers
    from dyadwatch.pipeline import ingest_paths

    saved = readers.detect_language
    readers.detect_language = detect
    try:
        with tempfile.TemporaryDirectory() as d:
            for k, (_, text) in enumerate(docs):
                Path(d, f"a{k:04d}.txt").write_text(f"Date: 2019-03-{1 + k % 28:02d}\n\n{text}\n", encoding="utf-8")
            t0 = time.perf_counter()
            rep = ingest_paths([d], db=Path(d) / "b.duckdb")
            return rep.read / (time.perf_counter() - t0)
    finally:
        readers.detect_language = saved


NEWS = ["SEOUL (Test Wire) - North Korea fired two short-range missiles into the sea on {d}, officials said.",
        "Japan and South Korea agreed on {d} to resume a security dialogue, their ministers said.",
        "China urged the United States and North Korea to return to talks on {d}, a spokesman said.",
        "The United States imposed new sanctions on North Korean banks on {d}, the Treasury said."]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--ingest", type=int, default=40, help="articles for the whole-ingest comparison (0: skip)")
    args = ap.parse_args()
    docs = corpus(args.n)
    old = old_detector()
    run("before: 11 languages", old, docs)
    from dyadwatch.ingest.language import detect_language

    run("after: every lingua language", detect_language, docs)
    if args.ingest:
        days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
        news = [("en", " ".join(NEWS[(k + j) % 4].format(d=days[(k * j) % 5]) for j in range(12)))
                for k in range(args.ingest)]
        ingest_rate(old, news[:2])  # load spaCy and both detectors' models before timing
        ingest_rate(detect_language, news[:2])
        rates: dict[str, list[float]] = {"before": [], "after": []}
        for _round in range(3):  # alternated, best of three: the machine is shared
            rates["before"].append(ingest_rate(old, news))
            rates["after"].append(ingest_rate(detect_language, news))
        before, after = max(rates["before"]), max(rates["after"])
        print(f"whole ingest of {len(news)} English articles (best of 3): before {before:.1f} articles/s, "
              f"after {after:.1f} articles/s ({100 * (after - before) / before:+.0f}%)")


if __name__ == "__main__":
    main()
