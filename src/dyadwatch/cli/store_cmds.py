"""CLI commands of the store: `dyadwatch import` and `dyadwatch export`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import DbOption, app

OPTIMIZE_AFTER = 100_000  # new events after which event_dyads is re-sorted for fast dyad queries


@app.command("import")
def import_cmd(
    format: Annotated[str, typer.Argument(help="gdelt, icews, phoenix, polecat (or plover)")],
    files: Annotated[list[Path], typer.Argument(help="event files of that format")],
    db: str | None = DbOption,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="only the summary, no per-row messages")] = False,
    optimize: Annotated[bool | None, typer.Option(
        "--optimize/--no-optimize",
        help=f"re-sort the tables for fast queries afterwards (default: when {OPTIMIZE_AFTER:,}+ new events)",
    )] = None,
) -> None:
    """Import others' event data (GDELT 1.0/2.0, ICEWS, Phoenix, POLECAT/PLOVER JSON lines).

    CAMEO codes are mapped to PLOVER and countries to ISO alpha-3; events keep their origin and
    original codes. Bad rows get a message with file and line; importing a file twice stores its
    events once. CAMEO 01x (public statements) has no PLOVER type and is skipped (counted)."""
    from ..store import Store
    from ..store.importers import FORMATS, import_files

    if format.lower() not in FORMATS:
        typer.echo(f"unknown format {format!r}: one of {', '.join(FORMATS)}", err=True)
        raise typer.Exit(2)

    def say(msg: str) -> None:
        if not quiet:
            typer.echo(msg, err=True)

    with Store(db) as store:
        report = import_files(store, format, files, on_message=say)
        if optimize or (optimize is None and report.new >= OPTIMIZE_AFTER):
            if not quiet:
                typer.echo("sorting the tables for fast dyad queries ...", err=True)
            store.optimize()
    hidden = report.bad + report.duplicates - len(report.messages)
    if hidden > 0 and not quiet:
        typer.echo(f"... and {hidden} more messages", err=True)
    typer.echo(
        f"{report.format}: {len(report.files)} file(s), {report.rows} rows: {report.new} new events, "
        f"{report.already} already stored, {report.bad} bad rows, {report.duplicates} duplicate ids, "
        f"{report.no_plover} without a PLOVER type (CAMEO 01x) skipped"
    )
    if not report.files:
        raise typer.Exit(1)


@app.command("export")
def export_cmd(
    format: Annotated[str, typer.Option("--format", "-f", help="plover (JSON lines), gdelt, csv, parquet")] = "plover",
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
    """Export stored events as PLOVER JSON lines, GDELT 2.0 rows, CSV or Parquet."""
    from ..store import Store
    from ..store.exporters import EXPORT_FORMATS, export_events

    if format.lower() not in EXPORT_FORMATS:
        typer.echo(f"unknown format {format!r}: one of {', '.join(EXPORT_FORMATS)}", err=True)
        raise typer.Exit(2)
    if format.lower() == "parquet" and output is None:
        typer.echo("parquet needs -o FILE", err=True)
        raise typer.Exit(2)
    with Store(db, read_only=True) as store:
        n = export_events(store, format, output, actor=actor or None, recipient=recipient or None,
                          type=type or None, since=since, until=until, modality=modality or None,
                          origin=origin or None)
    if output is not None:
        typer.echo(f"{n} events written to {output}", err=True)
