"""Text from outside (file names, keys) made safe to print on one terminal line.

A file name may hold a newline, a carriage return or terminal escape codes:
printed raw, ``seeds/x\\nseeds/y.txt: error: ...`` forges a line of the
report, and an escape sequence can rewrite what is on screen. Every such
character is shown as its Python escape instead.
"""

from __future__ import annotations

import unicodedata

_UNSAFE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
"""Controls, format characters (bidi overrides, zero-width), line and paragraph
separators, surrogates (undecodable bytes of a file name), private and unassigned."""


def printable(text: str) -> str:
    """``text`` with every character that is not safe on one line escaped (tabs too)."""
    if text.isprintable():
        return text
    return "".join(
        ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) in _UNSAFE or ch == "\t" else ch
        for ch in text
    )
