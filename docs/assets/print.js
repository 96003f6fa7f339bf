/* Printing: what a printed page (or a PDF of it) needs that the screen does not.
 *
 * - The page's published address at the top of the first page (with the filters of a finder
 *   view), and the date it was printed (a citation's access date). The theme names the
 *   address in <link rel="canonical">, which CSS cannot read, so this script copies it into a
 *   paragraph that only print shows (print.css). (The offline copy names its pages x.html;
 *   their canonical address is the published one, x/, which is the one to cite.)
 * - Which links print their address after their text. print.css prints it after every link
 *   that starts with http. The theme's instant navigation makes the site's own links absolute
 *   too, so this script marks those (data-print-link="own"), and links whose text already is
 *   their address (data-print-link="shown"): neither prints it again.
 * - Each statement's and event's own address under its heading (data-print-address), so that
 *   a printed one can be cited.
 * - The light scheme while printing (see lightForPrint).
 *
 * Runs on load and after each instant navigation (the marking when the browser is idle), and
 * again just before printing. Text only (no
 * markup from the page is copied), no request, works from file://.
 */
(() => {
  "use strict";

  const BOX = "dossier-print-address";

  /** The site's root address, from the theme's configuration on the page first loaded (it
   * is relative to that page, and instant navigation keeps it). */
  const root = (() => {
    try {
      const base = JSON.parse(document.getElementById("__config").textContent).base;
      return new URL(base.endsWith("/") ? base : `${base}/`, location.href).href;
    } catch {
      return new URL("./", location.href).href;
    }
  })();

  /** The published address of this page. */
  function address() {
    const canonical = document.querySelector('link[rel="canonical"]');
    const url = new URL(canonical ? canonical.href : location.href);
    url.search = "";
    url.hash = "";
    return url.href;
  }

  const DATE = new Intl.DateTimeFormat("en-GB", {
    day: "numeric", month: "long", year: "numeric",
  });
  function today() {
    return DATE.format(new Date()).replace(/ /g, "\u00a0"); // one date, not broken in two
  }

  /** The print-only paragraph at the top of the page: created once, its text kept current. */
  function placeAddress() {
    let box = document.getElementById(BOX);
    if (!box) {
      box = document.createElement("p");
      box.id = BOX;
      box.hidden = true; // print.css shows it on paper only
      document.body.prepend(box);
    }
    const site = document.querySelector(".md-header__title .md-ellipsis");
    const name = site ? site.textContent.trim() : "";
    const view = address() + viewQuery();
    box.textContent = `${name ? `${name}: ` : ""}${view} (printed ${today()})`;
  }

  /** The query of the address shown, as written, less search's highlight (?h=): a filtered
   * view of the statement finder prints the address that opens the same view. */
  function viewQuery() {
    const kept = location.search.slice(1).split("&").filter(p => p && !/^h(=|$)/.test(p));
    return kept.length ? `?${kept.join("&")}` : "";
  }

  /** Whether a link's text is its own address (with or without the scheme or a final /). */
  function showsItself(link) {
    const text = link.textContent.trim().replace(/\/$/, "");
    const href = link.href.replace(/\/$/, "");
    return text === href || text === href.replace(/^[a-z]+:\/\//i, "");
  }

  function markLinks() {
    for (const link of document.querySelectorAll(".md-content a[href]")) {
      let kind = "";
      if (link.href.startsWith(root)) kind = "own";
      else if (showsItself(link)) kind = "shown";
      if (kind) link.dataset.printLink = kind;
      else delete link.dataset.printLink;
    }
  }

  /** Statements and events (the h4 headings with a permalink) print their own address. */
  function markAnchors(page) {
    for (const heading of document.querySelectorAll(".md-content h4[id]")) {
      heading.dataset.printAddress = new URL(`#${heading.id}`, page).href;
    }
  }

  function prepare() {
    placeAddress();
    markLinks();
    markAnchors(address());
  }

  /** On a page view: the address at once (it is one paragraph), the links and headings when
   * the browser is idle, so that a long page does not start slower for a print that may never
   * come. Printing prepares everything again, at once (beforeprint). A PDF made without that
   * event (headless printing) still finds the page prepared. */
  function prepareSoon() {
    placeAddress();
    const rest = () => { markLinks(); markAnchors(address()); };
    if ("requestIdleCallback" in window) requestIdleCallback(rest, { timeout: 2000 });
    else setTimeout(rest, 200);
  }

  // Paper is white: a page shown in the dark scheme prints in the light one, since not every
  // dark-scheme colour of the site is limited to the screen. Back as it was after printing.
  let scheme = null;
  function lightForPrint() {
    const current = document.body.getAttribute("data-md-color-scheme");
    if (!current || current === "default") return;
    scheme = current;
    document.body.setAttribute("data-md-color-scheme", "default");
  }
  function schemeAsItWas() {
    if (scheme !== null) document.body.setAttribute("data-md-color-scheme", scheme);
    scheme = null;
  }

  window.addEventListener("beforeprint", () => {
    prepare();
    lightForPrint();
  });
  window.addEventListener("afterprint", schemeAsItWas);
  // The theme's document$ emits after each instant navigation (never from file://), and
  // DOMContentLoaded covers the first load; prepare is safe to run twice.
  if (typeof document$ !== "undefined") document$.subscribe(prepareSoon);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", prepareSoon, { once: true });
  } else {
    prepareSoon();
  }
})();
