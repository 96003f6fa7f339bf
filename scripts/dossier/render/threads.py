"""Claim–response threads: statements linked by `responds_to`, laid out side by side.

A thread is a connected set of statements. Sides come from the relations themselves, so the
engine needs no list of camps: a statement that denies or condemns the one it answers takes
the other side; one that confirms or repeats it takes the same side.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass

from .. import urls
from ..escape import md_cell, md_inline
from ..model import OPPOSING, Statement
from .fmt import REPEATS_SEARCH_BOOST, banner, front_matter, plural, quoted
from .index import Index


@dataclass(frozen=True)
class Thread:
    statements: tuple[Statement, ...]  # in date order
    sides: dict[str, int]  # statement id → 0 or 1

    @property
    def anchor_id(self) -> str:
        return self.statements[0].id


def threads(ix: Index) -> list[Thread]:
    """Every thread of two or more statements, earliest first."""
    links: dict[str, list[tuple[str, bool]]] = defaultdict(list)  # id → (other, opposing)
    for s in ix.statements:
        for response in s.responds_to:
            if response.statement in ix.corpus.statements_by_id:
                opposing = response.relation in OPPOSING
                links[s.id].append((response.statement, opposing))
                links[response.statement].append((s.id, opposing))
    order = {s.id: index for index, s in enumerate(ix.statements)}  # date order
    seen: set[str] = set()
    out = []
    for s in ix.statements:
        if s.id in seen or s.id not in links:
            continue
        members = _in_order(set(_sides(s.id, links)), order, ix)
        seen |= set(members)
        by_id = ix.corpus.statements_by_id
        out.append(Thread(tuple(by_id[m] for m in members), _sides(members[0], links)))
    return sorted(out, key=lambda t: order[t.statements[0].id])


def _in_order(members: set[str], order: dict[str, int], ix: Index) -> list[str]:
    """Date order, except that an answer always comes after what it answers (a denial dated
    only to the year still follows the accusation dated to the day)."""
    by_id = ix.corpus.statements_by_id
    waiting = {
        m: {r.statement for r in by_id[m].responds_to if r.statement in members} for m in members
    }
    ready = [(order[m], m) for m, before in waiting.items() if not before]
    heapq.heapify(ready)
    out: list[str] = []
    while ready:
        _, current = heapq.heappop(ready)
        out.append(current)
        for m, before in waiting.items():
            if current in before:
                before.discard(current)
                if not before:
                    heapq.heappush(ready, (order[m], m))
    # A cycle (a data error the build reports) would leave some out: keep them, in date order.
    return out + sorted(members - set(out), key=order.__getitem__)


def _sides(start: str, links: dict[str, list[tuple[str, bool]]]) -> dict[str, int]:
    """Walk the thread from its earliest statement, flipping side on each opposing link."""
    sides = {start: 0}
    queue = [start]
    while queue:
        current = queue.pop()
        for other, opposing in links[current]:
            if other not in sides:
                sides[other] = sides[current] ^ int(opposing)
                queue.append(other)
    return sides


def thread_of(ix: Index) -> dict[str, Thread]:
    """Statement id → its thread."""
    return {s.id: t for t in threads(ix) for s in t.statements}


def _side_label(thread: Thread, side: int, ix: Index) -> str:
    names: list[str] = []
    for s in thread.statements:
        if thread.sides[s.id] == side:
            for actor in s.on_behalf_of or (s.speaker,):
                name = ix.actors[actor].name
                if name not in names:
                    names.append(name)
    return ", ".join(names) or "–"


def threads_page(ix: Index) -> str:
    page = urls.THREADS
    found = threads(ix)
    out = [
        front_matter("Threads", search_boost=REPEATS_SEARCH_BOOST),
        banner("docs/reports/*.md (responds_to)"),
        "# Threads",
        "",
        f"{plural(len(found), 'exchange')} of statements that answer each other: an allegation, "
        "its denial, a condemnation, a confirmation. Each runs in date order, an answer always "
        "after what it answers; a statement that "
        "denies or condemns the one it answers stands on the other side, one that confirms or "
        "repeats it on the same side.",
        "",
    ]
    for thread in found:
        first = thread.statements[0]
        # The opening statement's speaker, date and first words tell the threads apart.
        title = f"{md_inline(ix.actors[first.speaker].name)}, {first.date.display()}: "
        out += [f"## {title}{quoted(first, 8)} {{ #{urls.thread_anchor(thread.anchor_id)} }}", ""]
        left, right = _side_label(thread, 0, ix), _side_label(thread, 1, ix)
        out += [
            f"| Date | {md_cell(left)} | {md_cell(right)} |",
            "|---|---|---|",
        ]
        for s in thread.statements:
            cell = _cell(s, ix, page)
            columns = (cell, "") if thread.sides[s.id] == 0 else ("", cell)
            out.append(f"| {s.date.display()} | {columns[0]} | {columns[1]} |")
        out.append("")
    return "\n".join(out) + "\n"


def _cell(s: Statement, ix: Index, page: str) -> str:
    speaker = md_inline(ix.actors[s.speaker].name)
    text = f"{speaker}: [{quoted(s, 18)}]({urls.statement_link(page, s.id)})"
    answers = [
        f"{r.relation} {md_inline(ix.actors[ix.corpus.statements_by_id[r.statement].speaker].name)}"
        for r in s.responds_to
        if r.statement in ix.corpus.statements_by_id
    ]
    return text + (f" <small>({'; '.join(answers)})</small>" if answers else "")
