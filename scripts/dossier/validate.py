"""Raw input → validated `Corpus`, collecting every problem before stopping."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from . import text as textmod
from .importer import REASONS
from .load import RawRegistry, RawReport, read_registry, read_report, report_paths
from .model import (
    ACTOR_KINDS,
    EVENT_KINDS,
    STATEMENT_KINDS,
    TITLE_SOURCES,
    Actor,
    Corpus,
    Event,
    EventRef,
    GlossaryTerm,
    Note,
    NotStatement,
    Paragraph,
    RemovedLine,
    Report,
    Statement,
    event_sort_key,
    report_sort_key,
)  # fmt: skip
from .problems import InputError, Problems
from .schema import ANCHOR_ID, SLUG, Fields

REPORT_FIELDS = (
    "id", "status", "title", "title_source", "outlet", "outlet_note", "byline", "published",
    "url", "source_file", "metadata_lines", "removed", "notes", "events", "statements",
    "not_statements", "candidates",
)  # fmt: skip
STATEMENT_FIELDS = (
    "id", "text", "kind", "speaker", "speaker_label", "on_behalf_of", "date", "venue",
    "paragraph", "event", "topics",
)  # fmt: skip
STATUSES = ("draft", "ready")
RESERVED_PREFIXES = ("year-", "month-")


def load_corpus(root: Path) -> tuple[Corpus, Problems]:
    """Read and check everything; raise InputError listing every error found."""
    problems = Problems(root)
    raw_reports = [r for p in report_paths(root) if (r := read_report(p, problems)) is not None]
    registries = {
        name: read_registry(root, name, problems) for name in ("actors", "events", "glossary")
    }
    actors = _actors(registries["actors"], problems)
    events = _events(registries["events"], problems)
    glossary = _glossary(registries["glossary"], problems)
    reports = [r for raw in raw_reports if (r := _report(raw, root, problems)) is not None]
    corpus = Corpus(
        reports=tuple(sorted(reports, key=report_sort_key)),
        actors=tuple(sorted(actors, key=lambda a: a.id)),
        events=tuple(sorted(events, key=event_sort_key)),
        glossary=tuple(sorted(glossary, key=lambda g: g.term.lower())),
    )
    _cross_check(corpus, raw_reports, registries, problems)
    if problems.errors:
        raise InputError(problems.errors)
    return corpus, problems


# --- registries ---------------------------------------------------------------------------


def _items(registry: RawRegistry, problems: Problems, allowed: tuple[str, ...]):
    for index, item in enumerate(registry.items):
        yield index, Fields(problems, registry.path, registry.line, item, (index,), allowed)


def _actors(registry: RawRegistry, problems: Problems) -> list[Actor]:
    out = []
    allowed = ("id", "name", "kind", "aliases", "description", "affiliation")
    for _, f in _items(registry, problems, allowed):
        actor_id = f.str("id", pattern=SLUG)
        if actor_id == "index":
            f.error(("id",), "'index' is reserved for the actors index page")
            actor_id = None
        values = (
            actor_id, f.str("name"), f.str("kind", choices=ACTOR_KINDS),
            f.str_list("aliases"), f.str("description"),
            f.str("affiliation", required=False, pattern=SLUG),
        )  # fmt: skip
        if f.ok and None not in values[:5]:
            out.append(Actor(*values))  # type: ignore[arg-type]
    return out


def _events(registry: RawRegistry, problems: Problems) -> list[Event]:
    out = []
    allowed = ("id", "title", "kind", "summary", "date", "actors")
    for _, f in _items(registry, problems, allowed):
        event_id = f.str("id", pattern=SLUG)
        if event_id and event_id.startswith(RESERVED_PREFIXES):
            f.error(
                ("id",),
                f"ids starting with {' or '.join(RESERVED_PREFIXES)} are reserved "
                "for the timeline's year and month headings",
            )
            event_id = None
        values = (
            event_id, f.str("title"), f.str("kind", choices=EVENT_KINDS), f.str("summary"),
            f.date("date"), f.str_list("actors", pattern=SLUG),
        )  # fmt: skip
        if f.ok and None not in values:
            out.append(Event(*values))  # type: ignore[arg-type]
    return out


def _glossary(registry: RawRegistry, problems: Problems) -> list[GlossaryTerm]:
    out = []
    for _, f in _items(registry, problems, ("term", "expansion", "definition")):
        values = (f.str("term"), f.str("expansion", required=False), f.str("definition"))
        if f.ok and values[0] and values[2]:
            out.append(GlossaryTerm(*values))  # type: ignore[arg-type]
    return out


# --- reports ------------------------------------------------------------------------------


def _report(raw: RawReport, root: Path, problems: Problems) -> Report | None:
    f = Fields(problems, raw.path, raw.line, raw.meta, (), REPORT_FIELDS)
    report_id = f.str("id", pattern=SLUG)
    if report_id and report_id != raw.path.stem:
        f.error(("id",), f"{report_id!r} must equal the file name {raw.path.stem!r}")
    status = f.str("status", choices=STATUSES)
    paragraphs = _paragraphs(raw, problems)
    pids = {p.id for p in paragraphs}

    def para_ref(sub: Fields, key: str = "paragraph", required: bool = True) -> str | None:
        pid = sub.str(key, required=required)
        if pid is not None and pid not in pids:
            sub.error((key,), f"no paragraph {pid!r} in this report")
            return None
        return pid

    statements = []
    for index, _item in enumerate(f.list("statements")):
        s = f.item("statements", index, STATEMENT_FIELDS)
        values = dict(
            id=s.str("id", pattern=SLUG), text=s.str("text"),
            kind=s.str("kind", choices=STATEMENT_KINDS), speaker=s.str("speaker", pattern=SLUG),
            speaker_label=s.str("speaker_label"),
            on_behalf_of=s.str_list("on_behalf_of", pattern=SLUG), date=s.date("date"),
            venue=s.str("venue"), report=report_id, paragraph=para_ref(s),
            event=s.str("event", required=False, pattern=SLUG),
            topics=s.str_list("topics", pattern=SLUG),
        )  # fmt: skip
        if s.ok and all(v is not None for k, v in values.items() if k != "event"):
            statements.append(Statement(**values))  # type: ignore[arg-type]

    not_statements = []
    for index, _item in enumerate(f.list("not_statements")):
        s = f.item("not_statements", index, ("text", "paragraph", "reason"))
        values3 = (s.str("text"), para_ref(s), s.str("reason"))
        if s.ok and None not in values3:
            not_statements.append(NotStatement(*values3))  # type: ignore[arg-type]

    notes = []
    for index, _item in enumerate(f.list("notes")):
        s = f.item("notes", index, ("paragraph", "text"))
        pid, note_text = para_ref(s, required=False), s.str("text")
        if s.ok and note_text:
            notes.append(Note(pid, note_text))

    event_refs = []
    for index, _item in enumerate(f.list("events")):
        s = f.item("events", index, ("id", "paragraphs"))
        event_id = s.str("id", pattern=SLUG)
        refs = s.str_list("paragraphs")
        if not refs:
            s.error(("paragraphs",), "list the paragraphs that report this event")
        for pindex, pid in enumerate(refs):
            if pid not in pids:
                s.error(("paragraphs", pindex), f"no paragraph {pid!r} in this report")
        if s.ok and event_id:
            event_refs.append(EventRef(event_id, refs))

    removed = _lines(f, "removed", "reason", tuple(REASONS))
    metadata_lines = _lines(f, "metadata_lines", "field", ("title", "byline", "published"))

    if raw.meta.get("candidates"):
        message = (
            f"{len(raw.meta['candidates'])} candidate quotation(s) from the import still "
            "to confirm: move each into statements or not_statements, then delete "
            "`candidates`"
        )
        (f.warn if status == "draft" else f.error)(("candidates",), message)

    values_r = dict(
        id=report_id, status=status, title=f.str("title"),
        title_source=f.str("title_source", choices=TITLE_SOURCES),
        outlet=f.str("outlet", required=False), outlet_note=f.str("outlet_note", required=False),
        byline=f.str("byline", required=False), published=f.date("published"),
        url=f.str("url", required=False), source_file=f.str("source_file"),
    )  # fmt: skip
    if not f.ok or any(
        v is None
        for k, v in values_r.items()
        if k not in ("outlet", "outlet_note", "byline", "url")
    ):
        return None
    report = Report(
        **values_r,
        paragraphs=tuple(paragraphs),
        removed=removed,
        metadata_lines=metadata_lines,
        notes=tuple(notes),
        events=tuple(event_refs),
        statements=tuple(statements),
        not_statements=tuple(not_statements),
    )  # type: ignore[arg-type]
    _check_quotes(report, raw, problems)
    _check_lossless(report, raw, root, problems)
    return report


def _paragraphs(raw: RawReport, problems: Problems) -> list[Paragraph]:
    out, seen = [], {}
    for number, para in enumerate(raw.paragraphs, 1):
        if not ANCHOR_ID.match(para.id):
            problems.add(raw.path, para.line, "paragraph", f"invalid paragraph id {para.id!r}")
        elif para.id in seen:
            problems.add(
                raw.path,
                para.line,
                "paragraph",
                f"id {para.id!r} is already used on line {seen[para.id]}",
            )
        else:
            seen[para.id] = para.line
            out.append(Paragraph(para.id, number, para.text))
    if not out:
        problems.add(raw.path, None, "paragraph", "the page has no paragraphs")
    return out


def _lines(f: Fields, key: str, kind_key: str, choices: tuple[str, ...]) -> tuple:
    out = []
    for index, _item in enumerate(f.list(key)):
        s = f.item(key, index, ("line", "text", kind_key, "note"))
        values = (
            s.int("line"),
            s.str("text"),
            s.str(kind_key, choices=choices),
            s.str("note", required=False),
        )
        if s.ok and None not in values[:3]:
            out.append(RemovedLine(*values))  # type: ignore[arg-type]
    return tuple(out)


def _check_quotes(report: Report, raw: RawReport, problems: Problems) -> None:
    """Quotes are verbatim, and every quotation is indexed or declared not a statement."""

    def where(key: str, index: int) -> tuple[int | None, str]:
        return raw.line(key, index, "text"), f"{key}[{index}].text"

    covering: dict[str, list[str]] = {}
    for index, statement in enumerate(report.statements):
        para = report.paragraph(statement.paragraph).text
        if statement.kind != "paraphrase":
            if not textmod.contains(para, statement.text):
                problems.add(
                    raw.path,
                    *where("statements", index),
                    f"not found verbatim in paragraph {statement.paragraph}",
                )
            covering.setdefault(statement.paragraph, []).append(statement.text)
    for index, item in enumerate(report.not_statements):
        if not textmod.contains(report.paragraph(item.paragraph).text, item.text):
            problems.add(
                raw.path,
                *where("not_statements", index),
                f"not found verbatim in paragraph {item.paragraph}",
            )
        covering.setdefault(item.paragraph, []).append(item.text)

    report_problem = problems.warn if report.draft else problems.add
    for para in report.paragraphs:
        texts = [textmod.core(t) for t in covering.get(para.id, [])]
        for quote in textmod.quotations(para.text):
            q = textmod.core(quote.text)
            if q and not any(t and (t in q or q in t) for t in texts):
                report_problem(
                    raw.path,
                    next((p.line for p in raw.paragraphs if p.id == para.id), None),
                    f"paragraph {para.id}",
                    f"quotation “{_clip(quote.text)}” is neither a statement nor listed in "
                    "not_statements",
                )


def _check_lossless(report: Report, raw: RawReport, root: Path, problems: Problems) -> None:
    """Every non-blank line of the original is a paragraph, metadata, or a removed line."""
    source = root / "sources" / report.source_file
    if not source.is_file():
        problems.add(
            raw.path,
            raw.line("source_file"),
            "source_file",
            f"sources/{report.source_file} does not exist",
        )
        return
    lines = source.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    accounted: dict[int, tuple[str, str]] = {}
    for key, entries in (("removed", report.removed), ("metadata_lines", report.metadata_lines)):
        for index, entry in enumerate(entries):
            line_no = raw.line(key, index, "line")
            if entry.line > len(lines):
                problems.add(
                    raw.path,
                    line_no,
                    f"{key}[{index}].line",
                    f"the original has only {len(lines)} lines",
                )
            elif lines[entry.line - 1].strip() != entry.text.strip():
                problems.add(
                    raw.path,
                    line_no,
                    f"{key}[{index}].text",
                    f"differs from line {entry.line} of sources/{report.source_file}",
                )
            elif entry.line in accounted:
                problems.add(
                    raw.path,
                    line_no,
                    f"{key}[{index}].line",
                    f"line {entry.line} is already listed under {accounted[entry.line][0]}",
                )
            else:
                accounted[entry.line] = (key, entry.text)
    unused = Counter(p.text for p in report.paragraphs)
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or number in accounted:
            continue
        if unused[stripped] > 0:
            unused[stripped] -= 1
        else:
            problems.add(
                raw.path,
                None,
                "text",
                f"line {number} of sources/{report.source_file} is neither a paragraph "
                f"nor listed in removed/metadata_lines: “{_clip(stripped)}”",
            )
    for para in report.paragraphs:
        if unused[para.text] > 0:
            unused[para.text] -= 1
            line_no = next((p.line for p in raw.paragraphs if p.id == para.id), None)
            problems.add(
                raw.path,
                line_no,
                f"paragraph {para.id}",
                "text differs from every line of the original (originals are never "
                "edited: record defects under `notes`)",
            )


def _clip(value: str, length: int = 60) -> str:
    return value if len(value) <= length else value[: length - 1] + "…"


# --- across files -------------------------------------------------------------------------


def _cross_check(
    corpus: Corpus,
    raw_reports: list[RawReport],
    registries: dict[str, RawRegistry],
    problems: Problems,
) -> None:
    actors = {a.id for a in corpus.actors}
    events = {e.id for e in corpus.events}
    raw_by_id = {r.meta.get("id"): r for r in raw_reports}
    _unique(registries["actors"], "id", problems)
    _unique(registries["events"], "id", problems)
    _unique(registries["glossary"], "term", problems)

    alias_owner: dict[str, str] = {}
    reg = registries["actors"]
    for index, item in enumerate(reg.items):
        if not isinstance(item, dict):
            continue
        for a_index, alias in enumerate([item.get("name"), *(item.get("aliases") or [])]):
            if not isinstance(alias, str):
                continue
            owner = alias_owner.setdefault(alias, str(item.get("id")))
            if owner != item.get("id"):
                key = ("aliases", a_index - 1) if a_index else ("name",)
                problems.add(
                    reg.path,
                    reg.line(index, *key),
                    f"[{index}].{key[0]}",
                    f"{alias!r} already names actor {owner!r}",
                )
        affiliation = item.get("affiliation")
        if isinstance(affiliation, str) and affiliation not in actors:
            problems.add(
                reg.path,
                reg.line(index, "affiliation"),
                f"[{index}].affiliation",
                f"unknown actor {affiliation!r}",
            )

    reg = registries["events"]
    for index, item in enumerate(reg.items):
        for a_index, actor in enumerate(
            (item or {}).get("actors") or [] if isinstance(item, dict) else []
        ):
            if isinstance(actor, str) and actor not in actors:
                problems.add(
                    reg.path,
                    reg.line(index, "actors", a_index),
                    f"[{index}].actors[{a_index}]",
                    f"unknown actor {actor!r}",
                )

    event_by_id = {e.id: e for e in corpus.events}
    statement_seen: dict[str, str] = {}
    referenced_events: set[str] = set()
    for report in corpus.reports:
        raw = raw_by_id[report.id]
        for index, ref in enumerate(report.events):
            referenced_events.add(ref.event)
            if ref.event not in events:
                problems.add(
                    raw.path,
                    raw.line("events", index, "id"),
                    f"events[{index}].id",
                    f"unknown event {ref.event!r} (add it to data/events.yml)",
                )
            elif _later(event_by_id[ref.event].date, report.published):
                problems.add(
                    raw.path,
                    raw.line("events", index, "id"),
                    f"events[{index}].id",
                    f"event dated {event_by_id[ref.event].date.value} is after the "
                    f"report's publication ({report.published.value})",
                )
        for s in report.statements:
            if _later(s.date, report.published):
                index = next(
                    i for i, item in enumerate(raw.meta["statements"]) if item.get("id") == s.id
                )
                problems.add(
                    raw.path,
                    raw.line("statements", index, "date"),
                    f"statements[{index}].date",
                    f"{s.date.value} is after the report's publication ({report.published.value})",
                )
    # References are checked on the raw entries, so that a statement with another problem
    # (a bad date, say) still has its speaker and event checked in the same run.
    for raw in raw_reports:
        listed = {ref.get("id") for ref in raw.meta.get("events") or [] if isinstance(ref, dict)}
        items = raw.meta.get("statements")
        for index, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                continue

            def bad(
                key: str, message: str, index: int = index, sub: tuple = (), raw: RawReport = raw
            ) -> None:
                problems.add(
                    raw.path,
                    raw.line("statements", index, key, *sub),
                    f"statements[{index}].{key}",
                    message,
                )

            sid = item.get("id")
            if isinstance(sid, str):
                if sid in statement_seen:
                    bad("id", f"{sid!r} is already used in {statement_seen[sid]}")
                statement_seen.setdefault(sid, problems.rel(raw.path))
            speaker = item.get("speaker")
            if isinstance(speaker, str) and speaker not in actors:
                bad("speaker", f"unknown actor {speaker!r} (add it to data/actors.yml)")
            behalf = item.get("on_behalf_of")
            for a_index, actor in enumerate(behalf if isinstance(behalf, list) else []):
                if isinstance(actor, str) and actor not in actors:
                    bad("on_behalf_of", f"unknown actor {actor!r}", sub=(a_index,))
            event = item.get("event")
            if isinstance(event, str):
                if event not in events:
                    bad("event", f"unknown event {event!r} (add it to data/events.yml)")
                elif event not in listed:
                    bad("event", f"event {event!r} is not in this report's `events` list")
    for event in corpus.events:
        if event.id not in referenced_events:
            index = next(
                i
                for i, item in enumerate(registries["events"].items)
                if isinstance(item, dict) and item.get("id") == event.id
            )
            problems.add(
                registries["events"].path,
                registries["events"].line(index, "id"),
                f"[{index}].id",
                f"event {event.id!r} is not sourced: list it under "
                "`events` in the report(s) that mention it",
            )


def _later(date, reference) -> bool:
    """True when `date` is certainly after `reference`, compared at their common precision."""
    depth = min(len(date.value), len(reference.value))
    return date.value[:depth] > reference.value[:depth]


def _unique(registry: RawRegistry, key: str, problems: Problems) -> None:
    seen: dict[str, int] = {}
    for index, item in enumerate(registry.items):
        if isinstance(item, dict) and isinstance(item.get(key), str):
            value = item[key]
            if value in seen:
                problems.add(
                    registry.path,
                    registry.line(index, key),
                    f"[{index}].{key}",
                    f"{value!r} is already used by entry [{seen[value]}]",
                )
            seen.setdefault(value, index)
