"""Parse articles in batches and extract briefs, with a cache by content.

The pipeline is loaded once; an unchanged article (same text, metadata, model
and extraction code) is never parsed again.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator import nlp
from generator.cache import Cache
from generator.fingerprint import code_fingerprint
from generator.memory import paused_gc
from generator.model import Article, Brief, Problem
from generator.records import from_record, is_error, to_problem

if TYPE_CHECKING:
    from generator.workers import Standby

__all__ = ["Cache", "analyse", "code_fingerprint"]


def analyse(
    articles: Sequence[Article],
    *,
    model: str = nlp.DEFAULT_MODEL,
    cache_dir: Path | None = None,
    processes: int = 0,
    standby: Standby | None = None,
) -> Iterator[Brief | Problem]:
    """Briefs for ``articles`` in order, parsing only those not in the cache, on
    ``processes`` processes (0: every core; 1: this process only), or on
    ``standby``, a process that loaded the pipeline meanwhile, when only a few changed.

    A failure while extracting one article becomes a :class:`Problem` for that
    article; the others still come through.
    """
    cache = Cache(cache_dir, model)
    with paused_gc():  # thousands of small objects per brief, none of them garbage
        cached = [cache.get(a) for a in articles]
    todo = [a for a, b in zip(articles, cached, strict=True) if b is None]
    if not todo:  # everything cached: neither spaCy nor the pipeline is loaded
        yield from (b for b in cached if b is not None)
        return
    # Imported only now: the extractors and their word lists are not needed when everything is cached.
    from generator.workers import extract_records

    fresh = extract_records(todo, model, processes, standby)
    for article, brief in zip(articles, cached, strict=True):
        if brief is None:
            record = next(fresh)
            if is_error(record):
                yield to_problem(record)
                continue
            brief = from_record(record)
            cache.put(article, brief)
        yield brief
