"""The validated corpus: frozen dataclasses that every renderer reads from.

Every object knows where it came from (`Pos`: file, line, index in its list), so that checks
across files run on the model alone and each problem points at the right entry. The
vocabularies (kinds, statuses, reasons) live here, next to the objects they describe; the
input schema (`schema.py`) and the renderers both read them from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal, get_args

from .dates import Date

StatementKind = Literal["direct", "partial", "paraphrase"]
ActorKind = Literal["person", "organization", "country", "group"]
EventKind = Literal[
    "summit", "meeting", "call", "statement", "launch", "strike",
    "veto", "report", "sanctions", "election", "other",
]  # fmt: skip
TitleSource = Literal["report", "editor"]
Status = Literal["draft", "ready"]
RemovalReason = Literal[
    "advertising", "promo", "social-prompt", "comment-prompt", "duplicate", "caption", "other"
]
MetadataField = Literal["title", "byline", "published"]
# How a statement answers an earlier one. Denying and condemning take the other side of the
# exchange; confirming and repeating take the same side.
Relation = Literal["denies", "condemns", "confirms", "repeats"]
RELATIONS: tuple[str, ...] = get_args(Relation)
OPPOSING = frozenset({"denies", "condemns"})
NOT_STATED = "not stated"

STATEMENT_KINDS: tuple[str, ...] = get_args(StatementKind)
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)
TITLE_SOURCES: tuple[str, ...] = get_args(TitleSource)
STATUSES: tuple[str, ...] = get_args(Status)

# Why a line of an original is not shown as a paragraph (the import records one of these).
REASONS: dict[str, str] = {
    "advertising": "advertising label",
    "promo": "link to another article",
    "social-prompt": "prompt to follow the outlet on social media",
    "comment-prompt": "prompt to leave a comment",
    "duplicate": "paragraph printed twice",
    "caption": "image caption or label repeating the headline",
    "other": "other",
}
assert tuple(REASONS) == get_args(RemovalReason)


@dataclass(frozen=True)
class Pos:
    """Where an object was written: a project-relative file, its line, its index in a list."""

    file: str
    line: int | None = None
    index: int | None = None


@dataclass(frozen=True)
class Paragraph:
    id: str
    number: int  # position on the page, 1-based (ids stay stable; numbers are for display)
    text: str
    pos: Pos


@dataclass(frozen=True)
class Note:
    paragraph: str | None
    text: str
    pos: Pos
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reference:
    """An outside document the editors consulted; cited by dates, notes and statements."""

    id: str
    title: str
    publisher: str
    date: str | None
    url: str
    supports: str
    pos: Pos


@dataclass(frozen=True)
class Issued:
    """How the statement was issued: the reference with the issued text, and whether (and how)
    the report's words differ from it."""

    reference: str
    differs: bool
    note: str | None


@dataclass(frozen=True)
class Response:
    statement: str  # the statement this one answers
    relation: Relation


@dataclass(frozen=True)
class Mention:
    actor: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class AmbiguousAlias:
    alias: str
    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass(frozen=True)
class TalkingPoint:
    id: str
    text: str
    statements: tuple[str, ...]
    pos: Pos


@dataclass(frozen=True)
class RemovedLine:
    line: int
    text: str
    reason: str  # a RemovalReason, or the MetadataField for metadata lines
    note: str | None
    pos: Pos


@dataclass(frozen=True)
class NotStatement:
    text: str
    paragraph: str
    reason: str
    pos: Pos


@dataclass(frozen=True)
class EventRef:
    event: str
    paragraphs: tuple[str, ...]
    pos: Pos


@dataclass(frozen=True)
class Statement:
    id: str
    text: str
    kind: StatementKind
    speaker: str
    speaker_label: str
    on_behalf_of: tuple[str, ...]
    date: Date
    venue: str
    report: str
    paragraph: str
    event: str | None
    topics: tuple[str, ...]
    pos: Pos
    note: str | None = None
    references: tuple[str, ...] = ()
    issued: Issued | None = None
    responds_to: tuple[Response, ...] = ()


@dataclass(frozen=True)
class Report:
    id: str
    status: Status
    title: str  # as readers see it (the front matter holds it HTML-escaped)
    title_source: TitleSource
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
    pos: Pos
    references: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @cached_property
    def _paragraphs_by_id(self) -> dict[str, Paragraph]:
        return {p.id: p for p in self.paragraphs}

    def paragraph(self, pid: str) -> Paragraph:
        return self._paragraphs_by_id[pid]

    @property
    def draft(self) -> bool:
        return self.status == "draft"


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...]
    description: str
    affiliation: str | None
    pos: Pos
    ambiguous: tuple[AmbiguousAlias, ...] = ()
    members: tuple[str, ...] = ()
    member_count: int | None = None
    members_reference: str | None = None
    sort_name: str | None = None

    @property
    def sort_key(self) -> tuple[str, str]:
        """People sort by family name: the registry's `sort_name` (e.g. "Kim Jong Un", whose
        family name comes first), else the last word first ("Blinken Antony")."""
        if self.sort_name:
            key = self.sort_name
        elif self.kind == "person" and " " in self.name:
            first, _, last = self.name.rpartition(" ")
            key = f"{last} {first}"
        else:
            key = self.name
        return (key.casefold(), self.id)


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    kind: EventKind
    summary: str
    date: Date
    actors: tuple[str, ...]
    pos: Pos


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    expansion: str | None
    definition: str
    pos: Pos


@dataclass(frozen=True)
class Corpus:
    """Everything, sorted once here so that every renderer sees one stable order."""

    reports: tuple[Report, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    glossary: tuple[GlossaryTerm, ...]
    references: tuple[Reference, ...] = ()
    talking_points: tuple[TalkingPoint, ...] = ()

    @cached_property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(
            sorted(
                (s for r in self.reports for s in r.statements),
                key=lambda s: (s.date.sort_key(), s.report, _pnum(s.paragraph), s.id),
            )
        )

    @cached_property
    def _by_id(self) -> tuple[dict[str, Report], dict[str, Actor], dict[str, Event]]:
        return (
            {r.id: r for r in self.reports},
            {a.id: a for a in self.actors},
            {e.id: e for e in self.events},
        )

    def report(self, report_id: str) -> Report:
        return self._by_id[0][report_id]

    def actor(self, actor_id: str) -> Actor:
        return self._by_id[1][actor_id]

    def event(self, event_id: str) -> Event:
        return self._by_id[2][event_id]

    @property
    def reports_by_id(self) -> dict[str, Report]:
        return self._by_id[0]

    @property
    def actors_by_id(self) -> dict[str, Actor]:
        return self._by_id[1]

    @property
    def events_by_id(self) -> dict[str, Event]:
        return self._by_id[2]

    @cached_property
    def references_by_id(self) -> dict[str, Reference]:
        return {r.id: r for r in self.references}

    @cached_property
    def statements_by_id(self) -> dict[str, Statement]:
        return {s.id: s for s in self.statements}


def _pnum(pid: str) -> tuple[int, str]:
    digits = "".join(c for c in pid if c.isdigit())
    return (int(digits) if digits else 0, pid)


def report_sort_key(report: Report) -> tuple[tuple[int, int, int], str]:
    return (report.published.sort_key(), report.id)


def event_sort_key(event: Event) -> tuple[tuple[int, int, int], str]:
    return (event.date.sort_key(), event.id)
