"""Nothing in a file can stop an ingest: each defect of issue 14 item 1 as a test, then hypothesis
over every reader (JSON lines, .json, text, HTML, feeds, WARC, URL lists, stdin). Any input: no
uncaught exception, the good records around a bad one are kept, nothing is stored twice.
(A longer run: DYADWATCH_FUZZ_EXAMPLES=2000.)"""

from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.ingest import Article, IngestError, read_paths, readers
from dyadwatch.pipeline import IngestReport, ingest_articles, ingest_paths
from dyadwatch.store import Store

EXAMPLES = int(os.environ.get("DYADWATCH_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

GOOD = [
    {"text": "Japan and China held talks in Beijing on Monday, officials said.", "date": "2019-03-04"},
    {"text": "Russia and Japan signed a fisheries deal in Tokyo on Friday, a spokesman said."},
    {"text": "South Korea protested to Japan over the islands on Tuesday, the ministry said."},
]
BAD_LINES = {
    "surrogate": '{"text": "Seoul \\ud800 said talks would resume.", "date": "2019-03-05"}',
    "low surrogate": '{"text": "ok", "title": "\\udfff"}',
    "deep": "[" * 1000 + "]" * 1000,
    "deep object": '{"a": ' * 1000 + "1" + "}" * 1000,
    "huge int": '{"text": "North Korea fired missiles, Seoul said.", "n": ' + "9" * 5000 + "}",
    "long date": json.dumps({"text": "China urged restraint on Monday, officials said.", "date": "2019 " * 20000}),
    "wrong types": '{"text": "Tokyo and Seoul met.", "title": {"a": 1}, "url": [1, 2]}',
    "huge title": json.dumps({"text": "Tokyo and Seoul met on Monday.", "title": "x" * 100_000}),
}


def _lines(bad: str) -> bytes:
    rows = [json.dumps(GOOD[0]), bad, json.dumps(GOOD[1]), bad, json.dumps(GOOD[2])]
    return ("\n".join(rows) + "\n").encode("utf-8")


def _never_code(batches):  # the coding stage for store-only tests: events are not what is tested
    for batch in batches:
        yield [(a, []) for a in batch], []


@pytest.mark.parametrize("name", list(BAD_LINES))
def test_one_bad_json_line_never_stops_an_ingest(tmp_path: Path, name: str) -> None:
    p = tmp_path / "feed.jsonl"
    p.write_bytes(_lines(BAD_LINES[name]))
    got = list(read_paths([p]))
    arts = [a for a in got if isinstance(a, Article)]
    errs = [e for e in got if isinstance(e, IngestError)]
    kept = [a.text for a in arts]
    for g in GOOD:
        assert g["text"] in kept, name  # the records around the bad ones
    if name == "long date":  # not an error: the date is not read, the article is undated
        assert not errs and all(a.date in (None, "2019-03-04") for a in arts)
        return
    if name == "wrong types" or name == "huge title":
        assert [e.line for e in errs] == [2, 4]
    else:
        assert [e.line for e in errs] == [2, 4], (name, errs)
    for e in errs:
        assert str(e).startswith(f"{p}:") and "\n" not in str(e)


@pytest.mark.parametrize("name", ["surrogate", "deep", "huge int"])
def test_the_batch_around_a_bad_line_is_stored_and_a_rerun_goes_on(tmp_path: Path, name: str) -> None:
    p = tmp_path / "feed.jsonl"
    p.write_bytes(_lines(BAD_LINES[name]))
    db = tmp_path / "s.duckdb"
    with Store(db) as st:
        rep = ingest_articles(read_paths([p]), st, IngestReport(), coder=_never_code)
        assert rep.stored_new == 3 and len(rep.errors) == 2
        again = ingest_articles(read_paths([p]), st, IngestReport(), coder=_never_code)
        assert again.stored_new == 0 and again.already_present == 3 and len(again.errors) == 2
        assert st.con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (3, 3)


def test_jsonl_whose_first_line_is_an_array_is_read_line_by_line(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps([GOOD[0], GOOD[1]]) + "\n" + json.dumps(GOOD[2]) + "\n{broken\n")
    got = list(read_paths([p]))
    arts = [a for a in got if isinstance(a, Article)]
    assert [a.text for a in arts] == [g["text"] for g in GOOD]
    assert [a.path for a in arts] == [f"{p}:1#1", f"{p}:1#2", f"{p}:2"]
    (err,) = [e for e in got if isinstance(e, IngestError)]
    assert err.line == 3 and "malformed JSON" in err.message


def test_a_long_date_is_never_given_to_dateparser(monkeypatch: pytest.MonkeyPatch) -> None:
    import dateparser

    calls: list[int] = []
    real = dateparser.parse

    def spy(s, *a, **k):  # type: ignore[no-untyped-def]
        calls.append(len(s))
        return real(s, *a, **k)

    monkeypatch.setattr(dateparser, "parse", spy)
    assert readers.parse_date("March 4, 2019") == "2019-03-04"
    assert readers.parse_date("March 4, 2019 " * 10_000) is None
    assert readers.parse_date({"year": 2019}) is None and readers.parse_date([2019]) is None
    assert calls and max(calls) <= readers.MAX_DATE_CHARS


def test_limits_are_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "n.jsonl"
    nested = {"text": "Japan and China held talks, officials said.", "meta": {"a": {"b": {"c": 1}}}}
    p.write_text(json.dumps(nested) + "\n")
    assert [type(x) for x in read_paths([p])] == [Article]
    monkeypatch.setattr(readers, "MAX_JSON_DEPTH", 3)
    (err,) = list(read_paths([p]))
    assert isinstance(err, IngestError) and "deeper than 3 levels" in err.message
    monkeypatch.setattr(readers, "MAX_FIELD_CHARS", 10)
    q = tmp_path / "t.jsonl"
    q.write_text(json.dumps({"text": "Tokyo and Seoul met.", "title": "a title longer than ten"}) + "\n")
    (err2,) = list(read_paths([q]))
    assert isinstance(err2, IngestError) and "10-character limit" in err2.message


# ------------------------------------------------------------------------------------- hypothesis

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
    max_leaves=12)
records = st.dictionaries(st.sampled_from(["text", "title", "date", "url", "id", "source", "language", "x"]),
                          json_values, max_size=7)
bad_line = st.one_of(
    st.binary(max_size=200).map(lambda b: b.replace(b"\n", b" ")),
    records.map(lambda r: json.dumps(r).encode()),
    st.text(max_size=200).map(lambda t: t.replace("\n", " ").encode("utf-8", "surrogatepass")),
    st.sampled_from([v.encode() for v in BAD_LINES.values()]),
)


@FUZZ
@given(bad=st.lists(bad_line, min_size=1, max_size=4), suffix=st.sampled_from([".jsonl", ".json", ".ndjson"]))
def test_any_json_lines_keep_the_good_records(bad: list[bytes], suffix: str) -> None:
    good = [json.dumps(g).encode() for g in GOOD]
    lines = [good[0], *bad[:2], good[1], *bad[2:], good[2]]
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"x{suffix}"
        p.write_bytes(b"\n".join(lines) + b"\n")
        got = list(read_paths([p]))
    texts = [a.text for a in got if isinstance(a, Article)]
    for g in GOOD:
        assert g["text"] in texts
    for e in got:
        if isinstance(e, IngestError):
            assert "\n" not in str(e) and str(e).startswith(str(p))


@FUZZ
@given(data=st.binary(max_size=3000), name=st.sampled_from(
    ["a.txt", "a.html", "a.json", "a.jsonl", "a.rss", "a.xml", "a.atom", "a.warc", "a.warc.gz", "a.urls", "a.pdf",
     "noext"]))
def test_any_bytes_under_any_name_give_articles_or_messages(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / name
        p.write_bytes(data)
        for item in read_paths([p]):
            assert isinstance(item, (Article, IngestError))
            if isinstance(item, IngestError):
                assert "\n" not in str(item)
    for item in read_paths(["-"], stdin=io.BytesIO(data)):
        assert isinstance(item, (Article, IngestError))


feed_text = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=80)


@FUZZ
@given(items=st.lists(st.tuples(feed_text, feed_text, feed_text, feed_text), max_size=5),
       cut=st.integers(min_value=0, max_value=2000), junk=st.binary(max_size=50))
def test_any_feed_even_cut_or_with_junk(items: list[tuple[str, str, str, str]], cut: int, junk: bytes) -> None:
    from xml.sax.saxutils import escape

    body = "".join(f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(g)}</guid>"
                   f"<pubDate>{escape(dt)}</pubDate><description>Japan and China held talks on {escape(t)}, officials "
                   "said.</description></item>" for t, link, g, dt in items)
    doc = f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>W</title>{body}</channel></rss>"
    raw = doc.encode("utf-8")
    for data in (raw, raw[:cut] + junk):
        with tempfile.TemporaryDirectory() as d:
            p = Path(d) / "f.rss"
            p.write_bytes(data)
            got = list(read_paths([p]))
        assert all(isinstance(x, (Article, IngestError)) for x in got)
        ids = [a.id for a in got if isinstance(a, Article)]
        assert len(ids) == len(set(ids))  # deduplicated by guid, link and content


@settings(max_examples=max(8, EXAMPLES // 6), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(bad=st.lists(bad_line, min_size=1, max_size=3))
def test_ingest_twice_stores_each_good_record_once(bad: list[bytes], tmp_path_factory) -> None:
    d = tmp_path_factory.mktemp("ing")
    p = d / "x.jsonl"
    good = [json.dumps(g).encode() for g in GOOD]
    p.write_bytes(b"\n".join([good[0], *bad, good[1], good[2]]) + b"\n")
    with Store(d / "s.duckdb") as st:
        first = ingest_articles(read_paths([p]), st, IngestReport(), coder=_never_code)
        n = st.con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
        second = ingest_articles(read_paths([p]), st, IngestReport(), coder=_never_code)
        assert st.con.execute("SELECT count(*) FROM articles").fetchone()[0] == n[0]
    assert n[0] == n[1] and first.stored_new == n[0] >= 3 and second.stored_new == 0


def test_a_real_ingest_with_the_coder_around_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(_lines(BAD_LINES["surrogate"]).replace(b"\n", b"\n" + BAD_LINES["huge int"].encode() + b"\n", 1))
    db = tmp_path / "c.duckdb"
    rep = ingest_paths([p], db=db)
    assert rep.stored_new == 3 and len(rep.errors) == 3 and rep.events_stored > 0
    again = ingest_paths([p], db=db)
    assert again.stored_new == 0 and again.events_stored == 0
