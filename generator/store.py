"""The extraction store: a folder of JSON Lines shards and an index.

::

    STORE/
      index.jsonl        one line per shard written, oldest first:
                         {"shard", "generator", "model", "articles": {id: content hash}}
      shards/*.jsonl     one record per article (the ``newsbrief extract`` schema)

Shards are written whole under a temporary name and renamed; the index line
is appended after, so a run killed at any moment leaves a store whose index
only names complete shards (a torn last line is ignored). The newest line
naming an article wins. A rerun parses only the articles whose content hash,
code fingerprint (``generator``) or model version differ from the index: a
killed run resumes where it stopped.

Reading a store needs neither spaCy nor the model: ``newsbrief build
--from-store`` renders the site from the records alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator import atomic
from generator.errors import NewsbriefError
from generator.model import Article, Brief, Problem
from generator.records import FORMAT, Record, article_record, from_record, is_error, to_problem

INDEX = "index.jsonl"
SHARDS = "shards"


def content_hash(article: Article) -> str:
    """A hash of everything about the article that extraction reads."""
    text = json.dumps([FORMAT, article_record(article)], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class Versions:
    """What else a record depends on besides its article."""

    generator: str
    """The code fingerprint (:func:`generator.analyse.code_fingerprint`)."""
    model: str
    """Name and version of the spaCy pipeline (:func:`generator.nlp.model_id`)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    shard: str
    hash: str
    versions: Versions


class StoreError(NewsbriefError, RuntimeError):
    """The folder is not an extraction store, or a shard it names is unreadable."""


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # no advisory locks on Windows; one writer at a time there
        yield
        return
    with open(path, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


class Store:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @property
    def index_file(self) -> Path:
        return self.directory / INDEX

    def index(self) -> dict[str, Entry]:
        """Article id → where its newest record is and what it was made from."""
        entries: dict[str, Entry] = {}
        try:
            lines = self.index_file.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return entries
        for line in lines:
            try:
                row = json.loads(line)
                versions = Versions(generator=row["generator"], model=row["model"])
                shard = row["shard"]
                articles = row["articles"]
            except (ValueError, KeyError, TypeError):
                continue  # the torn last line of a killed run
            for article_id, digest in articles.items():
                entries[article_id] = Entry(shard=shard, hash=digest, versions=versions)
        return entries

    def missing(self, articles: Sequence[Article], versions: Versions) -> list[Article]:
        """The articles whose record is absent or stale, in order."""
        index = self.index()
        out = []
        for a in articles:
            entry = index.get(a.slug)
            if entry is None or entry.versions != versions or entry.hash != content_hash(a):
                out.append(a)
        return out

    def add(self, articles: Sequence[Article], records: Sequence[Record], versions: Versions) -> Path:
        """Write one shard holding ``records`` (one per article, same order) and index it."""
        assert len(articles) == len(records)
        name = f"{SHARDS}/{uuid.uuid4().hex}.jsonl"
        shard = self.directory / name
        # On disk before the index names it: after a power loss the index must not point to a
        # shard that was never written (the whole store would then be unreadable).
        atomic.write_text(shard, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), durable=True)
        row = {
            "shard": name,
            "generator": versions.generator,
            "model": versions.model,
            "articles": {a.slug: content_hash(a) for a in articles},
        }
        with _locked(self.directory / ".lock"), open(self.index_file, "a+b") as f:
            # A run killed mid-line left a torn line: end it, so this row stands on its own line.
            torn = f.tell() > 0 and f.seek(-1, os.SEEK_END) >= 0 and f.read(1) != b"\n"
            f.write((("\n" if torn else "") + json.dumps(row, ensure_ascii=False) + "\n").encode())
            f.flush()
            os.fsync(f.fileno())
        return shard

    def records(self) -> Iterator[Record]:
        """The newest record of every article in the store, in the order of their paths."""
        if not self.index_file.exists():
            raise StoreError(f"{self.directory} is not an extraction store: it has no {INDEX}")
        index = self.index()
        wanted: dict[str, set[str]] = {}
        for article_id, entry in index.items():
            wanted.setdefault(entry.shard, set()).add(article_id)
        found: list[Record] = []
        for shard, ids in sorted(wanted.items()):
            found.extend(r for r in self._read(shard) if r.get("id") in ids)
        found.sort(key=lambda r: (r["path"], r["id"]))
        yield from found

    def _read(self, shard: str) -> Iterable[Record]:
        path = self.directory / shard
        try:
            with open(path, encoding="utf-8") as f:
                return [json.loads(line) for line in f if line.strip()]
        except (OSError, ValueError) as exc:
            raise StoreError(f"{path}: cannot read this shard of the extraction store ({exc})") from exc

    def briefs(self) -> tuple[list[Brief], list[Problem]]:
        """Every brief in the store, and a problem for every article whose extraction failed."""
        briefs: list[Brief] = []
        problems: list[Problem] = []
        for r in self.records():
            if is_error(r):
                problems.append(to_problem(r))
            else:
                briefs.append(from_record(r))
        return briefs, problems
