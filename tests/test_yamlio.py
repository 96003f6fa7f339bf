"""The YAML reader: line numbers for every key path, and the YAML an editor's file may not hold."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier import yamlio
from dossier.load import RawReport, read_registry, read_report
from dossier.problems import Problems
from dossier.yamlio import ANCHOR_MESSAGE, YamlProblem, YamlSyntaxError


def problems(text: str, line_offset: int = 0) -> list[YamlProblem]:
    with pytest.raises(YamlSyntaxError) as caught:
        yamlio.load(text, line_offset)
    return caught.value.problems


# --- line mapping --------------------------------------------------------------------------


def test_lines_of_nested_keys_and_list_items():
    text = (
        "id: x\n"  # 1
        "published:\n"  # 2
        "  value: '2024'\n"  # 3
        "  note: n\n"  # 4
        "statements:\n"  # 5
        "- id: a\n"  # 6
        "  date: {value: '2024', basis: stated}\n"  # 7
        "- id: b\n"  # 8
        "  topics:\n"  # 9
        "  - one\n"  # 10
        "  - two\n"  # 11
    )
    data, lines = yamlio.load(text)
    assert data["statements"][1]["topics"] == ["one", "two"]
    assert lines[()] == 1
    assert lines[("published",)] == 2
    assert lines[("published", "value")] == 3
    assert lines[("published", "note")] == 4
    assert lines[("statements",)] == 5
    assert lines[("statements", 0)] == 6
    assert lines[("statements", 0, "date", "basis")] == 7
    assert lines[("statements", 1)] == 8
    assert lines[("statements", 1, "topics", 1)] == 11
    assert yamlio.line_of(lines, ("statements", 1, "topics", 1, "missing")) == 11
    assert yamlio.line_of(lines, ("nothing",)) == 1


def test_line_offset_for_front_matter_starting_on_line_2():
    data, lines = yamlio.load("id: x\nnotes:\n- {paragraph: p1, text: t}\n", line_offset=1)
    assert data == {"id": "x", "notes": [{"paragraph": "p1", "text": "t"}]}
    assert lines[("id",)] == 2
    assert lines[("notes", 0, "text")] == 4
    assert problems("a: 1\nb: [\n", line_offset=1)[0].line == 4


def test_builds_what_safe_load_builds():
    text = "a: 2024-02-29\nb: 0x1F\nc: yes\nd: ~\ne: 1.5\nf: '2024-02-30'\n"
    data, _ = yamlio.load(text)
    assert data == yaml.safe_load(text)
    assert data["a"] == dt.date(2024, 2, 29)


def test_empty_text_is_none_without_lines():
    assert yamlio.load("") == (None, {})
    assert yamlio.load("# only a comment\n") == (None, {})


# --- what is refused -----------------------------------------------------------------------


def test_anchors_and_aliases_are_refused_with_one_message():
    assert problems("a: &x 1\nb: *x\n") == [YamlProblem(1, ANCHOR_MESSAGE, ("a",))]
    assert problems("a: 1\nb: [*x]\n") == [YamlProblem(2, ANCHOR_MESSAGE, ("b", 0))]


def test_alias_bomb_is_refused_at_once():
    bomb = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    for n in range(1, 9):
        name, prev = chr(97 + n), chr(96 + n)
        bomb += f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n"
    started = time.perf_counter()
    assert problems(bomb) == [YamlProblem(1, ANCHOR_MESSAGE, ("a",))]
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("opener", ["[", "- ", "{a: "])
def test_deep_nesting_is_refused_without_recursion(opener):
    closer = {"[": "]", "- ": "", "{a: ": "}"}[opener]
    if opener == "- ":
        text = "".join("  " * i + "-\n" for i in range(5000))
    else:
        text = opener * 5000 + "1" + closer * 5000
    found = problems(text)
    assert len(found) == 1
    assert found[0].message == "nested more than 20 levels deep; no field needs that: flatten it"
    assert found[0].line == (21 if opener == "- " else 1)


def test_twenty_levels_are_allowed():
    data, _ = yamlio.load("[" * 20 + "1" + "]" * 20)
    for _ in range(20):
        data = data[0]
    assert data == 1


def test_every_duplicate_key_is_reported():
    text = (
        "notes: []\n"  # 1
        "statements:\n"  # 2
        "- id: a\n"  # 3
        "  id: b\n"  # 4
        "notes: [x]\n"  # 5
        "statements: []\n"  # 6
    )
    twice = "appears twice (first on line"
    assert problems(text, line_offset=1) == [
        YamlProblem(5, f"key 'id' {twice} 4); merge them", ("statements", 0, "id")),
        YamlProblem(6, f"key 'notes' {twice} 2); merge them", ("notes",)),
        YamlProblem(7, f"key 'statements' {twice} 3); merge them", ("statements",)),
    ]


def test_an_impossible_unquoted_date_is_reported_at_its_line():
    found = problems("published:\n  value: 2024-02-30\n  basis: stated\n", line_offset=1)
    assert found == [
        YamlProblem(
            3,
            "'2024-02-30' is not a calendar date (day is out of range for month); "
            "correct it, or quote it if it is text",
            ("published", "value"),
        )
    ]
    assert found[0].field == "published.value"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !!python/object:os.system x\n", "the YAML tag !!python/object:os.system is not "
                                             "allowed"),
        ("a: !!binary aGk=\n", "the YAML tag !!binary is not allowed"),
        ("a: !!set {x: null}\n", "the YAML tag !!set is not allowed"),
        ("<<: {a: 1}\n", "YAML merge keys ('<<') are not allowed; write the keys out"),
        ("a: !!int x\n", "'x' cannot be read as an integer; quote it if it is text"),
        ("a: 1\n---\nb: 2\n", "a second YAML document ('---') is not allowed here"),
        ("? [a]\n: 1\n", "a key must be plain text, not a list or mapping"),
        ("a: [\n", "invalid YAML: did not find expected node content"),
        ("a: 1\nb: \x00\n", "invalid YAML: control characters are not allowed"),
    ],
)  # fmt: skip
def test_refused_yaml(text, message):
    found = problems(text)
    assert [p.message for p in found] == [message]
    assert found[0].line is not None


def test_several_problems_in_one_file_are_all_reported_in_line_order():
    text = "a: 1\nb: &x 2\na: 3\nc: 2023-13-01\n"
    assert [(p.line, p.field) for p in problems(text)] == [(2, "b"), (3, "a"), (4, "c")]


def test_control_character_line_counts_multibyte_text():
    assert problems("é: 1\néé: 2\nb: \x00\n")[0].line == 3


def test_work_is_linear_in_the_input():
    def seconds(entries: int) -> float:
        text = "".join(f"- id: e{i}\n  text: 'word {i}'\n  tags: [a, b]\n" for i in range(entries))
        started = time.perf_counter()
        yamlio.load(text)
        return time.perf_counter() - started

    seconds(1000)  # warm up
    small, large = seconds(10_000), seconds(80_000)
    assert large < small * 8 * 3  # linear, with room for noise


# --- round trip ----------------------------------------------------------------------------

_keys = st.text(min_size=1, max_size=12)
_leaves = st.text(max_size=30)
_trees = st.recursive(
    st.dictionaries(_keys, _leaves, max_size=4),
    lambda children: st.dictionaries(_keys, children | st.lists(children, max_size=3), max_size=4),
    max_leaves=20,
)


def _key_paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            out += _key_paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out += _key_paths(value, (*path, index))
    return out


@settings(max_examples=300, deadline=None)
@given(_trees)
def test_any_mapping_of_strings_loads_back_with_a_line_for_every_key_path(data):
    # Not `allow_unicode=True`: PyYAML's pure-Python emitter then writes U+0085 raw, and it
    # reads back as a line break. yamlio.dump uses libyaml's emitter, which escapes it.
    for text in (yaml.safe_dump(data), yamlio.dump(data)):
        loaded, lines = yamlio.load(text, line_offset=1)
        assert loaded == data
        count = text.count("\n")
        for path in _key_paths(data):
            assert 2 <= lines[path] <= count + 1, path


# --- reading report pages and registries ---------------------------------------------------

PAGE = (
    "---\nid: x\ntitle: T\n---\n\nFirst words.\n\n"
    '--8<-- "reports/x.md:p1"\n\nSecond.\n\n--8<-- "reports/x.md:p2"\n'
)


def _read_page(tmp_path: Path, content: bytes | None) -> tuple[RawReport | None, list[str]]:
    page = tmp_path / "docs" / "reports" / "x.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    if content is None:
        page.mkdir()
    else:
        page.write_bytes(content)
    found = Problems(tmp_path)
    report = read_report(page, found)
    return report, [str(p) for p in found.items]


def test_page_with_bom_and_crlf_reads_like_the_plain_page(tmp_path):
    plain, plain_problems = _read_page(tmp_path / "a", PAGE.encode())
    for variant in (
        b"\xef\xbb\xbf" + PAGE.encode(),
        PAGE.replace("\n", "\r\n").encode(),
        PAGE.replace("\n", "\r").encode(),
    ):
        report, found = _read_page(tmp_path / str(len(variant)) / "b", variant)
        assert found == plain_problems == []
        assert report is not None and plain is not None
        assert (report.meta, report.lines) == (plain.meta, plain.lines)
        assert [(p.id, p.text, p.line) for p in report.paragraphs] == [
            ("p1", "First words.", 6),
            ("p2", "Second.", 10),
        ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            PAGE.replace("Second", "Caf\xe9").encode("latin-1"),
            "docs/reports/x.md:10: file: not UTF-8 text (byte 0xe9 on line 10); "
            "re-save it as UTF-8",
        ),
        (b"", "docs/reports/x.md:1: file: the page is empty; it must start with a '---' "
              "front matter block"),
        (b"  \n\n", "docs/reports/x.md:1: file: the page is empty; it must start with a '---' "
                    "front matter block"),
        (None, "docs/reports/x.md: file: is a folder, not a file"),
        (b"---\n- a\n- b\n---\n", "docs/reports/x.md:2: front matter: must be a mapping of keys "
                                  "to values, not a list"),
        (b"---\njust text\n---\n", "docs/reports/x.md:2: front matter: must be a mapping of keys "
                                   "to values, not a single value"),
        (b"---\n---\n", "docs/reports/x.md:2: front matter: must be a mapping of keys to values, "
                        "not empty"),
        (b"---\nid: x\npublished:\n  value: 2024-02-30\n---\n",
         "docs/reports/x.md:4: published.value: '2024-02-30' is not a calendar date (day is out "
         "of range for month); correct it, or quote it if it is text"),
        (b"---\nnotes: []\nid: x\nnotes: [a]\n---\n",
         "docs/reports/x.md:4: notes: key 'notes' appears twice (first on line 2); merge them"),
        (b"---\na: " + b"[" * 5000 + b"]" * 5000 + b"\n---\n",
         "docs/reports/x.md:2: a" + "[0]" * 19 + ": nested more than 20 levels deep; "
         "no field needs that: flatten it"),
        (b"---\nid: x\n", "docs/reports/x.md:1: front matter: the front matter has no closing "
                          "'---' line"),
    ],
)  # fmt: skip
def test_bad_page_gives_one_problem_naming_file_line_and_field(tmp_path, content, expected):
    report, found = _read_page(tmp_path, content)
    assert report is None
    assert found == [expected]


def test_registry_problems_name_file_line_and_field(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "actors.yml").write_bytes(b"- id: a\n  name: Caf\xe9\n")
    (data / "events.yml").write_text("- id: e\n  summary: s\n  summary: t\n", encoding="utf-8")
    (data / "glossary.yml").mkdir()
    found = Problems(tmp_path)
    for name in ("actors", "events", "glossary", "missing"):
        assert read_registry(tmp_path, name, found).items == []
    assert [str(p) for p in found.items] == [
        "data/actors.yml:2: file: not UTF-8 text (byte 0xe9 on line 2); re-save it as UTF-8",
        "data/events.yml:3: [0].summary: key 'summary' appears twice (first on line 2); merge them",
        "data/glossary.yml: file: is a folder, not a file",
        "data/missing.yml: file: missing registry file",
    ]


def test_registry_with_bom_and_crlf_reads_normally(tmp_path):
    (tmp_path / "data").mkdir()
    text = "- id: a\n  name: A\n- id: b\n  name: B\n"
    (tmp_path / "data" / "actors.yml").write_bytes(
        b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
    )
    found = Problems(tmp_path)
    registry = read_registry(tmp_path, "actors", found)
    assert found.items == []
    assert registry.items == [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}]
    assert registry.line(1, "name") == 4
