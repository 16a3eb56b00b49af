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

  /* Paragraphs and bullets have an address (their id) but no number to click: each gets a
     permalink that shows on hover and focus, like the numbers of clauses and items. */
  function addCiteLinks(b) {
    var label = b.getAttribute("data-pd-cite") || b.getAttribute("data-pd-copy");
    b.querySelectorAll("p.pd-para[id], ul.pd-bullets > li[id]").forEach(function (el) {
      if (el.querySelector(":scope > a.pd-cite")) { return; }
      var a = document.createElement("a");
      a.className = "pd-cite";
      a.href = "#" + el.id;
      /* its number within its clause or section, as redlines cite it ("абзац 3" is ¶3) */
      var n = /-[pb](\d+)$/.exec(el.id);
      a.textContent = "\u00b6" + (n ? n[1] : "");
      a.setAttribute("aria-label", label);
      a.title = label;
      el.appendChild(a);
    });
  }

  /* A link to a clause the document does not have opens at the top: say so, in the page's language. */
  function checkTarget() {
    var b = body();
    if (!b) { return; }
    var old = document.querySelector(".pd-notice-missing");
    if (old) { old.remove(); }
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id) || !/^(cl|sec|pre)-/.test(id)) { return; }
    var m = /^cl-([0-9-]+)$/.exec(id);
    var text = (b.getAttribute("data-pd-nolink") || "").replace("{n}", m ? m[1].replace(/-/g, ".") : id);
    var note = document.createElement("p");
    note.className = "pd-notice-missing";
    note.setAttribute("role", "status");
    note.textContent = text;
    b.insertBefore(note, b.firstChild);
  }

  /* The clause or section at the top of the screen: where a language switch should land. */
  function placeOnScreen() {
    var b = body();
    if (!b || window.scrollY < 1) { return ""; }
    var found = "";
    var marks = b.querySelectorAll("[id^='cl-'], h2[id^='sec-'], h3[id^='sec-']");
    for (var i = 0; i < marks.length; i++) {
      if (marks[i].getBoundingClientRect().top > 90) { break; }
      found = marks[i].id;
    }
    return found;
  }

  function init() {
    var b = body();
    if (!b) { return; }
    var label = b.getAttribute("data-pd-copy");
    document.querySelectorAll("a.pd-num").forEach(function (a) { a.title = label; });
    addCiteLinks(b);
    checkTarget();
  }
  window.addEventListener("hashchange", checkTarget);

  document.addEventListener("click", function (ev) {
    if (!ev.target.closest) { return; }
    var num = ev.target.closest("a.pd-num, a.pd-cite");
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
    if (lang && !lang.hasAttribute("data-pd-missing")) {
      var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)))
        ? location.hash : (placeOnScreen() ? "#" + placeOnScreen() : "");
      if (target) {
        ev.preventDefault();
        location.href = lang.href.split("#")[0] + target;
      }
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

/* The 404 page: the block in the language the address names (/kk/..., /en/...), Russian by default. */
(function () {
  "use strict";
  function show() {
    var box = document.querySelector("[data-pd-notfound]");
    if (!box) { return; }
    var parts = location.pathname.split("/");
    var lang = "ru";
    for (var i = 0; i < parts.length; i++) {
      if (parts[i] === "kk" || parts[i] === "en" || parts[i] === "ru") { lang = parts[i]; break; }
    }
    box.querySelectorAll("section[data-lang]").forEach(function (section) {
      var own = section.getAttribute("data-lang") === lang;
      section.hidden = !own;
      if (own) {
        document.documentElement.lang = lang;
        document.title = section.getAttribute("data-title") + " - " + section.getAttribute("data-site");
        var name = document.querySelector(".md-header__topic .md-ellipsis");
        if (name) { name.textContent = section.getAttribute("data-site"); }
      }
    });
    document.querySelectorAll(".pd-made[data-lang]").forEach(function (made) {
      made.hidden = made.getAttribute("data-lang") !== lang;
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", show); } else { show(); }
})();
