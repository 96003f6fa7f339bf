"""The Quality page and data/quality.json: rendered from a recorded measurement, a page that
says how to measure when none is recorded, and a malformed file refused by name and field.
Lighthouse itself never runs here (scripts/lighthouse.py does, by hand: `make quality`);
its pieces that need no browser (the server, the summary of a report) are tested."""

from __future__ import annotations

import copy
import gzip
import importlib.util
import json
import sys
import urllib.request
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from conftest import FIXTURE_CORPUS, REPO, make_project, run_dossier
from dossier import urls
from dossier.problems import InputError
from dossier.render.index import Index
from dossier.render.quality import dump, quality_page, read_quality
from dossier.validate import load_corpus
from mdrender import Tree, render

HOSTILE = '<script>alert(1)</script> [x](javascript:alert(1)) `code` *em* {: #id } --8<-- "a"'

SAMPLE: dict[str, Any] = {
    "chromium": "120.0.6099.224",
    "cores": 2,
    "date": "2026-11-24",
    "lighthouse": "12.2.3",
    "repeats": 3,
    "server": "gzip, Content-Type with charset",
    "runs": [
        {
            "form_factor": "mobile",
            "throttling": "simulate",
            "benchmark_index": 1500,
            "pages": [
                {
                    "page": "Home",
                    "address": "",
                    "bytes": 121651,
                    "scores": {"performance": 91, "accessibility": 100,
                               "best-practices": 100, "seo": 92},
                    "failing": [
                        {"category": "performance", "id": "largest-contentful-paint",
                         "title": "Largest Contentful Paint", "detail": "3.1 s"},
                        {"category": "seo", "id": "hostile-audit", "title": HOSTILE,
                         "detail": ""},
                    ],
                },
                {
                    "page": "A report",
                    "address": "reports/gone-report/",
                    "bytes": 1048576,
                    "scores": {"performance": 97, "accessibility": 100,
                               "best-practices": 100, "seo": 100},
                    "failing": [
                        {"category": "performance", "id": "unused-javascript",
                         "title": "Reduce unused JavaScript", "detail": "Est savings of 20 KiB"},
                    ],
                },
            ],
        },
        {
            "form_factor": "desktop",
            "throttling": "simulate",
            "benchmark_index": 1500,
            "pages": [
                {
                    "page": "Timeline",
                    "address": "timeline/",
                    "bytes": 0,
                    "scores": {"performance": 100, "accessibility": 100,
                               "best-practices": 100, "seo": 100},
                    "failing": [],
                },
            ],
        },
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def ix() -> Index:
    corpus, _problems = load_corpus(FIXTURE_CORPUS)
    return Index(corpus)


def _root(tmp_path: Path, content: str | bytes | None) -> Path:
    if content is not None:
        (tmp_path / "data").mkdir(exist_ok=True)
        path = tmp_path / urls.QUALITY_DATA
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return tmp_path


def _page(tmp_path: Path, ix: Index, data: object) -> str:
    return quality_page(read_quality(_root(tmp_path, dump(data))), ix)


def test_the_page_shows_each_run_with_scores_targets_and_failing_audits(
    tmp_path: Path, ix: Index
) -> None:
    page = _page(tmp_path, ix, SAMPLE)
    home = (
        "| [Home](index.md) | **91** (below&nbsp;95) | 100 | 100 | **92** (below&nbsp;100) | "
        "119&nbsp;KiB | not met |"
    )
    assert home in page
    # A page that no longer exists is named, not linked (an old file never breaks the build).
    assert "| A report | 97 | 100 | 100 | 100 | 1,024&nbsp;KiB | met |" in page
    assert "| [Timeline](timeline.md) | 100 | 100 | 100 | 100 | 0&nbsp;KiB | met |" in page
    assert page.index("## Mobile") < page.index("## Desktop")
    assert (
        "The pages measured: Home: [/](index.md); A report: /reports/gone-report/; "
        "Timeline: [/timeline/](timeline.md)." in page
    )
    text = _plain(page, tmp_path)
    assert "Measured on 24 November 2026 with Lighthouse 12.2.3 in Chromium 120.0.6099.224" in text
    assert "a machine with 2 cores" in text
    assert "(gzip, Content-Type with charset)" in text
    assert "the median performance score of 3 runs" in text
    assert "Home, Performance 91:\nLargest Contentful Paint: 3.1 s" in text
    assert "- A report, Performance 97:\n    - Reduce unused JavaScript" in page
    assert "Every page scores 100 in every category." in page  # the desktop run
    for target in ("accessibility 100", "best practices 100", "SEO 100", "performance at least 95"):
        assert target in page


def _html(page: str, tmp_path: Path) -> Tree:
    """The page as the site's Markdown renders it (the abbreviations file appended to every
    page is empty here)."""
    includes = tmp_path / "includes"
    includes.mkdir(exist_ok=True)
    (includes / "abbreviations.md").write_text("", "utf-8")
    return Tree(render(page.split("---\n\n", 1)[1], includes))


def _plain(page: str, tmp_path: Path) -> str:
    return _html(page, tmp_path).plain


def test_text_from_the_file_shows_as_text(tmp_path: Path, ix: Index) -> None:
    page = _page(tmp_path, ix, SAMPLE)
    tree = _html(page, tmp_path)
    assert HOSTILE in tree.plain
    assert "script" not in [tag for tag, _attrs in tree.tags]
    hrefs = [attrs.get("href") or "" for _tag, attrs in tree.tags]
    assert not [h for h in hrefs if "javascript" in h]


def test_without_a_measurement_the_page_says_how_to_measure(tmp_path: Path, ix: Index) -> None:
    assert read_quality(tmp_path) is None
    page = quality_page(None, ix)
    assert "No measurement has been recorded yet." in page
    assert "`make quality`" in page and urls.QUALITY_DATA in page
    assert "| Page |" not in page


def _bad(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(SAMPLE)
    page = data["runs"][0]["pages"][0]
    for key, value in changes.items():
        target = {"top": data, "run": data["runs"][0], "page": page, "scores": page["scores"],
                  "audit": page["failing"][0]}[key.split("__")[0]]  # fmt: skip
        field = key.split("__")[1]
        if value is KeyError:
            del target[field]
        else:
            target[field] = value
    return data


BAD_FILES = [
    ('{"runs": [}\n',
     "data/quality.json:1: (file): is not valid JSON: Expecting value (column 11)"),
    (b"\xff\xfe{}", "data/quality.json: (file): is not UTF-8 text"),
    ("[]\n", "data/quality.json: (top): must be a mapping, got list"),
    ("null\n", "data/quality.json: (top): must be a mapping, got nothing"),
    (_bad(top__runs=KeyError), "data/quality.json: runs: missing"),
    (_bad(page__scores=KeyError), "data/quality.json: runs[0].pages[0].scores: missing"),
    (_bad(scores__seo=101),
     "data/quality.json: runs[0].pages[0].scores.seo: must be a whole number from 0 to 100, "
     "got 101"),
    (_bad(scores__accessibility=True),
     "data/quality.json: runs[0].pages[0].scores.accessibility: must be a whole number from 0 "
     "to 100, got True"),
    (_bad(scores__performance=KeyError),
     "data/quality.json: runs[0].pages[0].scores.performance: missing"),
    (_bad(run__form_factor="tablet"),
     "data/quality.json: runs[0].form_factor: 'tablet' is not one of: mobile, desktop"),
    (_bad(top__date="24 Nov 2026"),
     "data/quality.json: date: must be a date YYYY-MM-DD, got '24 Nov 2026'"),
    (_bad(top__date="2026-02-30"),
     "data/quality.json: date: is not a date in the calendar: '2026-02-30'"),
    (_bad(page__address="../../etc/"),
     "data/quality.json: runs[0].pages[0].address: must be a page's address on the site, "
     "got '../../etc/'"),
    (_bad(audit__title="two\nlines"),
     "data/quality.json: runs[0].pages[0].failing[0].title: holds a line break or control "
     "character (U+000A)"),
    (_bad(audit__category="speed"),
     "data/quality.json: runs[0].pages[0].failing[0].category: 'speed' is not one of: "
     "performance, accessibility, best-practices, seo"),
    (_bad(top__runs=[]), "data/quality.json: runs: must list at least one run"),
    (_bad(page__extra=1),
     "data/quality.json: runs[0].pages[0].extra: unknown field (allowed: address, bytes, "
     "failing, page, scores)"),
    (_bad(page__bytes=-5),
     "data/quality.json: runs[0].pages[0].bytes: must be a whole number of at least 0, got -5"),
    (_bad(page__page=3), "data/quality.json: runs[0].pages[0].page: must be text, got number 3"),
]  # fmt: skip


@pytest.mark.parametrize(("content", "message"), BAD_FILES, ids=range(len(BAD_FILES)))
def test_a_bad_file_is_refused_naming_file_and_field(
    tmp_path: Path, content: object, message: str
) -> None:
    raw = content if isinstance(content, str | bytes) else dump(content)
    with pytest.raises(InputError) as caught:
        read_quality(_root(tmp_path, raw))
    assert [str(p) for p in caught.value.problems] == [message]


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    data = _bad(scores__seo=-1, run__form_factor="tv", audit__id="")
    with pytest.raises(InputError) as caught:
        read_quality(_root(tmp_path, dump(data)))
    fields = sorted(p.field for p in caught.value.problems)
    assert fields == [
        "runs[0].form_factor",
        "runs[0].pages[0].failing[0].id",
        "runs[0].pages[0].scores.seo",
    ]


def test_the_build_stops_on_a_bad_file_and_writes_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", FIXTURE_CORPUS)
    _root(project.root, dump(_bad(scores__seo="100")))
    done = run_dossier(project.root, "build")
    assert done.returncode == 1
    assert "data/quality.json: runs[0].pages[0].scores.seo: must be a whole number" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (project.root / "docs" / urls.QUALITY).exists()
    assert not (project.root / "includes").exists()
    # The same file, fixed: the build writes the page from it.
    _root(project.root, dump(SAMPLE))
    assert run_dossier(project.root, "build").returncode == 0
    written = (project.root / "docs" / urls.QUALITY).read_text("utf-8")
    assert "| [Home](index.md) | **91** (below&nbsp;95) |" in written


def test_the_file_is_written_in_one_format() -> None:
    shuffled = json.loads(json.dumps(SAMPLE), object_pairs_hook=lambda p: dict(reversed(p)))
    assert dump(shuffled) == dump(SAMPLE)
    assert dump(SAMPLE).endswith("}\n") and '\n  "chromium"' in dump(SAMPLE)


# --- the script's pieces that need no browser ------------------------------------------------


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "lighthouse_script", REPO / "scripts" / "lighthouse.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _lhr(scores: dict[str, float]) -> dict[str, Any]:
    """A Lighthouse report reduced to what the script reads."""
    audits = {
        "document-title": {"id": "document-title", "title": "Document has a `<title>` element",
                           "score": 1, "scoreDisplayMode": "binary"},
        "color-contrast": {"id": "color-contrast", "title": "Low contrast", "score": 0,
                           "scoreDisplayMode": "binary"},
        "lcp": {"id": "lcp", "title": "Largest Contentful Paint", "score": 0.8,
                "scoreDisplayMode": "numeric", "displayValue": "2.9 s"},
        "notes": {"id": "notes", "title": "Informative", "score": None,
                  "scoreDisplayMode": "informative"},
        "total-byte-weight": {"id": "total-byte-weight", "title": "Avoids enormous payloads",
                              "score": 1, "scoreDisplayMode": "numeric",
                              "numericValue": 52224.4},
    }  # fmt: skip
    refs = {
        "performance": ["lcp", "notes"],
        "accessibility": ["color-contrast", "document-title"],
        "best-practices": [],
        "seo": ["document-title"],
    }
    return {
        "audits": audits,
        "categories": {c: {"score": s, "auditRefs": [{"id": a} for a in refs[c]]}
                       for c, s in scores.items()},
    }  # fmt: skip


def test_a_lighthouse_report_becomes_an_entry_the_page_accepts(
    script: ModuleType, tmp_path: Path, ix: Index
) -> None:
    scores = {"performance": 0.934, "accessibility": 0.96, "best-practices": 1, "seo": 1}
    entry = script.page_entry("Home", "", _lhr(scores))
    assert entry["bytes"] == 52224
    assert entry["scores"] == {"performance": 93, "accessibility": 96,
                               "best-practices": 100, "seo": 100}  # fmt: skip
    assert [(a["category"], a["id"], a["detail"]) for a in entry["failing"]] == [
        ("performance", "lcp", "2.9 s"),
        ("accessibility", "color-contrast", ""),
    ]
    data = {**SAMPLE, "runs": [{**SAMPLE["runs"][0], "pages": [entry]}]}
    page = _page(tmp_path, ix, data)
    assert (
        "| [Home](index.md) | **93** (below&nbsp;95) | **96** (below&nbsp;100) | 100 | 100 | "
        "51&nbsp;KiB | not met |" in page
    )


def test_the_server_sends_text_compressed_with_its_charset(
    script: ModuleType, tmp_path: Path
) -> None:
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>é" * 500, "utf-8")
    (tmp_path / "original.txt").write_text("“human toll”", "utf-8")
    (tmp_path / "404.html").write_text("<p>not here</p>", "utf-8")
    with script.serve(tmp_path) as base:
        request = urllib.request.Request(base + "page/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as answer:
            assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
            assert answer.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(answer.read()).decode("utf-8") == "<p>é" * 500
        with urllib.request.urlopen(base + "original.txt") as answer:  # no gzip asked for
            assert answer.headers["Content-Type"] == "text/plain; charset=utf-8"
            assert answer.headers.get("Content-Encoding") is None
            assert answer.read().decode("utf-8") == "“human toll”"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "nowhere/")
        assert missing.value.code == 404 and b"not here" in missing.value.read()
