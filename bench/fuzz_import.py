"""A longer fuzz run of every importer than the test suite's: hypothesis generates files of good
rows with many bad ones between them (arbitrary bytes, arbitrary text, rows of the right width with
arbitrary fields, hostile JSON), imports each twice into a fresh store and counts the bad inputs
tried, uncaught exceptions, imports slower than 5 s, good rows lost and rows stored twice.

    .venv/bin/python bench/fuzz_import.py                   # 40 files per format (hypothesis keeps each
                                                            # file within its buffer: about 15 bad rows)
    .venv/bin/python bench/fuzz_import.py --files 200 --rows 600
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import test_import_fuzz as F

FORMATS = {
    "gdelt": (F.GDELT_GOOD, st.one_of(F.junk_bytes, F.junk_text, F.fields_junk(61), F.fields_junk(58)), None, ".tsv"),
    "icews": (F.ICEWS_GOOD, st.one_of(F.junk_bytes, F.junk_text, F.fields_junk(20)), F.ICEWS_HEADER.encode(), ".tab"),
    "phoenix": (F.PHOENIX_GOOD, st.one_of(F.junk_bytes, F.junk_text, F.fields_junk(26)), None, ".tsv"),
    "polecat": (F.POLECAT_GOOD, st.one_of(F.junk_bytes, F.junk_text, F.fields_junk(len(F.POLECAT_HEADER))),
                "\t".join(F.POLECAT_HEADER).encode(), ".txt"),
    "polecat-json": (F.JSON_GOOD, st.one_of(F.json_records, F.nasty, F.junk_bytes), None, ".jsonl"),
}


def _runner(fmt: str, good: list[bytes], bad_rows: st.SearchStrategy, header: bytes | None, suffix: str,
            stats: dict[str, int], args: argparse.Namespace):
    @settings(max_examples=args.files, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(bad_rows, min_size=max(1, args.rows // 2), max_size=args.rows))
    def one(bad: list[bytes]) -> None:
        stats["inputs"] += len(bad)
        t = time.perf_counter()
        try:
            _, stored, again = F.run(fmt, good, bad, header=header, suffix=suffix)
        except AssertionError:
            stats["lost"] += 1  # stored twice (run asserts it)
            return
        except Exception:  # noqa: BLE001 - counting every uncaught error is the point
            stats["errors"] += 1
            traceback.print_exc(limit=3)
            return
        if time.perf_counter() - t > 5:
            stats["slow"] += 1
        if stored < len(good) or again:
            stats["lost"] += 1
            print(f"{fmt}: good rows lost around {bad[:3]!r}", file=sys.stderr)
            Path(f"/tmp/fuzz-{fmt}-lost.bin").write_bytes(b"\n".join(bad))

    return one


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=40, help="generated files per format")
    ap.add_argument("--rows", type=int, default=300, help="most bad rows per file")
    args = ap.parse_args()
    totals = {"inputs": 0, "errors": 0, "slow": 0, "lost": 0}
    for name, (good, bad_rows, header, suffix) in FORMATS.items():
        stats = {"inputs": 0, "errors": 0, "slow": 0, "lost": 0}
        fmt = "polecat" if name.startswith("polecat") else name

        one = _runner(fmt, good, bad_rows, header, suffix, stats, args)
        t0 = time.perf_counter()
        one()
        print(f"{name:<13} {stats['inputs']:>8,} bad inputs in {args.files} files: {stats['errors']} uncaught errors, "
              f"{stats['slow']} imports over 5 s, {stats['lost']} files losing or doubling good rows "
              f"({time.perf_counter() - t0:.0f} s)", flush=True)
        for k in totals:
            totals[k] += stats[k]
    print(f"all           {totals['inputs']:>8,} bad inputs: {totals['errors']} uncaught errors, {totals['slow']} slow, "
          f"{totals['lost']} files losing or doubling good rows")


if __name__ == "__main__":
    main()
