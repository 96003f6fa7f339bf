"""Pages about the record itself: the outside sources consulted, the statements whose reported
wording differs from the issued text, and the talking points that recur across statements."""

from __future__ import annotations

from collections import defaultdict

from .. import urls
from ..escape import md_heading, md_inline, md_url_link
from ..model import Statement
from .fmt import REPEATS_SEARCH_BOOST, banner, front_matter, plural, quoted, sources
from .index import Index


def _statement_line(s: Statement, ix: Index, page: str) -> str:
    speaker = md_inline(ix.actors[s.speaker].name)
    return f"- {s.date.display()}: {speaker}: [{quoted(s, 24)}]({ix.statement_link(page, s.id)})"


def references_page(ix: Index) -> str:
    used = _citing(ix)
    out = [
        front_matter("Outside sources", search_boost=REPEATS_SEARCH_BOOST),
        banner("data/references.yml"),
        "# Outside sources",
        "",
        f"{plural(len(ix.corpus.references), 'document')} the editors consulted for facts the "
        "reports do not give: exact dates, the issued text of statements, who issued them. "
        "Wherever the site uses such a fact it links here.",
        "",
    ]
    for ref in ix.corpus.references:
        out += [f"## {md_heading(ref.title, urls.reference_anchor(ref.id))}", ""]
        date = f", {ref.date}" if ref.date else ""
        out += [f"{md_inline(ref.publisher)}{date}: {md_url_link(ref.url)}", ""]
        out += [f"**Supports:** {md_inline(ref.supports)}", ""]
        if used[ref.id]:
            out += ["**Cited for:**", "", *sorted(used[ref.id]), ""]
    return "\n".join(out) + "\n"


def _citing(ix: Index) -> dict[str, set[str]]:
    """Reference id → list items naming what cites it, with links."""
    page = urls.REFERENCES
    used: dict[str, set[str]] = defaultdict(set)
    for report in ix.corpus.reports:
        link = f"[{md_inline(report.title)}]({urls.report_link(page, report.id)})"
        for ref in (*report.published.references, *report.references):
            used[ref].add(f"- the report {link}")
        for note in report.notes:
            for ref in note.references:
                used[ref].add(f"- an editorial note on {link}")
    for s in ix.statements:
        cited = {*s.date.references, *s.references, *([s.issued.reference] if s.issued else [])}
        for ref in cited:
            used[ref].add(_statement_line(s, ix, page))
    for e in ix.corpus.events:
        for ref in e.date.references:
            used[ref].add(f"- the date of [{md_inline(e.title)}]({ix.event_link(page, e.id)})")
    for a in ix.corpus.actors:
        if a.members_reference:
            link = f"[{md_inline(a.name)}]({urls.actor_link(page, a.id)})"
            used[a.members_reference].add(f"- the members of {link}")
    return used


def differences_page(ix: Index) -> str:
    page = urls.DIFFERENCES
    checked = [s for s in ix.statements if s.issued]
    differ = [s for s in checked if s.issued and s.issued.differs]
    out = [
        front_matter("Reported and issued wording", search_boost=REPEATS_SEARCH_BOOST),
        banner("docs/reports/*.md (issued)"),
        "# Reported and issued wording",
        "",
        f"{plural(len(checked), 'statement')} compared with the text their speakers issued; "
        f"{plural(len(differ), 'differs', 'differ')} from it. A report's quotation may be a "
        "translation, a retranslation or a paraphrase in quotation marks: the site keeps the "
        "report's words and notes only the words that differ.",
        "",
    ]
    for s in differ:
        assert s.issued is not None
        note = s.issued.note or ""
        cited = sources((s.issued.reference,), ix, page, note)
        out += [_statement_line(s, ix, page), f"    - {md_inline(note)}{cited}"]
    same = [s for s in checked if s.issued and not s.issued.differs]
    if same:
        out += ["", "## Matching the issued text { #matching }", ""]
        out += [_statement_line(s, ix, page) for s in same]
    return "\n".join(out) + "\n"


def talking_points_page(ix: Index) -> str:
    page = urls.TALKING_POINTS
    points = ix.corpus.talking_points
    out = [
        front_matter("Talking points", search_boost=REPEATS_SEARCH_BOOST),
        banner("data/talking_points.yml"),
        "# Talking points",
        "",
        f"{plural(len(points), 'formulation')} that recur across statements, as the editors "
        "confirmed them; each with every statement that uses it, by date.",
        "",
    ]
    for point in points:
        out += [f"## {md_heading(f'“{point.text}”', urls.talking_point_anchor(point.id))}", ""]
        used = sorted(
            (ix.corpus.statements_by_id[sid] for sid in point.statements),
            key=lambda s: (s.date.sort_key(), s.id),
        )
        out += [_statement_line(s, ix, page) for s in used] + [""]
    return "\n".join(out) + "\n"
