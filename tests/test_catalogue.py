"""The bad-input catalogue: each case is the fixture corpus with one small defect, and its exact
expected problem list (count and text, with file, line and field) in tests/catalogue/<case>.txt.

For every case, `dossier build` prints exactly those lines, exits 1, prints no traceback and
changes no file. `make goldens` rewrites the expected lists; review the diff. (`dossier import`
cases are in test_import.py; the write path's cases in test_write.py.)
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import FIXTURE_CORPUS
from dossier import cli

EXPECTED = Path(__file__).parent / "catalogue"
UPDATE = os.environ.get("DOSSIER_UPDATE_GOLDENS") == "1"
A = "docs/reports/2024-03-05-ministers-condemn.md"
B = "docs/reports/2024-fenwick-denies.md"
REFS = "data/references.yml"
Edit = Callable[[Path], None]


def replace(rel: str, old: str, new: str, count: int = 1) -> Edit:
    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) >= count, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return apply


def write(rel: str, data: str | bytes) -> Edit:
    def apply(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")

    return apply


def delete(rel: str) -> Edit:
    return lambda root: (root / rel).unlink()


@dataclass(frozen=True)
class Case:
    name: str
    edits: tuple[Edit, ...]


def case(name: str, *edits: Edit) -> Case:
    return Case(name, edits)


ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}]\n"
    for i in range(8)
)
STATEMENT_1 = "- id: 2024-03-04-berg-will-not-stand-by\n"

CASES = [
    # --- the page itself ---------------------------------------------------------------------
    case("page-without-front-matter", replace(A, "---\n", "", 1)),
    case("front-matter-not-closed", lambda r: _drop_second_fence(r / A)),
    case("front-matter-is-a-list", lambda r: _front_matter(r / A, "- id: x\n- status: ready\n")),
    case("page-not-utf8", lambda r: _latin1(r / A, "Freedonia", "Fr\xe9donia")),
    case("page-empty", write(A, "")),
    case("yaml-syntax-error-in-page", replace(A, "status: ready", "status: [ready")),
    case("yaml-duplicate-key", replace(A, "notes:", "statements: []\nnotes:")),
    case("yaml-alias-bomb", write("data/glossary.yml", ALIAS_BOMB)),
    case("yaml-deep-nesting", write("data/glossary.yml", "- " + "[" * 5000 + "]" * 5000 + "\n")),
    case("yaml-syntax-error-in-registry", replace("data/events.yml", "kind: strike", "kind: [x")),
    case("registry-missing", delete("data/glossary.yml")),
    case("registry-not-a-list", write("data/glossary.yml", "term: UN\n")),
    # --- types, fields, vocabularies --------------------------------------------------------
    case(
        "wrong-types",
        replace(A, "speaker: anna-berg", "speaker: 5"),
        replace(
            A, "topics: [arms-transfers]\n- id: 2024-fenwick", "topics: arms\n- id: 2024-fenwick"
        ),
        replace(B, "on_behalf_of: [grand-fenwick]", "on_behalf_of: grand-fenwick"),
    ),
    case(
        "unknown-fields",
        replace(A, "byline: Jane Doe", "byline: Jane Doe\nauthor: X"),
        replace(A, "speaker: anna-berg", "speaker: anna-berg\n  mood: grim"),
        replace("data/actors.yml", "kind: person", "kind: person\n  age: 50"),
    ),
    case(
        "missing-fields",
        replace(A, "  kind: direct\n", ""),
        replace(A, "  venue: joint press conference\n  paragraph: p2", "  paragraph: p2"),
    ),
    case("unknown-kind", replace(A, "kind: direct", "kind: quote")),
    case(
        "non-mapping-statement-beside-a-late-date",
        replace(A, STATEMENT_1, "- just a string\n" + STATEMENT_1),
        replace(
            A,
            'value: "2024-03-04", basis: inferred, note: "Said',
            'value: "2024-04-01", basis: inferred, note: "Said',
        ),
    ),
    # --- dates ------------------------------------------------------------------------------
    case(
        "impossible-date",
        replace(
            A,
            'value: "2024-03-04", basis: inferred, note: "Said',
            'value: "2024-02-30", basis: inferred, note: "Said',
        ),
    ),
    case("impossible-date-unquoted", replace(B, "value: '2024-03'", "value: 2024-02-30")),
    case(
        "precision-contradiction",
        replace(B, "value: '2024-03'", "value: '2024-03'\n  precision: day"),
    ),
    case("date-note-todo", replace(B, "note: The report speaks", "note: TODO the report speaks")),
    case(
        "statement-after-report",
        replace(
            A,
            'value: "2024-03-04", basis: inferred, note: "Said',
            'value: "2024-03-09", basis: inferred, note: "Said',
        ),
    ),
    case(
        "event-after-report",
        replace(
            "data/events.yml",
            'value: "2024-02", basis: inferred',
            'value: "2024-04", basis: inferred',
        ),
    ),
    # --- references -------------------------------------------------------------------------
    case("unknown-speaker", replace(A, "speaker: anna-berg", "speaker: anna-bergg")),
    case(
        "unknown-on-behalf-of", replace(A, "on_behalf_of: [ruritania]", "on_behalf_of: [ruritanie]")
    ),
    case(
        "unknown-event-in-statement",
        replace(
            A,
            "event: ministers-joint-press-conference\n  topics: [arms-transfers]\n- id: 2024-f",
            "event: no-such-event\n  topics: [arms-transfers]\n- id: 2024-f",
        ),
    ),
    case(
        "event-not-listed-in-report",
        replace(
            B,
            "event: fenwick-denial\n  topics: [arms-transfers]",
            "event: ministers-joint-press-conference\n  topics: [arms-transfers]",
        ),
    ),
    case(
        "unknown-event-in-report",
        replace(
            B,
            "- id: fenwick-denial\n  paragraphs: [p1, p2]",
            "- id: fenwick-denial\n  paragraphs: [p1, p2]\n- id: no-such-event\n  paragraphs: [p1]",
        ),
    ),
    case(
        "unknown-actor-in-event",
        replace("data/events.yml", "actors: [grand-fenwick]", "actors: [grand-fenwik]"),
    ),
    case(
        "unknown-affiliation",
        replace("data/actors.yml", "affiliation: ruritania", "affiliation: ruritannia"),
    ),
    case("unknown-paragraph", replace(A, "paragraph: p2\n  event", "paragraph: p9\n  event")),
    case(
        "invalid-entry-is-not-reported-again-as-unknown",
        replace("data/actors.yml", "kind: person", "kind: human"),
    ),
    # --- ids --------------------------------------------------------------------------------
    case(
        "duplicate-statement-id-in-a-file",
        replace(A, "id: 2024-fenwick-denial-alpha", "id: 2024-03-04-berg-will-not-stand-by"),
    ),
    case(
        "duplicate-statement-id-across-files",
        replace(B, "id: 2024-fenwick-sent-nothing", "id: 2024-03-04-berg-will-not-stand-by"),
    ),
    case("duplicate-actor-id", replace("data/actors.yml", "- id: freedonia", "- id: ruritania")),
    case(
        "duplicate-event-id",
        replace("data/events.yml", "- id: fenwick-denial", "- id: border-missile-crossings"),
    ),
    case("duplicate-glossary-term", lambda r: _duplicate_first_glossary_term(r)),
    case("alias-collision", lambda r: _alias_collision(r)),
    case(
        "duplicate-paragraph-id",
        replace(A, f'--8<-- "{A[5:]}:p3"', f'--8<-- "{A[5:]}:p2"'),
    ),
    case(
        "paragraph-id-line-of-the-old-layout",
        replace(A, "any missiles.\n\n--8<--", "any missiles.\n{: #p3 }\n\n--8<--"),
    ),
    case(
        "statement-id-clashes-with-a-heading",
        replace(A, "id: 2024-fenwick-denial-alpha", "id: month-2024-03"),
    ),
    case(
        "event-id-clashes-with-a-heading",
        replace("data/events.yml", "- id: fenwick-denial", "- id: year-2024"),
        replace(B, "- id: fenwick-denial\n", "- id: year-2024\n"),
        replace(B, "event: fenwick-denial", "event: year-2024", 2),
    ),
    case(
        "report-id-is-not-the-file-name",
        replace(A, "id: 2024-03-05-ministers-condemn", "id: ministers"),
    ),
    # --- quotes and losslessness ------------------------------------------------------------
    case(
        "quote-not-verbatim",
        replace(A, 'text: "We will not stand by', 'text: "We shall not stand by'),
    ),
    case(
        "quotation-not-indexed",
        replace(
            A,
            "- text: Northern Partnership\n  paragraph: p4\n"
            "  reason: name of a framework, not something said\n",
            "",
        ),
        replace(A, "not_statements:\n", "not_statements: []\n"),
    ),
    case(
        "not-statement-not-verbatim",
        replace(A, "- text: Northern Partnership", "- text: Southern Partnership"),
    ),
    case(
        "paragraph-text-edited",
        replace(
            A,
            "Grand Fenwick denied sending any missiles.\n\n--8<--",
            "Grand Fenwick denied sending missiles.\n\n--8<--",
        ),
        replace(
            A,
            "text: Grand Fenwick denied sending any missiles.",
            "text: Grand Fenwick denied sending missiles.",
        ),
    ),
    case(
        "paragraph-holds-html",
        replace(
            A,
            "Grand Fenwick denied sending any missiles.\n\n--8<--",
            "Grand Fenwick denied sending any missiles.<img src=x onerror=alert(1)>\n\n--8<--",
        ),
    ),
    case("original-deleted", delete("sources/beta.txt")),
    case("original-changed", lambda r: _rewrite_original(r / "sources/alpha.txt")),
    case("original-not-utf8", lambda r: _latin1(r / "sources/beta.txt", "baseless", "basel\xe9ss")),
    case(
        "source-file-outside-sources",
        replace(B, "source_file: beta.txt", "source_file: ../../etc/x.txt"),
    ),
    case(
        "source-file-absolute",
        replace(B, "source_file: beta.txt", "source_file: /etc/debian_version"),
    ),
    case(
        "include-of-another-file",
        replace(
            A, '--8<-- "reports/2024-03-05-ministers-condemn.md:footer"', '--8<-- "../mkdocs.yml"'
        ),
    ),
    # --- untrusted text ---------------------------------------------------------------------
    case(
        "title-with-markup",
        replace(
            B,
            "title: Grand Fenwick calls",
            "title: <img src=x onerror=alert(1)> Grand Fenwick calls",
        ),
    ),
    case(
        "control-characters",
        replace(B, "note: The report speaks", 'note: "The report\\r{: onclick=x } speaks'),
        replace(B, "of 'last month' in February 2024.", "of 'last month' in February 2024.\""),
    ),
    case(
        "actor-name-with-a-newline",
        replace("data/actors.yml", "name: Anna Berg", 'name: "Anna Berg\\n---\\ntitle: x"'),
    ),
    case("url-not-http", replace(B, "url: null", "url: javascript:alert(1)")),
    case("glossary-term-with-bracket", lambda r: _glossary_bracket(r)),
    # --- true to the record: outside sources, issued wording, threads, groups -----------------
    case("external-date-without-reference", replace(B, ", references: [fenwick-bulletin]}", "}")),
    case(
        "note-speaks-of-outside-without-reference",
        replace(A, "  references: [fenwick-bulletin]\n", ""),
    ),
    case(
        "unknown-reference",
        replace(B, "references: [fenwick-bulletin]}", "references: [bulletin]}"),
    ),
    case(
        "reference-without-http-address",
        replace(REFS, "url: https://example.org/ruritania/communique", "url: file:///etc/passwd"),
    ),
    case(
        "paraphrase-not-verbatim",
        replace(
            A,
            "text: Grand Fenwick denied sending any missiles.",
            "text: Grand Fenwick denied sending missiles.",
        ),
    ),
    case(
        "speaker-label-with-a-gloss",
        replace(
            A,
            "speaker_label: the Ruritanian minister, Anna Berg",
            "speaker_label: the Ruritanian minister (Anna Berg)",
        ),
    ),
    case(
        "venue-not-in-the-text",
        replace(
            A,
            "venue: joint press conference\n  paragraph: p2",
            "venue: televised address\n  paragraph: p2",
        ),
    ),
    case(
        "issued-differs-without-a-note",
        replace(B, ', note: "Reported “baseless”; issued “entirely baseless”."}', "}"),
    ),
    case(
        "answers-an-unknown-statement",
        replace(
            B,
            "statement: 2024-03-04-berg-will-not-stand-by, relation: denies",
            "statement: 2024-03-04-berg, relation: denies",
        ),
    ),
    case(
        "answers-a-later-statement",
        replace(
            B,
            "statement: 2024-03-04-berg-will-not-stand-by, relation: denies",
            "statement: 2024-fenwick-baseless, relation: denies",
        ),
        replace(
            B,
            'value: "2024", basis: inferred, note: "Added',
            'value: "2024-02", basis: inferred, note: "Added',
        ),
    ),
    case("unknown-relation", replace(B, "relation: denies", "relation: rebuts")),
    case(
        "group-count-without-reference",
        replace("data/actors.yml", "  members_reference: ministers-communique\n", ""),
    ),
    case(
        "members-of-a-country",
        replace(
            "data/actors.yml",
            "  aliases: [Ruritanian]\n",
            "  aliases: [Ruritanian]\n  members: [anna-berg]\n",
        ),
    ),
    case(
        "event-leaves-out-a-statements-paragraph",
        replace(
            A,
            "- id: ministers-joint-press-conference\n  paragraphs: [p1, p2]",
            "- id: ministers-joint-press-conference\n  paragraphs: [p1]",
        ),
    ),
    case(
        "talking-point-not-in-a-statement",
        replace("data/talking_points.yml", "text: missiles", "text: rockets"),
    ),
    case(
        "talking-point-with-one-statement",
        replace(
            "data/talking_points.yml",
            "statements: [2024-03-04-berg-will-not-stand-by, 2024-fenwick-denial-alpha]",
            "statements: [2024-03-04-berg-will-not-stand-by]",
        ),
    ),
    case(
        "ambiguous-alias-names-another-actor",
        replace(
            "data/actors.yml",
            "  aliases: []\n  description: Another country",
            "  aliases: []\n  ambiguous: [{alias: Ruritanian, after: [minister]}]\n"
            "  description: Another country",
        ),
    ),
    case(
        "candidates-left-in-a-ready-report",
        replace(
            B,
            "not_statements: []",
            "not_statements: []\ncandidates:\n- {paragraph: p1, text: baseless}",
        ),
    ),
]


def _drop_second_fence(page: Path) -> None:
    lines = page.read_text(encoding="utf-8").split("\n")
    second = [i for i, line in enumerate(lines) if line.strip() == "---"][1]
    del lines[second]
    page.write_text("\n".join(lines), encoding="utf-8")


def _latin1(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_bytes(text.replace(old, new, 1).encode("latin-1", "replace"))


def _rewrite_original(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(line.upper() for line in lines), encoding="utf-8")


def _duplicate_first_glossary_term(root: Path) -> None:
    path = root / "data/glossary.yml"
    text = path.read_text(encoding="utf-8")
    first = text[text.index("- term:") :].split("\n- term:")[0]
    path.write_text(
        text + ("\n" if not text.endswith("\n") else "") + first + "\n", encoding="utf-8"
    )


def _alias_collision(root: Path) -> None:
    path = root / "data/actors.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("aliases: []", "aliases: [Ruritania]", 1), encoding="utf-8")


def _front_matter(page: Path, yaml_text: str) -> None:
    lines = page.read_text(encoding="utf-8").split("\n")
    second = [i for i, line in enumerate(lines) if line.strip() == "---"][1]
    page.write_text("\n".join(["---", yaml_text.rstrip("\n"), *lines[second:]]), encoding="utf-8")


def _glossary_bracket(root: Path) -> None:
    path = root / "data/glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- term: ", "- term: x] ", 1), encoding="utf-8")


def _snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("catalogue") / "base"
    shutil.copytree(FIXTURE_CORPUS, root)
    (root / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    return root


def test_the_catalogue_is_large_and_named_uniquely() -> None:
    names = [c.name for c in CASES]
    assert len(names) == len(set(names))
    assert len(CASES) >= 70


@pytest.mark.parametrize("bad", CASES, ids=lambda c: c.name)
def test_bad_input(
    bad: Case, base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "p"
    shutil.copytree(base, root)
    for edit in bad.edits:
        edit(root)
    before = _snapshot(root)
    status = cli.main(["--root", str(root), "build"])
    err = capsys.readouterr().err
    lines = err.splitlines()
    expected_file = EXPECTED / f"{bad.name}.txt"
    if UPDATE:
        EXPECTED.mkdir(exist_ok=True)
        expected_file.write_text(err, encoding="utf-8")
    assert status == 1, err
    assert "Traceback" not in err
    assert _snapshot(root) == before, "a failing build changed files"
    assert lines[-1].endswith("; nothing written."), lines
    assert expected_file.is_file(), f"no expected list for {bad.name}: run `make goldens`"
    expected = expected_file.read_text(encoding="utf-8").splitlines()
    assert lines == expected
