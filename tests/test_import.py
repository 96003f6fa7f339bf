import shutil
from pathlib import Path

from conftest import FIXTURE_CORPUS, REPO, run_dossier
from dossier.importer import convert


def test_convert_finds_headline_byline_and_boilerplate():
    result = convert(FIXTURE_CORPUS / "sources" / "alpha.txt", None, {"Anna Berg": "anna-berg"})
    front = result.front_matter
    assert result.report_id == "2024-03-05-ministers-condemn-arms-transfers"
    assert front["title"] == "Ministers Condemn Arms Transfers"
    assert front["byline"] == "Jane Doe"
    assert front["published"]["value"] == "2024-03-05"
    assert front["published"]["basis"] == "stated"
    reasons = {r["line"]: r["reason"] for r in front["removed"]}
    assert reasons == {3: "advertising", 6: "advertising", 7: "duplicate", 10: "promo"}
    assert len(result.paragraphs) == 4
    kinds = {c["text"]: (c["kind"], c["speaker"]) for c in front["candidates"]}
    assert kinds["We will not stand by while missiles cross the border,"] == ("direct", "anna-berg")


def test_convert_real_report_removes_social_prompts_and_caption():
    result = convert(REPO / "sources" / "004_97f60dc42b758b6a.txt", "x", {})
    reasons = sorted({r["reason"] for r in result.front_matter["removed"]})
    assert reasons == ["caption", "comment-prompt", "promo", "social-prompt"]
    assert result.front_matter["title"].startswith("United States and South Korea Condemn")


def test_every_line_is_accounted_for():
    source = REPO / "sources" / "001_eac752453ec335d8.txt"
    result = convert(source, "x", {})
    lines = [ln.strip() for ln in source.read_text(encoding="utf-8").split("\n")]
    kept = set(result.paragraphs)
    listed = {r["line"] for r in result.front_matter["removed"]}
    listed |= {m["line"] for m in result.front_matter["metadata_lines"]}
    for number, line in enumerate(lines, 1):
        assert not line or line in kept or number in listed, number


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    (root / "docs" / "reports").mkdir(parents=True)
    (root / "sources").mkdir()
    shutil.copytree(FIXTURE_CORPUS / "data", root / "data")
    (root / "mkdocs.yml").write_text("site_name: t\n")
    return root


def test_import_writes_a_page_and_never_overwrites(tmp_path):
    root = _project(tmp_path)
    source = FIXTURE_CORPUS / "sources" / "beta.txt"
    first = run_dossier(root, "import", str(source), "--id", "beta-report")
    assert first.returncode == 0, first.stderr
    page = root / "docs" / "reports" / "beta-report.md"
    assert (root / "sources" / "beta.txt").read_bytes() == source.read_bytes()
    page.write_text(page.read_text() + "\n<!-- editor's work -->\n")
    before = page.read_bytes()
    second = run_dossier(root, "import", str(source), "--id", "beta-report")
    assert second.returncode == 1
    assert "already exists; not overwritten" in second.stderr
    assert "Traceback" not in second.stderr
    assert page.read_bytes() == before


def test_import_rejects_non_utf8_and_missing_files(tmp_path):
    root = _project(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9\n")
    result = run_dossier(root, "import", str(bad))
    assert result.returncode == 1 and "not UTF-8" in result.stderr
    assert "Traceback" not in result.stderr
    missing = run_dossier(root, "import", str(tmp_path / "nope.txt"))
    assert missing.returncode == 1 and "no such file" in missing.stderr
    assert not list((root / "docs" / "reports").iterdir())


def test_imported_draft_builds_with_warnings(tmp_path):
    root = _project(tmp_path)
    shutil.copytree(FIXTURE_CORPUS / "sources", root / "sources", dirs_exist_ok=True)
    for page in (FIXTURE_CORPUS / "docs" / "reports").glob("*.md"):
        shutil.copy2(page, root / "docs" / "reports" / page.name)
    source = tmp_path / "gamma.txt"
    source.write_text("Officials said the talks were “useful.”\n", encoding="utf-8")
    assert run_dossier(root, "import", str(source), "--id", "gamma").returncode == 0
    page = root / "docs" / "reports" / "gamma.md"
    text = page.read_text().replace(
        "value: null\n  basis: null\n  note: 'TODO: say how the "
        "publication date is known (the text gives no dateline).'",
        "value: '2024'\n  basis: inferred\n  note: Test.",
    )
    text = text.replace("title: null", "title: Gamma")
    page.write_text(text)
    result = run_dossier(root, "check")
    assert result.returncode == 0, result.stderr
    assert "warning: quotation “useful.”" in result.stderr
