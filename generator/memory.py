"""Pause Python's cyclic garbage collector while building large tables.

Loading the gazetteer, the pipeline's rules or hundreds of cached briefs makes
millions of small objects, none of them garbage; each automatic collection
pass walks all of them again (a third of the gazetteer's load time). Reference
counting still frees everything as usual; collection resumes afterwards.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No automatic cyclic collection inside the block (nested use is fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
