"""The statement finder: one page to filter every statement, and its data in small files.

The page (`statements/finder.md`) holds the filter form (raw HTML holding no link, text
through `escape.html_text`/`html_attr`, shipped `hidden`) and, while the corpus fits on one
page of the statements index (`ix.layout.page_limit` statements; the real corpus does), every
statement as a compact row: date at its precision, speaker, kind, the words with the quoted
part marked inside their sentence, the report and ¶, the permalink. The rows are a Markdown
list (md_in_html, attr_list), so that MkDocs and Zensical both check their links and make them
relative to the page, and the list reads with JavaScript off. Past the limit the page lists no
row and stays small whatever the corpus (the form, the list of data files, links to the
statements by year for a reader without JavaScript), and finder.js draws the rows from the
data, `page_limit` at a time with a button for more.

`docs/assets/finder.js` (hand-written) is one of the site's scripts (mkdocs.yml,
extra_javascript). On the finder page it loads the data, fills in and shows the form, filters
the rows, counts every filter value, keeps the filter state in the query string (keys:
`urls.FINDER_FILTERS`) and downloads the shown statements as CSV. It sets only `textContent`:
no text from a report becomes markup.

The data: files under `statements/finder/data/` (`urls.finder_data`), each a script that hands
its part to `dossierFinderData(...)`, so that it loads from file:// too (a page opened from disk
cannot fetch JSON); only the finder page asks for them. `facets.js` holds what every part
shares: the filter keys, statements.csv's columns, each filter's values and labels, the
speakers' names and pages, the reports' titles and addresses. The statements are split by
date, as the statements index is, into parts of at most `PART_PAGES` × `page_limit`
statements: a year (`2024.js`), or, past that, its months (`2024-06.js`, and `2024-06-p2.js` …
for a month larger still; a split year's own file, `2024.js` or `2024-p2.js` …, holds the
statements dated to the year alone). Each part holds, per statement, statements.csv's row
before the formula guard (the script applies the guard, as `escape.csv_cell` does, when it
writes the CSV) and what its row shows that the CSV lacks (the date as shown, the ¶ number,
where the marked words and their context stand in the paragraph); the text of each paragraph
that has a statement (for the words filter); each statement's thread. The page lists the parts
with their size and dates, in date order; finder.js loads those the filters' dates need
first, then the rest in the background, showing its progress; counts show once every part is
in, when they count every statement.

How it grows, measured by tests/test_finder.py (which fails past 1.6 KB of data or 1.8 KB of
page a statement, and past 1 MB of page at 30,000 statements), and once on the synthetic corpus
of scripts/synth.py (26 November 2026):

| statements | page (HTML) | data | a statement | files |
|--:|--:|--:|--:|--:|
| 75 (the page lists them) | 105 KB | 109 KB | 1.45 KB | facets.js 10 KB, 2 parts |
| 75 (page limit 10) | 27 KB | 109 KB | 1.45 KB | 7 parts |
| 12,818 (synth.py, 1,000 reports) | 34 KB | 15.2 MB | 1.18 KB | facets.js 1.2 MB, 93 parts |
| 30,000 (400 copies of the five) | 32 KB | 43.5 MB | 1.45 KB | facets.js 2.2 MB, 68 parts ≤ 1 MB |

Data grows linearly with the statements, facets.js with the reports, events and threads (7,200
events there: 1 MB of their titles). Past the page limit the page grows only by the list of
data files (under 80 B each) and a link a year. At 1,000 synthetic reports, in Chromium from a
local server (uncompressed, 2 shared cores): the form is ready 0.65 s after the page starts,
the first rows follow at 1.2 s, every part is in at 4.6 s; then a filter takes 0.1 s, the
first words typed 0.7 s (each statement's text is folded once). Generating the page and its
data takes about 1 s there.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import groupby

from .. import urls
from ..dates import MONTHS
from ..escape import html_attr, json_for_html, md_inline
from ..model import Statement
from ..write import MARKER
from .exports import _flat, statements_records
from .fmt import KIND_SHORT, banner, front_matter, plural
from .index import Index

CONTEXT_WORDS = 8  # words of the sentence kept on each side of the statement's span
PART_PAGES = 3  # a data file holds at most this many pages' worth (page_limit) of statements
FACETS = "facets"  # the name of the data file every part shares
_QUOTES = "\"'“”„‟‘’‚"
_ANY_QUOTE = str.maketrans({c: f"[{_QUOTES}]" for c in _QUOTES})  # (re.escape leaves them)
_ONE_QUOTE = re.compile(f"[{_QUOTES}]")
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")  # a run of spaces, or any space but " "
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")


def finder_docs(ix: Index) -> dict[str, str]:
    """The page and its data files, as docs path → content."""
    parts = data_parts(ix.statements, PART_PAGES * ix.layout.page_limit)
    rows = {r["id"]: _flat(r) for r in statements_records(ix)}  # statements.csv's rows
    columns = list(next(iter(rows.values()), {}))
    docs = {urls.FINDER: finder_page(ix, parts)}
    docs[urls.finder_data(FACETS)] = _script(FACETS, facets_data(ix, columns))
    for part in parts:

        def make(part: DataPart = part) -> str:
            table = [[rows[s.id][c] for c in columns] for s in part.statements]
            return _script(part.name, part_data(ix, part, table))

        doc = urls.finder_data(part.name)
        docs[doc] = ix.page(doc, ix.statement_sources(part.statements), make)
    return docs


def listed(ix: Index) -> bool:
    """Whether the page lists every statement itself (the corpus fits on one page)."""
    return len(ix.statements) <= ix.layout.page_limit


def finder_page(ix: Index, parts: list[DataPart]) -> str:
    """The page: intro, the filter form (hidden until the script runs), the rows or, past the
    page limit, a way to the statements without JavaScript; the data files' list."""
    page = urls.FINDER
    statements = ix.statements
    out = [
        # The page repeats every statement; search should land on the statement itself.
        front_matter("Statement finder", search_exclude=True, hide=("navigation", "toc")),
        banner("docs/reports/*.md and data/*.yml"),
        "# Statement finder",
        "",
        f"{plural(len(statements), 'statement')}, by date: filter them, or find their words; "
        "the address keeps the filters, to share or come back to. "
        f"[All as CSV]({urls.asset(page, urls.doc_data('statements.csv'))}) · "
        f"[with full details]({urls.link(page, urls.STATEMENTS)}).",
        "",
        # md_in_html: the form is raw HTML (no links in it); the rows are a Markdown list, so
        # that MkDocs and Zensical alike check their links and make them relative to the page.
        f'<div class="dossier-finder" id="finder" data-finder="{_manifest(ix, parts)}" markdown>',
        *_form(),
        '<div class="dossier-finder-main" markdown>',
        f'<p class="dossier-finder-count" id="finder-count" aria-live="polite">'
        f"{plural(len(statements), 'statement')}</p>",
        '<p class="dossier-finder-loading" id="finder-loading" hidden>'
        '<label for="finder-progress">Statements loaded</label> '
        f'<progress id="finder-progress" max="{len(statements)}" value="0"></progress> '
        '<span id="finder-loaded"></span></p>',
        '<div class="dossier-finder-results" id="finder-results" markdown>',
        "",
        *(_rows(ix, page) if listed(ix) else _without_script(ix, page)),
        "",
        "</div>",
        "</div>",
        "</div>",
        "",
    ]
    return "\n".join(out)


def _manifest(ix: Index, parts: list[DataPart]) -> str:
    """What finder.js needs to find the data: the data files' address relative to finder.js
    with `{}` for a part's name, the site root relative to it (for the addresses in the data),
    and each part's name and size, in date order, with the latest date its statements may
    start on and the earliest they may end on, as finder.js compares dates (`_bounds`): a
    date filter needs a part only if one of its statements may fall within it, so that
    finder.js loads those first (a few dozen bytes a part)."""
    data = {
        "root": urls.site_root_from(urls.FINDER_JS),
        "data": urls.asset(urls.FINDER_JS, urls.finder_data("{}")),
        "facets": FACETS,
        "parts": [_entry(p) for p in parts],
        "total": len(ix.statements),
        "listed": listed(ix),
        "batch": ix.layout.page_limit,
    }
    return html_attr(json_for_html(data))


def _entry(part: DataPart) -> list[str | int]:
    latest = max(_bounds(s)[0] for s in part.statements)
    earliest = min(_bounds(s)[1] for s in part.statements)
    return [part.name, len(part.statements), latest, earliest]


def _bounds(s: Statement) -> tuple[str, str]:
    """The first and last day a statement's date may be, as finder.js compares them: strings,
    a month's last day written -31 (it follows every day of any month)."""
    value = s.date.value
    return (value + "-01-01"[: 10 - len(value)], value + "-12-31"[len(value) - 4 :])


def _without_script(ix: Index, page: str) -> list[str]:
    """Past the page limit, for a reader without JavaScript: where the statements are listed
    (finder.js hides this once it draws the rows)."""
    listing = ix.layout.statements
    years = []
    for year, group in groupby(ix.statements, key=lambda s: s.date.year):
        count = plural(sum(1 for _ in group), "statement")
        if listing.split and (year,) in listing.parts:
            target = urls.link(page, listing.parts[(year,)].doc)
        else:
            target = urls.link(page, urls.STATEMENTS, urls.year_anchor(year))
        years.append(f"[{year}]({target}) ({count})")
    return [
        '<div class="dossier-finder-noscript" id="finder-noscript" markdown>',
        "",
        "The filters and this list need JavaScript. Without it, read the statements "
        f"[by date]({urls.link(page, urls.STATEMENTS)}), year by year: {' · '.join(years)}; "
        f"[by speaker]({urls.link(page, urls.STATEMENTS_BY_SPEAKER)}); or download them "
        f"[all as CSV]({urls.asset(page, urls.doc_data('statements.csv'))}).",
        "",
        "</div>",
    ]


# --------------------------------------------------------------------------- the form

LABELS = {
    "speaker": "Speaker", "on_behalf_of": "On behalf of", "kind": "Kind", "venue": "Venue",
    "topic": "Topic", "month": "Month", "since": "From", "until": "To", "report": "Report",
    "event": "Event", "differs": "Issued text", "thread": "Thread",
}  # fmt: skip
FIELDSETS = (
    ("Who", ("speaker", "on_behalf_of")),
    ("What", ("kind", "venue", "topic", "differs")),
    ("When", ("month", "since", "until")),
    ("Where", ("report", "event", "thread")),
)


def _form() -> list[str]:
    """The form, its selects holding only "Any": finder.js adds each filter's values from
    facets.js, so that the page does not grow with the number of reports, events, speakers."""
    out = [
        '<form class="dossier-finder-form" id="finder-form" hidden role="search" '
        'aria-label="Filter the statements">',
        '<div class="dossier-finder-bar">',
        '<label for="finder-words">Words</label>',
        '<input type="search" id="finder-words" name="words" autocomplete="off" '
        'aria-describedby="finder-words-hint">',
        '<span class="dossier-finder-hint" id="finder-words-hint">In the statement or its '
        "paragraph; “quote marks” keep a phrase together.</span>",
        "</div>",
        '<div class="dossier-finder-actions">',
        '<button type="button" class="md-button" id="finder-clear">Clear all filters</button>',
        '<button type="button" class="md-button" id="finder-download">'
        "Download this view (CSV)</button>",
        "</div>",
        '<details class="dossier-finder-facets" id="finder-facets" open>',
        '<summary>Filters <span id="finder-active"></span></summary>',
    ]
    for legend, keys in FIELDSETS:
        out += [f"<fieldset><legend>{legend}</legend>"]
        for key in keys:
            control = f"finder-{key.replace('_', '-')}"
            out += [
                '<div class="dossier-finder-field">',
                f'<label for="{control}">{LABELS[key]}</label>',
                f'<select id="{control}" name="{key}"><option value="">Any</option></select>',
                "</div>",
            ]
        out += ["</fieldset>"]
    return [*out, "</details>", "</form>"]


def facet_options(ix: Index) -> dict[str, list[tuple[str, str]]]:
    """Each filter's values as (value, label), in the order readers look for them."""
    ss = ix.statements
    actors = ix.corpus.actors  # sorted by the registry's order; people by family name below
    speakers = {s.speaker for s in ss}
    behalf = {a for s in ss for a in s.on_behalf_of}
    by_name = sorted(actors, key=lambda a: a.sort_key)
    venues = Counter(s.venue for s in ss)
    months = sorted({s.date.value[:7] for s in ss if s.date.precision != "year"})
    periods = sorted({s.date.value[:4] for s in ss} | set(months))
    quoted = {s.report for s in ss}
    reports = [r for r in ix.corpus.reports if r.id in quoted]
    events = [e for e in ix.corpus.events if ix.event_statements(e.id)]
    return {
        "speaker": [(a.id, a.name) for a in by_name if a.id in speakers],
        "on_behalf_of": [(a.id, a.name) for a in by_name if a.id in behalf],
        "kind": list(KIND_SHORT.items()),
        "venue": [(v, v) for v in sorted(venues, key=lambda v: (-venues[v], v))],
        "topic": [(t, t) for t in sorted({t for s in ss for t in s.topics})],
        "month": [(m, month_label(m)) for m in months],
        "since": [(p, month_label(p)) for p in periods],
        "until": [(p, month_label(p)) for p in periods],
        "report": [(r.id, f"{r.published.short()} {r.title}") for r in reports],
        "event": [(e.id, f"{e.date.short()} {e.title}") for e in events],
        "differs": [("yes", "differs from the report"), ("no", "matches the report")],
        "thread": [(t.anchor_id, _thread_label(t.statements[0], ix)) for t in ix.threads],
    }


def month_label(period: str) -> str:
    """'2024' → '2024'; '2024-06' → 'June 2024'."""
    if len(period) == 4:
        return period
    return f"{MONTHS[int(period[5:7]) - 1]} {period[:4]}"


def _thread_label(first: Statement, ix: Index) -> str:
    words = first.text.split()
    short = " ".join(words[:6]) + ("…" if len(words) > 6 else "")
    return f"{ix.actors[first.speaker].name}, {first.date.display()}: {short}"


# --------------------------------------------------------------------------- the rows


def _rows(ix: Index, page: str) -> list[str]:
    return [line for s in ix.statements for line in _row(s, ix, page)]


def _row(s: Statement, ix: Index, page: str) -> list[str]:
    """One statement as a compact row: an item of a Markdown list, its attributes on its second
    line (attr_list); every text escaped by `md_inline`, every link checked by MkDocs.
    finder.js draws the same row from the data past the page limit (its `row` function)."""
    report = ix.reports[s.report]
    para = report.paragraph(s.paragraph)
    speaker = md_inline(ix.actors[s.speaker].name)
    when = md_inline(s.date.display())
    return [
        f'1. <span class="dossier-finder-meta"><span class="dossier-finder-when">'
        f'<time datetime="{html_attr(s.date.value)}">{when}</time> '
        f'<span class="dossier-finder-kind">{KIND_SHORT[s.kind]}</span></span> '
        f"[{speaker}]({urls.actor_link(page, s.speaker)})</span> "
        f'<span class="dossier-finder-words">{words_md(s, para.text)}</span> '
        f'<span class="dossier-finder-where">[¶ {para.number}<span class="dossier-finder-report">'
        f" · {md_inline(report.title)}</span>]({urls.report_link(page, report.id, para.id)}) "
        f'[Permalink<span class="dossier-finder-sr">: {speaker}, {when}</span>]'
        f"({ix.statement_link(page, s.id)})</span>",
        f'    {{ data-id="{s.id}" .dossier-finder-row .dossier-{s.kind} }}',
    ]


@dataclass(frozen=True)
class Context:
    """Where a statement's words stand in their paragraph, with the part of their sentence
    shown around them: `paragraph[before:start]`, then the words `paragraph[start:end]`, then
    `paragraph[end:after]`; `cut_before`/`cut_after` when the sentence goes on (shown "…")."""

    before: int
    start: int
    end: int
    after: int
    cut_before: bool
    cut_after: bool


def context(paragraph: str, text: str) -> Context | None:
    """The statement's sentence, at most CONTEXT_WORDS words of it on either side of the
    words; None if the words cannot be found (the build checks that they are there)."""
    span = locate(paragraph, text)
    if span is None:
        return None
    start, end = span
    before = start - len(_SENTENCE_END.split(paragraph[:start])[-1])
    if paragraph[end - 1] in ".!?":  # the words end their sentence: keep only closing marks
        rest = paragraph[end:]
        after = end + len(rest) - len(rest.lstrip("\"'”’)"))
    else:
        found = _SENTENCE_END.search(paragraph, end)
        after = found.start() + 1 if found else len(paragraph)
    words_before = list(re.finditer(r"\S+", paragraph[before:start]))
    words_after = list(re.finditer(r"\S+", paragraph[end:after]))
    cut_before = len(words_before) > CONTEXT_WORDS
    cut_after = len(words_after) > CONTEXT_WORDS
    if cut_before:
        before += words_before[-CONTEXT_WORDS].start()
    if cut_after:
        after = end + words_after[CONTEXT_WORDS - 1].end()
    return Context(before, start, end, after, cut_before, cut_after)


def words_md(s: Statement, paragraph: str) -> str:
    """The statement's sentence with its words in <mark> (see `context`); the words alone,
    marked, if they cannot be found."""
    found = context(paragraph, s.text)
    if found is None:
        return f"<mark>{md_inline(s.text)}</mark>"
    before = paragraph[found.before : found.start]
    after = paragraph[found.end : found.after]
    if found.cut_before:
        before = "… " + " ".join(before.split()) + (" " * before[-1:].isspace())
    if found.cut_after:
        after = (" " * after[:1].isspace()) + " ".join(after.split()) + " …"
    marked = md_inline(paragraph[found.start : found.end])
    return f"{_piece(before)}<mark>{marked}</mark>{_piece(after)}"


def _piece(text: str) -> str:
    """Escaped text that keeps one space where it had space at either end."""
    if not text.strip():
        return " " if text else ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return f"{lead}{md_inline(text)}{trail}"


def locate(paragraph: str, text: str) -> tuple[int, int] | None:
    """Where `text` stands in `paragraph`, ignoring differences of whitespace and of straight
    and curly quote marks (the build checks that it is there)."""
    text = text.strip()
    if not _ODD_SPACE.search(paragraph) and not _ODD_SPACE.search(text):
        # Single spaces only, as nearly every paragraph has: a plain search once every quote
        # mark is the same one (as quick as the corpus is large; the pattern below is not).
        at = _ONE_QUOTE.sub('"', paragraph).find(_ONE_QUOTE.sub('"', text)) if text else -1
        return (at, at + len(text)) if at >= 0 else None
    parts = []
    for chunk in re.split(r"(\s+)", text):
        if chunk.isspace():
            parts.append(r"\s+")
        elif chunk:
            parts.append(re.escape(chunk).translate(_ANY_QUOTE))
    match = re.search("".join(parts), paragraph) if parts else None
    return (match.start(), match.end()) if match else None


# --------------------------------------------------------------------------- the data


@dataclass(frozen=True)
class DataPart:
    """One data file's statements: `name` is its file's (`2024`, `2024-06`, `2024-06-p2`),
    `period` the dates it covers, `start` its first statement's place in date order."""

    name: str
    period: str
    start: int
    statements: tuple[Statement, ...]


def data_parts(statements: tuple[Statement, ...], limit: int) -> list[DataPart]:
    """The statements (in date order) as parts of at most `limit`: a year, or past the limit
    its months, those dated to the year alone first (as they sort); a month, or those of a
    year, past the limit in numbered parts. A part's statements follow each other."""
    pieces: list[tuple[str, str, tuple[Statement, ...]]] = []
    for year, group in groupby(statements, key=lambda s: s.date.value[:4]):
        items = tuple(group)
        if len(items) <= limit:
            pieces.append((year, year, items))
            continue
        for period, in_period in groupby(items, key=lambda s: s.date.value[:7]):
            pieces += _numbered(period, tuple(in_period), limit)
    out, start = [], 0
    for name, period, items in pieces:
        out.append(DataPart(name, period, start, items))
        start += len(items)
    return out


def _numbered(
    period: str, items: tuple[Statement, ...], limit: int
) -> list[tuple[str, str, tuple[Statement, ...]]]:
    """A period's statements as one part, or past the limit as parts `<period>-p1`, `-p2` …"""
    if len(items) <= limit:
        return [(period, period, items)]
    return [
        (f"{period}-p{n}", period, items[i : i + limit])
        for n, i in enumerate(range(0, len(items), limit), start=1)
    ]


def facets_data(ix: Index, columns: list[str]) -> dict[str, object]:
    """What every part shares: see the module's docstring."""
    speakers = sorted({s.speaker for s in ix.statements})
    return {
        "filters": list(urls.FINDER_FILTERS),
        "columns": columns,
        "options": {key: [list(o) for o in opts] for key, opts in facet_options(ix).items()},
        "actors": {a: [ix.actors[a].name, urls.url_actor(a)] for a in speakers},
        # A report's title, and its address up to a paragraph's anchor (the paragraph's id).
        "reports": {
            r: [ix.reports[r].title, urls.url_paragraph(r, "")]
            for r in sorted({s.report for s in ix.statements})
        },
    }


def part_data(ix: Index, part: DataPart, rows: list[list[str]]) -> dict[str, object]:
    """One part's statements (`rows`: their rows of statements.csv): see the module's
    docstring."""
    paragraphs = {
        f"{s.report}#{s.paragraph}": ix.reports[s.report].paragraph(s.paragraph).text
        for s in part.statements
    }
    return {
        "rows": rows,
        "shown": [_shown(ix, s) for s in part.statements],
        "paragraphs": paragraphs,
        "threads": {s.id: ix.thread_of[s.id].anchor_id for s in part.statements
                    if s.id in ix.thread_of},
    }  # fmt: skip


def _shown(ix: Index, s: Statement) -> list[str | int]:
    """What a row shows that statements.csv lacks: the date as shown, the ¶ number, and (when
    found) where the words and their context stand in the paragraph, in UTF-16 code units as
    JavaScript counts them, with 1 (cut before) + 2 (cut after)."""
    para = ix.reports[s.report].paragraph(s.paragraph)
    out: list[str | int] = [s.date.display(), para.number]
    found = context(para.text, s.text)
    if found:
        units = [_utf16(para.text, i) for i in (found.before, found.start, found.end)]
        out += [*units, _utf16(para.text, found.after)]
        out.append(found.cut_before + 2 * found.cut_after)
    return out


def _utf16(text: str, index: int) -> int:
    """A position in `text` counted in UTF-16 code units (a character past U+FFFF is two)."""
    return len(text[:index].encode("utf-16-le")) // 2


def _script(name: str, data: dict[str, object]) -> str:
    return (
        f"// {MARKER} from docs/reports/*.md and data/*.yml; do not edit.\n"
        f"// The statement finder's data, part {name} (see scripts/dossier/render/finder.py).\n"
        f"dossierFinderData({json_for_html({'part': name, **data})});\n"
    )
