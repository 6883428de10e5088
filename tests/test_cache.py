"""The build cache: JSON records only (never a pickle), safe under concurrent builds."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from pathlib import Path

from generator.cache import Cache
from generator.pipeline import Settings, extract_all, read_articles
from tests.conftest import SEED, copy_project


class _Payload:
    """Unpickling this touches a file: proof that a pickle was loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (Path.touch, (self.marker,))


def test_a_pickle_dropped_in_the_cache_is_never_loaded(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path, processes=1)
    articles, _ = read_articles([SEED])
    cache = Cache(settings.cache_dir, settings.model)
    assert cache.directory is not None
    cache.directory.mkdir(parents=True)
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Payload(marker))
    key = cache.key(articles[0])
    # Under the old cache's name, and under the name the cache reads now.
    (cache.directory / f"{key}.pickle").write_bytes(payload)
    (cache.directory / f"{key}.json").write_bytes(payload)
    briefs, problems = extract_all(articles, settings)
    assert not marker.exists()
    assert problems == [] and len(briefs) == 1
    # The unreadable entry was replaced by a good record, which the next run uses.
    assert cache.get(articles[0]) == briefs[0]


def test_concurrent_writes_of_one_entry_all_succeed(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path, processes=1)
    articles, _ = read_articles([SEED])
    (brief,), _ = extract_all(articles, Settings(cache=False, processes=1))
    cache = Cache(settings.cache_dir, settings.model)
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def put_many() -> None:
        start.wait()
        try:
            for _ in range(60):
                cache.put(articles[0], brief)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=put_many) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert cache.get(articles[0]) == brief
    assert cache.directory is not None
    assert [p.suffix for p in cache.directory.iterdir()] == [".json"]  # no temporary file left behind


def test_two_builds_at_once_both_succeed(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "generator", "build", "--root", str(root), "-j", "1"]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    assert (root / "docs" / "briefs" / "000-8dabb732faecaf91.md").exists()
