"""Feeds, fetching and input sniffing: a real HTTP server on 127.0.0.1 serves feeds, pages and
robots.txt; every bad answer a site gives gets a clear message and the rest goes on."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from feeds_server import Page, Server, page_html, rss
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.ingest import Article, IngestError, read_paths
from dyadwatch.ingest.feeds import parse_feed, read_feed
from dyadwatch.ingest.fetch import Fetcher, FetchError, FetchLimits
from dyadwatch.ingest.sniff import sniff_bytes

FAST = FetchLimits(timeout=2.0, retries=2, backoff=0.05, max_bytes=1024 * 1024)

P1 = [("SEOUL (Test Wire) - North Korea fired two short-range ballistic missiles into the sea off its east "
      "coast on Tuesday, South Korea's military said."),
      "The launch came days after talks between Washington and Pyongyang broke down in Hanoi, officials said."]
P2 = [("TOKYO (Test Wire) - Japan and South Korea agreed on Wednesday to resume a dialogue on security, "
      "their foreign ministers said after meeting in Tokyo."),
      "The two ministers said they would meet again in Seoul next month."]
P3 = [("BEIJING (Test Wire) - China urged the United States and North Korea on Thursday to return to talks, "
      "a foreign ministry spokesman said in Beijing."),
      "He said both sides should show restraint."]


def articles(items: list) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def errors(items: list) -> list[IngestError]:
    return [x for x in items if isinstance(x, IngestError)]


def _feed_items(srv: Server) -> list[dict[str, str]]:
    return [
        {"title": "North Korea fires missiles", "link": srv.url("/a1"), "guid": "a1",
         "date": "Tue, 05 Mar 2019 10:00:00 GMT", "description": "North Korea fired missiles, Seoul said."},
        {"title": "Japan and South Korea to resume dialogue", "link": srv.url("/a2"), "guid": "a2",
         "date": "Wed, 06 Mar 2019 10:00:00 GMT", "description": "Tokyo and Seoul agreed to talk."},
        {"title": "China urges talks", "link": srv.url("/a3"), "guid": "a3",
         "date": "Thu, 07 Mar 2019 10:00:00 GMT", "description": "Beijing urged both sides to talk."},
        # the same item again (guid) and the same link under another guid: read once
        {"title": "North Korea fires missiles", "link": srv.url("/a1"), "guid": "a1",
         "date": "Tue, 05 Mar 2019 10:00:00 GMT", "description": "again"},
        {"title": "Copy", "link": srv.url("/a1"), "guid": "other-guid", "description": "a copy"},
    ]


@pytest.fixture
def server():
    with Server() as srv:
        srv.routes["/a1"] = Page(page_html("North Korea fires missiles", P1, "2019-03-05"))
        srv.routes["/a2"] = Page(page_html("Japan and South Korea to resume dialogue", P2, "2019-03-06"))
        srv.routes["/a3"] = Page(page_html("China urges talks", P3, "2019-03-07"))
        srv.routes["/feed.xml"] = Page(rss(_feed_items(srv)), content_type="application/rss+xml")
        yield srv


def test_feed_items_become_the_linked_articles(server: Server) -> None:
    with Fetcher(FAST, allow_private=True) as f:
        got = list(read_feed(f.get(server.url("/feed.xml")).content, "feed", fetcher=f))
    arts = articles(got)
    assert not errors(got)
    assert [a.url for a in arts] == [server.url("/a1"), server.url("/a2"), server.url("/a3")]
    assert "east coast on Tuesday" in arts[0].text and "broke down in Hanoi" in arts[0].text
    assert "Markets rally" not in arts[0].text and "Home" not in arts[0].text  # the page, extracted
    assert [a.date for a in arts] == ["2019-03-05", "2019-03-06", "2019-03-07"]
    assert arts[0].source == "Test Wire: World" and arts[0].raw_id == "a1"
    assert server.hits("/a1") == 1  # the duplicates were not fetched again
    ua = dict(server.log)["/a1"].get("User-Agent", "")
    assert ua.startswith("dyadwatch/")


def test_same_content_under_two_links_is_read_once(server: Server) -> None:
    server.routes["/copy"] = Page(page_html("North Korea fires missiles", P1, "2019-03-05"))
    items = [{"title": "A", "link": server.url("/a1"), "guid": "x1"},
             {"title": "B", "link": server.url("/copy"), "guid": "x2"}]
    with Fetcher(FAST, allow_private=True) as f:
        got = list(read_feed(rss(items).encode(), "feed", fetcher=f))
    assert len(articles(got)) == 1 and not errors(got)


def test_each_bad_link_gets_a_message_and_the_item_text_stands_in(server: Server) -> None:
    server.routes["/boom"] = Page("oops", status=500, content_type="text/plain")
    server.routes["/slow"] = Page(page_html("Slow", P2), delay=3.0)
    server.routes["/huge"] = Page(b"<html><body><p>" + b"word " * (3 * 1024 * 1024 // 5) + b"</p></body></html>")
    server.routes["/loop1"] = Page("", status=302, headers={"Location": "/loop2"})
    server.routes["/loop2"] = Page("", status=302, headers={"Location": "/loop1"})
    server.routes["/robots.txt"] = Page("User-agent: dyadwatch\nDisallow: /private/\n", content_type="text/plain")
    server.routes["/private/x"] = Page(page_html("Private", P3))
    server.routes["/pdf"] = Page(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", content_type="application/pdf")
    names = ["boom", "slow", "huge", "loop1", "private/x", "pdf", "missing"]
    items = [{"title": f"Item {n}", "link": server.url(f"/{n}"), "guid": n,
              "description": f"Officials in Seoul said item {n} was about talks with Tokyo."} for n in names]
    items.append({"title": "Good", "link": server.url("/a2"), "guid": "good"})
    with Fetcher(FAST, allow_private=True) as f:
        got = list(read_feed(rss(items).encode(), "feed", fetcher=f))
    errs = {e.path: str(e) for e in errors(got)}
    assert len(errs) == len(names)
    msg = {n: errs[f"feed#{k}"] for k, n in enumerate(names, start=1)}
    assert "HTTP 500" in msg["boom"] and "2 tries" in msg["boom"]
    assert "timed out" in msg["slow"] or "within" in msg["slow"]
    assert "limit" in msg["huge"] and "MB" in msg["huge"]
    assert "redirect loop" in msg["loop1"]
    assert "robots.txt" in msg["private/x"]
    assert "PDF document" in msg["pdf"]
    assert "HTTP 404" in msg["missing"]
    for m in msg.values():
        assert "\n" not in m and "own text was stored instead" in m
    arts = articles(got)
    assert len(arts) == len(names) + 1  # every item is stored: its page or its own text
    assert "agreed on Wednesday to resume" in arts[-1].text
    assert server.hits("/private/x") == 0 and server.hits("/boom") == 2


def test_malformed_and_non_feeds(tmp_path: Path) -> None:
    bad = parse_feed(b"<rss version='2.0'><channel><title>x</title><item><title>a</ti")
    assert bad.problem and "malformed feed" in bad.problem
    assert "not a feed" in (parse_feed(b"<html><body>hi</body></html>").problem or "")
    half = parse_feed(rss([{"title": "ok", "description": "Japan and China held talks, officials said."}])
                      .encode()[:-20] + b"<item><title>broken")
    assert [i.title for i in half.items if i.text] == ["ok"] and "read before the error" in (half.problem or "")
    assert "line 1, column" in (half.problem or "")
    p = tmp_path / "bad.rss"
    p.write_text("<?xml version='1.0'?><rss version='2.0'><channel><item><title>x</title><description>a &bogus; b")
    got = list(read_paths([p]))
    assert got and all(isinstance(x, IngestError) for x in got) or len(errors(got)) == 1
    assert str(errors(got)[0]).startswith(f"{p}: malformed feed")


@pytest.mark.parametrize("kind", ["rss091", "rss1", "rss2", "atom"])
def test_every_feed_dialect(tmp_path: Path, kind: str) -> None:
    text = "Japan and China held talks in Beijing on Wednesday, officials said."
    docs = {
        "rss091": f"<rss version='0.91'><channel><title>W</title><item><title>T</title>"
                  f"<link>https://w.example.test/1</link><description>{text}</description></item></channel></rss>",
        "rss1": "<?xml version='1.0'?><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' "
                "xmlns='http://purl.org/rss/1.0/' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
                "<channel rdf:about='https://w.example.test/'><title>W</title></channel>"
                f"<item rdf:about='https://w.example.test/1'><title>T</title><link>https://w.example.test/1</link>"
                f"<dc:date>2019-03-06T10:00:00Z</dc:date><description>{text}</description></item></rdf:RDF>",
        "rss2": rss([{"title": "T", "link": "https://w.example.test/1", "guid": "g",
                      "date": "Wed, 06 Mar 2019 10:00:00 GMT", "description": text}], title="W"),
        "atom": "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>W</title>"
                "<entry><title>T</title><link href='https://w.example.test/1'/><id>urn:1</id>"
                f"<updated>2019-03-06T10:00:00Z</updated><content type='html'>&lt;p&gt;{text}&lt;/p&gt;</content>"
                "</entry></feed>",
    }
    for name in ("feed.rss", "feed.xml", "saved.txt"):  # by extension or by content alone
        p = tmp_path / name
        p.write_text(docs[kind], encoding="utf-8")
        assert sniff_bytes(p.read_bytes(), name).kind == "feed"
        (a,) = list(read_paths([p]))
        assert isinstance(a, Article), a
        assert a.text == text and a.url == "https://w.example.test/1" and a.source == "W"
        assert a.date == (None if kind == "rss091" else "2019-03-06")


def test_binary_and_unknown_inputs_are_refused_with_their_type(tmp_path: Path) -> None:
    files = {
        "report.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\nDer Bundestag hat heute",
        "fake.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "photo.jpg.txt": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200),
        "notes.pdf": b"Plain words in a file that claims to be a PDF document.\n",
        "data.html": b"PK\x03\x04" + bytes(100),
        "binary.txt": bytes(range(256)) * 8,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("sheet.csv", "a,b\n1,2\n")
    (tmp_path / "bundle.zip").write_bytes(buf.getvalue())
    names = [*files, "bundle.zip"]
    got = list(read_paths([tmp_path / n for n in names]))
    assert not articles(got)
    msgs = {Path(e.path).name: e.message for e in errors(got)}
    assert "PDF document" in msgs["report.pdf"]
    assert "PNG image" in msgs["fake.txt"]
    assert "JPEG image" in msgs["photo.jpg.txt"]
    assert "named like a PDF document" in msgs["notes.pdf"]
    assert "ZIP archive" in msgs["data.html"]
    assert "ZIP archive (sheet.csv)" in msgs["bundle.zip"]
    assert "binary data" in msgs["binary.txt"]
    for m in msgs.values():
        assert m.startswith("refused: ") and "\n" not in m


def test_ingest_refuses_binary_with_exit_1_and_stores_nothing(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nDie Bundesregierung hat beschlossen\n")
    res = CliRunner().invoke(app, ["ingest", str(pdf), "--db", str(db)])
    assert res.exit_code == 1
    assert f"{pdf}: refused: PDF document" in res.output
    from dyadwatch.store import Store

    with Store(db, read_only=True) as st:
        assert st.counts()["articles"] == 0


def test_ingest_a_saved_feed_with_and_without_fetching(tmp_path: Path, server: Server) -> None:
    db = tmp_path / "f.duckdb"
    saved = tmp_path / "world.rss"
    saved.write_bytes(server.routes["/feed.xml"].data())  # type: ignore[union-attr]
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", str(saved), "--db", str(db), "--fetch", "--allow-private"])
    assert res.exit_code == 0, res.output
    assert "3 articles read: 3 new" in res.output
    from dyadwatch.store import Store

    with Store(db, read_only=True) as st:
        urls = sorted(r[0] for r in st.con.execute("SELECT url FROM articles").fetchall())
        texts = [r[0] for r in st.con.execute("SELECT text FROM articles").fetchall()]
        n_events = st.counts()["events"]
    assert urls == sorted(server.url(f"/a{i}") for i in (1, 2, 3))
    assert any("broke down in Hanoi" in t for t in texts)  # the page, not the item's one line
    assert n_events > 0
    again = runner.invoke(app, ["ingest", str(saved), "--db", str(db), "--fetch", "--allow-private"])
    assert again.exit_code == 0 and "0 new" in again.output and "3 already stored" in again.output
    # without --fetch nothing is read from the network: the items' own text is the article
    hits = server.hits("/a1")
    db2 = tmp_path / "g.duckdb"
    res2 = runner.invoke(app, ["ingest", str(saved), "--db", str(db2)])
    assert res2.exit_code == 0 and "3 articles read: 3 new" in res2.output
    assert server.hits("/a1") == hits
    # links on this machine are not fetched unless allowed
    res3 = runner.invoke(app, ["ingest", str(saved), "--db", str(tmp_path / "h.duckdb"), "--fetch"])
    assert res3.exit_code == 1 and "local or private network" in res3.output
    assert server.hits("/a1") == hits


def test_url_lists_fetched_only_when_asked(tmp_path: Path, server: Server) -> None:
    lst = tmp_path / "reading.urls"
    lst.write_text(f"# my reading list\n{server.url('/a2')}\n\nnot a url\n{server.url('/a3')}\n"
                   f"{server.url('/feed.xml')}\n")
    got = list(read_paths([lst]))
    (err,) = errors(got)
    assert not articles(got) and "list of 4 URLs, not fetched" in err.message and "--fetch" in err.message
    with Fetcher(FAST, allow_private=True) as f:
        got = list(read_paths([lst], fetcher=f))
    errs = errors(got)
    assert [str(e) for e in errs] == [f"{lst}:4: not an http(s) URL: 'not a url'"]
    urls = [a.url for a in articles(got)]
    # the two pages, then the feed's three items (a2 and a3 again: the store keeps one of each)
    assert urls[:2] == [server.url("/a2"), server.url("/a3")] and len(urls) == 5
    # a plain list of URLs under .txt is a URL list too, not one text article
    txt = tmp_path / "links.txt"
    txt.write_text(f"{server.url('/a2')}\n{server.url('/a3')}\n")
    (e2,) = list(read_paths([txt]))
    assert isinstance(e2, IngestError) and "list of 2 URLs" in e2.message


def test_conditional_requests_and_retry_after(server: Server) -> None:
    server.routes["/c"] = Page("<rss version='2.0'><channel></channel></rss>", etag='"v1"',
                               last_modified=1_550_000_000.0)
    with Fetcher(FAST, allow_private=True) as f:
        first = f.get(server.url("/c"))
        assert first.etag == '"v1"' and first.last_modified and not first.not_modified
        second = f.get(server.url("/c"), etag=first.etag, last_modified=first.last_modified)
        assert second.not_modified and second.status == 304
    calls = {"n": 0}

    def flaky(handler) -> None:  # 503 with Retry-After once, then the page
        calls["n"] += 1
        page = Page("busy", status=503, headers={"Retry-After": "0"}) if calls["n"] == 1 else Page(
            page_html("ok", P2))
        handler._send(page)

    server.routes["/flaky"] = flaky
    with Fetcher(FAST, allow_private=True) as f:
        assert f.get(server.url("/flaky")).status == 200 and calls["n"] == 2


def test_robots_unreachable_or_5xx_disallows_and_4xx_allows(server: Server) -> None:
    server.routes["/robots.txt"] = Page("down", status=503, content_type="text/plain")
    with Fetcher(FAST, allow_private=True) as f, pytest.raises(FetchError, match="robots.txt answered HTTP 503"):
        f.get(server.url("/a1"))
    server.routes["/robots.txt"] = Page("no", status=403, content_type="text/plain")
    with Fetcher(FAST, allow_private=True) as f:
        assert f.get(server.url("/a1")).status == 200
    server.routes["/robots.txt"] = Page("User-agent: *\nDisallow: /\n", content_type="text/plain")
    with Fetcher(FAST, allow_private=True) as f, pytest.raises(FetchError, match="robots.txt does not allow"):
        f.get(server.url("/a1"))


def test_private_addresses_need_permission(server: Server) -> None:
    with Fetcher(FAST) as f:
        for url in (server.url("/a1"), "http://localhost:1/x", "http://10.0.0.1/x", "http://[::1]/x",
                    "http://169.254.169.254/latest/meta-data/"):
            with pytest.raises(FetchError, match="local or private"):
                f.get(url)
        with pytest.raises(FetchError, match="not an http"):
            f.get("file:///etc/passwd")
    assert server.hits("/a1") == 0


def test_jsonl_stdin_and_feed_on_stdin() -> None:
    doc = rss([{"title": "T", "link": "https://w.example.test/9", "description":
                "Russia and Japan signed a fisheries deal on Friday, officials said."}])
    (a,) = list(read_paths(["-"], stdin=io.BytesIO(doc.encode())))
    assert isinstance(a, Article) and a.url == "https://w.example.test/9"
    (e,) = list(read_paths(["-"], stdin=io.BytesIO(b"%PDF-1.4\n1 0 obj\n")))
    assert isinstance(e, IngestError) and str(e).startswith("stdin: refused: PDF document")
    lines = b'[{"text": "China and Japan held talks on Monday, officials said."}]\n'
    (b,) = list(read_paths(["-"], stdin=io.BytesIO(lines)))
    assert isinstance(b, Article) and json.dumps(b.text)
