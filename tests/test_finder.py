"""The statement finder (statements/finder/): its generated page and data, and in Chromium every
filter, their combination, the live counts, the address round trip, the CSV of a view, the page
without JavaScript, keyboard use, axe, and how it reads at 1280×800 and 390 px.

The browser tests run on the real five-report site (test_browser.py's fixtures). What each
filter should show is worked out here from statements.json, independently of finder.js.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urljoin, urlparse

import pytest

import test_browser
from conftest import Project, served
from dossier import urls
from dossier.dates import Date
from dossier.escape import csv_cell
from dossier.model import Pos, Statement
from dossier.render.finder import CONTEXT_WORDS, context, data_parts, locate, words_md
from dossier.text import normalise
from dossier.validate import load_corpus
from test_browser import ARTIFACTS, PHONE, Site, axe_summary, goto
from test_hostile import DOM_CHECK_JS

# test_browser.py's fixtures, shared by name: the real site served over HTTP, one Chromium, and
# pages each in a fresh context.
site = test_browser.site
browser = test_browser.browser
new_page = test_browser.new_page
page = test_browser.page

FINDER = "statements/finder/"
DESKTOP_SHORT = {"width": 1280, "height": 800}


# --------------------------------------------------------------------------- shared helpers


CALL = "dossierFinderData("


def manifest(project: Project) -> dict[str, Any]:
    """What the built finder page tells finder.js about its data (#finder's data-finder)."""
    html = (project.site / FINDER / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<div[^>]* data-finder="([^"]*)"', html)
    assert found, "the finder page lists no data"
    data: dict[str, Any] = json.loads(unescape(found[1]))
    return data


def read_part(project: Project, name: str) -> dict[str, Any]:
    """One data file's part, as it hands it to dossierFinderData()."""
    text = (project.root / "docs" / urls.finder_data(name)).read_text(encoding="utf-8")
    body = text[text.index(CALL) + len(CALL) :].strip().removesuffix(");")
    data: dict[str, Any] = json.loads(body)
    assert data["part"] == name
    return data


def read_data(project: Project) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """facets.js and the statements' parts, in the order the page lists them."""
    parts = [read_part(project, entry[0]) for entry in manifest(project)["parts"]]
    return read_part(project, "facets"), parts


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


class _Rows(HTMLParser):
    """The finder rows of a built page: each row's statement id and its <mark>ed words."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.marks: dict[str, str] = {}
        self._in_mark = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "li" and found.get("data-id"):
            self.ids.append(str(found["data-id"]))
            self.marks[self.ids[-1]] = ""
        self._in_mark = self._in_mark or tag == "mark"

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data: str) -> None:
        if self._in_mark and self.ids:
            self.marks[self.ids[-1]] += data


def built_rows(project: Project) -> _Rows:
    parser = _Rows()
    parser.feed((project.site / FINDER / "index.html").read_text(encoding="utf-8"))
    return parser


# --------------------------------------------------------------------------- without a browser


def test_the_page_lists_every_statement_once_in_date_order(real_project: Project):
    statements = json.loads((real_project.site / "data" / "statements.json").read_text("utf-8"))
    rows = built_rows(real_project)
    assert rows.ids == [s["id"] for s in statements]
    assert len(rows.ids) == 75
    for s in statements:
        # The marked words are the statement's own (as the build checks them: quote marks and
        # whitespace aside).
        assert normalise(rows.marks[s["id"]]) == normalise(s["text"]), s["id"]


def test_the_data_holds_statements_csv_and_every_statements_paragraph(real_project: Project):
    facets, parts = read_data(real_project)
    exported = csv_rows((real_project.site / "data" / "statements.csv").read_text("utf-8"))
    assert facets["filters"] == list(urls.FINDER_FILTERS)
    assert facets["columns"] == exported[0]
    rows = [row for part in parts for row in part["rows"]]
    # The parts in the page's order are statements.csv's rows in order, before the formula
    # guard, which finder.js applies as escape.csv_cell does.
    assert [[str(csv_cell(c)) for c in row] for row in rows] == exported[1:]
    ids = [row[0] for row in rows]
    col = {name: i for i, name in enumerate(facets["columns"])}
    threads: dict[str, str] = {}
    for part in parts:
        assert len(part["shown"]) == len(part["rows"])
        for row in part["rows"]:
            assert f"{row[col['report']]}#{row[col['paragraph']]}" in part["paragraphs"]
            assert row[col["speaker"]] in facets["actors"]
            assert row[col["report"]] in facets["reports"]
        threads |= part["threads"]
    assert set(threads) <= set(ids)
    assert set(threads.values()) <= set(ids)
    assert len(set(threads.values())) >= 2  # the corpus has exchanges


def test_the_page_lists_its_data_by_period_in_date_order(real_project: Project):
    """The real corpus: a part a year, each named by its period, placed in date order."""
    listed = manifest(real_project)
    statements = json.loads((real_project.site / "data" / "statements.json").read_text("utf-8"))
    assert listed["total"] == len(statements) == 75 and listed["listed"] is True
    assert [p[0] for p in listed["parts"]] == ["2023", "2024"]
    start = 0
    for name, address, period, first, count in listed["parts"]:
        assert (name, first) == (period, start)
        # Addresses are relative to finder.js, as it resolves them.
        assert urlparse(urljoin("https://x/" + urls.FINDER_JS, address)).path == (
            "/" + urls.finder_data(name)
        )
        assert all(s["date"]["value"].startswith(period) for s in statements[first:][:count])
        start += count
    assert start == len(statements)


def test_data_parts_split_a_large_year_by_month_then_in_numbered_parts(real_project: Project):
    corpus, _ = load_corpus(real_project.root)
    statements = corpus.statements
    parts = data_parts(statements, 10)
    # Every statement once, in date order; each part its own period's, none larger than the
    # limit but a year's statements dated to the year alone.
    assert [s for p in parts for s in p.statements] == list(statements)
    assert [p.start for p in parts] == [sum(len(q.statements) for q in parts[:i])
                                        for i in range(len(parts))]  # fmt: skip
    assert len({p.name for p in parts}) == len(parts)
    for part in parts:
        assert all(s.date.value.startswith(part.period) for s in part.statements)
        assert len(part.statements) <= 10 or part.name == part.period == part.period[:4]
    names = [p.name for p in parts]
    assert "2023" in names and "2024-01-p1" in names and "2024-01-p3" in names  # 22 in Jan.
    assert "2024-06" in names and "2024-06-p1" not in names  # 9 in June: one part
    assert [p.name for p in data_parts(statements, 75)] == ["2023", "2024"]


def test_the_data_places_each_statements_words_for_javascript(hostile_project: Project):
    """Each statement's words and their context, as finder.js cuts them from the paragraph
    (in UTF-16 code units: the hostile corpus has characters past U+FFFF), read as the row
    the generator writes with `words_md`."""
    facets, parts = read_data(hostile_project)
    col = {name: i for i, name in enumerate(facets["columns"])}
    corpus, _ = load_corpus(hostile_project.root)
    checked = 0
    for part in parts:
        for row, shown in zip(part["rows"], part["shown"], strict=True):
            s = corpus.statements_by_id[row[col["id"]]]
            paragraph = part["paragraphs"][f"{s.report}#{s.paragraph}"]
            found = context(paragraph, s.text)
            assert (found is None) == (len(shown) == 2)
            if found is None:
                continue
            units = paragraph.encode("utf-16-le")
            cut = [units[2 * a : 2 * b].decode("utf-16-le") for a, b in pairwise(shown[2:6])]
            assert cut == [paragraph[found.before : found.start],
                           paragraph[found.start : found.end],
                           paragraph[found.end : found.after]]  # fmt: skip
            assert shown[6] == found.cut_before + 2 * found.cut_after
            checked += 1
    assert checked == len(corpus.statements)
    assert any(ord(c) > 0xFFFF for p in parts for t in p["paragraphs"].values() for c in t)


def test_only_the_finder_page_loads_the_data_and_no_fetch_is_needed(real_project: Project):
    # finder.js is one of the site's scripts; it adds the data to the finder page itself.
    for page in ("statements/finder/", "statements/", ""):
        html = (real_project.site / page / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<script src="[./]*assets/finder\.js"', html), page
        assert not re.search(r"<script[^>]*finder/data", html), page
    js = (real_project.site / "assets" / "finder.js").read_text(encoding="utf-8")
    assert "window.dossierFinderData = " in js and 'createElement("script")' in js
    assert "fetch(" not in js and "innerHTML" not in js and "insertAdjacentHTML" not in js
    # Each data file calls the function finder.js defines, and nothing else.
    for path in (real_project.site / urls.finder_data("x")).parent.iterdir():
        code = [line for line in path.read_text("utf-8").splitlines() if line[:2] != "//"]
        assert len(code) == 1 and code[0].startswith(CALL) and code[0].endswith(");"), path


def data_bytes(project: Project) -> int:
    folder = (project.root / "docs" / urls.finder_data("x")).parent
    return sum(path.stat().st_size for path in folder.iterdir())


def test_sizes_grow_about_linearly_per_statement(real_project: Project):
    """The figures the docstring of render/finder.py quotes, measured on the real corpus, whose
    page lists every statement; past the page limit the page stops growing (see
    test_the_page_stays_small_at_30000_statements)."""
    count = 75
    data = data_bytes(real_project)
    page = (real_project.site / FINDER / "index.html").stat().st_size
    per_data, per_page = data / count, page / count
    print(f"finder data {data} B ({per_data:.0f} B a statement); page {page} B "
          f"({per_page:.0f} B a statement)")  # fmt: skip
    assert per_data < 1_600 and per_page < 1_800


@pytest.mark.parametrize(
    ("paragraph", "text", "expected"),
    [
        ("He said “we are ready” today.", 'we are ready', "we are ready"),
        ('He said "we  are\nready" today.', "we are ready", "we  are\nready"),
        ("The “allies’ plan” is set.", "allies' plan", "allies’ plan"),
        ("Nothing here.", "absent", None),
    ],
)
def test_locate_ignores_quote_marks_and_whitespace(paragraph, text, expected):
    span = locate(paragraph, text)
    assert (paragraph[span[0] : span[1]] if span else None) == expected


def _statement(text: str, kind: str = "direct") -> Statement:
    date = Date("2024", "stated", "n")
    return Statement(
        "s", text, kind, "a", "A", (), date, "not stated", "r", "p1", None, (), Pos("x")
    )


@pytest.mark.parametrize(
    ("paragraph", "text", "expected"),
    [
        # Only the closing mark follows words that end their sentence.
        ("He said: “We are ready.” Then he left.", "We are ready.",
         "He said: “<mark>We are ready.</mark>”"),
        # The sentence around the words, at most CONTEXT_WORDS words a side.
        ("First. " + "a " * 10 + "“x <y>” " + "b " * 10 + "end. Next.", "x <y>",
         # (the quote marks, spaced from the words here, count among them)
         "… " + "a " * (CONTEXT_WORDS - 1) + "“<mark>x &lt;y&gt;</mark>” "
         + "b " * (CONTEXT_WORDS - 1) + "…"),
        ("No match here.", "absent", "<mark>absent</mark>"),
    ],
)  # fmt: skip
def test_words_show_their_sentence_with_the_statement_marked(paragraph, text, expected):
    assert words_md(_statement(text), paragraph) == expected


def test_finder_links_carry_the_filters_in_the_query_string():
    assert urls.finder_link("actors/x.md", topic="arms-transfers") == (
        "../statements/finder.md?topic=arms-transfers"
    )
    assert urls.finder_link(urls.FINDER) == "finder.md"
    link = urls.url_finder(venue="email to a news agency", speaker="us-state-department")
    parsed = urlparse(link)
    assert parsed.path == FINDER
    assert parse_qs(parsed.query) == {
        "speaker": ["us-state-department"], "venue": ["email to a news agency"],
    }  # fmt: skip
    assert parsed.query.startswith("speaker=")  # keys in FINDER_FILTERS order
    with pytest.raises(ValueError, match="unknown finder filter"):
        urls.finder_link("index.md", colour="red")


# --------------------------------------------------------------------------- what should show


class Expect:
    """Which statements each filter state shows, worked out from statements.json."""

    def __init__(self, site: Site) -> None:
        self.statements = site.json("statements.json")
        corpus, _ = load_corpus(site.project.root)
        self.paragraphs = {
            (r.id, p.id): p.text for r in corpus.reports for p in r.paragraphs
        }
        self.component = self._threads()

    def _threads(self) -> dict[str, set[str]]:
        links: dict[str, set[str]] = {s["id"]: set() for s in self.statements}
        for s in self.statements:
            for r in s["responds_to"]:
                links[s["id"]].add(r["statement"])
                links[r["statement"]].add(s["id"])
        out: dict[str, set[str]] = {}
        for sid in links:
            seen, todo = {sid}, [sid]
            while todo:
                for other in links[todo.pop()] - seen:
                    seen.add(other)
                    todo.append(other)
            out[sid] = seen if len(seen) > 1 else set()
        return out

    def ids(self, **filters: str) -> list[str]:
        return [s["id"] for s in self.statements if all(
            self.match(key, value, s) for key, value in filters.items() if value
        )]  # fmt: skip

    def match(self, key: str, value: str, s: dict[str, Any]) -> bool:
        date = s["date"]["value"]
        checks = {
            "on_behalf_of": lambda: value in s["on_behalf_of"],
            "topic": lambda: value in s["topics"],
            "month": lambda: len(date) >= 7 and date[:7] == value,
            "since": lambda: _bounds(date)[0] >= _bounds(value)[0],
            "until": lambda: _bounds(date)[1] <= _bounds(value)[1],
            "differs": lambda: bool(s["issued"]) and ("yes" if s["issued"]["differs"] else "no")
            == value,
            "thread": lambda: s["id"] in self.component.get(value, set()),
            "words": lambda: self.words(value, s),
        }
        return checks[key]() if key in checks else s[key] == value

    def words(self, query: str, s: dict[str, Any]) -> bool:
        paragraph = self.paragraphs[(s["report"], s["paragraph"])]
        hay = _fold(f"{s['text']} {s['speaker_label']} {paragraph}")
        return all(term in hay for term in _fold(query).split())


def _bounds(value: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    parts = [int(p) for p in value.split("-")]
    year, month, day = [*parts, 0, 0][:3]
    return (year, month or 1, day or 1), (year, month or 12, day or 31)


def _fold(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return plain.casefold().replace("’", "'").replace("“", '"').replace("”", '"')


@pytest.fixture(scope="module")
def expect(site: Site) -> Expect:
    return Expect(site)


# --------------------------------------------------------------------------- browser helpers

# The rows a reader sees: not hidden, and drawn (the row's own CSS must not undo `hidden`).
SHOWN_JS = """() => [...document.querySelectorAll('#finder-results li[data-id]')]
    .filter(li => li.getClientRects().length > 0 || !li.hidden)
    .map(li => li.hidden === (li.getClientRects().length === 0) ? li.dataset.id : 'mismatch')"""
OPTIONS_JS = """sel => [...document.querySelector(sel).options]
    .map(o => ({value: o.value, text: o.textContent, disabled: o.disabled}))"""


def open_finder(page, site: Site, query: str = "") -> None:
    goto(page, site, FINDER + query)
    page.wait_for_selector("#finder.dossier-finder-ready")


def shown(page) -> list[str]:
    return page.evaluate(SHOWN_JS)


def options(page, key: str) -> list[dict[str, Any]]:
    return page.evaluate(OPTIONS_JS, f"#finder-{key.replace('_', '-')}")


def count_of(option_text: str) -> int:
    match = re.search(r"\((\d+)\)$", option_text)
    assert match, option_text
    return int(match[1])


def state(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


SELECTS = [key for key in urls.FINDER_FILTERS if key != "words"]
browser_test = pytest.mark.browser


def pick(expect: Expect, key: str, values: list[str]) -> str:
    """The value of a filter that shows the most statements short of all of them."""
    total = len(expect.statements)
    sizes = {v: len(expect.ids(**{key: v})) for v in values if v}
    usable = [v for v in sizes if 0 < sizes[v] < total]
    assert usable, f"{key}: no value narrows the list"
    return max(usable, key=lambda v: (sizes[v], v))


# --------------------------------------------------------------------------- in Chromium


@browser_test
@pytest.mark.parametrize("key", [*SELECTS, "words"])
def test_each_filter_alone(page, site: Site, expect: Expect, key: str):
    open_finder(page, site)
    total = len(expect.statements)
    if key == "words":
        value = "sanctions"
        page.fill("#finder-words", value)
    else:
        value = pick(expect, key, [o["value"] for o in options(page, key)])
        page.select_option(f"#finder-{key.replace('_', '-')}", value)
    wanted = expect.ids(**{key: value})
    assert 0 < len(wanted) < total
    assert shown(page) == wanted
    assert page.inner_text("#finder-count") == f"{len(wanted)} of {total} statements"
    assert state(page) == {key: [value]}


@browser_test
def test_filters_combine_and_one_control_clears_them(page, site: Site, expect: Expect):
    # A speaker, a topic and a kind that some statements share, and a date range.
    s = next(
        s for s in expect.statements
        if s["topics"] and s["speaker"] == "us-state-department"
        and s["date"]["precision"] != "year"
    )  # fmt: skip
    filters = {"speaker": s["speaker"], "topic": s["topics"][0], "kind": s["kind"]}
    filters |= {"since": s["date"]["value"][:4], "until": s["date"]["value"][:7]}
    open_finder(page, site)
    for key, value in filters.items():
        page.select_option(f"#finder-{key.replace('_', '-')}", value)
    wanted = expect.ids(**filters)
    assert wanted and len(wanted) < len(expect.ids(speaker=s["speaker"]))
    assert shown(page) == wanted
    assert page.inner_text("#finder-active") == f"({len(filters)} active)"
    page.fill("#finder-words", "not-a-word-in-any-statement")
    assert shown(page) == []
    assert "No statement matches" in page.inner_text("#finder-count")
    assert page.is_disabled("#finder-download")
    page.click("#finder-clear")
    assert len(shown(page)) == len(expect.statements)
    assert page.input_value("#finder-speaker") == "" and page.input_value("#finder-words") == ""
    assert urlparse(page.url).query == ""


@browser_test
def test_every_value_counts_the_statements_it_would_show(page, site: Site, expect: Expect):
    speaker = pick(expect, "speaker", sorted({s["speaker"] for s in expect.statements}))
    open_finder(page, site, "?" + urls.finder_query(speaker=speaker)[1:])
    assert shown(page) == expect.ids(speaker=speaker)
    for key in SELECTS:
        for option in options(page, key):
            # Each count holds the other filters: a speaker's own count ignores the speaker.
            others = {} if key == "speaker" else {"speaker": speaker}
            wanted = expect.ids(**others, **{key: option["value"]})
            assert count_of(option["text"]) == len(wanted), (key, option)
            assert option["disabled"] == (not wanted and option["value"] != (
                speaker if key == "speaker" else ""
            )), (key, option)


@browser_test
def test_the_address_holds_the_filters_through_reload_back_and_forward(
    page, site: Site, expect: Expect
):
    first = {"topic": "sanctions", "words": "Russia"}
    # The address the generator's finder_link writes opens the same view in the browser.
    open_finder(page, site, urls.finder_query(**first))
    assert shown(page) == expect.ids(**first)
    assert page.input_value("#finder-topic") == "sanctions"
    assert page.input_value("#finder-words") == "Russia"
    page.select_option("#finder-kind", "paraphrase")
    second = first | {"kind": "paraphrase"}
    assert state(page) == {k: [v] for k, v in second.items()}
    assert shown(page) == expect.ids(**second)
    page.reload()
    page.wait_for_selector("#finder.dossier-finder-ready")
    assert shown(page) == expect.ids(**second)
    assert page.input_value("#finder-kind") == "paraphrase"
    page.go_back()
    page.wait_for_function("!location.search.includes('kind=')")
    assert shown(page) == expect.ids(**first)
    assert page.input_value("#finder-kind") == ""
    page.go_forward()
    page.wait_for_function("location.search.includes('kind=')")
    assert shown(page) == expect.ids(**second)
    assert page.input_value("#finder-kind") == "paraphrase"


@browser_test
def test_download_gives_exactly_the_shown_rows_of_statements_csv(page, site: Site):
    exported = csv_rows((site.project.site / "data" / "statements.csv").read_text("utf-8"))
    by_id = {row[0]: row for row in exported[1:]}
    open_finder(page, site, urls.finder_query(topic="arms-transfers", kind="partial"))
    ids = shown(page)
    assert 0 < len(ids) < len(by_id)
    with page.expect_download() as download:
        page.click("#finder-download")
    got = csv_rows(Path(download.value.path()).read_text(encoding="utf-8"))
    assert got[0] == exported[0]
    assert got[1:] == [by_id[i] for i in ids]


@browser_test
def test_without_javascript_every_statement_is_listed(browser, site: Site):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP_SHORT)
    try:
        page = context.new_page()
        page.goto(site.page(FINDER))
        rows = page.locator("#finder-results li[data-id]")
        assert rows.count() == 75
        assert page.locator("#finder-results li[data-id]:visible").count() == 75
        assert page.locator("#finder-results li[data-id] mark:visible").count() == 75
        assert not page.locator("#finder-form").is_visible()
        assert page.inner_text("#finder-count") == "75 statements"
    finally:
        context.close()


@browser_test
def test_it_works_opened_from_files(page, site: Site, expect: Expect):
    """From file:// (no server): the data loads as a script, and filters and the address work."""
    finder = (site.project.site / FINDER / "index.html").as_uri()
    page.goto(finder + urls.finder_query(topic="sanctions"))
    page.wait_for_selector("#finder.dossier-finder-ready")
    assert shown(page) == expect.ids(topic="sanctions")
    page.select_option("#finder-kind", "paraphrase")
    assert shown(page) == expect.ids(topic="sanctions", kind="paraphrase")
    assert state(page) == {"topic": ["sanctions"], "kind": ["paraphrase"]}


@browser_test
def test_keyboard_alone_reaches_and_changes_a_filter(page, site: Site, expect: Expect):
    open_finder(page, site)
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "finder-words":
            break
    else:
        pytest.fail("Tab never reached the words box")
    page.keyboard.type("hegemony")
    assert shown(page) == expect.ids(words="hegemony")
    page.keyboard.press("Tab")  # Clear all filters
    page.keyboard.press("Tab")  # Download this view
    page.keyboard.press("Tab")  # the Filters summary
    page.keyboard.press("Tab")  # Speaker
    assert page.evaluate("document.activeElement.id") == "finder-speaker"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "finder-clear"
    page.keyboard.press("Enter")
    assert len(shown(page)) == 75
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "finder-kind":
            break
    page.keyboard.press("ArrowDown")  # the first kind: direct quotes
    assert page.input_value("#finder-kind") == "direct"
    assert shown(page) == expect.ids(kind="direct")
    assert page.inner_text("#finder-count").startswith(f"{len(expect.ids(kind='direct'))} of")


@browser_test
def test_axe_finds_no_violations_on_the_finder(new_page, site: Site):
    from axe_playwright_python.sync_playwright import Axe

    problems = []
    views = [
        (DESKTOP_SHORT, "light", ""),
        (DESKTOP_SHORT, "dark", urls.finder_query(kind="direct")),
        (PHONE, "light", urls.finder_query(topic="sanctions")),
    ]
    for viewport, scheme, query in views:
        page = new_page(viewport=viewport, color_scheme=scheme)
        open_finder(page, site, query)
        page.evaluate("document.getElementById('finder-facets').open = true")
        result = Axe().run(page)
        if result.violations_count:
            problems.append(
                f"{viewport} {scheme} {query}:\n" + axe_summary(result.response["violations"])
            )
    assert not problems, "axe-core violations:\n" + "\n".join(problems)


@browser_test
def test_eight_rows_show_on_a_1280_by_800_screen(new_page, site: Site):
    page = new_page(viewport=DESKTOP_SHORT)
    open_finder(page, site)
    whole = page.evaluate("""() => [...document.querySelectorAll('#finder-results li[data-id]')]
        .filter(li => { const r = li.getBoundingClientRect();
                        return r.top >= 0 && r.bottom <= innerHeight; }).length""")
    assert whole >= 8


@browser_test
def test_no_sideways_scroll_at_390_px(new_page, site: Site):
    page = new_page(viewport=PHONE)
    open_finder(page, site)
    assert not page.evaluate("document.getElementById('finder-facets').open")  # folded away
    page.click("#finder-facets > summary")
    for _ in range(2):
        widths = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert widths[0] <= widths[1], widths
        page.select_option("#finder-report", index=1)


@pytest.fixture(scope="module")
def instant_url(real_project: Project) -> Iterator[str]:
    """The real site built for the address it is served at: Material's instant navigation is
    on only there (it follows the links its sitemap lists)."""
    out = real_project.root / "site-instant"
    with served(out) as url:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
        built = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
            cwd=real_project.root, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert built.returncode == 0, built.stderr
        yield url


@browser_test
def test_it_starts_after_an_instant_navigation(page, instant_url: str, expect: Expect):
    page.goto(instant_url + "statements/")
    page.wait_for_function("typeof window.document$ !== 'undefined'")
    page.evaluate("window.stillTheSamePage = true")
    page.locator(".md-sidebar--primary a.md-nav__link[href$='finder/']").click()
    page.wait_for_selector("#finder.dossier-finder-ready")
    assert page.evaluate("window.stillTheSamePage === true"), "a full page load, not instant"
    page.select_option("#finder-topic", "diplomacy")
    assert shown(page) == expect.ids(topic="diplomacy")
    # Away and back: the new copy of the page starts too, from the address.
    page.locator(".md-tabs a[href$='timeline/']").click()
    page.wait_for_url(re.compile(r"timeline/$"))
    page.wait_for_function("!document.getElementById('finder')")
    page.go_back()
    page.wait_for_selector("#finder.dossier-finder-ready")
    assert page.input_value("#finder-topic") == "diplomacy"
    assert shown(page) == expect.ids(topic="diplomacy")
    # A link from another page to a filtered view (as topics and venues link) opens it.
    page.locator(".md-tabs a[href$='timeline/']").click()
    page.wait_for_url(re.compile(r"timeline/$"))
    page.wait_for_function("!document.getElementById('finder')")  # the timeline is in place
    page.evaluate(
        """href => document.querySelector('article').append(Object.assign(
             document.createElement('a'), {href, id: 'to-finder', textContent: 'finder'}))""",
        "../" + urls.url_finder(kind="direct"),
    )
    page.click("#to-finder")
    page.wait_for_selector("#finder.dossier-finder-ready")
    assert page.input_value("#finder-kind") == "direct"
    assert shown(page) == expect.ids(kind="direct")
    assert page.evaluate("window.stillTheSamePage === true"), "a full page load, not instant"


@browser_test
def test_screenshots_of_the_finder(new_page, site: Site):
    """For a human to look at: the finder at both widths, unfiltered and filtered."""
    ARTIFACTS.mkdir(exist_ok=True)
    for label, viewport in (("desktop", DESKTOP_SHORT), ("phone", PHONE)):
        page = new_page(viewport=viewport)
        open_finder(page, site)
        page.screenshot(path=str(ARTIFACTS / f"finder-{label}.png"))
        open_finder(page, site, urls.finder_query(speaker="kim-jong-un"))
        out = ARTIFACTS / f"finder-{label}-filtered.png"
        page.screenshot(path=str(out), full_page=True)
        assert out.stat().st_size > 5_000


# --------------------------------------------------------------------------- hostile text


@browser_test
def test_hostile_text_stays_text_and_formulas_stay_guarded(
    browser, hostile_project: Project, hostile_site_url: str
):
    exported = csv_rows((hostile_project.site / "data" / "statements.csv").read_text("utf-8"))
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: (errors.append(d.message), d.dismiss()))
        page.goto(hostile_site_url + FINDER)
        page.wait_for_selector("#finder.dossier-finder-ready")
        venues = [o["value"] for o in options(page, "venue") if o["value"]]
        assert "@SUM(A1:A2)" in venues
        page.select_option("#finder-venue", "@SUM(A1:A2)")
        assert state(page) == {"venue": ["@SUM(A1:A2)"]}
        page.reload()
        page.wait_for_selector("#finder.dossier-finder-ready")
        assert page.input_value("#finder-venue") == "@SUM(A1:A2)"
        page.click("#finder-clear")
        with page.expect_download() as download:
            page.click("#finder-download")
        got = csv_rows(Path(download.value.path()).read_text(encoding="utf-8"))
        assert got == exported  # the whole view: every row, every guard as statements.csv's
        assert any(cell.startswith("'=") for row in got for cell in row)
        assert page.evaluate(DOM_CHECK_JS) == []  # no handler, no payload element
        assert not errors
    finally:
        context.close()
