"""Shared fixtures: projects copied into tmp folders, generated, built and served."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURE_CORPUS = REPO / "tests" / "fixtures" / "corpus"
HAND_WRITTEN = (
    "docs/index.md",
    "docs/about.md",
    "docs/data.md",
    "docs/assets/dossier.css",
    "docs/assets/a11y.js",
    "docs/assets/search.js",
    "docs/assets/finder.js",
    "docs/assets/finder.css",
    "docs/assets/chart.css",
    "docs/assets/permalink.css",
    "docs/assets/permalink.js",
    "docs/assets/print.css",
    "docs/assets/print.js",
    "docs/assets/offline.js",
    "docs/assets/original.css",
    "docs/assets/search-gate.js",
    "docs/assets/search-worker.js",
    "overrides/main.html",
)


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def site(self) -> Path:
        return self.root / "site"


def make_project(dest: Path, corpus: Path) -> Project:
    """A project folder: the corpus's reports, registries and originals plus the site's
    hand-written pages and configuration. mkdocs.yml is copied as it is: it names no
    hook, so the site needs nothing but `dossier build` followed by `mkdocs build`."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in ("docs/reports", "data", "sources"):
        src = corpus / part
        if part == "docs/reports":
            (dest / part).mkdir(parents=True, exist_ok=True)
            for page in sorted(src.glob("*.md")):
                if page.name != "index.md":
                    shutil.copy2(page, dest / part / page.name)
        else:
            shutil.copytree(src, dest / part)
    for rel in HAND_WRITTEN:
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / rel, dest / rel)
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    return Project(dest)


def run_dossier(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dossier.cli", "--root", str(root), *args],
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )


def mkdocs_build(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "site")],
        capture_output=True,
        text=True,
        cwd=root,
        env=env,
        check=False,
    )


def index_search(root: Path) -> None:
    """The site's search index, made after MkDocs as `make build` makes it."""
    from dossier.search_index import index_site

    index_site(root / "site")


def build_project(root: Path) -> None:
    """Generate in-process (goldens and failures show the generator's own traceback), then
    build with MkDocs `--strict` and index search, as a user would."""
    from dossier.build import generate

    generate(root, write=True)
    built = mkdocs_build(root)
    assert built.returncode == 0, built.stderr
    index_search(root)


@pytest.fixture(scope="session")
def real_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The real five-report dossier, generated and built with `--strict` in a tmp folder."""
    project = make_project(tmp_path_factory.mktemp("real"), REPO)
    build_project(project.root)
    return project


@pytest.fixture(scope="session")
def fixture_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("fixture"), FIXTURE_CORPUS)
    build_project(project.root)
    return project


HOSTILE_CORPUS = REPO / "tests" / "fixtures" / "hostile"
# The hostile corpus's `--8<--` payloads name this file; it is planted with a marker in the
# project root and in includes/ (the snippets folder), and no marker may reach the site.
SNIPPET_TARGET = "secret.txt"
ROOT_MARKER = "ROOT-FILE-MARKER-5f0c2a9e"
INCLUDES_MARKER = "INCLUDES-FILE-MARKER-b71d3e44"


@pytest.fixture(scope="session")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The hostile fixture corpus (tests/fixtures/hostile), generated and built with --strict,
    with marker files planted where a snippet line could reach them."""
    project = make_project(tmp_path_factory.mktemp("hostile"), HOSTILE_CORPUS)
    (project.root / SNIPPET_TARGET).write_text(ROOT_MARKER + "\n", encoding="utf-8")
    generated = run_dossier(project.root, "build")
    assert generated.returncode == 0, generated.stderr
    # Planted after generation: includes/ belongs to the generator, but MkDocs reads it.
    (project.root / "includes" / SNIPPET_TARGET).write_text(INCLUDES_MARKER + "\n", "utf-8")
    built = mkdocs_build(project.root)
    assert built.returncode == 0, built.stderr
    index_search(project.root)
    return project


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """`folder` served over HTTP on a free loopback port; yields its address. The server is
    up before the folder need exist, so a site can be built for the address it is served at."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def real_site_url(real_project: Project) -> Iterator[str]:
    """The built real site, served over HTTP on a free loopback port."""
    with served(real_project.site) as url:
        yield url


@pytest.fixture(scope="session")
def hostile_site_url(hostile_project: Project) -> Iterator[str]:
    with served(hostile_project.site) as url:
        yield url


def in_fresh_process(module: str, function: str, *args: str) -> str:
    """Run `function` of the test module `module` (with `args`) in a new interpreter and
    return what it printed; fail with its output if it fails. For what must not depend on
    the test process: forking is refused once any other thread runs there (aside.can_fork),
    and earlier tests (a browser, a server) leave threads behind."""
    code = f"import sys; import {module}; {module}.{function}(*sys.argv[1:])"
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout
