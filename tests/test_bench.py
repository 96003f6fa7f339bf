"""`make bench` and the Performance page: the budgets judged on a recorded measurement, the page
rendered from data/performance.json (or saying it is not measured yet), a malformed file
refused by name and field, the script's edits of a report, and a small run of the script
itself (`make bench-smoke`) so that it cannot rot. The full benchmark is for people:
`make bench`, about an hour on two cores."""

from __future__ import annotations

import copy
import importlib.util
import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

import test_browser
from conftest import FIXTURE_CORPUS, REPO, build_project, make_project, run_dossier, served
from dossier import urls
from dossier.problems import InputError
from dossier.render.performance import (
    FAIL,
    NOT_MEASURED,
    PASS,
    SEARCH_PLACEHOLDER,
    budgets,
    check_performance,
    dump,
    performance_page,
    read_performance,
)
from mdrender import Tree, render
from test_browser import DESKTOP, PHONE, axe_summary

browser = test_browser.browser  # test_browser.py's Chromium, shared by name
new_page = test_browser.new_page

HOSTILE = '<script>alert(1)</script> [x](javascript:alert(1)) `code` *em* {: #id } --8<-- "a"'


def _size(reports: int, generator: float, mkdocs: float, pages: int, **parts: Any) -> dict:
    """One size's record: fast enough for every budget unless `parts` say otherwise."""
    record: dict[str, Any] = {
        "reports": reports,
        "corpus": "real" if reports == 5 else "synthetic",
        "statements": reports * 15,
        "pages": pages,
        "check": {"seconds": generator * 0.9, "peak_kib": 60_000},
        "generator": {"seconds": generator, "peak_kib": 80_000 + reports * 100},
        "mkdocs": {"seconds": mkdocs, "peak_kib": 120_000 + reports * 300},
        "mkdocs_error": "",
        "search_index": {"seconds": mkdocs / 20, "peak_kib": 50_000 + reports * 50},
        "zensical": {"seconds": mkdocs / 4, "peak_kib": 90_000, "error": ""},
        "largest_page": {"address": "statements/", "bytes": 200_000},
        "report_page": {"address": "reports/r-0001/", "bytes": 45_000},
        "search": {"engine": "material", "query": "missile", "bytes": 300_000,
                   "seconds": 0.4, "results": 12, "page_view_bytes": 0},
        "edits": [
            {"edit": "note", "report": "r-0001", "generator_seconds": generator,
             "written": ["includes/reports/r-0001.md"], "without_edit": [],
             "dirty_build_seconds": 2.0, "html_changed": 1, "html_without_edit": []},
            {"edit": "title", "report": "r-0001", "generator_seconds": generator,
             "written": ["docs/reports/index.md", "includes/reports/r-0001.md"],
             "without_edit": [], "dirty_build_seconds": 3.0, "html_changed": 2,
             "html_without_edit": []},
        ],
        "serve": {"reload_seconds": 6.0, "dirty_reload_seconds": 2.5, "generator_seconds": 1.0,
                  "error": ""},
    }  # fmt: skip
    record.update(parts)
    return record


def sample() -> dict[str, Any]:
    return {
        "date": "2026-11-30",
        "cores": 2,
        "python": "3.11.2",
        "mkdocs": "1.6.1",
        "zensical": "0.0.73",
        "budgets": [],
        "code_changed": False,
        "sizes": [
            _size(5, 0.3, 1.2, 69),
            _size(100, 0.5, 6.0, 400),
            _size(1000, 1.6, 40.0, 2500),
            _size(2000, 3.3, 84.0, 5000, largest_page={"address": "statements/2024/",
                                                       "bytes": 900_000},
                  report_page={"address": "reports/r-0001/", "bytes": 51_000}),
        ],
    }  # fmt: skip


def _status(data: dict[str, Any]) -> dict[str, str]:
    return {o.id: o.status for o in budgets(check_performance(data, Path("x.json")))}


def _at(data: dict[str, Any], reports: int) -> dict[str, Any]:
    return next(s for s in data["sizes"] if s["reports"] == reports)


# --- the budgets -------------------------------------------------------------------------------


def test_a_measurement_within_every_budget_meets_them_all() -> None:
    status = _status(sample())
    assert set(status.values()) == {PASS}, status
    assert len(status) == 13


def _changed(reports: int, **parts: Any) -> dict[str, Any]:
    data = sample()
    _at(data, reports).update(parts)
    if reports == 1000 and "mkdocs" in parts:  # 2,000 in step, so that growth stays linear
        _at(data, 2000)["mkdocs"] = {"seconds": parts["mkdocs"]["seconds"] * 2.1, "peak_kib": 1}
    return data


MISSES = [
    ("generator-rate", _changed(1000, generator={"seconds": 2.5, "peak_kib": 1})),  # 400/s
    ("generator-share", _changed(1000, mkdocs={"seconds": 12.0, "peak_kib": 1},
                                 generator={"seconds": 1.6, "peak_kib": 1}, pages=300)),
    ("linear-generator", _changed(2000, generator={"seconds": 3.6, "peak_kib": 1})),  # 2.25 ×
    ("linear-build", _changed(2000, mkdocs={"seconds": 92.0, "peak_kib": 1})),
    ("page-time", _changed(1000, pages=900)),  # 44 ms a page
    ("largest-page", _changed(2000, largest_page={"address": "timeline/", "bytes": 1_000_001})),
    ("report-page", _changed(2000, report_page={"address": "reports/x/", "bytes": 54_001})),
    ("search-page-view", _changed(100, search={**_size(1, 1, 1, 1)["search"],
                                               "page_view_bytes": 1})),
    ("search-first-time", _changed(1000, search={**_size(1, 1, 1, 1)["search"], "seconds": 1.01})),
    ("search-first-bytes", _changed(1000, search={**_size(1, 1, 1, 1)["search"],
                                                  "bytes": 1_000_001})),
    # The budget holds `make serve` (--dirty) to 10 s; a server without --dirty may be slower.
    ("reload", _changed(1000, serve={"reload_seconds": 1.0, "dirty_reload_seconds": 10.5,
                                     "generator_seconds": 1.0, "error": ""})),
    ("zensical", _changed(1000, zensical={"seconds": 3.0, "peak_kib": 1, "error": "too big"})),
]  # fmt: skip


@pytest.mark.parametrize(("budget", "data"), MISSES, ids=[m[0] for m in MISSES])
def test_each_budget_is_missed_on_its_own(budget: str, data: dict[str, Any]) -> None:
    status = _status(data)
    assert status[budget] == FAIL
    assert [b for b, s in status.items() if s != PASS] == [budget]


def test_a_file_rewritten_without_the_edit_misses_the_incremental_budget() -> None:
    data = sample()
    edit = _at(data, 100)["edits"][1]
    edit["without_edit"] = ["docs/assets/generated/redirects.js"]
    outcome = next(
        o for o in budgets(check_performance(data, Path("x"))) if o.id == "incremental-files"
    )
    assert outcome.status == FAIL
    assert outcome.measured == "1 file rewritten without it: docs/assets/generated/redirects.js"


def test_a_budget_whose_size_was_not_measured_is_not_passed() -> None:
    data = sample()
    data["sizes"] = [s for s in data["sizes"] if s["reports"] in (5, 100)]
    for size in data["sizes"]:
        size.update(search=None, serve=None, zensical=None, edits=[])
    status = _status(data)
    assert set(status.values()) == {NOT_MEASURED}
    # A missing 1,000 leaves the 2,000 figures without their reference too.
    data = sample()
    data["sizes"] = [s for s in data["sizes"] if s["reports"] != 1000]
    status = _status(data)
    assert status["linear-build"] == status["page-time"] == NOT_MEASURED
    assert status["largest-page"] == status["report-page"] == PASS


# --- the page ------------------------------------------------------------------------------------


def _root(tmp_path: Path, content: str | bytes | None) -> Path:
    if content is not None:
        (tmp_path / "data").mkdir(exist_ok=True)
        path = tmp_path / urls.PERFORMANCE_DATA
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return tmp_path


def _page(tmp_path: Path, data: object) -> str:
    return performance_page(read_performance(_root(tmp_path, dump(data))))


def _html(page: str, tmp_path: Path) -> Tree:
    includes = tmp_path / "includes"
    includes.mkdir(exist_ok=True)
    (includes / "abbreviations.md").write_text("", "utf-8")
    return Tree(render(page.split("---\n\n", 1)[1], includes))


def test_the_page_shows_the_figures_the_budgets_and_the_chart(tmp_path: Path) -> None:
    page = _page(tmp_path, sample())
    assert "| Reports | Statements | Generator (`dossier build`) | Reports per second |" in page
    assert "| 5 (real) | 75 | 0.30\u00a0s | 17 | 19.2\u00a0% |" in page
    assert "| 1,000 | 15,000 | 1.60\u00a0s | 625 | 3.7\u00a0% |" in page
    assert "| 1,000 | 2,500 | 40.0\u00a0s | 16.0\u00a0ms | 43.6\u00a0s |" in page
    assert "| 100 | 0.45\u00a0s | 0.30\u00a0s | 1.50\u00a0s |" in page  # check, index, Zensical
    assert "| 2,000 | /statements/2024/ | 900\u00a0kB | 51.0\u00a0kB |" in page  # kB whole past 100
    assert "| 100 | 1 | 2 | 2 | 3.00\u00a0s |" in page  # files written, pages rebuilt
    assert "| 1,000 | 2.50\u00a0s | 6.00\u00a0s | 1.00\u00a0s |" in page  # reload; generator
    assert "13 budgets not met" not in page and "0 budgets not met, 0 not measured." in page
    text = _html(page, tmp_path).plain
    assert "a machine with 2 cores (Python 3.11.2, MkDocs 1.6.1, Zensical 0.0.73)" in text
    assert "Measured on 30 November 2026" in text
    assert "changed while this run" not in text
    data = sample()
    data["code_changed"] = True
    assert "**The site's code changed while this run went on**" in _page(tmp_path, data)
    tags = _html(page, tmp_path).tags
    svgs = [attrs for tag, attrs in tags if tag == "svg"]
    assert [a["class"] for a in svgs] == ["chart chart-wide", "chart chart-narrow"]
    assert all(a["role"] == "img" for a in svgs)
    label = svgs[0]["aria-label"] or ""
    assert label.startswith("Build time against corpus size. Full build:")
    assert "2,000 reports 91.5 s" in label and "Zensical build: 5 reports 0.3 s" in label
    assert page.index("### Site build") < page.index("<figure") < page.index("### Other")


def test_a_missed_budget_is_said_in_words(tmp_path: Path) -> None:
    page = _page(tmp_path, MISSES[0][1])
    row = next(line for line in page.splitlines() if "500 reports per second" in line)
    assert row.endswith("| 400/s | **not met** |")
    assert "1 budget not met, 0 not measured." in page


def test_text_from_the_file_shows_as_text(tmp_path: Path) -> None:
    data = sample()
    size = _at(data, 1000)
    size["zensical"]["error"] = HOSTILE
    size["serve"]["error"] = HOSTILE
    size["mkdocs_error"] = HOSTILE
    data["python"] = HOSTILE
    page = _page(tmp_path, data)
    tree = _html(page, tmp_path)
    assert tree.plain.count(HOSTILE) == 4
    assert "script" not in [tag for tag, _attrs in tree.tags]
    assert not [a for _t, a in tree.tags if "javascript" in (a.get("href") or "")]
    assert "Zensical at 1,000 reports failed: " + HOSTILE in tree.plain
    assert "failed after 10.0\u00a0s" in page


def test_the_page_gives_the_search_engines_account(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import searchbench

    page = _page(tmp_path, sample())
    section = page.split("\n## The search engine\n\n", 1)[1].split("\n## ", 1)[0]
    assert section.strip() == searchbench.CHOICE.strip()
    monkeypatch.setattr(searchbench, "CHOICE", "")
    page = _page(tmp_path, sample())
    assert SEARCH_PLACEHOLDER in page and "To be written" in SEARCH_PLACEHOLDER


def test_without_a_measurement_the_page_says_not_measured_yet(tmp_path: Path) -> None:
    assert read_performance(tmp_path) is None
    page = performance_page(None)
    assert "Not measured yet." in page
    assert "`make bench`" in page and urls.PERFORMANCE_DATA in page
    assert "| Budget |" not in page and "<svg" not in page


def _bad(where: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = sample()
    target: Any = data
    for key in where[:-1]:
        target = target[key]
    if value is KeyError:
        del target[where[-1]]
    else:
        target[where[-1]] = value
    return data


BAD_FILES = [
    ('{"sizes": [}\n',
     "data/performance.json:1: (file): is not valid JSON: Expecting value (column 12)"),
    (b"\xff{}", "data/performance.json: (file): is not UTF-8 text"),
    ("[]\n", "data/performance.json: (top): must be a mapping, got list"),
    (_bad(("sizes",), []), "data/performance.json: sizes: must list at least one corpus size"),
    (_bad(("sizes", 0, "generator", "seconds"), -1),
     "data/performance.json: sizes[0].generator.seconds: must be a number of at least 0, "
     "got -1"),
    (_bad(("sizes", 0, "generator", "seconds"), True),
     "data/performance.json: sizes[0].generator.seconds: must be a number of at least 0, "
     "got True"),
    (_bad(("sizes", 1, "corpus"), "copied"),
     "data/performance.json: sizes[1].corpus: 'copied' is not one of: real, synthetic"),
    (_bad(("sizes", 2, "largest_page", "address"), "../../etc/passwd"),
     "data/performance.json: sizes[2].largest_page.address: must be a file's path, "
     "got '../../etc/passwd'"),
    (_bad(("sizes", 2, "zensical", "error"), "two\nlines"),
     "data/performance.json: sizes[2].zensical.error: holds a line break or control "
     "character (U+000A)"),
    (_bad(("sizes", 3, "edits", 0, "edit"), "rename"),
     "data/performance.json: sizes[3].edits[0].edit: 'rename' is not one of: note, title"),
    (_bad(("sizes", 3, "serve"), KeyError), "data/performance.json: sizes[3].serve: missing"),
    (_bad(("sizes", 3, "reports"), 5),
     "data/performance.json: sizes: lists a corpus size more than once"),
    (_bad(("date",), "2026-02-30"),
     "data/performance.json: date: is not a date in the calendar: '2026-02-30'"),
    (_bad(("extra",), 1),
     "data/performance.json: extra: unknown field (allowed: budgets, code_changed, cores, "
     "date, mkdocs, python, sizes, zensical)"),
    (_bad(("code_changed",), "no"),
     "data/performance.json: code_changed: must be true or false, got 'no'"),
]  # fmt: skip


@pytest.mark.parametrize(("content", "message"), BAD_FILES, ids=range(len(BAD_FILES)))
def test_a_bad_file_is_refused_naming_file_and_field(
    tmp_path: Path, content: object, message: str
) -> None:
    raw = content if isinstance(content, str | bytes) else dump(content)
    with pytest.raises(InputError) as caught:
        read_performance(_root(tmp_path, raw))
    assert [str(p) for p in caught.value.problems] == [message]


def test_the_build_stops_on_a_bad_file_and_shows_a_good_one(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", FIXTURE_CORPUS)
    _root(project.root, dump(_bad(("cores",), 0)))
    done = run_dossier(project.root, "build")
    assert done.returncode == 1
    assert "data/performance.json: cores: must be a whole number of at least 1" in done.stderr
    assert not (project.root / "docs" / urls.PERFORMANCE).exists()
    _root(project.root, dump(sample()))
    assert run_dossier(project.root, "build").returncode == 0
    written = (project.root / "docs" / urls.PERFORMANCE).read_text("utf-8")
    assert "| 2,000 | 30,000 | 3.30\u00a0s | 606 | 3.6\u00a0% |" in written


@pytest.fixture(scope="module")
def performance_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture corpus's site with the sample measurement, built and served."""
    project = make_project(tmp_path_factory.mktemp("performance"), FIXTURE_CORPUS)
    (project.root / urls.PERFORMANCE_DATA).write_text(dump(sample()), "utf-8")
    build_project(project.root)
    with served(project.site) as url:
        yield url + urls.url_page(urls.PERFORMANCE)


# The smallest drawn text of the chart that shows, in CSS pixels.
SMALLEST_TEXT_JS = """() => Math.min(...[...document.querySelectorAll('figure.dossier-chart svg')]
    .filter(svg => svg.getBoundingClientRect().width > 0)
    .flatMap(svg => [...svg.querySelectorAll('text')].map(text =>
        parseFloat(getComputedStyle(text).fontSize) * svg.getScreenCTM().a)))"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "390px"])
def test_the_page_reads_on_any_screen_in_both_schemes(
    new_page: Any, performance_url: str, viewport: dict[str, int], scheme: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = new_page(viewport=viewport, color_scheme=scheme)
    page.goto(performance_url, wait_until="load")
    page.wait_for_function("typeof window.document$ !== 'undefined'")
    shown = page.locator("figure.dossier-chart svg:visible")
    assert shown.count() == 1  # the drawing that fits the column
    wanted = "chart-wide" if viewport is DESKTOP else "chart-narrow"
    assert wanted in (shown.get_attribute("class") or "")
    box = shown.bounding_box()
    assert box is not None and box["x"] + box["width"] <= viewport["width"]
    assert page.evaluate(SMALLEST_TEXT_JS) >= 12
    widths = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"
    mark = page.locator("figure.dossier-chart svg:visible .chart-lines circle").first
    colour = mark.evaluate("e => getComputedStyle(e).fill")
    assert colour == ("rgb(26, 94, 154)" if scheme == "light" else "rgb(140, 196, 255)")
    result = Axe().run(page)
    assert result.violations_count == 0, axe_summary(result.response["violations"])


# --- the script's pieces -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_script", REPO / "scripts" / "bench.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _meta(page: str) -> dict[str, Any]:
    meta = yaml.safe_load(page.split("---\n")[1])
    assert isinstance(meta, dict)
    return meta


FRONT = {
    "listed": '---\nid: r\ntitle: A title\nnotes:\n- text: "First."\nevents: []\n---\n\nBody.\n',
    "indented": "---\nid: r\ntitle: 'A: title'\nnotes:\n  - text: First.\nevents: []\n---\nB\n",
    "empty": "---\nid: r\ntitle: >-\n  A folded\n  title\nnotes: []\nevents: []\n---\nB\n",
    "none": '---\nid: r\ntitle: "A \\"quoted\\" title"\nevents: []\n---\nB\n',
}


@pytest.mark.parametrize("form", FRONT)
def test_the_edits_keep_the_front_matter_valid(bench: ModuleType, form: str) -> None:
    page = FRONT[form]
    before = _meta(page)
    noted = _meta(bench.add_note(page, "zqtoken"))
    assert noted["notes"][0] == {"text": "Benchmark edit zqtoken."}
    assert noted["notes"][1:] == before.get("notes", [])
    assert {k: v for k, v in noted.items() if k != "notes"} == {
        k: v for k, v in before.items() if k != "notes"
    }
    titled = bench.change_title(page, "zqtoken")
    assert _meta(titled) == {**before, "title": f"zqtoken {before['title']}"}
    assert titled.endswith(page.split("---\n", 2)[2])  # the body as it was


def test_the_first_error_line_is_kept_short_and_plain(bench: ModuleType) -> None:
    output = "\x1b[32mBuilding\x1b[0m\n\x1b[31mError:\x1b[0m Search field 'text' exceeds\n\nmore"
    assert bench.first_error(output) == "Error: Search field 'text' exceeds"
    assert len(bench.first_error("error " + "x" * 900)) == 400
    assert bench.first_error("") == "no message"


def test_a_strict_build_stopped_by_warnings_is_recorded_and_any_other_failure_stops(
    bench: ModuleType,
) -> None:
    warned = (
        "INFO    -  Building documentation\n"
        "WARNING -  Doc file 'a.md' contains a link 'b.md#x', but 'b.md' has no anchor '#x'.\n"
        "WARNING -  another\nAborted with 1402 warnings in strict mode!\n"
    )
    assert bench.strict_failure(bench.Ran(1.0, 1, 0, "")) == ""
    assert bench.strict_failure(bench.Ran(1.0, 1, 1, warned)) == (
        "Aborted with 1402 warnings in strict mode! First: WARNING -  Doc file 'a.md' contains "
        "a link 'b.md#x', but 'b.md' has no anchor '#x'."
    )
    with pytest.raises(SystemExit, match="mkdocs build --strict failed"):
        bench.strict_failure(bench.Ran(1.0, 1, 1, "Aborted with a BuildError!"))


def test_make_bench_smoke_runs_the_script_in_its_quick_form() -> None:
    dry = subprocess.run(["make", "-n", "bench-smoke"], cwd=REPO, capture_output=True, text=True)
    assert dry.returncode == 0, dry.stderr
    assert "scripts/bench.py --smoke" in dry.stdout


def test_the_smoke_run_measures_every_size_and_writes_a_record_the_page_takes(
    tmp_path: Path,
) -> None:
    out = tmp_path / "performance.json"
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "bench.py"), "--smoke", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    data = json.loads(out.read_text("utf-8"))
    measurement = check_performance(data, out)
    assert [(s.reports, s.corpus) for s in measurement.sizes] == [(5, "real"), (20, "synthetic")]
    for size in measurement.sizes:
        assert 0 < size.generator.seconds < size.full_build
        assert size.check.seconds > 0 and size.generator.peak_kib > 10_000
        assert size.pages > size.reports and size.report_page.address.startswith("reports/")
        assert size.largest_page.bytes >= size.report_page.bytes
        assert size.zensical is None and size.serve is None  # left out of the smoke
        assert size.mkdocs_error == ""
        note, title = size.edits
        assert (note.edit, title.edit) == ("note", "title")
        assert f"includes/{urls.include_report(note.report)}" in note.written
        assert len(title.written) > len(note.written) and title.html_changed >= 1
        assert note.without_edit == title.without_edit == title.html_without_edit == ()
    assert [o["outcome"] for o in data["budgets"]].count("met") >= 1
    assert data["budgets"] == [
        {"id": o.id, "budget": o.budget, "measured": o.measured, "outcome": o.status}
        for o in budgets(measurement)
    ]
    assert "budget(s) missed" in done.stderr
    assert copy.deepcopy(data) == json.loads(dump(data))  # the one format
    assert data["code_changed"] is (measurement.code_changed and "mix versions" in done.stderr)


def test_servers_started_from_a_backgrounded_run_can_be_interrupted(bench: ModuleType) -> None:
    """`nohup make bench &` starts the run with interrupts ignored, and a started program
    inherits that: each server then ignored the interrupt that stops it, and was killed a
    minute later with its site folder left behind."""
    child = "import signal; print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)"

    def ignored_by_a_started_program() -> str:
        ran = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True)
        return ran.stdout.strip()

    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        assert ignored_by_a_started_program() == "True"  # as a backgrounded run starts
        bench.interruptible()
        assert ignored_by_a_started_program() == "False"
    finally:
        signal.signal(signal.SIGINT, before)
