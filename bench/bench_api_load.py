"""Load on a real `dyadwatch serve` process: requests/s and latency for concurrent read clients.

    .venv/bin/python bench/bench_api_load.py                      # small store and 1M events, 20 clients
    .venv/bin/python bench/bench_api_load.py --sizes 2e4 --seconds 5   # a quick run

A bounded asyncio client (httpx) keeps `--clients` requests in flight for `--seconds` against a
server on 127.0.0.1, drawing from 600 distinct reads of the kinds the dashboard makes (dyad series and regimes, pages of
events, actors, network) with popularity falling as 1/rank, as real dashboards do. Printed next to
it: the same stream asked by one client at a time (no concurrency), a run of reads the server has
not seen before (nothing to reuse), and, with --src, the same runs against another version of the
code (e.g. the commit before a change) in the same run.
Databases are synthetic (`dyadwatch.store.synthetic`) and go to a temporary folder.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from dyadwatch.store import Store
from dyadwatch.store.synthetic import COUNTRIES, HOT_PAIRS, load_synthetic

PAIRS = list(HOT_PAIRS) + list(itertools.pairwise(COUNTRIES[:31]))
TYPES = ("ASSAULT", "CONSULT", "ACCUSE", "AID", "THREATEN", "COOPERATE")


def request_mix(n: int = 600, seed: int = 1) -> list[str]:
    """`n` distinct reads of the kinds the dashboard makes, most popular first: dyad series and
    regimes at three frequencies, pages of a dyad's events, filtered event pages, actors, network."""
    rng = random.Random(seed)
    paths = ["/api/info", "/api/actors?limit=100", "/api/network?limit=100", "/api/events?limit=50"]
    for a, b in PAIRS:
        for freq in ("month", "week", "quarter"):
            paths.append(f"/api/dyads/{a}/{b}/series?freq={freq}")
            paths.append(f"/api/dyads/{a}/{b}/regimes?freq={freq}")
        for page in range(4):
            paths.append(f"/api/events?dyad={a},{b}&limit=50&offset={50 * page}")
    for c in COUNTRIES[:40]:
        for t in TYPES:
            paths.append(f"/api/events?actor={c}&type={t}&limit=20")
    head, rest = paths[:4], paths[4:]
    rng.shuffle(rest)
    return (head + rest)[:n]


def unseen_stream(seed: int) -> Iterator[str]:
    """Reads never asked before (each with its own date range or page): nothing can be reused."""
    rng = random.Random(seed)
    for n in itertools.count():
        a, b = rng.choice(PAIRS)
        year, day = 2015 + n % 9, 1 + n % 28
        if n % 3 == 0:
            yield f"/api/dyads/{a}/{b}/series?freq=week&since={year}-01-{day:02d}"
        elif n % 3 == 1:
            yield f"/api/events?dyad={a},{b}&limit=50&since={year}-02-{day:02d}&offset={n % 50}"
        else:
            yield f"/api/events?actor={a}&limit=20&until={year}-03-{day:02d}&offset={n}"


def zipf_stream(paths: list[str], seed: int) -> Iterator[str]:
    """Requests drawn from `paths` with popularity falling as 1/rank (a few views are asked often)."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(paths))]
    while True:
        yield from rng.choices(paths, weights, k=256)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, src: str | None = None) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "DYADWATCH_TOKEN"}
    if src:  # serve another checkout's code (`git worktree add`), to compare two versions in one run
        env["PYTHONPATH"] = src
    proc = subprocess.Popen([sys.executable, "-m", "dyadwatch.cli", "serve", "--db", str(db), "--port", str(port),
                             "--log-level", "warning"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/info", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("server did not start in 120 s")


async def load(base: str, clients: int, seconds: float, stream: Iterator[str]) -> tuple[list[float], int, int]:
    """(latencies in seconds, requests answered 200, other answers) over `seconds`, the clients
    taking their next request from `stream`."""
    latencies: list[float] = []
    bad = 0
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        async def worker() -> None:
            nonlocal bad
            while time.perf_counter() < stop:
                t = time.perf_counter()
                r = await client.get(next(stream))
                if r.status_code == 200:
                    latencies.append(time.perf_counter() - t)
                else:
                    bad += 1

        await asyncio.gather(*(worker() for _ in range(clients)))
    return latencies, len(latencies), bad


def report(label: str, lat: list[float], ok: int, bad: int, seconds: float) -> None:
    if not lat:
        print(f"  {label:<34} no successful request ({bad} failed)")
        return
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [lat[0]] * 99
    print(f"  {label:<34} {ok / seconds:8.1f} req/s   p50 {q[49] * 1000:7.1f} ms   p99 {q[98] * 1000:7.1f} ms"
          f"   ({ok} ok, {bad} not 200)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="2e4,1e6", help="comma-separated numbers of synthetic events")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--dir", default=None)
    ap.add_argument("--src", action="append", default=[],
                    help="also serve the code of another checkout's src/ folder, e.g. the commit before a "
                         "change (git worktree add /tmp/old HEAD~5; --src /tmp/old/src); repeatable")
    args = ap.parse_args()
    root = Path(args.dir or tempfile.mkdtemp(prefix="dyadwatch-load-"))
    root.mkdir(parents=True, exist_ok=True)
    paths = request_mix()
    try:
        for size in (int(float(s)) for s in args.sizes.split(",")):
            db = root / f"load-{size}.duckdb"
            if not db.exists():
                with Store(db) as st:
                    load_synthetic(st, size)
                    st.optimize()
            print(f"{size:,} events, {args.clients} clients, {args.seconds:.0f} s each, {len(paths)} distinct "
                  "reads asked with 1/rank popularity:")
            for src in [None, *args.src]:
                port = free_port()
                proc = start_server(db, port, src)
                base = f"http://127.0.0.1:{port}"
                name = f"served from {src}" if src else "this checkout"
                try:
                    httpx.get(base + "/api/info", timeout=120)
                    lat, ok, bad = asyncio.run(load(base, 1, args.seconds / 2, zipf_stream(paths, 7)))
                    report(f"{name}: 1 client", lat, ok, bad, args.seconds / 2)
                    lat, ok, bad = asyncio.run(load(base, args.clients, args.seconds, zipf_stream(paths, 8)))
                    report(f"{name}: {args.clients} clients", lat, ok, bad, args.seconds)
                    lat, ok, bad = asyncio.run(load(base, args.clients, args.seconds, unseen_stream(9)))
                    report(f"{name}: {args.clients} clients, unseen reads", lat, ok, bad, args.seconds)
                finally:
                    proc.terminate()
                    proc.wait(timeout=30)
    finally:
        if not args.dir:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
