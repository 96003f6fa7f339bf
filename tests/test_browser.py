"""Real-browser tests: the built site in the system Chromium, driven by Playwright.

They serve the real five-report dossier (`real_site_url`, see conftest.py) and check what a
reader does with it: search a quote, follow paragraph and statement links, use the keyboard,
read it on a phone, switch to dark mode; that no request leaves the site's origin; and that
axe-core finds no accessibility violations.

Full-page screenshots of the main pages (desktop and phone, plus the timeline in dark mode)
are written to tests/artifacts/ for a human to look at.

Chromium is Debian's /usr/bin/chromium (Playwright's own browser download is not available).
Without it these tests fail when CI=true and are skipped otherwise.

Set DOSSIER_BROWSER_CORPUS=fixture to run them against the tiny fixture corpus instead (useful
while the real corpus does not build).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from conftest import Project, served

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 15_000

# Whether a box lies inside the viewport, below Material's sticky header.
IN_VIEW_JS = """el => {
  const r = el.getBoundingClientRect();
  const header = document.querySelector('.md-header');
  const top = header ? header.getBoundingClientRect().bottom : 0;
  return {top: r.top, bottom: r.bottom, headerBottom: top, height: innerHeight,
          visible: r.top >= top - 1 && r.top < innerHeight && r.height > 0};
}"""


# --------------------------------------------------------------------------- fixtures


@dataclass(frozen=True)
class Site:
    project: Project
    url: str

    def json(self, name: str) -> list[dict]:
        return json.loads((self.project.site / "data" / name).read_text(encoding="utf-8"))

    def page(self, path: str) -> str:
        return urljoin(self.url, path)

    @property
    def origin(self) -> str:
        parsed = urlparse(self.url)
        return f"{parsed.scheme}://{parsed.netloc}"


@pytest.fixture(scope="session")
def fixture_site_url(fixture_project: Project) -> Iterator[str]:
    """The fixture corpus, served like `real_site_url` (for DOSSIER_BROWSER_CORPUS=fixture)."""
    with served(fixture_project.site) as url:
        yield url


@pytest.fixture(scope="module")
def site(request: pytest.FixtureRequest) -> Site:
    if os.environ.get("DOSSIER_BROWSER_CORPUS") == "fixture":
        return Site(
            request.getfixturevalue("fixture_project"), request.getfixturevalue("fixture_site_url")
        )
    return Site(request.getfixturevalue("real_project"), request.getfixturevalue("real_site_url"))


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's `chromium` package"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (required when CI=true)")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    """A factory of pages, each in a fresh context (no stored palette or search state)."""
    contexts = []

    def make(viewport: dict = DESKTOP, color_scheme: str = "light"):
        context = browser.new_context(
            viewport=viewport, color_scheme=color_scheme, reduced_motion="reduce"
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


# --------------------------------------------------------------------------- corpus choices


def paragraph_count(site: Site, report_id: str) -> int:
    html = (site.project.site / "reports" / report_id / "index.html").read_text(encoding="utf-8")
    return len(re.findall(r'<h2 class="dossier-para" id="p\d+"', html))


@pytest.fixture(scope="module")
def report_id(site: Site) -> str:
    """The report with the most paragraphs (so that #p3 is not already at the top)."""
    ids = [report["id"] for report in site.json("reports.json")]
    assert ids, "reports.json lists no report"
    return max(ids, key=lambda rid: (paragraph_count(site, rid), rid))


@pytest.fixture(scope="module")
def actor_id(site: Site) -> str:
    """The actor who speaks most often."""
    counts: dict[str, int] = {}
    for statement in site.json("statements.json"):
        counts[statement["speaker"]] = counts.get(statement["speaker"], 0) + 1
    assert counts, "statements.json lists no statement"
    return max(sorted(counts), key=counts.__getitem__)


@pytest.fixture(scope="module")
def main_pages(site: Site, report_id: str, actor_id: str) -> dict[str, str]:
    return {
        "home": "",
        "report": f"reports/{report_id}/",
        "timeline": "timeline/",
        "statements": "statements/",
        "actor": f"actors/{actor_id}/",
        "reports": "reports/",
        "glossary": "glossary/",
        "data": "data/",
    }


def plain_words(text: str) -> list[str]:
    """The words of a text, with the punctuation around them stripped; None for a word that
    has punctuation inside (e.g. "Ukraine’s"), which breaks a phrase."""
    words = [w.strip(".,;:!?“”\"'‘’()[]") for w in text.split()]
    return [w if re.fullmatch(r"[A-Za-z]+", w) else None for w in words]


def search_phrase(statements: list[dict]) -> tuple[dict, str]:
    """A direct quote and three or four consecutive words of it, as a reader would type them
    from memory: words the other statements lack, and none that most statements share."""
    vocab = {s["id"]: {w.lower() for w in plain_words(s["text"]) if w} for s in statements}
    best: tuple[int, str, dict, str] | None = None
    for statement in sorted(statements, key=lambda s: s["id"]):
        if statement["kind"] != "direct":
            continue
        words = plain_words(statement["text"])
        others = [v for k, v in vocab.items() if k != statement["id"]]
        for size in (4, 3):
            for start in range(len(words) - size + 1):
                window = words[start : start + size]
                if None in window:
                    continue
                shared = [sum(w.lower() in v for v in others) for w in window]
                score = sum(
                    3 if n == 0 and len(w) > 3 else -2 if n > 2 else 0
                    for w, n in zip(window, shared, strict=True)
                )
                if best is None or score > best[0]:
                    best = (score, statement["id"], statement, " ".join(window))
    assert best is not None and best[0] > 0, "no direct quote has distinctive words to search"
    return best[2], best[3]


# --------------------------------------------------------------------------- helpers


def goto(page, site: Site, path: str) -> None:
    response = page.goto(site.page(path), wait_until="load")
    assert response is not None and response.ok, f"GET {path}: {response and response.status}"
    # Material's bundle has run (keyboard shortcuts, palette, tooltips) once it exports document$.
    page.wait_for_function("typeof window.document$ !== 'undefined'")


def axe_summary(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{len(violation['nodes'])} node(s)]"
        )
        for node in violation["nodes"][:4]:
            html = " ".join(node.get("html", "").split())[:200]
            lines.append(f"    {', '.join(map(str, node['target']))}  {html}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- tests


def test_search_finds_a_statement_and_opens_its_permalink(page, site: Site):
    statement, phrase = search_phrase(site.json("statements.json"))
    goto(page, site, "statements/")
    page.keyboard.press("/")
    search = page.locator("input.md-search__input")
    search.wait_for(state="visible")
    assert page.evaluate("document.activeElement === document.querySelector('.md-search__input')")
    search.press_sequentially(phrase, delay=20)

    results = page.locator("ol.md-search-result__list")
    results.locator("a.md-search-result__link").first.wait_for(state="attached")

    def target_links():
        hrefs = page.eval_on_selector_all(
            "ol.md-search-result__list a.md-search-result__link", "els => els.map(e => e.href)"
        )
        return [
            h
            for h in hrefs
            if urlparse(h).path.endswith("/statements/") and urlparse(h).fragment == statement["id"]
        ]

    # Material lists ten pages of results at first and more as one scrolls the list.
    box = page.locator(".md-search__scrollwrap").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(10):
        if target_links():
            break
        page.mouse.wheel(0, 4000)
        page.wait_for_timeout(250)
    hrefs = target_links()
    shown = page.eval_on_selector_all(
        "ol.md-search-result__list a.md-search-result__link", "els => els.map(e => e.href)"
    )
    assert hrefs, (
        f"searching {phrase!r} lists no link to statements/#{statement['id']}; "
        f"results: {shown[:15]}"
    )

    link = page.locator(f'ol.md-search-result__list a.md-search-result__link[href="{hrefs[0]}"]')
    details = link.locator("xpath=ancestor::details[1]")
    if details.count() and not link.is_visible():
        details.locator("summary").click()  # "N more on this page"
    link.click()
    page.wait_for_function(f"location.hash === '#{statement['id']}'")
    assert urlparse(page.url).path.endswith("/statements/")
    heading = page.locator(f'h4[id="{statement["id"]}"]')
    page.wait_for_timeout(300)  # instant navigation scrolls after rendering
    box = heading.evaluate(IN_VIEW_JS)
    assert box["visible"], f"statement heading #{statement['id']} not in view: {box}"
    quote = page.locator(f'h4[id="{statement["id"]}"] + .dossier-statement blockquote')
    assert phrase.split()[-1] in quote.inner_text()


def test_every_paragraph_has_a_permalink_and_links_land_on_it(page, site: Site, report_id: str):
    goto(page, site, f"reports/{report_id}/")
    # Each paragraph's anchor is a small heading right before its text, holding its ¶ link.
    found = page.eval_on_selector_all(
        "article h2.dossier-para[id^=p]",
        """els => els.filter(h => /^p\\d+$/.test(h.id)).map(h => {
             const next = h.nextElementSibling;
             return {id: h.id,
                     // Material's instant navigation makes every href absolute.
                     link: [...h.querySelectorAll('a')].some(a =>
                         a.hash === '#' + h.id && a.pathname === location.pathname),
                     label: h.innerText.trim(),
                     text: !!next && next.tagName === 'P' && next.innerText.trim().length > 0};
        })""",
    )
    assert len(found) >= 3, f"report {report_id} has {len(found)} paragraphs"
    assert [p["id"] for p in found] == [f"p{n}" for n in range(1, len(found) + 1)]
    missing = [p["id"] for p in found if not p["link"] or not p["text"]]
    assert not missing, f"paragraph anchors with no permalink or no text after them: {missing}"
    for p in found:
        # A no-break space keeps the ¶ mark on the same line as its number.
        assert p["label"] == f"¶\u00a0{p['id'][1:]}", p

    page.goto("about:blank")  # a fresh load of the link, as from another site
    goto(page, site, f"reports/{report_id}/#p3")
    page.wait_for_timeout(300)
    box = page.locator("#p3").evaluate(IN_VIEW_JS)
    assert box["visible"], f"#p3 is not in view below the header: {box}"
    assert page.evaluate("window.scrollY") > 0


def test_no_request_leaves_the_site_origin(page, site: Site, main_pages: dict[str, str]):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for name in ("home", "report", "timeline", "statements", "actor"):
        page.goto(site.page(main_pages[name]), wait_until="networkidle")
    # Search loads its index in a worker: include it.
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("missile")
    page.locator("a.md-search-result__link").first.wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    assert len(requests) > 10
    outside = [
        url
        for url in requests
        if not url.startswith(site.origin + "/") and not url.startswith(("data:", "blob:"))
    ]
    assert not outside, "requests outside the site's origin:\n" + "\n".join(sorted(set(outside)))


def test_axe_finds_no_violations(page, site: Site, main_pages: dict[str, str]):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = []
    for name in ("home", "report", "timeline", "statements", "actor", "glossary"):
        goto(page, site, main_pages[name])
        assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
        result = axe.run(page)
        if result.violations_count:
            problems.append(
                f"{name} ({main_pages[name] or '/'}):\n"
                + axe_summary(result.response["violations"])
            )
    assert not problems, "axe-core violations (light mode):\n" + "\n".join(problems)


@pytest.mark.parametrize("name", ["report", "statements"])
def test_phone_viewport_has_no_horizontal_scroll(new_page, site: Site, main_pages, name):
    page = new_page(viewport=PHONE)
    goto(page, site, main_pages[name])
    widths = page.evaluate(
        "({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    if widths["scroll"] > widths["inner"] + 1:
        wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
            .slice(0, 8).map(e => e.tagName.toLowerCase() + '.' + e.className + ' → '
                                 + Math.round(e.getBoundingClientRect().right))""")
        pytest.fail(f"{main_pages[name]} scrolls sideways at 390px: {widths}; too wide: {wide}")


def test_glossary_abbreviations_have_tooltips(page, site: Site):
    glossary = yaml.safe_load((site.project.root / "data" / "glossary.yml").read_text("utf-8"))
    terms = {entry["term"]: entry["expansion"] for entry in glossary if entry.get("expansion")}
    assert terms, "the glossary has no abbreviation"
    # Prefer DPRK, then any abbreviation that occurs in a report's text.
    order = sorted(terms, key=lambda term: (term != "DPRK", term))
    target = None
    for term in order:
        for report in site.json("reports.json"):
            html = (site.project.site / "reports" / report["id"] / "index.html").read_text("utf-8")
            paragraph = r'class="dossier-para" id="p\d+">.*?</h2>\s*<p>[^\n]*'
            if re.search(rf"{paragraph}<abbr[^>]*>{re.escape(term)}</abbr>", html):
                target = (term, f"reports/{report['id']}/")
                break
        if target:
            break
    term, path = target or (order[0], "glossary/")
    goto(page, site, path)
    where = "article h2.dossier-para + p abbr:visible" if target else "article abbr:visible"
    abbr = page.locator(where, has_text=re.compile(rf"^{re.escape(term)}$")).first
    assert abbr.count(), f"no <abbr> for {term} on {path}"
    # The site's own tooltip (assets/a11y.js) takes the expansion out of `title` and shows it
    # as text on hover and on keyboard focus; Escape hides it.
    assert abbr.get_attribute("data-expansion") == terms[term]
    assert abbr.get_attribute("title") is None
    tooltip = page.locator("#dossier-tip")
    abbr.hover()
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text() == terms[term]
    assert tooltip.get_attribute("role") == "tooltip"
    page.mouse.move(0, 0)
    tooltip.wait_for(state="hidden")
    abbr.focus()
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text() == terms[term]
    assert abbr.get_attribute("aria-describedby") == "dossier-tip"
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden")


def test_tab_reaches_skip_link_first_and_focus_is_visible(page, site: Site, report_id: str):
    goto(page, site, f"reports/{report_id}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => {
        const e = document.activeElement;
        const r = e.getBoundingClientRect();
        const s = getComputedStyle(e);
        return {tag: e.tagName, text: e.innerText.trim(), href: e.getAttribute('href'),
                focusVisible: e.matches(':focus-visible'), opacity: s.opacity,
                outline: s.outlineStyle, top: r.top, left: r.left, w: r.width, h: r.height};
    }""")
    assert focused["tag"] == "A" and "skip to content" in focused["text"].lower(), focused
    target = urlparse(focused["href"]).fragment
    assert page.locator(f'[id="{target}"]').count() == 1, focused
    page.wait_for_timeout(400)  # Material fades the skip link in
    shown = page.evaluate("""() => {
        const e = document.activeElement, r = e.getBoundingClientRect();
        return {opacity: +getComputedStyle(e).opacity, top: r.top, left: r.left,
                bottom: r.bottom, right: r.right, focusVisible: e.matches(':focus-visible')};
    }""")
    assert shown["focusVisible"], shown
    assert shown["opacity"] > 0.9, shown
    assert shown["top"] >= 0 and shown["left"] >= 0, shown
    assert shown["bottom"] <= DESKTOP["height"] and shown["right"] <= DESKTOP["width"], shown
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.hash === '#{target}'")
    page.wait_for_timeout(300)
    # The next Tab lands in the page's content, past the header and navigation, with a ring.
    page.keyboard.press("Tab")
    after = page.evaluate("""() => {
        const e = document.activeElement, s = getComputedStyle(e);
        return {inArticle: !!e.closest('article'), text: (e.innerText || '').slice(0, 40),
                outline: s.outlineStyle, width: parseFloat(s.outlineWidth)};
    }""")
    assert after["inArticle"], f"Tab after the skip link focused {after}"
    assert after["outline"] != "none" and after["width"] > 0, f"no focus ring: {after}"


def test_screenshots_of_the_main_pages(new_page, site: Site, main_pages: dict[str, str]):
    """Full-page screenshots for a human to look at; fails on script errors and 404s."""
    ARTIFACTS.mkdir(exist_ok=True)
    errors: list[str] = []

    def watch(page):
        page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}"))
        page.on(
            "console",
            lambda msg: msg.type == "error" and errors.append(f"{page.url}: console: {msg.text}"),
        )
        page.on(
            "response",
            lambda r: r.status >= 400 and errors.append(f"{page.url}: HTTP {r.status} {r.url}"),
        )
        return page

    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page = watch(new_page(viewport=viewport))
        for name, path in main_pages.items():
            goto(page, site, path)
            page.wait_for_load_state("networkidle")
            out = ARTIFACTS / f"{label}-{name}.png"
            page.screenshot(path=str(out), full_page=True)
            assert out.stat().st_size > 5_000
    page = watch(new_page(color_scheme="dark"))
    goto(page, site, "timeline/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(ARTIFACTS / "dark-timeline.png"), full_page=True)
    assert not errors, "\n".join(errors)
