"""Readers: files, directories and standard input -> `Article` records (or `IngestError`s).

Formats
- `.txt`: UTF-8 text. An optional header of `Key: value` lines at the very top (keys `Date`,
  `Title`, `Source`, `URL`, `Id`, case-insensitive) ends at the first line that is not a header.
  Without a `Title:` header, a first line that is short, has no final full stop and is followed
  by a blank line is taken as the title.
- `.html` / `.htm`: main text by trafilatura, title from the page metadata, publication date by
  htmldate.
- `.jsonl` / `.json`: one JSON object per line (streamed) with `id`, `title`, `text`, `url`,
  `date`, `source` (names can be mapped: `field_map={"text": "body"}`); a `.json` file that holds
  one array of objects is read whole (within the size limit).
- directories are read recursively (files with the extensions above, sorted, hidden files
  skipped); `-` reads standard input (JSON lines if it starts with `{`, HTML if with `<`, else text).

Bad input never stops the run: each problem is yielded as an `IngestError` ("file:line: message")
and reading goes on with the next record or file.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from datetime import date as _date
from pathlib import Path
from typing import Any, BinaryIO

from .article import Article
from .debris import clean_text, find_dateline
from .language import detect_language

TEXT_EXT = {".txt", ".text"}
HTML_EXT = {".html", ".htm"}
JSON_EXT = {".jsonl", ".json", ".ndjson"}
SUPPORTED_EXT = TEXT_EXT | HTML_EXT | JSON_EXT
MAX_FILE_BYTES = 20 * 1024 * 1024  # a single .txt/.html file larger than this is refused
MAX_LINE_BYTES = 5 * 1024 * 1024  # a single JSON line larger than this is skipped
MAX_ERRORS_PER_FILE = 50  # bad JSON lines listed one by one, per file
MIN_RECALL_WORDS = 8  # text found only by the generous extraction must have this many words
FIELDS = ("id", "title", "text", "url", "date", "source", "language")
HEADER_KEYS = {"date", "title", "source", "url", "id"}


@dataclass
class IngestError:
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


# ---------------------------------------------------------------------------- helpers

def parse_date(value: Any) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date-like value; None if it cannot be read."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:  # epoch seconds (or milliseconds)
            ts = float(value) / (1000 if value > 1e11 else 1)
            return datetime.fromtimestamp(ts, tz=UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    s = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        try:
            return _date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    m = re.match(r"^(\d{4})(\d{2})(\d{2})$", s)
    if m:
        try:
            return _date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        import dateparser

        dt = dateparser.parse(s, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first",
                                                             "REQUIRE_PARTS": ["year"]})
    except Exception:  # noqa: BLE001 - dateparser raises many kinds
        dt = None
    return dt.date().isoformat() if dt else None


def _looks_binary(head: bytes) -> bool:
    """NUL bytes, many control bytes, or (when not UTF-8) mostly high bytes: not text."""
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if control / len(head) > 0.05:
        return True
    try:
        head.decode("utf-8")
        return False
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut at the end of the sample
            return False
    high = sum(1 for b in head if b >= 128)
    return control > 0 or high / len(head) > 0.3


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _make_article(text: str, *, title: str | None, url: str | None, date: str | None,
                  source: str | None, path: str, raw_id: str | None = None,
                  language: str | None = None, meta: dict | None = None) -> Article:
    title = (title or "").strip() or None
    body = clean_text(text, title)
    lang = language or detect_language(body)
    meta = dict(meta or {})
    dateline = find_dateline(body)
    if dateline:
        meta["dateline"] = dateline  # a place, not an actor: the coder can skip text[:end]
    return Article(text=body, title=title, url=(url or None), date=date, source=source,
                   language=lang, path=path, raw_id=raw_id, meta=meta)


# ---------------------------------------------------------------------------- text

def parse_txt(raw: str, path: str, *, source: str | None = None,
              date: str | None = None) -> Article | IngestError:
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header: dict[str, str] = {}
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    while i < len(lines):
        m = re.match(r"^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$", lines[i])
        if not m or m[1].lower() not in HEADER_KEYS:
            break
        header[m[1].lower()] = m[2]
        i += 1
    body_lines = lines[i:]
    title = header.get("title")
    if title is None:
        k = 0
        while k < len(body_lines) and not body_lines[k].strip():
            k += 1
        if k + 1 < len(body_lines):
            first = body_lines[k].strip()
            ends_ok = not first.endswith(".") or re.search(r"\b(?:[A-Z]\.){2,}$", first)
            rest = "\n".join(body_lines[k + 1:]).strip()
            if first and len(first) <= 200 and ends_ok and rest and rest != first and (
                    not body_lines[k + 1].strip() or body_lines[k + 1].strip() == first):
                title = first
                body_lines = body_lines[k + 1:]
    text = "\n".join(body_lines)
    if not text.strip():
        return IngestError(path, "empty file" if not raw.strip() else "no article text")
    art_date = None
    if header.get("date"):
        art_date = parse_date(header["date"])
        if art_date is None:
            return IngestError(path, f"unreadable Date header {header['date']!r}")
    article = _make_article(text, title=title, url=header.get("url"), date=art_date or date,
                            source=header.get("source") or source, path=path,
                            raw_id=header.get("id"))
    if not article.text.strip():
        return IngestError(path, "no article text left after removing page debris")
    return article


# ---------------------------------------------------------------------------- html

def parse_html(raw: str, path: str, *, source: str | None = None,
               date: str | None = None, url: str | None = None) -> Article | IngestError:
    import trafilatura
    from htmldate import find_date

    text = trafilatura.extract(raw, include_comments=False, include_tables=False,
                               favor_precision=True)
    if not text:
        # a second, generous try; what it finds must still look like running text, not a menu
        text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_recall=True)
        if text and len(text.split()) < MIN_RECALL_WORDS:
            text = None
    if not text and not re.search(r"<body|<html", raw[:5000], re.IGNORECASE):
        text = html_to_text(raw)  # a fragment (a few <p> elements), not a page
    if not text or max(len(line.split()) for line in text.splitlines() or [""]) < 4:
        return IngestError(path, "no article text found in the HTML page")  # nothing, or a menu
    title = meta_url = sitename = None
    try:
        meta = trafilatura.extract_metadata(raw)
        if meta is not None:
            title, meta_url, sitename = meta.title, meta.url, meta.sitename
    except Exception:  # noqa: BLE001 - metadata is optional
        title = meta_url = sitename = None
    try:
        found = find_date(raw, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001
        found = None
    article = _make_article(text, title=title, url=url or meta_url, date=found or date,
                            source=sitename or source, path=path)
    if not article.text.strip():
        return IngestError(path, "no article text left after removing page debris")
    return article


# ---------------------------------------------------------------------------- json

def record_to_article(rec: Any, path: str, line: int | None, *, source: str | None = None,
                      date: str | None = None,
                      field_map: dict[str, str] | None = None) -> Article | IngestError:
    """One JSON record -> Article. `field_map` maps our field names to the record's names."""
    if not isinstance(rec, dict):
        return IngestError(path, f"expected a JSON object, got {type(rec).__name__}", line)
    fm = {f: (field_map or {}).get(f, f) for f in FIELDS}

    def get(name: str) -> Any:
        key = fm[name]
        if key in rec:
            return rec[key]
        cur: Any = rec  # dotted names reach into nested objects: "meta.published"
        for part in key.split("."):
            if not isinstance(cur, dict) or part not in cur:
                return None
            cur = cur[part]
        return cur

    text = get("text")
    if isinstance(text, list) and all(isinstance(t, str) for t in text):  # a list of paragraphs
        text = "\n\n".join(text)
    if isinstance(text, str) and _HTML_HINT.search(text):  # a feed that puts HTML in the text field
        text = html_to_text(text)
    if not isinstance(text, str) or not text.strip():
        return IngestError(path, f"no text in field {fm['text']!r}", line)
    raw_date = get("date")
    art_date = parse_date(raw_date)
    rid = get("id")
    lang = get("language")
    where = f"{path}:{line}" if line is not None else path
    article = _make_article(
        text, title=_str(get("title")), url=_str(get("url")), date=art_date or date,
        source=_str(get("source")) or source, path=where,
        raw_id=None if rid is None else str(rid),
        language=lang.lower()[:2] if isinstance(lang, str) and lang.strip() else None,
        meta={"bad_date": str(raw_date)} if raw_date not in (None, "") and art_date is None else {},
    )
    if not article.text.strip():
        return IngestError(path, "no article text left after removing page debris", line)
    return article


_HTML_HINT = re.compile(r"</p>|<p[ >]|<br\s*/?>|</div>|<div[ >]", re.IGNORECASE)


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (paragraphs on their own lines)."""
    import html

    import trafilatura

    text = trafilatura.extract(f"<html><body><article>{fragment}</article></body></html>",
                               include_comments=False, include_tables=False, favor_recall=True)
    if text and text.strip():
        return text
    out = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", fragment)
    out = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</h\d>|</li>", "\n", out)
    out = re.sub(r"<[^>]+>", " ", out)
    return html.unescape(out)


def _str(v: Any) -> str | None:
    if v is None:
        return None
    return str(v).strip() or None


def iter_json_lines(stream: BinaryIO, path: str, *, source: str | None = None,
                    date: str | None = None, field_map: dict[str, str] | None = None,
                    first: bytes | None = None) -> Iterator[Article | IngestError]:
    """Stream JSON lines: one record in memory at a time, over-long lines skipped. After
    MAX_ERRORS_PER_FILE bad lines the rest are counted, not reported one by one."""
    lineno = 0
    n_errors = 0
    pending = [first] if first is not None else []

    def problem(message: str) -> Iterator[IngestError]:
        nonlocal n_errors
        n_errors += 1
        if n_errors <= MAX_ERRORS_PER_FILE:
            yield IngestError(path, message, lineno)

    while True:
        chunk = pending.pop() if pending else stream.readline(MAX_LINE_BYTES + 1)
        if not chunk:
            break
        lineno += 1
        if len(chunk) > MAX_LINE_BYTES and not chunk.endswith(b"\n"):
            while True:  # skip the rest of the over-long line
                rest = stream.readline(MAX_LINE_BYTES)
                if not rest or rest.endswith(b"\n"):
                    break
            yield from problem(f"line longer than {MAX_LINE_BYTES // (1024 * 1024)} MB, skipped")
            continue
        if not chunk.strip():
            continue
        if _looks_binary(chunk[:4096]):
            yield from problem("binary data, not a JSON line")
            continue
        try:
            rec = json.loads(_decode(chunk))
        except json.JSONDecodeError as exc:
            yield from problem(f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        item = record_to_article(rec, path, lineno, source=source, date=date, field_map=field_map)
        if isinstance(item, IngestError):
            yield from problem(item.message)
        else:
            yield item
    if n_errors > MAX_ERRORS_PER_FILE:
        yield IngestError(path, f"{n_errors - MAX_ERRORS_PER_FILE} more bad lines not listed "
                                f"({n_errors} in all)")


def read_json_file(p: Path, *, source: str | None = None, date: str | None = None,
                   field_map: dict[str, str] | None = None) -> Iterator[Article | IngestError]:
    path = str(p)
    with open(p, "rb") as fh:
        head = fh.read(4096)
        if _looks_binary(head.split(b"\n", 1)[0] or head):
            yield IngestError(path, "binary file, skipped")
            return
        if not head.strip():
            yield IngestError(path, "empty file")
            return
        size = os.fstat(fh.fileno()).st_size
        start = head.lstrip()[:1]
        if start == b"[" and size > MAX_FILE_BYTES:
            yield IngestError(path, f"JSON array of {size / 1e6:.0f} MB is over the "
                                    f"{MAX_FILE_BYTES // (1024 * 1024)} MB limit; use JSON lines")
            return
        # a .json file may hold one document (an array of records, or one record spread over
        # lines); anything else is read as JSON lines
        if start == b"[" or (p.suffix.lower() == ".json" and start == b"{" and size <= MAX_FILE_BYTES):
            fh.seek(0)
            try:
                data = json.loads(_decode(fh.read()))
            except json.JSONDecodeError as exc:
                if start == b"[":
                    yield IngestError(path, f"malformed JSON ({exc.msg} at column {exc.colno})", exc.lineno)
                    return
                data = None  # not one document: JSON lines
            if isinstance(data, dict):
                data = [data]
            if isinstance(data, list):
                for k, rec in enumerate(data, start=1):
                    item = record_to_article(rec, f"{path}#{k}" if len(data) > 1 else path, None,
                                             source=source, date=date, field_map=field_map)
                    yield item
                return
        fh.seek(0)
        yield from iter_json_lines(fh, path, source=source, date=date, field_map=field_map)


# ---------------------------------------------------------------------------- files

def read_file(p: Path, *, source: str | None = None, date: str | None = None,
              field_map: dict[str, str] | None = None) -> Iterator[Article | IngestError]:
    path = str(p)
    try:
        size = p.stat().st_size
        ext = p.suffix.lower()
        if ext in JSON_EXT:
            yield from read_json_file(p, source=source, date=date, field_map=field_map)
            return
        if size > MAX_FILE_BYTES:
            yield IngestError(path, f"file of {size / 1e6:.0f} MB is over the "
                                    f"{MAX_FILE_BYTES // (1024 * 1024)} MB limit for one article, skipped")
            return
        with open(p, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        yield IngestError(path, "permission denied")
        return
    except IsADirectoryError:
        yield IngestError(path, "is a directory")
        return
    except OSError as exc:
        yield IngestError(path, f"cannot read ({exc.strerror or exc})")
        return
    if not data.strip():
        yield IngestError(path, "empty file")
        return
    if _looks_binary(data[:8192]):
        yield IngestError(path, "binary file, skipped")
        return
    raw = _decode(data)
    if ext in HTML_EXT or (ext not in TEXT_EXT and raw.lstrip()[:1] == "<"):
        yield parse_html(raw, path, source=source, date=date)
    else:
        yield parse_txt(raw, path, source=source, date=date)


def expand_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path | str | IngestError]:
    """Files to read, in order: directories expanded (recursively, sorted); `-` kept as is."""
    for raw in paths:
        if str(raw) == "-":
            yield "-"
            continue
        p = Path(raw)
        if p.is_dir():
            try:
                found = sorted(
                    f for f in p.rglob("*")
                    if f.is_file() and f.suffix.lower() in SUPPORTED_EXT
                    and not any(part.startswith(".") for part in f.relative_to(p).parts)
                )
            except OSError as exc:
                yield IngestError(str(p), f"cannot list directory ({exc.strerror or exc})")
                continue
            yield from found
        elif p.exists():
            yield p
        else:
            yield IngestError(str(p), "no such file or directory")


def read_stdin(stream: BinaryIO | None = None, *, source: str | None = None, date: str | None = None,
               field_map: dict[str, str] | None = None) -> Iterator[Article | IngestError]:
    stream = stream or sys.stdin.buffer
    first = stream.readline(MAX_LINE_BYTES + 1)
    while first and not first.strip():
        first = stream.readline(MAX_LINE_BYTES + 1)
    if not first:
        yield IngestError("stdin", "empty input")
        return
    if first.lstrip().startswith(b"{"):
        yield from iter_json_lines(stream, "stdin", source=source, date=date, field_map=field_map,
                                   first=first)
        return
    data = first + stream.read(MAX_FILE_BYTES + 1 - len(first))
    if len(data) > MAX_FILE_BYTES:
        yield IngestError("stdin", f"input over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit "
                                   "for one article; send JSON lines instead")
        return
    if _looks_binary(data[:8192]):
        yield IngestError("stdin", "binary input, skipped")
        return
    raw = _decode(data)
    if raw.lstrip()[:1] == "<":
        yield parse_html(raw, "stdin", source=source, date=date)
    else:
        yield parse_txt(raw, "stdin", source=source, date=date)


def read_paths(paths: Iterable[str | os.PathLike], *, source: str | None = None, date: str | None = None,
               field_map: dict[str, str] | None = None,
               stdin: BinaryIO | None = None) -> Iterator[Article | IngestError]:
    """Articles (and errors) from files, directories and `-` (standard input), in order.

    `source` and `date` are defaults for articles that do not carry their own.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    default_date = parse_date(date) if date else None
    for item in expand_paths(paths):
        if isinstance(item, IngestError):
            yield item
        elif item == "-":
            yield from read_stdin(stdin, source=source, date=default_date, field_map=field_map)
        else:
            yield from read_file(Path(item), source=source, date=default_date, field_map=field_map)


def read_text(text: str, **kw: Any) -> Article | IngestError:
    """One article from a string (the .txt convention applies)."""
    return parse_txt(text, kw.pop("path", "text"), **kw)


__all__ = [
    "IngestError",
    "expand_paths",
    "parse_date",
    "parse_html",
    "parse_txt",
    "read_file",
    "read_paths",
    "read_stdin",
    "read_text",
    "record_to_article",
]
