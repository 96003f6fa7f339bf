"""Which page of a long listing holds what: the statements index, the timeline and the
by-speaker view stay one page each while they are short, and past `page_limit` entries are
spread over pages by year, then by month, then in numbered parts of a month.

Plain data, decided once per build from the corpus and handed to every renderer through the
Index, so that a link to a statement or an event is always built for the page that holds it.
Paths come from `urls` (`urls.doc_part`); nothing here builds one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from . import exchanges, urls
from .dates import Date
from .model import Corpus, Statement, TalkingPoint

DEFAULT_PAGE_LIMIT = 120  # statement cards or events a page holds: ~500 KB of HTML at most

T = TypeVar("T")
Key = tuple[int, ...]  # () the whole listing; (year,); (year, month); (year, month, part)


@dataclass(frozen=True)
class Part:
    """One page of a split listing: its key, the entries it shows itself and its sub-pages.
    A year or month that is split further keeps a page of its own that lists its parts (and
    shows, itself, the entries whose month is not known)."""

    key: Key
    doc: str
    entries: tuple[str, ...]  # ids, in listing order
    children: tuple[Key, ...] = ()
    total: int = 0  # entries on this page and every page under it


@dataclass(frozen=True)
class Listing:
    """A listing spread over pages (`split`), or on its one page (`base`)."""

    base: str  # the listing's own page (its doc), always built
    split: bool
    parts: dict[Key, Part] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)  # id → doc of the page holding it
    numbered: bool = False  # keys are page numbers (1,), (2,) …, not dates

    def doc_of(self, entry_id: str) -> str:
        return self.where.get(entry_id, self.base)

    def pages(self) -> list[Part]:
        """Every page below the base page, in listing order."""
        return [p for k, p in sorted(self.parts.items()) if k]


@dataclass(frozen=True)
class Layout:
    statements: Listing
    events: Listing
    speakers: Listing  # the by-speaker view, split by the statements' dates
    page_limit: int = DEFAULT_PAGE_LIMIT  # a list longer than this is given by period
    # The record's pages: threads, talking points and compared wording by date (of their
    # first statement); outside sources in numbered parts, in the registry's order.
    threads: Listing = Listing(urls.THREADS, False)
    talking_points: Listing = Listing(urls.TALKING_POINTS, False)
    differences: Listing = Listing(urls.DIFFERENCES, False)
    references: Listing = Listing(urls.REFERENCES, False)

    @staticmethod
    def single() -> Layout:
        """Every listing on its one page (the default: small corpora, tests)."""
        return Layout(
            Listing(urls.STATEMENTS, False),
            Listing(urls.TIMELINE, False),
            Listing(urls.STATEMENTS_BY_SPEAKER, False),
        )


def plan(
    base: str, items: Sequence[T], ident: Callable[[T], str], date: Callable[[T], Date],
    limit: int,
) -> Listing:  # fmt: skip
    """Spread `items` (already in listing order) over pages of at most `limit` entries."""
    if len(items) <= limit:
        return Listing(base, False)
    parts: dict[Key, Part] = {}
    years = []
    for year, group in _grouped(items, lambda i: date(i).year):
        years.append((year,))
        _plan_year(base, year, group, ident, date, limit, parts)
    parts[()] = Part((), base, (), tuple(years), len(items))
    where = {e: p.doc for p in parts.values() for e in p.entries}
    return Listing(base, True, parts, where)


def _plan_year(
    base: str, year: int, items: list[T], ident: Callable[[T], str],
    date: Callable[[T], Date], limit: int, parts: dict[Key, Part],
) -> None:  # fmt: skip
    key = (year,)
    if len(items) <= limit:
        parts[key] = Part(key, urls.doc_part(base, key), _ids(items, ident), (), len(items))
        return
    undated = [i for i in items if not date(i).parts[1]]  # the month is not known
    months = []
    if len(undated) > limit:  # more than a page: numbered parts, as a busy month's
        months.append(_plan_month(base, (year, 0), undated, ident, limit, parts))
        undated = []
    dated = [i for i in items if date(i).parts[1]]
    for month, group in _grouped(dated, lambda i: date(i).parts[1]):
        months.append(_plan_month(base, (year, month), group, ident, limit, parts))
    parts[key] = Part(
        key, urls.doc_part(base, key), _ids(undated, ident), tuple(months), len(items)
    )


def _plan_month(
    base: str, key: Key, items: list[T], ident: Callable[[T], str], limit: int,
    parts: dict[Key, Part],
) -> Key:  # fmt: skip
    if len(items) <= limit:
        parts[key] = Part(key, urls.doc_part(base, key), _ids(items, ident), (), len(items))
        return key
    chunks = [items[i : i + limit] for i in range(0, len(items), limit)]
    children = []
    for n, chunk in enumerate(chunks, start=1):
        sub = (*key, n)
        parts[sub] = Part(sub, urls.doc_part(base, sub), _ids(chunk, ident), (), len(chunk))
        children.append(sub)
    parts[key] = Part(key, urls.doc_part(base, key), (), tuple(children), len(items))
    return key


def plan_numbered(base: str, items: Sequence[T], ident: Callable[[T], str], limit: int) -> Listing:
    """Spread `items` over numbered pages of `limit` entries (for entries without a date)."""
    if len(items) <= limit:
        return Listing(base, False)
    parts: dict[Key, Part] = {}
    for n, start in enumerate(range(0, len(items), limit), start=1):
        chunk = items[start : start + limit]
        parts[(n,)] = Part((n,), urls.doc_numbered(base, n), _ids(chunk, ident), (), len(chunk))
    parts[()] = Part((), base, (), tuple(sorted(k for k in parts)), len(items))
    where = {e: p.doc for p in parts.values() for e in p.entries}
    return Listing(base, True, parts, where, numbered=True)


def _grouped(items: Iterable[T], key: Callable[[T], int]) -> list[tuple[int, list[T]]]:
    """Items by key, keys in order, each group in the items' order: a year or month is one
    page even where the listing's own order (a thread's first statement, say) strays."""
    groups: dict[int, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return sorted(groups.items())


def _ids(items: Iterable[T], ident: Callable[[T], str]) -> tuple[str, ...]:
    return tuple(ident(i) for i in items)


def layout_of(corpus: Corpus, limit: int = DEFAULT_PAGE_LIMIT) -> Layout:
    """Where the corpus's statements and events go, for pages of at most `limit` entries."""
    statements = corpus.statements  # in listing order (by date)
    threads = sorted(exchanges.threads(corpus), key=lambda t: _first(t.statements))
    by_id = corpus.statements_by_id
    points = sorted(
        corpus.talking_points,
        key=lambda p: (*_first([by_id[i] for i in p.statements if i in by_id]), p.id),
    )
    issued = [s for s in statements if s.issued]
    return Layout(
        plan(urls.STATEMENTS, statements, lambda s: s.id, lambda s: s.date, limit),
        plan(urls.TIMELINE, corpus.events, lambda e: e.id, lambda e: e.date, limit),
        plan(urls.STATEMENTS_BY_SPEAKER, statements, lambda s: s.id, lambda s: s.date, limit),
        limit,
        plan(
            urls.THREADS,
            threads,
            lambda t: t.anchor_id,
            lambda t: _earliest_of(t.statements),
            limit,
        ),
        plan(urls.TALKING_POINTS, points, lambda p: p.id, lambda p: _earliest(p, by_id), limit),
        plan(urls.DIFFERENCES, issued, lambda s: s.id, lambda s: s.date, limit),
        plan_numbered(urls.REFERENCES, corpus.references, lambda r: r.id, limit),
    )


def _first(statements: Sequence[Statement]) -> tuple[int, int, int]:
    return min((s.date.sort_key() for s in statements), default=(0, 0, 0))


def _earliest(point: TalkingPoint, by_id: Mapping[str, Statement]) -> Date:
    return _earliest_of([by_id[i] for i in point.statements if i in by_id])


def _earliest_of(statements: Sequence[Statement]) -> Date:
    first = min(statements, key=lambda s: s.date.sort_key(), default=None)
    return first.date if first else Date("1000", "stated", "")
