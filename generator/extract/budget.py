"""A time budget per article: one article must never stall a build.

The extractors are near-linear in an article's size, but a crafted article can
still find a slow path nobody has measured yet. :func:`extract_brief` runs
under a deadline, and the extractors' loops call :func:`check`; past the
deadline :class:`BudgetExceeded` stops that article, which is skipped with a
message while the others go on. The deadline lives in a context variable, so
it holds per thread (and per worker process) without being passed around.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from contextvars import ContextVar

from generator.errors import NewsbriefError

ARTICLE_SECONDS = 120.0
"""The default budget: a normal 50,000-character article takes about 10 s on one core."""
ENV = "NEWSBRIEF_ARTICLE_SECONDS"
"""Environment variable that sets another budget in seconds (0 or less: none)."""

_deadline: ContextVar[float | None] = ContextVar("newsbrief_deadline", default=None)


class BudgetExceeded(NewsbriefError, TimeoutError):
    """The article took longer than its budget; it is skipped."""


def seconds() -> float:
    """The budget in force: :data:`ENV` when set to a number, else :data:`ARTICLE_SECONDS`."""
    try:
        return float(os.environ.get(ENV, ARTICLE_SECONDS))
    except ValueError:
        return ARTICLE_SECONDS


@contextlib.contextmanager
def deadline(path: str, limit: float | None = None) -> Iterator[None]:
    """Run the block under a deadline ``limit`` seconds away (default: :func:`seconds`)."""
    limit = seconds() if limit is None else limit
    token = _deadline.set(time.monotonic() + limit if limit > 0 else None)
    try:
        yield
    except BudgetExceeded as exc:
        raise BudgetExceeded(
            f"skipped: extracting it took longer than {limit:g} s (set {ENV} to allow more); "
            "please report it with the article, it may be built to stall newsbrief",
            path=path,
        ) from exc
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise :class:`BudgetExceeded` once the current deadline has passed."""
    at = _deadline.get()
    if at is not None and time.monotonic() > at:
        raise BudgetExceeded("over budget")
