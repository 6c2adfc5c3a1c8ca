"""`dyadwatch code`: JSON lines of articles in, PLOVER event records out."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, TextIO

import typer

from ..ingest.article import Article
from .app import app


def _cleaner() -> Callable[..., str] | None:
    """The ingest layer's page-debris cleaner (`ingest.debris.clean_text`), if it is there."""
    try:
        from ..ingest import debris as mod
    except Exception:  # noqa: BLE001
        return None
    fn = getattr(mod, "clean_text", None)
    return fn if callable(fn) else None


class BadLine(ValueError):
    pass


def _article(rec: object, path: Path, lineno: int, clean: Callable[..., str] | None) -> Article:
    if not isinstance(rec, dict):
        raise BadLine("not a JSON object")
    text = rec.get("text")
    if not isinstance(text, str):
        raise BadLine('no "text" string')
    title = rec.get("title") if isinstance(rec.get("title"), str) else None
    if clean is not None:
        try:
            cleaned = clean(text, title)
        except Exception as exc:  # noqa: BLE001 - a cleaner bug must not lose the article
            typer.echo(f"{path}:{lineno}: debris clean-up failed ({exc}); coding the raw text", err=True)
            cleaned = None
        if isinstance(cleaned, str) and cleaned.strip():
            text = cleaned
    rid = rec.get("id")
    date = rec.get("date")
    return Article(text=text, title=title, date=str(date)[:10] if date else None,
                   raw_id=str(rid) if rid is not None else f"{path}:{lineno}", path=f"{path}:{lineno}")


def read_jsonl_articles(path: Path, errors: list[str], stream: TextIO | None = None) -> Iterator[Article]:
    """Articles from JSON lines ({"id", "text", "date"[, "title"]}); a bad line is reported on stderr as
    "FILE:LINE: reason", added to `errors`, and skipped."""
    clean = _cleaner()
    with contextlib.ExitStack() as stack:
        if stream is None:
            stream = sys.stdin if str(path) == "-" else stack.enter_context(
                open(path, encoding="utf-8", errors="replace"))
        for lineno, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                article = _article(json.loads(line), path, lineno, clean)
            except ValueError as exc:  # json.JSONDecodeError and BadLine
                msg = f"{path}:{lineno}: {exc}"
                errors.append(msg)
                typer.echo(msg, err=True)
                continue
            yield article


@app.command("code")
def code_cmd(
    input: Annotated[Path, typer.Argument(help="JSON lines: {id, text, date} per line ('-' for stdin)")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="write event records here")] = None,
) -> None:
    """Code PLOVER events from articles; one JSON event record per line (story_id = the input id)."""
    from ..coding import code_articles

    if str(input) != "-" and not input.exists():
        typer.echo(f"{input}: no such file", err=True)
        raise typer.Exit(2)
    errors: list[str] = []
    with contextlib.ExitStack() as stack:
        out: TextIO = stack.enter_context(open(output, "w", encoding="utf-8")) if output else sys.stdout
        for _article, events in code_articles(read_jsonl_articles(input, errors)):
            out.writelines(json.dumps(ev.to_record(), ensure_ascii=False) + "\n" for ev in events)
    if errors:
        raise typer.Exit(1)
