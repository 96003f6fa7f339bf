"""The validated corpus: frozen dataclasses that every renderer reads from."""

from __future__ import annotations

from dataclasses import dataclass

from .dates import Date

STATEMENT_KINDS = ("direct", "partial", "paraphrase")
ACTOR_KINDS = ("person", "organization", "country", "group")
EVENT_KINDS = (
    "summit", "meeting", "call", "statement", "launch", "strike",
    "veto", "report", "sanctions", "election", "other",
)  # fmt: skip
TITLE_SOURCES = ("report", "editor")


@dataclass(frozen=True)
class Paragraph:
    id: str
    number: int  # position on the page, 1-based (ids stay stable; numbers are for display)
    text: str


@dataclass(frozen=True)
class Note:
    paragraph: str | None
    text: str


@dataclass(frozen=True)
class RemovedLine:
    line: int
    text: str
    reason: str
    note: str | None


@dataclass(frozen=True)
class NotStatement:
    text: str
    paragraph: str
    reason: str


@dataclass(frozen=True)
class EventRef:
    event: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Statement:
    id: str
    text: str
    kind: str
    speaker: str
    speaker_label: str
    on_behalf_of: tuple[str, ...]
    date: Date
    venue: str
    report: str
    paragraph: str
    event: str | None
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    id: str
    status: str
    title: str
    title_source: str
    outlet: str | None
    outlet_note: str | None
    byline: str | None
    published: Date
    url: str | None
    source_file: str
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[RemovedLine, ...]
    metadata_lines: tuple[RemovedLine, ...]
    notes: tuple[Note, ...]
    events: tuple[EventRef, ...]
    statements: tuple[Statement, ...]
    not_statements: tuple[NotStatement, ...]

    def paragraph(self, pid: str) -> Paragraph:
        return next(p for p in self.paragraphs if p.id == pid)

    @property
    def draft(self) -> bool:
        return self.status == "draft"


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    description: str
    affiliation: str | None


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    kind: str
    summary: str
    date: Date
    actors: tuple[str, ...]


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    expansion: str | None
    definition: str


@dataclass(frozen=True)
class Corpus:
    """Everything, sorted once here so that every renderer sees one stable order."""

    reports: tuple[Report, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    glossary: tuple[GlossaryTerm, ...]

    @property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(
            sorted(
                (s for r in self.reports for s in r.statements),
                key=lambda s: (s.date.sort_key(), s.report, _pnum(s.paragraph), s.id),
            )
        )

    def report(self, report_id: str) -> Report:
        return next(r for r in self.reports if r.id == report_id)

    def actor(self, actor_id: str) -> Actor:
        return next(a for a in self.actors if a.id == actor_id)

    def event(self, event_id: str) -> Event:
        return next(e for e in self.events if e.id == event_id)


def _pnum(pid: str) -> tuple[int, str]:
    digits = "".join(c for c in pid if c.isdigit())
    return (int(digits) if digits else 0, pid)


def report_sort_key(report: Report) -> tuple:
    return (report.published.sort_key(), report.id)


def event_sort_key(event: Event) -> tuple:
    return (event.date.sort_key(), event.id)
