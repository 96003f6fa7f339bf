"""Measure the site with Lighthouse and record the scores in data/quality.json.

    .venv/bin/python scripts/lighthouse.py             # mobile and desktop (make quality)
    .venv/bin/python scripts/lighthouse.py --form-factor mobile
    .venv/bin/python scripts/lighthouse.py --site site  # an already-built folder instead

By default the site is built afresh in a temporary copy of the project (the files git tracks
or would track: uncommitted edits count, generated and ignored files do not), so the
measurement never writes into docs/, includes/ or site/, and the copy is built for the address
it is served at (canonical links and citations then name the served host). `--site DIR`
measures a folder built beforehand, as it is.

The site is served on a free loopback port the way a static host serves it: text compressed
with gzip (Content-Encoding), Content-Type with its charset, and `Cache-Control: max-age=600`
(what GitHub Pages sends). Lighthouse (npm, version pinned below) runs in Debian's Chromium
on five pages: home, a report, the timeline, the statements page and an actor page (the
largest report and actor pages, the worst cases). The next `dossier build` shows the result
on the Quality page. Each page is measured three times (--repeats) and the run with the
median performance score is kept: a full run takes about ten minutes on two cores. Needs
Node.js 20 or later, npm and /usr/bin/chromium; the first run installs Lighthouse into
.lighthouse/ (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, ClassVar

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from dossier import urls  # noqa: E402
from dossier.render.quality import CATEGORIES, FORM_FACTORS, QUALITY_JSON, dump  # noqa: E402

# Pinned at 12.2.3: Lighthouse 13 needs Node 22 (Node 20 here), and locks made with 12.3 to
# 13.4 are refused by `npm ci`. The version is pinned here and nowhere else (no lock is kept).
LIGHTHOUSE_VERSION = "12.2.3"
TOOL_DIR = REPO / ".lighthouse"
LIGHTHOUSE_BIN = TOOL_DIR / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync"
)
# The project's own files a build needs (everything else is generated or tooling).
PROJECT_PARTS = ("mkdocs.yml", "docs/", "data/", "sources/", "overrides/")
SERVER_NOTE = "gzip, Content-Type with charset, Cache-Control max-age=600"


# --- Lighthouse itself ---------------------------------------------------------------------


def ensure_lighthouse() -> None:
    """Install the pinned Lighthouse into .lighthouse/ unless it is there already."""
    installed = TOOL_DIR / "node_modules" / "lighthouse" / "package.json"
    if installed.is_file() and _version(installed) == LIGHTHOUSE_VERSION:
        return
    print(f"installing lighthouse {LIGHTHOUSE_VERSION} into {TOOL_DIR.name}/", file=sys.stderr)
    subprocess.run(
        ["npm", "install", "--no-package-lock", "--save-exact", "--no-audit", "--no-fund",
         "--prefix", str(TOOL_DIR), f"lighthouse@{LIGHTHOUSE_VERSION}"],
        check=True,
    )  # fmt: skip


def _version(package_json: Path) -> str:
    return str(json.loads(package_json.read_text("utf-8")).get("version", ""))


def run_lighthouse(url: str, form_factor: str, out: Path) -> dict[str, object]:
    """One Lighthouse run; its full report (the LHR) is kept in `out` for a closer look."""
    command = [
        str(LIGHTHOUSE_BIN), url, "--quiet", "--output=json", f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
    ]  # fmt: skip
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROME_PATH}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not out.is_file():
        raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-4000:]}")
    report: dict[str, object] = json.loads(out.read_text("utf-8"))
    if report.get("runtimeError"):
        raise SystemExit(f"lighthouse could not measure {url}: {report['runtimeError']}")
    return report


# --- what a run records ----------------------------------------------------------------------

# An audit that scores (pass/fail or a number) counts as failing below a full score; the
# others (informative, manual, not applicable) say nothing about the page's quality.
_SCORED = ("binary", "numeric", "metricSavings")


def page_entry(name: str, address: str, report: dict[str, object]) -> dict[str, object]:
    categories = _dict(report["categories"])
    audits = _dict(report["audits"])
    scores: dict[str, int] = {}
    failing: list[dict[str, str]] = []
    for category in CATEGORIES:
        entry = _dict(categories[category])
        if entry.get("score") is None:
            raise SystemExit(f"lighthouse gave no {category} score for {address or 'home'}")
        scores[category] = round(float(str(entry["score"])) * 100)
        if scores[category] < 100:
            failing += _failing(category, entry, audits)
    # Bytes transferred while the page loads (compressed as served): what a reader downloads.
    weight = round(float(str(_dict(audits["total-byte-weight"])["numericValue"])))
    return {
        "page": name, "address": address, "scores": scores, "failing": failing, "bytes": weight,
    }  # fmt: skip


def _failing(
    category: str, entry: dict[str, object], audits: dict[str, object]
) -> list[dict[str, str]]:
    found = []
    for ref in _list(entry["auditRefs"]):
        audit = _dict(audits[str(_dict(ref)["id"])])
        score = audit.get("score")
        if audit.get("scoreDisplayMode") in _SCORED and score is not None and float(str(score)) < 1:
            found.append({
                "category": category,
                "id": str(audit["id"]),
                "title": str(audit["title"]),
                "detail": str(audit.get("displayValue") or ""),
            })  # fmt: skip
    return sorted(found, key=lambda a: a["id"])


def run_entry(
    form_factor: str, pages: list[dict[str, object]], sample: dict[str, object]
) -> dict[str, object]:
    settings = _dict(sample["configSettings"])
    environment = _dict(sample["environment"])
    return {
        "form_factor": form_factor,
        "throttling": str(settings.get("throttlingMethod", "")),
        "benchmark_index": round(float(str(environment.get("benchmarkIndex", 0)))),
        "pages": pages,
    }


def _dict(value: object) -> dict[str, object]:
    assert isinstance(value, dict), value
    return value


def _list(value: object) -> list[object]:
    assert isinstance(value, list), value
    return value


# --- the site: built in a copy, served compressed -------------------------------------------


def project_copy(dest: Path) -> None:
    """The project's source files (tracked, or new and not ignored) copied into `dest`."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--",
         *PROJECT_PARTS],
        cwd=REPO, capture_output=True, check=True,
    ).stdout.decode("utf-8")  # fmt: skip
    for rel in filter(None, listed.split("\0")):
        source = REPO / rel
        if source.is_file():  # a tracked file deleted in the work tree is left out
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / rel)


def build_site(root: Path, site_url: str) -> Path:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    for command in (
        [sys.executable, "-m", "dossier.cli", "--root", str(root), "build"],
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir",
         str(root / "site")],
    ):  # fmt: skip
        done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"building the site failed:\n{done.stderr[-4000:]}")
    return root / "site"


_TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml",
               "application/xml", "application/atom+xml", "application/ld+json")  # fmt: skip


class CompressedHandler(http.server.SimpleHTTPRequestHandler):
    """Static files as a web host sends them: gzip for text, charset on text types."""

    extensions_map = {  # noqa: RUF012 (the base class declares it so)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript", ".json": "application/json",
        ".svg": "image/svg+xml", ".xml": "application/xml", ".txt": "text/plain",
        ".webmanifest": "application/manifest+json",
    }  # fmt: skip
    _cache: ClassVar[dict[tuple[str, float], bytes]] = {}  # gzip once per file

    def send_head(self) -> BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the standard redirect to the folder's address
            path = path / "index.html"
        if not path.is_file():
            return self._not_found()
        return self._send_file(path, 200)

    def _not_found(self) -> BinaryIO | None:
        page = Path(self.directory) / "404.html"
        if page.is_file():
            return self._send_file(page, 404)
        self.send_error(404)
        return None

    def _send_file(self, path: Path, status: int) -> io.BytesIO:
        ctype = self.guess_type(str(path))
        body = path.read_bytes()
        text = ctype.startswith(_TEXT_TYPES)
        self.send_response(status)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8" if text else ctype)
        if text and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = self._gzipped(path, body)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _gzipped(self, path: Path, body: bytes) -> bytes:
        key = (str(path), path.stat().st_mtime)
        if key not in self._cache:
            self._cache[key] = gzip.compress(body, compresslevel=9, mtime=0)
        return self._cache[key]

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """`folder` served on a free loopback port (it need not exist yet): yields the address."""
    handler = lambda *a, **k: CompressedHandler(*a, directory=str(folder), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@dataclass(frozen=True)
class Page:
    name: str
    address: str  # a site URL relative to the root, as urls.url_* give


def pages(site: Path) -> list[Page]:
    """Home, the largest report page, the timeline, the statements page, the largest actor
    page (redirect pages of moved ids are tiny and never chosen)."""
    return [
        Page("Home", urls.url_page(urls.HOME)),
        Page("A report", urls.url_report(_largest(site, "reports"))),
        Page("Timeline", urls.url_page(urls.TIMELINE)),
        Page("Statements", urls.url_page(urls.STATEMENTS)),
        Page("An actor", urls.url_actor(_largest(site, "actors"))),
    ]


def _largest(site: Path, folder: str) -> str:
    found = [p for p in (site / folder).glob("*/index.html")]
    if not found:
        raise SystemExit(f"the built site has no page under {folder}/")
    return max(found, key=lambda p: (p.stat().st_size, p.parent.name)).parent.name


# --- the whole run ---------------------------------------------------------------------------


def measure(
    site_url: str, site: Path, form_factors: list[str], repeats: int, keep: Path
) -> dict[str, object]:
    runs = []
    sample: dict[str, object] = {}
    for form_factor in form_factors:
        entries = []
        for page in pages(site):
            sample = _median_run(site_url, page, form_factor, repeats, keep)
            entries.append(page_entry(page.name, page.address, sample))
        runs.append(run_entry(form_factor, entries, sample))
    return {
        "lighthouse": str(sample.get("lighthouseVersion", LIGHTHOUSE_VERSION)),
        "chromium": chromium_version(),
        "date": datetime.date.today().isoformat(),
        "cores": os.cpu_count() or 0,
        "repeats": repeats,
        "server": SERVER_NOTE,
        "runs": runs,
    }


def _median_run(
    site_url: str, page: Page, form_factor: str, repeats: int, keep: Path
) -> dict[str, object]:
    """Lighthouse `repeats` times on one page; the run with the median performance score
    (performance varies from run to run with the machine's load; the other scores rarely do)."""
    reports = []
    for attempt in range(1, repeats + 1):
        print(f"lighthouse {form_factor}: {page.name} ({page.address or '/'}) "
              f"{attempt}/{repeats}", file=sys.stderr)  # fmt: skip
        name = f"{form_factor}-{page.name.lower().replace(' ', '-')}-{attempt}.json"
        reports.append(run_lighthouse(site_url + page.address, form_factor, keep / name))
    reports.sort(key=lambda r: float(str(_dict(_dict(r["categories"])["performance"])["score"])))
    return reports[(len(reports) - 1) // 2]


def chromium_version() -> str:
    """Chromium's full version (the user agent it sends gives only the major number)."""
    done = subprocess.run([CHROME_PATH, "--version"], capture_output=True, text=True, check=False)
    found = re.search(r"\d+(?:\.\d+)+", done.stdout)
    return found[0] if found else ""


def table(data: dict[str, object]) -> str:
    heads = ("form factor", "page", *CATEGORIES)
    rows: list[tuple[str, ...]] = [heads]
    for run in _list(data["runs"]):
        for page in _list(_dict(run)["pages"]):
            scores = _dict(_dict(page)["scores"])
            rows.append((str(_dict(run)["form_factor"]), str(_dict(page)["page"]),
                         *(str(scores[c]) for c in CATEGORIES)))  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(len(heads))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--form-factor", choices=(*FORM_FACTORS, "both"), default="both")
    parser.add_argument("--site", type=Path, help="measure this built folder instead")
    parser.add_argument("--repeats", type=int, default=3,
                        help="runs per page; the median is kept (default 3)")  # fmt: skip
    parser.add_argument("--keep", type=Path, help="keep Lighthouse's full reports here")
    args = parser.parse_args(argv)
    factors = list(FORM_FACTORS) if args.form_factor == "both" else [args.form_factor]
    ensure_lighthouse()
    with tempfile.TemporaryDirectory(prefix="dossier-lighthouse-") as tmp:
        keep = args.keep or Path(tmp) / "reports"
        keep.mkdir(parents=True, exist_ok=True)
        folder = args.site.resolve() if args.site else Path(tmp) / "project" / "site"
        with serve(folder) as site_url:
            if not args.site:
                project_copy(folder.parent)
                build_site(folder.parent, site_url)
            data = measure(site_url, folder, factors, max(1, args.repeats), keep)
    (REPO / QUALITY_JSON).write_text(dump(data), encoding="utf-8")
    print(table(data))
    print(f"wrote {QUALITY_JSON}; `dossier build` shows it on the Quality page.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
