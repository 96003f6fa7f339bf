"""The statements index (one section per statement, by date) and the by-speaker view."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from .. import urls
from ..dates import MONTHS
from ..escape import html_attr, json_for_html, md_heading, md_inline
from ..exchanges import Thread
from ..layout import Part
from ..model import Actor, Statement
from ..text import in_context
from . import cite, parts
from .actors import role_note
from .fmt import KIND_LABELS, banner, date_detail, front_matter, plural, quoted, sources
from .index import Index


def statement_heading(s: Statement, ix: Index) -> str:
    """Speaker and the first words: tells statements apart in the contents and in search."""
    return f"{md_inline(ix.actors[s.speaker].name)}: {quoted(s, 8)}"


def statements_pages(ix: Index) -> dict[str, str]:
    """The statements index: one page, or past the page limit a first page that lists the
    years and months and a page for each (layout.py)."""
    return parts.pages(
        ix.layout.statements,
        lambda: statements_page(ix),
        lambda: _statements_first_page(ix),
        lambda part: _made(ix, part, lambda listed: _statements_part(ix, part, listed)),
    )


def _made(
    ix: Index, part: Part, make: Callable[[list[Statement]], str], counts: bool = False
) -> str:
    """A page of statements, made again only if a report it is made from changed, or (with
    `counts`, for the pages that give each speaker's count) a speaker's count."""
    listed = [ix.corpus.statements_by_id[i] for i in part.entries]
    speakers = sorted({a for s in listed for a in ix.related[s.id]}) if counts else []
    shows = tuple(ix.count_text(a) for a in speakers)
    return ix.page(part.doc, ix.statement_sources(listed), lambda: make(listed), shows)


def _intro(ix: Index, page: str) -> list[str]:
    statements = ix.statements
    counts = {k: sum(1 for s in statements if s.kind == k) for k in KIND_LABELS}
    return [
        f"{plural(len(statements), 'statement')} ({counts['direct']} direct quotes, "
        f"{counts['partial']} partial quotes, {counts['paraphrase']} reported in paraphrase), "
        "by the date they were made, each in the sentence of the report that holds it. Each has "
        "its own link: the ¶ mark beside its heading, which its button copies; its Cite button "
        "gives a ready citation. "
        "Quotes are as the reports give them; a paraphrase is the report's own wording of "
        "what was said.",
        "",
        f"Search any phrase with the search box (press <kbd>/</kbd>), filter them by speaker, "
        f"country, topic, date and more in the [statement finder]({urls.link(page, urls.FINDER)}), "
        f"or browse [by speaker]({urls.link(page, urls.STATEMENTS_BY_SPEAKER)}).",
        "",
    ]


def statements_page(ix: Index) -> str:
    page = urls.STATEMENTS
    out = [
        front_matter("Statements"),
        banner("docs/reports/*.md"),
        "# Statements",
        "",
        *_intro(ix, page),
        *_listed(ix, list(ix.statements), page),
    ]
    return "\n".join(out) + "\n"


def _statements_first_page(ix: Index) -> str:
    page = urls.STATEMENTS
    out = [
        front_matter("Statements"),
        banner("docs/reports/*.md"),
        "# Statements",
        "",
        *_intro(ix, page),
        "They are too many for one page: each year has its own, and a busy year one for each "
        "month. A statement's address names its page; an older address that named this page "
        "still leads to the statement.",
        "",
        *parts.contents(ix.layout.statements, page, "statement"),
        "",
    ]
    return "\n".join(out) + "\n"


def _statements_part(ix: Index, part: Part, statements: list[Statement]) -> str:
    page = part.doc
    listing = ix.layout.statements
    title = f"Statements: {parts.period(part.key)}"
    out = [
        front_matter(title),
        banner("docs/reports/*.md"),
        f"# {md_inline(title)}",
        "",
        parts.neighbours(listing, part, page, "statements"),
        "",
    ]
    if part.children:
        out += [*parts.contents(listing, page, "statement", part.key), ""]
    if statements:
        out += _listed(ix, statements, page)
    return "\n".join(out) + "\n"


def _listed(ix: Index, statements: list[Statement], page: str) -> list[str]:
    """Statements by year and month, with the sources they cite (for the Cite buttons)."""
    out = [_cite_sources(ix, statements), ""]
    for year, in_year in groupby(statements, key=lambda s: s.date.year):
        out += [f"## {year} {{ #{urls.year_anchor(year)} }}", ""]
        for month, in_month in groupby(in_year, key=lambda s: s.date.parts[1]):
            label = f"{MONTHS[month - 1]} {year}" if month else f"{year}, month not known"
            out += [f"### {label} {{ #{urls.month_anchor(year, month)} }}", ""]
            for s in in_month:
                out += _statement(s, ix, page, ix.thread_of.get(s.id))
    return out


def _cite_sources(ix: Index, statements: list[Statement]) -> str:
    """The reports the page's statements come from, as permalink.js cites them: once a page,
    so that each statement's card carries only its own few fields."""
    used = sorted({s.report for s in statements})
    data = {rid: cite.source_data(cite.source(ix.reports[rid], ix)) for rid in used}
    attr = html_attr(json_for_html(data))
    return f'<div class="dossier-cite-sources" data-cite-sources="{attr}" hidden></div>'


def _statement(s: Statement, ix: Index, page: str, thread: Thread | None) -> list[str]:
    report = ix.reports[s.report]
    para = report.paragraph(s.paragraph)
    speaker = (
        f"[{md_inline(ix.actors[s.speaker].name)}]({urls.actor_link(page, s.speaker)})"
        "{ .dossier-speaker }"
    )
    behalf = ", ".join(
        f"[{md_inline(ix.actors[a].name)}]({urls.actor_link(page, a)})" for a in s.on_behalf_of
    )
    data = cite.statement_attributes(cite.said(s, ix))
    out = [
        f"#### {statement_heading(s, ix)} {{ #{urls.statement_anchor(s.id)} }}",
        "",
        f'<div class="dossier-statement dossier-{s.kind}"{data} markdown>',
        "",
        f"> {in_context_md(s, para.text)}",
        "",
        f"- **Speaker:** {speaker}, named in the report as “{md_inline(s.speaker_label)}”"
        + (f"; on behalf of {behalf}" if behalf else ""),
        f"- **Date:** **{s.date.display()}** <small>({date_detail(s.date, ix, page)})</small>",
        f"- **Kind:** {KIND_LABELS[s.kind]} · **Venue:** "
        f"[{md_inline(s.venue)}]({urls.finder_link(page, venue=s.venue)})",
        f"- **Source:** *{md_inline(report.title)}* ({report.published.display()}), "
        f"[¶ {para.number}]({urls.report_link(page, report.id, para.id)})"
        "{ .dossier-to-paragraph }",
    ]
    if s.event:
        event = ix.events[s.event]
        out.append(f"- **Event:** [{md_inline(event.title)}]({ix.event_link(page, event.id)})")
    if s.topics:
        # Topics and venues lead to every statement that shares them, in the finder.
        topics = (f"[{md_inline(t)}]({urls.finder_link(page, topic=t)})" for t in s.topics)
        out.append("- **Topics:** " + ", ".join(topics))
    out += _record(s, ix, page, thread)
    out += ["", "</div>", ""]
    return out


def in_context_md(s: Statement, paragraph: str) -> str:
    """The sentence(s) of its paragraph that hold a statement, its words in <mark>: the words
    as the paragraph writes them (the build checks they are there; the statement's own text,
    marked, if not). Search indexes the words only: the rest of the sentence is its
    paragraph's, and a phrase found there must land on the paragraph."""
    found = in_context(paragraph, s.text)
    if found is None:
        return f"<mark>{md_inline(s.text)}</mark>"
    words = f"<mark>{md_inline(found.words)}</mark>"
    return _unsearched(found.before) + words + _unsearched(found.after)


def _unsearched(text: str) -> str:
    """Escaped text left out of search, keeping a space where it has one at either end."""
    if not text.strip():
        return " " if text else ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return f"<span data-search-exclude>{lead}{md_inline(text)}{trail}</span>"


RELATION_VERBS = {
    "denies": "Denies", "condemns": "Condemns", "confirms": "Confirms", "repeats": "Repeats",
}  # fmt: skip


def _record(s: Statement, ix: Index, page: str, thread: Thread | None) -> list[str]:
    """What the editors know beyond the report: their note, the issued text, the exchange the
    statement belongs to, and the talking points it repeats."""
    out = []
    if s.note or s.references:
        note = md_inline(s.note) if s.note else "Outside sources"
        out.append(f"- **Editors' note:** {note}{sources(s.references, ix, page, s.note or '')}")
    if s.issued:
        cited = sources((s.issued.reference,), ix, page, s.issued.note or "")
        if s.issued.differs:
            out.append(
                f"- **Differs from the issued text:** {md_inline(s.issued.note or '')}{cited}"
            )
        else:
            out.append(f"- **Issued text:** the report's words match it{cited}")
    by_id = ix.corpus.statements_by_id
    for response in s.responds_to:
        target = by_id.get(response.statement)
        if target is not None:
            out.append(f"- **{RELATION_VERBS[response.relation]}:** {_short(target, ix, page)}")
    for answer in ix.responses.get(s.id, []):
        relation = next(r.relation for r in answer.responds_to if r.statement == s.id)
        out.append(f"- **Answered ({relation}) by:** {_short(answer, ix, page)}")
    if thread is not None:
        link = ix.thread_link(page, thread.anchor_id)
        out.append(f"- **Thread:** [an exchange of {len(thread.statements)} statements]({link})")
    for point in ix.talking_points_of.get(s.id, []):
        link = ix.talking_point_link(page, point.id)
        out.append(f"- **Talking point:** [“{md_inline(point.text)}”]({link})")
    return out


def _short(s: Statement, ix: Index, page: str) -> str:
    speaker = md_inline(ix.actors[s.speaker].name)
    return f"{speaker}, {s.date.display()}: [{quoted(s, 12)}]({ix.statement_link(page, s.id)})"


def by_speaker_pages(ix: Index) -> dict[str, str]:
    """The by-speaker view: one page, or past the page limit a first page listing the
    speakers and the periods, and a page per year or month with what each said in it."""
    return parts.pages(
        ix.layout.speakers,
        lambda: by_speaker_page(ix),
        lambda: _by_speaker_first_page(ix),
        lambda part: _made(ix, part, lambda listed: _by_speaker_part(ix, part, listed), True),
    )


def _speakers(ix: Index) -> list[Actor]:
    return sorted((a for a in ix.corpus.actors if ix.statements_of(a.id)), key=lambda a: a.sort_key)


def by_speaker_page(ix: Index) -> str:
    page = urls.STATEMENTS_BY_SPEAKER
    actors = _speakers(ix)
    out = [
        # Excluded from search so that a phrase search lands on the statement itself.
        front_matter("Statements by speaker", search_exclude=True),
        banner("docs/reports/*.md and data/actors.yml"),
        "# Statements by speaker",
        "",
        f"{plural(len(actors), 'actor')}, people by family name. Each lists what it said, what "
        "was said on its behalf, and what a group it belongs to said, as its own page does. "
        f"[All statements by date]({urls.link(page, urls.STATEMENTS)}).",
        "",
    ]
    for actor in actors:
        out += _speaker_section(ix, actor, ix.statements_of(actor.id), page)
    return "\n".join(out) + "\n"


def _speaker_section(
    ix: Index, actor: Actor, statements: list[Statement], page: str, whole: bool = True
) -> list[str]:
    count = ix.count_text(actor.id)
    if not whole:  # one period of a split view
        count = f"{plural(len(statements), 'statement')} in this period, of {count}"
    out = [
        f"## {md_heading(actor.name, urls.speaker_anchor(actor.id))}",
        "",
        f"{count} · [about {md_inline(actor.name)}]({urls.actor_link(page, actor.id)})",
        "",
    ]
    for s in statements:
        link = ix.statement_link(page, s.id)
        note = role_note(actor.id, s, ix, page)
        out.append(f"- {s.date.display()}: [{quoted(s, 16)}]({link}){note}")
    out.append("")
    return out


def _by_speaker_first_page(ix: Index) -> str:
    page = urls.STATEMENTS_BY_SPEAKER
    actors = _speakers(ix)
    out = [
        front_matter("Statements by speaker", search_exclude=True),
        banner("docs/reports/*.md and data/actors.yml"),
        "# Statements by speaker",
        "",
        f"{plural(len(actors), 'actor')} made statements, or had them made on their behalf. "
        "They are too many for one page: each period has its own, listing every speaker of "
        "that period with what it said then. Each actor's own page counts all of them. "
        f"[All statements by date]({urls.link(page, urls.STATEMENTS)}).",
        "",
        *parts.contents(ix.layout.speakers, page, "statement"),
        "",
        "## Speakers",
        "",
        *(
            f"- [{md_inline(a.name)}]({urls.actor_link(page, a.id)}): {ix.count_text(a.id)}"
            for a in actors
        ),
        "",
    ]
    return "\n".join(out) + "\n"


def _by_speaker_part(ix: Index, part: Part, statements: list[Statement]) -> str:
    page = part.doc
    title = f"Statements by speaker: {parts.period(part.key)}"
    out = [
        front_matter(title, search_exclude=True),
        banner("docs/reports/*.md and data/actors.yml"),
        f"# {md_inline(title)}",
        "",
        parts.neighbours(ix.layout.speakers, part, page, "speakers"),
        "",
    ]
    if part.children:
        out += [*parts.contents(ix.layout.speakers, page, "statement", part.key), ""]
    said: dict[str, list[Statement]] = {}
    for s in statements:
        for actor_id in ix.related[s.id]:
            said.setdefault(actor_id, []).append(s)
    for actor in sorted((ix.actors[a] for a in said), key=lambda a: a.sort_key):
        out += _speaker_section(ix, actor, said[actor.id], page, whole=False)
    return "\n".join(out) + "\n"
