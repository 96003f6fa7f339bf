"""Reading the editors' files: report pages and YAML registries, with line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import markdown, yamlio
from .problems import Problems

REGISTRIES = ("actors", "events", "glossary")


@dataclass
class RawParagraph:
    id: str
    text: str  # unescaped: exactly the original's words
    line: int


@dataclass
class RawReport:
    path: Path
    meta: dict[str, Any]
    lines: dict[tuple, int]
    paragraphs: list[RawParagraph] = field(default_factory=list)
    includes: list[tuple[str, int]] = field(default_factory=list)

    def line(self, *key: Any) -> int | None:
        return yamlio.line_of(self.lines, tuple(key))


@dataclass
class RawRegistry:
    path: Path
    items: list[Any]
    lines: dict[tuple, int]

    def line(self, *key: Any) -> int | None:
        return yamlio.line_of(self.lines, tuple(key))


def report_paths(root: Path) -> list[Path]:
    folder = root / "docs" / "reports"
    return sorted(p for p in folder.glob("*.md") if p.name != "index.md")


def read_report(path: Path, problems: Problems) -> RawReport | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.add(path, None, "file", f"not UTF-8 text ({exc.reason} at byte {exc.start})")
        return None
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.add(path, 1, "front matter", "the page must start with a '---' front matter block")
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        problems.add(path, 1, "front matter", "the front matter has no closing '---' line")
        return None
    try:
        meta, meta_lines = yamlio.load("\n".join(lines[1:end]), line_offset=1)
    except yamlio.YamlSyntaxError as exc:
        problems.add(path, exc.line, "front matter", exc.message)
        return None
    if not isinstance(meta, dict):
        problems.add(path, 2, "front matter", "must be a mapping of keys to values")
        return None
    report = RawReport(path, meta, meta_lines)
    _read_body(report, lines, end + 1, problems)
    return report


def _read_body(report: RawReport, lines: list[str], start: int, problems: Problems) -> None:
    block: list[tuple[int, str]] = []
    for number, line in [*enumerate(lines[start:], start + 1), (len(lines) + 1, "")]:
        if line.strip():
            block.append((number, line.rstrip()))
            continue
        if not block:
            continue
        first_line = block[0][0]
        include = markdown.INCLUDE.match(block[0][1].strip())
        if include and len(block) == 1:
            report.includes.append((include["target"], first_line))
        else:
            attr = markdown.PARA_ID.match(block[-1][1].strip())
            if attr is None:
                problems.add(
                    report.path,
                    first_line,
                    "paragraph",
                    "a paragraph must end with its id line, e.g. '{: #p12 }'",
                )
            else:
                text = " ".join(markdown.unescape(t.strip()) for _, t in block[:-1])
                report.paragraphs.append(RawParagraph(attr["id"], text, first_line))
        block = []


def read_registry(root: Path, name: str, problems: Problems) -> RawRegistry:
    path = root / "data" / f"{name}.yml"
    if not path.is_file():
        problems.add(path, None, "file", "missing registry file")
        return RawRegistry(path, [], {})
    try:
        data, lines = yamlio.load(path.read_text(encoding="utf-8"))
    except yamlio.YamlSyntaxError as exc:
        problems.add(path, exc.line, "file", exc.message)
        return RawRegistry(path, [], {})
    except UnicodeDecodeError as exc:
        problems.add(path, None, "file", f"not UTF-8 text ({exc.reason})")
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
