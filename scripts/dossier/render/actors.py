"""The actors index (grouped by kind) and one page per actor."""

from __future__ import annotations

from .. import urls
from ..escape import md_inline
from ..layout import Listing
from ..model import Actor, Event, Report, Statement
from . import parts
from .fmt import SEARCH_EXCLUDE, banner, front_matter, plural, quoted, sources
from .index import Index

KIND_TITLES = {
    "country": "Countries",
    "organization": "Organisations",
    "person": "People",
    "group": "Groups",
}


def actors_index(ix: Index) -> str:
    page = urls.ACTORS_INDEX
    out = [
        front_matter("Actors"),
        banner("data/actors.yml and docs/reports/*.md"),
        "# Actors",
        "",
        f"{plural(len(ix.corpus.actors), 'actor')}: the people, organisations, countries and "
        "groups the reports name. Each page lists their statements, their events and the "
        "reports that mention them.",
        "",
    ]
    for kind, title in KIND_TITLES.items():
        actors = sorted((a for a in ix.corpus.actors if a.kind == kind), key=lambda a: a.sort_key)
        if not actors:
            continue
        # A long table is left out of search (each actor's page is in it; see reports_index)
        # and goes without the other names, which each actor's page gives: the page must stay
        # under 1 MB with thousands of actors.
        long = len(actors) > ix.layout.page_limit
        out += [f"## {title} {{ #{kind} }}", "", *([SEARCH_EXCLUDE, ""] if long else [])]
        if long:
            # (no column alignment either: it repeats a style attribute in every cell)
            out += ["| Name | Statements | Events | Reports |", "|---|---|---|---|"]
        else:
            out += [
                "| Name | Also named | Statements | Events | Reports |",
                "|---|---|--:|--:|--:|",
            ]
        for a in actors:
            aliases = ", ".join(md_inline(x) for x in a.aliases if x != a.name) or "–"
            out.append(
                f"| [{md_inline(a.name)}]({urls.actor_link(page, a.id)}) "
                + ("" if long else f"| {aliases} ")
                + f"| {len(ix.statements_of(a.id))} | {len(ix.events_of(a.id))} "
                f"| {len(ix.reports_of(a.id))} |"
            )
        out += ["", "</div>", ""] if long else [""]
    return "\n".join(out) + "\n"


LONG_LIST = 40


def actor_page(actor: Actor, ix: Index) -> str:
    page = urls.doc_actor(actor.id)
    statements = ix.statements_of(actor.id)
    events = ix.events_of(actor.id)
    reports = ix.reports_of(actor.id)
    out = [
        front_matter(actor.name),
        banner("data/actors.yml and docs/reports/*.md"),
        f"# {md_inline(actor.name)}",
        "",
        f"*{actor.kind.capitalize()}* · {md_inline(actor.description)}",
        "",
    ]
    facts = _facts(actor, ix, page)
    facts.append(
        f"{ix.count_text(actor.id)} · {plural(len(events), 'event')} · "
        f"{plural(len(reports), 'report')}"
    )
    out += [f"- {f}" for f in facts] + [""]
    out += _statements(actor, statements, ix, page)
    out += ["", f"## Events {{ #{urls.EVENTS_SECTION} }}", ""]
    if len(events) > ix.layout.page_limit:
        out += _events_by_period(events, ix, page)
        events = []
    # A long list is left out of search (each event is found on the timeline): past about 40
    # lines one section would outgrow a search index's field.
    long = len(events) > LONG_LIST
    out += [SEARCH_EXCLUDE, ""] if long else []
    for e in events:
        out.append(f"- {e.date.display()}: [{md_inline(e.title)}]({ix.event_link(page, e.id)})")
    out += ["", "</div>"] if long else []
    if not events and not ix.events_of(actor.id):
        out.append("None in the timeline.")
    out += ["", f"## Reports {{ #{urls.REPORTS_SECTION} }}", ""]
    if len(reports) > ix.layout.page_limit:
        # Named in most reports: the list stays, without the paragraphs that name it.
        out += [f"{plural(len(reports), 'report')}, by date; for so many, the paragraphs that "
                "name it are not listed.", ""]  # fmt: skip
        reports_shown = [SEARCH_EXCLUDE, "", *_reports(actor, reports, ix, page, False), "",
                         "</div>"]  # fmt: skip
    elif len(reports) > LONG_LIST:  # left out of search, as long lists of events are
        reports_shown = [SEARCH_EXCLUDE, "", *_reports(actor, reports, ix, page), "", "</div>"]
    else:
        reports_shown = _reports(actor, reports, ix, page)
    out += reports_shown or ["No report names this actor."]
    return "\n".join(out) + "\n"


def _facts(actor: Actor, ix: Index, page: str) -> list[str]:
    facts = []
    aliases = [a for a in actor.aliases if a != actor.name]
    if aliases:
        facts.append("**Also named:** " + ", ".join(f"“{md_inline(a)}”" for a in aliases))
    if actor.affiliation:
        parent = ix.actors[actor.affiliation]
        facts.append(f"**Part of:** [{md_inline(parent.name)}]({urls.actor_link(page, parent.id)})")
    members = [ix.actors[m] for m in actor.members] or ix.members_of(actor.id)
    if members:
        facts.append(
            "**Includes:** "
            + ", ".join(f"[{md_inline(m.name)}]({urls.actor_link(page, m.id)})" for m in members)
        )
    if actor.member_count and actor.member_count > len(members):
        unnamed = actor.member_count - len(members)
        cited = sources((actor.members_reference,) if actor.members_reference else (), ix, page)
        facts.append(
            f"**Members in all:** {actor.member_count} ({unnamed} not named in the reports{cited})"
        )
    return facts


def _statements(actor: Actor, statements: list[Statement], ix: Index, page: str) -> list[str]:
    out = [f"## Statements {{ #{urls.STATEMENTS_SECTION} }}", ""]
    if not statements:
        return [*out, "None indexed."]
    out += [SEARCH_EXCLUDE, ""]
    if len(statements) > ix.layout.page_limit:
        return [*out, *_by_period(actor, statements, ix, page), "", "</div>"]
    for s in statements:
        link = ix.statement_link(page, s.id)
        out.append(
            f"- {s.date.display()}: [{quoted(s, 22)}]({link}){role_note(actor.id, s, ix, page)}"
        )
    return [*out, "", "</div>"]


def _by_period(actor: Actor, statements: list[Statement], ix: Index, page: str) -> list[str]:
    """Too many to list on one page: how many fall in each period, each linking to this
    actor's section of that period's page of the by-speaker view."""
    listing = ix.layout.speakers
    return [
        f"Too many to list here: by period, each in the statements by speaker "
        f"([all of them by speaker]({urls.link(page, listing.base)})).",
        "",
        *_counted(listing, [s.id for s in statements], page, "statement", actor.id),
    ]


def _events_by_period(events: list[Event], ix: Index, page: str) -> list[str]:
    """Too many events to list: how many fall on each page of the timeline."""
    return [
        "Too many to list here: by period, in the timeline.",
        "",
        *_counted(ix.layout.events, [e.id for e in events], page, "event"),
    ]


def _counted(
    listing: Listing, ids: list[str], page: str, noun: str, anchor: str | None = None
) -> list[str]:
    """A line per page of `listing` holding some of `ids` (in date order, as they are): its
    period and how many, linking to it (at `anchor`)."""
    counts: dict[str, int] = {}
    for entry in ids:
        doc = listing.doc_of(entry)
        counts[doc] = counts.get(doc, 0) + 1
    period_of = {part.doc: parts.period(part.key) for part in listing.pages()}
    return [
        f"- [{period_of.get(doc, 'all dates')}]({urls.link(page, doc, anchor)}): "
        f"{plural(count, noun)}"
        for doc, count in counts.items()
    ]


def _reports(
    actor: Actor, reports: list[Report], ix: Index, page: str, paragraphs: bool = True
) -> list[str]:
    out = []
    mentions = ix.mentions.get(actor.id, {}) if paragraphs else {}
    for r in sorted(reports, key=lambda r: (r.published.sort_key(), r.id)):
        named = ", ".join(
            f"[¶\u00a0{r.paragraph(p).number}]({urls.report_link(page, r.id, p)})"
            for p in mentions.get(r.id, [])
        )
        where = f" · named in {named}" if named else ""
        out.append(
            f"- {r.published.display()}: [{md_inline(r.title)}]"
            f"({urls.report_link(page, r.id)}){where}"
        )
    return out


def role_note(actor_id: str, s: Statement, ix: Index, page: str) -> str:
    """How a statement belongs to an actor's list, when the actor did not make it itself."""
    role = ix.role(actor_id, s)
    by = md_inline(ix.actors[s.speaker].name)
    if role == "behalf":
        return f" <small>(by {by}, on its behalf)</small>"
    if role == "affiliate":
        return f" <small>(by {by}, who belongs to it)</small>"
    if role not in (None, "speaker"):
        return f" <small>(as part of [{by}]({urls.actor_link(page, s.speaker)}))</small>"
    return ""
