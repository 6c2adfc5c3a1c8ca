"""The main job's commands: `dyadwatch ingest`, `dyadwatch events`, `dyadwatch demo`."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.cli.ingest_cmds import _marked_sentence
from dyadwatch.store import Store

WIDE = {"COLUMNS": "220", "NO_COLOR": "1", "TERM": "dumb"}

STORY = """Date: 2018-03-12
Title: Envoys trade [bold]accusations[/bold]

SEOUL, March 12 (Test Wire) - North Korea accused the United States of plotting [red]war[/red] on Monday,
state media said.

The United States imposed new sanctions on North Korea, the Treasury said.
"""


def run(args: list[str], stdin: bytes | str | None = None):
    return CliRunner().invoke(app, args, input=stdin, env=WIDE, catch_exceptions=False)


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "news"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "empty.txt").write_text("")
    (folder / "feed.jsonl").write_text(
        json.dumps({"body": "Japan protested to North Korea over the missile launch, officials said.",
                    "published": "2019-05-10"}) + "\nnot json\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def db(news: Path) -> Path:
    path = news.parent / "cli.duckdb"
    r = run(["ingest", str(news), "--db", str(path), "--field", "text=body", "--field", "date=published"])
    assert r.exit_code == 1
    return path


def test_ingest_reports_errors_and_exit_code(news: Path, tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    r = run(["ingest", str(news), "--db", str(path), "--field", "text=body", "--field", "date=published"])
    assert r.exit_code == 1
    err_lines = r.stderr.strip().splitlines()
    assert len(err_lines) == 2
    assert any(ln.startswith(str(news / "empty.txt")) and "empty" in ln for ln in err_lines)
    assert any(ln.startswith(f"{news / 'feed.jsonl'}:2: malformed JSON") for ln in err_lines)
    assert "2 articles read: 2 new" in r.stdout and "2 errors" in r.stdout
    with Store(path) as s:
        n = s.counts()
    assert n["articles"] == 2 and n["events"] > 0
    again = run(["ingest", str(news), "--db", str(path), "--field", "text=body", "--field", "date=published"])
    assert "0 new" in again.stdout and "2 already stored" in again.stdout
    with Store(path) as s:
        assert s.counts() == n


def test_ingest_clean_input_exits_zero_and_uses_env_db(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "one.txt"
    p.write_text("Date: 2019-02-01\n\nChina urged Japan to show restraint, a spokesman said on Friday.\n")
    monkeypatch.setenv("DYADWATCH_DB", str(tmp_path / "env.duckdb"))
    r = run(["ingest", str(p)])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "env.duckdb").exists()


def test_ingest_stdin(tmp_path: Path) -> None:
    path = tmp_path / "in.duckdb"
    text = "Russia and China held talks in Moscow on Monday, officials said.\n"
    r = run(["ingest", "-", "--db", str(path), "--date", "2019-04-01", "--source", "Pipe"], stdin=text)
    assert r.exit_code == 0, r.output
    with Store(path) as s:
        row = s.con.execute("SELECT CAST(date AS VARCHAR), source, path FROM articles").fetchone()
    assert row == ("2019-04-01", "Pipe", "stdin")


def test_ingest_bad_options(tmp_path: Path) -> None:
    p = tmp_path / "one.txt"
    p.write_text("China urged Japan to show restraint, a spokesman said.\n")
    assert run(["ingest", str(p), "--db", str(tmp_path / "a.duckdb"), "--date", "someday"]).exit_code == 2
    assert run(["ingest", str(p), "--db", str(tmp_path / "a.duckdb"), "--field", "body"]).exit_code == 2


def test_events_formats_match_store(db: Path, tmp_path: Path) -> None:
    with Store(db) as s:
        expected = s.events()
        prk = s.events(actor="PRK")
    assert len(expected) > 0
    csv = run(["events", "--db", str(db), "--format", "csv"])
    assert csv.exit_code == 0
    df = pd.read_csv(io.StringIO(csv.stdout))
    assert sorted(df["id"]) == sorted(expected["id"])
    js = run(["events", "--db", str(db), "--format", "json", "--actor", "North Korea"])
    recs = [json.loads(ln) for ln in js.stdout.splitlines() if ln.strip()]
    assert sorted(r["id"] for r in recs) == sorted(prk["id"])
    assert all(isinstance(r["actor"], list) and isinstance(r["evidence"], dict) for r in recs)
    assert all("PRK" in [a["code"] for a in r["actor"]] for r in recs)
    out = tmp_path / "ev.parquet"
    pq = run(["events", "--db", str(db), "--format", "parquet", "-o", str(out)])
    assert pq.exit_code == 0
    assert sorted(pd.read_parquet(out)["id"]) == sorted(expected["id"])
    assert run(["events", "--db", str(db), "--format", "parquet"]).exit_code == 2
    assert run(["events", "--db", str(db), "--type", "SHOUT"]).exit_code == 2


def test_events_filters(db: Path) -> None:
    with Store(db) as s:
        exp = s.events(type="SANCTION", since="2018-01-01", until="2018-12-31")
    r = run(["events", "--db", str(db), "--format", "json", "--type", "sanction",
             "--since", "2018-01-01", "--until", "2018-12-31"])
    got = [json.loads(ln) for ln in r.stdout.splitlines() if ln.strip()]
    assert sorted(g["id"] for g in got) == sorted(exp["id"])
    none = run(["events", "--db", str(db), "--format", "json", "--since", "2030-01-01"])
    assert none.stdout.strip() == ""


def test_events_table_escapes_markup(db: Path) -> None:
    with Store(db) as s:
        n = s.count_events()
        marked = s.con.execute(
            "SELECT count(*) FROM events WHERE event_text LIKE '%[red]war[/red]%'").fetchone()[0]
    assert marked > 0, "the sentence with markup-like text should have been coded"
    r = run(["events", "--db", str(db)])
    assert r.exit_code == 0
    assert f"{n} of {n} events" in r.stdout
    # article text with rich markup is shown as written, not interpreted
    assert "[red]war[/red]" in r.stdout


def test_events_missing_db(tmp_path: Path) -> None:
    r = run(["events", "--db", str(tmp_path / "nope.duckdb")])
    assert r.exit_code == 1 and "no such database" in r.stderr


def test_trigger_is_marked() -> None:
    text = "Seoul, May 1 - Japan protested to [b]China[/b] on Monday."
    start = text.index("protested")
    row = {"event_text": "\n\n" + text, "evidence": json.dumps({
        "sentence_start": 100, "trigger": {"text": "protested", "start": 102 + start, "end": 111 + start}})}
    t = _marked_sentence(row)
    assert t.plain == text.replace("protested", "«protested»")
    (span,) = [sp for sp in t.spans if "underline" in str(sp.style)]
    assert t.plain[span.start:span.end] == "protested"


def demo_numbers(out: str) -> dict:
    m = re.search(r"Articles: (\d+) \(([^)]*)\)", out)
    langs = {k: int(v) for k, v in (p.split() for p in m.group(2).split(", "))}
    ev = int(re.search(r"Events: (\d+)", out).group(1))
    types = {k: int(v) for k, v in re.findall(r"│ ([A-Z]{3,9}) +│ +(\d+) │", out)}
    months = {k: tuple(int(x) for x in rest.split("│")[:5]) + (float(rest.split("│")[5]),)
              for k, rest in re.findall(r"│ (\d{4}-\d{2}) +│(.*)│", out)}
    new = int(re.search(r": (\d+) new articles", out).group(1))
    return {"articles": int(m.group(1)), "langs": langs, "events": ev, "types": types, "months": months,
            "new": new}


def test_demo_prints_store_numbers_and_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "demo.duckdb"
    first = run(["demo", "--db", str(path)])
    assert first.exit_code == 0, first.output
    a = demo_numbers(first.stdout)
    with Store(path) as s:
        con = s.con
        assert a["articles"] == con.execute("SELECT count(*) FROM articles").fetchone()[0] >= 30
        langs = con.execute("SELECT language, count(*) FROM articles GROUP BY 1").fetchall()
        assert a["langs"] == dict(langs)
        # a row of `events` is a report; an event is a report nothing was merged into
        assert a["events"] == con.execute("SELECT count(*) FROM events WHERE merged_into IS NULL").fetchone()[0] > 0
        assert a["types"] == dict(con.execute(
            "SELECT event, count(*) FROM events WHERE merged_into IS NULL GROUP BY 1").fetchall())
        rows = con.execute("""
            SELECT strftime(date, '%Y-%m'), count(*), count(*) FILTER (quad_code = 1),
                   count(*) FILTER (quad_code = 2), count(*) FILTER (quad_code = 3),
                   count(*) FILTER (quad_code = 4), round(sum(plover_score), 1)
            FROM event_dyads
            WHERE ((source = 'USA' AND target = 'PRK') OR (source = 'PRK' AND target = 'USA'))
              AND modality = 'asserted' AND date IS NOT NULL GROUP BY 1""").fetchall()
    assert a["months"] == {r[0]: tuple(r[1:6]) + (float(r[6]),) for r in rows}
    assert len(a["months"]) >= 1
    assert a["new"] == a["articles"]
    second = run(["demo", "--db", str(path)])
    b = demo_numbers(second.stdout)
    assert b["new"] == 0
    assert {k: v for k, v in b.items() if k != "new"} == {k: v for k, v in a.items() if k != "new"}


def test_not_a_database_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.duckdb"
    bad.write_text("this is not a database\n")
    for args in (["events", "--db", str(bad)], ["demo", "--db", str(bad)]):
        r = run(args)
        assert r.exit_code == 1
        assert len(r.stderr.strip().splitlines()) == 1 and "cannot open the database" in r.stderr


def test_field_names_are_checked(tmp_path: Path) -> None:
    p = tmp_path / "f.jsonl"
    p.write_text(json.dumps({"body": "China urged restraint, a spokesman said."}) + "\n")
    r = run(["ingest", str(p), "--db", str(tmp_path / "f.duckdb"), "--field", "body=text"])
    assert r.exit_code == 2 and "not one of our fields" in r.output


def test_event_table_lists_every_code_of_a_compound_side():
    from dyadwatch.cli.ingest_cmds import _side_codes

    row = {"actor": json.dumps([{"code": "USA"}, {"code": "KOR"}, {"code": "USA"}]), "actor_code": "USA",
           "recipient": "[]", "recipient_code": None}
    assert _side_codes(row, "actor") == "USA+KOR"
    assert _side_codes(row, "recipient") == ""
    assert _side_codes({"actor": None, "actor_code": "PRK"}, "actor") == "PRK"
