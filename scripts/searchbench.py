"""Search as a reader meets it, measured in Chromium: what a first search downloads and how
long its results take, and what a page view without a search downloads of the index.

    first_search(site, query, engine) -> SearchRun(bytes_transferred, seconds, results)
    page_view_search_bytes(site, address) -> int

`site` is a built site folder. It is served on a loopback port the way a static host serves
it (lighthouse.CompressedHandler: text gzip-compressed), and every response's body is counted
as sent, compressed. Each measurement opens a fresh browser (no cache).

A first search: the page loads and settles; the reader opens search (the `/` key) and types
the query at once (the box filled, then one key), as someone who knows what they want does,
so the time includes whatever search loads when it opens. Bytes are those of every response
from the moment search opens until the results are shown and the network is idle again;
seconds run from the last key to the first result on screen, timed in the page.

Which engine a folder searches with is what its build made it: a folder fresh from `mkdocs
build` holds Material's whole index and searches with Material's own worker ("material");
after `python -m dossier.search_index SITE` it searches with Pagefind ("pagefind"). `engine`
says which the caller expects, and is checked. To compare both on one corpus: build, measure
"material", index, measure "pagefind" (`--compare` does this).

    python scripts/searchbench.py SITE [--query Q ...] [--engine pagefind|material]
    python scripts/searchbench.py SITE --compare [--query Q ...]   # SITE fresh from mkdocs

The figures of the choice between the two are in CHOICE below, which the Performance page
shows.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import re
import statistics
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from lighthouse import CHROME_PATH, CompressedHandler  # noqa: E402

ENGINES = ("material", "pagefind")
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]  # fmt: skip
VIEWPORT = {"width": 1280, "height": 800}
TIMEOUT_MS = 180_000  # Material's whole index at 2,000 reports takes a while
# The requests that fetch a search index: Material's (as JSON, or as a script offline),
# Zensical's, and Pagefind's bundle.
INDEX_PATHS = ("search/search_index.json", "search/search_index.js", "search.json", "pagefind/")
QUERIES = ("Hwasong", "North Korea", "condemned", "blatant violation")

# The choice, for the Performance page (Markdown). Figures: scripts/searchbench.py --compare,
# on corpora of copies of the five reports (the old bench's), 2 cores, Chromium, gzip.
CHOICE = """\
The site searches with [Pagefind](https://pagefind.app/) (1.5), through Material for MkDocs'
own search box: the results list, the keyboard and the highlighting of the words found on the
page a result opens stay the theme's; only the theme's search worker is replaced by one that
asks Pagefind (`docs/assets/search-worker.js`). After MkDocs has built the site,
`dossier.search_index` gives Pagefind the sections of the theme's own index (report
paragraphs, statements, events, actors…), up to twenty sections of a page to a record, and
leaves the theme's index file with its settings only.

Why: Material's search downloads its whole index, one file holding the text of every page,
and builds a search index from it in the browser before it shows a first result. At 1,000
reports that file is 33 MB (3.1 MB compressed) and a first result came after 6 to 12 seconds
on this machine; at 100 reports, 0.4 MB and about 1 second. Pagefind's index is split in
chunks by word and each record's text is a fragment of its own: a first search downloads
Pagefind's code and index metadata (about 120 kB), the chunks for the words typed and the
fragments of the best records. At 1,000 reports that was 190 to 390 kB and 0.2 to 0.6
seconds, whatever the query; at 100 reports, 160 to 320 kB and 0.2 to 0.4 seconds. Neither
engine downloads anything on a page view without a search (the theme's index request waits
until search opens). Indexing adds 10 to 12 seconds to the build at 1,000 reports.

Offline (`file://`), Pagefind cannot run (browsers refuse its requests and its WebAssembly
there), so the offline copy (`make offline`) keeps Material's own search and whole index
(`search/search_index.js`): at 1,000 reports its first search reads the 33 MB index from disk
and indexes it, 6 to 13 seconds here, with the page busy meanwhile.
"""


@dataclass(frozen=True)
class SearchRun:
    """A first search: compressed bytes of every response it caused, seconds from the last
    key to the first result shown, and the number of matching documents shown."""

    bytes_transferred: int
    seconds: float
    results: int


@dataclass
class _Sent:
    """Every response of the server, as (path, body bytes sent), in order."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    log: list[tuple[str, int]] = field(default_factory=list)

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.log.append((path, size))

    def mark(self) -> int:
        with self.lock:
            return len(self.log)

    def since(self, mark: int) -> list[tuple[str, int]]:
        with self.lock:
            return list(self.log[mark:])


class _CountingHandler(CompressedHandler):
    sent: _Sent

    def _send_file(self, path: Path, status: int) -> Any:
        body = super()._send_file(path, status)
        self.sent.add(self.path, len(body.getbuffer()))
        return body


@contextmanager
def _serve(site: Path) -> Iterator[tuple[str, _Sent]]:
    sent = _Sent()
    counting = type("Handler", (_CountingHandler,), {"sent": sent})
    handler = functools.partial(counting, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", sent
    finally:
        server.shutdown()
        server.server_close()


def _warm(url: str, paths: tuple[str, ...]) -> None:
    """Ask for `paths` once, compressed, so that the server's compression of a large file
    (a host keeps it compressed) is not timed as part of the search."""
    for path in paths:
        request = urllib.request.Request(url + path, headers={"Accept-Encoding": "gzip"})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                response.read()
        except OSError:
            pass


@contextmanager
def _browser(given: Any = None) -> Iterator[Any]:
    """`given` (a Playwright browser already running, as in the tests), or Chromium."""
    if given is not None:
        yield given
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROME_PATH, args=CHROME_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def engine_of(site: Path) -> str:
    """The engine a built folder searches with (see the module docstring)."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        raise ValueError(f"{site} has no search/search_index.json: not a Material build")
    config = json.loads(index.read_text(encoding="utf-8")).get("config", {})
    if config.get("pagefind") and (site / "pagefind" / "pagefind.js").is_file():
        return "pagefind"
    return "material"


def _is_index(path: str) -> bool:
    bare = path.split("?", 1)[0].lstrip("/")
    return any(bare.startswith(p) if p.endswith("/") else bare == p for p in INDEX_PATHS)


# Installed in the page before the reader searches: the time of the last key in the search
# box, and of the first result shown after it.
TIMING_JS = """() => {
  window.__search = {key: null, shown: null};
  const box = document.querySelector('input.md-search__input');
  // The clock starts when the query first reaches the box (fill's input event), not at the
  // last keyup: offline, the index is in the page and results can show before that keyup.
  box.addEventListener('input', () => {
    if (window.__search.key === null) window.__search.key = performance.now();
  }, true);
  const list = document.querySelector('.md-search-result__list');
  new MutationObserver(() => {
    const s = window.__search;
    if (s.key !== null && s.shown === null && list.querySelector('li')) {
      s.shown = performance.now();
    }
  }).observe(list, {childList: true, subtree: true});
}"""

COUNT_JS = """() => {
  const meta = document.querySelector('.md-search-result__meta').textContent;
  const number = meta.replace(/,/g, '').match(/\\d+/);
  const items = document.querySelectorAll('.md-search-result__list > li');
  return number ? Number(number[0]) : items.length;
}"""


def first_search(
    site: Path, query: str, engine: str, address: str = "", browser: Any = None
) -> SearchRun:
    """A first search for `query` from the page at `address` (site-relative; the home page by
    default), in a fresh browser context (see the module docstring). `browser`: a Playwright
    browser to use instead of launching Chromium."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    found = engine_of(site)
    if found != engine:
        raise ValueError(f"{site} searches with {found}, not {engine}")
    with _serve(site) as (url, sent), _browser(browser) as chromium:
        _warm(url, ("search/search_index.json",))
        context = chromium.new_context(viewport=VIEWPORT)
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        page.goto(url + address, wait_until="networkidle")
        page.wait_for_timeout(300)
        page.evaluate(TIMING_JS)
        mark = sent.mark()
        page.keyboard.press("/")
        box = page.locator("input.md-search__input")
        box.fill(query)
        box.press("End")
        page.wait_for_function("() => window.__search.shown !== null", polling=20)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        timing = page.evaluate("() => window.__search")
        results = int(page.evaluate(COUNT_JS))
        context.close()
    spent = sum(size for _, size in sent.since(mark))
    return SearchRun(spent, (timing["shown"] - timing["key"]) / 1000, results)


def page_view_search_bytes(site: Path, address: str, browser: Any = None) -> int:
    """Bytes of search-index requests on a plain view of the page at `address` (site-relative)
    with no search: should be 0. `browser` as for first_search."""
    with _serve(site) as (url, sent), _browser(browser) as chromium:
        context = chromium.new_context(viewport=VIEWPORT)
        page = context.new_page()
        mark = sent.mark()
        page.goto(url + address, wait_until="networkidle")
        page.wait_for_timeout(500)
        context.close()
    return sum(size for path, size in sent.since(mark) if _is_index(path))


def offline_first_search(copy: Path, query: str, browser: Any = None) -> SearchRun:
    """A first search in an offline copy (an unzipped `make offline`) opened from disk: bytes
    are those of the files search reads (the theme's index as a script, which the theme
    loads with the page there, and its worker), as stored; seconds as in first_search."""
    read: list[str] = []
    with _browser(browser) as chromium:
        context = chromium.new_context(viewport=VIEWPORT)
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        page.on("request", lambda request: read.append(request.url))
        page.goto((copy / "index.html").as_uri(), wait_until="load")
        page.wait_for_timeout(300)
        page.evaluate(TIMING_JS)
        page.keyboard.press("/")
        box = page.locator("input.md-search__input")
        box.fill(query)
        box.press("End")
        page.wait_for_function("() => window.__search.shown !== null", polling=20)
        timing = page.evaluate("() => window.__search")
        results = int(page.evaluate(COUNT_JS))
        context.close()
    search = re.compile(r"/search/search_index\.js$|/workers/search\.[0-9a-f]+\.min\.js$")
    paths = {url.split("?")[0] for url in read if url.startswith("file:")}
    files = [Path(urllib.request.url2pathname(p.removeprefix("file://"))) for p in paths]
    spent = sum(f.stat().st_size for f in files if search.search(f.as_posix()) and f.is_file())
    return SearchRun(spent, (timing["shown"] - timing["key"]) / 1000, results)


# --- sizes and the command line -----------------------------------------------------------------


@dataclass(frozen=True)
class IndexSize:
    """What an engine's index is on disk: files and bytes (as stored; Pagefind's files are
    compressed already), and what the files are when sent gzip-compressed."""

    files: int
    bytes: int
    compressed: int


def index_size(site: Path) -> IndexSize:
    """The size of the index the folder searches with."""
    import gzip

    if engine_of(site) == "pagefind":
        files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    else:
        files = [site / "search" / "search_index.json"]
    raw = sum(p.stat().st_size for p in files)
    sent = sum(
        len(gzip.compress(p.read_bytes(), 6)) if p.suffix in (".json", ".js") else p.stat().st_size
        for p in files
    )
    return IndexSize(len(files), raw, sent)


def _median_run(site: Path, query: str, engine: str, repeats: int) -> SearchRun:
    runs = [first_search(site, query, engine) for _ in range(repeats)]
    seconds = statistics.median(run.seconds for run in runs)
    return next(run for run in runs if run.seconds == seconds)


def measure(site: Path, queries: tuple[str, ...], repeats: int) -> list[str]:
    engine = engine_of(site)
    size = index_size(site)
    lines = [f"{engine}: index {size.files} file(s), {size.bytes:,} B on disk, "
             f"{size.compressed:,} B compressed; page view: "
             f"{page_view_search_bytes(site, '')} B of index"]  # fmt: skip
    for query in queries:
        run = _median_run(site, query, engine, repeats)
        lines.append(f"  {query!r}: {run.bytes_transferred:,} B, {run.seconds:.3f} s, "
                     f"{run.results} result(s)")  # fmt: skip
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--query", action="append", help=f"default: {', '.join(QUERIES)}")
    parser.add_argument("--repeats", type=int, default=1, help="runs per query (the median)")
    parser.add_argument("--compare", action="store_true",
                        help="measure Material, index with Pagefind, measure Pagefind")  # fmt: skip
    args = parser.parse_args(argv)
    queries = tuple(args.query or QUERIES)
    site = args.site.resolve()
    if args.compare:
        if engine_of(site) != "material":
            raise SystemExit(f"{site} is indexed with Pagefind already: --compare needs a "
                             "folder fresh from mkdocs build")  # fmt: skip
        print("\n".join(measure(site, queries, args.repeats)), flush=True)
        from dossier.search_index import index_site

        started = time.perf_counter()
        done = index_site(site)
        print(f"pagefind indexing: {done.sections:,} sections in "
              f"{time.perf_counter() - started:.1f} s", flush=True)  # fmt: skip
    print("\n".join(measure(site, queries, args.repeats)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
