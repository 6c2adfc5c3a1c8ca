"""Where alerts go: the terminal, a JSON-lines file, a webhook (and the API reads the store).

Every alert is stored first (`alerts` table); a sink then takes the alerts it has not taken yet
(`alert_deliveries`), so an alert raised just before a kill or while the webhook was down is
delivered on the next round. A JSON-lines file is checked for the alert's id before it is appended
(a kill between the write and its record does not write it twice); a webhook receives each alert
at least once and can tell repeats by the `id`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from ..ingest.fetch import USER_AGENT


class Sink:
    name = "sink"

    def send(self, alert: dict[str, Any]) -> None:
        raise NotImplementedError


class PrintSink(Sink):
    """One line per alert through `echo` (the CLI passes its console)."""

    name = "print"

    def __init__(self, echo: Callable[[str], None]) -> None:
        self.echo = echo

    def send(self, alert: dict[str, Any]) -> None:
        n = alert.get("n_events", 0)
        self.echo(f"ALERT {alert['dyad']} [{', '.join(alert['kinds'])}] {alert['verdict']} "
                  f"({n} event{'s' if n != 1 else ''}; id {alert['id']})")


class JsonLinesSink(Sink):
    """Appends each alert as one JSON line to a file (created with its folder when missing)."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.name = f"file:{self.path.resolve()}"

    def _has(self, alert_id: str) -> bool:
        if not self.path.exists():
            return False
        needle = f'"id": "{alert_id}"'.encode()
        with open(self.path, "rb") as fh:
            return any(needle in line for line in fh)

    def send(self, alert: dict[str, Any]) -> None:
        if self._has(alert["id"]):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(alert, ensure_ascii=False, default=str) + "\n"
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())


class WebhookSink(Sink):
    """POSTs each alert as JSON; a non-2xx answer or a network error leaves it undelivered."""

    def __init__(self, url: str, timeout: float = 10.0) -> None:
        if not url.lower().startswith(("http://", "https://")):
            raise ValueError(f"{url!r}: a webhook is an http(s) URL")
        self.url = url
        self.name = f"webhook:{url}"
        self.timeout = timeout

    def send(self, alert: dict[str, Any]) -> None:
        try:
            r = httpx.post(self.url, content=json.dumps(alert, ensure_ascii=False, default=str).encode("utf-8"),
                           headers={"Content-Type": "application/json", "User-Agent": USER_AGENT},
                           timeout=self.timeout)
        except httpx.HTTPError as exc:
            raise SinkError(f"webhook {self.url}: {type(exc).__name__}: {str(exc)[:200]}") from None
        if not 200 <= r.status_code < 300:
            raise SinkError(f"webhook {self.url}: HTTP {r.status_code}")


class SinkError(RuntimeError):
    """A sink that could not take an alert now (it is tried again on the next round)."""


def deliver(undelivered: Callable[[str], list[dict[str, Any]]], delivered: Callable[[str, str], None],
            sinks: list[Sink], on_error: Callable[[str], None] | None = None,
            on_sent: Callable[[Sink, dict[str, Any]], None] | None = None) -> int:
    """Hand every stored alert to every sink that has not taken it; returns deliveries made.
    `undelivered(sink_name)` and `delivered(alert_id, sink_name)` read and write the store (the
    sending itself runs outside any store lock)."""
    n = 0
    for sink in sinks:
        for alert in undelivered(sink.name):
            try:
                sink.send(alert)
            except (SinkError, OSError) as exc:
                if on_error is not None:
                    on_error(str(exc))
                break  # keep the order: the rest wait for the next round
            delivered(alert["id"], sink.name)
            n += 1
            if on_sent is not None:
                on_sent(sink, alert)
    return n


__all__ = ["JsonLinesSink", "PrintSink", "Sink", "SinkError", "WebhookSink", "deliver"]
