/* dyadwatch charts on the vendored libraries (static/vendor, loaded on first use, never from a CDN):
 * uPlot for time series, cytoscape for the actor network, d3-geo + topojson-client + world-atlas for
 * the map. Data strings reach the page only as text: canvas text (uPlot, cytoscape) or SVG text nodes
 * and <title> elements filled with textContent (the map); nothing here assigns innerHTML.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var loading = {};
  var LIBS = {uplot: ["uPlot.iife.min.js"], network: ["cytoscape.min.js"],
              map: ["d3-array.min.js", "d3-geo.min.js", "topojson-client.min.js"]};

  function script(name) {
    if (!loading[name]) loading[name] = new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = "/static/vendor/" + name;
      s.onload = function () { resolve(); };
      s.onerror = function () { delete loading[name]; reject(new Error("could not load the chart library " + name)); };
      document.head.appendChild(s);
    });
    return loading[name];
  }
  /* Load the scripts of `lib` in order (d3-geo needs d3-array first). */
  function need(lib) {
    if (lib === "network" && !document.getElementById("__________cytoscape_stylesheet")) {
      // cytoscape inserts an inline <style> unless an element of this id exists; the strict CSP
      // (style-src 'self') would refuse it, so its one rule lives in style.css instead
      var marker = document.createElement("meta");
      marker.id = "__________cytoscape_stylesheet";
      document.head.appendChild(marker);
    }
    return LIBS[lib].reduce(function (p, name) { return p.then(function () { return script(name); }); }, Promise.resolve());
  }

  function svg(tag, attrs) {
    var n = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) n.setAttribute(k, String(attrs[k])); });
    return n;
  }
  function title(node, text) { var t = svg("title"); t.textContent = String(text); node.appendChild(t); return node; }

  // colour of a net share in [-1, 1]: red (conflict) through light grey to green (cooperation)
  function mix(a, b, t) { return Math.round(a + (b - a) * t); }
  function netColour(v) {
    if (typeof v !== "number" || !isFinite(v)) return "rgb(160,160,160)";
    v = Math.max(-1, Math.min(1, v));
    var mid = [176, 176, 170], red = [215, 48, 39], green = [26, 152, 80], end = v < 0 ? red : green, t = Math.abs(v);
    return "rgb(" + mix(mid[0], end[0], t) + "," + mix(mid[1], end[1], t) + "," + mix(mid[2], end[2], t) + ")";
  }

  function iso(sec) { return new Date(sec * 1000).toISOString().slice(0, 10); }
  function toSec(d) { return Date.parse(String(d).slice(0, 10) + "T00:00:00Z") / 1000; }

  // ------------------------------------------------------------------ time series (uPlot)
  var DAY = 86400;
  // tick spacing, default format, then the format when the year / month / day changes (uPlot's table)
  var TIME_TICKS = [
    [DAY * 365, "{YYYY}", null, null, null, null, null, null, 1],
    [DAY * 28, "{MMM}", "\n{YYYY}", null, null, null, null, null, 1],
    [DAY, "{D} {MMM}", "\n{YYYY}", null, null, null, null, null, 1],
    [3600, "{HH}:{mm}", "\n{D} {MMM} {YYYY}", null, "\n{D} {MMM}", null, null, null, 1]
  ];

  /* cfg: {x: [seconds], series: [{label, values, stroke, dash, width, points}], yLabel, height,
   *       bands: [{start, end, fill}], marks: [{t, n, title}], onZoom(minSec, maxSec), onReset(), onDrawn(u)}
   * Drag across the plot to zoom in (onZoom), double-click to zoom out (onReset). */
  function timeSeries(el, cfg) {
    var width = Math.max(280, el.clientWidth || 800);
    var bands = cfg.bands || [], marks = cfg.marks || [];
    var opts = {
      width: width, height: cfg.height || 320,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
      scales: {x: {time: true}},
      series: [{label: "period", value: "{YYYY}-{MM}-{DD}"}].concat(cfg.series.map(function (s) {
        // a value between two missing periods draws no line: show the points of a sparse series
        var filled = s.values.filter(function (v) { return v !== null && v !== undefined; }).length;
        var sparse = filled < 0.6 * s.values.length || s.values.length < 80;
        return {label: s.label, stroke: s.stroke, width: s.width || 2, dash: s.dash, spanGaps: false,
                points: {show: !!s.points || sparse, size: s.pointSize || 6, fill: s.stroke, stroke: s.stroke},
                value: function (u, v) { return v === null || v === undefined ? "–" : String(Math.round(v * 100) / 100); }};
      })),
      axes: [
        {stroke: "#5b6473", grid: {stroke: "#eceef2"}, ticks: {stroke: "#d9dde4"}, values: TIME_TICKS, space: 60},
        {label: cfg.yLabel, labelSize: 18, stroke: "#5b6473", grid: {stroke: "#eceef2"}, ticks: {stroke: "#d9dde4"}, size: 52}
      ],
      cursor: {drag: {x: true, y: false, setScale: false},
               bind: {dblclick: function () { return function () { if (cfg.onReset) cfg.onReset(); return null; }; }}},
      hooks: {
        drawClear: [function (u) {
          var ctx = u.ctx, top = u.bbox.top, hgt = u.bbox.height;
          ctx.save();
          ctx.beginPath(); ctx.rect(u.bbox.left, top, u.bbox.width, hgt); ctx.clip();
          bands.forEach(function (b) {
            var x0 = u.valToPos(b.start, "x", true), x1 = u.valToPos(b.end, "x", true);
            ctx.fillStyle = b.fill; ctx.fillRect(x0, top, Math.max(1, x1 - x0), hgt);
          });
          // the zero line
          var y0 = u.valToPos(0, "y", true);
          if (y0 >= top && y0 <= top + hgt) {
            ctx.strokeStyle = "#9aa3b0"; ctx.setLineDash([3, 3]); ctx.lineWidth = 1;
            ctx.beginPath(); ctx.moveTo(u.bbox.left, y0); ctx.lineTo(u.bbox.left + u.bbox.width, y0); ctx.stroke();
          }
          ctx.restore();
        }],
        draw: [function (u) {
          var ctx = u.ctx, top = u.bbox.top, pr = window.devicePixelRatio || 1;
          ctx.save();
          ctx.font = Math.round(11 * pr) + "px system-ui, sans-serif";
          ctx.textAlign = "center"; ctx.textBaseline = "middle";
          var placed = [];  // marks closer than a label's width stack downwards
          marks.forEach(function (m) {
            var x = u.valToPos(m.t, "x", true);
            if (x < u.bbox.left - 1 || x > u.bbox.left + u.bbox.width + 1) return;
            var row = 0;
            while (placed.some(function (q) { return q.row === row && Math.abs(q.x - x) < 17 * pr; })) row++;
            placed.push({x: x, row: row});
            var cy = top + (8 + 17 * row) * pr;
            ctx.strokeStyle = "rgba(29,35,48,.55)"; ctx.setLineDash([2 * pr, 3 * pr]); ctx.lineWidth = pr;
            ctx.beginPath(); ctx.moveTo(x, cy + 8 * pr); ctx.lineTo(x, top + u.bbox.height); ctx.stroke();
            ctx.setLineDash([]);
            ctx.fillStyle = m.fill || "#1d2330";
            ctx.beginPath(); ctx.arc(x, cy, 8 * pr, 0, 2 * Math.PI); ctx.fill();
            ctx.fillStyle = "#fff"; ctx.fillText(String(m.n), x, cy);
          });
          ctx.restore();
          // the visible range, for people (the caller's text) and for tests
          el.setAttribute("data-min", iso(u.scales.x.min));
          el.setAttribute("data-max", iso(u.scales.x.max));
          if (cfg.onDrawn && !el.hasAttribute("data-ready")) cfg.onDrawn(u);
        }],
        setSelect: [function (u) {
          if (u.select.width < 4) return;
          var lo = u.posToVal(u.select.left, "x"), hi = u.posToVal(u.select.left + u.select.width, "x");
          u.setSelect({left: 0, width: 0, top: 0, height: 0}, false);
          if (cfg.onZoom) cfg.onZoom(lo, hi);
        }]
      }
    };
    var data = [cfg.x].concat(cfg.series.map(function (s) { return s.values; }));
    var u = new uPlot(opts, data, el);
    el._uplot = u;
    var resize = function () {
      if (!document.body.contains(el)) { window.removeEventListener("resize", resize); return; }
      u.setSize({width: Math.max(280, el.clientWidth), height: opts.height});
    };
    window.addEventListener("resize", resize);
    return u;
  }

  // ------------------------------------------------------------------ network (cytoscape)
  /* cfg: {nodes: [{id, label, weight, title}], edges: [{source, target, weight, value, colour}],
   *       onEdge(edge), onNode(node)} */
  function network(el, cfg) {
    var maxW = Math.max.apply(null, cfg.nodes.map(function (n) { return n.weight; }).concat([1]));
    var maxE = Math.max.apply(null, cfg.edges.map(function (e) { return e.weight; }).concat([1]));
    var elements = cfg.nodes.map(function (n) {
      return {data: {id: n.id, label: n.label, size: 10 + 26 * Math.sqrt(n.weight / maxW)}};
    }).concat(cfg.edges.map(function (e, i) {
      return {data: {id: "e" + i, source: e.source, target: e.target, colour: e.colour, i: i,
                     w: 1 + 9 * Math.sqrt(e.weight / maxE)}};
    }));
    var cy = cytoscape({
      container: el, elements: elements, minZoom: 0.2, maxZoom: 4,
      style: [
        {selector: "node", style: {"background-color": "#2b5fad", width: "data(size)", height: "data(size)", label: "data(label)",
                                   "font-size": 11, color: "#1d2330", "text-valign": "top", "text-margin-y": -3, "min-zoomed-font-size": 6,
                                   "text-outline-color": "#fff", "text-outline-width": 2}},
        {selector: "edge", style: {width: "data(w)", "line-color": "data(colour)", opacity: 0.8, "curve-style": "bezier"}},
        {selector: "edge:selected, edge.hover", style: {opacity: 1, "overlay-opacity": 0.12}},
        {selector: "node.faded, edge.faded", style: {opacity: 0.15}}
      ],
      // force layout: repulsion well above cose's default and long ideal edges keep nodes and labels apart
      layout: {name: "cose", animate: false, randomize: true, nodeRepulsion: function () { return 200000; },
               idealEdgeLength: function () { return 140; }, nodeOverlap: 40, gravity: 0.4, componentSpacing: 80,
               numIter: 2000, padding: 24}
    });
    cy.on("tap", "edge", function (ev) { if (cfg.onEdge) cfg.onEdge(cfg.edges[ev.target.data("i")]); });
    cy.on("tap", "node", function (ev) { if (cfg.onNode) cfg.onNode({id: ev.target.id()}); });
    cy.on("mouseover", "node", function (ev) {
      var hood = ev.target.closedNeighborhood();
      cy.elements().not(hood).addClass("faded");
    });
    cy.on("mouseout", "node", function () { cy.elements().removeClass("faded"); });
    el._cy = cy;
    return cy;
  }

  // ------------------------------------------------------------------ map (d3-geo + world-atlas)
  var atlas = null;
  function worldAtlas() {
    if (!atlas) atlas = fetch("/static/vendor/countries-110m.json").then(function (r) {
      if (!r.ok) throw new Error("could not load the world map");
      return r.json();
    }).then(function (topo) { return topojson.feature(topo, topo.objects.countries).features; });
    return atlas;
  }

  /* cfg: {features, countries: [{code, n3, name, events, coop, conflict, net}], points: [{lat, lon, name,
   *       country, events, coop, conflict}], onCountry(row), onPoint(point)}. An SVG that scales with
   *       its box (viewBox). */
  function worldMap(el, cfg) {
    var W = 960, H = 500;
    var projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [W - 4, H - 4]], {type: "Sphere"});
    var path = d3.geoPath(projection);
    var root = svg("svg", {viewBox: "0 0 " + W + " " + H, class: "worldmap", role: "img", "aria-label": cfg.label || "map of events"});
    root.appendChild(svg("path", {d: path({type: "Sphere"}), class: "sphere"}));
    root.appendChild(svg("path", {d: path(d3.geoGraticule10()), class: "graticule"}));
    var byN3 = {}, maxC = 1;
    cfg.countries.forEach(function (c) { if (c.n3) byN3[c.n3] = c; maxC = Math.max(maxC, c.events); });
    var land = svg("g", {class: "countries"});
    cfg.features.forEach(function (f) {
      var c = byN3[f.id];
      var p = svg("path", {d: path(f), class: "country" + (c ? " shaded" : "")});
      if (c) {
        p.setAttribute("fill", netColour(c.net));
        p.setAttribute("fill-opacity", (0.35 + 0.65 * Math.log(1 + c.events) / Math.log(1 + maxC)).toFixed(3));
        p.setAttribute("data-testid", "map-country");
        p.setAttribute("data-code", c.code);
        p.setAttribute("data-events", c.events);
        title(p, (c.name || (f.properties || {}).name || c.code) + " (" + c.code + "): " + c.events + " events, " + c.coop +
              " cooperative, " + c.conflict + " conflictual");
        p.addEventListener("click", function () { if (cfg.onCountry) cfg.onCountry(c); });
      } else title(p, (f.properties || {}).name || "");
      land.appendChild(p);
    });
    root.appendChild(land);
    var pts = svg("g", {class: "points"}), maxP = 1;
    cfg.points.forEach(function (q) { maxP = Math.max(maxP, q.events); });
    cfg.points.slice().sort(function (a, b) { return b.events - a.events; }).forEach(function (q) {
      var xy = projection([q.lon, q.lat]);
      if (!xy || !isFinite(xy[0]) || !isFinite(xy[1])) return;
      var net = q.events ? (q.coop - q.conflict) / q.events : 0;
      var c = svg("circle", {cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (2.5 + 10 * Math.sqrt(q.events / maxP)).toFixed(1),
                             fill: netColour(net), class: "point", "data-testid": "map-point", "data-events": q.events,
                             "data-name": q.name || ""});
      title(c, (q.name || "?") + (q.country ? " (" + q.country + ")" : "") + ": " + q.events + " events, " + q.coop +
            " cooperative, " + q.conflict + " conflictual");
      c.addEventListener("click", function () { if (cfg.onPoint) cfg.onPoint(q); });
      pts.appendChild(c);
    });
    root.appendChild(pts);
    el.appendChild(root);
    return root;
  }

  window.DWCharts = {need: need, timeSeries: timeSeries, network: network, worldAtlas: worldAtlas, worldMap: worldMap,
                     netColour: netColour, toSec: toSec, iso: iso};
})();
