"""Fill an extraction store on a Dask cluster, or on this machine's processes.

Both ways run :func:`generator.batch.extract_batch` over partitions of a few
hundred articles and write one shard per partition as it completes, so a
killed run keeps every finished partition and a rerun parses only the rest.
Workers return plain records, never spaCy Docs; each worker process loads
the pipeline once, on its first partition.

A partition whose worker dies (an article that crashes the parser, memory
running out) is split into batches, then single articles, and run again: the
article that still kills its worker is recorded with the error and the run
goes on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator import nlp
from generator.batch import BATCH_SIZE, extract_batch, warm_up
from generator.model import Article, Problem
from generator.records import Record, error_record, is_error, to_problem
from generator.store import Store, Versions
from generator.workers import chunks, cores, extract_records

if TYPE_CHECKING:
    from distributed import Client

PARTITION = 250
"""Articles per partition at most: enough for ``nlp.pipe`` to batch well, few enough to lose little to a crash."""
LAST_PARTITION = 8
"""Articles per partition at least: the last partitions, which decide how long the other
workers wait for the one still parsing at the end."""
SHARE = 4
"""A partition is at most 1/SHARE of what is left per worker (see :func:`partitions`)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """What one run did to the store."""

    extracted: int
    failures: tuple[Problem, ...]
    """One per article whose extraction failed (recorded in the store with its error)."""
    skipped: int
    """Articles already in the store with the same content, code and model."""


def partitions(articles: Sequence[Article], workers: int, partition: int = PARTITION) -> list[Sequence[Article]]:
    """Partitions that shrink as the work runs out: at most ``partition`` articles and a
    :data:`SHARE`-th of what is left per worker, at least :data:`LAST_PARTITION`.

    Equal partitions of a sixteenth of each worker's share left a worker idle
    for up to a sixteenth of the run at the end (67 articles, about six seconds of
    a core, on the BBC corpus); here the last ones take well under a second, and
    the first ones are big enough that the scheduler, the client and the store
    see few of them. Always at least as many partitions as workers (when there
    are as many articles).
    """
    out: list[Sequence[Article]] = []
    each = -(-len(articles) // max(1, workers))  # a worker's share, rounded up
    i = 0
    while i < len(articles):
        left = len(articles) - i
        size = min(max(LAST_PARTITION, left // (SHARE * workers)), partition, each)
        out.append(articles[i : i + size])
        i += size
    return out


def versions(model_id: str) -> Versions:
    from generator.analyse import code_fingerprint

    return Versions(generator=code_fingerprint(), model=model_id)


def _failures(records: list[Record]) -> list[Problem]:
    return [to_problem(r) for r in records if is_error(r)]


def fill_locally(
    store: Store, articles: Sequence[Article], *, model: str, processes: int = 0, partition: int = PARTITION
) -> Outcome:
    """The single-machine path: the process pool of ``newsbrief build``, one shard per partition."""
    done = versions(nlp.model_id(model))
    todo = store.missing(articles, done)
    failures: list[Problem] = []
    records = extract_records(todo, model, processes)
    for part in chunks(todo, partition):
        recs = [next(records) for _ in part]
        store.add(part, recs, done)
        failures.extend(_failures(recs))
    return Outcome(extracted=len(todo) - len(failures), failures=tuple(failures), skipped=len(articles) - len(todo))


def parse_scheduler(scheduler: str) -> int | None:
    """Workers of a ``local[:N]`` scheduler (None for a cluster's address)."""
    if scheduler == "local":
        return cores()
    if scheduler.startswith("local:"):
        n = int(scheduler.removeprefix("local:"))
        if n < 1:
            raise ValueError("local:N needs N >= 1 worker processes")
        return n
    return None


LOCAL_CONFIG: dict[str, object] = {
    # A worker killed by one article fails its task at once: this module retries it smaller.
    "distributed.scheduler.allowed-failures": 0,
    # Dask's sampling profiler walks the deep stacks of extraction every 10 ms.
    "distributed.worker.profile.enabled": False,
    # glibc's own malloc settings, as in the process pool of ``newsbrief build``. The nanny
    # sets MALLOC_TRIM_THRESHOLD_ (64 KiB) so that workers hand freed memory back; spaCy
    # allocates and frees so much per Doc that this cost 40% more CPU per partition. Any value
    # of it also freezes glibc's mmap threshold at 128 KiB, so every large array the parser
    # makes is a fresh mmap whose pages fault in again: 4,900 minor faults and 14 ms of system
    # CPU an article instead of 250 and 1.5 ms (bench/dask_worker.py). None leaves it unset.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # Every process of the cluster wakes up for its own bookkeeping: the event loop's check
    # for blocking every 20 ms, the memory monitor every 100 ms, the system monitor every
    # 500 ms, work stealing. In a worker each wake-up takes the interpreter from the
    # extraction; on two cores the client and scheduler take CPU from the workers. None of
    # it is needed for a few long tasks, handed out two per worker.
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.scheduler.work-stealing": False,
}
"""Settings of the local clusters this module starts; set the same on a cluster you run yourself."""


@contextlib.contextmanager
def connect(scheduler: str) -> Iterator[Client]:
    """A client of the cluster at ``tcp://HOST:PORT``, or of a ``LocalCluster`` for ``local[:N]``."""
    import dask
    from distributed import Client, LocalCluster

    workers = parse_scheduler(scheduler)
    if workers is None:
        with Client(scheduler) as client:
            yield client
        return
    with (
        dask.config.set(LOCAL_CONFIG),
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _died(article: Article, exc: BaseException) -> Record:
    return error_record(
        article.path,
        f"the worker extracting this article died ({type(exc).__name__}); it was skipped",
        id=article.slug,
    )


def fill_on_cluster(
    store: Store,
    articles: Sequence[Article],
    client: Client,
    *,
    model: str,
    partition: int = PARTITION,
    on_shard: Callable[[int], None] | None = None,
) -> Outcome:
    """The distributed path: partitions over the cluster's workers, a shard per finished partition."""
    from distributed import as_completed

    # Ask a worker which pipeline it has: the client never loads spaCy, and a missing
    # model is one clear error instead of one per partition.
    done = versions(client.submit(nlp.model_id, model, pure=False).result())
    todo = store.missing(articles, done)
    if todo:
        # Every worker loads the pipeline and the extractors' tables now, all at once,
        # instead of in its first partition while the others wait for the stragglers.
        client.run(warm_up, model)
    workers = max(1, len(client.scheduler_info()["workers"]))
    queue = partitions(todo, workers, partition)
    queue.reverse()  # popped from the end: first partitions first
    parts: dict[Any, Sequence[Article]] = {}

    def submit(part: Sequence[Article]) -> Any:
        future = client.submit(extract_batch, list(part), model, pure=False)
        parts[future] = part
        return future

    # At most two partitions per worker in flight: the articles of a huge corpus never sit
    # all at once in the scheduler's memory.
    running = as_completed([submit(queue.pop()) for _ in range(min(len(queue), 2 * workers))])
    failures: list[Problem] = []
    quarantine: list[Article] = []

    def done_with(part: Sequence[Article], records: list[Record]) -> None:
        store.add(part, records, done)
        failures.extend(_failures(records))
        if on_shard is not None:
            on_shard(len(part))

    for future in running:
        part = parts.pop(future)
        try:
            records: list[Record] = future.result()
        except Exception:
            # A worker died under this partition: maybe because of one of its articles,
            # maybe because it shared the worker with one. Smaller batches find out.
            if len(part) > BATCH_SIZE:
                for piece in chunks(part, BATCH_SIZE):
                    running.add(submit(piece))
            else:
                quarantine.extend(part)
        else:
            done_with(part, records)
        if queue:
            running.add(submit(queue.pop()))
    # One article at a time, nothing else running: a worker that dies now most likely died of
    # this article. Twice in a row, to be sure: a worker can also be lost for reasons of its own
    # (a missed heartbeat on a loaded machine), and that must not condemn the article it had.
    for article in quarantine:
        for _ in (1, 2):
            future = submit([article])
            parts.pop(future)
            try:
                records = future.result()
                break
            except Exception as exc:
                records = [_died(article, exc)]
        done_with([article], records)
    return Outcome(extracted=len(todo) - len(failures), failures=tuple(failures), skipped=len(articles) - len(todo))
