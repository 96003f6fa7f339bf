"""The pipeline: load → validate → model → render → write. Plain Python, no MkDocs."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from . import incremental, urls
from .addresses import Ledger, check_addresses, record_addresses
from .aside import Aside
from .incremental import Rendered, reuse
from .layout import DEFAULT_PAGE_LIMIT, Layout, layout_of
from .model import Corpus
from .problems import Problem, Problems
from .render.actors import actor_page, actors_index
from .render.exports import exports
from .render.feeds import feeds
from .render.finder import finder_docs
from .render.glossary import abbreviations, glossary_page
from .render.home import home_fragments
from .render.index import Bookkeeping, Index
from .render.meta import add_meta
from .render.originals import original_page
from .render.performance import Measurement as PerformanceRecord
from .render.performance import performance_page, read_performance
from .render.quality import Measurement as QualityRecord
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
    return render_after(None, corpus, root, redirects, site_url, layout, moved)[0]


def render_after(
    last: Rendered | None,
    corpus: Corpus,
    root: Path,
    redirects: Mapping[str, str] | None = None,
    site_url: str = DEFAULT_SITE_URL,
    layout: Layout | None = None,
    moved: Mapping[str, str] | None = None,
) -> tuple[dict[str, bytes], Rendered]:
    """`render`, reusing what it can of the `last` render (incremental.py): the same files,
    and what this render leaves for the next."""
    layout = layout or layout_of(corpus)
    redirects, moved = dict(redirects or {}), dict(moved or {})
    quality, performance = _recorded(root)
    context = (site_url, layout, sorted(redirects.items()), sorted(moved.items()))
    ix = Index(corpus, site_url, layout, previous=reuse(last, corpus, context))
    # The statements' pages and the exports are made on another core meanwhile (aside.py):
    # no page made here needs them, nor they any made here.
    other = Aside(partial(_other_half, ix))
    docs: dict[str, str] = {
        urls.REPORTS_INDEX: reports_index(ix),
        **timeline_pages(ix),
        **finder_docs(ix),
        urls.ACTORS_INDEX: actors_index(ix),
        urls.GLOSSARY: glossary_page(ix),
        urls.TIMELINE_SVG: overview_svg(ix),
        **references_pages(ix),
        **differences_pages(ix),
        **threads_pages(ix),
        **talking_points_pages(ix),
        urls.QUALITY: quality_page(quality, ix),
        urls.PERFORMANCE: performance_page(performance),
    }
    for actor in corpus.actors:
        docs[urls.doc_actor(actor.id)] = actor_page(actor, ix)
    originals = {r.id: (root / "sources" / r.source_file).read_bytes() for r in corpus.reports}
    for report in corpus.reports:
        docs[urls.doc_original(report.id)] = original_page(report, originals[report.id])
    includes = [f"includes/{urls.include_report(r.id)}" for r in corpus.reports]
    made = {
        doc: ix.page(doc, ix.report_sources(r), partial(fragments, r, ix))
        for doc, r in zip(includes, corpus.reports, strict=True)
    }
    data = _encoded(feeds(ix), "docs/")
    pages, exported, kept = other.result()
    ix.absorb(kept)
    docs |= pages
    docs = add_meta(docs, ix)  # descriptions and schema.org data, once every page is made
    docs = with_moved(docs, moved)  # old addresses of statements and events that moved
    docs.update(redirect_docs(redirects))
    out = _encoded(docs, "docs/")
    for report in corpus.reports:
        out[f"docs/{source_copy(report)}"] = originals[report.id]
    out |= _encoded(made)
    out["includes/abbreviations.md"] = abbreviations(ix).encode("utf-8")
    out["includes/home.md"] = home_fragments(ix).encode("utf-8")
    out |= data | exported
    return dict(sorted(out.items())), Rendered(
        corpus, context, ix.made, ix.made_from, ix.shown, frozenset(ix.reused)
    )


def _other_half(ix: Index) -> tuple[dict[str, str], dict[str, bytes], Bookkeeping]:
    """The statements' pages (under docs/), the data exports (by project path, encoded: they
    have no description nor moved anchors), and what `Index.page` recorded."""
    pages = {**statements_pages(ix), **by_speaker_pages(ix)}
    data = _encoded({urls.doc_data(name): text for name, text in exports(ix).items()}, "docs/")
    return pages, data, ix.bookkeeping()


def _encoded(docs: Mapping[str, str], folder: str = "") -> dict[str, bytes]:
    """`docs` as files: each path under `folder`, each text in UTF-8."""
    return {f"{folder}{path}": text.encode("utf-8") for path, text in docs.items()}


def generate(root: Path, write: bool = True, incremental_render: bool = True) -> Result:
    """Load, check, render and (with `write`) write the project at `root`. In a process that
    generated it before, only pages made from what changed are made again (incremental.py),
    unless `incremental_render` is False."""
    with _no_cycle_collection():
        return _generate(root, write, incremental_render)


def check(root: Path) -> Result:
    """Every check `generate` makes of the input, in the same order, without making a page:
    what `dossier check` runs. A corpus that passes builds. Rendering finds no problem of its
    own and is most of a build: at 1,000 reports this takes 3.5 s, a build 8.4 s. The result
    has no outputs."""
    with _no_cycle_collection():
        corpus, problems, _, _ = _checked(root)
        site_url(root)  # mkdocs.yml
        _recorded(root)
        return Result(corpus, {}, problems.warnings)


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's collector of reference cycles held back for a run. A run makes many objects
    that live on, and each time enough of them have, the collector walks every object of the
    process: inside `mkdocs serve`, with MkDocs' thousands of pages in memory, that was seven
    walks of about 0.4 s each, finding nothing, in a run of 9 s. What a run drops is freed by
    reference counting; cycles wait for the collector's next walk after the run."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _generate(root: Path, write: bool, incremental_render: bool) -> Result:
    before = incremental.settled(root) if incremental_render and write else None
    if isinstance(before, Result):  # no file changed since the last run: nothing to do
        return replace(before, written=(), deleted=(), unchanged=len(before.outputs))
    corpus, problems, layout, ledger = _checked(root)
    last = incremental.last_render(root) if incremental_render else None
    outputs, made = render_after(
        last, corpus, root, ledger.redirects, site_url(root), layout, ledger.moved
    )
    incremental.keep(root, made)
    result = Result(corpus, outputs, problems.warnings)
    if write:
        done = _write(root, result)
        result = replace(
            result, written=done.written, deleted=done.deleted, unchanged=done.unchanged
        )
        record_addresses(root, ledger)  # data/published.txt gains the new addresses
        incremental.settle(root, outputs, result)
    return result


def _checked(root: Path) -> tuple[Corpus, Problems, Layout, Ledger]:
    """The corpus read and checked, its layout, and its addresses checked against those
    published (which must not vanish)."""
    corpus, problems = load_corpus(root)
    layout = layout_of(corpus, page_limit(root, DEFAULT_PAGE_LIMIT))
    return corpus, problems, layout, check_addresses(root, corpus, layout)


def _recorded(root: Path) -> tuple[QualityRecord | None, PerformanceRecord | None]:
    """The recorded measurements (data/quality.json, data/performance.json), checked."""
    return read_quality(root), read_performance(root)


def _write(root: Path, result: Result) -> Outcome:
    """Write the outputs; raises write.WriteError, having changed nothing, if a file in the
    way was not written by the generator or a path leads outside docs/ and includes/."""
    return write_outputs(root, result.outputs)
