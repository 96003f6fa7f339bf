"""Lookups across the corpus, computed once per build and shared by every renderer."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import urls
from ..exchanges import Thread, threads
from ..layout import Layout
from ..model import Actor, Corpus, Event, Reference, Report, Statement, TalkingPoint
from ..siteconfig import DEFAULT_SITE_URL
from .mentions import find_mentions

if TYPE_CHECKING:
    from ..incremental import Reuse


# What Index.page records: pages made, the reports each was made from, what each showed
# besides, and the pages reused from the last render.
Bookkeeping = tuple[
    dict[str, str], dict[str, frozenset[str]], dict[str, tuple[object, ...]], set[str]
]


@dataclass
class Index:
    corpus: Corpus
    site_url: str = DEFAULT_SITE_URL  # where the site is published (siteconfig.site_url)
    layout: Layout = field(default_factory=Layout.single)  # which page holds what (layout.py)
    reports: dict[str, Report] = field(init=False)
    actors: dict[str, Actor] = field(init=False)
    events: dict[str, Event] = field(init=False)
    statements: tuple[Statement, ...] = field(init=False)
    statements_by_event: dict[str, list[Statement]] = field(init=False)
    statements_by_paragraph: dict[tuple[str, str], list[Statement]] = field(init=False)
    events_by_paragraph: dict[tuple[str, str], list[str]] = field(init=False)
    sources_by_event: dict[str, list[tuple[str, tuple[str, ...]]]] = field(init=False)
    mentions: dict[str, dict[str, list[str]]] = field(init=False)  # actor → report → pids
    references: dict[str, Reference] = field(init=False)
    group_members: dict[str, frozenset[str]] = field(init=False)  # group → its members
    threads: list[Thread] = field(init=False)
    thread_of: dict[str, Thread] = field(init=False)  # statement id → its thread
    responses: dict[str, list[Statement]] = field(init=False)  # statement → its answers
    talking_points_of: dict[str, list[TalkingPoint]] = field(init=False)  # statement → points
    # Per actor, computed once: pages ask for these for every actor, and a scan of the whole
    # corpus per actor grows with the square of the corpus.
    _statements_of: dict[str, list[Statement]] = field(init=False)
    _events_of: dict[str, list[Event]] = field(init=False)
    _members_of: dict[str, list[Actor]] = field(init=False)
    related: dict[str, tuple[str, ...]] = field(init=False)  # statement → actors it counts for
    _counts: dict[str, str] = field(init=False, default_factory=dict)
    _reports_of: dict[str, list[Report]] = field(init=False, default_factory=dict)
    _report_order: dict[str, int] = field(init=False, default_factory=dict)
    citers: Any = field(init=False, default=None)  # record.py's list of what cites a source
    citers_of: Any = field(init=False, default=None)  # the same, by source
    # An incremental render (incremental.py): the last render's pages, for `page` to reuse.
    previous: Reuse | None = None
    made: dict[str, str] = field(init=False, default_factory=dict)  # what `page` gave
    made_from: dict[str, frozenset[str]] = field(init=False, default_factory=dict)
    shown: dict[str, tuple[object, ...]] = field(init=False, default_factory=dict)
    reused: set[str] = field(init=False, default_factory=set)  # pages `page` did not make
    records: Any = field(init=False, default=None)  # exports.py's statements' records

    def __post_init__(self) -> None:
        c = self.corpus
        self.reports = c.reports_by_id
        self.actors = c.actors_by_id
        self.events = c.events_by_id
        self.statements = c.statements
        self.statements_by_event = defaultdict(list)
        self.statements_by_paragraph = defaultdict(list)
        for s in self.statements:
            if s.event:
                self.statements_by_event[s.event].append(s)
            self.statements_by_paragraph[(s.report, s.paragraph)].append(s)
        self.events_by_paragraph = defaultdict(list)
        self.sources_by_event = defaultdict(list)
        for report in c.reports:
            for ref in report.events:
                self.sources_by_event[ref.event].append((report.id, ref.paragraphs))
                for pid in ref.paragraphs:
                    self.events_by_paragraph[(report.id, pid)].append(ref.event)
        self.mentions = find_mentions(c)
        self.group_members = {a.id: frozenset(a.members) for a in c.actors if a.members}
        self.threads = threads(c)
        self.thread_of = {s.id: t for t in self.threads for s in t.statements}
        self.references = c.references_by_id
        self.responses = defaultdict(list)
        for s in self.statements:
            for response in s.responds_to:
                self.responses[response.statement].append(s)
        self.talking_points_of = defaultdict(list)
        for point in c.talking_points:
            for sid in point.statements:
                self.talking_points_of[sid].append(point)
        self._index_actors()

    def _index_actors(self) -> None:
        c = self.corpus
        self._statements_of = defaultdict(list)
        self.related = {}
        for s in self.statements:
            # As `role` decides: the speaker, those it spoke for, its own body, and the
            # members of a group that spoke.
            related = {s.speaker, *s.on_behalf_of, *self.group_members.get(s.speaker, ())}
            speaker = self.actors.get(s.speaker)  # (a corpus being checked may lack it)
            affiliation = speaker.affiliation if speaker else None
            if affiliation:
                related.add(affiliation)
            for actor_id in sorted(related):
                self._statements_of[actor_id].append(s)
            self.related[s.id] = tuple(sorted(related))
        self._events_of = defaultdict(list)
        for e in c.events:
            for actor_id in dict.fromkeys(e.actors):
                self._events_of[actor_id].append(e)
        self._members_of = defaultdict(list)
        for a in c.actors:
            if a.affiliation:
                self._members_of[a.affiliation].append(a)

    # --- what a page is made from, for incremental renders (incremental.py) --------------

    def page(
        self,
        doc: str,
        reports: frozenset[str],
        make: Callable[[], str],
        shows: tuple[object, ...] = (),
    ) -> str:
        """The page `doc`, made from the reports `reports` (every report whose text, statements
        or events it shows) and showing `shows` besides (figures drawn from the whole corpus,
        such as an actor's count of statements): the last render's page when none of those
        reports changed, nor any it was made from then, and it showed the same; otherwise
        `make()`."""
        self.made_from[doc], self.shown[doc] = reports, shows
        last = self.previous
        text = None
        if last is not None and doc in last.docs and last.shown.get(doc) == shows:
            before = last.made_from.get(doc)
            if before is not None and last.changed.isdisjoint(reports | before):
                text = last.docs[doc]
                self.reused.add(doc)
        self.made[doc] = text = make() if text is None else text
        return text

    def bookkeeping(self) -> Bookkeeping:
        """What `page` recorded, for a process that made pages for this one (build.py)."""
        return self.made, self.made_from, self.shown, self.reused

    def absorb(self, kept: Bookkeeping) -> None:
        """Take in what `page` recorded in a process that made pages for this one."""
        made, made_from, shown, reused = kept
        self.made.update(made)
        self.made_from.update(made_from)
        self.shown.update(shown)
        self.reused.update(reused)

    def statement_sources(self, statements: Iterable[Statement]) -> frozenset[str]:
        """The reports a page that shows `statements` is made from: theirs, and those of every
        statement and event a statement's card names (its thread, the statements it answers
        and that answer it, its talking points, its event)."""
        by_id = self.corpus.statements_by_id
        found: set[str] = set()
        for s in statements:
            found.add(s.report)
            thread = self.thread_of.get(s.id)
            if thread is not None:
                found.update(t.report for t in thread.statements)
            found.update(a.report for a in self.responses.get(s.id, ()))
            found.update(by_id[r.statement].report for r in s.responds_to if r.statement in by_id)
            for point in self.talking_points_of.get(s.id, ()):
                found.update(by_id[i].report for i in point.statements if i in by_id)
            if s.event:
                found |= self.event_sources((s.event,))
        return frozenset(found)

    def report_sources(self, report: Report) -> frozenset[str]:
        """The reports a report's own page is made from: itself, and those its statements'
        and its events' pages are made from."""
        events = self.event_sources(ref.event for ref in report.events)
        return frozenset({report.id}) | self.statement_sources(report.statements) | events

    def event_sources(self, events: Iterable[str]) -> frozenset[str]:
        """The reports a page that shows `events` is made from: those that report each event,
        and those of the statements made at it."""
        found: set[str] = set()
        for event_id in events:
            found.update(rid for rid, _ in self.sources_by_event.get(event_id, ()))
            found.update(s.report for s in self.statements_by_event.get(event_id, ()))
        return frozenset(found)

    # --- where things are: links built for the page that holds them (layout.py) ----------

    def url_statement(self, statement_id: str) -> str:
        return urls.url_statement(statement_id, self.layout.statements.doc_of(statement_id))

    def url_event(self, event_id: str) -> str:
        return urls.url_event(event_id, self.layout.events.doc_of(event_id))

    def statement_link(self, from_doc: str, statement_id: str) -> str:
        doc = self.layout.statements.doc_of(statement_id)
        return urls.statement_link(from_doc, statement_id, doc)

    def event_link(self, from_doc: str, event_id: str) -> str:
        return urls.event_link(from_doc, event_id, self.layout.events.doc_of(event_id))

    def thread_link(self, from_doc: str, anchor_id: str) -> str:
        return urls.thread_link(from_doc, anchor_id, self.layout.threads.doc_of(anchor_id))

    def talking_point_link(self, from_doc: str, point_id: str) -> str:
        doc = self.layout.talking_points.doc_of(point_id)
        return urls.talking_point_link(from_doc, point_id, doc)

    def url_talking_point(self, point_id: str) -> str:
        return urls.url_talking_point(point_id, self.layout.talking_points.doc_of(point_id))

    def reference_link(self, from_doc: str, reference_id: str) -> str:
        doc = self.layout.references.doc_of(reference_id)
        return urls.reference_link(from_doc, reference_id, doc)

    def url_reference(self, reference_id: str) -> str:
        return urls.url_reference(reference_id, self.layout.references.doc_of(reference_id))

    def absolute(self, url: str) -> str:
        """A site URL (`urls.url_*`) as an absolute address on the published site."""
        return urls.absolute(self.site_url, url)

    def statements_of(self, actor_id: str) -> list[Statement]:
        """Every statement an actor made, that was made on its behalf, or that a group it
        belongs to made: the one count every page gives (see `role`)."""
        return self._statements_of.get(actor_id, [])

    def role(self, actor_id: str, s: Statement) -> str | None:
        """'speaker'; 'behalf'; 'affiliate' (made by someone who belongs to it, such as a
        department's spokesperson); the id of a group it spoke as part of; or None."""
        if s.speaker == actor_id:
            return "speaker"
        if actor_id in s.on_behalf_of:
            return "behalf"
        if self.actors[s.speaker].affiliation == actor_id:
            return "affiliate"
        if actor_id in self.group_members.get(s.speaker, ()):
            return s.speaker
        return None

    def count_text(self, actor_id: str) -> str:
        """'5 statements (3 made, 1 on its behalf, 1 as part of a group)': what a count holds."""
        if actor_id not in self._counts:  # asked on every page that lists the actor
            self._counts[actor_id] = self._count_text(actor_id)
        return self._counts[actor_id]

    def _count_text(self, actor_id: str) -> str:
        roles = [self.role(actor_id, s) for s in self.statements_of(actor_id)]
        made, behalf, own = roles.count("speaker"), roles.count("behalf"), roles.count("affiliate")
        group = len(roles) - made - behalf - own
        parts = [f"{made} made by it"] * bool(made) + [f"{behalf} on its behalf"] * bool(behalf)
        parts += [f"{own} by its own people"] * bool(own)
        parts += [f"{group} as part of a group"] * bool(group)
        total = len(roles)
        word = "statement" if total == 1 else "statements"
        return f"{total} {word} ({', '.join(parts)})" if total else "no statements"

    def events_of(self, actor_id: str) -> list[Event]:
        return self._events_of.get(actor_id, [])

    def reports_of(self, actor_id: str) -> list[Report]:
        """Reports that name the actor, quote it, or report an event it took part in."""
        if actor_id in self._reports_of:  # asked by the actors index and the actor's page
            return self._reports_of[actor_id]
        ids = set(self.mentions.get(actor_id, {}))
        ids |= {s.report for s in self.statements_of(actor_id)}
        for event in self.events_of(actor_id):
            ids |= {rid for rid, _ in self.sources_by_event[event.id]}
        if not self._report_order:
            self._report_order.update({r.id: i for i, r in enumerate(self.corpus.reports)})
        order = self._report_order
        found = [
            self.reports[i] for i in sorted((i for i in ids if i in order), key=lambda i: order[i])
        ]
        self._reports_of[actor_id] = found
        return found

    def members_of(self, actor_id: str) -> list[Actor]:
        return self._members_of.get(actor_id, [])

    def event_statements(self, event_id: str) -> list[Statement]:
        return self.statements_by_event.get(event_id, [])
