"""The site search's index: Pagefind, fed the sections the theme's search already extracts.

Why Pagefind. Material for MkDocs searches one file, search/search_index.json, that holds the
text of every page and that the browser downloads whole before the first result: 16 MB at 500
reports, growing with the corpus. Pagefind splits its index into chunks by word and keeps each
result's text in a fragment of its own, so a first search downloads the chunks for the words
typed and the fragments of the results shown: a few hundred kilobytes at 1,000 reports.
scripts/searchbench.py measures both side by side (figures on the Performance page).

What is indexed. The theme's search plugin already cuts every page into sections (a report
paragraph, a statement, an event, an actor) and leaves out what the generator marks
`data-search-exclude` or `search: exclude`: its index is the list of what search covers. Its
sections go to Pagefind twenty to a record (records of one page each: see CHUNK), each
section a heading with its anchor as id, so that Pagefind ranks records and reports, for
each, the sections where the words are ("sub-results"). The worker keeps the sections that
hold every word and ranks them by where the words stand. A record's fragment is a few
kilobytes, where indexing the site's own pages would make a result from a long listing page
cost its whole text.

How the browser uses it. The theme's search box, results list, keyboard handling and `?h=`
highlighting stay the theme's own; only its search worker is replaced (assets/search-gate.js
points the theme at assets/search-worker.js, which answers the theme's messages through
Pagefind). The theme's index file is replaced by its settings alone (no documents, plus where
the Pagefind bundle is), which the theme still reads for highlighting words on the page a
result opens. A site built without this step keeps the theme's full index and the worker
falls back to the theme's own search.

Offline (file://) Pagefind cannot run (it fetches its files and compiles WebAssembly, which
browsers refuse from disk), so the offline copy (scripts/offline.py) skips this step and
keeps the theme's own index and search: the whole index loads on the first search there.

Plain Python: the MkDocs hook (`make serve`), `make build` and the tests call `index_site`;
Zensical's output (its index is search.json, the same sections) is indexed the same way.
"""

from __future__ import annotations

import dataclasses
import errno
import gzip
import html
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from .write import atomic_write

Started = Callable[["subprocess.Popen[str]"], None]
# Where the Pagefind bundle goes, from the site root.
BUNDLE = "pagefind"
# The theme's index: Material for MkDocs' and Zensical's.
MATERIAL_INDEX = "search/search_index.json"
ZENSICAL_INDEX = "search.json"
# Pagefind's own search interfaces, which the site does not use (it keeps the theme's).
UNUSED = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)  # fmt: skip
# A section's title weighs more than its text, as in the theme's own search (where a title
# counts a thousand times its text): Pagefind's largest weight.
TITLE_WEIGHT = 10
# Sections of one page per Pagefind record. Pagefind's time for a query grows with the number
# of records that match: at 1,000 reports a word like "Korea" is in some 20,000 sections, and
# a record per section took seconds to rank; twenty to a record keep it a tenth of that, and
# a record's fragment (the text a result fetches) small.
CHUNK = 20
# A record also ends before its sections' text passes this many characters (of the theme's
# HTML), and a section's text is indexed up to this many: a first search fetches the
# fragments of up to forty records, and each must stay small. The only longer sections are
# listings that repeat entries indexed where they live (an actor's reports, the reported and
# issued wording page), found by their beginning.
RECORD_TEXT = 20_000


class SearchIndexError(Exception):
    """The site has no index of the theme's to read, or Pagefind failed."""


class AlreadyIndexed(SearchIndexError):
    """The theme's index holds its settings only: this step has run on the site already."""


@dataclass(frozen=True)
class Section:
    """One entry of the theme's index: a page (location without #) or a section of it."""

    location: str  # from the site root, as the theme writes it: "reports/x/#p3"
    title: str  # HTML text, as the theme shows it
    text: str  # HTML, as the theme shows it
    page_title: str  # the title of the page the section is on
    boost: float  # the page's `search: boost` (1 when it has none)


@dataclass(frozen=True)
class Indexed:
    """What `index_site` did: the theme's index file, how many sections in how many records,
    the bundle folder."""

    theme_index: Path
    sections: int
    records: int
    bundle: Path


def theme_index(site: Path) -> Path:
    """The theme's search index file in the built `site` (Material's or Zensical's)."""
    for name in (MATERIAL_INDEX, ZENSICAL_INDEX):
        if (site / name).is_file():
            return site / name
    raise SearchIndexError(f"{site} has no {MATERIAL_INDEX} or {ZENSICAL_INDEX}: build it first")


def read_sections(index: dict[str, Any]) -> list[Section]:
    """The sections of a theme index (Material's `docs` or Zensical's `items`)."""
    entries = index.get("docs", index.get("items"))
    if not isinstance(entries, list):
        raise SearchIndexError("the theme's index has no list of documents")
    pages: dict[str, dict[str, Any]] = {
        e["location"]: e for e in entries if "#" not in e["location"]
    }
    sections = []
    for entry in entries:
        page: dict[str, Any] = pages.get(entry["location"].split("#", 1)[0]) or entry
        sections.append(
            Section(
                location=entry["location"],
                title=entry.get("title", ""),
                text=entry.get("text", ""),
                page_title=page.get("title", ""),
                boost=float(entry.get("boost", page.get("boost", 1.0))),
            )
        )
    return sections


# Elements with no end tag, which open no level.
VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"})


class _Blocks(HTMLParser):
    """Where the top-level elements of a section's text start, and the items of its top-level
    lists: (offset, tag name, id to give it). `loose` is set when text stands outside any
    element at the top level (then no ids are given: see block_ids)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.lines = [0]
        for line in text.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.open: list[str] = []
        self.starts: list[tuple[int, str, str]] = []
        self.blocks = 0
        self.items = 0
        self.loose = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self.getpos()
        at = self.lines[line - 1] + column
        if not self.open:
            self.starts.append((at, tag, f"b{self.blocks}"))
            self.blocks += 1
            self.items = 0
        elif len(self.open) == 1 and tag == "li" and self.open[0] in ("ul", "ol"):
            self.starts.append((at, tag, f"b{self.blocks - 1}-{self.items}"))
            self.items += 1
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not self.open and data.strip():
            self.loose = True


def block_ids(text: str, prefix: str = "") -> str:
    """The theme's HTML of a section's text with an id on each top-level element
    (PREFIX:b0, PREFIX:b1, …) and on each item of a top-level list (PREFIX:b1-0, …; the
    prefix is the section's anchor). Pagefind keeps every element with an id in a result's
    fragment with its text and tag, which is how the worker shows a section's text in its
    paragraphs and list items (Pagefind's own copy of the text runs them together). Text
    with words outside any element is left as it is."""
    blocks = _Blocks(text)
    if blocks.loose:
        return text
    for at, tag, name in reversed(blocks.starts):
        end = at + 1 + len(tag)
        text = f'{text[:end]} id="{html.escape(prefix)}:{name}"{text[end:]}'
    return text


@dataclass(frozen=True)
class Record:
    """What Pagefind indexes as one "page": up to CHUNK sections of one page of the site."""

    page: str  # the page's address ("reports/x/")
    part: int  # 0 for the page's first sections, then 1, 2, …
    title: str  # the page's title (HTML text)
    boost: float
    sections: tuple[Section, ...]


def shortened(text: str, limit: int = RECORD_TEXT) -> str:
    """A section's text up to about `limit` characters, cut before a top-level element or an
    item of a top-level list (whose list is closed), so that it stays whole HTML; whole when
    its first element alone is longer (one very long paragraph is kept)."""
    if len(text) <= limit:
        return text
    blocks = _Blocks(text)
    cuts = [(at, tag, name) for at, tag, name in blocks.starts if 0 < at <= limit]
    if blocks.loose or not cuts:
        return text
    at, tag, name = cuts[-1]
    if tag != "li" or "-" not in name:
        return text[:at]
    parent = next(t for _, t, n in blocks.starts if n == name.split("-")[0])
    return f"{text[:at]}</{parent}>"


def records(sections: list[Section]) -> list[Record]:
    """The sections in records: each page's sections in order, at most CHUNK to a record and
    at most RECORD_TEXT characters of text (a longer section indexed by its beginning)."""
    pages: dict[str, list[Section]] = {}
    for section in sections:
        short = shortened(section.text)
        if short != section.text:
            section = dataclasses.replace(section, text=short)
        pages.setdefault(section.location.split("#", 1)[0], []).append(section)
    found = []
    for page, own in pages.items():
        chunks: list[list[Section]] = [[]]
        for section in own:
            current = chunks[-1]
            size = sum(len(s.text) for s in current) + len(section.text)
            if current and (len(current) == CHUNK or size > RECORD_TEXT):
                chunks.append([])
            chunks[-1].append(section)
        first = own[0]
        found += [
            Record(page, part, first.page_title, first.boost, tuple(chunk))
            for part, chunk in enumerate(chunks)
        ]
    return found


def record_html(record: Record) -> str:
    """A record as the small HTML document Pagefind indexes. Each section is a heading with
    the section's anchor as its id (Pagefind's "sub-result" of the record), its title
    weighted, then its text (the theme index's own HTML, blocks with ids: see block_ids);
    a page's own entry (no anchor) comes first, under the page's title. The page's title
    (Pagefind's title of the record) and a search boost other than 1 are metadata, from
    attributes escaped for them; metadata is searched too, so nothing else goes there."""
    weight = f'data-pagefind-weight="{TITLE_WEIGHT}"'
    meta = {"title": record.title}
    if record.boost != 1:
        meta["boost"] = repr(record.boost)
    attrs = " ".join(f'data-{key}="{html.escape(value)}"' for key, value in meta.items())
    names = ", ".join(f"{key}[data-{key}]" for key in meta)
    body = [f'<span data-pagefind-ignore data-pagefind-meta="{names}" {attrs}></span>']
    for section in record.sections:
        anchor = section.location.partition("#")[2]
        if anchor:
            body.append(f'<h2 id="{html.escape(anchor)}" {weight}>{section.title}</h2>')
        else:
            body.append(f"<h1 {weight}>{section.title}</h1>")
        body.append(block_ids(section.text, anchor))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>'
        + "".join(body)
        + "</body></html>\n"
    )


def record_path(record: Record) -> str:
    """A record's file, from the records' folder, named for the page it is part of, so that
    Pagefind's address of it leads to the page: reports/x/index.html for the first part of
    the page "reports/x/" (Pagefind's address: /reports/x/), reports/x/part-1.html for the
    next (/reports/x/part-1.html). The worker reads the page's address from either."""
    if record.page and not record.page.endswith("/"):
        raise SearchIndexError(f"{record.page!r}: the site must be built with folder addresses")
    name = "index.html" if record.part == 0 else f"part-{record.part}.html"
    return f"{record.page}{name}"


def write_records(
    sections: list[Section], folder: Path, stopped: Callable[[], bool] | None = None
) -> int:
    """The sections as record files in `folder` (see record_path); returns how many. Once
    `stopped()` is true, SearchIndexError is raised: in `make serve` this runs in a thread
    of the serving process, and the rebuild that stopped it needs the processor."""
    made = records(sections)
    for number, record in enumerate(made):
        if stopped is not None and number % 100 == 0 and stopped():
            raise SearchIndexError(STOPPED)
        file = folder / record_path(record)
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(record_html(record), encoding="utf-8")
    return len(made)


def run_pagefind(records: Path, bundle: Path, started: Started | None = None) -> None:
    """Pagefind's indexer over the record files, writing its bundle into `bundle`; `started`
    is given the running process (serving.Indexer stops it when a newer build needs it)."""
    command = [sys.executable, "-m", "pagefind", "--site", str(records),
               "--output-path", str(bundle), "--force-language", "en", "--silent"]  # fmt: skip
    env = {**os.environ, "NO_COLOR": "1"}
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    ) as process:
        if started is not None:
            started(process)
        output, _ = process.communicate()
    if process.returncode != 0:
        raise SearchIndexError(f"pagefind failed (exit {process.returncode}):\n{output}")
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)


def settings_only(index: dict[str, Any]) -> dict[str, Any]:
    """The theme's index reduced to its settings, with where the Pagefind bundle is: what the
    theme reads (for highlighting) and what tells the worker to search with Pagefind."""
    return {"config": {**index.get("config", {}), "pagefind": f"{BUNDLE}/"}, "docs": []}


def index_site(site: Path) -> Indexed:
    """Indexes the built `site` with Pagefind into site/pagefind/ and, for Material's index,
    replaces the theme's index file with its settings (see the module docstring). Zensical's
    index is left as it is: its own search does not use Material's worker."""
    source = theme_index(site)
    index = json.loads(source.read_text(encoding="utf-8"))
    if index.get("config", {}).get("pagefind"):
        raise AlreadyIndexed(f"{source} holds no sections: this site is indexed already")
    sections, count, bundle = index_sections(site, index)
    if source.name == Path(MATERIAL_INDEX).name:
        write_settings(source, index)
    return Indexed(source, sections, count, bundle)


def write_settings(source: Path, index: dict[str, Any]) -> None:
    """Replace the theme's index file by its settings (`settings_only`)."""
    text = json.dumps(settings_only(index), ensure_ascii=False, separators=(",", ":"))
    source.write_text(text, encoding="utf-8")


STOPPED = "stopped: a newer build indexes the site"


def index_sections(
    site: Path,
    index: dict[str, Any],
    started: Started | None = None,
    stopped: Callable[[], bool] | None = None,
) -> tuple[int, int, Path]:
    """Pagefind's bundle for the sections of `index` (a theme index) into site/pagefind/,
    replacing the one there only once the new one is complete; returns the count of
    sections, the count of records, and the bundle's folder. Leaves the theme's index be.
    `started` as for run_pagefind; once `stopped()` is true, the bundle is dropped (a newer
    run will replace it) and SearchIndexError raised."""
    sections = read_sections(index)
    bundle = site / BUNDLE
    with tempfile.TemporaryDirectory(prefix="dossier-search-") as tmp:
        files, fresh = Path(tmp) / "records", Path(tmp) / BUNDLE
        files.mkdir()
        count = write_records(sections, files, stopped)
        run_pagefind(files, fresh, started)
        if stopped is not None and stopped():
            raise SearchIndexError(STOPPED)
        swap_bundle(fresh, bundle)
    return len(sections), count, bundle


# The files of the bundle in place, as its last swap_bundle left it.
BUNDLE_FILES = ".bundle-files"


def swap_bundle(fresh: Path, bundle: Path) -> None:
    """Put the bundle `fresh` in the place of `bundle` so that a search already under way in
    a browser finds the files it started with. Pagefind names its chunks by their content, so
    the new ones go in beside the old; a file with a fixed name is replaced at once, the
    entry file last (it names the rest). The chunks of the bundle before the one replaced
    are removed. Deleting the old bundle first made a search that had read its entry
    ask for chunks that were gone ("Pagefind: WASM Error")."""
    new = sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file())
    listed = bundle / BUNDLE_FILES
    if listed.is_file():
        last = set(listed.read_text("utf-8").split("\n")) - {""}
    else:  # a bundle made whole (make build), or none yet: all of it is the last one
        last = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    entry = "pagefind-entry.json"
    for name in sorted(new, key=lambda name: name == entry):
        target = bundle / name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(fresh / name, target)  # a rename: thousands of files at 1,000 reports
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            atomic_write(target, (fresh / name).read_bytes())  # on another disk
    keep = set(new) | last | {BUNDLE_FILES}
    for path in sorted(bundle.rglob("*"), reverse=True):
        name = path.relative_to(bundle).as_posix()
        if path.is_file() and name not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    listed.write_text("".join(f"{name}\n" for name in new), "utf-8")


def indexed_pages(site: Path) -> set[str]:
    """The addresses of the pages whose sections the site's Pagefind bundle holds, read back
    from its fragments (each a record: gzip-compressed JSON after a short signature)."""
    pages = set()
    for fragment in sorted((site / BUNDLE / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        record = json.loads(data[data.index(b"{") :])
        pages.add(str(record["url"]).lstrip("/").rsplit("/", 1)[0] + "/")
    return {"" if page == "/" else page for page in pages}


def main(argv: list[str] | None = None) -> int:
    """`python -m dossier.search_index SITE`: index a built site folder."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m dossier.search_index SITE_DIR", file=sys.stderr)
        return 2
    try:
        done = index_site(Path(args[0]))
    except SearchIndexError as exc:
        print(f"search index: {exc}", file=sys.stderr)
        return 1
    print(f"search index: {done.sections} sections in {done.records} records: {done.bundle}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
