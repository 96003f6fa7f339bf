"""Each report's original as a page (reports/<id>/original/): UTF-8, every line as received and
numbered as the removal records count them, an anchor per line, removed lines marked, a link to
the raw file, and nothing in it ever markup."""

from __future__ import annotations

import functools
import html.parser
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import HOSTILE_CORPUS, INCLUDES_MARKER, REPO, ROOT_MARKER, Project
from dossier import urls
from dossier.escape import one_line
from dossier.model import Corpus, Report
from dossier.render.originals import original_lines, set_aside
from dossier.validate import load_corpus
from test_browser import PHONE, axe_summary, browser  # noqa: F401  (the shared Chromium)


@functools.cache
def corpus(folder: Path) -> Corpus:
    loaded, _ = load_corpus(folder)
    return loaded


@dataclass
class Row:
    id: str
    css: str
    number: str = ""
    href: str = ""
    text: str = ""
    struck: str = ""
    why: str = ""


@dataclass
class OriginalPage(html.parser.HTMLParser):
    """The rows of an original's table, each cell's text as the reader sees it, and every
    element's id and class (a payload that became markup would add some)."""

    rows: list[Row] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    charset: str = ""
    links: list[str] = field(default_factory=list)
    _stack: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.ids += [a["id"] or ""] if "id" in a else []
        self.classes += (a.get("class") or "").split()
        if tag == "meta" and a.get("charset"):
            self.charset = a["charset"] or ""
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
        if tag == "tr" and re.fullmatch(r"L\d+", a.get("id") or ""):
            self.rows.append(Row(a["id"] or "", a.get("class") or ""))
        if self.rows and tag == "a" and "th" in self._stack:
            self.rows[-1].href = a.get("href") or ""
        if tag not in ("br", "meta", "link", "img", "input", "hr"):
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._stack:
            while self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not self.rows or "tr" not in self._stack:
            return
        row = self.rows[-1]
        if "th" in self._stack:
            row.number += data
        elif "small" in self._stack:
            row.why += data
        elif "del" in self._stack:
            row.struck += data
        elif "td" in self._stack:
            row.text += data


def page_of(project: Project, report_id: str) -> OriginalPage:
    path = project.site / urls.url_original(report_id) / "index.html"
    parser = OriginalPage()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_lines_are_read_as_the_losslessness_check_reads_them():
    assert original_lines(b"\xef\xbb\xbfa\r\nb\rc\n") == ["a", "b", "c"]
    assert original_lines(b"a\n\nb") == ["a", "", "b"]
    assert original_lines("“human toll”\n".encode()) == ["“human toll”"]


def test_paths_come_from_urls():
    assert urls.doc_original("x") == "reports/x/original.md"
    assert urls.url_original("x") == "reports/x/original/"
    assert urls.url_original("x", 12) == "reports/x/original/#L12"
    assert urls.original_link(urls.doc_report("x"), "x", 3) == "x/original.md#L3"
    assert urls.address_kind(urls.url_original("x")) is None  # not a ledger address


def check_page(project: Project, report: Report) -> OriginalPage:
    page = page_of(project, report.id)
    lines = original_lines((project.root / "sources" / report.source_file).read_bytes())
    aside = set_aside(report)
    assert page.charset.lower() == "utf-8"
    assert [r.id for r in page.rows] == [
        urls.original_line_anchor(n) for n in range(1, len(lines) + 1)
    ]
    for number, (row, line) in enumerate(zip(page.rows, lines, strict=True), 1):
        assert row.number == str(number) and row.href == f"#L{number}"
        is_removed, why = aside.get(number, (False, ""))
        shown = row.struck if is_removed else row.text
        assert shown == one_line(line), f"{report.id} line {number}"
        assert row.why == why
        expected = {True: "dossier-original-removed", False: "dossier-original-meta"}
        assert (row.css == expected[is_removed]) == (number in aside)
    for entry in (*report.removed, *report.metadata_lines):  # each record finds its line
        row = page.rows[entry.line - 1]
        assert (row.struck or row.text).strip() == entry.text.strip()
    raw = urls.doc_data(f"sources/{report.source_file}")
    assert any(
        posixpath.normpath(posixpath.join(urls.url_original(report.id), href)) == raw
        for href in page.links
    ), "no link to the raw file"
    assert (project.site / raw).read_bytes() == (
        project.root / "sources" / report.source_file
    ).read_bytes()
    return page


def test_every_real_original_is_a_page_line_for_line(real_project: Project):
    reports = corpus(REPO).reports
    assert any(r.removed for r in reports) and any(r.metadata_lines for r in reports)
    for report in reports:
        check_page(real_project, report)


def test_the_report_page_links_to_its_original_page(real_project: Project):
    for report in corpus(REPO).reports:
        page = (real_project.site / urls.url_report(report.id) / "index.html").read_text("utf-8")
        panel = page.split('class="dossier-meta"', 1)[1].split("</div>", 1)[0]
        assert 'href="original/"' in panel, report.id


def test_originals_are_not_in_search_or_in_the_navigation(real_project: Project):
    from dossier.search_index import indexed_pages

    pages = indexed_pages(real_project.site)  # what the site's search (Pagefind) holds
    assert any(page.startswith("reports/") for page in pages)
    assert not [page for page in pages if "/original/" in page]
    home = (real_project.site / "index.html").read_text("utf-8")
    assert "/original/" not in home


def test_hostile_originals_stay_text(hostile_project: Project):
    for report in corpus(HOSTILE_CORPUS).reports:
        page = check_page(hostile_project, report)
        assert not [i for i in page.ids if "PWNED" in i]
        assert not [c for c in page.classes if "PWNED" in c]
        text = (hostile_project.site / urls.url_original(report.id) / "index.html").read_text(
            "utf-8"
        )
        assert ROOT_MARKER not in text and INCLUDES_MARKER not in text
    lines = [row.text + row.struck for r in corpus(HOSTILE_CORPUS).reports
             for row in page_of(hostile_project, r.id).rows]  # fmt: skip
    assert any("<script>" in line for line in lines)  # the payloads are there, as text
    assert any("--8<--" in line for line in lines)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_line_link_lands_on_its_line_and_axe_passes(
    browser,  # noqa: F811  (the shared fixture)
    real_project: Project,
    real_site_url: str,
    scheme: str,
):
    from axe_playwright_python.sync_playwright import Axe

    report = next(r for r in corpus(REPO).reports if r.removed)
    line = report.removed[-1].line
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(real_site_url + urls.url_original(report.id, line), wait_until="load")
        page.wait_for_function("typeof window.document$ !== 'undefined'")
        row = page.locator(f"tr#L{line}")
        assert row.evaluate("r => r.matches(':target')")
        box = row.bounding_box()
        assert box is not None and 48 <= box["y"] < 900, box  # below the header, on screen
        assert "line-through" in row.locator("del").evaluate(
            "e => getComputedStyle(e).textDecorationLine"
        )
        number = row.locator("th a").bounding_box()
        assert number is not None and number["width"] >= 24 and number["height"] >= 24
        assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth + 1")
        result = Axe().run(page)
        assert not result.violations_count, axe_summary(result.response["violations"])
    finally:
        context.close()
