"""Shared fixtures: the real pipeline is loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator import ingest
from generator.model import Article
from generator.site.layout import OWNED_FOLDERS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8dabb732faecaf91.txt"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from generator.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_article() -> Article:
    return ingest.load(SEED)


@pytest.fixture(scope="session")
def parse(nlp) -> Callable[[str], tuple[Article, object]]:  # type: ignore[no-untyped-def]
    """Turn plain text into (article, doc) the way the pipeline does."""

    def _parse(text: str) -> tuple[Article, object]:
        article = ingest.loads(text, "test.txt")
        return article, nlp(article.body)

    return _parse


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="Rewrite the golden files under tests/golden/ from the current output.",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/NAME; ``pytest --update-goldens`` rewrites it."""

    def _check(name: str, actual: str) -> None:
        path = ROOT / "tests" / "golden" / name
        if request.config.getoption("--update-goldens"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}; create it with: pytest --update-goldens"
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, f"{name} differs from its golden file; review, then: pytest --update-goldens"

    return _check


def copy_project(dest: Path, *, seeds: bool = True) -> Path:
    """A throwaway copy of the project's site sources (mkdocs.yml, docs, templates, seeds)."""
    import shutil

    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", dest / "templates")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(
        ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns(*OWNED_FOLDERS)
    )
    (dest / "seeds").mkdir()
    if seeds:
        shutil.copy(SEED, dest / "seeds" / SEED.name)
    return dest
