"""The write path: only the generator's own files are replaced or removed, nothing is written
outside the project, a failed or interrupted build leaves the previous output whole, modes
follow the umask, and a rebuild with nothing changed touches no file."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import FIXTURE_CORPUS, REPO, make_project, run_dossier
from dossier import build, cli, write

EXTRA_ACTOR = """\
- id: zz-extra
  name: Zed Extra
  kind: person
  aliases: []
  description: An actor no report mentions.
"""
IN_THE_WAY = (
    "{}: a file written by hand is in the way of a generated page; move or rename it "
    "(nothing was written)"
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The fixture corpus plus one actor nothing refers to, built once."""
    project = make_project(tmp_path / "p", FIXTURE_CORPUS).root
    actors = project / "data" / "actors.yml"
    actors.write_text(actors.read_text(encoding="utf-8") + EXTRA_ACTOR, encoding="utf-8")
    first = run_dossier(project, "build")
    assert first.returncode == 0, first.stderr
    return project


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under docs/ and includes/, temporary files included."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for top in ("docs", "includes")
        for p in sorted((root / top).rglob("*"))
        if p.is_file()
    }


def change_inputs(root: Path) -> None:
    """Edit the registries so that a dozen generated files change and one page goes stale
    (its published address sent on to another actor's page)."""
    redirect = "- {from: actors/zz-extra/, to: actors/ruritania/}\n"
    (root / "data" / "redirects.yml").write_text(redirect, encoding="utf-8")
    actors = root / "data" / "actors.yml"
    text = actors.read_text(encoding="utf-8").replace(EXTRA_ACTOR, "")
    actors.write_text(text.replace("fixture corpus", "test corpus"), encoding="utf-8")
    events = root / "data" / "events.yml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("were reported", "were seen"), encoding="utf-8")


def build_in_process(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["--root", str(root), "build"])
    return code, capsys.readouterr().err


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


# Only files the generator wrote are replaced or removed.


def outputs(root: Path) -> set[str]:
    """The paths a build of `root` writes, rendered in memory."""
    return set(build.generate(root, write=False).outputs)


def test_manifest_records_the_hash_of_every_file_written(root: Path):
    recorded = write.read_manifest(root)
    assert set(recorded) == outputs(root)
    assert "docs/actors/zz-extra.md" in recorded
    for rel, hashes in recorded.items():
        assert hashes == {hashlib.sha256((root / rel).read_bytes()).hexdigest()}, rel
    text = (root / "includes" / ".generated").read_text(encoding="utf-8")
    assert "  docs/glossary.md\n" in text


def test_hand_written_pages_in_generated_paths_are_all_named_and_nothing_is_written(root: Path):
    (root / "docs" / "glossary.md").write_text("# Glossary\n\nMy own words.\n", encoding="utf-8")
    timeline = root / "docs" / "timeline.md"
    timeline.write_bytes(timeline.read_bytes() + b"\nA line added by hand.\n")
    change_inputs(root)
    before = snapshot(root)
    result = run_dossier(root, "build")
    assert result.returncode == 1
    assert lines(result.stderr) == [
        IN_THE_WAY.format("docs/glossary.md"),
        IN_THE_WAY.format("docs/timeline.md"),
    ]
    assert snapshot(root) == before


def test_an_unrecorded_file_in_a_generated_path_is_refused(root: Path):
    (root / "docs" / "actors" / "new-actor.md").write_text("# Mine\n", encoding="utf-8")
    actors = root / "data" / "actors.yml"
    actors.write_text(
        actors.read_text(encoding="utf-8")
        + EXTRA_ACTOR.replace("zz-extra", "new-actor").replace("Zed", "Nia"),
        encoding="utf-8",
    )
    result = run_dossier(root, "build")
    assert result.returncode == 1
    assert IN_THE_WAY.format("docs/actors/new-actor.md") in result.stderr
    assert (root / "docs" / "actors" / "new-actor.md").read_text(encoding="utf-8") == "# Mine\n"


@pytest.mark.parametrize("edit", ["replace", "append"])
def test_a_stale_page_edited_by_hand_is_kept(root: Path, edit: str):
    page = root / "docs" / "actors" / "zz-extra.md"
    mine = b"# Zed Extra\n\nWritten by hand.\n"
    page.write_bytes(mine if edit == "replace" else page.read_bytes() + mine)
    expected = page.read_bytes()
    change_inputs(root)  # removes zz-extra from the registry
    result = run_dossier(root, "build")
    assert result.returncode == 1
    assert (
        "docs/actors/zz-extra.md: a page no longer generated was edited by hand; move it "
        "elsewhere or delete it (nothing was written)"
    ) in result.stderr
    assert page.read_bytes() == expected


def test_a_stale_page_the_generator_wrote_is_deleted(root: Path):
    change_inputs(root)
    result = run_dossier(root, "build")
    assert result.returncode == 0, result.stderr
    assert "1 removed" in result.stdout
    assert not (root / "docs" / "actors" / "zz-extra.md").exists()
    assert "docs/actors/zz-extra.md" not in write.read_manifest(root)


def test_an_unrecorded_file_identical_to_the_output_is_adopted(root: Path):
    (root / "includes" / ".generated").unlink()
    before = snapshot(root)
    result = run_dossier(root, "build")
    assert result.returncode == 0, result.stderr
    assert "0 file(s) written" in result.stdout
    after = snapshot(root)
    assert after.pop("includes/.generated")
    assert after == before
    assert set(write.read_manifest(root)) == outputs(root)


def test_a_manifest_from_before_hashes_is_trusted_once(root: Path):
    manifest = root / "includes" / ".generated"
    manifest.write_text("".join(f"{rel}\n" for rel in write.read_manifest(root)), "utf-8")
    change_inputs(root)
    result = run_dossier(root, "build")
    assert result.returncode == 0, result.stderr
    assert "1 removed" in result.stdout
    assert_complete(root)


def test_a_folder_in_place_of_the_manifest_is_refused(root: Path):
    (root / "includes" / ".generated").unlink()
    (root / "includes" / ".generated").mkdir()
    change_inputs(root)
    before = snapshot(root)
    result = run_dossier(root, "build")
    assert result.returncode == 1
    assert result.stderr.startswith("includes/.generated: a folder is in the way")
    assert snapshot(root) == before


# Nothing outside the project.


@pytest.mark.parametrize(
    "bad",
    ["docs/../../x.txt", "/tmp/x.txt", "includes/../../x.txt", "sources/x.txt", "docs/./x.md"],
)
def test_an_output_path_outside_docs_or_includes_is_refused(root: Path, bad: str):
    outputs = {bad: b"outside\n", "docs/zz-new.md": b"<!-- Generated by `dossier build` -->\n"}
    result = build.Result(None, outputs, [])  # type: ignore[arg-type]
    with pytest.raises(Exception) as caught:
        build._write(root, result)
    assert not (root.parent.parent / "x.txt").exists()
    assert not (root / "docs" / "zz-new.md").exists()
    assert isinstance(caught.value, write.WriteError)
    assert caught.value.messages == [
        f"{bad}: refusing to write outside docs/ and includes/ (nothing was written)"
    ]


def test_a_symlinked_folder_that_leads_outside_is_refused(root: Path, tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.rmtree(root / "docs" / "statements")
    (root / "docs" / "statements").symlink_to(outside)
    result = run_dossier(root, "build")
    assert result.returncode == 1
    assert not list(outside.iterdir())
    assert "docs/statements/by-speaker.md: refusing to write outside" in result.stderr


# All or nothing.


class FailOnNth:
    """Stands in for `tempfile.mkstemp`: the nth temporary file inside `root` raises."""

    def __init__(self, root: Path, nth: int, error: BaseException):
        self.root, self.nth, self.error, self.calls = str(root), nth, error, 0
        self.real = tempfile.mkstemp

    def __call__(self, *args, **kwargs):
        if str(kwargs.get("dir", "")).startswith(self.root):
            self.calls += 1
            if self.calls == self.nth:
                raise self.error
        return self.real(*args, **kwargs)


def test_a_failure_while_staging_leaves_the_previous_output(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    change_inputs(root)
    before = snapshot(root)
    fake = FailOnNth(root, 4, OSError(28, "No space left on device"))
    monkeypatch.setattr(tempfile, "mkstemp", fake)
    code, err = build_in_process(root, capsys)
    assert code == 1
    assert fake.calls == 4
    assert snapshot(root) == before
    assert len(lines(err)) == 1, err
    assert err.endswith(": cannot write it: No space left on device (nothing was written)\n")


def test_an_interrupt_while_staging_leaves_the_previous_output(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    change_inputs(root)
    before = snapshot(root)
    monkeypatch.setattr(tempfile, "mkstemp", FailOnNth(root, 4, KeyboardInterrupt()))
    code, err = build_in_process(root, capsys)
    assert code == 130
    assert err == "dossier build: interrupted; nothing written.\n"
    assert snapshot(root) == before


def test_an_interrupt_while_renaming_is_held_until_the_output_is_complete(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    change_inputs(root)
    real_replace = os.replace

    def replace_and_interrupt(src: str, dst: str) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C during the first rename
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_and_interrupt)
    code, err = build_in_process(root, capsys)
    monkeypatch.undo()
    assert code == 130
    assert err == "dossier build: interrupted once the output was complete.\n"
    assert_complete(root)
    again = run_dossier(root, "build")
    assert "0 file(s) written, 0 removed" in again.stdout


def test_an_interrupt_while_renaming_is_held_with_other_threads_running(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    """A process with other threads (a server, a file watcher) may have the signal delivered
    to any of them: the renames must still finish before the interrupt takes effect."""
    import threading

    stop = threading.Event()
    others = [threading.Thread(target=stop.wait, daemon=True) for _ in range(3)]
    for thread in others:
        thread.start()
    try:
        test_an_interrupt_while_renaming_is_held_until_the_output_is_complete(
            root, monkeypatch, capsys
        )
    finally:
        stop.set()


def test_a_build_stopped_while_renaming_is_finished_by_the_next_one(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    change_inputs(root)
    real_replace, calls = os.replace, []

    def fail_on_fourth(src: str, dst: str) -> None:
        calls.append(str(dst))
        if len(calls) == 4:
            raise OSError(5, "Input/output error", dst)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", fail_on_fourth)
    code, err = build_in_process(root, capsys)
    monkeypatch.undo()
    assert code == 1
    assert err.endswith(
        ": Input/output error: " + calls[3][len(str(root)) + 1 :] + "; run the build again\n"
    )
    assert not [rel for rel in snapshot(root) if rel.endswith(".tmp")]
    # The manifest on disk accepts old and new contents, so nothing is taken for an editor's.
    again = run_dossier(root, "build")
    assert again.returncode == 0, again.stderr
    assert_complete(root)


def assert_complete(root: Path) -> None:
    """The output is a whole build: every recorded file is there, as recorded, and nothing
    stale or temporary is left."""
    recorded = write.read_manifest(root)
    for rel, hashes in recorded.items():
        assert hashes == {hashlib.sha256((root / rel).read_bytes()).hexdigest()}, rel
    assert "docs/actors/zz-extra.md" not in recorded
    assert not (root / "docs" / "actors" / "zz-extra.md").exists()
    assert not [rel for rel in snapshot(root) if rel.endswith(".tmp")]
    assert b"test corpus" in (root / "docs" / "actors" / "ruritania.md").read_bytes()


def test_a_folder_at_a_target_path_leaves_the_previous_output(root: Path):
    change_inputs(root)
    target = root / "docs" / "statements" / "by-speaker.md"
    target.unlink()
    target.mkdir()
    before = snapshot(root)
    result = run_dossier(root, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert snapshot(root) == before
    assert lines(result.stderr)[0] == (
        "docs/statements/by-speaker.md: a folder is in the way of a generated file; "
        "move or rename it (nothing was written)"
    )


def test_a_file_where_a_folder_must_be_gives_one_line_and_writes_nothing(tmp_path: Path):
    project = make_project(tmp_path / "p", FIXTURE_CORPUS).root
    (project / "docs" / "statements").write_text("not a folder\n", encoding="utf-8")
    result = run_dossier(project, "build")
    assert result.returncode == 1
    assert len(lines(result.stderr)) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr == (
        "docs/statements/by-speaker.md: cannot write it: docs/statements is not a folder "
        "(nothing was written)\n"
    )
    assert not (project / "includes").exists()
    assert not (project / "docs" / "actors").exists()
    assert sorted(p.name for p in (project / "docs").iterdir()) == [
        "about.md",
        "assets",
        "data.md",
        "index.md",
        "reports",
        "statements",
    ]


def test_outside_a_project_one_line_and_exit_1(tmp_path: Path):
    for args in ([], ["--root", str(tmp_path)]):
        result = subprocess.run(
            [sys.executable, "-m", "dossier.cli", *args, "build"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
        )
        assert result.returncode == 1
        assert lines(result.stderr) == [
            f"dossier: {tmp_path} is not inside a dossier project (no folder from there "
            "upwards has mkdocs.yml and docs/); run it in the project or pass --root"
        ]
        assert not list(tmp_path.iterdir())


# Modes and change-only writes.


@pytest.mark.parametrize("umask", [0o022, 0o002])
def test_generated_files_get_normal_modes(
    tmp_path: Path, umask: int, capsys: pytest.CaptureFixture[str]
):
    project = make_project(tmp_path / "p", FIXTURE_CORPUS).root
    old = os.umask(umask)
    try:
        code, err = build_in_process(project, capsys)
    finally:
        os.umask(old)
    assert code == 0, err
    files = [project / rel for rel in [*outputs(project), "includes/.generated"]]
    assert len(files) > 20
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o666 & ~umask}


def test_a_rebuild_with_nothing_changed_touches_no_file(root: Path):
    def stats() -> dict[str, tuple[int, int]]:
        return {
            rel: ((root / rel).stat().st_ino, (root / rel).stat().st_mtime_ns)
            for rel in snapshot(root)
        }

    before = stats()
    result = run_dossier(root, "build")
    assert result.returncode == 0, result.stderr
    assert f"0 file(s) written, 0 removed, {len(outputs(root))} unchanged" in result.stdout
    assert stats() == before


# Generation runs once per `make build`; the MkDocs hook is for `mkdocs serve` only.


def test_mkdocs_yml_has_no_hook_and_the_serve_config_adds_it():
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site = load_config(str(REPO / "mkdocs.yml"))
    serve = load_config(str(REPO / "mkdocs.serve.yml"))
    assert not site["hooks"]
    assert list(serve["hooks"]) == ["scripts/dossier/mkdocs_hook.py"]
    assert serve["nav"] == site["nav"]
    assert serve["markdown_extensions"] == site["markdown_extensions"]


def test_the_serve_hook_regenerates_and_reports_a_page_in_the_way(
    root: Path, capsys: pytest.CaptureFixture[str]
):
    from mkdocs.exceptions import PluginError

    from dossier import mkdocs_hook

    config = {"config_file_path": str(root / "mkdocs.serve.yml")}
    mkdocs_hook.on_pre_build(config)
    assert capsys.readouterr().out == ""  # nothing changed, nothing written: serve cannot loop
    change_inputs(root)
    mkdocs_hook.on_pre_build(config)
    assert "file(s) written, 1 removed" in capsys.readouterr().out
    (root / "docs" / "glossary.md").write_text("# Mine\n", encoding="utf-8")
    (root / "data" / "glossary.yml").write_text(
        (root / "data" / "glossary.yml").read_text(encoding="utf-8").replace("A government", "The")
    )
    with pytest.raises(PluginError) as caught:
        mkdocs_hook.on_pre_build(config)
    assert IN_THE_WAY.format("docs/glossary.md") in str(caught.value)
    assert (root / "docs" / "glossary.md").read_text(encoding="utf-8") == "# Mine\n"


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_build_generates_once(tmp_path: Path):
    project = make_project(tmp_path / "p", FIXTURE_CORPUS).root
    venv = REPO / ".venv"
    # -o: the tmp project has no lock file, so the virtual environment is taken as it is.
    make = ["make", "-f", str(REPO / "Makefile"), "-o", str(venv / ".installed")]
    result = subprocess.run(
        [*make, f"VENV={venv}", "build"],
        capture_output=True,
        text=True,
        cwd=project,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    summaries = [line for line in result.stdout.splitlines() if line.startswith("dossier build:")]
    assert len(summaries) == 1, result.stdout
    assert (project / "site" / "statements" / "index.html").is_file()
