/* Search that costs nothing until it is used, and little when it is.
 *
 * 1. The index waits for search. Material for MkDocs fetches its search index
 *    (search/search_index.json) as soon as a page loads, whether or not the reader ever
 *    searches. This script, which runs before the theme's code, holds that one request back
 *    until the reader opens search: focuses the search box, opens the search dialog, or types
 *    one of the theme's search shortcuts (/, s, f). A page opened from a search result
 *    (…?h=word, which highlights the words found) needs the index's settings at once and gets
 *    them. Meanwhile the theme shows "Initializing search", as it does while the index loads.
 *
 *    How: the theme requests the index with XMLHttpRequest. `send` on a request for the index
 *    waits for the first sign of search; every other request goes out untouched. Opened from
 *    disk (file://) the theme loads search_index.js with a script element instead, which this
 *    script leaves alone: the offline copy has its index on disk.
 *
 * 2. Pagefind answers. Served over http(s), the theme's search runs in assets/search-worker.js
 *    instead of the theme's own worker: that worker answers the theme's messages with
 *    Pagefind, which downloads only the parts of its index a query needs (see that file and
 *    scripts/dossier/search_index.py). The theme reads its worker's address from the page's
 *    settings (the #__config script) when its code starts, just after this script; the
 *    address of its own worker goes along, for a site built without a Pagefind index. Opened
 *    from disk Pagefind cannot run (browsers refuse its requests and its WebAssembly there):
 *    the offline copy keeps the theme's own search. A theme whose search is not Material's
 *    (no form named "search") is left as it is.
 */
(() => {
  "use strict";

  const INDEX = /(?:^|\/)search\/search_index\.json(?:[?#]|$)/;
  let wanted = /[?&]h=/.test(location.search);
  const waiting = [];

  function release() {
    if (wanted) return;
    wanted = true;
    for (const start of waiting.splice(0)) start();
  }

  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const gated = new WeakSet();
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (INDEX.test(String(url))) gated.add(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (wanted || !gated.has(this)) return send.apply(this, args);
    waiting.push(() => send.apply(this, args));
  };

  // The signs of search. Focus events are captured on the document, so they also cover a
  // search box the theme re-renders; `change` covers the dialog's toggle (phones open it
  // with the magnifier button, which is a label for that checkbox).
  document.addEventListener("focusin", (event) => {
    const target = event.target;
    if (target instanceof Element && target.closest("form[name=search], .md-search")) release();
  }, true);
  document.addEventListener("change", (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.id === "__search" && target.checked) {
      release();
    }
  }, true);
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    const typing = target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (!typing && ["/", "s", "f", "S", "F"].includes(event.key)) release();
  }, true);
  document.addEventListener("pointerdown", (event) => {
    const target = event.target;
    if (target instanceof Element && target.closest("label[for=__search], .md-search")) {
      release();
    }
  }, true);

  // --- 2: the worker --------------------------------------------------------------------

  function useSearchWorker() {
    const settings = document.getElementById("__config");
    if (location.protocol === "file:" || !settings || !document.forms.namedItem("search")) {
      return;
    }
    try {
      const config = JSON.parse(settings.textContent);
      if (typeof config.search !== "string" || typeof config.base !== "string") return;
      const root = new URL(config.base.endsWith("/") ? config.base : `${config.base}/`, location);
      const worker = new URL("assets/search-worker.js", root);
      worker.searchParams.set("lunr", new URL(config.search, location).href);
      config.search = worker.href;
      settings.textContent = JSON.stringify(config);
    } catch {
      // Settings the theme could not read either: left as they are.
    }
  }

  useSearchWorker();
})();
