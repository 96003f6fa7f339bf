"""What a page says about itself: a meta description for every generated page, and schema.org
JSON-LD for report pages (NewsArticle) and the timeline (its events).

The renderers write pages; this module reads the finished set (`add_meta`) and adds to each
generated page's front matter `description` (the theme prints it raw inside an attribute, so
it is HTML-attribute-escaped, then YAML-dumped) and, for the timeline, `jsonld`
(overrides/main.html prints it raw inside a script element, so it is escape.json_for_html:
no text can end the element). A report page is the editors' own file, whose front matter the
generator never writes: overrides/main.html makes its description and its NewsArticle JSON-LD
from that front matter (in the head: the theme's instant navigation re-runs scripts of the
page body as JavaScript).

Dates keep their real precision: schema.org's Date takes YYYY, YYYY-MM or YYYY-MM-DD.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from .. import urls
from ..escape import ONE_LINE, SAFE_DUMPER, html_attr, json_for_html
from ..model import Actor, Event, Report
from ..yamlio import SAFE_LOADER
from .fmt import plural
from .index import Index
from .reports import SITE_NAME

MAX_DESCRIPTION = 160  # what search engines show of a description
SCHEMA = "https://schema.org"


def clip(text: str, limit: int = MAX_DESCRIPTION) -> str:
    """`text` cut to at most `limit` characters, at a word, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(",;:") + "…"


def headline(report: Report) -> str:
    """The report's title as a headline: a title the editors supplied (the text has none)
    is bracketed, as in the CSL export, so it never passes for the outlet's own."""
    return report.title if report.title_source == "report" else f"[{report.title}]"


# --- descriptions ---------------------------------------------------------------------------


def _fixed(ix: Index) -> dict[str, str]:
    """The descriptions of the generated pages that are not one per report or actor."""
    c = ix.corpus
    statements, reports, events = ix.statements, c.reports, c.events
    issued = sum(1 for s in statements if s.issued)
    span = f", {events[0].date.display()} to {events[-1].date.display()}" if events else ""
    return {
        urls.REPORTS_INDEX: f"All {plural(len(reports), 'news report')} of the {SITE_NAME}, "
        "latest first, with outlet, date and the statements and events indexed in each.",
        urls.TIMELINE: f"{plural(len(events), 'dated event')} the reports tell of{span}, in "
        "order, each sourced to its paragraphs and with the statements made about it.",
        urls.STATEMENTS: f"{plural(len(statements), 'statement')} by date: who said what, "
        f"when and where, as quoted in {plural(len(reports), 'news report')}. "
        "Each has its own link.",
        urls.STATEMENTS_BY_SPEAKER: f"{plural(len(statements), 'statement')} grouped by "
        "speaker: what each person, office or government said, when, and in which report.",
        urls.FINDER: f"Filter {plural(len(statements), 'statement')} by speaker, party, "
        "kind, venue, topic, date, report or event; the address keeps the filters to share.",
        urls.ACTORS_INDEX: f"{plural(len(c.actors), 'actor')} (people, organisations, "
        "countries and groups) named in the reports, with their statements, events and reports.",
        urls.GLOSSARY: f"{plural(len(c.glossary), 'term')} and abbreviations used in the "
        "reports, with what each means.",
        urls.REFERENCES: f"{plural(len(c.references), 'outside source')} the editors "
        "consulted to date and check the reports, with what each supports.",
        urls.DIFFERENCES: f"{plural(issued, 'statement')} whose issued text is public: where "
        "the wording a report gives differs from it, and where it matches.",
        urls.THREADS: f"{plural(len(ix.threads), 'exchange')} of statements that deny, "
        "condemn, confirm or repeat earlier ones, in order, the two sides side by side.",
        urls.TALKING_POINTS: f"{plural(len(c.talking_points), 'talking point')}: wording "
        "that recurs in statements made on different occasions, with each statement.",
    }


def _about(report: Report) -> str:
    """Outlet and date: "News1, March 2024", or the date alone where no outlet is named."""
    outlet = f"{report.outlet}, " if report.outlet else ""
    return f"{outlet}{report.published.display()}"


def report_description(report: Report) -> str:
    """Headline, outlet and date: "Title (Outlet, 26 October 2023)", the outlet cut to 30
    characters and the title to what room is left of 160. overrides/main.html words a report
    page's meta description so from the page's own front matter (the editors' file)."""
    outlet = report.outlet or ""
    if len(outlet) > 30:
        outlet = outlet[:29] + "…"
    about = f"{outlet}, {report.published.display()}" if outlet else report.published.display()
    title, room = report.title, MAX_DESCRIPTION - 3 - len(about)
    if len(title) > room:
        title = title[: room - 1] + "…"
    return f"{title} ({about})"


def original_description(report: Report) -> str:
    return clip(
        f"“{report.title}” ({_about(report)}): the original text as received, line by line "
        "and numbered, the lines left off the report page marked."
    )


def actor_description(actor: Actor, ix: Index) -> str:
    facts = (
        f"{plural(len(ix.statements_of(actor.id)), 'statement')}, "
        f"{plural(len(ix.events_of(actor.id)), 'event')}, "
        f"{plural(len(ix.reports_of(actor.id)), 'report')}"
    )
    return clip(f"{actor.name} ({actor.kind}) in the {SITE_NAME}: {facts}. {actor.description}")


def _from_title(doc: str) -> str:
    """A page this module has no words for (a page added later) is described by its title."""
    block = doc.split("---\n", 2)[1]
    meta = yaml.load(block, Loader=SAFE_LOADER) or {}  # libyaml's: hundreds of pages
    title = html.unescape(str(meta.get("title", ""))).strip()
    return clip(f"{title}: a page of the {SITE_NAME}." if title else SITE_NAME)


def descriptions(docs: Mapping[str, str], ix: Index) -> dict[str, str]:
    """Page path under docs/ → its description (plain text), for every generated page."""
    known = _fixed(ix)
    for actor in ix.corpus.actors:
        known[urls.doc_actor(actor.id)] = actor_description(actor, ix)
    for report in ix.corpus.reports:
        known[urls.doc_original(report.id)] = original_description(report)
    return {
        path: known.get(path) or _from_title(text)
        for path, text in docs.items()
        if path.endswith(".md")
    }


# --- schema.org ------------------------------------------------------------------------------


def timeline_jsonld(ix: Index, events: Sequence[Event] | None = None) -> dict[str, Any]:
    """The timeline's events (or those of one page of a split timeline). The registry
    records no place for an event, so none has a `location`; each `startDate` is its date
    at the precision known."""
    graph = [
        {
            "@type": "Event",
            "@id": ix.absolute(ix.url_event(e.id)),
            "name": e.title,
            "startDate": e.date.value,
            "url": ix.absolute(ix.url_event(e.id)),
            "description": e.summary,
        }
        for e in (ix.corpus.events if events is None else events)
    ]
    return {"@context": SCHEMA, "@graph": graph}


def _timeline_pages(ix: Index) -> dict[str, dict[str, Any]]:
    """JSON-LD for each page of the timeline that lists events (never all of a long one)."""
    listing = ix.layout.events
    if not listing.split:
        return {urls.TIMELINE: timeline_jsonld(ix)}
    return {
        part.doc: timeline_jsonld(ix, [ix.events[i] for i in part.entries])
        for part in listing.pages()
        if part.entries
    }


# --- front matter ------------------------------------------------------------------------------


def _field(key: str, value: str) -> str:
    """One front matter line, written by the YAML dumper (quoted as needed, one line)."""
    return yaml.dump({key: value}, Dumper=SAFE_DUMPER, allow_unicode=True, width=ONE_LINE,
                     sort_keys=False)  # fmt: skip


def with_meta(doc: str, description: str, jsonld: Mapping[str, Any] | None = None) -> str:
    """A generated page with `description` (and `jsonld`) added to its front matter."""
    if not doc.startswith("---\n"):
        raise ValueError("a generated page must start with its front matter")
    fields = _field("description", html_attr(description))
    if jsonld is not None:
        fields += _field("jsonld", json_for_html(jsonld))
    return "---\n" + fields + doc[len("---\n") :]


def add_meta(docs: Mapping[str, str], ix: Index) -> dict[str, str]:
    """Every generated page with its description, and the timeline with its JSON-LD."""
    described = descriptions(docs, ix)
    jsonld = _timeline_pages(ix)
    return {
        path: with_meta(text, described[path], jsonld.get(path)) if path in described else text
        for path, text in docs.items()
    }
