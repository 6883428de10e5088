"""Shared fixtures: the real pipeline is loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator import ingest
from generator.model import Article

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
