// Accessibility repairs and glossary tooltips, run on every page (and after each instant
// navigation).
//
// Glossary terms are <abbr title="expansion"> elements (Python-Markdown's abbr extension).
// The theme's own tooltips would copy a title into the page as HTML, so a glossary entry (or
// a headline the theme shortens with an ellipsis) could become markup; the site therefore
// does not use them. This small tooltip shows the expansion as text only (textContent),
// on hover and on keyboard focus, and Escape hides it.
function dossierA11y() {
  const search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", "Search the dossier");
  }
  dossierTooltips();
}

function dossierTip() {
  let tip = document.getElementById("dossier-tip");
  if (!tip) {
    tip = document.createElement("div");
    tip.id = "dossier-tip";
    tip.className = "dossier-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
  }
  return tip;
}

function dossierShowTip(abbr) {
  const tip = dossierTip();
  tip.textContent = abbr.dataset.expansion;  // text, never HTML
  tip.hidden = false;
  const box = abbr.getBoundingClientRect();
  const width = Math.min(tip.offsetWidth, document.documentElement.clientWidth - 16);
  const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
  tip.style.left = `${left + window.scrollX}px`;
  tip.style.top = `${box.bottom + window.scrollY + 6}px`;
}

function dossierHideTip() {
  const tip = document.getElementById("dossier-tip");
  if (tip) tip.hidden = true;
}

// The expansion moves out of `title`, so the browser's own tooltip does not double it;
// aria-describedby gives it to screen readers when the term has focus.
function dossierPrepareTerm(abbr) {
  if (!abbr.hasAttribute("title")) return;
  abbr.dataset.expansion = abbr.title;
  abbr.removeAttribute("title");
  abbr.tabIndex = 0;
  abbr.setAttribute("aria-describedby", "dossier-tip");
}

// Every term is prepared at once, so its expansion is in place before any hover, focus or
// script looks for it (preparing them in idle time left a window where it was not).
function dossierTooltips() {
  for (const abbr of document.querySelectorAll(".md-content abbr[title]")) {
    dossierPrepareTerm(abbr);
  }
}

// One listener for all terms (delegation), not four per term.
function dossierTermFrom(event) {
  const target = event.target;
  const abbr = target instanceof Element ? target.closest(".md-content abbr") : null;
  if (!abbr || !(abbr.hasAttribute("title") || abbr.dataset.expansion)) return null;
  dossierPrepareTerm(abbr);
  return abbr;
}

for (const type of ["mouseover", "focusin"]) {
  document.addEventListener(type, (event) => {
    const abbr = dossierTermFrom(event);
    if (abbr) dossierShowTip(abbr);
  });
}
for (const type of ["mouseout", "focusout"]) {
  document.addEventListener(type, (event) => {
    if (dossierTermFrom(event)) dossierHideTip();
  });
}

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") dossierHideTip();
});

// Both: the theme's document$ emits after each instant navigation but never from file://,
// and DOMContentLoaded covers the first load. dossierA11y is safe to run twice.
if (typeof document$ !== "undefined") {
  document$.subscribe(dossierA11y);
}
document.addEventListener("DOMContentLoaded", dossierA11y);
