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

from pathlib import Path

from ..load import RawRegistry, RawReport, read_registry, read_report, report_paths
from ..model import Corpus, Report, event_sort_key, report_sort_key
from ..problems import InputError, Problems
from . import quotes, references, registries
from .reports import report as read_model_report


def load_corpus(root: Path) -> tuple[Corpus, Problems]:
    """Read and check everything; raise InputError listing every error found."""
    problems = Problems(root)
    paths = report_paths(root)
    raw_reports = [r for p in paths if (r := read_report(p, problems)) is not None]
    regs: dict[str, RawRegistry] = {}
    unreadable: set[str] = set()
    for name in ("actors", "events", "glossary"):
        before = len(problems.errors)
        regs[name] = read_registry(root, name, problems)
        if len(problems.errors) > before:
            unreadable.add(name)
    for name in ("references", "talking_points"):
        before = len(problems.errors)
        regs[name] = read_registry(root, name, problems, required=False)
        if len(problems.errors) > before:
            unreadable.add(name)
    actors = registries.actors(regs["actors"], problems)
    events = registries.events(regs["events"], problems)
    glossary = registries.glossary(regs["glossary"], problems)
    reports = []
    for raw in raw_reports:
        report = read_model_report(raw, problems)
        if report is not None:
            _report_checks(report, raw, root, problems)
            reports.append(report)
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
        statements=frozenset(_statement_ids(raw_reports))
        if len(raw_reports) == len(paths)
        else None,
        complete=len(reports) == len(paths),
    )
    references.check(corpus, declared, problems)
    if problems.errors:
        raise InputError(problems.errors)
    return corpus, problems


def _declared(
    regs: dict[str, RawRegistry], unreadable: set[str], name: str
) -> frozenset[str] | None:
    """The ids written in a registry, or None when it could not be read at all."""
    return None if name in unreadable else frozenset(registries.declared_ids(regs[name]))


def _statement_ids(raw_reports: list[RawReport]) -> set[str]:
    ids = set()
    for raw in raw_reports:
        items = raw.meta.get("statements")
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                ids.add(item["id"])
    return ids


def _report_checks(report: Report, raw: RawReport, root: Path, problems: Problems) -> None:
    quotes.check_quotes(report, raw, problems)
    quotes.check_lossless(report, raw, root, problems)
