"""A longer fuzz run of every reader: mutated JSON lines, .json, text, HTML, feeds, WARC and URL
lists, under their own names and under wrong ones, and through stdin.

Prints the inputs tried, uncaught exceptions, inputs slower than the hang limit, the slowest input,
and whether good records placed around the bad ones were all kept. No network: URL lists are read
without a fetcher.

    .venv/bin/python bench/fuzz_readers.py [--n 100000] [--seed 0] [--hang 5]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import signal
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

GOOD = [json.dumps({"text": "Japan and China held talks in Beijing on Monday, officials said.", "id": "g1"}),
        json.dumps({"text": "Russia and Japan signed a fisheries deal in Tokyo on Friday, a spokesman said."})]
SEEDS: dict[str, bytes] = {
    "a.jsonl": ("\n".join([GOOD[0], ('{"text": "Seoul said talks would resume.", "date": "2019-03-05", '
                           '"title": "Talks", "url": "https://x.example.test/1"}'), GOOD[1]]) + "\n").encode(),
    "a.json": json.dumps([{"text": "China urged restraint, officials said.", "date": "March 4, 2019"}]).encode(),
    "a.txt": b"Date: 2019-03-04\nTitle: Talks\n\nSEOUL (Wire) - The two Koreas held talks on Monday, officials said.\n",
    "a.html": (b"<!DOCTYPE html><html><head><title>Talks</title><meta property='article:published_time' "
               b"content='2019-03-04'></head><body><article><p>SEOUL (Wire) - The two Koreas held talks on Monday "
               b"and agreed to meet again next month, officials said.</p></article></body></html>"),
    "a.rss": (b"<?xml version='1.0'?><rss version='2.0'><channel><title>W</title><item><title>T</title>"
              b"<link>https://x.example.test/1</link><guid>g</guid><pubDate>Mon, 04 Mar 2019 10:00:00 GMT</pubDate>"
              b"<description>Japan and China held talks, officials said.</description></item></channel></rss>"),
    "a.atom": (b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>W</title><entry><title>T"
               b"</title><link href='https://x.example.test/1'/><id>urn:1</id><updated>2019-03-04T10:00:00Z</updated>"
               b"<summary>Japan and China held talks, officials said.</summary></entry></feed>"),
    "a.urls": b"# list\nhttps://x.example.test/1\nhttps://x.example.test/2\n",
}
BAD_BITS = [b"\\ud800", b"[" * 1000, b"9" * 5000, b"\x00", b"\xff\xfe", b"\r", b"\x1b[31m", b"&bogus;", b"<![CDATA[",
            b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>", b"%PDF-1.4", b"\x89PNG\r\n\x1a\n", b"WARC/1.0\r\n", b"\x1f\x8b",
            b'"date": "' + b"2019 " * 20000 + b'"', b"\xe2\x80", b"}" * 50, b"\n" * 3]


def warc_seed() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    page = SEEDS["a.html"]
    w.write_record(w.create_warc_record("https://x.example.test/1", "response", payload=io.BytesIO(page),
                                        http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                                                      protocol="HTTP/1.1")))
    return buf.getvalue()


def mutate(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.random()
        pos = rng.randint(0, len(out)) if out else 0
        if op < 0.25 and out:  # flip bytes
            for _k in range(rng.randint(1, 8)):
                i = rng.randrange(len(out))
                out[i] = rng.randrange(256)
        elif op < 0.45:  # cut
            out = out[:pos]
        elif op < 0.75:  # insert a known bad construct
            out[pos:pos] = rng.choice(BAD_BITS)
        elif op < 0.9:  # duplicate a slice
            j = rng.randint(pos, len(out))
            out[pos:pos] = out[pos:j] * rng.randint(1, 3)
        else:  # random bytes
            out[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    return bytes(out)


class Hang(Exception):
    pass


def main() -> None:
    from dyadwatch.ingest import Article, IngestError, read_paths

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--hang", type=float, default=5.0)
    ap.add_argument("--keep", default=None, help="save inputs slower than the hang limit in this folder")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    seeds = dict(SEEDS)
    seeds["a.warc"] = warc_seed()
    names = list(seeds) + ["a.warc.gz", "noext", "a.pdf", "a.xml"]
    crashes: Counter = Counter()
    first_crash: dict[str, str] = {}
    hangs, lost_good, slowest = 0, 0, (0.0, "")
    signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(Hang()))
    with tempfile.TemporaryDirectory() as d:
        t_warm = time.perf_counter()  # libraries and models load on first use: not a hang
        for name, data in seeds.items():
            Path(d, name).write_bytes(data)
            list(read_paths([Path(d, name)]))
        from dyadwatch.ingest import detect_language

        detect_language("Abe met Putin.")
        print(f"fuzz_readers: warm-up (imports, models) {time.perf_counter() - t_warm:.1f} s")
        started = time.perf_counter()
        for k in range(args.n):
            kind = rng.choice(list(seeds))
            data = mutate(rng, seeds[kind])
            name = kind if rng.random() < 0.7 else rng.choice(names)
            sandwich = name.endswith(".jsonl") and rng.random() < 0.5
            if sandwich:  # good records around the bad bytes must all be kept
                data = GOOD[0].encode() + b"\n" + data.replace(b"\n", b" ") + b"\n" + GOOD[1].encode() + b"\n"
            p = Path(d) / f"{k % 50}-{name}"
            p.write_bytes(data)
            via_stdin = rng.random() < 0.1
            t0 = time.perf_counter()
            timed_out = False
            signal.setitimer(signal.ITIMER_REAL, args.hang)
            try:
                got = list(read_paths(["-"], stdin=io.BytesIO(data)) if via_stdin else read_paths([p]))
                assert all(isinstance(x, (Article, IngestError)) for x in got)
                if sandwich and not via_stdin:
                    texts = {x.text for x in got if isinstance(x, Article)}
                    lost_good += sum(json.loads(g)["text"] not in texts for g in GOOD)
            except Hang:
                timed_out = True
            except Exception as exc:  # noqa: BLE001 - what the fuzz run counts
                key = f"{type(exc).__name__} ({name})"
                crashes[key] += 1
                first_crash.setdefault(key, traceback.format_exc(limit=3))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            took = time.perf_counter() - t0
            if timed_out or took > args.hang:  # the alarm cannot stop C code: the clock counts too
                hangs += 1
            if took > args.hang and args.keep:
                Path(args.keep).mkdir(parents=True, exist_ok=True)
                Path(args.keep, f"slow-{k}-{'stdin-' if via_stdin else ''}{name}").write_bytes(data)
            if took > slowest[0]:
                slowest = (took, f"{name} ({len(data)} bytes)")
    total = time.perf_counter() - started
    print(f"fuzz_readers: {args.n} inputs in {total:.0f} s ({args.n / total:.0f}/s): "
          f"{sum(crashes.values())} uncaught exceptions, {hangs} over {args.hang:g} s, "
          f"{lost_good} good records lost around bad ones; slowest {slowest[0]:.2f} s: {slowest[1]}")
    for key, n in crashes.most_common():
        print(f"  {n} x {key}\n{first_crash[key]}")


if __name__ == "__main__":
    main()
