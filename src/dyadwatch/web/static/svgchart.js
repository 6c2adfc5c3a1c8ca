/* svgchart.js: the dashboard's own small SVG charting module (no dependencies).
 *
 * SvgChart.timeChart(container, spec) draws a time chart:
 *   spec = {width, height, yDomain: [lo, hi], xDomain: [Date, Date] (optional), yLabel,
 *           bands: [{start, end, className, title}],           shaded intervals (regimes)
 *           lines: [{points: [{x: Date, y}], className, title}], polylines (series, fits)
 *           rules: [{x: Date, className, title}],               vertical markers
 *           dots: [{x: Date, y, r, className, title, data, testid}], clickable marks
 *           onDotClick: function (dot, element)}
 * SvgChart.network(container, spec) draws a circular actor network:
 *   spec = {width, height, nodes: [{id, label, weight}], valueScale (|value| of full colour),
 *           edges: [{source, target, weight, value, title, data}], onEdgeClick, onNodeClick}
 * Every label is set with textContent, never as markup.
 */
(function (global) {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";

  function el(tag, attrs, parent) {
    var node = document.createElementNS(NS, tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (attrs[k] !== undefined && attrs[k] !== null) node.setAttribute(k, String(attrs[k]));
      });
    }
    if (parent) parent.appendChild(node);
    return node;
  }

  function title(node, text) {
    if (text) { var t = el("title", null, node); t.textContent = String(text); }
    return node;
  }

  function scaleLinear(domain, range) {
    var d0 = domain[0], d1 = domain[1], r0 = range[0], r1 = range[1];
    if (d1 === d0) { d0 -= 1; d1 += 1; }
    var f = function (v) { return r0 + (v - d0) * (r1 - r0) / (d1 - d0); };
    f.domain = [d0, d1];
    f.ticks = function (n) { return niceTicks(d0, d1, n || 5); };
    return f;
  }

  function niceTicks(lo, hi, n) {
    var span = hi - lo, step = Math.pow(10, Math.floor(Math.log10(span / n)));
    var err = span / n / step;
    if (err >= 7.5) step *= 10; else if (err >= 3.5) step *= 5; else if (err >= 1.5) step *= 2;
    var out = [], v = Math.ceil(lo / step) * step;
    for (; v <= hi + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
    return out;
  }

  var DAY = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function timeTicks(t0, t1, n) {
    var span = (t1 - t0) / DAY, out = [], d;
    if (span <= 2 * n) {  // days
      var stepD = Math.max(1, Math.ceil(span / n));
      d = new Date(t0); d.setUTCHours(0, 0, 0, 0);
      for (; d.getTime() <= t1; d = new Date(d.getTime() + stepD * DAY)) if (d.getTime() >= t0) out.push({t: d.getTime(), label: d.getUTCDate() + " " + MONTHS[d.getUTCMonth()]});
      return out;
    }
    if (span <= 31 * 2 * n) {  // months
      var stepM = Math.max(1, Math.ceil(span / 30.4 / n));
      d = new Date(Date.UTC(new Date(t0).getUTCFullYear(), new Date(t0).getUTCMonth(), 1));
      for (; d.getTime() <= t1; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + stepM, 1))) {
        if (d.getTime() >= t0) out.push({t: d.getTime(), label: MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear()});
      }
      return out;
    }
    var stepY = Math.max(1, Math.ceil(span / 365.25 / n));
    for (var y = new Date(t0).getUTCFullYear(); y <= new Date(t1).getUTCFullYear() + 1; y += stepY) {
      var t = Date.UTC(y, 0, 1);
      if (t >= t0 && t <= t1) out.push({t: t, label: String(y)});
    }
    return out;
  }

  function toTime(x) {
    if (x instanceof Date) return x.getTime();
    if (typeof x === "number") return x;
    if (!x) return NaN;
    return Date.parse(String(x).length === 10 ? x + "T00:00:00Z" : x);
  }

  function clear(container) { while (container.firstChild) container.removeChild(container.firstChild); }

  function timeChart(container, spec) {
    clear(container);
    var W = spec.width || 900, H = spec.height || 320, m = {top: 14, right: 16, bottom: 30, left: 46};
    var svg = el("svg", {viewBox: "0 0 " + W + " " + H, width: "100%", class: "svgchart", role: "img",
                         "aria-label": spec.label || "chart"}, container);
    var times = [];
    (spec.lines || []).forEach(function (l) { l.points.forEach(function (p) { times.push(toTime(p.x)); }); });
    (spec.dots || []).forEach(function (p) { times.push(toTime(p.x)); });
    (spec.bands || []).forEach(function (b) { times.push(toTime(b.start), toTime(b.end)); });
    (spec.rules || []).forEach(function (r) { times.push(toTime(r.x)); });
    times = times.filter(function (t) { return !isNaN(t); });
    var t0 = spec.xDomain ? toTime(spec.xDomain[0]) : Math.min.apply(null, times);
    var t1 = spec.xDomain ? toTime(spec.xDomain[1]) : Math.max.apply(null, times);
    if (!isFinite(t0) || !isFinite(t1)) { var now = Date.now(); t0 = now - 30 * DAY; t1 = now; }
    if (t1 - t0 < 2 * DAY) { t0 -= 3 * DAY; t1 += 3 * DAY; }
    var pad = (t1 - t0) * 0.02; t0 -= pad; t1 += pad;
    var x = scaleLinear([t0, t1], [m.left, W - m.right]);
    var y = scaleLinear(spec.yDomain || [-10, 10], [H - m.bottom, m.top]);

    var gGrid = el("g", {class: "grid"}, svg);
    y.ticks(6).forEach(function (v) {
      el("line", {x1: m.left, x2: W - m.right, y1: y(v), y2: y(v), class: v === 0 ? "zero" : "gridline"}, gGrid);
      var t = el("text", {x: m.left - 6, y: y(v) + 4, class: "tick", "text-anchor": "end"}, gGrid);
      t.textContent = String(v);
    });
    timeTicks(t0, t1, Math.max(3, Math.floor((W - m.left - m.right) / 90))).forEach(function (tk) {
      el("line", {x1: x(tk.t), x2: x(tk.t), y1: H - m.bottom, y2: H - m.bottom + 4, class: "axis"}, gGrid);
      var t = el("text", {x: x(tk.t), y: H - m.bottom + 17, class: "tick", "text-anchor": "middle"}, gGrid);
      t.textContent = tk.label;
    });
    el("line", {x1: m.left, x2: W - m.right, y1: H - m.bottom, y2: H - m.bottom, class: "axis"}, gGrid);
    if (spec.yLabel) {
      var yl = el("text", {x: 12, y: m.top + (H - m.top - m.bottom) / 2, class: "axislabel", "text-anchor": "middle",
                           transform: "rotate(-90 12 " + (m.top + (H - m.top - m.bottom) / 2) + ")"}, gGrid);
      yl.textContent = spec.yLabel;
    }

    var gBands = el("g", {class: "bands"}, svg);
    (spec.bands || []).forEach(function (b) {
      var xa = x(Math.max(toTime(b.start), t0)), xb = x(Math.min(toTime(b.end), t1));
      if (!(xb >= xa)) return;
      title(el("rect", {x: xa, y: m.top, width: Math.max(1, xb - xa), height: H - m.top - m.bottom,
                        class: "band " + (b.className || ""), "data-testid": b.testid}, gBands), b.title);
    });
    var gRules = el("g", {class: "rules"}, svg);
    (spec.rules || []).forEach(function (r) {
      var xr = x(toTime(r.x));
      title(el("line", {x1: xr, x2: xr, y1: m.top, y2: H - m.bottom, class: "rule " + (r.className || "")}, gRules), r.title);
    });
    var gLines = el("g", {class: "lines"}, svg);
    (spec.lines || []).forEach(function (l) {
      var pts = l.points.filter(function (p) { return p.y !== null && p.y !== undefined && !isNaN(toTime(p.x)); })
        .map(function (p) { return x(toTime(p.x)).toFixed(1) + "," + y(p.y).toFixed(1); });
      if (!pts.length) return;
      title(el("polyline", {points: pts.join(" "), class: "line " + (l.className || ""), fill: "none"}, gLines), l.title);
      if (l.markers) l.points.forEach(function (p) {
        if (p.y === null || p.y === undefined) return;
        el("circle", {cx: x(toTime(p.x)), cy: y(p.y), r: 2.2, class: "linemarker " + (l.className || "")}, gLines);
      });
    });
    var gDots = el("g", {class: "dots"}, svg), taken = {};
    (spec.dots || []).forEach(function (d) {
      var t = toTime(d.x);
      if (isNaN(t) || d.y === null || d.y === undefined) return;
      // dots at the same place (same day, same score) spread sideways so that each can be clicked
      var r = d.r || 5, cx = x(t), cy = y(d.y), key = Math.round(cx / r) + ":" + Math.round(cy / r);
      var k = taken[key] || 0;
      taken[key] = k + 1;
      cx += (k % 2 ? 1 : -1) * Math.ceil(k / 2) * r * 1.7;
      var c = el("circle", {cx: cx, cy: cy, r: r, class: "dot " + (d.className || ""),
                            tabindex: 0, "data-testid": d.testid || "event-dot", "data-id": d.id}, gDots);
      title(c, d.title);
      if (spec.onDotClick) {
        c.addEventListener("click", function () { spec.onDotClick(d, c); });
        c.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") spec.onDotClick(d, c); });
      }
    });
    return svg;
  }

  function network(container, spec) {
    clear(container);
    var W = spec.width || 760, H = spec.height || 560;
    var svg = el("svg", {viewBox: "0 0 " + W + " " + H, width: "100%", class: "svgchart network", role: "img",
                         "aria-label": spec.label || "actor network"}, container);
    var nodes = spec.nodes || [], cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 60;
    var pos = {};
    nodes.forEach(function (n, i) {
      var a = -Math.PI / 2 + 2 * Math.PI * i / Math.max(1, nodes.length);
      pos[n.id] = {x: cx + R * Math.cos(a), y: cy + R * Math.sin(a), a: a};
    });
    var maxW = Math.max.apply(null, (spec.edges || []).map(function (e) { return e.weight; }).concat([1]));
    var maxN = Math.max.apply(null, nodes.map(function (n) { return n.weight || 1; }).concat([1]));
    var gE = el("g", {class: "edges"}, svg);
    (spec.edges || []).forEach(function (e) {
      var p = pos[e.source], q = pos[e.target];
      if (!p || !q) return;
      var line = el("path", {d: "M" + p.x + "," + p.y + " Q" + cx + "," + cy + " " + q.x + "," + q.y,
                             fill: "none", stroke: coopColor(e.value, spec.valueScale), "stroke-width": 1 + 7 * Math.sqrt(e.weight / maxW),
                             class: "edge", "data-testid": "network-edge"}, gE);
      title(line, e.title);
      if (spec.onEdgeClick) line.addEventListener("click", function () { spec.onEdgeClick(e); });
    });
    var gN = el("g", {class: "nodes"}, svg);
    nodes.forEach(function (n) {
      var p = pos[n.id], g = el("g", {class: "node", "data-testid": "network-node"}, gN);
      title(el("circle", {cx: p.x, cy: p.y, r: 4 + 10 * Math.sqrt((n.weight || 1) / maxN)}, g), n.title || n.label);
      var right = Math.cos(p.a) >= 0;
      var t = el("text", {x: p.x + 18 * Math.cos(p.a) + (right ? 4 : -4),
                          y: p.y + 18 * Math.sin(p.a) + 4, "text-anchor": right ? "start" : "end", class: "nodelabel"}, g);
      t.textContent = n.label;
      if (spec.onNodeClick) g.addEventListener("click", function () { spec.onNodeClick(n); });
    });
    return svg;
  }

  /* Red (conflict, -scale) through grey (0) to green (cooperation, +scale; default 6). */
  function coopColor(v, scale) {
    if (v === null || v === undefined || isNaN(v)) return "#999";
    var t = Math.max(-1, Math.min(1, v / (scale || 6)));
    var grey = [150, 150, 150], end = t >= 0 ? [26, 152, 80] : [215, 48, 39], a = Math.abs(t);
    var c = grey.map(function (g, i) { return Math.round(g + (end[i] - g) * a); });
    return "rgb(" + c.join(",") + ")";
  }

  global.SvgChart = {timeChart: timeChart, network: network, coopColor: coopColor, toTime: toTime, el: el};
})(window);
