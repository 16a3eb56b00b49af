/* policydocs: one-click clause links and a language switch that keeps the clause. */
(function () {
  "use strict";
  function body() { return document.querySelector("[data-pd-copied]"); }

  function toast(text) {
    var el = document.createElement("div");
    el.className = "pd-toast";
    el.setAttribute("role", "status");
    el.textContent = text;
    document.body.appendChild(el);
    setTimeout(function () { el.remove(); }, 2000);
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { area.remove(); }
    return Promise.resolve();
  }

  function init() {
    var b = body();
    if (!b) { return; }
    var label = b.getAttribute("data-pd-copy");
    document.querySelectorAll("a.pd-num").forEach(function (a) { a.title = label; });
  }

  document.addEventListener("click", function (ev) {
    if (!ev.target.closest) { return; }
    var num = ev.target.closest("a.pd-num");
    if (num && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey) {
      ev.preventDefault();
      var id = num.getAttribute("href").slice(1);
      if (location.hash !== "#" + id) { location.hash = id; }
      var url = location.href.split("#")[0] + "#" + id;
      var b = body();
      copy(url).then(function () { toast(b ? b.getAttribute("data-pd-copied") : url); }, function () {});
      return;
    }
    var lang = ev.target.closest("a.pd-lang, a.pd-compare");  /* the same clause in the other view or language */
    if (lang && location.hash && !lang.hasAttribute("data-pd-missing")) {
      ev.preventDefault();
      location.href = lang.href.split("#")[0] + location.hash;
    }
  });

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();

/* The clock: each page says what is in force at the reader's moment, not only at the build.
   The page carries its versions' intervals (script.pd-clock, JSON) and, for every fragment
   that depends on them, one variant per state with its condition (data-pd-at="2=pending
   1=in_force"); the rule mirrors policydocs/versions/timeline.py. */
(function () {
  "use strict";
  var data = null;
  function load() {
    var block = document.querySelector("script.pd-clock");
    if (block && !data) { try { data = JSON.parse(block.textContent); } catch (e) { data = null; } }
    return data;
  }
  function ms(iso) { return iso ? Date.parse(iso) : null; }
  function state(iv, t) {
    var from = ms(iv[0]), until = ms(iv[1]);
    if (until !== null && until <= from) { return t < until ? "pending" : "never_in_force"; }
    if (t < from) { return "pending"; }
    return until !== null && t >= until ? "superseded" : "in_force";
  }
  function inForce(t) {  /* the highest-numbered version whose effective moment has come */
    var found = null;
    Object.keys(data.v).forEach(function (k) {
      if (ms(data.v[k][0]) <= t && (found === null || Number(k) > Number(found))) { found = k; }
    });
    return found;
  }
  var timer = null;
  function tick() {
    if (!load()) { return; }
    /* a page never knows less than its build did: a clock behind the build counts as the build */
    var t = Math.max(Date.now(), ms(data.built)), next = Infinity;
    Object.keys(data.v).forEach(function (k) {
      data.v[k].forEach(function (m) { var x = ms(m); if (x !== null && x > t && x < next) { next = x; } });
    });
    document.querySelectorAll("[data-pd-at]").forEach(function (el) {
      el.hidden = !el.getAttribute("data-pd-at").split(" ").every(function (pair) {
        var i = pair.lastIndexOf("="), iv = data.v[pair.slice(0, i)];
        return iv !== undefined && state(iv, t) === pair.slice(i + 1);
      });
    });
    document.querySelectorAll("[data-version][data-state]").forEach(function (el) {
      var iv = data.v[el.getAttribute("data-version")];
      if (iv) { el.setAttribute("data-state", state(iv, t)); }
    });
    document.querySelectorAll(".pd-asof").forEach(function (el) { el.hidden = true; });
    clearTimeout(timer);
    if (next < Infinity) { timer = setTimeout(tick, Math.min(next - t + 20, 2147483000)); }
  }

  /* History page: which version was in force at 00:00 of a date in the document's zone
     (the same question `policydocs status --at DATE` answers, the same way). */
  function midnight(day, zone) {
    var offset = "";
    try {
      var parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
        .formatToParts(new Date(day + "T12:00:00Z"));
      offset = parts.filter(function (p) { return p.type === "timeZoneName"; })[0].value.replace("GMT", "") || "Z";
    } catch (e) { offset = "+05:00"; }
    return Date.parse(day + "T00:00:00" + offset);
  }
  function answer(form) {
    var value = form.querySelector("input[type=date]").value;
    var out = form.querySelector("output");
    if (!value || !load()) { out.textContent = ""; return; }
    var found = inForce(midnight(value, form.getAttribute("data-zone")));
    out.textContent = found !== null ? form.getAttribute("data-label").replace("{n}", found) : form.getAttribute("data-none");
  }
  document.addEventListener("change", function (ev) {
    var form = ev.target.closest && ev.target.closest("form.pd-lookup");
    if (form) { answer(form); }
  });
  document.addEventListener("submit", function (ev) {
    if (ev.target.matches && ev.target.matches("form.pd-lookup")) { ev.preventDefault(); answer(ev.target); }
  });
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { tick(); } });
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", tick); } else { tick(); }
})();
