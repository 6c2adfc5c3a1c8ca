"""The watch: poll sources, store what is new (coded), check the watched dyads, deliver alerts.

    >>> from dyadwatch.watch import Watch, DirectAccess, parse_sources
    >>> from dyadwatch.store import Store
    >>> w = Watch(parse_sources(["https://example.org/feed.xml", "inbox/"]), DirectAccess(Store("my.duckdb")))
    >>> w.poll_once().new_articles

Sources: a feed URL (RSS/Atom; fetched with ETag / Last-Modified, so an unchanged feed costs one
304), a feed file (re-read when its size or modification time changes) or a folder (its new or
changed files, read like `dyadwatch ingest` reads them). Each new feed item becomes an article (its
link fetched and extracted, the item's own text as the fallback). Coding runs outside the store:
only the writes go through `access.write`, so a server running the watch keeps answering reads.

A source that fails (malformed feed, HTTP error, timeout, a feed over the size limit, a redirect
loop, robots.txt) gives one message and the watch goes on with the others; it is tried again at
the next poll.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..ingest import Article, IngestError
from ..ingest.feeds import MAX_FEED_BYTES, FeedItem, content_key, item_articles, parse_feed
from ..ingest.fetch import Fetcher, FetchError, is_private_host
from ..ingest.readers import expand_paths, read_paths
from ..ingest.sniff import sniff_bytes
from .checks import check_dyad
from .rules import AlertRule
from .sinks import Sink, deliver
from .state import WatchState

ITEM_BATCH = 8  # feed items stored (and marked seen) together


class SourceError(ValueError):
    """A source that cannot be watched at all (not a URL, no such folder)."""


@dataclass(frozen=True)
class Source:
    spec: str  # as stored in watch_sources: the URL, or the absolute path
    kind: str  # feed-url, feed-file, folder

    @property
    def private(self) -> bool:
        """A feed URL on this machine or the local network, named by the user: its links may be too."""
        return self.kind == "feed-url" and is_private_host(urlsplit(self.spec).hostname or "")


def parse_sources(specs: Iterable[str]) -> list[Source]:
    out: dict[str, Source] = {}
    for raw in specs:
        s = str(raw).strip()
        if s.lower().startswith(("http://", "https://")):
            if not urlsplit(s).hostname:
                raise SourceError(f"{s}: not a URL")
            src = Source(s, "feed-url")
        else:
            p = Path(s)
            if p.is_dir():
                src = Source(str(p.resolve()), "folder")
            elif p.is_file():
                src = Source(str(p.resolve()), "feed-file")
            else:
                raise SourceError(f"{s}: no such file or folder (give a feed URL, a feed file or a folder)")
        out.setdefault(src.spec, src)
    return list(out.values())


class DirectAccess:
    """The store of a command-line watch: this process is the only one using it."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def write(self, fn: Callable[[Any], Any]) -> Any:
        return fn(self.store)


class StoreProxy:
    """What `pipeline.ingest_articles` needs of a store, each call one `access.write`."""

    def __init__(self, access: Any) -> None:
        self.access = access

    def article(self, id: str) -> Any:
        return self.access.write(lambda st: st.con.execute("SELECT id FROM articles WHERE id = ?", [id]).fetchone())

    def add_article(self, article: Article, events: list, coded: bool = True) -> bool:
        return self.access.write(lambda st: st.add_article(article, events, coded=coded))

    def add_articles(self, items: list) -> list[bool]:
        return self.access.write(lambda st: st.add_articles(items))


@dataclass
class PollSummary:
    polls: int = 0
    sources_ok: int = 0
    sources_failed: int = 0
    not_modified: int = 0
    new_articles: int = 0
    known_articles: int = 0
    events: int = 0
    alerts: int = 0
    messages: list[str] = field(default_factory=list)

    def add(self, other: PollSummary) -> None:
        for name in ("polls", "sources_ok", "sources_failed", "not_modified", "new_articles", "known_articles",
                     "events", "alerts"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


class Watch:
    """Polls `sources`, stores and codes what is new, checks `rules`, delivers alerts to `sinks`."""

    def __init__(self, sources: list[Source], access: Any, rules: list[AlertRule] | None = None,
                 sinks: list[Sink] | None = None, fetcher: Fetcher | None = None, *,
                 on_message: Callable[[str], None] | None = None, settle: float = 0.0,
                 link_base: str = "", coder: Any = None) -> None:
        self.sources = sources
        self.access = access
        self.rules = rules or []
        self.sinks = sinks or []
        self.fetcher = fetcher or Fetcher()
        self._own_fetcher = fetcher is None
        self.on_message = on_message or (lambda _m: None)
        self.settle = settle  # seconds a folder's file must be unchanged before it is read
        self.link_base = link_base
        self.coder = coder
        self.total = PollSummary()
        self.current: str | None = None  # the source being polled, for a status line
        self.on_progress: Callable[[], None] = lambda: None
        for rule in self.rules:  # the tables, and where each dyad's news starts
            self._state(lambda s, r=rule: s.start_dyad(r.dyad, r.a, r.b))
        if not self.rules:
            self.access.write(lambda st: WatchState(st))

    def close(self) -> None:
        if self._own_fetcher:
            self.fetcher.close()

    # -- one poll --------------------------------------------------------------------------------
    def _say(self, summary: PollSummary, message: str) -> None:
        summary.messages.append(message)
        self.on_message(message)

    def _state(self, fn: Callable[[WatchState], Any]) -> Any:
        return self.access.write(lambda st: fn(WatchState(st)))

    def _store(self, items: Iterable[Article | IngestError], summary: PollSummary) -> Any:
        from ..pipeline import IngestReport, ingest_articles

        report = ingest_articles(items, StoreProxy(self.access), IngestReport(), coder=self.coder)
        summary.new_articles += report.stored_new
        summary.known_articles += report.already_present
        summary.events += report.events_stored
        for e in report.errors:
            self._say(summary, e)
        self.on_progress()
        return report

    def _items(self, src: Source, items: list[FeedItem], feed_title: str | None, summary: PollSummary,
               allow_private: bool | None) -> bool:
        """Store the feed items not seen before; True if every item is now done."""
        keys = [k for it in items for k in it.keys]
        seen = self._state(lambda s: s.seen_keys(src.spec, keys))
        todo, batch_keys = [], set()
        for it in items:
            if any(k in seen or k in batch_keys for k in it.keys):
                continue
            batch_keys.update(it.keys)
            todo.append(it)
        complete = True
        for start in range(0, len(todo), ITEM_BATCH):
            chunk = todo[start:start + ITEM_BATCH]
            articles: list[Article | IngestError] = []
            marks: list[tuple[str, str | None, str | None, str | None]] = []
            pending: list[tuple[FeedItem, Article]] = []
            for it in chunk:
                known = self._state(lambda s, it=it: s.known_article(it.link, None)) if it.link else None
                if known:  # stored before a kill, or by another source: only mark it
                    marks += [(k, it.link, None, known) for k in it.keys]
                    continue
                got = item_articles(it, f"{src.spec}#{it.index}", fetcher=self.fetcher, source=feed_title,
                                    allow_private=allow_private)
                art = next((g for g in got if isinstance(g, Article)), None)
                for g in got:
                    if isinstance(g, IngestError):
                        self._say(summary, str(g))
                if art is None:
                    complete = False  # nothing to store: tried again at the next poll
                    continue
                ck = content_key(art.text)
                same = self._state(lambda s, ck=ck: s.known_article(None, ck))
                if same:
                    marks += [(k, it.link, ck, same) for k in it.keys]
                    continue
                art.meta["content_key"] = ck
                articles.append(art)
                pending.append((it, art))
            self._store(articles, summary)
            ids = set(self._state(lambda s, p=pending: {r[0] for r in s.con.execute(
                "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [[a.id for _, a in p]]).fetchall()}))
            for it, art in pending:
                if art.id in ids:
                    marks += [(k, it.link, art.meta["content_key"], art.id) for k in it.keys]
                else:
                    complete = False
            self._state(lambda s, m=marks: s.mark_items(src.spec, m))
        return complete

    def _poll_feed_url(self, src: Source, summary: PollSummary) -> None:
        prev = self._state(lambda s: s.source(src.spec))
        try:
            res = self.fetcher.get(src.spec, etag=prev.get("etag"), last_modified=prev.get("last_modified"),
                                   allow_private=True, max_bytes=MAX_FEED_BYTES)
        except FetchError as exc:
            self._failed(src, summary, f"{src.spec}: {exc.reason}")
            return
        if res.not_modified:
            summary.not_modified += 1
            summary.sources_ok += 1
            self._state(lambda s: s.polled(src.spec, src.kind, ok=True, keep_validators=True))
            return
        self._poll_feed_bytes(src, res.content, summary, base_url=res.url, etag=res.etag,
                              last_modified=res.last_modified)

    def _poll_feed_bytes(self, src: Source, data: bytes, summary: PollSummary, *, base_url: str | None = None,
                         etag: str | None = None, last_modified: str | None = None) -> bool:
        kind = sniff_bytes(data[:65536], src.spec.rsplit("/", 1)[-1])
        if kind.kind != "feed":
            self._failed(src, summary, f"{src.spec}: not a feed ({kind.detail})")
            return False
        feed = parse_feed(data, base_url)
        if feed.problem:
            if not feed.items:
                self._failed(src, summary, f"{src.spec}: {feed.problem}")
                return False
            self._say(summary, f"{src.spec}: {feed.problem}")
        allow = self.fetcher.allow_private or src.private
        before = summary.new_articles
        complete = self._items(src, feed.items, feed.title, summary, allow)
        summary.sources_ok += 1
        self._state(lambda s: s.polled(src.spec, src.kind, ok=True, etag=etag, last_modified=last_modified,
                                       new_articles=summary.new_articles - before,
                                       keep_validators=not complete))
        return complete

    def _poll_feed_file(self, src: Source, summary: PollSummary) -> None:
        p = Path(src.spec)
        try:
            st = p.stat()
            seen = self._state(lambda s: s.seen_files(src.spec)).get(src.spec)
            if seen == (st.st_size, st.st_mtime_ns):
                summary.not_modified += 1
                summary.sources_ok += 1
                return
            if st.st_size > MAX_FEED_BYTES:
                self._failed(src, summary, f"{src.spec}: feed file of {st.st_size / 1e6:.0f} MB is over the "
                                           f"{MAX_FEED_BYTES // (1024 * 1024)} MB limit")
                return
            data = p.read_bytes()
        except OSError as exc:
            self._failed(src, summary, f"{src.spec}: cannot read ({exc.strerror or exc})")
            return
        if self._poll_feed_bytes(src, data, summary):
            self._state(lambda s: s.mark_file(src.spec, src.spec, st.st_size, st.st_mtime_ns))

    def _poll_folder(self, src: Source, summary: PollSummary) -> None:
        seen = self._state(lambda s: s.seen_files(src.spec))
        now = time.time()
        before = summary.new_articles
        for f in expand_paths([src.spec]):
            if isinstance(f, IngestError):
                self._say(summary, str(f))
                continue
            path = Path(f)
            try:
                st = path.stat()
            except OSError:
                continue
            if seen.get(str(path)) == (st.st_size, st.st_mtime_ns):
                continue
            if self.settle and now - st.st_mtime < self.settle:
                continue  # still being written: next poll
            self.current = f"{src.spec}: {path.name}"
            self.on_progress()
            self._store(read_paths([path], fetcher=self.fetcher), summary)
            self._state(lambda s, p=str(path), st=st: s.mark_file(src.spec, p, st.st_size, st.st_mtime_ns))
        summary.sources_ok += 1
        self._state(lambda s: s.polled(src.spec, src.kind, ok=True, new_articles=summary.new_articles - before))

    def _failed(self, src: Source, summary: PollSummary, message: str) -> None:
        summary.sources_failed += 1
        self._say(summary, message)
        self._state(lambda s: s.polled(src.spec, src.kind, ok=False, error=message[:500]))

    def poll_once(self) -> PollSummary:
        """Poll every source once, then check the rules and deliver alerts."""
        summary = PollSummary(polls=1)
        for src in self.sources:
            self.current = src.spec
            self.on_progress()
            try:
                if src.kind == "feed-url":
                    self._poll_feed_url(src, summary)
                elif src.kind == "feed-file":
                    self._poll_feed_file(src, summary)
                else:
                    self._poll_folder(src, summary)
            except Exception as exc:
                import duckdb

                if isinstance(exc, duckdb.Error) and "lock" in str(exc).lower():
                    raise
                self._failed(src, summary, f"{src.spec}: {type(exc).__name__}: {str(exc)[:300]}")
        self.current = None
        self.check_and_deliver(summary)
        self.total.add(summary)
        self.on_progress()
        return summary

    def check_and_deliver(self, summary: PollSummary) -> None:
        for rule in self.rules:
            self.current = f"checking {rule.dyad}"
            self.on_progress()
            try:
                alert = self.access.write(lambda st, r=rule: check_dyad(st, WatchState(st), r, self.link_base))
            except Exception as exc:  # noqa: BLE001 - a failing check names the dyad; the watch goes on
                self._say(summary, f"alert check {rule.dyad}: {type(exc).__name__}: {str(exc)[:300]}")
                continue
            if alert is not None:
                summary.alerts += 1
        deliver(lambda name: self._state(lambda s: s.undelivered(name)),
                lambda aid, name: self._state(lambda s: s.delivered(aid, name)),
                self.sinks, on_error=lambda m: self._say(summary, m))
        self.current = None

    # -- the loop --------------------------------------------------------------------------------
    def run(self, every: float, once: bool = False, stop: threading.Event | None = None,
            on_wait: Callable[[float], None] | None = None) -> PollSummary:
        """Poll now, then every `every` seconds until `stop` is set (or once)."""
        stop = stop or threading.Event()
        while not stop.is_set():
            started = time.monotonic()
            self.poll_once()
            if once:
                break
            deadline = started + every
            while not stop.is_set():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                if on_wait is not None:
                    on_wait(left)
                stop.wait(min(left, 1.0))
        return self.total


def parse_every(text: str) -> float:
    """"15m" -> 900.0; units s, m, h, d; a bare number is minutes. At least 1 second."""
    s = (text or "").strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    mult = 60
    if s and s[-1] in units:
        mult, s = units[s[-1]], s[:-1]
    try:
        value = float(s) * mult
    except ValueError:
        raise ValueError(f"{text!r}: give a period such as 30s, 15m, 2h or 1d") from None
    if not value >= 1 or math.isinf(value):
        raise ValueError(f"{text!r}: the period must be at least 1 second")
    return value


__all__ = ["DirectAccess", "PollSummary", "Source", "SourceError", "StoreProxy", "Watch", "parse_every",
           "parse_sources"]
