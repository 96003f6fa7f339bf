"""The only module that knows MkDocs: runs `dossier build` before every `mkdocs serve` rebuild,
rebuilds what an edit changed, and indexes the built site for search (Pagefind) after it.

Only mkdocs.serve.yml (used by `make serve`) names it. mkdocs.yml has no hook: `make build`
runs the generator once, then builds, then indexes, so the site survives a move to a builder
that runs no hooks. A rebuild with nothing changed writes no file, so serving does not loop.
With `--dirty` (as `make serve` runs it), serving.py says what else a rebuild needs.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from dossier import aside
from dossier.build import generate
from dossier.problems import InputError
from dossier.search_index import SearchIndexError, theme_index
from dossier.serving import DIRTY_WARNING, INDEXER, SECTIONS, stale_pages
from dossier.write import WriteError

_state: dict[str, Any] = {"dirty": False, "written": (), "builds": 0, "entries": 0}


class _DirtyNotice(logging.Filter):
    """Drops MkDocs' warning on every dirty build (see serving.py), and only that one."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WARNING)


def on_startup(command: str, dirty: bool, **kwargs: Any) -> None:
    _state["dirty"] = dirty
    aside.keep_here()  # each rebuild reuses what this process made: it makes it all itself
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())


def on_pre_build(config: Any, **kwargs: Any) -> None:
    INDEXER.stop()  # the search index of the last build, if still being made, is out of date
    if INDEXER.error:
        print(f"dossier: search index: {INDEXER.error}")
    _state["entries"] = 0
    plugin = _search_plugin(config)
    if plugin is not None:
        # The theme would merge the last build's index into this one (a dirty build indexes
        # only the pages it builds): serving.Sections keeps the whole, so it need not.
        plugin.search_index_prev = None
    root = Path(config["config_file_path"]).resolve().parent  # relative on the first build
    started = time.perf_counter()
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
            f"{len(result.deleted)} removed, {result.unchanged} unchanged "
            f"({time.perf_counter() - started:.1f} s)."
        )
    _state["written"] = result.written


def on_files(files: Any, config: Any, **kwargs: Any) -> Any:
    """On a dirty rebuild, the pages whose generated includes changed are built again."""
    if _state["dirty"] and _state["builds"]:
        stale = stale_pages(_state["written"])
        for file in files.documentation_pages():
            if stale is None or file.src_uri in stale:
                Path(file.abs_dest_path).unlink(missing_ok=True)
    SECTIONS.forget(file.src_uri for file in files.documentation_pages())
    return files


def on_page_context(context: Any, page: Any, config: Any, **kwargs: Any) -> Any:
    """The theme's search (run just before this) added the page's sections: keep them."""
    entries = _search_entries(config)
    if entries is not None:
        SECTIONS.built(page.file.src_uri, entries[_state["entries"] :])
        _state["entries"] = len(entries)
    return context


def on_post_build(config: Any, **kwargs: Any) -> None:
    site = Path(config["site_dir"])
    try:
        written = json.loads(theme_index(site).read_text(encoding="utf-8"))
        # The first build indexes before the site is served; later ones after the reload.
        whole = SECTIONS.index(written.get("config", {}))
        INDEXER.start(site, whole, bool(_state["builds"]))
    except SearchIndexError as exc:
        raise PluginError(f"dossier: search index: {exc}") from None
    _state["builds"] += 1
    _state["entries"] = 0


def _search_plugin(config: Any) -> Any:
    """The theme's search plugin (Material's keeps its index in `search_index`)."""
    for plugin in (config.get("plugins") or {}).values():
        if hasattr(plugin, "search_index") and hasattr(plugin, "search_index_prev"):
            return plugin
    return None


def _search_entries(config: Any) -> list[dict[str, Any]] | None:
    """The theme's search index entries made so far in this build."""
    plugin = _search_plugin(config)
    entries = getattr(getattr(plugin, "search_index", None), "entries", None)
    return entries if isinstance(entries, list) else None
