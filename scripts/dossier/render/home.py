"""Fragments of the hand-written home page: figures, latest reports, overview."""

from __future__ import annotations

from .. import urls
from ..escape import md_inline
from ..model import report_sort_key
from .fmt import banner, plural
from .index import Index
from .reports import _section


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
        f"![Timeline overview: {plural(len(c.events), 'event')}; the timeline page lists them "
        f"as text.]({urls.asset(page, urls.TIMELINE_SVG)})\n\n"
        f"[Open the timeline]({urls.link(page, urls.TIMELINE)})"
    )
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
    """The address table of the home page, with live examples from the first report."""
    page = urls.HOME
    rows = ["| What | Address | Example |", "|---|---|---|"]
    report = ix.corpus.reports[0] if ix.corpus.reports else None
    statement = ix.statements[0] if ix.statements else None
    event = ix.corpus.events[0] if ix.corpus.events else None
    rows.append(
        "| A report | `reports/<report>/` | "
        + (
            f"[`{urls.url_report(report.id)}`]({urls.report_link(page, report.id)})"
            if report
            else "–"
        )
        + " |"
    )
    para = report.paragraphs[-1] if report else None
    rows.append(
        "| A paragraph | `reports/<report>/#<paragraph>` | "
        + (
            f"[`{urls.url_paragraph(report.id, para.id)}`]"
            f"({urls.report_link(page, report.id, para.id)})"
            if report and para
            else "–"
        )
        + " (the ¶ mark under each paragraph) |"
    )
    rows.append(
        "| A statement | `statements/#<statement>` | "
        + (
            f"[`{urls.url_statement(statement.id)}`]({urls.statement_link(page, statement.id)})"
            if statement
            else "–"
        )
        + " |"
    )
    rows.append(
        "| An event | `timeline/#<event>` | "
        + (f"[`{urls.url_event(event.id)}`]({urls.event_link(page, event.id)})" if event else "–")
        + " |"
    )
    example = ""
    if report and para:
        outlet = f"{md_inline(report.outlet)}, " if report.outlet else ""
        example = (
            f"\n\nFor example: *“{md_inline(report.title)}”, {outlet}{report.published.display()}, "
            f"paragraph {para.number}, in DPRK–Russia Dossier, "
            f"`{urls.url_paragraph(report.id, para.id)}`.*"
        )
    return "\n".join(rows) + example
