"""Alerts: a burst of conflict news about a watched dyad raises one alert (file, webhook, API), a
quiet dyad none, and nothing is raised twice across restarts."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from feeds_server import Page, Server, page_html, rss
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.events import Actor, Event
from dyadwatch.store import Store
from dyadwatch.watch import RuleError, parse_dyad, rules_from_args, rules_from_file

HISTORY_START = date(2019, 1, 1)
HISTORY_DAYS = 59  # 2019-01-01 .. 2019-02-28: the baseline the checks compare with

BURST = [  # (day, sentence): North Korea against the United States, three days running
    (1, "North Korea fired artillery shells at a United States warship near {place} on {dow}, the Pentagon said."),
    (1, "North Korean troops attacked American soldiers near {place} on {dow}, US officials said."),
    (1, "North Korea threatened to strike the United States with nuclear weapons, state media said on {dow}."),
    (2, "North Korea fired artillery shells at a United States destroyer off {place} on {dow}, the Navy said."),
    (2, "North Korean soldiers attacked American troops at {place} on {dow}, a US commander said."),
    (2, "North Korea accused the United States of plotting an invasion from {place}, state media said."),
    (3, "North Korea fired artillery shells at United States ships near {place} on {dow}, officials said."),
    (3, "North Korean forces attacked American marines near {place} on {dow}, the Pentagon said."),
    (3, "North Korea threatened to strike the United States again, its army said in {place}."),
]
QUIET = [  # Japan and South Korea go on meeting, as they did all winter
    (1, "Japanese and South Korean ministers met in {place} on {dow} to discuss trade."),
    (2, "Japan and South Korea held talks in {place} on {dow}, officials said."),
    (3, "Japanese and South Korean officials met in {place} on {dow} to discuss fisheries."),
]
PLACES = ["Busan", "Incheon", "Osaka", "Fukuoka", "Sapporo", "Daegu", "Gwangju", "Nagoya", "Sendai"]
DOWS = ["Friday", "Saturday", "Sunday"]


def seed_history(db: Path) -> None:
    """Two months of mild cooperation in both dyads (imported events, one or two a day)."""
    events = []
    for i in range(HISTORY_DAYS):
        d = (HISTORY_START + timedelta(days=i)).isoformat()
        for k in range(1 + (i % 3 == 0)):
            for a, b in (("USA", "PRK"), ("JPN", "KOR")):
                src, dst = (a, b) if (i + k) % 2 else (b, a)
                events.append(Event(story_id=f"hist-{a}{b}-{i}-{k}", event="CONSULT", actor=[Actor(src)],
                                    recipient=[Actor(dst)], date=d, date_precision="day", origin="plover",
                                    origin_id=f"{a}{b}-{i}-{k}", event_text=f"{src} and {dst} met."))
    with Store(db) as st:
        st.add_events(events)


def feed_for(srv: Server, stories: list[tuple[int, str]], prefix: str) -> str:
    items = []
    for n, (day, template) in enumerate(stories):
        d = date(2019, 3, day)
        sentence = template.format(place=PLACES[n % len(PLACES)], dow=DOWS[day - 1])
        path = f"/{prefix}{n}"
        srv.routes[path] = Page(page_html(sentence[:50], [sentence, "Officials gave no further details."],
                                          d.isoformat()))
        items.append({"title": sentence[:60], "link": srv.url(path), "guid": f"{prefix}-{n}",
                      "date": d.strftime("%a, %d %b %Y 09:00:00 GMT")})
    return rss(items)


@pytest.fixture
def world(tmp_path: Path):
    db = tmp_path / "w.duckdb"
    seed_history(db)
    with Server() as srv:
        srv.routes["/korea.xml"] = Page(feed_for(srv, BURST, "k"), content_type="application/rss+xml")
        srv.routes["/japan.xml"] = Page(feed_for(srv, QUIET, "j"), content_type="application/rss+xml")
        yield srv, db, tmp_path


def _run(srv: Server, db: Path, tmp: Path, *extra: str) -> object:
    args = ["watch", srv.url("/korea.xml"), srv.url("/japan.xml"), "--once", "--db", str(db),
            "--alert", "USA-PRK", "--alert", "JPN-KOR", "--alerts-file", str(tmp / "alerts.jsonl"),
            "--webhook", srv.url("/hook"), "--no-status", *extra]
    return CliRunner().invoke(app, args)


def test_a_burst_raises_one_alert_everywhere_and_a_quiet_dyad_none(world) -> None:
    srv, db, tmp = world
    res = _run(srv, db, tmp)
    assert res.exit_code == 0, res.output
    assert "12 new articles" in res.output and "1 alerts" in res.output
    lines = (tmp / "alerts.jsonl").read_text().splitlines()
    assert len(lines) == 1
    alert = json.loads(lines[0])
    assert alert["dyad"] == "USA-PRK" and "regime_change" in alert["kinds"]
    assert "towards conflict" in alert["verdict"] and alert["change_point"] >= "2019-02-28"
    assert alert["impact"]["verdict"]
    assert alert["regime"]["level_after"] < alert["regime"]["level_before"]
    evs = alert["events"]
    assert len(evs) >= 3 and all(e["plover_score"] < 0 for e in evs)  # the conflict events of the burst
    assert {e["date"] for e in evs} <= {"2019-03-01", "2019-03-02", "2019-03-03"}
    for e in evs:  # each with its evidence, its article and links
        assert e["event_text"] and e["evidence"]["trigger"]["text"]
        assert e["article"]["url"].startswith(srv.base) and e["links"]["event"].startswith("/api/events/")
    assert alert["links"]["impact"].startswith("/api/dyads/USA/PRK/impact?date=")
    assert "ALERT USA-PRK" in res.output
    # the webhook got the same alert, once
    posts = [json.loads(body) for path, body in srv.posts if path == "/hook"]
    assert [p["id"] for p in posts] == [alert["id"]]
    # the API lists it
    from fastapi.testclient import TestClient

    from dyadwatch.web.alerts_routes import alerts_router
    from dyadwatch.web.app import create_app

    api = create_app(db, token="t")
    if not any(getattr(r, "path", "") == "/api/alerts" for r in api.routes):
        api.include_router(alerts_router())
    with TestClient(api, base_url="http://127.0.0.1") as client:
        body = client.get("/api/alerts").json()
        assert body["total"] == 1 and body["alerts"][0]["id"] == alert["id"]
        assert client.get("/api/alerts?dyad=PRK-USA").json()["total"] == 1
        assert client.get("/api/alerts?dyad=JPN-KOR").json()["total"] == 0
        assert client.get("/api/alerts?dyad=x").status_code == 422
        assert client.get("/api/alerts?since=not-a-date").status_code == 422
    # a restart raises nothing again and delivers nothing twice
    again = _run(srv, db, tmp)
    assert again.exit_code == 0, again.output
    assert "0 new articles" in again.output and "0 alerts" in again.output
    assert len((tmp / "alerts.jsonl").read_text().splitlines()) == 1
    assert len([p for p, _ in srv.posts if p == "/hook"]) == 1


def test_severity_adds_a_reason_to_the_one_alert(world) -> None:
    srv, db, tmp = world
    res = _run(srv, db, tmp, "--severity", "9", "--webhook", srv.url("/hook2"))
    assert res.exit_code == 0, res.output
    alert = json.loads((tmp / "alerts.jsonl").read_text().splitlines()[0])
    assert "severe_event" in alert["kinds"] and "at or above severity 9" in alert["verdict"]
    assert all(e["plover_score"] <= -9 or e["date"] >= alert["change_point"] for e in alert["events"])
    with Store(db, read_only=True) as st:
        n = st.con.execute("SELECT count(*) FROM alerts").fetchone()[0]
        delivered = st.con.execute("SELECT count(*) FROM alert_deliveries").fetchone()[0]
    assert n == 1 and delivered == 4  # print, file, two webhooks


def test_an_unreachable_webhook_is_retried_at_the_next_poll(world) -> None:
    srv, db, tmp = world
    res = _run(srv, db, tmp, "--webhook", "http://127.0.0.1:9/nothing-listens-here")
    assert res.exit_code == 1  # the failed delivery is a message
    assert "webhook http://127.0.0.1:9/nothing-listens-here" in res.output
    with Store(db, read_only=True) as st:
        pending = st.con.execute("SELECT count(*) FROM alerts a WHERE NOT EXISTS (SELECT 1 FROM alert_deliveries d "
                                 "WHERE d.alert_id = a.id AND d.sink LIKE 'webhook:http://127.0.0.1:9/%')"
                                 ).fetchone()[0]
    assert pending == 1
    assert len([p for p, _ in srv.posts if p == "/hook"]) == 1  # the working receiver has it


def test_rules_from_arguments_and_file(tmp_path: Path) -> None:
    assert parse_dyad("usa-prk", None) == ("USA", "PRK")
    assert parse_dyad("USA/PRK", None) == ("USA", "PRK")
    for bad in ("USA", "USA-USA", "-PRK", "United States of America and more-PRK"):
        with pytest.raises(RuleError):
            parse_dyad(bad, None)
    rules = rules_from_args(["USA-PRK", "usa-prk", "KOR-PRK"], freq="week", severity=7, resolve=None)
    assert [(r.dyad, r.freq, r.severity) for r in rules] == [("USA-PRK", "week", 7), ("KOR-PRK", "week", 7)]
    cfg = tmp_path / "alerts.toml"
    cfg.write_text('freq = "week"\nseverity = 7\n[[alert]]\ndyad = "USA-PRK"\nseverity = 9\n'
                   '[[alert]]\ndyad = "KOR-PRK"\nmeasure = "plover_mean"\n')
    got = rules_from_file(cfg, resolve=None)
    assert [(r.dyad, r.freq, r.severity, r.measure) for r in got] == [
        ("USA-PRK", "week", 9.0, "net_coop"), ("KOR-PRK", "week", 7.0, "plover_mean")]
    for text, msg in (("[[alert]]\n", "no dyad"), ("nope = [", "not a TOML"), ("x = 1\n", r"no \[\[alert\]\]"),
                      ('[[alert]]\ndyad = "USA-PRK"\nfreq = "hour"\n', "freq must be"),
                      ('[[alert]]\ndyad = "USA-PRK"\nseverity = 11\n', "severity is between")):
        cfg.write_text(text)
        with pytest.raises(RuleError, match=msg):
            rules_from_file(cfg, resolve=None)
    res = CliRunner().invoke(app, ["watch", str(tmp_path), "--once", "--db", str(tmp_path / "x.duckdb"),
                                   "--alerts-file", str(tmp_path / "a.jsonl")])
    assert res.exit_code == 2 and "need a dyad" in res.output
