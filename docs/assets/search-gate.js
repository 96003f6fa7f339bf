/* Search that costs nothing until it is used.
 *
 * Material for MkDocs fetches the whole search index (search/search_index.json) as soon as a
 * page loads, whether or not the reader ever searches: on the dossier that is most of what a
 * page downloads. This script, which runs before the theme's code, holds that one request
 * back until the reader opens search: focuses the search box, opens the search dialog, or
 * types one of the theme's search shortcuts (/, s, f). A page opened from a search result
 * (…?h=word, which highlights the words found) needs the index at once and gets it.
 * Meanwhile the theme shows "Initializing search", as it does while the index loads.
 *
 * How: the theme requests the index with XMLHttpRequest. `send` on a request for the index
 * waits for the first sign of search; every other request goes out untouched. Opened from
 * disk (file://) the theme loads search_index.js with a script element instead, which this
 * script leaves alone: the offline copy has its index on disk.
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

})();
