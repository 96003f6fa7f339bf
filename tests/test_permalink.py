"""Copy-link, cite and a statement's words on its paragraph, in real Chromium (docs/assets/
permalink.js), on the real dossier at 1280 px and on a 390 px touch screen.

- Each kind of target (a paragraph, a statement, an event) puts its absolute permalink on the
  clipboard, as the published site's address (site_url), never the address bar's: not `?h=`
  after a search, not the local server's port, not file://; and a live region says so.
- Every ¶ mark and button is at least 24 × 24 px and shown without hover; the buttons are
  reached by keyboard with a visible focus ring and named for what they copy.
- The Cite panels give exactly the citations of dossier.render.cite (the reference), with
  today's date; the report's How to cite block too.
- A statement card's ¶ link opens its paragraph with the statement's words marked.
- Without JavaScript the ¶ marks are plain links; axe finds nothing in light and dark.

Screenshots go to tests/artifacts/ (permalink-*.png).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from urllib.parse import urljoin

import pytest

import test_browser
from dossier import urls
from dossier.render import cite
from dossier.render.index import Index
from dossier.siteconfig import site_url
from dossier.text import normalise
from dossier.validate import load_corpus
from test_browser import (
    ARTIFACTS,
    DESKTOP,
    PHONE,
    TIMEOUT_MS,
    Site,
    axe_summary,
)

pytestmark = pytest.mark.browser

browser = test_browser.browser
site = test_browser.site

SCREENS = {
    "1280": {"viewport": DESKTOP},
    "390": {"viewport": PHONE, "is_mobile": True, "has_touch": True},
}
R2024_06 = "2024-06-us-concern-after-kim-putin-summit"
MIN_TARGET = 24 - 0.01  # px; layout boxes may round a hair under


@pytest.fixture(scope="module")
def ix(site: Site) -> Index:
    corpus, problems = load_corpus(site.project.root)
    assert not problems.errors
    return Index(corpus, site_url(site.project.root))


@pytest.fixture(scope="module")
def published(site: Site) -> str:
    """The address the site is published at: what every copied link must start with."""
    return site_url(site.project.root)


class Tab:
    """A page in a fresh browser context that may read and write the clipboard."""

    def __init__(self, browser, screen: str, **options: object):
        self.screen = screen
        self.context = browser.new_context(**SCREENS[screen], reduced_motion="reduce", **options)
        self.context.grant_permissions(["clipboard-read", "clipboard-write"])
        self.context.set_default_timeout(TIMEOUT_MS)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", self._error)

    def _error(self, error) -> None:
        # This module answers for permalink.js: errors of other scripts are their tests'.
        trace = f"{error}\n{getattr(error, 'stack', '') or ''}"
        if "permalink.js" in trace:
            self.errors.append(trace)

    def open(self, url: str) -> None:
        response = self.page.goto(url, wait_until="load")
        assert response is None or response.ok, url
        # permalink.js has run once its live region is there.
        self.page.wait_for_selector("#dossier-live", state="attached")

    def press(self, locator) -> None:
        """A tap on a touch screen, a click otherwise."""
        if self.screen == "390":
            locator.tap()
        else:
            locator.click()

    def clipboard(self) -> str:
        return self.page.evaluate("navigator.clipboard.readText()")

    def clear_clipboard(self) -> None:
        self.page.evaluate("navigator.clipboard.writeText('')")

    def said(self) -> str:
        """What the live region says, once it says something."""
        self.page.wait_for_function("document.getElementById('dossier-live').textContent !== ''")
        return self.page.evaluate("document.getElementById('dossier-live').textContent")

    def today(self) -> str:
        return self.page.evaluate(
            "(() => { const d = new Date(); const p = n => String(n).padStart(2, '0');"
            " return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`; })()"
        )


@pytest.fixture(params=sorted(SCREENS))
def tab(request, browser) -> Iterator[Tab]:
    t = Tab(browser, request.param)
    yield t
    t.context.close()
    assert not t.errors, t.errors


def _first(site: Site, name: str) -> dict:
    records = site.json(name)
    assert records, f"{name} is empty"
    return records[0]


# --------------------------------------------------------------------------- copy link


@pytest.mark.parametrize("kind", ["paragraph", "statement", "event"])
def test_copy_link_puts_the_absolute_permalink_on_the_clipboard(
    tab: Tab, site: Site, published: str, kind: str
):
    if kind == "paragraph":
        page, anchor, name = f"reports/{R2024_06}/", "p3", "Copy link to paragraph 3"
        button = tab.page.locator("h2.dossier-para#p3 .dossier-copy-link")
    elif kind == "statement":
        record = _first(site, "statements.json")
        page, anchor = urls.address_page(record["url"]), record["id"]
        name = "Copy link to statement: "
        button = tab.page.locator(f'h4[id="{anchor}"] .dossier-copy-link')
    else:
        record = _first(site, "events.json")
        page, anchor = urls.address_page(record["url"]), record["id"]
        name = "Copy link to event: "
        button = tab.page.locator(f'h4[id="{anchor}"] .dossier-copy-link')
    # Opened as a search result opens it, with ?h= in the address bar.
    tab.open(site.page(f"{page}?h=concern#{anchor}"))
    assert "?h=concern" in tab.page.url
    tab.clear_clipboard()
    assert button.get_attribute("aria-label").startswith(name)
    tab.press(button)
    assert tab.said() == "Link copied"
    copied = tab.clipboard()
    assert copied == urljoin(published, f"{page}#{anchor}")
    assert "?h=" not in copied and not copied.startswith(site.url)
    assert button.get_attribute("data-copied") is not None  # the button shows a tick


def test_copy_link_from_a_file_uses_the_published_address(browser, site: Site, published: str):
    t = Tab(browser, "1280")
    try:
        path = site.project.site / "reports" / R2024_06 / "index.html"
        t.page.goto(path.as_uri() + "#p2")
        t.page.wait_for_selector("h2.dossier-para#p2 .dossier-copy-link")
        t.clear_clipboard()
        t.page.locator("h2.dossier-para#p2 .dossier-copy-link").click()
        assert t.said() == "Link copied"
        assert t.clipboard() == urljoin(published, f"reports/{R2024_06}/#p2")
        assert not t.errors, t.errors
    finally:
        t.context.close()


def test_every_target_has_its_buttons_big_enough_and_shown_without_hover(tab: Tab, site: Site):
    counts = {
        f"reports/{R2024_06}/": ("h2.dossier-para[id]", "h2.dossier-para > a"),
        "statements/": (".dossier-statement[data-report]", "h4 > .headerlink"),
        "timeline/": (None, "h4 > .headerlink"),
    }
    for page, (targets, marks) in counts.items():
        tab.open(site.page(page))
        boxes = tab.page.eval_on_selector_all(
            f"article :is(.dossier-tool, {marks})",
            """els => els.map(e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
                 return {w: r.width, h: r.height, opacity: s.opacity, shown: s.visibility,
                         what: e.getAttribute('aria-label') || e.textContent}; })""",
        )
        small = [b for b in boxes if b["w"] < MIN_TARGET or b["h"] < MIN_TARGET]
        hidden = [b for b in boxes if b["opacity"] != "1" or b["shown"] != "visible"]
        assert boxes and not small, f"{page}: targets under 24 × 24 px: {small[:5]}"
        assert not hidden, f"{page}: targets hidden until hover: {hidden[:5]}"
        copies = tab.page.locator("article .dossier-copy-link").count()
        expected = (
            tab.page.locator(f"article {targets}").count()
            if targets
            else len(site.json("events.json"))
        )
        assert copies == expected > 0, page


def test_buttons_are_reached_by_keyboard_with_a_visible_focus_ring(browser, site: Site):
    t = Tab(browser, "1280")
    try:
        t.open(site.page(f"reports/{R2024_06}/"))
        t.page.locator("h2.dossier-para#p1 > a").focus()
        t.page.keyboard.press("Tab")
        focused = t.page.evaluate(
            """() => { const e = document.activeElement, s = getComputedStyle(e);
                 return {label: e.getAttribute('aria-label'), style: s.outlineStyle,
                         width: parseFloat(s.outlineWidth)}; }"""
        )
        assert focused["label"] == "Copy link to paragraph 1"
        assert focused["style"] != "none" and focused["width"] >= 2, focused
        t.clear_clipboard()
        t.page.keyboard.press("Enter")
        assert t.said() == "Link copied"
        t.page.keyboard.press("Tab")
        assert t.page.evaluate("document.activeElement.getAttribute('aria-label')") == (
            "Cite paragraph 1"
        )
        t.page.keyboard.press("Enter")  # the panel opens and takes the focus
        panel = t.page.locator(".dossier-cite-panel")
        assert panel.get_attribute("aria-label") == "Citation of paragraph 1"
        assert t.page.evaluate("document.activeElement.textContent") == "Copy citation"
        t.page.keyboard.press("Escape")
        assert panel.is_hidden()
        assert t.page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
        assert not t.errors, t.errors
    finally:
        t.context.close()


# --------------------------------------------------------------------------- cite


def _panel(tab: Tab, button) -> tuple[str, str]:
    tab.press(button)
    panel = tab.page.locator(f"#{button.get_attribute('aria-controls')}")
    panel.wait_for(state="visible")
    text = panel.locator(".dossier-cite-text").text_content()
    bibtex = panel.locator(".dossier-bibtex").text_content()
    return text or "", bibtex or ""


def test_paragraph_citations_are_the_reference_ones(tab: Tab, site: Site, ix: Index):
    reports = ix.corpus.reports if tab.screen == "1280" else [ix.reports[R2024_06]]
    for report in reports:
        tab.open(site.page(urls.url_report(report.id)))
        src = cite.source(report, ix)
        for para in report.paragraphs:
            button = tab.page.locator(f'h2.dossier-para[id="{para.id}"] .dossier-cite-button')
            text, bibtex = _panel(tab, button)
            expected = cite.paragraph_citation(src, para.number, para.id, tab.today())
            assert (text, bibtex) == (expected.text, expected.bibtex), f"{report.id}#{para.id}"
    panel = tab.page.locator(".dossier-cite-panel").last
    tab.clear_clipboard()
    tab.press(panel.get_by_role("button", name=re.compile("^Copy the BibTeX")))
    assert tab.said() == "BibTeX copied"
    assert tab.clipboard() == expected.bibtex


def test_statement_citations_are_the_reference_ones(tab: Tab, site: Site, ix: Index):
    tab.open(site.page(urls.address_page(urls.url_statement("x"))))
    statements = ix.statements if tab.screen == "1280" else ix.statements[:6]
    for s in statements:
        button = tab.page.locator(f'h4[id="{s.id}"] .dossier-cite-button')
        text, bibtex = _panel(tab, button)
        said = cite.said(s, ix)
        expected = cite.statement_citation(said, cite.source(ix.reports[s.report], ix), tab.today())
        assert (text, bibtex) == (expected.text, expected.bibtex), s.id
        tab.press(button)  # closed again: the page stays short
    tab.clear_clipboard()
    last = tab.page.locator(f'h4[id="{statements[-1].id}"] .dossier-cite-button')
    _panel(tab, last)
    card = tab.page.locator(f'h4[id="{statements[-1].id}"] + .dossier-statement')
    tab.press(card.get_by_role("button", name=re.compile("^Copy the citation")))
    assert tab.said() == "Citation copied"
    assert tab.clipboard() == expected.text


def test_the_report_citation_carries_the_address_and_todays_date(tab: Tab, site: Site, ix: Index):
    report = ix.reports[R2024_06]
    tab.open(site.page(urls.url_report(report.id)))
    block = tab.page.locator("details.dossier-cite")
    tab.press(block.locator("summary"))
    today = tab.today()
    expected = cite.report_citation(cite.source(report, ix), today)
    assert block.locator(".dossier-cite-text").text_content() == expected.text
    assert block.locator(".dossier-bibtex").text_content() == expected.bibtex
    assert ix.absolute(urls.url_report(report.id)) in expected.text
    assert f"(accessed {today})" in expected.text and today == date.today().isoformat()
    assert block.locator(".dossier-cite-hint").is_hidden()
    tab.clear_clipboard()
    tab.press(block.get_by_role("button", name="Copy the citation of this report"))
    assert tab.said() == "Citation copied"
    assert tab.clipboard() == expected.text
    tab.page.screenshot(path=str(ARTIFACTS / f"permalink-report-cite-{tab.screen}.png"))


# --------------------------------------------------------------------------- in context


@pytest.mark.parametrize(
    "statement_id",
    [
        "2023-10-kim-containing-american-hegemony",  # two words inside a sentence
        "2024-01-09-joint-statement-technical-military-insights",  # two sentences of a quote
    ],
)
def test_a_statement_card_leads_to_its_words_marked_on_the_paragraph(
    tab: Tab, site: Site, ix: Index, published: str, statement_id: str
):
    s = ix.corpus.statements_by_id[statement_id]
    tab.open(site.page("statements/"))
    card = tab.page.locator(f'h4[id="{s.id}"] + .dossier-statement')
    words = card.locator("blockquote mark").text_content() or ""
    assert normalise(s.text) in normalise(words)
    sentence = card.locator("blockquote").text_content() or ""
    assert normalise(words) in normalise(sentence) and len(sentence) > len(words)
    link = card.locator("a.dossier-to-paragraph")
    assert (link.get_attribute("href") or "").endswith(f"/{s.report}/#{s.paragraph}")
    tab.press(link)
    tab.page.wait_for_url(re.compile(f"/reports/{s.report}/#{s.paragraph}$"))
    marks = tab.page.locator(f'h2.dossier-para[id="{s.paragraph}"] + p mark.dossier-said')
    marks.first.wait_for()
    marked = "".join(marks.all_text_contents())
    assert normalise(marked) == normalise(words)
    assert tab.page.locator("mark.dossier-said").count() == marks.count()
    tab.page.screenshot(path=str(ARTIFACTS / f"permalink-landed-{tab.screen}.png"))
    # The page reached by instant navigation copies its own address.
    tab.clear_clipboard()
    tab.press(tab.page.locator(f'h2.dossier-para[id="{s.paragraph}"] .dossier-copy-link'))
    assert tab.clipboard() == urljoin(published, urls.url_paragraph(s.report, s.paragraph))
    # Reached in any other way, the paragraph is not marked.
    tab.page.goto("about:blank")
    tab.open(site.page(urls.url_paragraph(s.report, s.paragraph)))
    assert tab.page.locator("mark.dossier-said").count() == 0


# --------------------------------------------------------------------------- without script


def test_without_javascript_the_marks_are_plain_links(browser, site: Site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.page(f"reports/{R2024_06}/"))
        assert page.locator(".dossier-tool").count() == 0
        assert page.locator('h2.dossier-para#p3 > a[href="#p3"]').count() == 1
        box = page.locator("h2.dossier-para#p3 > a").bounding_box()
        assert box and box["width"] >= MIN_TARGET and box["height"] >= MIN_TARGET
        page.locator("details.dossier-cite summary").click()
        assert page.locator(".dossier-cite-hint").is_visible()
        assert "accessed YYYY-MM-DD" in (page.locator(".dossier-cite-text").text_content() or "")
        page.goto(site.page("statements/"))
        link = page.locator("h4 > .headerlink").first
        assert link.evaluate("e => getComputedStyle(e).opacity") == "1"
    finally:
        context.close()


# --------------------------------------------------------------------------- accessibility


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_the_buttons_and_panels(browser, site: Site, scheme: str):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = []
    for screen in sorted(SCREENS):
        t = Tab(browser, screen, color_scheme=scheme)
        try:
            want = "slate" if scheme == "dark" else "default"
            pages = {
                "report": f"reports/{R2024_06}/",
                "statements": "statements/",
                "timeline": "timeline/",
                "home": "",
            }
            for name, path in pages.items():
                t.open(site.page(path))
                assert t.page.evaluate("document.body.dataset.mdColorScheme") == want
                if name == "report":
                    t.page.locator("details.dossier-cite summary").click()
                    t.page.locator("#p2 .dossier-cite-button").click()
                    t.page.locator("#p2 .dossier-copy-link").click()  # the live region speaks
                if name == "statements":
                    t.page.locator(".dossier-cite-button").first.click()
                # The overview chart (home, timeline) has its own axe checks.
                result = axe.run(t.page, context={"exclude": [["figure.dossier-chart"]]})
                if result.violations_count:
                    problems.append(
                        f"{name} ({screen} px, {scheme}):\n"
                        + axe_summary(result.response["violations"])
                    )
                if name in ("report", "statements"):
                    shot = ARTIFACTS / f"permalink-{name}-{scheme}-{screen}.png"
                    t.page.screenshot(path=str(shot))
            assert not t.errors, t.errors
        finally:
            t.context.close()
    assert not problems, "axe-core violations:\n" + "\n".join(problems)


def test_citations_of_hostile_text_are_the_reference_ones(
    browser, hostile_project, hostile_site_url: str
):
    """Braces, backslashes, percent signs, markup and right-to-left text in every field: the
    script escapes BibTeX as escape.bibtex_text does, and shows all of it as text."""
    corpus, problems = load_corpus(hostile_project.root)
    assert not problems.errors
    hix = Index(corpus, site_url(hostile_project.root))
    t = Tab(browser, "1280")
    try:
        for report in corpus.reports:
            t.open(urljoin(hostile_site_url, urls.url_report(report.id)))
            para = report.paragraphs[0]
            button = t.page.locator(f'h2.dossier-para[id="{para.id}"] .dossier-cite-button')
            got = _panel(t, button)
            want = cite.paragraph_citation(
                cite.source(report, hix), para.number, para.id, t.today()
            )
            assert got == (want.text, want.bibtex), report.id
        t.open(urljoin(hostile_site_url, "statements/"))
        for s in hix.statements:
            got = _panel(t, t.page.locator(f'h4[id="{s.id}"] .dossier-cite-button'))
            src = cite.source(hix.reports[s.report], hix)
            want = cite.statement_citation(cite.said(s, hix), src, t.today())
            assert got == (want.text, want.bibtex), s.id
        assert t.page.locator(".PWNED, [id^=PWNED]").count() == 0  # no text became markup
        assert not t.errors, t.errors
    finally:
        t.context.close()
