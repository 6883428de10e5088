"""Tables built from data files, kept on disk between processes.

Some tables cost far more to build than to read back: the gazetteer turns the
GeoNames, ISO and hand-kept place lists into 81,000 folded names (0.4–0.6 s of
CPU, every time a process starts extracting), the state-media table cleans
2,000 matrix rows. Every process that extracts pays it: the standby that
parses the one article an edit changed (whose load is what an edit waits
for), each worker of a process pool started by ``spawn``, each Dask worker.
Read back from a pickle, the gazetteer takes a tenth of that.

A table is stored under a key that hashes everything it is built from: the
bytes of its source files (the data files *and* the modules whose code builds
it), the versions of the packages whose data it reads, the Python version and
this module's format. Change a word in ``places.yml`` or a line of the
builder and the key changes, so a stale table is never read: it is built again
and stored under the new key (older keys of the same table are removed).

The folder is ``$NEWSBRIEF_TABLES`` if set, else ``newsbrief/tables`` in the
user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``). When it cannot be
read or written (a read-only home, a full disk, a damaged file) the table is
simply built, as it always was: the cache can make a process faster, never
make it fail or answer differently. The files are pickles, so the folder must
be the user's own, like any cache of theirs.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar, cast

T = TypeVar("T")

FORMAT = 1
"""Bumped when the way tables are stored changes."""
ENV = "NEWSBRIEF_TABLES"


def folder() -> Path:
    """Where tables are kept (see the module's docstring)."""
    explicit = os.environ.get(ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsbrief" / "tables"


def _package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "missing"


def key(name: str, sources: Iterable[Path], packages: Iterable[str] = ()) -> str:
    """The hash a table is stored under: its name, its sources' names and bytes, package versions."""
    h = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{name}\0".encode())
    for source in sources:
        h.update(source.name.encode() + b"\0")
        try:
            h.update(source.read_bytes())
        except OSError:
            h.update(b"\0missing\0")
    for package in packages:
        h.update(f"\0{package}={_package_version(package)}".encode())
    return h.hexdigest()[:32]


def cached(name: str, build: Callable[[], T], *, sources: Iterable[Path], packages: Iterable[str] = ()) -> T:
    """``build()``, or the table a process with the same sources built and stored earlier.

    ``sources`` must list every file whose content decides the table, code
    included (:func:`module_file`); ``packages`` the installed packages whose
    data it reads (their version stands for their data).
    """
    where = folder()
    path = where / f"{name}-{key(name, sources, packages)}.pickle"
    stored = _load(path)
    if stored is not _MISSING:
        return cast(T, stored)
    table = build()
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        _store(where, path, table)
    return table


_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError,
               ValueError)
"""What reading a missing, truncated or foreign pickle raises: the table is then built."""


_MISSING = object()


def _load(path: Path) -> object:
    """The table stored at ``path``, or ``_MISSING``."""
    try:
        with path.open("rb") as handle:
            table: object = pickle.load(handle)  # the user's own cache folder (see above)
    except _UNREADABLE:
        return _MISSING
    return table


KEEP = 4
"""Keys kept per table: a few checkouts of different code can share the folder without
each one's table pushing out the others' at every run."""


def _store(where: Path, path: Path, table: object) -> None:
    """Write ``table`` to ``path`` whole or not at all, then drop the table's oldest keys."""
    where.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=where, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(table, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    name = path.name.rsplit("-", 1)[0]
    same = [old for old in where.glob(f"{name}-*.pickle") if old.name.rsplit("-", 1)[0] == name]
    same.sort(key=lambda old: old.stat().st_mtime_ns, reverse=True)
    for old in same[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()


def module_file(module: str) -> Path:
    """The source file of an imported module, for ``sources``."""
    file = getattr(sys.modules[module], "__file__", None)
    if file is None:
        raise ValueError(f"module {module!r} has no source file")
    return Path(file)
