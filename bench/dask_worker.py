"""Where a Dask worker's CPU goes, against a process-pool worker on the same articles.

    python bench/dask_worker.py [--limit 150] [--rounds 2] [--dask-config '{"key": value}']

Runs the same partitions through :func:`generator.batch.extract_batch` in one
forked process-pool worker (the path of ``newsbrief build``) and in the one
worker of a ``local:1`` cluster (``newsbrief extract --scheduler``), in turn,
each warmed up first. Inside the worker it reads the process's resource usage
around the partitions: user and system CPU, the task thread's own CPU, minor
page faults, context switches and garbage collections, per article. One worker
each, so the two never compete with each other; rounds alternate the order.
``--dask-config`` adds Dask settings over :data:`generator.cluster.LOCAL_CONFIG`
(null unsets one), to try a setting. Run by hand; not a test.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import resource
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _shared import SHARED

from generator import nlp
from generator.batch import extract_batch, warm_up
from generator.cluster import LOCAL_CONFIG, connect
from generator.model import Article
from generator.pipeline import read_articles
from generator.workers import chunks

ENV = ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def usage() -> dict[str, float]:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "user": r.ru_utime,
        "system": r.ru_stime,
        "thread": time.thread_time(),
        "faults": r.ru_minflt,
        "switches": r.ru_nvcsw + r.ru_nivcsw,
        "gc": sum(s["collections"] for s in gc.get_stats()),
    }


def measured(parts: list[list[Article]], model: str) -> dict[str, object]:
    """Run in the worker: the partitions one after the other, and what they cost the process."""
    before = usage()
    for part in parts:
        extract_batch(part, model)
    after = usage()
    return {
        "cost": {k: after[k] - before[k] for k in before},
        "threads": threading.active_count(),
        "env": {k: os.environ[k] for k in ENV if k in os.environ},
    }


def on_pool(parts: list[list[Article]], model: str) -> dict[str, object]:
    nlp.load_pipeline(model)  # as extract_records does before it forks
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        pool.submit(warm_up, model).result()
        return pool.submit(measured, parts, model).result()


def on_dask(parts: list[list[Article]], model: str) -> dict[str, object]:
    with connect("local:1") as client:
        client.run(warm_up, model)
        result: dict[str, object] = client.submit(measured, parts, model, pure=False).result()
        return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--dask-config", default="{}", help="JSON: Dask settings over LOCAL_CONFIG")
    args = parser.parse_args()
    LOCAL_CONFIG.update(json.loads(args.dask_config))
    files = sorted((SHARED / "corpus" / "bbc").rglob("*.txt"))
    files = [f for f in files if f.name != "README.TXT"][: args.limit]
    articles, _ = read_articles(files)
    parts = [list(p) for p in chunks(articles, 32)]
    n = len(articles)
    runs = {"pool": on_pool, "dask": on_dask}
    for r in range(args.rounds):
        for name in sorted(runs, reverse=bool(r % 2)):
            t = time.perf_counter()
            out = runs[name](parts, nlp.DEFAULT_MODEL)
            wall = time.perf_counter() - t
            cost: dict[str, float] = out["cost"]  # type: ignore[assignment]
            print(
                f"{name:4}  user {1000 * cost['user'] / n:5.1f}  system {1000 * cost['system'] / n:5.1f}  "
                f"task thread {1000 * cost['thread'] / n:5.1f} ms/article; "
                f"faults {cost['faults'] / n:5.0f}/article; switches {cost['switches']:.0f}; gc {cost['gc']:.0f}; "
                f"threads {out['threads']}; env {out['env']}; {wall:.1f} s with start-up; "
                f"load {os.getloadavg()[0]:.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
