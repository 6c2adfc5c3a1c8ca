"""CLI commands of the store: `dyadwatch import` and `dyadwatch export`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import DbOption, app

OPTIMIZE_AFTER = 100_000  # new events after which event_dyads is re-sorted for fast dyad queries


def _open_store(db: str | None, read_only: bool = False):
    """The store, or a one-line message and exit 1 (locked by another process, missing, not DuckDB)."""
    import duckdb

    from ..config import db_path
    from ..store import Store

    path = db_path(db)
    try:
        return Store(db, read_only=read_only)
    except FileNotFoundError:
        typer.echo(f"{path}: no such database", err=True)
    except duckdb.IOException as exc:
        text = str(exc)
        if "lock" in text.lower():
            typer.echo(f"{path}: the database is in use by another process (a server or another import); "
                       "stop it or write through its API, then try again", err=True)
        else:
            typer.echo(f"{path}: cannot open the database: {text.splitlines()[0][:200]}", err=True)
    except (duckdb.Error, RuntimeError, PermissionError) as exc:
        typer.echo(f"{path}: cannot open the database: {str(exc).splitlines()[0][:200]}", err=True)
    raise typer.Exit(1)


@app.command("import")
def import_cmd(
    format: Annotated[str, typer.Argument(help="gdelt, icews, phoenix, polecat (or plover)")],
    files: Annotated[list[Path], typer.Argument(help="event files or folders of that format (plain, .zip, .gz)")],
    db: str | None = DbOption,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="only the summary, no per-row messages")] = False,
    optimize: Annotated[bool | None, typer.Option(
        "--optimize/--no-optimize",
        help=f"re-sort the tables for fast queries afterwards (default: when {OPTIMIZE_AFTER:,}+ new events, "
             "unless one file went into an empty store, which is stored sorted)",
    )] = None,
) -> None:
    """Import others' event data (GDELT 1.0/2.0 events and mentions, ICEWS, Phoenix, POLECAT TSV
    or JSON lines, PLOVER JSON lines), plain, zipped or gzipped, files or folders.

    CAMEO codes are mapped to PLOVER and countries to ISO alpha-3; events keep their origin,
    original codes and what the source says (counts, tone, places, URL, intensity). Bad rows get a
    message with file and line and a summary by reason; the exit code is 1 when any row or file
    failed. Importing a file twice stores its events once. CAMEO 01x (public statements) has no
    PLOVER type and is skipped (counted)."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    from ..store.importers import FORMATS, import_files

    if format.lower() not in FORMATS:
        typer.echo(f"unknown format {format!r}: one of {', '.join(FORMATS)}", err=True)
        raise typer.Exit(2)
    shown = 0

    def say(msg: str) -> None:
        nonlocal shown
        if not quiet and shown < SHOW_MESSAGES:
            shown += 1
            progress.console.print(msg, markup=False, highlight=False, soft_wrap=True)

    store = _open_store(db)
    with store, Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(),
                         TimeRemainingColumn(), transient=True, disable=quiet,
                         console=_stderr_console()) as progress:
        task = progress.add_task(f"importing {format.lower()}", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        report = import_files(store, format, files, on_message=say, progress=advance)
        # a single file into an empty store is stored sorted already (see store.formats.stage)
        presorted = report.sorted_files == 1 and len(report.files) == 1
        if optimize or (optimize is None and report.new >= OPTIMIZE_AFTER and not presorted):
            progress.update(task, description="sorting the tables for fast dyad queries", total=None)
            store.optimize()
    hidden = len(report.messages) - shown
    if hidden > 0 and not quiet:
        typer.echo(f"... and {hidden} more messages", err=True)
    if report.reasons:
        typer.echo("rows not stored (or stored with a warning), by reason:", err=True)
        for line in report.summary_lines():
            typer.echo(line, err=True)
    extra = f", {report.mentions} mentions" if report.mentions else ""
    typer.echo(
        f"{report.format}: {len(report.files)} file(s), {report.rows} rows: {report.new} new events{extra}, "
        f"{report.already} already stored, {report.bad} bad rows, {report.duplicates} duplicate ids, "
        f"{report.no_plover} without a PLOVER type (CAMEO 01x) skipped"
        + (f", {report.warnings} warnings" if report.warnings else "")
        + (f", {report.failed_files} file(s) failed" if report.failed_files else "")
        + (f", {report.empty_files} empty file(s)" if report.empty_files else "")
    )
    if not report.ok:
        raise typer.Exit(1)


SHOW_MESSAGES = 50  # per-row messages printed; the summary counts every one


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@app.command("export")
def export_cmd(
    format: Annotated[str, typer.Option("--format", "-f", help="plover (JSON lines), gdelt, csv (one row per dyad), parquet")] = "plover",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="output file (default: stdout)")] = None,
    db: str | None = DbOption,
    actor: Annotated[list[str] | None, typer.Option("--actor", help="actor code (repeatable)")] = None,
    recipient: Annotated[list[str] | None, typer.Option("--recipient", help="recipient code (repeatable)")] = None,
    type: Annotated[list[str] | None, typer.Option("--type", help="PLOVER event type (repeatable)")] = None,
    since: Annotated[str | None, typer.Option("--since", help="first date, YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option("--until", help="last date, YYYY-MM-DD")] = None,
    modality: Annotated[list[str] | None, typer.Option("--modality", help="asserted, negated, ... (repeatable)")] = None,
    origin: Annotated[list[str] | None, typer.Option("--origin", help="dyadwatch, gdelt, icews, ... (repeatable)")] = None,
) -> None:
    """Export stored events as PLOVER JSON lines, GDELT 2.0 rows, CSV (one row per dyad, COW and
    Gleditsch-Ward numbers beside ISO codes) or Parquet (typed: dates, lists and structs)."""
    from ..store.exporters import EXPORT_FORMATS, export_events

    if format.lower() not in EXPORT_FORMATS:
        typer.echo(f"unknown format {format!r}: one of {', '.join(EXPORT_FORMATS)}", err=True)
        raise typer.Exit(2)
    if format.lower() == "parquet" and output is None:
        typer.echo("parquet needs -o FILE", err=True)
        raise typer.Exit(2)
    with _open_store(db, read_only=True) as store:
        n = export_events(store, format, output, actor=actor or None, recipient=recipient or None,
                          type=type or None, since=since, until=until, modality=modality or None,
                          origin=origin or None)
    if output is not None:
        typer.echo(f"{n} events written to {output}", err=True)
