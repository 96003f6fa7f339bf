"""Redirects for addresses that moved (data/redirects.yml), as plain static files.

No MkDocs plugin is involved, so any builder that copies `docs/` publishes them:

- a vanished *page* (`reports/old/`, `actors/old/`) gets a small HTML file at its old path,
  which MkDocs copies verbatim: it sends the reader on at once (keeping `#p4` when the target
  is a page), with a meta refresh for readers without scripts, rel=canonical and a visible link;
- a vanished *anchor* on a page that still exists (`statements/#old`, `timeline/#old`,
  `reports/x/#p9`) is looked up by `redirects.js`, loaded on every page, which replaces the
  address on load, after each instant navigation and on every hash change.

`redirects.js` is always written (an empty map when nothing moved), so the site never depends
on a redirect existing. Addresses reach the files only through `escape`: they are validated
against the address grammar first, and escaped for their context anyway.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import escape, urls
from ..write import MARKER

_HEAD = f"{MARKER} from data/redirects.yml; do not edit."

# Loaded once per full page load; Material's instant navigation is followed through its
# `location$` and `document$`, so old anchors reached by a link inside the site are caught too.
_SCRIPT = """\
// %(head)s
// Old anchors on pages that still exist, and the addresses they moved to (relative to the
// site root): on load, after each instant navigation and on every hash change, an old
// address is replaced by its new one. Works over http(s) and from file://.
(function () {
  "use strict";
  var MOVED = %(moved)s;
  var own = Object.prototype.hasOwnProperty;
  var script = document.currentScript;
  var root = new URL("%(root)s", script && script.src ? script.src : location.href);

  // A page that a long listing was split from carries the anchors that left it (a statement
  // now on the page of its year or month), so this script does not grow with the corpus.
  function movedHere(page, anchor) {
    var here = document.getElementById("%(moved_id)s");
    if (!here || here.getAttribute("data-page") !== page) return null;
    var map;
    try { map = JSON.parse(here.getAttribute("data-moved")); } catch (e) { return null; }
    return own.call(map, anchor) ? map[anchor] : null;
  }

  function follow(href) {
    var url = new URL(href || location.href);
    var anchor;
    try { anchor = decodeURIComponent(url.hash.slice(1)); } catch (e) { return; }
    if (!anchor || document.getElementById(anchor)) return;
    url.hash = "";
    url.search = "";
    if (url.href.indexOf(root.href) !== 0) return;
    var page = url.href.slice(root.href.length).replace(/(^|\\/)index\\.html$/, "$1");
    var target = own.call(MOVED, page) && own.call(MOVED[page], anchor)
      ? MOVED[page][anchor] : movedHere(page, anchor);
    if (!target) return;
    var to = new URL(target, root);
    if (to.protocol === "file:" && to.pathname.slice(-1) === "/") to.pathname += "index.html";
    location.replace(to.href);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { follow(); });
  } else {
    follow();
  }
  window.addEventListener("hashchange", function () { follow(); });
  // Material's instant navigation (http only): `location$` names the address being opened
  // and `document$` emits once its content is in place; by then the theme may have replaced
  // an unknown anchor in the address bar, so the address opened is the one looked up.
  if (window.location$ && window.document$) {
    var opening = null;
    window.location$.subscribe(function (url) { opening = url.href; });
    window.document$.subscribe(function () {
      var href = opening;
      opening = null;
      if (href) follow(href);
    });
  }
})();
"""

_PAGE = """\
<!doctype html>
<!-- %(head)s -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Moved to %(label)s</title>
<link rel="canonical" href="%(href)s">
<script>
(function () {
  var moved = %(moved)s;
  var anchor = location.hash.slice(1);
  try { anchor = decodeURIComponent(anchor); } catch (e) { anchor = ""; }
  var to = Object.prototype.hasOwnProperty.call(moved.anchors, anchor)
    ? moved.anchors[anchor]
    : moved.target + (moved.keepAnchor ? location.hash : "");
  var url = new URL(to, location.href);
  if (url.protocol === "file:" && url.pathname.slice(-1) === "/") url.pathname += "index.html";
  location.replace(url.href);
})();
</script>
<noscript><meta http-equiv="refresh" content="0; url=%(href)s"></noscript>
</head>
<body>
<p>This page has moved to <a href="%(href)s">%(label)s</a>.</p>
</body>
</html>
"""


MOVED_ID = "dossier-moved"


def moved_block(page: str, moved: Mapping[str, str]) -> str:
    """Raw HTML for the end of the live page at `page` (an address): the anchors that moved
    off it when a listing was split (anchor → current address), read by redirects.js."""
    data = {urls.address_anchor(old) or "": new for old, new in sorted(moved.items())}
    return (
        f'<div id="{MOVED_ID}" hidden data-page="{escape.html_attr(page)}" '
        f'data-moved="{escape.html_attr(escape.json_for_html(data))}"></div>'
    )


def with_moved(docs: Mapping[str, str], moved: Mapping[str, str]) -> dict[str, str]:
    """The generated pages with the anchors that moved off each (addresses.Ledger.moved):
    a live page carries them at its end; a page that is gone (a listing split differently
    before) becomes a redirect page, to the listing's first page, that knows them."""
    out = dict(docs)
    by_page: dict[str, dict[str, str]] = {}
    for old, new in moved.items():
        by_page.setdefault(urls.address_page(old), {})[old] = new
    live = {urls.url_page(doc): doc for doc in docs if doc.endswith(".md")}
    for page, anchors in sorted(by_page.items()):
        if page in live:
            out[live[page]] = docs[live[page]] + "\n" + moved_block(page, anchors) + "\n"
        else:
            plain = {urls.address_anchor(a) or "": t for a, t in anchors.items()}
            first = next(iter(anchors))
            base = urls.STATEMENTS if urls.address_kind(first) == "statement" else urls.TIMELINE
            out[urls.doc_redirect(page)] = redirect_page(page, urls.url_page(base), plain)
    return out


def redirect_docs(redirects: Mapping[str, str]) -> dict[str, str]:
    """Every redirect file, as path under docs/ → content; `redirects` maps an old address
    to a current one (both already checked by `addresses.check_addresses`)."""
    pages = {old: new for old, new in redirects.items() if urls.address_anchor(old) is None}
    anchors: dict[str, dict[str, str]] = {}
    for old, new in redirects.items():
        anchor = urls.address_anchor(old)
        if anchor is not None:
            anchors.setdefault(urls.address_page(old), {})[anchor] = new
    docs = {
        urls.doc_redirect(old): redirect_page(old, new, anchors.get(old, {}))
        for old, new in sorted(pages.items())
    }
    live = {page: moved for page, moved in anchors.items() if page not in pages}
    docs[urls.REDIRECTS_JS] = redirects_js(live)
    return docs


def redirect_page(old: str, new: str, anchors: Mapping[str, str]) -> str:
    """The HTML left at a vanished page's address. `anchors` maps anchors of the old page
    that moved elsewhere; any other anchor is kept when `new` is a page."""
    href = urls.relative_address(old, new)
    moved = {
        "target": href,
        "keepAnchor": urls.address_anchor(new) is None,
        "anchors": {a: urls.relative_address(old, t) for a, t in sorted(anchors.items())},
    }
    return _PAGE % {
        "head": _HEAD,
        "label": escape.html_text(new),
        "href": escape.html_attr(href),
        "moved": escape.json_for_html(moved),
    }


def redirects_js(moved: Mapping[str, Mapping[str, str]]) -> str:
    """The script for moved anchors on live pages: page address → anchor → new address."""
    plain = {page: dict(sorted(targets.items())) for page, targets in sorted(moved.items())}
    return _SCRIPT % {
        "head": _HEAD,
        "moved_id": MOVED_ID,
        "moved": escape.json_for_html(plain),
        "root": urls.site_root_from(urls.REDIRECTS_JS),
    }
