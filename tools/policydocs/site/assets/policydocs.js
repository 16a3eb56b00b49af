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
    var lang = ev.target.closest("a.pd-lang, a.pd-compare");  /* the same clause in the other view or language */
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
  var timer = null, RECHECK_MS = 60000;
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
    /* wake at the next moment, and at least once a minute: a device clock set back (or forward)
       by its owner or the network is followed within a minute, in either direction */
    timer = setTimeout(tick, Math.min(next < Infinity ? next - t + 20 : RECHECK_MS, RECHECK_MS));
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
        var query = document.querySelector(".md-search__input");  // the search box asks in the same language
        if (query) {
          query.placeholder = section.getAttribute("data-search");
          query.setAttribute("aria-label", section.getAttribute("data-search"));
        }
      }
    });
    document.querySelectorAll(".pd-made[data-lang]").forEach(function (made) {
      made.hidden = made.getAttribute("data-lang") !== lang;
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", show); } else { show(); }
})();
