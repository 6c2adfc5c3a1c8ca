"""The typer application object; command modules register themselves on it."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="dyadwatch",
    help="Political event data from news text: code PLOVER events, store them, measure dyad dynamics.",
    no_args_is_help=True,
    add_completion=False,
)

@app.callback()
def _root() -> None:
    """dyadwatch: code political events from news and measure dyad dynamics."""


DbOption = typer.Option(None, "--db", help="DuckDB file (default: $DYADWATCH_DB or ./dyadwatch.duckdb)")


@app.command()
def version() -> None:
    """Print the dyadwatch version."""
    from .. import __version__

    typer.echo(__version__)
