"""Feeds (RSS 0.9x, 1.0, 2.0 and Atom, parsed by feedparser) -> `Article` records.

Each item becomes one article. With a `Fetcher`, the item's link is fetched and its page extracted
like any HTML file (`readers.parse_html`); when there is no link, or it cannot be fetched or holds
no article text, the item's own text (content, else summary) is the article, and the reason is
reported as an `IngestError` next to it. Without a fetcher (`dyadwatch ingest` without `--fetch`)
the item's own text is used.

Items are deduplicated by guid and by link (the first wins) and by content (the same normalised
text under another link). Dates: the item's own (published, else updated), else the page's, else
the caller's default.
"""

from __future__ import annotations

import calendar
import hashlib
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .article import Article, IngestError, article_id, normalise_text
from .fetch import Fetcher, FetchError
from .sniff import decode_text, sniff_bytes

MAX_FEED_BYTES = 10 * 1024 * 1024  # a feed file or response larger than this is refused
MAX_ITEM_FIELD = 200_000  # characters of an item's text kept (summary or content)
MAX_SHORT_FIELD = 2_000  # characters of a title, guid, link or date kept


@dataclass
class FeedItem:
    index: int  # 1-based position in the feed
    key: str  # guid, else link, else a hash of title and text: what "seen" means for a watch
    guid: str | None
    link: str | None
    title: str | None
    text: str | None  # the item's own text, HTML removed
    date: str | None  # ISO date
    keys: tuple[str, ...] = ()  # every key the item is known by (guid, link)


@dataclass
class ParsedFeed:
    title: str | None
    version: str | None
    items: list[FeedItem] = field(default_factory=list)
    problem: str | None = None  # why the feed could not be read (no items), or what was odd


def _short(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s[:MAX_SHORT_FIELD] or None


def _iso(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = dict.get(entry, key)  # not entry.get: feedparser maps a missing key to another, with a warning
        if isinstance(st, time.struct_time):
            try:
                return datetime.fromtimestamp(calendar.timegm(st), tz=UTC).date().isoformat()
            except (OverflowError, OSError, ValueError):
                continue
    return None


def _item_text(entry: Any) -> str | None:
    from .readers import html_to_text

    best = ""
    for c in entry.get("content") or []:
        value = c.get("value") if isinstance(c, dict) else None
        if isinstance(value, str) and len(value) > len(best):
            best = value
    summary = entry.get("summary")
    if isinstance(summary, str) and len(summary) > len(best):
        best = summary
    best = best[:MAX_ITEM_FIELD]
    if not best.strip():
        return None
    if "<" in best and ">" in best:
        best = html_to_text(best)
    else:
        import html

        best = html.unescape(best)
    return best.strip() or None


def _bozo_message(exc: Any) -> str:
    """What the XML parser said, with the line and column when it knows them."""
    get = getattr(exc, "getMessage", None)
    try:
        text = str(get() if callable(get) else exc).strip()
        line, col = exc.getLineNumber(), exc.getColumnNumber()
        where = f" at line {line}, column {col}"
    except Exception:  # noqa: BLE001 - not a SAX exception: no position
        where = ""
        text = str(exc).strip()
    text = (text.splitlines() or [type(exc).__name__])[0][:200]
    return f"{text}{where}"


def parse_feed(data: bytes, base_url: str | None = None) -> ParsedFeed:
    """Items of a feed document. `problem` says why when nothing could be read."""
    import feedparser

    if len(data) > MAX_FEED_BYTES:
        return ParsedFeed(None, None, problem=f"feed of {len(data) / 1e6:.0f} MB is over the "
                                              f"{MAX_FEED_BYTES // (1024 * 1024)} MB limit")
    headers = {"content-location": base_url} if base_url else {}
    try:
        d = feedparser.parse(data, response_headers=headers, sanitize_html=False, resolve_relative_uris=True)
    except Exception as exc:  # noqa: BLE001 - feedparser is lenient, but not on everything
        return ParsedFeed(None, None, problem=f"unreadable feed ({type(exc).__name__}: {str(exc)[:200]})")
    feed = d.get("feed") or {}
    out = ParsedFeed(title=_short(feed.get("title")), version=d.get("version") or None)
    entries = d.get("entries") or []
    harmless = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)  # notes, not errors
    bozo = d.get("bozo") and not isinstance(d.get("bozo_exception"), harmless)
    if not entries:
        if bozo:
            out.problem = f"malformed feed ({_bozo_message(d.get('bozo_exception'))}); no items read"
        elif not d.get("version"):
            out.problem = "not a feed (no RSS or Atom root element)"
        return out
    if bozo:
        out.problem = (f"malformed feed ({_bozo_message(d.get('bozo_exception'))}); "
                       f"{len(entries)} items read before the error")
    for i, e in enumerate(entries, start=1):
        guid, link, title = _short(e.get("id")), _short(e.get("link")), _short(e.get("title"))
        text = _item_text(e)
        if link and not link.lower().startswith(("http://", "https://")):
            link = None
        key = guid or link or "sha1:" + hashlib.sha1(
            normalise_text(f"{title or ''}\n{text or ''}").encode("utf-8", "replace")).hexdigest()
        keys = tuple(k for k in dict.fromkeys((guid, link)) if k) or (key,)
        out.items.append(FeedItem(index=i, key=key, guid=guid, link=link, title=title, text=text,
                                  date=_iso(e), keys=keys))
    return out


def content_key(text: str) -> str:
    """What "the same content" means: the hash of the normalised text."""
    return hashlib.sha1(normalise_text(text).encode("utf-8", "replace")).hexdigest()


def page_article(url: str, res_content: bytes, where: str, *, charset: str | None = None,
                 source: str | None = None, date: str | None = None) -> Article | Any:
    """An article from a fetched page (HTML or plain text); an IngestError for anything else."""
    from .readers import parse_html, parse_txt

    kind = sniff_bytes(res_content[:65536], url.rsplit("/", 1)[-1].split("?")[0])
    if kind.kind in ("binary", "empty", "warc"):
        return IngestError(where, f"{url}: {kind.detail}, not a web page: refused")
    raw = None
    if charset:
        try:
            raw = res_content.decode(charset)
        except (LookupError, UnicodeDecodeError):
            raw = None
    if raw is None:
        raw = decode_text(res_content)
    if kind.kind == "text":
        return parse_txt(raw, where, source=source, date=date)
    if kind.kind in ("feed", "urls", "json"):
        return IngestError(where, f"{url}: the link holds a {kind.detail}, not an article")
    return parse_html(raw, where, source=source, date=date, url=url)


def item_articles(item: FeedItem, where: str, *, fetcher: Fetcher | None = None, source: str | None = None,
                  date: str | None = None, allow_private: bool | None = None) -> list[Any]:
    """The article of one feed item (and an IngestError when its link failed and the item's
    own text stands in), or only an IngestError when there is nothing to store."""
    from .readers import _make_article

    out: list[Any] = []
    art = None
    if fetcher is not None and item.link:
        try:
            res = fetcher.get(item.link, allow_private=allow_private)
            got = page_article(item.link, res.content, where, charset=res.charset, source=source,
                               date=item.date or date)
        except FetchError as exc:
            got = IngestError(where, str(exc))
        if isinstance(got, Article):
            art = got
            art.url = item.link  # the feed's link, not where redirects ended: ids stay stable
            if item.date:
                art.date = item.date
            if item.title and not art.title:
                art.title = item.title
            art.id = article_id(art.text, art.url)
        else:
            fallback = "; the item's own text was stored instead" if item.text else ""
            out.append(IngestError(got.path, got.message + fallback, got.line))
    if art is None:
        if not item.text:
            if not out:
                out.append(IngestError(where, "item without text" + (" and without a link" if not item.link
                                                                      else " (its link was not fetched)")))
            return out
        art = _make_article(item.text, title=item.title, url=item.link, date=item.date or date,
                            source=source, path=where, raw_id=item.guid)
        if not art.text.strip():
            out.append(IngestError(where, "no item text left after removing page debris"))
            return out
    art.raw_id = art.raw_id or item.guid
    art.meta.setdefault("feed_item", item.key)
    out.append(art)
    return out


def read_feed(data: bytes, where: str, *, fetcher: Fetcher | None = None, base_url: str | None = None,
              source: str | None = None, date: str | None = None) -> Iterator[Any]:
    """Articles (and IngestErrors) of a feed document, deduplicated by guid, link and content."""
    feed = parse_feed(data, base_url)
    if feed.problem:
        yield IngestError(where, feed.problem)
    yield from feed_articles(feed.items, where, fetcher=fetcher, source=feed.title or source, date=date)


def feed_articles(items: Iterable[FeedItem], where: str, *, fetcher: Fetcher | None = None,
                  source: str | None = None, date: str | None = None,
                  seen_keys: set[str] | None = None, seen_content: set[str] | None = None) -> Iterator[Any]:
    """Articles of the items not seen before (by any key, then by content)."""
    keys = seen_keys if seen_keys is not None else set()
    contents = seen_content if seen_content is not None else set()
    for item in items:
        if any(k in keys for k in item.keys):
            continue
        keys.update(item.keys)
        for got in item_articles(item, f"{where}#{item.index}", fetcher=fetcher, source=source, date=date):
            if isinstance(got, Article):
                ck = content_key(got.text)
                if ck in contents:
                    continue
                contents.add(ck)
                got.meta["content_key"] = ck
            yield got


__all__ = ["MAX_FEED_BYTES", "FeedItem", "ParsedFeed", "content_key", "feed_articles", "item_articles",
           "page_article", "parse_feed", "read_feed"]
