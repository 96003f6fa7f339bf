"""Published addresses: what readers cite, kept so that no citation ever breaks.

`data/published.txt` lists every address the site has published (reports, paragraphs,
statements, events, actors), one a line, sorted. `dossier build` adds new addresses to it
and never removes one; the file is committed. When an address listed there is no longer
produced, the build stops unless `data/redirects.yml` sends it to a current address:

    - {from: statements/#old-id, to: statements/#new-id}
    - {from: reports/old-id/, to: reports/new-id/}   # its #p1, #p2 … follow to the new page

Draft reports are published with a banner but their ids may still change, so their addresses
are recorded once the report is `ready`. `dossier check` runs the same checks and writes nothing.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import urls, yamlio
from .layout import Layout
from .model import Corpus
from .problems import InputError, Problem, Problems
from .write import atomic_write

PUBLISHED = "data/published.txt"
REDIRECTS = "data/redirects.yml"
HEADER = (
    "# Published addresses, one a line: maintained by `dossier build` (it only adds lines) and\n"
    "# committed. Each must keep working: see data/redirects.yml to move one.\n"
)
_EXAMPLES = [
    f"`{a}`"
    for a in (
        urls.url_report("<id>"),
        urls.url_paragraph("<id>", "p4"),
        urls.url_statement("<id>"),
        urls.url_event("<id>"),
        urls.url_actor("<id>"),
    )
]
EXAMPLES = ", ".join(_EXAMPLES[:-1]) + " or " + _EXAMPLES[-1]


@dataclass(frozen=True)
class Redirect:
    source: str  # the old address
    target: str  # a current address
    line: int | None


@dataclass(frozen=True)
class Ledger:
    """What the check found: the current addresses, the published list and the redirects."""

    current: frozenset[str]
    to_record: tuple[str, ...]  # current addresses outside draft reports
    published: tuple[str, ...]  # as data/published.txt lists them
    redirects: Mapping[str, str]  # old address → current address
    exists: bool  # whether data/published.txt exists yet
    moved: Mapping[str, str] = field(default_factory=dict)  # see moved_anchors

    @property
    def additions(self) -> list[str]:
        return sort_addresses(set(self.to_record) - set(self.published))


def sort_addresses(items: Iterable[str]) -> list[str]:
    """Sorted with numbers in order (`#p2` before `#p10`), so the file reads like the pages."""
    return sorted(items, key=_natural)


@functools.lru_cache(maxsize=1 << 18)  # every build sorts the same addresses again
def _natural(address: str) -> tuple[int | str, ...]:
    # re.split with a group alternates text and digits, so ints only ever meet ints.
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", address))


def addresses(corpus: Corpus, drafts: bool = True, layout: Layout | None = None) -> list[str]:
    """Every public address of the corpus, built by `urls` from ids alone (never from
    positions), so adding, removing or reordering other content cannot change one; only the
    page of a statement or event in a listing split by date (layout.py) follows its date,
    and `moved_anchors` keeps the older addresses working."""
    layout = layout or Layout.single()
    found: set[str] = set()
    for report in corpus.reports:
        if drafts or not report.draft:
            found.add(urls.url_report(report.id))
            found.update(urls.url_paragraph(report.id, p.id) for p in report.paragraphs)
            found.update(
                urls.url_statement(s.id, layout.statements.doc_of(s.id)) for s in report.statements
            )
    found.update(urls.url_event(e.id, layout.events.doc_of(e.id)) for e in corpus.events)
    found.update(urls.url_actor(a.id) for a in corpus.actors)
    return sort_addresses(found)


def check_addresses(root: Path, corpus: Corpus, layout: Layout | None = None) -> Ledger:
    """Compare the corpus with data/published.txt and data/redirects.yml; raise InputError
    listing every published address that vanished without a redirect, and every bad entry."""
    problems = Problems(root)
    current = frozenset(addresses(corpus, layout=layout))
    published = read_published(root / PUBLISHED, problems)
    entries = read_redirects(root / REDIRECTS, problems)
    redirects = check_redirects(root / REDIRECTS, entries or [], current, problems)
    moved: dict[str, str] = {}
    if published and entries is not None:
        # Entries with errors of their own still count as covering their address: one
        # problem per cause, no knock-on "no redirect" for the same line.
        covered = {e.source for e in entries}
        moved = moved_anchors(published, current, covered)
        covered |= set(moved)
        problems.items.extend(vanished(root, published, current, redirects, covered))
    if problems.errors:
        raise InputError(problems.errors)
    return Ledger(
        current=current,
        to_record=tuple(addresses(corpus, drafts=False, layout=layout)),
        published=tuple(published or {}),
        redirects=redirects,
        exists=published is not None,
        moved=moved,
    )


def moved_anchors(
    published: Iterable[str], current: frozenset[str], covered: Iterable[str] = ()
) -> dict[str, str]:
    """Published statement and event addresses whose page changed because a listing was
    split by date (or joined again), old → current: the same id, on another page. No editor
    needs to write these down; an entry in data/redirects.yml still wins."""
    listed = ("statement", "event")
    now = {
        (kind, urls.address_anchor(a)): a
        for a in current
        if (kind := urls.address_kind(a)) in listed
    }
    skip = set(covered)
    moved = {}
    for old in published:
        kind = urls.address_kind(old)
        if old in current or old in skip or kind not in listed:
            continue
        new = now.get((kind, urls.address_anchor(old)))
        if new is not None:
            moved[old] = new
    return dict(sorted(moved.items()))


def record_addresses(root: Path, ledger: Ledger) -> bool:
    """Add the new addresses to data/published.txt (creating it on the first build).
    Lines are only ever added; True when the file was written."""
    if ledger.exists and not ledger.additions:
        return False
    lines = sort_addresses(set(ledger.published) | set(ledger.to_record))
    try:
        atomic_write(root / PUBLISHED, (HEADER + "".join(f"{a}\n" for a in lines)).encode())
    except OSError as exc:
        message = (
            f"cannot be written ({exc.strerror}); the site's files were written: make data/ "
            "writable and build again, so that the new addresses are recorded"
        )
        raise InputError([Problem(PUBLISHED, None, "published", message)]) from None
    return True


# --------------------------------------------------------------------------- reading


def read_published(path: Path, problems: Problems) -> dict[str, int] | None:
    """Address → line number; None when the file does not exist yet (the first build)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(path, None, "published", f"cannot be read: {_reason(exc)}")
        return {}
    found: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if urls.address_kind(line) is None:
            problems.add(
                path, number, "published",
                f"{line[:80]!r} is not an address; this file is written by `dossier build`: "
                "keep every address line as it was and remove anything else "
                "(such as merge-conflict markers)",
            )  # fmt: skip
            continue
        found.setdefault(line, number)
    return found


def read_redirects(path: Path, problems: Problems) -> list[Redirect] | None:
    """The editor's redirect entries; [] when there is no file, None when it is unreadable."""
    try:
        data, lines = yamlio.load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(path, None, "redirects", f"cannot be read: {_reason(exc)}")
        return None
    except yamlio.YamlSyntaxError as exc:
        for problem in exc.problems:
            problems.add(path, problem.line, problem.field or "redirects", problem.message)
        return None
    if data is None:
        return []
    if not isinstance(data, list):
        problems.add(path, 1, "redirects", "must be a list of entries `- {from: OLD, to: NEW}`")
        return None
    entries = []
    for index, item in enumerate(data):
        line = yamlio.line_of(lines, (index,))
        if not isinstance(item, dict) or set(item) != {"from", "to"}:
            problems.add(
                path, line, f"[{index}]",
                "each entry is `- {from: OLD, to: NEW}` with exactly those two keys, "
                f"not {_shape(item)}",
            )  # fmt: skip
            continue
        entries.append(Redirect(item["from"], item["to"], line))
    return entries


def _shape(item: Any) -> str:
    if isinstance(item, dict):
        return "keys " + ", ".join(repr(str(k))[:40] for k in item) if item else "an empty mapping"
    return f"a {type(item).__name__}"


def _reason(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text; save it as UTF-8"
    return getattr(exc, "strerror", None) or str(exc)


# --------------------------------------------------------------------------- checks


def address_problem(value: Any) -> str | None:
    """Why `value` is not a site address, or None when it is one."""
    if isinstance(value, str) and urls.address_kind(value) is not None:
        return None
    if not isinstance(value, str):
        return f"must be a site address such as {EXAMPLES}, not a {type(value).__name__}"
    if "://" in value or value.startswith("//") or ":" in value.split("/")[0]:
        reason = "an outside address; redirects lead to addresses of this site"
    elif value.startswith("/"):
        reason = "absolute; write it relative to the site root, without the leading '/'"
    elif ".." in value.split("/"):
        reason = "not allowed: it contains '..'"
    else:
        reason = "not the address of a report, paragraph, statement, event or actor"
    return f"{value[:120]!r} is {reason}; addresses are written as {EXAMPLES}"


def check_redirects(
    path: Path, entries: list[Redirect], current: frozenset[str], problems: Problems
) -> dict[str, str]:
    """The valid entries as old → new; every invalid one is a problem naming its line."""
    good: dict[str, str] = {}
    first: dict[str, int | None] = {}
    for entry in entries:
        bad = [(f, m) for f, v in (("from", entry.source), ("to", entry.target))
               if (m := address_problem(v)) is not None]  # fmt: skip
        if not bad:
            bad = _entry_problems(entry, current, first)
        for field_, message in bad:
            problems.add(path, entry.line, field_, message)
        if isinstance(entry.source, str):
            first.setdefault(entry.source, entry.line)
        if not bad:
            good[entry.source] = entry.target
    redirected = {s for s in first if urls.address_anchor(s) is None}
    live = live_pages(current)
    for source in list(good):
        page = urls.address_page(source)
        if page != source and page not in live and page not in redirected:
            problems.add(
                path, first[source], "from",
                f"the page {page} of {source} no longer exists either: add a redirect for "
                f"the page too (`- {{from: {page}, to: ...}}`)",
            )  # fmt: skip
            del good[source]
    return good


def live_pages(current: Iterable[str]) -> set[str]:
    """The pages that exist: those of current addresses, and the statements index and the
    timeline, which exist even when empty."""
    always = {urls.address_page(urls.url_statement("x")), urls.address_page(urls.url_event("x"))}
    return always | {urls.address_page(a) for a in current}


def _entry_problems(
    entry: Redirect, current: frozenset[str], first: Mapping[str, int | None]
) -> list[tuple[str, str]]:
    source, target = entry.source, entry.target
    if source in first:
        message = f"{source} is redirected twice (first on line {first[source]}); keep one entry"
        return [("from", message)]
    if source in current:
        message = f"{source} is a live address, and a redirect would hide it: remove this entry"
        return [("from", message)]
    if target not in current:
        message = (
            f"{target} is not an address of this build (no such report, paragraph, statement, "
            "event or actor): point the redirect at a current address"
        )
        return [("to", message)]
    return []


def vanished(
    root: Path,
    published: Mapping[str, int],
    current: frozenset[str],
    redirects: Mapping[str, str],
    covered: Iterable[str] = (),
) -> list[Problem]:
    """One problem per published address that is neither produced nor redirected. An anchor
    on a page redirected to a page follows it (`reports/old/#p4` → `reports/new/#p4`) when
    the new page has it; anchors on a vanished page are reported with their page."""
    problems = Problems(root)
    skip = set(covered) | set(redirects)
    gone = [a for a in published if a not in current and a not in skip]
    gone_pages = {a for a in gone if urls.address_anchor(a) is None}
    anchors_of = Counter(urls.address_page(a) for a in gone if urls.address_anchor(a) is not None)
    for address in gone:
        page, anchor = urls.address_page(address), urls.address_anchor(address)
        if anchor is not None:
            if page in gone_pages or (page in skip and page not in redirects):
                continue  # reported once, with its page (or the page's own entry is wrong)
            if _follows(redirects.get(page), anchor, current):
                continue
        message = _vanished_message(address, anchors_of[address], redirects.get(page))
        problems.add(root / PUBLISHED, published[address], _kind(address), message)
    return problems.items


def _follows(page_target: str | None, anchor: str, current: frozenset[str]) -> bool:
    return (
        page_target is not None
        and urls.address_anchor(page_target) is None
        and urls.with_anchor(page_target, anchor) in current
    )


def _kind(address: str) -> str:
    return urls.address_kind(address) or "address"


def _vanished_message(address: str, anchors: int, page_target: str | None) -> str:
    kind = _kind(address)
    example = {
        "report": urls.url_report("<new-id>"),
        "actor": urls.url_actor("<new-id>"),
        "statement": urls.url_statement("<new-id>"),
        "event": urls.url_event("<new-id>"),
    }.get(kind, urls.with_anchor(page_target or urls.address_page(address), "<pid>"))
    what = f"{address} was published but this build no longer produces it"
    if anchors:
        what += f", nor its {anchors} paragraph address{'es' if anchors != 1 else ''}"
    if page_target:
        anchor = urls.address_anchor(address)
        what += f", and its page's redirect leads to {page_target}, which has no #{anchor}"
    after = " (its paragraphs then follow to the same ids)" if anchors else ""
    return (
        f"{what}: restore its id, or add a redirect in {REDIRECTS}, "
        f"e.g. `- {{from: {address}, to: {example}}}`{after}"
    )
