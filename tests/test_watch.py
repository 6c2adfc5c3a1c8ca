"""`dyadwatch watch`: feeds over HTTP (a real server on 127.0.0.1), folders, bad sources, restarts,
SIGKILL in the middle of a poll, and the watch inside the server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from feeds_server import Page, Server, page_html, rss
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.store import Store

STORIES = [
    "North Korea fired two short-range missiles into the sea off {place} on Tuesday, South Korea's military said.",
    "Japan and South Korea agreed on Wednesday to resume a security dialogue, officials said in {place}.",
    "China urged the United States and North Korea to return to talks, a spokesman said in {place}.",
    "Russia and Japan signed a fisheries agreement in {place} on Friday, officials said.",
    "South Korea protested to Japan over a textbook published in {place}, the foreign ministry said.",
    "The United States imposed new sanctions on North Korea on Monday, officials said in {place}.",
]
PLACES = ["Seoul", "Tokyo", "Beijing", "Moscow", "Busan", "Osaka", "Kobe", "Daegu", "Sendai", "Nagoya", "Kyoto",
          "Incheon"]


def serve_feed(srv: Server, n: int, prefix: str = "p", delay: float = 0.0, etag: str | None = '"v1"') -> list[str]:
    items, urls = [], []
    for k in range(n):
        text = STORIES[k % len(STORIES)].format(place=PLACES[k % len(PLACES)])
        path = f"/{prefix}{k}"
        srv.routes[path] = Page(page_html(text[:40], [text, f"It was report number {k} of the day."],
                                          f"2019-03-{1 + k % 28:02d}"), delay=delay)
        items.append({"title": text[:50], "link": srv.url(path), "guid": f"{prefix}-{k}",
                      "date": f"Fri, {1 + k % 28:02d} Mar 2019 09:00:00 GMT"})
        urls.append(srv.url(path))
    srv.routes["/feed.xml"] = Page(rss(items), content_type="application/rss+xml", etag=etag,
                                   last_modified=1_551_400_000.0)
    return urls


def counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as st:
        one = lambda sql: int(st.con.execute(sql).fetchone()[0])
        return {"articles": one("SELECT count(*) FROM articles"), "events": one("SELECT count(*) FROM events"),
                "distinct_urls": one("SELECT count(DISTINCT url) FROM articles"),
                "distinct_events": one("SELECT count(DISTINCT id) FROM events"),
                "dyads_dup": one("SELECT count(*) - count(DISTINCT (event_id, source, target)) FROM event_dyads"),
                "items": one("SELECT count(DISTINCT article_id) FROM watch_items")}


def test_watch_once_stores_the_linked_articles_and_again_nothing(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with Server() as srv:
        urls = serve_feed(srv, 6)
        runner = CliRunner()
        res = runner.invoke(app, ["watch", srv.url("/feed.xml"), "--once", "--db", str(db), "--no-status"])
        assert res.exit_code == 0, res.output
        assert "6 new articles" in res.output
        c = counts(db)
        assert c["articles"] == 6 and c["events"] > 0 and c["distinct_events"] == c["events"]
        with Store(db, read_only=True) as st:
            stored = sorted(r[0] for r in st.con.execute("SELECT url FROM articles").fetchall())
            text = st.con.execute("SELECT text FROM articles WHERE url = ?", [urls[0]]).fetchone()[0]
            src = st.con.execute("SELECT etag, n_articles, last_error FROM watch_sources").fetchone()
        assert stored == sorted(urls)
        assert "report number 0" in text  # the page was fetched, not only the feed's title
        assert src == ('"v1"', 6, None)
        again = runner.invoke(app, ["watch", srv.url("/feed.xml"), "--once", "--db", str(db), "--no-status"])
        assert again.exit_code == 0 and "0 new articles" in again.output
        assert counts(db) == c
        feed_requests = [h for p, h in srv.log if p == "/feed.xml"]
        assert feed_requests[-1].get("If-None-Match") == '"v1"'  # a conditional request: 304, nothing read
        assert sum(1 for p, _ in srv.log if p == "/p0") == 1  # pages are fetched once, ever
        # the feed changes: one item more; only it is fetched
        serve_feed(srv, 7, etag='"v2"')
        third = runner.invoke(app, ["watch", srv.url("/feed.xml"), "--once", "--db", str(db), "--no-status"])
        assert third.exit_code == 0 and "1 new articles" in third.output
        assert sum(1 for p, _ in srv.log if p == "/p0") == 1 and counts(db)["articles"] == 7


def test_watch_a_folder_reads_new_files_only(tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "f.duckdb"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Date: 2019-03-01\n\nJapan and China held talks in Beijing on Friday, officials said.\n")
    (inbox / "b.jsonl").write_text('{"text": "Russia and Japan signed a fisheries deal, officials said.", '
                                   '"date": "2019-03-02"}\n')
    (inbox / "notes.pdf").write_bytes(b"%PDF-1.4\n")  # not a name the folder reads
    runner = CliRunner()
    args = ["watch", str(inbox), "--once", "--db", str(db), "--no-status"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "2 new articles" in res.output
    res = runner.invoke(app, args)
    assert "0 new articles, 0 already stored" in res.output  # files already read are not opened again
    with open(inbox / "b.jsonl", "a") as fh:  # a growing JSON-lines file: only its new line is new
        fh.write('{"text": "China protested to Japan over the islands, a spokesman said.", "date": "2019-03-03"}\n')
    (inbox / "c.txt").write_text("South Korea and Japan agreed to meet again next month, officials said.\n")
    (inbox / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    res = runner.invoke(app, args)
    assert res.exit_code == 1  # the PNG is refused and named
    assert "2 new articles, 1 already stored" in res.output and "bad.txt: refused: PNG image" in res.output
    assert counts(db)["articles"] == 4


def test_bad_feeds_each_get_a_message_and_the_watch_goes_on(tmp_path: Path) -> None:
    db = tmp_path / "b.duckdb"
    with Server() as srv:
        serve_feed(srv, 3)
        srv.routes["/malformed.xml"] = Page("<rss version='2.0'><channel><item><title>x</ti", content_type="text/xml")
        srv.routes["/error.xml"] = Page("oops", status=500, content_type="text/plain")
        srv.routes["/slow.xml"] = Page(rss([]), delay=4.0)
        srv.routes["/big.xml"] = Page(b"<rss version='2.0'><channel>" + b"<item><title>x</title></item>" * 400_000
                                      + b"</channel></rss>", content_type="text/xml")
        srv.routes["/loop.xml"] = Page("", status=301, headers={"Location": "/loop.xml?again"})
        srv.routes["/loop.xml?again"] = Page("", status=301, headers={"Location": "/loop.xml"})
        srv.routes["/robots.txt"] = Page("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        srv.routes["/private/feed.xml"] = Page(rss([]))
        srv.routes["/page.html"] = Page(page_html("Not a feed", ["Officials met in Seoul on Monday."]))
        bad = ["/malformed.xml", "/error.xml", "/slow.xml", "/big.xml", "/loop.xml", "/private/feed.xml",
               "/page.html", "/missing.xml"]
        env = {"DYADWATCH_FETCH_TIMEOUT": "1.5", "DYADWATCH_FETCH_RETRIES": "2", "DYADWATCH_FETCH_BACKOFF": "0.05"}
        os.environ.update(env)
        try:
            res = CliRunner().invoke(app, ["watch", *[srv.url(p) for p in bad], srv.url("/feed.xml"), "--once",
                                           "--db", str(db), "--no-status"])
        finally:
            for k in env:
                os.environ.pop(k, None)
        assert res.exit_code == 1
        out = res.output
        # every source but the malformed one fails whole; that one is read up to the error
        assert "3 new articles" in out and f"{len(bad) - 1} failed polls" in out
        expect = {"/malformed.xml": "malformed feed", "/error.xml": "HTTP 500", "/slow.xml": "timed out",
                  "/big.xml": "limit", "/loop.xml": "redirect loop", "/private/feed.xml": "robots.txt",
                  "/page.html": "not a feed (HTML page)", "/missing.xml": "HTTP 404"}
        lines = out.splitlines()
        for path, words in expect.items():
            mine = [ln for ln in lines if ln.startswith(srv.url(path) + ":")]
            assert mine and words in mine[0], (path, mine)
        with Store(db, read_only=True) as st:
            errs = dict(st.con.execute("SELECT source, last_error FROM watch_sources").fetchall())
        assert errs[srv.url("/feed.xml")] is None and "HTTP 500" in errs[srv.url("/error.xml")]


def _watch_cmd(url: str, db: Path) -> list[str]:
    return [sys.executable, "-m", "dyadwatch.cli", "watch", url, "--once", "--db", str(db), "--no-status"]


def test_sigkill_in_the_middle_of_a_poll_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    n = 12
    with Server() as srv:
        urls = serve_feed(srv, n, delay=0.4)
        env = {**os.environ, "DYADWATCH_FETCH_BACKOFF": "0.05"}
        for kill_after in (3, 7):  # two kills, each after some pages were fetched
            seen_before = sum(1 for p, _ in srv.log if p.startswith("/p"))
            proc = subprocess.Popen(_watch_cmd(srv.url("/feed.xml"), db), env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 120
            while sum(1 for p, _ in srv.log if p.startswith("/p")) < max(kill_after, seen_before + 2):
                assert proc.poll() is None, "the watch ended before it could be killed"
                assert time.monotonic() < deadline, "the watch did not fetch pages in time"
                time.sleep(0.05)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            assert proc.returncode == -signal.SIGKILL
        done = subprocess.run(_watch_cmd(srv.url("/feed.xml"), db), env=env, capture_output=True, text=True,
                              timeout=300, check=False)
        assert done.returncode == 0, done.stderr
        c = counts(db)
        assert c["articles"] == n and c["distinct_urls"] == n
        assert c["distinct_events"] == c["events"] and c["dyads_dup"] == 0
        assert c["items"] == n
        with Store(db, read_only=True) as st:
            assert sorted(r[0] for r in st.con.execute("SELECT url FROM articles").fetchall()) == sorted(urls)
        again = subprocess.run(_watch_cmd(srv.url("/feed.xml"), db), env=env, capture_output=True, text=True,
                               timeout=300, check=False)
        assert again.returncode == 0 and "0 new articles" in again.stdout
        assert counts(db) == c


def test_watch_inside_the_server(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from dyadwatch.cli.watch_cmds import attach_to_server
    from dyadwatch.web.alerts_routes import alerts_router
    from dyadwatch.web.app import create_app

    db = tmp_path / "s.duckdb"
    with Server() as srv:
        serve_feed(srv, 4)
        api = create_app(db, token="secret", read_only=False)
        if not any(getattr(r, "path", "") == "/api/alerts" for r in api.routes):
            api.include_router(alerts_router())
        attach_to_server(api, [srv.url("/feed.xml")], every="1h", alert=["USA-PRK"])
        with TestClient(api, base_url="http://127.0.0.1") as client:
            deadline = time.monotonic() + 120
            while client.get("/api/info").json().get("articles", 0) < 4:
                assert time.monotonic() < deadline, "the background watch stored nothing"
                time.sleep(0.3)
            assert client.get("/api/articles").json()
            assert client.get("/api/alerts").status_code == 200
        with Store(db, read_only=True) as st:
            assert st.con.execute("SELECT count(DISTINCT article_id) FROM watch_items").fetchone()[0] == 4


def test_bad_options(tmp_path: Path) -> None:
    runner = CliRunner()
    for args, words in ((["watch", str(tmp_path / "nope")], "no such file or folder"),
                        (["watch", str(tmp_path), "--every", "soon"], "30s, 15m"),
                        (["watch", str(tmp_path), "--alert", "USA"], "two actors"),
                        (["watch", str(tmp_path), "--webhook", "ftp://x", "--alert", "USA-PRK"], "http(s) URL")):
        res = runner.invoke(app, [*args, "--db", str(tmp_path / "o.duckdb"), "--once"], terminal_width=400)
        flat = " ".join(res.output.replace("│", " ").split())
        assert res.exit_code == 2 and words in flat, (args, flat)


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("15m", 900), ("2h", 7200), ("1d", 86400), ("5", 300)])
def test_parse_every(text: str, seconds: float) -> None:
    from dyadwatch.watch import parse_every

    assert parse_every(text) == seconds


def test_serve_watch_from_the_command_line(tmp_path: Path) -> None:
    """`dyadwatch serve --watch URL`: a real server process polls a real feed server and shows the
    articles at /api/info and the alerts list at /api/alerts; alert options without --watch are refused."""
    import socket
    import urllib.request

    db = tmp_path / "served.duckdb"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with Server() as srv:
        serve_feed(srv, 3, prefix="sw")
        env = {**os.environ, "DYADWATCH_TOKEN": ""}
        proc = subprocess.Popen(
            [sys.executable, "-c", "from dyadwatch.cli import main; main()", "serve", "--db", str(db),
             "--port", str(port), "--watch", srv.url("/feed.xml"), "--every", "1h", "--alert", "USA-PRK",
             "--allow-private", "--alerts-file", str(tmp_path / "alerts.jsonl")],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 240
            info: dict = {}
            while info.get("articles", 0) < 3:
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "the server's watch stored nothing"
                time.sleep(0.5)
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/info", timeout=5) as r:
                        import json

                        info = json.loads(r.read())
                except OSError:
                    continue
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/alerts", timeout=5) as r:
                assert r.status == 200
        finally:
            proc.terminate()
            proc.wait(timeout=60)
    with Store(db, read_only=True) as st:
        assert st.con.execute("SELECT count(DISTINCT article_id) FROM watch_items").fetchone()[0] == 3
    r = CliRunner().invoke(app, ["serve", "--db", str(db), "--alert", "USA-PRK"])
    assert r.exit_code == 2 and "--watch" in r.output
