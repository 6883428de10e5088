"""Hashes that say when something generated is stale: the generator's own code and data, a folder of templates.

The extraction cache and the page records of an incremental build both depend
on them: any change to either makes everything derived from them rebuild.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

_PACKAGE = Path(__file__).parent
_CODE_SUFFIXES = frozenset({".py", ".json", ".csv", ".txt", ".tsv", ".yml", ".yaml"})


@functools.cache
def code_fingerprint() -> str:
    """A hash of the package's code and data: any change invalidates caches (computed once per process)."""
    h = hashlib.sha256()
    for f in sorted(_PACKAGE.rglob("*")):
        if f.is_file() and f.suffix in _CODE_SUFFIXES:
            h.update(f.relative_to(_PACKAGE).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def folder_fingerprint(folder: Path) -> str:
    """A hash of every file below ``folder`` (names and contents); empty when it does not exist."""
    h = hashlib.sha256()
    if folder.is_dir():
        for f in sorted(folder.rglob("*")):
            if f.is_file():
                h.update(f.relative_to(folder).as_posix().encode() + b"\0")
                h.update(f.read_bytes())
    return h.hexdigest()


def file_fingerprint(path: Path) -> str:
    """A hash of one file's bytes; a fixed value when it does not exist."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"
