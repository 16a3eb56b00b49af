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

/* History page: which version was in force on a given date (the table carries the moments). */
(function () {
  "use strict";
  function answer(form) {
    var value = form.querySelector("input[type=date]").value;
    var out = form.querySelector("output");
    if (!value) { out.textContent = ""; return; }
    var rows = document.querySelectorAll("table.pd-history tr[data-version]");
    /* the end of that day in the document's zone (the offset the moments are written with) */
    var offset = rows.length ? rows[0].getAttribute("data-effective").slice(-6) : "+05:00";
    var end = new Date(value + "T23:59:59" + offset).getTime();
    var found = null;
    rows.forEach(function (row) {
      var from = new Date(row.getAttribute("data-effective")).getTime();
      var until = row.getAttribute("data-until");
      if (from <= end && (!until || new Date(until).getTime() > end)) {
        if (!found || Number(row.getAttribute("data-version")) > Number(found.getAttribute("data-version"))) { found = row; }
      }
    });
    out.textContent = found ? form.getAttribute("data-label").replace("{n}", found.getAttribute("data-version"))
                            : form.getAttribute("data-none");
  }
  document.addEventListener("change", function (ev) {
    var form = ev.target.closest && ev.target.closest("form.pd-lookup");
    if (form) { answer(form); }
  });
  document.addEventListener("submit", function (ev) {
    if (ev.target.matches && ev.target.matches("form.pd-lookup")) { ev.preventDefault(); answer(ev.target); }
  });
})();
