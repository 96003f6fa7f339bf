"""Markdown escaping, and the layout of a report page's body.

A report page is front matter plus blocks separated by blank lines. Each
paragraph of the report is one block whose last line is its id
(`{: #p4 }`), followed by a block that includes the paragraph's generated
annotations. Nothing else in the body is content.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_LINE_START = re.compile(r"^(\s*)(?:([#>+\-=])|(\d+)([.)]))")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
PARA_ID = re.compile(r"^\{:\s*#(?P<id>[A-Za-z][\w-]*)\s*\}$")
INCLUDE = re.compile(r'^--8<--\s+"(?P<target>[^"]+)"$')


def escape(text: str) -> str:
    """Escape an original's text so Markdown shows it exactly as written."""
    text = _SPECIAL.sub(r"\\\1", text)

    def block_start(m: re.Match[str]) -> str:
        # "# x" would be a heading and "1. x" a list: escape the marker, not the digits.
        if m.group(2):
            return f"{m.group(1)}\\{m.group(2)}"
        return f"{m.group(1)}{m.group(3)}\\{m.group(4)}"

    return _LINE_START.sub(block_start, text)


def unescape(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text)


def para_attr(pid: str) -> str:
    return "{: #" + pid + " }"


def include(target: str) -> str:
    return f'--8<-- "{target}"'


def inline(text: str) -> str:
    """Escape text placed inside generated Markdown (labels, titles, quotes)."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", " ")
