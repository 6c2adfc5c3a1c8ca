"""What the server refuses before any route runs: unknown Host names, oversized or unauthenticated
bodies, and the security headers every response carries, errors included.

Limits are settings (environment variables, or arguments of `create_app`), documented in the
README; each refusal names the limit that was hit.

These are small ASGI middlewares of our own rather than Starlette's: `TrustedHostMiddleware` splits
the Host header at its first colon, which breaks IPv6 literals ("[::1]:8000"), and Starlette has no
request-size limit at all.
"""

from __future__ import annotations

import hmac
import json
import os
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
WILDCARD_BINDS = ("0.0.0.0", "::", "")


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    try:
        return int(float(raw)) if raw else default
    except ValueError:
        return default


@dataclass
class Limits:
    """Bounds on what one request may ask for (each overridable by an environment variable)."""

    max_body: int = field(default_factory=lambda: _env_int("DYADWATCH_MAX_BODY", 4_000_000))
    max_periods: int = field(default_factory=lambda: _env_int("DYADWATCH_MAX_PERIODS", 20_000))
    query_seconds: int = field(default_factory=lambda: _env_int("DYADWATCH_QUERY_SECONDS", 30))


def host_of(header: str) -> str:
    """The host name of a Host header, without its port: 'a.b:80' -> 'a.b', '[::1]:8000' -> '::1'."""
    h = header.strip().lower()
    if h.startswith("["):
        end = h.find("]")
        return h[1:end] if end > 0 else h
    if h.count(":") == 1:
        return h.split(":", 1)[0]
    return h


def allowed_hosts(bind: str | None, extra: Iterable[str] = ()) -> set[str] | None:
    """Host names the server answers to: the local names, the bound address and `extra`
    (also $DYADWATCH_ALLOWED_HOSTS, comma-separated). None (any host) for a wildcard bind with no
    names given: whoever binds every interface has chosen to be reachable under any name."""
    names = {host_of(h) for h in extra if h and h.strip()}
    names |= {host_of(h) for h in os.environ.get("DYADWATCH_ALLOWED_HOSTS", "").split(",") if h.strip()}
    if "*" in names:
        return None
    if bind is not None and bind.strip() in WILDCARD_BINDS:
        return names | set(LOCAL_HOSTS) if names else None
    names |= set(LOCAL_HOSTS)
    if bind:
        names.add(host_of(bind))
    return names


async def _send_json(send: Send, status: int, detail: str, extra: dict[str, str] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.lower().encode(), v.encode()) for k, v in {**SECURITY_HEADERS, **(extra or {})}.items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that gives `body` once, then whatever the connection says next (a disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class Guard:
    """One ASGI middleware for the checks that must happen before a route reads anything:

    - the Host header is one of `hosts` (DNS rebinding cannot make a browser read a local API);
    - a request body is at most `max_body` bytes: a declared Content-Length over it is refused with
      413 before a byte is read (uvicorn stops a client that sends more than it declared), and a
      chunked body is read here up to the limit and refused with 413 beyond it;
    - a request to a `token_paths` route without the right bearer token is refused with 401/403
      before its body is read;
    - every response, errors and 500s included, carries the security headers."""

    def __init__(self, app: ASGIApp, hosts: set[str] | None, max_body: int, token: str | None,
                 token_paths: Callable[[str, str], bool]) -> None:
        self.app = app
        self.hosts = hosts
        self.max_body = max_body
        self.token = token
        self.token_paths = token_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if self.hosts is not None and host_of(headers.get("host", "")) not in self.hosts:
            await _send_json(send, 400, "unknown Host header: this server answers to "
                                        + ", ".join(sorted(self.hosts)) + " (see --allow-host)")
            return
        method, path = scope.get("method", "GET"), scope.get("path", "")
        if self.token_paths(method, path):
            refusal = self._auth(headers.get("authorization"))
            if refusal:
                await _send_json(send, *refusal)
                return
        declared = headers.get("content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                await _send_json(send, 400, "Content-Length is not a number")
                return
            if size > self.max_body:
                await _send_json(send, 413, f"request body of {size:,} bytes is over the limit of "
                                            f"{self.max_body:,} bytes (DYADWATCH_MAX_BODY)")
                return
        elif method in ("POST", "PUT", "PATCH"):
            # A body of unknown length (chunked): read it up to the limit here, then hand it on.
            body = bytearray()
            more = True
            while more:
                message = await receive()
                if message["type"] != "http.request":
                    return
                body += message.get("body", b"")
                more = message.get("more_body", False)
                if len(body) > self.max_body:
                    await _send_json(send, 413, f"request body is over the limit of {self.max_body:,} bytes "
                                                "(DYADWATCH_MAX_BODY)")
                    return
            receive = _replay(bytes(body), receive)

        async def secured_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                         if k.lower().encode() not in present]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        await self.app(scope, receive, secured_send)

    def _auth(self, authorization: str | None) -> tuple[int, str, dict[str, str]] | None:
        if not self.token:
            return 403, "this server is read-only: set DYADWATCH_TOKEN to enable writing", {}
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self.token.encode()):
            return 401, "missing or wrong bearer token", {"WWW-Authenticate": "Bearer"}
        return None


__all__ = ["CSP", "LOCAL_HOSTS", "SECURITY_HEADERS", "Guard", "Limits", "allowed_hosts", "host_of"]
