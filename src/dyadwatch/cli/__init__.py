"""Command-line interface: thin commands over the library, one module per area."""

from __future__ import annotations

from .app import app
from . import ingest_cmds, coding_cmds, eval_cmds, store_cmds, analysis_cmds, web_cmds  # noqa: F401,E402


def main() -> None:
    app()
