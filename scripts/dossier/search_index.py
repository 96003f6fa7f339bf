"""The site search's index: Pagefind, fed the sections the theme's search already extracts.

Why Pagefind. Material for MkDocs searches one file, search/search_index.json, that holds the
text of every page and that the browser downloads whole before the first result: 16 MB at 500
reports, growing with the corpus. Pagefind splits its index into chunks by word and keeps each
result's text in a fragment of its own, so a first search downloads the chunks for the words
typed and the fragments of the results shown: a few hundred kilobytes at 1,000 reports.
scripts/searchbench.py measures both side by side (figures on the Performance page).

What is indexed. The theme's search plugin already cuts every page into sections (a report
paragraph, a statement, an event, an actor) and leaves out what the generator marks
`data-search-exclude` or `search: exclude`: its index is the list of what search covers. Each
of its sections becomes one Pagefind record (a small HTML document: the section's title as a
heading, its text), with what the browser needs to show it as the theme does (its address, its
title and text as the theme had them, its page's title, the page's search boost) as metadata.
A result is then one section and its fragment a kilobyte or two, where indexing whole pages
would make a result from a long listing page cost its whole text.

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

import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


class SearchIndexError(Exception):
    """The site has no index of the theme's to read, or Pagefind failed."""


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
    """What `index_site` did: the theme's index file, how many sections, the bundle folder."""

    theme_index: Path
    sections: int
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


def record_html(section: Section) -> str:
    """One section as the small HTML document Pagefind indexes: its title as the heading
    (Pagefind's title for it, and weighted) and its text, both the theme index's own HTML.
    A section's page title and a page's search boost other than 1 go along as metadata, from
    attributes (escaped for them); metadata is searched too, so nothing else goes there."""
    meta = {}
    if "#" in section.location:
        meta["page"] = section.page_title
    if section.boost != 1:
        meta["boost"] = repr(section.boost)
    span = ""
    if meta:
        attrs = " ".join(f'data-{key}="{html.escape(value)}"' for key, value in meta.items())
        names = ", ".join(f"{key}[data-{key}]" for key in meta)
        span = f'<span data-pagefind-ignore data-pagefind-meta="{names}" {attrs}></span>'
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>'
        f'<h1 data-pagefind-weight="{TITLE_WEIGHT}">{section.title}</h1>{section.text}{span}'
        "</body></html>\n"
    )


def record_path(location: str) -> str:
    """The record file of a section, from the records' folder: its address, so that
    Pagefind's address of the record is the section's ("reports/x/#p3" is the file
    reports/x/#p3.html, whose address is /reports/x/#p3.html; a page "reports/x/" is
    reports/x/index.html, whose address Pagefind writes as /reports/x/). The worker turns
    these back into the section's address."""
    path, hash_, anchor = location.partition("#")
    if path and not path.endswith("/"):
        raise SearchIndexError(f"{location!r}: the site must be built with folder addresses")
    if not hash_:
        return f"{path}index.html"
    return f"{path}#{anchor}.html"


def write_records(sections: list[Section], folder: Path) -> None:
    """Every section as one file of `folder` (see record_path)."""
    for section in sections:
        file = folder / record_path(section.location)
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(record_html(section), encoding="utf-8")


def run_pagefind(records: Path, bundle: Path) -> None:
    """Pagefind's indexer over the record files, writing its bundle into `bundle`."""
    command = [sys.executable, "-m", "pagefind", "--site", str(records),
               "--output-path", str(bundle), "--force-language", "en", "--silent"]  # fmt: skip
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SearchIndexError(f"pagefind failed:\n{done.stdout}{done.stderr}")
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
        raise SearchIndexError(f"{source} holds no sections: this site is indexed already")
    sections = read_sections(index)
    bundle = site / BUNDLE
    with tempfile.TemporaryDirectory(prefix="dossier-search-") as tmp:
        records, fresh = Path(tmp) / "records", Path(tmp) / BUNDLE
        records.mkdir()
        write_records(sections, records)
        run_pagefind(records, fresh)
        shutil.rmtree(bundle, ignore_errors=True)
        shutil.move(str(fresh), bundle)
    if source.name == Path(MATERIAL_INDEX).name:
        text = json.dumps(settings_only(index), ensure_ascii=False, separators=(",", ":"))
        source.write_text(text, encoding="utf-8")
    return Indexed(source, len(sections), bundle)


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
    print(f"search index: {done.sections} sections into {done.bundle}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
