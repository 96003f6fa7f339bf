"""`make serve` as an editor uses it: `mkdocs serve --strict --dirty` with the hook. After an
edit, the served pages show it, including pages whose Markdown did not change but whose
generated include did, and search still covers the whole site (serving.py)."""

from __future__ import annotations

import re
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import test_browser
from conftest import REPO, make_project

sys.path.insert(0, str(REPO / "scripts"))

import bench
from dossier import urls
from dossier.serving import stale_pages

browser = test_browser.browser
new_page = test_browser.new_page

pytestmark = pytest.mark.browser
LIMIT = 120.0  # seconds for a rebuild to show


# --- which pages a dirty rebuild must build again ------------------------------------------


def test_a_rewritten_include_makes_its_page_stale() -> None:
    written = ["includes/reports/a-report.md", "docs/timeline.md", "includes/home.md"]
    assert stale_pages(written) == {"reports/a-report.md", "index.md"}
    assert stale_pages(["docs/statements/index.md"]) == frozenset()


def test_the_abbreviations_make_every_page_stale() -> None:
    assert stale_pages(["includes/reports/a.md", "includes/abbreviations.md"]) is None


# --- serving ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, Any]]:
    project = make_project(tmp_path_factory.mktemp("serve"), REPO)
    for name in ("mkdocs.serve.yml", "scripts/dossier/mkdocs_hook.py"):
        (project.root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, project.root / name)
    with bench.serving(project.root, dirty=True, strict=True) as (base, server, _):
        assert bench.wait_for(base, server, LIMIT) is not None, "the server did not start"
        yield project.root, base, server


def _report(root: Path) -> str:
    return sorted(p.stem for p in (root / "docs" / "reports").glob("*.md") if p.stem != "index")[0]


def _search(new_page: Any, base: str, word: str) -> list[str]:
    """Pagefind's results for `word` on the served site: the pages found."""
    page = new_page()
    page.goto(base)
    found: list[str] = page.evaluate(
        """async (word) => {
            const pagefind = await import(new URL('pagefind/pagefind.js', location.href).href);
            const search = await pagefind.search(word);
            const data = await Promise.all(search.results.map(r => r.data()));
            return data.map(d => d.url);
        }""",
        word,
    )
    page.context.close()
    return found


def _box(new_page: Any, base: str, word: str) -> list[str]:
    """What the theme's search box lists for `word` on the served site (as a reader types it):
    the pages of its results, or none once it says nothing matched."""
    page = new_page()
    page.goto(base, wait_until="load")  # `networkidle` never comes: live reload stays open
    page.locator("input.md-search__input").press_sequentially(word, delay=20)
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "m => m && /matching|No matching/.test(m.textContent)", arg=meta.element_handle()
    )
    hrefs: list[str] = page.eval_on_selector_all(
        "ol.md-search-result__list a.md-search-result__link",
        "els => els.map(e => new URL(e.href).pathname)",
    )
    page.context.close()
    return sorted(set(hrefs))


def _eventually(check: Any, limit: float = LIMIT) -> Any:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        value = check()
        if value:
            return value
        time.sleep(0.5)
    return check()


def test_an_edit_shows_and_is_found(served: tuple[Path, str, Any], new_page: Any) -> None:
    root, base, server = served
    report = _report(root)
    before = _search(new_page, base, "Hwasong")
    assert before, "a word of the reports is found before any edit"
    assert _box(new_page, base, "Hwasong"), "and the search box lists it"
    path = root / "docs" / "reports" / f"{report}.md"
    path.write_text(bench.add_note(path.read_text("utf-8"), "zqservenote"), "utf-8")
    page = base + urls.url_page(urls.doc_report(report))
    assert bench.wait_for(page, server, LIMIT, b"zqservenote") is not None
    path.write_text(bench.change_title(path.read_text("utf-8"), "Zqservetitle"), "utf-8")
    assert bench.wait_for(page, server, LIMIT, b"Zqservetitle") is not None
    # Search follows in the background: the new title is found (notes are left out of
    # search), and so is everything else (a dirty build's theme index holds only the pages
    # it built).
    assert _eventually(lambda: _search(new_page, base, "Zqservetitle"))
    # The reader's way in, the theme's search box, lists the report under its new title.
    report_path = urls.url_page(urls.doc_report(report))
    assert any(
        h.endswith(report_path)
        for h in _eventually(lambda: _box(new_page, base, "Zqservetitle"), 30)
    )
    assert sorted(_search(new_page, base, "Hwasong")) == sorted(before)


def test_a_page_whose_include_changed_is_built_again(served: tuple[Path, str, Any]) -> None:
    """Renaming a speaker changes the report pages that quote it, though their Markdown is
    untouched: MkDocs' --dirty alone would serve them stale."""
    root, base, server = served
    report = _report(root)
    text = (root / "docs" / "reports" / f"{report}.md").read_text("utf-8")
    speaker = re.search(r"^  speaker: ([a-z0-9-]+)$", text, re.M)
    assert speaker is not None
    actors = root / "data" / "actors.yml"
    registry = actors.read_text("utf-8")
    name = re.search(
        rf"^- id: {re.escape(speaker.group(1))}\n(?:  .*\n)*?  name: (.+)$", registry, re.M
    )
    assert name is not None
    old = name.group(1).strip('"')
    new = f"{old} Zqrenamed"
    actors.write_text(registry.replace(name.group(0), name.group(0).replace(old, new), 1), "utf-8")
    page = base + urls.url_page(urls.doc_report(report))
    assert bench.wait_for(page, server, LIMIT, new.encode("utf-8")) is not None
    assert server.poll() is None, "the strict server stopped"


def test_a_newer_run_stops_an_older_one_and_keeps_the_last_bundle(tmp_path: Path) -> None:
    """The background indexer: a run stopped at once leaves the bundle there as it was; the
    run after it puts its own in place, and the one after that removes the first."""
    from dossier.serving import Indexer

    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "search" / "search_index.json").write_text('{"config": {}, "docs": []}', "utf-8")
    (site / "pagefind").mkdir()
    (site / "pagefind" / "old.txt").write_text("the last bundle", "utf-8")
    entry = {"location": "a/", "title": "A", "text": "Zqindexed words"}
    index = {"config": {"lang": ["en"]}, "docs": [entry]}
    indexer = Indexer()
    indexer.start(site, index, background=True)
    indexer.stop()
    assert (site / "pagefind" / "old.txt").is_file()
    indexer.start(site, index, background=True)
    indexer.wait()
    assert indexer.error is None
    # The bundle it replaced stays one run more (a search under way may still read it) ...
    assert (site / "pagefind" / "old.txt").is_file()
    indexer.start(site, index, background=True)
    indexer.wait()
    assert indexer.error is None
    assert not (site / "pagefind" / "old.txt").exists()  # ... and goes with the next
    assert (site / "pagefind" / "pagefind.js").is_file()
    settings = (site / "search" / "search_index.json").read_text("utf-8")
    assert '"pagefind":"pagefind/"' in settings and "Zqindexed" not in settings


def _bundle(folder: Path, generation: int) -> Path:
    """A bundle shaped like Pagefind's: chunks named by their content, a few fixed names."""
    (folder / "index").mkdir(parents=True)
    (folder / "fragment").mkdir()
    (folder / "pagefind-entry.json").write_text(f'{{"meta": "m{generation}"}}', "utf-8")
    (folder / "pagefind.js").write_text("the same script", "utf-8")
    (folder / f"pagefind.m{generation}.pf_meta").write_text("meta", "utf-8")
    (folder / "index" / f"i{generation}.pf_index").write_text("index", "utf-8")
    (folder / "fragment" / "shared.pf_fragment").write_text("a page in both", "utf-8")
    (folder / "fragment" / f"f{generation}.pf_fragment").write_text("a page", "utf-8")
    return folder


def test_a_search_under_way_finds_the_bundle_it_started_with(tmp_path: Path) -> None:
    """A swap keeps the chunks of the bundle it replaces (a browser that read the old entry
    file asks for them next) and removes those of the one before; the entry file names the
    newest bundle. Deleting the old bundle first once failed a search in `make serve` with
    "Pagefind: WASM Error"."""
    from dossier.search_index import BUNDLE_FILES, swap_bundle

    bundle = _bundle(tmp_path / "site" / "pagefind", 1)  # as `make build` leaves it
    for generation in (2, 3):
        swap_bundle(_bundle(tmp_path / f"new{generation}", generation), bundle)
        entry = (bundle / "pagefind-entry.json").read_text("utf-8")
        assert entry == f'{{"meta": "m{generation}"}}'
        files = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
        for kept in (generation, generation - 1):
            assert {f"pagefind.m{kept}.pf_meta", f"index/i{kept}.pf_index",
                    f"fragment/f{kept}.pf_fragment"} <= files, (generation, files)  # fmt: skip
        gone = {f"pagefind.m{generation - 2}.pf_meta", f"index/i{generation - 2}.pf_index"}
        assert not gone & files, (generation, files)
        assert "fragment/shared.pf_fragment" in files
        assert not [name for name in files if name.endswith(".tmp")]
        listed = (bundle / BUNDLE_FILES).read_text("utf-8").split()
        assert f"index/i{generation}.pf_index" in listed
        assert f"index/i{generation - 1}.pf_index" not in listed


def test_a_bundle_made_on_another_disk_is_copied_in(tmp_path: Path, monkeypatch) -> None:
    """Renaming across disks fails (EXDEV): each file is then copied beside its place and
    renamed there, so it still appears whole."""
    import errno
    import os

    from dossier import search_index

    bundle = _bundle(tmp_path / "site" / "pagefind", 1)
    fresh = _bundle(tmp_path / "other-disk", 2)
    real = os.replace

    def replace(src: object, dst: object) -> None:
        if str(src).startswith(str(fresh)):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(search_index.os, "replace", replace)
    search_index.swap_bundle(fresh, bundle)
    assert (bundle / "pagefind-entry.json").read_text("utf-8") == '{"meta": "m2"}'
    assert (bundle / "index" / "i2.pf_index").read_text("utf-8") == "index"
    assert not list(bundle.rglob("*.tmp"))


def test_a_run_stopped_while_writing_its_records_never_starts_pagefind(tmp_path: Path) -> None:
    """In `make serve` the records are written in a thread of the serving process: a newer
    build stops it there, rather than share the processor with it until Pagefind starts."""
    from dossier.search_index import SearchIndexError, index_sections

    site = tmp_path / "site"
    (site / "pagefind").mkdir(parents=True)
    (site / "pagefind" / "old.txt").write_text("the last bundle", "utf-8")
    docs = [{"location": f"p{i}/", "title": f"P{i}", "text": "words"} for i in range(300)]
    started: list[object] = []
    checks: list[int] = []

    def stopped() -> bool:
        checks.append(1)
        return len(checks) > 1  # a newer build arrives once the first records are written

    with pytest.raises(SearchIndexError, match="stopped"):
        index_sections(site, {"config": {"lang": ["en"]}, "docs": docs}, started.append, stopped)
    assert not started
    assert (site / "pagefind" / "old.txt").is_file()
