"""Quotes and losslessness: statements are the report's own words, every quotation is indexed
or declared, and every line of the original is on the page (as itself) or accounted for."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from .. import text as textmod
from ..escape import md_inline
from ..load import RawReport, TextFileError, read_text
from ..model import NOT_STATED, Report, Statement
from ..problems import Problems
from .common import Source, clip

# A changed original shows up as many unmatched lines; past this many, one summary line says
# how many more, so the root cause is not buried.
MAX_LINE_PROBLEMS = 5


def check_quotes(report: Report, raw: RawReport, problems: Problems) -> None:
    src = Source(raw.path, raw.line, problems)
    for s in report.statements:
        _statement_words(report, s, src)
    for n in report.not_statements:
        if not textmod.contains(report.paragraph(n.paragraph).text, n.text):
            src.error(
                ("not_statements", n.pos.index or 0, "text"),
                f"not found verbatim in paragraph {n.paragraph}",
            )
    # Whether every quotation is indexed is only sound once every entry of the page is: a
    # statement with its own problem would otherwise leave "its" quotation reported again.
    if not any(problem.file == src.rel for problem in problems.errors):
        _coverage(report, raw, src)


def _statement_words(report: Report, s: Statement, src: Source) -> None:
    """A statement's text, of every kind, and how the report names its speaker are the report's
    own words; its venue is what the text says, "not stated", or cites an outside source."""
    para = report.paragraph(s.paragraph).text
    index = s.pos.index or 0
    if not textmod.contains(para, s.text):
        src.error(("statements", index, "text"), f"not found verbatim in paragraph {s.paragraph}")
    if not textmod.contains(para, s.speaker_label):
        src.error(
            ("statements", index, "speaker_label"),
            f"not found verbatim in paragraph {s.paragraph} (how the report names the speaker; "
            "an explanation goes in `note`)",
        )
    if s.venue != NOT_STATED and not s.references and not _said(report, s.venue):
        src.error(
            ("statements", index, "venue"),
            f"{s.venue!r} is not in the report's text: use its words, {NOT_STATED!r}, or cite "
            "the outside source under `references`",
        )


def _said(report: Report, words: str) -> bool:
    needle = textmod.normalise(words).casefold()
    return any(needle in textmod.normalise(p.text).casefold() for p in report.paragraphs)


def _coverage(report: Report, raw: RawReport, src: Source) -> None:
    """Every quotation is a statement or a declared non-statement."""
    covering: dict[str, list[str]] = {}
    for key in ("statements", "not_statements"):
        for item in _items(raw, key):
            if key == "statements" and item.get("kind") == "paraphrase":
                continue
            if isinstance(item.get("text"), str) and isinstance(item.get("paragraph"), str):
                covering.setdefault(item["paragraph"], []).append(textmod.core(item["text"]))
    report_problem = src.problems.warn if report.draft else src.problems.add
    for para in report.paragraphs:
        texts = covering.get(para.id, [])
        for quote in textmod.quotations(para.text):
            q = textmod.core(quote.text)
            if q and not any(t and (t in q or q in t) for t in texts):
                report_problem(
                    raw.path,
                    para.pos.line,
                    f"paragraph {para.id}",
                    f"quotation “{clip(quote.text)}” is neither a statement nor listed in "
                    "not_statements",
                )


def _items(raw: RawReport, key: str) -> list[dict[str, Any]]:
    value = raw.meta.get(key)
    return [i for i in value if isinstance(i, dict)] if isinstance(value, list) else []


def check_lossless(report: Report, raw: RawReport, root: Path, problems: Problems) -> None:
    """Every non-blank line of the original is a paragraph (escaped exactly as the import
    writes it), metadata, or a removed line with its reason. Each problem is reported once:
    an edited paragraph is paired with the line of the original it no longer matches, and an
    original that no longer matches most of the page is one problem."""
    src = Source(raw.path, raw.line, problems)
    marked_up = _escaped_form(raw, src)
    lines = _original(report, root, src)
    if lines is None:
        return
    accounted, entry_problems = _accounted(report, lines)
    texts = [p for p in raw.paragraphs if p.id not in marked_up]
    unused = Counter(p.text for p in texts)
    missing = []
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or number in accounted:
            continue
        if unused[stripped] > 0:
            unused[stripped] -= 1
        else:
            missing.append((number, stripped))
    edited = []
    for para in texts:
        if unused[para.text] > 0:
            unused[para.text] -= 1
            edited.append(para)
    if len(edited) > max(1, len(raw.paragraphs) // 2):
        src.error(
            ("source_file",),
            f"sources/{report.source_file} no longer matches this page: {len(edited)} of "
            f"{len(raw.paragraphs)} paragraphs differ from it (originals are never edited: "
            "restore the original, or import the new text as a new report)",
        )
        return
    for path, message in entry_problems:
        src.error(path, message)
    # A paragraph whose markup was refused still stands for its line of the original.
    missing = missing[len(marked_up) :] if len(missing) >= len(marked_up) else []
    _report_edits(report, raw, src, edited, missing)


def _report_edits(
    report: Report, raw: RawReport, src: Source, edited: list[Any], missing: list[tuple[int, str]]
) -> None:
    source = f"sources/{report.source_file}"
    for index, para in enumerate(edited):
        pair = (
            f" (line {missing[index][0]} of {source} reads “{clip(missing[index][1])}”)"
            if index < len(missing)
            else ""
        )
        src.problems.add(
            raw.path,
            para.line,
            f"paragraph {para.id}",
            f"text differs from the original{pair}; originals are never edited: "
            "record defects under `notes`",
        )
    rest = missing[len(edited) :]
    for number, stripped in rest[:MAX_LINE_PROBLEMS]:
        src.problems.add(
            raw.path,
            None,
            "text",
            f"line {number} of {source} is neither a paragraph nor listed in "
            f"removed/metadata_lines: “{clip(stripped)}”",
        )
    if len(rest) > MAX_LINE_PROBLEMS:
        src.problems.add(
            raw.path,
            None,
            "text",
            f"… and {len(rest) - MAX_LINE_PROBLEMS} more lines of {source} are not on the page",
        )


def _escaped_form(raw: RawReport, src: Source) -> set[str]:
    """A paragraph is written exactly as the import escapes it: hand-written Markdown or HTML
    (a link, an <img>) would reach readers as markup, so it is refused. Returns the ids of
    the refused paragraphs."""
    refused = set()
    for para in raw.paragraphs:
        if para.markdown != md_inline(para.text):
            refused.add(para.id)
            src.problems.add(
                raw.path,
                para.line,
                f"paragraph {para.id}",
                "holds Markdown or HTML that is not in the original (paragraphs are the "
                "original's text, escaped as `dossier import` writes it; record defects "
                "under `notes`)",
            )
    return refused


def _original(report: Report, root: Path, src: Source) -> list[str] | None:
    folder = (root / "sources").resolve()
    path = folder / report.source_file
    where = ("source_file",)
    if path.is_symlink() or not path.resolve().is_relative_to(folder):
        src.error(where, f"sources/{report.source_file} must be a file inside sources/")
        return None
    if not path.is_file():
        src.error(where, f"sources/{report.source_file} does not exist")
        return None
    try:
        return read_text(path).split("\n")
    except TextFileError as exc:
        src.error(where, f"sources/{report.source_file}: {exc.message}")
        return None


def _accounted(
    report: Report, lines: list[str]
) -> tuple[dict[int, str], list[tuple[tuple[str | int, ...], str]]]:
    """Original line number → the list that accounts for it; and the problems of entries
    that do not match their line."""
    accounted: dict[int, str] = {}
    found: list[tuple[tuple[str | int, ...], str]] = []
    source = f"sources/{report.source_file}"
    for key, entries in (("removed", report.removed), ("metadata_lines", report.metadata_lines)):
        for entry in entries:
            index = entry.pos.index or 0
            if entry.line > len(lines):
                found.append(((key, index, "line"), f"the original has only {len(lines)} lines"))
            elif lines[entry.line - 1].strip() != entry.text.strip():
                found.append(((key, index, "text"), f"differs from line {entry.line} of {source}"))
            elif entry.line in accounted:
                message = f"line {entry.line} is already listed under {accounted[entry.line]}"
                found.append(((key, index, "line"), message))
            else:
                accounted[entry.line] = key
    return accounted, found
