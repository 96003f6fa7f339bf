"""Quotes and losslessness: statements are the report's own words, every quotation is indexed
or declared, and every line of the original is on the page (as itself) or accounted for."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from .. import text as textmod
from ..escape import md_inline
from ..load import RawReport, TextFileError, read_text
from ..model import Report
from ..problems import Problems
from .common import Source, clip

# A changed original shows up as many unmatched lines; past this many, one summary line says
# how many more, so the root cause is not buried.
MAX_LINE_PROBLEMS = 5


def check_quotes(report: Report, raw: RawReport, problems: Problems) -> None:
    src = Source(raw.path, raw.line, problems)
    for s in report.statements:
        if s.kind != "paraphrase" and not textmod.contains(
            report.paragraph(s.paragraph).text, s.text
        ):
            src.error(
                ("statements", s.pos.index or 0, "text"),
                f"not found verbatim in paragraph {s.paragraph}",
            )
    for n in report.not_statements:
        if not textmod.contains(report.paragraph(n.paragraph).text, n.text):
            src.error(
                ("not_statements", n.pos.index or 0, "text"),
                f"not found verbatim in paragraph {n.paragraph}",
            )
    _coverage(report, raw, src)


def _coverage(report: Report, raw: RawReport, src: Source) -> None:
    """Every quotation is a statement or a declared non-statement. The texts come from the
    raw entries, so a statement with a problem of its own does not also leave its quotation
    'unindexed' (the root cause is reported once)."""
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
    writes it), metadata, or a removed line with its reason."""
    src = Source(raw.path, raw.line, problems)
    _escaped_form(report, raw, src)
    lines = _original(report, root, src)
    if lines is None:
        return
    accounted = _accounted(report, lines, src)
    unused = Counter(p.text for p in report.paragraphs)
    missing = []
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or number in accounted:
            continue
        if unused[stripped] > 0:
            unused[stripped] -= 1
        else:
            missing.append((number, stripped))
    for number, stripped in missing[:MAX_LINE_PROBLEMS]:
        src.problems.add(
            raw.path,
            None,
            "text",
            f"line {number} of sources/{report.source_file} is neither a paragraph "
            f"nor listed in removed/metadata_lines: “{clip(stripped)}”",
        )
    if len(missing) > MAX_LINE_PROBLEMS:
        src.problems.add(
            raw.path,
            None,
            "text",
            f"… and {len(missing) - MAX_LINE_PROBLEMS} more lines of sources/"
            f"{report.source_file} (was the original changed after import?)",
        )
    for para in report.paragraphs:
        if unused[para.text] > 0:
            unused[para.text] -= 1
            src.problems.add(
                raw.path,
                para.pos.line,
                f"paragraph {para.id}",
                "text differs from every line of the original (originals are never "
                "edited: record defects under `notes`)",
            )


def _escaped_form(report: Report, raw: RawReport, src: Source) -> None:
    """A paragraph is written exactly as the import escapes it: hand-written Markdown or HTML
    (a link, an <img>) would reach readers as markup, so it is refused."""
    written = {p.id: p.markdown for p in raw.paragraphs}
    for para in report.paragraphs:
        expected = md_inline(para.text)
        if written.get(para.id, expected) != expected:
            src.problems.add(
                raw.path,
                para.pos.line,
                f"paragraph {para.id}",
                "holds Markdown or HTML that is not in the original (paragraphs are the "
                "original's text, escaped as `dossier import` writes it; record defects "
                "under `notes`)",
            )


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


def _accounted(report: Report, lines: list[str], src: Source) -> dict[int, str]:
    accounted: dict[int, str] = {}
    for key, entries in (("removed", report.removed), ("metadata_lines", report.metadata_lines)):
        for entry in entries:
            index = entry.pos.index or 0
            if entry.line > len(lines):
                src.error((key, index, "line"), f"the original has only {len(lines)} lines")
            elif lines[entry.line - 1].strip() != entry.text.strip():
                src.error(
                    (key, index, "text"),
                    f"differs from line {entry.line} of sources/{report.source_file}",
                )
            elif entry.line in accounted:
                src.error(
                    (key, index, "line"),
                    f"line {entry.line} is already listed under {accounted[entry.line]}",
                )
            else:
                accounted[entry.line] = key
    return accounted
