"""Dates as data: a value at year, month or day precision, with its basis and evidence."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

BASES = ("stated", "inferred", "external")
PRECISIONS = {4: "year", 7: "month", 10: "day"}
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Date:
    value: str
    basis: str
    note: str
    references: tuple[str, ...] = ()  # ids in data/references.yml (required for `external`)

    @property
    def precision(self) -> str:
        return PRECISIONS[len(self.value)]

    @functools.cached_property  # asked for on every sort and heading
    def parts(self) -> tuple[int, int, int]:
        year, month, day = [*(int(b) for b in self.value.split("-")), 0, 0][:3]
        return year, month, day

    def sort_key(self) -> tuple[int, int, int]:
        # 0 for an unknown month/day sorts a less precise date before the
        # more precise dates of the same period, as the brief requires.
        return self.parts

    @property
    def year(self) -> int:
        return self.parts[0]

    def display(self) -> str:
        year, month, day = self.parts
        if self.precision == "year":
            return str(year)
        if self.precision == "month":
            return f"{MONTHS[month - 1]} {year}"
        return f"{day} {MONTHS[month - 1]} {year}"

    def short(self) -> str:
        """Compact display for tables: 2024, 2024-03, 2024-03-18."""
        return self.value

    def as_dict(self) -> dict[str, str | list[str]]:
        return {
            "value": self.value,
            "precision": self.precision,
            "basis": self.basis,
            "note": self.note,
            "references": list(self.references),
        }


def check_value(value: object) -> str | None:
    """Return an error message for a malformed date value, or None if it is valid."""
    if isinstance(value, (dt.date, int)):
        # YAML reads an unquoted 2024-03-18 as a date and 2024 as an int.
        value = value.isoformat() if isinstance(value, dt.date) else str(value)
    if not isinstance(value, str) or not _VALUE.match(value):
        return f"must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}"
    bits = [int(b) for b in value.split("-")]
    try:
        dt.date(bits[0], bits[1] if len(bits) > 1 else 1, bits[2] if len(bits) > 2 else 1)
    except ValueError as exc:
        return f"{value!r} is not a calendar date ({exc})"
    return None


def normalise_value(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
