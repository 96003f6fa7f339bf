"""Search that lands: the site search on the real five-report dossier, as a reader uses it.

Each journey types a query into Material's search box (at desktop or phone width), asserts that
the expected statement, report paragraph, event or actor is among the first three results a
reader sees, opens it, and asserts that the page lands on its anchor (in view, below the
sticky header) with the searched word highlighted. One browser page serves every journey, as
a reader's tab would, so the suite stays fast.

The index itself is checked without a browser. The theme's own index (what MkDocs builds:
the sections Pagefind is fed, and the offline copy's index): no word in it keeps a quotation
mark or a bracket under the separator of mkdocs.yml (Material splits words with that same
expression when it indexes, when it reads a query and when it highlights, and so does the
Pagefind worker when it marks the words found). The published site: the theme's index file
holds its settings only, and Pagefind has a record for every section.

Results are "rows" as a reader sees them: for each page in the list, its sections shown
(those folded under "N more on this page" are not), or the page itself when it shows none.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

import pytest

import test_browser
from conftest import Project
from dossier import search_index
from test_browser import ARTIFACTS, DESKTOP, IN_VIEW_JS, PHONE, TIMEOUT_MS, Site, goto

# The browser and the served real site, shared with test_browser.py (pytest finds fixtures by
# their names in the module).
browser = test_browser.browser
site = test_browser.site

# The journeys need a browser and the real corpus; the index tests need neither.
in_browser = pytest.mark.browser
real_corpus_only = pytest.mark.skipif(
    os.environ.get("DOSSIER_BROWSER_CORPUS") == "fixture",
    reason="the journeys search the real corpus",
)

QUOTES_AND_BRACKETS = "\"'“”‘’„‟‚‛«»‹›()[]{}<>"
R2023 = "reports/2023-10-26-south-korea-us-japan-condemn-arms-supplies/"
R2024_01 = "reports/2024-01-us-south-korea-condemn-missile-transfers/"
R2024_03 = "reports/2024-03-us-concern-kim-message-to-putin/"
R2024_06 = "reports/2024-06-us-concern-after-kim-putin-summit/"
R2024_ALLIES = "reports/2024-us-allies-oppose-dprk-russia-arms-transfers/"

# The rows a reader sees, in order (see the module docstring).
ROWS_JS = """() => [...document.querySelectorAll('.md-search-result__list > li')].flatMap(li => {
  const links = [...li.querySelectorAll(':scope > a.md-search-result__link')];
  const sections = links.filter(a => new URL(a.href).hash);
  return (sections.length ? sections : links.slice(0, 1)).map(a => {
    const snippet = a.querySelector('article > p:not(.md-search-result__terms)');
    return {href: a.href, snippet: snippet ? snippet.innerText : '',
            marks: snippet ? [...snippet.querySelectorAll('mark')].map(m => m.innerText) : []};
  });
})"""

# Whether the searched word is highlighted at the anchor: in the element or in what follows
# it up to the next heading (a paragraph after its ¶ heading, a statement after its title).
MARKED_JS = """([id, word]) => {
  const start = id ? document.getElementById(id) : document.querySelector('article h1');
  if (!start) return false;
  const marked = el => [...el.querySelectorAll('mark[data-md-highlight]')]
      .some(m => m.innerText.toLowerCase().startsWith(word));
  if (marked(start)) return true;
  for (let el = start.nextElementSibling; el && !/^H[1-6]$/.test(el.tagName);
       el = el.nextElementSibling) {
    if (marked(el)) return true;
  }
  return false;
}"""


@dataclass(frozen=True)
class Journey:
    query: str
    targets: tuple[str, ...]  # any of these, relative to the site root: page/#anchor or page/
    mark: str  # how a highlighted word at the landing anchor begins
    phone: bool = False

    def __str__(self) -> str:
        return f"{self.query} ({'390' if self.phone else '1280'} px)"


JOURNEYS = [
    # The first word of a quotation: curly quotes no longer stick to it.
    Journey(
        "American",
        ("statements/#2023-10-kim-containing-american-hegemony", f"{R2023}#p8"),
        "american",
    ),
    Journey(
        "human",
        ("statements/#2023-10-26-skorea-us-japan-human-toll", f"{R2023}#p2"),
        "human",
        phone=True,
    ),
    Journey(
        "“American hegemony”",
        ("statements/#2023-10-kim-containing-american-hegemony", f"{R2023}#p8"),
        "american",
        phone=True,
    ),
    # Phrases: the exact phrase first, then results with all the words.
    Journey(
        "human toll", ("statements/#2023-10-26-skorea-us-japan-human-toll", f"{R2023}#p2"), "human"
    ),
    Journey(
        "brutal invasion war",
        ("statements/#2024-03-18-state-dept-deepening-cooperation-great-concern", f"{R2024_03}#p2"),
        "brutal",
    ),
    Journey(
        "blind eye",
        ("statements/#2024-06-19-state-dept-no-blind-eye-international-law", f"{R2024_06}#p6"),
        "blind",
    ),
    Journey(
        "nothing further to offer",
        ("statements/#2024-06-pentagon-nothing-further", f"{R2024_06}#p8"),
        "nothing",
    ),
    Journey("malicious activities", (f"{R2024_ALLIES}#p11",), "malicious", phone=True),
    Journey("spy satellite", (f"{R2023}#p7",), "spy"),
    Journey("ironclad", (f"{R2024_03}#p9",), "ironclad"),
    # A possessive, typed with its curly apostrophe, finds the word without it.
    Journey(
        "Ukraine’s sovereignty",
        ("statements/#2023-10-26-skorea-us-japan-support-ukraine-sovereignty", f"{R2023}#p3"),
        "sovereignty",
    ),
    # Inflections: the word as typed finds its other forms.
    # ("condemned" finds Patel's "We strongly condemn the ballistic missile launch").
    Journey(
        "condemned",
        (f"{R2024_03}#p10", "statements/#2024-03-18-patel-strongly-condemn-launch"),
        "condemn",
    ),
    Journey(
        "vetoed",
        ("timeline/#russia-veto-panel-of-experts-2024", f"{R2024_ALLIES}#p6"),
        "veto",
    ),
    Journey("re-elected", ("timeline/#putin-reelection-2024", f"{R2024_03}#p1"), "re"),
    # Names.
    Journey("Kamikawa", ("actors/yoko-kamikawa/",), "kamikawa"),
    Journey("Vedant Patel", ("actors/vedant-patel/", f"{R2024_03}#p10"), "vedant", phone=True),
    Journey(
        "Podolyak",
        ("actors/mykhailo-podolyak/", "statements/#2024-01-podolyak-first-north-korean-missiles"),
        "podolyak",
    ),
    Journey("Jang Ho-jin", ("actors/jang-ho-jin/",), "jang"),
    # Places.
    Journey("Zaporozhye", (f"{R2024_01}#p8",), "zaporozhye", phone=True),
    Journey(
        "Kharkiv",
        (
            "actors/governor-of-kharkiv-region/",
            "statements/#2024-01-kharkiv-governor-not-made-in-russia",
        ),
        "kharkiv",
    ),
    Journey(
        "East Sea", ("timeline/#north-korea-srbm-launch-2024-03-18", f"{R2024_03}#p12"), "east"
    ),
    # Weapons.
    Journey(
        "Hwasong-11",
        ("timeline/#panel-of-experts-report-hwasong-11-2024", f"{R2024_ALLIES}#p8"),
        "hwasong",
    ),
    Journey("B-52H", (f"{R2023}#p8",), "52h", phone=True),
    # A treaty's name, which the reports quote but which is no statement.
    Journey(
        "comprehensive strategic partnership",
        ("timeline/#putin-kim-pyongyang-summit-2024", f"{R2024_06}#p1"),
        "comprehensive",
    ),
]


# --------------------------------------------------------------------------- the index


def _tokens(text: str, separator: re.Pattern[str]) -> list[str]:
    """Words as Material's worker makes them: tags out, then split at the separator."""
    return [t for t in separator.split(re.sub(r"<[^>]*>", " ", text)) if t]


@pytest.fixture(scope="module")
def theme_index(real_project: Project, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The theme's own index of the real dossier: MkDocs' build, before the Pagefind step."""
    out = tmp_path_factory.mktemp("theme-index")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=real_project.root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    return json.loads((out / "search" / "search_index.json").read_text("utf-8"))


def test_no_indexed_word_keeps_a_quote_mark_or_bracket(theme_index: dict):
    index = theme_index
    separator = re.compile(index["config"]["separator"])
    words = [
        token
        for doc in index["docs"]
        for field in ("title", "text")
        for token in _tokens(doc.get(field, ""), separator)
    ]
    assert len(words) > 10_000
    stuck = sorted(
        {w for w in words if w[0] in QUOTES_AND_BRACKETS or w[-1] in QUOTES_AND_BRACKETS}
    )
    assert not stuck, f"{len(stuck)} words keep a quote mark or bracket: {stuck[:20]}"
    lower = {w.lower() for w in words}
    # A quotation's first word, a possessive and bracketed words ("(Korean time)") are words
    # of their own.
    assert {"american", "human", "ukraine", "korean", "time"} <= lower
    assert not {w for w in lower if "’s" in w or "'s" in w}


def test_report_paragraphs_are_sections_and_metadata_is_not_indexed(theme_index: dict):
    docs = {doc["location"]: doc for doc in theme_index["docs"]}
    page = docs[R2024_03]
    # The report's own entry is its title alone: no metadata panel, citation or notes line.
    assert page["text"] == "", page["text"][:200]
    para = docs[f"{R2024_03}#p4"]
    assert para["title"] == "¶\u00a04"
    assert "We repeatedly emphasize" in para["text"]
    assert "18 March 2024" not in para["text"]  # no chip text
    sections = [loc for loc in docs if loc.startswith(R2024_03 + "#")]
    assert sections == [f"{R2024_03}#p{n}" for n in range(1, 13)], sections


def test_the_site_searches_with_pagefind_and_the_theme_index_keeps_its_settings(
    real_project: Project, theme_index: dict
):
    published = json.loads((real_project.site / "search" / "search_index.json").read_text())
    assert published["docs"] == []
    assert published["config"] == {**theme_index["config"], "pagefind": "pagefind/"}
    bundle = real_project.site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    records = entry["languages"]["en"]["page_count"]
    # A record per page, and one more per CHUNK sections past the first CHUNK of a page.
    pages = {doc["location"].split("#")[0] for doc in theme_index["docs"]}
    assert len(pages) <= records < len(pages) + len(theme_index["docs"]) // search_index.CHUNK
    assert (bundle / "pagefind.js").is_file() and (bundle / "wasm.en.pagefind").is_file()
    assert len(list((bundle / "fragment").iterdir())) == records
    assert not list(bundle.glob("*-ui.*")), "Pagefind's own interfaces are not published"
    assert (real_project.site / "assets" / "search-worker.js").is_file()


# --------------------------------------------------------------------------- journeys


@pytest.fixture(scope="module")
def tab(browser, site: Site):
    """One page for every journey, on the home page at first."""
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    goto(page, site, "")
    yield page, errors
    context.close()


def run_search(page, query: str, phone: bool) -> list[dict]:
    """Types `query` into the search box as a reader would and returns the rows shown."""
    page.set_viewport_size(PHONE if phone else DESKTOP)
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.keyboard.press("Escape")
        page.keyboard.press("/")
        box.wait_for(state="visible")
    box.fill("")
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function(
        """() => !document.querySelector('.md-search-result__list > li') &&
                 document.querySelector('.dossier-search-empty').hidden"""
    )
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        """() => document.querySelector('.md-search-result__list > li') ||
                 !document.querySelector('.dossier-search-empty').hidden"""
    )
    page.wait_for_timeout(50)  # the rows are tidied in the next microtask
    return page.evaluate(ROWS_JS)


def relative(site: Site, href: str) -> str:
    url = urlparse(href)
    path = url.path[len(urlparse(site.url).path) :]
    return f"{path}#{url.fragment}" if url.fragment else path


def matches(row: str, target: str) -> bool:
    return row == target if "#" in target else row.split("#")[0] == target


@in_browser
@real_corpus_only
@pytest.mark.parametrize("journey", JOURNEYS, ids=str)
def test_search_journey(tab, site: Site, journey: Journey):
    page, errors = tab
    rows = run_search(page, journey.query, journey.phone)
    shown = [relative(site, row["href"]) for row in rows]
    hits = [i for i, row in enumerate(shown[:3]) if any(matches(row, t) for t in journey.targets)]
    assert hits, f"{journey}: none of {journey.targets} in the first three results {shown[:6]}"
    row = rows[hits[0]]
    if "#p" in shown[hits[0]]:
        # A report paragraph's snippet is its matching sentence, with the word marked.
        assert row["marks"], row
        assert any(m.lower().startswith(journey.mark) for m in row["marks"]), row
        assert len(row["snippet"]) < 400, row["snippet"]
    href = row["href"]
    assert parse_qs(urlparse(href).query).get("h"), f"{href} highlights nothing"

    page.locator(f'a.md-search-result__link[href="{href}"]').first.click()
    url = urlparse(href)
    page.wait_for_function(
        "([path, hash]) => location.pathname === path && location.hash === hash",
        arg=[url.path, f"#{url.fragment}" if url.fragment else ""],
    )
    anchor = url.fragment
    page.wait_for_function(MARKED_JS, arg=[anchor, journey.mark])
    page.wait_for_timeout(200)  # instant navigation scrolls after rendering
    if anchor:
        box = page.locator(f'[id="{anchor}"]').evaluate(IN_VIEW_JS)
        assert box["visible"], f"{journey}: #{anchor} is not in view: {box}"
    assert "h=" in page.url
    assert not errors, errors


@in_browser
@real_corpus_only
def test_phrase_and_all_words_rank_first(tab, site: Site):
    page, _ = tab
    rows = run_search(page, "war of aggression", phone=False)
    snippets = [re.sub(r"\s+", " ", row["snippet"]).lower() for row in rows[:3]]
    assert snippets and all("war of aggression" in s for s in snippets), snippets
    rows = run_search(page, "blatant violation", phone=False)
    for row in rows[:3]:
        marked = {m.lower() for m in row["marks"]}
        assert {"blatant", "violation"} <= marked, row


@in_browser
@real_corpus_only
def test_suggestions_carry_no_quote_mark(tab, site: Site):
    page, _ = tab
    run_search(page, "hegem", phone=False)
    suggestion = page.evaluate("document.querySelector('.md-search__suggest').innerText")
    assert suggestion.lower().startswith("hegem"), suggestion
    assert not set(suggestion) & set(QUOTES_AND_BRACKETS), suggestion


@in_browser
@real_corpus_only
@pytest.mark.parametrize("phone", [False, True], ids=["1280", "390"])
def test_an_empty_result_explains_itself(tab, site: Site, phone: bool):
    page, errors = tab
    query = "photosynthesis" if not phone else "kangaroo sandwich"
    rows = run_search(page, query, phone)
    assert rows == []
    help_box = page.locator(".dossier-search-empty")
    assert help_box.is_visible()
    text = help_box.inner_text()
    assert "Search covers the text of every report" in text
    links = {
        a["text"]: relative(site, a["href"])
        for a in page.eval_on_selector_all(
            ".dossier-search-empty a", "els => els.map(a => ({text: a.innerText, href: a.href}))"
        )
    }
    assert links == {
        "the statement finder": "statements/finder/",
        "the actor list": "actors/",
    }
    for path in links.values():
        assert (site.project.site / path / "index.html").exists(), path
    page.locator(".dossier-search-empty a", has_text="the actor list").click()
    page.wait_for_function("location.pathname.endsWith('/actors/')")
    assert not errors, errors


@in_browser
@real_corpus_only
@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_screenshots_of_search_results(tab, site: Site, phone: bool):
    """Search results for a phrase, for a human to look at."""
    page, _ = tab
    ARTIFACTS.mkdir(exist_ok=True)
    label = "phone" if phone else "desktop"
    page.set_viewport_size(PHONE if phone else DESKTOP)
    goto(page, site, R2024_03)
    run_search(page, "ballistic missile launch", phone)
    page.screenshot(path=str(ARTIFACTS / f"{label}-search-results.png"))
    run_search(page, "photosynthesis", phone)
    page.screenshot(path=str(ARTIFACTS / f"{label}-search-empty.png"))
    page.keyboard.press("Escape")
    assert (ARTIFACTS / f"{label}-search-results.png").stat().st_size > 5_000
