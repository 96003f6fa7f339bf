"""The Atom feeds (feeds/reports.xml, feeds/statements.xml): valid Atom 1.0, newest first,
absolute addresses, dates from the data (never the build's time), hostile text kept as text."""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from conftest import HOSTILE_CORPUS, REPO, Project
from dossier import urls
from dossier.escape import one_line
from dossier.model import Corpus
from dossier.render.feeds import feeds, timestamp
from dossier.render.index import Index
from dossier.validate import load_corpus

NS = {"a": "http://www.w3.org/2005/Atom"}
A = "{http://www.w3.org/2005/Atom}"
SITE = "https://example.org/dossier/"
STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T00:00:00Z$")
# Every element a feed may hold: anything else would be text that became markup.
FEED_CHILDREN = {"id", "title", "updated", "author", "link", "entry"}
ENTRY_CHILDREN = {"id", "title", "updated", "published", "link", "summary", "category"}


@functools.cache
def corpus(folder: Path) -> Corpus:
    loaded, _ = load_corpus(folder)
    return loaded


def parsed(c: Corpus, path: str) -> ET.Element:
    return ET.fromstring(feeds(Index(c, SITE))[path].encode("utf-8"))


def entries(feed: ET.Element) -> list[ET.Element]:
    return feed.findall("a:entry", NS)


def text(element: ET.Element, path: str) -> str:
    found = element.find(path, NS)
    assert found is not None and found.text is not None, path
    return found.text


def links(element: ET.Element) -> dict[str, str]:
    return {link.get("rel", ""): link.get("href", "") for link in element.findall("a:link", NS)}


@pytest.mark.parametrize("folder", [REPO, HOSTILE_CORPUS], ids=["real", "hostile"])
@pytest.mark.parametrize("path", urls.FEEDS)
def test_feed_is_atom_with_its_required_elements(folder: Path, path: str):
    feed = parsed(corpus(folder), path)
    assert feed.tag == A + "feed"
    assert {child.tag.removeprefix(A) for child in feed} <= FEED_CHILDREN
    assert text(feed, "a:id") == SITE + path
    assert text(feed, "a:title").startswith("DPRK–Russia Dossier: ")
    assert text(feed, "a:author/a:name")
    assert links(feed)["self"] == SITE + path
    assert links(feed)["alternate"].startswith(SITE)
    stamps = [text(e, "a:updated") for e in entries(feed)]
    assert entries(feed) and text(feed, "a:updated") == max(stamps)  # newest entry, no build time
    for entry in entries(feed):
        assert {child.tag.removeprefix(A) for child in entry} <= ENTRY_CHILDREN
        assert text(entry, "a:id").startswith(SITE)
        assert links(entry)["alternate"] == text(entry, "a:id")
        assert STAMP.match(text(entry, "a:updated")) and STAMP.match(text(entry, "a:published"))
        assert text(entry, "a:title") and text(entry, "a:summary")


@pytest.mark.parametrize("folder", [REPO, HOSTILE_CORPUS], ids=["real", "hostile"])
def test_reports_feed_newest_first_with_their_own_text(folder: Path):
    c = corpus(folder)
    feed = parsed(c, urls.FEED_REPORTS)
    ready = sorted(
        (r for r in c.reports if not r.draft),
        key=lambda r: (r.published.sort_key(), r.id),
        reverse=True,
    )
    assert [text(e, "a:id") for e in entries(feed)] == [SITE + urls.url_report(r.id) for r in ready]
    for entry, report in zip(entries(feed), ready, strict=True):
        title = report.title if report.title_source == "report" else f"[{report.title}]"
        assert text(entry, "a:title") == one_line(title)  # hostile markup stays text
        assert text(entry, "a:updated") == timestamp(report.published)
        assert report.published.display() in text(entry, "a:summary")
        assert links(entry).get("via") == report.url


@pytest.mark.parametrize("folder", [REPO, HOSTILE_CORPUS], ids=["real", "hostile"])
def test_statements_feed_newest_first_linking_their_paragraphs(folder: Path):
    c = corpus(folder)
    feed = parsed(c, urls.FEED_STATEMENTS)
    statements = [s for s in reversed(c.statements) if not c.report(s.report).draft]
    assert [text(e, "a:id") for e in entries(feed)] == [
        SITE + urls.url_statement(s.id) for s in statements
    ]
    keys = [s.date.sort_key() for s in statements]
    assert keys == sorted(keys, reverse=True)
    for entry, s in zip(entries(feed), statements, strict=True):
        assert links(entry)["related"] == SITE + urls.url_paragraph(s.report, s.paragraph)
        assert one_line(s.text) in text(entry, "a:summary")
        assert text(entry, "a:updated") == timestamp(s.date)
        assert [c.get("term") for c in entry.findall("a:category", NS)] == list(s.topics)


def test_timestamps_start_the_period_and_invent_no_time():
    c = corpus(REPO)
    dates = {d.value: d for d in [*(r.published for r in c.reports), *(e.date for e in c.events)]}
    by_precision = {d.precision: d for d in dates.values()}
    assert set(by_precision) == {"year", "month", "day"}
    year, month, day = by_precision["year"], by_precision["month"], by_precision["day"]
    assert timestamp(year) == f"{year.value}-01-01T00:00:00Z"
    assert timestamp(month) == f"{month.value}-01T00:00:00Z"
    assert timestamp(day) == f"{day.value}T00:00:00Z"


def test_draft_reports_and_their_statements_are_left_out():
    c = corpus(REPO)
    draft = c.reports[0]
    changed = Corpus(
        reports=(replace(draft, status="draft"), *c.reports[1:]),
        actors=c.actors,
        events=c.events,
        glossary=c.glossary,
        references=c.references,
        talking_points=c.talking_points,
    )
    ids = {text(e, "a:id") for p in urls.FEEDS for e in entries(parsed(changed, p))}
    assert SITE + urls.url_report(draft.id) not in ids
    assert not ids & {SITE + urls.url_statement(s.id) for s in draft.statements}
    assert len(ids) == len(c.reports) - 1 + len(c.statements) - len(draft.statements)


def test_feeds_are_deterministic_and_follow_the_site_url():
    c = corpus(REPO)
    assert feeds(Index(c, SITE)) == feeds(Index(c, SITE))
    other = feeds(Index(c, "https://mirror.example/"))[urls.FEED_REPORTS]
    assert SITE not in other and "https://mirror.example/reports/" in other


def test_mkdocs_announces_exactly_these_feeds():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=Loader)
    assert tuple(feed["path"] for feed in config["extra"]["feeds"]) == urls.FEEDS


def test_built_site_serves_the_feeds_each_page_announces(real_project: Project):
    site = real_project.site
    for path in urls.FEEDS:
        assert ET.parse(site / path).getroot().tag == A + "feed"
    # The theme fetches a sitemap beside every <link rel="alternate">: one is there to answer.
    assert ET.parse(site / urls.FEEDS_SITEMAP).getroot().tag.endswith("urlset")
    page = (site / "timeline" / "index.html").read_text("utf-8")
    announced = re.findall(
        r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', page
    )
    assert [(site / "timeline" / href).resolve() for href in announced] == [
        (site / path).resolve() for path in urls.FEEDS
    ]
