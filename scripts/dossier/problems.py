"""Problems found in the editors' input, collected and reported together."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as we can."""

    file: str
    line: int | None
    field: str
    message: str
    warning: bool = False

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.file, self.line or 0, self.field, self.message)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        label = "warning: " if self.warning else ""
        return f"{where}: {self.field}: {label}{self.message}"


@dataclass
class Problems:
    """A collector: every check adds to it, and the caller stops once all checks have run."""

    root: Path | None = None
    items: list[Problem] = field(default_factory=list)
    _rel: dict[str, str] = field(default_factory=dict, repr=False)

    def rel(self, path: Path | str) -> str:
        # One resolve per file, not per problem: a large draft can hold many thousands.
        key = str(path)
        if key not in self._rel:
            self._rel[key] = self._relative(Path(path))
        return self._rel[key]

    def _relative(self, path: Path) -> str:
        if self.root is not None and path.is_absolute():
            try:
                return path.resolve().relative_to(self.root.resolve()).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def add(self, file: Path | str, line: int | None, field_: str, message: str) -> None:
        self.items.append(Problem(self.rel(file), line, field_, message))

    def warn(self, file: Path | str, line: int | None, field_: str, message: str) -> None:
        self.items.append(Problem(self.rel(file), line, field_, message, warning=True))

    @property
    def errors(self) -> list[Problem]:
        return sorted((p for p in self.items if not p.warning), key=Problem.sort_key)

    @property
    def warnings(self) -> list[Problem]:
        return sorted((p for p in self.items if p.warning), key=Problem.sort_key)


class InputError(Exception):
    """Raised once all checks have run and at least one error was found."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the input")
        self.problems = problems
