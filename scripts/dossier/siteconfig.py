"""What the generator needs from mkdocs.yml: the address the site is published at, and
how long a listing page may grow.

Citations, feeds and schema.org data carry absolute addresses, which the generator writes
before MkDocs runs; so it reads `site_url` itself. mkdocs.yml may take it from the
environment (`!ENV [SITE_URL, default]`, as MkDocs allows): that tag is understood here the
way MkDocs understands it. Nothing else of MkDocs is needed, so this stays plain Python.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from .problems import InputError, Problem

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


class _Loader(yaml.SafeLoader):
    """A safe loader that also reads `!ENV` (and, for the rest of the file, ignores the
    `!!python/name:` tags that mkdocs.yml may hold for extensions)."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> str | None:
    names: list[str]
    if isinstance(node, yaml.ScalarNode):
        names, default = [str(loader.construct_scalar(node))], None
    else:
        items = [str(v) for v in loader.construct_sequence(node)]  # type: ignore[arg-type]
        names, default = items[:-1], items[-1] if len(items) > 1 else None
    for name in names:
        if os.environ.get(name):
            return os.environ[name]
    return default


def _other(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _other)
_Loader.add_multi_constructor("!", _other)


def _config(root: Path) -> dict[str, object]:
    path = root / "mkdocs.yml"
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError):
        config = None
    return config if isinstance(config, dict) else {}


def site_url(root: Path) -> str:
    """The site's published address, ending in "/" (mkdocs.yml's `site_url`, or the local
    preview's address when the file names none)."""
    url = _config(root).get("site_url")
    url = str(url) if url else DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


def page_limit(root: Path, default: int) -> int:
    """How many statements or events a page of the statements index, the by-speaker view or
    the timeline holds before the listing is split by date (mkdocs.yml
    `extra.dossier.page_limit`, `default` when it is not set). Raises InputError naming the
    key when it is set to anything but a whole number of at least 10."""
    extra = _config(root).get("extra")
    own = extra.get("dossier") if isinstance(extra, dict) else None
    value = own.get("page_limit") if isinstance(own, dict) else None
    if value is None:
        return default
    if not isinstance(value, int) or isinstance(value, bool) or value < 10:
        message = f"must be a whole number of at least 10, got {value!r}"
        raise InputError([Problem("mkdocs.yml", None, "extra.dossier.page_limit", message)])
    return value
