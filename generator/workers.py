"""Every core for ``newsbrief build``: batches over a process pool, results in order.

Each worker process runs :func:`generator.batch.extract_batch`, the function
the Dask path runs too, and loads the pipeline once, on its first batch. Small
inputs stay in one process: starting processes (and a pipeline in each)
costs more than it saves for a handful of articles. That one process can be a
:class:`Standby`, started when the build begins, so the pipeline loads while
this process reads the articles and the cache.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from typing import TYPE_CHECKING

from generator.model import Article
from generator.records import Record

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

CHUNK = 32
"""Articles per task at most: two ``nlp.pipe`` batches."""
LAST_CHUNK = 8
"""Articles per task at least, once few are left (see :func:`guided_chunks`)."""
MIN_PER_PROCESS = 16
"""Fewer articles than this per process and the extra processes are not worth starting."""


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def processes_for(count: int, requested: int = 0) -> int:
    """How many processes ``count`` articles get: ``requested`` (0: every core), at most one
    per :data:`MIN_PER_PROCESS` articles; 1 means this process."""
    wanted = requested if requested > 0 else cores()
    return max(1, min(wanted, count // MIN_PER_PROCESS))


def _start_method() -> str:
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def _standing_by(conn: Connection, model: str) -> None:
    """The standby process: load everything, then extract each list of articles sent."""
    from generator.batch import extract_batch, warm_up

    try:
        warm_up(model)
    except BaseException:  # e.g. the model is not installed: the build meets the error itself
        conn.close()
        return
    while True:
        try:
            articles = conn.recv()
        except (EOFError, OSError):  # the build is over
            return
        conn.send(extract_batch(articles, model))


class Standby:
    """A process that loads the pipeline (and the extractors' tables) as soon as it starts.

    Started when a build expects a few changed articles: the one or two seconds
    of loading then overlap this process reading the articles and the cache.
    It extracts the articles it is sent, exactly as :func:`extract_records` on
    one process would (the same :func:`generator.batch.extract_batch`).
    """

    def __init__(self, model: str) -> None:
        # Forked only from a single-threaded process (the command line): under ``mkdocs serve``
        # another thread may hold a lock at the moment of the fork, which the child would wait
        # for forever. A spawned process starts a little slower, still beside this one.
        fork = _start_method() == "fork" and threading.active_count() == 1
        ctx = multiprocessing.get_context("fork") if fork else multiprocessing.get_context("spawn")
        self.model = model
        self._conn, theirs = ctx.Pipe()
        self._process = ctx.Process(target=_standing_by, args=(theirs, model), daemon=True, name="newsbrief-standby")
        self._process.start()
        theirs.close()

    def extract(self, articles: Sequence[Article]) -> list[Record] | None:
        """Records of ``articles`` in order, or None when the process is gone
        (it could not load the pipeline, or died): the caller extracts them itself."""
        try:
            self._conn.send(list(articles))
            while not self._conn.poll(1.0):
                if not self._process.is_alive():
                    return None
            records: list[Record] = self._conn.recv()
        except (EOFError, OSError):
            return None
        return records if len(records) == len(articles) else None

    def close(self) -> None:
        """Stop the process, at once if it is still loading: nothing is left for it."""
        with contextlib.suppress(OSError):
            self._conn.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=5)


@contextlib.contextmanager
def frozen_gc() -> Iterator[None]:
    """Processes forked inside the block find every object made so far outside the cyclic
    garbage collector's reach (``gc.freeze``), as Python's documentation advises before a fork.

    The pipeline, the gazetteer and the word lists are some 85,000 tracked objects that
    are never garbage; each full collection in a worker walked them all again (and
    touched their pages, which then stop being shared with this process): 0.7 ms of a
    worker's CPU an article, 0.2 ms with them frozen (150 BBC articles). This process
    gets them back into the collector's care when the block ends.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def chunks(articles: Sequence[Article], size: int) -> list[Sequence[Article]]:
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def guided_chunks(articles: Sequence[Article], processes: int) -> list[Sequence[Article]]:
    """Tasks for ``processes`` processes: :data:`CHUNK` articles while many are left, then
    smaller, down to :data:`LAST_CHUNK`, so the processes finish at about the same time.

    With equal tasks of 32 articles (three seconds of one core) one process
    could sit idle for most of a task's time at the end while the other parsed
    its last one; each task here is at most half of what is left per process.
    """
    out: list[Sequence[Article]] = []
    i = 0
    while i < len(articles):
        left = len(articles) - i
        size = max(LAST_CHUNK, min(CHUNK, left // (2 * processes)))
        out.append(articles[i : i + size])
        i += size
    return out


def extract_records(
    articles: Sequence[Article], model: str, processes: int = 0, standby: Standby | None = None
) -> Iterator[Record]:
    """One record per article, in order, parsed on ``processes`` processes (0: every core);
    on ``standby`` when one process is enough and the standby has that model."""
    # Imported here: the build imports this module before it knows whether anything needs parsing.
    from generator.batch import extract_batch, warm_up

    n = processes_for(len(articles), processes)
    if n == 1:
        records = standby.extract(articles) if standby is not None and standby.model == model else None
        if records is not None:
            yield from records
            return
        for batch in chunks(articles, CHUNK):
            yield from extract_batch(batch, model)
        return
    # fork where there is one: workers start at once and share the pipeline and the extractors'
    # tables loaded here (once per process: a second build, under mkdocs serve, forks them again
    # for free). Loaded here, the tables are read once instead of once per worker, and the
    # catalog finds the gazetteer it needs already loaded.
    method = _start_method()
    with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context(method)) as pool:
        if method == "fork":
            warm_up(model)
            with frozen_gc():  # map() submits every task, so the workers are forked inside it
                results = pool.map(extract_batch, guided_chunks(articles, n), repeat(model))
        else:
            results = pool.map(extract_batch, guided_chunks(articles, n), repeat(model))
        for records in results:
            yield from records
