"""`GET /api/alerts`: the alerts the watch raised (`dyadwatch watch` or `serve --watch`), newest first.

An APIRouter that `create_app` includes; it reads through the app's backend like every route.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request


def alerts_router() -> APIRouter:
    router = APIRouter()

    @router.get("/api/alerts", tags=["alerts"])
    def get_alerts(request: Request,
                   dyad: str | None = Query(None, max_length=41, pattern=r"^[A-Za-z]{2,6}-[A-Za-z]{2,6}$",
                                            description="Only this dyad (either order), e.g. USA-PRK"),
                   since: str | None = Query(None, max_length=32, description="Raised at or after (ISO date)"),
                   limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=1_000_000)
                   ) -> dict[str, Any]:
        """Alerts: dyad, kinds (regime_change, severe_event), verdict, change point, the impact test,
        the triggering events with their evidence and articles, and links into the API."""
        from datetime import date

        from ..watch.state import count_alerts, list_alerts
        from .app import _guarded

        if since:
            try:
                since_d = date.fromisoformat(since[:10])
            except ValueError:
                raise HTTPException(422, f"since: not an ISO date (YYYY-MM-DD): {since[:40]!r}") from None
        else:
            since_d = None

        def page(st: Any) -> dict[str, Any]:
            return {"total": count_alerts(st.con, dyad), "limit": limit, "offset": offset,
                    "alerts": list_alerts(st.con, dyad=dyad, since=since_d, limit=limit, offset=offset)}

        return _guarded(request.app.state.backend.call, page)

    return router


__all__ = ["alerts_router"]
