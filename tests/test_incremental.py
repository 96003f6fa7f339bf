"""Incremental renders (incremental.py): in a process that generated the site before (the
`mkdocs serve` hook), `generate` makes again only the pages made from what changed. Whatever
the edit, the result must be byte for byte what a whole render gives."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO
from dossier import incremental, yamlio
from dossier.build import Result, generate
from dossier.problems import InputError

sys.path.insert(0, str(REPO / "scripts"))

import synth

LIMIT = 10  # every listing splits, as at thousands of reports


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("incremental") / "p"
    synth.make_corpus(root, 30, seed=11)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "page_limit: 120" in text
    config.write_text(text.replace("page_limit: 120", f"page_limit: {LIMIT}"), "utf-8")
    incremental.forget()
    generate(root, write=True)
    yield root
    incremental.forget()


def reports(root: Path) -> list[Path]:
    """The report pages (not the generated reports index)."""
    return sorted(p for p in (root / "docs" / "reports").glob("*.md") if p.name != "index.md")


def split(text: str) -> tuple[dict[str, Any], str]:
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert isinstance(meta, dict)
    return meta, body


def joined(meta: dict[str, Any], body: str) -> str:
    return "---\n" + yamlio.dump(meta) + "---\n" + body


def statement_ids(root: Path) -> list[str]:
    return [s["id"] for p in reports(root) for s in _statements(p)]


# --- the edits: each takes a report's front matter and the project, and changes the first -----

Edit = Callable[[dict[str, Any], Path], None]


def add_note(meta: dict[str, Any], root: Path) -> None:
    meta.setdefault("notes", []).append({"text": "An editor's note added while serving."})


def retitle(meta: dict[str, Any], root: Path) -> None:
    meta["title"] = meta["title"] + " (corrected)"
    meta["title_source"] = "editor"


def statement_note(meta: dict[str, Any], root: Path) -> None:
    meta["statements"][0]["note"] = "A note on how the report names the speaker."


def topics(meta: dict[str, Any], root: Path) -> None:
    meta["statements"][-1]["topics"] = ["sanctions"]


def answer_another_report(meta: dict[str, Any], root: Path) -> None:
    """A statement now answers one in another report: a thread forms across reports."""
    own = {s["id"] for s in meta["statements"]}
    other = next(i for i in statement_ids(root) if i not in own)
    meta["statements"][0]["responds_to"] = [{"statement": other, "relation": "denies"}]


def drop_answers(meta: dict[str, Any], root: Path) -> None:
    for s in meta["statements"]:
        s.pop("responds_to", None)


def other_speaker(meta: dict[str, Any], root: Path) -> None:
    speakers = sorted({s["speaker"] for p in reports(root) for s in _statements(p)})
    first = meta["statements"][0]
    first["speaker"] = next(a for a in speakers if a != first["speaker"])
    first.pop("on_behalf_of", None)


def drop_statement(meta: dict[str, Any], root: Path) -> None:
    """A statement removed: its published address now redirects to its report."""
    dropped = meta["statements"].pop()["id"]
    published = (root / "data" / "published.txt").read_text("utf-8").splitlines()
    with (root / "data" / "redirects.yml").open("a", encoding="utf-8") as redirects:
        for address in (a for a in published if a.endswith(f"#{dropped}")):
            redirects.write(f'- {{from: "{address}", to: "reports/{meta["id"]}/"}}\n')
    for p in reports(root):  # nothing may answer a statement that is gone
        other, body = split(p.read_text("utf-8"))
        kept = [r for s in other.get("statements", []) for r in s.get("responds_to", [])]
        if any(r["statement"] == dropped for r in kept):
            for s in other["statements"]:
                s["responds_to"] = [
                    r for r in s.get("responds_to", []) if r["statement"] != dropped
                ]
            p.write_text(joined(other, body), "utf-8")


def fewer_event_paragraphs(meta: dict[str, Any], root: Path) -> None:
    """An event now sourced to fewer of the report's paragraphs."""
    ref = next(e for e in meta.get("events", []) if _spare(meta, e))
    ref["paragraphs"] = [p for p in ref["paragraphs"] if p != _spare(meta, ref)[0]]


def _spare(meta: dict[str, Any], ref: dict[str, Any]) -> list[str]:
    """An event's paragraphs that hold none of its statements (a report must list those)."""
    held = {s["paragraph"] for s in meta.get("statements", []) if s.get("event") == ref["id"]}
    spare = [p for p in ref["paragraphs"] if p not in held]
    return spare if len(ref["paragraphs"]) >= 2 else []


def _statements(path: Path) -> list[dict[str, Any]]:
    statements: list[dict[str, Any]] = split(path.read_text("utf-8"))[0].get("statements", [])
    return statements


EDITS: dict[str, Edit] = {
    "note": add_note, "title": retitle, "statement note": statement_note, "topics": topics,
    "answer across reports": answer_another_report, "no answers": drop_answers,
    "speaker": other_speaker, "statement removed": drop_statement,
    "event paragraphs": fewer_event_paragraphs,
}  # fmt: skip


def edited(root: Path, index: int, edit: Edit) -> None:
    """`edit` on the report at `index`, or the next one that has two statements or more and an
    event sourced to a paragraph that holds none of its statements (what every edit needs)."""
    pages = reports(root)
    path = next(
        p
        for p in pages[index % len(pages) :] + pages
        if len(_statements(p)) >= 2
        and any(_spare(m, e) for m in [split(p.read_text("utf-8"))[0]] for e in m.get("events", []))
    )
    meta, body = split(path.read_text("utf-8"))
    edit(meta, root)
    path.write_text(joined(meta, body), "utf-8")


def both(root: Path) -> tuple[Result, Result]:
    """An incremental render after the last one, then a whole one of the same input."""
    incremental_result = generate(root, write=False)
    incremental.forget()
    whole = generate(root, write=True)  # also the state the next edit starts from
    return incremental_result, whole


def differing(a: Result, b: Result) -> list[str]:
    return sorted(
        p for p in a.outputs.keys() | b.outputs.keys() if a.outputs.get(p) != b.outputs.get(p)
    )


@pytest.mark.parametrize("name", sorted(EDITS))
def test_each_edit_renders_as_a_whole_render_does(project: Path, name: str) -> None:
    before = generate(project, write=False)  # the last render: the state an edit starts from
    edited(project, 3, EDITS[name])
    try:
        fast, whole = both(project)
    except InputError as exc:  # an edit the synthetic report cannot take is a broken test
        pytest.fail(f"the {name!r} edit made the input invalid: {exc.problems[:3]}")
    assert differing(fast, whole) == []
    assert fast.outputs != before.outputs, f"the {name!r} edit changed nothing"


MOVING = {"speaker", "statement removed", "answer across reports", "no answers"}


@pytest.mark.parametrize("name", sorted(set(EDITS) - MOVING))
def test_an_edit_that_moves_nothing_reuses_most_pages(project: Path, name: str) -> None:
    """Edits that leave every statement, event and thread on its page are made incrementally
    (a speaker changed reorders the by-speaker pages, a statement removed shortens its page,
    an answer makes or unmakes a thread: those make everything again)."""
    generate(project, write=False)
    edited(project, 7, EDITS[name])
    generate(project, write=False)
    last = incremental.last_render(project)
    assert last is not None
    assert len(last.reused) > len(last.docs) // 2, (len(last.reused), len(last.docs))
    both(project)


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    st.lists(st.tuples(st.integers(0, 29), st.sampled_from(sorted(EDITS))), min_size=1, max_size=3)
)
def test_edits_in_a_row_render_as_a_whole_render_does(
    project: Path, edits: list[tuple[int, str]]
) -> None:
    generate(project, write=False)
    for index, name in edits:
        edited(project, index, EDITS[name])
        try:
            fast, whole = both(project)
        except InputError:
            continue  # e.g. a statement removed that the next edit needed; nothing to compare
        assert differing(fast, whole) == [], (index, name)


def test_nothing_changed_reuses_every_page(project: Path) -> None:
    generate(project, write=False)
    again = generate(project, write=False)
    last = incremental.last_render(project)
    assert last is not None and again.outputs
    made = incremental.reuse(last, again.corpus, last.context)
    assert made is not None and made.changed == frozenset()


def test_a_registry_edit_renders_everything_again(project: Path) -> None:
    """An actor renamed may show on any page: no reuse at all."""
    generate(project, write=False)
    last = incremental.last_render(project)
    assert last is not None
    actors = project / "data" / "actors.yml"
    text = actors.read_text("utf-8")
    name = re.search(r'^  name: "?([^"\n]+)"?$', text, re.M)
    assert name is not None
    actors.write_text(
        text.replace(name.group(0), name.group(0).replace(name.group(1), name.group(1) + " Jr"), 1),
        "utf-8",
    )
    fast, whole = both(project)
    assert incremental.reuse(last, fast.corpus, last.context) is None
    assert differing(fast, whole) == []
