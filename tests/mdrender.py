"""The site's real Markdown renderer: Python-Markdown with the extensions of mkdocs.yml.

Escaping is tested against this, never against a round trip in Python.
"""

from __future__ import annotations

import functools
import html.parser
from pathlib import Path

import markdown
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[1]


@functools.cache
def _config() -> tuple[list, dict]:
    config = load_config(str(REPO / "mkdocs.yml"))
    return list(config["markdown_extensions"]), dict(config["mdx_configs"])


def extension_names() -> list[str]:
    return [e if isinstance(e, str) else type(e).__name__ for e in _config()[0]]


def render(source: str, includes: Path) -> str:
    """Render `source` as MkDocs would, with snippets reading from `includes`."""
    extensions, configs = _config()
    configs = {**configs, "pymdownx.snippets": {**configs["pymdownx.snippets"]}}
    configs["pymdownx.snippets"]["base_path"] = [str(includes)]
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(source)


class Tree(html.parser.HTMLParser):
    """A flat record of an HTML fragment: its tags with attributes, and its text."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def plain(self) -> str:
        return "".join(self.text)
