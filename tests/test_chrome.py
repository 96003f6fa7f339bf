"""The page around the content, in Chromium: what every page downloads, the tab order, the
theme toggle, and axe-core on every kind of page in the light and the dark scheme.

- A page view that does not search downloads no search index (assets/search-gate.js holds
  the theme's request back until the reader opens search); opening search fetches it and
  finds; a page opened from a search result (…?h=word) gets it at once.
- Every stop of the tab order is something the reader can see.
- Every click of the theme toggle changes the scheme, on a light and on a dark system.
"""

from __future__ import annotations

import re

import pytest

import test_browser
from test_browser import DESKTOP, PHONE, Site, axe_summary, goto

pytestmark = pytest.mark.browser

site = test_browser.site
browser = test_browser.browser
new_page = test_browser.new_page
page = test_browser.page
report_id = test_browser.report_id
actor_id = test_browser.actor_id

INDEX = re.compile(r"/search/search_index\.json$")


def page_types(site: Site, report_id: str, actor_id: str) -> dict[str, str]:
    """One page of every kind the site has (the pages that exist in this build)."""
    pages = {
        "home": "",
        "reports": "reports/",
        "report": f"reports/{report_id}/",
        "original": f"reports/{report_id}/original/",
        "timeline": "timeline/",
        "statements": "statements/",
        "finder": "statements/finder/",
        "by-speaker": "statements/by-speaker/",
        "differences": "statements/differences/",
        "threads": "threads/",
        "talking-points": "talking-points/",
        "actors": "actors/",
        "actor": f"actors/{actor_id}/",
        "glossary": "glossary/",
        "references": "references/",
        "data": "data/",
        "about": "about/",
        "quality": "quality/",
        "not-found": "404.html",
    }
    return {
        name: path
        for name, path in pages.items()
        if (site.project.site / (path or "index.html")).exists()
        or (site.project.site / path / "index.html").exists()
    }


# --------------------------------------------------------------------------- search index


def test_a_page_view_without_search_downloads_no_index(page, site: Site, report_id: str):
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    for path in ("", f"reports/{report_id}/", "timeline/"):
        page.goto(site.page(path), wait_until="networkidle")
    # Instant navigation too: a click on a tab loads the next page without a full load.
    page.locator("a.md-tabs__link", has_text="Statements").first.click()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert len(fetched) > 5
    assert not [url for url in fetched if INDEX.search(url)], "the index was fetched unasked"
    # The reader opens search: now the index comes, and search finds.
    with page.expect_request(lambda request: bool(INDEX.search(request.url))):
        page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("Hwasong", delay=20)
    page.locator("a.md-search-result__link").first.wait_for(state="visible")
    assert sum(bool(INDEX.search(url)) for url in fetched) == 1


def test_search_opened_with_a_click_on_a_phone_fetches_the_index(new_page, site: Site):
    page = new_page(viewport=PHONE)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    goto(page, site, "timeline/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if INDEX.search(url)]
    with page.expect_request(lambda request: bool(INDEX.search(request.url))):
        page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").press_sequentially("veto", delay=20)
    page.locator("a.md-search-result__link").first.wait_for(state="visible")


def test_a_page_opened_from_a_search_result_highlights_at_once(page, site: Site):
    with page.expect_request(lambda request: bool(INDEX.search(request.url))):
        page.goto(site.page("timeline/?h=veto"), wait_until="load")
    marks = page.locator("article mark[data-md-highlight]", has_text=re.compile("veto", re.I))
    marks.first.wait_for(state="attached")
    assert marks.count() >= 2


# --------------------------------------------------------------------------- tab order

# For the focused element: whether the reader can see it (a box of some size, inside the
# page, not transparent or hidden, and not clipped away by a scrolling ancestor).
FOCUSED_JS = """() => {
  let e = document.activeElement;
  if (!e || e === document.body) return null;
  // The theme's toggles are radio buttons drawn by the label that follows them.
  if (e.matches('input.md-option') && e.nextElementSibling) e = e.nextElementSibling;
  const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  let clipped = false;
  for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
    const st = getComputedStyle(a);
    if (+st.opacity === 0 || st.visibility === 'hidden') { clipped = true; break; }
    if (/(hidden|auto|scroll|clip)/.test(st.overflow)) {
      const ar = a.getBoundingClientRect();
      if (ar.width < 1 || ar.height < 1) { clipped = true; break; }
    }
  }
  const label = (e.getAttribute('aria-label') || e.getAttribute('title') || e.innerText ||
                 e.className || e.tagName);
  return {what: e.tagName.toLowerCase() + ': ' + String(label).trim().slice(0, 60),
          visible: r.width >= 1 && r.height >= 1 && +s.opacity > 0 &&
                   s.visibility !== 'hidden' && !clipped};
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_tab_stop_is_visible(new_page, site: Site, report_id: str, viewport):
    page = new_page(viewport=viewport)
    invisible: list[str] = []
    for path in ("", f"reports/{report_id}/", "timeline/"):
        goto(page, site, path)
        page.wait_for_load_state("networkidle")
        seen = 0
        for _ in range(60):
            page.keyboard.press("Tab")
            page.wait_for_timeout(30)  # let the theme fade in what takes focus
            focused = page.evaluate(FOCUSED_JS)
            if focused is None:
                break
            seen += 1
            if not focused["visible"]:
                invisible.append(f"{path or '/'} stop {seen}: {focused['what']}")
        assert seen >= 20, f"{path}: only {seen} tab stops"
    assert not invisible, "invisible tab stops:\n" + "\n".join(invisible)


# --------------------------------------------------------------------------- theme toggle


@pytest.mark.parametrize("system", ["light", "dark"])
def test_every_click_of_the_theme_toggle_changes_the_scheme(new_page, site: Site, system):
    page = new_page(color_scheme=system)
    goto(page, site, "timeline/")
    expected = {"light": "default", "dark": "slate"}[system]
    seen = [page.evaluate("document.body.dataset.mdColorScheme")]
    assert seen[0] == expected, f"the first view should follow the system ({system}): {seen}"
    for _ in range(4):
        toggle = page.locator("form[data-md-component=palette] label.md-header__button:visible")
        assert toggle.count() == 1
        name = toggle.get_attribute("title")
        before = seen[-1]
        assert name == ("Switch to dark mode" if before == "default" else "Switch to light mode")
        toggle.click()
        seen.append(page.evaluate("document.body.dataset.mdColorScheme"))
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert seen[-1] != before, f"a click changed nothing: {seen}"
        assert background != "rgba(0, 0, 0, 0)"
    # The choice is remembered on the next page.
    goto(page, site, "statements/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == seen[-1]


# --------------------------------------------------------------------------- axe


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_any_kind_of_page(
    new_page, site: Site, report_id: str, actor_id: str, scheme: str
):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = new_page(color_scheme=scheme)
    problems = []
    pages = page_types(site, report_id, actor_id)
    # Every kind is built for the real corpus (the 404 page too): none may go missing unseen.
    missing = {"original", "quality", "finder", "threads", "not-found"} - set(pages)
    assert len(pages) >= 19 and not missing, sorted(missing)
    for name, path in pages.items():
        page.goto(site.page(path), wait_until="load")
        page.wait_for_function("typeof window.document$ !== 'undefined'")
        want = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == want
        result = axe.run(page)
        if result.violations_count:
            problems.append(
                f"{name} ({path or '/'}):\n" + axe_summary(result.response["violations"])
            )
    assert not problems, f"axe-core violations ({scheme}):\n" + "\n".join(problems)
