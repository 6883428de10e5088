"""Parse articles in batches and extract briefs, with a cache by content.

The pipeline is loaded once; an unchanged article (same text, metadata, model
and extraction code) is never parsed again.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterator, Sequence
from pathlib import Path

from generator import nlp
from generator.fingerprint import code_fingerprint
from generator.memory import paused_gc
from generator.model import Article, Brief, Problem

BATCH_SIZE = 16


class Cache:
    """Briefs on disk, keyed by article content, model and code."""

    def __init__(self, directory: Path | None, model: str) -> None:
        self.directory = directory
        self.salt = f"{code_fingerprint()}|{nlp.model_id(model)}"

    def key(self, article: Article) -> str:
        return hashlib.sha256(f"{self.salt}|{article!r}".encode()).hexdigest()

    def get(self, article: Article) -> Brief | None:
        if self.directory is None:
            return None
        f = self.directory / f"{self.key(article)}.pickle"
        try:
            brief = pickle.loads(f.read_bytes())
        except (OSError, pickle.PickleError, EOFError, AttributeError, TypeError, ValueError):
            return None
        return brief if isinstance(brief, Brief) and brief.article == article else None

    def put(self, article: Article, brief: Brief) -> None:
        if self.directory is None:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        f = self.directory / f"{self.key(article)}.pickle"
        tmp = f.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(brief, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(f)


def analyse(
    articles: Sequence[Article],
    *,
    model: str = nlp.DEFAULT_MODEL,
    cache_dir: Path | None = None,
) -> Iterator[Brief | Problem]:
    """Briefs for ``articles`` in order, parsing only those not in the cache.

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
    from generator.extract import extract_brief

    docs = nlp.load_pipeline(model).pipe((a.body for a in todo), batch_size=BATCH_SIZE)
    for article, brief in zip(articles, cached, strict=True):
        if brief is None:
            doc = next(docs)
            try:
                brief = extract_brief(nlp.parse(article, doc))
            except Exception as exc:  # one article's bug must not stop the rest
                yield Problem(
                    path=article.path,
                    message=f"extraction failed ({type(exc).__name__}: {exc}); please report this with the article",
                )
                continue
            cache.put(article, brief)
        yield brief
