"""CLI commands (web_cmds): `dyadwatch serve`."""

from __future__ import annotations

from pathlib import Path

import typer

from .app import DbOption, app

AllowHostOption = typer.Option(None, "--allow-host",
                               help="another Host name the server answers to (repeatable; '*' for any). "
                                    "Default: localhost, 127.0.0.1, ::1 and the bound address")


@app.command()
def serve(
    db: Path = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="address to bind (default: this machine only)"),
    port: int = typer.Option(8000, "--port", help="TCP port"),
    log_level: str = typer.Option("info", "--log-level", help="uvicorn log level"),
    allow_host: list[str] | None = AllowHostOption,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the web dashboard over a database.

    Read-only unless DYADWATCH_TOKEN is set; then POST /api/articles accepts
    `Authorization: Bearer <token>` and the server holds the database's one writer connection.
    """
    import uvicorn

    from .. import config
    from ..web.app import create_app

    path = config.db_path(db)
    token = config.api_token()
    if path.exists():
        # Bring an older database up to the current schema before a read-only server opens it.
        import duckdb

        from ..store import Store

        try:
            Store(path).close()
        except (duckdb.Error, RuntimeError, OSError) as exc:
            typer.echo(f"warning: {path}: {exc}", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"warning: binding to {host}: the API is reachable from other machines", err=True)
    mode = "read-write (token set)" if token else "read-only (set DYADWATCH_TOKEN to allow writing)"
    typer.echo(f"dyadwatch: serving {path} {mode} at http://{host}:{port}/  (API docs: /docs)", err=True)
    app = create_app(path, token=token, bind=host, allow_hosts=tuple(allow_host or ()))
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
