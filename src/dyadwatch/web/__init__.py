"""The HTTP API and the web dashboard: `create_app(db_path)` (see app.py); `dyadwatch serve` runs it."""

from __future__ import annotations

from typing import Any


def create_app(*args: Any, **kwargs: Any) -> Any:
    """See `dyadwatch.web.app.create_app` (imported lazily: FastAPI loads only when serving)."""
    from .app import create_app as _create

    return _create(*args, **kwargs)


__all__ = ["create_app"]
