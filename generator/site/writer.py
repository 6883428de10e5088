"""Write generated pages into ``docs/`` without ever losing a person's work.

The manifest records, per page, the hashes of the content the generator wrote
(or was about to write). A file whose content matches none of them was written
or edited by a person, and is never overwritten or deleted: it is reported.
The manifest is saved before pages change (write-ahead), so a build killed
midway leaves every page either old or new, and recognisably ours.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.errors import NewsbriefError
from generator.model import Report
from generator.site.layout import OWNED_FOLDERS

_TMP_PREFIX = ".nb-tmp-"
# mkstemp creates files readable by their owner only; pages get the usual
# permissions (0666 less the umask) so a web server or CI user can read them.
_UMASK = os.umask(0o022)
os.umask(_UMASK)
_FILE_MODE = 0o666 & ~_UMASK


class WriterError(NewsbriefError, ValueError):
    """A page the writer refuses to write: it would land outside the generator's folders."""


def digest(content: str | bytes) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, content: str | bytes) -> None:
    """Replace ``path`` in one step: a crash leaves the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class Manifest:
    """Which pages below ``docs/`` the generator owns, with their known hashes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.files: dict[str, list[str]] = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        files = data.get("files") if isinstance(data, dict) else None
        if isinstance(files, dict):
            self.files = {
                k: [h for h in v if isinstance(h, str)]
                for k, v in files.items()
                if isinstance(k, str) and isinstance(v, list)
            }

    def save(self) -> None:
        payload = {"version": 1, "files": {k: sorted(set(v)) for k, v in sorted(self.files.items())}}
        atomic_write(self.path, json.dumps(payload, indent=1) + "\n")

    def owns(self, rel: str, current: str) -> bool:
        return current in self.files.get(rel, ())


def _safe_target(docs: Path, rel: str) -> Path:
    """The page's path, refusing anything outside the generator's folders."""
    target = (docs / rel).resolve()
    roots = [(docs / f).resolve() for f in OWNED_FOLDERS]
    if not any(target.is_relative_to(r) for r in roots) or target.suffix != ".md":
        raise WriterError(f"refusing to write {rel!r}: outside the generator's folders")
    return target


class _Targets:
    """:func:`_safe_target` for many pages: each folder is resolved once, not once per page.

    A name is resolved on its own only when it could leave its folder (a
    separator, ``..``, a leading dot) or when it is a symbolic link.
    """

    def __init__(self, docs: Path) -> None:
        self.docs = docs
        self._folders: dict[str, Path | None] = {}

    def __call__(self, rel: str) -> Path:
        folder, _, name = rel.rpartition("/")
        if "/" in name or "\\" in rel or "\0" in rel or name.startswith(".") or not name.endswith(".md"):
            return _safe_target(self.docs, rel)
        if folder not in self._folders:
            try:
                self._folders[folder] = _safe_target(self.docs, f"{folder}/x.md").parent
            except ValueError:
                self._folders[folder] = None
        parent = self._folders[folder]
        if parent is None:
            return _safe_target(self.docs, rel)
        target = parent / name
        return _safe_target(self.docs, rel) if target.is_symlink() else target


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def clean_temporaries(docs: Path) -> None:
    """Remove half-written temporary files a killed build left behind."""
    for folder in OWNED_FOLDERS:
        for tmp in (docs / folder).glob(f"{_TMP_PREFIX}*"):
            with contextlib.suppress(OSError):
                tmp.unlink()


@contextlib.contextmanager
def _locked(manifest_path: Path) -> Iterator[None]:
    """One writer at a time (``mkdocs serve`` and ``newsbrief build`` may overlap):
    the lock file is released by the system even if the holder is killed."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks here
        yield
        return
    manifest_path.parent.mkdir(parents=True, exist_ok=True)
    with open(manifest_path.with_name("lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def write_pages(docs: Path, manifest_path: Path, pages: Iterable[tuple[str, str | None]], report: Report) -> None:
    """Write changed pages, remove pages of ours no longer generated, keep everything else.

    A page given as ``None`` is still generated but known to be unchanged (its
    inputs and its file are what the last build left): it is kept as it is.
    """
    planned: dict[str, str | None] = {}
    targets = _Targets(docs)
    for rel, content in pages:
        try:
            targets(rel)
        except ValueError as exc:  # WriterError, or a path the system refuses (a NUL byte)
            report.conflicts.append(str(exc))
            continue
        if rel in planned:
            if planned[rel] != content:
                report.conflicts.append(f"two generated pages want docs/{rel}; the first one was kept")
            continue
        planned[rel] = content
    with _locked(manifest_path):
        _write(docs, manifest_path, planned, report)


def _write(docs: Path, manifest_path: Path, planned: dict[str, str | None], report: Report) -> None:
    clean_temporaries(docs)
    manifest = Manifest(manifest_path)
    targets = _Targets(docs)
    # Write-ahead: record the new hashes before any page changes.
    changing = 0
    for rel, content in planned.items():
        if content is not None:
            manifest.files.setdefault(rel, []).append(digest(content))
            changing += 1
    if changing:
        manifest.save()

    for rel, content in planned.items():
        target = targets(rel)
        if content is None:
            if rel in manifest.files and target.exists():
                report.unchanged.append(rel)
            else:  # deleted (or disowned) while this build ran: the next build writes it again
                report.conflicts.append(f"docs/{rel} changed while newsbrief was building; run the build again")
                manifest.files.pop(rel, None)
            continue
        current = _read(target)
        if current is None:
            atomic_write(target, content)
            report.written.append(rel)
        elif current == content.encode("utf-8"):
            report.unchanged.append(rel)
        elif manifest.owns(rel, digest(current)):
            atomic_write(target, content)
            report.written.append(rel)
        else:
            report.conflicts.append(
                f"docs/{rel} was written or edited by a person, so it was left as it is; "
                "move your text to another page (or delete this one) to let newsbrief generate it"
            )
            # What is on disk is the person's: forget our hashes for it.
            manifest.files.pop(rel, None)
            continue
        manifest.files[rel] = [digest(content)]

    for rel in sorted(set(manifest.files) - set(planned)):
        try:
            target = targets(rel)
        except ValueError:  # a damaged or hand-edited manifest: never act on it
            manifest.files.pop(rel)
            continue
        current = _read(target)
        if current is None:
            manifest.files.pop(rel)
        elif manifest.owns(rel, digest(current)):
            target.unlink()
            manifest.files.pop(rel)
            report.removed.append(rel)
        else:
            report.conflicts.append(
                f"docs/{rel} is no longer generated, but its content is not what newsbrief wrote "
                "(a person wrote or edited it), so it was kept"
            )
            manifest.files.pop(rel)
    manifest.save()
