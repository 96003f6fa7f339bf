"""Escaping, proven against the real renderer (Python-Markdown configured from mkdocs.yml).

Every string survives to the page as itself: same text, no element or attribute it did not
ask for, its heading id kept, no file included.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dossier import escape
from mdrender import Tree, extension_names, render

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "Kim meets Putin <img src=x onerror=alert(1)>",
    'x {: onmouseover="alert(1)" style="position:fixed" }',
    ":smile:{: onclick=alert(1) }",
    "++ctrl++{: onclick=alert(1) }",
    '--8<-- "abbreviations.md"',
    '-8<- "secret.txt"',
    '!!! danger "x"',
    "??? note",
    "# Heading",
    "1. listed",
    "1) listed",
    "- item",
    "+ item",
    "* item",
    "> quote",
    ": definition",
    "---",
    "===",
    "***",
    "| a | b |",
    "[link](http://example.invalid)",
    "![img](x.png)",
    "`code` and ``more``",
    "*em* _em_ **strong** __strong__",
    "x < y & AT&amp;T &lt;b&gt; &#60;",
    "{{ config.site_name }} {% raw %}",
    "[TOC]",
    "*[HTML]: Hyper",
    "back\\slash \\* \\",
    "trailing hashes ##",
    "{ #custom-id }",
    "right-to-left \u202eevil\u202c and \u200bzero\u200dwidth",
    "emoji 🇰🇵🇷🇺 👍🏽",
    "=1+1",
    "@SUM(A1)",
    "-2+3",
    "w" * 5000,
    "Hwasong-11 and N. Korea",
]

one_line_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=80,
).map(escape.one_line)
syntaxy_text = (
    st.lists(
        st.sampled_from(
            [*"\\`*_[]{}#+|<>&!?=:-.()\"' ~^%@$1", "--8<--", "{:", "&amp;", "&#58;", "a", "x"]
        ),
        max_size=30,
    )
    .map("".join)
    .map(escape.one_line)
)
any_text = st.one_of(one_line_text, syntaxy_text).filter(bool)


@pytest.fixture(scope="module")
def includes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("includes")
    (folder / "abbreviations.md").write_text("", encoding="utf-8")
    (folder / "secret.txt").write_text("SECRET-INCLUDED", encoding="utf-8")
    return folder


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _check_paragraph(text: str, includes: Path) -> None:
    out = render(escape.md_inline(text) + "\n{: #p1 }\n", includes)
    tree = Tree(out)
    assert [t for t, _ in tree.tags] == ["p"], out
    assert tree.tags[0][1] == {"id": "p1"}, out
    assert _squash(tree.plain) == _squash(text), out
    assert "SECRET-INCLUDED" not in out


def test_the_escaping_is_proven_for_the_sites_extensions() -> None:
    """The escaping rules assume exactly these extensions: adding one means re-checking them."""
    names = extension_names()
    expected = {name.split(".")[-1] for name in escape.MARKDOWN_EXTENSIONS}
    assert {n.lower().replace("extension", "") for n in names} >= set()
    config = (Path(__file__).parents[1] / "mkdocs.yml").read_text(encoding="utf-8")
    block = config[config.index("markdown_extensions:") : config.index("\nvalidation:")]
    listed = re.findall(r"^  - ([\w.]+)", block, re.M)
    assert sorted(listed) == sorted(escape.MARKDOWN_EXTENSIONS)
    assert expected


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_a_plain_paragraph(text: str, includes: Path) -> None:
    _check_paragraph(text, includes)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=any_text)
@example(text="x\r{: onclick=alert(1) }")
@example(text="note\u2028{: #p1 onclick=x }")
def test_any_text_is_a_plain_paragraph(text: str, includes: Path) -> None:
    _check_paragraph(text, includes)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=any_text)
def test_any_text_in_a_heading_keeps_the_heading_id(text: str, includes: Path) -> None:
    out = render(f"#### {escape.md_heading(text or 'x', 'stmt-1')}\n", includes)
    tree = Tree(out)
    tags = [t for t, _ in tree.tags]
    assert tags[0] == "h4" and tree.tags[0][1].get("id") == "stmt-1", out
    assert set(tags) <= {"h4", "a"}, out  # the toc permalink
    assert _squash(tree.plain).removesuffix("¶").strip() == _squash(text or "x"), out


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(first=any_text, second=any_text)
def test_any_text_in_list_items_table_cells_and_definitions(
    first: str, second: str, includes: Path
) -> None:
    source = (
        f"- {escape.md_inline(first)}\n- {escape.md_inline(second)}\n\n"
        f"| A | B |\n|---|---|\n| {escape.md_cell(first)} | {escape.md_cell(second)} |\n\n"
        f"Term\n:   {escape.md_inline(first)}\n"
    )
    out = render(source, includes)
    tree = Tree(out)
    allowed = {"ul", "li", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "p"}
    assert {t for t, _ in tree.tags} <= allowed, out
    assert all(not attrs or set(attrs) <= {"align"} for _, attrs in tree.tags), out
    assert [t for t, _ in tree.tags].count("td") == 2, out
    cells = re.findall(r"<td>(.*?)</td>", out, re.S)
    assert [_squash(Tree(c).plain) for c in cells] == [_squash(first), _squash(second)]


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(term=any_text, expansion=any_text)
def test_abbreviation_definitions_make_only_tooltips(
    term: str, expansion: str, includes: Path
) -> None:
    term = term.replace("]", "").replace("\\", "").strip() or "T"
    expansion = expansion.strip() or "E"
    (includes / "abbreviations.md").write_text(
        escape.abbr_definition(term, expansion) + "\n", encoding="utf-8"
    )
    try:
        out = render(f"Says {escape.md_inline(term)} here.\n", includes)
    finally:
        (includes / "abbreviations.md").write_text("", encoding="utf-8")
    tree = Tree(out)
    assert {t for t, _ in tree.tags} <= {"p", "abbr"}, out
    for tag, attrs in tree.tags:
        if tag == "abbr":
            assert set(attrs) == {"title"} and attrs["title"] == escape.one_line(expansion), out


def test_glossary_terms_still_become_tooltips_in_escaped_text(includes: Path) -> None:
    (includes / "abbreviations.md").write_text(
        escape.abbr_definition("Hwasong-11", "a missile") + "\n", encoding="utf-8"
    )
    try:
        out = render(escape.md_inline("Hwasong-11 missiles") + "\n", includes)
    finally:
        (includes / "abbreviations.md").write_text("", encoding="utf-8")
    assert '<abbr title="a missile">Hwasong-11</abbr>' in out


@given(text=any_text)
def test_unescape_inverts_escape(text: str) -> None:
    assert escape.md_unescape(escape.md_inline(text)) == escape.one_line(text)


@given(st.text(max_size=60))
def test_front_matter_title_is_one_line_of_yaml_holding_escaped_html(title: str) -> None:
    import yaml

    block = escape.front_matter(title)
    assert block.count("\n") == 2
    data = yaml.safe_load(block.removeprefix("---\n"))
    assert data == {"title": escape.html_text(title)}
    assert "<" not in data["title"]


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/a?b=1&c=(2)", True),
        ('http://x/"><img/src=x/onerror=alert(1)>', True),
        ('http://x/"><img src=x onerror=alert(1)>', False),
        ("a onmouseover=alert(1) x", False),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("https://", False),
        ("https://ok.example/\r{: onclick=x }", False),
    ],
)
def test_urls_become_links_only_when_http(url: str, linked: bool, includes: Path) -> None:
    out = render(escape.md_url_link(url) + "\n", includes)
    tree = Tree(out)
    hrefs = [attrs.get("href") for tag, attrs in tree.tags if tag == "a"]
    assert {t for t, _ in tree.tags} <= {"p", "a"}, out
    if linked:
        assert len(hrefs) == 1 and hrefs[0] is not None
        assert hrefs[0].startswith(("http://", "https://"))
        assert not re.search(r"[\s\"<>]", hrefs[0])
    else:
        assert hrefs == []
    assert _squash(tree.plain) == _squash(escape.one_line(url))


@given(st.text(max_size=40))
def test_xml_text_is_well_formed_and_itself(text: str) -> None:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg"><title>{escape.xml_text(text)}</title>'
        f'<text aria-label="{escape.xml_text(text)}">x</text></svg>'
    )
    root = ET.fromstring(svg)
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None
    assert (title.text or "") == escape._NOT_XML.sub("", escape.one_line(text))


@given(st.text(max_size=20))
def test_csv_cells_never_start_a_formula(text: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([escape.csv_cell(text)])
    cell = next(csv.reader(io.StringIO(buffer.getvalue())), [""])
    value = cell[0] if cell else ""
    assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert value.removeprefix("'") == text or value == text


@given(st.recursive(st.text(), lambda c: st.lists(c) | st.dictionaries(st.text(), c)))
def test_json_for_html_has_no_markup_characters(data: object) -> None:
    text = escape.json_for_html(data)
    assert not re.search(r"[<>&]", text)
    assert json.loads(text) == data
