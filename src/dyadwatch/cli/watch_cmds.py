"""CLI command (watch_cmds): `dyadwatch watch`, thin over `dyadwatch.watch`."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from typing import Annotated, Any, Self

import duckdb
import typer

from .app import DbOption, app


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


def build_watch(sources: list[str], db_store: Any, access: Any = None, *, alert: list[str] | None = None,
                alerts_config: Path | None = None, severity: float | None = None, freq: str = "day",
                alerts_file: Path | None = None, webhook: list[str] | None = None, allow_private: bool = False,
                link_base: str = "", echo: Any = None, echo_alert: Any = None, settle: float = 0.0) -> Any:
    """The `Watch` that `dyadwatch watch` (and `serve --watch`) runs; raises typer.BadParameter for
    bad options, naming the option."""
    from ..ingest.fetch import Fetcher
    from ..watch import (
        DirectAccess,
        JsonLinesSink,
        PrintSink,
        RuleError,
        SourceError,
        Watch,
        WebhookSink,
        parse_sources,
        rules_from_args,
        rules_from_file,
    )

    try:
        srcs = parse_sources(sources)
    except SourceError as exc:
        raise typer.BadParameter(str(exc), param_hint="SOURCE") from None
    try:
        rules = rules_from_args(alert or [], freq=freq, severity=severity)
        if alerts_config is not None:
            known = {r.dyad for r in rules}
            rules += [r for r in rules_from_file(alerts_config) if r.dyad not in known]
    except RuleError as exc:
        raise typer.BadParameter(str(exc), param_hint="--alert / --alerts-config") from None
    sinks: list[Any] = []
    if echo_alert is not None and rules:
        sinks.append(PrintSink(echo_alert))
    if alerts_file is not None:
        sinks.append(JsonLinesSink(alerts_file))
    for url in webhook or []:
        try:
            sinks.append(WebhookSink(url))
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--webhook") from None
    if (alerts_file or webhook) and not rules:
        raise typer.BadParameter("alerts need a dyad to watch: --alert A-B or --alerts-config FILE",
                                 param_hint="--alerts-file / --webhook")
    return Watch(srcs, access or DirectAccess(db_store), rules, sinks, Fetcher(allow_private=allow_private),
                 on_message=echo, settle=settle, link_base=link_base.rstrip("/"))


class StatusLine:
    """A live one-line status on stderr (rich) when it is a terminal; plain lines otherwise."""

    def __init__(self, watch: Any, n_sources: int, live: bool) -> None:
        from rich.console import Console

        self.watch = watch
        self.n_sources = n_sources
        self.console = Console(stderr=True, highlight=False)
        self.live = None
        self.wait: float | None = None
        if live:
            from rich.live import Live

            self.live = Live(self._render(), console=self.console, refresh_per_second=4, transient=True)

    def _render(self) -> Any:
        from rich.text import Text

        t = self.watch.total
        now = self.watch.current
        tail = f"now: {now}" if now else (f"next poll in {int(self.wait)} s" if self.wait is not None else "")
        return Text(f"watching {self.n_sources} source{'s' if self.n_sources != 1 else ''} | "
                    f"poll {t.polls + (1 if now else 0)} | {t.new_articles} new articles, {t.events} events | "
                    f"{t.alerts} alert{'s' if t.alerts != 1 else ''} | {tail}"[:300])

    def refresh(self) -> None:
        if self.live is not None:
            self.live.update(self._render())

    def waiting(self, left: float) -> None:
        self.wait = left
        self.refresh()

    def say(self, message: str) -> None:
        from rich.text import Text

        self.console.print(Text(message), soft_wrap=True)

    def __enter__(self) -> Self:
        if self.live is not None:
            self.live.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.live is not None:
            self.live.__exit__(None, None, None)


@app.command()
def watch(
    sources: Annotated[list[str], typer.Argument(help="Feed URLs (RSS/Atom), feed files or folders to watch")],
    every: str = typer.Option("15m", "--every", help="Poll period: 30s, 15m, 2h, 1d"),
    once: bool = typer.Option(False, "--once", help="Poll once and stop (exit 1 if anything failed)"),
    db: str | None = DbOption,
    alert: Annotated[list[str] | None, typer.Option("--alert", help="Watch a dyad: USA-PRK (repeatable)")] = None,
    alerts_config: Annotated[Path | None, typer.Option("--alerts-config", help="TOML file of alert tables "
                                                       "(dyad, freq, severity, measure)")] = None,
    severity: float | None = typer.Option(None, "--severity", min=0, max=10,
                                          help="Also alert on any new event at least this conflictual "
                                               "(-PLOVER score, 0-10; e.g. 9 for attacks)"),
    freq: str = typer.Option("day", "--freq", help="Period of the regime and impact checks: day, week, month"),
    alerts_file: Annotated[Path | None, typer.Option("--alerts-file",
                                                     help="Append each alert as a JSON line here")] = None,
    webhook: Annotated[list[str] | None, typer.Option("--webhook", help="POST each alert (JSON) to this URL "
                                                                        "(repeatable)")] = None,
    allow_private: bool = typer.Option(False, "--allow-private",
                                       help="Fetch links that point to this machine or the local network"),
    link_base: str = typer.Option("", "--link-base", help="Prefix for the API links in alerts, e.g. "
                                                          "http://127.0.0.1:8000"),
    status: bool | None = typer.Option(None, "--status/--no-status",
                                       help="Live status line (default: when stderr is a terminal)"),
) -> None:
    """Poll feeds and folders, store and code the new articles, and raise alerts on watched dyads.

    The state of every source (ETag, Last-Modified, items and files seen) and of every dyad is kept
    in the database: stopping and starting again goes on where it stopped and stores nothing twice.
    An alert is raised when a watched dyad's dynamic changes (regime and impact checks) or, with
    --severity, when an event at least that conflictual arrives; it is printed, appended to
    --alerts-file, POSTed to --webhook and listed at GET /api/alerts.
    """
    from ..store import Store
    from ..watch import parse_every

    try:
        period = parse_every(every)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every") from None
    show = sys.stderr.isatty() if status is None else status
    try:
        store = Store(db)
    except (duckdb.Error, RuntimeError, OSError) as exc:
        from ..config import db_path

        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        _err(f"{db_path(db)}: cannot open the database ({first})")
        raise typer.Exit(1) from None
    messages: list[str] = []
    line: StatusLine | None = None

    def echo(m: str) -> None:
        messages.append(m)
        if line is not None:
            line.say(m)
        else:
            _err(m)

    def echo_alert(m: str) -> None:
        if line is not None:
            line.say(m)
        else:
            typer.echo(m)

    stop = threading.Event()
    with store:
        w = build_watch(sources, store, alert=alert, alerts_config=alerts_config, severity=severity, freq=freq,
                        alerts_file=alerts_file, webhook=webhook, allow_private=allow_private,
                        link_base=link_base, echo=echo, echo_alert=echo_alert,
                        settle=0.0 if once else 1.0)
        line = StatusLine(w, len(w.sources), live=show)
        w.on_progress = line.refresh
        previous = signal.getsignal(signal.SIGTERM)
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, lambda *_a: stop.set())
        try:
            with line:
                w.run(period, once=once, stop=stop, on_wait=line.waiting)
        except KeyboardInterrupt:
            stop.set()
        except duckdb.Error as exc:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            _err(f"{store.path}: database error ({first})")
            raise typer.Exit(1) from None
        finally:
            w.close()
            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGTERM, previous)
        t = w.total
        typer.echo(f"{t.polls} poll{'s' if t.polls != 1 else ''} of {len(w.sources)} source"
                   f"{'s' if len(w.sources) != 1 else ''}: {t.new_articles} new articles, "
                   f"{t.known_articles} already stored, {t.events} events, {t.alerts} alerts, "
                   f"{t.sources_failed} failed polls, {len(messages)} messages -> {store.path}")
    if once and messages:
        raise typer.Exit(1)


def attach_to_server(app: Any, sources: list[str], every: str = "15m", **options: Any) -> None:
    """For `dyadwatch serve --watch SOURCE ...`: check the sources and alert options now (a bad one
    is a usage error before the server starts), then run the watch in the server's process, writing
    through its one writer connection (`watch.background.attach_watch`). `options` are those of
    `build_watch` (alert, alerts_config, severity, freq, alerts_file, webhook, allow_private, link_base)."""
    import logging

    from ..watch import SourceError, parse_every, parse_sources, rules_from_args
    from ..watch.background import attach_watch

    try:
        period = parse_every(every)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every") from None
    try:
        parse_sources(sources)
    except SourceError as exc:
        raise typer.BadParameter(str(exc), param_hint="--watch") from None
    try:
        rules_from_args(options.get("alert") or [], freq=options.get("freq", "day"))
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--alert") from None
    log = logging.getLogger("dyadwatch.watch")

    def make(access: Any) -> Any:
        return build_watch(sources, None, access, echo=log.warning, echo_alert=log.warning, settle=1.0, **options)

    attach_watch(app, make, period)
