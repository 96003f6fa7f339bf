"""Fragments of the hand-written home page: figures, latest reports, overview."""

from __future__ import annotations

from .. import urls
from ..escape import md_inline
from ..model import Event, report_sort_key
from . import cite as citing
from .fmt import banner, plural
from .index import Index
from .reports import _section
from .svg import overview_figure


def home_fragments(ix: Index) -> str:
    page = urls.HOME
    c = ix.corpus
    statements = ix.statements
    dates = sorted(
        [e.date for e in c.events]
        + [s.date for s in statements]
        + [r.published for r in c.reports],
        key=lambda d: d.sort_key(),
    )
    span = f"{dates[0].display()} – {dates[-1].display()}" if dates else "–"
    kinds = {
        k: sum(1 for s in statements if s.kind == k) for k in ("direct", "partial", "paraphrase")
    }
    figures = "\n".join(
        [
            '<div class="dossier-figures" markdown>',
            "",
            f"- [**{len(c.reports)}** reports]({urls.link(page, urls.REPORTS_INDEX)})",
            f"- [**{len(statements)}** statements]({urls.link(page, urls.STATEMENTS)})"
            f" <small>{kinds['direct']} direct · {kinds['partial']} partial · "
            f"{kinds['paraphrase']} paraphrase</small>",
            f"- [**{len(c.events)}** events]({urls.link(page, urls.TIMELINE)})",
            f"- [**{len(c.actors)}** actors]({urls.link(page, urls.ACTORS_INDEX)})",
            f"- **{span}** <small>dates covered</small>",
            "",
            "</div>",
        ]
    )
    latest = sorted(c.reports, key=report_sort_key, reverse=True)[:5]
    latest_md = "\n".join(
        f"- {r.published.display()}: [{md_inline(r.title)}]({urls.report_link(page, r.id)})"
        + (f" <small>({md_inline(r.outlet)})</small>" if r.outlet else "")
        for r in latest
    )
    overview = (
        f"{overview_figure(ix, page, _charted(ix))}\n\n"
        f"[Open the timeline]({urls.link(page, urls.TIMELINE)}): "
        f"{plural(len(c.events), 'event')}, each with its sources, and the overview as text."
    )
    if ix.layout.events.split:
        year = c.events[-1].date.year
        overview += f" The chart shows {year}, the latest year; the timeline has every year."
    cite = _cite(ix)
    return "".join(
        [
            banner("docs/reports/*.md and data/*.yml"),
            "\n",
            _section("figures", figures),
            _section("latest", latest_md),
            _section("overview", overview),
            _section("cite", cite),
        ]
    )


def _cite(ix: Index) -> str:
    """The address table of the home page, with live examples from the first report: absolute
    addresses, as a citation gives them (the links themselves stay relative, for a local copy)."""
    page = urls.HOME
    rows = ["| What | Address | Example |", "|---|---|---|"]
    report = ix.corpus.reports[0] if ix.corpus.reports else None
    statement = ix.statements[0] if ix.statements else None
    event = ix.corpus.events[0] if ix.corpus.events else None
    rows.append(
        f"| A report | `{ix.absolute(urls.url_report('<report>'))}` | "
        + (
            f"[`{ix.absolute(urls.url_report(report.id))}`]({urls.report_link(page, report.id)})"
            if report
            else "–"
        )
        + " |"
    )
    para = report.paragraphs[-1] if report else None
    rows.append(
        f"| A paragraph | `{ix.absolute(urls.url_paragraph('<report>', '<paragraph>'))}` | "
        + (
            f"[`{ix.absolute(urls.url_paragraph(report.id, para.id))}`]"
            f"({urls.report_link(page, report.id, para.id)})"
            if report and para
            else "–"
        )
        + " (the ¶ mark before each paragraph, and its copy button) |"
    )
    rows.append(
        f"| A statement | `{ix.absolute(urls.url_statement('<statement>'))}` | "
        + (
            f"[`{ix.absolute(ix.url_statement(statement.id))}`]"
            f"({ix.statement_link(page, statement.id)})"
            if statement
            else "–"
        )
        + " |"
    )
    rows.append(
        f"| An event | `{ix.absolute(urls.url_event('<event>'))}` | "
        + (
            f"[`{ix.absolute(ix.url_event(event.id))}`]({ix.event_link(page, event.id)})"
            if event
            else "–"
        )
        + " |"
    )
    example = ""
    if report and para:
        citation = citing.paragraph_citation(
            citing.source(report, ix), para.number, para.id, citing.ACCESSED
        )
        example = (
            f"\n\nFor example, a paragraph: {citing.accessed_md(citation.text)} "
            f'<span class="dossier-cite-hint">({citing.ACCESSED} is the date you read it.)</span>'
        )
    return "\n".join(rows) + example


def _charted(ix: Index) -> list[Event]:
    """The events the home page charts: all of them, or the latest year's once the timeline
    is split (the home page must not grow with the corpus)."""
    events = list(ix.corpus.events)
    if not ix.layout.events.split or not events:
        return events
    year = events[-1].date.year
    return [e for e in events if e.date.year == year]
