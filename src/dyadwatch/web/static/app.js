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
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function when(ts) { return ts ? String(ts).replace("T", " ").replace(/(:\d\d)(\.\d+)?(\+00:00|Z)?$/, "$1") : "–"; }
  function errorBox(msg) { return h("div", {class: "error", role: "alert", text: msg}); }

  // ---------------------------------------------------------------- API
  var gen = 0;  // bumped on every navigation: answers meant for an earlier view are dropped
  function errorText(status, body) {
    var d = body && body.detail;
    if (Array.isArray(d)) d = d.map(function (x) {
      var where = (x.loc || []).filter(function (l) { return l !== "query" && l !== "path" && l !== "body"; }).join(".");
      return (where ? where + ": " : "") + x.msg;
    }).join("; ");
    d = typeof d === "string" ? d : "";
    if (status === 404) return d && d !== "Not Found" ? "Not found: " + d : "Nothing is stored under this address.";
    if (status === 503) return "The database cannot be read right now" + (d ? ": " + d : ".") + " Try again in a moment.";
    if (status === 413) return "That request is too large" + (d ? ": " + d : ".");
    if (status >= 500) return "The server failed on this request" + (d ? " (" + d + ")" : "") + "; its log has the details.";
    return d ? d.charAt(0).toUpperCase() + d.slice(1) : "The server could not use this request.";
  }
  /* GET a JSON answer. A failure becomes an Error with a message for people (never a bare status).
   * Unless opts.keep, an answer that arrives after the user moved to another view never settles. */
  function api(path, opts) {
    var mine = gen, keep = opts && opts.keep;
    return fetch(path, {headers: {Accept: "application/json"}}).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!keep && mine !== gen) return new Promise(function () {});
        if (!r.ok) { var err = new Error(errorText(r.status, body)); err.status = r.status; throw err; }
        return body;
      });
    }, function () {
      if (!keep && mine !== gen) return new Promise(function () {});
      throw new Error("The server cannot be reached: is `dyadwatch serve` still running?");
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
    if (!actorsCache) actorsCache = api("/api/actors?limit=2000", {keep: true});
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
    gen++;
    var r = parseHash();
    closeDetail();
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
        h("dt", {text: "outlet"}), h("dd", {"data-testid": "detail-outlet", text: fmt(e.source || art.source) +
          ((e.outlets || []).length > 1 ? " (reported by " + e.outlets.length + " outlets: " + e.outlets.join(", ") + ")" : "")}),
        h("dt", {text: "place"}), h("dd", {"data-testid": "detail-place", text: placeText(e) ?
          placeText(e) + (typeof e.geo_lat === "number" ? " (" + e.geo_lat.toFixed(2) + ", " + e.geo_lon.toFixed(2) + ")" : "") +
          (e.geo_type ? " · " + e.geo_type : "") : "not placed"}),
        h("dt", {text: "origin"}), h("dd", {text: fmt(e.origin)}),
        h("dt", {text: "lexicon"}), h("dd", {text: fmt((e.evidence || {}).lexicon_id)}),
        h("dt", {text: "article"}), h("dd", null, e.story_id ?
          h("a", {href: "#/article/" + encodeURIComponent(e.story_id) + qs({event: e.id}), "data-testid": "article-link",
                  text: art.title || e.story_id}) : "–"),
        art.url ? [h("dt", {text: "source"}), h("dd", null, safeLink(art.url))] : null,
        h("dt", {text: "id"}), h("dd", {class: "muted", text: e.id})),
      reportsList(e));
  }
  /* Every article that told of the event: outlet, date, title (a link when it is http(s)) and its sentence. */
  function reportsList(e) {
    var reports = e.reports || [];
    if (!reports.length) return null;
    var ul = h("ul", {class: "eventlist reports", "data-testid": "reports"});
    reports.forEach(function (rp) {
      var url = rp.article_url || rp.source_url;
      ul.appendChild(h("li", {"data-testid": "report"},
        h("strong", {text: fmt(rp.source)}), " · " + fmt(rp.published || rp.date) + " · ",
        url && /^https?:\/\//i.test(String(url)) ? h("a", {href: url, rel: "noopener noreferrer nofollow", target: "_blank",
                                                         text: rp.article_title || url}) : h("span", {text: rp.article_title || "(no link)"}),
        rp.merge_reason ? h("span", {class: "muted", text: " · merged: " + rp.merge_reason}) : null,
        h("div", {class: "snippet", text: (rp.event_text || "").trim()})));
    });
    return h("div", null, h("h3", {text: reports.length === 1 ? "One report" : reports.length + " reports"}), ul);
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

  // ---------------------------------------------------------------- dyad view (uPlot)
  var FREQ_CHOICES = [["auto", "by range"], ["day", "day"], ["week", "week"], ["month", "month"], ["quarter", "quarter"],
                      ["year", "year"]];
  var PALETTE = ["#2b5fad", "#e08214", "#1a9850", "#7b3294", "#d73027", "#0f8b8d", "#8c6d31", "#e7298a"];
  var KINDS = {tone: "tone (a mean: coverage cannot move it)", count: "counts per period",
               normalised: "per 1,000 stored events (coverage removed)", volume: "volume"};
  var measuresCache = null, infoCache = null;
  function measures() {
    if (!measuresCache) measuresCache = api("/api/measures", {keep: true}).then(function (r) { return r.measures; })
      .catch(function () { return MEASURES.map(function (m) { return {name: m[0], label: m[1], unit: "", kind: ""}; }); });
    return measuresCache;
  }
  function storeInfo() { if (!infoCache) infoCache = api("/api/info", {keep: true}); return infoCache; }
  function autoFreq(lo, hi) {
    var days = (Date.parse(hi) - Date.parse(lo)) / 864e5;
    return !(days >= 0) ? "month" : days > 365 * 8 ? "month" : days > 120 ? "week" : "day";
  }
  function parsePairs(text) {
    var out = [];
    String(text || "").split(/[,;]+/).forEach(function (part) {
      var ab = part.trim().split(/\s*-\s*|\s+/).filter(Boolean);
      if (ab.length === 2) out.push([ab[0], ab[1]]);
    });
    return out;
  }
  function measureOf(ms, name) { for (var i = 0; i < ms.length; i++) if (ms[i].name === name) return ms[i]; return null; }
  function measureSelect(ms, value) {
    var sel = h("select", {name: "measure", "aria-label": "measure", "data-testid": "select-measure"});
    ["tone", "count", "volume"].forEach(function (kind) {
      var group = h("optgroup", {label: KINDS[kind]});
      ms.filter(function (m) { return m.kind === kind || (!m.kind && kind === "count"); }).forEach(function (m) {
        var o = h("option", {value: m.name, text: m.label}); if (m.name === value) o.selected = true; group.appendChild(o);
      });
      if (group.children.length) sel.appendChild(group);
    });
    return h("label", null, "measure", sel);
  }
  function unitOf(m, freq) { return m && m.unit ? m.unit.replace("{freq}", freq) : (m ? m.label : ""); }

  /* A friendly box for an error; for an unknown actor it offers the names the server suggests. */
  function friendlyError(err, fix) {
    var msg = h("span", {text: err.message});
    var box = h("div", {class: "error", role: "alert"}, msg);
    var m = /unknown actor '([^']*)'/i.exec(err.message || "");
    if (m && fix) {
      var raw = m[1], hint = h("p", {class: "suggest", "data-testid": "suggestions"});
      box.appendChild(hint);
      api("/api/actors/suggest" + qs({q: raw, limit: 6})).then(function (s) {
        if (!s.suggestions.length) return;
        msg.textContent = err.message.replace(/;\s*did you mean.*$/i, ".");  // the links below say it
        hint.appendChild(document.createTextNode("Did you mean: "));
        s.suggestions.forEach(function (c, i) {
          if (i) hint.appendChild(document.createTextNode(", "));
          hint.appendChild(h("a", {href: fix(raw, c.code), "data-testid": "suggestion", "data-code": c.code,
                                   text: c.code + (c.name ? " · " + c.name : "") + " (" + plural(c.events, "event") + ")"}));
        });
        hint.appendChild(document.createTextNode("?"));
      }).catch(function () {});
    }
    return box;
  }

  views.dyad = function (r) {
    var p = r.params;
    var a = (p.a || "").trim(), b = (p.b || "").trim(), more = parsePairs(p["with"]);
    var freq = p.freq || "auto", measure = p.measure || "coop_balance", norm = p.norm === "1";
    main.appendChild(h("h1", {text: "Dyads"}));
    var form = h("form", {class: "controls", "data-testid": "dyad-form"});
    var box = h("div", {"data-testid": "dyad-view"});
    append(main, [form, box]);
    Promise.all([actors(), measures(), storeInfo()]).then(function (res) {
      var list = res[0], ms = res[1], info = res[2];
      var names = h("datalist", {id: "actor-names"});
      list.forEach(function (x) { names.appendChild(h("option", {value: x.code, label: (x.name || x.code) + " (" + x.events + ")"})); });
      var normBox = h("input", {type: "checkbox", name: "norm", "data-testid": "dyad-norm", checked: norm});
      append(form, [names,
        h("label", null, "actor A", h("input", {name: "a", list: "actor-names", value: a, size: 12, placeholder: "USA or a name",
                                              "data-testid": "dyad-a", autocomplete: "off"})),
        h("label", null, "actor B", h("input", {name: "b", list: "actor-names", value: b, size: 12, placeholder: "PRK",
                                              "data-testid": "dyad-b", autocomplete: "off"})),
        h("label", null, "compare with (A-B, …)", h("input", {name: "with", value: p["with"] || "", size: 16,
                                                             placeholder: "KOR-PRK, CHN-PRK", "data-testid": "dyad-with"})),
        options("freq", FREQ_CHOICES, freq, "one point per"), measureSelect(ms, measure),
        h("label", {class: "check"}, normBox, "per 1,000 stored events"),
        h("button", {type: "submit", "data-testid": "dyad-show", text: "Show"})]);
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var f = form.elements;
        go("dyad", {a: f.a.value.trim(), b: f.b.value.trim(), "with": f["with"].value.trim(), freq: f.freq.value,
                    measure: f.measure.value, norm: f.norm.checked ? "1" : "", since: p.since, until: p.until});
      });
      ["freq", "measure", "norm"].forEach(function (n) {
        form.elements[n].addEventListener("change", function () { if (form.elements.a.value && form.elements.b.value) form.requestSubmit(); });
      });
      if (!a || !b) {
        box.appendChild(h("p", {class: "muted", text: list.length ? "Choose two actors (a code or a name) to see how they treat each " +
          "other over time, in both directions. Add more pairs under 'compare with'." :
          "The database holds no events yet: run `dyadwatch ingest` or `dyadwatch demo`."}));
        return;
      }
      if (a.toUpperCase() === b.toUpperCase()) { box.appendChild(errorBox("Choose two different actors.")); return; }
      var m = measureOf(ms, measure) || {name: measure, label: measure, unit: "", kind: ""};
      var shown = m;
      if (norm) shown = measureOf(ms, measure + "_per_1k") || m;
      var lo = p.since || info.first_date || "", hi = p.until || info.last_date || "";
      var f = freq === "auto" ? autoFreq(lo, hi) : freq;
      drawDyads({pairs: [[a, b]].concat(more), freq: f, auto: freq === "auto", measure: shown, asked: m, norm: norm,
                 since: p.since || "", until: p.until || "", params: p}, box);
    }).catch(function (err) { box.appendChild(friendlyError(err)); });
  };

  function drawDyads(o, box) {
    box.appendChild(h("p", {class: "muted", text: "Loading…"}));
    var started = performance.now();
    var single = o.pairs.length === 1, first = o.pairs[0];
    var soft = function (pr) { return pr.catch(function (err) { return {error: err}; }); };
    var base = function (pair) { return "/api/dyads/" + encodeURIComponent(pair[0]) + "/" + encodeURIComponent(pair[1]); };
    var range = {since: o.since, until: o.until};
    var calls = o.pairs.map(function (pair) {
      return soft(api(base(pair) + "/series" + qs(Object.assign({freq: o.freq, fields: o.measure.name}, range))));
    });
    calls.push(soft(api(base(first) + "/key_events" + qs(Object.assign({limit: single ? 8 : 5}, range)))));
    // regimes and reciprocity take longer: the chart is drawn without waiting for them
    var later = single ? [soft(api(base(first) + "/regimes" + qs(Object.assign({freq: o.freq, measure: o.measure.name}, range)))),
                          soft(api(base(first) + "/reciprocity" + qs({freq: o.freq === "day" ? "week" : o.freq, measure: o.asked.name})))]
                       : null;
    Promise.all(calls).then(function (res) {
      clear(box);
      var series = res.slice(0, o.pairs.length), keys = res[o.pairs.length];
      var fix = function (raw, code) {
        var q = Object.assign({}, o.params);
        ["a", "b"].forEach(function (k) { if ((q[k] || "").trim() === raw) q[k] = code; });
        if (q["with"]) q["with"] = q["with"].split(raw).join(code);
        return "#/dyad" + qs(q);
      };
      var failed = false;
      series.forEach(function (s, i) {
        if (s.error) { failed = failed || i === 0; box.appendChild(friendlyError(s.error, fix)); }
      });
      if (failed) return;
      var ok = series.filter(function (s) { return !s.error; });
      var A = ok[0].a, B = ok[0].b;
      // x: every period of every dyad (server-side aggregates: one value per period, any number of events)
      var xs = {};
      ok.forEach(function (s) { s.points.forEach(function (q) { xs[DWCharts.toSec(q.period)] = true; }); });
      var x = Object.keys(xs).map(Number).sort(function (u, v) { return u - v; }), at = {};
      x.forEach(function (t, i) { at[t] = i; });
      var column = function (s, dir) {
        var col = x.map(function () { return null; });
        s.points.forEach(function (q) {
          if (q.direction !== dir) return;
          var v = q[o.measure.name];
          col[at[DWCharts.toSec(q.period)]] = typeof v === "number" && isFinite(v) ? v : null;
        });
        return col;
      };
      var lines = [];
      if (single) {
        // a wide solid line under a thin dashed one: both stay visible where the two directions agree
        lines.push({label: A + " → " + B, values: column(ok[0], "a->b"), stroke: PALETTE[0], width: 4, pointSize: 10});
        lines.push({label: B + " → " + A, values: column(ok[0], "b->a"), stroke: PALETTE[1], width: 2, dash: [7, 4], pointSize: 6});
        lines.push({label: "both directions", values: column(ok[0], "both"), stroke: "#8a94a3", width: 1.2, points: x.length < 60,
                    pointSize: 5});
      } else ok.forEach(function (s, i) {
        lines.push({label: s.a + " – " + s.b + " (both directions)", values: column(s, "both"), stroke: PALETTE[i % PALETTE.length],
                    width: 2, dash: i % 2 ? [6, 3] : null});
      });
      var items = (keys.items || []).slice().sort(function (u, v) { return u.date < v.date ? -1 : u.date > v.date ? 1 : 0; });
      var marks = items.map(function (e, i) {
        return {t: DWCharts.toSec(e.date), n: i + 1, fill: scoreClass(e.plover_score) === "coop" ? "#1a9850" :
                scoreClass(e.plover_score) === "conf" ? "#d73027" : "#555"};
      });
      var bands = [];
      var step = {day: 1, week: 7, month: 31, quarter: 92, year: 366}[o.freq] || 7;
      var addBands = function (regimes) { regimes.regimes.forEach(function (g) {
        var fill = g.tone === "cooperative" ? "rgba(26,152,80,.10)" : g.tone === "conflictual" ? "rgba(215,48,39,.10)" : "rgba(120,120,120,.05)";
        bands.push({start: DWCharts.toSec(g.start), end: DWCharts.toSec(g.end) + step * 86400, fill: fill});
      }); };

      var unit = unitOf(o.measure, o.freq);
      box.appendChild(h("h2", {"data-testid": "dyad-title", text: o.measure.label + (single ? ", " + A + " and " + B : "") +
        " — one point per " + o.freq + (o.auto ? " (chosen for the range)" : "")}));
      if (o.norm && o.measure === o.asked) box.appendChild(h("p", {class: "muted", "data-testid": "norm-note",
        text: "This measure is a tone (a mean over the period's events): growing coverage cannot move it, so it is shown as is."}));
      else if (o.norm) box.appendChild(h("p", {class: "muted", "data-testid": "norm-note",
        text: "Normalised by coverage: per 1,000 events the store holds for the same period (the dyad's share of the news)."}));
      var chart = h("div", {class: "chart uplot-box", "data-testid": "dyad-chart"});
      box.appendChild(h("div", {class: "card"}, chart));
      var nums = x.length ? [x[0], x[x.length - 1]] : null;
      var rangeText = h("p", {class: "muted", "data-testid": "dyad-range"});
      box.appendChild(rangeText);
      if (!x.length) { chart.appendChild(h("p", {class: "muted", text: "No dated events between these actors" +
        (o.since || o.until ? " in this range." : ".")})); }
      else {
        DWCharts.need("uplot").then(function () {
          DWCharts.timeSeries(chart, {x: x, series: lines, yLabel: unit, bands: bands, marks: marks, height: 320,
            onZoom: function (lo, hi) {
              go("dyad", Object.assign({}, o.params, {since: DWCharts.iso(lo), until: DWCharts.iso(hi)}));
            },
            onReset: function () { go("dyad", Object.assign({}, o.params, {since: "", until: ""})); },
            onDrawn: function () {
              chart.setAttribute("data-rendered-ms", String(Math.round(performance.now() - started)));
              chart.setAttribute("data-ready", "1");
            }});
        }).catch(function (err) { chart.appendChild(errorBox(err.message)); });
        append(rangeText, ["Showing " + DWCharts.iso(nums[0]) + " to " + DWCharts.iso(nums[1]) + ". Drag across the chart to zoom in; ",
          o.since || o.until ? h("a", {href: "#/dyad" + qs(Object.assign({}, o.params, {since: "", until: ""})), "data-testid": "zoom-out",
                                       text: "zoom out to the whole record"}) : "double-click to zoom out", "."]);
      }
      var regimeBox = h("div", {"data-testid": "regime-box"});
      box.appendChild(regimeBox);
      if (later) later[0].then(function (regimes) {
        if (regimes.error) { regimeBox.appendChild(h("p", {class: "muted", "data-testid": "dyad-notes", text: "Regimes: " + regimes.error.message})); return; }
        addBands(regimes);
        if (chart._uplot) chart._uplot.redraw(false);
        var rl = h("ul", {class: "regimes", "data-testid": "regimes"});
        regimes.regimes.forEach(function (g) {
          rl.appendChild(h("li", {"data-testid": "regime", class: g.tone || ""},
            h("span", {class: "badge " + (g.tone === "cooperative" ? "coop" : g.tone === "conflictual" ? "conf" : ""), text: g.tone || "regime"}),
            " " + g.start + " to " + g.end + ": level " + fmt(g.level, 2) + " (" + unit + "), " + fmt(g.n_events) + " events"));
        });
        regimeBox.appendChild(h("h2", {text: "Regimes (stretches of one level; shaded on the chart)"}));
        regimeBox.appendChild(rl);
      });
      box.appendChild(h("h2", {text: "Key events" + (single ? "" : " of " + A + "–" + B) +
                                     " (numbered on the chart: the largest by severity and number of sources)"}));
      if (keys.error) box.appendChild(errorBox(keys.error.message));
      var ol = h("ol", {class: "eventlist keyevents", "data-testid": "key-events"});
      items.forEach(function (e, i) {
        var li = h("li", {"data-testid": "key-event", "data-id": e.id, tabindex: 0,
                          on: {click: function () { showEvent(e.id); }, keydown: function (ev) { if (ev.key === "Enter") showEvent(e.id); }}},
          h("span", {class: "num " + scoreClass(e.plover_score), text: String(i + 1)}), " ", fmt(e.date) + "  ",
          h("strong", {text: e.source + " → " + e.event + " → " + (e.target || "–")}),
          e.modality && e.modality !== "asserted" ? h("span", {class: "badge " + e.modality, text: e.modality}) : null,
          h("span", {class: "muted", text: "  " + e.sources + " source" + (e.sources === 1 ? "" : "s") + " · "}),
          h("span", {class: "snippet", text: (e.event_text || "").trim()}));
        ol.appendChild(li);
      });
      if (!items.length && !keys.error) ol.appendChild(h("li", {class: "muted", text: "No events in this range."}));
      box.appendChild(ol);
      var recipBox = h("div");
      box.appendChild(recipBox);
      if (later) later[1].then(function (recip) {
        recipBox.appendChild(recip.error ? h("p", {class: "muted", text: "Reciprocity: " + recip.error.message}) :
                             reciprocityBox(recip, o.freq === "day" ? "week" : o.freq));
      });
      var counts = ok.map(function (s) { return s.a + "–" + s.b + ": " + plural(s.n_events || 0, "event") +
        (s.n_undated ? " (" + s.n_undated + " undated, left out)" : ""); }).join(" · ");
      box.appendChild(h("p", {class: "muted", "data-testid": "dyad-count", text: counts}));
      box.appendChild(h("p", {class: "links"},
        h("a", {href: "#/events" + qs({dyad: A + "," + B, since: o.since, until: o.until}), text: "Table of these events →"}), " ",
        h("a", {href: "#/map" + qs({dyad: A + "," + B, since: o.since, until: o.until}), text: "Map of these events →"}), " ",
        h("a", {href: "#/impact" + qs({a: A, b: B, freq: o.freq === "day" ? "week" : o.freq, measure: o.asked.name}),
                text: "Impact of an event on this dyad →"})));
    });
  }

  function dyadEvents(a, b, extra) {
    return api("/api/events" + qs(Object.assign({dyad: a + "," + b, limit: 1000}, extra || {})));
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
  var COLUMNS = [["date", "date", "date"], ["actor", "actor", "actor"], ["event", "event", "event"], ["recipient", "recipient", "recipient"],
                 ["modality", "modality", "modality"], ["confidence", "conf.", "confidence"], ["sources", "sources", "sources"],
                 ["source", "outlet", "source"], [null, "place", null], [null, "sentence", null]];
  var facetsCache = null;
  function facets() {
    if (!facetsCache) facetsCache = api("/api/facets", {keep: true}).catch(function () { return {origin: [], source: []}; });
    return facetsCache;
  }
  var FILTERS = ["actor", "recipient", "dyad", "type", "modality", "origin", "source", "q", "since", "until", "country", "bbox"];
  function filtersOf(p) { var f = {}; FILTERS.forEach(function (k) { if (p[k]) f[k] = p[k]; }); return f; }
  function placeText(e) {
    if (!e.geo_name && !e.geo_country && !e.location) return "";
    return (e.geo_name || e.location || "") + (e.geo_country && e.geo_country !== e.geo_name ? (e.geo_name || e.location ? ", " : "") + e.geo_country : "");
  }
  function selectOf(name, label, values, value) {
    var sel = h("select", {name: name, "aria-label": label, "data-testid": "filter-" + name}, h("option", {value: "", text: "any"}));
    values.forEach(function (v) {
      var o = h("option", {value: v[0], text: v[1]}); if (v[0] === value) o.selected = true; sel.appendChild(o);
    });
    if (value && !values.some(function (v) { return v[0] === value; })) { var x = h("option", {value: value, text: value}); x.selected = true; sel.appendChild(x); }
    return h("label", null, label, sel);
  }
  /* The filter form shared by the events table and the map: the same controls, the same parameters. */
  function filterForm(view, p, fc, testid) {
    var form = h("form", {class: "controls", "data-testid": testid});
    append(form, [
      h("label", null, "search", h("input", {type: "search", name: "q", value: p.q || "", size: 18, placeholder: "words, outlet, place",
                                            "data-testid": "filter-q"})),
      h("label", null, "actor", h("input", {name: "actor", value: p.actor || "", size: 8, placeholder: "USA", list: "actor-names"})),
      h("label", null, "recipient", h("input", {name: "recipient", value: p.recipient || "", size: 8, placeholder: "PRK", list: "actor-names"})),
      selectOf("type", "type", TYPES.map(function (t) { return [t, t]; }), p.type),
      selectOf("modality", "modality", MODALITIES.map(function (m) { return [m, m]; }), p.modality),
      selectOf("origin", "origin", fc.origin.map(function (o) { return [o.value, o.value + " (" + o.n + ")"]; }), p.origin),
      selectOf("source", "outlet", fc.source.map(function (o) { return [o.value, o.value + " (" + o.n + ")"]; }), p.source),
      h("label", null, "place (country)", h("input", {name: "country", value: p.country || "", size: 5, placeholder: "UKR"})),
      h("label", null, "since", h("input", {type: "date", name: "since", value: p.since || ""})),
      h("label", null, "until", h("input", {type: "date", name: "until", value: p.until || ""})),
      h("button", {type: "submit", "data-testid": testid === "events-form" ? "events-filter" : "map-filter", text: "Filter"})]);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var f = form.elements, out = {};
      ["q", "actor", "recipient", "type", "modality", "origin", "source", "country", "since", "until"].forEach(function (k) { out[k] = f[k].value.trim(); });
      out.dyad = out.actor || out.recipient ? "" : p.dyad;
      out.bbox = p.bbox;
      if (view === "events") out.sort = p.sort;
      else out.by = p.by;
      go(view, out);
    });
    return form;
  }
  function csvCell(v) {
    var s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // a spreadsheet must not run a cell as a formula
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  var CSV_COLUMNS = ["id", "date", "actor", "event", "mode", "recipient", "modality", "confidence", "plover_score", "goldstein",
                     "sources", "outlet", "origin", "place", "place_country", "lat", "lon", "sentence"];
  function csvOf(items) {
    var rows = [CSV_COLUMNS.join(",")];
    items.forEach(function (e) {
      rows.push([e.id, e.date, codesOf(e.actor), e.event, e.mode, codesOf(e.recipient), e.modality, e.confidence, e.plover_score,
                 e.goldstein, e.num_sources || e.num_reports || 1, e.source, e.origin, e.geo_name || e.location, e.geo_country,
                 e.geo_lat, e.geo_lon, (e.event_text || "").trim()].map(csvCell).join(","));
    });
    return rows.join("\r\n") + "\r\n";
  }
  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    var a = h("a", {href: url, download: name, hidden: true});
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }

  views.events = function (r) {
    var p = r.params, offset = Math.max(0, parseInt(p.offset || "0", 10) || 0), limit = parseInt(p.limit || "50", 10) || 50;
    var sort = p.sort || "-date", filters = filtersOf(p);
    main.appendChild(h("h1", {text: "Events"}));
    var formBox = h("div"), box = h("div");
    append(main, [formBox, box]);
    if (p.dyad) formBox.appendChild(h("p", {class: "muted"}, "Events between " + p.dyad.replace(",", " and ") + ", either way. ",
      h("a", {href: "#/events", text: "All events"})));
    Promise.all([facets(), actors()]).then(function (res) {
      var names = h("datalist", {id: "actor-names"});
      res[1].forEach(function (x) { names.appendChild(h("option", {value: x.code, label: x.name || x.code})); });
      formBox.appendChild(names);
      formBox.appendChild(filterForm("events", p, res[0], "events-form"));
    });
    api("/api/events" + qs(Object.assign({limit: limit, offset: offset, sort: sort}, filters))).then(function (res) {
      var tbody = h("tbody");
      res.items.forEach(function (e) {
        tbody.appendChild(h("tr", {"data-testid": "event-row", "data-id": e.id, tabindex: 0,
                                   on: {click: function () { showEvent(e.id); }, keydown: function (ev) { if (ev.key === "Enter") showEvent(e.id); }}},
          h("td", {class: "nowrap", text: fmt(e.date)}), h("td", {text: codesOf(e.actor)}),
          h("td", null, h("span", {class: "badge " + scoreClass(e.plover_score), text: e.event}), e.mode ? " " + e.mode : ""),
          h("td", {text: codesOf(e.recipient)}), h("td", null, h("span", {class: "badge " + e.modality, text: e.modality})),
          h("td", {text: fmt(e.confidence, 2)}), h("td", {text: fmt(e.num_sources || e.num_reports || 1)}),
          h("td", {text: fmt(e.source)}), h("td", {text: placeText(e) || "–"}),
          h("td", {class: "snippet", text: (e.event_text || "").trim()})));
      });
      var last = offset + res.items.length, pages = Math.max(1, Math.ceil(res.total / limit));
      var head = h("tr");
      COLUMNS.forEach(function (c) {
        if (!c[0]) { head.appendChild(h("th", {text: c[1]})); return; }
        var on = sort.replace(/^-/, "") === c[2], desc = sort.charAt(0) === "-";
        var next = on ? (desc ? c[2] : "-" + c[2]) : (c[2] === "date" || c[2] === "confidence" || c[2] === "sources" ? "-" + c[2] : c[2]);
        head.appendChild(h("th", {"aria-sort": on ? (desc ? "descending" : "ascending") : "none"},
          h("button", {type: "button", class: "sort" + (on ? " on" : ""), "data-testid": "sort-" + c[2], "data-sort": next,
                       text: c[1] + (on ? (desc ? " ▼" : " ▲") : ""),
                       on: {click: function () { go("events", Object.assign({}, filters, {sort: next})); }}})));
      });
      var bar = h("div", {class: "tablebar"},
        h("p", {class: "muted", "data-testid": "events-total",
                text: res.total + " events" + (res.total ? ", " + (offset + 1) + "–" + last + " shown (page " + (Math.floor(offset / limit) + 1) +
                      " of " + pages + "), sorted by " + sort.replace(/^-/, "") + (sort.charAt(0) === "-" ? ", descending" : "") : "")}),
        h("button", {type: "button", class: "secondary", "data-testid": "events-csv", disabled: !res.items.length,
                     text: "Download CSV (" + res.items.length + " rows shown)",
                     on: {click: function () { download("dyadwatch-events-" + (offset + 1) + "-" + last + ".csv", csvOf(res.items), "text/csv;charset=utf-8"); }}}));
      box.appendChild(bar);
      box.appendChild(h("div", {class: "tablewrap"}, h("table", {class: "events", "data-testid": "events-table"}, h("thead", null, head), tbody)));
      var pager = h("div", {class: "pager"},
        h("button", {class: "secondary", text: "← previous", disabled: offset <= 0, "data-testid": "events-prev",
                     on: {click: function () { go("events", Object.assign({}, filters, {sort: sort, offset: Math.max(0, offset - limit)})); }}}),
        h("button", {class: "secondary", text: "next →", "data-testid": "events-next", disabled: last >= res.total,
                     on: {click: function () { go("events", Object.assign({}, filters, {sort: sort, offset: offset + limit})); }}}),
        h("button", {class: "secondary", text: "last page", disabled: last >= res.total,
                     on: {click: function () { go("events", Object.assign({}, filters, {sort: sort, offset: (pages - 1) * limit})); }}}));
      box.appendChild(pager);
      if (!res.items.length) box.appendChild(h("p", {class: "muted", text: "No events match these filters."}));
    }).catch(function (err) { box.appendChild(friendlyError(err)); });
  };

  // ---------------------------------------------------------------- map (d3-geo, world-atlas)
  views.map = function (r) {
    var p = r.params, filters = filtersOf(p), by = p.by || "place";
    main.appendChild(h("h1", {text: "Map of events"}));
    var formBox = h("div"), box = h("div", {"data-testid": "map-view"});
    append(main, [formBox, box]);
    facets().then(function (fc) {
      formBox.appendChild(filterForm("map", p, fc, "map-form"));
      var bySel = options("by", [["place", "where it happened (else the recipient's country)"], ["actor", "the actor's country"],
                                 ["recipient", "the recipient's country"]], by, "shade countries by");
      bySel.querySelector("select").addEventListener("change", function (ev) { go("map", Object.assign({}, filters, {by: ev.target.value})); });
      formBox.appendChild(h("div", {class: "controls"}, bySel));
    });
    box.appendChild(h("p", {class: "muted", text: "Loading…"}));
    var started = performance.now();
    Promise.all([api("/api/map" + qs(Object.assign({by: by}, filters))), DWCharts.need("map").then(DWCharts.worldAtlas)]).then(function (res) {
      var m = res[0], features = res[1];
      clear(box);
      box.appendChild(h("p", {class: "muted", "data-testid": "map-summary",
        text: m.n_events + " events; " + m.n_placed + " with a place (the points); " + m.countries.length + " countries shaded by " +
              (by === "place" ? "where the events happened (else the recipient's country, else the actor's)" : "the " + by + "'s country") + "."}));
      box.appendChild(h("div", {class: "legend"}, h("span", {class: "lg-conf", text: "mostly conflictual"}),
        h("span", {class: "lg-neutral", text: "mixed"}), h("span", {class: "lg-coop", text: "mostly cooperative"}),
        h("span", {class: "muted", text: "darker: more events; circles: places, by number of events"})));
      var chart = h("div", {class: "card mapbox", "data-testid": "map"});
      box.appendChild(chart);
      DWCharts.worldMap(chart, {features: features, countries: m.countries, points: m.points,
        onCountry: function (c) {
          var q = Object.assign({}, filters);
          if (by === "place") q.country = c.code; else q[by] = c.code;
          go("events", q);
        },
        onPoint: function (pt) {
          var d = 0.06;
          go("events", Object.assign({}, filters, {bbox: [pt.lon - d, pt.lat - d, pt.lon + d, pt.lat + d].map(function (v) {
            return Math.round(Math.max(-180, Math.min(180, v)) * 1000) / 1000; }).join(",")}));
        }});
      chart.setAttribute("data-rendered-ms", String(Math.round(performance.now() - started)));
      var tbody = h("tbody");
      m.countries.slice(0, 15).forEach(function (c) {
        tbody.appendChild(h("tr", {"data-testid": "map-row"}, h("td", {text: (c.name || c.code) + " (" + c.code + ")"}),
          h("td", {text: String(c.events)}), h("td", {text: String(c.coop)}), h("td", {text: String(c.conflict)}),
          h("td", {text: fmt(c.net, 2)})));
      });
      box.appendChild(h("h2", {text: "Busiest countries"}));
      box.appendChild(h("div", {class: "tablewrap"}, h("table", {class: "events compact"},
        h("thead", null, h("tr", null, ["country", "events", "cooperative", "conflictual", "net share"].map(function (c) { return h("th", {text: c}); }))),
        tbody)));
    }).catch(function (err) { clear(box); box.appendChild(friendlyError(err)); });
  };

  // ---------------------------------------------------------------- network (cytoscape)
  views.network = function (r) {
    var minEvents = parseInt(r.params.min || "1", 10) || 1, top = parseInt(r.params.top || "60", 10) || 60;
    main.appendChild(h("h1", {text: "Actor network"}));
    main.appendChild(h("p", {class: "muted", text: "Who interacts with whom (asserted events), laid out by force so that actors who deal with each " +
      "other sit together. Edge width: number of events; colour: net cooperation (cooperative minus conflictual events, as a share of " +
      "all), green cooperative, red conflictual. Tap an edge to explore the dyad, an actor to list its events; scroll to zoom, drag to move."}));
    var form = h("form", {class: "controls"},
      h("label", null, "min. events", h("input", {type: "number", name: "min", min: 1, value: minEvents, size: 4})),
      h("label", null, "busiest pairs", h("input", {type: "number", name: "top", min: 1, max: 500, value: top, size: 4})),
      h("button", {type: "submit", text: "Draw"}));
    form.addEventListener("submit", function (ev) { ev.preventDefault(); go("network", {min: form.elements.min.value, top: form.elements.top.value}); });
    main.appendChild(form);
    var box = h("div", {class: "card", "data-testid": "network"});
    main.appendChild(box);
    Promise.all([api("/api/network" + qs({min_events: minEvents, limit: top})), actors(), DWCharts.need("network")]).then(function (res) {
      var edges = res[0].edges, list = res[1], weight = {};
      if (!edges.length) { box.appendChild(h("p", {class: "muted", text: "No interactions between two actors yet."})); return; }
      edges.forEach(function (e) { weight[e.a] = (weight[e.a] || 0) + e.events; weight[e.b] = (weight[e.b] || 0) + e.events; });
      var nodes = Object.keys(weight).sort().map(function (c) { return {id: c, label: c, weight: weight[c]}; });
      box.appendChild(h("div", {class: "legend"}, h("span", {class: "lg-coop", text: "net cooperation"}), h("span", {class: "lg-conf", text: "net conflict"})));
      var chart = h("div", {class: "cy", "data-testid": "network-graph"});
      box.appendChild(chart);
      var toDyad = function (e) { go("dyad", {a: e.source, b: e.target}); };
      var shaped = edges.map(function (e) {
        return {source: e.a, target: e.b, weight: e.events, value: e.net_coop_share, colour: DWCharts.netColour(e.net_coop_share), data: e};
      });
      DWCharts.network(chart, {nodes: nodes, edges: shaped, onEdge: toDyad, onNode: function (n) { go("events", {actor: n.id}); }});
      // the same edges as a table: readable on a phone, with a keyboard and by a screen reader
      var tbody = h("tbody");
      shaped.forEach(function (s) {
        var e = s.data;
        tbody.appendChild(h("tr", {"data-testid": "network-edge", "data-stroke": s.colour, tabindex: 0,
                                   on: {click: function () { toDyad(s); }, keydown: function (ev) { if (ev.key === "Enter") toDyad(s); }}},
          h("td", null, h("span", {class: "swatch", "data-colour": s.colour}), e.a + " – " + e.b),
          h("td", {text: actorName(list, e.a) + " – " + actorName(list, e.b)}),
          h("td", {text: String(e.events)}), h("td", {text: String(e.cooperation)}), h("td", {text: String(e.conflict)}),
          h("td", {text: (e.net_coop > 0 ? "+" : "") + e.net_coop})));
      });
      box.appendChild(h("h2", {text: "Pairs"}));
      box.appendChild(h("div", {class: "tablewrap"}, h("table", {class: "events compact"},
        h("thead", null, h("tr", null, ["pair", "names", "events", "cooperative", "conflictual", "net"].map(function (c) { return h("th", {text: c}); }))),
        tbody)));
      // swatch colours through the CSSOM (allowed by the CSP, unlike style attributes)
      box.querySelectorAll(".swatch").forEach(function (n) { n.style.background = n.getAttribute("data-colour"); });
    }).catch(function (err) { box.appendChild(friendlyError(err)); });
  };

  // ---------------------------------------------------------------- alerts and watch status
  views.alerts = function (r) {
    var offset = parseInt(r.params.offset || "0", 10) || 0, dyad = r.params.dyad || "";
    main.appendChild(h("h1", {text: "Alerts"}));
    var status = h("div", {class: "card", "data-testid": "watch-status"}), box = h("div", {"data-testid": "alerts"});
    append(main, [status, box]);
    api("/api/watch").then(function (w) {
      if (!w.active) {
        status.appendChild(h("p", {class: "muted", text: "The watch has not run on this database: `dyadwatch watch` (or `serve --watch`) " +
          "polls feeds and folders and raises alerts when a watched dyad changes."}));
        return;
      }
      status.appendChild(h("h2", {text: "Watch: " + plural(w.sources.length, "source") + ", " + plural(w.dyads.length, "dyad") + ", " +
                                        plural(w.alerts, "alert")}));
      if (w.sources.length) {
        var tb = h("tbody");
        w.sources.forEach(function (s) {
          tb.appendChild(h("tr", {"data-testid": "watch-source", class: s.last_error ? "failing" : ""},
            h("td", {class: "snippet", text: s.source}), h("td", {text: fmt(s.kind)}), h("td", {text: when(s.last_poll)}),
            h("td", {text: when(s.last_ok)}), h("td", {class: s.last_error ? "err" : "", text: fmt(s.last_error)}),
            h("td", {text: fmt(s.n_polls)}), h("td", {text: fmt(s.n_articles)})));
        });
        status.appendChild(h("div", {class: "tablewrap"}, h("table", {class: "events compact"}, h("thead", null, h("tr", null,
          ["source", "kind", "last poll", "last success", "last error", "polls", "articles"].map(function (c) { return h("th", {text: c}); }))), tb)));
      }
      if (w.dyads.length) status.appendChild(h("p", {class: "muted", "data-testid": "watch-dyads",
        text: "Dyads checked: " + w.dyads.map(function (d) { return d.dyad + " (events up to " + when(d.checked_until) + ")"; }).join(", ")}));
    }).catch(function (err) { status.appendChild(friendlyError(err)); });
    api("/api/alerts" + qs({dyad: dyad, limit: 50, offset: offset})).then(function (res) {
      box.appendChild(h("p", {class: "muted", "data-testid": "alerts-total", text: plural(res.total, "alert") + (dyad ? " for " + dyad : "") + ", newest first"}));
      res.alerts.forEach(function (al) {
        var ab = String(al.dyad || "").split("-");
        var card = h("div", {class: "card alert", "data-testid": "alert", "data-id": al.id},
          h("h2", null, h("a", {href: "#/dyad" + qs({a: al.a || ab[0], b: al.b || ab[1], since: "", freq: al.freq || ""}), text: fmt(al.dyad)}), " ",
            (al.kinds || []).map(function (k) { return h("span", {class: "badge kind", text: String(k).replace(/_/g, " ")}); })),
          h("p", {class: "verdict", "data-testid": "alert-verdict", text: fmt(al.verdict)}),
          h("p", {class: "muted", text: "raised " + when(al.raised_at) + (al.change_point ? " · change point " + al.change_point : "") +
            (al.impact && al.impact.verdict ? " · impact test: " + al.impact.verdict : "")}));
        var ul = h("ul", {class: "eventlist"});
        (al.events || []).forEach(function (e) {
          if (!e.id) return;
          ul.appendChild(h("li", {"data-testid": "alert-event", "data-id": e.id, tabindex: 0, on: {click: function () { showEvent(e.id); }}},
            fmt(e.date) + "  ", h("span", {class: "badge " + scoreClass(e.plover_score), text: fmt(e.event)}), "  ",
            h("span", {class: "snippet", text: (e.event_text || "").trim()})));
        });
        if (ul.children.length) card.appendChild(ul);
        if (al.change_point && ab.length === 2) card.appendChild(h("p", null, h("a", {href: "#/impact" + qs({a: al.a || ab[0], b: al.b || ab[1],
          date: al.change_point, freq: al.freq === "day" ? "week" : al.freq}), text: "Impact at the change point →"})));
        box.appendChild(card);
      });
      if (!res.alerts.length) box.appendChild(h("p", {class: "muted", text: "No alerts yet."}));
    }).catch(function (err) { box.appendChild(friendlyError(err)); });
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
  api("/api/watch", {keep: true}).then(function (w) {
    var n = document.getElementById("alertcount");
    if (w.alerts) { n.textContent = String(w.alerts); n.hidden = false; }
  }).catch(function () {});
  route();
})();
