"""Issue 16, class 6: the same input gives the same pages whatever the hash seed.

Names equal under case folding (Kiev/KIEV) used to keep the order of a set,
which changes with ``PYTHONHASHSEED``: the same seeds gave different pages,
and a rebuild with nothing changed reported pages written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitetools import generated_tree, make_project

pytestmark = pytest.mark.slow

SEEDS = {
    f"seeds/{name}.txt": f"Talks on grain resume\n\nOfficials met in {city} on Monday to discuss grain exports, "
    f"the ministry said. The talks in {city} will go on next week, in room {name.upper()}.\n"
    # Kiev names the page (two briefs); Kyiv and KYIV are its other names, equal under case folding.
    for name, city in (("a", "Kiev"), ("b", "Kiev"), ("c", "Kyiv"), ("d", "KYIV"))
}


def _build(root: Path, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(root), "--no-cache"],
                         env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr


def test_pages_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    trees = []
    for seed in ("1", "2", "3", "4"):
        root = make_project(tmp_path / seed, files=dict(SEEDS))
        _build(root, seed)
        trees.append(generated_tree(root / "docs"))
    assert all(tree.keys() == trees[0].keys() for tree in trees)
    for rel in trees[0]:
        assert all(tree[rel] == trees[0][rel] for tree in trees), f"docs/{rel} depends on PYTHONHASHSEED"
