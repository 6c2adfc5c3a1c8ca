"""CLI commands (web_cmds): `dyadwatch serve`."""

from __future__ import annotations

from pathlib import Path

import typer

from .app import DbOption, app

AllowHostOption = typer.Option(None, "--allow-host",
                               help="another Host name the server answers to (repeatable; '*' for any). "
                                    "Default: localhost, 127.0.0.1, ::1 and the bound address")

WatchOption = typer.Option(None, "--watch", help="also poll this feed URL, feed file or folder in the server "
                                                 "(repeatable); the server is then the writer")
EveryOption = typer.Option("15m", "--every", help="with --watch: poll period (30s, 15m, 2h, 1d)")
AlertOption = typer.Option(None, "--alert", help="with --watch: watch a dyad, e.g. USA-PRK (repeatable); "
                                                 "alerts at GET /api/alerts")
SeverityOption = typer.Option(None, "--severity", min=0, max=10,
                              help="with --watch: also alert on any event at least this conflictual")
AlertsFileOption = typer.Option(None, "--alerts-file", help="with --watch: append alerts here (JSON lines)")
WebhookOption = typer.Option(None, "--webhook", help="with --watch: POST each alert to this URL")
AllowPrivateOption = typer.Option(False, "--allow-private", help="with --watch: also fetch links that point to "
                                                                 "this machine or the local network")


@app.command()
def serve(
    db: Path = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="address to bind (default: this machine only)"),
    port: int = typer.Option(8000, "--port", help="TCP port"),
    log_level: str = typer.Option("info", "--log-level", help="uvicorn log level"),
    allow_host: list[str] | None = AllowHostOption,
    watch: list[str] | None = WatchOption,
    every: str = EveryOption,
    alert: list[str] | None = AlertOption,
    severity: float | None = SeverityOption,
    alerts_file: Path | None = AlertsFileOption,
    webhook: list[str] | None = WebhookOption,
    allow_private: bool = AllowPrivateOption,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the web dashboard over a database.

    Read-only unless DYADWATCH_TOKEN is set; then POST /api/articles accepts
    `Authorization: Bearer <token>` and the server holds the database's one writer connection.
    With --watch the server also polls feeds and folders (as `dyadwatch watch`) and writes what
    they bring through that one connection, so the dashboard shows new events without a restart.
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
    app = create_app(path, token=token, bind=host, allow_hosts=tuple(allow_host or ()),
                     read_only=False if watch else None)
    if watch:
        from .watch_cmds import attach_to_server

        options = {"alert": list(alert or []), "severity": severity, "alerts_file": alerts_file,
                   "webhook": list(webhook or []), "allow_private": allow_private, "link_base": f"http://{host}:{port}"}
        attach_to_server(app, list(watch), every=every, **options)
        typer.echo(f"dyadwatch: watching {len(watch)} source(s) every {every}", err=True)
    elif alert or severity is not None or alerts_file or webhook:
        raise typer.BadParameter("alert options need --watch", param_hint="--alert")
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
