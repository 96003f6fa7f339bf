"""Listings split by date (layout.py): the statements index, the by-speaker view and the
timeline past `extra.dossier.page_limit`, with every older address still reaching its
statement or event. The real corpus is built with a low limit so that a small site has the
shape of a large one."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import test_browser
from conftest import REPO, Project, make_project, mkdocs_build, run_dossier, served
from dossier import urls
from dossier.build import generate
from dossier.dates import Date
from dossier.layout import Listing, plan

browser = test_browser.browser
new_page = test_browser.new_page
page = test_browser.page

LIMIT = 10  # the real corpus has 75 statements and 21 events: both split, in every way


def _set_limit(root: Path, limit: int) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "page_limit: 120" in text
    config.write_text(text.replace("page_limit: 120", f"page_limit: {limit}"), "utf-8")


@pytest.fixture(scope="module")
def split_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The real corpus, first built whole (its published addresses name the single pages, as
    the real data/published.txt does), then with a limit of 10 a page."""
    project = make_project(tmp_path_factory.mktemp("split"), REPO)
    _set_limit(project.root, LIMIT)
    generate(project.root, write=True)
    built = mkdocs_build(project.root)
    assert built.returncode == 0, built.stderr
    return project


def _docs(project: Project, folder: str) -> dict[str, str]:
    base = project.root / "docs"
    return {
        p.relative_to(base).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted((base / folder).rglob("index.md"))
    }


# --- the plan ---------------------------------------------------------------------------------


def _dated(values: list[str]) -> list[tuple[str, Date]]:
    ordered = sorted(values, key=lambda v: Date(v, "stated", "").sort_key())
    return [(f"e{i}", Date(v, "stated", "")) for i, v in enumerate(ordered)]


def _plan(items: list[tuple[str, Date]], limit: int) -> Listing:
    return plan(urls.STATEMENTS, items, lambda i: i[0], lambda i: i[1], limit)


def test_a_short_listing_stays_on_its_page() -> None:
    listing = _plan(_dated(["2024-01-02"] * 5), 5)
    assert not listing.split and listing.doc_of("e0") == urls.STATEMENTS


def test_a_long_listing_splits_by_year_then_month_then_parts() -> None:
    values = ["2023-05-01"] * 3 + ["2024"] * 2 + ["2024-03-01"] * 7 + ["2024-04"] * 2
    listing = _plan(_dated(values), 4)
    docs = {p.doc for p in listing.pages()}
    assert docs == {
        "statements/2023/index.md",
        "statements/2024/index.md",  # the year's own page: its months and the undated two
        "statements/2024/03/index.md",  # the month's own page: its parts
        "statements/2024/03/1/index.md",
        "statements/2024/03/2/index.md",
        "statements/2024/04/index.md",
    }
    year = listing.parts[(2024,)]
    assert year.children == ((2024, 3), (2024, 4)) and len(year.entries) == 2
    assert year.total == 11
    assert [len(listing.parts[k].entries) for k in ((2024, 3, 1), (2024, 3, 2))] == [4, 3]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(2019, 2026), st.integers(0, 12), st.integers(1, 28)),
        max_size=120,
    ),
    st.integers(3, 30),
)
def test_every_entry_is_on_exactly_one_page_of_at_most_the_limit(
    days: list[tuple[int, int, int]], limit: int
) -> None:
    values = [f"{y}" if not m else f"{y}-{m:02d}-{d:02d}" for y, m, d in days]
    items = _dated(values)
    listing = _plan(items, limit)
    if not listing.split:
        assert len(items) <= limit
        return
    placed = Counter(e for p in listing.parts.values() for e in p.entries)
    assert set(placed) == {i for i, _ in items} and set(placed.values()) == {1}
    for part in listing.parts.values():
        undated_on_year_page = len(part.key) == 1 and part.children
        assert len(part.entries) <= limit or undated_on_year_page
        assert listing.parts[()].total == len(items)
    # Pages follow the listing's order: reading them in turn gives the entries in order.
    assert [e for p in listing.pages() for e in p.entries] == [i for i, _ in items]


# --- the built site ----------------------------------------------------------------------------


def test_every_statement_is_on_one_page_and_no_page_is_long(split_project: Project) -> None:
    docs = _docs(split_project, "statements")
    cards = Counter()
    for doc, text in docs.items():
        if "/by-speaker/" in doc:
            continue
        found = re.findall(r'^<div class="dossier-statement ', text, re.M)
        assert len(found) <= LIMIT, doc
        cards.update(re.findall(r"^#### .* \{ #([a-z0-9-]+) \}$", text, re.M))
    statements = split_project.root / "docs" / "data" / "statements.json"
    ids = set(re.findall(r'"id": "([a-z0-9-]+)"', statements.read_text("utf-8")))
    assert set(cards) >= ids and max(cards.values()) == 1
    first = docs[urls.STATEMENTS]
    assert not re.search(r'^<div class="dossier-statement ', first, re.M)  # no card
    assert "[2024](2024/index.md)" in first


def test_links_to_a_statement_name_its_page(split_project: Project) -> None:
    """A report's chips, the finder's permalinks and the data exports all point at the page
    that holds the statement, and the built site has that anchor there (MkDocs --strict
    checked every Markdown link already)."""
    site = split_project.site
    data = (split_project.root / "docs" / "data" / "statements.json").read_text("utf-8")
    urls_in_export = re.findall(r'"url": "(statements/[^"]+)"', data)
    assert urls_in_export and all(
        re.fullmatch(r"statements/\d{4}/.*#.+", u) for u in urls_in_export
    )
    for address in urls_in_export[:20]:
        page, anchor = address.split("#")
        html = (site / page / "index.html").read_text("utf-8")
        assert f'id="{anchor}"' in html, address


def test_old_addresses_are_mapped_on_the_page_they_left(split_project: Project) -> None:
    published = (split_project.root / "data" / "published.txt").read_text("utf-8")
    old = re.findall(r"^statements/#([a-z0-9-]+)$", published, re.M)
    assert len(old) == 75  # the real corpus's addresses, from before the split
    html = (split_project.site / "statements" / "index.html").read_text("utf-8")
    block = re.search(
        r'<div id="dossier-moved" hidden data-page="statements/" data-moved="([^"]+)"', html
    )
    assert block, "the first page carries no map of the statements that left it"
    for sid in old:
        assert f"&quot;{sid}&quot;" in block.group(1)
    # New addresses are recorded too, and the old lines are kept.
    assert re.search(r"^statements/2024/\d{2}/(\d+/)?#", published, re.M)


def test_a_bad_page_limit_is_named(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", REPO)
    _set_limit(project.root, 3)
    done = run_dossier(project.root, "build")
    assert done.returncode != 0
    assert "mkdocs.yml" in done.stderr and "extra.dossier.page_limit" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (project.root / "docs" / "statements" / "index.md").exists()  # nothing written


def test_home_and_actor_pages_do_not_list_everything(split_project: Project) -> None:
    home = (split_project.root / "includes" / "home.md").read_text("utf-8")
    assert "the latest year" in home
    us = (split_project.root / "docs" / "actors" / "united-states.md").read_text("utf-8")
    assert "Too many to list here" in us
    assert re.search(r"\(\.\./statements/by-speaker/2024/\S*#united-states\)", us)


def test_joining_again_leaves_redirect_pages(tmp_path: Path) -> None:
    """A corpus built split, then whole (the limit raised): the part pages are gone, and
    their addresses, now in data/published.txt, lead to the single page."""
    project = make_project(tmp_path / "p", REPO)
    _set_limit(project.root, LIMIT)
    generate(project.root, write=True)
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(f"page_limit: {LIMIT}", "page_limit: 120"))
    generate(project.root, write=True)
    docs = project.root / "docs"
    assert not (docs / "statements" / "2024" / "index.md").exists()
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("index.html"))
    assert any(p.startswith("statements/2024/") for p in pages), pages
    assert any(p.startswith("timeline/2024/") for p in pages), pages


# --- in the browser ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def split_url(split_project: Project) -> Iterator[str]:
    with served(split_project.site) as url:
        yield url


@pytest.mark.browser
def test_an_old_statement_address_reaches_the_statement(
    page, split_url: str, split_project: Project
) -> None:
    published = (split_project.root / "data" / "published.txt").read_text("utf-8")
    sid = re.findall(r"^statements/#([a-z0-9-]+)$", published, re.M)[-1]
    eid = re.findall(r"^timeline/#([a-z0-9-]+)$", published, re.M)[0]
    for old, folder in ((f"statements/#{sid}", "statements/"), (f"timeline/#{eid}", "timeline/")):
        page.goto(split_url + old)
        anchor = old.split("#")[1]
        page.wait_for_url(re.compile(rf"{re.escape(split_url + folder)}\d{{4}}/.*#{anchor}$"))
        assert page.locator(f"[id='{anchor}']").is_visible()


@pytest.mark.browser
def test_a_link_inside_the_site_to_an_old_address_is_followed(
    page, split_url: str, split_project: Project
) -> None:
    """Instant navigation: a link to `statements/#id` clicked on another page."""
    published = (split_project.root / "data" / "published.txt").read_text("utf-8")
    sid = re.findall(r"^statements/#([a-z0-9-]+)$", published, re.M)[0]
    page.goto(split_url + "glossary/")
    page.wait_for_function("typeof window.document$ !== 'undefined'")
    page.evaluate(
        "href => { const a = document.createElement('a'); a.href = href; a.textContent = 'old';"
        " a.id = 'old-link'; document.querySelector('article').append(a); }",
        f"../statements/#{sid}",
    )
    page.click("#old-link")
    page.wait_for_url(re.compile(rf"/statements/\d{{4}}/.*#{sid}$"))
    assert page.locator(f"[id='{sid}']").is_visible()


# --- the record's pages ------------------------------------------------------------------------


def test_the_record_pages_split_and_links_follow(split_project: Project) -> None:
    """Threads, talking points, compared wording and outside sources spread over pages too
    (a limit of 2 and 3 here, in memory: the real corpus has few threads), each entry on one
    page, and the links to them built for that page."""
    from dossier.layout import layout_of
    from dossier.render.index import Index
    from dossier.render.record import differences_pages, references_pages, talking_points_pages
    from dossier.render.threads import threads_pages
    from dossier.validate import load_corpus

    corpus, _ = load_corpus(REPO)
    for limit in (2, 3):
        ix = Index(corpus, layout=layout_of(corpus, limit))
        pages = {
            "threads": (threads_pages(ix), ix.layout.threads, urls.thread_anchor),
            "points": (talking_points_pages(ix), ix.layout.talking_points, str),
            "differences": (differences_pages(ix), ix.layout.differences, str),
            "references": (references_pages(ix), ix.layout.references, urls.reference_anchor),
        }
        for name, (docs, listing, anchor) in pages.items():
            assert listing.split, name
            assert set(docs) == {listing.base} | {p.doc for p in listing.pages()}, name
            for part in listing.pages():
                assert len(part.entries) <= limit or part.children, (name, part.key)
                for entry in part.entries:
                    if name != "differences":  # its entries are statements, linked elsewhere
                        assert f"{{ #{anchor(entry)} }}" in docs[part.doc], (name, entry)
        thread = ix.threads[0]
        link = ix.thread_link(urls.STATEMENTS, thread.anchor_id)
        assert link.startswith("../threads/")
        assert link.endswith(f"#{urls.thread_anchor(thread.anchor_id)}")
        ref = corpus.references[-1]
        assert ix.url_reference(ref.id).startswith("references/")
        assert re.fullmatch(r"references/\d+/#.+", ix.url_reference(ref.id))


def test_long_tables_are_left_out_of_search(split_project: Project) -> None:
    """Past the limit an index's table is left out of search (each entry has its own page):
    a section of a thousand rows would be every search's first hit and too long for a
    search index's field. Short ones stay searchable."""
    actors = (split_project.root / "docs" / "actors" / "index.md").read_text("utf-8")
    sections = re.split(r"^## ", actors, flags=re.M)[1:]
    long = [s for s in sections if s.count("\n| [") > LIMIT]
    short = [s for s in sections if s.count("\n| [") <= LIMIT]
    assert long and short
    assert all("<div markdown data-search-exclude>" in s for s in long)
    assert not any("data-search-exclude" in s for s in short)
    reports = (split_project.root / "docs" / "reports" / "index.md").read_text("utf-8")
    assert "data-search-exclude" not in reports  # 5 reports: under the limit


def test_a_listing_out_of_date_order_keeps_every_entry() -> None:
    """Threads are listed by their first statement, which need not be the earliest: each
    year and month is still one page, holding every entry once (a year met twice once lost
    the entries of its first meeting, and their links pointed at no page)."""
    items = _dated(["2020-01-01", "2021-05-01", "2020-03-01", "2021-06-01", "2020-02-01"] * 3)
    shuffled = items[1::2] + items[::2]
    listing = _plan(shuffled, 4)
    placed = Counter(e for p in listing.parts.values() for e in p.entries)
    assert set(placed) == {i for i, _ in items} and set(placed.values()) == {1}
    assert {p.key for p in listing.pages() if len(p.key) == 1} == {(2020,), (2021,)}


def test_a_synthetic_corpus_split_small_builds_strictly(tmp_path: Path) -> None:
    """A synthetic corpus of 60 reports with a limit of 10 a page: every listing split, every
    link between the pages resolved (MkDocs --strict)."""
    import sys

    sys.path.insert(0, str(REPO / "scripts"))
    import synth

    root = tmp_path / "p"
    synth.make_corpus(root, 60)
    _set_limit(root, LIMIT)
    generated = run_dossier(root, "build")
    assert generated.returncode == 0, generated.stderr
    docs = root / "docs"
    for folder in ("statements", "timeline", "threads", "references", "talking-points"):
        assert list((docs / folder).glob("*/**/index.md")), folder
    built = mkdocs_build(root)
    assert built.returncode == 0, built.stderr[-3000:]


def test_long_record_lists_are_left_out_of_search(tmp_path: Path) -> None:
    """On the pages of a split record list, what would make one section longer than a search
    index's field (a source's citations, a point's or a thread's statements, the compared
    wording) is left out of search; headings stay searchable."""
    from dossier.layout import layout_of
    from dossier.render.index import Index
    from dossier.render.record import differences_pages, references_pages, talking_points_pages
    from dossier.render.threads import threads_pages
    from dossier.validate import load_corpus

    corpus, _ = load_corpus(REPO)
    ix = Index(corpus, layout=layout_of(corpus, 3))
    for render in (threads_pages, talking_points_pages, differences_pages, references_pages):
        for doc, text in render(ix).items():
            if doc.endswith("/index.md") and re.search(r"\d/index\.md$", doc):
                outside = re.sub(
                    r"<div markdown data-search-exclude>.*?</div>", "", text, flags=re.S
                )
                # No list of links outside, but the contents (links to the pages under it).
                listed = re.findall(r"^ *- .*\]\(([^)]+)\)", outside, re.M)
                assert all(t.endswith("index.md") for t in listed), (doc, listed)


def test_an_actors_long_report_list_is_left_out_of_search(tmp_path: Path) -> None:
    """An actor named in more than 40 reports has its Reports section left out of search, as a
    long events list is: at 2,000 reports one such section outgrew Zensical's 8 KB field.
    Each report is found by its own page; a short list stays searchable."""
    import sys

    sys.path.insert(0, str(REPO / "scripts"))
    import synth
    from dossier.render.actors import LONG_LIST, actor_page
    from dossier.render.index import Index
    from dossier.validate import load_corpus

    root = tmp_path / "p"
    synth.make_corpus(root, 60)
    corpus, _ = load_corpus(root)
    ix = Index(corpus)
    seen = {"long": 0, "short": 0}
    for actor in corpus.actors:
        count = len(ix.reports_of(actor.id))
        if not count:
            continue
        section = actor_page(actor, ix).split("## Reports", 1)[1]
        if count > LONG_LIST:
            seen["long"] += 1
            assert section.split("\n", 3)[2] == "<div markdown data-search-exclude>", actor.id
            assert section.rstrip().endswith("</div>"), actor.id
        else:
            seen["short"] += 1
            assert "data-search-exclude" not in section, actor.id
    assert seen["long"] and seen["short"], seen
