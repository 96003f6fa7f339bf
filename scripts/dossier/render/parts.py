"""What every page of a split listing shares (layout.py): its title, the way back to the
listing's first page, its neighbours, the pages under it, and the list of years and months
on the first page. The listings themselves (statements, timeline, by speaker) fill in the
entries."""

from __future__ import annotations

from .. import urls
from ..dates import MONTHS
from ..layout import Key, Listing, Part
from .fmt import plural


def period(key: Key) -> str:
    """'2024', 'March 2024', 'March 2024, part 2'."""
    if not key:
        return "all dates"
    if len(key) == 1:
        return str(key[0])
    name = f"{MONTHS[key[1] - 1]} {key[0]}"
    return f"{name}, part {key[2]}" if len(key) > 2 else name


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
        links.append(f"[← {period(before.key)}]({urls.link(page, before.doc)})")
    links.append(f"[All {noun} by year and month]({urls.link(page, listing.base)})")
    if at + 1 < len(order):
        after = order[at + 1]
        links.append(f"[{period(after.key)} →]({urls.link(page, after.doc)})")
    return '<nav class="dossier-parts" markdown>\n\n' + " · ".join(links) + "\n\n</nav>"


def contents(listing: Listing, page: str, noun: str, key: Key = ()) -> list[str]:
    """The pages under `key` as a nested Markdown list with their counts."""
    out = []
    for child in listing.parts[key].children:
        part = listing.parts[child]
        count = plural(part.total, noun)
        out.append(f"- [{period(child)}]({urls.link(page, part.doc)}): {count}")
        for grandchild in part.children:
            sub = listing.parts[grandchild]
            out.append(
                f"    - [{period(grandchild)}]({urls.link(page, sub.doc)}): "
                f"{plural(sub.total, noun)}"
            )
    return out
