"""Extraction on Dask: a LocalCluster of two processes writes the single-process records;
an article that kills its worker is recorded with the error and the run goes on."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")

from distributed import Client, WorkerPlugin, get_task_stream

from generator import nlp
from generator.cluster import (
    LAST_PARTITION,
    PARTITION,
    connect,
    fill_locally,
    fill_on_cluster,
    parse_scheduler,
    partitions,
)
from generator.pipeline import read_articles
from generator.records import Record
from generator.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "scale"


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with connect("local:2") as c:
        yield c


def records(store: Store) -> dict[str, Record]:
    return {r["id"]: r for r in store.records()}


def test_scheduler_addresses() -> None:
    assert parse_scheduler("local:3") == 3
    assert parse_scheduler("local") == len(os.sched_getaffinity(0))
    assert parse_scheduler("tcp://10.0.0.5:8786") is None
    with pytest.raises(ValueError):
        parse_scheduler("local:0")


@pytest.mark.parametrize(("count", "workers"), [(2125, 2), (300, 2), (36, 2), (30, 10), (5, 10), (1, 4)])
def test_partitions_shrink_as_the_work_runs_out(count: int, workers: int) -> None:
    articles = [f"article {i}" for i in range(count)]
    parts = partitions(articles, workers)  # type: ignore[arg-type]
    assert [a for part in parts for a in part] == articles
    sizes = [len(part) for part in parts]
    assert len(parts) >= min(count, workers)  # every worker gets work
    assert sizes == sorted(sizes, reverse=True) or sizes[:-1] == sorted(sizes[:-1], reverse=True)
    assert max(sizes) <= PARTITION and sizes[-1] <= LAST_PARTITION  # the end is quick
    if count > 1000:  # few tasks for the scheduler, the client and the store
        assert len(parts) < count // 50


def test_workers_keep_glibcs_own_malloc_settings(client: Client) -> None:
    """Any MALLOC_TRIM_THRESHOLD_ (the nanny sets one) also freezes glibc's mmap threshold, so each
    large array the parser makes is a fresh mmap faulted in page by page: 14 ms of system CPU an
    article instead of 1.5 (bench/dask_worker.py). The workers run with glibc's defaults, as the
    process pool of ``newsbrief build`` does."""
    for name in ("MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_"):
        assert set(client.run(os.environ.get, name).values()) == {None}


def test_two_worker_processes_give_exactly_the_single_process_records(client: Client, tmp_path: Path) -> None:
    articles, _ = read_articles([FIXTURES])
    single, dask = Store(tmp_path / "single"), Store(tmp_path / "dask")
    fill_locally(single, articles, model=nlp.DEFAULT_MODEL, processes=1)
    shards: list[int] = []
    with get_task_stream(client) as stream:
        outcome = fill_on_cluster(dask, articles, client, model=nlp.DEFAULT_MODEL, on_shard=shards.append)
    assert (outcome.extracted, outcome.failures, outcome.skipped) == (36, (), 0)
    assert sorted(shards) == sorted(len(part) for part in partitions(articles, 2))  # a shard per partition
    assert records(dask) == records(single)
    # Both workers extracted partitions (every worker loads the pipeline up front, so the
    # pipeline cache cannot tell; the scheduler's task stream can).
    extracting = {t["worker"] for t in stream.data if str(t["key"]).startswith("extract_batch")}
    assert extracting == set(client.scheduler_info()["workers"])
    again = fill_on_cluster(dask, articles, client, model=nlp.DEFAULT_MODEL)
    assert (again.extracted, again.skipped) == (0, 36)


class Poison(WorkerPlugin):
    """Makes extraction kill its worker process on one article and raise on another."""

    def setup(self, worker: Any) -> None:
        from generator import batch

        real = batch.extract_brief

        def poisoned(parsed: Any) -> Any:
            if "KILL THE WORKER" in parsed.text:
                os._exit(13)
            if "RAISE AN ERROR" in parsed.text:
                raise RuntimeError("poisoned article")
            return real(parsed)

        self.real = real
        batch.extract_brief = poisoned

    def teardown(self, worker: Any) -> None:
        from generator import batch

        batch.extract_brief = self.real


def test_an_article_that_kills_its_worker_is_recorded_and_the_run_goes_on(client: Client, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "city", seeds)
    (seeds / "kill.txt").write_text(
        "Council plans a vote\n\nThe council said on Monday it would KILL THE WORKER vote.\n", encoding="utf-8"
    )
    (seeds / "raise.txt").write_text(
        "Council plans a vote\n\nThe council said on Tuesday it would RAISE AN ERROR soon.\n", encoding="utf-8"
    )
    articles, _ = read_articles([seeds])
    client.register_plugin(Poison(), name="poison")
    try:
        store = Store(tmp_path / "store")
        outcome = fill_on_cluster(store, articles, client, model=nlp.DEFAULT_MODEL)
    finally:
        client.unregister_worker_plugin("poison")
    found = records(store)
    assert len(found) == len(articles) == 10
    assert "died" in found["kill"]["error"] and "poisoned article" in found["raise"]["error"]
    assert sorted(p.path.rsplit("/", 1)[-1] for p in outcome.failures) == ["kill.txt", "raise.txt"]
    assert all("error" not in r for k, r in found.items() if k not in {"kill", "raise"})


def test_the_command_line_extracts_on_a_running_cluster_into_a_store(client: Client, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    store = tmp_path / "store"
    address = client.scheduler.address  # tcp://127.0.0.1:PORT, as a cluster started elsewhere
    assert address.startswith("tcp://")
    args = ["extract", str(FIXTURES / "dated"), "--store", str(store), "--scheduler", address]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "4 article(s) extracted, 0 already in the store, 0 failed" in first.output
    second = CliRunner().invoke(main, args)
    assert "0 article(s) extracted, 4 already in the store" in second.output
    assert sorted(records(Store(store))) == ["000", "001", "002", "003"]
    unusable = CliRunner().invoke(main, ["extract", str(FIXTURES / "dated"), "--scheduler", "local:1"])
    assert unusable.exit_code == 2 and "--store" in unusable.output
