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
      a.classList.toggle("active", a.getAttribute("data-view") === r.view);
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
      h("div", {class: "legend"}, h("span", {text: "actor"}), " ", h("span", {text: "trigger"}), " ", h("span", {text: "recipient"})),
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
  function showEvent(id) {
    detail.hidden = false;
    clear(detail);
    detail.appendChild(h("button", {class: "close secondary", "aria-label": "close", text: "×",
                                    on: {click: function () { detail.hidden = true; clear(detail); }}}));
    var box = h("div", null, h("p", {class: "muted", text: "Loading event…"}));
    detail.appendChild(box);
    return api("/api/events/" + encodeURIComponent(id)).then(function (e) {
      clear(box); box.appendChild(eventCard(e));
    }).catch(function (err) { clear(box); box.appendChild(errorBox(err.message)); });
  }

  function seriesValue(p) {
    var keys = ["net", "mean", "score", "plover_score", "mean_score", "value", "coop_minus_conflict"];
    for (var i = 0; i < keys.length; i++) if (typeof p[keys[i]] === "number") return p[keys[i]];
    return null;
  }
  function periodOf(p) { return p.period || p.date || p.start || p.week || p.month || p.day; }

  // ---------------------------------------------------------------- dyad explorer
  views.dyad = function (r) {
    var a = (r.params.a || "").toUpperCase(), b = (r.params.b || "").toUpperCase(), freq = r.params.freq || "W";
    main.appendChild(h("h1", {text: "Dyad explorer"}));
    var form = h("form", {class: "controls", "data-testid": "dyad-form"});
    var chartBox = h("div", {class: "card", "data-testid": "dyad-chart"});
    var info = h("div");
    main.appendChild(form); main.appendChild(info); main.appendChild(chartBox);
    actors().then(function (list) {
      var freqSel = h("select", {name: "freq", "aria-label": "period"});
      [["D", "day"], ["W", "week"], ["M", "month"], ["Q", "quarter"]].forEach(function (f) {
        var o = h("option", {value: f[0], text: f[1]}); if (f[0] === freq) o.selected = true; freqSel.appendChild(o);
      });
      append(form, [actorSelect(list, "a", a, "actor A"), actorSelect(list, "b", b, "actor B"),
                    h("label", null, "period", freqSel), h("button", {type: "submit", "data-testid": "dyad-show", text: "Show"})]);
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        go("dyad", {a: form.elements.a.value, b: form.elements.b.value, freq: form.elements.freq.value});
      });
      form.elements.a.addEventListener("change", function () { if (form.elements.a.value && form.elements.b.value) form.requestSubmit(); });
      form.elements.b.addEventListener("change", function () { if (form.elements.a.value && form.elements.b.value) form.requestSubmit(); });
      if (!a || !b) {
        chartBox.appendChild(h("p", {class: "muted", text: list.length ? "Choose two actors to see how they treat each other over time." :
          "The database holds no events yet: run `dyadwatch ingest` or `dyadwatch demo`."}));
        return;
      }
      info.appendChild(h("p", {class: "muted", text: actorName(list, a) + " and " + actorName(list, b) +
        ": events either way, PLOVER cooperation (+10) to conflict (−10) score. Click a dot to read its evidence."}));
      drawDyad(a, b, freq, chartBox);
    }).catch(function (err) { main.appendChild(errorBox(err.message)); });
  };

  function dyadEvents(a, b, extra) {
    return api("/api/events" + qs(Object.assign({actor: a + "," + b, recipient: a + "," + b, limit: 1000}, extra || {})));
  }

  function drawDyad(a, b, freq, box) {
    box.appendChild(h("p", {class: "muted", text: "Loading…"}));
    var base = "/api/dyads/" + encodeURIComponent(a) + "/" + encodeURIComponent(b);
    var soft = function (p) { return p.catch(function (err) { return {error: err.message}; }); };
    Promise.all([soft(api(base + "/series" + qs({freq: freq}))), soft(api(base + "/regimes" + qs({freq: freq}))), dyadEvents(a, b)])
      .then(function (res) {
        var series = res[0], regimes = res[1], events = res[2];
        clear(box);
        var items = events.items.filter(function (e) { return e.date; });
        var lines = [], bands = [];
        if (series.points) {
          lines.push({points: series.points.map(function (p) { return {x: periodOf(p), y: seriesValue(p)}; }),
                      className: "series", title: "mean score per period", markers: true});
        }
        if (regimes.regimes) regimes.regimes.forEach(function (g, i) {
          var level = typeof g.mean === "number" ? g.mean : typeof g.level === "number" ? g.level : null;
          bands.push({start: g.start, end: g.end, testid: "regime",
                      className: level === null ? "flat" : level > 0.5 ? "up" : level < -0.5 ? "down" : "flat",
                      title: "regime " + (i + 1) + ": " + fmt(g.start) + " – " + fmt(g.end) + (level !== null ? ", mean " + level.toFixed(2) : "")});
        });
        var dots = items.map(function (e) {
          var s = typeof e.plover_score === "number" ? e.plover_score : 0;
          return {x: e.date, y: s, id: e.id, r: e.modality === "asserted" ? 5 : 4,
                  className: scoreClass(e.plover_score) + (e.modality !== "asserted" ? " unasserted" : ""),
                  title: eventTitle(e) + "\n" + (e.event_text || ""), testid: "event-dot"};
        });
        var legend = h("div", {class: "legend"}, h("span", {class: "lg-series", text: "mean score per period"}),
          h("span", {class: "lg-coop", text: "cooperative event"}), h("span", {class: "lg-conf", text: "conflictual event"}),
          h("span", {class: "lg-regime-up", text: "cooperative regime"}), h("span", {class: "lg-regime-down", text: "conflictual regime"}));
        box.appendChild(legend);
        var chart = h("div", {class: "chart"});
        box.appendChild(chart);
        SvgChart.timeChart(chart, {width: 1100, height: 340, yDomain: [-10, 10], yLabel: "cooperation − conflict",
          lines: lines, bands: bands, dots: dots, label: a + "–" + b + " timeline",
          onDotClick: function (d, node) {
            chart.querySelectorAll(".dot.selected").forEach(function (n) { n.classList.remove("selected"); });
            node.classList.add("selected");
            showEvent(d.id);
          }});
        var notes = [];
        if (series.error) notes.push("series: " + series.error);
        if (regimes.error) notes.push("regimes: " + regimes.error);
        if (notes.length) box.appendChild(h("p", {class: "muted", text: notes.join(" · ")}));
        box.appendChild(h("p", {class: "muted", "data-testid": "dyad-count",
          text: events.total + " events" + (events.total > items.length ? " (" + items.length + " shown)" : "")}));
        box.appendChild(h("p", null, h("a", {href: "#/impact" + qs({a: a, b: b}), text: "Impact of an event on this dyad →"}), "  ",
          h("a", {href: "#/events" + qs({actor: a + "," + b, recipient: a + "," + b}), text: "Table of these events →"})));
        if (!items.length) box.appendChild(h("p", {class: "muted", text: "No dated events between these two actors."}));
      }).catch(function (err) { clear(box); box.appendChild(errorBox(err.message)); });
  }

  // ---------------------------------------------------------------- impact
  views.impact = function (r) {
    var a = (r.params.a || "").toUpperCase(), b = (r.params.b || "").toUpperCase();
    var date = r.params.date || "", eventId = r.params.event || "";
    main.appendChild(h("h1", {text: "Impact of an event"}));
    var form = h("form", {class: "controls", "data-testid": "impact-form"});
    var out = h("div", {class: "card", "data-testid": "impact-result"});
    main.appendChild(form); main.appendChild(out);
    actors().then(function (list) {
      var dateIn = h("input", {type: "date", name: "date", value: date, "aria-label": "date"});
      var evSel = h("select", {name: "event", "aria-label": "event", "data-testid": "impact-event"});
      evSel.appendChild(h("option", {value: "", text: "— or pick an event —"}));
      append(form, [actorSelect(list, "a", a, "actor A"), actorSelect(list, "b", b, "actor B"),
                    h("label", null, "date", dateIn), h("label", null, "event", evSel),
                    h("button", {type: "submit", "data-testid": "impact-show", text: "Measure"})]);
      if (a && b) dyadEvents(a, b, {limit: 500}).then(function (res) {
        res.items.forEach(function (e) {
          var o = h("option", {value: e.id, text: eventTitle(e)}); if (e.id === eventId) o.selected = true; evSel.appendChild(o);
        });
      }).catch(function () {});
      evSel.addEventListener("change", function () { if (evSel.value) dateIn.value = ""; });
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        go("impact", {a: form.elements.a.value, b: form.elements.b.value, date: dateIn.value, event: dateIn.value ? "" : evSel.value});
      });
      if (!a || !b || !(date || eventId)) {
        out.appendChild(h("p", {class: "muted", text: "Choose two actors and a date or one of their events: the view fits the " +
          "dyad's series before and after it and says whether the dynamics changed."}));
        return;
      }
      drawImpact(a, b, date, eventId, out);
    }).catch(function (err) { out.appendChild(errorBox(err.message)); });
  };

  function pointsFrom(obj, keys) {
    for (var i = 0; i < keys.length; i++) {
      var v = obj[keys[i]];
      if (Array.isArray(v) && v.length) {
        return v.map(function (p) {
          if (Array.isArray(p)) return {x: p[0], y: p[1]};
          return {x: periodOf(p), y: typeof p.fitted === "number" ? p.fitted : typeof p.fit === "number" ? p.fit : seriesValue(p)};
        });
      }
    }
    return null;
  }

  function drawImpact(a, b, date, eventId, out) {
    out.appendChild(h("p", {class: "muted", text: "Measuring…"}));
    var url = "/api/dyads/" + encodeURIComponent(a) + "/" + encodeURIComponent(b) + "/impact" + qs({date: date, event: eventId});
    api(url).then(function (res) {
      clear(out);
      out.appendChild(h("div", {class: "verdict", "data-testid": "verdict", text: "Verdict: " + fmt(res.verdict)}));
      if (res.explanation || res.summary) out.appendChild(h("p", {text: res.explanation || res.summary}));
      var observed = pointsFrom(res, ["observed", "series", "points"]);
      var before = pointsFrom(res, ["fitted_before", "before_fit", "fit_before", "before"]);
      var after = pointsFrom(res, ["fitted_after", "after_fit", "fit_after", "after"]);
      var cf = pointsFrom(res, ["counterfactual", "expected"]);
      var lines = [];
      if (observed) lines.push({points: observed, className: "observed", title: "observed", markers: true});
      if (before) lines.push({points: before, className: "before", title: "fit before"});
      if (cf) lines.push({points: cf, className: "counterfactual", title: "before-trend continued"});
      if (after) lines.push({points: after, className: "after", title: "fit after"});
      var when = res.date || date;
      var legend = h("div", {class: "legend"}, h("span", {class: "lg-series", text: "observed"}),
        h("span", {class: "lg-before", text: "fit before"}), h("span", {class: "lg-after", text: "fit after"}));
      out.appendChild(legend);
      var chart = h("div", {class: "chart", "data-testid": "impact-chart"});
      out.appendChild(chart);
      var ys = [];
      lines.forEach(function (l) { l.points.forEach(function (p) { if (typeof p.y === "number") ys.push(p.y); }); });
      var lo = Math.min.apply(null, ys.concat([-1])), hi = Math.max.apply(null, ys.concat([1])), pad = (hi - lo) * 0.1;
      SvgChart.timeChart(chart, {width: 1100, height: 320, yDomain: [Math.floor(lo - pad), Math.ceil(hi + pad)], yLabel: "score",
        lines: lines, rules: when ? [{x: when, title: "event " + when}] : [], label: "impact chart"});
      var facts = h("dl", {class: "facts", "data-testid": "impact-facts"});
      Object.keys(res).forEach(function (k) {
        var v = res[k];
        if (v === null || typeof v === "object") return;
        append(facts, [h("dt", {text: k}), h("dd", {text: typeof v === "number" ? String(Math.round(v * 1000) / 1000) : String(v)})]);
      });
      out.appendChild(facts);
      if (eventId) out.appendChild(h("p", null, h("a", {href: "#", text: "Show the event", on: {click: function (ev) { ev.preventDefault(); showEvent(eventId); }}})));
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
                    modality: f.modality.value, since: f.since.value, until: f.until.value});
    });
    main.appendChild(form);
    var box = h("div");
    main.appendChild(box);
    var filters = {actor: p.actor, recipient: p.recipient, type: p.type, modality: p.modality, since: p.since, until: p.until};
    api("/api/events" + qs(Object.assign({limit: limit, offset: offset}, filters))).then(function (res) {
      var tbody = h("tbody");
      res.items.forEach(function (e) {
        tbody.appendChild(h("tr", {"data-testid": "event-row", "data-id": e.id, tabindex: 0,
                                   on: {click: function () { showEvent(e.id); }, keydown: function (ev) { if (ev.key === "Enter") showEvent(e.id); }}},
          h("td", {text: fmt(e.date)}), h("td", {text: codesOf(e.actor)}),
          h("td", null, h("span", {class: "badge " + scoreClass(e.plover_score), text: e.event}), e.mode ? " " + e.mode : ""),
          h("td", {text: codesOf(e.recipient)}), h("td", null, h("span", {class: "badge " + e.modality, text: e.modality})),
          h("td", {text: fmt(e.confidence, 2)}), h("td", {class: "sentence", text: e.event_text || ""})));
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
    main.appendChild(h("p", {class: "muted", text: "Who interacts with whom (asserted events). Edge width: number of events; " +
      "colour: mean PLOVER score, green cooperative, red conflictual. Click an edge to explore the dyad."}));
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
          return {source: e.a, target: e.b, weight: e.events, value: e.net,
                  title: e.a + " – " + e.b + ": " + e.events + " events, mean score " + fmt(e.net, 2) + " (" + e.cooperation + " cooperative, " + e.conflict + " conflictual)",
                  data: e};
        }),
        onEdgeClick: function (e) { go("dyad", {a: e.source, b: e.target}); },
        onNodeClick: function (n) { go("events", {actor: n.id}); }});
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
          h("span", {class: "badge " + e.modality, text: e.modality}), "  ", h("span", {class: "muted", text: e.event_text || ""})));
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
