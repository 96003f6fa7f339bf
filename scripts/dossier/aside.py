"""Work done on another core while this process goes on, where that is safe.

The generator is one process on a machine that usually has more cores. Two stretches of its
work need nothing from what comes after them: reading the report pages (each page is checked
on its own) and making the statements' pages and the data exports (from the finished index).
Those run in forked processes while this one goes on.

A fork copies the process, locks included: a lock some other thread holds at that moment
stays held in the child for ever. So work is sent aside only when this process runs no other
thread (the command line, and `mkdocs serve` before its server starts); otherwise, and on a
single core, it is done here, in turn. Either way the result is the same.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import pickle
import threading
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """True if work can go to forked processes: more than one core, fork available, and no
    thread but this one."""
    return (
        cores() > 1
        and threading.active_count() == 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


_HERE = {"only": False}


def keep_here() -> None:
    """From now on, `Aside` does its work in this process. For a process that builds again and
    again (`mkdocs serve`): the caches a child warms are the child's, and this process's next,
    incremental, run would find its own cold. (Pages read by worker processes come back whole
    and are kept here, validate._READ, so reading still uses them while it can fork.)"""
    _HERE["only"] = True


class Aside(Generic[T]):
    """`work()`, started in a forked process if `can_fork()`; `result()` waits for it. If the
    child fails in any way, `result()` does the work here: a failure then shows as it would
    have without the child, and a success costs only the time."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._process: multiprocessing.process.BaseProcess | None = None
        if _HERE["only"] or not can_fork():
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, args=(work, send), daemon=True)
        self._process.start()
        send.close()  # the child holds its own end; EOF here once it exits

    def result(self) -> T:
        if self._process is None:
            return self._work()
        try:
            message = self._receive.recv_bytes()
        except (EOFError, OSError):
            message = b""
        finally:
            self._receive.close()
            self._process.join()
        if message[:1] == b"+":
            value: T = pickle.loads(message[1:])
            return value
        return self._work()


def _child(work: Callable[[], object], send: multiprocessing.connection.Connection) -> None:
    try:
        message = b"+" + pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:  # the parent does the work again, and shows the error itself
        message = b"-" + traceback.format_exc().encode("utf-8", "replace")
    send.send_bytes(message)
    send.close()
