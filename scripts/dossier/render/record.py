"""Pages about the record itself: the outside sources consulted, the statements whose reported
wording differs from the issued text, and the talking points that recur across statements."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from functools import partial

from .. import urls
from ..escape import md_heading, md_inline, md_url_link
from ..layout import Listing, Part
from ..model import Actor, Event, Reference, Report, Statement, TalkingPoint
from . import parts
from .fmt import REPEATS_SEARCH_BOOST, SEARCH_EXCLUDE, banner, front_matter, plural, quoted, sources
from .index import Index


def _statement_line(s: Statement, ix: Index, page: str) -> str:
    speaker = md_inline(ix.actors[s.speaker].name)
    return f"- {s.date.display()}: {speaker}: [{quoted(s, 24)}]({ix.statement_link(page, s.id)})"


REFERENCES_INTRO = (
    "the editors consulted for facts the reports do not give: exact dates, the issued text of "
    "statements, who issued them. Wherever the site uses such a fact it links here."
)


def references_pages(ix: Index) -> dict[str, str]:
    """The outside sources: one page, or numbered pages past the page limit."""
    listing = ix.layout.references
    if not listing.split:
        return {urls.REFERENCES: references_page(ix)}
    first = [
        front_matter("Outside sources", search_boost=REPEATS_SEARCH_BOOST),
        banner("data/references.yml"),
        "# Outside sources",
        "",
        f"{plural(len(ix.corpus.references), 'document')} {REFERENCES_INTRO}",
        "",
        parts.split_note("sources", numbered=True),
        "",
        *parts.contents(listing, urls.REFERENCES, "document"),
    ]
    docs = {urls.REFERENCES: "\n".join(first) + "\n"}
    for part in listing.pages():
        # Made again only when a report that cites one of its sources changed.
        citing = {
            item.report if isinstance(item, Statement) else item.id
            for ref in part.entries
            for _, _, item in _citers_of(ix, ref)
            if isinstance(item, Statement | Report)
        }
        docs[part.doc] = ix.page(
            part.doc, frozenset(citing), partial(_references_part, ix, listing, part)
        )
    return docs


def _references_part(ix: Index, listing: Listing, part: Part) -> str:
    title = f"Outside sources, {parts.label(listing, part.key)}"
    out = parts.shell(listing, part, title, "data/references.yml", "outside sources",
                      "document", REPEATS_SEARCH_BOOST)  # fmt: skip
    wanted = set(part.entries)
    used = _citing(ix, part.doc, wanted)
    for ref in ix.corpus.references:
        if ref.id in wanted:
            out += _reference(ref, used, searched=False)
    return "\n".join(out) + "\n"


def references_page(ix: Index) -> str:
    used = _citing(ix, urls.REFERENCES)
    out = [
        front_matter("Outside sources", search_boost=REPEATS_SEARCH_BOOST),
        banner("data/references.yml"),
        "# Outside sources",
        "",
        f"{plural(len(ix.corpus.references), 'document')} {REFERENCES_INTRO}",
        "",
    ]
    for ref in ix.corpus.references:
        out += _reference(ref, used)
    return "\n".join(out) + "\n"


def _reference(ref: Reference, used: Mapping[str, set[str]], searched: bool = True) -> list[str]:
    """A source's section. On the pages of a long list (`searched` False) what cites it is
    left out of search: a source cited hundreds of times would make one search field longer
    than a search index takes, and each citing statement or event is found on its own page."""
    out = [f"## {md_heading(ref.title, urls.reference_anchor(ref.id))}", ""]
    date = f", {ref.date}" if ref.date else ""
    out += [f"{md_inline(ref.publisher)}{date}: {md_url_link(ref.url)}", ""]
    out += [f"**Supports:** {md_inline(ref.supports)}", ""]
    if used.get(ref.id):
        cited = ["**Cited for:**", "", *sorted(used[ref.id]), ""]
        out += cited if searched else [SEARCH_EXCLUDE, "", *cited, "</div>", ""]
    return out


def _citing(ix: Index, page: str, wanted: set[str] | None = None) -> dict[str, set[str]]:
    """Reference id → list items naming what cites it, with links from `page`; only for the
    references in `wanted` (a page of a split list), or all."""
    used: dict[str, set[str]] = defaultdict(set)
    citers = _citers(ix)
    for ref, kind, item in (
        citers if wanted is None else [c for r in sorted(wanted) for c in _citers_of(ix, r)]
    ):
        if isinstance(item, Statement):
            used[ref].add(_statement_line(item, ix, page))
        elif isinstance(item, Event):
            used[ref].add(
                f"- the date of [{md_inline(item.title)}]({ix.event_link(page, item.id)})"
            )
        elif isinstance(item, Report):
            link = f"[{md_inline(item.title)}]({urls.report_link(page, item.id)})"
            used[ref].add(f"- the report {link}" if kind == "report" else f"- {kind} {link}")
        else:
            used[ref].add(
                f"- the members of [{md_inline(item.name)}]({urls.actor_link(page, item.id)})"
            )
    return used


Citer = Statement | Event | Report | Actor


def _citers_of(ix: Index, reference_id: str) -> list[tuple[str, str, Citer]]:
    """What cites one reference: a page of a split list asks for its own few only."""
    if ix.citers_of is None:
        grouped: dict[str, list[tuple[str, str, Citer]]] = defaultdict(list)
        for citer in _citers(ix):
            grouped[citer[0]].append(citer)
        ix.citers_of = grouped
    found: list[tuple[str, str, Citer]] = ix.citers_of.get(reference_id, [])
    return found


def _citers(ix: Index) -> list[tuple[str, str, Citer]]:
    """(reference id, how, what cites it), found once a build: a split list of sources asks
    for it once a page."""
    if ix.citers is not None:
        cached: list[tuple[str, str, Citer]] = ix.citers
        return cached
    found: list[tuple[str, str, Citer]] = []
    for report in ix.corpus.reports:
        for ref in (*report.published.references, *report.references):
            found.append((ref, "report", report))
        for note in report.notes:
            for ref in note.references:
                found.append((ref, "an editorial note on", report))
    for s in ix.statements:
        cited = {*s.date.references, *s.references, *([s.issued.reference] if s.issued else [])}
        found += [(ref, "statement", s) for ref in sorted(cited)]
    for e in ix.corpus.events:
        found += [(ref, "event", e) for ref in e.date.references]
    for a in ix.corpus.actors:
        if a.members_reference:
            found.append((a.members_reference, "members", a))
    ix.citers = found
    return found


DIFFERENCES_INTRO = (
    "A report's quotation may be a translation, a retranslation or a paraphrase in quotation "
    "marks: the site keeps the report's words and notes only the words that differ."
)


def differences_pages(ix: Index) -> dict[str, str]:
    """Reported against issued wording: one page, or by date past the page limit."""
    listing = ix.layout.differences
    if not listing.split:
        return {urls.DIFFERENCES: differences_page(ix)}
    docs = {urls.DIFFERENCES: _differences_first(ix)}
    by_id = ix.corpus.statements_by_id
    for part in listing.pages():
        title = f"Reported and issued wording: {parts.period(part.key)}"
        out = parts.shell(listing, part, title, "docs/reports/*.md (issued)", "statements",
                          "statement", REPEATS_SEARCH_BOOST)  # fmt: skip
        # Left out of search, as on every page of a long list (see _reference): each
        # statement is found on its own page.
        compared = _compared([by_id[i] for i in part.entries], ix, part.doc)
        out += [SEARCH_EXCLUDE, "", *compared, "", "</div>"]
        docs[part.doc] = "\n".join(out) + "\n"
    return docs


def _differences_head(ix: Index) -> list[str]:
    checked = [s for s in ix.statements if s.issued]
    differ = [s for s in checked if s.issued and s.issued.differs]
    return [
        front_matter("Reported and issued wording", search_boost=REPEATS_SEARCH_BOOST),
        banner("docs/reports/*.md (issued)"),
        "# Reported and issued wording",
        "",
        f"{plural(len(checked), 'statement')} compared with the text their speakers issued; "
        f"{plural(len(differ), 'differs', 'differ')} from it. {DIFFERENCES_INTRO}",
        "",
    ]


def _differences_first(ix: Index) -> str:
    out = [
        *_differences_head(ix),
        parts.split_note("statements"),
        "",
        *parts.contents(ix.layout.differences, urls.DIFFERENCES, "statement"),
    ]
    return "\n".join(out) + "\n"


def differences_page(ix: Index) -> str:
    page = urls.DIFFERENCES
    out = _differences_head(ix) + _compared([s for s in ix.statements if s.issued], ix, page)
    return "\n".join(out) + "\n"


def _compared(checked: list[Statement], ix: Index, page: str) -> list[str]:
    out = []
    for s in checked:
        if s.issued and s.issued.differs:
            note = s.issued.note or ""
            cited = sources((s.issued.reference,), ix, page, note)
            out += [_statement_line(s, ix, page), f"    - {md_inline(note)}{cited}"]
    same = [s for s in checked if s.issued and not s.issued.differs]
    if same:
        out += ["", "## Matching the issued text { #matching }", ""]
        out += [_statement_line(s, ix, page) for s in same]
    return out


POINTS_INTRO = (
    "that recur across statements, as the editors confirmed them; each with every statement "
    "that uses it, by date."
)


def talking_points_pages(ix: Index) -> dict[str, str]:
    """The talking points: one page, or by the date of their first use past the page limit."""
    listing = ix.layout.talking_points
    if not listing.split:
        return {urls.TALKING_POINTS: talking_points_page(ix)}
    points = ix.corpus.talking_points
    first = [
        front_matter("Talking points", search_boost=REPEATS_SEARCH_BOOST),
        banner("data/talking_points.yml"),
        "# Talking points",
        "",
        f"{plural(len(points), 'formulation')} {POINTS_INTRO}",
        "",
        parts.split_note("talking points"),
        "",
        *parts.contents(listing, urls.TALKING_POINTS, "formulation"),
    ]
    docs = {urls.TALKING_POINTS: "\n".join(first) + "\n"}
    by_id = {p.id: p for p in points}
    for part in listing.pages():
        title = f"Talking points: {parts.period(part.key)}"
        out = parts.shell(listing, part, title, "data/talking_points.yml", "talking points",
                          "formulation", REPEATS_SEARCH_BOOST)  # fmt: skip
        for point_id in part.entries:
            out += _point(by_id[point_id], ix, part.doc, searched=False)
        docs[part.doc] = "\n".join(out) + "\n"
    return docs


def talking_points_page(ix: Index) -> str:
    page = urls.TALKING_POINTS
    points = ix.corpus.talking_points
    out = [
        front_matter("Talking points", search_boost=REPEATS_SEARCH_BOOST),
        banner("data/talking_points.yml"),
        "# Talking points",
        "",
        f"{plural(len(points), 'formulation')} {POINTS_INTRO}",
        "",
    ]
    for point in points:
        out += _point(point, ix, page)
    return "\n".join(out) + "\n"


def _point(point: TalkingPoint, ix: Index, page: str, searched: bool = True) -> list[str]:
    """A talking point and its statements (left out of search on a long list's pages: the
    formulation is searched, each statement found on its own page)."""
    out = [f"## {md_heading(f'“{point.text}”', urls.talking_point_anchor(point.id))}", ""]
    used = sorted(
        (ix.corpus.statements_by_id[sid] for sid in point.statements),
        key=lambda s: (s.date.sort_key(), s.id),
    )
    lines = [_statement_line(s, ix, page) for s in used]
    return out + (lines if searched else [SEARCH_EXCLUDE, "", *lines, "", "</div>"]) + [""]
