"""Small formatting pieces shared by the page renderers."""

from __future__ import annotations

from .. import escape
from ..dates import Date
from ..escape import md_inline
from ..model import Statement
from ..write import MARKER
from .index import Index

KIND_LABELS = {
    "direct": "Direct quote",
    "partial": "Partial quote",
    "paraphrase": "Reported speech (paraphrase)",
}
# Material's search skips blocks marked so; used where a page repeats statement text that
# has its own section, so that a phrase search lands on the statement itself.
SEARCH_EXCLUDE = "<div markdown data-search-exclude>"
KIND_SHORT = {"direct": "direct quote", "partial": "partial quote", "paraphrase": "paraphrase"}
BASIS_LABELS = {
    "stated": "stated in the text",
    "inferred": "inferred from the text",
    "external": "from an outside source",
}


def banner(sources: str) -> str:
    """The comment every generated Markdown file starts with."""
    return f"<!-- {MARKER} from {sources}. Do not edit: edit the sources and rebuild. -->\n"


# The search rank of pages that gather statements shown in full elsewhere (threads, talking
# points, outside sources, reported vs issued wording): Material multiplies their scores by
# it, so a phrase lands on the statement and its paragraph first, and these come after. It is
# small enough to outweigh a title match (titles weigh 1000 times a page's text).
REPEATS_SEARCH_BOOST = 0.0005


def front_matter(
    title: str,
    search_exclude: bool = False,
    search_boost: float | None = None,
    hide: tuple[str, ...] = (),
) -> str:
    block = escape.front_matter(title)
    if hide:  # parts of the theme's layout the page goes without ("navigation", "toc")
        block += "hide:\n" + "".join(f"  - {part}\n" for part in hide)
    if search_exclude:
        block += "search:\n  exclude: true\n"
    elif search_boost is not None:
        block += f"search:\n  boost: {search_boost}\n"
    return block + "---\n\n"


def excerpt(text: str, words: int = 14) -> str:
    parts = text.split()
    short = " ".join(parts[:words])
    return short + ("…" if len(parts) > words else "")


def quoted(statement: Statement, words: int | None = None) -> str:
    """A statement's text for display: quote marks for quotes, none for paraphrase."""
    body = statement.text if words is None else excerpt(statement.text, words)
    body = md_inline(body)
    return body if statement.kind == "paraphrase" else f"“{body}”"


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


def sources(ids: tuple[str, ...], ix: Index, page: str, after: str = "") -> str:
    """The outside sources a fact cites, as links to their entries ('' if none), to follow the
    text `after`: a sentence of their own after a full sentence, else '; source: …'."""
    if not ids:
        return ""
    links = ", ".join(
        f"[{md_inline(ix.references[r].title)}]({ix.reference_link(page, r)})" for r in ids
    )
    word = "source" if len(ids) == 1 else "sources"
    if after.rstrip().endswith(_SENTENCE_END):
        return f" {word.capitalize()}: {links}."
    return f"; {word}: {links}"


_SENTENCE_END = (".", "!", "?", ".”", "?”", "!”", '."', ".’", ".)")


def date_detail(date: Date, ix: Index, page: str) -> str:
    """How a date is known: its basis, the evidence, and the outside sources it cites."""
    cited = sources(date.references, ix, page, date.note)
    return f"{BASIS_LABELS[date.basis]}: {md_inline(date.note)}{cited}"
