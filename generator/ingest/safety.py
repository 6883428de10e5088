"""Which files of a folder may become articles: regular files inside it, nothing else.

The site is built from pull requests by CI, so ``seeds/`` is untrusted: a
symbolic link in it could publish any file the runner can read (its target
would become a brief, a page and part of the search index). A link is followed
only when it leads to a regular file inside the same folder; links that lead
elsewhere, broken links, link loops, FIFOs (which would hang the read),
devices and sockets are skipped, each with a message saying why.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from generator.model import Problem

SUFFIXES = (".txt", ".md", ".html", ".htm")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def not_regular(path: Path | str) -> str | None:
    """Why ``path`` (followed if a link) is no regular file to read, or None."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None  # the read says it does not exist
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    return f"is {_kind(mode)}, not an article file; it was skipped"


def _link_problem(link: Path, root: Path) -> str | None:
    """None when the link leads to a regular file inside ``root``, else why it is skipped."""
    try:
        target = link.resolve(strict=True)
    except FileNotFoundError:
        return "is a broken symbolic link (its target does not exist); it was skipped"
    except (RuntimeError, OSError) as exc:  # a loop is RuntimeError or ELOOP, by Python version
        if isinstance(exc, OSError) and exc.errno != errno.ELOOP:
            return f"is a symbolic link that cannot be followed ({exc.strerror or exc}); it was skipped"
        return "is a symbolic link loop; it was skipped"
    if not target.is_relative_to(root):
        return ("is a symbolic link to a file outside the folder; only files inside it become articles, "
                "so it was skipped (copy the article into the folder instead)")
    if target.is_dir():
        return "is a symbolic link to a folder; linked folders are not read, so it was skipped"
    return not_regular(target)


def walk(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The article files below ``folder`` (sorted), and a problem for each one skipped.

    Hidden files and folders (``.git``, editor swap files) and files without an
    article suffix are passed over silently, as before; linked folders are
    never entered, so a link loop cannot make the walk endless.
    """
    root = folder.resolve()
    found: list[Path] = []
    problems: list[Problem] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for d in list(dirnames):
            if (here / d).is_symlink():
                dirnames.remove(d)
                problems.append(Problem(path=str(here / d), message="is a symbolic link to a folder; "
                                        "linked folders are not read, so it was skipped", severity="warning"))
        # os.walk lists a link to a folder (or a link loop) among folders or files: look at each name.
        for name in sorted(filenames):
            path = here / name
            if name.startswith(".") or path.suffix.lower() not in SUFFIXES:
                continue
            if path.is_symlink():
                why = _link_problem(path, root)
            else:
                try:
                    mode = path.lstat().st_mode
                except OSError:
                    continue  # vanished while the folder was read
                why = None if stat.S_ISREG(mode) else f"is {_kind(mode)}, not an article file; it was skipped"
            if why is not None:
                problems.append(Problem(path=str(path), message=why))
                continue
            found.append(path)
    return sorted(found), problems
