"""'According to X': the source and the clause it vouches for.

Notes:
    "According to X" may open the sentence or close it; when it closes it,
    the parse hangs it on the nearest word, so its scope climbs to the
    finite clause it is about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.spans import SpanIndex
from generator.extract.speech.candidates import Candidate, trim_edges
from generator.extract.speech.quote_marks import Quoted
from generator.lexicon.speech import NON_SOURCE_ACCORDING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from generator.nlp import Parsed


SCOPE_CLIMB_DEPS = frozenset({"attr", "dobj", "pobj", "acomp", "oprd", "advcl", "prep", "npadvmod"})
"""Links from the word a trailing "according to" hangs on up to the clause it scopes over."""


def _according_scope(verb: Token, first: int) -> Token:
    """The head of the clause a trailing "according to X" is about.

    The parse hangs a trailing "according to critics" on the nearest word:
    "Harry's backlash was a 'kick in the teeth' according to critics" on
    "kick", "Markle 'turned and hissed' at a staffer, leaving them in 'tears'
    according to a correspondent" on "leaving". The source vouches for the
    whole clause before it, so the scope climbs from a noun or a participle
    clause to the finite verb that governs it, inside the sentence; a
    leading "According to X, ..." is left on its head.
    """
    head = verb.head
    if head.i == verb.i or head.i > first:
        return head
    while (head.dep_ in SCOPE_CLIMB_DEPS and head.head.i != head.i and head.head.i < first
           and (head.pos_ not in ("VERB", "AUX") or head.tag_ in ("VBG", "VBN"))):
        head = head.head
    return head


def according(parsed: Parsed, verb: Token, direct: SpanIndex[Quoted]) -> Candidate | None:
    """'According to X, CLAUSE' or 'CLAUSE, according to X': X is the speaker."""
    to = next(c for c in verb.children if c.lower_ == "to")
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None or source.lower_ in NON_SOURCE_ACCORDING:
        return None  # "If all goes according to plan": no source
    phrase = list(verb.subtree)
    head = _according_scope(verb, phrase[0].i)
    clause = [t for t in head.subtree if not (phrase[0].i <= t.i <= phrase[-1].i)]
    if head.i == verb.i or not clause:
        return None
    if phrase[0].i < clause[0].i:
        body_tokens = [t for t in clause if t.i > phrase[-1].i]
    else:
        body_tokens = [t for t in clause if t.i < phrase[0].i]
    tokens = trim_edges(body_tokens)
    if len(tokens) < 3:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    if direct.overlaps(start, end):
        return None
    if parsed.block_of(start) != parsed.block_of(end - 1):
        return None
    return Candidate(start=start, end=end, kind="indirect", paragraph=parsed.block_of(start),
                      cue=verb, subject=source)
