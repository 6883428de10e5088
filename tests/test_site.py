"""The seed article end to end: golden brief, entity pages, strict MkDocs build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.pipeline import Settings, brief_markdown, build_site, read_articles
from tests.conftest import ROOT, SEED, copy_project

SEED_SLUG = "000-8dabb732faecaf91"


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("site"))
    report = build_site(Settings(root=root, cache=False))
    assert report.problems == []
    assert report.conflicts == []
    return root


def test_seed_brief_matches_golden(golden: Callable[[str, str], None]) -> None:
    result = brief_markdown(SEED, Settings(root=ROOT, cache=False))
    assert result.problems == ()
    assert result.markdown is not None
    golden("seed-brief.md", result.markdown)


def test_brief_command_prints_the_same_page(golden: Callable[[str, str], None]) -> None:
    result = CliRunner().invoke(main, ["brief", str(SEED), "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    golden("seed-brief.md", result.output)


def test_seed_builds_every_kind_of_page(seed_site: Path) -> None:
    docs = seed_site / "docs"
    brief = (docs / "briefs" / f"{SEED_SLUG}.md").read_text(encoding="utf-8")
    for section in ("## Key facts", "## What they said", "??? info nb-sourcing \"Sourcing notes", "## Mentioned",
                    "??? quote nb-original \"Original article"):
        assert section in brief
    assert (docs / "briefs" / "index.md").exists()
    for folder in ("people", "places", "organizations"):
        assert (docs / folder / "index.md").exists()
        assert len(list((docs / folder).glob("*.md"))) > 1
    peskov = (docs / "people" / "dmitry-peskov.md").read_text(encoding="utf-8")
    assert "There have indeed been contacts" in peskov
    assert f"../briefs/{SEED_SLUG}.md#p5" in peskov


def test_build_is_idempotent_and_removes_pages_of_deleted_articles(seed_site: Path) -> None:
    settings = Settings(root=seed_site, cache=False)
    again = build_site(settings)
    assert again.written == [] and again.removed == []
    (seed_site / "seeds" / SEED.name).rename(seed_site / "gone.txt")
    try:
        emptied = build_site(settings)
        assert f"briefs/{SEED_SLUG}.md" in emptied.removed
        assert not (seed_site / "docs" / "briefs" / f"{SEED_SLUG}.md").exists()
        assert (seed_site / "docs" / "about.md").exists()  # hand-written pages stay
    finally:
        (seed_site / "gone.txt").rename(seed_site / "seeds" / SEED.name)
        build_site(settings)


@pytest.mark.slow
def test_mkdocs_build_strict_from_fresh_copy(tmp_path: Path) -> None:
    """`mkdocs build --strict` on a clean copy generates the pages itself (plugin) and passes."""
    root = copy_project(tmp_path)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    site = root / "site"
    html = (site / "briefs" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    assert "There have indeed been contacts" in html
    assert (site / "people" / "dmitry-peskov" / "index.html").exists()
    assert not (site / "search" / "search_index.json").exists()  # no lunr index for every reader to download
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    # The brief and the hand-written about and scale pages; entity pages of a single
    # brief are found through it.
    assert entry["languages"]["en"]["page_count"] == 3


def test_articles_in_subfolders_get_slugs_from_their_path(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    for folder, extra in (("business", "Markets fell."), ("sport", "The match was drawn.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "001.txt").write_text(f"{text}\n{extra}\n", encoding="utf-8")
    articles, problems = read_articles([tmp_path])
    assert problems == []
    assert [a.slug for a in articles] == ["business-001", "sport-001"]


@pytest.mark.parametrize(
    ("folder", "page"),
    [("people", "dmitry-peskov.md"), ("places", "pokrovsk.md"), ("organizations", "kremlin.md")],
)
def test_entity_pages_match_golden(seed_site: Path, golden: Callable[[str, str], None], folder: str, page: str) -> None:
    """One page of each kind, as a reader sees it: name, roles, quotes, briefs, company kept."""
    golden(f"{folder}-{page}", (seed_site / "docs" / folder / page).read_text(encoding="utf-8"))
