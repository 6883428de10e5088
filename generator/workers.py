"""Every core for ``newsbrief build``: batches over a process pool, results in order.

Each worker process runs :func:`generator.batch.extract_batch`, the function
the Dask path runs too, and loads the pipeline once, on its first batch. Small
inputs stay in this process: starting processes (and a pipeline in each)
costs more than it saves for a handful of articles.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat

from generator import nlp
from generator.batch import extract_batch
from generator.model import Article
from generator.records import Record

CHUNK = 32
"""Articles per task: two ``nlp.pipe`` batches, small enough to keep every process busy to the end."""
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


def chunks(articles: Sequence[Article], size: int) -> list[Sequence[Article]]:
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def extract_records(articles: Sequence[Article], model: str, processes: int = 0) -> Iterator[Record]:
    """One record per article, in order, parsed on ``processes`` processes (0: every core)."""
    n = processes_for(len(articles), processes)
    if n == 1:
        for batch in chunks(articles, CHUNK):
            yield from extract_batch(batch, model)
        return
    # fork where there is one: workers start at once and share the pipeline loaded here
    # (once per process: a second build, under mkdocs serve, forks it again for free).
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        nlp.load_pipeline(model)
    with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context(method)) as pool:
        for records in pool.map(extract_batch, chunks(articles, CHUNK), repeat(model)):
            yield from records
