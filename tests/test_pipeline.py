"""ingest -> code -> store: idempotence, languages, undated articles, debris, stored event fields."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from dyadwatch.events import EVENT_TYPES, MODALITIES, QUAD, plover_score
from dyadwatch.ingest import Article, read_paths
from dyadwatch.pipeline import IngestReport, ingest_articles, ingest_paths, sample_dir
from dyadwatch.store import Store

HEADLINES = [
    "Seoul accuses Pyongyang of border attack",
    "China imposes sanctions on Japan",
    "Tokyo expels Russian diplomats",
]

ARTICLES = {
    "talks.txt": """Date: 2019-06-03
Title: Ministers hold talks in Tokyo
Source: Test Wire

TOKYO, June 3 (Test Wire) - Japan and South Korea held talks in Tokyo on Monday, officials said.

The Japanese foreign minister urged North Korea to return to negotiations.
""",
    "debris.txt": f"""Date: 2019-06-04

Pyongyang fires missiles
Pyongyang fires missiles

SEOUL, June 4 (Test Wire) - North Korea fired two missiles into the sea on Tuesday, South Korea's
military said.
© Lantern Images
Share this article
Rosa MendezRosa Mendez
{HEADLINES[0]}
{HEADLINES[1]}
{HEADLINES[2]}
MORE
Japan protested to North Korea through its embassy in Beijing.
""",
    "undated.txt": "Officials said South Korea and Japan agreed to hold talks on trade next month.\n",
    "fr.txt": """Date: 2019-06-05

Le gouvernement japonais a protesté mardi contre le tir de missiles nord-coréens, selon un porte-parole.
""",
}


def write_corpus(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    inline = ("SEOUL, June 6 (Test Wire) - South Korea accused North Korea of violating the truce "
              "on Thursday. "
              "Ana LimaAna Lima " + " ".join(HEADLINES) + " MORE The United States urged restraint.")
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "f1", "text": inline, "date": "2019-06-06", "source": "Feed"}) + "\n"
        + "{broken json\n", encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("pipe")
    folder = root / "news"
    write_corpus(folder)
    db = root / "p.duckdb"
    first = ingest_paths([folder], db=db)
    with Store(db) as s:
        counts1 = s.counts()
        ids1 = sorted(s.con.execute("SELECT id FROM events").fetchall())
    second = ingest_paths([folder], db=db)
    with Store(db) as s:
        counts2 = s.counts()
        ids2 = sorted(s.con.execute("SELECT id FROM events").fetchall())
    return {"db": db, "folder": folder, "first": first, "second": second, "counts1": counts1,
            "counts2": counts2, "ids1": ids1, "ids2": ids2}


def test_first_run_counts(corpus: dict) -> None:
    r: IngestReport = corpus["first"]
    assert r.read == 5 and r.stored_new == 5 and r.already_present == 0
    assert r.not_coded == 1 and r.languages == {"en": 4, "fr": 1}
    assert r.undated == 1
    assert len(r.errors) == 1 and r.errors[0].endswith("feed.jsonl:2: malformed JSON "
                                                       "(Expecting property name enclosed in double quotes "
                                                       "at column 2)")
    assert corpus["counts1"]["articles"] == 5
    assert corpus["counts1"]["events"] == r.events_stored > 0


def test_reingest_changes_nothing(corpus: dict) -> None:
    r: IngestReport = corpus["second"]
    assert r.stored_new == 0 and r.events_stored == 0 and r.already_present == 5
    assert corpus["counts2"] == corpus["counts1"]
    assert corpus["ids2"] == corpus["ids1"]
    assert len(set(corpus["ids1"])) == len(corpus["ids1"])


def test_non_english_stored_not_coded(corpus: dict) -> None:
    with Store(corpus["db"]) as s:
        row = s.con.execute(
            "SELECT language, coded, n_events, id FROM articles WHERE path LIKE '%fr.txt'").fetchone()
        assert row[:3] == ("fr", False, 0)
        assert s.con.execute("SELECT count(*) FROM events WHERE story_id = ?", [row[3]]).fetchone()[0] == 0


def test_undated_article_events_are_undated(corpus: dict) -> None:
    with Store(corpus["db"]) as s:
        aid, date = s.con.execute("SELECT id, date FROM articles WHERE path LIKE '%undated.txt'").fetchone()
        assert date is None
        rows = s.con.execute("SELECT date, date_precision FROM events WHERE story_id = ?", [aid]).fetchall()
        assert rows, "the undated article should still be coded"
        assert all(d is None and p == "undated" for d, p in rows)


def test_no_event_from_related_story_headlines(corpus: dict) -> None:
    from dyadwatch.coding import code_text

    # the headlines are codable text: were they left in, the coder would find events in them
    assert any(code_text(h + ".", date="2019-06-04") for h in HEADLINES)
    with Store(corpus["db"]) as s:
        texts = [t for (t,) in s.con.execute("SELECT text FROM articles").fetchall()]
        sentences = [t or "" for (t,) in s.con.execute("SELECT event_text FROM events").fetchall()]
    for h in HEADLINES:
        assert not any(h in t for t in texts)
        assert not any(h in t for t in sentences)
    for junk in ("Lantern Images", "Share this article", "Rosa Mendez", "Ana Lima", "MORE"):
        assert not any(junk in t for t in texts)
    # the real sentences around the debris are still there
    assert any("Japan protested to North Korea" in t for t in texts)
    assert any("The United States urged restraint." in t for t in texts)


def test_stored_event_fields(corpus: dict) -> None:
    with Store(corpus["db"]) as s:
        arts = {r[0]: r for r in s.con.execute("SELECT id, text, date FROM articles").fetchall()}
        df = s.events()
        dyads = s.con.execute("SELECT count(*) FROM event_dyads").fetchone()[0]
    assert len(df) > 0 and dyads >= len(df)
    for row in df.to_dict("records"):
        assert row["story_id"] in arts
        text, date = arts[row["story_id"]][1], arts[row["story_id"]][2]
        assert row["event"] in EVENT_TYPES
        assert row["quad_code"] == QUAD[row["event"]]
        assert row["plover_score"] == plover_score(row["event"], row["mode"])
        assert row["modality"] in MODALITIES
        assert 0.0 <= row["confidence"] <= 1.0
        assert row["origin"] == "dyadwatch"
        actors = json.loads(row["actor"])
        assert actors and actors[0]["code"] == row["actor_code"]
        ev = json.loads(row["evidence"])
        trig = ev["trigger"]
        assert text[trig["start"]:trig["end"]] == trig["text"]
        for span in ev["actor"]:
            if span["start"] is not None:
                assert text[span["start"]:span["end"]] == span["text"]
        assert row["event_text"] and row["event_text"].strip() in text
        if date is not None:
            assert row["date"] is not None and abs((row["date"].date() - date).days) <= 366


def test_interrupted_run_leaves_whole_articles(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write_corpus(folder)
    db = tmp_path / "i.duckdb"

    def dies_midway() -> Iterator:
        for k, item in enumerate(read_paths([folder])):
            if k == 3:
                raise KeyboardInterrupt
            yield item

    with Store(db) as s:
        with pytest.raises(KeyboardInterrupt):
            ingest_articles(dies_midway(), s, batch_size=1)
        partial = s.con.execute("SELECT count(*) FROM articles").fetchone()[0]
        # every stored article has all its events
        bad = s.con.execute("SELECT count(*) FROM articles a WHERE n_events != "
                            "(SELECT count(*) FROM events e WHERE e.story_id = a.id)").fetchone()[0]
        assert 0 < partial < 5 and bad == 0
    report = ingest_paths([folder], db=db)
    assert report.stored_new == 5 - partial and report.already_present == partial
    with Store(db) as s:
        assert s.counts()["articles"] == 5


def test_stdin_and_duplicates_in_one_run(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    line = json.dumps({"text": "Japan and South Korea agreed on Monday to hold more talks, officials said.",
                       "date": "2019-01-07"})
    report = ingest_paths(["-"], db=db, stdin=io.BytesIO((line + "\n" + line + "\n").encode()))
    assert report.read == 2 and report.stored_new == 1 and report.already_present == 1
    with Store(db) as s:
        assert s.counts()["articles"] == 1


def test_default_date_and_source_reach_the_store(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text("China urged Japan to show restraint on Friday, a spokesman said.\n")
    db = tmp_path / "d.duckdb"
    ingest_paths([p], db=db, source="My Feed", date="2018-02-02", progress=True)
    with Store(db) as s:
        src, date = s.con.execute("SELECT source, CAST(date AS VARCHAR) FROM articles").fetchone()
        assert (src, date) == ("My Feed", "2018-02-02")
        dates = {d for (d,) in s.con.execute("SELECT CAST(date AS VARCHAR) FROM events").fetchall()}
        assert dates <= {"2018-02-02", None} or all(d.startswith("2018") for d in dates if d)


def test_sample_corpus_is_bundled() -> None:
    folder = sample_dir()
    files = [f for f in folder.rglob("*") if f.is_file()]
    exts = {f.suffix for f in files}
    assert {".txt", ".html", ".jsonl"} <= exts
    items = list(read_paths([folder]))
    arts = [a for a in items if isinstance(a, Article)]
    assert len(arts) >= 30 and len(arts) == len(items)
    years = {a.date[:4] for a in arts if a.date}
    assert years == {"2017", "2018", "2019", "2020"}
    assert any(a.language != "en" for a in arts)


def test_too_long_to_code_is_an_error_not_an_empty_article(tmp_path: Path) -> None:
    from dyadwatch.pipeline import MAX_CODED_CHARS

    long_text = "Officials in Seoul said the talks with Japan went well on Monday. "
    (tmp_path / "long.txt").write_text(long_text * (MAX_CODED_CHARS // len(long_text) + 10))
    (tmp_path / "short.txt").write_text("China urged Japan to show restraint, a spokesman said on Friday.\n")
    db = tmp_path / "l.duckdb"
    report = ingest_paths([tmp_path / "long.txt", tmp_path / "short.txt"], db=db)
    assert report.stored_new == 1 and len(report.errors) == 1
    assert "long.txt" in report.errors[0] and "too long" in report.errors[0]
    with Store(db) as s:
        assert s.counts()["articles"] == 1


# -- one happening, several outlets: one event ---------------------------------------------------------

OUTLET_STORIES = [
    {"id": "o1", "source": "Harbour Wire", "date": "2024-03-04", "url": "https://harbour.example/1",
     "title": "Russian shelling hits Kharkiv",
     "text": "Russian forces shelled Kharkiv on Monday, killing three civilians and damaging a school, the "
             "regional governor said. Emergency crews worked through the night to clear debris."},
    {"id": "o2", "source": "Meridian News", "date": "2024-03-04", "url": "https://meridian.example/2",
     "title": "Three dead in Kharkiv",
     "text": "Russia shelled the Ukrainian city of Kharkiv on Monday, regional officials said, leaving three "
             "people dead. Residents sheltered in basements as sirens sounded for several hours."},
    {"id": "o3", "source": "Daily Ledger", "date": "2024-03-05", "url": "https://ledger.example/3",
     "title": "Kharkiv counts the cost",
     "text": "Russian artillery shelled Kharkiv on Monday, Ukrainian officials said. Workers on Tuesday began "
             "repairing the roof of the damaged school."},
    {"id": "o4", "source": "Coast Times", "date": "2024-03-04", "url": "https://coast.example/4",
     "title": "Odesa port struck",
     "text": "Russian forces shelled Odesa on Monday, hitting warehouses near the port, Ukraine's southern "
             "command said. No casualties were reported."},
]


def _events_by_happening(db: Path) -> dict:
    with Store(db, read_only=True) as s:
        rows = s.con.execute(
            "SELECT e.id, e.num_sources, e.num_articles, e.outlets, list(a.raw_id ORDER BY a.raw_id) "
            "FROM events e JOIN events r ON coalesce(r.merged_into, r.id) = e.id JOIN articles a ON a.id = r.story_id "
            "WHERE e.merged_into IS NULL AND e.event = 'ASSAULT' GROUP BY ALL").fetchall()
    return {tuple(r[4]): (r[0], r[1], r[2], tuple(sorted(r[3]))) for r in rows}


def test_one_shelling_from_three_outlets_is_one_event(tmp_path: Path) -> None:
    lines = [json.dumps(rec) for rec in OUTLET_STORIES]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    got = {}
    for name in ("a", "b"):
        db = tmp_path / f"{name}.duckdb"
        ingest_paths([tmp_path / f"{name}.jsonl"], db=db)
        assert ingest_paths([tmp_path / f"{name}.jsonl"], db=db).stored_new == 0
        got[name] = _events_by_happening(db)
    kharkiv = got["a"][("o1", "o2", "o3")]
    assert kharkiv[1:] == (3, 3, ("Daily Ledger", "Harbour Wire", "Meridian News"))
    assert got["a"][("o4",)][1:] == (1, 1, ("Coast Times",))  # the same day, another town: another event
    assert got["a"] == got["b"]  # the same events, ids included, whatever the order
    with Store(tmp_path / "a.duckdb", read_only=True) as s:
        assert s.count_events(type="ASSAULT") == 2 and s.count_events(type="ASSAULT", reports=True) == 4
        assert s.con.execute("SELECT count(*) FROM event_dyads WHERE event = 'ASSAULT'").fetchone()[0] == 2
