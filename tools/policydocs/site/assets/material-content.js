// Material for MkDocs' inline script after the content (partials/javascripts/content.html),
// as a file of the site for the Content-Security-Policy: open the tab a link points to.
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
