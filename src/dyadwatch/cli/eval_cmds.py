"""`dyadwatch evaluate`: coding accuracy against a gold file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .app import app

if TYPE_CHECKING:
    from rich.console import Console

    from ..coding.evaluate import EvalResult


@app.command("evaluate")
def evaluate_cmd(
    gold: Annotated[Path, typer.Argument(help="gold JSON lines: {id, text, date, events, optional}")],
    events: Annotated[Path | None, typer.Option(
        "--events", help="already coded event records (JSON lines); default: code the gold texts now")] = None,
    by_type: Annotated[bool, typer.Option("--by-type/--no-by-type", help="precision and recall per type")] = True,
    errors: Annotated[int, typer.Option("--errors", help="list this many missed and spurious events")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="print the numbers as one JSON object")] = False,
    clean: Annotated[bool, typer.Option("--clean/--no-clean", help="strip page debris from texts first (as `code` does)")] = True,
    save_events: Annotated[Path | None, typer.Option("--save-events", help="write coded events here")] = None,
    bands: Annotated[bool, typer.Option("--bands/--no-bands", help="precision per confidence band")] = True,
) -> None:
    """Precision, recall and F1 of event coding against a gold file (docs/EVALUATION.md rules)."""
    from ..coding.evaluate import code_gold, load_events, load_gold, score

    for path in (gold, events):
        if path is not None and not path.is_file():
            typer.echo(f"{path}: no such file", err=True)
            raise typer.Exit(2)
    problems: list[str] = []
    docs = load_gold(gold, problems)
    for msg in problems:
        typer.echo(msg, err=True)
    n_problems = len(problems)
    if events is not None:
        records = load_events(events, problems)
    else:
        records = code_gold(docs, clean=clean)
    for msg in problems[n_problems:]:
        typer.echo(msg, err=True)
    if save_events is not None:
        with open(save_events, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records)
    result = score(docs, records)
    if as_json:
        out = result.summary()
        if bands:
            out["confidence_bands"] = result.bands()
        if errors:
            out["errors"] = [e.to_dict() for e in result.errors[:errors]]
        typer.echo(json.dumps(out, ensure_ascii=False))
        return
    _print_report(result, by_type, errors, bands)


def _print_bands(console: Console, result: EvalResult) -> None:
    """Precision per confidence band: does a higher confidence mean a surer event?"""
    from rich.table import Table

    rows = [r for r in result.bands() if r["n"]]
    if not rows:
        return
    table = Table(title="precision by confidence", show_edge=False)
    for col in ("confidence", "triples", "tp", "fp", "precision", "mean conf."):
        table.add_column(col, justify="left" if col == "confidence" else "right")
    for r in rows:
        table.add_row(r["band"], str(r["n"]), str(r["tp"]), str(r["fp"]), f"{r['precision']:.2f}",
                      f"{r['mean_confidence']:.2f}")
    console.print(table)


def _print_report(result: EvalResult, by_type: bool, n_errors: int, bands: bool = True) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(highlight=False)
    if by_type and result.per_type:
        table = Table(title="by type", show_edge=False)
        for col in ("type", "tp", "fp", "fn", "P", "R", "F1"):
            table.add_column(col, justify="left" if col == "type" else "right")
        for row in result.by_type():
            table.add_row(row["type"], str(row["tp"]), str(row["fp"]), str(row["fn"]),
                          f"{row['precision']:.2f}", f"{row['recall']:.2f}", f"{row['f1']:.2f}")
        console.print(table)
    if bands:
        _print_bands(console, result)
    if n_errors > 0 and result.errors:
        for kind in ("missed", "spurious"):
            errs = [e for e in result.errors if e.kind == kind]
            if not errs:
                continue
            console.print(f"\n[bold]{kind}[/bold] ({len(errs)}; first {min(n_errors, len(errs))})")
            for e in errs[:n_errors]:
                text = e.sentences[0] if e.sentences else e.text
                if len(text) > 240:
                    text = text[:237] + "..."
                console.print(f"  {escape(e.story_id)}  [cyan]{escape(e.describe())}[/cyan]")
                console.print(f"      {escape(text)}", soft_wrap=True)
    if result.unknown_stories:
        console.print(f"{result.unknown_stories} coded story ids are not in the gold file")
    console.print(f"\nP={result.precision:.3f} R={result.recall:.3f} F1={result.f1:.3f} "
                  f"(tp={result.tp} fp={result.fp} fn={result.fn}; {result.n_docs} gold records)")
