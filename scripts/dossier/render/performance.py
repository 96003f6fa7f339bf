"""The Performance page: what `make bench` (scripts/bench.py) measured, recorded in
data/performance.json, against the budgets of a corpus that grows from five reports to
thousands.

The file is written by a script but committed and read back like the editors' files, so it is
checked like data/quality.json: a malformed file stops the build with one message per problem
(file and key path), and every text in it reaches the page through `escape`. The budgets are
defined and judged here, once: the script records their outcomes in the file and stops with
an error when one is missed, and the page shows the same judgement.
"""

from __future__ import annotations

import datetime
import importlib
import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .. import urls
from ..escape import md_cell, md_inline
from ..problems import InputError, Problems
from .chart import (
    FONT,
    INK,
    MARK,
    MUTED,
    Attr,
    Frame,
    Swatch,
    el,
    legend,
    num,
    text_lines,
    text_width,
)
from .fmt import banner, front_matter, plural
from .quality import _Check, dump  # one checker and one file format for both measurements

__all__ = [
    "PERFORMANCE_JSON",
    "budgets",
    "check_performance",
    "dump",
    "performance_page",
    "read_performance",
]

PERFORMANCE_JSON = urls.PERFORMANCE_DATA
MB = 1_000_000  # the budgets' megabyte: a million bytes
PASS, FAIL, NOT_MEASURED = "met", "not met", "not measured"
EDITS = ("note", "title")  # a note added to one report; one report's title changed
EDIT_LABELS = {"note": "a note added to one report", "title": "one report's title changed"}
CORPORA = ("real", "synthetic")
NBSP = "\u00a0"  # keeps a figure and its unit on one line
HOW_TO_MEASURE = (
    "To measure, run `make bench`: it builds the real corpus and synthetic corpora of 100, "
    "1,000 and 2,000 reports (`scripts/synth.py`) in temporary folders, times each step, "
    f"writes `{PERFORMANCE_JSON}` and stops with an error when a budget is missed; the next "
    "build shows the figures here. A full run takes about an hour on two cores; "
    "`scripts/bench.py --sizes 5 100` measures fewer sizes."
)
# Where the account of the search engine is kept (CHOICE, Markdown written with the code that
# measured it): asked when the page is made, so a missing script leaves a placeholder.
CHOICE_MODULES = ("dossier.search_index", "searchbench")
SEARCH_PLACEHOLDER = (
    "*To be written: which search engine the site uses, why it was chosen over the other, "
    "and what it costs offline (from `file://`).*"
)


# --- what the file holds -------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One command: wall-clock seconds, and the largest resident memory of its processes."""

    seconds: float
    peak_kib: int


@dataclass(frozen=True)
class Zensical:
    seconds: float
    peak_kib: int
    error: str  # what Zensical said when it failed (one line); "" when it built


@dataclass(frozen=True)
class Page:
    address: str  # the built file, relative to the site's root
    bytes: int


@dataclass(frozen=True)
class Search:
    engine: str
    query: str
    bytes: int  # transferred (compressed) because of the first query
    seconds: float  # from the last keystroke to the first result shown
    results: int
    page_view_bytes: int  # search index fetched by a page view with no search


@dataclass(frozen=True)
class Edit:
    """A one-report edit, the generator run again, then `mkdocs build --dirty`."""

    edit: str  # one of EDITS
    report: str
    generator_seconds: float
    written: tuple[str, ...]  # files the generator wrote (project-relative)
    without_edit: tuple[str, ...]  # of those, the ones that do not hold the edit
    dirty_build_seconds: float
    html_changed: int  # built pages whose bytes changed
    html_without_edit: tuple[str, ...]  # of those, the ones that do not hold the edit


@dataclass(frozen=True)
class Serve:
    """Edit-to-reload in `mkdocs serve -f mkdocs.serve.yml`: seconds from saving a report
    until the served report page shows the change; None when it was not seen."""

    reload_seconds: float | None  # without `--dirty`: MkDocs builds every page again
    dirty_reload_seconds: float | None  # with `--dirty`, as `make serve` runs it
    # The generator's run in that serving process after the edit: incremental (incremental.py)
    generator_seconds: float | None
    error: str


@dataclass(frozen=True)
class Size:
    """Everything measured at one corpus size."""

    reports: int
    corpus: str  # "real" (the repository's own reports) or "synthetic"
    statements: int
    pages: int  # HTML pages MkDocs built
    check: Step
    generator: Step
    mkdocs: Step
    mkdocs_error: str  # why `mkdocs build --strict` failed (its site was whole); "" if it built
    search_index: Step | None  # the site's search index (dossier.search_index); None: none
    zensical: Zensical | None  # None: not run
    largest_page: Page
    report_page: Page  # the report page of median size
    search: Search | None
    edits: tuple[Edit, ...]
    serve: Serve | None

    @property
    def full_build(self) -> float:
        """What `make build` runs: the generator, MkDocs and the search index."""
        index = self.search_index.seconds if self.search_index else 0.0
        return self.generator.seconds + self.mkdocs.seconds + index

    @property
    def reports_per_second(self) -> float:
        return self.reports / max(self.generator.seconds, 1e-9)

    @property
    def ms_per_page(self) -> float:
        return self.mkdocs.seconds * 1000 / max(self.pages, 1)

    @property
    def generator_share(self) -> float:
        return self.generator.seconds / max(self.full_build, 1e-9)


@dataclass(frozen=True)
class Measurement:
    date: str
    cores: int
    python: str
    mkdocs: str
    zensical: str  # its version, "" when it was not run
    code_changed: bool  # the code measured changed while the run went on: versions mixed
    sizes: tuple[Size, ...]

    def at(self, reports: int) -> Size | None:
        return next((s for s in self.sizes if s.reports == reports), None)


# --- the budgets ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    id: str
    budget: str  # the budget in words
    measured: str  # the figure it was judged on, in words ("" when not measured)
    status: str  # PASS, FAIL or NOT_MEASURED


def _limit(id_: str, budget: str, value: float | None, limit: float, shown: str) -> Outcome:
    """A figure that must not exceed `limit`."""
    if value is None:
        return Outcome(id_, budget, "", NOT_MEASURED)
    return Outcome(id_, budget, shown, PASS if value <= limit else FAIL)


def _ratio(later: float | None, earlier: float | None) -> float | None:
    return None if later is None or earlier is None or earlier <= 0 else later / earlier


def _growth(m: Measurement) -> list[Outcome]:
    big, bigger = m.at(1000), m.at(2000)
    out = []
    growing: tuple[tuple[str, str, Callable[[Size], float]], ...] = (
        ("linear-generator", "generator", lambda s: s.generator.seconds),
        ("linear-build", "full build", lambda s: s.full_build),
    )
    for id_, what, of in growing:
        ratio = _ratio(of(bigger) if bigger else None, of(big) if big else None)
        text = f"Linear growth of the {what}: time at 2,000 reports at most 2.2 × at 1,000"
        out.append(_limit(id_, text, ratio, 2.2, f"{ratio or 0:.2f} ×"))
    return out


def _generator(m: Measurement) -> list[Outcome]:
    at = m.at(1000)
    rate = at.reports_per_second if at else None
    rate_text = "Generator: at least 500 reports per second at 1,000 reports"
    share = at.generator_share if at else None
    share_text = "Generator: at most 10 % of the full build at 1,000 reports"
    return [
        _limit("generator-rate", rate_text, -rate if rate else None, -500, f"{rate or 0:,.0f}/s"),
        _limit("generator-share", share_text, share, 0.10, f"{(share or 0) * 100:.1f} %"),
    ]


def _site(m: Measurement) -> list[Outcome]:
    at, big, small = m.at(1000), m.at(2000), m.at(5)
    ms = at.ms_per_page if at else None
    largest = big.largest_page if big else None
    ratio = _ratio(
        big.report_page.bytes if big else None, small.report_page.bytes if small else None
    )
    return [
        _limit("page-time", "Site build: at most 40 ms per page at 1,000 reports (MkDocs)",
               ms, 40, f"{ms or 0:.1f} ms"),
        _limit("largest-page", "Size: no HTML page over 1 MB at 2,000 reports",
               largest.bytes if largest else None, MB,
               f"{_size(largest.bytes)} ({largest.address})" if largest else ""),
        _limit("report-page", "Size: a report page at 2,000 reports at most 1.2 × its size at 5",
               ratio, 1.2, f"{ratio or 0:.2f} ×"),
    ]  # fmt: skip


def _search(m: Measurement) -> list[Outcome]:
    viewed = [s for s in m.sizes if s.search]
    view = max((s.search.page_view_bytes for s in viewed if s.search), default=None)
    at = m.at(1000)
    first = at.search if at else None
    return [
        _limit("search-page-view",
               "Search: no index downloaded on a page view without a search (every size)",
               view, 0, f"{view or 0:,} bytes at most"),
        _limit("search-first-time", "Search: first results within 1 s at 1,000 reports",
               first.seconds if first else None, 1.0, f"{first.seconds if first else 0:.2f} s"),
        _limit("search-first-bytes", "Search: a first search transfers at most 1 MB at 1,000 "
               "reports", first.bytes if first else None, MB, _size(first.bytes if first else 0)),
    ]  # fmt: skip


def _incremental(m: Measurement) -> list[Outcome]:
    edits = [e for s in m.sizes for e in s.edits]
    stray = sorted({p for e in edits for p in (*e.without_edit, *e.html_without_edit)})
    shown = (
        "every file rewritten holds the edit" if not stray
        else f"{plural(len(stray), 'file')} rewritten without it: " + ", ".join(stray[:5])
    )  # fmt: skip
    at = m.at(1000)
    reload = at.serve.dirty_reload_seconds if at and at.serve else None
    return [
        _limit("incremental-files", "Incremental: a one-report edit rewrites only the files "
               "it changes (every size)", len(stray) if edits else None, 0, shown),
        _limit("reload", "Incremental: edit-to-reload in `make serve` within 10 s at 1,000 "
               "reports", reload, 10, f"{reload or 0:.1f} s"),
    ]  # fmt: skip


def _zensical(m: Measurement) -> list[Outcome]:
    at = m.at(1000)
    built = at.zensical if at else None
    text = "Zensical builds the site of 1,000 reports without error"
    if built is None:
        return [Outcome("zensical", text, "", NOT_MEASURED)]
    failed = bool(built.error)
    return [Outcome("zensical", text, "failed" if failed else "built", FAIL if failed else PASS)]


def budgets(m: Measurement) -> list[Outcome]:
    """Every budget of the issue, judged on the measurement; a budget whose size was not
    measured is NOT_MEASURED (never passed)."""
    return [*_generator(m), *_growth(m), *_site(m), *_search(m), *_incremental(m), *_zensical(m)]


def outcomes_record(m: Measurement) -> list[dict[str, str]]:
    """The outcomes as data/performance.json records them."""
    return [
        {"id": o.id, "budget": o.budget, "measured": o.measured, "outcome": o.status}
        for o in budgets(m)
    ]


# --- reading and checking data/performance.json ---------------------------------------------


def read_performance(root: Path) -> Measurement | None:
    """The recorded measurement, or None when none has been recorded. Raises InputError,
    naming the file and each faulty field, when the file cannot be used."""
    path = root / PERFORMANCE_JSON
    if not path.is_file():
        return None
    problems = Problems(root)
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        problems.add(path, None, "(file)", "is not UTF-8 text")
    except json.JSONDecodeError as exc:
        message = f"is not valid JSON: {exc.msg} (column {exc.colno})"
        problems.add(path, exc.lineno, "(file)", message)
    else:
        return check_performance(data, path, problems)
    raise InputError(problems.errors)


def check_performance(data: object, path: Path, problems: Problems | None = None) -> Measurement:
    """The measurement in parsed JSON (scripts/bench.py checks its record with it before
    writing it); raises InputError, naming `path` and each faulty field."""
    problems = problems if problems is not None else Problems()
    measurement = _PerfCheck(problems, path).performance(data)
    if problems.errors:
        raise InputError(problems.errors)
    return measurement


Loc = tuple[str | int, ...]
T = TypeVar("T")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SITE_PATH = re.compile(r"(?:[A-Za-z0-9][A-Za-z0-9._-]*/)*(?:[A-Za-z0-9][A-Za-z0-9._-]*)?")
_STATUSES = (PASS, FAIL, NOT_MEASURED)


class _PerfCheck(_Check):
    """The checks of data/quality.json's reader, with numbers, absent parts and lists."""

    def number(self, value: object, where: Loc) -> float:
        fits = isinstance(value, int | float) and not isinstance(value, bool)
        if fits and isinstance(value, int | float) and math.isfinite(value) and value >= 0:
            return float(value)
        if value is not None:
            self.problem(where, f"must be a number of at least 0, got {value!r}")
        return 0.0

    def flag(self, value: object, where: Loc) -> bool:
        if not isinstance(value, bool):
            if value is not None:
                self.problem(where, f"must be true or false, got {value!r}")
            return False
        return value

    def maybe_number(self, value: object, where: Loc) -> float | None:
        return None if value is None else self.number(value, where)

    def paths(self, value: object, where: Loc) -> tuple[str, ...]:
        listed = self.items(value, where)
        return tuple(self.file_path(v, (*where, i)) for i, v in enumerate(listed))

    def file_path(self, value: object, where: Loc) -> str:
        return self.matching(value, where, _SITE_PATH, "a file's path")

    def step(self, value: object, where: Loc) -> Step:
        step = self.mapping(value, where, ("peak_kib", "seconds"))
        return Step(self.number(step["seconds"], (*where, "seconds")),
                    self.whole(step["peak_kib"], (*where, "peak_kib"), 0))  # fmt: skip

    def performance(self, data: object) -> Measurement:
        keys = ("budgets", "code_changed", "cores", "date", "mkdocs", "python", "sizes",
                "zensical")  # fmt: skip
        top = self.mapping(data, (), keys)
        date = self.matching(top["date"], ("date",), _DATE, "a date YYYY-MM-DD")
        if _DATE.fullmatch(date) and not _real_date(date):
            self.problem(("date",), f"is not a date in the calendar: {date!r}")
        for i, entry in enumerate(self.items(top["budgets"], ("budgets",))):
            record = self.mapping(entry, ("budgets", i), ("budget", "id", "measured", "outcome"))
            for key in ("budget", "id", "measured"):
                self.text(record[key], ("budgets", i, key), empty=key == "measured")
            self.choice(record["outcome"], ("budgets", i, "outcome"), _STATUSES)
        listed = self.items(top["sizes"], ("sizes",))
        sizes = tuple(self.size(s, ("sizes", i)) for i, s in enumerate(listed))
        if isinstance(top["sizes"], list) and not sizes:
            self.problem(("sizes",), "must list at least one corpus size")
        seen = [s.reports for s in sizes]
        if len(set(seen)) != len(seen):
            self.problem(("sizes",), "lists a corpus size more than once")
        return Measurement(
            date=date,
            cores=self.whole(top["cores"], ("cores",), 1),
            python=self.text(top["python"], ("python",)),
            mkdocs=self.text(top["mkdocs"], ("mkdocs",)),
            zensical=self.text(top["zensical"], ("zensical",), empty=True),
            code_changed=self.flag(top["code_changed"], ("code_changed",)),
            sizes=tuple(sorted(sizes, key=lambda s: s.reports)),
        )

    def size(self, value: object, where: Loc) -> Size:
        keys = ("check", "corpus", "edits", "generator", "largest_page", "mkdocs",
                "mkdocs_error", "pages", "report_page", "reports", "search", "search_index",
                "serve", "statements", "zensical")  # fmt: skip
        size = self.mapping(value, where, keys)
        edits = self.items(size["edits"], (*where, "edits"))
        return Size(
            reports=self.whole(size["reports"], (*where, "reports"), 1),
            corpus=self.choice(size["corpus"], (*where, "corpus"), CORPORA),
            statements=self.whole(size["statements"], (*where, "statements"), 0),
            pages=self.whole(size["pages"], (*where, "pages"), 1),
            check=self.step(size["check"], (*where, "check")),
            generator=self.step(size["generator"], (*where, "generator")),
            mkdocs=self.step(size["mkdocs"], (*where, "mkdocs")),
            mkdocs_error=self.text(size["mkdocs_error"], (*where, "mkdocs_error"), empty=True),
            search_index=self.optional(size["search_index"], (*where, "search_index"), self.step),
            zensical=self.optional(size["zensical"], (*where, "zensical"), self.zensical_run),
            largest_page=self.built_page(size["largest_page"], (*where, "largest_page")),
            report_page=self.built_page(size["report_page"], (*where, "report_page")),
            search=self.optional(size["search"], (*where, "search"), self.search),
            edits=tuple(self.edit(e, (*where, "edits", i)) for i, e in enumerate(edits)),
            serve=self.optional(size["serve"], (*where, "serve"), self.serve),
        )

    def optional(self, value: object, where: Loc, read: Callable[[object, Loc], T]) -> T | None:
        """A part that is null when it was not measured (a missing key is still reported)."""
        return None if value is None else read(value, where)

    def zensical_run(self, value: object, where: Loc) -> Zensical:
        run = self.mapping(value, where, ("error", "peak_kib", "seconds"))
        return Zensical(
            seconds=self.number(run["seconds"], (*where, "seconds")),
            peak_kib=self.whole(run["peak_kib"], (*where, "peak_kib"), 0),
            error=self.text(run["error"], (*where, "error"), empty=True),
        )

    def built_page(self, value: object, where: Loc) -> Page:
        page = self.mapping(value, where, ("address", "bytes"))
        return Page(self.file_path(page["address"], (*where, "address")),
                    self.whole(page["bytes"], (*where, "bytes"), 0))  # fmt: skip

    def search(self, value: object, where: Loc) -> Search:
        keys = ("bytes", "engine", "page_view_bytes", "query", "results", "seconds")
        run = self.mapping(value, where, keys)
        return Search(
            engine=self.text(run["engine"], (*where, "engine")),
            query=self.text(run["query"], (*where, "query")),
            bytes=self.whole(run["bytes"], (*where, "bytes"), 0),
            seconds=self.number(run["seconds"], (*where, "seconds")),
            results=self.whole(run["results"], (*where, "results"), 0),
            page_view_bytes=self.whole(run["page_view_bytes"], (*where, "page_view_bytes"), 0),
        )

    def edit(self, value: object, where: Loc) -> Edit:
        keys = ("dirty_build_seconds", "edit", "generator_seconds", "html_changed",
                "html_without_edit", "report", "without_edit", "written")  # fmt: skip
        edit = self.mapping(value, where, keys)
        return Edit(
            edit=self.choice(edit["edit"], (*where, "edit"), EDITS),
            report=self.file_path(edit["report"], (*where, "report")),
            generator_seconds=self.number(edit["generator_seconds"], (*where, "generator_seconds")),
            written=self.paths(edit["written"], (*where, "written")),
            without_edit=self.paths(edit["without_edit"], (*where, "without_edit")),
            dirty_build_seconds=self.number(
                edit["dirty_build_seconds"], (*where, "dirty_build_seconds")
            ),
            html_changed=self.whole(edit["html_changed"], (*where, "html_changed"), 0),
            html_without_edit=self.paths(edit["html_without_edit"], (*where, "html_without_edit")),
        )

    def serve(self, value: object, where: Loc) -> Serve:
        keys = ("dirty_reload_seconds", "error", "generator_seconds", "reload_seconds")
        run = self.mapping(value, where, keys)
        return Serve(
            reload_seconds=self.maybe_number(run["reload_seconds"], (*where, "reload_seconds")),
            dirty_reload_seconds=self.maybe_number(
                run["dirty_reload_seconds"], (*where, "dirty_reload_seconds")
            ),
            generator_seconds=self.maybe_number(
                run["generator_seconds"], (*where, "generator_seconds")
            ),
            error=self.text(run["error"], (*where, "error"), empty=True),
        )


def _real_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


# --- figures as text -------------------------------------------------------------------------


def _secs(seconds: float) -> str:
    return f"{seconds:,.2f}{NBSP}s" if seconds < 10 else f"{seconds:,.1f}{NBSP}s"


def _size(count: int) -> str:
    if count < 1000:
        return f"{count:,}{NBSP}bytes"
    if count >= MB:
        return f"{count / MB:,.2f}{NBSP}MB"
    return f"{count / 1000:,.1f}{NBSP}kB" if count < 100_000 else f"{count / 1000:,.0f}{NBSP}kB"


def _mib(kib: int) -> str:
    return f"{kib / 1024:,.0f}{NBSP}MiB"


def _zensical_cell(s: Size) -> str:
    if s.zensical is None:
        return "not run"
    return (
        f"failed after {_secs(s.zensical.seconds)}"
        if s.zensical.error
        else _secs(s.zensical.seconds)
    )


def _search_cell(s: Size, part: str) -> str:
    if s.search is None:
        return "not measured"
    if part == "bytes":
        return _size(s.search.bytes)
    if part == "seconds":
        return _secs(s.search.seconds)
    return _size(s.search.page_view_bytes)


def _edit(s: Size, kind: str) -> Edit | None:
    return next((e for e in s.edits if e.edit == kind), None)


def _edit_cell(s: Size, kind: str, part: str) -> str:
    edit = _edit(s, kind)
    if edit is None:
        return "not measured"
    if part == "written":
        return f"{len(edit.written):,}"
    if part == "html":
        return f"{edit.html_changed:,}"
    return _secs(edit.dirty_build_seconds)


def _reload_cell(s: Size, dirty: bool) -> str:
    if s.serve is None:
        return "not measured"
    value = s.serve.dirty_reload_seconds if dirty else s.serve.reload_seconds
    return "not seen" if value is None else _secs(value)


def _serve_generator_cell(s: Size) -> str:
    if s.serve is None or s.serve.generator_seconds is None:
        return "not measured"
    return _secs(s.serve.generator_seconds)


Column = tuple[str, Callable[[Size], str]]
# The figures, a table per subject, a row per corpus size: narrow enough for a phone.
TABLES: tuple[tuple[str, tuple[Column, ...]], ...] = (
    ("Generator", (
        ("Statements", lambda s: f"{s.statements:,}"),
        ("Generator (`dossier build`)", lambda s: _secs(s.generator.seconds)),
        ("Reports per second", lambda s: f"{s.reports_per_second:,.0f}"),
        ("Share of the full build", lambda s: f"{s.generator_share * 100:.1f}{NBSP}%"),
    )),
    ("Site build", (
        ("Pages built", lambda s: f"{s.pages:,}"),
        ("MkDocs (`--strict`)", lambda s: _secs(s.mkdocs.seconds)),
        ("MkDocs per page", lambda s: f"{s.ms_per_page:,.1f}{NBSP}ms"),
        ("Full build", lambda s: _secs(s.full_build)),
    )),
    ("Other commands", (
        ("`dossier check`", lambda s: _secs(s.check.seconds)),
        ("Search index", lambda s: _secs(s.search_index.seconds) if s.search_index else "none"),
        ("Zensical (`zensical build --strict`)", _zensical_cell),
    )),
    ("Peak memory", (
        ("Generator", lambda s: _mib(s.generator.peak_kib)),
        ("MkDocs", lambda s: _mib(s.mkdocs.peak_kib)),
        ("Search index", lambda s: _mib(s.search_index.peak_kib) if s.search_index else "none"),
        ("Zensical", lambda s: _mib(s.zensical.peak_kib) if s.zensical else "not run"),
    )),
    ("Page sizes", (
        ("Largest page", lambda s: md_cell("/" + s.largest_page.address)),
        ("Its size", lambda s: _size(s.largest_page.bytes)),
        ("Report page (median)", lambda s: _size(s.report_page.bytes)),
    )),
    ("Search", (
        ("First query: transferred", lambda s: _search_cell(s, "bytes")),
        ("First results after", lambda s: _search_cell(s, "seconds")),
        ("Index on a page view without search", lambda s: _search_cell(s, "view")),
    )),
    ("After a one-report edit", (
        ("Files written: note added", lambda s: _edit_cell(s, "note", "written")),
        ("Files written: title changed", lambda s: _edit_cell(s, "title", "written")),
        ("Pages rebuilt (`--dirty`)", lambda s: _edit_cell(s, "title", "html")),
        ("`mkdocs build --dirty`", lambda s: _edit_cell(s, "title", "seconds")),
    )),
    ("Edit-to-reload", (
        ("`make serve` (`--dirty`)", lambda s: _reload_cell(s, True)),
        ("without `--dirty`", lambda s: _reload_cell(s, False)),
        ("Generator in `make serve`", _serve_generator_cell),
    )),
)  # fmt: skip


# --- the page --------------------------------------------------------------------------------


def performance_page(measurement: Measurement | None) -> str:
    out = [
        front_matter("Performance"),
        banner(PERFORMANCE_JSON),
        "# Performance",
        "",
        "How long the site takes to generate and build, how large its pages and its search "
        "get, and what one edit costs, as the corpus grows: the real corpus and synthetic "
        "corpora of up to 2,000 reports, measured in one run and held to the budgets below.",
        "",
    ]
    if measurement is None:
        out += ["Not measured yet.", "", HOW_TO_MEASURE, "", *_search_choice()]
        return "\n".join(out) + "\n"
    out += [_measured(measurement), "", "## Figures", "", MEASURES, ""]
    for heading, columns in TABLES:
        out += [f"### {heading}", "", *NOTES.get(heading, []), *_table(measurement, columns), ""]
        if heading == "Site build":  # the chart of those times
            out += [time_figure(measurement), ""]
    out += [*_failures(measurement), "## Budgets", "", *_budget_table(measurement), ""]
    out += [*_search_choice(), "## Measuring again", "", HOW_TO_MEASURE, ""]
    return "\n".join(out) + "\n"


MEASURES = (
    "Each size is built in a folder of its own: the real corpus, or a synthetic one made by "
    "`scripts/synth.py`. Times are wall-clock seconds of each command run on its own; the "
    "full build is what `make build` runs: the generator, MkDocs and the search index. Peak "
    "memory is the largest resident memory of the command's processes; page sizes are of "
    "the built HTML files."
)
NOTES = {
    "Search": [
        "In Chromium, the site served compressed (gzip): the bytes transferred because of a "
        "first query and the seconds from its last keystroke to the first result shown, and "
        "what a page view with no search downloads of the search index.",
        "",
    ],
    "After a one-report edit": [
        "The report page of median size is edited twice: a note added to its front matter, "
        "then its title changed (every page that lists the report shows the title). The "
        "generator writes only the files whose bytes change; each of them must hold the "
        "edit. `mkdocs build --dirty` then rebuilds only the pages whose Markdown is newer "
        "than their HTML.",
        "",
    ],
    "Edit-to-reload": [
        "Seconds from saving a report until `mkdocs serve -f mkdocs.serve.yml --strict "
        "--dirty` (what `make serve` runs) serves its page with the change. Before each build "
        "the generator runs, making again only the pages made from what changed; MkDocs then "
        "builds only the pages whose Markdown or generated include changed, and the search "
        "index follows in the background. Without `--dirty`, MkDocs builds every page again. "
        "The last column is the generator's own time in that serving process: compare it with "
        "a whole run above.",
        "",
    ],
}


def _measured(m: Measurement) -> str:
    day = datetime.date.fromisoformat(m.date)
    zensical = f", Zensical {md_inline(m.zensical)}" if m.zensical else ""
    return (
        f"Measured on {day.day} {day:%B %Y} on a machine with {plural(m.cores, 'core')} "
        f"(Python {md_inline(m.python)}, MkDocs {md_inline(m.mkdocs)}{zensical}), every size "
        "in one run. Absolute times vary with the machine and its load; the ratios between "
        "sizes measured in one run are what compare." + (MIXED if m.code_changed else "")
    )


MIXED = (
    " **The site's code changed while this run went on**, so sizes measured before and after "
    "the change ran different versions: a figure that compares them (a ratio, or the files "
    "an edit rewrote) may show the change rather than the corpus. Measure again."
)


def _table(m: Measurement, columns: Sequence[Column]) -> list[str]:
    out = [
        "| Reports | " + " | ".join(head for head, _ in columns) + " |",
        "|--:|" + "--:|" * len(columns),
    ]
    for s in m.sizes:
        name = f"{s.reports:,}" + (" (real)" if s.corpus == "real" else "")
        out.append(f"| {name} | " + " | ".join(cell(s) for _, cell in columns) + " |")
    return out


def _failures(m: Measurement) -> list[str]:
    """What failed, as it was said (one line each)."""
    out = []
    for s in m.sizes:
        if s.mkdocs_error:
            out += [
                f"`mkdocs build --strict` at {s.reports:,} reports failed (the figures are "
                f"of the site it wrote all the same): {md_inline(s.mkdocs_error)}",
                "",
            ]
        if s.zensical and s.zensical.error:
            out += [f"Zensical at {s.reports:,} reports failed: {md_inline(s.zensical.error)}", ""]
        if s.serve and s.serve.error:
            out += [f"`mkdocs serve` at {s.reports:,} reports: {md_inline(s.serve.error)}", ""]
    return out


def _budget_table(m: Measurement) -> list[str]:
    out = ["| Budget | Measured | Outcome |", "|---|---|---|"]
    for o in budgets(m):
        status = f"**{o.status}**" if o.status == FAIL else o.status
        out.append(f"| {md_cell(o.budget)} | {md_cell(o.measured) or '–'} | {status} |")
    missed = sum(o.status == FAIL for o in budgets(m))
    unmeasured = sum(o.status == NOT_MEASURED for o in budgets(m))
    out += ["", f"{plural(missed, 'budget')} not met, {unmeasured} not measured."]
    return out


def search_choice() -> str | None:
    """Which search engine the site uses, why, and what it costs offline: the CHOICE text of
    the search index's module or of scripts/searchbench.py (on the path of the project's
    environment), or None when neither has one."""
    for name in CHOICE_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        text = getattr(module, "CHOICE", None)
        if isinstance(text, str) and text.strip():
            return text.strip()
    return None


def _search_choice() -> list[str]:
    return ["## The search engine", "", search_choice() or SEARCH_PLACEHOLDER, ""]


# --- the chart: time against corpus size --------------------------------------------------------


@dataclass(frozen=True)
class Series:
    label: str
    cls: str  # the line's class: its colour in each scheme comes from docs/assets/chart.css
    marker: str  # "circle", "square" or "triangle"
    dash: str
    points: tuple[tuple[int, float], ...]  # (reports, seconds)


def series(m: Measurement) -> list[Series]:
    """The lines drawn: distinguished by colour, dash and marker, so none needs colour alone.
    The classes are the timeline chart's, for its colours in the light and dark schemes."""
    zensical = tuple(
        (s.reports, s.zensical.seconds) for s in m.sizes if s.zensical and not s.zensical.error
    )
    drawn = [
        Series("Full build", "chart-mark", "circle", "none",
               tuple((s.reports, s.full_build) for s in m.sizes)),
        Series("Generator", "chart-guide", "square", "6 4",
               tuple((s.reports, s.generator.seconds) for s in m.sizes)),
        Series("Zensical build", "chart-axis", "triangle", "2 3", zensical),
    ]  # fmt: skip
    return [s for s in drawn if s.points]


def nice_step(top: float, ticks: int) -> float:
    """A round step (1, 2 or 5 times a power of ten) that covers `top` in at most `ticks`."""
    rough = max(top, 1e-9) / ticks
    power = 10.0 ** math.floor(math.log10(rough))
    return next(f * power for f in (1, 2, 5, 10) if f * power >= rough)


def _marker(kind: str, x: float, y: float, cls: str) -> str:
    """A point of a series: filled circle, hollow square or filled triangle."""
    if kind == "circle":
        return el("circle", {"class": f"{cls} chart-stated", "cx": x, "cy": y, "r": 5,
                             "fill": MARK, "stroke": MARK, "stroke-width": 2})  # fmt: skip
    if kind == "square":
        return el("rect", {"class": f"{cls} chart-inferred", "x": x - 5, "y": y - 5,
                           "width": 10, "height": 10, "fill": "#ffffff", "stroke": INK,
                           "stroke-width": 2})  # fmt: skip
    points = f"{num(x)},{num(y - 6)} {num(x + 6)},{num(y + 5)} {num(x - 6)},{num(y + 5)}"
    return el("polygon", {"class": f"{cls} chart-muted", "points": points, "fill": MUTED,
                          "stroke": MUTED, "stroke-width": 2})  # fmt: skip


_STROKES = {"chart-mark": MARK, "chart-guide": INK, "chart-axis": MUTED}


def _line(s: Series, at: Callable[[int, float], tuple[float, float]]) -> str:
    spots = [at(n, t) for n, t in s.points]
    line = el("polyline", {
        "class": s.cls, "points": " ".join(f"{num(x)},{num(y)}" for x, y in spots),
        "fill": "none", "stroke": _STROKES[s.cls], "stroke-width": 2.5,
        "stroke-dasharray": s.dash,
    })  # fmt: skip
    return line + "".join(_marker(s.marker, x, y, s.cls) for x, y in spots)


@dataclass(frozen=True)
class Plot:
    """The plotting area of one drawing: where 0 reports and 0 s fall, and the scales."""

    left: float
    bottom: float
    width: float
    height: float
    max_n: float
    max_t: float

    def at(self, n: int, t: float) -> tuple[float, float]:
        return (self.left + self.width * n / self.max_n,
                self.bottom - self.height * t / self.max_t)  # fmt: skip


def _axes(p: Plot, n_step: float, t_step: float) -> str:
    frame = Frame(vertical=False)
    out = [
        frame.line(p.left, p.left + p.width, p.bottom, p.bottom, "chart-axis", stroke=MUTED),
        frame.line(p.left, p.left, p.bottom, p.bottom - p.height, "chart-axis", stroke=MUTED),
    ]
    for i in range(1, round(p.max_t / t_step) + 1):
        y = p.at(0, i * t_step)[1]
        out.append(frame.line(p.left, p.left + p.width, y, y, "chart-grid", stroke="#d3d9e0"))
    for i in range(round(p.max_t / t_step) + 1):
        y = p.at(0, i * t_step)[1]
        out.append(text_lines(p.left - 8, y + 5, [f"{i * t_step:,.0f} s"], "chart-text",
                              **{"text-anchor": "end"}))  # fmt: skip
    for i in range(round(p.max_n / n_step) + 1):
        x = p.at(int(i * n_step), 0)[0]
        out.append(frame.line(x, x, p.bottom, p.bottom + 6, "chart-axis", stroke=MUTED))
        out.append(text_lines(x, p.bottom + 22, [f"{i * n_step:,.0f}"], "chart-text",
                              **{"text-anchor": "middle"}))  # fmt: skip
    title = text_lines(p.left + p.width / 2, p.bottom + 44, ["Reports in the corpus"],
                       "chart-text", **{"text-anchor": "middle"})  # fmt: skip
    return el("g", {"class": "chart-time", "aria-hidden": "true"}, "\n".join(out) + title)


def time_chart(m: Measurement, width: float, cls: str) -> str:
    """Seconds against reports, one line per series, the legend below; an image named by its
    content (the tables give every figure)."""
    drawn = series(m)
    top_n = max(n for s in drawn for n, _ in s.points)
    top_t = max(t for s in drawn for _, t in s.points)
    n_step, t_step = nice_step(top_n, 4 if width > 500 else 2), nice_step(top_t, 5)
    max_n = n_step * math.ceil(top_n / n_step - 1e-9)
    max_t = t_step * max(1, math.ceil(top_t / t_step - 1e-9))
    left = text_width(f"{max_t:,.0f} s", FONT) + 16
    plot = Plot(left, 24 + 220, width - left - 30, 220, max(max_n, 1), max_t)
    swatches = [Swatch(_swatch(s), 34, s.label) for s in drawn]
    key, key_h = legend([("Lines:", swatches)], 0, plot.bottom + 60, width)
    body = _axes(plot, n_step, t_step) + "\n" + key + "\n" + el(
        "g", {"class": "chart-lines", "aria-hidden": "true"},
        "\n".join(_line(s, plot.at) for s in drawn),
    )  # fmt: skip
    height = plot.bottom + 60 + key_h + 4
    label = chart_label(m, drawn)
    attrs: dict[str, Attr] = {
        "xmlns": "http://www.w3.org/2000/svg", "class": f"chart {cls}", "role": "img",
        "aria-label": label, "viewBox": f"0 0 {num(width)} {num(height)}",
        "width": width, "height": height,
    }  # fmt: skip
    return el("svg", attrs, f"\n{body}\n")


def _swatch(s: Series) -> Callable[[float, float], str]:
    def draw(x: float, y: float) -> str:
        line = el("line", {"class": s.cls, "x1": x, "y1": y, "x2": x + 34, "y2": y,
                           "stroke": _STROKES[s.cls], "stroke-width": 2.5,
                           "stroke-dasharray": s.dash})  # fmt: skip
        return line + _marker(s.marker, x + 17, y, s.cls)

    return draw


def chart_label(m: Measurement, drawn: Sequence[Series]) -> str:
    """The chart's accessible name: what it plots and each line's figures."""
    parts = []
    for s in drawn:
        figures = ", ".join(f"{n:,} reports {t:,.1f} s" for n, t in s.points)
        parts.append(f"{s.label}: {figures}")
    return "Build time against corpus size. " + "; ".join(parts) + "."


WIDE, NARROW = 680.0, 340.0  # the timeline chart's two widths (chart.css picks one)


def time_figure(m: Measurement) -> str:
    """The chart in two drawings, wide and narrow (docs/assets/chart.css shows the one that
    fits the column), and its caption. HTML for a raw block (no blank line)."""
    caption = (
        "<figcaption>Seconds to build the site against the number of reports (the figures "
        "are in the tables). A straight line means time grows in proportion to the corpus."
        "</figcaption>"
    )
    return "\n".join([
        '<figure class="dossier-chart" data-search-exclude>',
        time_chart(m, WIDE, "chart-wide"),
        time_chart(m, NARROW, "chart-narrow"),
        caption,
        "</figure>",
    ])  # fmt: skip
