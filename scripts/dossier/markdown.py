"""The layout of a report page's body.

A report page is front matter plus blocks separated by blank lines. Each
paragraph of the report is one block whose last line is its id
(`{: #p4 }`), followed by a block that includes the paragraph's generated
annotations. Nothing else in the body is content. The paragraph text itself is
escaped by `escape.md_inline`, the one owner of escaping.
"""

from __future__ import annotations

import re

from .escape import md_inline, md_unescape

PARA_ID = re.compile(r"^\{:\s*#(?P<id>[A-Za-z][\w-]*)\s*\}$")
INCLUDE = re.compile(r'^--8<--\s+"(?P<target>[^"]+)"$')


def escape(text: str) -> str:
    """A line of an original as a report paragraph that shows exactly its words."""
    return md_inline(text)


def unescape(text: str) -> str:
    return md_unescape(text)


def para_attr(pid: str) -> str:
    return "{: #" + pid + " }"


def include(target: str) -> str:
    return f'--8<-- "{target}"'
