"""Ingest-and-code throughput on the bundled sample corpus, next to spaCy's bare pipeline speed.

    .venv/bin/python bench/bench_ingest.py [--repeat N]

Prints articles/s and words/s for: reading (parse, clean, language), the whole ingest
(read + code + store into a fresh DuckDB file) with the merge of reports into events on (the default)
and off (`merge=False`: every report its own event), and spaCy's full pipeline (nlp.pipe) over the
same cleaned texts on the same machine. Each figure is the best of N runs after one warm-up run; the
two ingests alternate, so that a busy machine slows both alike.
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from dyadwatch.ingest import Article, read_paths
from dyadwatch.nlp import get_nlp
from dyadwatch.pipeline import ingest_paths, sample_dir


def best_of(n: int, fn: Callable[[], object]) -> float:
    fn()  # warm-up: models loaded, caches filled
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    folder = sample_dir()
    arts = [a for a in read_paths([folder]) if isinstance(a, Article)]
    english = [a for a in arts if a.language == "en"]
    n_art = len(arts)
    words = sum(len(a.text.split()) for a in arts)
    en_words = sum(len(a.text.split()) for a in english)

    t_read = best_of(args.repeat, lambda: list(read_paths([folder])))

    with tempfile.TemporaryDirectory() as tmp:
        counter = iter(range(10**6))

        def ingest_fresh(merge: bool) -> float:
            t0 = time.perf_counter()
            report = ingest_paths([folder], db=Path(tmp) / f"bench{next(counter)}.duckdb", merge=merge)
            assert report.stored_new == n_art, report.as_dict()
            return time.perf_counter() - t0

        ingest_fresh(True)  # warm-up
        runs: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(args.repeat):
            for merge in (False, True):
                runs[merge].append(ingest_fresh(merge))
        t_ingest, t_nomerge = min(runs[True]), min(runs[False])

    nlp = get_nlp()
    texts = [a.text for a in english]
    t_spacy = best_of(args.repeat, lambda: list(nlp.pipe(texts, batch_size=16)))

    print(f"dyadwatch ingest benchmark: {n_art} sample articles ({len(english)} English), {words} words; "
          f"best of {args.repeat}; {platform.processor() or platform.machine()}, "
          f"python {platform.python_version()}")
    print(f"spaCy pipeline: {nlp.meta.get('name')} {nlp.meta.get('version')} ({', '.join(nlp.pipe_names)})")
    rows = [
        ("read + clean + language", n_art, words, t_read),
        ("ingest, merging off (baseline)", n_art, words, t_nomerge),
        ("ingest: read + code + store + merge", n_art, words, t_ingest),
        ("spaCy nlp.pipe alone (English texts)", len(english), en_words, t_spacy),
    ]
    print(f"{'stage':40s} {'seconds':>8s} {'articles/s':>11s} {'words/s':>9s}")
    for name, n, w, t in rows:
        print(f"{name:40s} {t:8.2f} {n / t:11.1f} {w / t:9.0f}")
    print(f"ingest speed relative to bare spaCy (words/s): {(words / t_ingest) / (en_words / t_spacy):.2f}")
    print(f"merging reports into events: ingest speed {100 * (t_nomerge / t_ingest - 1):+.1f}% "
          f"(articles/s with merging on vs off)")


if __name__ == "__main__":
    main()
