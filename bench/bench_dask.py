"""Ingest-and-code throughput in one process vs on a local Dask cluster.

    python bench/bench_dask.py [--copies 4] [--workers 2]

The sample corpus is repeated `--copies` times (each copy made distinct, so none is skipped as
already stored) and ingested into fresh databases: once locally, once with `--dask local`.
Prints articles/s and words/s for both and checks that they stored the same number of events.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from dyadwatch.distributed import dask_client, dask_coder
from dyadwatch.ingest import read_paths
from dyadwatch.pipeline import ingest_articles, sample_dir
from dyadwatch.store import Store


def corpus(copies: int) -> list:
    base = [a for a in read_paths([sample_dir()]) if not hasattr(a, "message") and a.language in (None, "en")]
    out = []
    for k in range(copies):
        for a in base:
            d = dict(a.__dict__)
            d["text"] = a.text + f"\n\n(Copy {k}.)"
            d["id"] = None
            out.append(type(a)(**{f: d[f] for f in ("text", "title", "url", "date", "source", "language", "path")}))
    return out


def run(articles: list, coder=None) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.duckdb") as store:
        t = time.perf_counter()
        report = ingest_articles(iter(articles), store, coder=coder)
        return time.perf_counter() - t, report.events_stored


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    articles = corpus(args.copies)
    words = sum(len(a.text.split()) for a in articles)
    from dyadwatch.coding import code_text

    code_text("Warm-up: Japan met China.", date="2020-01-01")  # load spaCy before timing
    local_s, local_events = run(articles)
    t = time.perf_counter()
    with dask_client("local", workers=args.workers) as client:
        client.run(lambda: __import__("dyadwatch.coding").coding.code_text("Japan met China.", date="2020-01-01"))
        startup = time.perf_counter() - t
        dask_s, dask_events = run(articles, dask_coder(client))
    rows = {
        "articles": len(articles), "words": words,
        "local": {"seconds": round(local_s, 2), "articles_per_s": round(len(articles) / local_s, 1),
                  "words_per_s": round(words / local_s)},
        f"dask_local_{args.workers}_workers": {
            "seconds": round(dask_s, 2), "articles_per_s": round(len(articles) / dask_s, 1),
            "words_per_s": round(words / dask_s), "cluster_startup_s": round(startup, 1)},
        "same_event_count": local_events == dask_events, "events": local_events,
    }
    print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
