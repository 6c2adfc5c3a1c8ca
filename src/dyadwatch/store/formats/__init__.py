"""Readers of others' event data, one module per format, and the loop over files (`import_paths`).

Each file (each member of a zip) is one transaction: a file that cannot be read gets a message and
the others go on; within a file every bad record is a `file:line` message and the rest is stored.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from . import gdelt, icews, lookups, phoenix, polecat
from .reading import (
    ImportReport,
    Plain,
    ProgressFn,
    Source,
    base_name,
    expand,
    file_size,
    head_bytes,
    make_plain,
    sources,
    transcode,
    watch,
)

TSV_FORMATS = ("gdelt", "icews", "phoenix", "polecat")
# the code tables (lookups) each format joins: only those are made for an import
LOOKUPS = {"gdelt": ("_dw_cameo_raw", "_dw_cc", "_dw_groups", "_dw_fips"),
           "icews": ("_dw_cameo_raw", "_dw_names", "_dw_sectors"),
           "phoenix": ("_dw_cameo_raw", "_dw_cc"),
           "polecat": ("_dw_iso", "_dw_names", "_dw_quad", "_dw_score")}


def _first_line(plain: Plain) -> tuple[int, str] | None:
    """(line number, text) of the first non-blank line of a plain file."""
    with open(plain.path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if raw.strip():
                return n, raw[: 1 << 20].decode("utf-8", "replace").rstrip("\n")
            if n > 10_000:
                return None
    return None


def _split_header(text: str) -> tuple[list[str], str]:
    fields = text.split("\t")
    quoted = sum(1 for f in fields if len(f) >= 2 and f.startswith('"') and f.endswith('"'))
    return [f.strip().strip('"') for f in fields], ('"' if quoted > len(fields) // 2 else "")


def _gdelt_kind(src: Source, plain: Plain) -> tuple[str, int]:
    """('events', 57|58|61) or ('mentions', 16) or ('other', n) from the name and the first lines."""
    name = base_name(src).lower()
    counts: dict[int, int] = {}
    with open(plain.path, "rb") as fh:
        for n, raw in enumerate(fh):
            if n >= 50:
                break
            if raw.strip():
                k = raw.count(b"\t") + 1
                counts[k] = counts.get(k, 0) + 1
    n_fields = max(counts, key=lambda k: (counts[k], k)) if counts else 0
    if ".mentions." in name or n_fields == 16:
        return "mentions", 16
    if ".gkg." in name:
        return "other", n_fields
    if n_fields in (57, 58, 61):
        return "events", n_fields
    for k in (61, 58, 57):  # the first lines are all broken: take the usual widths in turn
        if k in counts:
            return "events", k
    return "events", 61 if n_fields > 58 else 58 if n_fields == 58 else 57 if n_fields else 0


def _run(con: duckdb.DuckDBPyConnection, fmt: str, src: Source, plain: Plain, report: ImportReport,
         encoding: str) -> list[tuple[int, str, str]] | None:
    """Import one plain stream; the reader's rejects, or None when the file is not of the format."""
    if fmt == "gdelt":
        kind, n = _gdelt_kind(src, plain)
        if kind == "mentions":
            return gdelt.import_mentions(con, plain, src.name, report, encoding)
        if kind == "other":  # a GKG file in a folder of GDELT downloads: another dataset, skipped
            report.message(f"{src.name}: skipped: a GDELT GKG file, not events or mentions")
            return None
        if not n:
            report.file_failed(src.name, f"not a GDELT events or mentions file ({n} fields)")
            return None
        return gdelt.import_events(con, plain, src.name, n, report, encoding)
    first = _first_line(plain)
    if first is None:
        return None
    line, text = first
    header, quote = _split_header(text)
    if fmt == "icews":
        return icews.import_file(con, plain, src.name, header, line, report, quote, encoding)
    if fmt == "polecat":
        return polecat.import_tsv(con, plain, src.name, header, line, report, quote, encoding)
    skip = line if header and header[0].strip().lower() == "eventid" else 0
    return phoenix.import_file(con, plain, src.name, skip, report, encoding)


def _report_rejects(report: ImportReport, name: str, rejects: list[tuple[int, str, str]]) -> None:
    by_reason: dict[str, list[tuple[str, str]]] = {}
    for line, reason, detail in rejects:
        by_reason.setdefault(reason, []).append((f"{name}:{line}", detail))
    for reason, items in by_reason.items():
        report.rows += len(items)
        report.rejects(reason, len(items), items[:200])


def import_tsv_source(con: duckdb.DuckDBPyConnection, fmt: str, src: Source, report: ImportReport,
                      workdir: str) -> None:
    plain = make_plain(src, workdir)
    try:
        if plain.size == 0 or _first_line(plain) is None:
            report.empty_files += 1
            report.message(f"{src.name}: empty file")
            return
        rejects = _run(con, fmt, src, plain, report, "utf-8")
        if rejects is not None and any(r[1] == "not valid UTF-8" for r in rejects):
            first = next(r[0] for r in rejects if r[1] == "not valid UTF-8")
            report.message(f"{src.name}: not valid UTF-8 (first at line {first}): such lines read as Latin-1")
            plain = transcode(plain, workdir)
            rejects = _run(con, fmt, src, plain, report, "utf-8")
        if rejects:
            _report_rejects(report, src.name, rejects)
    finally:
        if plain.temporary:
            os.unlink(plain.path)


# What reading a damaged file can raise: a cut or corrupt zip or gzip (zlib.error, EOFError,
# BadZipFile), an encrypted zip member (RuntimeError), an unsupported zip method (NotImplementedError).
READ_ERRORS = (OSError, EOFError, zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, ValueError,
               UnicodeError, zipfile.LargeZipFile)


def _why(exc: BaseException) -> str:
    text = (str(exc).splitlines() or [""])[0][:300]
    if isinstance(exc, (zlib.error, EOFError)) or not text:
        return f"damaged or cut compressed data ({type(exc).__name__}{': ' + text if text else ''})"
    return text


@contextmanager
def lookups_on_the_build_side(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """While importing, every join keeps its right side (the code tables, written on the right)
    as the side DuckDB builds its hash table from. DuckDB cannot estimate how many rows a CSV file
    holds, so it took the file for the smaller side and built a hash table of all 400k wide rows
    of a GDELT file against 300 CAMEO codes: a quarter of the CPU of reading the file."""
    prev = con.execute("SELECT current_setting('disabled_optimizers')").fetchall()[0][0] or ""
    con.execute(f"SET disabled_optimizers = '{prev + ',' if prev else ''}build_side_probe_side'")
    try:
        yield
    finally:
        if prev:
            con.execute(f"SET disabled_optimizers = '{prev}'")
        else:
            con.execute("RESET disabled_optimizers")


@contextmanager
def insertion_order_kept(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    prev = con.execute("SELECT current_setting('preserve_insertion_order')").fetchall()[0][0]
    con.execute("SET preserve_insertion_order = true")
    try:
        yield
    finally:
        con.execute(f"SET preserve_insertion_order = {'true' if prev else 'false'}")


def import_paths(store: object, fmt: str, paths: list[str | os.PathLike], report: ImportReport,
                 on_message: Callable[[str], None] | None = None, progress: ProgressFn | None = None) -> None:
    """Import the tab-separated files (and folders, zips, gzips) `paths` of format `fmt`."""
    con: duckdb.DuckDBPyConnection = store.con  # type: ignore[attr-defined]
    lookups.register(con, only=LOOKUPS.get(fmt))
    files = expand(list(paths), report)
    srcs: list[Source] = []
    for f in files:
        try:
            srcs.extend(sources(f))
        except READ_ERRORS as exc:
            report.file_failed(str(f), f"could not be read: {_why(exc)}")
    sizes = []
    for s in srcs:
        try:
            sizes.append(file_size(s))
        except READ_ERRORS:
            sizes.append(0)
    total, done = sum(sizes) or 1, 0
    touched_gdelt = False
    # the reads keep the file's order whatever the connection says: a staged row's position (its
    # rowid) is its line; only the final INSERTs drop it (stage.insertion_order_free)
    with tempfile.TemporaryDirectory(prefix="dyadwatch-import-") as workdir, lookups_on_the_build_side(con), \
            insertion_order_kept(con):
        for src, size in zip(srcs, sizes):
            n_msgs = len(report.messages)
            report.files.append(src.name)
            con.execute("BEGIN TRANSACTION")
            try:
                with watch(con, progress, done, size, total):
                    import_tsv_source(con, fmt, src, report, workdir)
                con.execute("COMMIT")
                touched_gdelt = touched_gdelt or fmt == "gdelt"
            except Exception as exc:  # noqa: BLE001 - any failure of one file: a message, the others go on
                con.execute("ROLLBACK")
                report.file_failed(src.name, f"could not import: {_why(exc)}")
            done += size
            if on_message:
                for m in report.messages[n_msgs:]:
                    on_message(m)
    if touched_gdelt and con.execute("SELECT 1 FROM event_mentions LIMIT 1").fetchall():
        gdelt.refresh_counts(con, "SELECT DISTINCT event_id FROM event_mentions")


__all__ = ["TSV_FORMATS", "ImportReport", "Path", "head_bytes", "import_paths"]
