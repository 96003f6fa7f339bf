// Accessibility repairs to the theme's markup, run on every page (and after each
// instant navigation): the search dialog gets an accessible name.
function dossierA11y() {
  const search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", "Search the dossier");
  }
}
if (typeof document$ !== "undefined") {
  document$.subscribe(dossierA11y);
} else {
  document.addEventListener("DOMContentLoaded", dossierA11y);
}
