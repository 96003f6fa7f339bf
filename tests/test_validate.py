"""Bad input: one clear message per problem naming file, field and line; nothing written."""

import contextlib
import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE_CORPUS, run_dossier
from dossier.problems import InputError

PAGE = "docs/reports/2024-03-05-ministers-condemn.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(FIXTURE_CORPUS, root)
    (root / "mkdocs.yml").write_text("site_name: t\n")
    return root


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(root: Path) -> list[str]:
    result = run_dossier(root, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert not (root / "includes").exists() and not (root / "docs" / "timeline.md").exists()
    return [line for line in result.stderr.splitlines() if not line.startswith("dossier ")]


def test_clean_fixture_builds(project):
    result = run_dossier(project, "build")
    assert result.returncode == 0, result.stderr
    assert "5 statements" in result.stdout


def test_quote_not_verbatim(project):
    edit(project, PAGE, 'text: "We will not stand by', 'text: "We shall not stand by')
    lines = check(project)
    assert any(
        re.match(
            rf"{PAGE}:\d+: statements\[1\]\.text: not found verbatim in paragraph "
            "p2",
            line,
        )
        for line in lines
    ), lines


def test_unindexed_quotation(project):
    edit(
        project,
        PAGE,
        "- text: Northern Partnership\n  paragraph: p4\n  reason: name of a "
        "framework, not something said\n",
        "",
    )
    edit(project, PAGE, "not_statements:\n", "not_statements: []\n")
    lines = check(project)
    assert any(
        "paragraph p4: quotation “Northern Partnership” is neither a statement nor "
        "listed in not_statements" in line
        for line in lines
    ), lines


def test_unknown_references_and_bad_dates_are_all_reported(project):
    """Every entry's own problems, and the references of every valid entry, in one run."""
    edit(project, PAGE, "speaker: anna-berg", "speaker: anna-bergg")
    edit(project, PAGE, "speaker: grand-fenwick", "speaker: grand-fenwick\n  colour: red")
    edit(
        project,
        PAGE,
        'value: "2024", basis: inferred, note: "Reported',
        'value: "2024-02-30", basis: guessed, note: "Reported',
    )
    edit(
        project,
        PAGE,
        "event: ministers-joint-press-conference\n  topics: [arms-transfers]\n- id: 2024-fenwick",
        "event: no-such-event\n  topics: [arms-transfers]\n- id: 2024-fenwick",
    )
    lines = check(project)
    joined = "\n".join(lines)
    assert re.search(rf"{PAGE}:\d+: statements\[1\]\.speaker: unknown actor 'anna-bergg'", joined)
    assert re.search(rf"{PAGE}:\d+: statements\[1\]\.event: unknown event 'no-such-event'", joined)
    assert re.search(
        rf"{PAGE}:\d+: statements\[2\]\.date\.value: '2024-02-30' is not a calendar date",
        joined,
    )
    assert re.search(rf"{PAGE}:\d+: statements\[2\]\.date\.basis: 'guessed' is not one of", joined)
    assert re.search(rf"{PAGE}:\d+: statements\[2\]\.colour: unknown field", joined)
    # The invalid statement's quotation is not reported again as unindexed (root cause once).
    assert len(lines) == 5, lines


def test_duplicate_ids_and_aliases(project):
    edit(project, "data/actors.yml", "- id: freedonia", "- id: ruritania")
    edit(
        project,
        "docs/reports/2024-fenwick-denies.md",
        "id: 2024-fenwick-sent-nothing",
        "id: 2024-fenwick-baseless",
    )
    joined = "\n".join(check(project))
    assert re.search(r"data/actors.yml:\d+: \[1\]\.id: 'ruritania' is already used", joined)
    assert re.search(
        r"docs/reports/2024-fenwick-denies.md:\d+: statements\[1\]\.id: "
        "'2024-fenwick-baseless' is already used",
        joined,
    )


def test_edited_original_text_is_caught(project):
    edit(
        project,
        PAGE,
        "Grand Fenwick denied sending any missiles.\n\n--8<--",
        "Grand Fenwick denied sending missiles.\n\n--8<--",
    )
    edit(
        project,
        PAGE,
        "text: Grand Fenwick denied sending any missiles.",
        "text: Grand Fenwick denied sending missiles.",
    )
    joined = "\n".join(check(project))
    assert re.search(
        rf"{PAGE}:\d+: paragraph p3: text differs from the original \(line 8 of "
        r"sources/alpha.txt reads “Grand Fenwick denied sending any missiles.”\)",
        joined,
    )


def test_yaml_syntax_error_names_the_line(project):
    edit(project, "data/events.yml", "  kind: strike", "  kind: [strike")
    joined = "\n".join(check(project))
    assert re.search(r"data/events.yml:\d+: file: invalid YAML", joined), joined


def test_missing_paragraph_id_and_unknown_field(project):
    edit(
        project,
        PAGE,
        "Grand Fenwick denied sending any missiles.\n\n"
        '--8<-- "reports/2024-03-05-ministers-condemn.md:p3"',
        "Grand Fenwick denied sending any missiles.",
    )
    edit(project, PAGE, "byline: Jane Doe", "byline: Jane Doe\nauthor: X")
    joined = "\n".join(check(project))
    assert re.search(
        rf"{PAGE}:\d+: paragraph: a paragraph must be followed by a blank line and its include",
        joined,
    )
    assert re.search(rf"{PAGE}:\d+: author: unknown field", joined)


def test_generator_never_overwrites_an_editors_file(project):
    (project / "docs" / "timeline.md").write_text("# My own timeline\n")
    result = run_dossier(project, "build")
    assert result.returncode == 1
    assert "docs/timeline.md: a file written by hand is in the way" in result.stderr
    assert (project / "docs" / "timeline.md").read_text() == "# My own timeline\n"


def test_check_writes_nothing(project):
    result = run_dossier(project, "check")
    assert result.returncode == 0, result.stderr
    assert not (project / "includes").exists()


def test_a_speaker_on_behalf_of_different_parties_is_a_warning(project):
    edit(
        project,
        "docs/reports/2024-fenwick-denies.md",
        '  on_behalf_of: [grand-fenwick]\n  date: {value: "2024"',
        '  on_behalf_of: []\n  date: {value: "2024"',
    )
    result = run_dossier(project, "build")
    assert result.returncode == 0, result.stderr
    assert re.search(
        r"docs/reports/2024-fenwick-denies.md:\d+: statements\[0\]\.on_behalf_of: warning: "
        r"'grand-fenwick-foreign-ministry' speaks on behalf of \['grand-fenwick'\] here but of "
        r"\[\] in '2024-fenwick-sent-nothing'",
        result.stderr,
    ), result.stderr


def test_check_proposes_repeated_wording_as_a_talking_point(project):
    """A formulation repeated on another occasion is proposed by `dossier check` (to editors
    only); once confirmed in data/talking_points.yml it is no longer proposed."""
    old, new = (
        "We have sent nothing to anyone.",
        "We will not stand by while missiles cross the border.",
    )
    for rel in ("sources/beta.txt", *["docs/reports/2024-fenwick-denies.md"] * 2):
        edit(project, rel, old, new)  # the page: the statement's text, then the paragraph
    result = run_dossier(project, "check")
    assert result.returncode == 0, result.stderr
    assert (
        "note: possible talking point “we will not stand by while missiles cross the border” in "
        "2024-fenwick-sent-nothing (2024), 2024-03-04-berg-will-not-stand-by (4 March 2024): "
        "confirm it in data/talking_points.yml or leave it"
    ) in result.stderr
    assert "note:" not in run_dossier(project, "build").stderr  # not on the site's build
    with (project / "data" / "talking_points.yml").open("a", encoding="utf-8") as points:
        points.write(
            "- id: not-stand-by\n  text: will not stand by while missiles cross the border\n"
            "  statements: [2024-03-04-berg-will-not-stand-by, 2024-fenwick-sent-nothing]\n"
        )
    assert "note: possible talking point" not in run_dossier(project, "check").stderr


def loads_alike(root: str) -> None:
    """In a fresh process (conftest.in_fresh_process): load_corpus reading the pages in worker
    processes gives what reading them here gives; prints what it gave."""
    import dossier.validate as validate
    from dossier import aside
    from dossier.problems import InputError

    aside.cores = lambda: 2  # type: ignore[assignment]
    loaded = []
    for parallel in (True, False):
        validate.PARALLEL_FROM = 1 if parallel else 10**9
        validate._READ.clear()
        with validate._reading(validate.report_paths(Path(root)), Path(root)) as fresh:
            assert bool(fresh) == parallel  # the path under test is the one taken
        validate._READ.clear()
        try:
            corpus, problems = validate.load_corpus(Path(root))
            loaded.append(("corpus", corpus, problems.items))
        except InputError as exc:
            loaded.append(("errors", exc.problems))
    assert loaded[0] == loaded[1], loaded
    if loaded[0][0] == "corpus":
        print("corpus", len(loaded[0][1].reports))
    else:
        print("errors", *sorted({problem.file for problem in loaded[0][1]}), len(loaded[0][1]))


def test_pages_read_in_worker_processes_give_what_reading_here_gives(project):
    from conftest import in_fresh_process

    assert in_fresh_process("test_validate", "loads_alike", str(project)) == "corpus 2\n"
    # With problems in both pages and in a registry: the same problems, in the same order.
    edit(project, PAGE, "speaker: anna-berg", "speaker: anna-bergg")
    edit(project, PAGE, 'value: "2024", basis: inferred', 'value: "2024-02-30", basis: inferred')
    other = "docs/reports/2024-fenwick-denies.md"
    edit(project, other, "statements:", "statements:\n- colour: red")
    edit(project, "data/events.yml", "  kind: strike", "  kind: [strike")
    printed = in_fresh_process("test_validate", "loads_alike", str(project)).split()
    assert printed[:4] == ["errors", "data/events.yml", PAGE, other], printed
    assert int(printed[4]) >= 4, printed


def test_a_page_read_once_is_not_read_again_under_another_form_of_its_root(project, monkeypatch):
    """`mkdocs serve` named the project `.` on its first build and by its full path after:
    every page was read again on the first edit (3.7 s of a 7.2 s rebuild at 1,000 reports)."""
    import dossier.validate as validate

    validate._READ.clear()
    monkeypatch.chdir(project)
    validate.load_corpus(Path("."))
    again: list[Path] = []
    real = validate._read_fresh
    monkeypatch.setattr(validate, "_read_fresh", lambda p, r: again.append(p) or real(p, r))
    validate.load_corpus(project)
    assert again == []
    (project / PAGE).write_text((project / PAGE).read_text("utf-8") + "\n", "utf-8")
    validate.load_corpus(project)
    assert again == [project / PAGE]  # an edited page is read again, and only it


def test_pages_kept_between_loads_are_only_the_project_s_own(project, tmp_path):
    """A process keeps what it read of each page for its next load (`mkdocs serve`), but not
    of pages deleted since, nor of another project it loaded before."""
    import dossier.validate as validate

    other = tmp_path / "other"
    shutil.copytree(project, other)
    validate._READ.clear()
    validate.load_corpus(other)
    validate.load_corpus(project)
    pages = sorted(p.name for p in (project / "docs" / "reports").glob("*.md"))
    assert sorted(Path(page).name for _, page in validate._READ) == pages
    assert {root for root, _ in validate._READ} == {str(project.resolve())}
    gone = project / "docs" / "reports" / pages[-1]
    text = gone.read_text("utf-8")
    gone.unlink()
    with contextlib.suppress(InputError):  # its statements may be cited elsewhere
        validate.load_corpus(project)
    assert sorted(Path(page).name for _, page in validate._READ) == pages[:-1]
    gone.write_text(text, "utf-8")


# --- `dossier check`: every check of a build, no page made ------------------------------------


def test_check_makes_no_page(project, monkeypatch, capsys):
    """Rendering finds no problem of its own: `dossier check` skips it (at 1,000 reports,
    8.6 s with it, 3.5 s without)."""
    from dossier import build, cli

    def render(*args: object, **kwargs: object) -> None:
        raise AssertionError("dossier check made the pages")

    monkeypatch.setattr(build, "render_after", render)
    assert cli.main(["--root", str(project), "check"]) == 0
    assert "; no problems (" in capsys.readouterr().out
    assert not (project / "docs" / "statements").exists()  # nothing written either


def _breaks(root: Path, what: str) -> None:
    if what == "page limit":
        (root / "mkdocs.yml").write_text("site_name: t\nextra:\n  dossier:\n    page_limit: 3\n")
    elif what == "performance":
        (root / "data" / "performance.json").write_text('{"sizes": "many"}\n', "utf-8")
    elif what == "quality":
        (root / "data" / "quality.json").write_text("{not json\n", "utf-8")
    else:  # a published statement's address vanishes
        from test_addresses import rename_statement

        assert run_dossier(root, "build").returncode == 0  # publishes every address
        rename_statement(root)


@pytest.mark.parametrize("what", ["page limit", "performance", "quality", "published address"])
def test_check_finds_what_a_build_finds_after_reading(project, what):
    """The problems found after the pages are read (settings, recorded measurements, published
    addresses) stop `dossier check` as they stop `dossier build`, with the same messages."""
    _breaks(project, what)
    checked, built = run_dossier(project, "check"), run_dossier(project, "build")
    assert checked.returncode == built.returncode == 1, (checked.stderr, built.stderr)

    def problems(err: str) -> list[str]:
        return [line for line in err.splitlines() if not line.startswith("dossier ")]

    assert problems(checked.stderr) == problems(built.stderr)
    assert problems(checked.stderr), checked.stderr
