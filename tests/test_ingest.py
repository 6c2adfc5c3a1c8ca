"""Readers: every input format, directories, stdin, and each kind of bad input."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from dyadwatch.ingest import Article, IngestError, article_id, detect_language, parse_date, read_paths
from dyadwatch.ingest.readers import MAX_FILE_BYTES

TXT = """Date: 2019-03-04
Title: Ministers meet in Moscow
Source: Test Wire
URL: https://example.test/moscow

MOSCOW, March 4 (Test Wire) - Russia and China held talks in Moscow on Monday, officials said.

The two foreign ministers agreed to meet again in Beijing in June.
"""

HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Envoys meet at the border | Test Wire</title>
<meta property="og:title" content="Envoys meet at the border">
<meta property="article:published_time" content="2018-05-02T10:00:00+09:00">
<script>var tracker = {id: 42};</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Envoys meet at the border</h1>
<p>PANMUNJOM, May 2 (Test Wire) - Envoys from the two Koreas met at the border village on Wednesday
and agreed to reopen a military hotline that had been silent for two years.</p>
<p>The South Korean delegation said the talks were held in a sincere atmosphere and lasted three hours.</p>
<p>Officials from both sides said they would meet again later this month to discuss family reunions.</p>
</article>
<aside><h3>Related</h3><ul><li><a href="/x">Markets rally on summit hopes</a></li></ul></aside>
<footer>&copy; 2018 Test Wire</footer><script>tracker.send();</script></body></html>
"""


def articles(items: list) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def errors(items: list) -> list[IngestError]:
    return [x for x in items if isinstance(x, IngestError)]


def test_txt_with_header(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(TXT, encoding="utf-8")
    (a,) = list(read_paths([p]))
    assert isinstance(a, Article)
    assert (a.title, a.date, a.source, a.url) == ("Ministers meet in Moscow", "2019-03-04", "Test Wire",
                                                  "https://example.test/moscow")
    assert a.text.startswith("MOSCOW, March 4")
    assert a.meta["dateline"]["place"] == "MOSCOW"
    assert a.text[a.meta["dateline"]["end"]:].startswith("Russia and China")
    assert "Date:" not in a.text and "Ministers meet" not in a.text
    assert a.language == "en"
    assert a.id == article_id(a.text, a.url)
    assert a.path == str(p)


def test_txt_first_line_title_and_default_date_and_source(tmp_path: Path) -> None:
    p = tmp_path / "b.txt"
    p.write_text("Koreas reopen hotline\n\nSEOUL (Test Wire) - The two Koreas reopened a hotline on Friday, "
                 "officials said.\n", encoding="utf-8")
    (a,) = list(read_paths([p], source="Feed X", date="2018-01-05"))
    assert a.title == "Koreas reopen hotline"
    assert a.date == "2018-01-05" and a.source == "Feed X"
    assert a.text.startswith("SEOUL")
    # a file's own date wins over the default
    q = tmp_path / "c.txt"
    q.write_text(TXT, encoding="utf-8")
    (b,) = list(read_paths([q], date="2001-01-01", source="Feed X"))
    assert b.date == "2019-03-04" and b.source == "Test Wire"


def test_txt_without_date_is_undated(tmp_path: Path) -> None:
    p = tmp_path / "d.txt"
    p.write_text("Officials in Tokyo said the talks went well and would resume next week.\n",
                 encoding="utf-8")
    (a,) = list(read_paths([p]))
    assert a.date is None and a.title is None


def test_html_text_title_date(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    (a,) = list(read_paths([p]))
    assert isinstance(a, Article), a
    assert a.title == "Envoys meet at the border"
    assert a.date == "2018-05-02"
    assert "military hotline" in a.text and "family reunions" in a.text
    for junk in ("Home", "tracker", "Markets rally", "©"):
        assert junk not in a.text


def test_jsonl_with_field_map_and_nested_fields(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    recs = [
        {"guid": "r1", "body": "Japan and the United States held talks in Tokyo, officials said.",
         "meta": {"published": "2020-02-03T08:00:00Z"}, "headline": "Allies talk", "site": "Feed"},
        {"guid": 2, "body": "China urged both Koreas to show restraint, a spokesman said.",
         "meta": {"published": "2020-02-04"}},
    ]
    p.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    fm = {"id": "guid", "text": "body", "date": "meta.published", "title": "headline", "source": "site"}
    got = list(read_paths([p], field_map=fm, source="Default"))
    a, b = articles(got)
    assert not errors(got)
    assert (a.raw_id, a.date, a.title, a.source) == ("r1", "2020-02-03", "Allies talk", "Feed")
    assert (b.raw_id, b.date, b.source) == ("2", "2020-02-04", "Default")
    assert a.path == f"{p}:1" and b.path == f"{p}:2"


def test_json_array_file(tmp_path: Path) -> None:
    p = tmp_path / "arr.json"
    p.write_text(json.dumps([{"text": "Russia and Japan signed a fisheries deal on Friday, officials said.",
                              "date": "2019-09-06"}]), encoding="utf-8")
    (a,) = list(read_paths([p]))
    assert a.date == "2019-09-06" and "fisheries" in a.text


def test_directory_recursive_sorted_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b.txt").write_text("Officials in Seoul met envoys from Tokyo on Monday, a spokesman said.\n")
    (tmp_path / "sub" / "a.txt").write_text("Officials in Beijing met envoys from Moscow on Monday, "
                                            "a spokesman "
                                            "said.\n")
    (tmp_path / "sub" / "deeper" / "c.html").write_text(HTML)
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden files are not read by anyone at all, they said.\n")
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n")
    got = list(read_paths([tmp_path]))
    assert not errors(got)
    paths = [Path(a.path).name for a in articles(got)]
    assert paths == ["b.txt", "a.txt", "c.html"]  # sorted by full path: b.txt < sub/...


def test_stdin_text_and_jsonl() -> None:
    txt = b"Date: 2017-05-01\n\nSEOUL (Test Wire) - The two allies held talks on Monday, officials said.\n"
    (a,) = list(read_paths(["-"], stdin=io.BytesIO(txt)))
    assert a.date == "2017-05-01" and a.path == "stdin"
    lines = b'{"text": "Japan protested to China over the incident, officials said."}\n{oops\n'
    got = list(read_paths(["-"], stdin=io.BytesIO(lines)))
    assert len(articles(got)) == 1
    (err,) = errors(got)
    assert str(err).startswith("stdin:2: malformed JSON")


def test_bad_inputs_each_one_line_and_the_rest_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Officials in Tokyo and Seoul held talks on Monday, a spokesman said.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n  \n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    bad_json = tmp_path / "mixed.jsonl"
    bad_json.write_text('{"text": "Russia and China signed a deal on Friday, officials said."}\n'
                        '{"text": broken}\n'
                        '[1, 2]\n'
                        '{"title": "no text here"}\n'
                        '{"text": "Japan and Korea agreed to talk again next week, officials said."}\n')
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:  # a 100 MB file, text at the start, sparse after
        fh.write(b"Officials in Tokyo said the talks would go on, a spokesman said.\n" * 2000)
        fh.truncate(100 * 1024 * 1024)
    got = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    msgs = [str(e) for e in errors(got)]
    for m in msgs:
        assert "\n" not in m
    by_file = {Path(e.path).name: e for e in errors(got)}
    assert "empty" in by_file["empty.txt"].message
    assert "empty" in by_file["blank.txt"].message
    assert "binary" in by_file["binary.txt"].message
    assert "PNG image" in by_file["image.html"].message
    assert "limit" in by_file["huge.txt"].message and "MB" in by_file["huge.txt"].message
    assert "no such file" in by_file["missing.txt"].message
    json_errs = sorted((e.line, e.message) for e in errors(got) if e.path == str(bad_json))
    assert [ln for ln, _ in json_errs] == [2, 3, 4]
    assert json_errs[0][1].startswith("malformed JSON")
    texts = sorted(a.text for a in articles(got))
    assert len(texts) == 3
    assert any("Tokyo and Seoul" in t for t in texts)
    assert MAX_FILE_BYTES < 100 * 1024 * 1024


def test_huge_jsonl_is_streamed(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl"
    with open(p, "wb") as fh:
        fh.write(b'{"text": "The envoys met in Geneva on Tuesday and agreed to meet again, '
                 b'officials said."}\n')
        fh.truncate(100 * 1024 * 1024)  # then 100 MB of NUL bytes with no newline
    with open(p, "ab") as fh:
        fh.write(b'\n{"text": "A second record after the junk is still read, the officials said."}\n')
    got = list(read_paths([p]))
    assert len(articles(got)) == 2
    (err,) = errors(got)
    assert err.line == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_text("Officials met in Seoul on Monday, they said.\n")
    p.chmod(0)
    try:
        (err,) = list(read_paths([p]))
        assert isinstance(err, IngestError) and "permission" in err.message
    finally:
        p.chmod(0o600)


def test_unreadable_directory_entry_is_reported(tmp_path: Path) -> None:
    # a dangling link inside a directory: listed as a .txt name but cannot be opened
    (tmp_path / "ok.txt").write_text("Officials met in Seoul on Monday, they said.\n")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    got = list(read_paths([tmp_path / "dangling.txt", tmp_path / "ok.txt"]))
    assert len(articles(got)) == 1
    assert "no such file" in errors(got)[0].message


def test_non_english_language_detected(tmp_path: Path) -> None:
    p = tmp_path / "es.txt"
    p.write_text("El gobierno de Corea del Sur anunció el lunes que reanudará las conversaciones con Japón "
                 "la próxima semana, según fuentes oficiales.\n", encoding="utf-8")
    (a,) = list(read_paths([p]))
    assert a.language == "es"
    assert detect_language("The talks resumed in Geneva on Monday, officials said.") == "en"
    assert detect_language("12345 ---") is None


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    p = tmp_path / "cp.txt"
    p.write_bytes("Officials in Seoul said the café talks went well on Monday, they said.\n".encode("cp1252"))
    (a,) = list(read_paths([p]))
    assert "café" in a.text


@pytest.mark.parametrize(("raw", "iso"), [
    ("2018-06-12", "2018-06-12"), ("2018-06-12T09:00:00+08:00", "2018-06-12"), ("20180612", "2018-06-12"),
    ("June 12, 2018", "2018-06-12"), ("12 June 2018", "2018-06-12"), (1528761600, "2018-06-12"),
    ("", None), (None, None), ("not a date", None), ("2018-02-30", None),
])
def test_parse_date(raw: object, iso: str | None) -> None:
    assert parse_date(raw) == iso


def test_same_text_same_id_across_formats(tmp_path: Path) -> None:
    body = "SEOUL (Test Wire) - The two Koreas agreed on Friday to hold more talks, officials said."
    (tmp_path / "x.txt").write_text(body + "\n")
    (tmp_path / "y.jsonl").write_text(json.dumps({"text": "  " + body.replace(" - ", "  -  ")}) + "\n")
    a, b = articles(list(read_paths([tmp_path / "x.txt", tmp_path / "y.jsonl"])))
    assert a.id == b.id


def test_many_bad_lines_are_capped_but_reading_goes_on(tmp_path: Path) -> None:
    from dyadwatch.ingest.readers import MAX_ERRORS_PER_FILE

    p = tmp_path / "noisy.jsonl"
    bad = "{nope\n" * (MAX_ERRORS_PER_FILE + 10)
    p.write_text(bad + json.dumps({"text": "Japan and China agreed to hold talks, officials said."}) + "\n")
    got = list(read_paths([p]))
    assert len(articles(got)) == 1
    errs = errors(got)
    assert len(errs) == MAX_ERRORS_PER_FILE + 1
    assert "10 more bad lines" in errs[-1].message


@pytest.mark.parametrize("text", ["Abe met Putin.", "Putin and Abe sign deal",
                                  "Kim Jong Un met Moon Jae-in."])
def test_short_english_with_names_is_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(("text", "lang"), [("Le président a parlé hier soir.", "fr"),
                                            ("El gobierno anunció nuevas sanciones.", "es")])
def test_short_other_languages(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_stdin_html() -> None:
    (a,) = list(read_paths(["-"], stdin=io.BytesIO(HTML.encode())))
    assert isinstance(a, Article) and a.date == "2018-05-02" and "military hotline" in a.text


def test_html_debris_inside_the_article_body(tmp_path: Path) -> None:
    page = HTML.replace(
        "<p>Officials from both sides",
        "<p>Sun-hee ChoSun-hee Cho</p><p>Tokyo expels Russian envoys</p><p>Beijing sanctions Seoul banks</p>"
        "<p>MORE</p><p>© Lantern Images</p><p>Sign up for our newsletter</p><p>Officials from both sides")
    p = tmp_path / "d.html"
    p.write_text(page, encoding="utf-8")
    (a,) = list(read_paths([p]))
    for junk in ("Sun-hee Cho", "expels", "Beijing sanctions", "MORE", "Lantern", "newsletter"):
        assert junk not in a.text
    assert "family reunions" in a.text and "military hotline" in a.text


def test_same_page_twice_in_one_process_gives_the_same_text(tmp_path: Path) -> None:
    # trafilatura's deduplication cache must not eat paragraphs it has seen before
    p = tmp_path / "p.html"
    p.write_text(HTML, encoding="utf-8")
    (a,) = list(read_paths([p]))
    (b,) = list(read_paths([p]))
    assert a.text == b.text and a.id == b.id and "military hotline" in b.text


def test_json_file_shapes(tmp_path: Path) -> None:
    one = {"text": "Japan and China agreed to hold talks next month, officials said.", "date": "2019-09-09"}
    pretty = tmp_path / "one.json"
    pretty.write_text(json.dumps(one, indent=2))  # one record spread over several lines
    lines = tmp_path / "lines.json"
    lines.write_text(json.dumps(one) + "\n" + json.dumps({**one, "url": "https://example.test/2"}) + "\n")
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps([one, {"title": "no text"}], indent=1))
    got = list(read_paths([pretty, lines, arr]))
    arts, errs = articles(got), errors(got)
    assert [a.path for a in arts] == [str(pretty), f"{lines}:1", f"{lines}:2", f"{arr}#1"]
    assert [str(e) for e in errs] == [f"{arr}#2: no text in field 'text'"]


def test_text_field_with_html_or_paragraph_list(tmp_path: Path) -> None:
    p = tmp_path / "h.jsonl"
    recs = [{"text": "<p>Russia and Japan held talks in Tokyo, officials said.</p>"
                     "<p>They agreed to meet again &amp; to keep talking.</p>"},
            {"text": ["China urged restraint on Monday, a spokesman said.", "Japan agreed, officials said."]}]
    p.write_text("\n".join(json.dumps(r) for r in recs) + "\n")
    a, b = articles(list(read_paths([p])))
    assert "<p>" not in a.text and "&amp;" not in a.text and "again & to keep" in a.text
    assert a.text.index("Russia") < a.text.index("They agreed")
    assert b.text == "China urged restraint on Monday, a spokesman said.\n\nJapan agreed, officials said."


def test_a_single_line_is_text_not_a_title() -> None:
    (a,) = list(read_paths(["-"], stdin=io.BytesIO(b"Trump meets Kim in Singapore\n")))
    assert isinstance(a, Article) and a.text == "Trump meets Kim in Singapore" and a.title is None


def test_html_without_article_text_and_html_fragments(tmp_path: Path) -> None:
    menu = tmp_path / "menu.html"
    menu.write_text("<html><head><title>Index</title></head><body><nav><a href='/'>Home</a> "
                    "<a href='/w'>World</a></nav></body></html>")
    frag = tmp_path / "frag.htm"
    frag.write_text("<p>Japan protested to China on Monday over the incident near the islands, "
                    "officials said.</p>")
    got = list(read_paths([menu, frag]))
    (err,) = errors(got)
    assert err.path == str(menu) and "no article text" in err.message
    (a,) = articles(got)
    assert a.text.startswith("Japan protested") and "<p>" not in a.text


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_file_that_fails_to_read_even_for_root(tmp_path: Path) -> None:
    # reading /proc/self/mem from offset 0 fails with an I/O error for every user
    (tmp_path / "mem.txt").symlink_to("/proc/self/mem")
    (tmp_path / "ok.txt").write_text("Officials met in Seoul on Monday, they said.\n")
    got = list(read_paths([tmp_path]))
    (err,) = errors(got)
    assert err.path == str(tmp_path / "mem.txt") and err.message.startswith("cannot read")
    assert len(articles(got)) == 1


@pytest.mark.parametrize(("text", "lang"), [
    (("Міністр закордонних справ України заявив у понеділок, що переговори з сусідніми країнами продовжаться "
     "наступного тижня у столиці, повідомили в міністерстві."), "uk"),
    (("Minister spraw zagranicznych Polski powiedział w poniedziałek, że rozmowy z sąsiednimi krajami będą "
     "kontynuowane w przyszłym tygodniu w stolicy, poinformowało ministerstwo."), "pl"),
    (("Министр иностранных дел России заявил в понедельник, что переговоры с соседними странами продолжатся "
     "на следующей неделе в столице, сообщили в министерстве."), "ru"),
    (("Der Außenminister sagte am Montag, dass die Gespräche mit den Nachbarländern in der nächsten Woche in der "
     "Hauptstadt fortgesetzt werden, teilte das Ministerium mit."), "de"),
    (("De minister van Buitenlandse Zaken zei maandag dat de gesprekken met de buurlanden volgende week in de "
     "hoofdstad worden voortgezet, meldde het ministerie."), "nl"),
    (("Dışişleri bakanı pazartesi günü yaptığı açıklamada komşu ülkelerle görüşmelerin gelecek hafta başkentte "
     "devam edeceğini söyledi, bakanlık bildirdi."), "tr"),
    (("Bộ trưởng Ngoại giao cho biết hôm thứ Hai rằng các cuộc đàm phán với các nước láng giềng sẽ tiếp tục "
     "vào tuần tới tại thủ đô, bộ cho biết."), "vi"),
    (("Ministr zahraničí v pondělí řekl, že rozhovory se sousedními zeměmi budou pokračovat příští týden v "
     "hlavním městě, uvedlo ministerstvo."), "cs"),
    (("The foreign minister said on Monday that talks with neighbouring countries would continue next week in "
     "the capital, the ministry said."), "en"),
])
def test_every_language_lingua_knows(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_short_ukrainian_and_polish_lines() -> None:
    assert detect_language("Президент України заявив про переговори.") == "uk"
    assert detect_language("Premier Polski spotkał się z prezydentem.") == "pl"
