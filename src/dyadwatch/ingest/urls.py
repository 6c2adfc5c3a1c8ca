"""URL lists (`.urls`: one URL a line, `#` comments) and single URLs -> `Article` records.

Nothing is fetched unless the caller passes a `Fetcher` (`dyadwatch ingest --fetch`): without
one, a URL list is reported as not fetched, so that an offline run never reaches the network and
a list of links is never stored as if it were an article. A URL whose answer is a feed is read as
a feed; a page as a web page; anything else (PDF, images, ...) is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .article import IngestError
from .fetch import Fetcher, FetchError

MAX_URLS = 100_000  # lines of one list
MAX_URL_CHARS = 4096
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def url_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, URL or stripped line) for the lines that are not blank or comments."""
    for n, line in enumerate(text.splitlines(), start=1):
        s = line.strip()
        if s and not s.startswith("#"):
            yield n, s


def url_articles(url: str, where: str, fetcher: Fetcher, *, source: str | None = None,
                 date: str | None = None) -> Iterator[Any]:
    """The article of a page (or the articles of a feed) at `url`."""
    from .feeds import page_article, read_feed
    from .sniff import sniff_bytes

    try:
        res = fetcher.get(url)
    except FetchError as exc:
        yield IngestError(where, str(exc))
        return
    if sniff_bytes(res.content[:65536], url.rsplit("/", 1)[-1]).kind == "feed":
        yield from read_feed(res.content, where, fetcher=fetcher, base_url=res.url, source=source, date=date)
        return
    got = page_article(url, res.content, where, charset=res.charset, source=source, date=date)
    if not isinstance(got, IngestError) and not got.url:
        from .article import article_id

        got.url = url
        got.id = article_id(got.text, got.url)
    yield got


def read_url_list(text: str, path: str, *, fetcher: Fetcher | None = None, source: str | None = None,
                  date: str | None = None) -> Iterator[Any]:
    """Articles (and IngestErrors, one per bad line or failed URL) of a URL list."""
    lines = list(url_lines(text))
    if not lines:
        yield IngestError(path, "URL list without any URL")
        return
    if fetcher is None:
        yield IngestError(path, f"list of {len(lines)} URLs, not fetched (pass --fetch to fetch them)")
        return
    seen: set[str] = set()
    for n, (line, url) in enumerate(lines):
        if n >= MAX_URLS:
            yield IngestError(path, f"more than {MAX_URLS:,} URLs; the rest were not fetched", line)
            return
        if len(url) > MAX_URL_CHARS or not _URL.match(url):
            shown = url[:80] + ("..." if len(url) > 80 else "")
            yield IngestError(path, f"not an http(s) URL: {shown!r}", line)
            continue
        if url in seen:
            continue
        seen.add(url)
        yield from url_articles(url, f"{path}:{line}", fetcher, source=source, date=date)


__all__ = ["read_url_list", "url_articles", "url_lines"]
