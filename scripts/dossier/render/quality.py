"""The Quality page: the Lighthouse scores that scripts/lighthouse.py recorded in
data/quality.json, against the site's targets.

The file is written by a script but committed and read back like the editors' files, so it is
checked like them: a malformed file stops the build with one message per problem (file and
key path), and every text in it reaches the page through `escape`.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .. import urls
from ..escape import control_characters, md_cell, md_inline
from ..problems import InputError, Problems
from ..validate.common import dotted
from .fmt import banner, front_matter, plural
from .index import Index

QUALITY_JSON = urls.QUALITY_DATA
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")  # Lighthouse's ids
LABELS = {
    "performance": "Performance",
    "accessibility": "Accessibility",
    "best-practices": "Best practices",
    "seo": "SEO",
}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
FORM_FACTORS = ("mobile", "desktop")
FORM_FACTOR_NOTES = {
    "mobile": "Lighthouse's default: a phone screen 412 px wide, a simulated slow 4G "
    "connection and a processor slowed down four times.",
    "desktop": "Lighthouse's desktop preset: a screen 1350 px wide, a simulated fast "
    "connection and no processor slowdown.",
}
HOW_TO_MEASURE = (
    "To measure, run `make quality` (it needs Node.js 20 or later, npm and Chromium at "
    "/usr/bin/chromium): it builds the site in a temporary copy, serves it compressed on this "
    f"machine, runs Lighthouse on the five pages and writes `{QUALITY_JSON}`; the next build "
    "shows the scores here."
)
DOWNLOADED = (
    "Size: what the page downloaded while it loaded, compressed as served (the search index "
    "is fetched only when a reader opens search, so it is not counted)."
)
_ADDRESS = re.compile(r"(?:[a-z0-9][a-z0-9._-]*/)*")  # a page's folder URL; "" is home
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Audit:
    category: str
    id: str
    title: str
    detail: str  # Lighthouse's figure for it ("3.1 s"), or ""


@dataclass(frozen=True)
class PageScores:
    page: str
    address: str
    scores: tuple[tuple[str, int], ...]  # in CATEGORIES order
    failing: tuple[Audit, ...]
    bytes: int  # transferred while the page loads, compressed as served

    def score(self, category: str) -> int:
        return dict(self.scores)[category]

    def below_target(self) -> list[str]:
        return [c for c in CATEGORIES if self.score(c) < TARGETS[c]]


@dataclass(frozen=True)
class Run:
    form_factor: str
    throttling: str
    benchmark_index: int
    pages: tuple[PageScores, ...]


@dataclass(frozen=True)
class Measurement:
    lighthouse: str
    chromium: str
    date: str
    cores: int
    repeats: int  # Lighthouse runs per page; the one with the median performance score is kept
    server: str
    runs: tuple[Run, ...]


def dump(data: object) -> str:
    """data/quality.json as the script writes it: one formatting, so a rerun with the same
    figures changes no byte."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# --- reading and checking data/quality.json ------------------------------------------------


def read_quality(root: Path) -> Measurement | None:
    """The recorded measurement, or None when none has been recorded. Raises InputError,
    naming the file and each faulty field, when the file cannot be used."""
    path = root / QUALITY_JSON
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
        measurement = _Check(problems, path).measurement(data)
        if not problems.errors:
            return measurement
    raise InputError(problems.errors)


Loc = tuple[str | int, ...]
_TYPE_NAMES = {str: "text", int: "number", float: "number", bool: "true/false", list: "list",
               dict: "mapping", type(None): "nothing"}  # fmt: skip


class _Check:
    """Builds the measurement from the parsed JSON, noting every problem with its key path;
    a faulty value is replaced by a stand-in so that the rest is still checked."""

    def __init__(self, problems: Problems, path: Path) -> None:
        self.problems = problems
        self.path = path

    def problem(self, where: Loc, message: str) -> None:
        self.problems.add(self.path, None, dotted(where), message)

    # A missing key (None, below the top) was reported once as missing: nothing more on it.

    def mapping(self, value: object, where: Loc, keys: tuple[str, ...]) -> dict[str, object]:
        if not isinstance(value, dict):
            if value is not None or not where:
                self.problem(where, f"must be a mapping, got {_type(value)}")
            return dict.fromkeys(keys)
        for key in sorted(set(value) - set(keys), key=str):
            self.problem((*where, key), f"unknown field (allowed: {', '.join(keys)})")
        for key in keys:
            if key not in value:
                self.problem((*where, key), "missing")
        return {key: value.get(key) for key in keys}

    def items(self, value: object, where: Loc) -> list[object]:
        if not isinstance(value, list):
            if value is not None:
                self.problem(where, f"must be a list, got {_type(value)}")
            return []
        return value

    def text(self, value: object, where: Loc, empty: bool = False) -> str:
        if not isinstance(value, str):
            if value is not None:
                self.problem(where, f"must be text, got {_type(value)} {value!r}")
            return ""
        if not empty and not value.strip():
            self.problem(where, "must not be empty")
        bad = control_characters(value)
        if bad:
            self.problem(where, f"holds a line break or control character ({', '.join(bad)})")
        return value

    def whole(self, value: object, where: Loc, low: int, high: int | None = None) -> int:
        fits = isinstance(value, int) and not isinstance(value, bool)  # JSON's true is no 1
        if fits and isinstance(value, int) and low <= value <= (value if high is None else high):
            return value
        if value is not None:
            span = f"from {low} to {high}" if high is not None else f"of at least {low}"
            self.problem(where, f"must be a whole number {span}, got {value!r}")
        return low

    def matching(self, value: object, where: Loc, pattern: re.Pattern[str], what: str) -> str:
        text = self.text(value, where, empty=True)
        if isinstance(value, str) and not pattern.fullmatch(text):
            self.problem(where, f"must be {what}, got {text!r}")
        return text

    def choice(self, value: object, where: Loc, allowed: tuple[str, ...]) -> str:
        text = self.text(value, where)
        if isinstance(value, str) and text not in allowed:
            self.problem(where, f"{text!r} is not one of: {', '.join(allowed)}")
        return text

    def measurement(self, data: object) -> Measurement:
        keys = ("chromium", "cores", "date", "lighthouse", "repeats", "runs", "server")
        top = self.mapping(data, (), keys)
        date = self.matching(top["date"], ("date",), _DATE, "a date YYYY-MM-DD")
        if _DATE.fullmatch(date) and not _real_date(date):
            self.problem(("date",), f"is not a date in the calendar: {date!r}")
        listed = self.items(top["runs"], ("runs",))
        runs = tuple(self.run(r, ("runs", i)) for i, r in enumerate(listed))
        if isinstance(top["runs"], list) and not runs:
            self.problem(("runs",), "must list at least one run")
        return Measurement(
            lighthouse=self.text(top["lighthouse"], ("lighthouse",)),
            chromium=self.text(top["chromium"], ("chromium",), empty=True),
            date=date,
            cores=self.whole(top["cores"], ("cores",), 1),
            repeats=self.whole(top["repeats"], ("repeats",), 1),
            server=self.text(top["server"], ("server",), empty=True),
            runs=runs,
        )

    def run(self, value: object, where: Loc) -> Run:
        run = self.mapping(value, where, ("benchmark_index", "form_factor", "pages", "throttling"))
        listed = self.items(run["pages"], (*where, "pages"))
        return Run(
            form_factor=self.choice(run["form_factor"], (*where, "form_factor"), FORM_FACTORS),
            throttling=self.text(run["throttling"], (*where, "throttling"), empty=True),
            benchmark_index=self.whole(run["benchmark_index"], (*where, "benchmark_index"), 0),
            pages=tuple(self.page(p, (*where, "pages", i)) for i, p in enumerate(listed)),
        )

    def page(self, value: object, where: Loc) -> PageScores:
        page = self.mapping(value, where, ("address", "bytes", "failing", "page", "scores"))
        scores = self.mapping(page["scores"], (*where, "scores"), CATEGORIES)
        failing = self.items(page["failing"], (*where, "failing"))
        return PageScores(
            page=self.text(page["page"], (*where, "page")),
            address=self.matching(
                page["address"], (*where, "address"), _ADDRESS, "a page's address on the site"
            ),
            scores=tuple(
                (c, self.whole(scores[c], (*where, "scores", c), 0, 100)) for c in CATEGORIES
            ),
            failing=tuple(self.audit(a, (*where, "failing", i)) for i, a in enumerate(failing)),
            bytes=self.whole(page["bytes"], (*where, "bytes"), 0),
        )

    def audit(self, value: object, where: Loc) -> Audit:
        audit = self.mapping(value, where, ("category", "detail", "id", "title"))
        return Audit(
            category=self.choice(audit["category"], (*where, "category"), CATEGORIES),
            id=self.text(audit["id"], (*where, "id")),
            title=self.text(audit["title"], (*where, "title")),
            detail=self.text(audit["detail"], (*where, "detail"), empty=True),
        )


def _type(value: object) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _real_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


# --- the page --------------------------------------------------------------------------------


def quality_page(measurement: Measurement | None, ix: Index) -> str:
    out = [
        front_matter("Quality"),
        banner(QUALITY_JSON),
        "# Quality",
        "",
        "How the site's pages score in Lighthouse, the page audit built into Chrome, in four "
        "categories. The targets: "
        + ", ".join(_target(c) for c in ("accessibility", "best-practices", "seo", "performance"))
        + ".",
        "",
    ]
    if measurement is None:
        out += ["No measurement has been recorded yet.", "", HOW_TO_MEASURE, ""]
        return "\n".join(out) + "\n"
    pages = _page_docs(ix)
    out += [_measured(measurement), "", _pages_measured(measurement, pages), ""]
    for run in measurement.runs:
        out += _run_section(run, pages)
    out += ["## Measuring again", "", HOW_TO_MEASURE, ""]
    return "\n".join(out) + "\n"


def _target(category: str) -> str:
    name = LABELS[category] if category == "seo" else LABELS[category].lower()
    at_least = "at least " if TARGETS[category] < 100 else ""
    return f"{name} {at_least}{TARGETS[category]}"


def _measured(m: Measurement) -> str:
    day = datetime.date.fromisoformat(m.date)
    chromium = f" in Chromium {md_inline(m.chromium)}" if m.chromium else ""
    server = f" ({md_inline(m.server)})" if m.server else ""
    cores = plural(m.cores, "core")
    kept = (
        f"each figure is from the run with the median performance score of {m.repeats} runs "
        "of the page"
        if m.repeats > 1
        else "each figure is from a single run of the page"
    )
    return (
        f"Measured on {day.day} {day:%B %Y} with Lighthouse {md_inline(m.lighthouse)}{chromium}, "
        f"on a machine with {cores}, the site served from the same machine by a small static "
        f"server{server}; "
        f"{kept}. Performance varies with the machine and its load; the other scores rarely do."
    )


def _page_docs(ix: Index) -> dict[str, str]:
    """Site address → Markdown page, for the pages that exist now (a recorded page that has
    since gone is named but not linked, so an old measurement never breaks the build)."""
    docs = [urls.HOME, urls.TIMELINE, urls.STATEMENTS]
    docs += [urls.doc_report(r.id) for r in ix.corpus.reports]
    docs += [urls.doc_actor(a.id) for a in ix.corpus.actors]
    return {urls.url_page(doc): doc for doc in docs}


def _run_section(run: Run, pages: dict[str, str]) -> list[str]:
    title = run.form_factor.capitalize()
    out = [f"## {md_inline(title)}", "", FORM_FACTOR_NOTES.get(run.form_factor, ""), ""]
    out += [
        "| Page | " + " | ".join(LABELS[c] for c in CATEGORIES) + " | Size | Targets |",
        "|---|" + "--:|" * (len(CATEGORIES) + 1) + "---|",
    ]
    for page in run.pages:
        cells = [_page_cell(page, pages), *(_score_cell(page, c) for c in CATEGORIES)]
        cells.append(f"{page.bytes / 1024:,.0f}&nbsp;KiB")
        cells.append("not met" if page.below_target() else "met")
        out.append("| " + " | ".join(cells) + " |")
    out += ["", DOWNLOADED, "", *_failing(run), ""]
    return out


def _score_cell(page: PageScores, category: str) -> str:
    """A score, marked in words (not by colour alone) where it misses its target."""
    score, target = page.score(category), TARGETS[category]
    return str(score) if score >= target else f"**{score}** (below&nbsp;{target})"


def _pages_measured(m: Measurement, pages: dict[str, str]) -> str:
    """Which page each name stands for (a report and an actor are picked by the script)."""
    seen = dict.fromkeys((p.page, p.address) for run in m.runs for p in run.pages)
    named = [f"{md_inline(name)}: {_page_link(address, pages)}" for name, address in seen]
    return "The pages measured: " + "; ".join(named) + "."


def _page_link(address: str, pages: dict[str, str]) -> str:
    shown = md_inline("/" + address)
    doc = pages.get(address)
    return f"[{shown}]({urls.link(urls.QUALITY, doc)})" if doc else shown


def _page_cell(page: PageScores, pages: dict[str, str]) -> str:
    name = md_cell(page.page)
    doc = pages.get(page.address)
    return f"[{name}]({urls.link(urls.QUALITY, doc)})" if doc else name


def _failing(run: Run) -> list[str]:
    """What keeps each page below 100, category by category, as Lighthouse named it."""
    below = [p for p in run.pages if any(p.score(c) < 100 for c in CATEGORIES)]
    if not below:
        return ["Every page scores 100 in every category."]
    out = [f"What Lighthouse found below a full score ({run.form_factor}):", ""]
    for page in below:
        for category in CATEGORIES:
            if page.score(category) == 100:
                continue
            out.append(f"- {md_inline(page.page)}, {LABELS[category]} {page.score(category)}:")
            audits = [a for a in page.failing if a.category == category]
            for audit in audits:
                detail = f": {md_inline(audit.detail)}" if audit.detail else ""
                out.append(f"    - {md_inline(audit.title)}{detail} ({md_inline(audit.id)})")
            if not audits:
                out.append("    - no single audit failed outright")
    return out
