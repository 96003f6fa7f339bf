"""Incremental renders: a process that generates again and again (`mkdocs serve`'s hook)
renders again only the pages made from what changed.

The pages that grow with the corpus (the statements, by-speaker, timeline and finder data
pages a listing splits into) are made through `Index.page`, with the set of reports each is
made from (`Index.statement_sources`, `Index.event_sources`). The next render in the same
process reuses a page's text when none of those reports changed, nor any it was made from
the time before. Whatever else a page can show (the registries, which page holds what, the
site's address, the moved addresses, the code itself) must be equal, or everything is made
again; so must the set of reports, since a page's counts and neighbours depend on it.

A one-shot `dossier build` has no previous render and makes every page; `make build` and the
published site are always made whole. tests/test_incremental.py checks that an incremental
render equals a whole one after every kind of edit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .load import report_paths
from .model import Corpus


@dataclass(frozen=True)
class Reuse:
    """What `Index.page` may reuse: the last render's pages, what each was made from, and the
    reports changed since (edited, added or removed)."""

    docs: Mapping[str, str]
    made_from: Mapping[str, frozenset[str]]
    shown: Mapping[str, tuple[object, ...]]
    changed: frozenset[str]


@dataclass(frozen=True)
class Rendered:
    """What a render leaves for the next one in the same process."""

    corpus: Corpus
    context: tuple[object, ...]  # everything besides the corpus that a page may show
    docs: Mapping[str, str]  # what `Index.page` made: path → text
    made_from: Mapping[str, frozenset[str]]
    shown: Mapping[str, tuple[object, ...]]
    reused: frozenset[str] = frozenset()  # the pages taken from the render before


def reuse(last: Rendered | None, corpus: Corpus, context: tuple[object, ...]) -> Reuse | None:
    """What may be reused from `last` for a render of `corpus` in `context`; None when the
    whole site must be made again."""
    if last is None or last.context != context:
        return None
    for f in dataclasses.fields(Corpus):
        if f.name != "reports" and getattr(last.corpus, f.name) != getattr(corpus, f.name):
            return None  # a registry changed: any page may show it
    before = {r.id: r for r in last.corpus.reports}
    now = {r.id: r for r in corpus.reports}
    if before.keys() != now.keys():
        return None
    changed = frozenset(i for i, r in now.items() if not (before[i] is r or before[i] == r))
    return Reuse(last.docs, last.made_from, last.shown, changed)


Files = tuple[tuple[str, int, int], ...]


def files_seen(root: Path, outputs: Iterable[str]) -> Files:
    """What a run reads and writes, as (path, modified, size): the configuration, the report
    pages, the registries and data files, the originals, and the generated files `outputs`.
    Equal after the last run's writes means a run would find nothing to do (the `mkdocs
    serve` hook runs the generator again after every build its own writes set off)."""
    paths = [root / "mkdocs.yml", *report_paths(root)]
    for folder in ("data", "sources"):
        paths += sorted(p for p in (root / folder).rglob("*") if p.is_file())
    paths += [root / p for p in outputs]
    seen = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            seen.append((str(path), -1, -1))
        else:
            seen.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(seen)


# The last render in this process, for the project at this root (one at a time: a test run
# generates many small projects and need not keep them all); and the files as the last
# writing run left them, with what it returned.
_LAST: dict[str, Rendered] = {}
_SETTLED: dict[str, tuple[Files, tuple[str, ...], object]] = {}


def settle(root: Path, outputs: Iterable[str], result: object) -> None:
    """A writing run of the project at `root` is done: it wrote `outputs`, returned `result`."""
    written = tuple(outputs)
    _SETTLED.clear()
    _SETTLED[str(root.resolve())] = (files_seen(root, written), written, result)


def settled(root: Path) -> object | None:
    """The last writing run's result, if no file it read or wrote has changed since."""
    kept = _SETTLED.get(str(root.resolve()))
    if kept is None or kept[0] != files_seen(root, kept[1]):
        return None
    return kept[2]


def last_render(root: Path) -> Rendered | None:
    return _LAST.get(str(root.resolve()))


def keep(root: Path, rendered: Rendered) -> None:
    _LAST.clear()
    _LAST[str(root.resolve())] = rendered


def forget() -> None:
    """Make the next run whole (tests compare the two)."""
    _LAST.clear()
    _SETTLED.clear()
