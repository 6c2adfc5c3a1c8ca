"""Readers: files, directories and standard input -> `Article` records (or `IngestError`s).

What a file holds is decided by its content (`sniff`); the extension is a hint:
- `.txt`: UTF-8 text. An optional header of `Key: value` lines at the very top (keys `Date`,
  `Title`, `Source`, `URL`, `Id`, case-insensitive) ends at the first line that is not a header.
  Without a `Title:` header, a first line that is short, has no final full stop and is followed
  by a blank line is taken as the title.
- `.html` / `.htm`: main text by trafilatura, title from the page metadata, publication date by
  htmldate.
- `.jsonl` / `.json`: one JSON object per line (streamed) with `id`, `title`, `text`, `url`,
  `date`, `source` (names can be mapped: `field_map={"text": "body"}`); a `.json` file that holds
  one array of objects (or one object) is read whole (within the size limit). A `.jsonl` file is
  always read line by line, even when a line holds an array.
- feeds (RSS 0.9x/1.0/2.0, Atom; `.rss`, `.atom`, `.xml` or any file whose content is a feed):
  one article per item (`feeds`); item links are fetched only with a `fetcher`.
- web archives (`.warc`, `.warc.gz`): one article per HTML response record (`warc`).
- URL lists (`.urls`, or a file of nothing but URLs): fetched only with a `fetcher` (`urls`).
- anything else (PDF, images, archives, executables, binary data under any name) is refused with
  its detected type; nothing is stored for it.
- directories are read recursively (files with the extensions above, sorted, hidden files
  skipped); `-` reads standard input (sniffed the same way).

Limits (environment variables read when the module is imported; the module attributes can be set
too): DYADWATCH_MAX_FILE_BYTES one .txt/.html article [20 MB], DYADWATCH_MAX_LINE_BYTES one JSON line
[5 MB], DYADWATCH_MAX_JSON_DEPTH nesting of a JSON record [64], DYADWATCH_MAX_FIELD_CHARS the short
fields id, title, url, source, language [4,096 characters], DYADWATCH_MAX_DATE_CHARS a date field
[100 characters; a longer one is not parsed and the article is undated]. A number of more than
4,300 digits is not read (Python's own limit).

Bad input never stops the run: each problem is yielded as an `IngestError` ("file:line: message")
and reading goes on with the next record or file.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from datetime import date as _date
from pathlib import Path
from typing import Any, BinaryIO

from .article import Article, IngestError
from .debris import clean_text, find_dateline
from .language import detect_language
from .sniff import FEED_EXT, URLS_EXT, WARC_EXT, Sniffed, decode_text, looks_binary, sniff_bytes


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, "") or default)
    except ValueError:
        return default


TEXT_EXT = {".txt", ".text"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSON_EXT = {".jsonl", ".json", ".ndjson"}
SUPPORTED_EXT = TEXT_EXT | HTML_EXT | JSON_EXT | FEED_EXT | WARC_EXT | URLS_EXT
MAX_FILE_BYTES = _env_int("DYADWATCH_MAX_FILE_BYTES", 20 * 1024 * 1024)  # one .txt/.html file
MAX_LINE_BYTES = _env_int("DYADWATCH_MAX_LINE_BYTES", 5 * 1024 * 1024)  # one JSON line
MAX_JSON_DEPTH = _env_int("DYADWATCH_MAX_JSON_DEPTH", 64)  # nesting of one JSON record
MAX_FIELD_CHARS = _env_int("DYADWATCH_MAX_FIELD_CHARS", 4096)  # id, title, url, source, language
MAX_DATE_CHARS = _env_int("DYADWATCH_MAX_DATE_CHARS", 100)  # longer date strings are not parsed
MAX_ERRORS_PER_FILE = 50  # bad JSON lines listed one by one, per file
MIN_RECALL_WORDS = 8  # text found only by the generous extraction must have this many words
FIELDS = ("id", "title", "text", "url", "date", "source", "language")
SHORT_FIELDS = ("id", "title", "url", "source", "language")
HEADER_KEYS = {"date", "title", "source", "url", "id"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def supported_name(p: Path) -> bool:
    """Is this a file name that a directory listing reads?"""
    return p.suffix.lower() in SUPPORTED_EXT or p.name.lower().endswith((".warc.gz", ".arc.gz"))


# ---------------------------------------------------------------------------- helpers

def parse_date(value: Any) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date-like value; None if it cannot be read."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:  # epoch seconds (or milliseconds)
            ts = float(value) / (1000 if value > 1e11 else 1)
            return datetime.fromtimestamp(ts, tz=UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, (str, _date)):
        return None  # lists, objects: not a date
    s = str(value).strip()
    if len(s) > MAX_DATE_CHARS:
        return None  # dateparser takes seconds on long strings; no real date is this long
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


_looks_binary = looks_binary  # kept for callers of the old names
_decode = decode_text


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

def check_record(rec: Any) -> str | None:
    """Why a parsed JSON value cannot be a record (nesting deeper than MAX_JSON_DEPTH, a string
    holding a lone surrogate, which no UTF-8 store can hold), or None. Iterative: any depth."""
    stack: list[tuple[Any, int]] = [(rec, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            m = _SURROGATE.search(value)
            if m:
                return (f"string with a lone surrogate (\\u{ord(m.group()):04x}), not valid Unicode; "
                        "record skipped")
        elif isinstance(value, (dict, list)):
            if depth > MAX_JSON_DEPTH:
                return f"nested deeper than {MAX_JSON_DEPTH} levels (DYADWATCH_MAX_JSON_DEPTH); record skipped"
            items = list(value.items()) if isinstance(value, dict) else [(None, v) for v in value]
            for k, v in items:
                if isinstance(k, str):
                    stack.append((k, depth))
                stack.append((v, depth + 1))
    return None


def loads_record(text: str) -> tuple[Any, str | None]:
    """A JSON value from text, or (None, why not) for malformed JSON, a number too long to read,
    nesting too deep for the parser, or a value that `check_record` rejects."""
    try:
        rec = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, f"malformed JSON ({exc.msg} at column {exc.colno})"
    except RecursionError:
        return None, f"nested deeper than {MAX_JSON_DEPTH} levels (DYADWATCH_MAX_JSON_DEPTH); record skipped"
    except ValueError as exc:  # int() refuses numbers of more than 4,300 digits
        first = str(exc).split(":")[0][:120]
        return None, f"number too long to read ({first}); record skipped"
    why = check_record(rec)
    return (None, why) if why else (rec, None)


def record_to_article(rec: Any, path: str, line: int | None, *, source: str | None = None,
                      date: str | None = None,
                      field_map: dict[str, str] | None = None) -> Article | IngestError:
    """One JSON record -> Article. `field_map` maps our field names to the record's names."""
    if not isinstance(rec, dict):
        return IngestError(path, f"expected a JSON object, got {type(rec).__name__}", line)
    why = check_record(rec)
    if why:
        return IngestError(path, why, line)
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

    short: dict[str, str | None] = {}
    for name in SHORT_FIELDS:
        value = get(name)
        if isinstance(value, (dict, list)):
            return IngestError(path, f"field {fm[name]!r} is a JSON {'object' if isinstance(value, dict) else 'array'}"
                                     ", expected a string", line)
        value = _str(value)
        if value is not None and len(value) > MAX_FIELD_CHARS:
            return IngestError(path, f"field {fm[name]!r} of {len(value):,} characters is over the "
                                     f"{MAX_FIELD_CHARS:,}-character limit (DYADWATCH_MAX_FIELD_CHARS)", line)
        short[name] = value
    text = get("text")
    if isinstance(text, list) and all(isinstance(t, str) for t in text):  # a list of paragraphs
        text = "\n\n".join(text)
    if isinstance(text, str) and _HTML_HINT.search(text):  # a feed that puts HTML in the text field
        text = html_to_text(text)
    if not isinstance(text, str) or not text.strip():
        return IngestError(path, f"no text in field {fm['text']!r}", line)
    raw_date = get("date")
    art_date = parse_date(raw_date)
    lang = short["language"]
    where = f"{path}:{line}" if line is not None else path
    bad_date = {}
    if raw_date not in (None, "") and art_date is None:
        shown = raw_date if isinstance(raw_date, (str, int, float)) else type(raw_date).__name__
        bad_date = {"bad_date": str(shown)[:MAX_DATE_CHARS]}
    article = _make_article(
        text, title=short["title"], url=short["url"], date=art_date or date,
        source=short["source"] or source, path=where, raw_id=short["id"],
        language=lang.lower()[:2] if lang else None, meta=bad_date,
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
    """Stream JSON lines: one record in memory at a time, over-long lines skipped. A line that
    holds an array of records gives each of them (`file:line#k`). After MAX_ERRORS_PER_FILE bad
    lines the rest are counted, not reported one by one."""
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
            yield from problem(f"line longer than {MAX_LINE_BYTES / (1024 * 1024):g} MB "
                               "(DYADWATCH_MAX_LINE_BYTES), skipped")
            continue
        if not chunk.strip():
            continue
        if looks_binary(chunk[:4096]):
            yield from problem("binary data, not a JSON line")
            continue
        rec, why = loads_record(decode_text(chunk))
        if why:
            yield from problem(why)
            continue
        recs = rec if isinstance(rec, list) and rec and all(isinstance(r, dict) for r in rec) else [rec]
        for k, one in enumerate(recs, start=1):
            item = record_to_article(one, f"{path}:{lineno}#{k}" if len(recs) > 1 else path,
                                     None if len(recs) > 1 else lineno, source=source, date=date,
                                     field_map=field_map)
            if isinstance(item, IngestError):
                if len(recs) > 1:
                    n_errors += 1
                    if n_errors <= MAX_ERRORS_PER_FILE:
                        yield item
                else:
                    yield from problem(item.message)
            else:
                yield item
    if n_errors > MAX_ERRORS_PER_FILE:
        yield IngestError(path, f"{n_errors - MAX_ERRORS_PER_FILE} more bad lines not listed "
                                f"({n_errors} in all)")


def read_json_file(p: Path, *, source: str | None = None, date: str | None = None,
                   field_map: dict[str, str] | None = None) -> Iterator[Article | IngestError]:
    """A `.json` file holding one document (an array of records, or one record spread over lines)
    is read whole; everything else, and every `.jsonl` / `.ndjson` file, line by line."""
    path = str(p)
    with open(p, "rb") as fh:
        head = fh.read(4096)
        if looks_binary(head.split(b"\n", 1)[0] or head):
            yield IngestError(path, "binary file, skipped")
            return
        if not head.strip():
            yield IngestError(path, "empty file")
            return
        size = os.fstat(fh.fileno()).st_size
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        whole = p.suffix.lower() == ".json" and start in (b"[", b"{")
        if whole and size > MAX_FILE_BYTES:
            if start == b"[":
                yield IngestError(path, f"JSON array of {size / 1e6:.0f} MB is over the "
                                        f"{MAX_FILE_BYTES // (1024 * 1024)} MB limit; use JSON lines")
                return
            whole = False
        if whole:
            fh.seek(0)
            data, why = loads_record(decode_text(fh.read()))
            if why and why.startswith("malformed JSON (Extra data"):
                data = None  # several documents: JSON lines
            elif why and start == b"[" or why and not why.startswith("malformed"):
                yield IngestError(path, why)
                return
            if isinstance(data, dict):
                data = [data]
            if isinstance(data, list):
                for k, rec in enumerate(data, start=1):
                    yield record_to_article(rec, f"{path}#{k}" if len(data) > 1 else path, None,
                                            source=source, date=date, field_map=field_map)
                return
        fh.seek(0)
        yield from iter_json_lines(fh, path, source=source, date=date, field_map=field_map)


# ---------------------------------------------------------------------------- files

def _refused(path: str, kind: Sniffed) -> IngestError:
    if kind.kind == "empty":
        return IngestError(path, "empty file")
    if kind.kind == "misnamed":
        return IngestError(path, f"refused: {kind.detail}")
    return IngestError(path, f"refused: {kind.detail} (not text, HTML, JSON, a feed or a web archive)")


def read_file(p: Path, *, source: str | None = None, date: str | None = None,
              field_map: dict[str, str] | None = None, fetcher: Any = None) -> Iterator[Article | IngestError]:
    """The articles of one file, by what its content is (see the module's docstring)."""
    path = str(p)
    try:
        size = p.stat().st_size
        with open(p, "rb") as fh:
            head = fh.read(65536)
        if p.suffix.lower() in JSON_EXT:  # JSON lines: a bad line is that line's problem, not the file's
            head = head.split(b"\n", 1)[0] or head
        kind = sniff_bytes(head, p.name, path=p)
        if kind.kind == "warc":
            from .warc import read_warc

            yield from read_warc(p, source=source, date=date)
            return
        if not kind.readable:
            yield _refused(path, kind)
            return
        if kind.kind == "json" or (p.suffix.lower() in JSON_EXT and kind.kind == "text"):
            yield from read_json_file(p, source=source, date=date, field_map=field_map)
            return
        limit = MAX_FILE_BYTES
        if kind.kind == "feed":
            from .feeds import MAX_FEED_BYTES

            limit = MAX_FEED_BYTES
        if size > limit:
            yield IngestError(path, f"file of {size / 1e6:.0f} MB is over the "
                                    f"{limit // (1024 * 1024)} MB limit for one {kind.detail.lower()}, skipped")
            return
        with open(p, "rb") as fh:
            data = fh.read(limit + 1)
    except PermissionError:
        yield IngestError(path, "permission denied")
        return
    except IsADirectoryError:
        yield IngestError(path, "is a directory")
        return
    except OSError as exc:
        yield IngestError(path, f"cannot read ({exc.strerror or exc})")
        return
    yield from _read_content(data, kind, path, p.suffix.lower(), source=source, date=date, fetcher=fetcher)


def _read_content(data: bytes, kind: Sniffed, path: str, ext: str, *, source: str | None, date: str | None,
                  fetcher: Any) -> Iterator[Article | IngestError]:
    """Articles of a text, HTML, feed or URL-list document already in memory."""
    if not data.strip():
        yield IngestError(path, "empty file" if path != "stdin" else "empty input")
        return
    if kind.kind == "feed":
        from .feeds import read_feed

        yield from read_feed(data, path, fetcher=fetcher, source=source, date=date)
        return
    raw = decode_text(data)
    if kind.kind == "urls":
        from .urls import read_url_list

        yield from read_url_list(raw, path, fetcher=fetcher, source=source, date=date)
        return
    if kind.kind == "html" or (ext in HTML_EXT and kind.kind == "text"):
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
                    if f.is_file() and supported_name(f)
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
               field_map: dict[str, str] | None = None, fetcher: Any = None) -> Iterator[Article | IngestError]:
    stream = stream or sys.stdin.buffer
    first = stream.readline(MAX_LINE_BYTES + 1)
    while first and not first.strip():
        first = stream.readline(MAX_LINE_BYTES + 1)
    if not first:
        yield IngestError("stdin", "empty input")
        return
    opening = first.lstrip(b"\xef\xbb\xbf \t")
    if opening.startswith(b"{") or (opening.startswith(b"[") and loads_record(decode_text(first))[1] is None):
        yield from iter_json_lines(stream, "stdin", source=source, date=date, field_map=field_map,
                                   first=first)
        return
    data = first + stream.read(MAX_FILE_BYTES + 1 - len(first))
    kind = sniff_bytes(data[:65536], "stdin")
    if kind.kind == "warc":
        import tempfile

        from .warc import read_warc

        with tempfile.NamedTemporaryFile(suffix=".warc") as tmp:  # warcio reads a seekable stream
            tmp.write(data)
            while chunk := stream.read(1 << 20):
                tmp.write(chunk)
            tmp.flush()
            for item in read_warc(Path(tmp.name), source=source, date=date):
                if isinstance(item, IngestError) or item.path:
                    item.path = item.path.replace(tmp.name, "stdin")
                yield item
        return
    if len(data) > MAX_FILE_BYTES:
        yield IngestError("stdin", f"input over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit "
                                   "for one article; send JSON lines instead")
        return
    if not kind.readable:
        yield _refused("stdin", kind)
        return
    yield from _read_content(data, kind, "stdin", "", source=source, date=date, fetcher=fetcher)


def read_paths(paths: Iterable[str | os.PathLike], *, source: str | None = None, date: str | None = None,
               field_map: dict[str, str] | None = None,
               stdin: BinaryIO | None = None, fetcher: Any = None) -> Iterator[Article | IngestError]:
    """Articles (and errors) from files, directories and `-` (standard input), in order.

    `source` and `date` are defaults for articles that do not carry their own. With a `fetcher`
    (`dyadwatch.ingest.fetch.Fetcher`), feed items' links and URL lists are fetched; without one,
    nothing is read from the network.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    default_date = parse_date(date) if date else None
    for item in expand_paths(paths):
        if isinstance(item, IngestError):
            yield item
        elif item == "-":
            yield from read_stdin(stdin, source=source, date=default_date, field_map=field_map, fetcher=fetcher)
        else:
            yield from read_file(Path(item), source=source, date=default_date, field_map=field_map,
                                 fetcher=fetcher)


def read_text(text: str, **kw: Any) -> Article | IngestError:
    """One article from a string (the .txt convention applies)."""
    return parse_txt(text, kw.pop("path", "text"), **kw)


__all__ = [
    "IngestError",
    "check_record",
    "expand_paths",
    "loads_record",
    "parse_date",
    "parse_html",
    "parse_txt",
    "read_file",
    "read_paths",
    "read_stdin",
    "read_text",
    "record_to_article",
]
