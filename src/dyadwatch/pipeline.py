"""ingest -> code -> store for a list of paths: what `dyadwatch ingest` and `dyadwatch demo` run.

    >>> from dyadwatch.pipeline import ingest_paths
    >>> report = ingest_paths(["news/"], db="my.duckdb")
    >>> report.stored_new, report.events_stored, report.errors

Articles are stored with their events one batch per transaction (`Store.add_articles`), so an interrupted
run never leaves half an article, and running again over the same input changes nothing (article
ids come from the normalised text and URL). The events an article's coder finds are its reports; the
store merges reports of one happening from different articles into one event (store/clusters.py). Non-English articles are stored with their language
and not coded. Events of an article without a date are marked undated.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from .events import Event
from .ingest import Article, IngestError, read_paths
from .ingest.readers import expand_paths

BATCH_SIZE = 16  # articles coded per batch (code_articles runs spaCy's nlp.pipe over a batch)
CODED_LANGUAGES = frozenset({"en"})
MAX_CODED_CHARS = 1_000_000  # spaCy's parser refuses longer texts (nlp.max_length)


@dataclass
class IngestReport:
    read: int = 0  # articles read from the input (not counting errors)
    stored_new: int = 0  # articles newly stored
    already_present: int = 0  # articles whose id was already stored (or repeated in the input)
    events_stored: int = 0  # events stored with the new articles
    not_coded: int = 0  # new articles stored without coding (language not English)
    undated: int = 0  # new articles without a publication date
    errors: list[str] = field(default_factory=list)  # "file:line: message"
    languages: Counter = field(default_factory=Counter)  # new articles by language
    db: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {"read": self.read, "stored_new": self.stored_new, "already_present": self.already_present,
                "events_stored": self.events_stored, "not_coded": self.not_coded, "undated": self.undated,
                "errors": list(self.errors), "languages": dict(self.languages), "db": self.db}


def _finish_events(article: Article, events: list[Event]) -> list[Event]:
    """Events as stored: tied to the article's id (the store's key, never the input's raw id),
    undated when the coder could not date them, and without repeated ids."""
    out: list[Event] = []
    seen: set[str] = set()
    for e in events:
        if e.story_id != article.id:
            e.story_id = article.id or ""
            e.id = e.make_id()
        if e.date is None:
            e.date_precision = "undated"
        if e.id in seen:
            continue
        seen.add(e.id)
        out.append(e)
    return out


def code_batch(batch: list[Article]) -> tuple[list[tuple[Article, list[Event]]], list[str]]:
    """Code one batch of articles: ((article, events) pairs, error messages).

    If the coder fails on the batch, the articles are coded one by one and the one that fails is
    reported. A plain function of its input, so a Dask worker can run it as well as this process.
    """
    from .coding import code_article, code_articles

    try:
        return [(a, list(evs)) for a, evs in code_articles(batch)], []
    except Exception:  # noqa: BLE001 - find the one article that breaks the coder
        out, errors = [], []
        for article in batch:
            try:
                out.append((article, list(code_article(article))))
            except Exception as exc:  # noqa: BLE001
                errors.append(f"{article.path}: coding failed ({type(exc).__name__}: {exc})")
        return out, errors


BatchCoder = Callable[[Iterator[list[Article]]], Iterator[tuple[list[tuple[Article, list[Event]]], list[str]]]]


def code_locally(batches: Iterator[list[Article]]) -> Iterator[tuple[list[tuple[Article, list[Event]]], list[str]]]:
    """The default coding stage: one batch after another in this process."""
    for batch in batches:
        yield code_batch(batch)


def _batched(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_articles(items: Iterable[Article | IngestError], store: Any, report: IngestReport | None = None,
                    on_item: Callable[[Article | IngestError], None] | None = None,
                    batch_size: int = BATCH_SIZE, coder: BatchCoder | None = None) -> IngestReport:
    """Store and code a stream of articles (and collect the errors mixed into it).

    Articles to code go through `coder` in batches (default `code_locally`; `dyadwatch.distributed`
    gives one that codes on a Dask cluster); storing stays in this process, one transaction per
    batch (`Store.add_articles`), so no article is ever stored without its events.
    """
    report = report or IngestReport()
    seen: set[str] = set()

    def _store(article: Article, events: list[Event], coded: bool) -> bool | None:
        try:
            return bool(store.add_article(article, events, coded=coded))
        except Exception as exc:  # noqa: BLE001 - one article that cannot be stored does not stop the run
            report.errors.append(f"{article.path}: not stored ({type(exc).__name__}: {exc})")
            return None

    def to_code() -> Iterator[Article]:
        """The articles that need coding; errors, known and non-English articles are dealt with here."""
        for item in items:
            if on_item is not None:
                on_item(item)
            if isinstance(item, IngestError):
                report.errors.append(str(item))
                continue
            report.read += 1
            if item.id in seen or store.article(item.id) is not None:
                report.already_present += 1
                continue
            seen.add(item.id)
            if item.language is not None and item.language not in CODED_LANGUAGES:
                stored = _store(item, [], False)
                if stored:
                    report.stored_new += 1
                    report.not_coded += 1
                    report.languages[item.language] += 1
                    report.undated += item.date is None
                elif stored is False:
                    report.already_present += 1
                continue
            if len(item.text) > MAX_CODED_CHARS:
                report.errors.append(f"{item.path}: article of {len(item.text):,} characters is too long to "
                                     f"code (limit {MAX_CODED_CHARS:,}); split it")
                continue
            yield item

    for coded, errors in (coder or code_locally)(_batched(to_code(), batch_size)):
        report.errors.extend(errors)
        done = [(article, _finish_events(article, list(events))) for article, events in coded]
        try:  # one transaction per batch; if it fails, store one by one to name the article at fault
            flags: list[bool | None] = list(store.add_articles([(a, evs, True) for a, evs in done]))
        except Exception:  # noqa: BLE001
            flags = [_store(article, events, True) for article, events in done]
        for (article, events), stored in zip(done, flags):
            if stored:
                report.stored_new += 1
                report.events_stored += len(events)
                report.languages[article.language or "unknown"] += 1
                report.undated += article.date is None
            elif stored is False:
                report.already_present += 1
    return report


def ingest_paths(paths: Iterable[str | os.PathLike], db: str | os.PathLike | None = None,
                 source: str | None = None, date: str | None = None,
                 field_map: dict[str, str] | None = None, progress: bool = False,
                 stdin: BinaryIO | None = None, store: Any = None,
                 coder: BatchCoder | None = None, fetcher: Any = None, merge: bool = True) -> IngestReport:
    """Read, clean, code and store the articles under `paths` (files, directories, `-`).

    `source` and `date` are defaults for articles that carry none; `field_map` maps our JSON field
    names to the input's (`{"text": "body"}`). Pass an open `store` to reuse it (it stays open).
    `coder` replaces the local coding stage (see `dyadwatch.distributed.dask_coder`). With a
    `fetcher` (`dyadwatch.ingest.fetch.Fetcher`) feed items' links and URL lists are fetched.
    `merge=False` keeps every report its own event (store/clusters.py; an open `store` keeps its own).
    """
    from .store import Store

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = [str(p) for p in paths]
    own = store is None
    if own:
        store = Store(db, merge=merge)
    report = IngestReport(db=str(getattr(store, "path", db)))
    try:
        if not progress:
            ingest_articles(read_paths(paths, source=source, date=date, field_map=field_map, stdin=stdin,
                                       fetcher=fetcher), store, report, coder=coder)
            return report
        with _progress() as bar:
            files = list(expand_paths(paths))
            task = bar.add_task("ingesting", total=len(files))

            current: list[object] = [None]

            def items() -> Iterator[Article | IngestError]:
                for f in files:
                    current[0] = f
                    if isinstance(f, IngestError):
                        yield f
                    else:
                        yield from read_paths([f], source=source, date=date, field_map=field_map,
                                              stdin=stdin, fetcher=fetcher)
                    bar.update(task, advance=1, description=_desc(report, f))

            def on_item(_item: Article | IngestError) -> None:  # keeps moving inside one big file
                bar.update(task, description=_desc(report, current[0]))

            ingest_articles(items(), store, report, on_item=on_item, coder=coder)
            bar.update(task, description=_desc(report, None))
        return report
    finally:
        if own:
            store.close()


def _desc(report: IngestReport, current: object) -> str:
    name = "" if current is None or isinstance(current, IngestError) else Path(str(current)).name
    text = f"{report.stored_new} new, {report.already_present} known, {report.events_stored} events"
    return f"{text} {name[:30]}".strip()


def _progress() -> Any:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}", markup=False), BarColumn(),
                    MofNCompleteColumn(), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=False)


# ---------------------------------------------------------------------------- the bundled sample

def sample_dir() -> Path:
    """The bundled sample corpus (package data, src/dyadwatch/sample/)."""
    from importlib import resources

    return Path(str(resources.files("dyadwatch").joinpath("sample")))


def dyad_by_month(store: Any, a: str = "USA", b: str = "PRK") -> Any:
    """The A-B dyad by month (both directions, asserted events): period, n_events, quad1..quad4,
    net PLOVER score (sum of the events' PLOVER scores). Months without events are left out."""
    import pandas as pd

    cols = ["period", "n_events", "quad1", "quad2", "quad3", "quad4", "plover_net"]
    try:
        from .analysis.series import dyad_series
    except ImportError:
        dyad_series = None
    if dyad_series is not None:
        df = dyad_series(store, a, b, freq="month")
        if df.empty:
            return pd.DataFrame(columns=cols)
        df = df[(df["direction"] == "both") & (df["n_events"] > 0)].copy()
        df["plover_net"] = df["plover_sum"].astype(float)
        return df[cols].reset_index(drop=True)
    return store.con.execute(  # pragma: no cover - only while analysis is missing
        """SELECT strftime(date_trunc('month', date), '%Y-%m-%d') AS period, count(*) AS n_events,
                  count(*) FILTER (quad_code = 1) AS quad1, count(*) FILTER (quad_code = 2) AS quad2,
                  count(*) FILTER (quad_code = 3) AS quad3, count(*) FILTER (quad_code = 4) AS quad4,
                  coalesce(sum(plover_score), 0) AS plover_net
           FROM event_dyads
           WHERE ((source = ? AND target = ?) OR (source = ? AND target = ?))
             AND date IS NOT NULL AND modality = 'asserted'
           GROUP BY 1 ORDER BY 1""", [a, b, b, a]).df()


def store_summary(store: Any, a: str = "USA", b: str = "PRK") -> dict[str, Any]:
    """What the demo prints: articles by language, events (and the reports merged into them) by type,
    the A-B dyad by month."""
    con = store.con
    langs = dict(con.execute("SELECT coalesce(language, 'unknown'), count(*) FROM articles "
                             "GROUP BY 1 ORDER BY 2 DESC, 1").fetchall())
    types = dict(con.execute("SELECT event, count(*) FROM events WHERE merged_into IS NULL "
                             "GROUP BY 1 ORDER BY 2 DESC, 1").fetchall())
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    n_events, n_reports, undated = con.execute(
        "SELECT count(*) FILTER (merged_into IS NULL), count(*), count(*) FILTER (merged_into IS NULL AND date IS NULL) "
        "FROM events").fetchone()
    return {"articles": int(n_articles), "articles_by_language": {k: int(v) for k, v in langs.items()},
            "events": int(n_events), "reports": int(n_reports), "events_by_type": {k: int(v) for k, v in types.items()},
            "undated_events": int(undated), "dyad": (a, b), "dyad_by_month": dyad_by_month(store, a, b)}


def run_demo(db: str | os.PathLike | None = None,
             progress: bool = False) -> tuple[IngestReport, dict[str, Any]]:
    """Ingest the bundled sample corpus into `db` (default database if None) and summarise the store."""
    from .store import Store

    with Store(db) as store:
        report = ingest_paths([sample_dir()], store=store, progress=progress)
        report.db = str(store.path)
        return report, store_summary(store)
