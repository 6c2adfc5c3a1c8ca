"""Coder speed against spaCy's bare full pipeline, and proof that the prefilter loses no event.

usage: python bench/bench_coding.py [--rounds N] [--lost K] [TEXT_OR_JSONL_FILES...]
       (default: the bundled sample corpus)

Three contenders run in each round, interleaved, so that a busy machine slows each alike: spaCy's full
pipeline over the whole texts (`nlp.pipe`), the coder with its prefilter (`Coder.code_many`, what
`dyadwatch code` and the ingest run) and the coder parsing every sentence (`parse_all=True`). Printed:
the median and the best of the rounds, as words/s of wall-clock time and of CPU time (the CPU figure is
less disturbed by other processes on shared cores), and the coder's speed as a multiple of spaCy's.
Then the events found only when every sentence is parsed: what the prefilter loses (should be none).
A JSON-lines file's records keep their own date (`date`) and id (`id`), as in the gold files.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from dyadwatch.coding import Coder
from dyadwatch.ingest.article import Article
from dyadwatch.nlp import get_nlp

DEFAULT_DATE = "2020-01-01"


def load_records(paths: list[Path]) -> list[tuple[str, str, str]]:
    """(text, date, id) of every text: .txt files, and the records of .jsonl files with a "text"."""
    out: list[tuple[str, str, str]] = []
    for p in paths:
        if p.is_dir():
            out.extend(load_records(sorted(q for q in p.rglob("*") if q.suffix in (".txt", ".jsonl"))))
        elif p.suffix == ".jsonl":
            for n, line in enumerate(p.read_text("utf-8", errors="replace").splitlines()):
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                if isinstance(rec, dict) and isinstance(rec.get("text"), str):
                    date = rec.get("date") if isinstance(rec.get("date"), str) else DEFAULT_DATE
                    out.append((rec["text"], date[:10] or DEFAULT_DATE, str(rec.get("id") or f"{p.stem}:{n}")))
        elif p.suffix == ".txt":
            out.append((p.read_text("utf-8", errors="replace"), DEFAULT_DATE, p.stem))
    return out


def load_texts(paths: list[Path]) -> list[str]:
    return [t for t, _, _ in load_records(paths)]


def _timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - w0, time.process_time() - c0, out


def event_keys(evs: list) -> set[tuple]:
    return {(e.story_id, e.event, e.trigger_start, tuple(a.code for a in e.actor),
             tuple(r.code for r in e.recipient), e.modality) for e in evs}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--rounds", type=int, default=5, help="rounds of the three contenders (median, best)")
    ap.add_argument("--lost", type=int, default=20, help="list this many lost events")
    args = ap.parse_args(argv)
    default = Path(__file__).resolve().parents[1] / "src" / "dyadwatch" / "sample"
    records = load_records(args.paths or [default])
    if not records:
        print("no texts found", file=sys.stderr)
        return 1
    texts = [t for t, _, _ in records]
    nlp = get_nlp()
    coder = Coder(nlp)
    words = sum(len(t.split()) for t in texts)
    arts = [Article(text=t, raw_id=rid, date=d) for t, d, rid in records]
    coder.code_many(arts)  # warm up (date parser, lexicon, matcher, every lazy table)
    list(nlp.pipe(texts[:20], batch_size=32))

    contenders: dict[str, Callable[[], object]] = {
        "spaCy full pipeline": lambda: list(nlp.pipe(texts, batch_size=32)),
        "coder (prefilter)": lambda: coder.code_many(arts),
        "coder (parse every sentence)": lambda: coder.code_many(arts, parse_all=True),
    }
    wall: dict[str, list[float]] = {k: [] for k in contenders}
    cpu: dict[str, list[float]] = {k: [] for k in contenders}
    outs: dict[str, object] = {}
    for _ in range(max(1, args.rounds)):
        for name, fn in contenders.items():
            w, c, outs[name] = _timed(fn)
            wall[name].append(w)
            cpu[name].append(c)

    fast = set().union(*(event_keys(x) for x in outs["coder (prefilter)"]))  # type: ignore[union-attr]
    full = set().union(*(event_keys(x) for x in outs["coder (parse every sentence)"]))  # type: ignore[union-attr]
    n_events = {"coder (prefilter)": len(fast), "coder (parse every sentence)": len(full)}
    base_w = statistics.median(wall["spaCy full pipeline"])
    base_c = statistics.median(cpu["spaCy full pipeline"])
    print(f"{len(texts)} texts, {words} words; {args.rounds} rounds, interleaved")
    print(f"{'':30s} {'wall words/s':>21s} {'CPU words/s':>21s} {'x spaCy':>15s}")
    print(f"{'':30s} {'median':>10s} {'best':>10s} {'median':>10s} {'best':>10s} {'wall':>7s} {'CPU':>7s}")
    for name in contenders:
        mw, mc = statistics.median(wall[name]), statistics.median(cpu[name])
        extra = f"  ({n_events[name]} events)" if name in n_events else ""
        print(f"{name:30s} {words / mw:10.0f} {words / min(wall[name]):10.0f} {words / mc:10.0f} "
              f"{words / min(cpu[name]):10.0f} {base_w / mw:7.2f} {base_c / mc:7.2f}{extra}")
    missing, extra_keys = full - fast, fast - full
    print(f"events lost by the prefilter: {len(missing)}; only with the prefilter: {len(extra_keys)}")
    for k in sorted(missing, key=str)[:args.lost]:
        print("  lost:", k)
    for k in sorted(extra_keys, key=str)[:args.lost]:
        print("  extra:", k)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
