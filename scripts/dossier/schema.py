"""Field-level checks for one YAML mapping, each problem naming file, line and key path."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .dates import BASES, Date, check_value, normalise_value
from .problems import Problems

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ANCHOR_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def dotted(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top)"


class Fields:
    """Reads typed values out of one mapping; records a problem for anything wrong."""

    def __init__(
        self,
        problems: Problems,
        file: Path,
        line: Callable[..., int | None],
        data: Any,
        path: tuple[Any, ...] = (),
        allowed: tuple[str, ...] | None = None,
    ):
        self.problems, self.file, self._line, self.path = problems, file, line, path
        self.ok = isinstance(data, dict)
        self.data: dict[str, Any] = data if isinstance(data, dict) else {}
        if not self.ok:
            self.error((), f"must be a mapping, got {type(data).__name__}")
        elif allowed is not None:
            for key in sorted(set(self.data) - set(allowed), key=str):
                self.error((key,), f"unknown field (allowed: {', '.join(allowed)})")

    def line(self, *key: Any) -> int | None:
        return self._line(*self.path, *key)

    def error(self, key: tuple[Any, ...], message: str) -> None:
        self.problems.add(self.file, self.line(*key), dotted((*self.path, *key)), message)

    def warn(self, key: tuple[Any, ...], message: str) -> None:
        self.problems.warn(self.file, self.line(*key), dotted((*self.path, *key)), message)

    def sub(self, key: Any, allowed: tuple[str, ...] | None = None) -> Fields:
        return Fields(
            self.problems, self.file, self._line, self.data.get(key), (*self.path, key), allowed
        )

    def item(self, key: str, index: int, allowed: tuple[str, ...] | None = None) -> Fields:
        """Fields of the `index`-th mapping in the list under `key`."""
        return Fields(
            self.problems,
            self.file,
            self._line,
            self.data[key][index],
            (*self.path, key, index),
            allowed,
        )

    def str(
        self,
        key: str,
        required: bool = True,
        pattern: re.Pattern[str] | None = None,
        choices: tuple[str, ...] | None = None,
    ) -> str | None:
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error((key,), "missing" if value is None else "must not be empty")
            return None
        if not isinstance(value, str):
            self.error((key,), f"must be text, got {type(value).__name__} {value!r}")
            return None
        if pattern is not None and not pattern.match(value):
            self.error((key,), f"{value!r} is not a valid id (lowercase letters, digits, hyphens)")
            return None
        if choices is not None and value not in choices:
            self.error((key,), f"{value!r} is not one of: {', '.join(choices)}")
            return None
        return value

    def int(self, key: str) -> int | None:
        value = self.data.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            self.error((key,), f"must be a positive whole number, got {value!r}")
            return None
        return value

    def list(self, key: str, required: bool = False) -> list[Any]:
        value = self.data.get(key)
        if value is None:
            if required:
                self.error((key,), "missing (use [] for none)")
            return []
        if not isinstance(value, list):
            self.error((key,), f"must be a list, got {type(value).__name__}")
            return []
        return value

    def str_list(self, key: str, pattern: re.Pattern[str] | None = None) -> tuple[str, ...]:
        out = []
        for index, item in enumerate(self.list(key)):
            if not isinstance(item, str) or not item.strip():
                self.error((key, index), f"must be text, got {item!r}")
            elif pattern is not None and not pattern.match(item):
                self.error((key, index), f"{item!r} is not a valid id")
            else:
                out.append(item)
        return tuple(out)

    def date(self, key: str) -> Date | None:
        sub = self.sub(key, allowed=("value", "precision", "basis", "note"))
        if key not in self.data:
            self.error((key,), "missing date ({value, basis, note})")
            return None
        if not sub.ok:
            return None
        raw = sub.data.get("value")
        message = check_value(raw) if raw is not None else "missing"
        if message:
            sub.error(("value",), message)
        basis = sub.str("basis", choices=BASES)
        note = sub.str("note")
        if note and note.lstrip().upper().startswith("TODO"):
            sub.error(("note",), "still a TODO: give the evidence for this date in one sentence")
        if message or basis is None or note is None:
            return None
        date = Date(normalise_value(raw), basis, note)
        precision = sub.data.get("precision")
        if precision is not None and precision != date.precision:
            sub.error(
                ("precision",),
                f"{precision!r} contradicts value {date.value!r} "
                f"(precision is {date.precision}; it can be left out)",
            )
        return date
