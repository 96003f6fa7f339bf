"""data/reports.csl.json: CSL-JSON for reference managers, one record per report, with dates at
their real precision and the original article's address only where the registry knows it."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field

from conftest import HOSTILE_CORPUS, REPO, Project
from dossier import urls
from dossier.model import Corpus
from dossier.render.exports import exports
from dossier.render.index import Index
from dossier.validate import load_corpus

CSL = "reports.csl.json"
PARTS = {"year": 1, "month": 2, "day": 3}


class CslDate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    date_parts: list[list[int]] = Field(alias="date-parts", min_length=1, max_length=1)


class CslItem(BaseModel):
    """The fields this export writes (CSL-JSON 1.0 names), and no others."""

    model_config = ConfigDict(extra="forbid")
    id: str
    type: Literal["article-newspaper"]
    title: str = Field(min_length=1)
    container_title: str | None = Field(default=None, alias="container-title")
    issued: CslDate
    URL: str | None = None
    note: str


@functools.cache
def corpus(folder: Path) -> Corpus:
    loaded, _ = load_corpus(folder)
    return loaded


def records(folder: Path, site_url: str = "https://example.org/dossier/") -> list[dict]:
    data: list[dict] = json.loads(exports(Index(corpus(folder), site_url))[CSL])
    return data


@pytest.mark.parametrize("folder", [REPO, HOSTILE_CORPUS], ids=["real", "hostile"])
def test_one_valid_item_per_report_in_the_order_of_reports_json(folder: Path):
    items = records(folder)
    reports_json = json.loads(exports(Index(corpus(folder)))["reports.json"])
    assert [item["id"] for item in items] == [r["id"] for r in reports_json]
    for item in items:
        CslItem.model_validate(item)


@pytest.mark.parametrize("folder", [REPO, HOSTILE_CORPUS], ids=["real", "hostile"])
def test_fields_follow_the_report(folder: Path):
    site = "https://example.org/dossier/"
    for item, report in zip(records(folder, site), corpus(folder).reports, strict=True):
        title = report.title if report.title_source == "report" else f"[{report.title}]"
        assert item["title"] == title  # hostile text travels verbatim, as data
        assert item.get("container-title") == report.outlet
        assert item.get("URL") == report.url
        assert "accessed" not in item and "author" not in item
        assert item["note"].endswith(" " + site + urls.url_report(report.id))


@pytest.mark.parametrize("folder", [REPO, HOSTILE_CORPUS], ids=["real", "hostile"])
def test_issued_has_exactly_the_known_parts(folder: Path):
    for item, report in zip(records(folder), corpus(folder).reports, strict=True):
        (parts,) = item["issued"]["date-parts"]
        assert len(parts) == PARTS[report.published.precision], report.id
        assert "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)) == (
            report.published.value
        )


def test_real_corpus_covers_every_precision_and_both_kinds_of_title():
    """The checks above mean something only if the corpus has each case."""
    reports = corpus(REPO).reports
    assert {r.published.precision for r in reports} == {"year", "month", "day"}
    assert {r.title_source for r in reports} == {"report", "editor"}
    assert any(r.url for r in reports) and any(not r.url for r in reports)
    assert any(not r.outlet for r in reports)


def test_the_built_site_publishes_it_and_the_data_page_documents_it(real_project: Project):
    published = json.loads((real_project.site / "data" / CSL).read_text("utf-8"))
    assert [item["id"] for item in published] == [r.id for r in corpus(REPO).reports]
    data_page = (REPO / "docs" / "data.md").read_text("utf-8")
    assert f"(data/{CSL})" in data_page
    for field in ("`type`", "`title`", "`container-title`", "`issued`", "`URL`", "`note`"):
        assert field in data_page.split(f"(data/{CSL})", 1)[1].split("\n", 1)[0], field
