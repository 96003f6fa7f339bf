# ruff: noqa: E501 -- a table of exact messages reads best one case a line
"""Unit tests: the input schema's messages, and `urls`, the one owner of addresses."""

from __future__ import annotations

import pytest

from dossier import schema, urls

STATEMENT = {
    "id": "2024-x", "text": "t", "kind": "direct", "speaker": "a", "speaker_label": "A",
    "on_behalf_of": [], "date": {"value": "2024", "basis": "stated", "note": "n"},
    "venue": "v", "paragraph": "p1", "event": None, "topics": [],
}  # fmt: skip


def problems(cls: type[schema.Entry], data: object) -> list[tuple[tuple[str | int, ...], str]]:
    entry, found = schema.parse(cls, data)
    assert (entry is None) == bool(found)
    return found


def test_a_valid_statement_has_no_problem() -> None:
    assert problems(schema.StatementIn, STATEMENT) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"kind": "quote"}, (("kind",), "'quote' is not one of: 'direct', 'partial' or 'paraphrase'")),
        ({"speaker": 5}, (("speaker",), "must be text, got number 5")),
        ({"speaker": "Anna"}, (("speaker",), "'Anna' is not a valid id (lowercase letters, digits, hyphens)")),
        ({"topics": "x"}, (("topics",), "must be a list, got text")),
        ({"text": "  "}, (("text",), "must not be empty")),
        ({"text": "a\u2028b"}, (("text",), "holds a line break or control character (U+2028); write it on one line without them")),
        ({"venue": None}, (("venue",), "missing: fill it in")),
        ({"mood": "grim"}, (("mood",), "unknown field (allowed: id, text, kind, speaker, speaker_label, on_behalf_of, date, venue, paragraph, event, topics, note, references, issued, responds_to)")),
        ({"date": {"value": "2024-02-30", "basis": "stated", "note": "n"}}, (("date", "value"), "'2024-02-30' is not a calendar date (day is out of range for month)")),
        ({"date": {"value": "2024", "basis": "stated", "note": "n", "when": 1}}, (("date", "when"), "unknown field (allowed: value, precision, basis, note, references)")),
        ({"date": {"value": "2024", "precision": "day", "basis": "stated", "note": "n"}}, (("date", "precision"), "'day' contradicts value '2024' (precision is year; it can be left out)")),
        ({"on_behalf_of": ["ok", "Not"]}, (("on_behalf_of", 1), "'Not' is not a valid id (lowercase letters, digits, hyphens)")),
        ({"id": "x" * 81}, (("id",), "'xxxxxxxxxxxxxxxxxxxx'… is longer than 80 characters")),
    ],
)  # fmt: skip
def test_statement_problems_name_the_key_and_say_what_is_wrong(
    change: dict[str, object], expected: tuple[tuple[str | int, ...], str]
) -> None:
    assert problems(schema.StatementIn, {**STATEMENT, **change}) == [expected]


def test_a_missing_field_is_named() -> None:
    data = {k: v for k, v in STATEMENT.items() if k != "venue"}
    assert problems(schema.StatementIn, data) == [(("venue",), "missing")]


def test_yaml_numbers_and_dates_are_accepted_as_date_values() -> None:
    import datetime

    for value in (2024, datetime.date(2024, 3, 18), "2024-03"):
        entry, found = schema.parse(schema.DateIn, {"value": value, "basis": "stated", "note": "n"})
        assert found == [] and entry is not None
        assert isinstance(entry.as_date().value, str)


@pytest.mark.parametrize(
    ("title", "ok"),
    [
        ("Q&A: Kim &amp; Putin", True),
        ("x &lt; y", True),
        ("Kim <img src=x onerror=alert(1)>", False),
    ],
)
def test_a_report_title_is_html_text(title: str, ok: bool) -> None:
    data = {
        "id": "r", "status": "ready", "title": title, "title_source": "report",
        "published": {"value": "2024", "basis": "stated", "note": "n"}, "source_file": "r.txt",
    }  # fmt: skip
    entry, found = schema.parse(schema.ReportIn, data)
    assert (entry is not None) == ok, found
    if entry is not None:
        assert "&amp;" not in entry.plain_title and "&lt;" not in entry.plain_title


@pytest.mark.parametrize(
    "name", ["../x.txt", "/etc/debian_version", "a/b.txt", ".hidden", "x..txt", ""]
)
def test_source_file_is_a_plain_name_inside_sources(name: str) -> None:
    data = {
        "id": "r", "status": "ready", "title": "t", "title_source": "report",
        "published": {"value": "2024", "basis": "stated", "note": "n"}, "source_file": name,
    }  # fmt: skip
    _, found = schema.parse(schema.ReportIn, data)
    assert [loc for loc, _ in found] == [("source_file",)]


def test_urls_are_built_in_one_place() -> None:
    assert urls.url_report("r1") == "reports/r1/"
    assert urls.url_paragraph("r1", "p4") == "reports/r1/#p4"
    assert urls.url_statement("s1") == "statements/#s1"
    assert urls.url_event("e1") == "timeline/#e1"
    assert urls.url_actor("a1") == "actors/a1/"
    assert urls.doc_report("r1") == "reports/r1.md"


def test_links_are_relative_between_pages() -> None:
    assert urls.statement_link(urls.doc_report("r1"), "s1") == "../statements/index.md#s1"
    assert urls.event_link(urls.STATEMENTS, "e1") == "../timeline.md#e1"
    assert urls.report_link(urls.REPORTS_INDEX, "r1", "p2") == "r1.md#p2"
    assert urls.link(urls.TIMELINE, urls.TIMELINE, "e1") == "#e1"
    assert urls.asset(urls.doc_report("r1"), "data/sources/x.txt") == "../data/sources/x.txt"


def test_generated_anchors_are_reserved() -> None:
    assert urls.month_anchor(2024, 3) == "month-2024-03"
    assert urls.month_anchor(2024, 0) == "year-2024-undated"
    for taken in ("month-2024-03", "year-2024", "note-p1", "editorial-notes", "statements"):
        assert urls.reserved_anchor(taken)
    assert not urls.reserved_anchor("2024-03-18-state-dept-concern")
