"""What a reported-speech finder hands on: a candidate span with its cue and subject.

Notes:
    The finders of indirect speech (reporting verbs, parentheticals, object
    complements, "according to") all produce the same record and tidy their
    token runs the same way, so both live here, beside nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.extract.spans import SpanIndex
from generator.extract.speech.quote_marks import Quoted
from generator.model import QuoteKind

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    start: int
    end: int
    kind: QuoteKind
    paragraph: int
    cue: Token | None = None
    subject: Token | None = None
    inherit: bool = False
    """No cue of its own: continue the previous speaker."""
    opens_paragraph: bool = False


def is_direct(q: Quoted, direct: SpanIndex[Quoted]) -> bool:
    return q in direct.starting_in(q.start, q.start + 1)


def trim_edges(tokens: list[Token]) -> list[Token]:
    """Drop spaces, conjunctions and punctuation at the edges (closing quotation marks stay)."""
    closing, opening = "\"\u201d'\u2019)", "\"\u201c'\u2018("
    while tokens and (tokens[-1].is_space or tokens[-1].dep_ == "cc"
                      or (tokens[-1].is_punct and tokens[-1].text not in closing)):
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_space or (tokens[0].is_punct and tokens[0].text not in opening)):
        tokens = tokens[1:]
    return tokens
