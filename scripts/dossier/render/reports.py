"""A report page's generated fragments (included into the editor's page) and the reports index."""

from __future__ import annotations

from .. import urls
from ..escape import html_attr, html_text, json_for_html, md_cell, md_inline, md_url_link
from ..model import REASONS, Paragraph, Report
from . import cite
from .fmt import (
    KIND_SHORT,
    SEARCH_EXCLUDE,
    banner,
    date_detail,
    excerpt,
    front_matter,
    plural,
    quoted,
    sources,
)
from .index import Index

SITE_NAME = cite.SITE_NAME
# On a heading, Material's search leaves out the whole section: these sections repeat text
# that search finds in its own place (statements, events, quotations and the words editorial
# notes are about, in their paragraphs), or lines of the original that are not its text.
_NO_SEARCH = "data-search-exclude"
# Material's search parser matches an excluded block's end by tag name, so a <div> holding
# other <div>s (the metadata panel, an admonition) would stop excluding at the first inner
# </div>; a <section> holds none.
_NO_SEARCH_BLOCK = "<section markdown data-search-exclude>"


def _section(name: str, body: str) -> str:
    return f"<!-- --8<-- [start:{name}] -->\n{body.rstrip()}\n<!-- --8<-- [end:{name}] -->\n"


def fragments(report: Report, ix: Index) -> str:
    """The text of includes/reports/<id>.md: header, one section per paragraph, footer.

    The page includes the section named after a paragraph right after its text, so a
    paragraph's anchor heading comes from the section before it (see markdown.py)."""
    page = urls.doc_report(report.id)
    paras = report.paragraphs
    header = _header(report, ix) + (_para_heading(paras[0]) if paras else "")
    parts = [banner(f"docs/{page} and data/*.yml"), "\n", _section("header", header)]
    for para, after in zip(paras, [*paras[1:], None], strict=True):
        body = _paragraph_meta(report, para.id, ix, page)
        if after is not None:
            body += "\n" + _para_heading(after)
        parts.append(_section(para.id, body))
    parts.append(_section("footer", _footer(report, ix, page)))
    return "".join(parts)


def _para_heading(para: Paragraph) -> str:
    """A paragraph's anchor: a heading with its id, showing its ¶ number as a permalink.

    Material's search cuts a page into sections at headings with ids: with one before each
    paragraph, a phrase found in a paragraph opens `#pN` and shows that paragraph as its
    snippet. Raw HTML keeps these headings out of the table of contents; a no-break space
    keeps ¶ with its number, and the link's title holds no editor text."""
    n = para.number
    return (
        f'<h2 class="dossier-para" id="{para.id}"><a href="#{para.id}" '
        f'title="Permalink to paragraph {n}">¶\u00a0{n}</a></h2>\n'
    )


def source_copy(report: Report) -> str:
    return urls.doc_data(f"sources/{report.source_file}")


def _header(report: Report, ix: Index) -> str:
    page = urls.doc_report(report.id)
    # Search finds the report by its title; the panel, citation and notes line below repeat
    # or describe it, and must never stand as a result's snippet in place of its text.
    out = [f"# {md_inline(report.title)}", "", _NO_SEARCH_BLOCK, ""]
    if report.draft:
        out += [
            '!!! warning "Draft: annotation in progress"',
            "    This report's statements and events are still being annotated; "
            "counts and links may be incomplete.",
            "",
        ]
    out += ['<div class="dossier-meta" markdown>', ""]
    for key, value in _meta_rows(report, ix, page):
        out += [key, f":   {value}", ""]
    out += ["</div>", ""]
    out += [*_cite_block(report, ix), ""]
    if report.notes:
        verb = "points" if len(report.notes) == 1 else "point"
        out += [
            f"[{plural(len(report.notes), 'editorial note')}](#{urls.NOTES_SECTION}) "
            f"{verb} out defects in this text.",
            "",
        ]
    out += ["</section>", ""]
    return "\n".join(out)


def _cite_block(report: Report, ix: Index) -> list[str]:
    """The "How to cite this report" block: the citation and its BibTeX, with the absolute
    address and the access date (the reader's: permalink.js fills it in and adds copy buttons),
    and the data permalink.js cites the page's paragraphs from. Raw HTML: all text escaped."""
    src = cite.source(report, ix)
    citation = cite.report_citation(src, cite.ACCESSED)
    data = html_attr(json_for_html(cite.source_data(src)))
    out = [
        f'<details class="quote dossier-cite" data-cite-report="{data}">',
        "<summary>How to cite this report</summary>",
        f'<p class="dossier-cite-text">{cite.accessed_html(citation.text)}</p>',
        f'<pre class="dossier-bibtex"><code>{cite.bibtex_html(citation.bibtex)}</code></pre>',
        f'<p class="dossier-cite-hint">{cite.ACCESSED} stands for the date you read the page.</p>',
    ]
    if report.paragraphs:
        example = ix.absolute(urls.url_paragraph(report.id, report.paragraphs[0].id))
        out.append(
            "<p>A paragraph's address is this page's with its number, e.g. "
            f"<code>{html_text(example)}</code>; the buttons beside each ¶ number copy it or "
            "cite the paragraph. Cite the outlet for the words quoted, and this dossier for "
            "the annotation.</p>"
        )
    return [*out, "</details>"]


def _meta_rows(report: Report, ix: Index, page: str) -> list[tuple[str, str]]:
    """The metadata panel: each value with how it is known."""
    outlet = md_inline(report.outlet) if report.outlet else "*not named in the text*"
    if report.outlet_note:
        outlet += f" <small>({md_inline(report.outlet_note)})</small>"
    title_note = (
        " <small>(headline of the report)</small>"
        if report.title_source == "report"
        else " <small>(written by the editors: the text has no headline)</small>"
    )
    published = report.published
    contents = [
        plural(len(report.paragraphs), "paragraph"),
        plural(len(report.statements), "statement"),
        plural(len(report.events), "event"),
        plural(len(report.notes), "editorial note"),
    ]
    rows = [
        ("Outlet", outlet),
        ("Byline", md_inline(report.byline) if report.byline else "*none in the text*"),
        (
            "Published",
            f"{published.display()} <small>({date_detail(published, ix, page)})</small>",
        ),
        ("Title", md_inline(report.title) + title_note),
        (
            "Original",
            f"[`{report.source_file}`]({urls.asset(page, source_copy(report))}) "
            "<small>(verbatim text as received)</small>; "
            f"[read it with line numbers]({urls.original_link(page, report.id)})",
        ),
        ("Contents", ", ".join(contents)),
    ]
    if report.url:
        rows.insert(4, ("Address", md_url_link(report.url)))
    if report.references:
        cited = sources(report.references, ix, page).removeprefix("; ")
        rows.append(("Outside sources", f"{cited} <small>(for the metadata above)</small>"))
    return rows


def _paragraph_meta(report: Report, pid: str, ix: Index, page: str) -> str:
    """The chips under a paragraph: what is indexed in it ('' when nothing is).

    Chips carry no link titles: a title is an attribute, and these hold editor text; the
    visible label says it all. Icons come from CSS (no emoji extension, no CDN). Search
    skips them: they repeat text that has its own section (the statement, the event)."""
    bits: list[str] = []
    for s in ix.statements_by_paragraph.get((report.id, pid), []):
        speaker = ix.actors[s.speaker].name
        bits.append(
            f"[{md_inline(speaker)}: {quoted(s, 6)}]({ix.statement_link(page, s.id)})"
            "{ .dossier-chip .dossier-chip-statement }"
        )
    for event_id in ix.events_by_paragraph.get((report.id, pid), []):
        event = ix.events[event_id]
        bits.append(
            f"[{event.date.display()}: {md_inline(excerpt(event.title, 8))}]"
            f"({ix.event_link(page, event_id)}){{ .dossier-chip .dossier-chip-event }}"
        )
    notes = [n for n in report.notes if n.paragraph == pid]
    if notes:
        bits.append(
            f"[editorial note](#{urls.note_anchor(pid)}){{ .dossier-chip .dossier-chip-note }}"
        )
    if not bits:
        return ""
    return " ".join(bits) + "\n{: .dossier-pmeta data-search-exclude }\n"


def _footer(report: Report, ix: Index, page: str) -> str:
    out = _notes_section(report, ix)
    out += _statements_section(report, ix, page)
    out += _events_section(report, ix, page)
    out += _not_statements_section(report)
    out += _conversion_section(report)
    return "\n".join(out) + "\n"


def _pilcrow(number: int, pid: str) -> str:
    """A link to a paragraph; a no-break space keeps ¶ with its number."""
    return f"[¶\u00a0{number}](#{pid})"


def _notes_section(report: Report, ix: Index) -> list[str]:
    if not report.notes:
        return []
    # Search skips the notes: they quote the words they are about, and a phrase must land
    # on the paragraph itself. A note is reached from its paragraph's chip.
    out = [f"## Editorial notes {{ #{urls.NOTES_SECTION} {_NO_SEARCH} }}", ""]
    out += ["These notes point out defects in the original text, which is shown unchanged.", ""]
    seen: set[str] = set()
    for note in report.notes:
        if note.paragraph:
            para = report.paragraph(note.paragraph)
            # The first note on a paragraph is the target of that paragraph's note chip.
            anchor = "" if para.id in seen else f'<span id="{urls.note_anchor(para.id)}"></span>'
            seen.add(para.id)
            where = f"{_pilcrow(para.number, para.id)}: "
        else:
            anchor, where = "", ""
        cited = sources(note.references, ix, urls.doc_report(report.id), note.text)
        out.append(f"- {anchor}{where}{md_inline(note.text)}{cited}")
    return [*out, ""]


def _statements_section(report: Report, ix: Index, page: str) -> list[str]:
    # Search skips the section: each statement has its own (and its paragraph, its words).
    out = [f"## Statements in this report {{ #{urls.STATEMENTS_SECTION} {_NO_SEARCH} }}", ""]
    if not report.statements:
        return [*out, "No statements have been indexed for this report yet."]
    # A list, not a table: it stays readable on a phone.
    for s in sorted(report.statements, key=lambda s: (report.paragraph(s.paragraph).number, s.id)):
        number = report.paragraph(s.paragraph).number
        out.append(
            f"- {_pilcrow(number, s.paragraph)} "
            f"[{md_inline(ix.actors[s.speaker].name)}]({urls.actor_link(page, s.speaker)}): "
            f"[{quoted(s, 18)}]({ix.statement_link(page, s.id)}) "
            f"<small>({KIND_SHORT[s.kind]}, {s.date.display()})</small>"
        )
    return out


def _events_section(report: Report, ix: Index, page: str) -> list[str]:
    out = ["", f"## Events reported {{ #{urls.EVENTS_SECTION} {_NO_SEARCH} }}", ""]
    if not report.events:
        return [*out, "No events have been linked to this report yet."]
    for ref in sorted(report.events, key=lambda r: (ix.events[r.event].date.sort_key(), r.event)):
        event = ix.events[ref.event]
        paras = ", ".join(_pilcrow(report.paragraph(p).number, p) for p in ref.paragraphs)
        out.append(
            f"- **{event.date.display()}**: [{md_inline(event.title)}]"
            f"({ix.event_link(page, event.id)}) ({paras})"
        )
    return out


def _not_statements_section(report: Report) -> list[str]:
    if not report.not_statements:
        return []
    heading = (
        f"## Quotations that are not statements {{ #{urls.NOT_STATEMENTS_SECTION} {_NO_SEARCH} }}"
    )
    out = ["", heading, ""]
    for item in report.not_statements:
        where = _pilcrow(report.paragraph(item.paragraph).number, item.paragraph)
        out.append(f"- “{md_inline(item.text)}” ({where}): {md_inline(item.reason)}")
    return out


def _conversion_section(report: Report) -> list[str]:
    out = ["", f"## Conversion {{ #{urls.CONVERSION_SECTION} {_NO_SEARCH} }}", ""]
    hidden = len(report.removed) + len(report.metadata_lines)
    if not hidden:
        return [
            *out,
            "Every line of the original is shown above as a paragraph; nothing was removed.",
        ]
    out += [
        "Every line of the original is shown above, used as metadata, or listed here as "
        f"removed ({plural(len(report.removed), 'line')} removed). The build checks this "
        "against the original.",
        "",
        f'??? note "Lines of the original not shown as paragraphs ({hidden})"',
        "",
        "    | Line | Text | Why |",
        "    |---|---|---|",
    ]
    rows = [
        (r.line, r.text, REASONS.get(r.reason, r.reason) + (f": {r.note}" if r.note else ""))
        for r in report.removed
    ]
    rows += [(m.line, m.text, f"used as the report's {m.reason}") for m in report.metadata_lines]
    for line, text, why in sorted(rows):
        out.append(f"    | {line} | {md_cell(text)} | {md_cell(why)} |")
    return out


def reports_index(ix: Index) -> str:
    page = urls.REPORTS_INDEX
    reports = sorted(ix.corpus.reports, key=lambda r: (r.published.sort_key(), r.id), reverse=True)
    out = [
        front_matter("Reports"),
        banner("docs/reports/*.md"),
        "# Reports",
        "",
        f"{plural(len(reports), 'report')}, latest first. Dates show only the precision the "
        "evidence gives (a month or a year where the day is not known).",
        "",
    ]
    # A long list is left out of search (each report's page is in it): one section of a
    # thousand rows would be every search's first hit, and too long for a search index field.
    long = len(reports) > ix.layout.page_limit
    out += [SEARCH_EXCLUDE, ""] if long else []
    out += ["| Published | Outlet | Title | Statements | Events |", "|---|---|---|--:|--:|"]
    for r in reports:
        outlet = md_inline(r.outlet) if r.outlet else "*not named*"
        draft = " *(draft)*" if r.draft else ""
        out.append(
            f"| {r.published.display()} | {outlet} "
            f"| [{md_inline(r.title)}]({urls.report_link(page, r.id)}){draft} "
            f"| {len(r.statements)} | {len(r.events)} |"
        )
    out += ["", "</div>"] if long else []
    return "\n".join(out) + "\n"
