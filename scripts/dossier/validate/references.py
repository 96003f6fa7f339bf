"""Checks across files, on the model alone: every id referred to exists, ids are unique and
clear of the generator's anchors, dates are not after their report, every event is sourced.

References resolve against the ids *declared* in the registries, valid entries or not, so an
entry with a problem of its own is reported once, not again wherever it is used.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import Date
from ..model import Corpus, Report
from ..problems import Problems
from ..urls import reserved_anchor
from .common import at


@dataclass(frozen=True)
class Declared:
    """Ids written in the registries; None when a registry could not be read at all (then
    references to it are not checked: its own problem is the one to fix)."""

    actors: frozenset[str] | None
    events: frozenset[str] | None
    # Every page was read and nothing else is wrong: only then are "never referred to"
    # checks sound (a broken page or entry would make them report its references as missing).
    complete: bool

    def unknown_actor(self, actor_id: str) -> bool:
        return self.actors is not None and actor_id not in self.actors

    def unknown_event(self, event_id: str) -> bool:
        return self.events is not None and event_id not in self.events


def check(corpus: Corpus, declared: Declared, problems: Problems) -> None:
    seen: dict[str, str] = {}
    for report in corpus.reports:
        _event_refs(report, declared, corpus, problems)
        _statements(report, declared, seen, problems)
    for event in corpus.events:
        for a_index, actor in enumerate(event.actors):
            if declared.unknown_actor(actor):
                at(
                    problems,
                    event.pos,
                    f"[{event.pos.index}].actors[{a_index}]",
                    f"unknown actor {actor!r} (add it to data/actors.yml)",
                )
    if declared.complete and not problems.errors:
        _unsourced(corpus, problems)


def _event_refs(report: Report, declared: Declared, corpus: Corpus, problems: Problems) -> None:
    for ref in report.events:
        field = f"events[{ref.pos.index}].id"
        if declared.unknown_event(ref.event):
            at(problems, ref.pos, field, f"unknown event {ref.event!r} (add it to data/events.yml)")
        elif (event := corpus.events_by_id.get(ref.event)) and later(event.date, report.published):
            at(
                problems,
                ref.pos,
                field,
                f"event dated {event.date.value} is after the report's "
                f"publication ({report.published.value})",
            )


def _statements(
    report: Report, declared: Declared, seen: dict[str, str], problems: Problems
) -> None:
    listed = {ref.event for ref in report.events}
    for s in report.statements:
        where = f"statements[{s.pos.index}]"
        if s.id in seen:
            at(problems, s.pos, f"{where}.id", f"{s.id!r} is already used in {seen[s.id]}")
        seen.setdefault(s.id, s.pos.file)
        if reserved_anchor(s.id):
            at(
                problems,
                s.pos,
                f"{where}.id",
                f"{s.id!r} would clash with a heading the generator makes on the statements "
                "page (ids must not start with year-, month- or note-, nor be a section name)",
            )
        if declared.unknown_actor(s.speaker):
            at(
                problems,
                s.pos,
                f"{where}.speaker",
                f"unknown actor {s.speaker!r} (add it to data/actors.yml)",
            )
        for a_index, actor in enumerate(s.on_behalf_of):
            if declared.unknown_actor(actor):
                at(problems, s.pos, f"{where}.on_behalf_of[{a_index}]", f"unknown actor {actor!r}")
        if s.event is not None and declared.unknown_event(s.event):
            at(
                problems,
                s.pos,
                f"{where}.event",
                f"unknown event {s.event!r} (add it to data/events.yml)",
            )
        elif s.event is not None and s.event not in listed and declared.events is not None:
            at(
                problems,
                s.pos,
                f"{where}.event",
                f"event {s.event!r} is not in this report's `events` list",
            )
        if later(s.date, report.published):
            at(
                problems,
                s.pos,
                f"{where}.date",
                f"{s.date.value} is after the report's publication ({report.published.value})",
            )


def _unsourced(corpus: Corpus, problems: Problems) -> None:
    referenced = {ref.event for r in corpus.reports for ref in r.events}
    for event in corpus.events:
        if event.id not in referenced:
            at(
                problems,
                event.pos,
                f"[{event.pos.index}].id",
                f"event {event.id!r} is not sourced: list it under `events` in the report(s) "
                "that mention it",
            )


def later(date: Date, reference: Date) -> bool:
    """True when `date` is certainly after `reference`, compared at their common precision."""
    depth = min(len(date.value), len(reference.value))
    return date.value[:depth] > reference.value[:depth]
