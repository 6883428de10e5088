"""A mark on every generated page that says, without the manifest, that it is ours and unedited.

The manifest is how the writer tells its pages from a person's; when it is
lost or damaged (a truncated file, a bad merge), every page used to look
hand-edited and the site froze silently. Each page therefore ends with an
HTML comment holding the hash of the text before it: a page whose text still
matches its mark is exactly what newsbrief wrote, anything else is a person's.
The comment is invisible on the site and in its search index.
"""

from __future__ import annotations

import hashlib
import re

_MARK = re.compile(rb"\n<!-- newsbrief sha256:([0-9a-f]{64}) -->\n\Z")


def stamped(content: str) -> str:
    """``content`` with its mark appended (a final newline is added when missing)."""
    body = content if content.endswith("\n") else content + "\n"
    return f"{body}\n<!-- newsbrief sha256:{hashlib.sha256(body.encode('utf-8')).hexdigest()} -->\n"


def is_unedited(data: bytes) -> bool:
    """The bytes are a page newsbrief wrote, unchanged since (its mark matches its text)."""
    m = _MARK.search(data[-120:]) if len(data) >= 80 else None
    if m is None:
        return False
    body = data[: len(data) - (len(data[-120:]) - m.start())]
    return hashlib.sha256(body).hexdigest() == m.group(1).decode("ascii")
