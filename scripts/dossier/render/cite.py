"""Citations of a report, a paragraph and a statement: the text and the BibTeX readers copy.

The report page's "How to cite this report" block and the home page's example are built here.
Paragraph and statement citations are built in the reader's browser by
docs/assets/permalink.js, from the data that `source_data` and `statement_data` put on the
page, with the reader's own access date; the functions below are the reference the script
follows (tests/test_permalink.py holds the two equal on the real corpus). Formats, where D is
the access date (YYYY-MM-DD):

    report     “Title”, Outlet, June 2024. Original: URL. In DPRK–Russia Dossier, URL (accessed D).
    paragraph  “Title”, Outlet, June 2024, paragraph 3. Original: URL. In DPRK–Russia Dossier,
               URL#p3 (accessed D).
    statement  Speaker: “words” (19 June 2024). Quoted in “Title”, Outlet, June 2024,
               paragraph 3. In DPRK–Russia Dossier, URL#id (accessed D).

A paraphrase reads `Speaker (reported speech): words (…). Reported in …`. The outlet and the
original's address appear where the editors know them. A title the editors wrote (the text has
no headline) is bracketed, as catalogues mark a supplied title, so that no citation passes it
off as the headline; no byline becomes an author (bylines are kept as printed). Like every
address the site publishes, URLs come from `urls` and are absolute (`Index.absolute`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import urls
from ..escape import bibtex_text, html_attr, html_text, md_inline, safe_url
from ..model import Report, Statement
from ..text import in_context
from .fmt import KIND_LABELS
from .index import Index

SITE_NAME = "DPRK–Russia Dossier"
# What stands for the reader's access date where no script fills it in (JavaScript off, or a
# copy of the page's text): the date's format, to be replaced.
ACCESSED = "YYYY-MM-DD"
ACCESSED_CLASS = "dossier-accessed"  # permalink.js writes the reader's date into these


@dataclass(frozen=True)
class Citation:
    text: str
    bibtex: str


@dataclass(frozen=True)
class Source:
    """A report, as a citation names it."""

    id: str
    title: str  # bracketed when the editors wrote it
    outlet: str | None
    published: str  # as the site shows it: "June 2024"
    date: str  # its value, at its precision: "2024-06"
    url: str  # the report page, absolute
    original: str | None  # the article's own address, where the editors recorded it


@dataclass(frozen=True)
class Said:
    """A statement, as a citation names it."""

    id: str
    speaker: str  # the speaker's name
    words: str  # the report's words, as the paragraph writes them
    kind: str
    when: str  # its date as the site shows it
    date: str  # its date's value
    report: str
    paragraph: int  # the paragraph's number
    anchor: str  # the paragraph's id
    url: str  # the statement's permalink, absolute


def source(report: Report, ix: Index) -> Source:
    title = report.title if report.title_source == "report" else f"[{report.title}]"
    return Source(
        id=report.id,
        title=title,
        outlet=report.outlet,
        published=report.published.display(),
        date=report.published.value,
        url=ix.absolute(urls.url_report(report.id)),
        original=safe_url(report.url) if report.url else None,
    )


def said(s: Statement, ix: Index) -> Said:
    para = ix.reports[s.report].paragraph(s.paragraph)
    found = in_context(para.text, s.text)
    return Said(
        id=s.id,
        speaker=ix.actors[s.speaker].name,
        words=found.words if found else s.text,
        kind=s.kind,
        when=s.date.display(),
        date=s.date.value,
        report=s.report,
        paragraph=para.number,
        anchor=para.id,
        url=ix.absolute(ix.url_statement(s.id)),
    )


# --------------------------------------------------------------------------- the formats


def _work(src: Source) -> str:
    outlet = f"{src.outlet}, " if src.outlet else ""
    return f"“{src.title}”, {outlet}{src.published}"


def _original(src: Source) -> str:
    return f"Original: {src.original}. " if src.original else ""


def _in_dossier(url: str, accessed: str) -> str:
    return f"In {SITE_NAME}, {url} (accessed {accessed})."


def report_citation(src: Source, accessed: str) -> Citation:
    text = f"{_work(src)}. {_original(src)}{_in_dossier(src.url, accessed)}"
    note = f"{_original(src)}In {SITE_NAME}"
    return Citation(text, _bibtex(f"dossier:{src.id}", src, note, src.url, accessed))


def paragraph_citation(src: Source, number: int, anchor: str, accessed: str) -> Citation:
    url = f"{src.url}#{anchor}"
    text = f"{_work(src)}, paragraph {number}. {_original(src)}{_in_dossier(url, accessed)}"
    note = f"Paragraph {number}. {_original(src)}In {SITE_NAME}"
    return Citation(text, _bibtex(f"dossier:{src.id}:{anchor}", src, note, url, accessed))


def statement_citation(s: Said, src: Source, accessed: str) -> Citation:
    paraphrase = s.kind == "paraphrase"
    who = f"{s.speaker} (reported speech)" if paraphrase else s.speaker
    words = s.words if paraphrase else f"“{s.words}”"
    where = f"{'Reported' if paraphrase else 'Quoted'} in {_work(src)}, paragraph {s.paragraph}"
    text = f"{who}: {words} ({s.when}). {where}. {_in_dossier(s.url, accessed)}"
    fields = [
        ("author", "{" + bibtex_text(s.speaker) + "}"),
        ("title", "{" + bibtex_text(s.words) + "}"),
        ("howpublished", bibtex_text(where)),
        ("date", s.date),
        ("year", s.date[:4]),
        ("note", bibtex_text(f"{KIND_LABELS[s.kind]}. In {SITE_NAME}")),
        ("url", _bibtex_url(s.url)),
        ("urldate", accessed),
    ]
    return Citation(text, _entry(f"dossier:{s.id}", fields))


def _bibtex(key: str, src: Source, note: str, url: str, accessed: str) -> str:
    fields = [
        ("title", "{" + bibtex_text(src.title) + "}"),  # double braces keep its capitals
        ("howpublished", bibtex_text(src.outlet) if src.outlet else ""),
        ("date", src.date),
        ("year", src.date[:4]),
        ("note", bibtex_text(note)),
        ("url", _bibtex_url(url)),
        ("urldate", accessed),
    ]
    return _entry(key, fields)


def _entry(key: str, fields: list[tuple[str, str]]) -> str:
    """A @misc entry: one field a line, empty fields left out, the access date last."""
    present = [f"  {name} = {{{value}}}" for name, value in fields if value]
    return f"@misc{{{key},\n" + ",\n".join(present) + "\n}"


def _bibtex_url(url: str) -> str:
    """An address inside a BibTeX field: braces, backslashes and spaces percent-encoded (the
    site's own addresses hold none; a site_url might)."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


# --------------------------------------------------------------------------- on the page


def source_data(src: Source) -> dict[str, str | None]:
    """What permalink.js needs of a report to cite its paragraphs and statements (the page's
    own address it takes from the page: see the module docstring)."""
    return {
        "id": src.id,
        "title": src.title,
        "outlet": src.outlet,
        "published": src.published,
        "date": src.date,
        "original": src.original,
    }


def statement_attributes(s: Said) -> str:
    """A statement card's citation data, as HTML attributes (the statements page holds
    thousands of cards, so only what the card does not show as such): the report's id, the
    paragraph's id and number, the date's value and display. Ids and dates only, so no text
    needs more than `html_attr`. The speaker is the card's `.dossier-speaker` link, the words
    its <mark>, the kind its class, the address its heading's id."""
    values = {"report": s.report, "para": s.anchor, "n": str(s.paragraph), "date": s.date,
              "when": s.when}  # fmt: skip
    return "".join(f' data-{name}="{html_attr(value)}"' for name, value in values.items())


def _split_accessed(text: str) -> tuple[str, str]:
    """The text before and after its access date (the last ACCESSED: nothing an editor wrote
    comes after it)."""
    before, _, after = text.rpartition(ACCESSED)
    return before, after


def _spaced(escape: Callable[[str], str], text: str) -> str:
    """`escape(text)`, keeping one space where the text has space at either end (the escapers
    trim it)."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return f"{lead}{escape(text)}{trail}"


_SPAN = f'<span class="{ACCESSED_CLASS}">{ACCESSED}</span>'


def accessed_html(text: str) -> str:
    """Escaped HTML of a one-line citation, its access date in a span the script fills."""
    before, after = _split_accessed(text)
    return _spaced(html_text, before) + _SPAN + _spaced(html_text, after)


def accessed_md(text: str) -> str:
    """A one-line citation as Markdown text, its access date in a span the script fills."""
    before, after = _split_accessed(text)
    return _spaced(md_inline, before) + _SPAN + _spaced(md_inline, after)


def bibtex_html(bibtex: str) -> str:
    """Escaped HTML of a BibTeX entry for a <pre>: line by line, indentation kept."""
    before, after = _split_accessed(bibtex)
    return _lines_html(before) + _SPAN + _lines_html(after)


def _lines_html(text: str) -> str:
    lines = text.split("\n")
    return "\n".join(" " * (len(x) - len(x.lstrip(" "))) + html_text(x) for x in lines)
