"""The web dashboard in headless Chromium (Debian's package, driven by Playwright).

Skips when /usr/bin/chromium is missing (.ci/run installs it). Screenshots of every page go to
test-output/dashboard/ for people to look at.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import test_api
from test_api import (  # the servers and databases of the API tests
    BREAK_WEEK,
    START,
    TOKEN,
    Server,
    build_synthetic,
    make_event,
    start_server,
    stop_server,
)

from dyadwatch.ingest.article import Article
from dyadwatch.store import Store

sample_srv = test_api.sample_server  # the session fixture: one sample-corpus server for both files

CHROMIUM = os.environ.get("DYADWATCH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT = 30_000  # ms, for waits on the page

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():
    pytest.skip(f"browser tests need Chromium at {CHROMIUM} (Debian: apt-get install chromium; "
                ".ci/run installs it)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need the playwright package")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(test_output_dir: Path) -> Path:
    out = test_output_dir / "dashboard"
    out.mkdir(parents=True, exist_ok=True)
    return out


class Watched:
    """A page that records script errors, dialogs and console errors."""

    def __init__(self, browser: Any) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.page.set_default_timeout(TIMEOUT)
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)

        def on_dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", on_dialog)

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    w = Watched(browser)
    yield w
    w.close()
    assert not w.errors, w.errors


# ---------------------------------------------------------------------------------------------
# the sample corpus


def wait_chart(page: Any) -> Any:
    """The dyad chart once uPlot has drawn it."""
    page.wait_for_selector("[data-testid=dyad-chart][data-ready] canvas", state="attached")
    return page.locator("[data-testid=dyad-chart]")


def test_dyad_explorer_usa_prk(watched: Watched, sample_srv: Server, shots: Path) -> None:
    page = watched.page
    keys = httpx.get(sample_srv.url + "/api/dyads/USA/PRK/key_events", params={"limit": 8}).json()["items"]
    assert keys, "the sample corpus should hold USA-PRK events"

    page.goto(sample_srv.url + "/")
    page.fill("[data-testid=dyad-a]", "USA")
    page.fill("[data-testid=dyad-b]", "North Korea")  # a name works as well as a code
    page.click("[data-testid=dyad-show]")
    chart = wait_chart(page)
    assert "a=USA" in page.url and "b=North" in page.url
    # the two directions and their sum, labelled with the actors, on one canvas
    legend = chart.locator(".u-legend").inner_text()
    assert "USA → PRK" in legend and "PRK → USA" in legend and "both directions" in legend
    assert page.locator("[data-testid=dyad-title]").inner_text().startswith("balance of cooperation")
    page.wait_for_selector("[data-testid=regime]")  # regimes come after the chart, shaded on it when they do
    page.wait_for_selector("[data-testid=reciprocity] p")
    # the key events, numbered on the chart and listed below it
    items = page.locator("[data-testid=key-event]")
    assert items.count() == len(keys)
    assert sorted(items.evaluate_all("ns => ns.map(n => n.getAttribute('data-id'))")) == sorted(e["id"] for e in keys)
    page.screenshot(path=str(shots / "dyad_explorer.png"), full_page=True)

    # click an event: its sentence with actor, trigger and recipient highlighted
    dot = items.first
    event_id = dot.get_attribute("data-id")
    dot.click()
    detail = page.locator("#detail [data-testid=event-detail]")
    detail.wait_for()
    assert detail.get_attribute("data-id") == event_id
    ev = httpx.get(f"{sample_srv.url}/api/events/{event_id}").json()
    sentence = detail.locator("[data-testid=highlighted]")
    assert sentence.inner_text().strip() == ev["event_text"].strip()
    for kind in ("actor", "trigger", "recipient"):
        marks = sentence.locator(f"mark.{kind}")
        spans = ev["evidence"]["trigger"] if kind == "trigger" else ev["evidence"][kind]
        spans = [spans] if isinstance(spans, dict) else spans
        want = [s["text"] for s in spans if s.get("text")]
        if want:
            assert marks.count() >= 1, kind
            assert marks.first.inner_text() in want, kind
    assert detail.locator("[data-testid=modality]").inner_text() == ev["modality"]
    assert float(detail.locator("[data-testid=confidence]").inner_text()) == pytest.approx(ev["confidence"], abs=0.01)
    assert detail.locator("[data-testid=report]").count() >= 1  # who reported it
    page.screenshot(path=str(shots / "event_detail.png"), full_page=True)

    # the link to the article: the article view with the event's words highlighted
    detail.locator("[data-testid=article-link]").click()
    page.wait_for_selector("[data-testid=article-text]")
    art = httpx.get(f"{sample_srv.url}/api/articles/{ev['story_id']}").json()
    assert page.locator("[data-testid=article-title]").inner_text() == (art["title"] or "(untitled article)")
    text = page.locator("[data-testid=article-text]")
    assert text.inner_text().strip() == art["text"].strip()
    assert text.locator("mark.trigger").count() >= 1
    assert page.locator("[data-testid=article-events] li").count() == len(art["events"])
    assert page.locator("mark.focus").count() >= 1
    page.screenshot(path=str(shots / "article.png"), full_page=True)


def test_events_table_and_network(watched: Watched, sample_srv: Server, shots: Path) -> None:
    page = watched.page
    total = httpx.get(sample_srv.url + "/api/events", params={"actor": "PRK"}).json()["total"]
    page.goto(sample_srv.url + "/#/events?actor=PRK")
    page.wait_for_selector("[data-testid=event-row]")
    assert page.locator("[data-testid=event-row]").count() == min(50, total)
    assert page.locator("[data-testid=events-total]").inner_text().startswith(f"{total} events")
    # filter by type through the form
    page.select_option("select[name=type]", "ASSAULT")
    page.click("[data-testid=events-filter]")
    from playwright.sync_api import expect  # polls without eval (the CSP refuses wait_for_function strings)

    expect(page).to_have_url(re.compile(r"type=ASSAULT"))
    n_assault = httpx.get(sample_srv.url + "/api/events", params={"actor": "PRK", "type": "ASSAULT"}).json()["total"]
    expect(page.locator("[data-testid=events-total]")).to_have_text(re.compile(f"^{n_assault} "))
    assert page.locator("[data-testid=event-row]").count() == min(50, n_assault)
    if n_assault:
        page.locator("[data-testid=event-row]").first.click()
        page.wait_for_selector("#detail [data-testid=event-detail]")
    page.screenshot(path=str(shots / "events.png"), full_page=True)

    n_articles = httpx.get(sample_srv.url + "/api/articles").json()["total"]
    page.goto(sample_srv.url + "/#/articles")
    page.wait_for_selector("[data-testid=article-row]")
    assert page.locator("[data-testid=article-row]").count() == min(50, n_articles)
    page.screenshot(path=str(shots / "articles.png"), full_page=True)
    page.locator("[data-testid=article-row]").first.click()
    page.wait_for_selector("[data-testid=article-text]")

    edges = httpx.get(sample_srv.url + "/api/network", params={"limit": 60}).json()["edges"]
    page.goto(sample_srv.url + "/#/network")
    page.wait_for_selector("[data-testid=network-edge]")
    page.wait_for_selector("[data-testid=network-graph] canvas", state="attached")  # cytoscape drew it
    assert page.evaluate("document.querySelector('[data-testid=network-graph]')._cy.edges().length") == len(edges)
    assert page.locator("[data-testid=network-edge]").count() == len(edges)
    # colour follows net cooperation: green for a cooperative pair, red for a conflictual one
    colours = page.locator("[data-testid=network-edge]").evaluate_all("ns => ns.map(n => n.getAttribute('data-stroke'))")
    drawn = page.evaluate("document.querySelector('[data-testid=network-graph]')._cy.edges().map(e => e.data('colour'))")
    assert drawn == colours
    for edge, colour in zip(edges, colours):
        r, g, _ = (int(v) for v in re.findall(r"\d+", colour))
        if edge["net_coop_share"] > 0:
            assert g > r, (edge, colour)
        elif edge["net_coop_share"] < 0:
            assert r > g, (edge, colour)
    page.screenshot(path=str(shots / "network.png"), full_page=True)
    # an edge leads to its dyad
    page.locator("[data-testid=network-edge]").first.click()
    wait_chart(page)
    assert "#/dyad" in page.url


def test_api_reference_page(watched: Watched, sample_srv: Server, shots: Path) -> None:
    page = watched.page
    spec = httpx.get(sample_srv.url + "/openapi.json").json()
    n_ops = sum(len(ops) for ops in spec["paths"].values())
    page.goto(sample_srv.url + "/docs")
    page.wait_for_selector("[data-testid=api-route]")
    assert page.locator("[data-testid=api-route]").count() == n_ops
    assert "/api/dyads/{a}/{b}/impact" in page.locator("main").inner_text()
    page.screenshot(path=str(shots / "api_docs.png"), full_page=True)


def test_impact_view(watched: Watched, sample_srv: Server, shots: Path) -> None:
    page = watched.page
    page.goto(sample_srv.url + "/#/impact?a=USA&b=PRK&date=2018-06-12&freq=month")
    verdict = page.locator("[data-testid=verdict]")
    verdict.wait_for(timeout=180_000)  # the impact model (GLS, robustness grid) takes seconds on a busy machine
    api = httpx.get(sample_srv.url + "/api/dyads/USA/PRK/impact",
                    params={"date": "2018-06-12", "freq": "month"}, timeout=180).json()
    assert verdict.inner_text() == api["verdict"]
    assert page.locator("[data-testid=impact-chart] polyline.observed").count() == 1
    page.screenshot(path=str(shots / "impact_sample.png"), full_page=True)


# ---------------------------------------------------------------------------------------------
# a synthetic database: the fit lines, and untrusted text


XSS = [
    "<script>window.__xss = 'script'</script>",
    "<img src=x onerror=\"window.__xss='img'\">",
    "<svg onload=\"window.__xss='svg'\"></svg>",
    "\"><iframe srcdoc=\"<script>parent.__xss='iframe'</script>\"></iframe>",
    "<a href=\"javascript:window.__xss='href'\">click</a>",
    "<style>body{display:none}</style>",
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, dict[str, str]]]:
    """The synthetic database plus articles full of markup and script, served read-write."""
    db = tmp_path_factory.mktemp("hostile") / "hostile.duckdb"
    build_synthetic(db)
    s1 = f"The United States {XSS[1]} accused North Korea {XSS[0]} of lying."
    text = f"{XSS[2]} {s1} {XSS[3]} {XSS[5]}"
    art = Article(text=text, title=f"Title {XSS[0]} {XSS[1]}", date="2024-02-07", source=XSS[4],
                  url="javascript:window.__xss='url'")
    ev = make_event(art, s1, ("USA", "The United States"), "accused", "ACCUSE", ("PRK", "North Korea"), "2024-02-07")
    ev.actor[0].entity_text = "The United States"
    ev.mode = "<b>mode</b>"
    # a second one, stored uncoded (posting through the API is tested in test_api.py)
    posted = Article(text=f"Japan criticised China {XSS[0]} on Monday. {XSS[1]} South Korea met Japan.",
                     title=f"Posted {XSS[1]}", date="2024-02-08", source=XSS[2], url="https://example.org/<script>",
                     raw_id=XSS[0], language="en", path="hostile.jsonl:1")
    st = Store(db)
    st.add_article(art, [ev])
    st.add_article(posted, [], coded=False)
    st.close()
    server = start_server(db, db.with_suffix(".log"), token=TOKEN)
    yield server, {"article": art.id, "event": ev.id, "posted": posted.id}
    stop_server(server)


def assert_nothing_ran(w: Watched) -> None:
    assert w.page.evaluate("typeof window.__xss") == "undefined"
    assert w.page.evaluate("document.querySelectorAll('#main script, #detail script, #main img, #detail img, "
                           "#main iframe, #detail iframe, #main style, #detail style').length") == 0
    assert w.dialogs == []
    assert w.page.locator("body").is_visible()


def test_untrusted_text_is_shown_never_run(watched: Watched, hostile: tuple[Server, dict[str, str]],
                                           shots: Path) -> None:
    server, ids = hostile
    page = watched.page

    page.goto(f"{server.url}/#/article/{ids['article']}")
    page.wait_for_selector("[data-testid=article-text]")
    assert page.locator("[data-testid=article-title]").inner_text() == f"Title {XSS[0]} {XSS[1]}"
    shown = page.locator("[data-testid=article-text]").inner_text()
    for payload in (XSS[0], XSS[1], XSS[2], XSS[3], XSS[5]):
        assert payload in shown
    assert page.locator("a[href^=javascript]").count() == 0
    assert_nothing_ran(watched)
    page.screenshot(path=str(shots / "xss_article.png"), full_page=True)

    # the event detail: the sentence, highlighted, still literal
    page.locator("[data-testid=article-events] li").first.click()
    detail = page.locator("#detail [data-testid=event-detail]")
    detail.wait_for()
    sentence = detail.locator("[data-testid=highlighted]").inner_text()
    assert XSS[0] in sentence and XSS[1] in sentence
    assert detail.locator("mark.actor").inner_text() == "The United States"
    assert detail.locator("mark.trigger").inner_text() == "accused"
    assert "<b>mode</b>" in detail.inner_text()
    assert_nothing_ran(watched)
    page.screenshot(path=str(shots / "xss_event.png"), full_page=True)

    # the second article
    page.goto(f"{server.url}/#/article/{ids['posted']}")
    page.wait_for_selector("[data-testid=article-text]")
    assert page.locator("[data-testid=article-title]").inner_text() == f"Posted {XSS[1]}"
    assert XSS[0] in page.locator("[data-testid=article-text]").inner_text()
    assert_nothing_ran(watched)

    # the table and the dyad explorer show the same texts
    page.goto(f"{server.url}/#/events?dyad=USA,PRK")
    page.wait_for_selector("[data-testid=event-row]")
    assert XSS[0] in page.locator("[data-testid=events-table]").inner_text()
    page.goto(f"{server.url}/#/dyad?a=USA&b=PRK&freq=day&since=2024-02-06&until=2024-02-08")
    page.wait_for_selector(f"[data-testid=key-event][data-id='{ids['event']}']")
    assert XSS[0] in page.locator(f"[data-testid=key-event][data-id='{ids['event']}']").inner_text()
    page.locator(f"[data-testid=key-event][data-id='{ids['event']}']").click()
    page.wait_for_selector("#detail [data-testid=event-detail]")
    assert_nothing_ran(watched)
    page.screenshot(path=str(shots / "xss_dyad.png"), full_page=True)


def test_impact_fit_lines(watched: Watched, hostile: tuple[Server, dict[str, str]], shots: Path) -> None:
    server, _ = hostile
    page = watched.page
    day = START.toordinal() + 7 * BREAK_WEEK + 2
    from datetime import date

    when = date.fromordinal(day).isoformat()
    page.goto(f"{server.url}/#/impact?a=USA&b=PRK&date={when}&freq=week")
    # a flat fit is a zero-height box, which Playwright calls hidden: wait for it to exist
    page.wait_for_selector("[data-testid=impact-chart] polyline.after", state="attached")
    for cls in ("observed", "before", "after", "counterfactual"):
        assert page.locator(f"[data-testid=impact-chart] polyline.{cls}").count() == 1, cls
    assert page.locator("[data-testid=impact-chart] line.rule").count() == 1
    verdict = page.locator("[data-testid=verdict]").inner_text()
    assert re.search(r"change", verdict)
    page.screenshot(path=str(shots / "impact.png"), full_page=True)

    # choosing an event instead of a date
    page.goto(f"{server.url}/#/impact?a=USA&b=PRK&freq=week")
    page.wait_for_selector("[data-testid=impact-event] option:nth-child(3)", state="attached")
    value = page.locator("[data-testid=impact-event] option").nth(2).get_attribute("value")
    page.select_option("[data-testid=impact-event]", value)
    page.click("[data-testid=impact-show]")
    page.wait_for_selector("[data-testid=impact-chart] polyline.observed")
    assert f"event={value}" in page.url
