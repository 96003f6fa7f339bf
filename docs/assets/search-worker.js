/* The site search's worker: the theme's search box and results, answered by Pagefind.
 *
 * Material for MkDocs searches in a web worker: its page code sends the worker the index
 * (a "setup" message), then each query, and renders the result the worker sends back. Its
 * own worker needs the whole index, one file that grows with the corpus. This worker answers
 * the same messages with Pagefind instead, whose index is split in chunks by word and whose
 * results each have a small fragment of their own, so a first search downloads a small part
 * of the index (scripts/dossier/search_index.py builds it; scripts/searchbench.py measures
 * both; the Performance page has the figures). assets/search-gate.js starts the theme with
 * this worker in place of its own when the page is served over http(s).
 *
 * - Setup: the theme sends its index file, which on a site indexed by Pagefind holds only
 *   its settings and where the Pagefind bundle is. This worker then starts loading Pagefind
 *   (its script, WebAssembly and index metadata: the reader has opened search) and says it
 *   is ready. A site built without the Pagefind step sends its full index: this worker then
 *   loads the theme's own worker (its address is the `lunr` parameter) and steps aside.
 * - Query: Pagefind finds the records holding every word (a record is up to twenty sections
 *   of one page: report paragraphs, statements, events…, as the theme's index cut them);
 *   the texts of the best records are fetched, and their sections that hold every word are
 *   grouped by page and sent in the theme's shape: per page, its entry and its sections,
 *   each with its score, the query's words found, and its title and text with the words
 *   found marked, as the theme's worker marks them. A query overtaken by a newer one gets no
 *   answer; every answer names its query.
 * - Only the first GROUPS pages are listed, from at most RECORDS records' texts: the result
 *   says whether more may match (`more`), and assets/search.js says so.
 *
 * Plain script, no library; the only requests are to the site's own Pagefind files.
 */
(() => {
  "use strict";

  // Material 9's worker protocol (src/.../integrations/search/worker/message).
  const SETUP = 0;
  const READY = 1;
  const QUERY = 2;
  const RESULT = 3;

  const GROUPS = 20; // pages listed (the theme shows 10, then four more at a time on scroll)
  const BATCH = 8; // records whose texts are fetched together
  const RECORDS = 40; // at most this many records' texts fetched for one query
  // Pagefind ranks pages and by default scores a long page lower; its records here are
  // sections (a statement with its details is long, an actor page's title alone is short),
  // which rank better by their words alone.
  const RANKING = { pageLength: 0 };
  // A page's own entry (its title and introduction) counts this many times a section, as in
  // the theme's worker (where a page scores 5 to a section's 2): a name finds its page first.
  const PAGE = 2.5;

  const ROOT = new URL("../", self.location.href); // this file is assets/search-worker.js
  const THEME_WORKER = new URL(self.location.href).searchParams.get("lunr");

  let engine = null; // the Pagefind module, once loading has started (a promise)
  let separator = /[\s-]+/g; // how the theme splits words (its index settings replace it)
  let suggestions = false;
  let latest = 0; // the number of the newest query
  let delegated = false;

  /** Pagefind's module from the bundle at `bundle`, loaded once. */
  function load(bundle) {
    if (!engine) {
      engine = import(new URL("pagefind.js", bundle).href).then(async pagefind => {
        await pagefind.options({ ranking: RANKING });
        await pagefind.init("en");
        return pagefind;
      });
      engine.catch(error => console.warn("Search could not load its index:", error));
    }
    return engine;
  }

  function setup(message, event) {
    const data = message.data || {};
    const config = data.config || {};
    if (config.pagefind && !(data.docs || []).length) {
      if (config.separator) separator = new RegExp(config.separator, "g");
      suggestions = Boolean(data.options && data.options.suggest);
      load(new URL(config.pagefind, ROOT));
      postMessage({ type: READY });
      return;
    }
    // A full index of the theme's own: its own worker takes over, from this message on.
    if (!THEME_WORKER) throw new Error("search: no Pagefind index and no theme worker");
    delegated = true;
    importScripts(THEME_WORKER);
    self.dispatchEvent(new MessageEvent("message", { data: event.data }));
  }

  // --- the query ---------------------------------------------------------------------------

  // The theme's query syntax (+word, -word, word*, word~1, word^2, title:word) is not
  // Pagefind's: its marks are dropped, and so are quotation marks and brackets.
  const SYNTAX = /(?:^|\s)[+-]|[*~^]\d*|\b\w+:(?=\S)|["“”„‟«»‹›()[\]{}]/g;
  const POSSESSIVE = /['‘’](?:s\b)?/g;

  /** The words of a query, as Pagefind gets them and as they are marked. */
  function queryWords(value) {
    return value
      .replace(SYNTAX, " ")
      .replace(POSSESSIVE, " ")
      .split(/\s+/)
      .map(word => word.toLowerCase())
      .filter(Boolean);
  }

  /** The theme's tokens of a word or phrase (split as the theme splits words), lower case. */
  function tokens(text) {
    return text.split(separator).map(token => token.toLowerCase()).filter(Boolean);
  }

  // --- marking the words found -------------------------------------------------------------

  const LETTER = /[\p{L}\p{N}]/u;

  /** Whether `token` (lower case) is a word the query found: it begins with a word of the
   * query (a single letter only as a whole word), or it is a word Pagefind matched (another
   * form of a query word: "runs" for "running") sharing its first three letters. */
  function matches(token, words, hits) {
    for (const word of words) {
      if (word.length === 1 ? token === word : token.startsWith(word)) return true;
    }
    return hits.has(token) && words.some(word => token.slice(0, 3) === word.slice(0, 3));
  }

  /** Plain text (no tags; entities kept whole) with each found word in <mark>. */
  function markText(text, words, hits) {
    return text.split(/(&[#\w]+;)/).map((part, i) => {
      if (i % 2) return part;
      let out = "";
      let last = 0;
      const wrap = token =>
        token && matches(token.toLowerCase(), words, hits) ? `<mark>${token}</mark>` : token;
      for (const match of part.matchAll(separator)) {
        out += wrap(part.slice(last, match.index)) + match[0];
        last = match.index + match[0].length;
      }
      return out + wrap(part.slice(last));
    }).join("");
  }

  /** The theme's HTML with the words found marked in its text, never inside a tag. */
  function highlight(html, words, hits) {
    return html
      .split(/(<[^>]*>)/)
      .map(part => (part.startsWith("<") ? part : markText(part, words, hits)))
      .join("");
  }

  // --- results in the theme's shape ----------------------------------------------------------

  /** Text as HTML text (the theme shows a result's title and text as HTML). */
  function escapeHTML(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }

  /** `text` with its %-escapes decoded (as it is, when they are not escapes). */
  function decoded(text) {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  }

  /** The address of the page a record is part of (see search_index.record_path):
   * /reports/x/ and /reports/x/part-1.html are both parts of reports/x/. */
  function pageAddress(data) {
    return decoded(data.raw_url || data.url).replace(/^\//, "").replace(/[^/]*$/, "");
  }

  /** The anchor of a sub-result (a section of the record), "" for the page's own entry. */
  function anchorOf(sub) {
    const at = sub.url.indexOf("#");
    return at < 0 ? "" : decoded(sub.url.slice(at + 1));
  }

  /** Words of the record's text at the given places, split as the theme splits them. */
  function hitTokens(content, locations) {
    return new Set(locations.flatMap(at => tokens(content[at] || "")));
  }

  // The ids search_index.block_ids gives a section's blocks (ANCHOR:b0, ANCHOR:b1…) and the
  // items of its lists (ANCHOR:b1-0…).
  const BLOCK = /:b\d+(?:-\d+)?$/;
  const LIST = new Set(["ul", "ol"]);

  /** A section's blocks as Pagefind kept them: each with its tag, id and text. */
  function blocksOf(data, anchor) {
    const owner = id => id.slice(0, id.lastIndexOf(":"));
    return (data.anchors || []).filter(
      block => BLOCK.test(block.id || "") && owner(block.id) === anchor,
    );
  }

  /** A section's text as HTML in its blocks, with the words found marked: its paragraphs and
   * lists as the theme's index had them, any other block as a paragraph. */
  function blocksHTML(blocks, words, hits) {
    const mark = text => highlight(escapeHTML(text), words, hits);
    let html = "";
    let list = null;
    for (const block of blocks) {
      if (list && block.element === "li" && block.id.includes("-")) {
        html += `<li>${mark(block.text)}</li>`;
        continue;
      }
      if (list) html += `</${list}>`;
      list = LIST.has(block.element) ? block.element : null;
      html += list ? `<${list}>` : `<p>${mark(block.text)}</p>`;
    }
    return list ? `${html}</${list}>` : html;
  }

  /** The sections of one record that hold every word of the query, as the theme's search
   * items. Pagefind finds records holding every word, anywhere among their sections, and
   * also near misses (a word not in the index is looked up by its beginning, so "sandwich"
   * could find "S."): only sections holding each word themselves are kept. A section's
   * score is the weight of its words where they stand (a title weighs more), with a bonus
   * for exact words (see exactness), for a page's own entry (PAGE) and the page's search
   * boost. */
  function items(data, words) {
    const page = pageAddress(data);
    const boost = Number(data.meta.boost) || 1;
    const content = data.content.split(/[\r\n\s]+/g);
    const found = [];
    for (const sub of data.sub_results || []) {
      const anchor = anchorOf(sub);
      const blocks = blocksOf(data, anchor);
      const title = sub.title || "";
      const text = blocks.length ? blocks.map(block => block.text).join(" ") : "";
      const hits = hitTokens(content, sub.locations || []);
      const inTitle = tokens(title);
      const inText = tokens(text);
      const plain = [...inTitle, ...inText];
      const terms = Object.fromEntries(
        words.map(word => [word, plain.some(token => matches(token, [word], hits))]),
      );
      if (!Object.values(terms).every(Boolean)) continue;
      const weight = (sub.weighted_locations || []).reduce((sum, at) => sum + at.weight, 0);
      const exact = [words, inTitle, inText, hits];
      found.push({
        location: anchor ? `${page}#${anchor}` : page,
        title: highlight(escapeHTML(title), words, hits),
        text: blocksHTML(blocks, words, hits),
        page: escapeHTML(data.meta.title || ""),
        score: weight * boost * (anchor ? 1 : PAGE) * (1 + exactness(...exact, !anchor)),
        terms,
      });
    }
    return found;
  }

  /** A bonus for how exactly an entry holds the query (Pagefind finds every form of a word
   * alike): twice the share of its title that the query's words make up (a name finds its
   * own page before the statements that name it in their titles) and, for a section, the
   * share of the query's words (as the theme's worker gets them, endings cut: "condemn" for
   * "condemned") that are words of its title, and half the share that are words of its
   * text (the word itself before its other forms). */
  function exactness(stems, inTitle, inText, hits, page) {
    if (!stems.length || !inTitle.length) return 0;
    const covered = inTitle.filter(token => matches(token, stems, hits)).length / inTitle.length;
    if (page) return 2 * covered;
    const title = new Set(inTitle);
    const text = new Set(inText);
    const share = set => stems.filter(stem => set.has(stem)).length / stems.length;
    return 2 * covered + share(title) + share(text) / 2;
  }

  /** Items grouped by page as the theme lists them: each page's entry and its sections. */
  function groups(items) {
    const pages = new Map();
    for (const entry of items) {
      const [page] = entry.location.split("#");
      if (!pages.has(page)) pages.set(page, []);
      pages.get(page).push(entry);
    }
    const listed = [...pages].map(([page, entries]) => {
      entries.sort((a, b) => b.score - a.score);
      if (!entries.some(entry => entry.location === page)) {
        const title = entries[0].page;
        entries.push({ location: page, title, text: "", score: 0, terms: {} });
      }
      return entries;
    });
    listed.sort((a, b) => b[0].score - a[0].score);
    return listed.slice(0, GROUPS);
  }

  /** What the theme offers to complete the last word: a word of the best result it begins. */
  function suggest(listed, words) {
    const last = words[words.length - 1];
    if (!last || !listed.length) return [];
    const best = listed[0][0];
    const text = `${best.title} ${best.text}`.replace(/<[^>]*>/g, " ");
    const word = tokens(text).find(token => token.startsWith(last) && LETTER.test(token));
    return word ? [word] : [];
  }

  /** The answer to a query, or null when a newer query overtook it. `value` is the query
   * as the theme's worker would get it, `typed` its words before assets/search.js cut their
   * endings (Pagefind finds other forms of a word itself). */
  async function answer(value, typed, stale) {
    const text = queryWords(typed).join(" ");
    const words = tokens(text);
    const stems = tokens(queryWords(value).join(" "));
    if (!words.length) return { items: [], query: value, more: false };
    const pagefind = await engine;
    const search = await pagefind.search(text);
    if (stale()) return null;
    const results = search.results.slice(0, RECORDS);
    const found = [];
    const pages = new Set();
    let fetched = 0;
    while (fetched < results.length && pages.size < GROUPS) {
      const batch = results.slice(fetched, fetched + BATCH);
      const texts = await Promise.all(batch.map(result => result.data()));
      if (stale()) return null;
      fetched += batch.length;
      for (const data of texts) {
        for (const entry of items(data, stems)) {
          found.push(entry);
          pages.add(entry.location.split("#")[0]);
        }
      }
    }
    const listed = groups(found);
    const result = {
      items: listed.map(entries => entries.map(({ page, ...entry }) => entry)),
      query: value,
      // Whether records that may hold more matches were left unread (said only beside
      // results: with none listed, the unread are near misses too).
      more: listed.length > 0 && fetched < search.results.length,
    };
    if (suggestions) result.suggest = suggest(listed, words);
    return result;
  }

  async function query(value, typed) {
    const number = ++latest;
    // Messages already waiting go first: the theme sends the box's value when the worker is
    // ready, and a reader quick to type has a newer one waiting, whose answer is the one to
    // show (an answer to the empty box would flash "No matching documents" meanwhile).
    await new Promise(resolve => setTimeout(resolve, 0));
    if (number !== latest) return;
    let data;
    try {
      data = await answer(value, typed, () => number !== latest);
    } catch (error) {
      console.warn(`Search failed for ${JSON.stringify(value)}:`, error);
      data = { items: [], query: value, more: false };
    }
    if (data && number === latest) postMessage({ type: RESULT, data });
  }

  addEventListener("message", event => {
    if (delegated) return;
    const message = event.data || {};
    if (message.type === SETUP) setup(message, event);
    else if (message.type === QUERY) {
      const value = String(message.data);
      query(value, typeof message.words === "string" ? message.words : value);
    }
  });
})();
