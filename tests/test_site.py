"""End to end: the real dossier generated and built with --strict in a tmp folder."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from conftest import REPO, Project, make_project, run_dossier
from dossier.write import read_manifest

DATE_KEYS = {"value", "precision", "basis", "note", "references"}
RELATIONS = {"denies", "condemns", "confirms", "repeats"}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in ("img", "script") and attrs.get("src"):
            self.links.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.links.append(attrs["href"])


def parse_site(site: Path) -> dict[str, _Links]:
    pages = {}
    for path in site.rglob("*.html"):
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = parser
    return pages


def load(site: Path, name: str):
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def test_every_internal_link_and_anchor_resolves(real_project: Project):
    site = real_project.site
    pages = parse_site(site)
    broken = []
    for page, parsed in pages.items():
        base = "http://site/" + page
        for href in parsed.links:
            url = urlparse(urljoin(base, href))
            if url.scheme in ("mailto", "data", "javascript") or url.netloc not in ("site", ""):
                continue
            path = unquote(url.path.lstrip("/"))
            target = site / path
            if path.endswith("/") or target.is_dir():
                path = path.rstrip("/") + "/index.html" if path else "index.html"
                target = site / path
            if not target.exists():
                broken.append(f"{page}: {href} (no file)")
            elif (
                url.fragment
                and path.endswith(".html")
                and url.fragment not in pages[path.lstrip("/")].ids
            ):
                broken.append(f"{page}: {href} (no anchor)")
    assert not broken, "\n".join(broken[:30])


def test_every_object_has_its_page_or_anchor(real_project: Project):
    site = real_project.site
    pages = parse_site(site)
    reports = load(site, "reports.json")
    assert len(reports) == 5
    for report in reports:
        page = pages[f"reports/{report['id']}/index.html"]
        source = (REPO / "docs" / "reports" / f"{report['id']}.md").read_text(encoding="utf-8")
        pids = re.findall(rf'^--8<-- "reports/{report["id"]}\.md:(p\d+)"$', source, re.M)
        assert pids and all(pid in page.ids for pid in pids)
    statement_ids = pages["statements/index.html"].ids
    for statement in load(site, "statements.json"):
        assert statement["id"] in statement_ids
    timeline_ids = pages["timeline/index.html"].ids
    for event in load(site, "events.json"):
        assert event["id"] in timeline_ids
    for actor in load(site, "actors.json"):
        assert f"actors/{actor['id']}/index.html" in pages


def _date(value) -> None:
    assert set(value) == DATE_KEYS
    assert value["precision"] == {4: "year", 7: "month", 10: "day"}[len(value["value"])]
    assert value["basis"] in ("stated", "inferred", "external") and value["note"]
    # An outside date always names its source.
    assert value["basis"] != "external" or value["references"]


def test_exports_follow_the_schema(real_project: Project):
    site = real_project.site
    reports, statements = load(site, "reports.json"), load(site, "statements.json")
    events, actors = load(site, "events.json"), load(site, "actors.json")
    actor_ids = {a["id"] for a in actors}
    references = load(site, "references.json")
    reference_ids = {r["id"] for r in references}
    point_ids = {p["id"] for p in load(site, "talking_points.json")}
    for ref in references:
        assert list(ref) == ["id", "title", "publisher", "date", "url", "supports", "site_url"]
        assert ref["url"].startswith(("http://", "https://"))
        assert ref["site_url"] == f"references/#{ref['id']}"
    statement_ids = {s["id"] for s in statements}
    event_ids = {e["id"] for e in events}
    for r in reports:
        assert list(r) == [
            "id",
            "title",
            "title_source",
            "outlet",
            "byline",
            "published",
            "url",
            "source_file",
            "statements",
            "events",
            "references",  # added after the brief's fields, as its interface allows
        ]
        assert set(r["references"]) <= reference_ids
        assert r["title_source"] in ("report", "editor")
        assert r["url"] == f"reports/{r['id']}/"
        assert (site / "data" / "sources" / r["source_file"]).read_bytes() == (
            REPO / "sources" / r["source_file"]
        ).read_bytes()
        _date(r["published"])
        assert set(r["statements"]) <= statement_ids and set(r["events"]) <= event_ids
    for s in statements:
        assert list(s) == [
            "id",
            "text",
            "kind",
            "speaker",
            "speaker_label",
            "on_behalf_of",
            "date",
            "venue",
            "report",
            "paragraph",
            "url",
            "event",
            "topics",
            "note",
            "references",
            "issued",
            "responds_to",
            "talking_points",
        ]
        assert set(s["references"]) <= reference_ids
        assert s["issued"] is None or (
            set(s["issued"]) == {"reference", "differs", "note"}
            and s["issued"]["reference"] in reference_ids
            and (s["issued"]["note"] or not s["issued"]["differs"])
        )
        assert all(
            r["statement"] in statement_ids and r["relation"] in RELATIONS for r in s["responds_to"]
        )
        assert set(s["talking_points"]) <= point_ids
        assert s["kind"] in ("direct", "partial", "paraphrase")
        assert s["speaker"] in actor_ids and set(s["on_behalf_of"]) <= actor_ids
        assert s["url"] == f"statements/#{s['id']}"
        assert s["event"] is None or s["event"] in event_ids
        _date(s["date"])
    for e in events:
        assert list(e) == [
            "id",
            "title",
            "summary",
            "date",
            "actors",
            "reports",
            "statements",
            "url",
        ]
        assert e["reports"] and all(set(x) == {"report", "paragraph"} for x in e["reports"])
        assert set(e["actors"]) <= actor_ids and set(e["statements"]) <= statement_ids
        assert e["url"] == f"timeline/#{e['id']}"
        _date(e["date"])
    for a in actors:
        assert list(a) == [
            "id", "name", "kind", "aliases", "description", "url",
            "members", "member_count", "members_reference",
        ]  # fmt: skip
        assert a["members_reference"] is None or a["members_reference"] in reference_ids
        assert a["kind"] in ("person", "organization", "country", "group")
        assert a["url"] == f"actors/{a['id']}/"
    rows = list(csv.DictReader(io.StringIO((site / "data" / "statements.csv").read_text())))
    assert [r["id"] for r in rows] == [s["id"] for s in statements]
    assert {"date_value", "date_precision", "date_basis", "date_note"} <= set(rows[0])
    assert {"issued_reference", "issued_differs", "issued_note", "responds_to"} <= set(rows[0])
    rows = list(csv.DictReader(io.StringIO((site / "data" / "events.csv").read_text())))
    assert [r["id"] for r in rows] == [e["id"] for e in events]


def test_both_sides_and_all_kinds_are_indexed(real_project: Project):
    statements = load(real_project.site, "statements.json")
    assert {s["kind"] for s in statements} == {"direct", "partial", "paraphrase"}
    speakers = {s["speaker"] for s in statements} | {
        a for s in statements for a in s["on_behalf_of"]
    }
    assert {"russia", "north-korea"} <= speakers


def test_generation_is_deterministic(tmp_path: Path, real_project: Project):
    # Same inputs (copied from the built project), generated again in a fresh folder.
    again = make_project(tmp_path / "again", real_project.root)
    assert run_dossier(again.root, "build").returncode == 0
    manifest = list(read_manifest(real_project.root))
    assert read_manifest(real_project.root) == read_manifest(again.root)
    for rel in manifest:
        assert (real_project.root / rel).read_bytes() == (again.root / rel).read_bytes(), rel
    # A second build in place writes nothing.
    second = run_dossier(again.root, "build")
    assert "0 file(s) written" in second.stdout, second.stdout


class _Resources(HTMLParser):
    """Every URL the browser would fetch by itself: scripts, images, stylesheets, icons."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "video", "audio") and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") != "canonical":
            self.urls.append(attrs["href"])


def test_no_external_resources_in_built_html(real_project: Project):
    for path in real_project.site.rglob("*.html"):
        parser = _Resources()
        parser.feed(path.read_text(encoding="utf-8"))
        external = [u for u in parser.urls if urlparse(u).netloc or u.startswith("//")]
        assert not external, f"{path}: {external}"
    for css in real_project.site.rglob("*.css"):
        assert not re.search(r"url\(['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css


def test_every_count_of_an_actors_statements_agrees(real_project: Project):
    """The actor page, the by-speaker page and the actors index give one count, and say what
    it holds; group members show their group's statements."""
    docs = real_project.root / "docs"
    by_speaker = (docs / "statements" / "by-speaker.md").read_text(encoding="utf-8")
    index = (docs / "actors" / "index.md").read_text(encoding="utf-8")
    counted = 0
    for actor in load(real_project.site, "actors.json"):
        page = (docs / "actors" / f"{actor['id']}.md").read_text(encoding="utf-8")
        found = re.search(r"^- (\d+) statements? \(([^)]*)\)|^- no statements", page, re.M)
        assert found, actor["id"]
        total = int(found.group(1) or 0)
        listed = re.search(rf"\]\({actor['id']}\.md\)[^\n]*?\| (\d+) \|", index)
        assert listed and int(listed.group(1)) == total, actor["id"]
        if total:
            section = by_speaker.split(f"{{ #{actor['id']} }}", 1)[1].split("\n## ", 1)[0]
            assert section.count("\n- ") == total, actor["id"]
            assert found.group(0).lstrip("- ") in section, actor["id"]
            counted += 1
    assert counted > 20
    blinken = (docs / "actors" / "antony-blinken.md").read_text(encoding="utf-8")
    assert "as part of [South Korea–US–Japan foreign ministers]" in blinken
    assert re.search(r"^- 7 statements \(7 as part of a group\)", blinken, re.M)
    people = re.findall(r"^## (.+?) \{ #", by_speaker, re.M)
    assert (
        people.index("Antony Blinken")
        < people.index("Yoko Kamikawa")
        < people.index("Kim Jong Un")
        < people.index("Park Jin")
    )
