"""Write generated pages into ``docs/`` without ever losing a person's work.

The manifest records, per page, the hashes of the content the generator wrote
(or was about to write). A file whose content matches none of them was written
or edited by a person, and is never overwritten or deleted: it is reported.
The manifest is saved before pages change (write-ahead), so a build killed
midway leaves every page either old or new, and recognisably ours.

What survives what: each page is written to a temporary file and renamed over
the old one, so a killed process never leaves half a page. Pages are not
synced to the disk one by one (2,000 syncs were most of a cold build's time
beyond parsing); the manifest is, with its folder, before pages change and
again when the build ends, and so are the page records
(:mod:`generator.site.incremental`) after it. After a power loss a page may
therefore be its old version (the manifest keeps its hash until the page is
written again), missing, or empty (zero bytes, or NUL bytes,
where the system had recorded the file but not yet its data): pages are
derived from the articles, so the next build puts each of them right. A page
the records do not match (another size or modification time) is rendered
again, and an empty page at a path the manifest lists is a write the crash
cut short, rewritten like any page of ours, never mistaken for a person's.

Each page also carries a mark (:mod:`generator.site.stamp`), so a manifest
that is lost or damaged is rebuilt from the pages on disk, with a warning.
Temporary files are named with a random token recorded in the manifest
before they are made, and only files with a recorded token are ever cleaned
up: a person's file that merely looks like one is kept. An owned folder that
is a symbolic link is refused, so no crafted manifest can reach outside
``docs/``. Every failure of the file system (a read-only folder, a full disk,
a file where a folder should be) is one line naming the path and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import secrets
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from generator.atomic import sync_folder
from generator.errors import NewsbriefError
from generator.model import Problem, Report
from generator.site.layout import OWNED_FILES, OWNED_FOLDERS
from generator.site.stamp import is_unedited, stamped

_TMP_PREFIX = ".nb-tmp-"
_WRITERS = 8
"""Threads writing pages at once (see :func:`_write`)."""
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


def _advice(exc: OSError) -> str:
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full: free some space and build again"
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the folder is not writable: make it writable (or build as its owner) and build again"
    if code in (errno.ENOTDIR, errno.EEXIST, errno.EISDIR):
        return "a file stands where a folder is expected (or the reverse): move it away and build again"
    return "check the folder and build again"


def fs_error(path: Path, exc: OSError, doing: str = "cannot write") -> WriterError:
    """One line naming the path, what went wrong and what to do."""
    return WriterError(f"{doing} here ({exc.strerror or exc}); {_advice(exc)}", path=str(path))


def atomic_write(path: Path, content: str | bytes, *, temporary: str | None = None, durable: bool = True) -> None:
    """Replace ``path`` in one step: a killed process leaves the old file or the new one.

    ``temporary`` names the temporary file (beside ``path``); without it a
    fresh unique name is made. ``durable`` also syncs the file before the
    rename and its folder after it, so the new file survives a power loss too:
    for the manifest and the page records, not for pages (see the module's
    docstring).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    if temporary is None:
        fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, dir=path.parent)
    else:
        tmp = str(path.parent / temporary)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        sync_folder(path.parent)


def torn(data: bytes) -> bool:
    """Bytes a power loss can leave of a page renamed before its data reached the disk:
    none, or NUL bytes only. Never a page of ours (each ends with its mark), nor writing."""
    return not data.strip(b"\0")


class Manifest:
    """Which pages below ``docs/`` the generator owns, with their known hashes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.files: dict[str, list[str]] = {}
        self.temporaries: list[str] = []
        """Tokens of the temporary files a build made (or was about to make)."""
        self.damaged: str | None = None
        """Why the manifest could not be read, when it exists but is unreadable."""
        self.missing = False
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            self.missing = True
            return
        except (OSError, ValueError) as exc:
            self.damaged = getattr(exc, "strerror", None) or type(exc).__name__
            return
        files = data.get("files") if isinstance(data, dict) else None
        if not isinstance(files, dict):
            self.damaged = "it has no list of files"
            return
        self.files = {
            k: [h for h in v if isinstance(h, str)]
            for k, v in files.items()
            if isinstance(k, str) and isinstance(v, list)
        }
        tokens = data.get("temporaries", [])
        if isinstance(tokens, list):
            self.temporaries = [t for t in tokens if isinstance(t, str) and t.isalnum()]

    def save(self) -> None:
        payload = {
            "version": 1,
            "files": {k: sorted(set(v)) for k, v in sorted(self.files.items())},
            "temporaries": sorted(set(self.temporaries)),
        }
        try:
            atomic_write(self.path, json.dumps(payload, indent=1) + "\n")
        except OSError as exc:
            raise fs_error(self.path, exc, "cannot save the manifest") from None

    def owns(self, rel: str, current: str) -> bool:
        return current in self.files.get(rel, ())


def _safe_target(docs: Path, rel: str) -> Path:
    """The page's path, refusing anything outside the generator's folders."""
    target = (docs / rel).resolve()
    roots = [(docs / f).resolve() for f in OWNED_FOLDERS]
    owned = target in [(docs / f).resolve() for f in OWNED_FILES] or any(target.is_relative_to(r) for r in roots)
    if not owned or target.suffix != ".md":
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
    except OSError as exc:
        raise fs_error(path, exc, "cannot read") from None


def clean_temporaries(docs: Path, tokens: list[str]) -> None:
    """Remove half-written temporary files a killed build left behind.

    Only files named with a token the manifest recorded before they were made:
    a person's file called ``.nb-tmp-notes`` is not the writer's to delete.
    """
    for token in tokens:
        for folder in (*OWNED_FOLDERS, "."):
            for tmp in (docs / folder).glob(f"{_TMP_PREFIX}{token}-*"):
                with contextlib.suppress(OSError):
                    if tmp.is_file() and not tmp.is_symlink():
                        tmp.unlink()


def check_folders(docs: Path) -> None:
    """Refuse a ``docs/`` that is a file, and owned folders that are files or symbolic links.

    A link would let the writer (and a crafted manifest) write or delete
    files outside ``docs/``.
    """
    if docs.exists() and not docs.is_dir():
        raise WriterError("is a file, but the pages go into a folder here; move the file away and build again",
                          path=str(docs))
    for folder in OWNED_FOLDERS:
        path = docs / folder
        if path.is_symlink():
            raise WriterError(
                "is a symbolic link; newsbrief writes its pages only into real folders below docs/, "
                "so replace the link with a folder and build again", path=str(path))
        if path.exists() and not path.is_dir():
            raise WriterError("is a file, but newsbrief keeps its pages in a folder here; "
                              "move the file away and build again", path=str(path))


def _adopt(docs: Path, manifest: Manifest, report: Report) -> None:
    """Rebuild a lost or damaged manifest from the marked pages on disk."""
    found = 0
    pages = [(f"{folder}/{p.name}", p) for folder in OWNED_FOLDERS for p in sorted((docs / folder).glob("*.md"))]
    pages += [(name, docs / name) for name in OWNED_FILES if (docs / name).is_file()]
    for rel, page in pages:
        data = _read(page)
        if rel not in manifest.files and data is not None and is_unedited(data):
            manifest.files[rel] = [digest(data)]
            found += 1
    if manifest.damaged is not None:
        report.problems.append(Problem(
            path=str(manifest.path),
            message=f"could not be read ({manifest.damaged}); it was rebuilt from the pages on disk "
                    f"({found} page(s) newsbrief wrote were recognised; pages a person wrote are kept)",
            severity="warning",
        ))


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
    check_folders(docs)
    planned: dict[str, str | None] = {}
    targets = _Targets(docs)
    for rel, content in pages:
        content = stamped(content) if content is not None else None
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
    try:
        with _locked(manifest_path):
            _write(docs, manifest_path, planned, report)
    except WriterError:
        raise
    except OSError as exc:
        raise fs_error(Path(exc.filename) if exc.filename else docs, exc) from None


def _write(docs: Path, manifest_path: Path, planned: dict[str, str | None], report: Report) -> None:
    manifest = Manifest(manifest_path)
    clean_temporaries(docs, manifest.temporaries)
    if manifest.damaged is not None or manifest.missing:
        _adopt(docs, manifest, report)
    targets = _Targets(docs)
    # Write-ahead: record the new hashes, and the token of this build's temporary files,
    # before any page changes.
    token = secrets.token_hex(8)
    manifest.temporaries = [token]
    listed = frozenset(manifest.files)
    changing = 0
    for rel, content in planned.items():
        if content is not None:
            manifest.files.setdefault(rel, []).append(digest(content))
            changing += 1
    if changing:
        manifest.save()

    def write_one(n: int, target: Path, content: str) -> None:
        try:
            atomic_write(target, content, temporary=f"{_TMP_PREFIX}{token}-{n}", durable=False)
        except OSError as exc:
            raise fs_error(target, exc) from None

    # A few threads write the pages: a write can wait for the disk (when the system's
    # dirty pages are flushed), and waits in parallel overlap.
    pool = ThreadPoolExecutor(max_workers=_WRITERS)
    writes: list[Future[None]] = []

    def put(n: int, target: Path, content: str) -> None:
        writes.append(pool.submit(write_one, n, target, content))

    try:
        _decide(docs, manifest, listed, planned, report, put)
    finally:
        pool.shutdown(wait=True)
    for write in writes:
        write.result()  # the first failure, as a WriterError

    for rel in sorted(set(manifest.files) - set(planned)):
        try:
            target = targets(rel)
        except ValueError:  # a damaged or hand-edited manifest: never act on it
            manifest.files.pop(rel)
            continue
        current = _read(target)
        if current is None:
            manifest.files.pop(rel)
        elif manifest.owns(rel, digest(current)) or torn(current):
            try:
                target.unlink()
            except OSError as exc:
                raise fs_error(target, exc, "cannot remove an old page") from None
            manifest.files.pop(rel)
            report.removed.append(rel)
        else:
            report.conflicts.append(
                f"docs/{rel} is no longer generated, but its content is not what newsbrief wrote "
                "(a person wrote or edited it), so it was kept"
            )
            manifest.files.pop(rel)
    manifest.temporaries = []
    manifest.save()


def _decide(
    docs: Path,
    manifest: Manifest,
    listed: frozenset[str],
    planned: dict[str, str | None],
    report: Report,
    put: Callable[[int, Path, str], None],
) -> None:
    """Page by page: keep it, write it (through ``put``) or leave a person's edit alone.

    ``listed``: the pages the manifest listed before this build (an empty file at one
    of those is a write a crash cut short; anywhere else it is a person's).
    """
    targets = _Targets(docs)
    for n, (rel, content) in enumerate(planned.items()):
        target = targets(rel)
        if content is None:
            if rel in manifest.files and target.exists():
                report.unchanged.append(rel)
            else:  # deleted (or disowned) while this build ran: the next build writes it again
                report.conflicts.append(f"docs/{rel} changed while newsbrief was building; run the build again")
                manifest.files.pop(rel, None)
            continue
        current = _read(target)
        kept: list[str] = []
        if current is None:
            put(n, target, content)
            report.written.append(rel)
        elif current == content.encode("utf-8"):
            report.unchanged.append(rel)
        elif manifest.owns(rel, old := digest(current)) or (rel in listed and torn(current)):
            put(n, target, content)
            report.written.append(rel)
            # The page is not synced: after a power loss it may still hold this version,
            # which must stay recognisably ours.
            kept = [old]
        else:
            report.conflicts.append(
                f"docs/{rel} was written or edited by a person, so it was left as it is; "
                "move your text to another page (or delete this one) to let newsbrief generate it"
            )
            # What is on disk is the person's: forget our hashes for it.
            manifest.files.pop(rel, None)
            continue
        manifest.files[rel] = [*kept, digest(content)]
