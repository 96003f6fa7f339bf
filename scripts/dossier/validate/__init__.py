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

from ..load import RawReport, read_registry, read_report, report_paths
from ..model import Corpus, Report, event_sort_key, report_sort_key
from ..problems import InputError, Problems
from . import quotes, references, registries
from .reports import report as read_model_report


def load_corpus(root: Path) -> tuple[Corpus, Problems]:
    """Read and check everything; raise InputError listing every error found."""
    problems = Problems(root)
    paths = report_paths(root)
    raw_reports = [r for p in paths if (r := read_report(p, problems)) is not None]
    regs, unreadable = {}, set()
    for name in ("actors", "events", "glossary"):
        before = len(problems.errors)
        regs[name] = read_registry(root, name, problems)
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
    )
    declared = references.Declared(
        actors=None
        if "actors" in unreadable
        else frozenset(registries.declared_ids(regs["actors"])),
        events=None
        if "events" in unreadable
        else frozenset(registries.declared_ids(regs["events"])),
        complete=len(reports) == len(paths),
    )
    references.check(corpus, declared, problems)
    if problems.errors:
        raise InputError(problems.errors)
    return corpus, problems


def _report_checks(report: Report, raw: RawReport, root: Path, problems: Problems) -> None:
    quotes.check_quotes(report, raw, problems)
    quotes.check_lossless(report, raw, root, problems)
