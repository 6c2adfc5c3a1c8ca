"""The API routes the dashboard draws from: the events table (sort, filters, text search, paging),
facets, the map summary, key events of a dyad, actor suggestions and friendly unknown-actor
errors, measures, watch status and alerts. In-process (FastAPI's TestClient) over a database we
build here: the synthetic weekly USA-PRK events of test_api plus places and an alert."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_api import N_WEEKS, build_synthetic

from dyadwatch.store import Store

SEOUL = (37.57, 126.98)
PYONGYANG = (39.02, 125.75)


def place_events(db: Path) -> dict[str, int]:
    """Give the USA-PRK events places: ASSAULTs in Pyongyang, the rest in Seoul; the others none.
    Returns how many events each place got."""
    st = Store(db)
    con = st.con
    con.execute("UPDATE events SET geo_name = 'Pyongyang', geo_country = 'PRK', geo_lat = ?, geo_lon = ? "
                "WHERE event = 'ASSAULT'", list(PYONGYANG))
    con.execute("UPDATE events SET geo_name = 'Seoul', geo_country = 'KOR', geo_lat = ?, geo_lon = ? "
                "WHERE event IN ('ACCUSE', 'AGREE', 'AID') AND source = 'testwire'", list(SEOUL))
    counts = dict(con.execute("SELECT geo_name, count(*) FROM events WHERE geo_name IS NOT NULL "
                              "GROUP BY 1").fetchall())
    st.close()
    return counts


def add_alert(db: Path, verdict: str = "towards cooperation at 2024-03-25") -> dict[str, Any]:
    from dyadwatch.watch.state import WatchState, ensure_tables

    st = Store(db)
    ensure_tables(st.con)
    ids = [r[0] for r in st.con.execute("SELECT id FROM events WHERE event = 'AGREE' ORDER BY date LIMIT 2").fetchall()]
    from dyadwatch.watch.checks import event_details

    alert = {"id": "alert-1", "dyad": "USA-PRK", "a": "USA", "b": "PRK", "kinds": ["regime_change"], "freq": "week",
             "verdict": verdict, "change_point": "2024-03-25", "regime": {"level_before": -1.0, "level_after": 1.0},
             "impact": {"verdict": "changed", "significant": True}, "events": event_details(st, ids, ""),
             "links": {}, "raised_at": "2024-06-01T00:00:00+00:00"}
    WatchState(st).add_alert(alert)
    st.con.execute("INSERT INTO watch_sources (source, kind, last_poll, last_ok, n_polls, n_articles) VALUES "
                   "('https://example.org/feed.xml', 'feed', TIMESTAMP '2024-06-01 10:00', "
                   "TIMESTAMP '2024-06-01 10:00', 3, 7)")
    st.con.execute("INSERT INTO watch_dyads VALUES ('USA-PRK', TIMESTAMP '2024-06-01 10:00', TIMESTAMP '2024-06-01 10:00')")
    st.close()
    return alert


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from dyadwatch.web.app import create_app

    db = tmp_path_factory.mktemp("dashapi") / "dash.duckdb"
    build_synthetic(db)
    place_events(db)
    add_alert(db)
    with TestClient(create_app(db, token="t"), base_url="http://127.0.0.1") as c:
        yield c


def test_events_sort_pages_never_overlap(client: Any) -> None:
    total = client.get("/api/events").json()["total"]
    assert total == 2 * N_WEEKS + 3
    for sort in ("actor", "-actor", "event", "-confidence", "score", "-sources", "recipient", "date"):
        seen: list[str] = []
        for offset in range(0, total, 10):
            body = client.get("/api/events", params={"sort": sort, "limit": 10, "offset": offset}).json()
            assert body["total"] == total and body["sort"] == sort
            seen += [e["id"] for e in body["items"]]
        assert len(seen) == total == len(set(seen)), sort
    items = client.get("/api/events", params={"sort": "event", "limit": 200}).json()["items"]
    assert [e["event"] for e in items] == sorted(e["event"] for e in items)
    items = client.get("/api/events", params={"sort": "-event", "limit": 200}).json()["items"]
    assert [e["event"] for e in items] == sorted((e["event"] for e in items), reverse=True)
    assert client.get("/api/events", params={"sort": "nonsense"}).status_code == 422


def test_events_text_search_source_and_origin(client: Any) -> None:
    body = client.get("/api/events", params={"q": "week 3 "}).json()
    # 'week 3' in 'In week 3 ...' and 'the attack of week 3.' only (not week 13: a word follows)
    assert body["total"] == 2 and all("week 3" in e["event_text"] for e in body["items"])
    assert client.get("/api/events", params={"q": "TOKYO"}).json()["total"] == 1  # case-insensitive
    assert client.get("/api/events", params={"q": "100%"}).json()["total"] == 0  # % is literal
    assert client.get("/api/events", params={"q": "Pyongyang"}).json()["total"] >= BREAKS  # the place name too
    assert client.get("/api/events", params={"source": "otherwire"}).json()["total"] == 3
    assert client.get("/api/events", params={"source": "testwire"}).json()["total"] == 2 * N_WEEKS
    origin = client.get("/api/facets").json()["origin"][0]["value"]
    assert client.get("/api/events", params={"origin": origin}).json()["total"] == 2 * N_WEEKS + 3
    assert client.get("/api/events", params={"origin": "gdelt"}).json()["total"] == 0
    both = client.get("/api/events", params={"dyad": "USA,PRK", "q": "attack", "sort": "-date"}).json()
    assert both["total"] == 2 * 12 and all("attack" in e["event_text"] for e in both["items"])


BREAKS = 12  # ASSAULT events (weeks 0-11), all placed in Pyongyang


def test_facets(client: Any) -> None:
    f = client.get("/api/facets").json()
    assert {s["value"]: s["n"] for s in f["source"]} == {"testwire": 2 * N_WEEKS, "otherwire": 3}
    assert sum(o["n"] for o in f["origin"]) == 2 * N_WEEKS + 3


def test_map_summary(client: Any) -> None:
    m = client.get("/api/map").json()
    assert m["n_events"] == 2 * N_WEEKS + 3
    assert m["n_placed"] == 2 * N_WEEKS
    pts = {p["name"]: p for p in m["points"]}
    assert pts["Pyongyang"]["events"] == BREAKS and pts["Pyongyang"]["conflict"] == BREAKS
    assert pts["Seoul"]["events"] == 2 * N_WEEKS - BREAKS
    assert pts["Pyongyang"]["lat"] == pytest.approx(PYONGYANG[0]) and pts["Pyongyang"]["lon"] == pytest.approx(PYONGYANG[1])
    countries = {c["code"]: c for c in m["countries"]}
    assert countries["PRK"]["events"] == BREAKS and countries["PRK"]["n3"] == "408"
    assert countries["KOR"]["events"] == 2 * N_WEEKS - BREAKS + 1  # + Japan met South Korea (unplaced)
    assert countries["JPN"]["events"] == 2  # unplaced: the recipient's country (the negated threat and Russia's)
    assert -1 <= countries["KOR"]["net"] <= 1
    # the same filters as the table
    assault = client.get("/api/map", params={"type": "ASSAULT"}).json()
    assert [c["code"] for c in assault["countries"]] == ["PRK"] and len(assault["points"]) == 1
    by_actor = client.get("/api/map", params={"by": "actor", "dyad": "USA,PRK"}).json()
    assert {c["code"]: c["events"] for c in by_actor["countries"]} == {"USA": N_WEEKS, "PRK": N_WEEKS}
    assert client.get("/api/map", params={"q": "Tokyo"}).json()["n_events"] == 1
    assert client.get("/api/map", params={"dyad": "USA"}).status_code == 422
    assert client.get("/api/map", params={"by": "planet"}).status_code == 422


def test_key_events(client: Any) -> None:
    body = client.get("/api/dyads/USA/PRK/key_events", params={"limit": 5}).json()
    items = body["items"]
    assert len(items) == 5
    weights = [e["weight"] for e in items]
    assert weights == sorted(weights, reverse=True)
    # the largest by severity: attacks and aid (PLOVER score -10 and +10), before accusations and agreements
    assert all(e["event"] in ("ASSAULT", "AID") and abs(e["plover_score"]) == 10 for e in items)
    assert {(e["source"], e["target"]) for e in items} <= {("PRK", "USA"), ("USA", "PRK")}
    late = client.get("/api/dyads/USA/PRK/key_events", params={"since": "2024-04-01"}).json()["items"]
    assert late and all(e["date"] >= "2024-04-01" for e in late)


def test_unknown_actor_is_named_with_suggestions(client: Any) -> None:
    r = client.get("/api/dyads/USA/Nroth%20Korea/series")
    assert r.status_code == 422
    msg = r.json()["detail"]
    assert "unknown actor 'Nroth Korea'" in msg and "PRK" in msg
    # a name the knowledge base knows works even without stored events, and so does a stored code
    assert client.get("/api/dyads/USA/North%20Korea/series").status_code == 200
    assert client.get("/api/dyads/usa/prk/key_events").status_code == 200
    s = client.get("/api/actors/suggest", params={"q": "Nroth Korea"}).json()
    assert s["code"] is None and s["suggestions"][0]["code"] == "PRK"
    assert s["suggestions"][0]["events"] == N_WEEKS * 2
    s = client.get("/api/actors/suggest", params={"q": "Pyongyang"}).json()
    assert s["code"] == "PRK"
    assert client.get("/api/actors/suggest", params={"q": ""}).status_code == 422


def test_measures_in_words(client: Any) -> None:
    ms = {m["name"]: m for m in client.get("/api/measures").json()["measures"]}
    assert "net_coop" in ms and "n_events_per_1k" in ms
    assert all(m["label"] and m["label"] != m["name"] for m in ms.values())
    assert ms["n_events_per_1k"]["kind"] == "volume" and ms["net_coop_per_1k"]["kind"] == "normalised"


def test_event_detail_has_reports(client: Any) -> None:
    eid = client.get("/api/events", params={"type": "ASSAULT", "limit": 1}).json()["items"][0]["id"]
    ev = client.get(f"/api/events/{eid}").json()
    assert ev["geo_name"] == "Pyongyang"
    assert [r["id"] for r in ev["reports"]] == [eid]
    assert ev["reports"][0]["article_url"].startswith("https://example.org/news/")


def test_watch_status_and_alerts(client: Any) -> None:
    w = client.get("/api/watch").json()
    assert w["active"] is True and w["alerts"] == 1
    assert w["sources"][0]["source"] == "https://example.org/feed.xml" and w["sources"][0]["n_articles"] == 7
    assert w["dyads"][0]["dyad"] == "USA-PRK"
    a = client.get("/api/alerts").json()  # served by the app itself (no router to add)
    assert a["total"] == 1 and a["alerts"][0]["verdict"].startswith("towards cooperation")


def test_watch_status_of_a_database_without_a_watch(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from dyadwatch.web.app import create_app

    db = tmp_path / "plain.duckdb"
    Store(db).close()
    with TestClient(create_app(db, token="t"), base_url="http://127.0.0.1") as c:
        assert c.get("/api/watch").json()["active"] is False
        assert c.get("/api/alerts").json() == {"total": 0, "limit": 50, "offset": 0, "alerts": []}
        assert c.get("/api/map").json()["countries"] == []


def test_place_country_and_bbox(client: Any) -> None:
    assert client.get("/api/events", params={"country": "prk"}).json()["total"] == BREAKS
    assert client.get("/api/events", params={"country": "PRK,KOR"}).json()["total"] == 2 * N_WEEKS
    # a box around Seoul only; one across the antimeridian holds neither
    seoul = client.get("/api/events", params={"bbox": "126,37,127.5,38", "sort": "-date"}).json()
    assert seoul["total"] == 2 * N_WEEKS - BREAKS and all(e["geo_name"] == "Seoul" for e in seoul["items"])
    assert client.get("/api/events", params={"bbox": "170,-10,-170,10"}).json()["total"] == 0
    assert client.get("/api/events", params={"bbox": "100,30,-100,45"}).json()["total"] == 2 * N_WEEKS
    m = client.get("/api/map", params={"bbox": "125,38.5,126,39.5"}).json()
    assert [p["name"] for p in m["points"]] == ["Pyongyang"] and m["n_events"] == BREAKS
    for bad in ("1,2,3", "0,50,10,40", "0,0,200,10", "a,b,c,d"):
        assert client.get("/api/events", params={"bbox": bad}).status_code == 422, bad
    assert client.get("/api/events", params={"country": "Korea"}).status_code == 422


def test_series_fields(client: Any) -> None:
    body = client.get("/api/dyads/USA/PRK/series", params={"freq": "week", "fields": "coop_balance,n_events"}).json()
    assert body["points"] and all(set(p) == {"period", "direction", "coop_balance", "n_events"} for p in body["points"])
    assert body["n_events"] == 2 * N_WEEKS
    r = client.get("/api/dyads/USA/PRK/series", params={"fields": "nonsense"})
    assert r.status_code == 422 and "nonsense" in r.json()["detail"]
