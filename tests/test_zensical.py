"""Zensical parity: the generated site, built with Zensical instead of MkDocs, keeps every
published page and anchor.

Material for MkDocs reaches end of life in May 2027; Zensical, its successor, reads `mkdocs.yml`
but runs no MkDocs hook or third-party plugin. These tests build the same generated `docs/` with
both and compare them, so the move cannot silently break a cited address. Zensical lives in
`.venv-zensical/` (its own pinned Markdown stack), which `make test` creates.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlparse

import pytest

from conftest import REPO, Project

pytestmark = pytest.mark.zensical

ZENSICAL = REPO / ".venv-zensical" / "bin" / "zensical"
SITE_DIR = "site-zensical"
CONFIG = "zensical.yml"
# Elements with no end tag: they must not open a level when tracking what is inside <article>.
VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"})


@dataclass(frozen=True)
class Address:
    """A published address: an HTML file of the built site and, optionally, an anchor on it."""

    page: str
    anchor: str | None
    source: str  # the export record it comes from, for failure messages

    def __str__(self) -> str:
        return f"{self.page}#{self.anchor} ({self.source})" if self.anchor else self.page


class _Page(HTMLParser):
    """The ids, links and visible article text of one built page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.text: list[str] = []
        self._depth = 0  # nesting level inside <article>; 0 outside it

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if self._depth and tag not in VOID:
            self._depth += 1
        elif tag == "article":
            self._depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self._depth and tag not in VOID:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.text.append(data)

    @property
    def article_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def html_file(url: str) -> str:
    """The HTML file that serves a site-relative directory URL such as `reports/x/`."""
    path = url.split("#", 1)[0]
    return f"{path}index.html" if path.endswith("/") or not path else path


def _export(site: Path, name: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads((site / "data" / name).read_text(encoding="utf-8"))
    assert records, f"data/{name} is empty: nothing to compare"
    return records


def published_addresses(site: Path) -> list[Address]:
    """Every address the exports publish: report and actor pages, each statement on the
    statements page, each event on the timeline, and each paragraph a statement or an event
    cites on its report page."""
    reports = _export(site, "reports.json")
    statements = _export(site, "statements.json")
    events = _export(site, "events.json")
    actors = _export(site, "actors.json")
    found = [Address(html_file(r["url"]), None, f"report {r['id']}") for r in reports]
    found += [Address(html_file(a["url"]), None, f"actor {a['id']}") for a in actors]
    for record, kind in [(s, "statement") for s in statements] + [(e, "event") for e in events]:
        page, _, anchor = record["url"].partition("#")
        found.append(Address(html_file(page), anchor, f"{kind} {record['id']}"))
    report_page = {r["id"]: html_file(r["url"]) for r in reports}
    cited = [(s["report"], s["paragraph"], f"statement {s['id']}") for s in statements]
    for event in events:
        cited += [(r["report"], r["paragraph"], f"event {event['id']}") for r in event["reports"]]
    found += [Address(report_page[report], para, source) for report, para, source in cited]
    return found


def unresolved(site: Path, addresses: list[Address]) -> list[str]:
    pages: dict[str, set[str]] = {}
    missing = []
    for address in addresses:
        if address.page not in pages:
            path = site / address.page
            pages[address.page] = parse(path).ids if path.is_file() else set()
        if not (site / address.page).is_file() or (
            address.anchor is not None and address.anchor not in pages[address.page]
        ):
            missing.append(str(address))
    return missing


def zensical_build(root: Path) -> subprocess.CompletedProcess[str]:
    """Build the project with Zensical into `site-zensical/`, beside MkDocs' `site/`.

    Zensical has no `--site-dir` option, so a copy of `mkdocs.yml` names the folder;
    everything else it reads as it is, hooks and all (it ignores them)."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / CONFIG).write_text(f"{config}\nsite_dir: {SITE_DIR}\n", encoding="utf-8")
    return subprocess.run(
        [str(ZENSICAL), "build", "--strict", "--config-file", CONFIG],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def zensical_site(real_project: Project) -> Path:
    """The real dossier, as built with MkDocs by `real_project`, built again with Zensical."""
    if not ZENSICAL.is_file():
        pytest.fail(
            f"{ZENSICAL.relative_to(REPO)} is missing: `make test` creates .venv-zensical/ "
            "from requirements-zensical.lock",
            pytrace=False,
        )
    built = zensical_build(real_project.root)
    assert built.returncode == 0, f"zensical build --strict failed:\n{built.stdout}{built.stderr}"
    return real_project.root / SITE_DIR


def test_the_exports_publish_addresses_that_the_mkdocs_build_has(real_project: Project) -> None:
    # Guards the comparison below: the addresses are read from the exports, not made up.
    addresses = published_addresses(real_project.site)
    kinds = {address.source.split()[0] for address in addresses}
    assert kinds == {"report", "actor", "statement", "event"}
    assert sum(address.anchor is not None for address in addresses) > 100
    assert unresolved(real_project.site, addresses) == []


def test_every_published_page_and_anchor_exists_in_the_zensical_build(
    real_project: Project, zensical_site: Path
) -> None:
    missing = unresolved(zensical_site, published_addresses(real_project.site))
    assert missing == [], "missing from the Zensical build:\n" + "\n".join(missing)


def _mkdocs_pages(site: Path) -> list[str]:
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    assert len(pages) > 50, "the MkDocs build has too few pages to compare"
    return pages


def test_every_mkdocs_page_has_the_same_anchors_and_text_in_zensical(
    real_project: Project, zensical_site: Path
) -> None:
    """Every page MkDocs builds, Zensical builds too, with every anchor MkDocs gives it
    (paragraphs, statements, events, month and section headings) and the same visible text,
    so no Markdown is left unprocessed and no snippet is left out. Ids starting with `__`
    belong to the theme's own controls (table of contents toggle, skip link) and differ."""
    problems = []
    for rel in _mkdocs_pages(real_project.site):
        if not (zensical_site / rel).is_file():
            problems.append(f"{rel}: page missing")
            continue
        mkdocs, zensical = parse(real_project.site / rel), parse(zensical_site / rel)
        lost = sorted(i for i in mkdocs.ids - zensical.ids if not i.startswith("__"))
        if lost:
            problems.append(f"{rel}: anchors missing: {', '.join(lost)}")
        if mkdocs.article_text != zensical.article_text:
            problems.append(f"{rel}: article text differs")
    assert problems == [], "\n".join(problems)


def _same_file(a: Path, b: Path) -> bool:
    return b.is_file() and a.read_bytes() == b.read_bytes()


def test_every_data_download_is_published_unchanged_by_zensical(
    real_project: Project, zensical_site: Path
) -> None:
    site = real_project.site
    # data/index.html is the Data page itself, compared with the other pages above.
    files = (site / "data").rglob("*")
    downloads = sorted(p.relative_to(site) for p in files if p.is_file() and p.suffix != ".html")
    assert {p.suffix for p in downloads} >= {".json", ".csv", ".txt"}
    differing = [str(rel) for rel in downloads if not _same_file(site / rel, zensical_site / rel)]
    assert differing == [], "missing or changed in the Zensical build: " + ", ".join(differing)


def _broken_links(site: Path, rel: str, links: list[str], ids: dict[str, set[str]]) -> list[str]:
    """The links of page `rel` whose file or anchor is missing; `ids` caches parsed pages."""
    broken = []
    for href in links:
        url = urlparse(urljoin(f"http://site/{rel}", href))
        if url.netloc != "site":
            continue
        target = unquote(url.path.lstrip("/"))
        if target == "" or target.endswith("/"):
            target += "index.html"
        if not (site / target).is_file():
            broken.append(f"{rel}: {href} (no {target})")
            continue
        if url.fragment and target.endswith(".html"):
            if target not in ids:
                ids[target] = parse(site / target).ids
            if url.fragment not in ids[target]:
                broken.append(f"{rel}: {href} (no #{url.fragment})")
    return broken


def test_every_internal_link_and_anchor_resolves_in_the_zensical_build(zensical_site: Path) -> None:
    ids: dict[str, set[str]] = {}
    broken = []
    for path in sorted(zensical_site.rglob("*.html")):
        rel = path.relative_to(zensical_site).as_posix()
        broken += _broken_links(zensical_site, rel, parse(path).links, ids)
    assert broken == [], "\n".join(broken)


def test_the_zensical_build_is_indexed_for_search_like_the_mkdocs_build(
    zensical_site: Path,
) -> None:
    """dossier.search_index reads Zensical's index (search.json: the same sections as
    Material's) and makes the same Pagefind bundle from it; Zensical's own file stays, for
    Zensical's own search, whose worker speaks another protocol than Material's."""
    from dossier.search_index import index_site

    index = zensical_site / "search.json"
    before = index.read_bytes()
    sections = json.loads(before)["items"]
    done = index_site(zensical_site)
    assert done.sections == len(sections) > 100
    entry = json.loads((zensical_site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert entry["languages"]["en"]["page_count"] == done.records
    assert index.read_bytes() == before
