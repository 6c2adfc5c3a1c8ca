"""Web archives (`.warc`, `.warc.gz`, read by warcio) -> `Article` records.

Each `response` record whose HTTP status is 2xx and whose content type is HTML (or that has no
content type but holds an HTML page) is one article, with the record's target URL and, when the page
itself carries no publication date, the capture date (`WARC-Date`). Other records (requests,
metadata, images, scripts, redirects, errors) are skipped. A URL captured twice gives one article
(the first capture). A damaged record ends the reading of the file with a message naming the
record; the articles before it are kept.
"""

from __future__ import annotations

import logging
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .article import Article, IngestError, article_id

MAX_RECORD_BYTES = 10 * 1024 * 1024  # the body of one response record; larger ones are skipped
HTML_TYPES = ("text/html", "application/xhtml+xml")


def _http_type(rec: Any) -> tuple[int | None, str | None, str | None]:
    """HTTP status, content type and charset of a response record."""
    http = rec.http_headers
    if http is None:
        return None, None, None
    try:
        status = int(http.get_statuscode() or "0")
    except ValueError:
        status = None
    ctype = http.get_header("Content-Type") or ""
    mime = ctype.split(";")[0].strip().lower() or None
    charset = None
    for part in ctype.split(";")[1:]:
        k, _, v = part.partition("=")
        if k.strip().lower() == "charset" and v.strip():
            charset = v.strip().strip("\"'")
    return status, mime, charset


class _Silent:
    """warcio writes a multi-line warning to stderr for a record whose length is wrong; counted instead."""

    def format(self, *_args: Any) -> str:
        return ""


def _iterator(stream: Any) -> Any:
    from warcio.archiveiterator import ArchiveIterator

    class QuietIterator(ArchiveIterator):
        INC_RECORD = _Silent()

    logging.getLogger("warcio.recordloader").addHandler(logging.NullHandler())  # "Replacing spaces in ..."
    return QuietIterator(stream, arc2warc=True)


def _unread_tail(raw: Any, archive: Any, last_start: int) -> int:
    """Bytes after the last record read that are more than blank lines: a record (or a gzip member)
    cut short, which warcio passes over without a word."""
    try:
        size = os.fstat(raw.fileno()).st_size
        offset = archive.offset
        end = offset if offset != last_start else last_start + archive.get_record_length()
        if size <= end:
            return 0
        raw.seek(end)
        tail = raw.read(4096)
    except (OSError, TypeError, ValueError, AttributeError):
        return 0
    return size - end if tail.strip() else 0


class _Gunzip:
    """A gzip stream read incrementally, for a WARC compressed as one member: what can be
    decompressed is returned even when the file ends early (`truncated` then says so)."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._buf = b""
        self._eof = False
        self.truncated = False

    def read(self, n: int = -1) -> bytes:
        while (n < 0 or len(self._buf) < n) and not self._eof:
            chunk = self._z.unused_data or self.raw.read(1 << 16)
            if self._z.unused_data:  # another gzip member follows
                self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
            if not chunk:
                self._eof = True
                self.truncated = not self._z.eof and bool(self._buf or self._z.unconsumed_tail)
                break
            try:
                self._buf += self._z.decompress(chunk)
            except zlib.error:
                self._eof = self.truncated = True
        if n < 0:
            out, self._buf = self._buf, b""
        else:
            out, self._buf = self._buf[:n], self._buf[n:]
        return out


def _cut_short(rec: Any) -> bool:
    """Read what is left of the record: True when the file ends before its declared length."""
    stream = rec.raw_stream
    while stream.read(1 << 16):
        pass
    return getattr(stream, "limit", 0) > 0


def _record_items(rec: Any, where: str, seen: set[str], source: str | None, date: str | None) -> list[Any]:
    """The article (or the IngestError) of one response or resource record; [] for other content."""
    from .feeds import page_article

    url = (rec.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    status, mime, charset = _http_type(rec) if rec.rec_type == "response" else (200, None, None)
    if rec.rec_type == "resource":
        ctype = rec.rec_headers.get_header("Content-Type") or ""
        mime = ctype.split(";")[0].strip().lower() or None
    if status is None or not 200 <= status < 300:
        return []
    if mime is not None and mime not in HTML_TYPES:
        return []
    body = rec.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(body) > MAX_RECORD_BYTES:
        return [IngestError(where, f"{url}: record body over the {MAX_RECORD_BYTES // (1024 * 1024)} MB limit, "
                                   "skipped")]
    if mime is None and b"<" not in body[:2048]:
        return []
    if url and url in seen:
        return []
    seen.add(url)
    captured = (rec.rec_headers.get_header("WARC-Date") or "")[:10] or None
    got = page_article(url or where, body, where, charset=charset, source=source, date=captured or date)
    if isinstance(got, Article):
        got.url = url or None
        got.id = article_id(got.text, got.url)
        if captured:
            got.meta["captured"] = captured
    return [got]


def read_warc(p: Path, *, source: str | None = None, date: str | None = None) -> Iterator[Any]:
    """Articles (and IngestErrors) of a WARC file, compressed or not."""
    from warcio.exceptions import ArchiveLoadFailed

    path = str(p)
    seen: set[str] = set()
    n_records = n_html = 0
    unzipped: _Gunzip | None = None
    single_gzip = False  # one gzip member for the whole file (`gzip crawl.warc`): warcio wants one per record
    try:
        with open(p, "rb") as raw:
            archive = _iterator(raw)
            it = iter(archive)
            errs = 0
            last_start = 0
            while True:
                try:
                    rec = next(it)
                except StopIteration:
                    left = 0 if single_gzip or not n_records else _unread_tail(raw, archive, last_start)
                    if left:
                        yield IngestError(path, f"damaged web archive: the last {left} bytes, after record "
                                                f"{n_records}, are not a complete record")
                    break
                except ArchiveLoadFailed as exc:
                    if single_gzip or "non-chunked gzip" not in str(exc):
                        raise
                    single_gzip = True  # read the rest from the decompressed stream, same records
                    raw.seek(0)
                    unzipped = _Gunzip(raw)
                    archive = _iterator(unzipped)
                    it = iter(archive)
                    errs = 0
                    for _ in range(n_records):
                        next(it)
                    continue
                n_records += 1
                last_start = archive.offset  # not get_record_offset(): that reads the record to its end
                where = f"{path}#{n_records}"
                if archive.err_count > errs:  # the previous record's length was wrong
                    errs = archive.err_count
                    yield IngestError(f"{path}#{n_records - 1}", "record not followed by a blank line (its "
                                                                 "Content-Length may be wrong); read as it is")
                if not rec.rec_type or rec.rec_headers.get_header("Content-Length") is None:
                    _cut_short(rec)
                    yield IngestError(where, "record header without WARC-Type or Content-Length (damaged or cut "
                                             "short), skipped")
                    continue
                items = _record_items(rec, where, seen, source, date) if rec.rec_type in ("response",
                                                                                          "resource") else []
                if _cut_short(rec):
                    url = (rec.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
                    yield IngestError(where, f"{url + ': ' if url else ''}record cut short (the file ends inside "
                                             "it), skipped")
                    continue
                for item in items:
                    n_html += 1
                    yield item
    except ArchiveLoadFailed as exc:
        said = (str(exc).strip().splitlines() or ["unreadable"])[0].split(", first line")[0][:200]
        yield IngestError(path, f"damaged web archive after record {n_records} ({said})")
    except Exception as exc:  # noqa: BLE001 - warcio, gzip and zlib raise many kinds on damaged input
        yield IngestError(path, f"damaged web archive after record {n_records} ({type(exc).__name__}: "
                                f"{str(exc)[:200]})")
    if unzipped is not None and unzipped.truncated:
        yield IngestError(path, f"damaged web archive: the compressed data ends early, after record {n_records}")
    if n_records and not n_html:
        yield IngestError(path, f"no HTML page among its {n_records} records")


__all__ = ["read_warc"]
