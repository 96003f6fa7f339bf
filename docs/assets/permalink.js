// Copy-link and cite buttons, the reader's access date in citations, and a statement's words
// marked on the paragraph a statement card links to.
//
// - Every report paragraph (its ¶ heading, h2.dossier-para), every statement card and every
//   event of the timeline gets a "copy link" button. It copies the absolute permalink: the
//   page's canonical address (<link rel="canonical">, written from mkdocs.yml's site_url) and
//   the anchor, never the address bar's, which may carry ?h= from a search or be a file://
//   path. A live region says "Link copied". Without JavaScript the ¶ marks stay plain links.
// - Paragraphs and statements also get a "Cite" button, which opens a small panel with the
//   citation and its BibTeX, each with a copy button. The formats are those of
//   scripts/dossier/render/cite.py, followed to the character (tests/test_permalink.py holds
//   the two equal); the data comes from the page: the report's `data-cite-report` (report
//   pages), the statements page's `data-cite-sources`, and each card's data attributes, its
//   `.dossier-speaker` link and its <mark>. The access date is the reader's today.
// - The report's "How to cite" block (and the home page's example) get the reader's date in
//   place of YYYY-MM-DD, and copy buttons.
// - A statement card's ¶ link (a.dossier-to-paragraph) keeps the statement's words for the
//   page it opens (sessionStorage, for a minute); that page marks them in the paragraph. The
//   link itself stays the paragraph's permalink.
//
// Text is only ever set as text (textContent, attributes): no text from a report becomes
// markup. Runs on DOMContentLoaded and after each instant navigation (document$, which never
// emits from file://); running twice changes nothing.
(function () {
  "use strict";

  const SITE_NAME = "DPRK–Russia Dossier";
  const KIND_LABELS = {
    direct: "Direct quote",
    partial: "Partial quote",
    paraphrase: "Reported speech (paraphrase)",
  };
  const DONE = "dossierTools"; // data-dossier-tools on everything already equipped
  const PENDING = "dossier-said"; // sessionStorage key: words to mark on the next page
  const PENDING_MS = 60000;
  // Reserved by the generator for year and month headings (urls.RESERVED_PREFIXES).
  const NOT_EVENTS = /^(year|month|note)-/;

  // ------------------------------------------------------------------ addresses and dates

  // The page's published address, in the form the site publishes (reports/<id>/): a copy built
  // with file names for addresses (the offline copy: reports/<id>.html) names its pages so in
  // its canonical links, and they are given back their published form.
  function pageAddress() {
    const link = document.querySelector('link[rel="canonical"]');
    const url = new URL(link && link.href ? link.href : location.href);
    url.search = "";
    url.hash = "";
    url.pathname = url.pathname.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "/");
    return url.href;
  }

  function permalink(anchor) {
    return `${pageAddress()}#${anchor}`;
  }

  function today() {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

  // ------------------------------------------------------------------ the citation formats

  const BIBTEX = {
    "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", $: "\\$", "&": "\\&", "%": "\\%",
    "#": "\\#", _: "\\_", "^": "\\textasciicircum{}", "~": "\\textasciitilde{}",
  };

  function oneLine(text) {
    return String(text).replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029]+/g, " ").trim();
  }

  function bibtexText(text) {
    return oneLine(text).replace(/[\\{}$&%#_^~]/g, (c) => BIBTEX[c]);
  }

  function bibtexUrl(url) {
    return url.replace(/\\/g, "%5C").replace(/\{/g, "%7B").replace(/\}/g, "%7D")
      .replace(/ /g, "%20");
  }

  function entry(key, fields) {
    const present = fields.filter(([, value]) => value).map(([name, value]) =>
      `  ${name} = {${value}}`);
    return `@misc{${key},\n${present.join(",\n")}\n}`;
  }

  function work(src) {
    return `“${src.title}”, ${src.outlet ? `${src.outlet}, ` : ""}${src.published}`;
  }

  function original(src) {
    return src.original ? `Original: ${src.original}. ` : "";
  }

  function inDossier(url, accessed) {
    return `In ${SITE_NAME}, ${url} (accessed ${accessed}).`;
  }

  function paragraphCitation(src, number, anchor, url, accessed) {
    const text = `${work(src)}, paragraph ${number}. ${original(src)}${inDossier(url, accessed)}`;
    const note = `Paragraph ${number}. ${original(src)}In ${SITE_NAME}`;
    const bibtex = entry(`dossier:${src.id}:${anchor}`, [
      ["title", `{${bibtexText(src.title)}}`],
      ["howpublished", src.outlet ? bibtexText(src.outlet) : ""],
      ["date", src.date],
      ["year", src.date.slice(0, 4)],
      ["note", bibtexText(note)],
      ["url", bibtexUrl(url)],
      ["urldate", accessed],
    ]);
    return { text, bibtex };
  }

  function statementCitation(said, src, accessed) {
    const paraphrase = said.kind === "paraphrase";
    const who = paraphrase ? `${said.speaker} (reported speech)` : said.speaker;
    const words = paraphrase ? said.words : `“${said.words}”`;
    const where = `${paraphrase ? "Reported" : "Quoted"} in ${work(src)}, ` +
      `paragraph ${said.paragraph}`;
    const text = `${who}: ${words} (${said.when}). ${where}. ${inDossier(said.url, accessed)}`;
    const bibtex = entry(`dossier:${said.id}`, [
      ["author", `{${bibtexText(said.speaker)}}`],
      ["title", `{${bibtexText(said.words)}}`],
      ["howpublished", bibtexText(where)],
      ["date", said.date],
      ["year", said.date.slice(0, 4)],
      ["note", bibtexText(`${KIND_LABELS[said.kind]}. In ${SITE_NAME}`)],
      ["url", bibtexUrl(said.url)],
      ["urldate", accessed],
    ]);
    return { text, bibtex };
  }

  function readJson(element, attribute) {
    try {
      return element ? JSON.parse(element.getAttribute(attribute)) : null;
    } catch (error) {
      return null;
    }
  }

  // ------------------------------------------------------------------ copying and saying so

  function liveRegion() {
    let region = document.getElementById("dossier-live");
    if (!region) {
      region = document.createElement("div");
      region.id = "dossier-live";
      region.className = "dossier-live";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    return region;
  }

  let liveTimer = 0;
  function announce(message) {
    const region = liveRegion();
    clearTimeout(liveTimer);
    region.textContent = "";
    // Emptied first, then filled: the same message twice in a row is announced twice.
    liveTimer = setTimeout(() => {
      region.textContent = message;
      liveTimer = setTimeout(() => { region.textContent = ""; }, 4000);
    }, 60);
  }

  async function copyText(text) {
    const focused = document.activeElement;
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      // No clipboard API here (an old browser, a page not in a secure context): the older way.
    }
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "dossier-copy-buffer";
    document.body.appendChild(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    area.remove();
    if (focused && focused.focus) focused.focus();
    return copied;
  }

  async function copyAndSay(button, text, message) {
    const copied = await copyText(text);
    announce(copied ? message : `Copying failed. Select and copy: ${text}`);
    if (copied) {
      button.dataset.copied = "";
      setTimeout(() => { delete button.dataset.copied; }, 2000);
    }
  }

  function button(className, label, visible) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = `dossier-tool ${className}`;
    if (visible) {
      b.textContent = visible;
      if (label !== visible) b.setAttribute("aria-label", label);
    } else {
      b.setAttribute("aria-label", label);
      b.title = label;
    }
    return b;
  }

  function copyLinkButton(anchor, what) {
    const b = button("dossier-copy-link", `Copy link to ${what}`);
    b.addEventListener("click", () => copyAndSay(b, permalink(anchor), "Link copied"));
    return b;
  }

  // ------------------------------------------------------------------ the cite panel

  let panels = 0;

  function citeButton(what, cite, place) {
    const b = button("dossier-cite-button", `Cite ${what}`);
    b.removeAttribute("title");
    b.setAttribute("aria-expanded", "false");
    b.addEventListener("click", () => {
      const open = b.getAttribute("aria-expanded") === "true";
      const panel = b._dossierPanel;
      if (open && panel) {
        closePanel(b, panel);
        return;
      }
      const fresh = citePanel(what, cite(), () => closePanel(b, fresh));
      if (panel) panel.replaceWith(fresh); else place(fresh);
      b._dossierPanel = fresh;
      b.setAttribute("aria-controls", fresh.id);
      b.setAttribute("aria-expanded", "true");
      fresh.querySelector("button").focus();
    });
    return b;
  }

  function closePanel(b, panel) {
    panel.hidden = true;
    b.setAttribute("aria-expanded", "false");
    b.focus();
  }

  function citePanel(what, citation, close) {
    panels += 1;
    const panel = document.createElement("div");
    panel.className = "dossier-cite-panel";
    panel.id = `dossier-cite-panel-${panels}`;
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", `Citation of ${what}`);
    const text = document.createElement("p");
    text.className = "dossier-cite-text";
    text.textContent = citation.text;
    const pre = document.createElement("pre");
    pre.className = "dossier-bibtex";
    const code = document.createElement("code");
    code.textContent = citation.bibtex;
    pre.appendChild(code);
    const copyCitation = button("dossier-copy-text", `Copy the citation of ${what}`,
      "Copy citation");
    copyCitation.addEventListener("click", () =>
      copyAndSay(copyCitation, citation.text, "Citation copied"));
    const copyBibtex = button("dossier-copy-text", `Copy the BibTeX of ${what}`, "Copy BibTeX");
    copyBibtex.addEventListener("click", () =>
      copyAndSay(copyBibtex, citation.bibtex, "BibTeX copied"));
    const shut = button("dossier-close", "Close the citation", "Close");
    shut.addEventListener("click", close);
    const actions = document.createElement("p");
    actions.className = "dossier-cite-actions";
    actions.append(copyCitation, copyBibtex, shut);
    panel.append(text, pre, actions);
    panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        close();
      }
    });
    return panel;
  }

  function tools(...buttons) {
    const span = document.createElement("span");
    span.className = "dossier-tools";
    span.append(...buttons);
    return span;
  }

  // ------------------------------------------------------------------ the three targets

  function equipParagraphs(article) {
    const src = readJson(article.querySelector("[data-cite-report]"), "data-cite-report");
    for (const heading of article.querySelectorAll("h2.dossier-para[id]")) {
      if (heading.dataset[DONE] !== undefined) continue;
      heading.dataset[DONE] = "";
      const anchor = heading.id;
      const number = (heading.textContent.match(/\d+/) || [anchor])[0];
      const what = `paragraph ${number}`;
      const buttons = [copyLinkButton(anchor, what)];
      if (src) {
        const cite = () => paragraphCitation(src, number, anchor, permalink(anchor), today());
        const place = (panel) => {
          const text = heading.nextElementSibling;
          (text || heading).after(panel);
        };
        buttons.push(citeButton(what, cite, place));
      }
      heading.append(tools(...buttons));
    }
  }

  function headingText(heading) {
    const copy = heading.cloneNode(true);
    for (const extra of copy.querySelectorAll(".headerlink, .dossier-tools")) extra.remove();
    return copy.textContent.trim();
  }

  function equipStatements(article) {
    const sources = readJson(article.querySelector("[data-cite-sources]"), "data-cite-sources");
    for (const card of article.querySelectorAll(".dossier-statement[data-report]")) {
      const heading = card.previousElementSibling;
      if (!heading || !heading.id || heading.dataset[DONE] !== undefined) continue;
      heading.dataset[DONE] = "";
      const what = `statement: ${headingText(heading)}`;
      const buttons = [copyLinkButton(heading.id, what)];
      const src = sources && sources[card.dataset.report];
      const speaker = card.querySelector(".dossier-speaker");
      const mark = card.querySelector("blockquote mark");
      if (src && speaker && mark) {
        const kind = Object.keys(KIND_LABELS).find((k) => card.classList.contains(`dossier-${k}`));
        const cite = () => statementCitation({
          id: heading.id,
          speaker: oneLine(speaker.textContent),
          words: oneLine(mark.textContent),
          kind: kind || "direct",
          when: card.dataset.when,
          date: card.dataset.date,
          paragraph: card.dataset.n,
          url: permalink(heading.id),
        }, src, today());
        buttons.push(citeButton(what, cite, (panel) => card.prepend(panel)));
      }
      heading.append(tools(...buttons));
    }
  }

  function isTimeline() {
    return /\/timeline\/$/.test(new URL(pageAddress()).pathname);
  }

  function equipEvents(article) {
    if (!isTimeline()) return;
    for (const heading of article.querySelectorAll("h4[id]")) {
      if (NOT_EVENTS.test(heading.id) || heading.dataset[DONE] !== undefined) continue;
      heading.dataset[DONE] = "";
      heading.append(tools(copyLinkButton(heading.id, `event: ${headingText(heading)}`)));
    }
  }

  // The "How to cite" blocks built with the site: the reader's date, and copy buttons.
  function equipCitations(article) {
    for (const span of article.querySelectorAll(".dossier-accessed")) span.textContent = today();
    for (const hint of article.querySelectorAll(".dossier-cite-hint")) hint.hidden = true;
    for (const block of article.querySelectorAll("details.dossier-cite")) {
      if (block.dataset[DONE] !== undefined) continue;
      block.dataset[DONE] = "";
      const text = block.querySelector(".dossier-cite-text");
      const bibtex = block.querySelector(".dossier-bibtex");
      if (!text || !bibtex) continue;
      const copyCitation = button("dossier-copy-text", "Copy the citation of this report",
        "Copy citation");
      copyCitation.addEventListener("click", () =>
        copyAndSay(copyCitation, text.textContent, "Citation copied"));
      const copyBibtex = button("dossier-copy-text", "Copy the BibTeX of this report",
        "Copy BibTeX");
      copyBibtex.addEventListener("click", () =>
        copyAndSay(copyBibtex, bibtex.textContent, "BibTeX copied"));
      const actions = document.createElement("p");
      actions.className = "dossier-cite-actions";
      actions.append(copyCitation, copyBibtex);
      bibtex.after(actions);
    }
  }

  // ------------------------------------------------------------------ a statement's words

  function pagePath(url) {
    return url.pathname.replace(/index\.html$/, "");
  }

  function rememberWords(event) {
    const link = event.target instanceof Element && event.target.closest("a.dossier-to-paragraph");
    const card = link && link.closest(".dossier-statement");
    const mark = card && card.querySelector("blockquote mark");
    if (!mark) return;
    const target = new URL(link.href, location.href);
    const pending = { page: pagePath(target), hash: target.hash, words: mark.textContent,
      at: Date.now() };
    try {
      sessionStorage.setItem(PENDING, JSON.stringify(pending));
    } catch (error) {
      // Storage refused (private mode, file:// in some browsers): the link still works.
    }
  }

  function markPending() {
    let pending = null;
    try {
      pending = JSON.parse(sessionStorage.getItem(PENDING) || "null");
    } catch (error) {
      return;
    }
    if (!pending) return;
    if (Date.now() - pending.at > PENDING_MS) {
      sessionStorage.removeItem(PENDING);
      return;
    }
    if (pending.page !== pagePath(location) || pending.hash !== location.hash) return;
    sessionStorage.removeItem(PENDING);
    const heading = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const paragraph = heading && heading.nextElementSibling;
    if (paragraph && paragraph.tagName === "P") markWords(paragraph, pending.words);
  }

  const QUOTES = { "“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'" };

  // The text with runs of white space as one space and curly quote marks straight (as
  // dossier.text.normalise), and where each of its characters came from.
  function normalised(text) {
    let out = "";
    const from = [];
    for (let i = 0; i < text.length; i++) {
      let c = text[i];
      if (/\s/.test(c)) {
        if (out.endsWith(" ")) continue;
        c = " ";
      }
      out += QUOTES[c] || c;
      from.push(i);
    }
    return { text: out, from };
  }

  function markWords(paragraph, words) {
    for (const old of paragraph.querySelectorAll("mark.dossier-said")) {
      old.replaceWith(...old.childNodes);
    }
    paragraph.normalize();
    const whole = normalised(paragraph.textContent);
    const wanted = normalised(words.trim()).text;
    const at = wanted ? whole.text.indexOf(wanted) : -1;
    if (at < 0) return;
    const start = whole.from[at];
    const end = whole.from[at + wanted.length - 1] + 1;
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let position = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push([node, position]);
      position += node.data.length;
    }
    for (const [node, offset] of nodes) {
      const from = Math.max(start, offset);
      const to = Math.min(end, offset + node.data.length);
      if (from >= to) continue;
      let piece = node;
      if (from > offset) piece = piece.splitText(from - offset);
      if (to - from < piece.data.length) piece.splitText(to - from);
      const mark = document.createElement("mark");
      mark.className = "dossier-said";
      piece.before(mark);
      mark.appendChild(piece);
    }
  }

  // ------------------------------------------------------------------ start

  function start() {
    const article = document.querySelector("article.md-content__inner") || document.body;
    liveRegion();
    equipCitations(article);
    equipParagraphs(article);
    equipStatements(article);
    equipEvents(article);
    markPending();
  }

  document.addEventListener("click", rememberWords, true);
  window.addEventListener("hashchange", markPending);
  if (typeof document$ !== "undefined") {
    document$.subscribe(start);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
