"""The layout of a report page's body.

A report page is front matter plus blocks separated by blank lines: the include
of the page's generated header, then each paragraph of the report as one block
of text followed by a one-line block that includes its generated annotations
(`--8<-- "reports/<id>.md:p4"`; the section name is the paragraph's id), then
the include of the generated footer. Nothing else in the body is content. The
paragraph text itself is escaped by `escape.md_inline`, the one owner of
escaping.

The generated fragments give each paragraph its anchor: a small heading with
the paragraph's id (`<h2 id="p4">`, showing "¶ 4") just before its text, so
that a link to `#p4` lands on the paragraph and the site search, which cuts a
page into sections at headings with ids, finds the paragraph as a section of
its own. A paragraph's heading therefore comes from the include before it (the
header's, or the previous paragraph's); its annotations from the include after.
"""

from __future__ import annotations

import re

INCLUDE = re.compile(r'^--8<--\s+"(?P<target>[^"]+)"$')
# A paragraph id: the section name of the include after the paragraph.
PARA_ID = re.compile(r"^[A-Za-z][\w-]*$")
# The id line that ended each paragraph in earlier versions of the layout.
OLD_PARA_ATTR = re.compile(r"^\{:\s*#(?P<id>[A-Za-z][\w-]*)\s*\}$")
NOT_PARAGRAPHS = ("header", "footer")


def include(target: str) -> str:
    return f'--8<-- "{target}"'


def section_of(target: str) -> str:
    """The section an include target names: `reports/x.md:p4` → `p4`."""
    return target.rpartition(":")[2]
