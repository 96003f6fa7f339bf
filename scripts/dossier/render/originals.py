"""Each report's original as a page: every line as received, numbered as the report's
removal records count them (`removed` and `metadata_lines`), with an anchor per line.

The raw file (`data/sources/<file>`) is what a server may send without a charset, and then
shows garbled; this page is UTF-8 like every page, and a removal record can link to its line
(`reports/<id>/original/#L12`). Originals come from the web: every line is HTML-escaped, in a
raw HTML table that Markdown leaves alone, so no line can become markup, a snippet include or
a tooltip. Search leaves the page out: the report page holds the same text, paragraph by
paragraph, and a phrase must land there.
"""

from __future__ import annotations

from .. import urls
from ..escape import html_attr, html_text, md_inline
from ..load import decode
from ..model import REASONS, RemovedLine, Report
from .fmt import banner, front_matter, plural
from .reports import source_copy


def original_lines(data: bytes) -> list[str]:
    """The original's lines as the losslessness check numbers them (`load.decode`: a byte
    order mark dropped, CRLF and CR read as LF); a final line break ends the last line
    rather than starting an empty one."""
    lines = decode(data).split("\n")
    return lines[:-1] if len(lines) > 1 and lines[-1] == "" else lines


def set_aside(report: Report) -> dict[int, tuple[bool, str]]:
    """Line number → (removed, why) for every line not shown as a paragraph."""
    found: dict[int, tuple[bool, str]] = {}
    for line in report.removed:
        found[line.line] = (True, f"Removed: {_reason(line)}")
    for line in report.metadata_lines:
        found[line.line] = (False, f"Used as the report's {line.reason}")
    return found


def _reason(line: RemovedLine) -> str:
    why = REASONS.get(line.reason, line.reason)
    return f"{why} ({line.note})" if line.note else why


def original_page(report: Report, data: bytes) -> str:
    """The Markdown of `reports/<id>/original.md` for the original's bytes `data`."""
    page = urls.doc_original(report.id)
    lines = original_lines(data)
    out = [
        front_matter(f"Original: {report.title}", search_exclude=True),
        banner(f"sources/{report.source_file} and docs/{urls.doc_report(report.id)}"),
        f"# Original of “{md_inline(report.title)}”",
        "",
        f"The text of the report [{md_inline(report.title)}]({urls.report_link(page, report.id)}) "
        f"exactly as received, {plural(len(lines), 'line')} numbered as the report's conversion "
        f"record counts them. {_key(report)} Each line number is a link to its line.",
        "",
        f"Download the file: [`{report.source_file}`]({urls.asset(page, source_copy(report))}) "
        "<small>(UTF-8 text, as received)</small>.",
        "",
        *_table(lines, set_aside(report)),
        "",
    ]
    return "\n".join(out)


def _key(report: Report) -> str:
    """What the marks on the lines mean, for this original."""
    removed, metadata = len(report.removed), len(report.metadata_lines)
    parts = []
    if removed:
        verb = "is" if removed == 1 else "are"
        parts.append(
            f"{plural(removed, 'line')} struck through {verb} not on the report page; the "
            "reason is given under each."
        )
    if metadata:
        verb = "gives" if metadata == 1 else "give"
        parts.append(
            f"{plural(metadata, 'line')} marked as metadata {verb} the report its title, "
            "byline or date."
        )
    parts.append(
        "Every other line with text is a paragraph of the report."
        if parts
        else "Every line with text is a paragraph of the report."
    )
    return " ".join(parts)


def _table(lines: list[str], aside: dict[int, tuple[bool, str]]) -> list[str]:
    """One row per line: its number (a link to itself) and its text. A raw HTML block, so
    Markdown never reads the text; blank lines keep their rows so the numbers hold."""
    rows = [
        # The table takes the theme's table style (it has no class); the wrapper takes the
        # page's own (assets/original.css).
        '<div class="dossier-original">',
        "<table>",
        '<thead><tr><th scope="col">Line</th><th scope="col">Text</th></tr></thead>',
        "<tbody>",
    ]
    for number, line in enumerate(lines, 1):
        anchor = urls.original_line_anchor(number)
        text = html_text(line)
        css = "" if line.strip() else ' class="dossier-original-blank"'
        if number in aside:
            is_removed, why = aside[number]
            kind = "removed" if is_removed else "meta"
            css = f' class="dossier-original-{kind}"'
            shown = f"<del>{text}</del>" if is_removed else text
            text = f'{shown}<br><small class="dossier-original-why">{html_text(why)}</small>'
        rows.append(
            f'<tr id="{html_attr(anchor)}"{css}><th scope="row">'
            f'<a href="#{html_attr(anchor)}">{number}</a></th><td>{text}</td></tr>'
        )
    rows += ["</tbody>", "</table>", "</div>"]
    return rows
