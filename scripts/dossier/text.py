"""Text helpers: quote-insensitive comparison, quotation finding, slugs."""

from __future__ import annotations

import functools
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


# --- a statement's words in their sentence ---------------------------------------------------

_DOUBLE_QUOTES = '"“”„‟'
_SINGLE_QUOTES = "'‘’‚"
_NOT_PLAIN = re.compile(f"[{_DOUBLE_QUOTES}{_SINGLE_QUOTES}]|[^\\S ]| {{2}}")
_ODD_SPACE = re.compile(r"[^\S ]| {2}")  # white space other than single spaces
# A sentence ends at . ! or ? (and the closing marks after it) followed by white space and a
# sentence's first character: anything but a lower-case letter.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+(?P<next>\S))")
# Words whose full stop does not end a sentence (an initial such as "N." or "U.N." is caught
# by its length or its inner stop).
_ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "gov", "jr", "sr", "vs",
     "prof", "capt", "adm", "sgt", "maj", "cmdr", "amb")
)  # fmt: skip


@dataclass(frozen=True)
class InContext:
    """A span of a paragraph and the rest of the sentence(s) that hold it:
    `before + words + after` is a stretch of the paragraph, as written."""

    before: str
    words: str  # the span as the paragraph writes it
    after: str


# A statement's sentence is wanted by its card, its citation and the finder: found once.
@functools.lru_cache(maxsize=1 << 16)
def locate(paragraph: str, words: str) -> tuple[int, int] | None:
    """Where `words` stand in `paragraph`, ignoring differences of whitespace and of straight
    and curly quote marks (as `contains` does); None when they are not there."""
    plain = words.strip()
    if not _NOT_PLAIN.search(plain) and not _ODD_SPACE.search(paragraph):
        # No quote mark in the words and only single spaces on both sides: the pattern below
        # would match exactly the words as written, so a plain search finds the same place.
        at = paragraph.find(plain)
        return (at, at + len(plain)) if at >= 0 and plain else None
    parts: list[str] = []
    for chunk in re.split(r"(\s+)", words.strip()):
        if chunk.isspace():
            parts.append(r"\s+")
        for char in "" if chunk.isspace() else chunk:
            if char in _DOUBLE_QUOTES:
                parts.append(f"[{_DOUBLE_QUOTES}]")
            elif char in _SINGLE_QUOTES:
                parts.append(f"[{_SINGLE_QUOTES}]")
            else:
                parts.append(re.escape(char))
    match = re.search("".join(parts), paragraph) if parts else None
    return (match.start(), match.end()) if match else None


def _ends_sentence(paragraph: str, match: re.Match[str]) -> bool:
    if match["next"].islower():
        return False
    if paragraph[match.start()] != ".":
        return True
    word = re.search(r"[\w.]*$", paragraph[: match.start()])
    token = word[0] if word else ""
    return not (len(token) == 1 or "." in token or token.lower() in _ABBREVIATIONS)


def sentence_ends(paragraph: str) -> list[int]:
    """The offsets where the paragraph's sentences end (after their closing marks), except
    the last one's (the paragraph's end)."""
    return list(_sentence_ends(paragraph))


@functools.lru_cache(maxsize=4096)
def _sentence_ends(paragraph: str) -> tuple[int, ...]:
    return tuple(m.end() for m in _SENTENCE_END.finditer(paragraph) if _ends_sentence(paragraph, m))


def in_context(paragraph: str, words: str) -> InContext | None:
    """`words` in the sentence (or sentences) of `paragraph` that hold them: from the start of
    the sentence where they begin to the end of the one where they end. None when the words
    are not in the paragraph (see `locate`)."""
    span = locate(paragraph, words)
    if span is None:
        return None
    start, end = span
    ends = _sentence_ends(paragraph)
    first = max((e for e in ends if e <= start), default=0)
    last = min((e for e in ends if e >= end), default=len(paragraph))
    before = paragraph[first:start].lstrip()
    return InContext(before, paragraph[start:end], paragraph[end:last])
