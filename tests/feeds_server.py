"""A real HTTP server on 127.0.0.1 for the feed, fetch and watch tests (a thread in the test).

Routes map a path to a `Page` (status, body, content type, extra headers, a delay) or to a
function of the request handler for special behaviour (slow drip, conditional answers). Every
request is logged (path, headers), so tests can see what was asked and how often.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


@dataclass
class Page:
    body: bytes | str = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    etag: str | None = None  # answer 304 to If-None-Match with this value
    last_modified: float | None = None  # epoch seconds; answer 304 to If-Modified-Since

    def data(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, Page | Callable[[Any], None]] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                with outer.lock:
                    outer.log.append((self.path, dict(self.headers.items())))
                    route = outer.routes.get(self.path)
                if route is None:
                    self._send(Page(b"not found", status=404, content_type="text/plain"))
                elif callable(route):
                    route(self)
                else:
                    self._send(route)

            def do_POST(self) -> None:
                n = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(n)
                with outer.lock:
                    outer.log.append((self.path, dict(self.headers.items())))
                    outer.posts.append((self.path, body))
                self._send(Page(b"ok", content_type="text/plain"))

            def _send(self, page: Page) -> None:
                if page.delay:
                    time.sleep(page.delay)
                inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
                if (page.etag and inm == page.etag) or (page.last_modified and ims == formatdate(
                        page.last_modified, usegmt=True) and not page.etag):
                    self.send_response(304)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                data = page.data()
                self.send_response(page.status)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(data)))
                if page.etag:
                    self.send_header("ETag", page.etag)
                if page.last_modified:
                    self.send_header("Last-Modified", formatdate(page.last_modified, usegmt=True))
                for k, v in page.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.posts: list[tuple[str, bytes]] = []
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        with self.lock:
            return sum(1 for p, _ in self.log if p == path)

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def page_html(title: str, paragraphs: list[str], date: str | None = None) -> str:
    """A news page as sites write them: navigation, the article, related links, a footer."""
    meta = f'<meta property="article:published_time" content="{date}T08:00:00Z">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title} | Test Wire</title>"
            f"<meta property='og:title' content='{title}'>{meta}</head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            "<aside><h3>Related</h3><ul><li><a href='/r'>Markets rally on summit hopes</a></li></ul></aside>"
            "<footer>(c) Test Wire</footer></body></html>")


def rss(items: list[dict[str, str]], title: str = "Test Wire: World", version: str = "2.0") -> str:
    """An RSS 2.0 document; items have title, link, guid, date (RFC 822), description."""
    parts = []
    for it in items:
        fields = "".join(f"<{k}>{v}</{k}>" for k, v in (
            ("title", it.get("title")), ("link", it.get("link")), ("guid", it.get("guid")),
            ("pubDate", it.get("date")), ("description", it.get("description"))) if v is not None)
        parts.append(f"<item>{fields}</item>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="{version}"><channel><title>{title}</title>'
            f"<link>http://127.0.0.1/</link><description>news</description>{''.join(parts)}</channel></rss>")
