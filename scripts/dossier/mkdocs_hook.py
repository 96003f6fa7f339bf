"""The only module that knows MkDocs: runs `dossier build` before every build and rebuild.

It is a convenience for `mkdocs serve`; the site itself needs no hook (`make build` runs
the generator first), so it survives a move to a builder that runs no hooks.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from dossier.build import generate
from dossier.problems import InputError


def on_pre_build(config, **kwargs) -> None:
    root = Path(config["config_file_path"]).parent
    try:
        result = generate(root, write=True)
    except InputError as exc:
        raise PluginError(
            "dossier: the input has problems:\n" + "\n".join(str(p) for p in exc.problems)
        ) from None
    for warning in result.warnings:
        print(f"dossier: {warning}")
