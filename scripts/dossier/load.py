"""Reading the editors' files: report pages and YAML registries, with line numbers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import markdown, yamlio
from .escape import md_unescape
from .problems import Problems

REGISTRIES = ("actors", "events", "glossary")
OPTIONAL_REGISTRIES = ("references", "talking_points")


@dataclass
class RawParagraph:
    id: str
    text: str  # unescaped: exactly the original's words
    line: int
    markdown: str = ""  # as written on the page, escaped (the lossless check compares this)


@dataclass
class RawReport:
    path: Path
    meta: dict[str, Any]
    lines: dict[tuple[Any, ...], int]
    paragraphs: list[RawParagraph] = field(default_factory=list)
    includes: list[tuple[str, int]] = field(default_factory=list)

    def line(self, *key: Any) -> int | None:
        return yamlio.line_of(self.lines, tuple(key))


@dataclass
class RawRegistry:
    path: Path
    items: list[Any]
    lines: dict[tuple[Any, ...], int]

    def line(self, *key: Any) -> int | None:
        return yamlio.line_of(self.lines, tuple(key))


def report_paths(root: Path) -> list[Path]:
    folder = root / "docs" / "reports"
    return sorted(p for p in folder.glob("*.md") if p.name != "index.md")


class TextFileError(Exception):
    """A file that cannot be read as text; `message` says what to do."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or TextFileError for a missing file, a folder or no permission."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise TextFileError(None, "no such file; check the path") from None
    except IsADirectoryError:
        raise TextFileError(None, "is a folder, not a file") from None
    except OSError as exc:
        raise TextFileError(None, f"cannot be read ({exc.strerror})") from None


def decode(data: bytes) -> str:
    """UTF-8 text as MkDocs reads it: a leading byte order mark dropped, and CRLF or lone CR
    line ends read as LF, so that line numbers agree with every editor and with MkDocs."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise TextFileError(
            line,
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}); re-save it as UTF-8",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> str:
    """`read_bytes`, then `decode`: the one way the editors' files and originals are read."""
    return decode(read_bytes(path))


def read_report(path: Path, problems: Problems) -> RawReport | None:
    try:
        text = read_text(path)
    except TextFileError as exc:
        problems.add(path, exc.line, "file", exc.message)
        return None
    if not text.strip():
        problems.add(
            path, 1, "file", "the page is empty; it must start with a '---' front matter block"
        )
        return None
    lines = text.split("\n")
    if lines[0].strip() != "---":
        problems.add(path, 1, "front matter", "the page must start with a '---' front matter block")
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        problems.add(path, 1, "front matter", "the front matter has no closing '---' line")
        return None
    try:
        meta, meta_lines = yamlio.load("\n".join(lines[1:end]), line_offset=1)
    except yamlio.YamlSyntaxError as exc:
        for problem in exc.problems:
            problems.add(path, problem.line, problem.field or "front matter", problem.message)
        return None
    if not isinstance(meta, dict):
        kind = "empty" if meta is None else f"a {_kind(meta)}"
        problems.add(path, 2, "front matter", f"must be a mapping of keys to values, not {kind}")
        return None
    report = RawReport(path, meta, meta_lines)
    _read_body(report, lines, end + 1, problems)
    return report


def _kind(value: Any) -> str:
    return "list" if isinstance(value, list) else "single value"


def _blocks(lines: list[str], start: int) -> Iterator[list[tuple[int, str]]]:
    """The body's blocks: runs of non-blank lines, each line with its number."""
    block: list[tuple[int, str]] = []
    for number, line in [*enumerate(lines[start:], start + 1), (len(lines) + 1, "")]:
        if line.strip():
            block.append((number, line.rstrip()))
        elif block:
            yield block
            block = []


def _read_body(report: RawReport, lines: list[str], start: int, problems: Problems) -> None:
    """Paragraphs and includes. A paragraph's id is the section its include names: the
    one-line block right after its text (see markdown.py)."""
    pending: list[tuple[int, str]] | None = None  # a paragraph's lines, before its include
    for block in _blocks(lines, start):
        include = markdown.INCLUDE.match(block[0][1].strip()) if len(block) == 1 else None
        if include is None:
            if pending is not None:
                _no_include(report, pending, problems)
            pending = block
            continue
        report.includes.append((include["target"], block[0][0]))
        if pending is not None:
            _paragraph(report, pending, markdown.section_of(include["target"]), problems)
            pending = None
    if pending is not None:
        _no_include(report, pending, problems)


def _paragraph(
    report: RawReport, block: list[tuple[int, str]], pid: str, problems: Problems
) -> None:
    if pid in markdown.NOT_PARAGRAPHS or not markdown.PARA_ID.match(pid):
        _no_include(report, block, problems)
        return
    if len(block) > 1 and markdown.OLD_PARA_ATTR.match(block[-1][1].strip()):
        problems.add(
            report.path,
            block[-1][0],
            "paragraph",
            f"the id line {block[-1][1].strip()!r} is no longer used: delete it "
            "(the include line after a paragraph names its id)",
        )
        block = block[:-1]  # the paragraph is still read, so that this is the one problem
    source = " ".join(t.strip() for _, t in block)
    report.paragraphs.append(RawParagraph(pid, md_unescape(source), block[0][0], source))


def _no_include(report: RawReport, block: list[tuple[int, str]], problems: Problems) -> None:
    problems.add(
        report.path,
        block[0][0],
        "paragraph",
        "a paragraph must be followed by a blank line and its include line, which names "
        f'its id, e.g. --8<-- "reports/{report.path.stem}.md:p12"',
    )


def read_registry(root: Path, name: str, problems: Problems, required: bool = True) -> RawRegistry:
    """One registry, `data/<name>.yml`; an optional one may be absent (then it is empty)."""
    path = root / "data" / f"{name}.yml"
    if not required and not path.exists():
        return RawRegistry(path, [], {})
    try:
        text = read_text(path)
    except TextFileError as exc:
        message = "missing registry file" if not path.exists() else exc.message
        problems.add(path, exc.line, "file", message)
        return RawRegistry(path, [], {})
    try:
        data, lines = yamlio.load(text)
    except yamlio.YamlSyntaxError as exc:
        for problem in exc.problems:
            problems.add(path, problem.line, problem.field or "file", problem.message)
        return RawRegistry(path, [], {})
    if data is None:
        data = []
    if not isinstance(data, list):
        problems.add(path, 1, "file", f"must be a list of {name} entries")
        return RawRegistry(path, [], lines)
    return RawRegistry(path, data, lines)


def alias_index(root: Path) -> dict[str, str]:
    """Actor names and aliases → actor id, for guessing speakers at import (best effort)."""
    registry = read_registry(root, "actors", Problems(root))
    index: dict[str, str] = {}
    for item in registry.items:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            for name in [item.get("name"), *(item.get("aliases") or [])]:
                if isinstance(name, str) and name:
                    index[name] = item["id"]
    return index
