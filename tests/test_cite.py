"""Citations (dossier.render.cite): their formats, BibTeX escaping, and the blocks built with the
site (a report's "How to cite", a statement card's sentence, the home page's addresses), each
rendered by the site's real Markdown renderer, on the hostile corpus too."""

from __future__ import annotations

import html.parser
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURE_CORPUS, HOSTILE_CORPUS, REPO
from dossier.escape import bibtex_text
from dossier.render import cite, home, reports, statements
from dossier.render.index import Index
from dossier.text import in_context
from dossier.validate import load_corpus
from mdrender import render

SITE = "https://example.org/dossier/"


def _source(**changes: object) -> cite.Source:
    values: dict[str, object] = {
        "id": "r1",
        "title": "Allies condemn transfers",
        "outlet": "The Herald",
        "published": "26 October 2023",
        "date": "2023-10-26",
        "url": f"{SITE}reports/r1/",
        "original": "https://herald.example/a?id=1",
    }
    values.update(changes)
    return cite.Source(**values)  # type: ignore[arg-type]


def _said(**changes: object) -> cite.Said:
    values: dict[str, object] = {
        "id": "s1",
        "speaker": "US State Department",
        "words": "We are deeply concerned",
        "kind": "direct",
        "when": "19 June 2024",
        "date": "2024-06-19",
        "report": "r1",
        "paragraph": 3,
        "anchor": "p3",
        "url": f"{SITE}statements/#s1",
    }
    values.update(changes)
    return cite.Said(**values)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the formats


def test_a_report_citation_has_outlet_original_absolute_address_and_access_date():
    c = cite.report_citation(_source(), "2026-01-02")
    assert c.text == (
        "“Allies condemn transfers”, The Herald, 26 October 2023. "
        "Original: https://herald.example/a?id=1. "
        "In DPRK–Russia Dossier, https://example.org/dossier/reports/r1/ (accessed 2026-01-02)."
    )
    assert c.bibtex == (
        "@misc{dossier:r1,\n"
        "  title = {{Allies condemn transfers}},\n"
        "  howpublished = {The Herald},\n"
        "  date = {2023-10-26},\n"
        "  year = {2023},\n"
        "  note = {Original: https://herald.example/a?id=1. In DPRK–Russia Dossier},\n"
        "  url = {https://example.org/dossier/reports/r1/},\n"
        "  urldate = {2026-01-02}\n"
        "}"
    )


def test_what_the_editors_do_not_know_is_left_out():
    c = cite.report_citation(_source(outlet=None, original=None, date="2024-06"), "2026-01-02")
    assert c.text.startswith("“Allies condemn transfers”, 26 October 2023. In DPRK–Russia")
    assert "howpublished" not in c.bibtex and "Original" not in c.bibtex
    assert "  date = {2024-06},\n  year = {2024}," in c.bibtex


def test_a_paragraph_citation_names_its_number_and_anchor():
    c = cite.paragraph_citation(_source(), 3, "p3", "2026-01-02")
    assert c.text == (
        "“Allies condemn transfers”, The Herald, 26 October 2023, paragraph 3. "
        "Original: https://herald.example/a?id=1. "
        "In DPRK–Russia Dossier, https://example.org/dossier/reports/r1/#p3 "
        "(accessed 2026-01-02)."
    )
    assert c.bibtex.startswith("@misc{dossier:r1:p3,\n")
    assert "  note = {Paragraph 3. Original: https://herald.example/a?id=1. In DPRK" in c.bibtex
    assert "  url = {https://example.org/dossier/reports/r1/\\#p3}" not in c.bibtex
    assert "  url = {https://example.org/dossier/reports/r1/#p3},\n" in c.bibtex


def test_a_statement_citation_quotes_or_reports_its_words():
    quote = cite.statement_citation(_said(), _source(), "2026-01-02")
    assert quote.text == (
        "US State Department: “We are deeply concerned” (19 June 2024). Quoted in “Allies "
        "condemn transfers”, The Herald, 26 October 2023, paragraph 3. In DPRK–Russia Dossier, "
        "https://example.org/dossier/statements/#s1 (accessed 2026-01-02)."
    )
    assert "  author = {{US State Department}},\n" in quote.bibtex
    assert "  note = {Direct quote. In DPRK–Russia Dossier},\n" in quote.bibtex
    said = cite.statement_citation(_said(kind="paraphrase", words="voiced concern"), _source(), "D")
    assert said.text.startswith(
        "US State Department (reported speech): voiced concern (19 June 2024). Reported in “"
    )


def test_an_editors_title_is_bracketed():
    corpus, _ = load_corpus(HOSTILE_CORPUS)
    ix = Index(corpus, SITE)
    by_source = {r.title_source: r for r in corpus.reports}
    assert cite.source(by_source["editor"], ix).title == f"[{by_source['editor'].title}]"
    assert cite.source(by_source["report"], ix).title == by_source["report"].title


# --------------------------------------------------------------------------- BibTeX escaping


def test_bibtex_special_characters_become_text():
    assert bibtex_text(r"50% of {x} & #1_a $b ^c ~d \e") == (
        r"50\% of \{x\} \& \#1\_a \$b \textasciicircum{}c \textasciitilde{}d \textbackslash{}e"
    )


_COMMANDS = re.compile(r"\\(?:textbackslash|textasciicircum|textasciitilde)\{\}|\\[{}$&%#_]")


@given(st.text())
def test_no_bibtex_syntax_survives_escaping(text: str):
    escaped = bibtex_text(text)
    bare = _COMMANDS.sub("", escaped)
    assert not set(bare) & set("\\{}$&%#_^~"), escaped
    assert "\n" not in escaped


@given(st.text(alphabet="ab{}\\%#_ ", max_size=30))
def test_a_citation_entry_keeps_its_braces_balanced(title: str):
    entry = cite.report_citation(_source(title=title), "2026-01-02").bibtex
    depth = 0
    for char in _COMMANDS.sub("", entry):
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0, entry
    assert depth == 0, entry


# --------------------------------------------------------------------------- rendered blocks


@pytest.fixture(scope="module")
def includes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("includes")
    (folder / "abbreviations.md").write_text("", encoding="utf-8")
    return folder


class Page(html.parser.HTMLParser):
    """A rendered fragment: the text inside each tag and class, and every element's attributes."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.open: list[list[str]] = []  # the names (tag and classes) of each open element
        self.texts: dict[str, str] = {}
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append([tag, *(dict(attrs).get("class") or "").split()])
        self.attrs.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1][0] == tag:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for name in {name for names in self.open for name in names}:
            self.texts[name] = self.texts.get(name, "") + data

    def text(self, name: str) -> str:
        return self.texts.get(name, "")


def _hostile_index() -> Index:
    corpus, problems = load_corpus(HOSTILE_CORPUS)
    assert not problems.errors
    return Index(corpus, SITE)


@pytest.mark.parametrize("corpus", [FIXTURE_CORPUS, HOSTILE_CORPUS, REPO], ids=lambda p: p.name)
def test_the_report_block_shows_the_citation_as_written(includes: Path, corpus: Path):
    loaded, _ = load_corpus(corpus)
    ix = Index(loaded, SITE)
    for report in loaded.reports:
        block = "\n".join(reports._cite_block(report, ix))
        out = render(f"<section markdown data-search-exclude>\n\n{block}\n\n</section>\n", includes)
        page = Page(out)
        citation = cite.report_citation(cite.source(report, ix), cite.ACCESSED)
        assert page.text("dossier-cite-text") == citation.text, report.id
        assert page.text("dossier-bibtex") == citation.bibtex, report.id
        assert page.text("dossier-accessed") == cite.ACCESSED * 2, report.id
        assert f"{SITE}reports/{report.id}/" in citation.text
        data = next(a["data-cite-report"] for t, a in page.attrs if "data-cite-report" in a)
        assert json.loads(data or "") == cite.source_data(cite.source(report, ix)), report.id
        assert {t for t, _ in page.attrs} <= {"section", "details", "summary", "p", "pre",
                                              "code", "span"}, out  # fmt: skip


def test_a_report_title_that_reads_like_the_date_stand_in_is_left_alone():
    src = _source(title="Due YYYY-MM-DD")
    html = cite.accessed_html(cite.report_citation(src, cite.ACCESSED).text)
    assert html.startswith("“Due YYYY-MM-DD”")
    assert html.count('<span class="dossier-accessed">') == 1
    assert html.endswith('(accessed <span class="dossier-accessed">YYYY-MM-DD</span>).')


def test_a_statement_card_shows_its_sentence_with_its_words_marked(includes: Path):
    for ix in (_hostile_index(), Index(load_corpus(REPO)[0], SITE)):
        for s in ix.statements:
            para = ix.reports[s.report].paragraph(s.paragraph).text
            out = render(f"> {statements.in_context_md(s, para)}\n", includes)
            page = Page(out)
            found = in_context(para, s.text)
            assert found is not None, s.id
            assert page.text("mark") == found.words, s.id
            assert (
                page.text("blockquote").strip()
                == (found.before + found.words + found.after).strip()
            ), s.id
            # Search indexes the words only: the rest of the sentence is in spans it skips.
            rest = (found.before + found.after).strip()
            assert page.text("span").strip() == rest or not rest, s.id
            assert all("data-search-exclude" in a for t, a in page.attrs if t == "span"), out


def test_the_home_page_gives_absolute_addresses():
    ix = Index(load_corpus(FIXTURE_CORPUS)[0], SITE)
    table = home._cite(ix)
    report = ix.corpus.reports[0]
    para = report.paragraphs[-1]
    assert f"`{SITE}reports/<report>/`" in table
    assert f"[`{SITE}reports/{report.id}/#{para.id}`]" in table
    assert f"{SITE}statements/#{ix.statements[0].id}" in table
    assert f"{SITE}timeline/#{ix.corpus.events[0].id}" in table
    assert 'class="dossier-accessed">YYYY-MM-DD</span>' in table
