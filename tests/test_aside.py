"""Work sent to another core (dossier.aside): the same result as doing it here, or done here.

What forks runs in a new interpreter (conftest.in_fresh_process): the test process may have
threads left by earlier tests, and then nothing is forked, by design."""

from __future__ import annotations

import os
import threading

from conftest import FIXTURE_CORPUS, in_fresh_process
from dossier import aside
from dossier.aside import Aside


def _two_cores() -> None:
    aside.cores = lambda: 2  # type: ignore[assignment] (a fresh process: nothing to restore)
    assert aside.can_fork(), threading.enumerate()


def forks_and_returns() -> None:
    _two_cores()
    pid, files = Aside(lambda: (os.getpid(), {"docs/data/x.json": b"\x00\xff" * 1000})).result()
    assert pid != os.getpid()
    assert files == {"docs/data/x.json": b"\x00\xff" * 1000}
    print("forked")


def test_work_goes_to_a_forked_process_and_its_result_comes_back() -> None:
    assert in_fresh_process("test_aside", "forks_and_returns") == "forked\n"


def fails_as_it_would_here() -> None:
    _two_cores()
    calls: list[int] = []

    def work() -> None:
        calls.append(os.getpid())  # the parent's list: only the call made here lands in it
        raise ValueError("a bug in an export")

    job = Aside(work)
    try:
        job.result()
    except ValueError as exc:
        assert str(exc) == "a bug in an export"
        assert calls == [os.getpid()]
        print("raised here")


def test_a_failure_in_the_child_shows_as_it_would_here() -> None:
    assert in_fresh_process("test_aside", "fails_as_it_would_here") == "raised here\n"


def test_nothing_is_forked_while_another_thread_runs(monkeypatch) -> None:
    monkeypatch.setattr(aside, "cores", lambda: 2)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not aside.can_fork()
        assert Aside(os.getpid).result() == os.getpid()
    finally:
        stop.set()
        other.join()


def test_one_core_does_the_work_here(monkeypatch) -> None:
    monkeypatch.setattr(aside, "cores", lambda: 1)
    assert Aside(os.getpid).result() == os.getpid()


def renders_the_same(root: str) -> None:
    from pathlib import Path

    from dossier import validate
    from dossier.build import render

    corpus, _ = validate.load_corpus(Path(root))
    _two_cores()
    forked = render(corpus, Path(root))
    aside.cores = lambda: 1  # type: ignore[assignment]
    here = render(corpus, Path(root))
    assert forked == here
    assert any(path.startswith("docs/data/") for path in here)
    assert any(path.startswith("docs/statements/") for path in here)
    print(len(here))


def test_a_render_is_the_same_with_and_without_work_aside() -> None:
    assert int(in_fresh_process("test_aside", "renders_the_same", str(FIXTURE_CORPUS))) > 20
