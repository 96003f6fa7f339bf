"""The open-data exports (a public interface: names and fields are fixed by the brief)."""

from __future__ import annotations

import csv
import io
from typing import Any

import orjson

from .. import urls
from ..escape import csv_cell
from .index import Index
from .reports import SITE_NAME


def reports_records(ix: Index) -> list[dict[str, Any]]:
    statements_of: dict[str, list[str]] = {}  # report → its statements, in date order
    for s in ix.statements:
        statements_of.setdefault(s.report, []).append(s.id)
    return [
        {
            "id": r.id,
            "title": r.title,
            "title_source": r.title_source,
            "outlet": r.outlet,
            "byline": r.byline,
            "published": r.published.as_dict(),
            "url": urls.url_report(r.id),
            "source_file": r.source_file,
            "statements": statements_of.get(r.id, []),
            "events": sorted(
                {ref.event for ref in r.events}, key=lambda e: (ix.events[e].date.sort_key(), e)
            ),
            "references": list(r.references),
        }
        for r in ix.corpus.reports
    ]


def statements_records(ix: Index) -> list[dict[str, Any]]:
    """The statements' records, made once a build (the finder shows them too)."""
    if ix.records is None:
        ix.records = _statements_records(ix)
    records: list[dict[str, Any]] = ix.records
    return records


def _statements_records(ix: Index) -> list[dict[str, Any]]:
    return [
        {
            "id": s.id,
            "text": s.text,
            "kind": s.kind,
            "speaker": s.speaker,
            "speaker_label": s.speaker_label,
            "on_behalf_of": list(s.on_behalf_of),
            "date": s.date.as_dict(),
            "venue": s.venue,
            "report": s.report,
            "paragraph": s.paragraph,
            "url": ix.url_statement(s.id),
            "event": s.event,
            "topics": list(s.topics),
            "note": s.note,
            "references": list(s.references),
            "issued": (
                {
                    "reference": s.issued.reference,
                    "differs": s.issued.differs,
                    "note": s.issued.note,
                }
                if s.issued
                else None
            ),
            "responds_to": [
                {"statement": r.statement, "relation": r.relation} for r in s.responds_to
            ],
            "talking_points": [p.id for p in ix.talking_points_of.get(s.id, [])],
        }
        for s in ix.statements
    ]


def events_records(ix: Index) -> list[dict[str, Any]]:
    return [
        {
            "id": e.id,
            "title": e.title,
            "summary": e.summary,
            "date": e.date.as_dict(),
            "actors": list(e.actors),
            "reports": [
                {"report": rid, "paragraph": pid}
                for rid, pids in ix.sources_by_event.get(e.id, [])
                for pid in pids
            ],
            "statements": [s.id for s in ix.event_statements(e.id)],
            "url": ix.url_event(e.id),
        }
        for e in ix.corpus.events
    ]


def actors_records(ix: Index) -> list[dict[str, Any]]:
    return [
        {
            "id": a.id,
            "name": a.name,
            "kind": a.kind,
            "aliases": list(a.aliases),
            "description": a.description,
            "url": urls.url_actor(a.id),
            "members": list(a.members),
            "member_count": a.member_count,
            "members_reference": a.members_reference,
        }
        for a in ix.corpus.actors
    ]


def references_records(ix: Index) -> list[dict[str, Any]]:
    return [
        {
            "id": r.id,
            "title": r.title,
            "publisher": r.publisher,
            "date": r.date,
            "url": r.url,
            "supports": r.supports,
            "site_url": ix.url_reference(r.id),
        }
        for r in ix.corpus.references
    ]


def talking_points_records(ix: Index) -> list[dict[str, Any]]:
    return [
        {
            "id": p.id,
            "text": p.text,
            "statements": list(p.statements),
            "url": ix.url_talking_point(p.id),
        }
        for p in ix.corpus.talking_points
    ]


_PARTS = {"year": 1, "month": 2, "day": 3}  # how many date-parts each precision has


def csl_records(ix: Index) -> list[dict[str, Any]]:
    """CSL-JSON (the format reference managers import) for every report, as a news article.

    `issued` has the date's parts at its precision only ([[2024, 3]] for March 2024). `URL` is
    the original article's address, and only where the editors recorded it; the dossier's own
    page goes in `note`, absolute. No `accessed`: the dossier does not know when an original
    was retrieved, and a reference manager records the reader's own access on import. No
    `author`: a byline is kept as printed ("By … Published : …"), not split into names.
    Reports come in the order of reports.json."""
    records = []
    for r in ix.corpus.reports:
        record: dict[str, Any] = {
            "id": r.id,
            "type": "article-newspaper",
            # A title the editors wrote (the text has no headline) is bracketed, as catalogues
            # mark a supplied title, so that no citation passes it off as the headline.
            "title": r.title if r.title_source == "report" else f"[{r.title}]",
            "issued": {"date-parts": [list(r.published.parts[: _PARTS[r.published.precision]])]},
        }
        if r.outlet:
            record["container-title"] = r.outlet
        if r.url:
            record["URL"] = r.url
        record["note"] = f"{SITE_NAME}: {ix.absolute(urls.url_report(r.id))}"
        records.append(record)
    return records


def to_json(records: list[dict[str, Any]]) -> str:
    """`json.dumps(records, ensure_ascii=False, indent=2)`, byte for byte, made by orjson:
    Python's indenting encoder took over a second for the exports of 1,000 reports."""
    if not records:
        return "[]\n"
    return "[\n" + ",\n".join(map(_indented, records)) + "\n]\n"


def _indented(record: dict[str, Any]) -> str:
    text = orjson.dumps(record, option=orjson.OPT_INDENT_2).decode("utf-8")
    return "  " + text.replace("\n", "\n  ")


# Nested fields that may be null still get their columns, so every row has the same ones.
NESTED = {"issued": ("reference", "differs", "note")}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(map(str, value))
    return str(value)


def _item(value: Any) -> str:
    """A list item in a CSV cell: an event source as report#paragraph, an answer as
    statement:relation."""
    if isinstance(value, dict) and "report" in value:
        return f"{value['report']}#{value['paragraph']}"
    if isinstance(value, dict):
        return f"{value['statement']}:{value['relation']}"
    return str(value)


def _flat(record: dict[str, Any]) -> dict[str, str]:
    """One CSV row: dates as date_value/…, lists joined with '|', nested lists as report#pid."""
    row: dict[str, str] = {}
    for key, value in record.items():
        if isinstance(value, dict) or key in NESTED:
            for sub in NESTED.get(key, tuple(value or {})):
                row[f"{key}_{sub}"] = _cell((value or {}).get(sub))
        elif isinstance(value, list):
            row[key] = "|".join(_item(v) for v in value)
        else:
            row[key] = "" if value is None else str(value)
    return row


def to_csv(records: list[dict[str, Any]]) -> str:
    """One row a record, the first record's fields as the columns; each row made once a
    process (`_CSV_ROWS`, keyed by the record's compact JSON): a rebuild meets nearly all the
    rows it made last time."""
    if not records:
        return ""
    columns = tuple(_flat(records[0]))
    made = _CSV_ROWS.setdefault(columns, {})
    if len(made) > CSV_ROWS_KEPT:
        made.clear()
    lines = [_csv_line(columns)]
    for record in records:
        key = orjson.dumps(record)
        row = made.get(key)
        if row is None:
            made[key] = row = _csv_row(columns, record)
        lines.append(row)
    return "".join(lines)


CSV_ROWS_KEPT = 200_000
_CSV_ROWS: dict[tuple[str, ...], dict[bytes, str]] = {}


def _csv_row(columns: tuple[str, ...], record: dict[str, Any]) -> str:
    flat = _flat(record)
    extra = set(flat) - set(columns)
    if extra:
        raise ValueError(f"fields not in the first record: {', '.join(sorted(extra))}")
    # Text that a spreadsheet would run as a formula is guarded (see escape.csv_cell).
    return _csv_line(tuple(csv_cell(flat.get(c, "")) for c in columns))


def _csv_line(cells: tuple[object, ...]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue()


def exports(ix: Index) -> dict[str, str]:
    """File name (under docs/data/) → content."""
    statements = statements_records(ix)
    events = events_records(ix)
    return {
        "reports.json": to_json(reports_records(ix)),
        "statements.json": to_json(statements),
        "events.json": to_json(events),
        "actors.json": to_json(actors_records(ix)),
        "references.json": to_json(references_records(ix)),
        "talking_points.json": to_json(talking_points_records(ix)),
        "statements.csv": to_csv(statements),
        "events.csv": to_csv(events),
        "reports.csl.json": to_json(csl_records(ix)),
    }
