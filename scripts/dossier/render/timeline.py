"""The timeline page: events by year and month, each sourced and with its statements."""

from __future__ import annotations

from itertools import groupby

from .. import urls
from ..dates import MONTHS
from ..escape import md_heading, md_inline
from ..layout import Part
from ..model import Event
from . import parts
from .fmt import (
    BASIS_LABELS,
    SEARCH_EXCLUDE,
    banner,
    front_matter,
    plural,
    quoted,
    sources,
)
from .index import Index
from .svg import overview_figure, text_equivalent


def timeline_pages(ix: Index) -> dict[str, str]:
    """The timeline: one page, or past the page limit a first page listing the years and
    months and a page for each, with its own chart (layout.py)."""
    return parts.pages(
        ix.layout.events,
        lambda: timeline(ix),
        lambda: _first_page(ix),
        lambda part: ix.page(
            part.doc,
            ix.event_sources(part.entries),
            lambda: _part_page(ix, part, [ix.events[i] for i in part.entries]),
        ),
    )


INTRO = (
    "that the reports mention, in date order. Each date is shown at the precision the "
    "evidence gives; an event known only to the month or year comes before the dated events "
    "of that month or year. Every event links to the report paragraphs that mention it."
)


def timeline(ix: Index) -> str:
    page = urls.TIMELINE
    events = ix.corpus.events
    out = [
        front_matter("Timeline"),
        banner("data/events.yml and docs/reports/*.md"),
        "# Timeline",
        "",
        f"{plural(len(events), 'event')} {INTRO}",
        "",
        *_charted(ix, list(events), page),
    ]
    return "\n".join(out) + "\n"


def _first_page(ix: Index) -> str:
    page = urls.TIMELINE
    out = [
        front_matter("Timeline"),
        banner("data/events.yml and docs/reports/*.md"),
        "# Timeline",
        "",
        f"{plural(len(ix.corpus.events), 'event')} {INTRO}",
        "",
        "They are too many for one page: each year has its own, with its chart, and a busy year "
        "one for each month. An event's address names its page; an older address that named "
        "this page still leads to the event.",
        "",
        *parts.contents(ix.layout.events, page, "event"),
        "",
    ]
    return "\n".join(out) + "\n"


def _part_page(ix: Index, part: Part, events: list[Event]) -> str:
    page = part.doc
    title = f"Timeline: {parts.period(part.key)}"
    out = [
        front_matter(title),
        banner("data/events.yml and docs/reports/*.md"),
        f"# {md_inline(title)}",
        "",
        parts.neighbours(ix.layout.events, part, page, "events"),
        "",
    ]
    if part.children:
        out += [*parts.contents(ix.layout.events, page, "event", part.key), ""]
    if events:
        out += _charted(ix, events, page)
    return "\n".join(out) + "\n"


def _charted(ix: Index, events: list[Event], page: str) -> list[str]:
    """The chart of `events`, its text equivalent, and the events by year and month."""
    out = [
        overview_figure(ix, page, events),
        "",
        # Search leaves the text overview out: it repeats every event's title, which search
        # finds in the event's own section. (A <section>, since the details hold <div>s.)
        "<section markdown data-search-exclude>",
        "",
        '??? info "The overview as text"',
        "",
        *("    " + line if line else "" for line in text_equivalent(ix, events)),
        "",
        "</section>",
        "",
    ]
    for year, in_year in groupby(events, key=lambda e: e.date.year):
        out += [f"## {year} {{ #{urls.year_anchor(year)} }}", ""]
        for month, in_month in groupby(in_year, key=lambda e: e.date.parts[1]):
            if month:
                out += [
                    f"### {MONTHS[month - 1]} {year} {{ #{urls.month_anchor(year, month)} }}",
                    "",
                ]
            else:
                out += [f"### {year}, month not known {{ #{urls.month_anchor(year, 0)} }}", ""]
            for event in in_month:
                out += _event(event, ix, page)
    return out


def _event(event: Event, ix: Index, page: str) -> list[str]:
    out = [f"#### {md_heading(event.title, urls.event_anchor(event.id))}", ""]
    # Search finds an event by its title, date, kind and summary; the date's evidence, the
    # actors and the sources are left out: they would stand as its snippet instead of the
    # summary, and the sources repeat the reports' titles.
    # The badge says how the date is known in words, with the fill its mark has in the chart.
    date = event.date
    evidence = md_inline(date.note) + sources(date.references, ix, page, date.note)
    out += [
        f"**{date.display()}** · {event.kind} · "
        f'<span class="dossier-basis dossier-basis--{date.basis}" data-search-exclude="true">'
        f"date {BASIS_LABELS[date.basis]}</span> "
        f'<small data-search-exclude="true">{evidence}</small>',
        "",
        md_inline(event.summary),
        "",
    ]
    if event.actors:
        actors = ", ".join(
            f"[{md_inline(ix.actors[a].name)}]({urls.actor_link(page, a)})" for a in event.actors
        )
        out += [f"**Actors:** {actors}", "{: data-search-exclude }", ""]
    cited = []
    for report_id, pids in ix.sources_by_event.get(event.id, []):
        report = ix.reports[report_id]
        paras = ", ".join(
            f"[¶ {report.paragraph(p).number}]({urls.report_link(page, report_id, p)})"
            for p in pids
        )
        cited.append(f"- *{md_inline(report.title)}* ({report.published.display()}): {paras}")
    out += [SEARCH_EXCLUDE, "", "**Sources:**", "", *cited, "", "</div>", ""]
    statements = ix.event_statements(event.id)
    if statements:
        out += ["**Statements:**", "", SEARCH_EXCLUDE, ""]
        by_id = ix.corpus.statements_by_id
        for s in statements:
            answers = "; ".join(
                f"{r.relation} {md_inline(ix.actors[by_id[r.statement].speaker].name)}"
                for r in s.responds_to
                if r.statement in by_id
            )
            out.append(
                f"- [{md_inline(ix.actors[s.speaker].name)}]({urls.actor_link(page, s.speaker)}): "
                f"[{quoted(s, 20)}]({ix.statement_link(page, s.id)})"
                + (f" <small>({answers})</small>" if answers else "")
            )
        out += ["", "</div>", ""]
    return out
