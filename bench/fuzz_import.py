"""A long fuzz run of every importer, into one store loaded beforehand whose data must survive.

Each round writes one file of a format as distributed (GDELT 1.0 with 57 and 58 fields, GDELT 2.0,
GDELT 2.0 mentions, GDELT in a .zip and a .gz, ICEWS .tab and .tab.zip, POLECAT TSV, POLECAT JSON
lines, Phoenix): good rows with fresh ids and, between them, bad rows each generated on its own
(a field replaced by a hostile value, fields dropped or added, bytes flipped, cut or inserted,
control bytes, carriage returns, bytes that are not UTF-8, very long lines, arbitrary bytes; for
JSON: wrong types, deep nesting, huge integers, lone surrogates, broken JSON). Some rounds instead
mutate a whole file (header, zip or gzip container included). The file is imported into the
shared store (every 10th file twice).

Counted: bad inputs (each distinct generated bad row, and each mutated whole file; a row or file
generated twice counts once), uncaught exceptions, imports slower than the hang limit, good rows
lost, rows stored twice (a re-import that stores anything, ids or dyads stored twice, a count of
stored events that differs from the reports), and whether the data loaded before the run is intact
(count and hash of its events, dyads and mentions).

    nice -n 10 .venv/bin/python bench/fuzz_import.py --inputs 50000 [--seed 0] [--hang 5]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import random
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from pathlib import Path

from dyadwatch.store import Store
from dyadwatch.store.importers import import_files
from dyadwatch.store.synthetic import gdelt_lines

ICEWS_HEADER = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude"]
POLECAT_HEADER = ["Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
                  "Actor Name", "Actor Country", "Actor COW", "Actor Sector", "Recipient Name", "Recipient Country",
                  "Recipient COW", "Recipient Sector", "Placename", "City", "State", "Country", "Latitude",
                  "Longitude", "GeoNames ID", "Feature Type", "Story ID", "Headline", "Publisher",
                  "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language"]

HOSTILE = [b"", b" ", b"nan", b"NaN", b"inf", b"-inf", b"1e400", b"-0", b"99999999999999999999999", b"-1",
           b"20190231", b"0000-00-00", b"2019-13-45", b"99999999", b"1970-01-01", b"13y", b"12", b"0", b"01",
           b"000", b"\x00", b"\r", b"\r\n", b"\x1b[31m", b"\xed\xa0\x80", b"\xff\xfe", b"\xe2\x80", b"\xc0\xaf",
           b'"', b'"quoted"', b"'", b"'; DROP TABLE events; --", b"%s%n", b"{}", b"[]", b"NULL", b"\\N",
           b"\\", b"\xef\xbb\xbf", b"x" * 70_000, "\u202e\u0645\u0635\u0631".encode(), b"\t", b"\t\t\t",
           b"USA;", b";;;", b"GOV;GOV;GOV;GOV", b"9" * 5000, b"1.5e308", b"0x10", b"+1", b"1,5"]
JSON_HOSTILE = ['"\\ud800"', '"\\udfff x"', "[" * 1000 + "]" * 1000, "9" * 5000, "1e400", "NaN", "Infinity",
                "-Infinity", "true", "false", "null", "[]", "{}", '{"a": ' * 200 + "1" + "}" * 200, '""',
                '"' + "x" * 100_000 + '"', "[1, [2, [3]]]", '{"code": 5}', '[{"country": ["USA"]}]',
                '"2019-02-31"', '"9999-99-99"', '"' + "2019 " * 20000 + '"', "-1", "0.5", '"\\u0000"']


def gdelt_templates(version: int, fields: int) -> list[list[bytes]]:
    rows = [r.split("\t") for r in gdelt_lines(200, seed=5, version=version)]
    rows = [r[:fields] for r in rows if not r[26].startswith("01")]  # CAMEO 01x is skipped, not stored
    return [[f.encode() for f in r] for r in rows]


def mention_row(eid: str, k: int) -> list[bytes]:
    return [f.encode() for f in [eid, "20190301120000", "20190301121500", "1", "example.org",
                                 f"https://example.org/{eid}/{k}", "2", "10", "40", "25", "1", "80", "2000",
                                 "-1.5", "", ""]]


def icews_template(k: int) -> list[bytes]:
    return [f.encode() for f in [str(k), "2019-05-01", "Government (France)", "Government,Executive", "France",
                                 "Make statement", "042", "1.0", "Citizen (Russia)", "General Population / Civilian",
                                 "Russian Federation", "77", "1", "Daily Example", "Lyon", "", "Rhone", "France",
                                 "45.7", "4.8"]]


def phoenix_template(k: int) -> list[bytes]:
    eid = str(k)
    return [f.encode() for f in [eid, "20170102", "2017", "01", "02", "SYRMIL", "SYR", "MIL", "", "SYRREB", "SYR",
                                 "", "", "190", "19", "4", "-10.0", "", "10.0", "20.0", "Somewhere", "Province",
                                 "SYR", f"{eid}_1", "https://phoenix.example/a", "wire"]]


def polecat_template(k: int) -> list[bytes]:
    base = {"Event ID": str(k), "Event Date": "2023-05-02", "Event Type": "SANCTION", "Event Mode": "withdraw",
            "Event Intensity": "-6.5", "Quad Code": "3", "Contexts": "economic;diplomatic",
            "Actor Name": "European Union", "Actor Country": "EUR", "Actor COW": "", "Actor Sector": "GOV",
            "Recipient Name": "Russia;Belarus", "Recipient Country": "RUS;BLR", "Recipient COW": "365;370",
            "Recipient Sector": "GOV;GOV", "Placename": "Brussels", "City": "Brussels", "State": "Brussels",
            "Country": "BEL", "Latitude": "50.85", "Longitude": "4.35", "GeoNames ID": "2800866",
            "Feature Type": "PPLC", "Story ID": "st-9", "Headline": "EU widens sanctions", "Publisher": "Wire",
            "Publication Date": "2023-05-02", "Story People": "Ursula von der Leyen",
            "Story Organizations": "European Union;Kremlin", "Story Locations": "Brussels;Moscow", "Language": "en"}
    return [base[h].encode() for h in POLECAT_HEADER]


def json_template(k: int) -> dict:
    return {"id": str(k), "date": "2023-01-02", "event": "ACCUSE", "mode": None, "context": ["military"],
            "actor": [{"country": "USA", "name": "Washington", "sector": "GOV"}],
            "recipient": [{"country": "CHN"}], "story_id": "s1", "publisher": "Wire",
            "event_geolocation": {"lat": 1.5, "lon": 2.5, "country_code3": "CHN", "resolved_placename": "Beijing"}}


# -- mutations ---------------------------------------------------------------------------------------

def mutate_bytes(rng: random.Random, data: bytes, newlines: bool = False) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.random()
        pos = rng.randint(0, len(out)) if out else 0
        if op < 0.25 and out:
            for _k in range(rng.randint(1, 8)):
                out[rng.randrange(len(out))] = rng.randrange(256)
        elif op < 0.4:
            out = out[:pos]
        elif op < 0.7:
            out[pos:pos] = rng.choice(HOSTILE)
        elif op < 0.85:
            j = rng.randint(pos, len(out))
            out[pos:pos] = out[pos:j] * rng.randint(1, 3)
        else:
            out[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    data = bytes(out)
    return data if newlines else data.replace(b"\n", b" ")


def bad_row(rng: random.Random, fields: list[bytes]) -> bytes:
    """One bad tab-separated row made from a good one (no newline in it)."""
    f = list(fields)
    op = rng.random()
    if op < 0.4:  # hostile values in one to three fields
        for _ in range(rng.randint(1, 3)):
            f[rng.randrange(len(f))] = rng.choice(HOSTILE)
        row = b"\t".join(f)
    elif op < 0.55:  # fields dropped or added
        if rng.random() < 0.5 and len(f) > 1:
            del f[rng.randrange(len(f)):][: rng.randint(1, 5)]
        else:
            f[rng.randrange(len(f)):0] = [rng.choice(HOSTILE) for _ in range(rng.randint(1, 5))]
        row = b"\t".join(f)
    elif op < 0.85:  # byte-level damage to a good row
        row = mutate_bytes(rng, b"\t".join(f))
    elif op < 0.93:  # arbitrary bytes
        row = bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))
    elif op < 0.998:  # arbitrary text
        row = "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x3000), rng.randrange(0, 32)]))
                      for _ in range(rng.randint(0, 120))).encode("utf-8", "surrogatepass")
    else:  # a line of 2 MB
        row = b"\t".join(f) + b"x" * (2 << 20)
    return row.replace(b"\n", b" ")


def bad_json(rng: random.Random, rec: dict) -> bytes:
    op = rng.random()
    if op < 0.55:
        text = json.dumps(rec)
        for _ in range(rng.randint(1, 3)):
            key = rng.choice([*rec, "cameo", "confidence", "modality", "date_precision", "evidence", "location",
                              "Event Type", "Latitude", "Story People", "event_text", "origin"])
            text = text[:-1] + f', "{key}": {rng.choice(JSON_HOSTILE)}}}'
        data = text.encode()
    elif op < 0.85:
        data = mutate_bytes(rng, json.dumps(rec).encode())
    elif op < 0.95:
        data = json.dumps(rng.choice([[rec], "text", 5, None, [1, 2]])).encode()
    else:
        data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 200))).replace(b"\n", b" ")
    return data


# -- one round -------------------------------------------------------------------------------------

class Gen:
    """Good and bad rows of each layout, with fresh ids (good ones from 9e9 up, bad ones from 5e9)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.next_good, self.next_bad = 9_000_000_000, 5_000_000_000
        self.gdelt = {57: gdelt_templates(1, 57), 58: gdelt_templates(1, 58), 61: gdelt_templates(2, 61)}

    def good_id(self) -> str:
        self.next_good += 1
        return str(self.next_good)

    def bad_id(self) -> str:
        self.next_bad += 1
        return str(self.next_bad)

    def template(self, layout: str, eid: str) -> list[bytes]:
        if layout.startswith("gdelt"):
            width = int(layout[5:7])
            row = list(self.rng.choice(self.gdelt[width]))
            row[0] = eid.encode()
            return row
        if layout == "mentions":
            return mention_row(eid, self.rng.randrange(10))
        return {"icews": icews_template, "phoenix": phoenix_template, "polecat": polecat_template}[layout](int(eid))


LAYOUTS = {  # name: (importer format, row layout, header, suffix, container)
    "gdelt-1.0-57": ("gdelt", "gdelt57", None, ".export.CSV", None),
    "gdelt-1.0-58": ("gdelt", "gdelt58", None, ".export.CSV", None),
    "gdelt-2.0": ("gdelt", "gdelt61", None, ".export.CSV", None),
    "gdelt-2.0-zip": ("gdelt", "gdelt61", None, ".export.CSV", "zip"),
    "gdelt-1.0-gz": ("gdelt", "gdelt58", None, ".export.CSV", "gz"),
    "gdelt-mentions": ("gdelt", "mentions", None, ".mentions.CSV", None),
    "icews": ("icews", "icews", ICEWS_HEADER, ".tab", None),
    "icews-zip": ("icews", "icews", ICEWS_HEADER, ".tab", "zip"),
    "polecat-tsv": ("polecat", "polecat", POLECAT_HEADER, ".txt", None),
    "polecat-json": ("polecat", "json", None, ".jsonl", None),
    "phoenix": ("phoenix", "phoenix", None, ".tsv", None),
}
ORIGIN = {"gdelt": "gdelt", "icews": "icews", "polecat": "polecat", "phoenix": "phoenix"}


def pack(data: bytes, name: str, container: str | None) -> tuple[bytes, str]:
    if container == "zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(name, data)
        return buf.getvalue(), name + ".zip"
    if container == "gz":
        return gzip.compress(data, compresslevel=1), name + ".gz"
    return data, name


def snapshot(store: Store, ids_sql: str) -> tuple:
    """Count and hash of the events, dyads and mentions of the data loaded before the run."""
    con = store.con
    ev = con.execute(f"SELECT count(*), sum(hash(e)) FROM events e WHERE id IN ({ids_sql})").fetchall()[0]
    dy = con.execute(f"SELECT count(*), sum(hash(d)) FROM event_dyads d WHERE event_id IN ({ids_sql})").fetchall()[0]
    me = con.execute(f"SELECT count(*), sum(hash(m)) FROM event_mentions m WHERE event_id IN ({ids_sql})"
                     ).fetchall()[0]
    return ev, dy, me


def preload(store: Store, d: Path, gen: Gen) -> int:
    """Good files of every layout, imported before the fuzz; their ids go to table _fz_pre."""
    for n, (name, (fmt, layout, header, suffix, container)) in enumerate(LAYOUTS.items()):
        if layout == "json":
            rows = [json.dumps(json_template(int(gen.good_id()))).encode() for _ in range(20)]
        elif layout == "mentions":
            rows = [b"\t".join(mention_row(str(10_000_000 + k), k)) for k in range(20)]  # gdelt-2.0's ids below
        else:
            rows = [b"\t".join(gen.template(layout, str(10_000_000 + k) if layout.startswith("gdelt")
                                            else gen.good_id())) for k in range(20 * n, 20 * n + 20)]
        data = (("\t".join(header) + "\n").encode() if header else b"") + b"\n".join(rows) + b"\n"
        data, fname = pack(data, f"pre-{name}{suffix}", container)
        p = d / fname
        p.write_bytes(data)
        report = import_files(store, fmt, [p])
        assert report.ok, (name, report.messages[:5])
    store.con.execute("CREATE TABLE _fz_pre AS SELECT id FROM events")
    return store.con.execute("SELECT count(*) FROM _fz_pre").fetchall()[0][0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=3000, help="distinct bad inputs to generate")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--hang", type=float, default=5.0, help="seconds an import of one file may take")
    ap.add_argument("--max-bad", type=int, default=30, help="most bad rows per file")
    ap.add_argument("--keep", default="/tmp/fuzz-import-failures", help="folder for files that failed a check")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    gen = Gen(rng)
    seen: set[bytes] = set()
    per = {k: Counter() for k in LAYOUTS}
    first_error: dict[str, str] = {}
    slowest = (0.0, "")
    keep = Path(args.keep)
    with tempfile.TemporaryDirectory(prefix="fuzz-import-") as tmp:
        d = Path(tmp)
        store = Store(d / "store.duckdb")
        n_pre = preload(store, d, gen)
        pre_sql = "SELECT id FROM _fz_pre"
        before = snapshot(store, pre_sql)
        stored_total = store.con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        print(f"fuzz_import: store loaded with {n_pre} events of {len(LAYOUTS)} layouts; hash {before[0]}", flush=True)
        started = time.perf_counter()
        inputs = rounds = 0
        while inputs < args.inputs:
            rounds += 1
            name = rng.choice(list(LAYOUTS))
            fmt, layout, header, suffix, container = LAYOUTS[name]
            stats = per[name]
            good_ids = [gen.good_id() for _ in range(3)]
            if layout == "json":
                good = [json.dumps(json_template(int(i))).encode() for i in good_ids]
            else:
                good = [b"\t".join(gen.template(layout, i)) for i in good_ids]
            whole = rng.random() < 0.12  # mutate the whole file (its header or container too)
            bad: list[bytes] = []
            if not whole:
                for _ in range(rng.randint(1, args.max_bad)):
                    if layout == "json":
                        row = bad_json(rng, json_template(int(gen.bad_id())))
                    else:
                        row = bad_row(rng, gen.template(layout, gen.bad_id()))
                    key = hashlib.sha1(name.encode() + b"\0" + row).digest()
                    if key not in seen:
                        seen.add(key)
                        bad.append(row)
            lines = []
            for i, g in enumerate(good):  # good, bad ..., good, bad ..., good
                lines.append(g)
                lines.extend(bad[i * len(bad) // 3:(i + 1) * len(bad) // 3])
            data = (("\t".join(header) + "\n").encode() if header else b"") + b"\n".join(lines) + b"\n"
            data, fname = pack(data, f"r{rounds}-{name}{suffix}", container)
            if whole:
                data = mutate_bytes(rng, data, newlines=True)
                key = hashlib.sha1(name.encode() + b"\1" + data).digest()
                if key in seen:
                    continue
                seen.add(key)
                n_inputs = 1
            else:
                n_inputs = len(bad)
            if not n_inputs:
                continue
            inputs += n_inputs
            stats["inputs"] += n_inputs
            stats["files"] += 1
            p = d / fname
            p.write_bytes(data)
            t0, c0 = time.perf_counter(), time.process_time()
            failed = None
            try:
                report = import_files(store, fmt, [p])
                stored_total += report.new
                again = import_files(store, fmt, [p]) if rounds % 10 == 0 else None
                stored_total += again.new if again else 0
                if again is not None and again.new:
                    failed = "re-import stored rows again"
                if not whole and layout != "mentions":
                    got = store.con.execute(
                        "SELECT count(DISTINCT origin_id) FROM events WHERE origin = ? AND origin_id IN (?, ?, ?)",
                        [ORIGIN[fmt], *good_ids]).fetchall()[0][0]
                    if got < 3:
                        failed = f"good rows lost ({3 - got} of 3)"
                elif not whole:
                    got = store.con.execute("SELECT count(DISTINCT origin_id) FROM event_mentions WHERE origin_id IN "
                                            "(?, ?, ?)", good_ids).fetchall()[0][0]
                    if got < 3:
                        failed = f"good mentions lost ({3 - got} of 3)"
                try:  # the connection must be usable after any import
                    store.con.execute("SELECT 1").fetchall()
                except Exception:  # noqa: BLE001
                    failed = "connection left in an aborted transaction"
                    store.con.execute("ROLLBACK")
            except Exception as exc:  # noqa: BLE001 - counting every uncaught error is the point
                stats["uncaught"] += 1
                try:
                    store.con.execute("ROLLBACK")
                except Exception:  # noqa: BLE001, S110 - no transaction was open
                    pass
                key = f"{type(exc).__name__} ({name})"
                first_error.setdefault(key, traceback.format_exc(limit=4))
                failed = "uncaught " + key
            took, cpu = time.perf_counter() - t0, time.process_time() - c0
            if cpu > args.hang:  # a hang: this process busy that long (on a loaded machine the wall
                stats["hangs"] += 1  # clock also counts time waiting for a CPU: reported apart)
                failed = failed or f"took {cpu:.1f} s of CPU"
            if took > args.hang:
                stats["slow wall"] += 1
            if cpu > slowest[0]:
                slowest = (cpu, f"{name} ({len(data):,} bytes, {took:.1f} s wall)")
            if failed:
                if not failed.startswith("uncaught"):
                    stats["check failed"] += 1
                    first_error.setdefault(failed + f" ({name})", "")
                keep.mkdir(parents=True, exist_ok=True)
                (keep / fname).write_bytes(data)
            p.unlink()
            if rounds % 200 == 0:
                el = time.perf_counter() - started
                print(f"  {inputs:,} inputs, {rounds:,} files, {el:.0f} s", flush=True)
        elapsed = time.perf_counter() - started
        after = snapshot(store, pre_sql)
        n, distinct = store.con.execute("SELECT count(*), count(DISTINCT id) FROM events").fetchall()[0]
        dy, dy_distinct = store.con.execute(
            "SELECT count(*), count(DISTINCT (event_id, source, target)) FROM event_dyads").fetchall()[0]
        store.close()
    print(f"\n{'layout':<16}{'bad inputs':>11}{'files':>7}{'uncaught':>9}{'hangs':>6}{'checks failed':>14}"
          f"{'over 5 s wall':>14}")
    tot = Counter()
    for name, s in per.items():
        tot.update(s)
        print(f"{name:<16}{s['inputs']:>11,}{s['files']:>7,}{s['uncaught']:>9}{s['hangs']:>6}{s['check failed']:>14}"
              f"{s['slow wall']:>14}")
    print(f"{'all':<16}{tot['inputs']:>11,}{tot['files']:>7,}{tot['uncaught']:>9}{tot['hangs']:>6}"
          f"{tot['check failed']:>14}{tot['slow wall']:>14}")
    print(f"fuzz_import: {tot['inputs']:,} distinct bad inputs in {tot['files']:,} files, {elapsed:.0f} s: "
          f"{tot['uncaught']} uncaught exceptions, {tot['hangs']} imports over {args.hang:g} s of CPU "
          f"({tot['slow wall']} over {args.hang:g} s wall), "
          f"{tot['check failed']} files failing a check; slowest {slowest[0]:.2f} s of CPU: {slowest[1]}")
    print(f"store: data loaded before {'intact' if after == before else 'CHANGED'} "
          f"({after[0][0]} events, {after[1][0]} dyads, {after[2][0]} mentions); "
          f"{n:,} events ({'no id twice' if n == distinct else f'{n - distinct} ids twice'}), "
          f"{'as reported' if n == stored_total else f'reports say {stored_total:,}'}; "
          f"{dy:,} dyads ({'none twice' if dy == dy_distinct else f'{dy - dy_distinct} twice'})")
    for key, tb in first_error.items():
        print(f"  {key}\n{tb}")


if __name__ == "__main__":
    main()
