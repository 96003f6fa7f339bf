"""The offline copy of the site: `make offline`.

Builds the generated site (run `dossier build` first; `make offline` does) with
mkdocs.offline.yml, which names pages x.html instead of x/ so that links work between files
opened from disk, into build/offline/. Then:

- drops the server's files: the error page, the sitemap;
- gives each page its published address as its canonical one (x/, not x.html);
- points the addresses that the generator writes itself in HTML and SVG (MkDocs rewrites only
  Markdown links), which are written for the published site's folders (x/), at the copy's
  files (x.html);
- gives every page x.html a folder page x/index.html leading to it, for the addresses that
  scripts write for the published site (offline.js opens a folder's index.html);
- adds the search index as a script (search/search_index.js): a page opened from disk can
  load a script but cannot fetch a JSON file;
- checks that every link and every script, stylesheet and image a page (or an SVG file)
  names is a file of the copy;
- zips the folder into build/dossier-offline.zip, under one top folder, dossier-offline/.

The zip is the same bytes for the same site: entries sorted by name, every timestamp and
permission fixed.

    python scripts/offline.py [--root PROJECT] [--site-dir DIR] [--zip FILE]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import posixpath
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

CONFIG = "mkdocs.offline.yml"
TOP = "dossier-offline"
# The earliest time a zip entry can hold; the same for every entry and every build.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o644 << 16
# Addresses outside the copy: other sites, e-mail, inline data, page-local anchors.
OUTSIDE = ("http:", "https:", "mailto:", "data:", "blob:", "javascript:", "#")
# The files whose addresses are checked and, where written for folder addresses, repointed.
LINKING = ("*.html", "*.svg")
ATTRIBUTE = re.compile(r'(\s(?:xlink:)?(?:href|src)=")([^"]*)(")')


def build(root: Path, site_dir: Path) -> None:
    """`mkdocs build --strict` with the offline configuration into `site_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "-f", str(root / CONFIG), "--site-dir", str(site_dir)]  # fmt: skip
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"offline: mkdocs build failed\n{done.stderr}")


# A server's files: the error page (its addresses start at the server's root) and the sitemap
# (for search engines; it also holds the day of the build, which would change the zip daily).
SERVER_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz")


def drop_server_files(site_dir: Path) -> None:
    for name in SERVER_FILES:
        (site_dir / name).unlink(missing_ok=True)


FOLDER_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta http-equiv="refresh" content="0; url={href}">
<script>location.replace({js} + location.search + location.hash);</script>
</head>
<body><p><a href="{href}">{title}</a></p></body>
</html>
"""


def published_folder(site_dir: Path, file: Path) -> str:
    """The folder (from the site root: "" or ending in /) that addresses in `file` are relative
    to on the published site: a page x.html is published as x/, x/index.html as x/; any other
    file where it is."""
    rel = file.relative_to(site_dir).as_posix()
    if file.suffix != ".html" or file.name == "index.html":
        folder = posixpath.dirname(rel)
        return f"{folder}/" if folder else ""
    return rel.removesuffix(".html") + "/"


def copy_file(site_dir: Path, address: str) -> str | None:
    """The file of the copy (from the site root) that serves a published address's path."""
    if address == "" or address.endswith("/"):
        candidates = [f"{address}index.html", f"{address.removesuffix('/')}.html"]
    else:
        candidates = [address]
    return next((c for c in candidates if (site_dir / c).is_file()), None)


def repointed(site_dir: Path, file: Path, ref: str) -> str | None:
    """`ref`, an address in `file` that names no file of the copy, read as the published site
    reads it and pointed at the copy's file; None if it is fine as it is or leads nowhere."""
    if ref.lower().startswith(OUTSIDE) or ref.startswith("/"):
        return None
    parts = urlsplit(ref)
    path = unquote(parts.path)
    if not path or (file.parent / path).resolve().is_file():
        return None
    address = posixpath.normpath(posixpath.join(published_folder(site_dir, file), path))
    if address.startswith(".."):
        return None
    address = "" if address == "." else address + ("/" if path.endswith("/") else "")
    target = copy_file(site_dir, address)
    if target is None:
        return None
    here = posixpath.dirname(file.relative_to(site_dir).as_posix()) or "."
    return urlunsplit(("", "", quote(posixpath.relpath(target, here)), parts.query, parts.fragment))


def repoint_addresses(site_dir: Path) -> int:
    """Addresses written for the published site's folders (x/) in HTML and SVG that the
    generator writes itself (MkDocs rewrites Markdown links only), pointed at the copy's files
    (x.html); returns how many. Only addresses that name no file are touched."""
    count = 0
    for pattern in LINKING:
        for file in sorted(site_dir.rglob(pattern)):
            text = file.read_text(encoding="utf-8")

            def swap(match: re.Match[str], file: Path = file) -> str:
                nonlocal count
                new = repointed(site_dir, file, html.unescape(match[2]))
                if new is None:
                    return match[0]
                count += 1
                return match[1] + html.escape(new) + match[3]

            changed = ATTRIBUTE.sub(swap, text)
            if changed != text:
                file.write_text(changed, encoding="utf-8")
    return count


def add_folder_pages(site_dir: Path) -> int:
    """For each page x.html, x/index.html leading to it: an address written for the
    published site (x/, as scripts build it: search's suggestions, redirects) then works
    from disk too (offline.js sends a link to a folder to its index.html). Returns how many."""
    added = 0
    for page in sorted(site_dir.rglob("*.html")):
        folder = page.with_suffix("")
        if page.name == "index.html" or (folder / "index.html").exists():
            continue
        href = f"../{page.name}"
        js = json.dumps(href).replace("<", "\\u003c")
        text = FOLDER_PAGE.format(title=html.escape(page.stem), href=html.escape(href), js=js)
        folder.mkdir(exist_ok=True)
        (folder / "index.html").write_text(text, encoding="utf-8")
        added += 1
    return added


CANONICAL = re.compile(r'(<link rel="canonical" href=")([^"]*)(")')


def publish_canonical(site_dir: Path) -> None:
    """Each page's canonical address is its published one (x/, not the copy's x.html): the
    address that copy-link, citations and print give, from the copy as from the site."""
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")

        def published(match: re.Match[str]) -> str:
            href = re.sub(r"(^|/)index\.html$", r"\1", match[2])
            return match[1] + re.sub(r"\.html$", "/", href) + match[3]

        changed = CANONICAL.sub(published, text)
        if changed != text:
            page.write_text(changed, encoding="utf-8")


def inline_search_index(site_dir: Path) -> None:
    """search/search_index.js: the index as a script, which the theme loads from file://."""
    index = site_dir / "search" / "search_index.json"
    data = index.read_text(encoding="utf-8")
    (index.parent / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")


class _Refs(HTMLParser):
    """The addresses one page names: links, scripts, stylesheets, images, frames."""

    ATTRS = frozenset({"href", "src"})

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in self.ATTRS and value:
                self.refs.append(value)


def broken_references(site_dir: Path) -> list[str]:
    """Every address of every page of `site_dir` that names no file of it, as
    `page: address`. A folder is broken too: opened from disk it lists its files."""
    broken = []
    for page in sorted(p for pattern in LINKING for p in site_dir.rglob(pattern)):
        parser = _Refs()
        parser.feed(page.read_text(encoding="utf-8"))
        for ref in parser.refs:
            if ref.lower().startswith(OUTSIDE) or ref.startswith("//"):
                continue
            path = unquote(urlsplit(ref).path)
            if not path:
                continue
            # From disk, an address that starts with / names the root of the file system.
            if path.startswith("/") or not (page.parent / path).resolve().is_file():
                broken.append(f"{page.relative_to(site_dir).as_posix()}: {ref}")
    return broken


def write_zip(site_dir: Path, out: Path) -> None:
    """The folder as a zip, every file under TOP/, byte-identical for identical files."""
    out.parent.mkdir(parents=True, exist_ok=True)
    files = {p.relative_to(site_dir).as_posix(): p for p in site_dir.rglob("*") if p.is_file()}
    partial = out.with_name(out.name + ".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, path in sorted(files.items()):
            info = zipfile.ZipInfo(f"{TOP}/{name}", ZIP_TIME)
            info.external_attr = FILE_MODE
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    partial.replace(out)


def make_offline(root: Path, site_dir: Path, out: Path) -> list[str]:
    """Builds, checks and zips the offline copy; returns the broken references (nothing is
    zipped when there is any)."""
    build(root, site_dir)
    drop_server_files(site_dir)
    publish_canonical(site_dir)
    repoint_addresses(site_dir)
    add_folder_pages(site_dir)
    inline_search_index(site_dir)
    broken = broken_references(site_dir)
    if not broken:
        write_zip(site_dir, out)
    return broken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the offline copy of the site as a zip.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder")
    parser.add_argument("--site-dir", type=Path, help="default: ROOT/build/offline")
    parser.add_argument("--zip", type=Path, help="default: ROOT/build/dossier-offline.zip")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    site_dir = (args.site_dir or root / "build" / "offline").resolve()
    out = (args.zip or root / "build" / "dossier-offline.zip").resolve()
    broken = make_offline(root, site_dir, out)
    if broken:
        print("offline: addresses that name no file of the copy:", file=sys.stderr)
        print("\n".join(f"  {line}" for line in broken), file=sys.stderr)
        return 1
    print(f"offline: {out} ({out.stat().st_size:,} bytes); open {TOP}/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
