"""Store benchmarks: synthetic loads, dyad series and impact queries, GDELT import.

    .venv/bin/python bench/bench_store.py                      # 1M and 10M events, 1M GDELT rows
    .venv/bin/python bench/bench_store.py --sizes 1e6,10e6,50e6
    .venv/bin/python bench/bench_store.py --sizes 1e5 --gdelt-rows 1e5   # a quick run

50 million events take about 7 minutes to load and 15 more to sort, and about 10 GB of disk;
DuckDB is held to --memory-limit (8GB) and spills the rest to disk. Databases go to a temporary folder (--dir) removed at the end
unless --keep.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dyadwatch.store import Store
from dyadwatch.store.importers import import_files
from dyadwatch.store.synthetic import load_synthetic, write_gdelt_tsv

# how regimes fetched their opening events before (one query per regime joining the whole events table)
JOINED_OPENING_SQL = """
SELECT d.event_id, d.date, e.event_text
FROM event_dyads d LEFT JOIN events e ON e.id = d.event_id
WHERE ((d.source = 'USA' AND d.target = 'PRK') OR (d.source = 'PRK' AND d.target = 'USA'))
  AND d.modality = 'asserted' AND d.date >= ? AND d.date < ?
ORDER BY abs(coalesce(d.plover_score, e.plover_score, 0)) DESC, d.date, d.event_id LIMIT 3
"""
OWN_SERIES_SQL = """
SELECT date_trunc('week', date) AS week, source, quad_code, count(*) AS n, avg(plover_score) AS plover
FROM event_dyads
WHERE ((source = 'USA' AND target = 'PRK') OR (source = 'PRK' AND target = 'USA'))
  AND modality = 'asserted' AND date IS NOT NULL
GROUP BY ALL ORDER BY ALL
"""


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """(median seconds over `repeat` runs, the last result)."""
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def line(label: str, seconds: float, extra: str = "") -> None:
    print(f"  {label:<44} {seconds:8.3f} s  {extra}", flush=True)


MEMORY_LIMIT = "8GB"


def bench_size(n: int, folder: Path) -> None:
    print(f"\n== {n:,} synthetic events ==", flush=True)
    db = folder / f"synthetic_{n}.duckdb"
    with Store(db) as store:
        store.con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        t, got = timed(lambda: load_synthetic(store, n, seed=42))
        line("generate + load", t, f"{got:,} events, {n / t:,.0f} events/s")
        t, _ = timed(store.optimize)
        line("optimize(): sort event_dyads and events", t)
    with Store(db, read_only=True) as store:
        t, rows = timed(lambda: store.con.execute(OWN_SERIES_SQL).fetchall(), repeat=5)
        line("USA-PRK weekly series, plain SQL", t, f"{len(rows)} rows")
        try:
            from dyadwatch.analysis.series import dyad_series
        except ImportError:
            print("  (dyadwatch.analysis.series.dyad_series not available)")
        else:
            t, df = timed(lambda: dyad_series(store, "USA", "PRK", "week"), repeat=5)
            line("USA-PRK weekly series, dyad_series()", t, f"{len(df)} rows")
        try:
            from dyadwatch.analysis.impact import dyad_impact
        except ImportError:
            print("  (dyadwatch.analysis.impact.dyad_impact not available)")
        else:
            t, res = timed(lambda: dyad_impact(store, "USA", "PRK", date="2020-01-06", freq="week"), repeat=3)
            line("USA-PRK impact of 2020-01-06, dyad_impact()", t, f"verdict: {str(res.get('verdict'))[:50]}")
        bench_regimes(store)
        t, c = timed(lambda: store.count_events(actor="USA", recipient="PRK"), repeat=5)
        line("count_events(actor=USA, recipient=PRK)", t, f"{c:,} events")
        some_id = store.con.execute("SELECT id FROM events LIMIT 1 OFFSET 12345").fetchall()[0][0]
        t, _ = timed(lambda: store.event(some_id), repeat=5)
        line("event(id) (events sorted by id: one row group)", t)
        t, df = timed(lambda: store.events(actor="USA", recipient="PRK", limit=50, order="-date"), repeat=3)
        line("events(USA, PRK, newest 50)", t)
    size = db.stat().st_size + sum(p.stat().st_size for p in folder.glob(db.name + ".wal"))
    print(f"  database file: {size / 1e9:.2f} GB", flush=True)


def bench_regimes(store: Store) -> None:
    """Regimes with and without their opening events; the joined lookup of before as the baseline."""
    from datetime import date, timedelta

    from dyadwatch.analysis.regimes import dyad_regimes

    t, reg = timed(lambda: dyad_regimes(store, "USA", "PRK", top=0), repeat=3)
    line("USA-PRK regimes (defaults), no opening events", t, f"{len(reg)} regimes per {reg.attrs['freq']}")
    t, reg = timed(lambda: dyad_regimes(store, "USA", "PRK"), repeat=3)
    n_ev = sum(len(x) for x in reg["top_events"])
    line("USA-PRK regimes (defaults) with opening events", t, f"{len(reg)} regimes, {n_ev} opening events")
    # the synthetic data have no real breaks: a small beta gives many regimes, each with its lookups
    t, reg = timed(lambda: dyad_regimes(store, "USA", "PRK", beta=0.05, min_size=4), repeat=3)
    n_ev = sum(len(x) for x in reg["top_events"])
    line("USA-PRK regimes, beta 0.05 (many regimes), opening events", t,
         f"{len(reg)} regimes, {n_ev} opening events")
    starts = [date.fromisoformat(s) for s in reg["start"]]
    step = {"week": 7, "month": 31, "quarter": 92}.get(reg.attrs["freq"], 31)

    def joined() -> int:
        return sum(len(store.con.execute(JOINED_OPENING_SQL, [s, s + timedelta(days=step)]).fetchall())
                   for s in starts)

    t, _ = timed(joined, repeat=1)
    line("  baseline: opening events joined to events", t, f"{len(starts)} queries (one per regime, as before)")


def bench_gdelt(rows: int, folder: Path) -> None:
    print(f"\n== import {rows:,} GDELT 2.0 rows ==", flush=True)
    tsv = folder / "gdelt.export.CSV"
    t, _ = timed(lambda: write_gdelt_tsv(tsv, rows, seed=7))
    line("write the synthetic GDELT file", t, f"{tsv.stat().st_size / 1e6:.0f} MB")
    with Store(folder / "gdelt.duckdb") as store:
        t, report = timed(lambda: import_files(store, "gdelt", [tsv]))
        line("dyadwatch import gdelt", t, f"{report.new:,} new, {rows / t:,.0f} rows/s")
        t, report = timed(lambda: import_files(store, "gdelt", [tsv]))
        line("the same file again (all already stored)", t, f"{report.new:,} new, {report.already:,} known")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1e6,10e6", help="comma-separated event counts (default 1e6,10e6)")
    ap.add_argument("--gdelt-rows", default="1e6", help="GDELT rows to import (0: skip)")
    ap.add_argument("--dir", default=None, help="folder for the databases (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the databases")
    ap.add_argument("--memory-limit", default=MEMORY_LIMIT, help="DuckDB memory limit while loading (default 8GB)")
    args = ap.parse_args(argv)
    globals()["MEMORY_LIMIT"] = args.memory_limit
    sizes = [int(float(s)) for s in args.sizes.split(",") if s.strip()]
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="dyadwatch-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"dyadwatch store benchmark: sizes {sizes}, folder {folder}")
    if any(n >= 50_000_000 for n in sizes):
        print("note: 50M events take several minutes and ~10 GB of disk", file=sys.stderr)
    try:
        for n in sizes:
            bench_size(n, folder)
        rows = int(float(args.gdelt_rows))
        if rows:
            bench_gdelt(rows, folder)
    finally:
        if not args.keep and not args.dir:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
