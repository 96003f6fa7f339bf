"""The pipeline: load → validate → model → render → write. Plain Python, no MkDocs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from . import urls
from .addresses import check_addresses, record_addresses
from .layout import DEFAULT_PAGE_LIMIT, Layout, layout_of
from .model import Corpus
from .problems import Problem
from .render.actors import actor_page, actors_index
from .render.exports import exports
from .render.feeds import feeds
from .render.finder import finder_docs
from .render.glossary import abbreviations, glossary_page
from .render.home import home_fragments
from .render.index import Index
from .render.meta import add_meta
from .render.originals import original_page
from .render.performance import performance_page, read_performance
from .render.quality import quality_page, read_quality
from .render.record import differences_pages, references_pages, talking_points_pages
from .render.redirects import redirect_docs, with_moved
from .render.reports import fragments, reports_index, source_copy
from .render.statements import by_speaker_pages, statements_pages
from .render.svg import overview_svg
from .render.threads import threads_pages
from .render.timeline import timeline_pages
from .siteconfig import DEFAULT_SITE_URL, page_limit, site_url
from .validate import load_corpus
from .write import Outcome, write_outputs


@dataclass(frozen=True)
class Result:
    corpus: Corpus
    outputs: dict[str, bytes]
    warnings: list[Problem]
    written: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    unchanged: int = 0

    @property
    def summary(self) -> str:
        c = self.corpus
        statements = sum(len(r.statements) for r in c.reports)
        paragraphs = sum(len(r.paragraphs) for r in c.reports)
        return (
            f"{len(c.reports)} reports, {paragraphs} paragraphs, {statements} statements, "
            f"{len(c.events)} events, {len(c.actors)} actors"
        )


def render(
    corpus: Corpus,
    root: Path,
    redirects: Mapping[str, str] | None = None,
    site_url: str = DEFAULT_SITE_URL,
    layout: Layout | None = None,
    moved: Mapping[str, str] | None = None,
) -> dict[str, bytes]:
    """Every generated file, as project-relative path → bytes. Pure: writes nothing.
    `redirects` maps old addresses to current ones (see addresses.py); `site_url` is where
    the site is published, for the absolute addresses of citations and feeds; `layout` which
    page of a long listing holds what (one page each by default); `moved` the published
    addresses of statements and events that a split moved (addresses.moved_anchors)."""
    ix = Index(corpus, site_url, layout or layout_of(corpus))
    docs: dict[str, str] = {
        urls.REPORTS_INDEX: reports_index(ix),
        **timeline_pages(ix),
        **statements_pages(ix),
        **by_speaker_pages(ix),
        **finder_docs(ix),
        urls.ACTORS_INDEX: actors_index(ix),
        urls.GLOSSARY: glossary_page(ix),
        urls.TIMELINE_SVG: overview_svg(ix),
        **references_pages(ix),
        **differences_pages(ix),
        **threads_pages(ix),
        **talking_points_pages(ix),
        urls.QUALITY: quality_page(read_quality(root), ix),  # data/quality.json
        urls.PERFORMANCE: performance_page(read_performance(root)),  # data/performance.json
    }
    for actor in corpus.actors:
        docs[urls.doc_actor(actor.id)] = actor_page(actor, ix)
    for name, content in exports(ix).items():
        docs[urls.doc_data(name)] = content
    originals = {r.id: (root / "sources" / r.source_file).read_bytes() for r in corpus.reports}
    for report in corpus.reports:
        docs[urls.doc_original(report.id)] = original_page(report, originals[report.id])
    docs.update(feeds(ix))
    docs = add_meta(docs, ix)  # descriptions and schema.org data, once every page is made
    docs = with_moved(docs, moved or {})  # old addresses of statements and events that moved
    docs.update(redirect_docs(redirects or {}))
    out = {f"docs/{path}": text.encode("utf-8") for path, text in docs.items()}
    for report in corpus.reports:
        out[f"docs/{source_copy(report)}"] = originals[report.id]
        out[f"includes/{urls.include_report(report.id)}"] = fragments(report, ix).encode("utf-8")
    out["includes/abbreviations.md"] = abbreviations(ix).encode("utf-8")
    out["includes/home.md"] = home_fragments(ix).encode("utf-8")
    return dict(sorted(out.items()))


def generate(root: Path, write: bool = True) -> Result:
    corpus, problems = load_corpus(root)
    layout = layout_of(corpus, page_limit(root, DEFAULT_PAGE_LIMIT))
    ledger = check_addresses(root, corpus, layout)  # published addresses must not vanish
    outputs = render(corpus, root, ledger.redirects, site_url(root), layout, ledger.moved)
    result = Result(corpus, outputs, problems.warnings)
    if write:
        done = _write(root, result)
        result = replace(
            result, written=done.written, deleted=done.deleted, unchanged=done.unchanged
        )
        record_addresses(root, ledger)  # data/published.txt gains the new addresses
    return result


def _write(root: Path, result: Result) -> Outcome:
    """Write the outputs; raises write.WriteError, having changed nothing, if a file in the
    way was not written by the generator or a path leads outside docs/ and includes/."""
    return write_outputs(root, result.outputs)
