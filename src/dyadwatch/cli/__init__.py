"""Command-line interface: thin commands over the library, one module per area."""

from __future__ import annotations

from . import analysis_cmds, coding_cmds, eval_cmds, ingest_cmds, store_cmds, watch_cmds, web_cmds  # noqa: F401
from .app import app


def main() -> None:
    app()
