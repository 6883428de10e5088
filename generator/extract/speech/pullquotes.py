"""Quotations standing as headings: whose words a pull-quote or crosshead quotes.

Notes:
    Features and live reports put a speaker's words in a heading line:
    "‘BoC to stay on sidelines next week’: TD Economics" over a paragraph
    that begins "TD Economics director ... Andrew Hencic said ...", or
    "'He put me in a hole in the basement floor'" over a section whose
    quote repeats those words. The heading itself has no cue, so its
    speaker comes from the text it heads, by two rules in order:

    1. The same words quoted again later with a speaker (a pull-quote
       repeats the quote it is taken from): that speaker.
    2. The paragraph right after the heading opens with a person who speaks
       with a cue of their own (a crosshead introduces the next speaker):
       that person. Only a person named in that paragraph, never a
       pronoun carried from before the heading, and never a group.

    Anything else keeps no speaker.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from generator.extract.speech.discourse import is_heading

if TYPE_CHECKING:
    from generator.extract.speech.discourse import Speaker
    from generator.model import Quote
    from generator.nlp import Parsed

_LABEL = re.compile(r"^\s*:\s*[^\s].{0,60}$")
"""What may follow the quotation on its heading line: ": CPA Canada"."""
_OPENING = "\u2018\u201c'\""
_CLOSING = "\u2019\u201d'\""
_CLOSING_DOUBLE = "\u201d"
_WORD = re.compile(r"[a-z0-9]+")
MIN_REPEATED_WORDS = 4
"""Shorter headings ("‘Grifters’") repeat too easily by chance."""


def is_pull_quote(line: str) -> bool:
    """A line that is one quotation and no sentence: "'We could hear a sound like a saw'".

    A quoted sentence ends with its full stop (or a comma before "she said");
    a quotation without one, standing alone, is a heading however long.
    """
    text = line.strip()
    if len(text) < 3 or text[0] not in _OPENING or text[-1] not in _CLOSING:
        return False
    inner = text[1:-1].rstrip()
    return bool(inner) and inner[-1] not in ".!?\u2026,;:" and not any(m in inner for m in _CLOSING_DOUBLE)


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def heading_speakers(parsed: Parsed, found: list[Quote], speakers: list[Speaker | None]) -> list[Quote]:
    """``found`` with speakers given to quotations that stand as headings."""
    out = list(found)
    for i, q in enumerate(found):
        if q.speaker is not None or q.kind != "direct":
            continue
        block = parsed.block_of(q.start)
        if block < 0:
            continue
        line = parsed.blocks[block]
        rest = parsed.text[q.end : line.end]
        if parsed.text[line.start : q.start].strip() or not (not rest.strip() or _LABEL.match(rest)):
            continue
        if not is_heading(line.text) and not is_pull_quote(line.text) and not (
                rest.strip() and len(line.text.split()) <= 20):
            continue
        speaker = _repeated(q, found, speakers) or _introduced(parsed, block, found, speakers)
        if speaker is not None:
            out[i] = replace(q, speaker=speaker.name, role=speaker.role, cue=None, cue_span=None)
    return out


def _repeated(q: Quote, found: list[Quote], speakers: list[Speaker | None]) -> Speaker | None:
    words = _words(q.text)
    if len(words.split()) < MIN_REPEATED_WORDS:
        return None
    said = {s.name: s for other, s in zip(found, speakers, strict=True)
            if s is not None and other.start > q.end and words in _words(other.text)}
    return next(iter(said.values())) if len(said) == 1 else None


def _introduced(parsed: Parsed, block: int, found: list[Quote], speakers: list[Speaker | None]) -> Speaker | None:
    if block + 1 >= len(parsed.blocks):
        return None
    nxt = parsed.blocks[block + 1]
    for other, s in zip(found, speakers, strict=True):
        if other.start < nxt.start or other.start >= nxt.end:
            continue
        # The first attribution of the paragraph decides: a person named there.
        if s is None or s.kind != "person" or other.speaker_span is None:
            return None
        span = other.speaker_span
        if not nxt.start <= span.start < nxt.end:
            return None
        # "Royce Mendes, ..., was a bit more cautious. He said ...": a pronoun
        # counts only for a person the paragraph itself names before it.
        if span.text.lower() in ("he", "she", "they") and s.name.split()[-1] not in parsed.text[nxt.start : span.start]:
            return None
        return s
    return None
