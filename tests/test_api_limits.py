"""What a stranger can send the server: unknown Host names, huge or unauthenticated bodies,
unbounded ranges, bad parameters, slow queries, many clients at once. Real `dyadwatch serve`
processes over HTTP, except where a failure has to be provoked inside the process."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_api import TOKEN, Server, make_event, start_server, stop_server

from dyadwatch.ingest.article import Article
from dyadwatch.store import Store
from dyadwatch.web.guard import Limits, allowed_hosts, host_of
from dyadwatch.web.queries import jsonable, records


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _raw(server: Server, head: str, body: bytes = b"", timeout: float = 10) -> tuple[int, bytes, float]:
    """Send `head` (request line and headers) and `body` on a plain socket; (status, reply, seconds)."""
    host, port = server.url.removeprefix("http://").split(":")
    t = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=timeout) as s:
        s.sendall(head.replace("\n", "\r\n").encode() + b"\r\n" + body)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        seconds = time.monotonic() - t
        s.settimeout(2)
        try:
            while chunk := s.recv(65536):
                data += chunk
        except OSError:
            pass
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, data, seconds


@pytest.fixture(scope="module")
def wide(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A store whose events span 1900-2100 (two centuries of days), served read-write."""
    path = tmp_path_factory.mktemp("wide") / "wide.duckdb"
    st_ = Store(path)
    for i, day in enumerate(("1900-01-02", "2019-07-25", "2100-12-30")):
        s = f"North Korea attacked the United States in report {i}."
        art = Article(text=s, title=f"r{i}", date=day, source="wire")
        st_.add_article(art, [make_event(art, s, ("PRK", "North Korea"), "attacked", "ASSAULT",
                                         ("USA", "the United States"), day)])
    st_.close()
    server = start_server(path, path.with_suffix(".log"), token=TOKEN)
    yield server
    stop_server(server)


# -- Host header ----------------------------------------------------------------------------------


def test_host_names_parsed_with_ports_and_ipv6() -> None:
    assert host_of("LocalHost:8000") == "localhost"
    assert host_of("[::1]:8000") == "::1"
    assert host_of("::1") == "::1"
    assert host_of("example.org") == "example.org"
    hosts = allowed_hosts("127.0.0.1", ["dash.example.org:443"])
    assert hosts is not None and {"localhost", "127.0.0.1", "::1", "dash.example.org"} <= hosts
    assert allowed_hosts("0.0.0.0") is None  # bound to every interface: the user chose any name
    assert allowed_hosts("127.0.0.1", ["*"]) is None


def test_unknown_host_refused_local_ones_served(wide: Server) -> None:
    port = wide.url.rsplit(":", 1)[1]
    for host, want in ((f"localhost:{port}", 200), (f"127.0.0.1:{port}", 200), (f"[::1]:{port}", 200),
                       ("attacker.example", 400), (f"rebind.attacker.example:{port}", 400), ("", 400)):
        status, data, _ = _raw(wide, f"GET /api/info HTTP/1.1\nHost: {host}\nConnection: close\n")
        assert status == want, (host, data[:300])
        if want == 400:
            assert b"unknown Host" in data and b"nosniff" in data
            assert b'"articles"' not in data


# -- bodies -------------------------------------------------------------------------------------


def test_huge_body_refused_before_it_is_read(wide: Server) -> None:
    """A 100 MB Content-Length gets its answer before one byte of the body is sent: 401 without the
    token, 413 with it."""
    pid = wide.proc.pid
    before = _rss_mb(pid)
    for auth, want in (("", 401), (f"Authorization: Bearer {TOKEN}\n", 413)):
        head = (f"POST /api/articles HTTP/1.1\nHost: 127.0.0.1\n{auth}Content-Type: application/json\n"
                f"Content-Length: {100_000_000}\nConnection: close\n")
        status, data, seconds = _raw(wide, head, b"", timeout=10)
        assert status == want, data[:300]
        assert b"nosniff" in data
        assert seconds < 5
    if want == 413:
        assert b"DYADWATCH_MAX_BODY" in data
    assert _rss_mb(pid) - before < 50


def test_chunked_body_cut_off_at_the_limit(wide: Server) -> None:
    chunk = b"x" * 1_000_000

    def body():  # no Content-Length: a chunked upload of 10 MB
        yield b'{"text": "'
        for _ in range(10):
            yield chunk
        yield b'"}'

    with httpx.Client(base_url=wide.url, timeout=30) as c:
        r = c.post("/api/articles", content=body(), headers={"Authorization": f"Bearer {TOKEN}",
                                                               "Content-Type": "application/json"})
    assert r.status_code == 413
    assert r.headers["x-content-type-options"] == "nosniff"


def test_validation_errors_do_not_echo_the_input(wide: Server) -> None:
    secret = "S3CRET-" * 40_000  # 280 KB of text in a field of the wrong type
    with wide.client() as c:
        r = c.post("/api/articles", json={"text": 17, "title": {"nested": secret}},
                   headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422
    assert len(r.content) < 4000 and "S3CRET" not in r.text
    locs = [tuple(e["loc"]) for e in r.json()["detail"]]
    assert ("body", "text") in locs


# -- unbounded requests --------------------------------------------------------------------------


def test_unbounded_series_is_fast_and_small(wide: Server) -> None:
    """since=0001 until=9999 at daily frequency: the range is narrowed to the stored span, and two
    centuries of days are over the period limit: a 422 naming it, fast, with little memory."""
    pid = wide.proc.pid
    with wide.client() as c:
        c.get("/api/info")
        before = _rss_mb(pid)
        t = time.monotonic()
        r = c.get("/api/dyads/USA/PRK/series", params={"freq": "day", "since": "0001-01-01",
                                                         "until": "9999-12-31"})
        assert r.status_code == 422 and "DYADWATCH_MAX_PERIODS" in r.json()["detail"]
        assert time.monotonic() - t < 5
        # the same question at a yearly frequency is answered, over the stored span only
        r = c.get("/api/dyads/USA/PRK/series", params={"freq": "year", "since": "0001-01-01",
                                                         "until": "9999-12-31"})
        assert r.status_code == 200
        periods = sorted({p["period"][:4] for p in r.json()["points"]})
        assert periods[0] == "1900" and periods[-1] == "2100"
        # a narrow daily window is fine
        r = c.get("/api/dyads/USA/PRK/series", params={"freq": "day", "since": "2019-07-01",
                                                         "until": "2019-08-31"})
        assert r.status_code == 200
    assert _rss_mb(pid) < 1024 and _rss_mb(pid) - before < 200


@pytest.mark.parametrize("penalty", ["-1", "0", "nan", "inf", "-inf", "abc"])
def test_bad_regime_penalties_are_422(wide: Server, penalty: str) -> None:
    with wide.client() as c:
        r = c.get("/api/dyads/USA/PRK/regimes", params={"penalty": penalty, "freq": "year"})
    assert r.status_code == 422, r.text


def test_slow_query_is_interrupted(tmp_path: Path) -> None:
    from dyadwatch.web.app import Backend, QueryTooLong

    Store(tmp_path / "s.duckdb").close()
    backend = Backend(tmp_path / "s.duckdb", read_only=True, limits=Limits(query_seconds=1))
    t = time.monotonic()
    with pytest.raises(QueryTooLong, match="DYADWATCH_QUERY_SECONDS"):
        backend.call(lambda st: st.con.execute(
            "SELECT count(*) FROM range(1000000000) a, range(1000000) b WHERE a.range + b.range = 7"
        ).fetchall())
    assert time.monotonic() - t < 10
    assert backend.call(lambda st: st.con.execute("SELECT 42").fetchone()[0]) == 42  # the cursor still works


# -- errors -------------------------------------------------------------------------------------


def test_internal_errors_carry_the_security_headers(tmp_path: Path) -> None:
    from starlette.testclient import TestClient

    from dyadwatch.web.app import create_app

    Store(tmp_path / "s.duckdb").close()
    app = create_app(tmp_path / "s.duckdb", token="")

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError(f"secret path {tmp_path}")

    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        r = c.get("/api/boom")
    assert r.status_code == 500
    assert r.headers["content-security-policy"].startswith("default-src 'self'")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert str(tmp_path) not in r.text


# -- concurrency ----------------------------------------------------------------------------------


def test_many_clients_read_while_one_writes(wide: Server) -> None:
    """20 clients read while articles are posted: every read answers, counts only grow, and the
    last read sees every article (no stale answer after a write)."""
    stop = threading.Event()
    seen: list[int] = []
    errors: list[str] = []

    def reader() -> None:
        with wide.client() as c:
            while not stop.is_set():
                r = c.get("/api/events", params={"limit": 5})
                if r.status_code != 200:
                    errors.append(r.text[:200])
                else:
                    seen.append(r.json()["total"])

    with wide.client() as c:
        start_total = c.get("/api/events").json()["total"]
    pool = ThreadPoolExecutor(20)
    futures = [pool.submit(reader) for _ in range(20)]
    try:
        with wide.client() as c:
            for i in range(3):
                text = f"Iran seized a British tanker in the Gulf on day {i} of the standoff."
                r = c.post("/api/articles", json={"text": text, "date": "2019-07-19", "source": "wire"},
                           headers={"Authorization": f"Bearer {TOKEN}"})
                assert r.status_code == 201, r.text
    finally:
        stop.set()
        for f in futures:
            f.result()
        pool.shutdown()
    assert not errors, errors[:3]
    assert len(seen) > 20, len(seen)
    with wide.client() as c:
        final = c.get("/api/events").json()["total"]
        assert final > start_total  # the cache did not keep the pre-write answer
        assert c.get("/api/events").json()["total"] == final
    assert all(start_total <= n <= final for n in seen), (start_total, final, sorted(set(seen)))


def test_model_loads_once_for_concurrent_first_callers() -> None:
    from dyadwatch import nlp

    nlp._load.cache_clear()
    with ThreadPoolExecutor(4) as pool:
        models = list(pool.map(lambda _: nlp.get_nlp(), range(4)))
    assert all(m is models[0] for m in models)
    assert nlp._load.cache_info().misses == 1


# -- JSON conversion ------------------------------------------------------------------------------

_cells = st.one_of(st.none(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
                   st.text(max_size=8), st.booleans())


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_cells, st.floats(allow_nan=True), st.integers(0, 40_000), st.booleans(),
                          st.one_of(st.none(), st.text(max_size=5))), max_size=12))
def test_records_of_any_frame_match_the_row_by_row_conversion(rows: list[tuple]) -> None:
    """The column-at-a-time conversion gives what converting each value alone gives, for frames with
    missing values of every kind (None, NaN, NaT, pd.NA), and its output is valid JSON."""
    base = date(1990, 1, 1)
    df = pd.DataFrame({
        "mixed": pd.Series([r[0] for r in rows], dtype=object),
        "x": pd.Series([r[1] for r in rows], dtype="float64"),
        "n": pd.Series([r[2] if r[2] % 3 else None for r in rows], dtype="Int64"),
        "day": pd.to_datetime(pd.Series([base + timedelta(days=r[2]) if r[3] else None for r in rows],
                                        dtype=object)),
        "s": pd.Series([r[4] for r in rows], dtype="string"),
    })
    got = records(df)
    want = [jsonable(row) for row in df.astype(object).to_dict(orient="records")]
    assert got == want
    json.dumps(got, allow_nan=False)


def test_served_pages_are_strict_json(wide: Server) -> None:
    with wide.client() as c:
        for path in ("/api/events", "/api/actors", "/api/dyads/USA/PRK/series?freq=year", "/api/network"):
            r = c.get(path)
            assert r.status_code == 200
            json.loads(r.text, parse_constant=lambda name, p=path: pytest.fail(f"{p}: {name} in JSON"))


def test_http_client_sees_security_headers_on_404(wide: Server) -> None:
    host, port = wide.url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.request("GET", "/api/events/no-such-event")
    resp = conn.getresponse()
    assert resp.status == 404
    assert resp.getheader("X-Frame-Options") == "DENY"
    conn.close()
