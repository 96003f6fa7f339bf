// The statement finder (statements/finder/): filters with live counts, the filter state in the
// address, and "Download this view". Hand-written, plain ES2017, no library, works from file://.
//
// Where its data comes from (scripts/dossier/render/finder.py says what each part holds and
// how it grows): the page's #finder element lists the data files (data-finder). Each is a
// script under statements/finder/data/ that hands its part to dossierFinderData(): facets.js
// (the filters' values and labels, statements.csv's columns, speakers' names and reports'
// titles), then the statements by period (2024.js, or 2024-06.js … for a larger year). They
// load with script elements, not fetch, which cannot read files opened from file://: those the
// filters' dates need first, then the rest in the background, a few at a time, with a progress
// bar. The rows and the option counts follow as parts arrive; counts show once every part is
// in, when they are counts of every statement.
//
// The rows: while the corpus fits on one page, they are in the page, written and escaped by the
// generator, so that the list reads with JavaScript off, and this script only hides and shows
// them. Past that, the page holds none: this script draws the rows that match, a page's worth
// at a time, with a button for more. Text from the data reaches the page only as textContent,
// never as markup; addresses from the data are the site's own, resolved against its root.
//
// It is one of the site's scripts (mkdocs.yml, extra_javascript) and does nothing on pages
// without the finder. Material's instant navigation swaps a page's content without a reload
// and then emits `document$`: init() runs on a direct load and on every emission, and does its
// work once per finder page. The data loaded stays for the next visit of the page.
(function () {
  "use strict";

  if (window.dossierFinderStarted) return;  // should the theme ever run this file twice
  window.dossierFinderStarted = true;

  const RANGE_KEYS = ["since", "until"];
  const PERIOD = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  const AT_ONCE = 3;  // data files loading at the same time
  const SHOW_PROGRESS_MS = 300;  // a quicker load shows no progress bar

  // Data addresses are relative to this script's own (under assets/): they work from file://
  // and wherever the site is published.
  const script = document.currentScript;
  const BASE = script ? script.src : location.href;

  // --- the data: each file hands its part over when it runs --------------------------------

  const store = new Map();  // part name → its data, kept across instant navigation
  const waiting = new Map();  // part name → what to call when its file has run
  window.dossierFinderData = function (part) { store.set(part.part, part); };

  function load(name, address, done) {
    if (store.has(name)) {
      done(true);
      return;
    }
    if (waiting.has(name)) {
      waiting.get(name).push(done);
      return;
    }
    waiting.set(name, [done]);
    const tag = document.createElement("script");
    tag.src = new URL(address, BASE).href;
    tag.onload = tag.onerror = function () {
      const calls = waiting.get(name);
      waiting.delete(name);
      tag.remove();
      calls.forEach(function (call) { call(store.has(name)); });
    };
    document.head.appendChild(tag);
  }

  function init() {
    const root = document.getElementById("finder");
    if (!root || root.dataset.started) return;
    root.dataset.started = "true";
    const manifest = JSON.parse(root.dataset.finder);
    const start = function () {
      load(manifest.facets, address(manifest, manifest.facets), function (ok) {
        // Without its data the page stays as it reads without JavaScript.
        if (ok && root.isConnected) setup(root, manifest, store.get(manifest.facets));
      });
    };
    // In the background: after the page's own load, which the data files would hold back.
    if (document.readyState === "complete") start();
    else window.addEventListener("load", start, { once: true });
  }

  function address(manifest, name) {
    // The page gives the data files' address with {} for a part's name (urls.finder_data).
    return manifest.data.replace("{}", name);
  }

  // --- the statements and what each filter matches -------------------------------------------

  function fold(text) {
    // Case, accents, curly quote marks and runs of spaces do not matter to the free text.
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[“”„‟]/g, '"').replace(/[‘’‚]/g, "'").replace(/\s+/g, " ");
  }

  function periodStart(value) {
    return value.length === 4 ? value + "-01-01" : value.length === 7 ? value + "-01" : value;
  }

  function periodEnd(value) {
    // A string bound, not a calendar date: "-31" follows every day of any month.
    return value.length === 4 ? value + "-12-31" : value.length === 7 ? value + "-31" : value;
  }

  function statements(part, columns) {
    const col = {};
    columns.forEach(function (name, i) { col[name] = i; });
    return part.rows.map(function (row, i) {
      const get = function (name) { return row[col[name]] || ""; };
      const list = function (name) { return get(name) ? get(name).split("|") : []; };
      const id = get("id");
      const date = get("date_value");
      // statements.csv writes the issued text's `differs` as True/False (empty when unknown).
      const differs = { True: ["yes"], False: ["no"] }[get("issued_differs")] || [];
      const paragraph = part.paragraphs[get("report") + "#" + get("paragraph")] || "";
      return {
        id: id,
        row: row,
        get: get,
        shown: part.shown[i],
        paragraph: paragraph,
        start: periodStart(date),
        end: periodEnd(date),
        hay: null,  // the folded words, made the first time the words filter needs them
        values: {
          speaker: [get("speaker")],
          on_behalf_of: list("on_behalf_of"),
          kind: [get("kind")],
          venue: [get("venue")],
          topic: list("topics"),
          month: date.length >= 7 ? [date.slice(0, 7)] : [],
          report: [get("report")],
          event: list("event"),
          differs: differs,
          thread: part.threads[id] ? [part.threads[id]] : [],
        },
      };
    });
  }

  function terms(query) {
    // Words, and "phrases in quote marks" kept whole.
    const found = [];
    fold(query).replace(/"([^"]+)"?|(\S+)/g, function (all, phrase, word) {
      const term = (phrase || word).trim();
      if (term) found.push(term);
      return all;
    });
    return found;
  }

  function matcher(key, value) {
    // What a filter's value lets through, as a test of a statement (worked out once a view).
    if (key === "since") {
      const bound = periodStart(value);
      return function (st) { return st.start >= bound; };
    }
    if (key === "until") {
      const bound = periodEnd(value);
      return function (st) { return st.end <= bound; };
    }
    if (key === "words") {
      const wanted = terms(value);
      return function (st) {
        if (st.hay === null) {
          st.hay = fold(st.get("text") + " " + st.get("speaker_label") + " " + st.paragraph);
        }
        return wanted.every(function (t) { return st.hay.includes(t); });
      };
    }
    return function (st) { return st.values[key].includes(value); };
  }

  function needed(part, state) {
    // Whether one of a part's statements may fall within the filters' dates: one starts no
    // earlier than they do, and one ends no later (the page gives the latest start and the
    // earliest end of each part's statements).
    const low = [state.since && periodStart(state.since), state.month && state.month + "-01"];
    const high = [state.until && periodEnd(state.until), state.month && state.month + "-31"];
    return low.every(function (b) { return !b || part.latest >= b; }) &&
      high.every(function (b) { return !b || part.earliest <= b; });
  }

  // --- the filter state and the address ------------------------------------------------------

  function readState(keys, search) {
    const params = new URLSearchParams(search);
    const state = {};
    keys.forEach(function (key) {
      const value = (params.get(key) || "").trim();
      // A date bound that is not YYYY, YYYY-MM or YYYY-MM-DD is ignored, not guessed at.
      state[key] = RANGE_KEYS.includes(key) && !PERIOD.test(value) ? "" : value;
    });
    return state;
  }

  function query(keys, state) {
    // The same keys, order and encoding as urls.finder_query in the generator.
    const pairs = keys.filter(function (key) { return state[key]; }).map(function (key) {
      return encodeURIComponent(key) + "=" + encodeURIComponent(state[key]);
    });
    return pairs.length ? "?" + pairs.join("&") : "";
  }

  // --- "Download this view" ------------------------------------------------------------------

  function csvCell(value) {
    // As escape.csv_cell: a cell a spreadsheet would run as a formula gets a leading apostrophe.
    let cell = String(value);
    if (/^[=+\-@\t\r]/.test(cell)) cell = "'" + cell;
    return /[",\r\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
  }

  function download(columns, shown, filtered) {
    const lines = [columns].concat(shown.map(function (st) { return st.row; }));
    const csv = lines.map(function (r) { return r.map(csvCell).join(","); }).join("\n") + "\n";
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = filtered ? "statements-view.csv" : "statements.csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // --- a row drawn from the data (past the page limit), as the generator writes one ----------

  function element(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function drawRow(st, facets, root) {
    const shown = st.shown;  // [date as shown, ¶ number, where the words stand, cuts]
    const link = function (address, text) {
      const a = element("a", "", text);
      a.href = new URL(address, root).href;
      return a;
    };
    const li = element("li", "dossier-finder-row dossier-" + st.get("kind"));
    li.dataset.id = st.id;
    const time = element("time", "", shown[0]);
    time.dateTime = st.get("date_value");
    const when = element("span", "dossier-finder-when");
    const kind = facets.options.kind.find(function (o) { return o[0] === st.get("kind"); });
    when.append(time, " ", element("span", "dossier-finder-kind", kind ? kind[1] : ""));
    const speaker = facets.actors[st.get("speaker")] || [st.get("speaker"), ""];
    const meta = element("span", "dossier-finder-meta");
    meta.append(when, " ", link(speaker[1], speaker[0]));
    const words = element("span", "dossier-finder-words");
    if (shown.length > 2) {
      const p = st.paragraph;
      words.append(
        (shown[6] & 1 ? "… " : "") + p.slice(shown[2], shown[3]),
        element("mark", "", p.slice(shown[3], shown[4])),
        p.slice(shown[4], shown[5]) + (shown[6] & 2 ? " …" : ""));
    } else {
      words.append(element("mark", "", st.get("text")));
    }
    const report = facets.reports[st.get("report")] || ["", ""];
    const paragraph = link(report[1] + st.get("paragraph"), "¶ " + shown[1]);
    paragraph.append(element("span", "dossier-finder-report", " · " + report[0]));
    const permalink = link(st.get("url"), "Permalink");
    permalink.append(element("span", "dossier-finder-sr", ": " + speaker[0] + ", " + shown[0]));
    const where = element("span", "dossier-finder-where");
    where.append(paragraph, " ", permalink);
    li.append(meta, " ", words, " ", where);
    return li;
  }

  // --- the page ------------------------------------------------------------------------------

  function setup(root, manifest, facets) {
    const keys = facets.filters;
    const siteRoot = new URL(manifest.root, BASE).href;
    const all = new Array(manifest.total);  // by place in date order, as parts arrive
    let known = [];  // the statements loaded so far, in date order
    let complete = false;
    const form = root.querySelector("#finder-form");
    const results = root.querySelector("#finder-results");
    const controls = {};
    keys.forEach(function (key) {
      const control = form.elements.namedItem(key);
      if (control) controls[key] = control;
    });
    const selects = keys.filter(function (key) { return controls[key].tagName === "SELECT"; });
    const labels = new Map();  // each option's own label, before its count is added
    const written = new Map();  // each option's text as last written
    selects.forEach(function (key) {
      const select = controls[key];
      labels.set(select.options[0], select.options[0].textContent);
      (facets.options[key] || []).forEach(function (pair) {
        const option = new Option(pair[1], pair[0]);
        labels.set(option, pair[1]);
        select.add(option);
      });
    });
    const facetBox = root.querySelector("#finder-facets");
    const rows = {};  // statement id → its row: the page's own, or drawn and kept
    root.querySelectorAll("[data-id]").forEach(function (li) { rows[li.dataset.id] = li; });
    let list = null;  // past the page limit: the list the rows are drawn into
    let more = null;  // …and the button that draws more of them
    let limit = manifest.batch;
    let typing = false;  // while typing, one history entry holds the words

    function state() {
      const out = {};
      keys.forEach(function (key) { out[key] = controls[key] ? controls[key].value.trim() : ""; });
      return out;
    }

    function show(s) {
      keys.forEach(function (key) {
        const control = controls[key];
        if (!control) return;
        if (control.tagName === "SELECT" && s[key] && !Array.from(control.options)
          .some(function (o) { return o.value === s[key]; })) {
          // A value from the address that no statement has: keep it, so the view says so.
          const option = new Option(s[key], s[key]);
          labels.set(option, s[key]);
          control.add(option);
        }
        control.value = s[key];
      });
    }

    let shownNow = [];  // the statements the view shows, as update() last found them

    function update() {
      const s = state();
      const active = keys.filter(function (key) { return s[key]; });
      const tests = active.map(function (key) { return matcher(key, s[key]); });
      // How many filters each statement fails, and which one (when one): none → shown;
      // only K → it counts for K's values.
      const fails = new Uint8Array(known.length);
      const failed = new Int8Array(known.length);
      known.forEach(function (st, i) {
        tests.forEach(function (test, k) {
          if (!test(st)) {
            fails[i]++;
            failed[i] = k;
          }
        });
      });
      shownNow = known.filter(function (st, i) { return fails[i] === 0; });
      if (manifest.listed) showListed(shownNow, active.length > 0);
      else draw(shownNow);
      // Counts of every statement, or none: they show once every part is in.
      if (complete) selects.forEach(function (key) {
        const k = active.indexOf(key);
        const pool = known.filter(function (st, i) {
          return fails[i] === 0 || (fails[i] === 1 && failed[i] === k);
        });
        countOptions(controls[key], key, pool);
      });
      report(shownNow.length, active.length);
      return shownNow;
    }

    function showListed(shown, filtered) {
      // The page's own rows; one whose part is still loading shows only when nothing filters.
      const ids = new Set(shown.map(function (st) { return st.id; }));
      const loaded = new Set(known.map(function (st) { return st.id; }));
      Object.keys(rows).forEach(function (id) {
        rows[id].hidden = !(ids.has(id) || (!filtered && !loaded.has(id)));
      });
    }

    function draw(shown) {
      if (!list) {
        list = element("ol");
        more = element("button", "md-button dossier-finder-more");
        more.type = "button";
        more.id = "finder-more";
        more.addEventListener("click", function () {
          // The new rows come before the button: the reader goes on from the first of them.
          const first = list.children.length;
          limit += manifest.batch;
          draw(shownNow);
          const row = list.children[first];
          if (row) row.querySelector("a").focus();
        });
        results.append(list, more);
      }
      const first = shown.slice(0, limit).map(function (st) {
        if (!rows[st.id]) rows[st.id] = drawRow(st, facets, siteRoot);
        return rows[st.id];
      });
      list.replaceChildren(...first);
      const left = shown.length - first.length;
      more.hidden = left === 0;
      more.textContent = "Show " + Math.min(left, manifest.batch) + " more (" + left +
        " not shown yet)";
    }

    function countOptions(select, key, pool) {
      const counts = new Map();
      if (RANGE_KEYS.includes(key)) {
        Array.from(select.options).forEach(function (o) {
          if (o.value) counts.set(o.value, pool.filter(matcher(key, o.value)).length);
        });
      } else {
        pool.forEach(function (st) {
          st.values[key].forEach(function (v) { counts.set(v, (counts.get(v) || 0) + 1); });
        });
      }
      Array.from(select.options).forEach(function (o) {
        const n = o.value ? counts.get(o.value) || 0 : pool.length;
        const text = labels.get(o) + " (" + n + ")";
        if (written.get(o) !== text) {  // thousands of options: write only what changed
          o.textContent = text;
          written.set(o, text);
        }
        const disabled = n === 0 && o.value !== select.value;
        if (o.disabled !== disabled) o.disabled = disabled;
      });
    }

    function report(count, active) {
      const total = manifest.total;
      const word = function (n) { return n === 1 ? " statement" : " statements"; };
      const out = root.querySelector("#finder-count");
      if (!complete) out.textContent = "Loading the statements…";
      else if (!active) out.textContent = total + word(total);
      else if (count) out.textContent = count + " of " + total + word(total);
      else out.textContent = "No statement matches these filters: remove one, or clear them all.";
      root.querySelector("#finder-active").textContent = active ? "(" + active + " active)" : "";
      root.querySelector("#finder-download").disabled = !complete || count === 0;
    }

    function remember(replace) {
      const url = location.pathname + query(keys, state());
      if (url === location.pathname + location.search) return;
      if (replace) history.replaceState(history.state, "", url);
      else history.pushState(null, "", url);
    }

    function changed(replace) {
      limit = manifest.batch;  // a new view starts at its first rows
      update();
      remember(replace);
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function (event) {
      if (event.target.tagName !== "SELECT") return;
      typing = false;
      changed(false);
    });
    controls.words.addEventListener("input", function () {
      changed(typing);
      typing = true;
    });
    root.querySelector("#finder-clear").addEventListener("click", function () {
      typing = false;
      show(readState(keys, ""));
      changed(false);
    });
    root.querySelector("#finder-download").addEventListener("click", function () {
      const s = state();
      download(facets.columns, update(), keys.some(function (key) { return s[key]; }));
    });

    function onPop() {
      if (!root.isConnected) {
        window.removeEventListener("popstate", onPop);
        return;
      }
      typing = false;
      show(readState(keys, location.search));
      limit = manifest.batch;
      update();
    }
    window.addEventListener("popstate", onPop);

    // --- the statements, part by part --------------------------------------------------------

    const progress = root.querySelector("#finder-progress");
    const loading = root.querySelector("#finder-loading");
    const loaded = root.querySelector("#finder-loaded");
    let arrived = 0;

    function arrive(entry) {
      statements(store.get(entry.name), facets.columns).forEach(function (st, i) {
        all[entry.start + i] = st;
      });
      known = all.filter(Boolean);
      progress.value = known.length;
      loaded.textContent = known.length + " of " + manifest.total;
      complete = ++arrived === manifest.parts.length;
      if (complete) {
        loading.hidden = true;
        root.classList.add("dossier-finder-ready");
      }
      if (root.isConnected) update();
    }

    function fetchParts() {
      // Each part: [name, size, latest start, earliest end], in date order. Those the
      // filters' dates need first, then the others.
      let start = 0;
      const parts = manifest.parts.map(function (p) {
        start += p[1];
        return { name: p[0], start: start - p[1], latest: p[2], earliest: p[3] };
      });
      const s = state();
      const order = parts.filter(function (p) { return needed(p, s); })
        .concat(parts.filter(function (p) { return !needed(p, s); }));
      let next = 0;
      const loadNext = function () {
        if (next >= order.length) return;
        const entry = order[next++];
        load(entry.name, address(manifest, entry.name), function (ok) {
          if (!ok) {
            loading.textContent = "Part of the statements could not be loaded: reload the " +
              "page to try again.";
            loading.hidden = false;
            return;
          }
          arrive(entry);
          loadNext();
        });
      };
      for (let i = 0; i < AT_ONCE; i++) loadNext();
    }

    show(readState(keys, location.search));
    facetBox.open = window.matchMedia("(min-width: 60em)").matches;
    const noscript = root.querySelector("#finder-noscript");
    if (noscript) noscript.hidden = true;
    form.hidden = false;
    root.classList.add("dossier-finder-on");
    if (!manifest.parts.length) {
      complete = true;
      root.classList.add("dossier-finder-ready");
    }
    update();
    setTimeout(function () { if (!complete) loading.hidden = false; }, SHOW_PROGRESS_MS);
    fetchParts();
  }

  // --- start: direct load, instant navigation -------------------------------------------------

  // Both: from file:// the theme's `document$` never emits (it has no instant navigation there).
  if (window.document$) window.document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
