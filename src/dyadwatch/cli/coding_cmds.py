"""`dyadwatch code`: JSON lines of articles in, PLOVER event records out."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import typer

from .app import app


def _cleaner():
    """The ingest layer's page-debris cleaner (`ingest.debris.clean_text`), if it is there."""
    try:
        from ..ingest import debris as mod
    except Exception:  # noqa: BLE001
        return None
    fn = getattr(mod, "clean_text", None)
    return fn if callable(fn) else None


def read_jsonl_articles(path: Path, errors: list[str]) -> Iterator[object]:
    """Articles from a JSON-lines file ({"id","text","date"[, "title"]}); bad lines go to `errors`."""
    from ..ingest.article import Article

    clean = _cleaner()
    stream = sys.stdin if str(path) == "-" else open(path, encoding="utf-8", errors="replace")
    with stream:
        for lineno, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict):
                    raise ValueError("not a JSON object")
                text = rec.get("text")
                if not isinstance(text, str):
                    raise ValueError('no "text" string')
                if clean is not None:
                    try:
                        cleaned = clean(text, rec.get("title"))
                    except Exception as exc:  # noqa: BLE001 - a cleaner bug must not lose the article
                        typer.echo(f"{path}:{lineno}: debris clean-up failed ({exc}); coding the raw text", err=True)
                        cleaned = None
                    if isinstance(cleaned, str) and cleaned.strip():
                        text = cleaned
                rid = rec.get("id")
                date = rec.get("date")
                yield Article(text=text, title=rec.get("title"), date=str(date)[:10] if date else None,
                              raw_id=str(rid) if rid is not None else f"{path}:{lineno}",
                              path=f"{path}:{lineno}")
            except (ValueError, TypeError) as exc:
                msg = f"{path}:{lineno}: {exc}"
                errors.append(msg)
                typer.echo(msg, err=True)


@app.command("code")
def code_cmd(
    input: Path = typer.Argument(..., help="JSON lines: {id, text, date} per line ('-' for stdin)"),
    output: Path | None = typer.Option(None, "-o", "--output", help="write event records here"),
) -> None:
    """Code PLOVER events from articles; one JSON event record per line."""
    from ..coding import code_articles

    if str(input) != "-" and not input.exists():
        typer.echo(f"{input}: no such file", err=True)
        raise typer.Exit(2)
    errors: list[str] = []
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for _article, events in code_articles(read_jsonl_articles(input, errors)):
            for ev in events:
                out.write(json.dumps(ev.to_record(), ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
    if errors:
        raise typer.Exit(1)
