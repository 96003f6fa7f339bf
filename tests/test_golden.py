"""Golden tests: each fixture corpus's generated files must match its goldens byte for byte.

The normal corpus (tests/fixtures/corpus) is kept in tests/goldens/, the hostile one
(tests/fixtures/hostile) in tests/goldens-hostile/. There is one case per golden file, and a
difference is shown as a unified diff. Regenerate both after an intended change with
`make goldens`, then review the diff.
"""

import difflib
import os
import re
from pathlib import Path

import pytest

from conftest import Project
from dossier.write import read_manifest

TESTS = Path(__file__).parent
GOLDENS = TESTS / "goldens"
# Corpus name → (the session fixture that builds it, its goldens folder).
CORPORA = {
    "fixture": ("fixture_project", GOLDENS),
    "hostile": ("hostile_project", TESTS / "goldens-hostile"),
}
UPDATE = os.environ.get("DOSSIER_UPDATE_GOLDENS") == "1"


def generated_files(project: Project) -> dict[str, bytes]:
    return {rel: (project.root / rel).read_bytes() for rel in read_manifest(project.root)}


def golden_files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def rewrite(folder: Path, files: dict[str, bytes]) -> None:
    for old in folder.rglob("*"):
        if old.is_file():
            old.unlink()
    for rel, data in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)


_REWRITTEN: set[str] = set()


def actual_files(request: pytest.FixtureRequest, corpus: str) -> dict[str, bytes]:
    """The corpus's generated files; with DOSSIER_UPDATE_GOLDENS=1 the first case of each
    corpus rewrites its goldens folder from them, so every case then compares equal."""
    fixture, folder = CORPORA[corpus]
    actual = generated_files(request.getfixturevalue(fixture))
    if UPDATE and corpus not in _REWRITTEN:
        rewrite(folder, actual)
        _REWRITTEN.add(corpus)
    return actual


def _cases() -> list:
    return [
        pytest.param(corpus, rel, id=f"{corpus}:{rel}")
        for corpus, (_, folder) in CORPORA.items()
        for rel in golden_files(folder)
    ]


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_generated_file_list_matches_goldens(request: pytest.FixtureRequest, corpus: str):
    actual = actual_files(request, corpus)
    expected = golden_files(CORPORA[corpus][1])
    assert expected, f"no goldens for the {corpus} corpus: run `make goldens`"
    assert sorted(actual) == sorted(expected), (
        f"generated file list of the {corpus} corpus changed: run `make goldens`\n"
        f"  not generated any more: {sorted(set(expected) - set(actual))}\n"
        f"  new: {sorted(set(actual) - set(expected))}"
    )


@pytest.mark.parametrize(("corpus", "rel"), _cases())
def test_generated_file_matches_golden(request: pytest.FixtureRequest, corpus: str, rel: str):
    actual = actual_files(request, corpus)
    golden = CORPORA[corpus][1] / rel
    if UPDATE and rel not in actual:
        pytest.skip(f"{rel} is no longer generated: its golden was removed")
    assert rel in actual, f"{rel} is no longer generated: run `make goldens`"
    expected = golden.read_bytes()
    if actual[rel] != expected:
        diff = difflib.unified_diff(
            expected.decode("utf-8", "replace").splitlines(keepends=True),
            actual[rel].decode("utf-8", "replace").splitlines(keepends=True),
            fromfile=f"{golden.relative_to(TESTS)} (golden)",
            tofile=f"{rel} (generated)",
        )
        pytest.fail(
            f"{rel} differs from its golden (run `make goldens` if intended):\n" + "".join(diff),
            pytrace=False,
        )


def html(project: Project, rel: str) -> str:
    return (project.site / rel).read_text(encoding="utf-8")


def test_report_page_html(fixture_project: Project):
    page = html(fixture_project, "reports/2024-03-05-ministers-condemn/index.html")
    for pid in ("p1", "p2", "p3", "p4"):
        # The paragraph's anchor is the small heading right before its text.
        assert re.search(rf'<h2 class="dossier-para" id="{pid}">.*?</h2>\s*<p>', page), pid
        assert f'href="#{pid}"' in page
    assert "<h1" in page and "Ministers Condemn Arms Transfers" in page
    assert 'href="../../statements/#2024-03-04-berg-will-not-stand-by"' in page
    assert 'href="../../timeline/#ministers-joint-press-conference"' in page
    assert 'id="note-p1"' in page and "does not say which missiles" in page
    assert "<details" in page and "Lines of the original not shown as paragraphs (6)" in page
    assert "Read also | Something else entirely" in page
    assert '<abbr title="Foreign Minister">FM</abbr>' not in page  # FM does not occur here


def test_statement_and_event_anchors_html(fixture_project: Project):
    statements = html(fixture_project, "statements/index.html")
    assert '<h4 id="2024-03-04-berg-will-not-stand-by">' in statements
    assert "We will not stand by while missiles cross the border" in statements
    timeline = html(fixture_project, "timeline/index.html")
    # Year-only before month before day within 2024.
    order = [
        timeline.index(f'id="{e}"')
        for e in ("fenwick-denial", "border-missile-crossings", "ministers-joint-press-conference")
    ]
    assert order == sorted(order)
    assert "2024, month not known" in timeline
    actor = html(fixture_project, "actors/grand-fenwick/index.html")
    assert "We have sent nothing to anyone." in actor  # on behalf of Grand Fenwick
