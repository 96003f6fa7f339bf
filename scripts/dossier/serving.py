"""What `make serve` needs beyond a build: rebuilding only what an edit changed, and keeping
search whole while it does. Plain Python; mkdocs_hook.py connects it to MkDocs.

`make serve` runs `mkdocs serve --dirty`: after an edit MkDocs builds only the pages whose
Markdown is newer than their HTML. Three things make that exact for this site:

- A report page's text lives in its generated include (includes/reports/<id>.md), which
  MkDocs does not know the page reads: `stale_pages` names the pages whose includes the
  generator rewrote, and the hook removes their HTML so that MkDocs builds them again (every
  page, when the abbreviations appended to every page changed).
- The theme's search index then holds only the rebuilt pages: `Sections` keeps every page's
  search sections across rebuilds, replacing those of each page built.
- Pagefind indexes the whole site again (about 10 s at 1,000 reports): `Indexer` does it in
  the background, after the browser has reloaded, and searches use the last index meanwhile;
  a newer build stops a run still going and starts its own.

MkDocs warns on every dirty build that navigation may be inaccurate; this site's navigation
is static (generated pages are outside it), so the hook drops that one warning and
`--strict` still stops the server's build on any other.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from . import urls
from .search_index import SearchIndexError, index_sections, theme_index, write_settings

# The warning MkDocs logs on every dirty build (mkdocs/commands/build.py).
DIRTY_WARNING = "A 'dirty' build is being performed"
ABBREVIATIONS = "includes/abbreviations.md"  # appended to every page (mkdocs.yml, snippets)
HOME_INCLUDE = "includes/home.md"
EVERY_PAGE = None  # what `stale_pages` returns when every page must be built again


def stale_pages(written: Iterable[str]) -> frozenset[str] | None:
    """The docs pages (as MkDocs names them, e.g. `reports/x.md`) to build again because an
    include they read was rewritten, given the project paths the generator wrote; None when
    every page must be."""
    pages: set[str] = set()
    prefix = "includes/" + urls.include_report("").removesuffix(".md")  # includes/reports/
    for path in written:
        if path == ABBREVIATIONS:
            return EVERY_PAGE
        if path == HOME_INCLUDE:
            pages.add(urls.HOME)
        elif path.startswith(prefix) and path.endswith(".md"):
            pages.add(urls.doc_report(path[len(prefix) : -len(".md")]))
    return frozenset(pages)


class Sections:
    """Every page's search sections (the theme's index entries), kept across rebuilds: a
    dirty build's theme index holds the rebuilt pages only."""

    def __init__(self) -> None:
        self._pages: dict[str, list[dict[str, Any]]] = {}

    def built(self, page: str, entries: list[dict[str, Any]]) -> None:
        """The sections of a page (its Markdown file under docs/) just built; none if it is
        left out of search."""
        self._pages[page] = [dict(e) for e in entries]

    def forget(self, keep: Iterable[str]) -> None:
        """Drop the pages not in `keep` (the site's pages now)."""
        kept = set(keep)
        for page in [p for p in self._pages if p not in kept]:
            del self._pages[page]

    def index(self, config: Mapping[str, Any]) -> dict[str, Any]:
        """The whole index, as the theme writes it: its settings and every page's sections."""
        docs = [e for page in sorted(self._pages) for e in self._pages[page]]
        return {"config": dict(config), "docs": docs}


class Indexer:
    """Pagefind over a served site, in a background thread; a newer run stops an older one."""

    def __init__(self) -> None:
        self._run: _Run | None = None
        self.error: str | None = None  # the last run's failure, reported at the next build

    def stop(self) -> None:
        """Stop a run still going (a newer build will index again), without waiting for it:
        it drops its bundle, and searches use the one before until the next is ready."""
        if self._run is not None:
            self._run.stop()
            self._run = None

    def wait(self) -> None:
        """Let a run still going finish."""
        if self._run is not None:
            self._run.thread.join()

    def start(self, site: Path, index: dict[str, Any], background: bool) -> None:
        """Index `index` (`Sections.index`) for the site at `site`. The theme's index file is
        replaced at once by its settings (see search_index.settings_only), so that no page
        view downloads the sections; with `background`, Pagefind runs in a thread (a failure
        is kept in `error`), else here (a failure raises SearchIndexError)."""
        self.stop()
        self.error = None
        write_settings(theme_index(site), index)
        if not background:
            index_sections(site, index)  # raises SearchIndexError
            return
        run = _Run()

        def work() -> None:
            try:
                index_sections(site, index, run.started, run.stopped.is_set)
            except SearchIndexError as exc:
                if not run.stopped.is_set():
                    self.error = str(exc)

        run.thread = threading.Thread(target=work, name="dossier-search-index", daemon=True)
        self._run = run
        run.thread.start()


class _Run:
    """One background indexing: its thread, and Pagefind's process once started."""

    def __init__(self) -> None:
        self.stopped = threading.Event()
        self.process: subprocess.Popen[str] | None = None
        self.thread = threading.Thread()

    def started(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        if self.stopped.is_set():  # stopped before Pagefind started
            process.terminate()

    def stop(self) -> None:
        self.stopped.set()
        process = self.process
        if process is not None and process.poll() is None:
            process.terminate()


# One of each for the serving process (the hook module may be loaded again on a rebuild).
SECTIONS = Sections()
INDEXER = Indexer()
