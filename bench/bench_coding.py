"""Coder speed against spaCy's bare full pipeline, and proof that the prefilter loses no event.

usage: python bench/bench_coding.py [TEXT_OR_JSONL_FILES...]   (default: the bundled sample corpus)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from dyadwatch.coding import Coder
from dyadwatch.ingest.article import Article
from dyadwatch.nlp import get_nlp


def load_texts(paths: list[Path]) -> list[str]:
    texts: list[str] = []
    for p in paths:
        if p.is_dir():
            texts.extend(load_texts(sorted(q for q in p.rglob("*") if q.suffix in (".txt", ".jsonl"))))
        elif p.suffix == ".jsonl":
            for line in p.read_text("utf-8", errors="replace").splitlines():
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                if isinstance(rec, dict) and isinstance(rec.get("text"), str):
                    texts.append(rec["text"])
        elif p.suffix == ".txt":
            texts.append(p.read_text("utf-8", errors="replace"))
    return texts


def main(argv: list[str]) -> int:
    default = Path(__file__).resolve().parents[1] / "src" / "dyadwatch" / "sample"
    texts = load_texts([Path(a) for a in argv] or [default])
    if not texts:
        print("no texts found", file=sys.stderr)
        return 1
    nlp = get_nlp()
    coder = Coder(nlp)
    words = sum(len(t.split()) for t in texts)
    arts = [Article(text=t, raw_id=str(i), date="2020-01-01") for i, t in enumerate(texts)]
    for a in arts[:5]:
        coder.code(a)  # warm up (date parser, lexicon, matcher)

    def timed(fn):
        t0 = time.perf_counter()
        out = fn()
        return time.perf_counter() - t0, out

    # best of three rounds, interleaved, so that a busy machine hurts every contender alike
    bare = ours = everything = float("inf")
    fast: list = []
    full: list = []
    for _ in range(3):
        t, _ = timed(lambda: list(nlp.pipe(texts, batch_size=32)))
        bare = min(bare, t)
        t, fast = timed(lambda: coder.code_many(arts))
        ours = min(ours, t)
        t, full = timed(lambda: coder.code_many(arts, parse_all=True))
        everything = min(everything, t)

    def keys(evs):
        return {(e.story_id, e.event, e.trigger_start, tuple(a.code for a in e.actor),
                 tuple(r.code for r in e.recipient), e.modality) for e in evs}

    fk = set().union(*(keys(x) for x in fast))
    ak = set().union(*(keys(x) for x in full))
    print(f"{len(texts)} texts, {words} words")
    print(f"spaCy full pipeline:        {words / bare:9.0f} words/s")
    print(f"coder (prefilter):          {words / ours:9.0f} words/s  ({len(fk)} events)")
    print(f"coder (parse every sentence): {words / everything:7.0f} words/s  ({len(ak)} events)")
    missing, extra = ak - fk, fk - ak
    print(f"events lost by the prefilter: {len(missing)}; only with the prefilter: {len(extra)}")
    for k in sorted(missing, key=str)[:20]:
        print("  lost:", k)
    for k in sorted(extra, key=str)[:20]:
        print("  extra:", k)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
