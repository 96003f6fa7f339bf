"""Benchmark: generation and site build time on the real corpus and on a synthetic one.

Run with `make bench`. The synthetic corpus repeats the real reports under new ids
(N copies each), so it exercises the same code paths at a larger scale.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from conftest import make_project  # noqa: E402


def multiply(root: Path, copies: int) -> None:
    """Add copies of every report, with fresh report, statement and event ids."""
    reports = sorted((root / "docs" / "reports").glob("*.md"))
    events_yml = (root / "data" / "events.yml").read_text(encoding="utf-8")
    extra_events = []
    for n in range(1, copies):
        suffix = f"-copy{n}"
        for page in reports:
            text = page.read_text(encoding="utf-8")
            text = text.replace(f"id: {page.stem}\n", f"id: {page.stem}{suffix}\n", 1)
            text = text.replace(f'"reports/{page.stem}.md', f'"reports/{page.stem}{suffix}.md')
            text = re.sub(r"(\n- id: |\n  - id: )([a-z0-9-]+)", rf"\1\2{suffix}", text)
            text = re.sub(r"(\n  event: )(?!null\b)([a-z0-9-]+)", rf"\1\2{suffix}", text)
            (page.parent / f"{page.stem}{suffix}.md").write_text(text, encoding="utf-8")
        extra_events.append(
            re.sub(r"(^- id: )([a-z0-9-]+)", rf"\1\2{suffix}", events_yml, flags=re.M)
        )
    (root / "data" / "events.yml").write_text(events_yml + "".join(extra_events), encoding="utf-8")


def timed(cmd: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, nargs="*", default=[1, 20, 100])
    args = parser.parse_args()
    print(
        "| reports | statements | dossier build (s) | rebuild, nothing changed (s) "
        "| mkdocs build (s) |"
    )
    print("|--:|--:|--:|--:|--:|")
    for copies in args.copies:
        with tempfile.TemporaryDirectory() as tmp:
            project = make_project(Path(tmp) / "p", REPO)
            multiply(project.root, copies)
            dossier = [sys.executable, "-m", "dossier.cli", "--root", str(project.root)]
            first = timed([*dossier, "build"], project.root)
            again = timed([*dossier, "build"], project.root)
            site = timed([sys.executable, "-m", "mkdocs", "build", "--strict"], project.root)
            import json

            statements = len(json.loads((project.root / "docs/data/statements.json").read_text()))
            reports = len(list((project.root / "docs" / "reports").glob("*.md"))) - 1
            print(f"| {reports} | {statements} | {first:.2f} | {again:.2f} | {site:.1f} |")
            shutil.rmtree(project.root, ignore_errors=True)


if __name__ == "__main__":
    main()
