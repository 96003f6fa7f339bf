"""The open-data exports (a public interface: names and fields are fixed by the brief)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .. import urls
from ..escape import csv_cell
from .index import Index


def reports_records(ix: Index) -> list[dict[str, Any]]:
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
            "statements": [s.id for s in ix.statements if s.report == r.id],
            "events": sorted(
                {ref.event for ref in r.events}, key=lambda e: (ix.events[e].date.sort_key(), e)
            ),
        }
        for r in ix.corpus.reports
    ]


def statements_records(ix: Index) -> list[dict[str, Any]]:
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
            "url": urls.url_statement(s.id),
            "event": s.event,
            "topics": list(s.topics),
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
            "url": urls.url_event(e.id),
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
        }
        for a in ix.corpus.actors
    ]


def to_json(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def _flat(record: dict[str, Any]) -> dict[str, str]:
    """One CSV row: dates as date_value/…, lists joined with '|', nested lists as report#pid."""
    row: dict[str, str] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            for sub, sub_value in value.items():
                row[f"{key}_{sub}"] = "" if sub_value is None else str(sub_value)
        elif isinstance(value, list):
            row[key] = "|".join(
                f"{v['report']}#{v['paragraph']}" if isinstance(v, dict) else str(v) for v in value
            )
        else:
            row[key] = "" if value is None else str(value)
    return row


def to_csv(records: list[dict[str, Any]]) -> str:
    # Text that a spreadsheet would run as a formula is guarded (see escape.csv_cell).
    rows = [{key: csv_cell(value) for key, value in _flat(r).items()} for r in records]
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
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
        "statements.csv": to_csv(statements),
        "events.csv": to_csv(events),
    }
