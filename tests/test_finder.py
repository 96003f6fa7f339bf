"""The statement finder (statements/finder/): its generated page and data, and in Chromium every
filter, their combination, the live counts, the address round trip, the CSV of a view, the page
without JavaScript, keyboard use, axe, and how it reads at 1280×800 and 390 px.

The browser tests run on the real five-report site (test_browser.py's fixtures), whose page
lists every statement, and on the same corpus past a page limit of 10 (`split_site`), where
finder.js loads the data part by part and draws the rows; the sizes at 30,000 statements are
measured on a corpus made in memory. What each filter should show is worked out here from
statements.json, independently of finder.js.
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
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urljoin, urlparse

import pytest

import mdrender
import test_browser
from conftest import HOSTILE_CORPUS, REPO, Project, build_project, make_project, served
from dossier import urls
from dossier.dates import Date
from dossier.escape import csv_cell
from dossier.layout import DEFAULT_PAGE_LIMIT, layout_of
from dossier.model import Corpus, Pos, Statement
from dossier.render import finder
from dossier.render.finder import (
    CONTEXT_WORDS,
    FACETS,
    context,
    data_parts,
    finder_docs,
    locate,
    words_md,
)
from dossier.render.index import Index
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
    """The real corpus: a part a year, each named by its period, in date order."""
    listed = manifest(real_project)
    statements = json.loads((real_project.site / "data" / "statements.json").read_text("utf-8"))
    assert listed["total"] == len(statements) == 75 and listed["listed"] is True
    assert [p[0] for p in listed["parts"]] == ["2023", "2024"]
    # The files' address relative to finder.js, as it resolves them.
    template = urljoin("https://x/" + urls.FINDER_JS, listed["data"])
    assert urlparse(template.replace("{}", "2023")).path == "/" + urls.finder_data("2023")
    start = 0
    for name, count, latest, earliest in listed["parts"]:
        dates = [s["date"]["value"] for s in statements[start:][:count]]
        assert all(date.startswith(name) for date in dates)
        # As finder.js compares dates: the latest start and the earliest end of the part's.
        assert latest == max(_bounds_js(d)[0] for d in dates)
        assert earliest == min(_bounds_js(d)[1] for d in dates)
        start += count
    assert start == len(statements)


def _bounds_js(value: str) -> tuple[str, str]:
    """finder.js's periodStart and periodEnd."""
    return {4: (f"{value}-01-01", f"{value}-12-31"), 7: (f"{value}-01", f"{value}-31")}.get(
        len(value), (value, value)
    )


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


def _copies(corpus: Corpus, times: int) -> Corpus:
    """A corpus of `times` copies of `corpus`: every report, statement and event again under
    new ids, the copies spread over four years (the real corpus's texts, so its sizes)."""
    reports, events = [], []

    def moved(date: Date, k: int) -> Date:
        return replace(date, value=f"{int(date.value[:4]) + k % 4}{date.value[4:]}")

    for k in range(times):
        new = f"-copy-{k}"
        events += [replace(e, id=e.id + new, date=moved(e.date, k)) for e in corpus.events]
        for r in corpus.reports:
            statements = tuple(
                replace(s, id=s.id + new, report=r.id + new, date=moved(s.date, k),
                        event=s.event and s.event + new,
                        responds_to=tuple(replace(a, statement=a.statement + new)
                                          for a in s.responds_to))
                for s in r.statements
            )  # fmt: skip
            refs = tuple(replace(ref, event=ref.event + new) for ref in r.events)
            reports.append(replace(r, id=r.id + new, published=moved(r.published, k),
                                   statements=statements, events=refs))  # fmt: skip
    return replace(corpus, reports=tuple(reports), events=tuple(events), talking_points=())


def _finder(corpus: Corpus, page_limit: int) -> tuple[str, dict[str, str]]:
    """The finder page's Markdown, and its data files, as `dossier build` writes them."""
    docs = finder_docs(Index(corpus, layout=layout_of(corpus, page_limit)))
    return docs.pop(urls.FINDER), docs


def _content_html(markdown: str, project: Project) -> str:
    """A page's Markdown rendered as MkDocs renders it (its front matter aside)."""
    body = markdown.split("---\n", 2)[2]
    return mdrender.render(body, project.root / "includes")


def test_the_page_stays_small_at_30000_statements(real_project: Project):
    """400 copies of the real corpus (2,000 reports, 30,000 statements: about the size of
    2,000 reports of the synthetic corpus), generated in memory: the page lists no row and
    stays under 1 MB, no larger than at 75 statements past the limit; the data stays under
    1.6 KB a statement."""
    real, _ = load_corpus(real_project.root)
    corpus = _copies(real, 400)
    assert len(corpus.statements) == 30_000
    page, data = _finder(corpus, DEFAULT_PAGE_LIMIT)
    assert "data-id=" not in page and "finder-noscript" in page
    # The theme's part of the page: the built page of the real corpus less its own content.
    built = (real_project.site / FINDER / "index.html").read_text(encoding="utf-8")
    own = (real_project.root / "docs" / urls.FINDER).read_text(encoding="utf-8")
    theme = len(built.encode()) - len(_content_html(own, real_project).encode())
    html = len(_content_html(page, real_project).encode()) + theme
    small_page, _ = _finder(real, 10)  # the real corpus past a page limit of 10
    small_html = len(_content_html(small_page, real_project).encode()) + theme
    facets = len(data.pop(urls.finder_data(FACETS)).encode())
    parts = [len(text.encode()) for text in data.values()]
    total = facets + sum(parts)
    print(f"finder at 30,000 statements: page ~{html} B (~{small_html} B at 75 past the "
          f"limit); data {total} B ({total / 30_000:.0f} B a statement): facets.js {facets} B, "
          f"{len(parts)} parts of at most {max(parts)} B")  # fmt: skip
    assert html < 1_000_000
    # What grows: the list of data files (under 80 B a file) and a link a year; no row.
    # (at least 30,000 / (3 × page_limit) parts; months' remainders add some)
    assert 30_000 / (3 * DEFAULT_PAGE_LIMIT) <= len(parts) <= 2 * 30_000 / (3 * DEFAULT_PAGE_LIMIT)
    assert html - small_html < 80 * len(parts) + 200 * 3  # (2023 to 2027 against 2023, 2024)
    assert total / 30_000 < 1_600
    # The filters' values grow with the reports, events and threads (2,000, 7,200 and 2,400
    # here); a part holds at most 3 pages' worth of statements.
    assert facets / 30_000 < 100 and max(parts) < 1_500_000


@pytest.mark.parametrize(
    ("paragraph", "text", "expected"),
    [
        ("He said “we are ready” today.", "we are ready", "we are ready"),
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
        self.paragraphs = {(r.id, p.id): p.text for r in corpus.reports for p in r.paragraphs}
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
            "differs": lambda: (
                bool(s["issued"]) and ("yes" if s["issued"]["differs"] else "no") == value
            ),
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
            assert option["disabled"] == (
                not wanted and option["value"] != (speaker if key == "speaker" else "")
            ), (key, option)


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


# --------------------------------------------------------------------------- past the page limit
# The real corpus with mkdocs.yml's page limit at its lowest, 10: the statements index is split
# by date, and the finder's page lists no row; finder.js draws them from 7 data parts (2023, and
# 2024's own and its months), 10 at a time.

SPLIT_LIMIT = 10


def _with_page_limit(project: Project, limit: int) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    changed = re.sub(r"(?m)^(\s+page_limit:) \d+$", rf"\1 {limit}", text)
    assert changed != text, "mkdocs.yml sets no extra.dossier.page_limit"
    config.write_text(changed, encoding="utf-8")


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Built for the address it is served at, so that instant navigation is on."""
    project = make_project(tmp_path_factory.mktemp("finder-split"), REPO)
    _with_page_limit(project, SPLIT_LIMIT)
    with served(project.site) as url, pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", url)
        build_project(project.root)
        yield Site(project, url)


@pytest.fixture(scope="module")
def split_expect(split_site: Site) -> Expect:
    return Expect(split_site)


def test_past_the_page_limit_the_page_lists_no_row_but_where_to_read_them(split_site: Site):
    project = split_site.project
    listed = manifest(project)
    assert listed["listed"] is False and listed["batch"] == SPLIT_LIMIT
    assert [p[0] for p in listed["parts"]] == [
        "2023", "2024", "2024-01", "2024-03", "2024-04", "2024-05", "2024-06",
    ]  # fmt: skip
    html = (project.site / FINDER / "index.html").read_text(encoding="utf-8")
    assert built_rows(project).ids == []
    # Without JavaScript: the statements by date, year by year, by speaker, and the CSV; every
    # link a page of the site.
    block = html[html.index('id="finder-noscript"') :]
    block = block[: block.index("</div>")]
    links = re.findall(r'href="([^"]+)"', block)
    assert len(links) == 5
    for link in links:
        target = (project.site / FINDER / urlparse(link).path).resolve()
        assert (target / "index.html" if link.endswith("/") else target).is_file(), link
    assert ">2023</a> (17 statements)" in block and ">2024</a> (58 statements)" in block
    assert (project.root / "docs" / urls.FINDER).stat().st_size < 12_000  # its Markdown


def drawn(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('#finder-results li')]"
                         ".map(li => li.dataset.id)")  # fmt: skip


@browser_test
def test_drawn_rows_follow_the_filters_a_page_at_a_time(page, split_site: Site, split_expect):
    expect = split_expect
    every = expect.ids()
    open_finder(page, split_site)
    assert drawn(page) == every[:10]
    assert page.inner_text("#finder-count") == "75 statements"
    assert page.inner_text("#finder-more") == "Show 10 more (65 not shown yet)"
    page.click("#finder-more")
    assert drawn(page) == every[:20]
    assert page.evaluate("document.getElementById('finder-noscript').hidden")
    # A filter starts its view at its first rows; its counts are those of every statement.
    speaker = pick(expect, "speaker", sorted({s["speaker"] for s in expect.statements}))
    page.select_option("#finder-speaker", speaker)
    wanted = expect.ids(speaker=speaker)
    assert len(wanted) > 10 and drawn(page) == wanted[:10]
    assert page.inner_text("#finder-count") == f"{len(wanted)} of 75 statements"
    for key in SELECTS:
        for option in options(page, key):
            others = {} if key == "speaker" else {"speaker": speaker}
            assert count_of(option["text"]) == len(expect.ids(**others, **{key: option["value"]}))
    while page.is_visible("#finder-more"):
        page.click("#finder-more")
    assert drawn(page) == wanted
    page.fill("#finder-words", "sanctions")
    assert drawn(page) == expect.ids(speaker=speaker, words="sanctions")
    assert state(page) == {"speaker": [speaker], "words": ["sanctions"]}


@browser_test
def test_keyboard_alone_draws_more_rows(page, split_site: Site, split_expect: Expect):
    open_finder(page, split_site)
    for _ in range(120):  # the form's controls, then each drawn row's three links
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "finder-more":
            break
    else:
        pytest.fail("Tab never reached the button for more rows")
    page.keyboard.press("Enter")
    assert drawn(page) == split_expect.ids()[:20]
    # The new rows come before the button: focus goes on from the first of them.
    assert page.evaluate("document.activeElement.closest('li').dataset.id") == drawn(page)[10]


ROWS_JS = """() => [...document.querySelectorAll('#finder-results li')].map(li => ({
    id: li.dataset.id, kind: li.className, time: li.querySelector('time').dateTime,
    mark: li.querySelector('mark').textContent, text: li.textContent,
    links: [...li.querySelectorAll('a')].map(a => a.href)}))"""


@browser_test
def test_a_drawn_row_reads_as_the_row_the_page_lists(page, split_site: Site, site: Site):
    """Each drawn row holds what the generator's row for the same statement holds (the real
    site lists them): its words, marks, kind, date, and links to the same places."""
    open_finder(page, split_site)
    while page.is_visible("#finder-more"):
        page.click("#finder-more")
    rows = page.evaluate(ROWS_JS)
    other = page.context.new_page()
    open_finder(other, site)
    listed = {r["id"]: r for r in other.evaluate(ROWS_JS.replace("li')", "li[data-id]')"))}
    other.close()
    assert [r["id"] for r in rows] == list(listed)
    statements = {s["id"]: s for s in split_site.json("statements.json")}
    for row in rows:
        same = listed[row["id"]]
        assert (row["kind"], row["time"], row["mark"]) == (
            same["kind"],
            same["time"],
            same["mark"],
        ), row["id"]
        # Abbreviations aside (the page's text marks them; the data does not).
        assert " ".join(row["text"].split()) == " ".join(same["text"].split()), row["id"]
        paths = [urlparse(link)._replace(netloc="") for link in row["links"]]
        assert paths[:2] == [urlparse(link)._replace(netloc="") for link in same["links"][:2]]
        assert row["links"][2] == split_site.page(statements[row["id"]]["url"])


def _part_name(url: str) -> str:
    return urlparse(url).path.rsplit("/", 1)[1].removesuffix(".js")


@browser_test
def test_the_parts_the_dates_need_load_first_with_progress_shown(
    page, split_site: Site, split_expect: Expect
):
    """Only facets.js and May 2024 are let through at first: the view shows May's statements,
    says it is loading, shows its progress and no counts; the rest follows in date order."""
    requested: list[str] = []
    held: list[Any] = []

    def hold(route) -> None:
        requested.append(_part_name(route.request.url))
        if requested[-1] in ("facets", "2024-05"):
            route.continue_()
        else:
            held.append(route)

    page.route("**/statements/finder/data/*.js", hold)
    goto(page, split_site, FINDER + urls.finder_query(month="2024-05"))
    page.wait_for_selector("#finder-loading:not([hidden])")
    wanted = split_expect.ids(month="2024-05")
    assert 0 < len(wanted) <= SPLIT_LIMIT and drawn(page) == wanted
    assert page.inner_text("#finder-count") == "Loading the statements…"
    assert page.evaluate("document.getElementById('finder-progress').value") == len(wanted)
    assert page.is_disabled("#finder-download")
    assert not any(re.search(r"\(\d+\)$", o["text"]) for o in options(page, "speaker"))
    assert not page.evaluate("document.getElementById('finder').matches('.dossier-finder-ready')")
    # Three at a time: May first (no other part may hold a statement of May), then by date;
    # May's answer let the fourth go.
    assert requested == ["facets", "2024-05", "2023", "2024", "2024-01"]
    while not page.evaluate("document.getElementById('finder').matches('.dossier-finder-ready')"):
        while held:
            held.pop(0).continue_()
        page.wait_for_timeout(20)
    assert requested == ["facets", "2024-05", "2023", "2024", "2024-01", "2024-03", "2024-04",
                         "2024-06"]  # fmt: skip
    assert page.is_hidden("#finder-loading")
    assert drawn(page) == wanted
    assert page.inner_text("#finder-count") == f"{len(wanted)} of 75 statements"
    assert count_of(options(page, "speaker")[0]["text"]) == len(wanted)


@browser_test
def test_a_drawn_view_downloads_every_row_it_matches(page, split_site: Site, split_expect):
    exported = csv_rows((split_site.project.site / "data" / "statements.csv").read_text("utf-8"))
    by_id = {row[0]: row for row in exported[1:]}
    open_finder(page, split_site, urls.finder_query(kind="paraphrase"))
    wanted = split_expect.ids(kind="paraphrase")
    assert len(wanted) > SPLIT_LIMIT and drawn(page) == wanted[:SPLIT_LIMIT]
    with page.expect_download() as download:
        page.click("#finder-download")
    got = csv_rows(Path(download.value.path()).read_text(encoding="utf-8"))
    assert got == [exported[0], *(by_id[i] for i in wanted)]  # not only the rows drawn
    page.click("#finder-clear")
    with page.expect_download() as download:
        page.click("#finder-download")
    assert csv_rows(Path(download.value.path()).read_text(encoding="utf-8")) == exported


@browser_test
def test_drawn_from_files_opened_from_disk(page, split_site: Site, split_expect: Expect):
    """From file:// the parts load as scripts too, and the rows' links lead to files."""
    finder = (split_site.project.site / FINDER / "index.html").as_uri()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(finder + urls.finder_query(topic="sanctions"))
    page.wait_for_selector("#finder.dossier-finder-ready")
    wanted = split_expect.ids(topic="sanctions")
    assert drawn(page) == wanted[:SPLIT_LIMIT]
    page.select_option("#finder-kind", "paraphrase")
    assert drawn(page) == split_expect.ids(topic="sanctions", kind="paraphrase")[:SPLIT_LIMIT]
    assert state(page) == {"topic": ["sanctions"], "kind": ["paraphrase"]}
    assert all(url.startswith("file://") for url in requests)
    assert len([url for url in requests if "/finder/data/" in url]) == 8
    for href in page.evaluate(ROWS_JS)[0]["links"]:
        path = Path(urlparse(href).path)
        assert (path / "index.html").is_file(), href


@browser_test
def test_without_javascript_a_split_finder_says_where_to_read(browser, split_site: Site):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP_SHORT)
    try:
        page = context.new_page()
        page.goto(split_site.page(FINDER))
        assert page.locator("#finder-results li").count() == 0
        note = page.locator("#finder-noscript")
        assert note.is_visible() and "need JavaScript" in note.inner_text()
        assert not page.locator("#finder-form").is_visible()
        assert page.inner_text("#finder-count") == "75 statements"
        note.locator("a", has_text="2023").click()
        page.wait_for_url(re.compile(r"/statements/2023/$"))
        assert page.locator("h1").inner_text().startswith("Statements")
    finally:
        context.close()


@browser_test
def test_axe_finds_no_violations_on_a_drawn_finder(new_page, split_site: Site):
    from axe_playwright_python.sync_playwright import Axe

    problems = []
    views = [
        (DESKTOP_SHORT, "light", ""),
        (DESKTOP_SHORT, "dark", urls.finder_query(kind="direct")),
        (PHONE, "light", urls.finder_query(topic="sanctions")),
    ]
    for viewport, scheme, query in views:
        page = new_page(viewport=viewport, color_scheme=scheme)
        open_finder(page, split_site, query)
        page.evaluate("document.getElementById('finder-facets').open = true")
        result = Axe().run(page)
        if result.violations_count:
            problems.append(
                f"{viewport} {scheme} {query}:\n" + axe_summary(result.response["violations"])
            )
    # And while it loads: the progress bar and the loading message.
    page = new_page(viewport=DESKTOP_SHORT, color_scheme="dark")
    page.route("**/statements/finder/data/20*.js", lambda route: None)  # never answered
    goto(page, split_site, FINDER)
    page.wait_for_selector("#finder-loading:not([hidden])")
    result = Axe().run(page)
    if result.violations_count:
        problems.append("loading:\n" + axe_summary(result.response["violations"]))
    assert not problems, "axe-core violations:\n" + "\n".join(problems)


@browser_test
def test_a_drawn_finder_after_instant_navigation_keeps_its_data(page, split_site: Site):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    goto(page, split_site, "statements/")
    page.evaluate("window.stillTheSamePage = true")
    page.locator(".md-sidebar--primary a.md-nav__link[href$='finder/']").click()
    page.wait_for_selector("#finder.dossier-finder-ready")
    assert len([url for url in requests if "/finder/data/" in url]) == 8
    page.select_option("#finder-topic", "diplomacy")
    shown_before = drawn(page)
    page.locator(".md-tabs a[href$='timeline/']").click()
    page.wait_for_function("!document.getElementById('finder')")
    page.go_back()
    page.wait_for_selector("#finder.dossier-finder-ready")
    assert page.evaluate("window.stillTheSamePage === true"), "a full page load, not instant"
    assert drawn(page) == shown_before and page.input_value("#finder-topic") == "diplomacy"
    # The second visit drew from the parts the first one loaded.
    assert len([url for url in requests if "/finder/data/" in url]) == 8


@browser_test
def test_screenshots_of_a_drawn_finder(new_page, split_site: Site):
    """For a human to look at: the drawn rows and the button for more, at both widths."""
    ARTIFACTS.mkdir(exist_ok=True)
    for label, viewport in (("desktop", DESKTOP_SHORT), ("phone", PHONE)):
        page = new_page(viewport=viewport)
        open_finder(page, split_site)
        page.locator("#finder-more").scroll_into_view_if_needed()
        out = ARTIFACTS / f"finder-drawn-{label}.png"
        page.screenshot(path=str(out))
        assert out.stat().st_size > 5_000


@pytest.fixture(scope="module")
def hostile_drawn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The hostile corpus (6 statements, under the lowest page limit) with its finder made to
    draw its rows from the data, as past the page limit."""
    project = make_project(tmp_path_factory.mktemp("finder-hostile"), HOSTILE_CORPUS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(finder, "listed", lambda ix: False)
        build_project(project.root)
    with served(project.site) as url:
        yield Site(project, url)


@browser_test
def test_hostile_text_drawn_from_the_data_stays_text(browser, hostile_drawn: Site):
    corpus, _ = load_corpus(hostile_drawn.project.root)
    fresh = browser.new_context()
    try:
        page = fresh.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: (errors.append(d.message), d.dismiss()))
        open_finder(page, hostile_drawn)
        rows = page.evaluate(ROWS_JS)
        assert [r["id"] for r in rows] == [s.id for s in corpus.statements]
        for row, s in zip(rows, corpus.statements, strict=True):
            paragraph = corpus.report(s.report).paragraph(s.paragraph).text
            found = context(paragraph, s.text)
            # The marked words as written, characters past U+FFFF and all.
            assert row["mark"] == (paragraph[found.start : found.end] if found else s.text)
            assert corpus.actor(s.speaker).name in row["text"]
        assert page.evaluate(DOM_CHECK_JS) == []  # no handler, no payload element
        assert not errors
    finally:
        fresh.close()
