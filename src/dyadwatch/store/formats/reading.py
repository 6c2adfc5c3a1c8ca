"""Reading event files as distributed: plain, `.zip` and `.gz`, single files and folders, with
DuckDB's own CSV reader (typed columns, `store_rejects` for bad rows with their line numbers).

Every record that fails (a wrong type in a field, too few or too many fields, a line over the
length limit, bytes that are not text) becomes one `file:line: reason` in the report and the rest
of the file is read. Before DuckDB sees a file it is made plain: compressed files are unpacked to
a temporary file, and carriage returns are normalised (CRLF -> LF, a stray CR -> a space) because
DuckDB counts every CR as a line break, which would both split a record and shift every later line
number. Plain files without a CR are read in place.
"""

from __future__ import annotations

import bisect
import gzip
import mmap
import os
import re
import tempfile
import threading
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

MAX_MESSAGES = 1000  # messages kept per import; the counts are always complete
EXAMPLES_PER_REASON = 5  # file:line examples kept per rejection reason for the summary
MAX_LINE_BYTES = int(os.environ.get("DYADWATCH_MAX_LINE_BYTES") or 1 << 20)  # longer lines are rejected
COMPRESSED = (".zip", ".gz")
_CHUNK = 1 << 24


@dataclass
class ImportReport:
    """What an import did. `ok` is False when anything failed (a bad row, a file that could not be
    read, no file at all): the CLI exits 1 then."""

    format: str
    files: list[str] = field(default_factory=list)
    rows: int = 0  # data rows read
    new: int = 0  # events stored
    already: int = 0  # valid events already in the store
    bad: int = 0  # rows skipped with a message
    duplicates: int = 0  # rows whose original id repeats an earlier row (the first is kept)
    no_plover: int = 0  # CAMEO 01x public statements: no PLOVER type, skipped
    warnings: int = 0  # rows stored with a warning (ambiguous values)
    mentions: int = 0  # GDELT mention rows stored
    failed_files: int = 0  # files that could not be read at all
    empty_files: int = 0
    sorted_files: int = 0  # files stored into an empty store, dyads already in Store.optimize's order
    messages: list[str] = field(default_factory=list)
    reasons: Counter = field(default_factory=Counter)  # rejected rows by reason
    examples: dict[str, list[str]] = field(default_factory=dict)  # reason -> first file:line's

    def message(self, text: str) -> None:
        if len(self.messages) < MAX_MESSAGES:
            self.messages.append(text)

    def reject(self, where: str, reason: str, detail: str = "") -> None:
        """One bad row: counted under `reason`, with a message `where: reason detail`."""
        self.bad += 1
        self._count(where, reason)
        self.message(f"{where}: {reason}{(' ' + detail) if detail else ''}")

    def rejects(self, reason: str, n: int, shown: list[tuple[str, str]]) -> None:
        """`n` bad rows for one reason, of which `shown` (where, detail) get a message."""
        self.bad += n
        self.reasons[reason] += n
        for where, detail in shown:
            self._example(where, reason)
            self.message(f"{where}: {reason}{(' ' + detail) if detail else ''}")

    def warn(self, where: str, reason: str, detail: str = "") -> None:
        self.warns(reason, 1, [(where, detail)])

    def warns(self, reason: str, n: int, shown: list[tuple[str, str]]) -> None:
        """`n` rows stored with a warning, of which `shown` get a message."""
        self.warnings += n
        self.reasons["warning: " + reason] += n
        for where, detail in shown:
            self._example(where, "warning: " + reason)
            self.message(f"{where}: warning: {reason}{(' ' + detail) if detail else ''}")

    def _count(self, where: str, reason: str) -> None:
        self.reasons[reason] += 1
        self._example(where, reason)

    def _example(self, where: str, reason: str) -> None:
        ex = self.examples.setdefault(reason, [])
        if len(ex) < EXAMPLES_PER_REASON:
            ex.append(where)

    def file_failed(self, path: str, why: str) -> None:
        self.failed_files += 1
        self.message(f"{path}: {why}")

    @property
    def ok(self) -> bool:
        return self.bad == 0 and self.failed_files == 0 and bool(self.files)

    def summary_lines(self) -> list[str]:
        """Rejected (and warned) rows by reason, most frequent first, with their first file:line's."""
        out = []
        for reason, n in self.reasons.most_common():
            ex = ", ".join(self.examples.get(reason, []))
            out.append(f"  {n:>9,} {reason}" + (f" (first: {ex})" if ex else ""))
        return out

    def as_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in ("format", "files", "rows", "new", "already", "bad", "duplicates",
                                           "no_plover", "warnings", "mentions", "failed_files", "empty_files")}
        d["reasons"] = dict(self.reasons)
        return d


# -- files ------------------------------------------------------------------------------------------

def expand(paths: list[str | os.PathLike], report: ImportReport) -> list[Path]:
    """Files to import: each path, or every regular file under a folder (sorted, so daily and
    15-minute files go in date order; hidden files skipped). Missing paths get a message."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file()
                           and not any(part.startswith(".") for part in f.relative_to(path).parts))
            if not found:
                report.file_failed(str(path), "folder without files")
            out.extend(found)
        elif path.is_file():
            out.append(path)
        else:
            report.file_failed(str(path), "no such file")
    return out


@dataclass
class Source:
    """One readable text stream: a plain file, or a member of a .zip / the content of a .gz.
    `name` is what messages show (`a.zip:b.CSV` for a zip member)."""

    name: str
    path: Path  # the file as given
    member: str | None = None  # zip member


def sources(path: Path) -> list[Source]:
    """The text streams of one file (a zip may hold several)."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            members = [i.filename for i in zf.infolist() if not i.is_dir()
                       and not Path(i.filename).name.startswith(".") and "__MACOSX" not in i.filename]
        return [Source(f"{path}:{m}" if len(members) > 1 else str(path), path, m) for m in members]
    return [Source(str(path), path)]


def base_name(src: Source) -> str:
    """The file name without compression suffixes (`x.export.CSV.zip` -> `x.export.CSV`)."""
    name = Path(src.member).name if src.member else src.path.name
    while Path(name).suffix.lower() in COMPRESSED:
        name = name[: -len(Path(name).suffix)]
    return name


@contextmanager
def _open_raw(src: Source) -> Iterator[Any]:
    if src.member is not None:
        with zipfile.ZipFile(src.path) as zf, zf.open(src.member) as fh:
            yield fh
    elif src.path.suffix.lower() == ".gz":
        with gzip.open(src.path, "rb") as fh:
            yield fh
    else:
        with open(src.path, "rb") as fh:
            yield fh


def head_bytes(src: Source, n: int = 1 << 16) -> bytes:
    """The first `n` bytes of the (unpacked) stream."""
    with _open_raw(src) as fh:
        return fh.read(n)


_STRAY_CR = re.compile(rb"\r(?!\n)")


@dataclass
class Plain:
    """A plain, LF-only file DuckDB can read, and the line numbers of its blank lines (which DuckDB
    skips silently, so they are needed to turn a row's position into its line number)."""

    path: Path
    blanks: list[int] | None  # None until asked for: only a file with messages to give needs them
    size: int
    temporary: bool

    @property
    def blank_lines(self) -> list[int]:
        """1-based numbers of the file's empty lines (looked for on first use: 0.08 s of a 92 MB
        file, spent before DuckDB starts, that an import without a message to give never needs)."""
        if self.blanks is None:
            self.blanks = []
            if self.size:
                with open(self.path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
                    self.blanks = _blank_lines_mm(mm, self.size)
        return self.blanks


def make_plain(src: Source, workdir: str) -> Plain:
    """The stream as a plain LF-only file: in place when it already is one, else a temporary copy
    (unpacked, CRLF -> LF, stray CR -> space)."""
    if src.member is None and src.path.suffix.lower() != ".gz":
        size = src.path.stat().st_size
        if size == 0:
            return Plain(src.path, [], 0, False)
        with open(src.path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            if mm.find(b"\r") < 0:
                return Plain(src.path, None, size, False)
    fd, tmp = tempfile.mkstemp(suffix=".tsv", dir=workdir)
    carry = b""
    with os.fdopen(fd, "wb") as out, _open_raw(src) as fh:
        while True:
            block = fh.read(_CHUNK)
            if not block:
                break
            block = carry + block
            carry = b""
            if block.endswith(b"\r"):  # a CRLF may straddle two blocks
                carry, block = b"\r", block[:-1]
            if b"\r" in block:
                block = _STRAY_CR.sub(b" ", block.replace(b"\r\n", b"\n"))
            out.write(block)
        if carry:
            out.write(b"\n")
    size = os.path.getsize(tmp)
    return Plain(Path(tmp), [] if size == 0 else None, size, True)


def _blank_lines_mm(mm: mmap.mmap, size: int) -> list[int]:
    """1-based numbers of the empty lines of an LF-only file."""
    out: list[int] = []
    if mm[0:1] == b"\n":
        out.append(1)
    pos, line, counted_to = 0, 1, 0
    while True:
        i = mm.find(b"\n\n", pos)
        if i < 0:
            break
        # lines before the empty one: newlines in [0, i] -> the empty line is number (that + 1)
        line += mm[counted_to:i + 1].count(b"\n")
        counted_to = i + 1
        out.append(line)
        pos = i + 1
    return out


def transcode(plain: Plain, workdir: str) -> Plain:
    """A copy of `plain` in which every line that is not UTF-8 is read as Latin-1 (written as
    UTF-8); UTF-8 lines are kept as they are and the line numbers do not change."""
    fd, tmp = tempfile.mkstemp(suffix=".tsv", dir=workdir)
    with os.fdopen(fd, "wb") as out, open(plain.path, "rb") as fh:
        for raw in fh:
            try:
                raw.decode("utf-8")
                out.write(raw)
            except UnicodeDecodeError:
                out.write(raw.decode("latin-1").encode("utf-8"))
    if plain.temporary:
        os.unlink(plain.path)
    return Plain(Path(tmp), plain.blanks, os.path.getsize(tmp), True)


# -- rows and lines -----------------------------------------------------------------------------------

class LineMap:
    """The line number of the k-th row DuckDB kept (1-based), given the sorted line numbers it did
    not keep (rejected, blank, header): L = k + #{i: skipped[i] - i < k} (i 1-based)."""

    def __init__(self, skipped: list[int] | Callable[[], list[int]]) -> None:
        self._skipped = skipped  # or a function giving them, called on the first line() asked for
        self._keys: list[int] | None = None

    @property
    def keys(self) -> list[int]:
        if self._keys is None:
            skipped = self._skipped() if callable(self._skipped) else self._skipped
            self._keys = [v - (i + 1) for i, v in enumerate(sorted(set(skipped)))]  # nondecreasing
        return self._keys

    def line(self, k: int) -> int:
        return k + bisect.bisect_left(self.keys, k)


_REASONS = {
    "CAST": "wrong type", "MISSING COLUMNS": "too few fields", "TOO MANY COLUMNS": "too many fields",
    "LINE SIZE OVER MAXIMUM": "line too long", "INVALID ENCODING": "not valid UTF-8",
    "UNQUOTED VALUE": "bad quoting", "INVALID STATE": "bad quoting",
}
_FOUND = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")


def csv_columns_sql(columns: dict[str, str]) -> str:
    return "{" + ", ".join(f"'{k}': '{v}'" for k, v in columns.items()) + "}"


def read_table(con: duckdb.DuckDBPyConnection, plain: Plain, table: str, columns: dict[str, str],
               select: str = "*", skip: int = 0, quote: str = "", encoding: str = "utf-8",
               extra: str = "") -> list[tuple[int, str, str]]:
    """Read `plain` with DuckDB's CSV reader into the temp table `table` (typed `columns`,
    rows in file order), keeping rejected rows aside. Returns the rejected rows as
    (line, reason, detail), one per line, sorted."""
    con.execute(f"DROP TABLE IF EXISTS {table}")
    return read_into(con, plain, f"CREATE TEMP TABLE {table} AS SELECT {select} FROM {CSV}", columns, skip,
                     quote, encoding, extra)


CSV = "<<csv>>"  # where read_into puts the read_csv(...) call in its statement


def read_into(con: duckdb.DuckDBPyConnection, plain: Plain, statement: str, columns: dict[str, str],
              skip: int = 0, quote: str = "", encoding: str = "utf-8", extra: str = "") -> list[tuple[int, str, str]]:
    """Run `statement`, in which `CSV` stands for DuckDB's reader of `plain` (typed `columns`; a
    query over it without ORDER BY keeps the file's order), keeping rejected rows aside. Returns the
    rejected rows as (line, reason, detail), one per line, sorted."""
    for t in ("_dw_rej", "_dw_scan"):
        con.execute(f"DROP TABLE IF EXISTS {t}")
    q = quote.replace("'", "''")
    path = str(plain.path).replace("'", "''")
    reader = (f"read_csv('{path}', delim='\t', header=false, "
              f"quote='{q}', escape='{q}', new_line='\\n', auto_detect=false, strict_mode=false, "
              f"skip={int(skip)}, columns={csv_columns_sql(columns)}, store_rejects=true, rejects_table='_dw_rej', "
              f"rejects_scan='_dw_scan', max_line_size={MAX_LINE_BYTES}, encoding='{encoding}', "
              f"null_padding=false{extra})")
    con.execute(statement.replace(CSV, reader))
    rows = con.execute(
        "SELECT line, list(error_type ORDER BY column_idx), list(column_name ORDER BY column_idx), "
        "list(error_message ORDER BY column_idx), any_value(csv_line) FROM _dw_rej GROUP BY line ORDER BY line"
    ).fetchall()
    for t in ("_dw_rej", "_dw_scan"):
        con.execute(f"DROP TABLE IF EXISTS {t}")
    out = []
    for line, types, names, msgs, raw in rows:
        out.append((int(line), *_describe(types, names, msgs, raw)))
    return out


def _describe(types: list[str], names: list[str | None], msgs: list[str], raw: str | None) -> tuple[str, str]:
    if "LINE SIZE OVER MAXIMUM" in types:
        return "line too long", f"(over {MAX_LINE_BYTES:,} bytes)"
    for t, m in zip(types, msgs):
        if t in ("MISSING COLUMNS", "TOO MANY COLUMNS"):
            found = _FOUND.search(m or "")
            if found:
                return "wrong number of fields", f"(expected {found.group(1)}, found {found.group(2)})"
            return "wrong number of fields", ""
    t, name, m = types[0], names[0], msgs[0] or ""
    reason = _REASONS.get(t, t.lower())
    if t == "CAST":
        value = re.search(r'Could not convert string "(.*)" to', m, re.DOTALL)
        shown = value.group(1) if value else ""
        if len(shown) > 40:
            shown = shown[:40] + "..."
        return f"wrong type in {name}", f"({shown!r} is not {_cast_target(m)})"
    if t == "LINE SIZE OVER MAXIMUM":
        return "line too long", f"(over {MAX_LINE_BYTES:,} bytes)"
    return reason, ""


def _cast_target(msg: str) -> str:
    m = re.search(r"to '(\w+)'", msg)
    kind = (m.group(1) if m else "").upper()
    return {"DATE": "a date", "BIGINT": "an integer", "INTEGER": "an integer", "TINYINT": "a small integer",
            "DOUBLE": "a number", "SMALLINT": "an integer"}.get(kind, kind.lower() or "valid")


# -- progress ---------------------------------------------------------------------------------------

ProgressFn = Callable[[int, int], None]  # (bytes done, bytes in all)


@contextmanager
def watch(con: duckdb.DuckDBPyConnection, progress: ProgressFn | None, done: int, size: int,
          total: int) -> Iterator[None]:
    """While the block runs a query on `con`, report `done + size * fraction` of `total` bytes."""
    if progress is None:
        yield
        return
    stop = threading.Event()

    def poll() -> None:
        while not stop.wait(0.1):
            try:
                pct = con.query_progress()
            except (duckdb.Error, RuntimeError):
                return
            if pct is not None and pct >= 0:
                progress(done + int(size * min(pct, 100.0) / 100.0), total)

    con.execute("SET enable_progress_bar = true")
    con.execute("SET enable_progress_bar_print = false")
    t = threading.Thread(target=poll, daemon=True)
    t.start()
    try:
        yield
    finally:
        stop.set()
        t.join()
        con.execute("SET enable_progress_bar = false")
        progress(done + size, total)


def file_size(src: Source) -> int:
    if src.member is not None:
        with zipfile.ZipFile(src.path) as zf:
            return zf.getinfo(src.member).file_size
    return src.path.stat().st_size
