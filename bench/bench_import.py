"""Import speed, each figure next to its baseline measured in the same run.

    .venv/bin/python bench/bench_import.py                  # 400k GDELT rows, 100k ICEWS rows
    .venv/bin/python bench/bench_import.py --gdelt-rows 50000 --icews-rows 20000   # a quick run

GDELT: the whole `dyadwatch import gdelt FILE` command (a fresh process: start-up, mapping, storing
events and dyads, progress) against DuckDB's `read_csv` of the same file into a table of a fresh
database file (typed columns, auto-detected), also in a fresh process. The ratio is the figure to
watch (target: at most 1.3); the CPU seconds of each process are printed beside the wall time,
since on a shared machine they vary less. ICEWS: the whole command on a file with realistic names and sectors,
in rows/s, and with `--old SRC` (the src folder of an older checkout, e.g. `git worktree add
/tmp/old f17214d`, whose importer resolved names in Python) the same command of that code on the same
file in the same run, and the speed-up (target: at least 10x).
Files and databases go to a temporary folder removed at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
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

OLD_MAIN = "import sys; from dyadwatch.cli import main; sys.argv[0] = 'dyadwatch'; sys.exit(main())"

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


FIRST = ["Abdul", "Ana", "Boris", "Chen", "David", "Elena", "Fatima", "George", "Hassan", "Ivan", "Jean",
         "Kim", "Li", "Maria", "Nikolai", "Olga", "Pedro", "Qasim", "Rania", "Sergei", "Tariq", "Umar", "Viktor",
         "Wang", "Xavier", "Yusuf", "Zhang", "Ahmed", "Beatriz", "Carlos"]
LAST = ["Ali", "Bakr", "Costa", "Dimitrov", "Ercan", "Fischer", "Garcia", "Haddad", "Ivanov", "Jung", "Khan",
        "Lopez", "Mendes", "Novak", "Okafor", "Petrov", "Qureshi", "Rossi", "Smirnov", "Tanaka", "Usman",
        "Volkov", "Wagner", "Xu", "Yilmaz", "Zhou", "Abbas", "Bauer", "Chowdhury", "Dubois"]
ROLES = ["Government", "Police", "Military", "Citizen", "Ministry of Foreign Affairs", "Business", "Media",
         "Armed Rebel", "Protester", "Legislature", "Head of Government", "Opposition Party"]


def icews_name(rng: random.Random, country: str) -> str:
    """A Source/Target Name as ICEWS writes them: a role of a country, or a person's name (people
    repeat with a long tail, as in the data: a 100k-row file holds some 20,000 distinct names)."""
    if rng.random() < 0.45:
        return f"{rng.choice(ROLES)} ({country})"
    k = min(int(rng.paretovariate(0.3) * 40), 400_000)
    return f"{FIRST[k % 30]} {LAST[(k // 30) % 30]}" + (f" {k // 900}" if k >= 900 else "")


def write_icews(path: Path, n: int, seed: int = 1) -> int:
    """An ICEWS file of n rows; returns the number of distinct Source and Target Names."""
    rng = random.Random(seed)
    names: set[str] = set()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(HEADER + "\n")
        for i in range(n):
            a, r = rng.choice(COUNTRIES), rng.choice(COUNTRIES)
            an, rn = icews_name(rng, a), icews_name(rng, r)
            names.update((an, rn))
            fh.write("\t".join([
                str(20_000_000 + i), f"2019-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                an, rng.choice(SECTORS), a, "Make statement", rng.choice(CODES),
                f"{rng.uniform(-10, 10):.1f}", rn, rng.choice(SECTORS), r,
                str(30_000_000 + i // 3), str(i % 5 + 1), "Example Wire", "Springfield", "", "Province", a,
                f"{rng.uniform(-60, 60):.4f}", f"{rng.uniform(-180, 180):.4f}"]) + "\n")
    return len(names)


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child): on a shared machine the CPU time is the steadier."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return (sorted(r[0] for r in runs)[len(runs) // 2], sorted(r[1] for r in runs)[len(runs) // 2])


def show(label: str, n: int, m: tuple[float, float], extra: str = "") -> None:
    print(f"  {label:<42} {m[0]:7.2f} s wall {m[1]:7.2f} s CPU  {n / m[0]:10,.0f} rows/s{extra}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gdelt-rows", type=float, default=400_000)
    ap.add_argument("--icews-rows", type=float, default=100_000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each; the median is shown")
    ap.add_argument("--old", default=None, help="src folder of an older checkout: its ICEWS import is timed too")
    ap.add_argument("--skip-gdelt", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        d = Path(tmp)
        n = int(args.gdelt_rows)
        g = d / "events.export.CSV"
        if args.skip_gdelt:
            n = 0
        write_gdelt_tsv(g, n, seed=1)
        base, ours = [], []
        for k in range(args.repeat if n else 0):
            base.append(run([PY, "-c", BASELINE, str(g), str(d / f"base{k}.duckdb")]))
            ours.append(run([DYADWATCH, "import", "gdelt", str(g), "--db", str(d / f"ours{k}.duckdb"), "-q"]))
        if n:
            b, o = median(base), median(ours)
            print(f"GDELT {n:,} rows ({g.stat().st_size / 1e6:.0f} MB):")
            show("DuckDB read_csv into a table (baseline)", n, b)
            show("dyadwatch import gdelt (whole command)", n, o)
            print(f"  ratio import / read_csv                    {o[0] / b[0]:7.2f} wall {o[1] / b[1]:7.2f} CPU"
                  "   (target <= 1.30)")
        m = int(args.icews_rows)
        f = d / "events.2019.tab"
        distinct = write_icews(f, m)
        base, ours, old = [], [], []
        old_env = {**os.environ, "PYTHONPATH": str(Path(args.old).resolve())} if args.old else None
        for k in range(args.repeat):
            base.append(run([PY, "-c", BASELINE.replace("header=false", "header=true"), str(f),
                             str(d / f"ibase{k}.duckdb")]))
            ours.append(run([DYADWATCH, "import", "icews", str(f), "--db", str(d / f"iours{k}.duckdb"), "-q"]))
            if old_env:
                old.append(run([PY, "-c", OLD_MAIN, "import", "icews", str(f), "--db", str(d / f"iold{k}.duckdb"),
                                "-q"], env=old_env))
        b, o = median(base), median(ours)
        print(f"ICEWS {m:,} rows ({distinct:,} distinct Source and Target Names):")
        show("DuckDB read_csv into a table (baseline)", m, b)
        show("dyadwatch import icews (whole command)", m, o)
        if old:
            ol = median(old)
            show(f"the same command of {args.old}", m, ol)
            print(f"  speed-up over the old code                 {ol[0] / o[0]:7.2f} wall {ol[1] / o[1]:7.2f} CPU"
                  "   (target >= 10)")

if __name__ == "__main__":
    main()
