"""Events as the store keeps them: joint acts as both directed pairs and never a self-dyad, compound
sides as lists expanded to pairs in flat rows, domestic events kept; stores of schema 3 migrated;
a kill -9 in the middle of an ingest loses and duplicates nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb

from dyadwatch.events import Actor, Event, joint_pairs
from dyadwatch.ingest.article import Article
from dyadwatch.store import Store
from dyadwatch.store.schema import MIGRATIONS, SCHEMA_VERSION

TEXT = ("Japan and Australia signed a defence pact on Friday. The US and Japan warned China on Monday. "
        "Sudan's army arrested protesters in Khartoum.")


def _article(text: str = TEXT, source: str = "Harbour Wire", url: str = "https://example.org/pact") -> Article:
    return Article(text=text, title="Pact", url=url, date="2024-03-08", source=source, language="en", path="a.txt")


def _events(art: Article) -> list[Event]:
    pact = Event(story_id=art.id, event="SUPPORT", actor=[Actor("JPN", "GOV", "Japan", 0, 5), Actor("AUS", "GOV",
                 "Australia", 10, 19)], recipient=[Actor("JPN", "GOV", "Japan", 0, 5), Actor("AUS", "GOV", "Australia",
                                                                                               10, 19)],
                 date="2024-03-08", date_precision="day", cameo="057", sentence_index=0, trigger="signed",
                 trigger_start=20, event_text=TEXT[:52])
    warn = Event(story_id=art.id, event="THREATEN", actor=[Actor("USA", "GOV", "The US"), Actor("JPN", "GOV", "Japan")],
                 recipient=[Actor("CHN", "GOV", "China")], date="2024-03-04", sentence_index=1, trigger="warned",
                 trigger_start=70)
    arrest = Event(story_id=art.id, event="COERCE", actor=[Actor("SDN", "MIL", "Sudan's army")],
                   recipient=[Actor("SDN", "CVL", "protesters")], date="2024-03-08", sentence_index=2,
                   trigger="arrested", trigger_start=110)
    return [pact, warn, arrest]


def test_joint_pairs_split_only_joint_acts():
    art = _article()
    pact, warn, arrest = _events(art)
    pairs = joint_pairs(pact)
    assert [(e.actor[0].code, e.recipient[0].code) for e in pairs] == [("JPN", "AUS"), ("AUS", "JPN")]
    assert len({e.id for e in pairs}) == 2 and {e.joint_id for e in pairs} == {pact.id}
    assert joint_pairs(warn) == [warn] and joint_pairs(arrest) == [arrest]
    one_country = Event(story_id="s", event="ASSAULT", actor=[Actor("SDN", "MIL"), Actor("SDN", "REB")],
                        recipient=[Actor("SDN", "MIL"), Actor("SDN", "REB")])
    assert joint_pairs(one_country) == [one_country]  # parties of one country: domestic, kept


def test_joint_act_is_both_directed_pairs_and_never_a_self_dyad(db_file: Path):
    art = _article()
    with Store(db_file) as s:
        s.add_article(art, _events(art))
        rows = s.dyad_rows().to_dict("records")
        flat = sorted((r["actor_code"], r["recipient_code"], r["event"]) for r in rows)
        assert flat == [("AUS", "JPN", "SUPPORT"), ("JPN", "AUS", "SUPPORT"), ("JPN", "CHN", "THREATEN"),
                        ("SDN", "SDN", "COERCE"), ("USA", "CHN", "THREATEN")]
        # the flat columns of events never show a joint act as A -> A
        assert s.con.execute("SELECT count(*) FROM events WHERE joint_id IS NOT NULL AND actor_code = recipient_code"
                             ).fetchone()[0] == 0
        # a compound side stays a list in the record
        warn = s.events(type="THREATEN").to_dict("records")[0]
        assert [a["code"] for a in json.loads(warn["actor"])] == ["USA", "JPN"]
        assert s.con.execute("SELECT count(*) FROM event_dyads WHERE source = target").fetchone()[0] == 1  # SDN
        rec = s.event(s.events(type="SUPPORT").iloc[0]["id"])
        assert rec["joint_id"] and rec["source"] == "Harbour Wire" and rec["num_sources"] == 1


def test_mentions_are_kept_and_counted(db_file: Path):
    art = _article()
    pact = _events(art)[0]
    pact.mentions = [{"sentence_index": 0, "event_text": TEXT[:52]},
                     {"sentence_index": 3, "event_text": "The pact was signed after years of talks."}]
    assert pact.to_record()["mentions"][1]["sentence_index"] == 3 and pact.num_mentions == 2
    with Store(db_file) as s:
        s.add_article(art, [pact])
        rec = s.event(s.events().iloc[0]["id"])
        assert rec["num_mentions"] == 2 and len(rec["mentions"]) == 2
        other = _article("Japan and Australia signed a defence pact on Friday in Canberra.", "Meridian News",
                         "https://example.org/other")
        ev = Event(story_id=other.id, event="SUPPORT", actor=[Actor("JPN"), Actor("AUS")],
                   recipient=[Actor("JPN"), Actor("AUS")], date="2024-03-08", date_precision="day", cameo="057",
                   sentence_index=0, trigger_start=20)
        s.add_article(other, [ev])
        got = s.con.execute("SELECT actor_code, recipient_code, num_mentions, num_reports, num_sources FROM events "
                            "WHERE merged_into IS NULL ORDER BY 1").fetchall()
        assert got == [("AUS", "JPN", 3, 2, 2), ("JPN", "AUS", 3, 2, 2)]
        assert s.con.execute("SELECT sum(mentions) FROM report_dyads").fetchone()[0] == 6


def _schema3(db: Path) -> None:
    """A store as version 3 wrote it, with a joint act stored the old way (actor = recipient)."""
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP DEFAULT current_timestamp)")
    for v in (1, 2, 3):
        for stmt in MIGRATIONS[v]:
            con.execute(stmt)
        con.execute("INSERT INTO schema_version (version) VALUES (?)", [v])
    con.execute("INSERT INTO articles (id, text, url, date, source) VALUES ('a1', 'x', 'https://e.org/1', "
                "'2024-03-08', 'Harbour Wire')")
    both = json.dumps([{"code": "JPN", "sector": "GOV", "entity_text": "Japan"},
                       {"code": "AUS", "sector": None, "entity_text": "Australia"}])
    for eid, actor, recipient, a, r in (("old1", both, both, "JPN", "JPN"),
                                        ("old2", json.dumps([{"code": "SDN"}]), json.dumps([{"code": "SDN"}]), "SDN",
                                         "SDN")):
        con.execute("INSERT INTO events (id, story_id, date, date_precision, event, actor_code, recipient_code, actor, "
                    "recipient, modality, origin, cameo, evidence) VALUES (?, 'a1', '2024-03-08', 'day', 'SUPPORT', "
                    "?, ?, ?, ?, 'asserted', 'dyadwatch', '057', '{\"sentence_index\": 0}')",
                    [eid, a, r, actor, recipient])
    for src, tgt, eid in (("JPN", "AUS", "old1"), ("AUS", "JPN", "old1"), ("SDN", "SDN", "old2")):
        con.execute("INSERT INTO event_dyads VALUES (?, '2024-03-08', ?, ?, 'SUPPORT', 1, 5.0, 3.0, 'asserted', "
                    "'dyadwatch')", [eid, src, tgt])
    con.close()


def test_migration_splits_stored_joint_acts_and_fills_reports(db_file: Path):
    _schema3(db_file)
    with Store(db_file) as s:
        assert s.schema_version == SCHEMA_VERSION
        rows = s.con.execute("SELECT id, actor_code, recipient_code, joint_id, source, num_reports, num_sources, "
                             "merge_key IS NOT NULL, source_url FROM events ORDER BY actor_code").fetchall()
        assert [(r[1], r[2], r[3]) for r in rows] == [("AUS", "JPN", "old1"), ("JPN", "AUS", "old1"),
                                                      ("SDN", "SDN", None)]
        assert all(r[4] == "Harbour Wire" and r[5] == 1 and r[6] == 1 and r[7] and r[8] == "https://e.org/1"
                   for r in rows)
        dyads = sorted(s.con.execute("SELECT d.source, d.target, e.actor_code, e.recipient_code FROM event_dyads d "
                                     "JOIN events e ON e.id = d.event_id").fetchall())
        assert dyads == [("AUS", "JPN", "AUS", "JPN"), ("JPN", "AUS", "JPN", "AUS"), ("SDN", "SDN", "SDN", "SDN")]
        # a new report of the same act joins the migrated event
        art = _article("Japan and Australia signed a pact on Friday.", "Meridian News", "https://example.org/new")
        s.add_article(art, [Event(story_id=art.id, event="SUPPORT", actor=[Actor("JPN")], recipient=[Actor("AUS")],
                                  date="2024-03-08", date_precision="day", cameo="057")])
        assert s.con.execute("SELECT num_sources FROM events WHERE actor_code = 'JPN' AND merged_into IS NULL"
                             ).fetchall() == [(2,)]


CHILD = textwrap.dedent("""
    import sys
    from dyadwatch.events import Actor, Event
    from dyadwatch.ingest.article import Article
    from dyadwatch.store import Store

    def items(n):
        out = []
        for k in range(n):
            text = f"Story {k}: forces of side {k % 7} struck a town in case {k // 3}. " + "word " * (k % 50)
            art = Article(text=text, title=str(k), url=f"https://e.org/{k}", date=f"2024-03-{1 + k // 30 % 28:02d}",
                          source=f"Outlet {k % 5}", language="en", path="x")
            ev = Event(story_id=art.id, event="ASSAULT", actor=[Actor(f"A{k % 7:02d}")], recipient=[Actor("UKR")],
                       date=art.date, date_precision="day" if k % 2 else "publication", cameo="190",
                       event_text=text[:60], sentence_index=0, trigger_start=10)
            out.append((art, [ev], True))
        return out

    if __name__ == "__main__":
        db, n = sys.argv[1], int(sys.argv[2])
        its = items(n)
        with Store(db) as s:
            for k in range(0, n, 4):
                s.add_articles(its[k:k + 4])
                print(k, flush=True)
""")


def _check_whole(db: Path) -> dict:
    with Store(db) as s:
        con = s.con
        assert con.execute("SELECT count(*) - count(DISTINCT id) FROM events").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM articles a WHERE n_events != "
                           "(SELECT count(*) FROM events e WHERE e.story_id = a.id)").fetchone()[0] == 0
        # every event has its dyad rows, no report merged into another has any
        assert con.execute("SELECT count(*) FROM events e WHERE merged_into IS NULL AND NOT EXISTS "
                           "(SELECT 1 FROM event_dyads d WHERE d.event_id = e.id)").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM event_dyads d JOIN events e ON e.id = d.event_id "
                           "WHERE e.merged_into IS NOT NULL").fetchone()[0] == 0
        # the counts of every event are those of its reports
        assert con.execute("""SELECT count(*) FROM events e WHERE merged_into IS NULL AND num_reports !=
                              1 + (SELECT count(*) FROM events r WHERE r.merged_into = e.id)""").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM events r JOIN events e ON e.id = r.merged_into "
                           "WHERE e.merged_into IS NOT NULL").fetchone()[0] == 0
        return {eid: tuple(sorted(m)) for eid, m in con.execute(
            "SELECT coalesce(merged_into, id), list(id) FROM events GROUP BY 1").fetchall()}


def test_kill_9_during_ingest_loses_and_duplicates_nothing(tmp_path: Path):
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    n = 120
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    db = tmp_path / "k.duckdb"
    proc = subprocess.Popen([sys.executable, str(script), str(db), str(n)], stdout=subprocess.PIPE, text=True, env=env)
    for _ in range(8):  # let a few batches land, then kill it in the middle of the next ones
        assert proc.stdout.readline()
    time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _check_whole(db)
    assert partial
    # going on from where it died gives the events of one uninterrupted run
    for target in (db, tmp_path / "clean.duckdb"):
        subprocess.run([sys.executable, str(script), str(target), str(n)], env=env, capture_output=True, check=True)
    clean = tmp_path / "clean.duckdb"
    assert _check_whole(db) == _check_whole(clean)
