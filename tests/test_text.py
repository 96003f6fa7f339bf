from dossier.escape import md_inline as escape
from dossier.escape import md_unescape as unescape
from dossier.text import contains, core, quotations, slugify


def test_quotations_pair_mixed_curly_and_straight_marks():
    para = 'finalized a “comprehensive strategic partnership" treaty, calling it a “grave” act'
    assert [q.text for q in quotations(para)] == ["comprehensive strategic partnership", "grave"]


def test_apostrophes_are_not_quotation_marks():
    assert [q.text for q in quotations("Russia’s war, “North Korea’s role”")] == [
        "North Korea’s role"
    ]


def test_contains_ignores_whitespace_and_quote_styles():
    assert contains("He said “We’re  here.”", "We're here.")
    assert not contains("He said “We’re here.”", "We are here.")


def test_core_drops_edge_punctuation_only():
    assert core("baseless.”") == "baseless"
    assert core("“Hero”") == "Hero"


def test_markdown_escape_round_trips():
    text = "1. Not a list *or* emphasis_ [link](x) <b> # heading \\ back"
    assert unescape(escape(text)) == text
    assert escape("# title").startswith("\\#")


def test_slugify():
    assert slugify("S. Korea, US, Japan condemn N. Korea’s arms!") == (
        "s-korea-us-japan-condemn-n-koreas-arms"
    )
