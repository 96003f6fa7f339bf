"""Claim–response threads: statements linked by `responds_to`, laid out side by side.

A thread is a connected set of statements. Sides come from the relations themselves, so the
engine needs no list of camps: a statement that denies or condemns the one it answers takes
the other side; one that confirms or repeats it takes the same side.
"""

from __future__ import annotations

from .. import urls
from ..escape import md_cell, md_inline
from ..exchanges import Thread
from ..model import Statement
from . import parts
from .fmt import REPEATS_SEARCH_BOOST, banner, front_matter, plural, quoted
from .index import Index


def _side_label(thread: Thread, side: int, ix: Index) -> str:
    names: list[str] = []
    for s in thread.statements:
        if thread.sides[s.id] == side:
            for actor in s.on_behalf_of or (s.speaker,):
                name = ix.actors[actor].name
                if name not in names:
                    names.append(name)
    return ", ".join(names) or "–"


INTRO = (
    "of statements that answer each other: an allegation, its denial, a condemnation, a "
    "confirmation. Each runs in date order, an answer always after what it answers; a "
    "statement that denies or condemns the one it answers stands on the other side, one that "
    "confirms or repeats it on the same side."
)


def threads_pages(ix: Index) -> dict[str, str]:
    """The threads: one page, or by the date of their first statement past the page limit."""
    listing = ix.layout.threads
    if not listing.split:
        return {urls.THREADS: threads_page(ix)}
    by_id = {t.anchor_id: t for t in ix.threads}
    first = [
        front_matter("Threads", search_boost=REPEATS_SEARCH_BOOST),
        banner("docs/reports/*.md (responds_to)"),
        "# Threads",
        "",
        f"{plural(len(ix.threads), 'exchange')} {INTRO}",
        "",
        parts.split_note("threads"),
        "",
        *parts.contents(listing, urls.THREADS, "exchange"),
    ]
    docs = {urls.THREADS: "\n".join(first) + "\n"}
    for part in listing.pages():
        title = f"Threads: {parts.period(part.key)}"
        out = parts.shell(listing, part, title, "docs/reports/*.md (responds_to)", "threads",
                          "exchange", REPEATS_SEARCH_BOOST)  # fmt: skip
        for anchor in part.entries:
            out += _thread(by_id[anchor], ix, part.doc, searched=False)
        docs[part.doc] = "\n".join(out) + "\n"
    return docs


def threads_page(ix: Index) -> str:
    page = urls.THREADS
    found = ix.threads
    out = [
        front_matter("Threads", search_boost=REPEATS_SEARCH_BOOST),
        banner("docs/reports/*.md (responds_to)"),
        "# Threads",
        "",
        f"{plural(len(found), 'exchange')} {INTRO}",
        "",
    ]
    for thread in found:
        out += _thread(thread, ix, page)
    return "\n".join(out) + "\n"


def _thread(thread: Thread, ix: Index, page: str, searched: bool = True) -> list[str]:
    """A thread's heading and table; on a long list's pages the table is left out of search
    (a long exchange would outgrow a search index's field; each statement is found on its
    own page)."""
    first = thread.statements[0]
    # The opening statement's speaker, date and first words tell the threads apart.
    title = f"{md_inline(ix.actors[first.speaker].name)}, {first.date.display()}: "
    out = [f"## {title}{quoted(first, 8)} {{ #{urls.thread_anchor(thread.anchor_id)} }}", ""]
    left, right = _side_label(thread, 0, ix), _side_label(thread, 1, ix)
    out += [] if searched else ["<div markdown data-search-exclude>", ""]
    out += [
        f"| Date | {md_cell(left)} | {md_cell(right)} |",
        "|---|---|---|",
    ]
    for s in thread.statements:
        cell = _cell(s, ix, page)
        columns = (cell, "") if thread.sides[s.id] == 0 else ("", cell)
        out.append(f"| {s.date.display()} | {columns[0]} | {columns[1]} |")
    out += [""] if searched else ["", "</div>", ""]
    return out


def _cell(s: Statement, ix: Index, page: str) -> str:
    speaker = md_inline(ix.actors[s.speaker].name)
    text = f"{speaker}: [{quoted(s, 18)}]({ix.statement_link(page, s.id)})"
    answers = [
        f"{r.relation} {md_inline(ix.actors[ix.corpus.statements_by_id[r.statement].speaker].name)}"
        for r in s.responds_to
        if r.statement in ix.corpus.statements_by_id
    ]
    return text + (f" <small>({'; '.join(answers)})</small>" if answers else "")
