// Material for MkDocs' inline start-up script (partials/javascripts/base.html), kept as a file
// of the site so that the Content-Security-Policy can refuse every inline script. The scope
// that Material writes into the script is passed in data-scope instead.
__md_scope = new URL(document.currentScript.getAttribute("data-scope"), location);
__md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0);
__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e));
__md_set = (e, _, t = localStorage, a = __md_scope) => {
  try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (e) {}
};
