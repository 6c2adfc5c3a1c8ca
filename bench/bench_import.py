"""Import speed, each figure next to its baseline measured in the same run.

    .venv/bin/python bench/bench_import.py                  # 400k GDELT rows, 100k ICEWS rows
    .venv/bin/python bench/bench_import.py --gdelt-rows 50000 --icews-rows 20000   # a quick run

GDELT: the whole `dyadwatch import gdelt FILE` command (a fresh process: start-up, mapping, storing
events and dyads, progress) against DuckDB's `read_csv` of the same file into a table of a fresh
database file (typed columns, auto-detected), also in a fresh process. The ratio is the figure to
watch (target: at most 1.3). ICEWS: the whole command on a file with realistic names and sectors,
in rows/s (the previous importer resolved names in Python at about 8,600 rows/s).
Files and databases go to a temporary folder removed at the end.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dyadwatch.store.synthetic import write_gdelt_tsv

PY = sys.executable
DYADWATCH = str(Path(sys.executable).with_name("dyadwatch"))
BASELINE = """
import duckdb, sys
con = duckdb.connect(sys.argv[2])
con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?, delim='\\t', header=false)", [sys.argv[1]])
con.execute("CHECKPOINT")
"""

COUNTRIES = ["United States", "Russian Federation", "China", "France", "Germany", "North Korea",
             "the former Yugoslav Republic of Macedonia", "Palestinian Territory, Occupied", "Iran",
             "Syria", "India", "Pakistan", "Nigeria", "Brazil", "Ukraine", "Israel", "Turkey", "Japan"]
SECTORS = ["Government,Executive,Executive Office,Parties,Elite", "Military", "Police,Government",
           "Legislative / Parliamentary,Government", "Rebel,Insurgents", "General Population / Civilian",
           "Business", "", "Media,News"]
CODES = ["010", "020", "036", "042", "043", "051", "057", "0874", "112", "120", "130", "173", "190", "193"]
HEADER = ("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
          "Intensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\t"
          "City\tDistrict\tProvince\tCountry\tLatitude\tLongitude")


def write_icews(path: Path, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(HEADER + "\n")
        for i in range(n):
            a, r = rng.choice(COUNTRIES), rng.choice(COUNTRIES)
            fh.write("\t".join([
                str(20_000_000 + i), f"2019-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                f"Government ({a})", rng.choice(SECTORS), a, "Make statement", rng.choice(CODES),
                f"{rng.uniform(-10, 10):.1f}", f"Citizen ({r})", rng.choice(SECTORS), r,
                str(30_000_000 + i // 3), str(i % 5 + 1), "Example Wire", "Springfield", "", "Province", a,
                f"{rng.uniform(-60, 60):.4f}", f"{rng.uniform(-180, 180):.4f}"]) + "\n")


def run(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gdelt-rows", type=float, default=400_000)
    ap.add_argument("--icews-rows", type=float, default=100_000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each; the median is shown")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        d = Path(tmp)
        n = int(args.gdelt_rows)
        g = d / "events.export.CSV"
        write_gdelt_tsv(g, n, seed=1)
        base, ours = [], []
        for k in range(args.repeat):
            base.append(run([PY, "-c", BASELINE, str(g), str(d / f"base{k}.duckdb")]))
            ours.append(run([DYADWATCH, "import", "gdelt", str(g), "--db", str(d / f"ours{k}.duckdb"), "-q"]))
        b, o = sorted(base)[len(base) // 2], sorted(ours)[len(ours) // 2]
        print(f"GDELT {n:,} rows ({g.stat().st_size / 1e6:.0f} MB):")
        print(f"  DuckDB read_csv into a table (baseline)   {b:7.2f} s  {n / b:10,.0f} rows/s")
        print(f"  dyadwatch import gdelt (whole command)    {o:7.2f} s  {n / o:10,.0f} rows/s")
        print(f"  ratio import / read_csv                   {o / b:7.2f}   (target <= 1.30)")
        m = int(args.icews_rows)
        f = d / "events.2019.tab"
        write_icews(f, m)
        base, ours = [], []
        for k in range(args.repeat):
            base.append(run([PY, "-c", BASELINE.replace("header=false", "header=true"), str(f),
                             str(d / f"ibase{k}.duckdb")]))
            ours.append(run([DYADWATCH, "import", "icews", str(f), "--db", str(d / f"iours{k}.duckdb"), "-q"]))
        b, o = sorted(base)[len(base) // 2], sorted(ours)[len(ours) // 2]
        print(f"ICEWS {m:,} rows:")
        print(f"  DuckDB read_csv into a table (baseline)   {b:7.2f} s  {m / b:10,.0f} rows/s")
        print(f"  dyadwatch import icews (whole command)    {o:7.2f} s  {m / o:10,.0f} rows/s"
              f"   (before: about 8,600 rows/s)")


if __name__ == "__main__":
    main()
