"""Dashboard benchmarks: the dyad view over a real `dyadwatch serve` on synthetic stores, in headless
Chromium (Debian's /usr/bin/chromium through Playwright), and the chart library on 100k points.

    nice -n 10 .venv/bin/python bench/bench_dashboard.py              # 10k and 1M events
    nice -n 10 .venv/bin/python bench/bench_dashboard.py --sizes 10000

Per store size: the API time of what the dyad view asks (series, key events, regimes; the first
answer, computed, and the second, from the response cache), and the browser time from navigation
to the drawn chart. The series is aggregated by the server (one value per period and direction),
so what the browser draws does not grow with the number of events.

Chart library: load time of the vendored uPlot and cytoscape in the page, and the time to draw
100,000 points with uPlot (canvas) against the hand-written SVG charts the dashboard used before
(svgchart.js, kept for the impact view).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from dyadwatch.store import Store
from dyadwatch.store.synthetic import load_synthetic

CHROMIUM = os.environ.get("DYADWATCH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
PAIR = ("USA", "CHN")  # the busiest synthetic dyad


def line(label: str, seconds: float, extra: str = "") -> None:
    print(f"  {label:<58} {seconds * 1000:>9.1f} ms  {extra}", flush=True)


def serve(db: Path, log: Path) -> tuple[subprocess.Popen, str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k not in ("DYADWATCH_TOKEN", "DYADWATCH_DB")}
    proc = subprocess.Popen([sys.executable, "-c", "from dyadwatch.cli import main; main()", "serve", "--db", str(db),
                             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                            stdout=log.open("w"), stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(log.read_text()[-2000:])
        try:
            if httpx.get(url + "/api/info", timeout=5).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise RuntimeError("server did not start")


def timed_get(url: str) -> tuple[float, httpx.Response]:
    t0 = time.perf_counter()
    r = httpx.get(url, timeout=600)
    return time.perf_counter() - t0, r


def bench_store(n: int, folder: Path, browser: object) -> None:
    print(f"\n== dyad view on {n:,} synthetic events ({PAIR[0]}-{PAIR[1]}) ==", flush=True)
    db = folder / f"dash_{n}.duckdb"
    t0 = time.perf_counter()
    with Store(db) as store:
        load_synthetic(store, n, seed=7)
        store.optimize()
        k = store.count_events(actor=PAIR[0], recipient=PAIR[1]) + store.count_events(actor=PAIR[1], recipient=PAIR[0])
    line("generate + load + optimize the store", time.perf_counter() - t0, f"{k:,} {PAIR[0]}-{PAIR[1]} events")
    proc, url = serve(db, folder / f"dash_{n}.log")
    try:
        a, b = PAIR
        base = f"{url}/api/dyads/{a}/{b}"
        timed_get(f"{url}/api/dyads/USA/RUS/series?freq=month")  # warm-up: the server imports the analysis once
        for label, path in (("series, weekly (10 years), every column", "/series?freq=week"),
                            ("series, weekly, the one measure drawn", "/series?freq=week&fields=coop_balance"),
                            ("series, monthly, the one measure drawn", "/series?freq=month&fields=coop_balance"),
                            ("key events (8)", "/key_events?limit=8"),
                            ("regimes, weekly", "/regimes?freq=week&measure=coop_balance")):
            t1, r = timed_get(base + path)
            t2, _ = timed_get(base + path)
            size = len(r.content)
            line(f"API {label}: first / cached", t1, f"{t2 * 1000:.1f} ms cached, {size / 1e3:.0f} kB, HTTP {r.status_code}")
        for label, path in (("events table, sorted by confidence, page 1", "/api/events?sort=-confidence&limit=50"),
                            ("events table, last page by date", f"/api/events?limit=50&offset={max(0, n - 50)}"),
                            ("events table, text search 'USA'", "/api/events?q=USA&sort=-date&limit=50"),
                            ("facets (origins, outlets)", "/api/facets"),
                            ("map summary (countries and points)", "/api/map")):
            t1, r = timed_get(url + path)
            line(f"API {label}", t1, f"HTTP {r.status_code}")
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        times, drawn = [], []
        for i in range(3):
            page.goto("about:blank")
            t0 = time.perf_counter()
            # a new 'with' value each time: the server computes, nothing comes from its response cache
            page.goto(f"{url}/#/dyad?a={a}&b={b}&freq=week&measure=coop_balance&since=2015-01-0{i + 1}")
            page.wait_for_selector("[data-testid=dyad-chart][data-ready] canvas", state="attached", timeout=600_000)
            times.append(time.perf_counter() - t0)
            drawn.append(float(page.get_attribute("[data-testid=dyad-chart]", "data-rendered-ms")))
        pts = page.evaluate("document.querySelector('[data-testid=dyad-chart]')._uplot.data[0].length")
        line("browser: navigation to drawn dyad chart (median of 3)", statistics.median(times),
             f"of which {statistics.median(drawn):.0f} ms from the view's requests to the drawn chart; {pts} periods")
        page.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


LIB_JS = """async (n) => {
  const out = {};
  let t = performance.now();
  await DWCharts.need("uplot");
  out.uplot_load = performance.now() - t;
  t = performance.now();
  await DWCharts.need("network");
  out.cytoscape_load = performance.now() - t;
  const x = new Array(n), y = new Array(n), start = Date.UTC(2015, 0, 1) / 1000;
  let v = 0;
  for (let i = 0; i < n; i++) { x[i] = start + i * 3600; v += Math.random() - 0.5; y[i] = v; }
  const box = document.createElement("div");
  box.style.width = "1200px";
  document.getElementById("main").appendChild(box);
  t = performance.now();
  await new Promise((resolve) => DWCharts.timeSeries(box, {x: x, series: [{label: "a", values: y, stroke: "#2b5fad"}],
                                                            yLabel: "value", onDrawn: resolve}));
  out.uplot_render = performance.now() - t;
  const svgBox = document.createElement("div");
  document.getElementById("main").appendChild(svgBox);
  const pts = x.map((xi, i) => ({x: new Date(xi * 1000).toISOString(), y: y[i]}));
  t = performance.now();
  SvgChart.timeChart(svgBox, {width: 1200, height: 300, yDomain: [Math.min(...y), Math.max(...y)], lines: [{points: pts}]});
  svgBox.getBoundingClientRect();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  out.svg_render = performance.now() - t;
  return out;
}"""


def bench_library(browser: object, folder: Path, n: int = 100_000) -> None:
    print(f"\n== chart libraries in the page, {n:,} points ==", flush=True)
    db = folder / "empty.duckdb"
    Store(db).close()
    proc, url = serve(db, folder / "empty.log")
    try:
        runs = []
        for _ in range(3):
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url + "/#/articles")
            page.wait_for_function("window.DWCharts && window.SvgChart")
            runs.append(page.evaluate(LIB_JS, n))
            page.close()
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        sizes = {name: (Path(__file__).parents[1] / "src/dyadwatch/web/static/vendor" / name).stat().st_size
                 for name in ("uPlot.iife.min.js", "cytoscape.min.js")}
        line("load uPlot 1.6.32 (vendored, from the server)", med["uplot_load"] / 1000, f"{sizes['uPlot.iife.min.js'] / 1e3:.0f} kB")
        line("load cytoscape 3.35.0", med["cytoscape_load"] / 1000, f"{sizes['cytoscape.min.js'] / 1e3:.0f} kB")
        line(f"uPlot: draw {n:,} points (canvas)", med["uplot_render"] / 1000, "median of 3")
        line(f"hand-written SVG (svgchart.js): draw {n:,} points", med["svg_render"] / 1000, "median of 3")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,1000000", help="store sizes (comma-separated)")
    ap.add_argument("--dir", default=None, help="folder for the databases (default: a temporary one)")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(dir=args.dir) as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        folder = Path(tmp)
        bench_library(browser, folder)
        for n in (int(s) for s in args.sizes.split(",") if s.strip()):
            bench_store(n, folder, browser)
        browser.close()


if __name__ == "__main__":
    main()
