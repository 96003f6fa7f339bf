"""Checks across files, on the model alone: every id referred to exists, ids are unique and
clear of the generator's anchors, dates are not after their report, every event is sourced.

References resolve against the ids *declared* in the registries, valid entries or not, so an
entry with a problem of its own is reported once, not again wherever it is used.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import Date
from ..model import Corpus, Pos, Report
from ..problems import Problems
from ..text import contains
from ..urls import reserved_anchor
from .common import at


@dataclass(frozen=True)
class Declared:
    """Ids written in the registries; None when a registry could not be read at all (then
    references to it are not checked: its own problem is the one to fix)."""

    actors: frozenset[str] | None
    events: frozenset[str] | None
    references: frozenset[str] | None
    statements: frozenset[str] | None
    # Every page was read and nothing else is wrong: only then are "never referred to"
    # checks sound (a broken page or entry would make them report its references as missing).
    complete: bool

    def unknown_actor(self, actor_id: str) -> bool:
        return self.actors is not None and actor_id not in self.actors

    def unknown_event(self, event_id: str) -> bool:
        return self.events is not None and event_id not in self.events

    def unknown_statement(self, statement_id: str) -> bool:
        return self.statements is not None and statement_id not in self.statements

    def unknown_reference(self, reference_id: str) -> bool:
        return self.references is not None and reference_id not in self.references


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
    _citations(corpus, declared, problems)
    _groups(corpus, declared, problems)
    _threads(corpus, declared, problems)
    _talking_points(corpus, declared, problems)
    _behalf_consistency(corpus, problems)
    for report in corpus.reports:
        _event_paragraphs(report, problems)
        for mention in report.mentions:
            if declared.unknown_actor(mention.actor):
                at(problems, report.pos, "mentions", f"unknown actor {mention.actor!r}")
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


def _cited(corpus: Corpus) -> list[tuple[Pos, str, tuple[str, ...]]]:
    """Every place that cites outside sources: (where, field, reference ids)."""
    out: list[tuple[Pos, str, tuple[str, ...]]] = []
    for report in corpus.reports:
        out.append((report.pos, "published.references", report.published.references))
        out.append((report.pos, "references", report.references))
        for note in report.notes:
            out.append((note.pos, f"notes[{note.pos.index}].references", note.references))
        for s in report.statements:
            where = f"statements[{s.pos.index}]"
            out.append((s.pos, f"{where}.date.references", s.date.references))
            out.append((s.pos, f"{where}.references", s.references))
            if s.issued:
                out.append((s.pos, f"{where}.issued.reference", (s.issued.reference,)))
    for event in corpus.events:
        out.append((event.pos, f"[{event.pos.index}].date.references", event.date.references))
    for actor in corpus.actors:
        if actor.members_reference:
            field = f"[{actor.pos.index}].members_reference"
            out.append((actor.pos, field, (actor.members_reference,)))
    return out


def _citations(corpus: Corpus, declared: Declared, problems: Problems) -> None:
    for pos, field, ids in _cited(corpus):
        for ref in ids:
            if declared.unknown_reference(ref):
                at(
                    problems,
                    pos,
                    field,
                    f"unknown reference {ref!r} (add it to data/references.yml)",
                )


def _groups(corpus: Corpus, declared: Declared, problems: Problems) -> None:
    """A group lists its members, or how many there are and where that is known from."""
    for actor in corpus.actors:
        where = f"[{actor.pos.index}]"
        if actor.kind != "group" and (actor.members or actor.member_count):
            at(problems, actor.pos, f"{where}.members", "only a group has members")
            continue
        for index, member in enumerate(actor.members):
            if declared.unknown_actor(member):
                at(problems, actor.pos, f"{where}.members[{index}]", f"unknown actor {member!r}")
        count = actor.member_count
        if count is not None and count < len(actor.members):
            at(
                problems,
                actor.pos,
                f"{where}.member_count",
                f"{count} is fewer than the {len(actor.members)} members listed",
            )
        if count is not None and count > len(actor.members) and not actor.members_reference:
            at(
                problems,
                actor.pos,
                f"{where}.members_reference",
                "some members are not listed: cite where the count comes from",
            )


def _threads(corpus: Corpus, declared: Declared, problems: Problems) -> None:
    """A statement answers one that exists, is another, and is not certainly later."""
    by_id = corpus.statements_by_id
    for s in corpus.statements:
        for index, response in enumerate(s.responds_to):
            field = f"statements[{s.pos.index}].responds_to[{index}].statement"
            target = by_id.get(response.statement)
            if response.statement == s.id:
                at(problems, s.pos, field, "a statement cannot answer itself")
            elif declared.unknown_statement(response.statement):
                at(problems, s.pos, field, f"unknown statement {response.statement!r}")
            elif target is not None and later(target.date, s.date):
                at(
                    problems,
                    s.pos,
                    field,
                    f"{response.statement!r} is dated {target.date.value}, after this statement "
                    f"({s.date.value}): a statement answers an earlier one",
                )


def _talking_points(corpus: Corpus, declared: Declared, problems: Problems) -> None:
    by_id = corpus.statements_by_id
    for point in corpus.talking_points:
        for index, sid in enumerate(point.statements):
            field = f"[{point.pos.index}].statements[{index}]"
            if declared.unknown_statement(sid):
                at(problems, point.pos, field, f"unknown statement {sid!r}")
            elif sid in by_id and not contains(by_id[sid].text, point.text):
                at(
                    problems,
                    point.pos,
                    field,
                    f"statement {sid!r} does not contain the talking point's words",
                )


def _behalf_consistency(corpus: Corpus, problems: Problems) -> None:
    """The same speaker on behalf of different parties is worth a second look (a warning)."""
    seen: dict[str, tuple[tuple[str, ...], str]] = {}
    for s in corpus.statements:
        parties = tuple(sorted(s.on_behalf_of))
        first = seen.setdefault(s.speaker, (parties, s.id))
        if first[0] != parties:
            problems.warn(
                s.pos.file,
                s.pos.line,
                f"statements[{s.pos.index}].on_behalf_of",
                f"{s.speaker!r} speaks on behalf of {list(parties)} here but of "
                f"{list(first[0])} in {first[1]!r}",
            )


def _event_paragraphs(report: Report, problems: Problems) -> None:
    """An event lists every paragraph of this report that holds one of its statements."""
    listed = {ref.event: (ref, set(ref.paragraphs)) for ref in report.events}
    for s in report.statements:
        if s.event in listed and s.paragraph not in listed[s.event][1]:
            ref = listed[s.event][0]
            at(
                problems,
                ref.pos,
                f"events[{ref.pos.index}].paragraphs",
                f"add {s.paragraph}: it holds statement {s.id!r} of this event",
            )
