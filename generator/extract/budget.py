"""A time budget per article: one article must never stall a build.

The extractors are near-linear in an article's size, but a crafted article can
still find a slow path nobody has measured yet. :func:`extract_brief` runs
under a deadline, and the extractors' loops call :func:`check`; past the
deadline :class:`BudgetExceeded` stops that article, which is skipped with a
message while the others go on. The deadline lives in a context variable, so
it holds per thread (and per worker process) without being passed around.

A stage with no check in its loops would still run on, so in the main thread
(the CLI, ``mkdocs build``, a worker process) a timer signal raises the same
error at the deadline wherever the article's extraction is.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from generator.errors import NewsbriefError

ARTICLE_SECONDS = 120.0
"""The default budget: a normal 50,000-character article takes about 10 s on one core."""
ENV = "NEWSBRIEF_ARTICLE_SECONDS"
"""Environment variable that sets another budget in seconds (0 or less: none)."""

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("newsbrief_deadline", default=None)
"""(monotonic time of the deadline, the budget in seconds) of the article being extracted."""


class BudgetExceeded(NewsbriefError, TimeoutError):
    """The article took longer than its budget; it is skipped."""


def _message(limit: float) -> str:
    return (f"skipped: extracting it took longer than {limit:g} s (set {ENV} to allow more); "
            "please report it with the article, it may be built to stall newsbrief")


def seconds() -> float:
    """The budget in force: :data:`ENV` when set to a number, else :data:`ARTICLE_SECONDS`."""
    try:
        return float(os.environ.get(ENV, ARTICLE_SECONDS))
    except ValueError:
        return ARTICLE_SECONDS


@contextlib.contextmanager
def deadline(path: str, limit: float | None = None) -> Iterator[None]:
    """Run the block under a deadline ``limit`` seconds away (default: :func:`seconds`).

    :class:`BudgetExceeded` leaves it naming ``path``.
    """
    limit = seconds() if limit is None else limit
    token = _deadline.set((time.monotonic() + limit, limit) if limit > 0 else None)
    alarm = limit > 0 and _can_alarm()
    previous: Any = signal.signal(signal.SIGALRM, _on_alarm) if alarm else None
    try:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, limit)
        yield
    except BudgetExceeded as exc:
        raise BudgetExceeded(_message(limit), path=path) from exc
    finally:
        _deadline.reset(token)  # first: a late timer signal then finds no deadline and does nothing
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _can_alarm() -> bool:
    """A timer signal is ours to use: main thread, a system that has it, no timer running."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )


def _on_alarm(signum: int, frame: object) -> None:
    current = _deadline.get()
    if current is None:  # the article finished as the timer went off
        return
    remaining = current[0] - time.monotonic()
    if remaining > 0:  # the timer's clock ran a little ahead: wait for the rest
        signal.setitimer(signal.ITIMER_REAL, remaining)
        return
    raise BudgetExceeded(_message(current[1]))


def check() -> None:
    """Raise :class:`BudgetExceeded` once the current deadline has passed."""
    current = _deadline.get()
    if current is not None and time.monotonic() >= current[0]:
        raise BudgetExceeded(_message(current[1]))
