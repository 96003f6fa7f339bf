"""A report page's structure → a `Report`: its front matter by the schema, its paragraphs and
their ids, the generated sections it includes, and references to its own paragraphs."""

from __future__ import annotations

from typing import Any

from .. import urls
from ..load import RawReport
from ..model import (
    EventRef,
    Issued,
    Mention,
    Note,
    NotStatement,
    Paragraph,
    Pos,
    RemovedLine,
    Report,
    Response,
    Statement,
)
from ..problems import Problems
from ..schema import (
    LISTS,
    EventRefIn,
    MentionIn,
    MetadataLineIn,
    NoteIn,
    NotStatementIn,
    RemovedLineIn,
    ReportIn,
    StatementIn,
    parse,
)
from .common import Source, valid_entries


def report(raw: RawReport, problems: Problems) -> Report | None:
    """The page's `Report`, or None when its front matter is unusable (problems recorded)."""
    src = Source(raw.path, raw.line, problems)
    meta, errors = parse(ReportIn, raw.meta)
    for loc, message in errors:
        src.error(loc, message)
    paragraphs = _paragraphs(raw, src)
    pids = {p.id for p in paragraphs}
    items = {key: _list(raw, key) for key in LISTS}
    if meta is None:
        return None
    if meta.id != raw.path.stem:
        src.error(("id",), f"{meta.id!r} must equal the file name {raw.path.stem!r}")
    if meta.id == "index":
        src.error(("id",), "'index' is reserved for the reports index page; rename the page")
    if len(paragraphs) == len(raw.paragraphs):  # with a duplicate id, that is the problem
        _includes(raw, src, raw.path.stem, [p.id for p in paragraphs])
    _candidates(raw, src, meta.status)
    return Report(
        id=meta.id,
        status=meta.status,
        title=meta.plain_title,
        title_source=meta.title_source,
        outlet=meta.outlet,
        outlet_note=meta.outlet_note,
        byline=meta.byline,
        published=meta.published.as_date(),
        url=meta.url,
        source_file=meta.source_file,
        paragraphs=tuple(paragraphs),
        removed=tuple(_removed(src, items["removed"])),
        metadata_lines=tuple(_metadata(src, items["metadata_lines"])),
        notes=tuple(_notes(src, items["notes"], pids)),
        events=tuple(_event_refs(src, items["events"], pids)),
        statements=tuple(_statements(src, items["statements"], pids, meta.id)),
        not_statements=tuple(_not_statements(src, items["not_statements"], pids)),
        pos=src.pos(),
        references=tuple(meta.references),
        mentions=tuple(_mentions(src, meta.mentions, pids)),
    )


def _list(raw: RawReport, key: str) -> list[Any]:
    value = raw.meta.get(key)
    return value if isinstance(value, list) else []


def _paragraphs(raw: RawReport, src: Source) -> list[Paragraph]:
    out: list[Paragraph] = []
    seen: dict[str, int] = {}
    for number, para in enumerate(raw.paragraphs, 1):
        if para.id in seen:
            src.problems.add(
                raw.path,
                para.line,
                "paragraph",
                f"id {para.id!r} is already used on line {seen[para.id]}",
            )
            continue
        seen[para.id] = para.line
        out.append(Paragraph(para.id, number, para.text, Pos(src.rel, para.line, number - 1)))
    if not out:
        src.problems.add(raw.path, None, "paragraph", "the page has no paragraphs")
    return out


def _includes(raw: RawReport, src: Source, report_id: str, pids: list[str]) -> None:
    """The page includes exactly its own generated sections: nothing else can be pulled in."""
    expected = {urls.include_section(report_id, s) for s in ("header", *pids, "footer")}
    found = {target for target, _ in raw.includes}
    for target, line in raw.includes:
        if target not in expected:
            src.problems.add(
                raw.path,
                line,
                "include",
                f'--8<-- "{target}" is not one of this page\'s generated sections; '
                "a report page includes only its own (remove the line)",
            )
    for target in expected:
        if target not in found:
            src.problems.add(
                raw.path,
                None,
                "include",
                f'the line --8<-- "{target}" is missing; put it back '
                "(after the paragraph it belongs to, or at the top/bottom for header/footer)",
            )


def _candidates(raw: RawReport, src: Source, status: str) -> None:
    candidates = raw.meta.get("candidates")
    if candidates:
        message = (
            f"{len(candidates)} candidate quotation(s) from the import still to confirm: "
            "move each into statements or not_statements, then delete `candidates`"
        )
        (src.warn if status == "draft" else src.error)(("candidates",), message)


def _paragraph_ok(src: Source, path: tuple[Any, ...], pid: str | None, pids: set[str]) -> bool:
    if pid is None or pid in pids:
        return True
    src.error(path, f"no paragraph {pid!r} in this report")
    return False


def _statements(src: Source, items: list[Any], pids: set[str], report_id: str) -> list[Statement]:
    out = []
    for index, s in valid_entries(src, StatementIn, items, ("statements",)):
        if not _paragraph_ok(src, ("statements", index, "paragraph"), s.paragraph, pids):
            continue
        issued = Issued(s.issued.reference, s.issued.differs, s.issued.note) if s.issued else None
        statement = Statement(
            s.id,
            s.text,
            s.kind,
            s.speaker,
            s.speaker_label,
            tuple(s.on_behalf_of),
            s.date.as_date(),
            s.venue,
            report_id,
            s.paragraph,
            s.event,
            tuple(s.topics),
            src.pos("statements", index),
            s.note,
            tuple(s.references),
            issued,
            tuple(Response(r.statement, r.relation) for r in s.responds_to),
        )
        out.append(statement)
    return out


def _not_statements(src: Source, items: list[Any], pids: set[str]) -> list[NotStatement]:
    return [
        NotStatement(n.text, n.paragraph, n.reason, src.pos("not_statements", index))
        for index, n in valid_entries(src, NotStatementIn, items, ("not_statements",))
        if _paragraph_ok(src, ("not_statements", index, "paragraph"), n.paragraph, pids)
    ]


def _notes(src: Source, items: list[Any], pids: set[str]) -> list[Note]:
    return [
        Note(n.paragraph, n.text, src.pos("notes", index), tuple(n.references))
        for index, n in valid_entries(src, NoteIn, items, ("notes",))
        if _paragraph_ok(src, ("notes", index, "paragraph"), n.paragraph, pids)
    ]


def _event_refs(src: Source, items: list[Any], pids: set[str]) -> list[EventRef]:
    out = []
    for index, ref in valid_entries(src, EventRefIn, items, ("events",)):
        ok = [
            _paragraph_ok(src, ("events", index, "paragraphs", p_index), pid, pids)
            for p_index, pid in enumerate(ref.paragraphs)
        ]
        if all(ok):
            out.append(EventRef(ref.id, tuple(ref.paragraphs), src.pos("events", index)))
    return out


def _mentions(src: Source, mentions: list[MentionIn], pids: set[str]) -> list[Mention]:
    out = []
    for index, m in enumerate(mentions):
        ok = [
            _paragraph_ok(src, ("mentions", index, "paragraphs", p_index), pid, pids)
            for p_index, pid in enumerate(m.paragraphs)
        ]
        if all(ok):
            out.append(Mention(m.actor, tuple(m.paragraphs)))
    return out


def _removed(src: Source, items: list[Any]) -> list[RemovedLine]:
    return [
        RemovedLine(r.line, r.text, r.reason, r.note, src.pos("removed", index))
        for index, r in valid_entries(src, RemovedLineIn, items, ("removed",))
    ]


def _metadata(src: Source, items: list[Any]) -> list[RemovedLine]:
    # Metadata lines share the removed lines' shape: the field they fill is their reason.
    return [
        RemovedLine(m.line, m.text, m.field, m.note, src.pos("metadata_lines", index))
        for index, m in valid_entries(src, MetadataLineIn, items, ("metadata_lines",))
    ]
