"""Render pages on every core: this process and forked copies of it, each a share of the pages.

Pages are rendered from the catalog, which needs every brief, so rendering
starts when parsing ends; done in one process it was a serial tail of seconds
on a cold build (about 3 CPU-seconds for 300 articles) while the other cores
idled. A forked process has the catalog and the renderer already, so nothing
is sent to it but its share's number; it sends back the pages' Markdown.
Shares are interleaved (page i to share i mod n), so briefs, entity pages and
the list pages spread evenly.

Rendering is deterministic and has no side effects, so a share rendered in
another process is exactly the share rendered here. When a process cannot be
forked (no ``fork``, other threads running, as under ``mkdocs serve``), dies
or fails, its share is rendered in this process, where any error is the
error the build reports.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from generator.workers import cores

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

Pages = list[tuple[str, str]]
MIN_PER_PROCESS = 200
"""Fewer pages than this per process and forking costs more than it saves (a page takes about a millisecond)."""

_tasks: Sequence[Callable[[], Pages]] = ()
"""The tasks of the rendering under way, seen by the forked processes (nothing is pickled to them)."""


def processes_for(count: int, requested: int = 0) -> int:
    wanted = requested if requested > 0 else cores()
    return max(1, min(wanted, count // MIN_PER_PROCESS))


def _share(share: int, n: int) -> list[Pages]:
    return [task() for task in _tasks[share::n]]


def _child(conn: Connection, share: int, n: int) -> None:
    try:
        result: list[Pages] | None = _share(share, n)
    except BaseException:  # rendered again in the parent, which reports the error
        result = None
    with contextlib.suppress(OSError):
        conn.send(result)
    conn.close()


def render_all(tasks: Sequence[Callable[[], Pages]], processes: int = 0) -> list[Pages]:
    """``task()`` for every task, in order, on ``processes`` processes (0: every core)."""
    global _tasks
    n = processes_for(len(tasks), processes)
    if n == 1 or "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return [task() for task in tasks]
    ctx = multiprocessing.get_context("fork")
    _tasks = tasks
    children: list[tuple[Connection, multiprocessing.process.BaseProcess]] = []
    try:
        for share in range(1, n):
            ours, theirs = ctx.Pipe(duplex=False)
            child = ctx.Process(target=_child, args=(theirs, share, n), daemon=True, name="newsbrief-render")
            child.start()
            theirs.close()
            children.append((ours, child))
        shares: list[list[Pages]] = [_share(0, n)]
        for share, (conn, _) in enumerate(children, start=1):
            try:
                got: list[Pages] | None = conn.recv()
            except (EOFError, OSError):
                got = None
            shares.append(got if got is not None else _share(share, n))
    finally:
        _tasks = ()
        for conn, process in children:
            conn.close()
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
    return [shares[i % n][i // n] for i in range(len(tasks))]
