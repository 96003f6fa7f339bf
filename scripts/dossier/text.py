"""Text helpers: quote-insensitive comparison, quotation finding, slugs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'"})
_SPACE = re.compile(r"\s+")
OPENERS = '“"'
CLOSERS = '”"'


def normalise(text: str) -> str:
    """Compare texts ignoring whitespace differences and straight/curly quote marks."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip()


def core(text: str) -> str:
    """`normalise`, then drop quote marks and the punctuation that hugs a quotation's edges."""
    return normalise(text).replace('"', "").strip(" ,.;:!?'").strip()


@dataclass(frozen=True)
class Quotation:
    text: str  # without the quote marks
    start: int  # offset of the opening mark in the paragraph


def quotations(paragraph: str) -> list[Quotation]:
    """Every span between an opening and a closing double quote mark.

    Reports mix curly and straight marks (“comprehensive strategic partnership"),
    so any opener pairs with the next closer.
    """
    found: list[Quotation] = []
    start: int | None = None
    for index, char in enumerate(paragraph):
        if start is None and char in OPENERS:
            start = index
        elif start is not None and char in CLOSERS:
            found.append(Quotation(paragraph[start + 1 : index], start))
            start = None
    return found


def slugify(text: str, max_words: int = 8) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words])


def contains(haystack: str, needle: str) -> bool:
    return normalise(needle) in normalise(haystack)
