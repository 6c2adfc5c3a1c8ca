"""The watch inside the server (`dyadwatch serve --watch ...`): one process writes the database.

`attach_watch(app, make_watch, every)` wraps a FastAPI app's lifespan: once the server has opened
its store, a daemon thread runs the watch, every write going through the server's own writer
connection (`Backend.write`, one writer at a time, readers keep their cursors); coding and
fetching run outside that lock. On shutdown the thread is asked to stop and given a few seconds.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import asynccontextmanager
from typing import Any

log = logging.getLogger("dyadwatch.watch")


class BackendAccess:
    """Store access through the web server's backend (its write lock and writer connection)."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend

    def write(self, fn: Callable[[Any], Any]) -> Any:
        return self.backend.write(fn)


def attach_watch(app: Any, make_watch: Callable[[BackendAccess], Any], every: float) -> threading.Event:
    """Run `make_watch(access).run(every)` in a thread for the app's lifetime; returns its stop event."""
    stop = threading.Event()
    inner = app.router.lifespan_context
    holder: dict[str, Any] = {}

    def run() -> None:
        try:
            w = make_watch(BackendAccess(app.state.backend))
            holder["watch"] = w
            app.state.watch = w
            w.run(every, stop=stop)
        except Exception:
            log.exception("dyadwatch: the watch stopped")
        finally:
            w = holder.get("watch")
            if w is not None:
                w.close()

    @asynccontextmanager
    async def lifespan(a: Any):  # type: ignore[no-untyped-def]
        async with inner(a) as state:
            thread = threading.Thread(target=run, name="dyadwatch-watch", daemon=True)
            thread.start()
            try:
                yield state
            finally:
                stop.set()
                thread.join(timeout=10)

    app.router.lifespan_context = lifespan
    return stop


__all__ = ["BackendAccess", "attach_watch"]
