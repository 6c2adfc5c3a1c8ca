/* dyadwatch dashboard. Views: dyad explorer, impact, events, network, article, event.
 *
 * Article text is untrusted. It reaches this page only as JSON and is put into the DOM with
 * textContent / text nodes (see h() and highlighted()); nothing here assigns innerHTML.
 */
(function () {
  "use strict";

  var main = document.getElementById("main");
  var detail = document.getElementById("detail");
  var actorsCache = null;
  var TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "SANCTION", "THREATEN", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"];
  var MODALITIES = ["asserted", "negated", "hypothetical", "future", "claimed"];

  // ---------------------------------------------------------------- DOM helpers (text only)
  function h(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k === "text") node.textContent = String(v);
      else if (k === "on") Object.keys(v).forEach(function (e) { node.addEventListener(e, v[e]); });
      else node.setAttribute(k, v === true ? "" : String(v));
    });
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }
  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function fmt(v, digits) {
    if (v === null || v === undefined || v === "") return "–";
    if (typeof v === "number") return digits === undefined ? String(v) : v.toFixed(digits);
    return String(v);
  }
  function errorBox(msg) { return h("div", {class: "error", role: "alert", text: msg}); }

  // ---------------------------------------------------------------- API
  function api(path) {
    return fetch(path, {headers: {Accept: "application/json"}}).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) {
          var d = body && body.detail;
          throw new Error((typeof d === "string" ? d : JSON.stringify(d || body)) + " (HTTP " + r.status + ")");
        }
        return body;
      });
    });
  }
  function qs(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      if (v !== undefined && v !== null && v !== "") parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(v));
    });
    return parts.length ? "?" + parts.join("&") : "";
  }
  function actors() {
    if (!actorsCache) actorsCache = api("/api/actors?limit=2000");
    return actorsCache;
  }

  // ---------------------------------------------------------------- routing
  function parseHash() {
    var raw = (location.hash || "#/dyad").slice(1), q = raw.indexOf("?");
    var path = q < 0 ? raw : raw.slice(0, q), params = {};
    if (q >= 0) raw.slice(q + 1).split("&").forEach(function (kv) {
      if (!kv) return;
      var i = kv.indexOf("=");
      params[decodeURIComponent(i < 0 ? kv : kv.slice(0, i))] = i < 0 ? "" : decodeURIComponent(kv.slice(i + 1).replace(/\+/g, " "));
    });
    var parts = path.split("/").filter(Boolean);
    return {view: parts[0] || "dyad", arg: parts.slice(1).map(decodeURIComponent).join("/"), params: params};
  }
  function go(view, params, replace) {
    var hash = "#/" + view + qs(params || {});
    if (replace) history.replaceState(null, "", hash); else location.hash = hash;
  }
  var views = {};
  function route() {
    var r = parseHash();
    document.querySelectorAll("header nav a[data-view]").forEach(function (a) {
      var v = a.getAttribute("data-view");
      a.classList.toggle("active", v === r.view || (v === "articles" && r.view === "article"));
    });
    clear(main);
    (views[r.view] || views.dyad)(r);
  }
  window.addEventListener("hashchange", route);

  // ---------------------------------------------------------------- shared pieces
  function actorName(list, code) {
    for (var i = 0; i < list.length; i++) if (list[i].code === code) return list[i].name || code;
    return code;
  }
  function actorSelect(list, name, value, label) {
    var sel = h("select", {name: name, "data-testid": "select-" + name, "aria-label": label});
    sel.appendChild(h("option", {value: "", text: "—"}));
    list.forEach(function (a) {
      var o = h("option", {value: a.code, text: a.code + (a.name ? " · " + a.name : "") + " (" + a.events + ")"});
      if (a.code === value) o.selected = true;
      sel.appendChild(o);
    });
    if (value && !list.some(function (a) { return a.code === value; })) {
      var extra = h("option", {value: value, text: value}); extra.selected = true; sel.appendChild(extra);
    }
    return h("label", null, label, sel);
  }
  function codesOf(list) { return (list || []).map(function (a) { return a.code || "?"; }).join(", ") || "–"; }
  function scoreClass(s) { return s === null || s === undefined ? "neutral" : s > 0 ? "coop" : s < 0 ? "conf" : "neutral"; }
  function eventTitle(e) {
    return fmt(e.date) + "  " + codesOf(e.actor) + " → " + e.event + " → " + codesOf(e.recipient) +
      (e.modality && e.modality !== "asserted" ? " (" + e.modality + ")" : "");
  }

  /* The sentence (or whole text) with actor, trigger and recipient spans as <mark> elements.
   * `base` is the offset of `text` in the article; spans carry article offsets. Text nodes only. */
  function highlighted(text, base, spans, className) {
    var box = h("div", {class: className || "sentence", "data-testid": "highlighted"});
    text = text || "";
    if (className !== "articletext") {  // drop the sentence's surrounding white space, keep offsets right
      var lead = text.length - text.replace(/^\s+/, "").length;
      text = text.slice(lead).replace(/\s+$/, "");
      base += lead;
    }
    var cut = [];
    spans.forEach(function (s) {
      var start = s.start, end = s.end;
      if (typeof start === "number" && typeof end === "number") { start -= base; end -= base; }
      if (!(typeof start === "number" && start >= 0 && end <= text.length && end > start) ||
          (s.text && text.slice(start, end) !== s.text)) {
        // offsets missing or not matching: fall back to finding the words in the text
        var i = s.text ? text.indexOf(s.text) : -1;
        if (i < 0) return;
        start = i; end = i + s.text.length;
      }
      cut.push({start: start, end: end, kind: s.kind, focus: s.focus, title: s.title, id: s.id});
    });
    cut.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    var pos = 0;
    cut.forEach(function (c) {
      if (c.start < pos) return;  // overlapping span: keep the first
      if (c.start > pos) box.appendChild(document.createTextNode(text.slice(pos, c.start)));
      var m = h("mark", {class: c.kind + (c.focus ? " focus" : ""), "data-kind": c.kind, title: c.title || c.kind,
                         "data-testid": "mark-" + c.kind});
      m.textContent = text.slice(c.start, c.end);
      if (c.id) m.setAttribute("data-event", c.id);
      box.appendChild(m);
      pos = c.end;
    });
    if (pos < text.length) box.appendChild(document.createTextNode(text.slice(pos)));
    return box;
  }
  function eventSpans(e, focus) {
    var ev = e.evidence || {}, out = [];
    (ev.actor || e.actor || []).forEach(function (a) { out.push({start: a.start, end: a.end, text: a.text || a.entity_text, kind: "actor", focus: focus, id: e.id, title: "actor"}); });
    if (ev.trigger) out.push({start: ev.trigger.start, end: ev.trigger.end, text: ev.trigger.text, kind: "trigger", focus: focus, id: e.id, title: "trigger: " + e.event});
    (ev.recipient || e.recipient || []).forEach(function (a) { out.push({start: a.start, end: a.end, text: a.text || a.entity_text, kind: "recipient", focus: focus, id: e.id, title: "recipient"}); });
    return out.filter(function (s) { return s.text || typeof s.start === "number"; });
  }
  function sentenceBase(e) {
    var ev = e.evidence || {};
    return typeof ev.sentence_start === "number" ? ev.sentence_start : null;
  }

  /* Event facts and its highlighted sentence. */
  function eventCard(e) {
    var base = sentenceBase(e);
    var spans = eventSpans(e, false);
    if (base === null) spans.forEach(function (s) { s.start = null; s.end = null; });
    var art = e.article || {};
    return h("div", {class: "eventcard", "data-testid": "event-detail", "data-id": e.id},
      h("h2", {text: codesOf(e.actor) + " → " + e.event + (e.mode ? " (" + e.mode + ")" : "") + " → " + codesOf(e.recipient)}),
      highlighted(e.event_text || "", base || 0, spans, "sentence"),
      h("div", {class: "legend"}, h("span", {class: "lg-actor", text: "actor"}), h("span", {class: "lg-trigger", text: "trigger"}),
        h("span", {class: "lg-recipient", text: "recipient"})),
      h("dl", {class: "facts"},
        h("dt", {text: "date"}), h("dd", {text: fmt(e.date) + (e.date_precision ? " (" + e.date_precision + ")" : "")}),
        h("dt", {text: "modality"}), h("dd", null, h("span", {class: "badge " + (e.modality || ""), "data-testid": "modality", text: fmt(e.modality)})),
        h("dt", {text: "confidence"}), h("dd", {"data-testid": "confidence", text: fmt(e.confidence, 2)}),
        h("dt", {text: "PLOVER score"}), h("dd", {text: fmt(e.plover_score) + "  (quad " + fmt(e.quad_code) + ")"}),
        h("dt", {text: "CAMEO"}), h("dd", {text: fmt(e.cameo) + (e.goldstein !== null && e.goldstein !== undefined ? "  Goldstein " + e.goldstein : "")}),
        h("dt", {text: "context"}), h("dd", {text: (e.context || []).join(", ") || "–"}),
        h("dt", {text: "origin"}), h("dd", {text: fmt(e.origin)}),
        h("dt", {text: "lexicon"}), h("dd", {text: fmt((e.evidence || {}).lexicon_id)}),
        h("dt", {text: "article"}), h("dd", null, e.story_id ?
          h("a", {href: "#/article/" + encodeURIComponent(e.story_id) + qs({event: e.id}), "data-testid": "article-link",
                  text: art.title || e.story_id}) : "–"),
        art.url ? [h("dt", {text: "source"}), h("dd", null, safeLink(art.url))] : null,
        h("dt", {text: "id"}), h("dd", {class: "muted", text: e.id})));
  }
  function safeLink(url) {
    var ok = /^https?:\/\//i.test(String(url));
    return ok ? h("a", {href: url, rel: "noopener noreferrer nofollow", target: "_blank", text: url}) : h("span", {text: url});
  }
  function closeDetail() { detail.hidden = true; clear(detail); document.body.classList.remove("with-detail"); }
  function showEvent(id) {
    detail.hidden = false;
    document.body.classList.add("with-detail");
    clear(detail);
    detail.appendChild(h("button", {class: "close secondary", "aria-label": "close", "data-testid": "detail-close", text: "×",
                                    on: {click: closeDetail}}));
    var box = h("div", null, h("p", {class: "muted", text: "Loading event…"}));
    detail.appendChild(box);
    return api("/api/events/" + encodeURIComponent(id)).then(function (e) {
      clear(box); box.appendChild(eventCard(e));
    }).catch(function (err) { clear(box); box.appendChild(errorBox(err.message)); });
  }

  var FREQS = [["day", "day"], ["week", "week"], ["month", "month"], ["quarter", "quarter"]];
  var MEASURES = [["net_coop", "net cooperation (cooperative − conflictual events)"], ["plover_mean", "mean PLOVER score"],
                  ["n_events", "number of events"]];
  function options(name, pairs, value, label) {
    var sel = h("select", {name: name, "aria-label": label, "data-testid": "select-" + name});
    pairs.forEach(function (p) { var o = h("option", {value: p[0], text: p[1]}); if (p[0] === value) o.selected = true; sel.appendChild(o); });
    return h("label", null, label, sel);
  }
  function measureLabel(m) { for (var i = 0; i < MEASURES.length; i++) if (MEASURES[i][0] === m) return MEASURES[i][1]; return m; }
  function domainOf(values, minSpan) {
    var v = values.filter(function (x) { return typeof x === "number" && isFinite(x); }).concat([0]);
    var lo = Math.min.apply(null, v), hi = Math.max.apply(null, v);
    if (hi - lo < minSpan) { var mid = (hi + lo) / 2; lo = Math.min(lo, mid - minSpan / 2); hi = Math.max(hi, mid + minSpan / 2); }
    var pad = (hi - lo) * 0.08;
    return [Math.floor(lo - pad), Math.ceil(hi + pad)];
  }

  // ---------------------------------------------------------------- dyad explorer
  views.dyad = function (r) {
    var a = (r.params.a || "").toUpperCase(), b = (r.params.b || "").toUpperCase();
    var freq = r.params.freq || "month", measure = r.params.measure || "net_coop";
    main.appendChild(h("h1", {text: "Dyad explorer"}));
    var form = h("form", {class: "controls", "data-testid": "dyad-form"});
    var chartBox = h("div", {class: "card", "data-testid": "dyad-chart"});
    var info = h("div");
    main.appendChild(form); main.appendChild(info); main.appendChild(chartBox);
    actors().then(function (list) {
      append(form, [actorSelect(list, "a", a, "actor A"), actorSelect(list, "b", b, "actor B"),
                    options("freq", FREQS, freq, "period"), options("measure", MEASURES, measure, "measure"),
                    h("button", {type: "submit", "data-testid": "dyad-show", text: "Show"})]);
      var submit = function () {
        go("dyad", {a: form.elements.a.value, b: form.elements.b.value, freq: form.elements.freq.value,
                    measure: form.elements.measure.value});
      };
      form.addEventListener("submit", function (ev) { ev.preventDefault(); submit(); });
      ["a", "b", "freq", "measure"].forEach(function (n) {
        form.elements[n].addEventListener("change", function () { if (form.elements.a.value && form.elements.b.value) submit(); });
      });
      if (!a || !b) {
        chartBox.appendChild(h("p", {class: "muted", text: list.length ? "Choose two actors to see how they treat each other over time." :
          "The database holds no events yet: run `dyadwatch ingest` or `dyadwatch demo`."}));
        return;
      }
      if (a === b) { chartBox.appendChild(errorBox("Choose two different actors.")); return; }
      info.appendChild(h("p", {class: "muted", text: actorName(list, a) + " (" + a + ") and " + actorName(list, b) + " (" + b +
        "): asserted events either way, per " + freq + ". Click a dot below the series to read the event's evidence."}));
      drawDyad(a, b, freq, measure, chartBox);
    }).catch(function (err) { main.appendChild(errorBox(err.message)); });
  };

  function dyadEvents(a, b, extra) {
    return api("/api/events" + qs(Object.assign({dyad: a + "," + b, limit: 1000}, extra || {})));
  }

  function drawDyad(a, b, freq, measure, box) {
    box.appendChild(h("p", {class: "muted", text: "Loading…"}));
    var base = "/api/dyads/" + encodeURIComponent(a) + "/" + encodeURIComponent(b);
    var soft = function (p) { return p.catch(function (err) { return {error: err.message}; }); };
    Promise.all([soft(api(base + "/series" + qs({freq: freq}))), soft(api(base + "/regimes" + qs({freq: freq, measure: measure}))),
                 dyadEvents(a, b), soft(api(base + "/reciprocity" + qs({freq: freq, measure: measure})))])
      .then(function (res) {
        var series = res[0], regimes = res[1], events = res[2], recip = res[3];
        clear(box);
        var items = events.items.filter(function (e) { return e.date; });
        var lines = [], bands = [], ys = [];
        if (series.points && series.points.length) {
          [["both", "series", "both directions"], ["a->b", "ab", a + " → " + b], ["b->a", "ba", b + " → " + a]].forEach(function (d) {
            var pts = series.points.filter(function (p) { return p.direction === d[0]; })
              .map(function (p) { var v = p[measure]; ys.push(v); return {x: p.period, y: typeof v === "number" ? v : null}; });
            if (pts.length) lines.push({points: pts, className: d[1], title: d[2], markers: d[0] === "both"});
          });
        }
        if (regimes.regimes) regimes.regimes.forEach(function (g) {
          var level = typeof g.level === "number" ? g.level : null;
          var end = new Date(SvgChart.toTime(g.end));
          end.setUTCDate(end.getUTCDate() + ({day: 1, week: 7, month: 30, quarter: 91}[freq] || 1));
          var top = (g.top_events || []).map(function (e) { return fmt(e.date) + " " + e.source + " " + e.event + " " + (e.target || ""); });
          bands.push({start: g.start, end: end, testid: "regime",
                      className: level === null || level === 0 ? "flat" : level > 0 ? "up" : "down",
                      title: "regime " + g.regime + ": " + g.start + " to " + g.end + ", level " + fmt(level, 2) + ", " + g.n_events +
                             " events" + (top.length ? "\n" + top.join("\n") : "")});
        });
        var times = items.map(function (e) { return SvgChart.toTime(e.date); });
        lines.forEach(function (l) { l.points.forEach(function (p) { times.push(SvgChart.toTime(p.x)); }); });
        bands.forEach(function (bd) { times.push(SvgChart.toTime(bd.end)); });
        var xDomain = times.length ? [Math.min.apply(null, times), Math.max.apply(null, times)] : null;
        var dots = items.map(function (e) {
          return {x: e.date, y: typeof e.plover_score === "number" ? e.plover_score : 0, id: e.id, r: e.modality === "asserted" ? 5.5 : 4,
                  className: scoreClass(e.plover_score) + (e.modality !== "asserted" ? " unasserted" : ""),
                  title: eventTitle(e) + "\n" + (e.event_text || "").trim(), testid: "event-dot"};
        });
        box.appendChild(h("h2", {text: measureLabel(measure) + " per " + freq}));
        box.appendChild(h("div", {class: "legend"}, h("span", {class: "lg-series", text: "both directions"}),
          h("span", {class: "lg-ab", text: a + " → " + b}), h("span", {class: "lg-ba", text: b + " → " + a}),
          h("span", {class: "lg-regime-up", text: "cooperative regime"}), h("span", {class: "lg-regime-down", text: "conflictual regime"})));
        var chart = h("div", {class: "chart", "data-testid": "series-chart"});
        box.appendChild(chart);
        if (xDomain) SvgChart.timeChart(chart, {width: 1100, height: 260, yDomain: domainOf(ys, 2), yLabel: measure,
          xDomain: xDomain, lines: lines, bands: bands, label: a + "–" + b + " series"});
        box.appendChild(h("h2", {text: "Events (PLOVER score, +10 cooperation … −10 conflict)"}));
        box.appendChild(h("div", {class: "legend"}, h("span", {class: "lg-coop", text: "cooperative"}), h("span", {class: "lg-conf", text: "conflictual"}),
          h("span", {class: "lg-neutral", text: "neutral (score 0)"}), h("span", {class: "lg-unasserted", text: "not asserted (negated, future…)"})));
        var evChart = h("div", {class: "chart", "data-testid": "events-chart"});
        box.appendChild(evChart);
        if (xDomain) SvgChart.timeChart(evChart, {width: 1100, height: 220, yDomain: [-10, 10], yLabel: "PLOVER score",
          xDomain: xDomain, bands: bands, dots: dots, label: a + "–" + b + " events",
          onDotClick: function (d, node) {
            evChart.querySelectorAll(".dot.selected").forEach(function (n) { n.classList.remove("selected"); });
            node.classList.add("selected");
            showEvent(d.id);
          }});
        var notes = [];
        if (series.error) notes.push("series: " + series.error);
        if (regimes.error) notes.push("regimes: " + regimes.error);
        else if (regimes.change_points) notes.push(regimes.regimes.length + " regime(s); change points: " + (regimes.change_points.join(", ") || "none"));
        if (series.n_undated) notes.push(series.n_undated + " undated events left out");
        if (notes.length) box.appendChild(h("p", {class: "muted", "data-testid": "dyad-notes", text: notes.join(" · ")}));
        box.appendChild(reciprocityBox(recip, freq));
        box.appendChild(h("p", {class: "muted", "data-testid": "dyad-count",
          text: events.total + " events between " + a + " and " + b + (events.total > items.length ? " (" + items.length + " dated shown)" : "")}));
        box.appendChild(h("p", null, h("a", {href: "#/impact" + qs({a: a, b: b, freq: freq, measure: measure}), text: "Impact of an event on this dyad →"}), "  ",
          h("a", {href: "#/events" + qs({dyad: a + "," + b}), text: "Table of these events →"})));
        if (!items.length) box.appendChild(h("p", {class: "muted", text: "No dated events between these two actors."}));
      }).catch(function (err) { clear(box); box.appendChild(errorBox(err.message)); });
  }

  function reciprocityBox(rec, freq) {
    var box = h("div", {"data-testid": "reciprocity"}, h("h2", {text: "Reciprocity"}));
    if (rec.error) { box.appendChild(h("p", {class: "muted", text: rec.error})); return box; }
    (rec.responses || []).forEach(function (r) {
      var line = r.responder + " answering " + r.to + ": ";
      if (r.best_lag === null || r.best_lag === undefined) line += r.note || "cannot be measured";
      else line += "strongest correlation at lag " + r.best_lag + " " + freq + "(s), r = " + fmt(r.correlation, 2) +
        (r.granger_min_p !== null && r.granger_min_p !== undefined ? "; Granger test p = " + fmt(r.granger_min_p, 3) +
         " at lag " + r.granger_best_lag : "");
      box.appendChild(h("p", {text: line}));
    });
    if (rec.note) box.appendChild(h("p", {class: "muted", text: rec.note}));
    return box;
  }

  // ---------------------------------------------------------------- impact
  views.impact = function (r) {
    var a = (r.params.a || "").toUpperCase(), b = (r.params.b || "").toUpperCase();
    var date = r.params.date || "", eventId = r.params.event || "";
    var freq = r.params.freq || "week", measure = r.params.measure || "net_coop", win = r.params.window || "";
    main.appendChild(h("h1", {text: "Impact of an event"}));
    var form = h("form", {class: "controls", "data-testid": "impact-form"});
    var out = h("div", {class: "card", "data-testid": "impact-result"});
    main.appendChild(form); main.appendChild(out);
    actors().then(function (list) {
      var dateIn = h("input", {type: "date", name: "date", value: date, "aria-label": "date", "data-testid": "impact-date"});
      var evSel = h("select", {name: "event", "aria-label": "event", "data-testid": "impact-event"});
      evSel.appendChild(h("option", {value: "", text: "— or pick an event —"}));
      append(form, [actorSelect(list, "a", a, "actor A"), actorSelect(list, "b", b, "actor B"),
                    h("label", null, "date", dateIn), h("label", null, "event", evSel),
                    options("freq", FREQS, freq, "period"), options("measure", MEASURES, measure, "measure"),
                    h("label", null, "window (periods each side)", h("input", {type: "number", name: "window", min: 2, value: win, size: 4})),
                    h("button", {type: "submit", "data-testid": "impact-show", text: "Measure"})]);
      var fillEvents = function (x, y) {
        while (evSel.options.length > 1) evSel.remove(1);
        if (!x || !y || x === y) return;
        dyadEvents(x, y, {limit: 500}).then(function (res) {
          res.items.forEach(function (e) {
            var o = h("option", {value: e.id, text: eventTitle(e)}); if (e.id === eventId) o.selected = true; evSel.appendChild(o);
          });
        }).catch(function () {});
      };
      fillEvents(a, b);
      form.elements.a.addEventListener("change", function () { fillEvents(form.elements.a.value, form.elements.b.value); });
      form.elements.b.addEventListener("change", function () { fillEvents(form.elements.a.value, form.elements.b.value); });
      evSel.addEventListener("change", function () { if (evSel.value) dateIn.value = ""; });
      dateIn.addEventListener("change", function () { if (dateIn.value) evSel.value = ""; });
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var f = form.elements;
        go("impact", {a: f.a.value, b: f.b.value, date: dateIn.value, event: dateIn.value ? "" : evSel.value,
                      freq: f.freq.value, measure: f.measure.value, window: f.window.value});
      });
      if (!a || !b || !(date || eventId)) {
        out.appendChild(h("p", {class: "muted", text: "Choose two actors and a date or one of their events. The view fits the dyad's " +
          "series before and after that date (segmented regression) and says whether the dynamic changed."}));
        return;
      }
      drawImpact({a: a, b: b, date: date, event: eventId, freq: freq, measure: measure, window: win}, out);
    }).catch(function (err) { out.appendChild(errorBox(err.message)); });
  };

  function drawImpact(p, out) {
    out.appendChild(h("p", {class: "muted", text: "Measuring…"}));
    var url = "/api/dyads/" + encodeURIComponent(p.a) + "/" + encodeURIComponent(p.b) + "/impact" +
      qs({date: p.date, event: p.event, freq: p.freq, measure: p.measure, window: p.window});
    api(url).then(function (res) {
      clear(out);
      var cls = res.significant === true ? "changed" : res.significant === false ? "unchanged" : "unknown";
      out.appendChild(h("div", {class: "verdict " + cls, "data-testid": "verdict", text: fmt(res.verdict)}));
      if (res.event) {
        out.appendChild(h("p", null, "Event: ", h("a", {href: "#", text: eventTitle({date: res.event.date, actor: [{code: res.event.actor_code}],
          recipient: [{code: res.event.recipient_code}], event: res.event.event}), on: {click: function (ev) { ev.preventDefault(); showEvent(res.event.id); }}})));
      }
      var fit = res.fit || [];
      var pick = function (k) { return fit.filter(function (q) { return typeof q[k] === "number"; }).map(function (q) { return {x: q.period, y: q[k]}; }); };
      var lines = [{points: pick("value"), className: "observed", title: "observed", markers: true},
                   {points: pick("before"), className: "before", title: "fit before"},
                   {points: pick("counterfactual"), className: "counterfactual", title: "before-trend continued"},
                   {points: pick("after"), className: "after", title: "fit after"}];
      var ys = [];
      lines.forEach(function (l) { l.points.forEach(function (q) { ys.push(q.y); }); });
      out.appendChild(h("div", {class: "legend"}, h("span", {class: "lg-observed", text: "observed " + measureLabel(res.measure)}),
        h("span", {class: "lg-before", text: "fit before"}), h("span", {class: "lg-cf", text: "before-trend continued"}),
        h("span", {class: "lg-after", text: "fit after"})));
      var chart = h("div", {class: "chart", "data-testid": "impact-chart"});
      out.appendChild(chart);
      if (fit.length) {
        SvgChart.timeChart(chart, {width: 1100, height: 300, yDomain: domainOf(ys, 2), yLabel: res.measure, lines: lines,
          rules: [{x: res.date, title: "date " + res.date}], label: "impact chart"});
      } else chart.appendChild(h("p", {class: "muted", text: "No series to draw."}));
      var facts = h("dl", {class: "facts", "data-testid": "impact-facts"});
      [["dyad", "dyad"], ["date", "date"], ["freq", "period"], ["measure", "measure"], ["level_change", "level change"],
       ["ci_low", "95% CI low"], ["ci_high", "95% CI high"], ["p_value", "p value"], ["trend_change", "trend change"],
       ["placebo_p", "placebo p"], ["n_placebo", "placebo dates"], ["pre_mean", "mean before"], ["post_mean", "mean after"],
       ["n_pre", "periods before"], ["n_post", "periods after"], ["n_events", "events"]].forEach(function (k) {
        var v = res[k[0]];
        if (v === undefined) return;
        append(facts, [h("dt", {text: k[1]}), h("dd", {text: typeof v === "number" ? String(Math.round(v * 1000) / 1000) : fmt(v)})]);
      });
      out.appendChild(facts);
    }).catch(function (err) { clear(out); out.appendChild(errorBox(err.message)); });
  }
  // ---------------------------------------------------------------- events table
  views.events = function (r) {
    var p = r.params, offset = parseInt(p.offset || "0", 10) || 0, limit = 50;
    main.appendChild(h("h1", {text: "Events"}));
    var form = h("form", {class: "controls", "data-testid": "events-form"});
    var typeSel = h("select", {name: "type", "aria-label": "type"}, h("option", {value: "", text: "any"}));
    TYPES.forEach(function (t) { var o = h("option", {value: t, text: t}); if (t === p.type) o.selected = true; typeSel.appendChild(o); });
    var modSel = h("select", {name: "modality", "aria-label": "modality"}, h("option", {value: "", text: "any"}));
    MODALITIES.forEach(function (m) { var o = h("option", {value: m, text: m}); if (m === p.modality) o.selected = true; modSel.appendChild(o); });
    append(form, [
      h("label", null, "actor", h("input", {name: "actor", value: p.actor || "", size: 10, placeholder: "USA"})),
      h("label", null, "recipient", h("input", {name: "recipient", value: p.recipient || "", size: 10, placeholder: "PRK"})),
      h("label", null, "type", typeSel), h("label", null, "modality", modSel),
      h("label", null, "since", h("input", {type: "date", name: "since", value: p.since || ""})),
      h("label", null, "until", h("input", {type: "date", name: "until", value: p.until || ""})),
      h("button", {type: "submit", "data-testid": "events-filter", text: "Filter"})]);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var f = form.elements;
      go("events", {actor: f.actor.value.trim(), recipient: f.recipient.value.trim(), type: f.type.value,
                    modality: f.modality.value, since: f.since.value, until: f.until.value,
                    dyad: f.actor.value.trim() || f.recipient.value.trim() ? "" : p.dyad});
    });
    main.appendChild(form);
    var box = h("div");
    main.appendChild(box);
    var filters = {actor: p.actor, recipient: p.recipient, type: p.type, modality: p.modality, since: p.since, until: p.until,
                   dyad: p.dyad};
    if (p.dyad) main.insertBefore(h("p", {class: "muted"}, "Events between " + p.dyad.replace(",", " and ") + ", either way. ",
      h("a", {href: "#/events", text: "All events"})), form);
    api("/api/events" + qs(Object.assign({limit: limit, offset: offset}, filters))).then(function (res) {
      var tbody = h("tbody");
      res.items.forEach(function (e) {
        tbody.appendChild(h("tr", {"data-testid": "event-row", "data-id": e.id, tabindex: 0,
                                   on: {click: function () { showEvent(e.id); }, keydown: function (ev) { if (ev.key === "Enter") showEvent(e.id); }}},
          h("td", {text: fmt(e.date)}), h("td", {text: codesOf(e.actor)}),
          h("td", null, h("span", {class: "badge " + scoreClass(e.plover_score), text: e.event}), e.mode ? " " + e.mode : ""),
          h("td", {text: codesOf(e.recipient)}), h("td", null, h("span", {class: "badge " + e.modality, text: e.modality})),
          h("td", {text: fmt(e.confidence, 2)}), h("td", {class: "snippet", text: (e.event_text || "").trim()})));
      });
      box.appendChild(h("p", {class: "muted", "data-testid": "events-total",
        text: res.total + " events" + (res.total ? ", " + (offset + 1) + "–" + (offset + res.items.length) + " shown, newest first" : "")}));
      box.appendChild(h("table", {class: "events", "data-testid": "events-table"},
        h("thead", null, h("tr", null, ["date", "actor", "event", "recipient", "modality", "conf.", "sentence"].map(function (c) { return h("th", {text: c}); }))),
        tbody));
      var pager = h("div", {class: "pager"});
      var prev = h("button", {class: "secondary", text: "← previous", disabled: offset <= 0,
                              on: {click: function () { go("events", Object.assign({}, filters, {offset: Math.max(0, offset - limit)})); }}});
      var next = h("button", {class: "secondary", text: "next →", "data-testid": "events-next", disabled: offset + limit >= res.total,
                              on: {click: function () { go("events", Object.assign({}, filters, {offset: offset + limit})); }}});
      append(pager, [prev, next]);
      box.appendChild(pager);
    }).catch(function (err) { box.appendChild(errorBox(err.message)); });
  };

  // ---------------------------------------------------------------- network
  views.network = function (r) {
    var minEvents = parseInt(r.params.min || "1", 10) || 1, top = parseInt(r.params.top || "60", 10) || 60;
    main.appendChild(h("h1", {text: "Actor network"}));
    main.appendChild(h("p", {class: "muted", text: "Who interacts with whom (asserted events). Edge width: number of events; colour: net " +
      "cooperation (cooperative minus conflictual events, as a share of all), green cooperative, red conflictual. " +
      "Click an edge to explore the dyad, a name to list its events."}));
    var form = h("form", {class: "controls"},
      h("label", null, "min. events", h("input", {type: "number", name: "min", min: 1, value: minEvents, size: 4})),
      h("label", null, "busiest pairs", h("input", {type: "number", name: "top", min: 1, max: 500, value: top, size: 4})),
      h("button", {type: "submit", text: "Draw"}));
    form.addEventListener("submit", function (ev) { ev.preventDefault(); go("network", {min: form.elements.min.value, top: form.elements.top.value}); });
    main.appendChild(form);
    var box = h("div", {class: "card", "data-testid": "network"});
    main.appendChild(box);
    Promise.all([api("/api/network" + qs({min_events: minEvents, limit: top})), actors()]).then(function (res) {
      var edges = res[0].edges, list = res[1], weight = {};
      if (!edges.length) { box.appendChild(h("p", {class: "muted", text: "No interactions between two actors yet."})); return; }
      edges.forEach(function (e) { weight[e.a] = (weight[e.a] || 0) + e.events; weight[e.b] = (weight[e.b] || 0) + e.events; });
      var nodes = Object.keys(weight).sort().map(function (c) { return {id: c, label: c, weight: weight[c], title: actorName(list, c) + ": " + weight[c] + " events"}; });
      box.appendChild(h("div", {class: "legend"}, h("span", {class: "lg-coop", text: "net cooperation"}), h("span", {class: "lg-conf", text: "net conflict"})));
      var chart = h("div", {class: "chart"});
      box.appendChild(chart);
      SvgChart.network(chart, {width: 900, height: 620, nodes: nodes,
        edges: edges.map(function (e) {
          return {source: e.a, target: e.b, weight: e.events, value: e.net_coop_share,
                  title: e.a + " – " + e.b + ": " + e.events + " events, " + e.cooperation + " cooperative, " + e.conflict +
                         " conflictual (net " + (e.net_coop > 0 ? "+" : "") + e.net_coop + "), mean PLOVER score " + fmt(e.net, 2),
                  data: e};
        }),
        valueScale: 1,
        onEdgeClick: function (e) { go("dyad", {a: e.source, b: e.target}); },
        onNodeClick: function (n) { go("events", {actor: n.id}); }});
    }).catch(function (err) { box.appendChild(errorBox(err.message)); });
  };

  // ---------------------------------------------------------------- articles
  views.articles = function (r) {
    var offset = parseInt(r.params.offset || "0", 10) || 0, limit = 50;
    main.appendChild(h("h1", {text: "Articles"}));
    var box = h("div");
    main.appendChild(box);
    api("/api/articles" + qs({limit: limit, offset: offset})).then(function (res) {
      box.appendChild(h("p", {class: "muted", text: res.total + " articles, newest first"}));
      var tbody = h("tbody");
      res.items.forEach(function (a) {
        tbody.appendChild(h("tr", {"data-testid": "article-row", tabindex: 0,
                                   on: {click: function () { go("article/" + encodeURIComponent(a.id)); },
                                        keydown: function (ev) { if (ev.key === "Enter") go("article/" + encodeURIComponent(a.id)); }}},
          h("td", {text: fmt(a.date)}), h("td", {text: a.title || "(untitled)"}), h("td", {text: fmt(a.source)}),
          h("td", {text: fmt(a.language)}), h("td", {text: fmt(a.n_events)})));
      });
      box.appendChild(h("table", {class: "events"},
        h("thead", null, h("tr", null, ["date", "title", "source", "lang.", "events"].map(function (c) { return h("th", {text: c}); }))),
        tbody));
      append(box, h("div", {class: "pager"},
        h("button", {class: "secondary", text: "← previous", disabled: offset <= 0,
                     on: {click: function () { go("articles", {offset: Math.max(0, offset - limit)}); }}}),
        h("button", {class: "secondary", text: "next →", disabled: offset + limit >= res.total,
                     on: {click: function () { go("articles", {offset: offset + limit}); }}})));
    }).catch(function (err) { box.appendChild(errorBox(err.message)); });
  };

  // ---------------------------------------------------------------- article
  views.article = function (r) {
    var id = r.arg, focus = r.params.event;
    var box = h("div", {"data-testid": "article"});
    main.appendChild(box);
    box.appendChild(h("p", {class: "muted", text: "Loading article…"}));
    api("/api/articles/" + encodeURIComponent(id)).then(function (art) {
      clear(box);
      box.appendChild(h("h1", {"data-testid": "article-title", text: art.title || "(untitled article)"}));
      box.appendChild(h("p", {class: "muted"}, [fmt(art.date), art.source ? " · " + art.source : "", art.language ? " · " + art.language : "",
        " · " + (art.events || []).length + " events"]));
      if (art.url) box.appendChild(h("p", null, safeLink(art.url)));
      var spans = [];
      (art.events || []).forEach(function (e) { spans = spans.concat(eventSpans(e, e.id === focus).filter(function (s) { return typeof s.start === "number"; })); });
      var text = highlighted(art.text || "", 0, spans, "articletext");
      text.setAttribute("data-testid", "article-text");
      text.addEventListener("click", function (ev) {
        var m = ev.target.closest && ev.target.closest("mark[data-event]");
        if (m) showEvent(m.getAttribute("data-event"));
      });
      box.appendChild(h("div", {class: "card"}, text));
      box.appendChild(h("h2", {text: "Events in this article"}));
      var ul = h("ul", {class: "eventlist", "data-testid": "article-events"});
      (art.events || []).forEach(function (e) {
        ul.appendChild(h("li", {"data-id": e.id, on: {click: function () { showEvent(e.id); }}},
          h("span", {class: "badge " + scoreClass(e.plover_score), text: e.event}), " ", codesOf(e.actor) + " → " + codesOf(e.recipient) + "  ",
          h("span", {class: "badge " + e.modality, text: e.modality}), "  ", h("span", {class: "muted", text: (e.event_text || "").trim()})));
      });
      box.appendChild(ul);
      if (focus) showEvent(focus);
    }).catch(function (err) { clear(box); box.appendChild(errorBox(err.message)); });
  };

  // ---------------------------------------------------------------- one event (permalink)
  views.event = function (r) {
    var box = h("div", {class: "card"});
    main.appendChild(box);
    api("/api/events/" + encodeURIComponent(r.arg)).then(function (e) { box.appendChild(eventCard(e)); })
      .catch(function (err) { box.appendChild(errorBox(err.message)); });
  };

  // ---------------------------------------------------------------- start
  api("/api/info").then(function (i) {
    document.getElementById("dbinfo").textContent = i.db + " · " + i.articles + " articles · " + i.events + " events" +
      (i.first_date ? " · " + i.first_date + " – " + i.last_date : "") + (i.writable ? " · writable" : " · read-only");
  }).catch(function () {});
  route();
})();
