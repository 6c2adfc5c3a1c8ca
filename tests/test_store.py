"""The DuckDB store: articles, events, event_dyads, filters, migrations, synthetic data."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dyadwatch.events import Actor, Event
from dyadwatch.ingest.article import Article
from dyadwatch.store import Store, dyad_pairs
from dyadwatch.store.schema import MIGRATIONS, SCHEMA_VERSION
from dyadwatch.store.synthetic import load_synthetic, synthetic_columns

TEXT = ("Canada's foreign minister visited Mexico City on Monday. Protesters in Lima blocked a road. "
        "Chile and Peru accused Bolivia of stalling talks.")


def article_and_events() -> tuple[Article, list[Event]]:
    art = Article(text=TEXT, title="Three things", url="https://example.org/a", date="2024-05-06",
                  source="example", language="en", path="a.txt")
    visit = Event(story_id=art.id, event="consult", mode="visit", actor=[Actor("CAN", "GOV", "Canada", 0, 6)],
                  recipient=[Actor("MEX", None, "Mexico City", 34, 45)], date="2024-05-06", cameo="042",
                  event_text=TEXT[:56], sentence_index=0, sentence_start=0, trigger="visited",
                  trigger_start=26, trigger_end=33, confidence=0.9)
    protest = Event(story_id=art.id, event="PROTEST", mode="obstruct", actor=[Actor("PER", "CVL", "Protesters")],
                    date=None, date_precision="undated", sentence_index=1, trigger="blocked")
    accuse = Event(story_id=art.id, event="ACCUSE", actor=[Actor("CHL"), Actor("PER")],
                   recipient=[Actor("BOL"), Actor("PER")], date="2024-05", date_precision="month",
                   modality="claimed", sentence_index=2, trigger="accused")
    return art, [visit, protest, accuse]


@pytest.fixture
def store(db_file: Path):
    with Store(db_file) as s:
        yield s


def test_dyad_pairs():
    assert dyad_pairs(["USA"], ["PRK"]) == [("USA", "PRK")]
    assert dyad_pairs(["USA"], []) == [("USA", None)]
    assert dyad_pairs(["USA"], ["USA"]) == [("USA", "USA")]  # a single actor keeps its self pair
    assert dyad_pairs(["CHL", "PER"], ["BOL", "PER"]) == [("CHL", "BOL"), ("CHL", "PER"), ("PER", "BOL")]
    assert dyad_pairs([None, "FRA", "FRA"], [None]) == [("FRA", None)]


def test_add_article_is_idempotent_and_fills_tables(store: Store):
    art, events = article_and_events()
    assert store.add_article(art, events) is True
    assert store.add_article(art, events) is False
    assert store.counts() == {"articles": 1, "events": 3, "dyads": 5, "by_origin": {"dyadwatch": 3}}
    rows = store.con.execute("SELECT source, target, event, modality, date FROM event_dyads ORDER BY ALL").fetchall()
    assert [r[:3] for r in rows] == [("CAN", "MEX", "CONSULT"), ("CHL", "BOL", "ACCUSE"), ("CHL", "PER", "ACCUSE"),
                                     ("PER", "BOL", "ACCUSE"), ("PER", None, "PROTEST")]
    assert str(rows[1][4]) == "2024-05-01" and rows[4][4] is None


def test_event_and_article_records(store: Store):
    art, events = article_and_events()
    store.add_article(art, events)
    e = store.event(events[0].id)
    assert e["actor"] == [{"code": "CAN", "sector": "GOV", "entity_text": "Canada", "start": 0, "end": 6}]
    assert e["recipient"][0]["code"] == "MEX"
    assert e["evidence"]["trigger"] == {"text": "visited", "start": 26, "end": 33}
    assert TEXT[e["evidence"]["trigger"]["start"]:e["evidence"]["trigger"]["end"]] == "visited"
    assert e["plover_score"] == 4.0 and e["quad_code"] == 1 and e["goldstein"] == pytest.approx(1.9)
    assert e["date"] == "2024-05-06" and e["context"] == []
    assert store.event("no-such-id") is None
    a = store.article(art.id)
    assert a["title"] == "Three things" and a["date"] == "2024-05-06" and a["n_events"] == 3 and a["coded"]
    assert [x["event"] for x in a["events"]] == ["CONSULT", "PROTEST", "ACCUSE"]
    assert store.article("nope") is None
    assert list(store.articles(limit=10)["id"]) == [art.id]


def test_filters(store: Store):
    art, events = article_and_events()
    store.add_article(art, events)
    assert store.count_events() == 3
    assert store.count_events(actor="PER") == 2  # any actor of the compound event counts
    assert store.count_events(recipient="PER") == 1
    assert store.count_events(actor="chl", recipient="BOL") == 1
    assert store.count_events(actor="CAN", recipient="BOL") == 0
    assert store.count_events(type="consult") == 1
    assert store.count_events(type=["CONSULT", "ACCUSE"]) == 2
    assert store.count_events(modality="asserted") == 2
    assert store.count_events(since="2024-05-02") == 1
    assert store.count_events(until="2024-05-02") == 1
    assert store.count_events(origin="gdelt") == 0
    assert store.count_events(story_id=art.id) == 3
    df = store.events(order="-date")
    assert list(df["event"]) == ["CONSULT", "ACCUSE", "PROTEST"]  # undated last
    assert len(store.events(limit=1, offset=1)) == 1
    with pytest.raises(ValueError):
        store.events(order="date; DROP TABLE events")
    # pages of actor queries (read through event_dyads) agree with the full query
    for order in ("date", "-date"):
        full = list(store.events(actor="PER", order=order)["id"])
        assert list(store.events(actor="PER", order=order, limit=10)["id"]) == full
        assert list(store.events(actor="PER", order=order, limit=1, offset=1)["id"]) == full[1:2]
    assert list(store.events(actor="PER", type="ACCUSE", limit=5)["event"]) == ["ACCUSE"]
    assert store.events(actor="XXX", limit=5).empty and "actor" in store.events(actor="XXX", limit=5).columns
    actors = store.actors().set_index("code")
    assert actors.loc["PER", "n_actor"] == 2 and actors.loc["PER", "n_recipient"] == 1
    assert actors.loc["MEX", "n_actor"] == 0


def test_add_events_skips_known_ids(store: Store):
    _, events = article_and_events()
    assert store.add_events(events[:2], batch_size=1) == 2
    assert store.add_events(events + events) == 1
    assert store.counts()["events"] == 3
    assert store.con.execute("SELECT count(*) FROM event_dyads").fetchone()[0] == 5


def test_read_only(db_file: Path):
    art, events = article_and_events()
    with Store(db_file) as s:
        s.add_article(art, events)
    with Store(db_file, read_only=True) as ro:
        assert ro.count_events() == 3
        with pytest.raises(PermissionError):
            ro.add_events(events)
        with pytest.raises(duckdb.Error, match="read-only"):
            ro.con.execute("DELETE FROM events")
    with pytest.raises(FileNotFoundError):
        Store(db_file.parent / "absent.duckdb", read_only=True)


def test_migrates_a_version_1_database(db_file: Path):
    con = duckdb.connect(str(db_file))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP DEFAULT current_timestamp)")
    for stmt in MIGRATIONS[1]:
        con.execute(stmt)
    con.execute("INSERT INTO schema_version (version) VALUES (1)")
    con.execute("INSERT INTO events (id, event, actor_code, origin) VALUES ('old1', 'AID', 'JPN', 'dyadwatch')")
    con.close()
    with pytest.raises(RuntimeError):
        Store(db_file, read_only=True)  # too old to read without migrating
    with Store(db_file) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.event("old1")["event"] == "AID"
        versions = [v for (v,) in s.con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()]
        assert versions == list(range(1, SCHEMA_VERSION + 1))
        _, events = article_and_events()
        assert s.add_events(events) == 3
    with Store(db_file, read_only=True) as ro:
        assert ro.count_events() == 4


def test_synthetic_data(store: Store):
    cols = synthetic_columns(5000, seed=1)
    assert len(set(cols["actor"])) > 30
    top = max(set(cols["actor"]), key=list(cols["actor"]).count)
    assert list(cols["actor"]).count(top) > 5000 / 20  # skewed towards a few actors
    assert load_synthetic(store, 3000, seed=2, chunk=1000) == 3000
    assert load_synthetic(store, 3000, seed=2, chunk=1000) == 0  # same seed: same events
    c = store.counts()
    assert c["events"] == 3000 and c["by_origin"] == {"synthetic": 3000}
    span = store.con.execute("SELECT max(date) - min(date) FROM events").fetchone()[0]
    assert span > 3 * 365
    n_types = store.con.execute("SELECT count(DISTINCT event) FROM events").fetchone()[0]
    assert n_types >= 12
    before = store.con.execute("SELECT source, target, count(*) FROM event_dyads GROUP BY ALL ORDER BY ALL").fetchall()
    some = store.events(actor="USA", recipient="PRK", limit=20, order="-date")
    assert len(some) == 20
    store.optimize()
    after = store.con.execute("SELECT source, target, count(*) FROM event_dyads GROUP BY ALL ORDER BY ALL").fetchall()
    assert before == after
    assert store.counts()["events"] == 3000
    assert store.events(actor="USA", recipient="PRK", limit=20, order="-date").equals(some)
    first = some["id"][0]
    assert store.event(first)["id"] == first


def test_add_articles_is_one_transaction_and_skips_known(tmp_path):
    from dyadwatch.events import Actor, Event
    from dyadwatch.ingest.article import Article
    from dyadwatch.store import Store

    def item(text, code):
        a = Article(text=text, date="2019-05-01")
        return a, [Event(story_id=a.id, event="CONSULT", actor=[Actor("USA")], recipient=[Actor(code)])], True

    with Store(tmp_path / "b.duckdb") as s:
        first = item("Washington met Seoul.", "KOR")
        assert s.add_articles([first]) == [True]
        second, third = item("Washington met Tokyo.", "JPN"), item("Washington met Beijing.", "CHN")
        assert s.add_articles([first, second, second, third]) == [False, True, False, True]
        assert s.con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 3
        assert s.con.execute("SELECT count(*) FROM events").fetchall()[0][0] == 3
        assert sorted(r[0] for r in s.con.execute("SELECT target FROM event_dyads").fetchall()) == \
            ["CHN", "JPN", "KOR"]
        # a batch that fails half-way leaves nothing of itself behind
        bad_article = Article(text="Washington met Moscow.", date="2019-05-02")
        broken = (bad_article, [Event(story_id=bad_article.id, event="CONSULT", actor=[Actor("USA")])], True)
        bad_article.id = None  # the articles table refuses a NULL key, after `fine` went in
        fine = item("Washington met Ottawa.", "CAN")
        with pytest.raises(duckdb.Error):
            s.add_articles([fine, broken])
        assert s.con.execute("SELECT count(*) FROM articles").fetchall()[0][0] == 3
        assert s.con.execute("SELECT count(*) FROM events").fetchall()[0][0] == 3


@pytest.mark.parametrize("scan_groups", [0, 10])  # point lookups, one scan of the id column
def test_event_pages_as_records_match_the_frame(store: Store, monkeypatch, scan_groups: int):
    """`Store.events(as_="records")` (what the API sends) holds the same rows, in the same order
    and with the same values, as the DataFrame, whichever way the page's rows are fetched."""
    from dyadwatch.store import core
    from dyadwatch.web.queries import records

    art, events = article_and_events()
    store.add_article(art, events)
    load_synthetic(store, 2000, seed=5, chunk=500)
    monkeypatch.setattr(core, "_SCAN_ROW_GROUPS", scan_groups)
    for kw in ({"actor": "USA"}, {"recipient": ["PRK", "MEX"]}, {"actor": "PER", "order": "date"},
               {"type": "CONSULT", "limit": 7, "offset": 3}, {"actor": "CHL", "modality": "claimed"}):
        kw = {"limit": 30, "order": "-date", **kw}
        frame = store.events(**kw)
        rows = store.events(as_="records", **kw)
        assert isinstance(rows, list) and len(rows) == len(frame) > 0
        assert [r["id"] for r in rows] == list(frame["id"])
        assert records(rows) == records(frame)
    assert store.events(actor="NOBODY", as_="records") == []
    own = store.events(story_id=art.id, as_="records", limit=None)
    assert {r["event"] for r in own} == {"CONSULT", "PROTEST", "ACCUSE"}
    assert store.query("SELECT count(*) AS n FROM events", as_="records") == [{"n": 2003}]


@pytest.mark.parametrize("scan_groups", [0, 10])
def test_dyad_event_page_is_the_events_between_the_two(store: Store, monkeypatch, scan_groups: int):
    """The API's dyad page (ids from event_dyads, then rows by id) gives what a plain query over
    `events` gives: the same total, rows, order and values, for filters and deep offsets."""
    from dyadwatch.store import core
    from dyadwatch.web.queries import dyad_event_page, records

    art, events = article_and_events()
    store.add_article(art, events)
    load_synthetic(store, 3000, seed=9, chunk=1000)
    monkeypatch.setattr(core, "_SCAN_ROW_GROUPS", scan_groups)
    cases = [("USA", "PRK", {}), ("PER", "BOL", {}), ("USA", "CHN", {"type": ["ASSAULT", "CONSULT"], "offset": 3}),
             ("USA", "RUS", {"since": "2019-01-01", "until": "2022-06-30", "limit": 9}),
             ("USA", "PRK", {"modality": ["asserted"], "offset": 40, "limit": 7}), ("XXX", "YYY", {})]
    for a, b, kw in cases:
        cond = ("merged_into IS NULL AND id IN (SELECT event_id FROM event_dyads WHERE (source = ? AND target = ?) "
                "OR (source = ? AND target = ?))")
        params: list = [a, b, b, a]
        for col, key in (("event", "type"), ("modality", "modality")):
            if kw.get(key):
                cond += f" AND {col} IN ({', '.join('?' * len(kw[key]))})"
                params += kw[key]
        for op, key in ((">=", "since"), ("<=", "until")):
            if kw.get(key):
                cond += f" AND date {op} ?"
                params.append(kw[key])
        want_total = store.con.execute(f"SELECT count(*) FROM events WHERE {cond}", params).fetchone()[0]
        want = store.con.execute(f"SELECT * FROM events WHERE {cond} ORDER BY date DESC NULLS LAST, id "
                                 f"LIMIT {kw.get('limit', 50)} OFFSET {kw.get('offset', 0)}", params).df()
        total, rows = dyad_event_page(store, a, b, **kw, as_="records")
        assert total == want_total, (a, b, kw)
        assert records(rows) == records(want), (a, b, kw)
        assert records(dyad_event_page(store, a, b, **kw)[1]) == records(want)
    assert dyad_event_page(store, "PER", "BOL")[0] == 1  # the joint accusation, once
