"""Answers to GET /api requests kept until the store changes.

The server's process is the only one that can write its database (DuckDB lets one process hold a
file for writing, and none while another holds it), so the server knows exactly when an answer goes
stale: every write through `Backend.write` bumps `Backend.generation`, and a cached answer is used
only for the generation it was computed at. Dashboards ask the same questions over and over (the
same dyad, the same page of events, the actor list); those are served from memory, while every new
question still reaches the store.

Bounded by entries and bytes (least recently used answers go first); answers over `max_item` bytes
and any answer that is not a 200 are not kept. Routes whose answers change without a store write
(alerts, watch status) are listed in `uncached`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from .guard import ASGIApp, Message, Receive, Scope, Send


class ResponseCache:
    def __init__(self, app: ASGIApp, generation: Callable[[], Any], max_entries: int = 1024,
                 max_bytes: int = 64_000_000, max_item: int = 4_000_000,
                 uncached: tuple[str, ...] = ("/api/alerts", "/api/watch")) -> None:
        self.app = app
        self.generation = generation
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_item = max_item
        self.uncached = uncached
        self._items: OrderedDict[tuple[str, bytes], tuple[Any, Message, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def _cacheable(self, scope: Scope) -> bool:
        path = scope.get("path", "")
        return (scope["type"] == "http" and scope.get("method") == "GET" and path.startswith("/api/")
                and not path.startswith(self.uncached))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        gen = self.generation()
        with self._lock:
            item = self._items.get(key)
            if item is not None and item[0] == gen:
                self._items.move_to_end(key)
                self.hits += 1
            else:
                item = None
                self.misses += 1
        if item is not None:
            await send(item[1])
            await send({"type": "http.response.body", "body": item[2]})
            return
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        keep = True

        async def capture(message: Message) -> None:
            nonlocal start, size, keep
            if message["type"] == "http.response.start":
                start = message
                keep = message.get("status") == 200
            elif message["type"] == "http.response.body" and keep:
                size += len(message.get("body", b""))
                if size > self.max_item:
                    keep = False
                    chunks.clear()
                else:
                    chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, capture)
        if keep and start is not None and self.generation() == gen:
            self._put(key, (gen, start, b"".join(chunks)))

    def _put(self, key: tuple[str, bytes], item: tuple[Any, Message, bytes]) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old[2])
            self._items[key] = item
            self._bytes += len(item[2])
            while self._items and (len(self._items) > self.max_entries or self._bytes > self.max_bytes):
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped[2])


__all__ = ["ResponseCache"]
