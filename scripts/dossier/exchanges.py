"""Claim–response threads, worked out once from the model: statements linked by
`responds_to`, in answer order, each on a side.

Sides come from the relations themselves, so the engine needs no list of camps: a statement
that denies or condemns the one it answers takes the other side; one that confirms or repeats
it takes the same side.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass

from .model import OPPOSING, Corpus, Statement


@dataclass(frozen=True)
class Thread:
    statements: tuple[Statement, ...]  # in date order
    sides: dict[str, int]  # statement id → 0 or 1

    @property
    def anchor_id(self) -> str:
        return self.statements[0].id


def threads(corpus: Corpus) -> list[Thread]:
    """Every thread of two or more statements, earliest first."""
    links: dict[str, list[tuple[str, bool]]] = defaultdict(list)  # id → (other, opposing)
    for s in corpus.statements:
        for response in s.responds_to:
            if response.statement in corpus.statements_by_id:
                opposing = response.relation in OPPOSING
                links[s.id].append((response.statement, opposing))
                links[response.statement].append((s.id, opposing))
    order = {s.id: index for index, s in enumerate(corpus.statements)}  # date order
    seen: set[str] = set()
    out = []
    for s in corpus.statements:
        if s.id in seen or s.id not in links:
            continue
        members = _in_order(set(_sides(s.id, links)), order, corpus)
        seen |= set(members)
        by_id = corpus.statements_by_id
        out.append(Thread(tuple(by_id[m] for m in members), _sides(members[0], links)))
    return sorted(out, key=lambda t: order[t.statements[0].id])


def _in_order(members: set[str], order: dict[str, int], corpus: Corpus) -> list[str]:
    """Date order, except that an answer always comes after what it answers (a denial dated
    only to the year still follows the accusation dated to the day)."""
    by_id = corpus.statements_by_id
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
