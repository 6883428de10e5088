"""Absurd runs of punctuation, shortened before anything parses them.

spaCy's tokenizer strips prefixes and suffixes one character at a time, each
time copying the rest of the word, so a word made of thousands of quotation
marks or brackets costs time quadratic in its length (measured: 10,000
quotation marks alone took 78 s; 20,000 in a 50,000-character article, over
four minutes and 1 GB). No article needs more than a few marks in a row, nor a
"word" of hundreds of characters, so both are shortened here, with a warning,
and the shortened text *is* the article body: what is parsed is what is shown,
and every offset stays valid against it.
"""

from __future__ import annotations

import re

MAX_RUN = 20
"""Punctuation marks or symbols in a row kept (a separator line of dashes keeps twenty)."""
MAX_WORD = 100
"""Characters kept of a stretch with no blank that is mostly marks: ``'s's's...`` is
split one suffix at a time too. Cost is about (length / width) x width², so the
width bounds it; a web address is mostly letters and digits and is kept whole."""
_RUN = re.compile(rf"[^\w\s]{{{MAX_RUN + 1},}}")
_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _mostly_marks(word: str) -> bool:
    return sum(c.isalnum() for c in word) * 3 < len(word) * 2


def shorten_runs(body: str, warnings: list[str]) -> str:
    """``body`` with runs of marks cut to :data:`MAX_RUN` characters and blank-free
    stretches that are mostly marks to :data:`MAX_WORD`; one warning per kind says
    where the first one was."""
    for pattern, keep, what in (
        (_RUN, MAX_RUN, "punctuation marks in a row"),
        (_WORD, MAX_WORD, "characters without a space, mostly punctuation"),
    ):
        found = [m for m in pattern.finditer(body) if keep == MAX_RUN or _mostly_marks(m.group())]
        if not found:
            continue
        warnings.append(
            f"line {_line(body, found[0].start())}: {len(found):,} stretch(es) of up to "
            f"{max(m.end() - m.start() for m in found):,} {what} were shortened to {keep:,} "
            "(they would stall parsing); offsets refer to the shortened text"
        )
        parts, pos = [], 0
        for m in found:
            parts.append(body[pos : m.start() + keep])
            pos = m.end()
        body = "".join(parts) + body[pos:]
    return body
