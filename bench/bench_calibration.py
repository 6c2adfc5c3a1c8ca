"""Calibration of the default impact test and of regimes, on generated dyads of known truth.

    .venv/bin/python bench/bench_calibration.py              # 500 dyads without change, 500 with one
    .venv/bin/python bench/bench_calibration.py --n 100      # a quick run

Every dyad lives in a store of its own origin (so its coverage is its own): three years of weeks,
its events plus the store's other events (a background dyad) in every week, both scaled by the
same coverage factor, which changes over time in one of six ways: constant, tripling at the test
date, falling to a third at it, growing steadily to three times, random news bursts (lognormal),
or an eight-week gap with nothing stored. Each event is cooperative with probability p_t: a fixed
mixture, or one that drifts from week to week (a latent AR(1) tone in logits, rho 0.6), so the
relationship itself wanders without changing. The test date is a random week in the middle year.

- False alarms: the share of dyads WITHOUT a change where the default `dyad_impact` (weekly
  balance of cooperation, a year either side) calls a significant change at the 5% level.
  Target: at most 7% (n >= 500). Baseline in the same run: the same test on net_coop, the count
  that was the default before (coverage moves it).
- Power: the same dyads with a planted change of one standard deviation (of the weekly values
  before the date) in the balance of cooperation at the date, up or down at random.
- Regimes: the share of the no-change dyads that `dyad_regimes` (defaults) splits into one regime
  (target >= 95%), and the share of the planted-change dyads where it finds a change point within
  8 weeks of the date.
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from dyadwatch.analysis import dyad_impact, dyad_regimes
from dyadwatch.analysis.regimes import DEFAULT_BETA
from dyadwatch.events import PLOVER_SCORE, QUAD
from dyadwatch.store import Store
from dyadwatch.store.core import EVENT_COLS

WEEKS = 156
START = np.datetime64("2019-01-07")  # a Monday
COOP = {"CONSULT": 0.35, "AGREE": 0.25, "SUPPORT": 0.2, "COOPERATE": 0.12, "AID": 0.08}
CONFLICT = {"REQUEST": 0.15, "ACCUSE": 0.3, "REJECT": 0.1, "THREATEN": 0.15, "SANCTION": 0.08,
            "MOBILIZE": 0.12, "ASSAULT": 0.1}
COVERAGES = ("constant", "triples", "thirds", "grows", "bursts", "gap")
DRIFTS = (0.0, 0.3)


def coverage_curve(kind: str, t0: int, rng: np.random.Generator) -> np.ndarray:
    k = np.arange(WEEKS)
    if kind == "constant":
        return np.ones(WEEKS)
    if kind == "triples":
        return np.where(k >= t0, 3.0, 1.0)
    if kind == "thirds":
        return np.where(k >= t0, 1 / 3, 1.0)
    if kind == "grows":
        return np.linspace(1.0, 3.0, WEEKS)
    if kind == "bursts":
        return rng.lognormal(0.0, 0.8, WEEKS)
    c = np.ones(WEEKS)  # gap: eight weeks with nothing stored, just before or after the date
    g = t0 - 10 if rng.random() < 0.5 else t0 + 2
    c[g:g + 8] = 0.0
    return c


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def make_dyad(rng: np.random.Generator, coverage: str, drift: float, t0: int, shift_sd: float,
              sign: float) -> tuple[dict[str, list], float]:
    """Rows for one dyad and its background; returns (columns, the planted shift in balance)."""
    rate = rng.uniform(0.7, 6.0)  # dyad events per week at coverage 1
    p0 = rng.uniform(0.25, 0.75)
    cov = coverage_curve(coverage, t0, rng)
    u = np.zeros(WEEKS)
    if drift:
        u[0] = rng.normal(0, drift / math.sqrt(1 - 0.36))
        for w in range(1, WEEKS):
            u[w] = 0.6 * u[w - 1] + rng.normal(0, drift)
    n_week = rng.poisson(rate * cov)
    mu = np.full(WEEKS, _logit(p0))
    planted = 0.0
    if shift_sd:
        # one SD of the weekly balance in the year before the date: the binomial noise of the weeks
        # that have events, plus the drift of the tone (its stationary SD, through the logistic)
        pre = n_week[max(0, t0 - 52):t0]
        pre = pre[pre > 0]
        binom = float(np.mean(4 * p0 * (1 - p0) / pre)) if len(pre) else 4 * p0 * (1 - p0)
        sd = math.sqrt(binom + (2 * p0 * (1 - p0) * drift / 0.8) ** 2)
        target = min(max(p0 + sign * shift_sd * sd / 2, 0.03), 0.97)
        mu[t0:] = _logit(target)
        planted = 2 * (target - p0)
    p = 1 / (1 + np.exp(-(mu + u)))
    cols: dict[str, list] = {"date": [], "source": [], "target": [], "event": []}
    coop_t, coop_w = list(COOP), np.array(list(COOP.values()))
    conf_t, conf_w = list(CONFLICT), np.array(list(CONFLICT.values()))
    for w in range(WEEKS):
        n = int(n_week[w])
        bg = rng.poisson(3 * rate * cov[w])
        if cov[w] > 0 and n + bg == 0:
            bg = 1  # a covered week has something stored
        for _ in range(n):
            coop = rng.random() < p[w]
            etype = rng.choice(coop_t, p=coop_w) if coop else rng.choice(conf_t, p=conf_w)
            src, tgt = ("AAA", "BBB") if rng.random() < 0.5 else ("BBB", "AAA")
            cols["date"].append(START + np.timedelta64(7 * w + int(rng.integers(0, 7)), "D"))
            cols["source"].append(src)
            cols["target"].append(tgt)
            cols["event"].append(str(etype))
        for _ in range(bg):
            cols["date"].append(START + np.timedelta64(7 * w + int(rng.integers(0, 7)), "D"))
            cols["source"].append("XXX")
            cols["target"].append("YYY")
            cols["event"].append("CONSULT")
    return cols, planted


def load(store: Store, dyads: list[tuple[str, dict[str, list]]]) -> None:
    """All dyads into the store, one origin each, through Store.insert_staged."""
    ids, dates, src, tgt, ev, origin = [], [], [], [], [], []
    for name, cols in dyads:
        k = len(cols["date"])
        ids += [f"{name}-{i}" for i in range(k)]
        dates += cols["date"]
        src += cols["source"]
        tgt += cols["target"]
        ev += cols["event"]
        origin += [name] * k
    tbl = pa.table({
        "id": pa.array(ids, pa.string()), "date": pa.array(np.array(dates, dtype="datetime64[D]"), pa.date32()),
        "event": pa.array(ev, pa.string()), "actor_code": pa.array(src, pa.string()),
        "recipient_code": pa.array(tgt, pa.string()), "origin": pa.array(origin, pa.string()),
        "plover_score": pa.array([PLOVER_SCORE[e] for e in ev], pa.float64()),
        "quad_code": pa.array([QUAD[e] for e in ev], pa.int8()),
    })
    store.con.register("_cal_rows", tbl)
    given = set(tbl.column_names)
    select = ", ".join(c if c in given else f"NULL AS {c}" for c in EVENT_COLS)
    store.con.execute(f"CREATE OR REPLACE TEMP VIEW _cal_events AS SELECT {select}, 'asserted' AS _m FROM _cal_rows")
    store.con.execute("CREATE OR REPLACE TEMP VIEW _cal_staged AS SELECT * EXCLUDE (modality, _m), _m AS modality "
                      "FROM _cal_events")
    store.con.execute("BEGIN TRANSACTION")
    store.insert_staged(f"(SELECT {', '.join(EVENT_COLS)} FROM _cal_staged)", unique=True)
    store.con.execute("COMMIT")
    store.con.unregister("_cal_rows")


def rate_line(label: str, hits: int, n: int, extra: str = "") -> None:
    se = math.sqrt(max(hits / n * (1 - hits / n), 1e-9) / n) if n else 0.0
    share = hits / n if n else float("nan")
    print(f"  {label:<58} {share:6.1%}  ({hits}/{n}, ±{1.96 * se:.1%}) {extra}", flush=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500, help="dyads without change and with one (default 500 each)")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--no-regimes", action="store_true", help="skip the regimes part")
    ap.add_argument("--dir", default=None, help="folder for the database (default: a temporary one)")
    args = ap.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="dyadwatch-cal-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "calibration.duckdb"
    if db.exists():
        db.unlink()
    print(f"dyadwatch calibration: {args.n} dyads without change and {args.n} with a 1-SD change, "
          f"{WEEKS} weeks each, seed {args.seed}")
    specs = []
    dyads = []
    t = time.perf_counter()
    for kind in ("null", "change"):
        for i in range(args.n):
            coverage = COVERAGES[i % len(COVERAGES)]
            drift = DRIFTS[(i // len(COVERAGES)) % len(DRIFTS)]
            t0 = int(rng.integers(60, 97))
            sign = 1.0 if rng.random() < 0.5 else -1.0
            cols, planted = make_dyad(rng, coverage, drift, t0, 1.0 if kind == "change" else 0.0, sign)
            name = f"{kind}{i}"
            dyads.append((name, cols))
            day = (START + np.timedelta64(7 * t0 + 3, "D")).astype(str)
            specs.append({"name": name, "kind": kind, "coverage": coverage, "drift": drift, "date": day,
                          "sign": sign, "planted": planted})
    try:
        with Store(db) as store:
            load(store, dyads)
        n_rows = sum(len(c["date"]) for _, c in dyads)
        print(f"  generated and stored {n_rows:,} events in {time.perf_counter() - t:.1f} s", flush=True)
        results = []
        t = time.perf_counter()
        with Store(db, read_only=True) as store:
            for s in specs:
                res = dyad_impact(store, "AAA", "BBB", date=s["date"], origin=s["name"], robustness=False)
                base = (dyad_impact(store, "AAA", "BBB", date=s["date"], origin=s["name"], measure="net_coop",
                                    robustness=False) if s["kind"] == "null" else None)
                reg = None
                if not args.no_regimes:
                    reg = dyad_regimes(store, "AAA", "BBB", origin=s["name"], top=0)
                results.append((s, res, base, reg))
        elapsed = time.perf_counter() - t
        print(f"  {len(specs)} impact tests{'' if args.no_regimes else ' and regimes'} in {elapsed:.1f} s "
              f"({elapsed / len(specs) * 1000:.0f} ms per dyad)\n", flush=True)
        report(results, args.no_regimes)
    finally:
        if not args.dir:
            shutil.rmtree(folder, ignore_errors=True)


def report(results: list, no_regimes: bool) -> None:
    null = [r for r in results if r[0]["kind"] == "null"]
    change = [r for r in results if r[0]["kind"] == "change"]
    tested = [r for r in null if r[1]["significant"] is not None]
    fa = sum(1 for r in tested if r[1]["significant"])
    print("impact, default test (weekly balance of cooperation, a year either side, 5% level):")
    rate_line("false alarms, no change (target <= 7%)", fa, len(tested),
              f"[{len(null) - len(tested)} too few data]")
    base_tested = [r for r in null if r[2] is not None and r[2]["significant"] is not None]
    rate_line("baseline in the same run: the same test on net_coop counts", sum(1 for r in base_tested
              if r[2]["significant"]), len(base_tested))
    for cov in COVERAGES:
        sub = [r for r in tested if r[0]["coverage"] == cov]
        rate_line(f"  false alarms, coverage {cov}", sum(1 for r in sub if r[1]["significant"]), len(sub))
    for drift in DRIFTS:
        sub = [r for r in tested if r[0]["drift"] == drift]
        rate_line(f"  false alarms, tone drift {drift}", sum(1 for r in sub if r[1]["significant"]), len(sub))
    ct = [r for r in change if r[1]["significant"] is not None]
    hit = [r for r in ct if r[1]["significant"] and
           r[1]["direction"] == ("towards cooperation" if r[0]["sign"] > 0 else "towards conflict")]
    rate_line("power: a planted change of 1 SD found, right direction", len(hit), len(ct))
    wrong = sum(1 for r in ct if r[1]["significant"]) - len(hit)
    print(f"  (significant in the wrong direction: {wrong}; mean planted shift in balance "
          f"{np.mean([abs(r[0]['planted']) for r in change]):.2f})")
    if no_regimes:
        return
    print(f"\nregimes, defaults (freq auto, beta {DEFAULT_BETA:g}):")
    one = sum(1 for r in null if len(r[3]) == 1)
    rate_line("no change: one regime (target >= 95%)", one, len(null))
    for drift in DRIFTS:
        sub = [r for r in null if r[0]["drift"] == drift]
        rate_line(f"  one regime, tone drift {drift}", sum(1 for r in sub if len(r[3]) == 1), len(sub))
    found = 0
    for s, _res, _b, reg in change:
        d = np.datetime64(s["date"])
        cps = [np.datetime64(c) for c in reg.attrs["change_points"]]
        if any(abs((c - d).astype(int)) <= 56 for c in cps):
            found += 1
    rate_line("planted 1-SD change: a change point within 8 weeks", found, len(change))


if __name__ == "__main__":
    sys.exit(main())
