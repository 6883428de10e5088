"""Which article files changed since the last build, from their sizes and modification times.

A hint only: it decides whether to start loading the spaCy pipeline in a
second process while this one reads the articles and looks them up in the
extraction cache (:class:`generator.workers.Standby`). What is parsed is still
decided by the cache, by content, so a wrong hint costs time, never a wrong
brief. Reading a few hundred ``stat`` results costs milliseconds; the pipeline
takes a second or two to load.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator import atomic

VERSION = 1


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Size and modification time of every article file, and what every brief depends on besides."""

    salt: str
    """Code and model (:func:`generator.cache.cache_salt`): another salt means every article is parsed again."""
    files: dict[str, tuple[int, int]]


def snapshot(paths: Iterable[Path], salt: str) -> Snapshot:
    files: dict[str, tuple[int, int]] = {}
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            continue
        files[str(path)] = (st.st_size, st.st_mtime_ns)
    return Snapshot(salt=salt, files=files)


def changed(before: Snapshot | None, now: Snapshot) -> int | None:
    """How many files are new or changed since ``before``; None when unknown
    (no earlier build, or other code or model: then every article may need parsing)."""
    if before is None or before.salt != now.salt:
        return None
    return sum(before.files.get(path) != stat for path, stat in now.files.items())


def load(path: Path) -> Snapshot | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["version"] != VERSION:
            return None
        files = {str(k): (int(v[0]), int(v[1])) for k, v in data["files"].items()}
        return Snapshot(salt=str(data["salt"]), files=files)
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def save(path: Path, snap: Snapshot) -> None:
    payload = {"version": VERSION, "salt": snap.salt, "files": {k: list(v) for k, v in sorted(snap.files.items())}}
    atomic.write_text(path, json.dumps(payload, separators=(",", ":")) + "\n")
