"""The only module that knows MkDocs: runs `dossier build` before every `mkdocs serve` rebuild,
and indexes the built site for search (Pagefind, dossier.search_index) after it.

Only mkdocs.serve.yml (used by `make serve`) names it. mkdocs.yml has no hook: `make build`
runs the generator once, then builds, then indexes, so the site survives a move to a builder
that runs no hooks. A rebuild with nothing changed writes no file, so serving does not loop.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from dossier.build import generate
from dossier.problems import InputError
from dossier.search_index import AlreadyIndexed, SearchIndexError, index_site
from dossier.write import WriteError


def on_pre_build(config: Any, **kwargs: Any) -> None:
    root = Path(config["config_file_path"]).parent
    try:
        result = generate(root, write=True)
    except InputError as exc:
        raise PluginError(
            "dossier: the input has problems:\n" + "\n".join(str(p) for p in exc.problems)
        ) from None
    except WriteError as exc:
        raise PluginError("dossier: cannot write the output:\n" + "\n".join(exc.messages)) from None
    for warning in result.warnings:
        print(f"dossier: {warning}")
    if result.written or result.deleted:
        print(
            f"dossier build: {len(result.written)} file(s) written, "
            f"{len(result.deleted)} removed, {result.unchanged} unchanged."
        )


def on_post_build(config: Any, **kwargs: Any) -> None:
    try:
        index_site(Path(config["site_dir"]))
    except AlreadyIndexed:
        pass  # a rebuild that left the theme's index as the last one made it
    except SearchIndexError as exc:
        raise PluginError(f"dossier: search index: {exc}") from None
