"""What every page of a split listing shares (layout.py): its title, the way back to the
listing's first page, its neighbours, the pages under it, and the list of years and months
on the first page. The listings themselves (statements, timeline, by speaker) fill in the
entries."""

from __future__ import annotations

from collections.abc import Callable

from .. import urls
from ..dates import MONTHS
from ..escape import md_inline
from ..layout import Key, Listing, Part
from .fmt import banner, front_matter, plural


def period(key: Key) -> str:
    """'2024', 'March 2024', 'March 2024, part 2'."""
    if not key:
        return "all dates"
    if len(key) == 1:
        return str(key[0])
    name = f"{MONTHS[key[1] - 1]} {key[0]}" if key[1] else f"{key[0]}, month not known"
    return f"{name}, part {key[2]}" if len(key) > 2 else name


def label(listing: Listing, key: Key) -> str:
    """A page's name: its period, or 'part 2' for a listing without dates."""
    return f"part {key[0]}" if listing.numbered and key else period(key)


def leaves(listing: Listing) -> list[Part]:
    """The pages that show entries, in listing order (a split year's own page counts when it
    holds entries whose month is not known)."""
    return [p for p in listing.pages() if p.entries]


def neighbours(listing: Listing, part: Part, page: str, noun: str) -> str:
    """'← February 2024 · all <noun> · March 2024, part 2 →' for the page `page`."""
    order = listing.pages()
    at = order.index(part)
    links = []
    if at > 0:
        before = order[at - 1]
        links.append(f"[← {label(listing, before.key)}]({urls.link(page, before.doc)})")
    every = f"All {noun}" if listing.numbered else f"All {noun} by year and month"
    links.append(f"[{every}]({urls.link(page, listing.base)})")
    if at + 1 < len(order):
        after = order[at + 1]
        links.append(f"[{label(listing, after.key)} →]({urls.link(page, after.doc)})")
    return '<nav class="dossier-parts" markdown>\n\n' + " · ".join(links) + "\n\n</nav>"


def contents(listing: Listing, page: str, noun: str, key: Key = ()) -> list[str]:
    """The pages under `key` as a nested Markdown list with their counts."""
    out = []
    for child in listing.parts[key].children:
        part = listing.parts[child]
        count = plural(part.total, noun)
        out.append(f"- [{label(listing, child)}]({urls.link(page, part.doc)}): {count}")
        for grandchild in part.children:
            sub = listing.parts[grandchild]
            out.append(
                f"    - [{period(grandchild)}]({urls.link(page, sub.doc)}): "
                f"{plural(sub.total, noun)}"
            )
    return out


def split_note(noun: str, numbered: bool = False) -> str:
    """What the first page of a split listing says of itself."""
    if numbered:
        return f"They are too many for one page: they are listed over the pages below, {noun} " \
            "in the same order as ever."  # fmt: skip
    return (
        f"They are too many for one page: each year has its own, and a busy year one for each "
        f"month. The {noun} are listed there by date."
    )


def shell(
    listing: Listing, part: Part, title: str, sources: str, noun: str, count_noun: str,
    search_boost: float | None = None,
) -> list[str]:  # fmt: skip
    """The start of a page of a split listing: its title, the way round, the pages under it."""
    page = part.doc
    out = [
        front_matter(title, search_boost=search_boost),
        banner(sources),
        f"# {md_inline(title)}",
        "",
        neighbours(listing, part, page, noun),
        "",
    ]
    if part.children:
        out += [*contents(listing, page, count_noun, part.key), ""]
    return out


def pages(
    listing: Listing, whole: Callable[[], str], first: Callable[[], str],
    part: Callable[[Part], str],
) -> dict[str, str]:  # fmt: skip
    """A listing's pages: `whole` on its one page, or, once split, `first` on its first page
    and `part` on each page under it."""
    if not listing.split:
        return {listing.base: whole()}
    return {listing.base: first(), **{p.doc: part(p) for p in listing.pages()}}
