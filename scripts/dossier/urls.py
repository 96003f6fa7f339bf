"""The one owner of page paths, anchors and URLs. Nothing else builds a path.

`doc_*` are paths of Markdown files relative to `docs/`; `url_*` are site URLs
relative to the site root, as published in the exports.
"""

from __future__ import annotations

import functools
import posixpath
import re
import urllib.parse

from .text import slugify

REPORTS_INDEX = "reports/index.md"
TIMELINE = "timeline.md"
STATEMENTS = "statements/index.md"
STATEMENTS_BY_SPEAKER = "statements/by-speaker.md"
ACTORS_INDEX = "actors/index.md"
GLOSSARY = "glossary.md"
HOME = "index.md"
DATA_PAGE = "data.md"
ABOUT = "about.md"
DATA_DIR = "data"
TIMELINE_SVG = "assets/generated/timeline-overview.svg"
REFERENCES = "references.md"
THREADS = "threads.md"
TALKING_POINTS = "talking-points.md"
DIFFERENCES = "statements/differences.md"


def doc_report(report_id: str) -> str:
    return f"reports/{report_id}.md"


def doc_actor(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def doc_data(name: str) -> str:
    return f"{DATA_DIR}/{name}"


def include_report(report_id: str) -> str:
    """A report's generated fragments, relative to the snippets base path (`includes/`)."""
    return f"reports/{report_id}.md"


def include_section(report_id: str, section: str) -> str:
    return f"{include_report(report_id)}:{section}"


def _site(doc: str) -> str:
    """The directory URL MkDocs gives a Markdown page (use_directory_urls)."""
    if doc == HOME:
        return ""
    if doc.endswith("/index.md"):
        return doc[: -len("index.md")]
    return doc[: -len(".md")] + "/"


def url_report(report_id: str) -> str:
    return _site(doc_report(report_id))


def url_paragraph(report_id: str, pid: str) -> str:
    return f"{url_report(report_id)}#{pid}"


def statement_anchor(statement_id: str) -> str:
    """A statement's anchor on the statements index (its id: ids are chosen to be cited)."""
    return statement_id


def event_anchor(event_id: str) -> str:
    return event_id


def speaker_anchor(actor_id: str) -> str:
    """A speaker's section on the by-speaker page."""
    return actor_id


def doc_part(base: str, key: tuple[int, ...]) -> str:
    """One page of a listing split by date (see layout.py): `statements/index.md` and
    (2024, 3) → `statements/2024/03/index.md`; a part of a month is numbered
    (`statements/2024/03/2/index.md`); `timeline.md` → `timeline/2024/index.md`."""
    folder = base[: -len("index.md")] if base.endswith("/index.md") else base[: -len(".md")] + "/"
    months = (f"{k:02d}" if k else "undated" for k in key[1:2])  # 0: the month is not known
    segments = [f"{key[0]:04d}", *months, *(str(k) for k in key[2:])]
    return folder + "/".join(segments) + "/index.md"


def doc_numbered(base: str, n: int) -> str:
    """One numbered page of a listing without dates: `references.md` → `references/2/index.md`."""
    folder = base[: -len("index.md")] if base.endswith("/index.md") else base[: -len(".md")] + "/"
    return f"{folder}{n}/index.md"


def url_statement(statement_id: str, doc: str = STATEMENTS) -> str:
    """A statement's address; `doc` is the page holding it (Index.url_statement knows it)."""
    return f"{_site(doc)}#{statement_anchor(statement_id)}"


def url_event(event_id: str, doc: str = TIMELINE) -> str:
    return f"{_site(doc)}#{event_anchor(event_id)}"


def url_actor(actor_id: str) -> str:
    return _site(doc_actor(actor_id))


def link(from_doc: str, to_doc: str, anchor: str | None = None) -> str:
    """A relative Markdown link target from one docs page to another (MkDocs checks these)."""
    target = _relative(from_doc, to_doc)
    return f"{target}#{anchor}" if anchor else (target or "#")


@functools.lru_cache(maxsize=1 << 18)
def _relative(from_doc: str, to_doc: str) -> str:
    # Pages link to the same few pages many times over (every paragraph of a long report
    # links to the statements page): compute each relative path once. Both are clean paths
    # under docs/ (no "." or ".." parts), so the common folders can simply be dropped: the
    # result is posixpath.relpath's, without its cost on a corpus of thousands of pages.
    if to_doc == from_doc:
        return ""
    here = from_doc.split("/")[:-1]
    there = to_doc.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def asset(from_doc: str, asset_path: str) -> str:
    """A relative link to a non-page file under docs/ (images, data files)."""
    return posixpath.relpath(asset_path, posixpath.dirname(from_doc))


def statement_link(from_doc: str, statement_id: str, doc: str = STATEMENTS) -> str:
    return link(from_doc, doc, statement_anchor(statement_id))


def event_link(from_doc: str, event_id: str, doc: str = TIMELINE) -> str:
    return link(from_doc, doc, event_anchor(event_id))


def actor_link(from_doc: str, actor_id: str) -> str:
    return link(from_doc, doc_actor(actor_id))


def report_link(from_doc: str, report_id: str, pid: str | None = None) -> str:
    return link(from_doc, doc_report(report_id), pid)


# --- anchors the generator makes on its pages (editor ids must not take them) --------------

NOTES_SECTION = "editorial-notes"
STATEMENTS_SECTION = "statements"
EVENTS_SECTION = "events"
NOT_STATEMENTS_SECTION = "not-statements"
CONVERSION_SECTION = "conversion"
REPORTS_SECTION = "reports"
SECTION_ANCHORS = (
    NOTES_SECTION, STATEMENTS_SECTION, EVENTS_SECTION, NOT_STATEMENTS_SECTION,
    CONVERSION_SECTION, REPORTS_SECTION,
)  # fmt: skip
# Year and month headings on the timeline and the statements index, and note targets on
# report pages, are named by these prefixes; ids of statements and events must not start so.
RESERVED_PREFIXES = ("year-", "month-", "note-")


def year_anchor(year: int) -> str:
    return f"year-{year}"


def month_anchor(year: int, month: int) -> str:
    """The heading of a month; month 0 is the 'month not known' part of a year."""
    return f"month-{year}-{month:02d}" if month else f"year-{year}-undated"


def note_anchor(pid: str) -> str:
    """The first editorial note on paragraph `pid`, on its report page."""
    return f"note-{pid}"


def glossary_anchor(term: str) -> str:
    return slugify(term, 12) or "term"


def reserved_anchor(candidate: str) -> bool:
    """True when an editor's id would clash with an anchor the generator makes."""
    return candidate.startswith(RESERVED_PREFIXES) or candidate in SECTION_ANCHORS


# --- published addresses (data/published.txt) and their redirects -------------------------
# An address is what a reader cites: a site URL relative to the root, as `url_*` build it.

ADDRESS_KINDS = ("report", "paragraph", "statement", "event", "actor")
REDIRECTS_JS = "assets/generated/redirects.js"
_ADDRESS_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # the ids' slug grammar
_ADDRESS_ANCHOR = r"[A-Za-z][A-Za-z0-9_-]*"  # paragraph ids
_ADDRESS_PART = r"(?:\d{4}/(?:(?:\d{2}|undated)/(?:[1-9]\d*/)?)?)?"  # year, month, part


def _address_patterns() -> dict[str, re.Pattern[str]]:
    """Each kind of address as a pattern, derived from the `url_*` functions so the two
    cannot drift apart."""
    part = "PART"  # a listing split by date: `statements/2024/03/2/#id` (doc_part)
    templates = {
        "report": url_report("{id}"),
        "paragraph": url_paragraph("{id}", "{anchor}"),
        "statement": url_statement("{id}", doc_part(STATEMENTS, (0,)).replace("0000", part)),
        "event": url_event("{id}", doc_part(TIMELINE, (0,)).replace("0000", part)),
        "actor": url_actor("{id}"),
    }
    return {
        kind: re.compile(
            re.escape(template)
            .replace(re.escape("{id}"), _ADDRESS_ID)
            .replace(re.escape("{anchor}"), _ADDRESS_ANCHOR)
            .replace(re.escape(part + "/"), _ADDRESS_PART)
        )
        for kind, template in templates.items()
    }


_ADDRESS_PATTERNS = _address_patterns()


def address_kind(address: str) -> str | None:
    """Which kind of published address `address` is, or None when it is none of them."""
    for kind, pattern in _ADDRESS_PATTERNS.items():
        if pattern.fullmatch(address):
            return kind
    return None


def address_page(address: str) -> str:
    """The page part of an address: `reports/x/#p4` → `reports/x/`."""
    return address.partition("#")[0]


def address_anchor(address: str) -> str | None:
    _page, hashmark, anchor = address.partition("#")
    return anchor if hashmark else None


def with_anchor(page_address: str, anchor: str) -> str:
    return f"{page_address}#{anchor}"


def doc_redirect(page_address: str) -> str:
    """Where the redirect page for a vanished page address goes, relative to `docs/`
    (a plain HTML file: MkDocs copies it as it is, so the old URL keeps answering)."""
    return f"{page_address}index.html"


def relative_address(from_page: str, to_address: str) -> str:
    """A link from the page at `from_page` to any address, relative (works from file://)."""
    page, hashmark, anchor = to_address.partition("#")
    target = posixpath.relpath(page or ".", from_page or ".")
    target = "./" if target == "." else target + ("/" if page.endswith("/") else "")
    return f"{target}#{anchor}" if hashmark else target


def raw_link(from_doc: str, to_address: str) -> str:
    """A link in HTML or SVG that the generator writes itself (MkDocs rewrites only Markdown
    links), from the page `from_doc` (a `.md` path under docs/) or the file `from_doc` (any
    other path under docs/) to a site address; on the same page, the anchor alone."""
    here = _site(from_doc) if from_doc.endswith(".md") else posixpath.dirname(from_doc) + "/"
    page, hashmark, anchor = to_address.partition("#")
    if hashmark and page == here:
        return f"#{anchor}"
    return relative_address(here.lstrip("/"), to_address)


def site_root_from(doc: str) -> str:
    """The site root relative to a file under docs/: `assets/generated/x.js` → `../../`."""
    depth = doc.count("/")
    return "../" * depth if depth else "./"


# --- outside sources, threads and talking points --------------------------------------------


def reference_anchor(reference_id: str) -> str:
    return reference_id


def reference_link(from_doc: str, reference_id: str, doc: str = REFERENCES) -> str:
    return link(from_doc, doc, reference_anchor(reference_id))


def url_reference(reference_id: str, doc: str = REFERENCES) -> str:
    return f"{_site(doc)}#{reference_anchor(reference_id)}"


def thread_anchor(first_statement_id: str) -> str:
    """A thread is named after its earliest statement."""
    return f"thread-{first_statement_id}"


def thread_link(from_doc: str, first_statement_id: str, doc: str = THREADS) -> str:
    return link(from_doc, doc, thread_anchor(first_statement_id))


def talking_point_anchor(point_id: str) -> str:
    return point_id


def talking_point_link(from_doc: str, point_id: str, doc: str = TALKING_POINTS) -> str:
    return link(from_doc, doc, talking_point_anchor(point_id))


def url_talking_point(point_id: str, doc: str = TALKING_POINTS) -> str:
    return f"{_site(doc)}#{talking_point_anchor(point_id)}"


# --- the statement finder and its filter state -----------------------------------------------
# The finder keeps its filters in the query string, so a filtered view can be shared, reloaded
# and navigated with back/forward. One value per key; keys in this order; values are the ids or
# words the data uses (percent-encoded). docs/assets/finder.js reads and writes the same keys.
#   speaker      actor id of the speaker              speaker=us-state-department
#   on_behalf_of actor id (country or organisation)   on_behalf_of=united-states
#   kind         direct | partial | paraphrase        kind=partial
#   venue        the statement's venue, as recorded   venue=briefing
#   topic        topic id                             topic=arms-transfers
#   month        YYYY-MM (statements dated within it) month=2024-06
#   since, until YYYY, YYYY-MM or YYYY-MM-DD (a range, both ends included)
#   report       report id                            report=2024-06-19-...
#   event        event id                             event=putin-visit-2024
#   differs      yes | no (the issued text is public and differs, or matches)
#   thread       id of the thread's earliest statement (as on the Threads page)
#   words        free text over the statement and its paragraph (not `q`: Material's search
#                reads `q` from any address and opens itself with it)

FINDER = "statements/finder.md"
FINDER_FILTERS = (
    "speaker", "on_behalf_of", "kind", "venue", "topic", "month", "since", "until",
    "report", "event", "differs", "thread", "words",
)  # fmt: skip


def finder_query(**filters: str) -> str:
    """The query string (with its `?`, or "" when there is no filter) for a filter state."""
    unknown = sorted(set(filters) - set(FINDER_FILTERS))
    if unknown:
        raise ValueError(f"unknown finder filter(s): {', '.join(unknown)}")
    pairs = [(key, filters[key]) for key in FINDER_FILTERS if filters.get(key)]
    return "?" + urllib.parse.urlencode(pairs, quote_via=urllib.parse.quote) if pairs else ""


@functools.lru_cache(maxsize=1 << 16)  # pages link to the same few filters thousands of times
def finder_link(from_doc: str, **filters: str) -> str:
    """A relative Markdown link to the finder filtered by `filters`, for a page's Markdown:
    from `actors/x.md`, `finder_link(doc, topic="arms-transfers")` is
    `../statements/finder.md?topic=arms-transfers`, which MkDocs checks and publishes as
    `../../statements/finder/?topic=arms-transfers` (it keeps the query string)."""
    target = _relative(from_doc, FINDER) or posixpath.basename(FINDER)  # the file even from itself
    return target + finder_query(**filters)


def url_finder(**filters: str) -> str:
    """The finder's site URL with a filter state, relative to the site root."""
    return _site(FINDER) + finder_query(**filters)


FINDER_JS = "assets/finder.js"  # hand-written


def finder_data(name: str) -> str:
    """One of the finder's data files, written by `dossier build` beside its page: `facets`
    (what every part shares) or a period's statements (`2024`, `2024-06`, `2024-06-p2`)."""
    return f"{_site(FINDER)}data/{name}.js"


@functools.lru_cache(maxsize=1 << 17)
def absolute(site_url: str, url: str) -> str:
    """A site URL (as `url_*` give) made absolute on the published site: what a citation,
    a feed or a copied link carries."""
    return urllib.parse.urljoin(site_url, url)


# --- the Quality page: Lighthouse scores measured by scripts/lighthouse.py -------------------

QUALITY = "quality.md"
QUALITY_DATA = "data/quality.json"  # the measurement, relative to the project root (committed)

# --- the Performance page: what scripts/bench.py (`make bench`) measured ---------------------

PERFORMANCE = "performance.md"
PERFORMANCE_DATA = "data/performance.json"  # relative to the project root (committed)


def url_page(doc: str) -> str:
    """The site URL of a Markdown page under docs/ (`timeline.md` → `timeline/`)."""
    return _site(doc)


# --- originals as pages, and the feeds -------------------------------------------------------


def doc_original(report_id: str) -> str:
    """A report's original as a page of numbered lines, next to its report page
    (`reports/<id>/original/`; the raw file stays under `data/sources/`)."""
    return f"reports/{report_id}/original.md"


def original_line_anchor(line: int) -> str:
    """Line `line` (1-based, as removal records count them) on an original's page."""
    return f"L{line}"


def url_original(report_id: str, line: int | None = None) -> str:
    page = _site(doc_original(report_id))
    return f"{page}#{original_line_anchor(line)}" if line is not None else page


def original_link(from_doc: str, report_id: str, line: int | None = None) -> str:
    anchor = original_line_anchor(line) if line is not None else None
    return link(from_doc, doc_original(report_id), anchor)


# The Atom feeds, written by `dossier build` as they are published (not Markdown pages);
# mkdocs.yml `extra.feeds` lists the same paths for the page template to announce.
FEED_REPORTS = "feeds/reports.xml"
FEED_STATEMENTS = "feeds/statements.xml"
FEEDS = (FEED_REPORTS, FEED_STATEMENTS)
# Material's instant navigation takes every <link rel="alternate"> for another language of the
# site and fetches `sitemap.xml` beside it: an empty one answers, instead of a 404 per feed.
FEEDS_SITEMAP = "feeds/sitemap.xml"


def url_reports_index() -> str:
    return _site(REPORTS_INDEX)


def url_statements_index() -> str:
    return _site(STATEMENTS)
