"""Benchmark `dossier import`, then `dossier check` and `dossier build`, on large generated
originals (default 5 MB and 50 MB).

The original repeats the real `sources/*.txt` with a numbered suffix on every long line,
so paragraphs stay distinct (as in a real long text) while the short boilerplate lines
repeat and are removed as duplicates. Run: `.venv/bin/python scripts/bench_import.py 5 50`.
Add `--profile` to print the top of a cProfile report for each size.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from dossier import cli  # noqa: E402
from dossier.importer import run_import  # noqa: E402
from dossier.load import alias_index  # noqa: E402


def make_original(path: Path, megabytes: float) -> int:
    """Write an original of about `megabytes` MB; return its size in bytes."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "sources").glob("*.txt"))]
    target = int(megabytes * 1_000_000)
    out: list[str] = []
    size = copy = 0
    while size < target:
        for text in texts:
            for number, line in enumerate(text.split("\n")):
                if len(line) > 40:
                    line = f"{line} (No. {copy}.{number})"
                out.append(line)
                size += len(line.encode("utf-8")) + 1
        copy += 1
    path.write_text("\n".join(out), encoding="utf-8")
    return path.stat().st_size


def project(folder: Path) -> Path:
    root = folder / "project"
    (root / "docs" / "reports").mkdir(parents=True)
    (root / "sources").mkdir()
    shutil.copytree(REPO / "data", root / "data")
    # The real events and talking points are sourced by the real reports' statements, which
    # this project does not have.
    for name in ("events.yml", "talking_points.yml"):
        (root / "data" / name).write_text("[]\n", encoding="utf-8")
    (root / "data" / "published.txt").unlink(missing_ok=True)
    (root / "mkdocs.yml").write_text("site_name: bench\n", encoding="utf-8")
    return root


def bench(megabytes: float, profile: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        original = folder / "original.txt"
        size = make_original(original, megabytes)
        root = project(folder)
        profiler = cProfile.Profile() if profile else None
        started, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        page = run_import(root, original, "bench-report", alias_index(root))
        if profiler:
            profiler.disable()
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"{size / 1e6:6.1f} MB original → {page.stat().st_size / 1e6:6.1f} MB page: "
            f"{took:6.2f} s ({cpu:6.2f} s CPU, {cpu / (size / 1e6):.2f} s CPU per MB)"
        )
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)
        _annotate(page)
        for command in ("check", "build"):
            started, cpu = time.perf_counter(), time.process_time()
            with contextlib.redirect_stderr(io.StringIO()) as said:
                status = cli.main(["--root", str(root), command])
            took, cpu = time.perf_counter() - started, time.process_time() - cpu
            if status != 0:  # a time measured up to a failure measures nothing
                sys.exit(f"dossier {command} failed (exit {status}):\n{said.getvalue()}")
            print(
                f"{'':27}dossier {command}: {took:6.2f} s ({cpu:6.2f} s CPU, "
                f"{cpu / (size / 1e6):.2f} s CPU per MB)"
            )


def _annotate(page: Path) -> None:
    """What an editor fills in first (title and date), so that check and build go all the way;
    the quotations stay `candidates` of a draft (warnings, not errors)."""
    text = page.read_text(encoding="utf-8")
    head, sep, body = text.partition("\nmetadata_lines:")
    head = head.replace("title: null", "title: Bench report", 1).replace(
        "  value: null\n  basis: null\n  note: 'TODO: say how the publication date is known "
        "(the text gives no dateline).'",
        "  value: '2024'\n  basis: inferred\n  note: A benchmark text.",
        1,
    )
    page.write_text(head + sep + body, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("megabytes", type=float, nargs="*", default=[5.0, 50.0])
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary")
    args = parser.parse_args()
    if len(args.megabytes) == 1:
        bench(args.megabytes[0], args.profile)
        return
    # One process per size, so that one run's heap does not slow the next.
    for megabytes in args.megabytes:
        flags = ["--profile"] if args.profile else []
        subprocess.run([sys.executable, __file__, str(megabytes), *flags], check=True)


if __name__ == "__main__":
    main()
