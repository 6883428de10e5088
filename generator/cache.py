"""Briefs on disk as JSON records, keyed by article content, model and code.

JSON, not pickle: the cache folder is just a folder, and a pickle someone
dropped there would run code when loaded. Files of any other name are never
read.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from generator import atomic, nlp
from generator.model import Article, Brief
from generator.records import from_record, to_record


def cache_salt(model: str) -> str:
    """What a brief depends on besides its article: the generator's code and data, and the model."""
    from generator.fingerprint import code_fingerprint

    return f"{code_fingerprint()}|{nlp.model_id(model)}"


class Cache:
    """Briefs on disk, keyed by article content, model and code."""

    def __init__(self, directory: Path | None, model: str) -> None:
        self.directory = directory
        self.salt = cache_salt(model) if directory is not None else ""

    def key(self, article: Article) -> str:
        return hashlib.sha256(f"{self.salt}|{article!r}".encode()).hexdigest()

    def _file(self, article: Article) -> Path | None:
        return None if self.directory is None else self.directory / f"{self.key(article)}.json"

    def get(self, article: Article) -> Brief | None:
        f = self._file(article)
        if f is None:
            return None
        try:
            brief = from_record(json.loads(f.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return brief if brief.article == article else None

    def put(self, article: Article, brief: Brief) -> None:
        f = self._file(article)
        if f is not None:
            atomic.write_text(f, json.dumps(to_record(brief), ensure_ascii=False))
