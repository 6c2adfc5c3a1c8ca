"""Web archives: each HTML response record of a .warc / .warc.gz is an article with its URL and date."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from feeds_server import page_html
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyadwatch.cli import app
from dyadwatch.ingest import Article, IngestError, read_paths

PAGES = {
    "https://news.example.test/2019/03/missiles": ("North Korea fires missiles", [
        ("SEOUL (Test Wire) - North Korea fired two short-range missiles into the sea on Tuesday, South "
        "Korea's military said."), "The launch followed the collapse of talks in Hanoi, officials said."], "2019-03-05"),
    "https://news.example.test/2019/03/talks": ("Japan and China hold talks", [
        ("BEIJING (Test Wire) - Japan and China held talks on maritime security in Beijing on Wednesday, "
        "officials said."), "They agreed to meet again in Tokyo in June, the ministry said."], None),
}


def _record(writer: WARCWriter, url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html",
            date: str = "2019-03-08T12:00:00Z", extra: list[tuple[str, str]] | None = None) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype), *(extra or [])], protocol="HTTP/1.1")
    rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                    warc_headers_dict={"WARC-Date": date})
    writer.write_record(rec)


def write_warc(path: Path, gz: bool) -> None:
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "dyadwatch tests"}))
        req = w.create_warc_record("https://news.example.test/2019/03/missiles", "request",
                                   payload=io.BytesIO(b"GET /2019/03/missiles HTTP/1.1\r\nHost: x\r\n\r\n"))
        w.write_record(req)
        for url, (title, paras, date) in PAGES.items():
            _record(w, url, page_html(title, paras, date).encode(), ctype="text/html; charset=utf-8")
        # the same URL captured again later: one article
        title, paras, date = PAGES["https://news.example.test/2019/03/talks"]
        _record(w, "https://news.example.test/2019/03/talks", page_html(title, paras, date).encode(),
                date="2019-03-09T12:00:00Z")
        _record(w, "https://news.example.test/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(100), ctype="image/png")
        _record(w, "https://news.example.test/gone", b"<html><body><p>Not found</p></body></html>", "404 Not Found")
        _record(w, "https://news.example.test/old", b"", "301 Moved Permanently",
                extra=[("Location", "https://news.example.test/new")])
        _record(w, "https://news.example.test/app.js", b"var x = 1;", ctype="application/javascript")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_articles(tmp_path: Path, name: str) -> None:
    p = tmp_path / name
    write_warc(p, gz=name.endswith(".gz"))
    got = list(read_paths([p]))
    arts = [x for x in got if isinstance(x, Article)]
    assert not [x for x in got if isinstance(x, IngestError)]
    assert [a.url for a in arts] == list(PAGES)
    missiles, talks = arts
    assert "short-range missiles" in missiles.text and "Home" not in missiles.text
    assert missiles.date == "2019-03-05"  # the page's own date
    assert talks.date == "2019-03-08"  # no date on the page: the capture date
    assert missiles.title == "North Korea fires missiles"
    assert "WARC/" not in missiles.text and "HTTP/1.1" not in missiles.text


def test_one_gzip_member_for_the_whole_archive(tmp_path: Path) -> None:
    plain = tmp_path / "a.warc"
    write_warc(plain, gz=False)
    p = tmp_path / "whole.warc.gz"
    p.write_bytes(gzip.compress(plain.read_bytes()))  # `gzip a.warc`: warcio alone refuses it
    got = list(read_paths([p]))
    assert [a.url for a in got if isinstance(a, Article)] == list(PAGES)
    assert not [e for e in got if isinstance(e, IngestError)]


def test_warc_in_a_folder_and_through_ingest(tmp_path: Path) -> None:
    folder = tmp_path / "crawls"
    folder.mkdir()
    write_warc(folder / "a.warc.gz", gz=True)
    db = tmp_path / "w.duckdb"
    res = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "2 articles read: 2 new" in res.output
    res = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert "0 new" in res.output and "2 already stored" in res.output


def test_damaged_archive_keeps_what_came_before(tmp_path: Path) -> None:
    good = tmp_path / "ok.warc"
    write_warc(good, gz=False)
    data = good.read_bytes()
    first_end = data.index(b"WARC/1", data.index(b"missiles</h1>"))
    zipped = tmp_path / "ok.warc.gz"
    write_warc(zipped, gz=True)  # one gzip member per record, as crawlers write them
    zdata = zipped.read_bytes()
    with open(zipped, "rb") as fh:  # where the second page's record starts and ends
        it = ArchiveIterator(fh)
        spans = []
        for rec in it:
            rec.content_stream().read()
            spans.append((rec.rec_headers.get_header("WARC-Target-URI"), it.get_record_offset(),
                          it.get_record_length()))
    _, off, length = next(s for s in spans if s[0] and s[0].endswith("/talks"))
    cases = {
        "cut.warc": data[:data.index(b"Japan and China hold talks")],  # ends inside the second page
        "junk.warc": data[:first_end] + b"\x00\x01garbage" * 50,  # garbage where a record should start
        "cut.warc.gz": zdata[:off + length // 2],  # a compressed archive cut inside a page
        "one-member.warc.gz": gzip.compress(data)[:len(gzip.compress(data)) * 2 // 3],  # one member, cut
    }
    for name, raw in cases.items():
        p = tmp_path / name
        p.write_bytes(raw)
        got = list(read_paths([p]))
        arts = [x for x in got if isinstance(x, Article)]
        errs = [x for x in got if isinstance(x, IngestError)]
        assert arts and arts[0].url == "https://news.example.test/2019/03/missiles", (name, [str(g)[:200] for g in got])
        assert errs, name
        for e in errs:
            assert "cut short" in e.message or "damaged web archive" in e.message, errs
            assert "\n" not in str(e) and "garbage" not in str(e)


@pytest.mark.parametrize("gz", [True, False])
def test_a_cut_anywhere_is_named(tmp_path: Path, gz: bool) -> None:
    p = tmp_path / ("a.warc.gz" if gz else "a.warc")
    write_warc(p, gz=gz)
    data = p.read_bytes()
    with open(p, "rb") as fh:
        it = ArchiveIterator(fh)
        spans = []
        for rec in it:
            rec.content_stream().read()
            spans.append((it.get_record_offset(), it.get_record_length()))
    assert not [x for x in read_paths([p]) if isinstance(x, IngestError)]
    for k, (off, length) in enumerate(spans[1:], start=2):
        for frac in (0.05, 0.5, 0.9):
            cut = tmp_path / p.name.replace("a.", f"cut{k}.")
            cut.write_bytes(data[:off + int(length * frac)])
            got = list(read_paths([cut]))
            errs = [x for x in got if isinstance(x, IngestError)]
            assert errs, (k, frac)  # the records before are kept, the cut one is named
            assert all("\n" not in str(e) for e in errs)
            urls = [a.url for a in got if isinstance(a, Article)]
            assert len(urls) == len(set(urls))
