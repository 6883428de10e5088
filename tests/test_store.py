"""The extraction store: the same records on every path, resume, build without spaCy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator import batch, nlp
from generator.cli import main
from generator.cluster import fill_locally
from generator.model import Article
from generator.pipeline import read_articles
from generator.records import Record
from generator.store import INDEX, Store
from tests.conftest import copy_project

FIXTURES = Path(__file__).parent / "fixtures" / "scale"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    found, problems = read_articles([FIXTURES])
    assert problems == [] and len(found) == 36
    return found


@pytest.fixture(scope="module")
def single(articles: list[Article], tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The store the single-process path writes: the reference for every other path."""
    store = Store(tmp_path_factory.mktemp("single"))
    outcome = fill_locally(store, articles, model=nlp.DEFAULT_MODEL, processes=1)
    assert (outcome.extracted, outcome.failures, outcome.skipped) == (36, (), 0)
    return store


def records(store: Store) -> dict[str, Record]:
    return {r["id"]: r for r in store.records()}


def test_the_store_holds_one_record_per_article_and_a_rerun_parses_nothing(
    articles: list[Article], single: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sorted(records(single)) == sorted(a.slug for a in articles)
    parsed: list[str] = []
    real = batch.extract_brief
    monkeypatch.setattr(batch, "extract_brief", lambda p: parsed.append(p.article.slug) or real(p))
    outcome = fill_locally(single, articles, model=nlp.DEFAULT_MODEL, processes=1)
    assert (outcome.extracted, outcome.skipped, parsed) == (0, 36, [])


def test_a_pool_of_two_processes_writes_the_same_records(
    articles: list[Article], single: Store, tmp_path: Path
) -> None:
    store = Store(tmp_path / "pool")
    fill_locally(store, articles, model=nlp.DEFAULT_MODEL, processes=2)
    assert records(store) == records(single)


def test_a_killed_run_resumes_with_only_what_is_missing(
    articles: list[Article], single: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "store")
    real_add = Store.add
    shards: list[int] = []

    def add_then_die(self: Store, part: Any, recs: Any, versions: Any) -> Path:
        if len(shards) == 2:
            # Killed while appending the third index line: a torn line, then nothing.
            with open(self.index_file, "a", encoding="utf-8") as f:
                f.write('{"shard": "shards/x.jsonl", "generat')
            raise KeyboardInterrupt
        shards.append(len(part))
        return real_add(self, part, recs, versions)

    monkeypatch.setattr(Store, "add", add_then_die)
    with pytest.raises(KeyboardInterrupt):
        fill_locally(store, articles, model=nlp.DEFAULT_MODEL, processes=1, partition=10)
    monkeypatch.setattr(Store, "add", real_add)
    assert len(store.index()) == 20
    parsed: list[str] = []
    real = batch.extract_brief
    monkeypatch.setattr(batch, "extract_brief", lambda p: parsed.append(p.article.slug) or real(p))
    outcome = fill_locally(store, articles, model=nlp.DEFAULT_MODEL, processes=1, partition=10)
    assert (outcome.extracted, outcome.skipped) == (16, 20)
    assert sorted(parsed) == sorted(a.slug for a in articles[20:])
    assert records(store) == records(single)


def test_a_changed_article_or_new_code_is_extracted_again(articles: list[Article], tmp_path: Path) -> None:
    from dataclasses import replace

    from generator.cluster import versions

    store = Store(tmp_path / "store")
    now = versions(nlp.model_id())
    store.add(articles[:2], [{"id": a.slug, "path": a.path, "error": "x"} for a in articles[:2]], now)
    changed = [replace(articles[0], title="Another title"), articles[1]]
    assert store.missing(changed, now) == [changed[0]]
    assert store.missing(changed, replace(now, generator="other code")) == changed


@pytest.fixture
def no_spacy(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any attempt to load a spaCy pipeline fails the test."""
    import spacy

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the spaCy model was loaded")

    monkeypatch.setattr(spacy, "load", refuse)
    monkeypatch.setattr(nlp, "load_pipeline", refuse)
    yield


def test_build_from_store_renders_the_site_without_spacy(single: Store, tmp_path: Path, no_spacy: None) -> None:
    root = copy_project(tmp_path, seeds=False)
    result = CliRunner().invoke(main, ["build", "--root", str(root), "--from-store", str(single.directory)])
    assert result.exit_code == 0, result.output
    assert "36 brief(s)" in result.output
    briefs = sorted(p.name for p in (root / "docs" / "briefs").glob("*.md"))
    assert "city-000.md" in briefs and "dated-003.md" in briefs
    assert list((root / "docs" / "people").glob("*.md"))


def test_the_plugin_takes_from_store(single: Store, tmp_path: Path, no_spacy: None) -> None:
    from types import SimpleNamespace

    from generator.plugin import NewsbriefPlugin

    root = copy_project(tmp_path, seeds=False)
    plugin = NewsbriefPlugin()
    assert plugin.load_config({"from_store": str(single.directory)}) == ([], [])
    plugin.on_pre_build(config=SimpleNamespace(config_file_path=str(root / "mkdocs.yml"), docs_dir=str(root / "docs")))
    assert (root / "docs" / "briefs" / "sport-003.md").exists()


def test_build_from_a_folder_that_is_no_store_is_a_clear_error(tmp_path: Path) -> None:
    root = copy_project(tmp_path, seeds=False)
    result = CliRunner().invoke(main, ["build", "--root", str(root), "--from-store", str(tmp_path / "nothing")])
    assert result.exit_code != 0 and INDEX in result.output


def test_a_shard_is_on_disk_before_the_index_names_it(
    articles: list[Article], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a power loss the index must not name a shard that was never written: the store
    would then be unreadable. So the shard (and its name in the folder) is synced first."""
    import os

    from generator.store import Versions

    synced: list[str] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)

    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc to name a synced file")
    monkeypatch.setattr(os, "fsync", fsync)
    store = Store(tmp_path / "store")
    record = {"id": articles[0].slug, "path": str(articles[0].path)}
    store.add(articles[:1], [record], Versions(generator="g", model="m"))
    index = synced.index(str(store.index_file))
    shard = next(i for i, name in enumerate(synced) if name.endswith(".tmp") and "/shards/" in name)
    assert shard < index
    assert str(store.directory / "shards") in synced[shard + 1 : index]  # the rename into the folder
