"""The statement finder: one page listing every statement as a compact row, and its data.

`statements/finder.md` lists every statement (date at its precision, speaker, kind, the words
with the quoted part marked inside their sentence, the report and ¶, the permalink), readable
with JavaScript off. The rows are a Markdown list (md_in_html, attr_list), so that MkDocs and
Zensical both check their links and make them relative to the page; their text goes through
`escape.md_inline`. The filter form is raw HTML holding no link (text through
`escape.html_text`/`html_attr`) and ships `hidden`.

`docs/assets/finder.js` (hand-written) is one of the site's scripts (mkdocs.yml,
extra_javascript). On the finder page it loads the data, shows the form, filters the rows by
toggling their `hidden` attribute, counts every filter value, keeps the filter state in the
query string (keys: `urls.FINDER_FILTERS`) and downloads the shown statements as CSV. It sets
only `textContent`: no text from a report becomes markup.

Where the data comes from: `assets/generated/finder-data.js` sets one global,
`window.DOSSIER_FINDER`, from the same records as the exports (`exports.statements_records`):
`columns` and `rows` are statements.csv's header and its rows before the formula guard (the
script applies the guard, as `escape.csv_cell` does, when it writes the CSV); `paragraphs` holds
the text of each paragraph that has a statement (for the free-text filter); `threads` maps a
statement to its thread. It is a script, not JSON, so that it loads from file:// too; finder.js
adds it to the finder page only, so no other page downloads it.

How it grows: linearly in the statements (the paragraph texts in the paragraphs that hold
statements; the filter options in the distinct speakers, venues, topics, months, reports, events
and threads). Measured on the five-report corpus (75 statements, 48 paragraphs): the data file
is 96 KB, 1.3 KB a statement (76 KB of CSV rows, 15 KB of paragraphs), and the built page 112 KB,
about 1.2 KB a row beside the theme's own markup. At 1,000 reports (~15,000 statements) that
is about 19 MB of data and 18 MB of page, with ~1,000 report options: far over the 1 MB a page
may weigh. The scale issue must split them: the JS-off list into pages (by year or month) with
the finder drawing its rows from the data; the data into a small filter index (ids and filter
values, ~150 B a statement) sharded by year; the CSV rows and paragraph texts into files loaded
only for "Download this view" and the words filter. `tests/test_finder.py` prints the figures
and fails when a statement costs more than 1.6 KB of data or 1.8 KB of page.
"""

from __future__ import annotations

import re
from collections import Counter

from .. import urls
from ..dates import MONTHS
from ..escape import html_attr, html_text, json_for_html, md_inline
from ..model import Statement
from ..write import MARKER
from .exports import _flat, statements_records
from .fmt import KIND_SHORT, banner, front_matter, plural
from .index import Index

CONTEXT_WORDS = 8  # words of the sentence kept on each side of the statement's span
_QUOTES = "\"'“”„‟‘’‚"
_QUOTE_CLASS = f"[{_QUOTES}]"
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")


def finder_page(ix: Index) -> str:
    """The page: intro, the filter form (hidden until the script runs), the rows, the scripts."""
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
        '<div class="dossier-finder" id="finder" markdown>',
        *_form(ix),
        '<div class="dossier-finder-main" markdown>',
        f'<p class="dossier-finder-count" id="finder-count" aria-live="polite">'
        f"{plural(len(statements), 'statement')}</p>",
        '<div class="dossier-finder-results" id="finder-results" markdown>',
        "",
        *(line for s in statements for line in _row(s, ix, page)),
        "",
        "</div>",
        "</div>",
        "</div>",
        "",
    ]
    return "\n".join(out)


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


def _form(ix: Index) -> list[str]:
    options = facet_options(ix)
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
            out += _select(key, options[key])
        out += ["</fieldset>"]
    return [*out, "</details>", "</form>"]


def _select(key: str, options: list[tuple[str, str]]) -> list[str]:
    control = f"finder-{key.replace('_', '-')}"
    out = [
        '<div class="dossier-finder-field">',
        f'<label for="{control}">{LABELS[key]}</label>',
        f'<select id="{control}" name="{key}">',
        '<option value="">Any</option>',
    ]
    out += [f'<option value="{html_attr(v)}">{html_text(label)}</option>' for v, label in options]
    return [*out, "</select>", "</div>"]


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
    reports = [r for r in ix.corpus.reports if any(s.report == r.id for s in ss)]
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


def _row(s: Statement, ix: Index, page: str) -> list[str]:
    """One statement as a compact row: an item of a Markdown list, its attributes on its second
    line (attr_list); every text escaped by `md_inline`, every link checked by MkDocs."""
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


def words_md(s: Statement, paragraph: str) -> str:
    """The statement's sentence with its words in <mark>, at most CONTEXT_WORDS words of the
    sentence on either side; the words alone, marked, if the span cannot be found."""
    span = locate(paragraph, s.text)
    if span is None:
        return f"<mark>{md_inline(s.text)}</mark>"
    start, end = span
    before = _SENTENCE_END.split(paragraph[:start])[-1]
    after_match = _SENTENCE_END.search(paragraph, end)
    after = paragraph[end : after_match.start() + 1 if after_match else len(paragraph)]
    if paragraph[end - 1] in ".!?":  # the words end their sentence: keep only closing marks
        rest = paragraph[end:]
        after = rest[: len(rest) - len(rest.lstrip("\"'”’)"))]
    before_words, after_words = before.split(), after.split()
    if len(before_words) > CONTEXT_WORDS:
        before = "… " + " ".join(before_words[-CONTEXT_WORDS:]) + (" " * before[-1:].isspace())
    if len(after_words) > CONTEXT_WORDS:
        after = (" " * after[:1].isspace()) + " ".join(after_words[:CONTEXT_WORDS]) + " …"
    return f"{_piece(before)}<mark>{md_inline(paragraph[start:end])}</mark>{_piece(after)}"


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
    parts = []
    for chunk in re.split(r"(\s+)", text.strip()):
        if chunk.isspace():
            parts.append(r"\s+")
        elif chunk:
            parts.append("".join(_QUOTE_CLASS if c in _QUOTES else re.escape(c) for c in chunk))
    match = re.search("".join(parts), paragraph) if parts else None
    return (match.start(), match.end()) if match else None


# --------------------------------------------------------------------------- the data


def finder_data(ix: Index) -> str:
    """`assets/generated/finder-data.js`: see the module's docstring."""
    records = statements_records(ix)
    rows = [_flat(r) for r in records]
    columns = list(rows[0]) if rows else []
    paragraphs = {
        f"{s.report}#{s.paragraph}": ix.reports[s.report].paragraph(s.paragraph).text
        for s in ix.statements
    }
    data = {
        "filters": list(urls.FINDER_FILTERS),
        "columns": columns,
        "rows": [[row[c] for c in columns] for row in rows],
        "paragraphs": paragraphs,
        "threads": {s.id: t.anchor_id for t in ix.threads for s in t.statements},
    }
    return (
        f"// {MARKER} from docs/reports/*.md and data/*.yml; do not edit.\n"
        "// The statement finder's data (see scripts/dossier/render/finder.py): statements.csv's\n"
        "// columns and rows, the paragraphs that hold statements, and each statement's thread.\n"
        f"window.DOSSIER_FINDER = {json_for_html(data)};\n"
    )
