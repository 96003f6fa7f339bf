"""The glossary page and the abbreviations file that turns terms into tooltips site-wide."""

from __future__ import annotations

from .. import urls
from ..escape import abbr_definition, md_heading, md_inline
from .fmt import banner, front_matter
from .index import Index


def glossary_page(ix: Index) -> str:
    out = [
        front_matter("Glossary"),
        banner("data/glossary.yml"),
        "# Glossary",
        "",
        "Abbreviations and terms used in the reports. Abbreviations are explained wherever they "
        "appear on the site: hover over or focus a dotted-underlined term.",
        "",
    ]
    for term in ix.corpus.glossary:
        out += [f"## {md_heading(term.term, urls.glossary_anchor(term.term))}", ""]
        if term.expansion:
            out += [f"**{md_inline(term.expansion)}**", ""]
        out += [md_inline(term.definition), ""]
    return "\n".join(out) + "\n"


def abbreviations(ix: Index) -> str:
    """Python-Markdown `abbr` definitions, appended to every page by pymdownx.snippets."""
    lines = [banner("data/glossary.yml").strip(), ""]
    for term in ix.corpus.glossary:
        if term.expansion:
            lines.append(abbr_definition(term.term, term.expansion))
    return "\n".join(lines) + "\n"
