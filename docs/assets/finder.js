// The statement finder (statements/finder/): filters with live counts, the filter state in the
// address, and "Download this view". Hand-written, plain ES2017, no library, works from file://.
//
// Where its data comes from: window.DOSSIER_FINDER, set by assets/generated/finder-data.js,
// which `dossier build` writes from the same records as data/statements.csv (its columns and
// rows, the paragraphs that hold statements, each statement's thread). How it grows: linearly,
// 1.3 KB a statement (96 KB for the 75 statements of five reports, ~19 MB at 15,000);
// scripts/dossier/render/finder.py says how it must be split to stay within the page budget.
//
// The rows are in the page, written and escaped by the generator, so the list reads with
// JavaScript off; this script only hides and shows them. Text from the data reaches the page
// only as textContent, never as markup.
//
// It is one of the site's scripts (mkdocs.yml, extra_javascript) and does nothing on pages
// without the finder. Material's instant navigation swaps a page's content without a reload
// and then emits `document$`: init() runs on a direct load and on every emission, and does its
// work once per finder page. The data is loaded the first time a finder page is shown.
(function () {
  "use strict";

  const RANGE_KEYS = ["since", "until"];
  const PERIOD = /^\d{4}(-\d{2}(-\d{2})?)?$/;

  // The data's address, from this script's own (both live under assets/): works from file://
  // and wherever the site is published.
  const script = document.currentScript;
  const DATA = new URL("generated/finder-data.js", script ? script.src : location.href).href;
  let loading = false;

  function init() {
    const root = document.getElementById("finder");
    if (!root || root.dataset.ready) return;
    if (!window.DOSSIER_FINDER) {
      load();
      return;
    }
    root.dataset.ready = "true";
    setup(root, window.DOSSIER_FINDER);
    root.classList.add("dossier-finder-ready");
  }

  function load() {
    // A script element, not fetch: fetch cannot read files opened from file://.
    if (loading) return;
    loading = true;
    const tag = document.createElement("script");
    tag.src = DATA;
    tag.onload = init;
    tag.onerror = function () { loading = false; };  // the list stays as it reads without us
    document.head.appendChild(tag);
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

  function statements(data) {
    const col = {};
    data.columns.forEach(function (name, i) { col[name] = i; });
    return data.rows.map(function (row) {
      const get = function (name) { return row[col[name]] || ""; };
      const list = function (name) { return get(name) ? get(name).split("|") : []; };
      const id = get("id");
      const date = get("date_value");
      // statements.csv writes the issued text's `differs` as True/False (empty when unknown).
      const differs = { True: ["yes"], False: ["no"] }[get("issued_differs")] || [];
      const paragraph = data.paragraphs[get("report") + "#" + get("paragraph")] || "";
      return {
        id: id,
        row: row,
        start: periodStart(date),
        end: periodEnd(date),
        text: fold(get("text") + " " + get("speaker_label") + " " + paragraph),
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
          thread: data.threads[id] ? [data.threads[id]] : [],
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

  function matches(key, value, st) {
    if (key === "since") return st.start >= periodStart(value);
    if (key === "until") return st.end <= periodEnd(value);
    if (key === "words") return terms(value).every(function (t) { return st.text.includes(t); });
    return st.values[key].includes(value);
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

  // --- the page ------------------------------------------------------------------------------

  function setup(root, data) {
    const keys = data.filters;
    const all = statements(data);
    const rows = {};
    root.querySelectorAll("[data-id]").forEach(function (li) { rows[li.dataset.id] = li; });
    const form = root.querySelector("#finder-form");
    const controls = {};
    keys.forEach(function (key) {
      const control = form.elements.namedItem(key);
      if (control) controls[key] = control;
    });
    const selects = keys.filter(function (key) { return controls[key].tagName === "SELECT"; });
    const labels = new Map();  // each option's own label, before its count is added
    selects.forEach(function (key) {
      Array.from(controls[key].options).forEach(function (o) { labels.set(o, o.textContent); });
    });
    const facets = root.querySelector("#finder-facets");
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

    function update() {
      const s = state();
      const active = keys.filter(function (key) { return s[key]; });
      // Each statement's failing filters: none → shown; only K → it counts for K's values.
      const failing = all.map(function (st) {
        return active.filter(function (key) { return !matches(key, s[key], st); });
      });
      const shown = all.filter(function (st, i) { return failing[i].length === 0; });
      all.forEach(function (st, i) {
        if (rows[st.id]) rows[st.id].hidden = failing[i].length > 0;
      });
      selects.forEach(function (key) {
        const pool = all.filter(function (st, i) {
          return failing[i].length === 0 || (failing[i].length === 1 && failing[i][0] === key);
        });
        countOptions(controls[key], key, pool);
      });
      report(shown.length, active.length);
      return shown;
    }

    function countOptions(select, key, pool) {
      const counts = new Map();
      if (RANGE_KEYS.includes(key)) {
        Array.from(select.options).forEach(function (o) {
          if (o.value) counts.set(o.value, pool.filter(function (st) {
            return matches(key, o.value, st);
          }).length);
        });
      } else {
        pool.forEach(function (st) {
          st.values[key].forEach(function (v) { counts.set(v, (counts.get(v) || 0) + 1); });
        });
      }
      Array.from(select.options).forEach(function (o) {
        const n = o.value ? counts.get(o.value) || 0 : pool.length;
        o.textContent = labels.get(o) + " (" + n + ")";
        o.disabled = n === 0 && o.value !== select.value;
      });
    }

    function report(count, active) {
      const total = all.length;
      const word = function (n) { return n === 1 ? " statement" : " statements"; };
      const out = root.querySelector("#finder-count");
      if (!active) out.textContent = total + word(total);
      else if (count) out.textContent = count + " of " + total + word(total);
      else out.textContent = "No statement matches these filters: remove one, or clear them all.";
      root.querySelector("#finder-active").textContent = active ? "(" + active + " active)" : "";
      root.querySelector("#finder-download").disabled = count === 0;
    }

    function remember(replace) {
      const url = location.pathname + query(keys, state());
      if (url === location.pathname + location.search) return;
      if (replace) history.replaceState(history.state, "", url);
      else history.pushState(null, "", url);
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function (event) {
      if (event.target.tagName !== "SELECT") return;
      typing = false;
      update();
      remember(false);
    });
    controls.words.addEventListener("input", function () {
      update();
      remember(typing);
      typing = true;
    });
    root.querySelector("#finder-clear").addEventListener("click", function () {
      typing = false;
      show(readState(keys, ""));
      update();
      remember(false);
    });
    root.querySelector("#finder-download").addEventListener("click", function () {
      const s = state();
      download(data.columns, update(), keys.some(function (key) { return s[key]; }));
    });

    function onPop() {
      if (!root.isConnected) {
        window.removeEventListener("popstate", onPop);
        return;
      }
      typing = false;
      show(readState(keys, location.search));
      update();
    }
    window.addEventListener("popstate", onPop);

    show(readState(keys, location.search));
    update();
    facets.open = window.matchMedia("(min-width: 60em)").matches;
    form.hidden = false;
  }

  // --- start: direct load, instant navigation -------------------------------------------------

  if (window.dossierFinderStarted) return;  // should the theme ever run this file twice
  window.dossierFinderStarted = true;
  // Both: from file:// the theme's `document$` never emits (it has no instant navigation there).
  if (window.document$) window.document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
