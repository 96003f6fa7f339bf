"""Work sent to another core (dossier.aside): the same result as doing it here, or done here."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from conftest import FIXTURE_CORPUS
from dossier import aside
from dossier.aside import Aside


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aside, "cores", lambda: 2)


def test_work_goes_to_a_forked_process_and_its_result_comes_back(two_cores: None) -> None:
    assert aside.can_fork()
    job = Aside(lambda: (os.getpid(), {"docs/data/x.json": b"\x00\xff" * 1000}))
    pid, files = job.result()
    assert pid != os.getpid()
    assert files == {"docs/data/x.json": b"\x00\xff" * 1000}


def test_a_failure_in_the_child_shows_as_it_would_here(two_cores: None) -> None:
    calls: list[int] = []

    def work() -> None:
        calls.append(os.getpid())  # the parent's list: only the call made here lands in it
        raise ValueError("a bug in an export")

    job = Aside(work)
    with pytest.raises(ValueError, match="a bug in an export"):
        job.result()
    assert calls == [os.getpid()]


def test_nothing_is_forked_while_another_thread_runs(two_cores: None) -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not aside.can_fork()
        assert Aside(os.getpid).result() == os.getpid()
    finally:
        stop.set()
        other.join()


def test_one_core_does_the_work_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aside, "cores", lambda: 1)
    assert Aside(os.getpid).result() == os.getpid()


def test_a_render_is_the_same_with_and_without_work_aside(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from dossier import validate
    from dossier.build import render

    corpus, _ = validate.load_corpus(FIXTURE_CORPUS)
    monkeypatch.setattr(aside, "cores", lambda: 2)
    assert aside.can_fork()
    forked = render(corpus, FIXTURE_CORPUS)
    monkeypatch.setattr(aside, "cores", lambda: 1)
    here = render(corpus, FIXTURE_CORPUS)
    assert forked == here
    assert any(path.startswith("docs/data/") for path in here)
