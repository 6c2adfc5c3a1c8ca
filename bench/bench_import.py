"""Import speed, each figure next to its baseline measured in the same run.

    .venv/bin/python bench/bench_import.py                  # 400k GDELT rows, 100k ICEWS rows, both targets
    .venv/bin/python bench/bench_import.py --gdelt-rows 50000 --icews-rows 20000   # a quick run
    .venv/bin/python bench/bench_import.py --old /tmp/old/src        # GDELT and ICEWS: an older checkout too
    .venv/bin/python bench/bench_import.py --formats 50000   # rows/s of every layout, in-process
    .venv/bin/python bench/bench_import.py --profile gdelt   # where an in-process import spends its time

GDELT: the whole `dyadwatch import gdelt FILE` command (a fresh process: start-up, mapping, storing
events and dyads, progress) against DuckDB's `read_csv` of the same file into a table of a fresh
database file (typed columns, auto-detected), also in a fresh process. The ratio is the figure to
watch (target: at most 1.3); the CPU seconds of each process are printed beside the wall time,
since on a shared machine they vary less. ICEWS: the whole command on a file with realistic names
and sectors, in rows/s, against the same command of the code before the importers were rewritten
(`--icews-old`, by default commit f17214d, whose importer resolved names in Python, unpacked from
this repository's git history into the temporary folder) in the same runs: the speed-up (target:
at least 10x). With `--old SRC` (the src folder of an older checkout) that code's GDELT command is
timed in the same runs too, so a change is measured against the same load.

The child processes keep their compiled bytecode in the temporary folder (PYTHONPYCACHEPREFIX,
whatever PYTHONDONTWRITEBYTECODE says) and each command runs once untimed first, so start-up is
measured as an installed package has it (compiled at install), not with every module of the
source tree compiled again; `--compile` times them compiling (PYTHONDONTWRITEBYTECODE as set).
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


CHILD_ENV: dict[str, str] = dict(os.environ)  # main() sets where compiled bytecode goes


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child): on a shared machine the CPU time is the steadier."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**CHILD_ENV, **(env or {})})
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def old_source(commit: str, into: Path) -> Path | None:
    """The src folder of `commit` of this repository, unpacked into `into` (git archive), or None."""
    into.mkdir(parents=True, exist_ok=True)
    for repo in (Path(__file__).resolve().parent.parent, Path.cwd()):  # this checkout, or the one run from
        try:
            archive = subprocess.run(["git", "-C", str(repo), "archive", commit, "src"], check=True,
                                     capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True, capture_output=True)
        except (OSError, subprocess.CalledProcessError):
            continue
        return into / "src"
    return None


def median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return (sorted(r[0] for r in runs)[len(runs) // 2], sorted(r[1] for r in runs)[len(runs) // 2])


def show(label: str, n: int, m: tuple[float, float], extra: str = "") -> None:
    print(f"  {label:<42} {m[0]:7.2f} s wall {m[1]:7.2f} s CPU  {n / m[0]:10,.0f} rows/s{extra}")

PHOENIX_ROW = ("{id}\t{ymd}\t{y}\t{m}\t{d}\tSYRMIL\tSYR\tMIL\t\tSYRREB\tSYR\tREB\t\t{code}\t{root}\t4\t-10.0\t"
               "\t35.1\t36.7\tHama\tHama\tSYR\t{id}_1\thttps://phoenix.example/{id}\twire")
POLECAT_COLS = ["Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
                "Actor Name", "Actor Country", "Actor COW", "Actor Sector", "Recipient Name", "Recipient Country",
                "Recipient COW", "Recipient Sector", "Placename", "City", "State", "Country", "Latitude",
                "Longitude", "GeoNames ID", "Feature Type", "Story ID", "Headline", "Publisher",
                "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language"]
PLOVER = ["ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONSULT", "COOPERATE", "CONCEDE", "MOBILIZE", "PROTEST",
          "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN"]


def write_layouts(d: Path, n: int) -> dict[str, tuple[str, Path]]:
    """One file of n rows in each distributed layout: {layout: (importer format, path)}."""
    import gzip
    import json
    import zipfile

    rng = random.Random(3)
    out: dict[str, tuple[str, Path]] = {}
    g1, g2 = d / "g1.export.CSV", d / "g2.export.CSV"
    write_gdelt_tsv(g1, n, seed=2, version=1)
    write_gdelt_tsv(g2, n, seed=2, version=2)
    g57 = d / "g57.export.CSV"
    with open(g1, encoding="utf-8") as src, open(g57, "w", encoding="utf-8") as dst:
        dst.writelines(line.rstrip("\n").rsplit("\t", 1)[0] + "\n" for line in src)
    gz = d / "g2gz.export.CSV.gz"
    gz.write_bytes(gzip.compress(g2.read_bytes(), compresslevel=6))
    zp = d / "g2zip.export.CSV.zip"
    with zipfile.ZipFile(zp, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(g2, "g2zip.export.CSV")
    out.update({"GDELT 1.0 (57 fields)": ("gdelt", g57), "GDELT 1.0 (58 fields)": ("gdelt", g1),
                "GDELT 2.0 (61 fields)": ("gdelt", g2), "GDELT 2.0 .zip": ("gdelt", zp), "GDELT 2.0 .gz": ("gdelt", gz)})
    ic = d / "events.tab"
    write_icews(ic, n)
    icz = d / "events.tab.zip"
    with zipfile.ZipFile(icz, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(ic, "events.tab")
    out.update({"ICEWS .tab": ("icews", ic), "ICEWS .tab.zip": ("icews", icz)})
    ph = d / "phoenix.tsv"
    with open(ph, "w", encoding="utf-8") as fh:
        for i in range(n):
            code = rng.choice(CODES[1:])
            ymd = f"2017{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            fh.write(PHOENIX_ROW.format(id=f"ph{i}", ymd=ymd, y=ymd[:4], m=ymd[4:6], d=ymd[6:], code=code,
                                        root=code[:2]) + "\n")
    out["Phoenix"] = ("phoenix", ph)
    pt, pj = d / "polecat.txt", d / "polecat.jsonl"
    with open(pt, "w", encoding="utf-8") as ft, open(pj, "w", encoding="utf-8") as fj:
        ft.write("\t".join(POLECAT_COLS) + "\n")
        for i in range(n):
            a, r = rng.sample(["USA", "RUS", "CHN", "FRA", "DEU", "IRN", "UKR", "GBR", "IND"], 2)
            rec = {"Event ID": f"pc{i}", "Event Date": f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                   "Event Type": rng.choice(PLOVER), "Event Mode": "", "Event Intensity": f"{rng.uniform(-10, 10):.1f}",
                   "Quad Code": "1", "Contexts": "economic;diplomatic", "Actor Name": a, "Actor Country": a,
                   "Actor COW": "", "Actor Sector": "GOV", "Recipient Name": r, "Recipient Country": r,
                   "Recipient COW": "", "Recipient Sector": "GOV", "Placename": "Geneva", "City": "Geneva",
                   "State": "Geneva", "Country": "CHE", "Latitude": "46.2", "Longitude": "6.15",
                   "GeoNames ID": "2660646", "Feature Type": "PPLA", "Story ID": f"st{i // 4}",
                   "Headline": "Talks", "Publisher": "Wire", "Publication Date": "2023-01-02",
                   "Story People": "A. Person", "Story Organizations": "UN;EU", "Story Locations": "Geneva",
                   "Language": "en"}
            ft.write("\t".join(rec[c] for c in POLECAT_COLS) + "\n")
            fj.write(json.dumps(rec) + "\n")
    out.update({"POLECAT TSV": ("polecat", pt), "POLECAT JSON lines": ("polecat", pj)})
    return out


def formats_rows_per_second(n: int) -> None:
    """In-process import of each layout into a fresh store: rows/s (wall and CPU of this process)."""
    from dyadwatch.store import Store
    from dyadwatch.store.importers import import_files

    with tempfile.TemporaryDirectory(prefix="bench-formats-") as tmp:
        d = Path(tmp)
        files = write_layouts(d, n)
        print(f"each layout, {n:,} rows, imported in this process into a fresh store:")
        for k, (label, (fmt, path)) in enumerate(files.items()):
            with Store(d / f"s{k}.duckdb") as store:
                t, c = time.perf_counter(), time.process_time()
                report = import_files(store, fmt, [path])
                wall, cpu = time.perf_counter() - t, time.process_time() - c
            print(f"  {label:<24} {report.rows:>8,} rows {report.new:>8,} stored {wall:6.2f} s wall {cpu:6.2f} s CPU "
                  f"{report.rows / wall:>9,.0f} rows/s ({report.rows / cpu:,.0f} per CPU second)", flush=True)


class _TimedConnection:
    """A store connection that times each statement (wall and CPU of this process)."""

    def __init__(self, con: object) -> None:
        self._con, self.log = con, []

    def execute(self, sql: str, *args: object) -> object:
        t, c = time.perf_counter(), time.process_time()
        try:
            return self._con.execute(sql, *args)  # type: ignore[attr-defined]
        finally:
            self.log.append((time.perf_counter() - t, time.process_time() - c, " ".join(sql.split())[:110]))

    def __getattr__(self, name: str) -> object:
        return getattr(self._con, name)


def profile(fmt: str, n: int) -> None:
    """Where an in-process import of n rows goes: its slowest statements, wall and CPU."""
    from dyadwatch.store import Store
    from dyadwatch.store.importers import import_files

    with tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp:
        d = Path(tmp)
        f = d / ("events.export.CSV" if fmt == "gdelt" else "events.tab")
        if fmt == "gdelt":
            write_gdelt_tsv(f, n, seed=1)
        else:
            write_icews(f, n)
        with Store(d / "p.duckdb") as store:
            timed = _TimedConnection(store.con)
            store.con = timed  # type: ignore[assignment]
            t, c = time.perf_counter(), time.process_time()
            report = import_files(store, fmt, [f])
            wall, cpu = time.perf_counter() - t, time.process_time() - c
            store.con = timed._con  # type: ignore[assignment]
        print(f"{fmt} {report.rows:,} rows in-process: {wall:.2f} s wall {cpu:.2f} s CPU; slowest statements:")
        for w, c, sql in sorted(timed.log, reverse=True)[:8]:
            print(f"  {w:6.2f} s wall {c:6.2f} s CPU  {sql}")
        rest = sum(w for w, _, _ in timed.log)
        print(f"  {wall - rest:6.2f} s wall outside DuckDB statements (reading the file's head, Python)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gdelt-rows", type=float, default=400_000)
    ap.add_argument("--icews-rows", type=float, default=100_000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each; the median is shown")
    ap.add_argument("--old", default=None, help="src folder of an older checkout: its GDELT and ICEWS imports are "
                                                "timed too")
    ap.add_argument("--icews-old", default="f17214d", help="commit whose ICEWS import is the baseline of the "
                                                           "speed-up ('' for none)")
    ap.add_argument("--skip-gdelt", action="store_true")
    ap.add_argument("--skip-old-gdelt", action="store_true", help="with --old: time only its ICEWS import")
    ap.add_argument("--compile", action="store_true", help="let the children compile the source tree every run")
    ap.add_argument("--formats", type=float, default=0, help="rows per layout: time every layout in-process instead")
    ap.add_argument("--profile", choices=("gdelt", "icews"), default=None,
                    help="time the statements of one in-process import (of --gdelt-rows / --icews-rows rows)")
    args = ap.parse_args()
    if args.profile:
        profile(args.profile, int(args.gdelt_rows if args.profile == "gdelt" else args.icews_rows))
        return
    if args.formats:
        formats_rows_per_second(int(args.formats))
        return
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        d = Path(tmp)
        if not args.compile:
            CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
            CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(d / "pycache")
        old_env = {"PYTHONPATH": str(Path(args.old).resolve())} if args.old else None
        icews_old = None
        if args.icews_old:
            src = old_source(args.icews_old, d / "old")
            icews_old = {"PYTHONPATH": str(src)} if src else None
            if src is None:
                print(f"(commit {args.icews_old} not found: no ICEWS speed-up)")
        n = 0 if args.skip_gdelt else int(args.gdelt_rows)
        g = d / "events.export.CSV"
        write_gdelt_tsv(g, n, seed=1)
        gdelt_cmds = [("base", [PY, "-c", BASELINE, str(g)], None),
                      ("ours", [DYADWATCH, "import", "gdelt", str(g), "-q", "--db"], None)]
        if old_env and not args.skip_old_gdelt:
            gdelt_cmds.append(("old", [PY, "-c", OLD_MAIN, "import", "gdelt", str(g), "-q", "--db"], old_env))
        m = int(args.icews_rows)
        f = d / "events.2019.tab"
        distinct = write_icews(f, m)
        icews_cmds = [("base", [PY, "-c", BASELINE.replace("header=false", "header=true"), str(f)], None),
                      ("ours", [DYADWATCH, "import", "icews", str(f), "-q", "--db"], None)]
        if icews_old:
            icews_cmds.append(("orig", [PY, "-c", OLD_MAIN, "import", "icews", str(f), "-q", "--db"], icews_old))
        if old_env:
            icews_cmds.append(("old", [PY, "-c", OLD_MAIN, "import", "icews", str(f), "-q", "--db"], old_env))
        times: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for k in range(-1, args.repeat):  # run -1: untimed, so that bytecode is compiled and cached
            for which, cmds in (("gdelt", gdelt_cmds if n else []), ("icews", icews_cmds)):
                for label, cmd, env in cmds:
                    db = d / f"{which}-{label}{k}.duckdb"
                    r = run([*cmd, str(db)], env)
                    for extra in (db, Path(str(db) + ".wal")):
                        extra.unlink(missing_ok=True)
                    if k >= 0:
                        times.setdefault((which, label), []).append(r)
        print(f"median of {args.repeat} runs, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
              + ("" if args.compile else "; bytecode compiled once, as installed"))
        verdict = []
        if n:
            b, o = median(times["gdelt", "base"]), median(times["gdelt", "ours"])
            print(f"GDELT {n:,} rows ({g.stat().st_size / 1e6:.0f} MB):")
            show("DuckDB read_csv into a table (baseline)", n, b)
            show("dyadwatch import gdelt (whole command)", n, o)
            print(f"  ratio import / read_csv                    {o[0] / b[0]:7.2f} wall {o[1] / b[1]:7.2f} CPU"
                  "   (target <= 1.30)")
            verdict.append(f"GDELT ratio to read_csv: {o[1] / b[1]:.2f} CPU, {o[0] / b[0]:.2f} wall (target <= 1.30: "
                           f"{'met' if max(o[0] / b[0], o[1] / b[1]) <= 1.3 else 'not met'})")
            if ("gdelt", "old") in times:
                ol = median(times["gdelt", "old"])
                show(f"the same command of {args.old}", n, ol)
                print(f"  its ratio / read_csv                       {ol[0] / b[0]:7.2f} wall {ol[1] / b[1]:7.2f} CPU")
        b, o = median(times["icews", "base"]), median(times["icews", "ours"])
        print(f"ICEWS {m:,} rows ({distinct:,} distinct Source and Target Names):")
        show("DuckDB read_csv into a table", m, b)
        show("dyadwatch import icews (whole command)", m, o)
        print(f"  ratio import / read_csv                    {o[0] / b[0]:7.2f} wall {o[1] / b[1]:7.2f} CPU")
        if ("icews", "old") in times:
            ol = median(times["icews", "old"])
            show(f"the same command of {args.old}", m, ol)
            print(f"  speed-up over it                           {ol[0] / o[0]:7.2f} wall {ol[1] / o[1]:7.2f} CPU")
        if ("icews", "orig") in times:
            ol = median(times["icews", "orig"])
            show(f"the same command of {args.icews_old} (baseline)", m, ol)
            print(f"  speed-up over the old code                 {ol[0] / o[0]:7.2f} wall {ol[1] / o[1]:7.2f} CPU"
                  "   (target >= 10)")
            verdict.append(f"ICEWS speed-up over {args.icews_old}: {ol[1] / o[1]:.1f}x CPU, "
                           f"{ol[0] / o[0]:.1f}x wall (target >= 10: "
                           f"{'met' if min(ol[0] / o[0], ol[1] / o[1]) >= 10 else 'not met'})")
        for line in verdict:
            print(line)


if __name__ == "__main__":
    main()
