"""The one owner of escaping: every piece of editor or imported text reaches its output here.

Originals come from the web and editors make mistakes, so no text may ever become markup, a
script, a formula or a file include. Each output context has one function:

| context                                   | function        |
|-------------------------------------------|-----------------|
| Markdown text (labels, quotes, notes, report paragraphs) | `md_inline` |
| Markdown table cell                       | `md_cell`       |
| Markdown heading with an attribute list   | `md_heading`    |
| Markdown link to an outside address       | `md_url_link`   |
| page title in generated front matter      | `front_matter`  |
| HTML text and attribute values            | `html_text`, `html_attr` |
| the abbreviations file (`*[term]: ...`)   | `abbr_definition` |
| SVG (XML) text and attributes             | `xml_text`      |
| CSV cells (spreadsheet formula guard)     | `csv_cell`      |
| JSON placed inside HTML or JS             | `json_for_html` |
| a BibTeX field value (citations)          | `bibtex_text`   |

Why this character set: the site's Markdown is rendered by Python-Markdown with exactly the
extensions listed in `MARKDOWN_EXTENSIONS` (a test keeps mkdocs.yml in step). Of those, inline
syntax comes from `\\ ` * _ [ ] { } # + | < &` (escapes, code, emphasis, links, attribute lists,
heading closers, table cells, raw HTML, entities and `--8<--` snippet lines, which need `<`).
Block syntax comes from a line's first characters. `:` has no inline meaning without the emoji
extension, which the site therefore does not load (it also fetched images from a CDN).
`-` and `.` are left alone inside a line so that glossary terms such as "Hwasong-11" and
"N. Korea" still become tooltips; they are escaped where they start a line.
"""

from __future__ import annotations

import functools
import html
import json
import re
import urllib.parse

import yaml

# libyaml's dumper where PyYAML has it (the same output, several times faster); the width
# keeps a value on one line.
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
ONE_LINE = 2**31 - 1

# The Markdown extensions the escaping below is proven against (tests/test_escape.py).
MARKDOWN_EXTENSIONS = (
    "abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.snippets",
)  # fmt: skip

# Characters that break a line in Python-Markdown, YAML or a browser's eyes, plus the C0 and C1
# controls. One-line fields must not hold them (validation says so); renderers turn any that
# slip through into a space.
LINE_BREAKS = "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_BREAK_OR_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# XML 1.0 cannot carry most C0 controls at all, escaped or not, nor U+FFFE/U+FFFF.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_BACKSLASHED = frozenset("\\`*_[]{}#+|")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_INLINE = str.maketrans({**{c: "\\" + c for c in _BACKSLASHED}, **_ENTITIES})
# At the start of a block line: list, heading, quote, rule, table, definition, admonition,
# details and ordered-list markers. `=`, `:` and `?` have no backslash escape in
# Python-Markdown, so they become numeric character references.
_LINE_START_BACKSLASH = frozenset("-!")
_LINE_START_ENTITY = {"=": "&#61;", ":": "&#58;", "?": "&#63;", "~": "&#126;", "%": "&#37;"}
_ORDERED = re.compile(r"^(\d+)([.)])")
_UNESCAPE = re.compile(r"\\([\\`*_\[\]{}#+|!\-.)])|&(amp|lt|gt|#\d+);")

CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def control_characters(text: str) -> list[str]:
    """The control and line-break characters in `text`, as U+XXXX names (for messages)."""
    return sorted({f"U+{ord(c):04X}" for c in _CONTROL.findall(text)})


@functools.lru_cache(maxsize=1 << 17)
def one_line(text: str) -> str:
    """Any run of line breaks or control characters becomes one space; ends are trimmed."""
    return _BREAK_OR_CONTROL.sub(" ", text).strip()


@functools.lru_cache(maxsize=1 << 17)  # names and titles recur thousands of times a build
def md_inline(text: str) -> str:
    """Text shown as itself in Markdown, mid-line or at the start of a block line.

    Besides the inline syntax characters, the first characters are escaped so that nothing
    turns into a list, heading, rule, table, definition, admonition or numbered item: text
    often lands at a line start (a report paragraph, a list item's content, which
    Python-Markdown reads as blocks of its own). Mid-line, those escapes are harmless.
    """
    body = one_line(text).translate(_INLINE)
    ordered = _ORDERED.match(body)
    if ordered:
        return f"{ordered[1]}\\{ordered[2]}{body[ordered.end() :]}"
    first = body[:1]
    if first in _LINE_START_BACKSLASH:
        return "\\" + body
    if first in _LINE_START_ENTITY:
        return _LINE_START_ENTITY[first] + body[1:]
    return body


def md_unescape(markdown: str) -> str:
    """The text that `md_inline` escaped (used to read report paragraphs back)."""

    def plain(match: re.Match[str]) -> str:
        if match[1] is not None:
            return match[1]
        name = match[2]
        return chr(int(name[1:])) if name.startswith("#") else html.unescape(f"&{name};")

    return _UNESCAPE.sub(plain, markdown)


def md_cell(text: str) -> str:
    """A Markdown table cell: inline escaping already covers `|`."""
    return md_inline(text)


def md_heading(text: str, anchor: str) -> str:
    """Heading text followed by its attribute list; `{`, `}` and `#` in the text are escaped
    so the `{ #id }` always applies. `anchor` must come from `urls` (never editor text)."""
    return f"{md_inline(text)} {{ #{anchor} }}"


def safe_url(url: str) -> str | None:
    """An outside address fit to link to (http or https, a host, no spaces or controls), made
    safe for a Markdown link target; None when it must not become a link."""
    if url != url.strip() or _BREAK_OR_CONTROL.search(url) or " " in url:
        return None
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    # Percent-encode everything that could end the link target or start a title in Markdown
    # (parentheses, quotes, angle brackets, backslashes, backticks).
    return urllib.parse.quote(url, safe="-._~:/?#@!$&*+,;=%")


def md_url_link(url: str) -> str:
    """An outside address as a Markdown link whose text is the address as written; plain
    escaped text when the address is not a safe http(s) URL."""
    target = safe_url(url)
    if target is None:
        return md_inline(url)
    return f"[{md_inline(url)}]({target})"


def html_text(text: str) -> str:
    return html.escape(one_line(text), quote=False)


def html_attr(text: str) -> str:
    return html.escape(one_line(text), quote=True)


def front_matter(title: str) -> str:
    """Front matter for a generated page. MkDocs themes print `page.meta.title` as HTML, so
    the title is HTML-escaped, then written by the YAML dumper (one line, quoted as needed)."""
    dumped = yaml.dump(
        {"title": html_text(title)}, Dumper=SAFE_DUMPER, allow_unicode=True, width=ONE_LINE,
        sort_keys=False,
    )  # fmt: skip
    return f"---\n{dumped}"


def abbr_definition(term: str, expansion: str) -> str:
    """A Python-Markdown `abbr` definition line. The term is matched against page text as
    written; the expansion becomes a `title` attribute, which the serializer escapes."""
    term, expansion = one_line(term), one_line(expansion)
    if not term or "]" in term or "\\" in term or not expansion:
        raise ValueError(f"cannot define abbreviation {term!r}")
    # The serializer escapes `<` and `"` but leaves anything shaped like an entity alone, so
    # `&` is escaped here: "&amp;" in a definition shows as "&amp;", not "&".
    return f"*[{term}]: {expansion.replace('&', '&amp;')}"


@functools.lru_cache(maxsize=1 << 17)
def xml_text(text: str) -> str:
    """Text or attribute value inside SVG/XML."""
    return html.escape(_NOT_XML.sub("", one_line(text)), quote=True)


def csv_cell(value: object) -> object:
    """A spreadsheet opens a cell that starts with = + - @ (or a tab or CR) as a formula;
    such text cells get a leading apostrophe, as OWASP recommends. Documented on the Data page."""
    if isinstance(value, str) and value.startswith(CSV_FORMULA_START):
        return "'" + value
    return value


def json_for_html(data: object) -> str:
    """JSON that can sit inside a <script> element or an HTML attribute."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# In a BibTeX value, braces delimit and a backslash starts a command; LaTeX gives $ & % # _ ^ ~
# a meaning of their own. docs/assets/permalink.js escapes the same characters the same way.
_BIBTEX = str.maketrans(
    {
        "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&",
        "%": r"\%", "#": r"\#", "_": r"\_", "^": r"\textasciicircum{}",
        "~": r"\textasciitilde{}",
    }
)  # fmt: skip


def bibtex_text(text: str) -> str:
    """Text inside a BibTeX field (`title = {...}`): shown as itself, never as a command."""
    return one_line(text).translate(_BIBTEX)
