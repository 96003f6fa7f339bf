"""The synthetic corpus (scripts/synth.py): the same bytes from the same seed, accepted by
`dossier check` and `mkdocs build --strict`, in the real five reports' proportions, varied,
true to its own texts, and harmless to the real corpus. No browser; about 20 s."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO, mkdocs_build, run_dossier

sys.path.insert(0, str(REPO / "scripts"))

import synth
from dossier import importer, yamlio
from dossier.text import contains, quotations

# How close N = 200 must come to the real five: shares (0 to 1) within SHARE_TOLERANCE,
# per-report figures within RATE_TOLERANCE of the real figure; new actors per report, which
# five reports measure only roughly (3 of the five seed the cast), within ACTOR_TOLERANCE.
SHARE_TOLERANCE = 0.08
RATE_TOLERANCE = 0.25
ACTOR_TOLERANCE = 0.35
RATES = {"paragraphs per report", "words per paragraph", "statements per report",
         "responds_to per statement", "topics per statement", "event refs per report",
         "notes per report", "removed lines per report", "not_statements per report",
         "references per report", "actors per report"}  # fmt: skip


def tree(root: Path) -> dict[str, str]:
    """Every file under `root`: relative path → SHA-256."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def front_matters(root: Path) -> list[dict[str, Any]]:
    return synth.read_project(root)[0]


def body(root: Path, report_id: str) -> list[str]:
    """A report page's paragraphs, as the page holds them (escaped Markdown)."""
    text = (root / "docs" / "reports" / f"{report_id}.md").read_text(encoding="utf-8")
    blocks = text.split("---\n", 2)[2].split("\n\n")
    return [b for b in blocks if b.strip() and not b.strip().startswith("--8<--")]


@pytest.fixture(scope="module")
def corpus30(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synth30") / "p"
    synth.make_corpus(root, 30)
    return root


@pytest.fixture(scope="module")
def corpus200(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synth200") / "p"
    synth.make_corpus(root, 200)
    return root


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    first = synth.make_corpus(tmp_path / "a", 12, seed=7)
    second = synth.make_corpus(tmp_path / "b", 12, seed=7)
    assert first == second
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert len(list((tmp_path / "a" / "docs" / "reports").glob("*.md"))) == 12


def test_other_seed_other_corpus(tmp_path: Path) -> None:
    synth.make_corpus(tmp_path / "a", 12, seed=1)
    synth.make_corpus(tmp_path / "b", 12, seed=2)
    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    reports_a = {k for k in a if k.startswith("docs/reports/")}
    reports_b = {k for k in b if k.startswith("docs/reports/")}
    assert reports_a != reports_b
    assert a["data/actors.yml"] != b["data/actors.yml"]


def test_dossier_check_passes_at_30(corpus30: Path) -> None:
    checked = run_dossier(corpus30, "check")
    assert checked.returncode == 0, checked.stderr
    assert "30 reports" in checked.stdout and "no problems" in checked.stdout
    # No warning; the only other lines are the editors' notes on repeated wording.
    others = [ln for ln in checked.stderr.splitlines() if ln and not ln.startswith("note: ")]
    assert others == []
    candidates = checked.stderr.count("note: possible talking point")
    assert candidates <= 10, checked.stderr


def test_check_lists_the_most_repeated_talking_points_first_and_counts_the_rest(
    corpus200: Path,
) -> None:
    """A large corpus has hundreds of possible talking points: `dossier check` shows the 20
    most repeated and says how many more `--all-notes` lists."""
    checked = run_dossier(corpus200, "check")
    assert checked.returncode == 0, checked.stderr
    shown = re.findall(r"^note: possible talking point .* in (.*): confirm", checked.stderr, re.M)
    assert len(shown) == 20
    sizes = [where.count("(") for where in shown]
    assert sizes == sorted(sizes, reverse=True)
    more = re.search(r"^note: (\d+) more possible talking points; `dossier check --all-notes`",
                     checked.stderr, re.M)  # fmt: skip
    assert more, checked.stderr[-500:]
    every = run_dossier(corpus200, "check", "--all-notes")
    listed = every.stderr.count("note: possible talking point")
    assert listed == 20 + int(more.group(1)) and "more possible" not in every.stderr


def test_mkdocs_strict_builds_at_8(tmp_path: Path) -> None:
    root = tmp_path / "p"
    summary = synth.make_corpus(root, 8)
    built = run_dossier(root, "build")
    assert built.returncode == 0, built.stderr
    assert built.stderr == ""  # no warning
    assert f"{summary.statements} statements" in built.stdout
    site = mkdocs_build(root)
    assert site.returncode == 0, site.stderr
    for fm in front_matters(root):
        page = root / "site" / "reports" / fm["id"] / "index.html"
        assert fm["statements"][0]["id"] in page.read_text(encoding="utf-8")


def test_every_kind_seen_in_the_real_corpus_appears_at_30(corpus30: Path) -> None:
    def shapes(root: Path) -> dict[str, set[Any]]:
        pages, regs = synth.read_project(root)
        said = [s for fm in pages for s in fm["statements"]]

        def shape(date: dict[str, Any]) -> tuple[int, str]:
            return len(str(date["value"])), date["basis"]

        return {
            "statement kinds": {s["kind"] for s in said},
            "statement dates": {shape(s["date"]) for s in said},
            "event kinds": {e["kind"] for e in regs["events"]},
            "event dates": {shape(e["date"]) for e in regs["events"]},
            "published": {shape(fm["published"]) for fm in pages},
            "relations": {r["relation"] for s in said for r in s.get("responds_to", [])},
            "removed": {r["reason"] for fm in pages for r in fm["removed"]},
            "metadata": {m["field"] for fm in pages for m in fm["metadata_lines"]},
            "speaker kinds": {k["kind"] for k in regs["actors"]
                              if k["id"] in {s["speaker"] for s in said}},
            "issued": {s["issued"]["differs"] for s in said if s.get("issued")},
        }  # fmt: skip

    real, made = shapes(REPO), shapes(corpus30)
    for key, seen in real.items():
        assert seen <= made[key], (key, seen - made[key])


def test_proportions_at_200_are_the_real_fives(corpus200: Path) -> None:
    real, made = synth.measure(REPO), synth.measure(corpus200)
    assert made["reports"] == 200
    off = {}
    for key, want in real.items():
        if key == "reports":
            continue
        got = made[key]
        if key == "new actors per report":
            ok = abs(got - want) <= ACTOR_TOLERANCE * want
        elif key in RATES:
            ok = abs(got - want) <= RATE_TOLERANCE * want
        else:
            ok = abs(got - want) <= SHARE_TOLERANCE
        if not ok:
            off[key] = (round(want, 3), round(got, 3))
    assert off == {}


def test_variety_at_200(corpus200: Path) -> None:
    pages, regs = synth.read_project(corpus200)
    paragraphs = [p for fm in pages for p in body(corpus200, fm["id"])]
    assert len(set(paragraphs)) >= 0.95 * len(paragraphs)
    said = [s for fm in pages for s in fm["statements"]]
    # Short quoted fragments recur ("unacceptable"), and a joint position is one text
    # recorded for each speaker; everything else is worded afresh.
    longer = [s["text"] for s in said if s["kind"] != "partial"]
    assert len(set(longer)) >= 0.8 * len(longer)
    people = {a["name"] for a in regs["actors"] if a["kind"] == "person"}
    speakers = {s["speaker"] for s in said}
    assert len(people) >= 150 and len(speakers) >= 200
    assert len({fm["title"] for fm in pages}) >= 0.5 * len(pages)
    years = {str(fm["published"]["value"])[:4] for fm in pages}
    assert {"2019", "2022", "2025"} <= years


def test_no_two_reports_share_an_id_or_an_original(corpus200: Path) -> None:
    pages, regs = synth.read_project(corpus200)
    for ids in ([fm["id"] for fm in pages], [fm["source_file"] for fm in pages],
                [s["id"] for fm in pages for s in fm["statements"]],
                [e["id"] for e in regs["events"]], [a["id"] for a in regs["actors"]],
                [r["id"] for r in regs["references"]]):  # fmt: skip
        assert len(ids) == len(set(ids))


def test_texts_hold_their_statements_and_dates(corpus200: Path) -> None:
    """Words and labels are the paragraph's own; every quotation is indexed or declared; the
    time phrase a date note quotes is in the text (no date more precise than its text)."""
    pages, _ = synth.read_project(corpus200)
    for fm in pages:
        paras = dict(zip((f"p{n}" for n in range(1, 100)), body(corpus200, fm["id"]),
                         strict=False))  # fmt: skip
        text = " ".join(paras.values()).casefold()
        for s in fm["statements"]:
            assert contains(paras[s["paragraph"]], s["text"]), s["id"]
            assert contains(paras[s["paragraph"]], s["speaker_label"]), s["id"]
            quoted = re.match(r"“([^”]+)”", s["date"]["note"])
            if quoted:
                assert quoted[1].casefold() in text, (s["id"], quoted[1])
            if s["date"]["basis"] == "external":
                assert s["date"]["references"]
        declared = {(s["paragraph"], s["text"]) for s in fm["statements"]}
        declared |= {(n["paragraph"], n["text"]) for n in fm["not_statements"]}
        for pid, para in paras.items():
            for q in quotations(para):
                assert any(p == pid and (t in q.text or q.text.strip(",.") in t)
                           for p, t in declared), (fm["id"], q.text)  # fmt: skip


def test_the_importer_reads_the_originals_as_the_pages_say(corpus30: Path) -> None:
    for fm in front_matters(corpus30):
        source = corpus30 / "sources" / fm["source_file"]
        found = importer.convert(source, fm["id"], {}).front_matter
        def plain(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [{k: v for k, v in r.items() if k != "note"} for r in lines]

        assert plain(found["removed"]) == plain(fm["removed"])
        assert found["metadata_lines"] == fm["metadata_lines"]
        assert found["title_source"] == fm["title_source"]
        assert found["byline"] == fm["byline"]
        stated = fm["published"]["basis"] == "stated"
        assert found["published"]["value"] == (fm["published"]["value"] if stated else None)


def test_every_report_is_marked_synthetic(corpus30: Path) -> None:
    pages, regs = synth.read_project(corpus30)
    for fm in pages:
        assert fm["outlet"].startswith("Synthetic ")
        assert fm["url"].startswith("https://example.org/")
        assert fm["notes"][0]["text"].startswith("Synthetic fixture:")
    assert all(r["url"].startswith("https://example.org/") for r in regs["references"])
    people = [a for a in regs["actors"] if a["kind"] == "person"]
    assert people and all("invented" in a["description"] for a in people)


def test_the_real_corpus_is_untouched(tmp_path: Path) -> None:
    parts = ("docs/reports", "sources", "data")
    before = {p: tree(REPO / p) for p in parts}
    synth.make_corpus(tmp_path / "p", 5)
    assert {p: tree(REPO / p) for p in parts} == before
    with pytest.raises(FileExistsError):
        synth.make_corpus(tmp_path / "p", 5)


def test_command_line(tmp_path: Path) -> None:
    script = [sys.executable, str(REPO / "scripts" / "synth.py")]
    done = subprocess.run([*script, "--reports", "3", "--seed", "5", str(tmp_path / "p")],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "3 reports" in done.stdout and "(seed 5)" in done.stdout
    again = subprocess.run([*script, "--reports", "3", str(tmp_path / "p")],
                           capture_output=True, text=True, check=False)  # fmt: skip
    assert again.returncode == 1 and "not empty" in again.stderr


def test_generation_is_fast(tmp_path: Path) -> None:
    started = time.perf_counter()
    synth.make_corpus(tmp_path / "p", 100)
    assert time.perf_counter() - started < 5  # about 0.3 s on the 2-core test machine


def test_yaml_writer_reads_back() -> None:
    data = [{"id": "a-1", "text": 'He said: "yes" # not a comment', "n": 3, "none": None,
             "flag": False, "date": {"value": "2024-01", "basis": "inferred", "note": "x: y"},
             "list": ["on", "2024", "plain", "it’s"], "empty": [],
             "items": [{"k": "no", "v": [1, 2]}, {"k": "- dash", "v": []}]}]  # fmt: skip
    assert yaml.load(synth.to_yaml(data), Loader=yamlio.SAFE_LOADER) == data
