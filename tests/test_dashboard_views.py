"""The dashboard's map, zoomed dyad chart, events table (sort, filter, CSV), event detail, alerts,
friendly errors and a 390 px phone, in headless Chromium over a database we build here (the weekly
USA-PRK events of test_api, placed in Pyongyang and Seoul, with an alert whose text is hostile).
Screenshots go to test-output/dashboard/."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import test_dashboard
from test_api import TOKEN, Server, build_synthetic, start_server, stop_server
from test_dashboard import XSS, Watched, assert_nothing_ran, wait_chart
from test_dashboard_api import add_alert, place_events

from dyadwatch.store import Store

pytestmark = pytest.mark.browser
# expect() polls in Playwright's own script; wait_for_function(string) needs eval, which the CSP refuses
expect = pytest.importorskip("playwright.sync_api").expect

browser, shots, watched = test_dashboard.browser, test_dashboard.shots, test_dashboard.watched  # the fixtures

HOSTILE_VERDICT = f"towards cooperation {XSS[1]} {XSS[0]}"
HOSTILE_OUTLET = "=HYPERLINK(\"http://evil.example\")"


@pytest.fixture(scope="module")
def dash(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = tmp_path_factory.mktemp("dashviews") / "dash.duckdb"
    build_synthetic(db)
    place_events(db)
    add_alert(db, verdict=HOSTILE_VERDICT)
    st = Store(db)  # one outlet name a spreadsheet would run as a formula
    st.con.execute("UPDATE events SET source = ? WHERE event = 'CONSULT'", [HOSTILE_OUTLET])
    st.close()
    server = start_server(db, db.with_suffix(".log"), token=TOKEN)
    yield server
    stop_server(server)


def get(server: Server, path: str, **params: Any) -> Any:
    return httpx.get(server.url + path, params=params, timeout=60).json()


def test_map_points_and_shading(watched: Watched, dash: Server, shots: Path) -> None:
    page = watched.page
    m = get(dash, "/api/map")
    page.goto(dash.url + "/#/map")
    page.wait_for_selector("[data-testid=map-point]")
    assert page.locator("[data-testid=map-point]").count() == len(m["points"]) == 2
    shaded = page.locator("[data-testid=map-country]").evaluate_all("ns => ns.map(n => n.getAttribute('data-code'))")
    assert set(shaded) == {c["code"] for c in m["countries"] if c["n3"]} == {"PRK", "KOR", "JPN"}
    # North Korea: all conflict, so red; South Korea: mostly cooperative, so green (as drawn: the
    # computed style, which a CSS rule could override)
    def drawn(code: str) -> tuple[int, ...]:
        fill = page.locator(f"[data-testid=map-country][data-code={code}]").evaluate("n => getComputedStyle(n).fill")
        return tuple(int(v) for v in re.findall(r"\d+", fill)[:3])

    r, g, _ = drawn("PRK")
    assert r > g
    r, g, _ = drawn("KOR")
    assert g > r
    page.screenshot(path=str(shots / "map.png"), full_page=True)

    # the same filters as the table: only the attacks
    page.select_option("[data-testid=filter-type]", "ASSAULT")
    page.click("[data-testid=map-filter]")
    expect(page).to_have_url(re.compile(r"type=ASSAULT"))
    expect(page.locator("[data-testid=map-point]")).to_have_count(1)
    assert page.locator("[data-testid=map-point]").get_attribute("data-name") == "Pyongyang"
    # a country leads to its events in the table
    page.locator("[data-testid=map-country][data-code=PRK]").dispatch_event("click")
    page.wait_for_selector("[data-testid=event-row]")
    assert "country=PRK" in page.url and "type=ASSAULT" in page.url
    assert page.locator("[data-testid=event-row]").count() == get(dash, "/api/events", country="PRK", type="ASSAULT")["total"]


def test_zoomed_dyad_chart(watched: Watched, dash: Server, shots: Path) -> None:
    page = watched.page
    page.goto(dash.url + "/#/dyad?a=USA&b=PRK&measure=net_coop")
    chart = wait_chart(page)
    lo, hi = chart.get_attribute("data-min"), chart.get_attribute("data-max")
    assert lo <= "2024-01-03" and hi >= "2024-06-10"  # the first and last week (periods start on Mondays)
    assert "one point per week" in page.locator("[data-testid=dyad-title]").inner_text()  # 5 months: weeks
    assert page.locator("[data-testid=key-event]").count() == 8
    page.wait_for_selector("[data-testid=regime]")
    assert page.locator("[data-testid=regime]").count() == 2  # conflict, then cooperation
    page.screenshot(path=str(shots / "dyad_full.png"), full_page=True)

    # brush across the middle third of the plot: the view zooms in to those dates, one point a day
    box = page.locator("[data-testid=dyad-chart] .u-over").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.35, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.55, y, steps=8)
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"since=\d.*until=\d"))
    chart = wait_chart(page)
    zlo, zhi = chart.get_attribute("data-min"), chart.get_attribute("data-max")
    assert lo < zlo < zhi < hi
    assert "one point per day" in page.locator("[data-testid=dyad-title]").inner_text()
    # readable dates on the zoomed axis: day and month names, not bare years
    ticks = page.evaluate("document.querySelector('[data-testid=dyad-chart]')._uplot.axes[0]._values")
    assert ticks and any(any(mon in str(t) for mon in ("Feb", "Mar", "Apr")) for t in ticks), ticks
    # the key events are those of the zoomed range
    since = page.evaluate("new URLSearchParams(location.hash.split('?')[1]).get('since')")
    until = page.evaluate("new URLSearchParams(location.hash.split('?')[1]).get('until')")
    want = get(dash, "/api/dyads/USA/PRK/key_events", since=since, until=until, limit=8)["items"]
    got = page.locator("[data-testid=key-event]").evaluate_all("ns => ns.map(n => n.getAttribute('data-id'))")
    assert sorted(got) == sorted(e["id"] for e in want) and got
    page.screenshot(path=str(shots / "dyad_zoomed.png"), full_page=True)
    # zoom out again
    page.click("[data-testid=zoom-out]")
    chart = wait_chart(page)
    assert "since=" not in page.url or "since=&" in page.url or page.url.endswith("since=")


def test_several_dyads_normalised(watched: Watched, dash: Server, shots: Path) -> None:
    page = watched.page
    page.goto(dash.url + "/#/dyad?a=USA&b=PRK&with=JPN-KOR&measure=n_events&norm=1")
    chart = wait_chart(page)
    legend = chart.locator(".u-legend").inner_text()
    assert "USA – PRK" in legend and "JPN – KOR" in legend
    assert "per 1,000 events" in page.locator("[data-testid=dyad-title]").inner_text()
    assert "coverage" in page.locator("[data-testid=norm-note]").inner_text()
    page.screenshot(path=str(shots / "dyad_several.png"), full_page=True)


def test_unknown_actor_is_explained(watched: Watched, dash: Server, shots: Path) -> None:
    page = watched.page
    page.goto(dash.url + "/#/dyad?a=USA&b=Nroth%20Korea")
    err = page.locator("[role=alert]")
    err.wait_for()
    text = err.inner_text()
    assert "Unknown actor 'Nroth Korea'" in text and "HTTP" not in text and "422" not in text
    page.wait_for_selector("[data-testid=suggestion][data-code=PRK]")
    page.screenshot(path=str(shots / "unknown_actor.png"), full_page=True)
    page.click("[data-testid=suggestion][data-code=PRK]")
    wait_chart(page)
    assert "b=PRK" in page.url


def test_table_sort_filter_and_csv(watched: Watched, dash: Server, shots: Path, tmp_path: Path) -> None:
    page = watched.page
    page.goto(dash.url + "/#/events")
    page.wait_for_selector("[data-testid=event-row]")
    total = get(dash, "/api/events")["total"]
    assert page.locator("[data-testid=events-total]").inner_text().startswith(f"{total} events")
    # sort by actor, then reverse it
    page.click("[data-testid=sort-actor]")
    expect(page).to_have_url(re.compile(r"sort=actor"))
    page.wait_for_selector("th[aria-sort=ascending] [data-testid=sort-actor]")
    actors = page.locator("[data-testid=event-row] td:nth-child(2)").all_inner_texts()
    assert actors == sorted(actors) and actors[0] == "CHN"
    page.click("[data-testid=sort-actor]")
    page.wait_for_selector("th[aria-sort=descending] [data-testid=sort-actor]")
    actors = page.locator("[data-testid=event-row] td:nth-child(2)").all_inner_texts()
    assert actors == sorted(actors, reverse=True)
    # the last page of the whole store
    page.click("[data-testid=events-next]")
    expect(page).to_have_url(re.compile(r"offset=50"))
    # the old page's counter may still be on screen when the hash changes: wait for the new page's own
    expect(page.locator("[data-testid=events-total]")).to_have_text(re.compile(f"^{total} events, 51–{total} shown"))
    expect(page.locator("[data-testid=event-row]")).to_have_count(total - 50)
    # text search and outlet filter through the form
    page.goto(dash.url + "/#/events")
    page.wait_for_selector("[data-testid=filter-q]")
    page.fill("[data-testid=filter-q]", "patrol boat")
    page.select_option("[data-testid=filter-source]", "testwire")
    page.click("[data-testid=events-filter]")
    expect(page).to_have_url(re.compile(r"q=patrol"))
    want = get(dash, "/api/events", q="patrol boat", source="testwire", limit=200)
    expect(page.locator("[data-testid=events-total]")).to_have_text(re.compile(f"^{want['total']} events"))
    assert want["total"] == 12 and page.locator("[data-testid=event-row]").count() == 12
    page.screenshot(path=str(shots / "events_filtered.png"), full_page=True)
    # the CSV holds exactly the rows shown
    with page.expect_download() as dl:
        page.click("[data-testid=events-csv]")
    path = tmp_path / "events.csv"
    dl.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    shown = page.locator("[data-testid=event-row]").evaluate_all("ns => ns.map(n => n.getAttribute('data-id'))")
    assert [r["id"] for r in rows] == shown == [e["id"] for e in want["items"]]
    assert all("patrol boat" in r["sentence"] and r["outlet"] == "testwire" and r["place"] == "Pyongyang" for r in rows)
    # a cell a spreadsheet would run as a formula is defused
    page.goto(dash.url + "/#/events?type=CONSULT")
    page.wait_for_selector("[data-testid=event-row]")
    with page.expect_download() as dl:
        page.click("[data-testid=events-csv]")
    dl.value.save_as(path)
    row = next(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert row["outlet"] == "'" + HOSTILE_OUTLET


def test_event_detail_outlet_place_reports(watched: Watched, dash: Server, shots: Path) -> None:
    page = watched.page
    ev = get(dash, "/api/events", type="ASSAULT", limit=1)["items"][0]
    page.goto(dash.url + "/#/events?type=ASSAULT")
    page.wait_for_selector(f"[data-testid=event-row][data-id='{ev['id']}']")
    page.click(f"[data-testid=event-row][data-id='{ev['id']}']")
    detail = page.locator("#detail [data-testid=event-detail]")
    detail.wait_for()
    assert detail.locator("[data-testid=detail-outlet]").inner_text() == "testwire"
    assert detail.locator("[data-testid=detail-place]").inner_text().startswith("Pyongyang, PRK (39.02, 125.75)")
    assert detail.locator("mark.actor").inner_text() == "North Korea"
    assert detail.locator("mark.trigger").inner_text() == "attacked"
    report = detail.locator("[data-testid=report]")
    assert report.count() == 1 and "testwire" in report.inner_text()
    assert report.locator("a").get_attribute("href").startswith("https://example.org/news/")
    page.screenshot(path=str(shots / "event_detail_reports.png"), full_page=True)
    # navigating away closes the panel (no stale detail on the next view)
    page.click("header nav a[data-view=map]")
    page.wait_for_selector("[data-testid=map-point]")
    assert page.locator("#detail").is_hidden()


def test_alerts_and_watch_status(watched: Watched, dash: Server, shots: Path) -> None:
    page = watched.page
    page.goto(dash.url + "/#/alerts")
    page.wait_for_selector("[data-testid=alert]")
    assert page.locator("#alertcount").inner_text() == "1"
    assert page.locator("[data-testid=alert]").count() == 1
    assert page.locator("[data-testid=alert-verdict]").inner_text() == HOSTILE_VERDICT  # literal, never run
    assert page.locator("[data-testid=alert-event]").count() == 2
    assert page.locator("[data-testid=watch-source]").count() == 1
    assert "USA-PRK" in page.locator("[data-testid=watch-dyads]").inner_text()
    assert_nothing_ran(watched)
    page.screenshot(path=str(shots / "alerts.png"), full_page=True)
    page.locator("[data-testid=alert-event]").first.click()
    page.wait_for_selector("#detail [data-testid=event-detail]")
    assert_nothing_ran(watched)


@pytest.fixture
def phone(browser: Any) -> Iterator[Watched]:
    w = Watched(browser)
    w.page.set_viewport_size({"width": 390, "height": 844})
    yield w
    w.close()
    assert not w.errors, w.errors


@pytest.mark.parametrize("view", ["dyad?a=USA&b=PRK", "events", "map", "alerts", "network"])
def test_phone_390px(phone: Watched, dash: Server, shots: Path, view: str) -> None:
    page = phone.page
    page.goto(f"{dash.url}/#/{view}")
    ready = {"dyad": "[data-testid=dyad-chart][data-ready] canvas", "events": "[data-testid=event-row]",
             "map": "[data-testid=map-point]", "alerts": "[data-testid=alert]", "network": "[data-testid=network-graph] canvas"}
    name = view.split("?")[0]
    page.wait_for_selector(ready[name], state="attached")
    page.wait_for_timeout(300)
    # nothing wider than the phone: the page never scrolls sideways (wide tables scroll in their box)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if name == "dyad":
        assert page.locator("[data-testid=dyad-chart] canvas").bounding_box()["width"] <= 390
    page.screenshot(path=str(shots / f"phone_{name}.png"), full_page=True)
    # the chart libraries live with the strict CSP (no inline style or script, no eval)
    assert not [m for m in phone.console if "Content Security Policy" in m], phone.console
