"""Raw input → validated `Corpus`, collecting every problem before stopping.

One pass: each file is read once (`load`), each entry checked against the schema
(`schema`) and turned into a model object that knows its file and line; then the checks that
need more than one entry run on the model alone, split by concern:

- `registries`: actors, events, glossary, and what stays inside one registry;
- `reports`: a report page's structure and references to its own paragraphs;
- `quotes`: quotes are verbatim, quotations indexed, the original kept losslessly;
- `references`: ids across files, dates against their report, unsourced events.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from .. import aside
from ..load import RawRegistry, RawReport, read_registry, read_report, report_paths
from ..model import Corpus, Report, event_sort_key, report_sort_key
from ..problems import InputError, Problem, Problems
from . import quotes, references, registries
from .reports import report as read_model_report


def load_corpus(root: Path) -> tuple[Corpus, Problems]:
    """Read and check everything; raise InputError listing every error found."""
    problems = Problems(root)
    paths = report_paths(root)
    registry_problems = Problems(root)
    _forget_all_but(root, paths)
    earlier = {p: _kept(root, p) for p in paths}  # read before in this process, unchanged
    unread = [p for p, kept in earlier.items() if kept is None]
    with _reading(unread, root) as fresh:  # the others, read in other processes if worth it
        regs, unreadable = _read_registries(root, registry_problems)  # meanwhile, in this one
        read = [_read(p, root, problems, earlier[p], fresh.get(p)) for p in paths]
    problems.items.extend(registry_problems.items)  # after the pages', as they always were
    actors = registries.actors(regs["actors"], problems)
    events = registries.events(regs["events"], problems)
    glossary = registries.glossary(regs["glossary"], problems)
    reports = [r.report for r in read if r.report is not None]
    corpus = Corpus(
        reports=tuple(sorted(reports, key=report_sort_key)),
        actors=tuple(sorted(actors, key=lambda a: a.id)),
        events=tuple(sorted(events, key=event_sort_key)),
        glossary=tuple(sorted(glossary, key=lambda g: (g.term.lower(), g.term))),
        references=tuple(
            sorted(registries.references(regs["references"], problems), key=lambda r: r.id)
        ),
        talking_points=tuple(
            sorted(registries.talking_points(regs["talking_points"], problems), key=lambda t: t.id)
        ),
    )
    declared = references.Declared(
        actors=_declared(regs, unreadable, "actors"),
        events=_declared(regs, unreadable, "events"),
        references=_declared(regs, unreadable, "references"),
        # A page that could not be read declares none of its statements: then references to
        # statements are not checked (the unreadable page is the problem to fix).
        statements=frozenset(sid for r in read for sid in r.statement_ids)
        if all(r.readable for r in read)
        else None,
        complete=len(reports) == len(paths),
    )
    references.check(corpus, declared, problems)
    if problems.errors:
        raise InputError(problems.errors)
    return corpus, problems


def _read_registries(
    root: Path, problems: Problems
) -> tuple[dict[str, RawRegistry], set[str]]:
    """The five registries, and the names of those that could not be read at all."""
    regs: dict[str, RawRegistry] = {}
    unreadable: set[str] = set()
    for name in ("actors", "events", "glossary", "references", "talking_points"):
        before = len(problems.errors)
        regs[name] = read_registry(
            root, name, problems, required=name in ("actors", "events", "glossary")
        )
        if len(problems.errors) > before:
            unreadable.add(name)
    return regs, unreadable


def _declared(
    regs: dict[str, RawRegistry], unreadable: set[str], name: str
) -> frozenset[str] | None:
    """The ids written in a registry, or None when it could not be read at all."""
    return None if name in unreadable else frozenset(registries.declared_ids(regs[name]))


def _statement_ids(raw: RawReport) -> tuple[str, ...]:
    items = raw.meta.get("statements")
    return tuple(
        item["id"]
        for item in (items if isinstance(items, list) else [])
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    )


@dataclass(frozen=True)
class _Read:
    """One report page, read and checked on its own: what the corpus-wide checks need."""

    readable: bool  # its front matter could be read
    report: Report | None
    statement_ids: tuple[str, ...]
    problems: tuple[Problem, ...]
    original: tuple[object, ...]  # what was read of its original (`_original_state`)


# Pages already read and checked in this process, by (root, page) → (its bytes, the result).
# A page's own checks depend only on its bytes and its original (`_original_state`), so a
# long-running process (`mkdocs serve`) re-checks only the pages that changed.
_READ: dict[tuple[str, str], tuple[bytes, _Read]] = {}


def _read(
    path: Path,
    root: Path,
    problems: Problems,
    kept: _Fresh | None,
    reading: Future[_Fresh] | None,
) -> _Read:
    """The page as this process read it before (`kept`), as a worker reads it (`reading`),
    or else read here."""
    data, done = kept or (reading.result() if reading else _read_fresh(path, root))
    if data is not None:
        _READ[_key(root, path)] = (data, done)
    problems.items.extend(done.problems)
    return done


def _key(root: Path, path: Path) -> tuple[str, str]:
    """A page's key in `_READ`: the project, and the page within it. The same root may come
    as `.` or as a full path (`mkdocs serve` gave both): a key made of either would miss the
    other, and every page would be read again."""
    project = root.resolve()
    return str(project), os.path.relpath(os.path.abspath(path), project)


def _forget_all_but(root: Path, paths: list[Path]) -> None:
    """Drop what was kept of pages that are not `paths` of the project at `root`: pages
    deleted since, and other projects' (a process that loads another project, as the tests
    do, would otherwise keep every page it ever read)."""
    keep = {_key(root, path) for path in paths}
    for key in [key for key in _READ if key not in keep]:
        del _READ[key]


def _kept(root: Path, path: Path) -> _Fresh | None:
    """What this process read of the page before, if neither it nor its original changed."""
    kept = _READ.get(_key(root, path))
    if kept is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    done = kept[1]
    if kept[0] != data:
        return None
    if done.report is not None and done.original != _original_state(root, done.report):
        return None
    return data, done


_Fresh = tuple[bytes | None, _Read]


def _read_fresh(path: Path, root: Path) -> _Fresh:
    """One page read and checked on its own: its bytes (None if unreadable) and the result."""
    try:
        data = path.read_bytes()
    except OSError:
        data = None
    mine = Problems(root)
    raw = read_report(path, mine)
    report = read_model_report(raw, mine) if raw is not None else None
    if raw is not None and report is not None:
        quotes.check_quotes(report, raw, mine)
        quotes.check_lossless(report, raw, root, mine)
    done = _Read(
        readable=raw is not None,
        report=report,
        statement_ids=_statement_ids(raw) if raw is not None else (),
        problems=tuple(mine.items),
        original=_original_state(root, report) if report is not None else (),
    )
    return data, done


# Below this many pages to read, processes cost more than they save (about 3 ms a page).
PARALLEL_FROM = 200


@contextlib.contextmanager
def _reading(paths: list[Path], root: Path) -> Iterator[dict[Path, Future[_Fresh]]]:
    """`paths` read by worker processes, one per core, while the caller goes on; an empty
    mapping when there are few, or when work cannot be sent aside (aside.can_fork). Results
    are in the caller's order, whatever order the workers finish in."""
    if len(paths) < PARALLEL_FROM or not aside.can_fork():
        yield {}
        return
    with ProcessPoolExecutor(aside.cores(), mp_context=get_context("fork")) as pool:
        yield {p: pool.submit(_read_fresh, p, root) for p in paths}


def _original_state(root: Path, report: Report) -> tuple[object, ...]:
    """All that the checks of a page read of its original (quotes._original)."""
    path = root / "sources" / report.source_file
    try:
        return (path.is_symlink(), path.resolve(), path.read_bytes() if path.is_file() else None)
    except OSError as exc:
        return (type(exc).__name__,)
