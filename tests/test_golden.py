"""Golden tests: the fixture corpus's generated files must match tests/goldens/ byte for byte.

Regenerate after an intended change with `make goldens`, then review the diff.
"""

import os
import re
from pathlib import Path

from conftest import Project
from dossier.write import read_manifest

GOLDENS = Path(__file__).parent / "goldens"
UPDATE = os.environ.get("DOSSIER_UPDATE_GOLDENS") == "1"


def generated_files(project: Project) -> dict[str, bytes]:
    return {rel: (project.root / rel).read_bytes() for rel in read_manifest(project.root)}


def test_generated_files_match_goldens(fixture_project: Project):
    actual = generated_files(fixture_project)
    if UPDATE:
        for old in GOLDENS.rglob("*"):
            if old.is_file():
                old.unlink()
        for rel, data in actual.items():
            (GOLDENS / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDENS / rel).write_bytes(data)
    expected = {
        p.relative_to(GOLDENS).as_posix(): p.read_bytes()
        for p in sorted(GOLDENS.rglob("*"))
        if p.is_file()
    }
    assert sorted(actual) == sorted(expected), "generated file list changed: run `make goldens`"
    for rel in sorted(actual):
        assert actual[rel] == expected[rel], f"{rel} differs from its golden: run `make goldens`"


def html(project: Project, rel: str) -> str:
    return (project.site / rel).read_text(encoding="utf-8")


def test_report_page_html(fixture_project: Project):
    page = html(fixture_project, "reports/2024-03-05-ministers-condemn/index.html")
    for pid in ("p1", "p2", "p3", "p4"):
        assert re.search(rf'<p id="{pid}">', page), pid
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
