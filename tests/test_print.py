"""Printing (docs/assets/print.css and print.js): a report, the timeline and the statements
page printed to PDF by Chromium, in the light and the dark scheme, read back with pypdfium2.

Each printout starts with the page's published address; shows no navigation chrome; cuts no
text short (no "…" that the page's own text lacks, every chip whole, every collapsed part
open); prints the address of each link to another site after its text and none for the site's
own links; and prints dark on white. Page 1 of each PDF is rendered to a PNG in
tests/artifacts/ for a human to look at.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest

import test_browser
from conftest import Project, served
from dossier import urls
from test_browser import ARTIFACTS, Site, goto

pytestmark = pytest.mark.browser

site = test_browser.site
browser = test_browser.browser
new_page = test_browser.new_page
report_id = test_browser.report_id

# What the page shows that must not reach paper: the tab labels in their order, the footer's
# credit, the theme's skip link and back-to-top button.
CHROME_TEXT = ("Skip to content", "Back to top", "Made with", "Material for MkDocs")

# A link to another site whose text is not its address, as a report's notes could hold one
# (the corpus's outside links show their address as their text): added to the report page.
OUTSIDE_LINK = "https://example.org/archive/2024/06/a-rather-long-address-that-wraps?id=12345"
ADD_OUTSIDE_LINK_JS = """href => {
  const p = document.createElement('p');
  p.append('See ', Object.assign(document.createElement('a'), {href, textContent: 'a report'}));
  document.querySelector('article').append(p);
}"""

# Facts about a page read in the browser with print styles on, before printing it.
FACTS_JS = """() => {
  const content = document.querySelector('.md-content');
  const own = new URL(JSON.parse(document.getElementById('__config').textContent).base,
                      location.href).href;
  return {
    canonical: document.querySelector('link[rel="canonical"]').href,
    tabs: [...document.querySelectorAll('.md-tabs__link')].map(a => a.textContent.trim()),
    text: content.innerText,
    chips: [...content.querySelectorAll('.dossier-chip, [class*="chip"], [class*="badge"]')]
      .map(e => e.innerText).filter(t => t.trim()),
    details: [...content.querySelectorAll('details')].map(d =>
      [...d.children].filter(c => c.tagName !== 'SUMMARY' && c.getClientRects().length)
        .map(c => c.innerText).join('\\n')),
    outside: [...content.querySelectorAll('a[href]')]
      .filter(a => /^https?:/.test(a.href) && !a.href.startsWith(own))
      .map(a => ({href: a.getAttribute('href'), text: a.textContent.trim()})),
    headings: [...content.querySelectorAll('h4[id]')].map(h => h.id),
  };
}"""

# Every piece of text in the content, with its colour blended onto white paper, and the
# contrast it has there (WCAG's formula). SVG text is drawn with `fill`.
CONTRAST_JS = """() => {
  const channel = c => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const onWhite = css => {
    const m = css.match(/[\\d.]+/g).map(Number);
    const a = m.length > 3 ? m[3] : 1;
    return m.slice(0, 3).map(v => v * a + 255 * (1 - a));
  };
  const lum = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const low = [];
  const content = document.querySelector('.md-content');
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    const inSvg = el instanceof SVGElement;
    const css = inSvg ? style.fill : style.color;
    if (!/^rgba?\\(/.test(css)) continue;
    const ratio = 1.05 / (lum(onWhite(css)) + 0.05);
    const where = `${el.tagName.toLowerCase()}.${el.getAttribute('class') || ''}`;
    const what = node.textContent.trim().slice(0, 40);
    if (ratio < 4.5) low.push(`${where}: ${css} (${ratio.toFixed(2)}) "${what}"`);
  }
  return low;
}"""


@dataclass(frozen=True)
class Printout:
    name: str
    pdf: Path
    pages: list[str]  # the text of each page
    top: str  # the text at the top of page 1
    facts: dict

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


def squash(text: str) -> str:
    """Text without white space, as compared here: a PDF breaks lines anywhere (a long address
    wraps mid-word). pdfium reports a hyphen where a line broke after it as U+FFFE."""
    return re.sub(r"\s+", "", text.replace("\ufffe", "-"))


def write_png(bitmap, path: Path) -> None:
    """A pypdfium2 bitmap (RGB or RGBA bytes) as a PNG file, with the standard library only."""
    width, height, stride, n = bitmap.width, bitmap.height, bitmap.stride, bitmap.n_channels
    raw = bytes(bitmap.buffer)
    rows = b"".join(b"\x00" + raw[y * stride : y * stride + width * n] for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, {3: 2, 4: 6}[n], 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b""))  # fmt: skip


def read_pdf(path: Path, png: Path) -> tuple[list[str], str]:
    """The text of each page, and the text at the top of page 1 (the topmost line of text and
    whatever lies within 25 pt below it: two lines of small print); page 1 as a PNG."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
        first = document[0]
        text = first.get_textpage()
        boxes = [text.get_charbox(i) for i in range(text.count_chars())]
        highest = max(top for _, bottom, _, top in boxes if top > bottom)
        width, height = first.get_size()
        band = text.get_text_bounded(0, highest - 25, width, height)
        write_png(first.render(scale=1.5, rev_byteorder=True), png)
        return pages, band
    finally:
        document.close()


def print_page(page, name: str) -> Printout:
    """The page as Chromium prints it (A4, backgrounds as a printer would leave them)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.emulate_media(media="print")  # as page.pdf() will print it
    facts = page.evaluate(FACTS_JS)
    pdf = ARTIFACTS / f"print-{name}.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages, top = read_pdf(pdf, ARTIFACTS / f"print-{name}-1.png")
    return Printout(name, pdf, pages, top, facts)


@pytest.fixture(scope="module")
def printouts(browser, site: Site, report_id: str) -> dict[str, Printout]:
    """Each page printed in each scheme, from a fresh context (no stored scheme)."""
    pages = {
        "report": f"reports/{report_id}/",
        "timeline": "timeline/",
        "statements": "statements/",
        "sources": "references/",  # the page with the most links to other sites
    }
    out = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        try:
            page = context.new_page()
            for name, path in pages.items():
                goto(page, site, path)
                if name == "report":
                    page.evaluate(ADD_OUTSIDE_LINK_JS, OUTSIDE_LINK)
                expected = "slate" if scheme == "dark" else "default"
                assert page.evaluate("document.body.dataset.mdColorScheme") == expected
                out[f"{name}-{scheme}"] = print_page(page, f"{name}-{scheme}")
        finally:
            context.close()
    return out


PRINTED = [f"{name}-{scheme}" for name in ("report", "timeline", "statements", "sources")
           for scheme in ("light", "dark")]  # fmt: skip


@pytest.mark.parametrize("key", PRINTED)
def test_the_address_of_the_page_is_at_the_top_of_page_one(printouts, key: str):
    printout = printouts[key]
    canonical = printout.facts["canonical"]
    assert canonical.startswith("http") and canonical.endswith("/")
    assert squash(canonical) in squash(printout.top), printout.top
    assert re.search(r"\(printed\d{1,2}[A-Z][a-z]+\d{4}\)", squash(printout.top)), printout.top
    # ... and it is the first text of the printout.
    assert squash(printout.pages[0]).startswith(squash(printout.top))


@pytest.mark.parametrize("key", PRINTED)
def test_no_navigation_chrome_is_printed(printouts, key: str):
    printout = printouts[key]
    text = squash(printout.text)
    tabs = printout.facts["tabs"]
    assert len(tabs) >= 6
    assert squash("".join(tabs)) not in text
    assert squash(" ".join(tabs[:3])) not in text
    for chrome in CHROME_TEXT:
        assert squash(chrome) not in text, chrome


@pytest.mark.parametrize("key", PRINTED)
def test_nothing_is_cut_short(printouts, key: str):
    printout = printouts[key]
    text = squash(printout.text)
    # Every "…" printed is one of the page's own (the theme's ellipsis leaves no character in
    # the page's text, but prints one).
    assert printout.text.count("…") <= printout.facts["text"].count("…")
    # Every chip and badge whole, and every collapsed part printed open.
    for chip in printout.facts["chips"]:
        assert squash(chip) in text, chip
    for body in printout.facts["details"]:
        for line in body.splitlines():
            assert squash(line) in text, line


def test_the_pages_have_chips_and_details_to_check(printouts):
    assert len(printouts["report-light"].facts["chips"]) >= 10
    assert any(printouts[f"{name}-light"].facts["details"] for name in ("report", "timeline"))


@pytest.mark.parametrize("key", PRINTED)
def test_links_to_other_sites_print_their_address_and_own_links_do_not(printouts, key: str):
    printout = printouts[key]
    text = squash(printout.text)
    for link in printout.facts["outside"]:
        href = link["href"]
        plain = re.sub(r"^https?://", "", href).rstrip("/")
        if squash(link["text"]).rstrip("/") in (squash(href).rstrip("/"), squash(plain)):
            # The text is the address: printed once, not again in brackets.
            assert squash(plain) in text and squash(f"<{href}>") not in text, link
        else:
            assert squash(f"{link['text']}<{href}>") in text, link
    # The site's own links print as their text: no relative path, no address of the server.
    assert "<../" not in text and "<./" not in text and "<#" not in text
    assert not re.search(r"<http://127\.0\.0\.1:\d+/", printout.text)


def test_the_printouts_have_links_of_both_kinds(printouts):
    for scheme in ("light", "dark"):
        outside = printouts[f"sources-{scheme}"].facts["outside"]
        outside += printouts[f"report-{scheme}"].facts["outside"]
        assert len(outside) >= 5
        assert OUTSIDE_LINK in [link["href"] for link in outside]
        assert any(link["text"] == link["href"] for link in outside)


@pytest.mark.parametrize("key", ["statements-light", "timeline-dark"])
def test_each_statement_and_event_prints_its_own_address(printouts, key: str):
    printout = printouts[key]
    text = squash(printout.text)
    ids = printout.facts["headings"]
    assert len(ids) >= 15
    for anchor in ids:
        assert squash(f"{printout.facts['canonical']}#{anchor}") in text, anchor


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_prints_dark_on_white(new_page, site: Site, report_id: str, scheme: str):
    page = new_page(color_scheme=scheme)
    low = []
    for path in (f"reports/{report_id}/", "timeline/", "statements/"):
        goto(page, site, path)
        # As the browser prints: print styles on, then the beforeprint event.
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        low += [f"{path} {item}" for item in page.evaluate(CONTRAST_JS)]
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
        # ... and after printing the page shows the scheme it showed before.
        shown = page.evaluate("document.body.dataset.mdColorScheme")
        assert shown == ("slate" if scheme == "dark" else "default")
    assert low == [], "text below 4.5:1 on white paper:\n" + "\n".join(low[:30])


def test_a_finder_view_prints_its_filters_and_a_search_highlight_is_left_out(
    new_page, site: Site, report_id: str
):
    page = new_page()
    goto(page, site, "statements/finder/" + urls.finder_query(topic="sanctions"))
    page.wait_for_selector("#finder.dossier-finder-ready")
    page.select_option("#finder-kind", "paraphrase")  # the address follows the filters
    query = urlparse(page.url).query
    assert "kind=paraphrase" in query
    printout = print_page(page, "finder-filtered")
    canonical = printout.facts["canonical"]
    assert squash(f"{canonical}?{query}(printed") in squash(printout.top)
    # A page opened from a search result (?h=...) prints its address without the highlight.
    goto(page, site, f"reports/{report_id}/?h=missile")
    printout = print_page(page, "report-highlight")
    assert squash(f"{printout.facts['canonical']}(printed") in squash(printout.top)


# --------------------------------------------------------------------------- instant navigation


@pytest.fixture(scope="module")
def instant_url(real_project: Project) -> Iterator[str]:
    """The real site built for the address it is served at: the theme's instant navigation is
    on only there, and it makes every link of the site absolute."""
    out = real_project.root / "site-print-instant"
    with served(out) as url:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
        built = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
            cwd=real_project.root, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert built.returncode == 0, built.stderr
        yield url


def test_after_an_instant_navigation_the_new_page_prints_right(new_page, instant_url: str):
    page = new_page()
    page.goto(instant_url + "statements/")
    page.wait_for_function("typeof window.document$ !== 'undefined'")
    page.evaluate("window.stillTheSamePage = true")
    page.locator(".md-tabs a[href$='timeline/']").click()
    page.wait_for_url(re.compile(r"timeline/$"))
    page.wait_for_selector("h1#timeline")
    assert page.evaluate("window.stillTheSamePage === true"), "a full page load, not instant"
    assert page.evaluate("document.querySelector('.md-content a[href^=\"../\"]')") is None
    printout = print_page(page, "timeline-instant")
    assert squash(instant_url + "timeline/") in squash(printout.top)
    assert instant_url + "statements/" not in printout.pages[0]
    # The site's links are absolute now, and still print as their text alone.
    assert f"<{instant_url}" not in printout.text
    assert squash(f"{instant_url}timeline/#{printout.facts['headings'][0]}") in squash(
        printout.text
    )
