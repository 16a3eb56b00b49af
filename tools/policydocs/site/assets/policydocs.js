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
    var lang = ev.target.closest("a.pd-lang");
    if (lang && location.hash && !lang.hasAttribute("data-pd-missing")) {
      ev.preventDefault();
      location.href = lang.href.split("#")[0] + location.hash;
    }
  });

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
