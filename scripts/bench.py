"""`make bench`: how the generator, the site build, the pages, search and incremental rebuilds
grow with the corpus, measured on the real corpus and on synthetic ones in one run.

    .venv/bin/python scripts/bench.py                       # 5 (real), 100, 1,000, 2,000
    .venv/bin/python scripts/bench.py --sizes 5 100         # fewer sizes
    .venv/bin/python scripts/bench.py --smoke --out x.json  # what CI runs (make bench-smoke)

Each size is built in a temporary folder: the real corpus as tests/conftest.make_project copies
it, a synthetic one from scripts/synth.py (seeded, so every run builds the same corpus). For
each size it times, one command at a time (wall clock, with the largest resident memory of the
command's processes, from os.wait4):

- `dossier check`, then `dossier build` (the generator) and `mkdocs build --strict`;
- `zensical build --strict` of the same docs/ (a failure is recorded, not fatal);
- the largest built page and the report page of median size;
- search in Chromium (scripts/searchbench.py): bytes and seconds of a first query, and the
  search index a page view without search downloads;
- two one-report edits (a note added, the title changed): the files the generator rewrites
  and whether each holds the edit, then `mkdocs build --dirty` and the pages it changed;
- edit-to-reload in `mkdocs serve -f mkdocs.serve.yml`, with `--dirty` as `make serve` runs
  it and without (up to --serve-max reports: each serve starts with a full build).

It writes data/performance.json (the Performance page shows it on the next `dossier build`),
prints the budgets, and exits with status 1 when one is missed. A full run takes about an hour
on two cores. Absolute times vary with the machine and its load: compare ratios within a run.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "tests"))

from conftest import make_project  # noqa: E402
from dossier import urls  # noqa: E402
from dossier.escape import one_line  # noqa: E402
from dossier.problems import InputError  # noqa: E402
from dossier.render.performance import (  # noqa: E402
    FAIL,
    NOT_MEASURED,
    budgets,
    check_performance,
    dump,
    outcomes_record,
)
from dossier.write import MANIFEST  # noqa: E402

SIZES = (5, 100, 1000, 2000)
SMOKE_SIZES = (5, 20)
SERVE_MAX = 1000  # edit-to-reload is measured up to this size (the budget is at 1,000)
QUERY = "missile"  # in the real reports and the synthetic ones
ZENSICAL = REPO / ".venv-zensical" / "bin" / "zensical"
ZENSICAL_CONFIG, ZENSICAL_SITE = "zensical.yml", "site-zensical"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
SERVE_START_LIMIT = 3600.0  # seconds for `mkdocs serve` to build and answer at all
RELOAD_LIMIT = 600.0  # seconds to wait for an edit to show


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- running a command -----------------------------------------------------------------------


@dataclass(frozen=True)
class Ran:
    seconds: float
    peak_kib: int  # ru_maxrss of the command and the processes it waited for (Linux: KiB)
    code: int
    out: str

    def step(self) -> dict[str, Any]:
        return {"seconds": round(self.seconds, 3), "peak_kib": self.peak_kib}


def run(command: list[str], cwd: Path) -> Ran:
    """Run a command to its end; its output goes to a file (no pipe to fill up), and its
    resource use comes from wait4, for this command alone."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=output, stderr=output)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    return Ran(seconds, usage.ru_maxrss, process.returncode, text)


def must(ran: Ran, what: str) -> Ran:
    if ran.code != 0:
        raise SystemExit(f"bench: {what} failed (exit {ran.code}):\n{ran.out[-4000:]}")
    return ran


def dossier(root: Path, command: str) -> list[str]:
    return [sys.executable, "-m", "dossier.cli", "--root", str(root), command]


def mkdocs_build(site: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), *extra]


# --- the corpus --------------------------------------------------------------------------------


def real_reports() -> int:
    return len([p for p in (REPO / "docs" / "reports").glob("*.md") if p.name != "index.md"])


def make(root: Path, reports: int, seed: int) -> str:
    """The project to measure: the real corpus at its own size, else a synthetic one."""
    if reports == real_reports():
        make_project(root, REPO)
        return "real"
    from synth import make_corpus  # scripts/synth.py

    make_corpus(root, reports, seed)
    return "synthetic"


_SUMMARY = re.compile(r"(\d+) reports, \d+ paragraphs, (\d+) statements")


def counted(ran: Ran) -> tuple[int, int]:
    """Reports and statements, as `dossier build` reports them."""
    found = _SUMMARY.search(ran.out)
    if not found:
        raise SystemExit(f"bench: no summary in the generator's output:\n{ran.out[-2000:]}")
    return int(found[1]), int(found[2])


def report_ids(root: Path) -> list[str]:
    pages = (root / "docs" / "reports").glob("*.md")
    return sorted(p.stem for p in pages if p.name != "index.md")


# --- pages ------------------------------------------------------------------------------------


def address(site: Path, page: Path) -> str:
    """A built file as the site address that serves it (`reports/x/index.html` → `reports/x/`)."""
    rel = page.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel


def largest_page(site: Path) -> dict[str, Any]:
    page = max(site.rglob("*.html"), key=lambda p: (p.stat().st_size, p.as_posix()))
    return {"address": address(site, page), "bytes": page.stat().st_size}


def median_report(site: Path, ids: list[str]) -> tuple[str, dict[str, Any]]:
    """The report page of median size (the lower middle for an even count), and its id."""
    sized = sorted((urls_page(site, i).stat().st_size, i) for i in ids)
    size, report = sized[(len(sized) - 1) // 2]
    return report, {"address": address(site, urls_page(site, report)), "bytes": size}


def urls_page(site: Path, report: str) -> Path:
    return site / urls.url_page(urls.doc_report(report)) / "index.html"


def hashes(folder: Path, pattern: str = "*") -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob(pattern)
        if p.is_file()
    }


def generated(root: Path) -> dict[str, str]:
    """The generator's files (docs/ and includes/), by project-relative path."""
    found = {f"docs/{k}": v for k, v in hashes(root / "docs").items()}
    found.update({f"includes/{k}": v for k, v in hashes(root / "includes").items()})
    return found


def changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Files written, added or removed between two snapshots."""
    return sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))


# --- the edits ---------------------------------------------------------------------------------


def front_matter_end(text: str) -> int:
    return text.index("\n---", 4) + 1


def add_note(text: str, token: str) -> str:
    """A report page with one more entry in its `notes` list (made if it has none)."""
    end = front_matter_end(text)
    front, rest = text[:end], text[end:]
    listed = re.search(r"(?m)^notes:[ \t]*(\[\])?[ \t]*\n", front)
    if listed is None:
        return f'{front}notes:\n- text: "Benchmark edit {token}."\n{rest}'
    after = front[listed.end() :]
    indent = re.match(r"[ ]*(?=- )", after) if not listed[1] else None
    item = f'{indent[0] if indent else ""}- text: "Benchmark edit {token}."\n'
    return f"{front[: listed.start()]}notes:\n{item}{after}{rest}"


def change_title(text: str, token: str) -> str:
    """A report page whose title starts with `token` (the title entry rewritten as one
    double-quoted line, whatever form it had)."""
    import yaml

    end = front_matter_end(text)
    front, rest = text[:end], text[end:]
    meta = yaml.safe_load(front.removeprefix("---\n").removesuffix("---\n"))
    entry = re.search(r"(?m)^title:.*\n(?:[ \t]+.*\n)*", front)
    if entry is None or not isinstance(meta, dict):
        raise SystemExit("bench: a report page without a title in its front matter")
    title = json.dumps(f"{token} {meta['title']}", ensure_ascii=False)
    return f"{front[: entry.start()]}title: {title}\n{front[entry.end() :]}{rest}"


EDITORS = {"note": add_note, "title": change_title}


def holding(paths: list[str], folder: Path, token: str) -> list[str]:
    """The paths whose file does not hold `token` (a removed file holds nothing)."""
    marker = token.encode("utf-8")
    return [
        p for p in paths if not (folder / p).is_file() or marker not in (folder / p).read_bytes()
    ]


def one_edit(root: Path, site: Path, kind: str, report: str) -> dict[str, Any]:
    """Edit one report, run the generator and `mkdocs build --dirty`; what each rewrote. The
    dirty build cannot be strict: MkDocs warns on every dirty build."""
    token = f"zqbench{kind}{time.time_ns() % 10**8}"
    page = root / "docs" / "reports" / f"{report}.md"
    before, html_before = generated(root), hashes(site, "*.html")
    page.write_text(EDITORS[kind](page.read_text("utf-8"), token), "utf-8")
    rerun = must(run(dossier(root, "build"), root), f"the generator after the {kind} edit")
    skip = {f"docs/reports/{report}.md", MANIFEST}  # the edit itself; the generator's ledger
    written = [p for p in changed(before, generated(root)) if p not in skip]
    dirty = must(run(mkdocs_build(site, "--dirty"), root), f"mkdocs build --dirty ({kind} edit)")
    html = changed(html_before, hashes(site, "*.html"))
    log(f"  {kind} edit: {len(written)} file(s) written in {rerun.seconds:.2f} s; "
        f"dirty build {dirty.seconds:.1f} s changed {len(html)} page(s)")  # fmt: skip
    return {
        "edit": kind,
        "report": report,
        "generator_seconds": round(rerun.seconds, 3),
        "written": written,
        "without_edit": holding(written, root, token),
        "dirty_build_seconds": round(dirty.seconds, 3),
        "html_changed": len(html),
        "html_without_edit": holding(html, site, token),
    }


# --- Zensical ----------------------------------------------------------------------------------

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def first_error(output: str) -> str:
    """The line that says what went wrong (the first naming an error, else the last), on
    one line and short enough for a table."""
    lines = [one_line(_ANSI.sub("", line)) for line in output.splitlines()]
    lines = [line for line in lines if line]
    said = next((line for line in lines if "error" in line.lower()), lines[-1] if lines else "")
    return (said[:397] + "...") if len(said) > 400 else (said or "no message")


def zensical(root: Path) -> dict[str, Any]:
    """`zensical build --strict` of the same docs/, into its own folder (Zensical has no
    --site-dir option: a copy of mkdocs.yml names it, as tests/test_zensical.py does)."""
    config = (root / "mkdocs.yml").read_text("utf-8")
    (root / ZENSICAL_CONFIG).write_text(f"{config}\nsite_dir: {ZENSICAL_SITE}\n", "utf-8")
    ran = run([str(ZENSICAL), "build", "--strict", "--config-file", ZENSICAL_CONFIG], root)
    error = "" if ran.code == 0 else first_error(ran.out)
    log(f"  zensical {ran.seconds:.1f} s" + (f": failed: {error}" if error else ""))
    return {**ran.step(), "error": error}


def zensical_version() -> str:
    if not ZENSICAL.is_file():
        return ""
    done = subprocess.run([str(ZENSICAL), "--version"], capture_output=True, text=True, env=ENV)
    return one_line(done.stdout).split()[-1] if done.returncode == 0 and done.stdout else ""


# --- search ------------------------------------------------------------------------------------


def search(site: Path, page: str, query: str) -> dict[str, Any] | None:
    """A first search and a plain page view in Chromium, through scripts/searchbench.py;
    None (not measured) until that script is there."""
    try:
        import searchbench
    except ImportError:
        log("  search: scripts/searchbench.py is not there yet: not measured")
        return None
    engine = searchbench.engine_of(site)
    first = searchbench.first_search(site, query, engine)
    viewed = searchbench.page_view_search_bytes(site, page)
    log(f"  search ({engine}): {first.bytes_transferred} B, {first.seconds:.2f} s, "
        f"{first.results} result(s); page view {viewed} B")  # fmt: skip
    return {
        "engine": engine,
        "query": query,
        "bytes": first.bytes_transferred,
        "seconds": round(first.seconds, 3),
        "results": first.results,
        "page_view_bytes": viewed,
    }


# --- mkdocs serve ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=RELOAD_LIMIT) as answer:
            return bytes(answer.read())
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


@contextlib.contextmanager
def serving(
    root: Path, dirty: bool, strict: bool = True
) -> Iterator[tuple[str, subprocess.Popen[bytes], Path]]:
    """`mkdocs serve -f mkdocs.serve.yml`, with `--dirty` as `make serve` runs it, or without
    (every page built again on each change); yields its address, the process and the file
    its output goes to."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", "mkdocs.serve.yml",
               "--dev-addr", f"127.0.0.1:{port}"]  # fmt: skip
    command += ["--dirty"] * dirty + ["--strict"] * strict
    with tempfile.TemporaryDirectory() as tmp, (Path(tmp) / "serve.log").open("ab") as output:
        process = subprocess.Popen(command, cwd=root, env=ENV, stdout=output, stderr=output)
        try:
            yield f"http://127.0.0.1:{port}/", process, Path(tmp) / "serve.log"
        finally:
            # An interrupt, as Ctrl-C: MkDocs then removes its temporary site folder.
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.returncode not in (0, -signal.SIGINT, 130, 1):
                log((Path(tmp) / "serve.log").read_text("utf-8", "replace")[-2000:])


def wait_for(
    url: str, server: subprocess.Popen[bytes], limit: float, token: bytes | None = None
) -> float | None:
    """Seconds until `url` answers (holding `token`, if given), or None past `limit` or once
    the server has stopped. MkDocs' server holds a page back while a build runs, so this is
    until the rebuild is visible."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit and server.poll() is None:
        body = fetch(url)
        if body is not None and (token is None or token in body):
            return time.perf_counter() - started
        time.sleep(0.1)
    return None


# What the hook prints after a run of the generator that wrote something.
_GENERATED = re.compile(r"dossier build: \d+ file\(s\) written.*\(([\d.]+) s\)")


def reload_seconds(
    root: Path, report: str, dirty: bool, strict: bool = True
) -> tuple[float | None, float | None, str]:
    """Seconds from saving a report with a new note until the served page shows it, and the
    seconds the generator took in the serving process (as the hook prints them)."""
    with serving(root, dirty, strict) as (base, server, output):
        page = base + urls.url_page(urls.doc_report(report))
        if wait_for(page, server, SERVE_START_LIMIT) is None:
            return None, None, "the server did not answer"
        before = output.read_text("utf-8", "replace")
        token = f"zqbenchserve{time.time_ns() % 10**8}"
        path = root / "docs" / "reports" / f"{report}.md"
        path.write_text(add_note(path.read_text("utf-8"), token), "utf-8")
        seconds = wait_for(page, server, RELOAD_LIMIT, token.encode("utf-8"))
        mode = "serve --dirty" if dirty else "serve"
        log(f"  {mode}: edit-to-reload " + (f"{seconds:.1f} s" if seconds else "not seen"))
        ran = _GENERATED.search(output.read_text("utf-8", "replace")[len(before) :])
        generated = float(ran.group(1)) if ran else None
        error = "" if seconds is not None else f"no reload within {RELOAD_LIMIT:.0f} s"
        return seconds, generated, error


def serve(root: Path, report: str, strict: bool) -> dict[str, Any]:
    """Edit-to-reload as `make serve` runs (`--dirty`), and without `--dirty`. `strict`: as
    `make serve` runs it; a site whose strict build fails is served without it (a strict
    server would stop at its first build)."""
    for name in ("mkdocs.serve.yml", "scripts/dossier/mkdocs_hook.py"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, root / name)
    plain, _, error = reload_seconds(root, report, dirty=False, strict=strict)
    if not strict:
        error = "; ".join(
            e for e in ("served without --strict (its strict build fails)", error) if e
        )
    dirty, generated, dirty_error = reload_seconds(root, report, dirty=True, strict=strict)
    errors = "; ".join(e for e in (error, dirty_error and f"with --dirty: {dirty_error}") if e)
    return {
        "reload_seconds": None if plain is None else round(plain, 3),
        "dirty_reload_seconds": None if dirty is None else round(dirty, 3),
        "generator_seconds": generated,
        "error": errors,
    }


# --- one size ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    seed: int
    zensical: bool
    search: bool
    serve_max: int
    query: str


def build_steps(root: Path) -> dict[str, Any]:
    check = must(run(dossier(root, "check"), root), "dossier check")
    generator = must(run(dossier(root, "build"), root), "dossier build")
    # A second run settles data/published.txt (the first records every new address), so that
    # the edits below start from a generator with nothing left to write.
    must(run(dossier(root, "build"), root), "dossier build, again")
    built = run(mkdocs_build(root / "site", "--strict"), root)
    strict = strict_failure(built)
    index = search_index(root / "site")
    reports, statements = counted(generator)
    log(f"  check {check.seconds:.2f} s, generator {generator.seconds:.2f} s, "
        f"mkdocs {built.seconds:.1f} s"
        + (f", search index {index.seconds:.1f} s" if index else ""))  # fmt: skip
    return {
        "reports": reports,
        "statements": statements,
        "check": check.step(),
        "generator": generator.step(),
        "mkdocs": built.step(),
        "mkdocs_error": strict,
        "search_index": index.step() if index else None,
    }


_STRICT = re.compile(r"Aborted with .* in strict mode!")


def strict_failure(built: Ran) -> str:
    """ "" for a clean strict build. MkDocs checks links and anchors once every page is written
    and only then stops on its warnings, so the site of a build that failed that way is whole:
    the failure is recorded (with its first warning) and the measuring goes on. Any other
    failure stops the run."""
    if built.code == 0:
        return ""
    aborted = _STRICT.search(built.out)
    if aborted is None:
        must(built, "mkdocs build --strict")
    first = next((line for line in built.out.splitlines() if line.startswith("WARNING")), "")
    said = first_error(f"{aborted[0] if aborted else ''} First: {first}")
    log(f"  mkdocs build --strict failed: {said}")
    return said


def search_index(site: Path) -> Ran | None:
    """The site's search index, built after MkDocs as `make build` does; None for a site
    without that step (the theme's own index, written by MkDocs)."""
    if importlib.util.find_spec("dossier.search_index") is None:
        return None
    command = [sys.executable, "-m", "dossier.search_index", str(site)]
    return must(run(command, site.parent), "the search index")


def measure(size: int, options: Options, under: Path) -> dict[str, Any]:
    """Every figure at one size, in a project made in a new folder in `under`. The folder is
    left for the caller to delete once the whole run is over: deleting a step's gigabytes of
    pages slows the next step's writes for a while (the file system's freeing of the space
    holds up new files), and that would be charged to the next step's generator."""
    log(f"{size:,} reports")
    root = Path(tempfile.mkdtemp(prefix=f"bench-{size}-", dir=under)) / "project"
    corpus = make(root, size, options.seed)
    figures = {"corpus": corpus, **build_steps(root)}
    site = root / "site"
    report, report_page = median_report(site, report_ids(root))
    figures |= {
        "pages": sum(1 for _ in site.rglob("*.html")),
        "largest_page": largest_page(site),
        "report_page": report_page,
        "zensical": zensical(root) if options.zensical else None,
        "search": search(site, report_page["address"], options.query)
        if options.search
        else None,
    }
    figures["edits"] = [one_edit(root, site, kind, report) for kind in ("note", "title")]
    strict = not figures["mkdocs_error"]
    figures["serve"] = serve(root, report, strict) if size <= options.serve_max else None
    return figures


# --- the whole run -----------------------------------------------------------------------------


def record(sizes: list[dict[str, Any]], zensical_run: bool, changed: bool) -> dict[str, Any]:
    return {
        "code_changed": changed,
        "date": datetime.date.today().isoformat(),
        "cores": os.cpu_count() or 1,
        "python": platform.python_version(),
        "mkdocs": importlib.metadata.version("mkdocs"),
        "zensical": zensical_version() if zensical_run else "",
        "sizes": sizes,
        "budgets": [],
    }


def judged(data: dict[str, Any], out: Path) -> tuple[dict[str, Any], int]:
    """The record with its budgets' outcomes, read back through the page's own checks (so the
    file never stops the build), and the exit status: 1 when a budget is missed."""
    try:
        measurement = check_performance(data, out)
    except InputError as exc:
        problems = "\n".join(map(str, exc.problems))
        raise SystemExit(f"bench: the record fails its checks:\n{problems}") from None
    outcomes = budgets(measurement)
    for o in outcomes:
        log(f"{o.status:>12}  {o.budget}" + (f": {o.measured}" if o.measured else ""))
    missed = [o for o in outcomes if o.status == FAIL]
    unmeasured = sum(o.status == NOT_MEASURED for o in outcomes)
    log(f"{len(missed)} budget(s) missed, {unmeasured} not measured.")
    return {**data, "budgets": outcomes_record(measurement)}, 1 if missed else 0


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", help=f"corpus sizes (default {SIZES})")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=f"CI's quick run: sizes {SMOKE_SIZES}, no Zensical, no serve",
    )
    parser.add_argument("--skip-zensical", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument(
        "--serve-max",
        type=int,
        default=SERVE_MAX,
        help="measure mkdocs serve up to this size (default %(default)s)",
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--query", default=QUERY)
    parser.add_argument("--out", type=Path, default=REPO / urls.PERFORMANCE_DATA)
    return parser.parse_args(argv)  # fmt: skip


CODE = ("scripts/dossier", "scripts/synth.py", "scripts/searchbench.py", "docs/assets",
        "overrides", "mkdocs.yml", "mkdocs.serve.yml")  # fmt: skip


def code_fingerprint() -> str:
    """A digest of the code and site files a run measures: a run whose code changed while it
    ran mixes versions (an edit would seem to rewrite files it does not change)."""
    digest = hashlib.sha256()
    for part in CODE:
        path = REPO / part
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(file.relative_to(REPO).as_posix().encode() + file.read_bytes())
    return digest.hexdigest()


def interruptible() -> None:
    """Interrupts handled here, and so not ignored by the servers this run starts (each is
    stopped with one). Started in the background (`make bench &`, nohup), a process ignores
    them, and so do the programs it starts: each server then ignored the interrupt and was
    killed a minute later, leaving its site folder behind. A handled signal is reset for a
    started program; an ignored one stays ignored."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    interruptible()
    sizes = args.sizes or list(SMOKE_SIZES if args.smoke else SIZES)
    options = Options(
        seed=args.seed,
        zensical=not (args.skip_zensical or args.smoke),
        search=not args.skip_search,
        serve_max=-1 if args.skip_serve or args.smoke else args.serve_max,
        query=args.query,
    )
    if options.zensical and not ZENSICAL.is_file():
        raise SystemExit(f"bench: {ZENSICAL} is missing (make test creates it), or --skip-zensical")
    code = code_fingerprint()
    with tempfile.TemporaryDirectory(prefix="bench-") as under:
        measured = [measure(size, options, Path(under)) for size in sorted(set(sizes))]
    changed = code_fingerprint() != code
    if changed:
        log("bench: warning: the code changed during the run; its figures mix versions")
    data, status = judged(record(measured, options.zensical, changed), args.out)
    unstrict = [f"{size['reports']:,}" for size in measured if size["mkdocs_error"]]
    if unstrict:
        log(f"bench: mkdocs build --strict failed at {', '.join(unstrict)} reports")
        status = 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dump(data), "utf-8")
    log(f"wrote {args.out}")
    return status


if __name__ == "__main__":
    sys.exit(main())
