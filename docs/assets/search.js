/* Search that lands: small additions to Material for MkDocs' site search.
 *
 * Material indexes the site when it is built (mkdocs.yml sets how words split) and searches
 * it in the browser, in a web worker: the page posts each query to the worker and renders the
 * result the worker posts back. On the published site that worker is the site's own
 * (assets/search-worker.js), which answers through Pagefind; the offline copy keeps
 * Material's. This file, a plain script the site ships, adds five things, whichever answers:
 *
 * 1. Inflections. Material matches each word and any word it begins ("sanction" finds
 *    "sanctions") but not other endings: "condemned" would miss "condemn". A query word's
 *    common English ending (-s, -es, -ies, -ed, -ing) is dropped before it reaches the worker,
 *    so "condemned" looks for condemn, condemns, condemned, condemnation. Words with search
 *    operators (+word, -word, word*, word~1, title:word) are left as typed. Among several
 *    words, the small ones the index leaves out ("of", "to") are not sent: they could only
 *    match longer words that begin with them ("to" finds "toward").
 * 2. Ranking. Material lists any result holding any of the words, by a score that weighs
 *    rare words, and titles, higher. For several words, a result holding the exact phrase
 *    comes first, then one holding every word, then the rest, each group in Material's own
 *    order. (Requiring every word, Material's `+word`, would hide near misses; ranking keeps
 *    them, below.) Within a page, up to three of its best sections show (Material would show
 *    one and fold the rest under "N more on this page"), and where the page's title matches
 *    too (a report's headline), its sections still show: the page does not outrank them.
 * 3. Snippets. A result from a report is one paragraph; its snippet is cut to the sentence
 *    holding the most of the words found, so a long paragraph does not bury it. A statement's
 *    snippet is its words, not its details. A result's link highlights the words found on the
 *    page it opens, but not single letters.
 * 4. An empty result explains what search covers and offers the statement finder and the
 *    actor list.
 * 5. Where the worker lists the pages of the best matches only (the site's Pagefind worker,
 *    assets/search-worker.js, reads the best of a query that matches thousands), the count
 *    of results says that more match.
 *
 * How 1 and 2 hook in: Material's page code talks to its worker with postMessage and listens
 * for its "message" events. This script wraps Worker.prototype.postMessage to rewrite query
 * messages, and listens to the same worker: when a result arrives, it posts the reordered
 * result to Material's listener as a second "message" event, in the same task (so only the
 * reordered list is ever painted). Messages of any other shape pass through untouched, so a
 * change in Material's protocol leaves plain Material search. Everything here uses the page's
 * own DOM and data: no request, no library, nothing from outside the site.
 */
(() => {
  "use strict";

  // Material 9's worker protocol (src/.../integrations/search/worker/message).
  const QUERY = 2;
  const RESULT = 3;
  const SHOWN = 3; // sections of one page shown before "N more on this page"
  const OPERATOR = /[+\-*~^:]/;
  // A whole word of letters (not the letters of "Meritnews24"), long enough to have an ending.
  const WORD = /(?<![\p{L}\p{N}])[A-Za-z]{5,}(?![\p{L}\p{N}])/gu;
  const ENDINGS = [
    // [ending, what replaces it, the shortest stem kept]
    [/ies$/, "", 5],
    [/(?<=(?:ss|ch|sh|x|z))es$/, "", 4],
    [/ing$/, "", 5], // not "noth" for nothing, nor "meet" for meeting
    [/ed$/, "", 4],
    [/(?<![isu])s$/, "", 4],
  ];
  // The words the index leaves out (lunr's English stop word list, Material's default).
  const STOP_WORDS = new Set(
    ("a able about across after all almost also am among an and any are as at be because " +
      "been but by can cannot could dear did do does either else ever every for from get got " +
      "had has have he her hers him his how however i if in into is it its just least let " +
      "like likely may me might most must my neither no nor not of off often on only or other " +
      "our own rather said say says she should since so some than that the their them then " +
      "there these they this tis to too twas us wants was we were what when where which while " +
      "who whom why will with would yet you your").split(" "),
  );

  /** A word without its common English ending, when enough of it remains to search by. */
  function stem(word) {
    const lower = word.toLowerCase();
    for (const [ending, replacement, shortest] of ENDINGS) {
      if (ending.test(lower)) {
        const cut = lower.replace(ending, replacement);
        return cut.length >= shortest ? cut : lower;
      }
    }
    return lower;
  }

  /** The query's words as typed, small ones left out (see 1 above). */
  function keptWords(value) {
    const parts = value.trim().split(/\s+/);
    const small = part => !OPERATOR.test(part) && words(part).every(w => STOP_WORDS.has(w));
    return parts.every(small) ? parts : parts.filter(part => !small(part));
  }

  /** The query the theme's worker gets: plain words stemmed, small ones left out. */
  function rewriteQuery(kept) {
    return kept
      .map(part => (OPERATOR.test(part) ? part : part.replace(WORD, stem)))
      .join(" ");
  }

  /** Words for comparing phrases: lower case, letters and digits only. */
  function words(text) {
    return text
      .toLowerCase()
      .replace(/<[^>]*>/g, " ")
      .replace(/&(?:amp|lt|gt|quot|#39);/g, " ")
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  }

  /** 2 for the exact phrase, 1 for every word, 0 otherwise. */
  function tier(item, phrase) {
    const text = ` ${words(`${item.title} ${item.text}`).join(" ")} `;
    if (text.includes(` ${phrase} `)) return 2;
    const found = Object.values(item.terms || {});
    return found.length > 0 && found.every(Boolean) ? 1 : 0;
  }

  /** One page's results: up to SHOWN of its best sections shown, not the page above them. */
  function regroup(group, phrase, top) {
    const several = phrase.includes(" ");
    const items = group.map(item => {
      const level = several ? tier(item, phrase) : 0;
      return { ...item, level, score: (item.score || 0) + top * level };
    });
    const rank = Math.max(0, ...items.map(item => item.score));
    const sections = items
      .filter(item => item.location.includes("#") && item.score > 0)
      .sort((a, b) => b.score - a.score);
    if (sections.length) {
      // Material shows the sections that score as high as the first, and folds the others.
      const [best] = sections;
      for (const item of sections.slice(0, SHOWN)) {
        if (item.level === best.level) item.score = best.score;
      }
      for (const item of items) {
        if (!item.location.includes("#")) item.score = Math.min(item.score, best.score);
      }
    }
    items.sort((a, b) => b.score - a.score);
    return { items, rank };
  }

  /** The result reordered as 2 above says, or null when there is nothing to reorder. */
  function rerank(result, query) {
    if (!Array.isArray(result.items) || result.items.length === 0) return null;
    const phrase = words(query).join(" ");
    const top = 1 + Math.max(0, ...result.items.flat().map(item => item.score || 0));
    const groups = result.items.map(group => regroup(group, phrase, top));
    groups.sort((a, b) => b.rank - a.rank);
    return { ...result, items: groups.map(group => group.items) };
  }

  // --- the worker hook (1 and 2) ---------------------------------------------------------

  const hooked = new WeakSet();
  const ours = new WeakSet();
  // The queries posted, in order, as [typed, sent]. The theme's own worker answers each in
  // turn; the site's Pagefind worker (assets/search-worker.js) answers only the newest, and
  // names the query it answers.
  const pending = [];
  let more = false; // whether the latest result lists the best of more matches
  let nothing = false; // whether the latest result answered a query, typed, with nothing
  let refresh = () => {}; // brings the results' additions up to date (watchResults sets it)

  /** The query, as typed, that a result answers. */
  function answered(result) {
    if (typeof result.query !== "string") return (pending.shift() || [])[0];
    const at = pending.findIndex(([, sent]) => sent === result.query);
    return at < 0 ? undefined : pending.splice(0, at + 1)[at][0];
  }

  function onMessage(event) {
    if (ours.has(event)) return;
    const message = event.data;
    if (!message || message.type !== RESULT || typeof message.data !== "object") return;
    const query = answered(message.data);
    more = message.data.more === true;
    const items = message.data.items;
    nothing = Boolean(query && query.trim()) && !(Array.isArray(items) && items.length);
    // The theme has shown this result already (its listener runs first): update what goes
    // with it now that the flags above are known.
    refresh();
    const reordered = query === undefined ? null : rerank(message.data, query);
    if (!reordered) return;
    const again = new MessageEvent("message", { data: { ...message, data: reordered } });
    ours.add(again);
    event.target.dispatchEvent(again);
  }

  function hookWorkers() {
    if (typeof Worker === "undefined") return;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        if (!hooked.has(this)) {
          hooked.add(this);
          this.addEventListener("message", onMessage);
        }
        // The words unstemmed go along for a worker that finds other forms of a word
        // itself (the Pagefind worker); the theme's own worker reads `data` only.
        const kept = keptWords(message.data);
        const sent = rewriteQuery(kept);
        pending.push([message.data, sent]);
        message = { ...message, data: sent, words: kept.join(" ") };
      }
      return post.call(this, message, ...rest);
    };
  }

  // --- snippets (3) ----------------------------------------------------------------------

  // A full stop after these ends no sentence: an initial ("N. Korea") or a short title.
  const ABBREVIATION =
    /(?:^|[^\p{L}])(?:\p{Lu}|[a-z]|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|St|No|vs|etc)$/u;
  const SENTENCE_END = /[.!?][”’"')\]]*\s+(?=[“‘"'(\[]?[\p{Lu}\p{N}])/gu;

  /** The sentences of `text`, as [start, end) pairs. */
  function sentences(text) {
    const out = [];
    let start = 0;
    for (const match of text.matchAll(SENTENCE_END)) {
      const before = text.slice(0, match.index);
      if (ABBREVIATION.test(before) || /\.\p{L}+$/u.test(before)) continue; // N. Korea, U.S.
      out.push([start, match.index + match[0].trimEnd().length]);
      start = match.index + match[0].length;
    }
    out.push([start, text.length]);
    return out;
  }

  /** The sentence holding the most of the words found (the first such; the first sentence
   * when none is found in this block), as [start, end). */
  function bestSentence(block) {
    const text = block.textContent;
    const range = document.createRange();
    const found = [...block.querySelectorAll("mark")].map(mark => {
      range.setStart(block, 0);
      range.setEndBefore(mark);
      return [range.toString().length, mark.textContent.toLowerCase()];
    });
    const all = sentences(text);
    let best = all[0];
    let most = 0;
    for (const [start, end] of all) {
      const words = new Set(found.filter(([at]) => at >= start && at < end).map(([, w]) => w));
      if (words.size > most) [best, most] = [[start, end], words.size];
    }
    return best;
  }

  /** The text node and offset at character `offset` of `block`'s text. */
  function position(block, offset) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent.length;
      if (seen + length >= offset) return [node, offset - seen];
      seen += length;
    }
    return [block, block.childNodes.length];
  }

  /** Cuts `block` (a teaser paragraph) down to its best sentence (see 3 above). */
  function trimToSentence(block) {
    const text = block.textContent;
    const [start, end] = bestSentence(block);
    const range = document.createRange();
    if (end < text.length) {
      range.setStart(...position(block, end));
      range.setEnd(block, block.childNodes.length);
      range.deleteContents();
      block.append(" …");
    }
    if (start > 0) {
      range.setStart(block, 0);
      range.setEnd(...position(block, start));
      range.deleteContents();
      block.prepend("… ");
    }
  }

  /** A result link highlights the words found; not single letters ("B" of "B-52H", "U"
   * and "S" of "U.S."), which would mark that letter all over the page it opens. */
  function dropLetters(link) {
    const url = new URL(link.href);
    const terms = (url.searchParams.get("h") || "").split(" ").filter(Boolean);
    const kept = terms.filter(term => term.length > 1);
    if (kept.length === terms.length || kept.length === 0) return;
    url.searchParams.set("h", kept.join(" "));
    link.href = url.href;
  }

  /** A result's snippet is one block of its section: the first paragraph holding a word
   * found, else the first list holding one, cut to the (at most two) items that do; with no
   * word found in the text (a title matched), its first block. Material shows up to two
   * blocks, which for a statement are its words and then its details, dates and notes. */
  function focusSnippet(article) {
    const blocks = [...article.children].filter(
      el => !el.matches("h1, h2, nav, .md-search-result__icon, .md-search-result__terms"),
    );
    const found = blocks.filter(el => el.querySelector("mark"));
    const paragraph = el => el.tagName === "P";
    const keep =
      found.find(paragraph) || found[0] || blocks.find(paragraph) || blocks[0];
    if (!keep) return;
    for (const el of blocks) if (el !== keep) el.remove();
    if (paragraph(keep)) {
      trimToSentence(keep);
      return;
    }
    const items = [...keep.querySelectorAll(":scope > li")];
    const shown = items.filter(li => li.querySelector("mark")).slice(0, 2);
    for (const li of items) if (shown.length && !shown.includes(li)) li.remove();
  }

  function tidyResults(list) {
    for (const article of list.querySelectorAll(".md-search-result__article")) {
      if (article.dataset.dossierTidy) continue;
      article.dataset.dossierTidy = "true";
      focusSnippet(article);
    }
    for (const link of list.querySelectorAll("a.md-search-result__link")) dropLetters(link);
  }

  // --- how many matched (5) -------------------------------------------------------------

  /** Where the worker listed the best of more matches than it sent (the Pagefind worker
   * reads the texts of the best matches only), the count says so. */
  function noteMatches(meta) {
    if (!more || meta.querySelector(".dossier-search-matches")) return;
    const note = document.createElement("span");
    note.className = "dossier-search-matches";
    note.textContent = ", the best of more";
    meta.append(note);
  }

  // --- the empty result (4) --------------------------------------------------------------

  /** The site's root address, from Material's configuration on the page first loaded. */
  function siteRoot() {
    const config = document.getElementById("__config");
    try {
      const base = JSON.parse(config.textContent).base;
      return new URL(base.endsWith("/") ? base : `${base}/`, location.href);
    } catch {
      return new URL("/", location.href);
    }
  }

  function link(root, path, label) {
    const a = document.createElement("a");
    a.href = new URL(path, root).href;
    a.textContent = label;
    return a;
  }

  /** The explanation shown under "No matching documents". */
  function emptyHelp(root) {
    const help = document.createElement("div");
    help.className = "dossier-search-empty";
    help.hidden = true;
    const covers = document.createElement("p");
    covers.textContent =
      "Search covers the text of every report, paragraph by paragraph, and the statements, " +
      "timeline, actors, threads, talking points, glossary and sources. It finds words and " +
      "the words they begin (“sanction” finds “sanctions”); a result holding all your " +
      "words comes first. Try fewer or other words, or a name as the reports give it.";
    const browse = document.createElement("p");
    browse.append(
      "Or browse: ",
      link(root, "statements/finder/", "the statement finder"),
      " (by speaker, country, kind, venue, topic, date or report) or ",
      link(root, "actors/", "the actor list"),
      ".",
    );
    help.append(covers, browse);
    return help;
  }

  function watchResults(root) {
    const meta = document.querySelector(".md-search-result__meta");
    const list = document.querySelector(".md-search-result__list");
    const input = document.querySelector(".md-search__input");
    if (!meta || !list || !input) return;
    const help = emptyHelp(root);
    meta.after(help);
    const update = () => {
      tidyResults(list);
      // Only for an answer to what was typed: the answer to the empty box, arriving as the
      // reader starts typing, is no empty result.
      help.hidden = !(nothing && list.children.length === 0 && input.value.trim() !== "");
      noteMatches(meta);
    };
    refresh = update;
    const observer = new MutationObserver(update);
    observer.observe(meta, { childList: true, characterData: true, subtree: true });
    observer.observe(list, { childList: true, subtree: true });
  }

  hookWorkers();
  const root = siteRoot();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => watchResults(root), { once: true });
  } else {
    watchResults(root);
  }
})();
