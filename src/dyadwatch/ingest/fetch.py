"""Fetching pages and feeds over HTTP (httpx), politely and within limits.

Every request carries dyadwatch's user agent, honours robots.txt (RFC 9309: a 4xx robots.txt allows
everything, an unreachable one or a 5xx disallows the site for now), is bounded in time (one deadline
for the whole response, not per read) and in size (the body is streamed and dropped past the limit,
also after decompression), follows at most `max_redirects` redirects itself (so a loop is named as
a loop, and every hop is checked against robots.txt), and is retried with exponential backoff on
timeouts, dropped connections and 429/5xx answers (a `Retry-After` is honoured up to a cap).
Conditional requests: pass the `etag` / `last_modified` of the last answer and a 304 comes back as
`FetchResult.not_modified`.

Addresses on this machine or the local network (loopback, private, link-local) are fetched only
when the caller allows it (`allow_private`): a feed from the internet must not make the watch
read a local service and store what it says.

Limits come from the environment (defaults in brackets): DYADWATCH_FETCH_TIMEOUT seconds [20],
DYADWATCH_FETCH_MAX_BYTES [10 MB], DYADWATCH_FETCH_RETRIES [3 tries in all], DYADWATCH_FETCH_BACKOFF
seconds before the second try, doubling [1], DYADWATCH_FETCH_REDIRECTS [5].
"""

from __future__ import annotations

import ipaddress
import os
import socket
import threading
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Self
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .. import __version__

USER_AGENT = f"dyadwatch/{__version__} (news event coder; honours robots.txt)"
ROBOTS_AGENT = "dyadwatch"  # the token robots.txt rules name
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: at least 500 KiB must be read
ROBOTS_TTL = 3600.0  # seconds a robots.txt is kept
MAX_RETRY_AFTER = 30.0  # seconds: longer Retry-After values are cut to this
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, "") or default)
    except ValueError:
        return default


@dataclass
class FetchLimits:
    timeout: float = field(default_factory=lambda: _env_float("DYADWATCH_FETCH_TIMEOUT", 20.0))
    max_bytes: int = field(default_factory=lambda: int(_env_float("DYADWATCH_FETCH_MAX_BYTES", 10 * 1024 * 1024)))
    retries: int = field(default_factory=lambda: max(1, int(_env_float("DYADWATCH_FETCH_RETRIES", 3))))
    backoff: float = field(default_factory=lambda: _env_float("DYADWATCH_FETCH_BACKOFF", 1.0))
    max_redirects: int = field(default_factory=lambda: int(_env_float("DYADWATCH_FETCH_REDIRECTS", 5)))
    user_agent: str = USER_AGENT
    robots: bool = True


class FetchError(Exception):
    """A URL that could not be fetched; the message says why in a few words."""

    def __init__(self, url: str, message: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {message}")
        self.url, self.reason, self.status = url, message, status


@dataclass
class FetchResult:
    url: str  # after redirects
    status: int
    content: bytes = b""
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    location: str | None = None  # of a redirect
    retry_after: str | None = None  # of a 429 / 503

    def text(self) -> str:
        from .sniff import decode_text

        if self.charset:
            try:
                return self.content.decode(self.charset)
            except (LookupError, UnicodeDecodeError):
                pass
        return decode_text(self.content)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


def is_private_host(host: str) -> bool:
    """True when `host` is (or resolves to) a loopback, private, link-local or reserved address."""
    host = (host or "").strip("[]")
    if not host:
        return True
    if host.lower() in ("localhost", "localhost.localdomain") or host.lower().endswith(".localhost"):
        return True
    try:
        addrs = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except (socket.gaierror, UnicodeError, OSError):
            return False  # cannot resolve: the request will fail with its own message
        addrs = []
        for info in infos:
            try:
                addrs.append(ipaddress.ip_address(info[4][0].split("%")[0]))
            except ValueError:
                continue
    return any(a.is_loopback or a.is_private or a.is_link_local or a.is_reserved or a.is_unspecified
               or a.is_multicast for a in addrs)


class Fetcher:
    """One HTTP client with its robots.txt cache; use as a context manager or `close()` it."""

    def __init__(self, limits: FetchLimits | None = None, allow_private: bool = False,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.limits = limits or FetchLimits()
        self.allow_private = allow_private
        self._client = httpx.Client(
            headers={"User-Agent": self.limits.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(self.limits.timeout), follow_redirects=False, transport=transport,
        )
        self._robots: dict[str, tuple[float, RobotFileParser | None, str | None]] = {}
        self._lock = threading.Lock()
        self.requests = 0  # requests sent, robots.txt included

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # -- robots.txt ------------------------------------------------------------------------------
    def _robots_for(self, url: str) -> tuple[RobotFileParser | None, str | None]:
        """The parsed robots.txt of the URL's site (None: everything allowed) and, when the
        site is disallowed as a whole because robots.txt could not be read, why."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        now = time.monotonic()
        with self._lock:
            cached = self._robots.get(site)
        if cached and now - cached[0] < ROBOTS_TTL:
            return cached[1], cached[2]
        parser: RobotFileParser | None = None
        problem: str | None = None
        try:
            res = self._get_once(site + "/robots.txt", None, None, ROBOTS_MAX_BYTES, truncate=True)
            if res.status < 300:
                parser = RobotFileParser()
                parser.parse(res.text().splitlines())
            elif res.status >= 500:
                problem = f"robots.txt answered HTTP {res.status}: the site is not fetched for now"
        except FetchError as exc:
            if exc.status is not None and exc.status < 500:
                parser = None
            else:
                problem = f"robots.txt could not be read ({exc.reason}): the site is not fetched for now"
        with self._lock:
            self._robots[site] = (now, parser, problem)
        return parser, problem

    def check_robots(self, url: str) -> None:
        """Raise FetchError when robots.txt does not allow dyadwatch to fetch `url`."""
        if not self.limits.robots:
            return
        parser, problem = self._robots_for(url)
        if problem:
            raise FetchError(url, problem)
        if parser is not None and not parser.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(url, "robots.txt does not allow fetching it")

    # -- requests --------------------------------------------------------------------------------
    def _check_url(self, url: str, allow_private: bool) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, "not an http(s) URL")
        if not allow_private and is_private_host(parts.hostname):
            raise FetchError(url, "on a local or private network address; not fetched "
                                  "(allow it with --allow-private)")

    def _get_once(self, url: str, etag: str | None, last_modified: str | None, max_bytes: int,
                  truncate: bool = False) -> FetchResult:
        """One request, no redirects followed, no retries. Raises FetchError for transport errors,
        a body over `max_bytes` (unless `truncate`) and the deadline."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        deadline = time.monotonic() + self.limits.timeout
        self.requests += 1
        try:
            with self._client.stream("GET", url, headers=headers) as r:
                length = r.headers.get("content-length", "")
                if length.isdigit() and int(length) > max_bytes and not truncate and r.status_code < 300:
                    raise FetchError(url, f"response of {_mb(int(length))} is over the {_mb(max_bytes)} limit",
                                     r.status_code)
                chunks: list[bytes] = []
                size = 0
                if r.status_code < 300:
                    for chunk in r.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            if truncate:
                                chunks.append(chunk[:max_bytes - (size - len(chunk))])
                                break
                            raise FetchError(url, f"response over the {_mb(max_bytes)} limit, dropped",
                                             r.status_code)
                        chunks.append(chunk)
                        if time.monotonic() > deadline:
                            raise FetchError(url, f"no complete answer within {self.limits.timeout:g} s")
                ctype = r.headers.get("content-type")
                res = FetchResult(url=str(r.url), status=r.status_code, content=b"".join(chunks),
                                  content_type=ctype.split(";")[0].strip().lower() if ctype else None,
                                  charset=r.charset_encoding, etag=r.headers.get("etag"),
                                  last_modified=r.headers.get("last-modified"),
                                  not_modified=r.status_code == 304, location=r.headers.get("location"),
                                  retry_after=r.headers.get("retry-after"))
                return res
        except httpx.TimeoutException:
            raise FetchError(url, f"timed out after {self.limits.timeout:g} s") from None
        except httpx.DecodingError as exc:
            raise FetchError(url, f"body cannot be decoded ({exc})") from None
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"invalid URL ({exc})") from None
        except httpx.TransportError as exc:
            raise FetchError(url, f"connection failed ({type(exc).__name__}: {str(exc)[:200] or 'no detail'})"
                             ) from None

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None,
            allow_private: bool | None = None, max_bytes: int | None = None) -> FetchResult:
        """GET `url` with redirects, robots.txt, retries and limits. Raises FetchError on failure
        (an HTTP error status included); a 304 is returned with `not_modified`."""
        private = self.allow_private if allow_private is None else allow_private
        limit = self.limits.max_bytes if max_bytes is None else max_bytes
        seen = [url]
        current = url
        for _hop in range(self.limits.max_redirects + 1):
            self._check_url(current, private)
            self.check_robots(current)
            res = self._with_retries(current, etag if current == url else None,
                                     last_modified if current == url else None, limit)
            if 300 <= res.status < 400 and res.status != 304:
                target = res.location
                if not target:
                    raise FetchError(current, f"HTTP {res.status} redirect without a Location", res.status)
                target = urljoin(current, target.strip())
                if target in seen:
                    raise FetchError(url, "redirect loop (" + " -> ".join(seen[-3:] + [target]) + ")", res.status)
                seen.append(target)
                current = target
                continue
            if res.status >= 400:
                raise FetchError(current, f"HTTP {res.status}{_reason(res.status)}", res.status)
            return res
        raise FetchError(url, f"more than {self.limits.max_redirects} redirects")

    def _with_retries(self, url: str, etag: str | None, last_modified: str | None, max_bytes: int) -> FetchResult:
        tries = self.limits.retries
        last: FetchError | None = None
        for attempt in range(tries):
            wait = self.limits.backoff * (2 ** attempt)
            try:
                res = self._get_once(url, etag, last_modified, max_bytes)
            except FetchError as exc:
                if "over the" in exc.reason or "invalid URL" in exc.reason or "decoded" in exc.reason:
                    raise  # retrying does not make a body smaller
                last = exc
            else:
                if res.status not in RETRY_STATUS:
                    return res
                last = FetchError(url, f"HTTP {res.status}{_reason(res.status)}", res.status)
                wait = max(wait, _retry_after(res))
            if attempt + 1 < tries:
                time.sleep(min(wait, MAX_RETRY_AFTER))
        assert last is not None
        raise FetchError(url, f"{last.reason} ({tries} tries)", last.status)


def _reason(status: int) -> str:
    try:
        from http import HTTPStatus

        return f" {HTTPStatus(status).phrase}"
    except ValueError:
        return ""


def _retry_after(res: FetchResult) -> float:
    """Seconds a 429/503 asks to wait (0 when it does not say)."""
    value = res.retry_after
    if not value:
        return 0.0
    try:
        return float(value)
    except ValueError:
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
        except (TypeError, ValueError):
            return 0.0


__all__ = ["USER_AGENT", "FetchError", "FetchLimits", "FetchResult", "Fetcher", "is_private_host"]
