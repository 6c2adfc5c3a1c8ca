"""The HTTP API, tested against real `dyadwatch serve` processes over HTTP (httpx).

Two databases: a synthetic one built here from Event records we write ourselves (exact expected
counts), served read-write with a token; and one built from the bundled sample corpus with
`dyadwatch ingest`, served read-only.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest

from dyadwatch.events import Actor, Event
from dyadwatch.ingest.article import Article
from dyadwatch.store import Store

TOKEN = "test-token-5f2c"
START = date(2024, 1, 1)  # a Monday
N_WEEKS = 24
BREAK_WEEK = 12


# ---------------------------------------------------------------------------------------------
# databases


def _span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    i = text.index(words, after)
    return i, i + len(words)


def make_event(art: Article, sentence: str, actor: tuple[str, str], trigger: str, event: str,
               recipient: tuple[str, str] | None, date_: str | None, modality: str = "asserted",
               confidence: float = 0.8) -> Event:
    """An event whose offsets point into `art.text` (the sentence must occur in it)."""
    s0 = art.text.index(sentence)
    a0, a1 = _span(art.text, actor[1], s0)
    t0, t1 = _span(art.text, trigger, s0)
    rec = []
    if recipient:
        r0, r1 = _span(art.text, recipient[1], s0)
        rec = [Actor(recipient[0], "GOV", recipient[1], r0, r1)]
    return Event(story_id=art.id, event=event, actor=[Actor(actor[0], "GOV", actor[1], a0, a1)], recipient=rec,
                 date=date_, modality=modality, confidence=confidence, event_text=sentence,
                 sentence_index=0, sentence_start=s0, trigger=trigger, trigger_start=t0, trigger_end=t1,
                 lexicon_id="test")


@dataclass
class Synthetic:
    path: Path
    events: list[Event]
    articles: list[Article]


def build_synthetic(path: Path) -> Synthetic:
    """Weekly PRK-USA events: conflict for 12 weeks, cooperation after; a few others around them."""
    st = Store(path)
    all_events: list[Event] = []
    articles: list[Article] = []
    for week in range(N_WEEKS):
        day = (START + timedelta(weeks=week, days=2)).isoformat()
        if week < BREAK_WEEK:
            s1 = f"In week {week} North Korea attacked a patrol boat of the United States."
            s2 = f"Washington condemned Pyongyang for the attack of week {week}."
            e1 = ("PRK", "North Korea"), "attacked", "ASSAULT", ("USA", "the United States")
            e2 = ("USA", "Washington"), "condemned", "ACCUSE", ("PRK", "Pyongyang")
        else:
            s1 = f"In week {week} North Korea agreed with the United States on new talks."
            s2 = f"Washington sent food aid to Pyongyang in week {week}."
            e1 = ("PRK", "North Korea"), "agreed", "AGREE", ("USA", "the United States")
            e2 = ("USA", "Washington"), "sent", "AID", ("PRK", "Pyongyang")
        art = Article(text=f"{s1} {s2}", title=f"Week {week}", date=day, source="testwire",
                      url=f"https://example.org/news/{week}")
        evs = [make_event(art, s1, e1[0], e1[1], e1[2], e1[3], day),
               make_event(art, s2, e2[0], e2[1], e2[2], e2[3], day)]
        st.add_article(art, evs)
        all_events += evs
        articles.append(art)
    # others: a Japan-South Korea meeting, a negated threat, an undated event
    text = ("Japan met South Korea in Tokyo. China did not threaten Japan. "
            "Russia criticised Japan at some point.")
    art = Article(text=text, title="Neighbours", date="2024-03-05", source="otherwire")
    evs = [
        make_event(art, "Japan met South Korea in Tokyo.", ("JPN", "Japan"), "met", "CONSULT",
                   ("KOR", "South Korea"), "2024-03-05"),
        make_event(art, "China did not threaten Japan.", ("CHN", "China"), "threaten", "THREATEN",
                   ("JPN", "Japan"), "2024-03-05", modality="negated"),
        make_event(art, "Russia criticised Japan at some point.", ("RUS", "Russia"), "criticised", "ACCUSE",
                   ("JPN", "Japan"), None),
    ]
    st.add_article(art, evs)
    all_events += evs
    articles.append(art)
    st.close()
    return Synthetic(path, all_events, articles)


_SAMPLE_DB: dict[str, Path] = {}


def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built from the bundled sample corpus with `dyadwatch ingest` (once per session)."""
    if "path" not in _SAMPLE_DB:
        from dyadwatch.pipeline import sample_dir

        path = tmp_path_factory.mktemp("sampledb") / "sample.duckdb"
        proc = subprocess.run([sys.executable, "-c", "from dyadwatch.cli import main; main()", "ingest",
                               str(sample_dir()), "--db", str(path), "--no-progress"],
                              check=False, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr[-2000:]
        _SAMPLE_DB["path"] = path
    return _SAMPLE_DB["path"]


# ---------------------------------------------------------------------------------------------
# servers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    proc: subprocess.Popen
    log: Path

    def client(self, **kw: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, **kw)  # type: ignore[arg-type]


def start_server(db: Path, log: Path, token: str | None = None, ready: tuple[int, ...] = (200,)) -> Server:
    """`dyadwatch serve --db DB --port P` in a subprocess; waits until /api/info answers with a
    status in `ready`."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DYADWATCH_TOKEN", "DYADWATCH_DB")}
    if token:
        env["DYADWATCH_TOKEN"] = token
    out = open(log, "w")  # noqa: SIM115 - closed with the process
    proc = subprocess.Popen([sys.executable, "-c", "from dyadwatch.cli import main; main()", "serve", "--db",
                             str(db), "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                            stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            if httpx.get(url + "/api/info", timeout=2).status_code in ready:
                return Server(url, proc, log)
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(f"server did not start: {log.read_text()[-2000:]}")
        time.sleep(0.2)


def stop_server(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.proc.kill()


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Synthetic:
    return build_synthetic(tmp_path_factory.mktemp("synthetic") / "synthetic.duckdb")


@pytest.fixture(scope="module")
def rw_server(synthetic: Synthetic) -> Iterator[Server]:
    server = start_server(synthetic.path, synthetic.path.with_suffix(".log"), token=TOKEN)
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def sample_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A read-only server over the sample-corpus database, shared with the dashboard tests."""
    db = sample_db(tmp_path_factory)
    server = start_server(db, tmp_path_factory.mktemp("samplelog") / "server.log")
    yield server
    stop_server(server)


@pytest.fixture
def ro_server(sample_server: Server) -> Server:
    return sample_server


def involves(e: Event, code: str) -> bool:
    return code in [a.code for a in e.actor] + [r.code for r in e.recipient]


# ---------------------------------------------------------------------------------------------
# tests: synthetic database


def test_openapi_describes_every_route(rw_server: Server) -> None:
    with rw_server.client() as c:
        spec = c.get("/openapi.json").json()
        docs = c.get("/docs")
        assert docs.status_code == 200
        # the API page is bundled: no script or style from elsewhere (users may be offline)
        assert "src=\"/static/" in docs.text and "https://" not in docs.text
    paths = set(spec["paths"])
    for p in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/articles",
              "/api/actors", "/api/dyads/{a}/{b}/series", "/api/dyads/{a}/{b}/regimes",
              "/api/dyads/{a}/{b}/impact", "/api/dyads/{a}/{b}/reciprocity"):
        assert p in paths, p
    assert "post" in spec["paths"]["/api/articles"]


def test_events_filters(rw_server: Server, synthetic: Synthetic) -> None:
    evs = synthetic.events
    with rw_server.client() as c:
        everything = c.get("/api/events", params={"limit": 1000}).json()
        assert everything["total"] == len(evs)
        assert {e["id"] for e in everything["items"]} == {e.id for e in evs}

        r = c.get("/api/events", params={"actor": "PRK"}).json()
        assert r["total"] == sum(1 for e in evs if e.actor[0].code == "PRK")
        # names resolve through the knowledge base
        assert c.get("/api/events", params={"actor": "North Korea"}).json()["total"] == r["total"]

        r = c.get("/api/events", params={"actor": "USA", "recipient": "PRK", "type": "AID"}).json()
        assert r["total"] == sum(1 for e in evs if e.event == "AID")
        assert all(i["event"] == "AID" and i["actor_code"] == "USA" for i in r["items"])

        r = c.get("/api/events", params={"modality": "negated"}).json()
        assert [i["event"] for i in r["items"]] == ["THREATEN"]

        since, until = "2024-02-01", "2024-02-29"
        r = c.get("/api/events", params={"since": since, "until": until, "limit": 1000}).json()
        want = [e for e in evs if e.date and since <= e.date <= until]
        assert r["total"] == len(want) > 0
        assert all(since <= i["date"] <= until for i in r["items"])

        r = c.get("/api/events", params={"dyad": "JPN,KOR"}).json()
        assert r["total"] == 1 and r["items"][0]["event"] == "CONSULT"
        r = c.get("/api/events", params={"dyad": "KOR,JPN"}).json()
        assert r["total"] == 1

        assert c.get("/api/events", params={"since": "last tuesday"}).status_code == 422
        assert c.get("/api/events", params={"dyad": "USA"}).status_code == 422
        assert c.get("/api/events", params={"limit": 0}).status_code == 422


def test_events_pagination(rw_server: Server, synthetic: Synthetic) -> None:
    seen: list[str] = []
    with rw_server.client() as c:
        offset = 0
        while True:
            page = c.get("/api/events", params={"limit": 7, "offset": offset}).json()
            assert page["total"] == len(synthetic.events)
            if not page["items"]:
                break
            assert len(page["items"]) <= 7
            seen += [i["id"] for i in page["items"]]
            offset += 7
    assert len(seen) == len(set(seen)) == len(synthetic.events)
    # newest first
    with rw_server.client() as c:
        items = c.get("/api/events", params={"limit": 1000}).json()["items"]
    dated = [i["date"] for i in items if i["date"]]
    assert dated == sorted(dated, reverse=True)


def test_event_and_article_offsets(rw_server: Server, synthetic: Synthetic) -> None:
    ev = synthetic.events[5]
    art = next(a for a in synthetic.articles if a.id == ev.story_id)
    with rw_server.client() as c:
        got = c.get(f"/api/events/{ev.id}").json()
        assert got["event"] == ev.event and got["story_id"] == art.id
        assert got["article"]["title"] == art.title and got["article"]["url"] == art.url
        ev_json = got["evidence"]
        assert ev_json["trigger"]["text"] == ev.trigger

        body = c.get(f"/api/articles/{art.id}").json()
        assert body["text"] == art.text and body["title"] == art.title
        assert len(body["events"]) == 2
        for e in body["events"]:
            evid = e["evidence"]
            t = evid["trigger"]
            assert body["text"][t["start"]:t["end"]] == t["text"]
            for span in evid["actor"] + evid["recipient"]:
                assert body["text"][span["start"]:span["end"]] == span["text"]
            s0 = evid["sentence_start"]
            assert body["text"][s0:s0 + len(e["event_text"])] == e["event_text"]

        assert c.get("/api/events/nope").status_code == 404
        assert c.get("/api/articles/nope").status_code == 404


def test_article_list(rw_server: Server, synthetic: Synthetic) -> None:
    with rw_server.client() as c:
        n = c.get("/api/info").json()["articles"]
        first = c.get("/api/articles", params={"limit": 10}).json()
        rest = c.get("/api/articles", params={"limit": 1000, "offset": 10}).json()
    assert first["total"] == n >= len(synthetic.articles)
    items = first["items"] + rest["items"]
    assert len(items) == n and len({i["id"] for i in items}) == n
    assert all("text" not in i for i in items)
    assert {a.id for a in synthetic.articles} <= {i["id"] for i in items}
    dates = [i["date"] for i in items if i["date"]]
    assert dates == sorted(dates, reverse=True)


def test_actors_with_counts(rw_server: Server, synthetic: Synthetic) -> None:
    with rw_server.client() as c:
        actors = c.get("/api/actors").json()
    by_code = {a["code"]: a for a in actors}
    for code in ("PRK", "USA", "JPN", "KOR", "CHN", "RUS"):
        assert by_code[code]["events"] == sum(1 for e in synthetic.events if involves(e, code)), code
    assert by_code["PRK"]["name"] == "North Korea"
    counts = [a["events"] for a in actors]
    assert counts == sorted(counts, reverse=True)


def test_dyad_series_and_regimes(rw_server: Server, synthetic: Synthetic) -> None:
    with rw_server.client() as c:
        s = c.get("/api/dyads/USA/PRK/series", params={"freq": "week"}).json()
        assert s["a"] == "USA" and s["b"] == "PRK" and s["freq"] == "week"
        both = [p for p in s["points"] if p["direction"] == "both"]
        assert len(both) == N_WEEKS
        assert sum(p["n_events"] for p in both) == 2 * N_WEEKS
        assert all(p["net_coop"] == -2 for p in both[:BREAK_WEEK])
        assert all(p["net_coop"] == 2 for p in both[BREAK_WEEK:])
        # the same through names and the short frequency alias
        s2 = c.get("/api/dyads/United States/North Korea/series", params={"freq": "W"}).json()
        assert s2["points"] == s["points"]

        r = c.get("/api/dyads/USA/PRK/regimes", params={"freq": "week"}).json()
        regimes = r["regimes"]
        assert len(regimes) >= 2
        assert regimes[0]["level"] < 0 < regimes[-1]["level"]
        assert (START + timedelta(weeks=BREAK_WEEK)).isoformat() in r["change_points"]

        assert c.get("/api/dyads/USA/USA/series").status_code == 422
        assert c.get("/api/dyads/USA/PRK/series", params={"freq": "fortnight"}).status_code == 422


def test_dyad_impact_and_reciprocity(rw_server: Server, synthetic: Synthetic) -> None:
    brk = (START + timedelta(weeks=BREAK_WEEK, days=2)).isoformat()
    with rw_server.client() as c:
        r = c.get("/api/dyads/USA/PRK/impact", params={"date": brk, "freq": "week"}).json()
        assert r["verdict"] and r["level_change"] > 0
        fit = r["fit"]
        assert len(fit) == N_WEEKS == r["n_pre"] + r["n_post"]
        assert all("before" in f and "after" not in f for f in fit[:r["n_pre"]])
        assert all("after" in f and "counterfactual" in f for f in fit[r["n_pre"]:])
        assert fit[-1]["after"] > fit[-1]["counterfactual"]

        # by event id: the date of a stored event
        ev = next(e for e in synthetic.events if e.event == "AGREE")
        r2 = c.get("/api/dyads/USA/PRK/impact", params={"event": ev.id, "freq": "week"}).json()
        assert r2["date"] == ev.date
        assert c.get("/api/dyads/USA/PRK/impact").status_code == 422

        rec = c.get("/api/dyads/USA/PRK/reciprocity", params={"freq": "week"}).json()
        assert rec["a"] == "USA" and rec["n_periods"] == N_WEEKS
        assert {x["responder"] for x in rec["responses"]} == {"USA", "PRK"}


def test_network_edges(rw_server: Server, synthetic: Synthetic) -> None:
    with rw_server.client() as c:
        edges = c.get("/api/network").json()["edges"]
    pair = {(e["a"], e["b"]): e for e in edges}
    usa_prk = pair[("PRK", "USA")]
    assert usa_prk["events"] == 2 * N_WEEKS
    assert usa_prk["cooperation"] == usa_prk["conflict"] == N_WEEKS
    assert usa_prk["net_coop"] == 0 and usa_prk["net_coop_share"] == 0
    assert ("CHN", "JPN") not in pair  # negated events are left out
    assert pair[("JPN", "KOR")]["net"] > 0 and pair[("JPN", "KOR")]["net_coop_share"] == 1


def test_writing_needs_the_token(rw_server: Server) -> None:
    body = {"id": "api-1", "title": "Talks", "date": "2024-07-01", "source": "apitest",
            "url": "https://example.org/api-1",
            "text": "Japan and South Korea held talks in Seoul on Monday. North Korea fired a missile. "
                    "<script>window.__xss = 1</script> <img src=x onerror=\"window.__xss = 2\">"}
    with rw_server.client() as c:
        assert c.post("/api/articles", json=body).status_code == 401
        assert c.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.post("/api/articles", json=body, headers={"Authorization": TOKEN}).status_code == 401
        assert c.post("/api/articles", json={"title": "no text"},
                      headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 422
        r = c.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 201, r.text
        out = r.json()
        assert out["new"] is True and out["raw_id"] == "api-1"
        art = c.get(f"/api/articles/{out['id']}").json()
        assert "North Korea fired a missile" in art["text"] and art["source"] == "apitest"
        # markup in article text is data: stored and served as the literal text it is
        assert "<script>window.__xss = 1</script>" in art["text"]
        assert r.headers["content-type"].startswith("application/json")
        assert art["title"] == "Talks" and art["date"] == "2024-07-01"
        assert len(art["events"]) == out["n_events"] > 0
        assert {e["id"] for e in art["events"]} == {e["id"] for e in out["events"]}
        # posting the same article again stores nothing new
        before = c.get("/api/info").json()
        again = c.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert again.status_code == 201 and again.json()["new"] is False
        after = c.get("/api/info").json()
        assert (after["articles"], after["events"]) == (before["articles"], before["events"])


def test_concurrent_reads(rw_server: Server) -> None:
    urls = ["/api/events", "/api/actors", "/api/network", "/api/dyads/USA/PRK/series",
            "/api/info"] * 6
    with rw_server.client() as c, ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda u: c.get(u).status_code, urls))
    assert codes == [200] * len(urls)


def test_security_headers(rw_server: Server) -> None:
    with rw_server.client() as c:
        r = c.get("/")
        assert r.status_code == 200 and "text/html" in r.headers["content-type"]
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert c.get("/static/app.js").status_code == 200
        assert c.get("/static/../app.py").status_code == 404
        assert c.get("/static/%2e%2e/app.py").status_code == 404


# ---------------------------------------------------------------------------------------------
# tests: sample corpus, read-only server


def test_read_only_server_refuses_writes(ro_server: Server) -> None:
    with ro_server.client() as c:
        info = c.get("/api/info").json()
        assert info["writable"] is False and info["articles"] > 0
        r = c.post("/api/articles", json={"text": "Japan met China."},
                   headers={"Authorization": "Bearer anything"})
        assert r.status_code == 403


def test_sample_corpus_usa_prk(ro_server: Server) -> None:
    with ro_server.client() as c:
        actors = {a["code"] for a in c.get("/api/actors").json()}
        assert {"USA", "PRK"} <= actors
        evs = c.get("/api/events", params={"dyad": "USA,PRK", "limit": 1000}).json()
        assert evs["total"] > 0
        for e in evs["items"]:
            codes = {a["code"] for a in e["actor"]}, {r["code"] for r in e["recipient"]}
            assert ("USA" in codes[0] and "PRK" in codes[1]) or ("PRK" in codes[0] and "USA" in codes[1])
        s = c.get("/api/dyads/USA/PRK/series", params={"freq": "month"}).json()
        assert sum(p["n_events"] or 0 for p in s["points"] if p["direction"] == "both") > 0  # null: not covered
        art_id = evs["items"][0]["story_id"]
        art = c.get(f"/api/articles/{art_id}").json()
        assert art["events"] and art["text"]


def test_database_held_by_another_writer(tmp_path: Path) -> None:
    """DuckDB allows one writer: a server whose file another process holds says so (503) and
    keeps serving the dashboard; it opens the file once the other writer has gone."""
    db = tmp_path / "held.duckdb"
    Store(db).close()
    hold = ("import sys; from dyadwatch.store import Store; "
            "s = Store(sys.argv[1]); print('open', flush=True); sys.stdin.read()")
    holder = subprocess.Popen([sys.executable, "-c", hold, str(db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        server = start_server(db, tmp_path / "server.log", ready=(503,))
        try:
            with server.client() as c:
                r = c.get("/api/events")
                assert r.status_code == 503 and "held by another process" in r.json()["detail"]
                assert str(tmp_path) not in r.text and str(holder.pid) not in r.text  # no path, no PID
                assert r.headers["x-content-type-options"] == "nosniff"
                assert c.get("/").status_code == 200
                holder.communicate("", timeout=30)  # the other writer closes the file
                r = c.get("/api/events")
                assert r.status_code == 200 and r.json()["total"] == 0
        finally:
            stop_server(server)
    finally:
        if holder.poll() is None:
            holder.kill()


def test_unreadable_database_file(tmp_path: Path) -> None:
    db = tmp_path / "garbage.duckdb"
    db.write_bytes(b"this is not a database\n" * 100)
    server = start_server(db, tmp_path / "server.log", ready=(503,))
    try:
        with server.client() as c:
            r = c.get("/api/events")
            assert r.status_code == 503 and "not a DuckDB database" in r.json()["detail"]
            assert str(tmp_path) not in r.text
            assert c.get("/").status_code == 200
    finally:
        stop_server(server)
    assert db.read_bytes() == b"this is not a database\n" * 100  # left as it was


def test_serve_binds_localhost_by_default() -> None:
    proc = subprocess.run([sys.executable, "-c", "from dyadwatch.cli import main; main()", "serve", "--help"],
                          check=False, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": "200"})
    assert proc.returncode == 0
    assert "127.0.0.1" in proc.stdout
