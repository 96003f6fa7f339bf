"""The glossary page and the abbreviations file that turns terms into tooltips site-wide."""

from __future__ import annotations

from ..markdown import inline
from ..text import slugify
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
        heading = inline(term.term)
        out += [f"## {heading} {{ #{slugify(term.term, 12) or 'term'} }}", ""]
        if term.expansion:
            out += [f"**{inline(term.expansion)}**", ""]
        out += [inline(term.definition), ""]
    return "\n".join(out) + "\n"


def abbreviations(ix: Index) -> str:
    """Python-Markdown `abbr` definitions, appended to every page by pymdownx.snippets."""
    lines = [banner("data/glossary.yml").strip(), ""]
    for term in ix.corpus.glossary:
        if term.expansion:
            lines.append(f"*[{term.term}]: {term.expansion}")
    return "\n".join(lines) + "\n"
