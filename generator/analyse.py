"""Parse articles in batches and extract briefs, with a cache by content.

The pipeline is loaded once; an unchanged article (same text, metadata, model
and extraction code) is never parsed again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from generator import nlp
from generator.cache import Cache
from generator.model import Article, Brief, Problem
from generator.records import from_record, is_error, to_problem
from generator.workers import extract_records

__all__ = ["Cache", "analyse", "code_fingerprint"]
_PACKAGE = Path(__file__).parent


def code_fingerprint() -> str:
    """A hash of the package's code and data: any change invalidates the cache."""
    h = hashlib.sha256()
    for f in sorted(_PACKAGE.rglob("*")):
        if f.is_file() and f.suffix in {".py", ".json", ".csv", ".txt", ".tsv", ".yml", ".yaml"}:
            h.update(f.relative_to(_PACKAGE).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def analyse(
    articles: Sequence[Article],
    *,
    model: str = nlp.DEFAULT_MODEL,
    cache_dir: Path | None = None,
    processes: int = 0,
) -> Iterator[Brief | Problem]:
    """Briefs for ``articles`` in order, parsing only those not in the cache, on
    ``processes`` processes (0: every core; 1: this process only).

    A failure while extracting one article becomes a :class:`Problem` for that
    article; the others still come through.
    """
    cache = Cache(cache_dir, model)
    cached = [cache.get(a) for a in articles]
    todo = [a for a, b in zip(articles, cached, strict=True) if b is None]
    fresh = extract_records(todo, model, processes)
    for article, brief in zip(articles, cached, strict=True):
        if brief is None:
            record = next(fresh)
            if is_error(record):
                yield to_problem(record)
                continue
            brief = from_record(record)
            cache.put(article, brief)
        yield brief
