"""Pages rendered on every core: the same pages, in the same order, as in one process."""

from __future__ import annotations

import functools
import os
import threading
from pathlib import Path

import pytest

from generator import render_pool
from generator.pipeline import Settings, build_site
from generator.render_pool import Pages, render_all
from tests.sitetools import generated_tree, make_project

PARENT = os.getpid()


def page(i: int) -> Pages:
    return [(f"briefs/p{i}.md", f"page {i} rendered in {'this' if os.getpid() == PARENT else 'another'} process\n")]


def fails_elsewhere(i: int) -> Pages:
    if os.getpid() != PARENT:
        raise RuntimeError("a forked process failed")
    return page(i)


def fails(i: int) -> Pages:
    if i == 7:
        raise ValueError("page 7 cannot be rendered")
    return page(i)


@pytest.fixture
def small_shares(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render_pool, "MIN_PER_PROCESS", 2)


@pytest.mark.usefixtures("small_shares")
def test_pages_come_back_in_order_from_every_process() -> None:
    tasks = [functools.partial(page, i) for i in range(25)]
    pages = render_all(tasks, processes=3)
    assert [p[0][0] for p in pages] == [f"briefs/p{i}.md" for i in range(25)]
    where = {p[0][1].split(" in ")[1] for p in pages}
    if threading.active_count() == 1:
        assert where == {"this process\n", "another process\n"}  # the work was shared
    else:  # another test left a thread behind: never fork beside one (it may hold a lock)
        assert where == {"this process\n"}


@pytest.mark.usefixtures("small_shares")
def test_a_share_that_fails_in_another_process_is_rendered_here() -> None:
    pages = render_all([functools.partial(fails_elsewhere, i) for i in range(10)], processes=2)
    assert [p[0][0] for p in pages] == [f"briefs/p{i}.md" for i in range(10)]
    assert all("this process" in p[0][1] for p in pages)


@pytest.mark.usefixtures("small_shares")
def test_an_error_in_any_share_is_the_builds_error() -> None:
    with pytest.raises(ValueError, match="page 7"):
        render_all([functools.partial(fails, i) for i in range(10)], processes=2)


def test_one_process_for_few_pages() -> None:
    assert render_pool.processes_for(render_pool.MIN_PER_PROCESS * 2 - 1, 4) == 1
    assert render_pool.processes_for(render_pool.MIN_PER_PROCESS * 2, 4) == 2


@pytest.mark.slow
@pytest.mark.usefixtures("small_shares")
def test_a_site_rendered_on_two_processes_is_the_site_rendered_on_one(tmp_path: Path) -> None:
    from tests.test_incremental import BERLIN, LISBON, PARIS

    seeds = {"seeds/paris.txt": PARIS, "seeds/berlin.txt": BERLIN, "seeds/lisbon.txt": LISBON}
    one, two = make_project(tmp_path / "one", files=seeds), make_project(tmp_path / "two", files=seeds)
    a = build_site(Settings(root=one, processes=1))
    b = build_site(Settings(root=two, processes=2))
    assert a.written == b.written and len(a.written) > 10
    assert generated_tree(one / "docs") == generated_tree(two / "docs")
