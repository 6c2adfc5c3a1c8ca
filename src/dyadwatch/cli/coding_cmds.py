"""`dyadwatch code`: articles in (any input `ingest` reads), PLOVER event records out, no database."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, TextIO

import typer

from ..ingest.article import Article, IngestError
from .app import app


def readable_articles(paths: list[str], errors: list[str], date: str | None = None,
                      source: str | None = None) -> Iterator[Article]:
    """The codable articles under `paths` (files, folders, '-'), read as `ingest` reads them
    (text, HTML, JSON lines, feeds, web archives; page debris removed). A bad input, an article in a
    language the coder does not read and an article too long to parse are reported on stderr as
    "FILE[:LINE]: reason" and added to `errors`; the rest goes on."""
    from ..ingest.readers import read_paths
    from ..pipeline import CODED_LANGUAGES, MAX_CODED_CHARS

    def fail(msg: str) -> None:
        errors.append(msg)
        typer.echo(msg, err=True)

    for item in read_paths(paths, date=date, source=source):
        if isinstance(item, IngestError):
            fail(str(item))
        elif item.language is not None and item.language not in CODED_LANGUAGES:
            fail(f"{item.path}: language {item.language!r} is not coded (English only); `ingest` stores it")
        elif len(item.text) > MAX_CODED_CHARS:
            fail(f"{item.path}: article of {len(item.text):,} characters is too long to code "
                 f"(limit {MAX_CODED_CHARS:,}); split it")
        else:
            yield item


@app.command("code")
def code_cmd(
    inputs: Annotated[list[str], typer.Argument(
        help="files or folders as `ingest` reads them: .txt, .html, .jsonl ({id, text, date} per line), "
             "feeds, .warc; '-' for stdin", metavar="INPUT...")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="write event records here")] = None,
    date: Annotated[str | None, typer.Option(help="date (YYYY-MM-DD) of articles that carry none")] = None,
    source: Annotated[str | None, typer.Option(help="outlet of articles that name none")] = None,
) -> None:
    """Code PLOVER events from articles, without a database: one JSON event record per line
    (story_id: the input's id, or the article id when it has none). Exit 1 if any input failed."""
    from ..coding import code_articles
    from ..ingest.readers import parse_date

    if date is not None and parse_date(date) is None:
        typer.echo(f"--date {date!r}: not a date (YYYY-MM-DD)", err=True)
        raise typer.Exit(2)
    missing = [p for p in inputs if p != "-" and not Path(p).exists()]
    for p in missing:
        typer.echo(f"{p}: no such file", err=True)
    if missing:
        raise typer.Exit(2)
    errors: list[str] = []
    with contextlib.ExitStack() as stack:
        out: TextIO = stack.enter_context(open(output, "w", encoding="utf-8")) if output else sys.stdout
        for article, events in code_articles(readable_articles(inputs, errors, date=date, source=source)):
            out.writelines(json.dumps(ev.to_record(), ensure_ascii=False) + "\n" for ev in events)
            out.flush()
    if errors:
        raise typer.Exit(1)
