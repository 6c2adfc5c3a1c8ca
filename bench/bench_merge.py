"""How well and how fast reports of one happening are merged into one event (store/clusters.py).

    .venv/bin/python bench/bench_merge.py [--articles 10000] [--skip-corpus] [--repeat 5]

1. Quality on a corpus we wrote (bench/data/merge_corpus.jsonl: 44 articles, 20 happenings): the
   same story from several outlets, lightly edited wire copy republished days later, follow-ups the
   next day, and acts of the same parties on the same day that must stay apart (Kharkiv and Odesa,
   Rafah and Khan Younis, Tyre and Sidon; a sanction and an accusation). The articles go through
   the whole ingest (coder included). Each article names its happening and the (type, actor,
   recipient) the coder should find for it; reports that match are scored, pairwise over reports
   from different articles: precision = pairs merged that are one happening / pairs merged, recall =
   pairs of one happening merged / pairs of one happening. Beside it, in the same run: no merging,
   and the one-a-day rule (one event per type, dyad and date).
   Cost of the merge on the whole ingest (read + code + store), in the same run: the corpus is
   ingested into fresh stores with merging off and on, alternating (`--repeat` times each, after a
   warm-up), best of each: articles/s both ways and the drop in %, the store step's ms/article, and
   the drop the store step alone accounts for (merging changes nothing else; on a busy machine the
   whole ingest of 44 short articles varies by more than the merge costs).
2. Cost on N generated articles (default 10,000; reports made directly, no coder): the store step
   with merging off and on, fed the same batches of 16 articles one after the other (off, on, off,
   ...) so that a busy machine slows both alike: ms/article and articles/s both ways and the drop;
   and the same precision and recall on their known clusters.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import tempfile
import time
from collections.abc import Iterable
from datetime import date as _date
from datetime import timedelta
from pathlib import Path

from dyadwatch.events import Actor, Event
from dyadwatch.ingest.article import Article
from dyadwatch.pipeline import ingest_paths
from dyadwatch.store import Store

CORPUS = Path(__file__).parent / "data" / "merge_corpus.jsonl"


def pairwise(pred: dict[str, str], gold: dict[str, object], story: dict[str, str]) -> tuple[float, float, int]:
    """Precision, recall and pairs of one happening, over report pairs from different articles."""
    tp = fp = fn = 0
    ids = sorted(gold)
    for a, b in itertools.combinations(ids, 2):
        if story[a] == story[b]:
            continue
        same_pred, same_gold = pred[a] == pred[b], gold[a] == gold[b]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    return precision, recall, tp + fn


def one_a_day(rows: Iterable[dict]) -> dict[str, str]:
    """The one-a-day convention: one event per (type, actor, recipient, modality, date)."""
    return {r["id"]: json.dumps([r["event"], r["actor"], r["recipient"], r["modality"], str(r["date"])]) for r in rows}


class _TimedStore(Store):
    """A Store that adds up the time its add_articles calls take (the store step of the ingest)."""

    store_s = 0.0

    def add_articles(self, items):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        try:
            return super().add_articles(items)
        finally:
            self.store_s += time.perf_counter() - t0


def corpus_cost(tmp: Path, n_articles: int, repeat: int) -> None:
    """The whole ingest of the corpus with merging off and on, alternating; best of `repeat` each."""
    counter = iter(range(10**6))

    def once(merge: bool) -> tuple[float, float]:
        with _TimedStore(tmp / f"cost{next(counter)}.duckdb", merge=merge) as s:
            t0 = time.perf_counter()
            report = ingest_paths([str(CORPUS)], store=s)
            took = time.perf_counter() - t0
            assert report.stored_new == n_articles, report.as_dict()
            return took, s.store_s

    once(True)  # warm-up: models, gazetteers and caches loaded
    runs: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
    for _ in range(repeat):
        for merge in (False, True):
            runs[merge].append(once(merge))
    (t_off, s_off), (t_on, s_on) = min(runs[False]), min(runs[True])
    s_off, s_on = min(r[1] for r in runs[False]), min(r[1] for r in runs[True])
    n = n_articles
    print(f"   whole ingest (read + code + store), best of {repeat}, merging off / on: "
          f"{n / t_off:6.1f} / {n / t_on:6.1f} articles/s, drop {100 * (1 - t_off / t_on):.1f}%; "
          f"store step {s_off / n * 1000:.2f} / {s_on / n * 1000:.2f} ms/article")
    # on a busy machine a whole ingest of a second or less varies by more than the merge costs; the
    # merge changes nothing but the store step, so its cost on the ingest is also read from that step
    print(f"   the merge's cost on the ingest from the store step: {(s_on - s_off) / n * 1000:.2f} ms/article, "
          f"drop {100 * (1 - t_off / (t_off + s_on - s_off)):.1f}%")


def corpus_quality(tmp: Path, repeat: int = 3) -> None:
    records = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]
    by_raw = {r["id"]: r for r in records}
    db = tmp / "corpus.duckdb"
    t0 = time.perf_counter()
    report = ingest_paths([str(CORPUS)], db=db)
    took = time.perf_counter() - t0
    assert report.stored_new == len(records), report.as_dict()
    with Store(db, read_only=True) as s:
        cur = s.con.execute(
            "SELECT e.id, coalesce(e.merged_into, e.id) AS ev, e.event, e.actor_code AS actor, "
            "e.recipient_code AS recipient, e.modality, e.date, a.raw_id, e.story_id FROM events e "
            "JOIN articles a ON a.id = e.story_id")
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r)) for r in cur.fetchall()]
        n_events = s.count_events()
    gold, story, pred = {}, {}, {}
    for r in rows:
        rec = by_raw[r["raw_id"]]
        for etype, actor, recipient in rec["gold"]:
            if r["event"] == etype and r["actor"] == actor and (recipient is None or r["recipient"] == recipient):
                gold[r["id"]] = (rec["happening"], etype, actor, recipient)
                story[r["id"]] = r["story_id"]
                pred[r["id"]] = r["ev"]
    expected = sum(len(r["gold"]) for r in records)
    happenings = len({g for g in gold.values()})
    print(f"1. corpus: {len(records)} articles, {len({r['happening'] for r in records})} happenings; "
          f"{len(rows)} reports coded, {len(gold)} of {expected} expected reports found "
          f"({happenings} directed happenings); {n_events} events stored; ingest {took:.1f} s")
    print(f"   {'merge':32s} {'precision':>9s} {'recall':>7s} {'pairs':>6s}")
    oad = one_a_day(r for r in rows if r["id"] in gold)
    for name, p in (("dyadwatch (events)", pred), ("no merging (reports)", {k: k for k in gold}),
                    ("one-a-day (type, dyad, date)", oad)):
        prec, rec, n = pairwise(p, gold, story)
        print(f"   {name:32s} {prec:9.3f} {rec:7.3f} {n:6d}")
    if repeat:
        corpus_cost(tmp, len(records), repeat)


# -- generated articles: cost and quality on known clusters -------------------------------------------

COUNTRIES = ("USA", "RUS", "CHN", "UKR", "IRN", "ISR", "PSE", "PRK", "KOR", "JPN", "IND", "PAK", "TUR", "SYR",
             "IRQ", "FRA", "DEU", "GBR", "SAU", "YEM", "LBN", "EGY", "ETH", "SDN", "VEN", "COL", "MEX", "BRA")
TYPES = (("ASSAULT", "190"), ("ASSAULT", "194"), ("ASSAULT", "195"), ("ACCUSE", "112"), ("SANCTION", "160"),
         ("THREATEN", "130"), ("CONSULT", "040"), ("AGREE", "030"), ("PROTEST", "140"), ("COERCE", "170"))
TOWNS = ("Kharkiv", "Odesa", "Rafah", "Khan Younis", "Tyre", "Sidon", "Aleppo", "Mosul", "Kherson", "Donetsk",
         "Homs", "Basra", "Kirkuk", "Idlib", "Hodeidah", "Marib", None, None, None, None)
OUTLETS = tuple(f"Outlet {k}" for k in range(40))
START = _date(2023, 1, 1)
_FILLER_LINES = ("officials said the talks would continue next week while analysts warned of further escalation",
                 "in the region as markets reacted calmly to the news and diplomats met behind closed doors to",
                 "discuss the crisis amid reports of shortages of food fuel and medicine in several cities")
FILLER = tuple(w for line in _FILLER_LINES for w in line.split())


def _text(rng: random.Random, n: int = 120) -> str:
    return " ".join(rng.choice(FILLER) for _ in range(n))


def _edit(rng: random.Random, text: str) -> str:
    words = text.split()
    for _ in range(5):
        words[rng.randrange(len(words))] = rng.choice(FILLER)
    return " ".join(words) + " The report could not be independently verified."


def generated(n_articles: int, seed: int = 7) -> tuple[list[tuple[Article, list[Event], bool]], dict[str, int]]:
    """Articles with one report each, from happenings reported by 1-5 outlets: wire copy (a few
    republished lightly edited, up to three days later), follow-ups the next day dated by publication,
    and, for some dyads, a second act of the same parties on the same day, in another town or of a
    sibling CAMEO code (air strike / shelling)."""
    rng = random.Random(seed)
    items: list[tuple[Article, list[Event], bool]] = []
    gold: dict[str, int] = {}
    h = 0
    while len(items) < n_articles:
        h += 1
        a, b = rng.sample(COUNTRIES, 2)
        etype, cameo = rng.choice(TYPES)
        day = rng.randrange(365)
        town = rng.choice(TOWNS)
        twins = [(town, cameo)]
        if rng.random() < 0.15:  # another act of the same parties on the same day, in another town or of a
            # sibling CAMEO code (an act that differs in nothing the reports say cannot be told apart)
            if town:
                twins.append((rng.choice([t for t in TOWNS if t and t != town]), cameo))
            elif etype == "ASSAULT":
                twins.append((None, rng.choice([c for t, c in TYPES if t == "ASSAULT" and c != cameo and c != "190"])))
        for k, (place, code) in enumerate(twins):
            wire = _text(rng)  # the first outlet's copy; some others republish it lightly edited
            for r in range(rng.choice((1, 1, 2, 2, 3, 3, 4, 5))):
                near_dup = r > 0 and rng.random() < 0.3
                pub = day + (rng.randrange(4) if near_dup else rng.random() < 0.3)
                precision = "day" if rng.random() < 0.7 else "publication"
                date = day if precision == "day" else pub
                body = wire if r == 0 else _edit(rng, wire) if near_dup else _text(rng)
                sentence = f"Forces of {a} acted against {b}{' in ' + place if place else ''} in case {h}-{k}."
                text = f"{body} {sentence}"
                art = Article(text=text, title=f"story {h}-{k}-{r}", url=f"https://example.org/{h}/{k}/{r}",
                              date=(START + timedelta(days=pub)).isoformat(), source=rng.choice(OUTLETS),
                              language="en", path="generated")
                ev = Event(story_id=art.id, event=etype, actor=[Actor(a, "GOV", a)], recipient=[Actor(b, "GOV", b)],
                           date=(START + timedelta(days=date)).isoformat(), date_precision=precision, cameo=code,
                           event_text=sentence, sentence_index=0, sentence_start=len(body) + 1, trigger="acted",
                           trigger_start=len(body) + 1 + len(f"Forces of {a} "))
                items.append((art, [ev], True))
                gold[ev.id] = h * 10 + k
    return items[:n_articles], gold


def store_both(items: list[tuple[Article, list[Event], bool]], tmp: Path, batch: int = 16) -> tuple[float, float]:
    """Seconds to store `items` with merging off and with merging on (two fresh stores, fed the same
    batches in turn, off then on)."""
    took = {False: 0.0, True: 0.0}
    with Store(tmp / "off.duckdb", merge=False) as off, Store(tmp / "on.duckdb", merge=True) as on:
        for k in range(0, len(items), batch):
            for merge, s in ((False, off), (True, on)):
                t0 = time.perf_counter()
                s.add_articles(items[k:k + batch])
                took[merge] += time.perf_counter() - t0
    return took[False], took[True]


def generated_cost(tmp: Path, n: int) -> None:
    items, gold = generated(n)
    off, on = store_both(items, tmp)
    with Store(tmp / "on.duckdb", read_only=True) as s:
        rows = s.con.execute("SELECT id, coalesce(merged_into, id), story_id FROM events").fetchall()
        n_events = s.count_events()
        n_links = s.con.execute("SELECT count(*) FROM story_links").fetchone()[0]
    pred = {r[0]: r[1] for r in rows}
    story = {r[0]: r[2] for r in rows}
    prec, rec, pairs = pairwise(pred, {k: v for k, v in gold.items() if k in pred}, story)
    print(f"2. generated: {n} articles (1 report each), {len(set(gold.values()))} happenings -> {n_events} events, "
          f"{n_links} near-duplicate story links")
    print(f"   store, merging off: {off:7.2f} s  {off / n * 1000:6.2f} ms/article  {n / off:7.0f} articles/s")
    print(f"   store, merging on:  {on:7.2f} s  {on / n * 1000:6.2f} ms/article  {n / on:7.0f} articles/s  "
          f"(+{(on - off) / n * 1000:.2f} ms per article for the merge; store speed drop {100 * (1 - off / on):.1f}%)")
    print(f"   merge quality on known clusters: precision {prec:.3f}, recall {rec:.3f} ({pairs} pairs)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--skip-corpus", action="store_true")
    ap.add_argument("--repeat", type=int, default=5, help="whole ingests of the corpus each way (0: none)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_corpus:
            corpus_quality(Path(tmp), args.repeat)
        generated_cost(Path(tmp), args.articles)


if __name__ == "__main__":
    main()
