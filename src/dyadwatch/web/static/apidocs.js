/* The API reference page: renders /openapi.json (text only, no markup from the description). */
(function () {
  "use strict";
  var main = document.getElementById("main");
  function h(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }
  function typeOf(schema) {
    if (!schema) return "";
    if (schema.type) return schema.type + (schema.items && schema.items.type ? " of " + schema.items.type : "");
    if (schema.anyOf) return schema.anyOf.map(typeOf).filter(Boolean).join(" | ");
    if (schema.$ref) return schema.$ref.split("/").pop();
    return "";
  }
  fetch("/openapi.json").then(function (r) { return r.json(); }).then(function (spec) {
    main.textContent = "";
    main.appendChild(h("h1", null, (spec.info.title || "API") + " " + (spec.info.version || "")));
    main.appendChild(h("p", null, spec.info.description || ""));
    main.appendChild(h("p", "muted", "Machine-readable description: /openapi.json. Read routes are open; " +
      "POST needs the header Authorization: Bearer <token> (the server's DYADWATCH_TOKEN)."));
    Object.keys(spec.paths).sort().forEach(function (path) {
      var ops = spec.paths[path];
      Object.keys(ops).forEach(function (method) {
        var op = ops[method], card = h("div", "card");
        card.setAttribute("data-testid", "api-route");
        var title = h("h2");
        title.appendChild(h("span", "badge", method.toUpperCase()));
        title.appendChild(document.createTextNode(" " + path));
        card.appendChild(title);
        if (op.summary) card.appendChild(h("p", null, op.summary));
        if (op.description) card.appendChild(h("p", "muted", op.description));
        var params = op.parameters || [];
        if (params.length) {
          var dl = h("dl", "facts");
          params.forEach(function (p) {
            dl.appendChild(h("dt", null, p.name + (p.required ? " *" : "") + " (" + p.in + ")"));
            var d = typeOf(p.schema) + (p.schema && p.schema.default !== undefined ? ", default " + JSON.stringify(p.schema.default) : "");
            dl.appendChild(h("dd", null, d + (p.description ? " — " + p.description : "")));
          });
          card.appendChild(dl);
        }
        if (op.requestBody) {
          var ref = ((op.requestBody.content || {})["application/json"] || {}).schema || {};
          var name = (ref.$ref || "").split("/").pop(), schema = (spec.components.schemas || {})[name] || {};
          card.appendChild(h("p", null, "JSON body: " + Object.keys(schema.properties || {}).map(function (k) {
            return k + ((schema.required || []).indexOf(k) >= 0 ? " *" : "");
          }).join(", ")));
        }
        main.appendChild(card);
      });
    });
  }).catch(function (err) { main.textContent = "Could not load /openapi.json: " + err.message; });
})();
