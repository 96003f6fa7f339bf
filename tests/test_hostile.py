"""The hostile fixture corpus (tests/fixtures/hostile): every editor field holds scripts,
handlers, Markdown, attribute lists, snippet lines, template syntax, formulas, right-to-left
and zero-width text. The site must build with --strict, run no script but the theme's, include
no file, guard every formula cell, and show each text as written.

The static checks compare the built HTML with the normal fixture site's (same theme, same
scripts, same element shapes). The browser test loads every page in Chromium and fails on
any dialog, console error, page error, payload message or payload element.
"""

from __future__ import annotations

import csv
import functools
import html
import html.parser
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import (
    HOSTILE_CORPUS,
    INCLUDES_MARKER,
    ROOT_MARKER,
    Project,
    run_dossier,
)
from test_browser import browser  # noqa: F401  (the shared Chromium fixture)

# Payload elements carry this id or class; upper case, so that heading ids (which the table
# of contents derives in lower case from heading text) never match it.
MARKER = "PWNED"
LONG_WORD = "Start" + "abcdefghijklmnopqrstuvwxyz" * 192 + "End"
FORMULA_START = ("=", "+", "-", "@")
SVG = "assets/generated/timeline-overview.svg"


# --------------------------------------------------------------------------- the corpus


@dataclass(frozen=True)
class Report:
    meta: dict
    paragraphs: tuple[str, ...]  # the original's lines shown as paragraphs, in order

    @property
    def id(self) -> str:
        return str(self.meta["id"])

    @property
    def title(self) -> str:
        """The title as the reader sees it: front-matter titles are HTML text."""
        return html.unescape(self.meta["title"])


def _front_matter(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))


def _report(page: Path) -> Report:
    meta = _front_matter(page)
    lines = (HOSTILE_CORPUS / "sources" / meta["source_file"]).read_text("utf-8").split("\n")
    hidden = {e["line"] for e in [*meta["removed"], *meta["metadata_lines"]]}
    shown = [ln.strip() for n, ln in enumerate(lines, 1) if ln.strip() and n not in hidden]
    return Report(meta, tuple(shown))


@functools.cache
def reports() -> tuple[Report, ...]:
    return tuple(_report(p) for p in sorted((HOSTILE_CORPUS / "docs/reports").glob("*.md")))


@functools.cache
def registry(name: str) -> list[dict]:
    return yaml.safe_load((HOSTILE_CORPUS / "data" / f"{name}.yml").read_text("utf-8"))


def expected_text() -> dict[str, list[str]]:
    """Page path → texts the reader must see on it, exactly as the editors wrote them."""
    out: dict[str, list[str]] = {"reports/": [r.title for r in reports()]}
    for r in reports():
        meta = r.meta
        out[f"reports/{r.id}/"] = [
            r.title, *r.paragraphs, meta["published"]["note"],
            *(meta[k] for k in ("outlet", "outlet_note", "byline", "url") if meta.get(k)),
            *(n["text"] for n in meta["notes"]),
            *(x[k] for x in meta["not_statements"] for k in ("text", "reason")),
        ]  # fmt: skip
    statements = [s for r in reports() for s in r.meta["statements"]]
    out["statements/"] = [
        *(s[k] for s in statements for k in ("text", "speaker_label", "venue")),
        *(s["date"]["note"] for s in statements),
    ]
    for actor in registry("actors"):
        out[f"actors/{actor['id']}/"] = [actor["name"], actor["description"]]
    out["timeline/"] = [
        *(e[k] for e in registry("events") for k in ("title", "summary")),
        *(e["date"]["note"] for e in registry("events")),
    ]
    out["glossary/"] = [
        g[k] for g in registry("glossary") for k in ("term", "expansion", "definition") if g[k]
    ]
    return out


def squash(text: str) -> str:
    """Runs of whitespace as one space (zero-width and direction marks are not whitespace)."""
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------- reading HTML


class Html(html.parser.HTMLParser):
    """The elements of a page (tag and attributes), its scripts, and its text."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[str | None, str]] = []  # (src, inline body)
        self._parts: list[str] = []
        self._raw: str | None = None  # the tag whose raw text is being read (script, style)
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.elements.append((tag, values))
        if tag == "script" and values.get("type") == "application/ld+json":
            self._raw = "data"  # schema.org data, never run (tests/test_meta.py reads it)
            return
        if tag == "script":
            self.scripts.append((values.get("src"), ""))
        if tag in ("script", "style"):
            self._raw = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._raw or (tag == "script" and self._raw == "data"):
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw == "script":
            src, body = self.scripts[-1]
            self.scripts[-1] = (src, body + data)
        elif self._raw is None:
            self._parts.append(data)

    @property
    def text(self) -> str:
        return squash("".join(self._parts))


def pages(project: Project) -> dict[str, Html]:
    return {
        p.relative_to(project.site).as_posix(): Html(p.read_text(encoding="utf-8"))
        for p in sorted(project.site.rglob("*.html"))
    }


_BASE = re.compile(r'"(?:\.\.(?:/\.\.)*|\.|/)"')
_PREFIX = re.compile(r'(?<=")(?:\.\./)+|(?<=")/(?=assets/)')


def script_signature(src: str | None, body: str) -> str:
    """A script with the page's relative path to the site root taken out."""
    if src is not None:
        return "src " + re.sub(r"^(?:\.\./|\./|/)+", "", src)
    return "inline " + _PREFIX.sub("", _BASE.sub('"BASE"', body.strip()))


def shape(tag: str, attrs: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    return tag, tuple(sorted(attrs))


@pytest.fixture(scope="module")
def hostile_pages(hostile_project: Project) -> dict[str, Html]:
    return pages(hostile_project)


@pytest.fixture(scope="module")
def normal_pages(fixture_project: Project) -> dict[str, Html]:
    return pages(fixture_project)


# --------------------------------------------------------------------------- static checks


def test_the_hostile_corpus_checks_clean_and_builds(hostile_project: Project):
    checked = run_dossier(hostile_project.root, "check")
    assert checked.returncode == 0, checked.stderr
    assert "no problems" in checked.stdout + checked.stderr
    for r in reports():
        assert (hostile_project.site / "reports" / r.id / "index.html").is_file(), r.id
    for actor in registry("actors"):
        assert (hostile_project.site / "actors" / actor["id"] / "index.html").is_file()


def test_only_the_themes_scripts(hostile_pages, normal_pages):
    theirs = {script_signature(*s) for page in normal_pages.values() for s in page.scripts}
    assert any(sig.startswith("src ") and "bundle" in sig for sig in theirs), theirs
    for rel, page in hostile_pages.items():
        ours = [script_signature(*s) for s in page.scripts]
        assert len(ours) == len(set(ours)), f"{rel}: a script appears twice"
        extra = set(ours) - theirs
        assert not extra, f"{rel}: scripts the theme does not have: {sorted(extra)}"


def test_no_handler_no_payload_element_no_javascript_link(hostile_pages, normal_pages):
    theirs = {shape(t, a) for page in normal_pages.values() for t, a in page.elements}
    their_links = {
        (t, k, v) for page in normal_pages.values() for t, a in page.elements
        for k, v in a.items() if v.strip().lower().startswith("javascript:")
    }  # fmt: skip
    their_images = {a.get("src", "").lstrip("./") for p in normal_pages.values()
                    for t, a in p.elements if t == "img"}  # fmt: skip
    for rel, page in hostile_pages.items():
        for tag, attrs in page.elements:
            where = f"{rel}: <{tag} {attrs}>"
            assert not [k for k in attrs if k.startswith("on")], where
            assert MARKER not in attrs.get("id", "") + attrs.get("class", ""), where
            assert shape(tag, attrs) in theirs, f"{where}: an element the normal site lacks"
            for key, value in attrs.items():
                if value.strip().lower().startswith("javascript:"):
                    assert (tag, key, value) in their_links, where
            if tag == "img":
                assert attrs.get("src", "").lstrip("./") in their_images, where


def test_every_text_shows_as_written_in_the_html(hostile_pages):
    for path, texts in expected_text().items():
        page = hostile_pages[path + "index.html"].text
        missing = [t for t in texts if squash(t) not in page]
        assert not missing, f"{path}: not shown as written: {missing}"
    report = hostile_pages[f"reports/{reports()[0].id}/index.html"].text
    assert LONG_WORD in report and "\u202eevil\u202c" in report and "zero\u200bwidth" in report


def test_links_and_anchors_survive_the_payloads(hostile_project: Project):
    """A `|` must not split a table row, nor a `{` stop a heading's `{ #id }` from applying."""

    def raw(rel: str) -> str:
        return (hostile_project.site / rel).read_text(encoding="utf-8")

    index = raw("reports/index.html")
    for r in reports():
        link = re.search(rf'<a href="{r.id}/">(.*?)</a>', index, re.S)
        assert link, f"reports index: no link to {r.id}"
        assert html.unescape(re.sub(r"<[^>]+>", "", link[1])) == r.title
        page = raw(f"reports/{r.id}/index.html")
        for number in range(1, len(r.paragraphs) + 1):
            assert f'<h2 class="dossier-para" id="p{number}">' in page, f"{r.id}#p{number}"
    statements = raw("statements/index.html")
    for s in (s for r in reports() for s in r.meta["statements"]):
        assert re.search(rf'<h\d id="{s["id"]}">', statements), s["id"]
    timeline = raw("timeline/index.html")
    for event in registry("events"):
        assert re.search(rf'<h\d id="{event["id"]}">', timeline), event["id"]


def test_snippet_lines_in_editor_text_include_no_file(hostile_project: Project, hostile_pages):
    planted = [hostile_project.root / "secret.txt", hostile_project.root / "includes/secret.txt"]
    assert [p.read_text().strip() for p in planted] == [ROOT_MARKER, INCLUDES_MARKER]
    for path in sorted(hostile_project.site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            assert ROOT_MARKER.encode() not in data, f"{path}: the root file was included"
            assert INCLUDES_MARKER.encode() not in data, f"{path}: includes/ file was included"
    report = hostile_pages[f"reports/{reports()[0].id}/index.html"].text
    assert '--8<-- "secret.txt"' in report and '-8<- "../secret.txt"' in report


def _csv(project: Project, name: str) -> list[dict[str, str]]:
    text = (project.site / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_formula_cells_are_guarded(hostile_project: Project):
    cells = {name: [c for row in _csv(hostile_project, name) for c in row.values()]
             for name in ("statements.csv", "events.csv")}  # fmt: skip
    for name, values in cells.items():
        formulas = [c for c in values if c.startswith(FORMULA_START)]
        assert not formulas, f"{name}: unguarded formula cells {formulas}"
    assert '\'=HYPERLINK("http://evil.example/","click")' in cells["statements.csv"]
    assert "'@SUM(A1:A2)" in cells["statements.csv"]
    assert any(c.startswith("'-2+3 the spokesperson") for c in cells["statements.csv"])
    assert "'+1+1 reported in March 2024." in cells["statements.csv"]
    assert '\'--8<-- "secret.txt"' in cells["events.csv"]
    # The JSON exports carry the text unchanged: the guard is for spreadsheets only.
    statements = json.loads((hostile_project.site / "data/statements.json").read_text("utf-8"))
    assert '=HYPERLINK("http://evil.example/","click")' in {s["text"] for s in statements}


def test_the_timeline_svg_has_no_script_or_handler(hostile_project: Project):
    tree = ET.parse(hostile_project.site / SVG)
    for element in tree.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        assert tag not in ("script", "foreignObject"), tag
        assert not [k for k in element.attrib if k.rsplit("}", 1)[-1].startswith("on")], tag
        assert MARKER not in element.get("id", "") + element.get("class", ""), element.attrib
    text = squash(" ".join(tree.getroot().itertext()))
    for event in registry("events"):
        assert squash(event["title"]) in text, f"event title {event['title']!r} not in the SVG"


# --------------------------------------------------------------------------- the browser

# Every element and attribute of the live page: handlers, payload elements, script links.
DOM_CHECK_JS = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.toLowerCase().startsWith('on')) found.push(`${el.tagName} ${a.name}`);
      if (/^\\s*javascript:/i.test(a.value) && a.value !== 'javascript:void(0)')
        found.push(`${el.tagName} ${a.name}=${a.value}`);
    }
  }
  const injected = document.querySelector('[id*=PWNED],[class*=PWNED]');
  if (injected) found.push(`payload element ${injected.outerHTML.slice(0, 200)}`);
  return found;
}"""


@dataclass  # not frozen: it records what happens while the test walks the site
class Watched:
    """A browser page whose dialogs, console errors, page errors and payload messages are
    recorded against the address being visited."""

    page: Any  # a Playwright page
    url: str
    where: str = ""
    problems: list[str] = field(default_factory=list)

    def listen(self) -> None:
        def dialog(d) -> None:
            self.problems.append(f"{self.where}: {d.type} dialog {d.message!r}")
            d.dismiss()

        def console(message) -> None:
            if message.type == "error" or MARKER in message.text.upper():
                self.problems.append(f"{self.where}: console {message.type}: {message.text}")

        page = self.page
        page.on("dialog", dialog)
        page.on("console", console)
        page.on("pageerror", lambda e: self.problems.append(f"{self.where}: page error {e}"))


@pytest.fixture
def watched(request: pytest.FixtureRequest, hostile_site_url: str) -> Iterator[Watched]:
    chromium = request.getfixturevalue("browser")  # one Chromium, as in test_browser.py
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    # A bare SVG document makes the browser ask for /favicon.ico, which the site has not.
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    watch = Watched(page, hostile_site_url)
    watch.listen()
    yield watch
    context.close()


def site_paths(project: Project) -> list[str]:
    paths = sorted(
        p.relative_to(project.site).as_posix().removesuffix("index.html")
        for p in project.site.rglob("*.html")
    )
    assert len(paths) >= 15, paths
    return paths


def _check_report(page, report: Report) -> None:
    heading = page.locator("article h1").inner_text().removesuffix("¶").strip()
    assert squash(heading) == squash(report.title)
    assert page.title().startswith(report.title + " - "), page.title()
    for number, text in enumerate(report.paragraphs, 1):
        # The paragraph's text follows its anchor, the ¶ heading with its id.
        shown = page.locator(f"#p{number} + p").inner_text()
        assert squash(shown) == squash(text), f"{report.id}#p{number}"


def _visit(watch: Watched, path: str) -> None:
    page = watch.page
    watch.where = path or "/"
    response = page.goto(watch.url + path, wait_until="load")
    assert response is not None and response.ok, f"GET {path}"
    page.wait_for_function("typeof window.document$ !== 'undefined'")
    page.wait_for_timeout(50)  # let a failed image fire onerror
    assert page.evaluate(DOM_CHECK_JS) == [], path


def _search(page, query: str) -> None:
    """Material renders search results from the index as HTML: they must stay text, and so
    must the target page with the search terms highlighted."""
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially(query, delay=10)
    results = page.locator("ol.md-search-result__list")
    results.locator("a.md-search-result__link").first.wait_for(state="attached")
    page.wait_for_timeout(200)
    assert page.evaluate(DOM_CHECK_JS) == [], f"search results for {query!r}"
    assert reports()[0].title in results.inner_text()
    results.locator("a.md-search-result__link").first.click()
    page.wait_for_url(re.compile(r"\?h="))
    page.wait_for_timeout(200)
    assert page.evaluate(DOM_CHECK_JS) == [], f"{page.url} with search terms highlighted"


@pytest.mark.browser
def test_no_script_runs_and_every_text_reads_as_written(watched: Watched, hostile_project: Project):
    page = watched.page
    expected = expected_text()
    paths = site_paths(hostile_project)
    assert set(expected) <= set(paths)
    for path in paths:
        _visit(watched, path)
        visible = squash(page.locator("body").inner_text())
        missing = [t for t in expected.get(path, []) if squash(t) not in visible]
        assert not missing, f"{path}: not shown as written: {missing}"
        for report in reports():
            if path == f"reports/{report.id}/":
                _check_report(page, report)
    watched.where = "search"
    _search(page, "pwned")
    # The overview chart is inline on the timeline and home pages (visited above); its SVG
    # file, opened on its own, is a document of its own.
    watched.where = SVG
    page.goto(watched.url + SVG, wait_until="load")
    assert page.evaluate("document.querySelectorAll('script, foreignObject').length") == 0
    assert not watched.problems, "\n".join(watched.problems)


# Elements whose tooltip Material renders from a title: abbreviations, and text cut short by
# an ellipsis (the page title in the header, navigation and table-of-contents entries), to
# which Material gives the visible text as a title. Each distinct text once.
TOOLTIP_HOSTS_JS = """() => {
  const hosts = [...document.querySelectorAll('article abbr[data-expansion]')];
  for (const el of document.querySelectorAll('.md-ellipsis'))
    if (el.offsetParent && el.offsetWidth < el.scrollWidth) hosts.push(el);
  return hosts.map((el, i) => {
    el.setAttribute('data-hover-host', i);
    return [i, el.dataset.expansion || el.getAttribute('title') || el.innerText,
            el.tagName === 'ABBR'];
  });
}"""


@pytest.mark.browser
def test_tooltips_show_text_not_markup(watched: Watched, hostile_project: Project):
    """Hovering a glossary term or a truncated title shows its text; no script runs."""
    page = watched.page
    seen: set[str] = set()
    injected: list[str] = []
    for path in site_paths(hostile_project):
        _visit(watched, path)
        # Scrolled down, the header shows the page title instead of the site name.
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(200)
        for index, text, is_term in page.evaluate(TOOLTIP_HOSTS_JS):
            if text in seen:
                continue
            seen.add(text)
            watched.where = f"{path or '/'} hovering {text[:70]!r}"
            page.locator(f'[data-hover-host="{index}"]').hover(force=True)
            page.wait_for_timeout(250)
            if is_term:  # the glossary tooltip shows the expansion exactly, as text
                shown = page.locator("#dossier-tip").inner_text()
                if shown != text:
                    injected.append(f"{watched.where}: tooltip reads {shown!r}")
            found = page.evaluate(DOM_CHECK_JS)
            if found:
                injected.append(f"{watched.where}: {found[0]}")
            page.mouse.move(0, 0)  # the tooltip (and anything injected into it) goes away
    assert len(seen) >= 5, seen
    assert not injected, "tooltips rendered markup:\n" + "\n".join(injected)
    assert not watched.problems, "\n".join(watched.problems)
