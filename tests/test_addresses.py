"""Ids that never break: the published addresses, the build's check, and the redirects.

`data/published.txt` lists every address the site has published; the build stops when one
vanishes without an entry in `data/redirects.yml`, and turns each entry into a plain static
redirect (an HTML page for a page, `redirects.js` for an anchor).
"""

from __future__ import annotations

import functools
import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import test_browser
from conftest import FIXTURE_CORPUS, make_project, mkdocs_build, run_dossier, served
from dossier import urls
from dossier.addresses import (
    HEADER,
    PUBLISHED,
    addresses,
    check_addresses,
    record_addresses,
    vanished,
)
from dossier.model import Corpus
from dossier.problems import InputError
from dossier.render.exports import exports
from dossier.render.index import Index
from dossier.render.redirects import redirect_docs
from dossier.validate import load_corpus

ALPHA = "2024-03-05-ministers-condemn"
BETA = "2024-fenwick-denies"
STATEMENT = "2024-fenwick-baseless"
FIXTURE_ADDRESSES = [
    "actors/anna-berg/",
    "actors/freedonia/",
    "actors/grand-fenwick-foreign-ministry/",
    "actors/grand-fenwick/",
    "actors/ruritania-freedonia-ministers/",
    "actors/ruritania/",
    f"reports/{ALPHA}/",
    *(f"reports/{ALPHA}/#p{n}" for n in (1, 2, 3, 4)),
    f"reports/{BETA}/",
    *(f"reports/{BETA}/#p{n}" for n in (1, 2, 3)),
    "statements/#2024-03-04-berg-will-not-stand-by",
    "statements/#2024-03-04-ministers-grave-violation",
    f"statements/#{STATEMENT}",
    "statements/#2024-fenwick-denial-alpha",
    "statements/#2024-fenwick-sent-nothing",
    "timeline/#border-missile-crossings",
    "timeline/#fenwick-denial",
    "timeline/#ministers-joint-press-conference",
]
EXAMPLES = (
    "`reports/<id>/`, `reports/<id>/#p4`, `statements/#<id>`, `timeline/#<id>` or `actors/<id>/`"
)


@functools.cache
def fixture_corpus() -> Corpus:
    corpus, _ = load_corpus(FIXTURE_CORPUS)
    return corpus


def with_(obj: Any, **changes: Any) -> Any:
    return replace(obj, **changes)


def published_file(root: Path, lines: list[str]) -> None:
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / PUBLISHED).write_text(HEADER + "".join(f"{a}\n" for a in lines), encoding="utf-8")


def redirects_file(root: Path, text: str) -> None:
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data" / "redirects.yml").write_text(text, encoding="utf-8")


def problems_of(root: Path, corpus: Corpus) -> list[str]:
    with pytest.raises(InputError) as caught:
        check_addresses(root, corpus)
    return [str(p) for p in caught.value.problems]


def line_of(address: str) -> int:
    """The line of `address` in a published file written by `published_file` (2-line header)."""
    return FIXTURE_ADDRESSES.index(address) + 3


def without_statement(corpus: Corpus, statement_id: str) -> Corpus:
    reports = tuple(
        with_(r, statements=tuple(s for s in r.statements if s.id != statement_id))
        for r in corpus.reports
    )
    return with_(corpus, reports=reports)


def renamed_report(corpus: Corpus, old: str, new: str) -> Corpus:
    reports = tuple(
        with_(r, id=new, statements=tuple(with_(s, report=new) for s in r.statements))
        if r.id == old
        else r
        for r in corpus.reports
    )
    return with_(corpus, reports=reports)


# --------------------------------------------------------------------------- the list


def test_addresses_of_the_fixture_corpus():
    assert addresses(fixture_corpus()) == FIXTURE_ADDRESSES


def test_draft_reports_are_public_but_not_recorded():
    corpus = fixture_corpus()
    drafted = with_(
        corpus,
        reports=tuple(with_(r, status="draft") if r.id == BETA else r for r in corpus.reports),
    )
    assert addresses(drafted) == FIXTURE_ADDRESSES
    recorded = addresses(drafted, drafts=False)
    assert f"reports/{BETA}/" not in recorded and f"reports/{BETA}/#p1" not in recorded
    assert f"statements/#{STATEMENT}" not in recorded
    assert f"reports/{ALPHA}/#p4" in recorded and "timeline/#fenwick-denial" in recorded


def test_address_grammar_follows_the_urls():
    kinds = {a: urls.address_kind(a) for a in FIXTURE_ADDRESSES}
    assert set(kinds.values()) == set(urls.ADDRESS_KINDS)
    for bad in (
        "/reports/x/", "reports/../x/", "https://example.org/reports/x/", "reports/X/",
        "statements/", "reports/x/#", "reports/x", "reports/x/#p4#p5", "timeline/#a b", "",
    ):  # fmt: skip
        assert urls.address_kind(bad) is None, bad
    assert urls.relative_address("reports/old/", "reports/new/#p4") == "../new/#p4"
    assert urls.relative_address("actors/old/", "statements/#x") == "../../statements/#x"
    assert urls.doc_redirect("reports/old/") == "reports/old/index.html"


# --------------------------------------------------------------------------- the check


def test_first_build_creates_the_list(tmp_path: Path):
    ledger = check_addresses(tmp_path, fixture_corpus())
    assert not ledger.exists
    assert record_addresses(tmp_path, ledger)
    text = (tmp_path / PUBLISHED).read_text(encoding="utf-8")
    assert text == HEADER + "".join(f"{a}\n" for a in FIXTURE_ADDRESSES)
    assert text.startswith("# Published addresses") and "`dossier build`" in text.splitlines()[0]
    assert not record_addresses(tmp_path, check_addresses(tmp_path, fixture_corpus()))


def test_an_unwritable_list_is_one_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def refuse(path: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("dossier.addresses.atomic_write", refuse)
    with pytest.raises(InputError) as caught:
        record_addresses(tmp_path, check_addresses(tmp_path, fixture_corpus()))
    assert [str(p) for p in caught.value.problems] == [
        "data/published.txt: published: cannot be written (Permission denied); the site's files "
        "were written: make data/ writable and build again, so that the new addresses are recorded"
    ]


def test_the_list_only_grows(tmp_path: Path):
    old = [*FIXTURE_ADDRESSES[:3], "actors/zz-kept-by-redirect/"]
    published_file(tmp_path, old)
    redirects_file(tmp_path, "- {from: actors/zz-kept-by-redirect/, to: actors/ruritania/}\n")
    ledger = check_addresses(tmp_path, fixture_corpus())
    assert ledger.additions == FIXTURE_ADDRESSES[3:]
    assert record_addresses(tmp_path, ledger)
    lines = (tmp_path / PUBLISHED).read_text(encoding="utf-8").splitlines()[2:]
    assert lines == [*FIXTURE_ADDRESSES[:6], "actors/zz-kept-by-redirect/", *FIXTURE_ADDRESSES[6:]]


def test_vanished_statement(tmp_path: Path):
    published_file(tmp_path, FIXTURE_ADDRESSES)
    address = f"statements/#{STATEMENT}"
    assert problems_of(tmp_path, without_statement(fixture_corpus(), STATEMENT)) == [
        f"data/published.txt:{line_of(address)}: statement: {address} was published but this "
        "build no longer produces it: restore its id, or add a redirect in data/redirects.yml, "
        f"e.g. `- {{from: {address}, to: statements/#<new-id>}}`"
    ]


def test_vanished_report_is_one_problem_with_its_paragraphs(tmp_path: Path):
    published_file(tmp_path, FIXTURE_ADDRESSES)
    address = f"reports/{ALPHA}/"
    assert problems_of(tmp_path, renamed_report(fixture_corpus(), ALPHA, "renamed")) == [
        f"data/published.txt:{line_of(address)}: report: {address} was published but this "
        "build no longer produces it, nor its 4 paragraph addresses: restore its id, or add a "
        f"redirect in data/redirects.yml, e.g. `- {{from: {address}, to: reports/<new-id>/}}` "
        "(its paragraphs then follow to the same ids)"
    ]


def test_page_redirect_carries_its_paragraphs(tmp_path: Path):
    published_file(tmp_path, FIXTURE_ADDRESSES)
    redirects_file(tmp_path, f"- {{from: reports/{ALPHA}/, to: reports/renamed/}}\n")
    corpus = renamed_report(fixture_corpus(), ALPHA, "renamed")
    assert check_addresses(tmp_path, corpus).redirects == {f"reports/{ALPHA}/": "reports/renamed/"}
    # …unless the new page lacks one of them: then that paragraph is named.
    report = corpus.report("renamed")
    corpus = with_(
        corpus,
        reports=tuple(
            with_(r, paragraphs=r.paragraphs[:3]) if r is report else r for r in corpus.reports
        ),
    )
    address = f"reports/{ALPHA}/#p4"
    assert problems_of(tmp_path, corpus) == [
        f"data/published.txt:{line_of(address)}: paragraph: {address} was published but this "
        "build no longer produces it, and its page's redirect leads to reports/renamed/, which "
        "has no #p4: restore its id, or add a redirect in data/redirects.yml, "
        f"e.g. `- {{from: {address}, to: reports/renamed/#<pid>}}`"
    ]


def test_vanished_paragraph_on_a_live_page(tmp_path: Path):
    published_file(tmp_path, FIXTURE_ADDRESSES)
    corpus = fixture_corpus()
    corpus = with_(
        corpus,
        reports=tuple(
            with_(r, paragraphs=r.paragraphs[:2]) if r.id == BETA else r for r in corpus.reports
        ),
    )
    address = f"reports/{BETA}/#p3"
    assert problems_of(tmp_path, corpus) == [
        f"data/published.txt:{line_of(address)}: paragraph: {address} was published but this "
        "build no longer produces it: restore its id, or add a redirect in data/redirects.yml, "
        f"e.g. `- {{from: {address}, to: reports/{BETA}/#<pid>}}`"
    ]


def test_every_vanished_address_is_listed(tmp_path: Path):
    published_file(tmp_path, FIXTURE_ADDRESSES)
    corpus = fixture_corpus()
    corpus = with_(corpus, events=(), actors=corpus.actors[1:])
    lines = problems_of(tmp_path, corpus)
    assert [line.split(": ")[0] for line in lines] == [
        f"data/published.txt:{line_of(a)}" for a in [FIXTURE_ADDRESSES[0], *FIXTURE_ADDRESSES[-3:]]
    ]


def test_not_an_address_in_the_published_list(tmp_path: Path):
    published_file(tmp_path, [*FIXTURE_ADDRESSES, "<<<<<<< HEAD"])
    assert problems_of(tmp_path, fixture_corpus()) == [
        f"data/published.txt:{len(FIXTURE_ADDRESSES) + 3}: published: '<<<<<<< HEAD' is not an "
        "address; this file is written by `dossier build`: keep every address line as it was "
        "and remove anything else (such as merge-conflict markers)"
    ]


def test_published_list_not_utf8(tmp_path: Path):
    (tmp_path / "data").mkdir()
    (tmp_path / PUBLISHED).write_bytes(b"actors/caf\xe9/\n")
    assert problems_of(tmp_path, fixture_corpus()) == [
        "data/published.txt: published: cannot be read: not UTF-8 text; save it as UTF-8"
    ]


REDIRECT_CASES = {
    "scheme": (
        "- {from: 'https://example.org/x', to: actors/ruritania/}\n",
        "data/redirects.yml:1: from: 'https://example.org/x' is an outside address; redirects "
        f"lead to addresses of this site; addresses are written as {EXAMPLES}",
    ),
    "leading slash": (
        "- {from: actors/gone/, to: /actors/ruritania/}\n",
        "data/redirects.yml:1: to: '/actors/ruritania/' is absolute; write it relative to the "
        f"site root, without the leading '/'; addresses are written as {EXAMPLES}",
    ),
    "dot dot": (
        "- {from: actors/../gone/, to: actors/ruritania/}\n",
        "data/redirects.yml:1: from: 'actors/../gone/' is not allowed: it contains '..'; "
        f"addresses are written as {EXAMPLES}",
    ),
    "not an address": (
        "- {from: glossary/#abc, to: actors/ruritania/}\n",
        "data/redirects.yml:1: from: 'glossary/#abc' is not the address of a report, "
        f"paragraph, statement, event or actor; addresses are written as {EXAMPLES}",
    ),
    "not a string": (
        "- {from: actors/gone/, to: 42}\n",
        f"data/redirects.yml:1: to: must be a site address such as {EXAMPLES}, not a int",
    ),
    "live source": (
        "- {from: actors/freedonia/, to: actors/ruritania/}\n",
        "data/redirects.yml:1: from: actors/freedonia/ is a live address, and a redirect "
        "would hide it: remove this entry",
    ),
    "dead target": (
        "- {from: actors/gone/, to: actors/also-gone/}\n",
        "data/redirects.yml:1: to: actors/also-gone/ is not an address of this build (no such "
        "report, paragraph, statement, event or actor): point the redirect at a current address",
    ),
    "twice": (
        "- {from: actors/gone/, to: actors/ruritania/}\n"
        "- {from: actors/gone/, to: actors/freedonia/}\n",
        "data/redirects.yml:2: from: actors/gone/ is redirected twice (first on line 1); "
        "keep one entry",
    ),
    "anchor on a dead page": (
        "- {from: reports/gone/#p1, to: actors/ruritania/}\n",
        "data/redirects.yml:1: from: the page reports/gone/ of reports/gone/#p1 no longer exists "
        "either: add a redirect for the page too (`- {from: reports/gone/, to: ...}`)",
    ),
    "wrong keys": (
        "- {from: actors/gone/, target: actors/ruritania/}\n",
        "data/redirects.yml:1: [0]: each entry is `- {from: OLD, to: NEW}` with exactly those "
        "two keys, not keys 'from', 'target'",
    ),
    "not a list": (
        "from: actors/gone/\nto: actors/ruritania/\n",
        "data/redirects.yml:1: redirects: must be a list of entries `- {from: OLD, to: NEW}`",
    ),
}


@pytest.mark.parametrize("case", sorted(REDIRECT_CASES))
def test_bad_redirect_entry(tmp_path: Path, case: str):
    text, expected = REDIRECT_CASES[case]
    published_file(tmp_path, FIXTURE_ADDRESSES)
    redirects_file(tmp_path, text)
    assert problems_of(tmp_path, fixture_corpus()) == [expected]


def test_redirects_yaml_syntax_error_is_not_followed_by_knock_on_problems(tmp_path: Path):
    published_file(tmp_path, FIXTURE_ADDRESSES)
    redirects_file(tmp_path, "- {from: statements/#x, to: [\n")
    lines = problems_of(tmp_path, without_statement(fixture_corpus(), STATEMENT))
    assert len(lines) == 1 and lines[0].startswith("data/redirects.yml:"), lines


def test_a_bad_entry_is_not_also_reported_as_missing(tmp_path: Path):
    published_file(tmp_path, FIXTURE_ADDRESSES)
    redirects_file(tmp_path, f"- {{from: 'statements/#{STATEMENT}', to: statements/#nowhere}}\n")
    lines = problems_of(tmp_path, without_statement(fixture_corpus(), STATEMENT))
    assert len(lines) == 1 and lines[0].startswith("data/redirects.yml:1: to: "), lines


# --------------------------------------------------------------------------- redirect files


def test_redirect_files_escape_and_map():
    docs = redirect_docs(
        {
            "statements/#old-one": "reports/r/#p2",
            "reports/old/": "reports/new/",
            "reports/old/#p9": "reports/new/#p1",
            "actors/old/": "statements/#x",
        }
    )
    assert sorted(docs) == [
        "actors/old/index.html",
        urls.REDIRECTS_JS,
        "reports/old/index.html",
    ]
    script = docs[urls.REDIRECTS_JS]
    assert 'var MOVED = {"statements/": {"old-one": "reports/r/#p2"}};' in script
    assert 'new URL("../../", ' in script and "document$" in script and "hashchange" in script
    page = docs["reports/old/index.html"]
    assert '<link rel="canonical" href="../new/">' in page
    assert '<meta http-equiv="refresh" content="0; url=../new/">' in page
    assert '<a href="../new/">reports/new/</a>' in page
    assert '"anchors": {"p9": "../new/#p1"}, "keepAnchor": true' in page
    assert '"keepAnchor": false, "target": "../../statements/#x"' in docs["actors/old/index.html"]
    assert all("Generated by `dossier build`" in text[:400] for text in docs.values())


def test_no_redirects_still_writes_the_script():
    assert list(redirect_docs({})) == [urls.REDIRECTS_JS]
    assert "var MOVED = {};" in redirect_docs({})[urls.REDIRECTS_JS]


def test_json_in_the_script_cannot_close_it():
    # Addresses are validated first; the escaping holds even for what validation would stop.
    script = redirect_docs({"statements/#a</script><b>&": "statements/#c"})[urls.REDIRECTS_JS]
    assert "</script>" not in script and "<b>" not in script
    assert "\\u003c/script\\u003e\\u003cb\\u003e\\u0026" in script


# --------------------------------------------------------------------------- the build


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p", FIXTURE_CORPUS).root


def rename_statement(root: Path) -> None:
    page = root / "docs" / "reports" / f"{BETA}.md"
    text = page.read_text(encoding="utf-8")
    assert f"- id: {STATEMENT}\n" in text
    page.write_text(text.replace(f"- id: {STATEMENT}\n", f"- id: {STATEMENT}-claim\n"), "utf-8")


def rename_report(root: Path, new: str) -> None:
    old_page = root / "docs" / "reports" / f"{ALPHA}.md"
    text = old_page.read_text(encoding="utf-8").replace(ALPHA, new)
    old_page.unlink()
    (root / "docs" / "reports" / f"{new}.md").write_text(text, encoding="utf-8")


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "site" not in p.relative_to(root).parts
    }


def test_build_fails_on_a_vanished_statement_until_redirected(project: Path):
    first = run_dossier(project, "build")
    assert first.returncode == 0, first.stderr
    published = (project / PUBLISHED).read_text(encoding="utf-8")
    assert published == HEADER + "".join(f"{a}\n" for a in FIXTURE_ADDRESSES)

    rename_statement(project)
    before = snapshot(project)
    failed = run_dossier(project, "build")
    address = f"statements/#{STATEMENT}"
    assert failed.returncode == 1
    assert failed.stderr == (
        f"data/published.txt:{line_of(address)}: statement: {address} was published but this "
        "build no longer produces it: restore its id, or add a redirect in data/redirects.yml, "
        f"e.g. `- {{from: {address}, to: statements/#<new-id>}}`\n"
        "dossier build: 1 problem(s); nothing written.\n"
    )
    assert snapshot(project) == before

    redirects_file(project, f"- {{from: '{address}', to: '{address}-claim'}}\n")
    passed = run_dossier(project, "build")
    assert passed.returncode == 0, passed.stderr
    script = (project / "docs" / urls.REDIRECTS_JS).read_text(encoding="utf-8")
    assert f'"statements/": {{"{STATEMENT}": "{address}-claim"}}' in script
    lines = (project / PUBLISHED).read_text(encoding="utf-8").splitlines()
    assert address in lines and f"{address}-claim" in lines  # added, nothing removed
    assert len(lines) == len(set(lines)) == len(published.splitlines()) + 1


def test_check_never_writes_the_list(project: Path):
    checked = run_dossier(project, "check")
    assert checked.returncode == 0, checked.stderr
    assert not (project / PUBLISHED).exists()
    assert run_dossier(project, "build").returncode == 0
    rename_statement(project)
    assert run_dossier(project, "check").returncode == 1


def test_renamed_report_gets_a_static_redirect_page(project: Path):
    assert run_dossier(project, "build").returncode == 0
    rename_report(project, "2024-03-05-ministers-condemned")
    redirects_file(
        project, f"- {{from: reports/{ALPHA}/, to: reports/2024-03-05-ministers-condemned/}}\n"
    )
    built = run_dossier(project, "build")
    assert built.returncode == 0, built.stderr
    site = mkdocs_build(project)
    assert site.returncode == 0, site.stderr
    page = (project / "site" / "reports" / ALPHA / "index.html").read_text(encoding="utf-8")
    assert page == (project / "docs" / urls.doc_redirect(f"reports/{ALPHA}/")).read_text("utf-8")
    assert '<link rel="canonical" href="../2024-03-05-ministers-condemned/">' in page
    # Without its redirect the build fails again and leaves the site as it was.
    (project / "data" / "redirects.yml").write_text("", encoding="utf-8")
    assert run_dossier(project, "build").returncode == 1
    assert (project / "docs" / "reports" / ALPHA / "index.html").exists()


# --------------------------------------------------------------------------- the browser


@dataclass(frozen=True)
class Moved:
    root: Path
    url: str


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Moved]:
    """The fixture site after a statement and a report were renamed, with redirects. It is
    built for the address it is served at, so that Material's instant navigation is on."""
    root = make_project(tmp_path_factory.mktemp("moved"), FIXTURE_CORPUS).root
    assert run_dossier(root, "build").returncode == 0
    rename_statement(root)
    rename_report(root, "2024-03-05-ministers-condemned")
    redirects_file(
        root,
        f"- {{from: 'statements/#{STATEMENT}', to: 'statements/#{STATEMENT}-claim'}}\n"
        f"- {{from: reports/{ALPHA}/, to: reports/2024-03-05-ministers-condemned/}}\n"
        f"- {{from: 'reports/{BETA}/#p9', to: 'reports/{BETA}/#p2'}}\n",
    )
    built = run_dossier(root, "build")
    assert built.returncode == 0, built.stderr
    with served(root / "site") as url:
        with pytest.MonkeyPatch.context() as env:
            env.setenv("SITE_URL", url)
            site = mkdocs_build(root)
        assert site.returncode == 0, site.stderr
        yield Moved(root, url)


# test_browser.py's Chromium, shared by name (pytest finds fixtures by the module's names).
browser = test_browser.browser


@pytest.fixture
def tab(browser):
    context = browser.new_context()
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("old", "new"),
    [
        (f"statements/#{STATEMENT}", f"statements/#{STATEMENT}-claim"),
        (f"reports/{ALPHA}/", "reports/2024-03-05-ministers-condemned/"),
        (f"reports/{ALPHA}/#p3", "reports/2024-03-05-ministers-condemned/#p3"),
        (f"reports/{BETA}/#p9", f"reports/{BETA}/#p2"),
    ],
)
def test_old_address_lands_on_the_new_one(moved: Moved, tab, old: str, new: str):
    tab.goto(moved.url + old)
    tab.wait_for_url(moved.url + new)
    anchor = urls.address_anchor(new)
    if anchor:
        assert tab.locator(f"[id='{anchor}']").count() == 1


@pytest.mark.browser
def test_old_anchor_reached_inside_the_site(moved: Moved, tab):
    """Through Material's instant navigation (no page load: the window survives), and by a
    hash change on the same page."""
    tab.goto(moved.url + "timeline/")
    tab.wait_for_function("window.document$ !== undefined")
    tab.evaluate(
        """href => { window.sameWindow = true;
                     const a = Object.assign(document.createElement('a'),
                                             {href, id: 'old-link', textContent: 'old'});
                     document.querySelector('article').append(a); }""",
        f"../statements/#{STATEMENT}",
    )
    tab.click("#old-link")
    tab.wait_for_url(f"{moved.url}statements/#{STATEMENT}-claim")
    assert tab.evaluate("window.sameWindow") is True, "the click reloaded the page"
    tab.evaluate("location.hash = '#fenwick-denial'")
    tab.evaluate(f"location.hash = '#{STATEMENT}'")
    tab.wait_for_url(f"{moved.url}statements/#{STATEMENT}-claim")


@pytest.mark.browser
def test_redirects_work_from_files(moved: Moved, tab):
    site = (moved.root / "site").as_uri() + "/"
    tab.goto(f"{site}statements/index.html#{STATEMENT}")
    tab.wait_for_url(f"{site}statements/index.html#{STATEMENT}-claim")
    tab.goto(f"{site}reports/{ALPHA}/index.html#p2")
    tab.wait_for_url(f"{site}reports/2024-03-05-ministers-condemned/index.html#p2")


# --------------------------------------------------------------------------- the property


@dataclass(frozen=True)
class Edit:
    """Random changes to the fixture corpus: what is removed, reordered and added."""

    drop_reports: frozenset[str]
    drop_statements: frozenset[str]
    drop_events: frozenset[str]
    drop_actors: frozenset[str]
    drop_paragraphs: frozenset[str]  # "<report id>#<paragraph id>"
    added: int  # new reports, statements, events and actors of each kind
    seed: int  # drives every reordering


def removed(corpus: Corpus, edit: Edit) -> Corpus:
    """The corpus with only the removals applied, in its original order."""
    events = tuple(e for e in corpus.events if e.id not in edit.drop_events)
    reports = tuple(
        _unlink_events(_trimmed(r, edit), {e.id for e in events})
        for r in corpus.reports
        if r.id not in edit.drop_reports
    )
    actors = tuple(a for a in corpus.actors if a.id not in edit.drop_actors)
    return with_(corpus, reports=reports, events=events, actors=actors)


def _trimmed(report: Any, edit: Edit) -> Any:
    """A report without the dropped paragraphs (renumbered, and with what cited them) and
    the dropped statements."""
    paragraphs = [p for p in report.paragraphs if f"{report.id}#{p.id}" not in edit.drop_paragraphs]
    kept = {p.id for p in paragraphs}
    statements = tuple(
        s for s in report.statements if s.id not in edit.drop_statements and s.paragraph in kept
    )
    refs = tuple(
        with_(ref, paragraphs=tuple(pid for pid in ref.paragraphs if pid in kept))
        for ref in report.events
        if set(ref.paragraphs) & kept
    )
    return with_(
        report,
        paragraphs=tuple(with_(p, number=n) for n, p in enumerate(paragraphs, start=1)),
        statements=statements,
        events=refs,
    )


def _unlink_events(report: Any, events: set[str]) -> Any:
    statements = tuple(
        s if s.event is None or s.event in events else with_(s, event=None)
        for s in report.statements
    )
    refs = tuple(ref for ref in report.events if ref.event in events)
    return with_(report, statements=statements, events=refs)


def edited(corpus: Corpus, edit: Edit) -> Corpus:
    """Removals, then additions, then everything shuffled: reports, their statements and
    paragraphs, events and actors."""
    rng = random.Random(edit.seed)
    base = removed(corpus, edit)
    originals = fixture_corpus()
    reports, events, actors = list(base.reports), list(base.events), list(base.actors)
    for n in range(edit.added):
        donor = rng.choice(originals.reports)
        rid = f"added-report-{n}"
        reports.append(
            with_(
                donor, id=rid,
                statements=tuple(
                    with_(s, id=f"added-statement-{n}-{i}", report=rid)
                    for i, s in enumerate(donor.statements)
                ),
            )
        )  # fmt: skip
        events.append(with_(rng.choice(originals.events), id=f"added-event-{n}"))
        actors.append(with_(rng.choice(originals.actors), id=f"added-actor-{n}"))
    hosts = [i for i, r in enumerate(reports) if r.paragraphs]
    if hosts:
        host = rng.choice(hosts)
        donor_statement = rng.choice([s for r in originals.reports for s in r.statements])
        extra = with_(donor_statement, id="added-statement-extra", report=reports[host].id)
        extra = with_(extra, paragraph=reports[host].paragraphs[0].id)
        reports[host] = with_(reports[host], statements=(*reports[host].statements, extra))
    reports = [_unlink_events(_shuffled_report(r, rng), {e.id for e in events}) for r in reports]
    for items in (reports, events, actors):
        rng.shuffle(items)
    return with_(corpus, reports=tuple(reports), events=tuple(events), actors=tuple(actors))


def _shuffled_report(report: Any, rng: random.Random) -> Any:
    paragraphs, statements = list(report.paragraphs), list(report.statements)
    rng.shuffle(paragraphs)
    rng.shuffle(statements)
    paragraphs = [with_(p, number=i) for i, p in enumerate(paragraphs, start=1)]
    return with_(report, paragraphs=tuple(paragraphs), statements=tuple(statements))


def own_addresses(corpus: Corpus) -> set[str]:
    """What the README promises: each object's address is made of its own id."""
    found = {urls.url_event(e.id) for e in corpus.events} | {
        urls.url_actor(a.id) for a in corpus.actors
    }
    for r in corpus.reports:
        found.add(urls.url_report(r.id))
        found.update(urls.url_paragraph(r.id, p.id) for p in r.paragraphs)
        found.update(urls.url_statement(s.id) for s in r.statements)
    return found


def export_urls(corpus: Corpus) -> dict[tuple[str, str], str]:
    """(file, id) → url, as the open-data exports publish them."""
    import json

    files = exports(Index(corpus))
    return {
        (name, record["id"]): record["url"]
        for name in ("reports.json", "statements.json", "events.json", "actors.json")
        for record in json.loads(files[name])
    }


def _ids(corpus: Corpus, kind: str) -> list[str]:
    if kind == "statement":
        return [s.id for r in corpus.reports for s in r.statements]
    if kind == "paragraph":
        return [f"{r.id}#{p.id}" for r in corpus.reports for p in r.paragraphs]
    return [x.id for x in getattr(corpus, f"{kind}s")]


@st.composite
def edits(draw: st.DrawFn) -> Edit:
    corpus = fixture_corpus()

    def some(kind: str) -> frozenset[str]:
        ids = _ids(corpus, kind)
        return frozenset(draw(st.lists(st.sampled_from(ids), max_size=len(ids))))

    return Edit(
        drop_reports=some("report"),
        drop_statements=some("statement"),
        drop_events=some("event"),
        drop_actors=some("actor"),
        drop_paragraphs=some("paragraph"),
        added=draw(st.integers(0, 2)),
        seed=draw(st.integers(0, 2**32)),
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits())
def test_other_changes_never_move_an_address(edit: Edit):
    original = fixture_corpus()
    survivors = removed(original, edit)
    after = edited(original, edit)
    before, kept, now = set(addresses(original)), set(addresses(survivors)), set(addresses(after))

    # Every object's address comes from its own id; the survivors keep theirs, in the list
    # and in the exports…
    for corpus, found in ((original, before), (survivors, kept), (after, now)):
        assert found == own_addresses(corpus)
    assert kept <= before and kept <= now
    assert all("added-" in a for a in now - kept), sorted(now - kept)
    urls_before, urls_now = export_urls(original), export_urls(after)
    survivor_keys = set(export_urls(survivors))
    assert survivor_keys <= set(urls_now)
    assert {k: urls_now[k] for k in survivor_keys} == {k: urls_before[k] for k in survivor_keys}

    # …and the build's check names exactly the addresses that went (anchors with their page).
    published = {a: n for n, a in enumerate(addresses(original), start=1)}
    by_line = {n: a for a, n in published.items()}
    named = {by_line[p.line] for p in vanished(Path("."), published, frozenset(now), {}) if p.line}
    gone = before - now
    pages_gone = {a for a in gone if urls.address_anchor(a) is None}
    assert named == {a for a in gone if a in pages_gone or urls.address_page(a) not in pages_gone}


def test_property_edits_really_change_the_corpus():
    """The property above is not vacuous: an edit reorders and removes."""
    edit = Edit(
        drop_reports=frozenset({BETA}),
        drop_statements=frozenset(),
        drop_events=frozenset({"fenwick-denial"}),
        drop_actors=frozenset(),
        drop_paragraphs=frozenset({f"{ALPHA}#p2"}),
        added=1,
        seed=7,
    )
    after = edited(fixture_corpus(), edit)
    alpha = after.report(ALPHA)
    assert [p.id for p in alpha.paragraphs] != ["p1", "p3", "p4"]  # shuffled…
    assert sorted(p.id for p in alpha.paragraphs) == ["p1", "p3", "p4"]  # …and one gone
    assert f"reports/{ALPHA}/#p4" in addresses(after)
    assert f"reports/{ALPHA}/#p2" not in addresses(after)
    assert [r.id for r in after.reports] != [r.id for r in fixture_corpus().reports]
    assert f"reports/{BETA}/" not in addresses(after)
    assert "reports/added-report-0/#p1" in addresses(after)
    assert "timeline/#fenwick-denial" not in addresses(after)
