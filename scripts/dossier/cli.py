"""The `dossier` command: import, build, check. Errors go to stderr; no tracebacks."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from .problems import InputError, Problem

if TYPE_CHECKING:
    from .build import Result


def find_root(start: Path) -> Path | None:
    """The project root: the nearest folder upwards that has mkdocs.yml and docs/."""
    for folder in (start, *start.parents):
        if is_project(folder):
            return folder
    return None


def is_project(folder: Path) -> bool:
    return (folder / "mkdocs.yml").is_file() and (folder / "docs").is_dir()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dossier", description=__doc__)
    parser.add_argument("--root", type=Path, help="project folder (default: found from here)")
    sub = parser.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="convert one original text file into a report page")
    imp.add_argument("path", type=Path)
    imp.add_argument("--id", dest="report_id", help="report id (default: date and headline)")
    sub.add_parser("build", help="validate, then write generated pages and data exports")
    check = sub.add_parser("check", help="validate only; write nothing")
    check.add_argument(
        "--all-notes",
        action="store_true",
        help=f"list every possible talking point (the first {NOTES_SHOWN} otherwise)",
    )
    args = parser.parse_args(argv)
    start = (args.root or Path.cwd()).resolve()
    # --root must name the project itself; without it, the project is found upwards.
    root = (start if is_project(start) else None) if args.root else find_root(start)
    if root is None:
        print(
            f"dossier: {start} is not inside a dossier project (no folder from there upwards "
            "has mkdocs.yml and docs/); run it in the project or pass --root",
            file=sys.stderr,
        )
        return 1
    return _run(args, root)


def _run(args: argparse.Namespace, root: Path) -> int:
    """Run one command; every failure becomes a message and an exit status, no traceback."""
    from .write import InterruptedAfterWrite, WriteError

    try:
        if args.command == "import":
            return _import(root, args.path, args.report_id)
        return _build(root, write=args.command == "build", all_notes=args.command == "check"
                      and args.all_notes)  # fmt: skip
    except InputError as exc:
        _print_problems(exc.problems)
        print(
            f"dossier {args.command}: {len(exc.problems)} problem(s); nothing written.",
            file=sys.stderr,
        )
        return 1
    except WriteError as exc:
        print("\n".join(exc.messages), file=sys.stderr)
        return 1
    except InterruptedAfterWrite:
        print(f"dossier {args.command}: interrupted once the output was complete.", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print(f"dossier {args.command}: interrupted; nothing written.", file=sys.stderr)
        return 130
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        print(f"dossier {args.command}: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _import(root: Path, path: Path, report_id: str | None) -> int:
    from .importer import ImportError_, run_import
    from .load import alias_index

    try:
        page = run_import(root, path, report_id, alias_index(root))
    except ImportError_ as exc:
        for message in exc.messages:
            print(f"dossier import: {message}", file=sys.stderr)
        return 1
    print(f"wrote {page.relative_to(root)}: annotate its front matter, then run `dossier check`.")
    return 0


def _build(root: Path, write: bool, all_notes: bool = False) -> int:
    from .build import check, generate

    started = time.perf_counter()
    result = generate(root, write=True) if write else check(root)
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    took = time.perf_counter() - started
    if write:
        print(
            f"dossier build: {result.summary}; {len(result.written)} file(s) written, "
            f"{len(result.deleted)} removed, {result.unchanged} unchanged ({took:.2f} s)."
        )
    else:
        _talking_point_candidates(result, None if all_notes else NOTES_SHOWN)
        print(f"dossier check: {result.summary}; no problems ({took:.2f} s).")
    return 0


NOTES_SHOWN = 20


def _talking_point_candidates(result: Result, shown: int | None) -> None:
    """For editors only: repeated wording not yet confirmed as a talking point; the most
    widely repeated first, `shown` of them (a large corpus can have thousands)."""
    from .repeats import candidates

    found = sorted(candidates(result.corpus), key=lambda c: (-len(c.statements), c.words))
    for candidate in found[:shown]:
        where = ", ".join(f"{s.id} ({s.date.display()})" for s in candidate.statements)
        print(
            f"note: possible talking point “{candidate.words}” in {where}: confirm it in "
            "data/talking_points.yml or leave it",
            file=sys.stderr,
        )
    if shown is not None and len(found) > shown:
        print(
            f"note: {len(found) - shown} more possible talking points; "
            "`dossier check --all-notes` lists them all",
            file=sys.stderr,
        )


def run() -> NoReturn:
    """The `dossier` command: `main`, then out at once. A build leaves about a gigabyte of
    objects at 1,000 reports; the interpreter freeing them one by one on the way out took
    a second, with nothing left to do (every file is written and closed, every line printed)."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
