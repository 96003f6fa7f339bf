"""What every check module shares: where a problem is, and how it is reported."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..model import Pos
from ..problems import Problems
from ..schema import Entry, Loc, parse_list

E = TypeVar("E", bound=Entry)


def dotted(path: tuple[Any, ...]) -> str:
    """('statements', 3, 'date', 'value') → 'statements[3].date.value'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top)"


@dataclass(frozen=True)
class Source:
    """One editor's file, with the line of every key path in it."""

    path: Path
    line_of: Callable[..., int | None]
    problems: Problems

    @property
    def rel(self) -> str:
        return self.problems.rel(self.path)  # cached by Problems

    def pos(self, *path: Any) -> Pos:
        index = next((p for p in reversed(path) if isinstance(p, int)), None)
        return Pos(self.rel, self.line_of(*path), index)

    def error(self, path: Loc, message: str) -> None:
        self.problems.add(self.path, self.line_of(*path), dotted(path), message)

    def warn(self, path: Loc, message: str) -> None:
        self.problems.warn(self.path, self.line_of(*path), dotted(path), message)


def valid_entries(
    src: Source, cls: type[E], items: list[Any], prefix: Loc = ()
) -> Iterator[tuple[int, E]]:
    """Each entry of a list that passes the schema, with its index; the problems of the
    others are reported (under `prefix`, the list's key path)."""
    for index, entry, errors in parse_list(cls, items):
        for loc, message in errors:
            src.error((*prefix, *loc), message)
        if entry is not None:
            yield index, entry


def at(problems: Problems, pos: Pos, field: str, message: str) -> None:
    """Report a problem on a model object, at the line it was written on."""
    problems.add(pos.file, pos.line, field, message)


def clip(value: str, length: int = 60) -> str:
    return value if len(value) <= length else value[: length - 1] + "…"
