"""What each page says about itself: a meta description on every page (specific to it, at most
160 characters, never markup) and schema.org JSON-LD on report pages (NewsArticle) and the
timeline (its events), with dates at their real precision. The JSON-LD is checked against a
small declarative schema."""

from __future__ import annotations

import functools
import html
import html.parser
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from conftest import HOSTILE_CORPUS, REPO, Project
from dossier import urls
from dossier.model import Corpus
from dossier.render.meta import MAX_DESCRIPTION, clip, report_description
from dossier.siteconfig import DEFAULT_SITE_URL
from dossier.validate import load_corpus

SchemaDate = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
Absolute = Annotated[str, StringConstraints(pattern=r"^https?://")]


class Organization(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    type: Literal["Organization"] = Field(alias="@type")
    name: str = Field(min_length=1)


class NewsArticle(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    context: Literal["https://schema.org"] = Field(alias="@context")
    type: Literal["NewsArticle"] = Field(alias="@type")
    id: Absolute = Field(alias="@id")
    headline: str = Field(min_length=1)
    datePublished: SchemaDate
    url: Absolute
    mainEntityOfPage: Absolute
    publisher: Organization | None = None
    author: Organization | None = None
    isBasedOn: Absolute | None = None


class Event(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    type: Literal["Event"] = Field(alias="@type")
    id: Absolute = Field(alias="@id")
    name: str = Field(min_length=1)
    startDate: SchemaDate
    url: Absolute
    description: str


class Timeline(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    context: Literal["https://schema.org"] = Field(alias="@context")
    graph: list[Event] = Field(alias="@graph")


@functools.cache
def corpus(folder: Path) -> Corpus:
    loaded, _ = load_corpus(folder)
    return loaded


@dataclass
class Head(html.parser.HTMLParser):
    """The meta descriptions (every attribute of each), the JSON-LD blocks and the generator."""

    descriptions: list[dict[str, str | None]] = field(default_factory=list)
    jsonld: list[str] = field(default_factory=list)
    generator: str = ""
    _in_jsonld: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and a.get("name") == "description":
            self.descriptions.append(a)
        if tag == "meta" and a.get("name") == "generator":
            self.generator = a.get("content") or ""
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_jsonld = True
            self.jsonld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld[-1] += data


def head(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text("utf-8"))
    return parser


def theme_pages(site: Path) -> dict[str, Head]:
    """Every page the theme rendered (not the redirect pages, not the 404 page), by URL."""
    pages = {}
    for path in sorted(site.rglob("index.html")):
        parsed = head(path)
        if parsed.generator.startswith("mkdocs-"):
            pages[path.parent.relative_to(site).as_posix() + "/"] = parsed
    return pages


def site_description() -> str:
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    block = text.split("site_description: >-\n", 1)[1].split("\n\n", 1)[0]
    return " ".join(line.strip() for line in block.splitlines() if line.startswith("  "))


def jsonld_of(page: Head) -> dict:
    assert len(page.jsonld) == 1, f"{len(page.jsonld)} JSON-LD blocks"
    assert "<" not in page.jsonld[0]  # nothing that could end the script element
    data: dict = json.loads(page.jsonld[0])
    return data


@pytest.mark.parametrize("which", ["real", "hostile"])
def test_every_page_has_its_own_description(which: str, request: pytest.FixtureRequest):
    project: Project = request.getfixturevalue(f"{which}_project")
    pages = theme_pages(project.site)
    assert len(pages) > 20
    seen: dict[str, str] = {}
    for url, page in pages.items():
        assert len(page.descriptions) == 1, url
        attrs = page.descriptions[0]
        assert set(attrs) == {"name", "content"}, f"{url}: {attrs}"  # no attribute broke out
        text = attrs["content"] or ""
        assert text.strip() and len(text) <= MAX_DESCRIPTION, f"{url}: {text!r}"
        assert text != site_description(), f"{url} has the site's description, not its own"
        assert text not in seen, f"{url} and {seen.get(text)} share {text!r}"
        seen[text] = url


@pytest.mark.parametrize("folder", [REPO, HOSTILE_CORPUS], ids=["real", "hostile"])
def test_report_pages_describe_headline_outlet_and_date(
    folder: Path, request: pytest.FixtureRequest
):
    project: Project = request.getfixturevalue(
        "real_project" if folder == REPO else "hostile_project"
    )
    for report in corpus(folder).reports:
        page = head(project.site / urls.url_report(report.id) / "index.html")
        shown = page.descriptions[0]["content"] or ""
        if not set(report.title) & set("&<>"):  # the template counts an entity's characters
            assert shown == report_description(report)
        assert report.published.display() in shown
        assert (report.outlet or "")[:20] in shown
        assert shown.startswith(report.title[:40])  # hostile markup arrives as text


def test_generated_front_matter_holds_safe_yaml(real_project: Project):
    for doc in (urls.TIMELINE, urls.STATEMENTS, urls.doc_original(corpus(REPO).reports[0].id)):
        text = (real_project.root / "docs" / doc).read_text("utf-8")
        meta = yaml.safe_load(text.split("---\n", 2)[1])
        assert meta["description"] and not re.search(r'[<>"]', meta["description"])
    timeline = yaml.safe_load(
        (real_project.root / "docs" / urls.TIMELINE).read_text("utf-8").split("---\n", 2)[1]
    )
    assert Timeline.model_validate(json.loads(timeline["jsonld"]))


@pytest.mark.parametrize("folder", [REPO, HOSTILE_CORPUS], ids=["real", "hostile"])
def test_report_pages_carry_a_news_article(folder: Path, request: pytest.FixtureRequest):
    project: Project = request.getfixturevalue(
        "real_project" if folder == REPO else "hostile_project"
    )
    for report in corpus(folder).reports:
        page = head(project.site / urls.url_report(report.id) / "index.html")
        article = NewsArticle.model_validate(jsonld_of(page))
        address = DEFAULT_SITE_URL + urls.url_report(report.id)
        assert article.url == article.mainEntityOfPage == article.id == address
        assert article.datePublished == report.published.value  # its real precision
        # The title is HTML text (entities for < and &): the headline is its plain text.
        title = html.unescape(report.title)
        title = title if report.title_source == "report" else f"[{title}]"
        assert article.headline == title  # hostile text, verbatim, as data
        outlet = article.publisher.name if article.publisher else None
        assert outlet == (article.author.name if article.author else None) == report.outlet
        assert article.isBasedOn == report.url


@pytest.mark.parametrize("folder", [REPO, HOSTILE_CORPUS], ids=["real", "hostile"])
def test_the_timeline_carries_its_events(folder: Path, request: pytest.FixtureRequest):
    project: Project = request.getfixturevalue(
        "real_project" if folder == REPO else "hostile_project"
    )
    timeline = Timeline.model_validate(jsonld_of(head(project.site / "timeline" / "index.html")))
    events = corpus(folder).events
    assert [e.id for e in timeline.graph] == [
        DEFAULT_SITE_URL + urls.url_event(e.id) for e in events
    ]
    for item, event in zip(timeline.graph, events, strict=True):
        assert item.startDate == event.date.value
        assert item.url == item.id
        assert item.name == event.title and item.description == event.summary


def test_the_real_corpus_has_every_precision():
    c = corpus(REPO)
    assert {r.published.precision for r in c.reports} == {"year", "month", "day"}
    assert {e.date.precision for e in c.events} >= {"month", "day"}


def test_clip_cuts_at_a_word_and_says_so():
    assert clip("short") == "short"
    long = "word " * 60
    cut = clip(long)
    assert len(cut) <= MAX_DESCRIPTION and cut.endswith("…") and "wor…" not in cut
    assert len(clip("x" * 400)) == MAX_DESCRIPTION


def test_hand_written_pages_describe_themselves():
    for doc in (urls.HOME, urls.ABOUT, urls.DATA_PAGE):
        meta = yaml.safe_load((REPO / "docs" / doc).read_text("utf-8").split("---\n", 2)[1])
        text = meta["description"]
        assert 50 < len(text) <= MAX_DESCRIPTION and html.escape(text) == text, doc
