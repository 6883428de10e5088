"""Whether a piece of text reads on its own: no leading anaphor, no leading subordinate clause.

Notes:
    A summary or fact is read out of context. "He survived by ..." or "Since
    he signed up for ..." leans on a sentence the reader does not see; the
    first names nobody, the second is a dangling clause (and, cut from its
    main clause, may change what is claimed). Such pieces are passed over: a
    pronoun is never resolved by guessing, because a wrong name is worse than
    none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Doc

Opening = Literal["pronoun", "subordinate"]

PRONOUNS = frozenset({
    "he", "she", "it", "they", "him", "them", "his", "her", "its", "their", "i", "we", "you", "my", "our",
})  # fmt: skip
"""Openers that point back to someone named before (or are a quote's first person)."""
DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "such"})
"""Anaphors when they stand for a noun ("This is ..."), not as determiners ("This week")."""
SUBORDINATORS = frozenset({
    "since", "while", "although", "though", "if", "unless", "because", "when", "whenever", "after",
    "before", "once", "as", "until", "whereas", "whether", "where", "so",
})  # fmt: skip
"""Words that open a subordinate clause when they mark one."""
_OPEN_PUNCT = frozenset({'"', "'", "\u201c", "\u2018", "(", "[", "-", "\u2014", "\u2013"})


def opening_problem(doc: Doc, start: int, end: int) -> Opening | None:
    """Why ``body[start:end]`` cannot open a summary or fact on its own, or None if it can."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    first = next((t for t in span if not t.is_space and t.text not in _OPEN_PUNCT), None)
    if first is None:
        return None
    word = first.lower_
    if word in PRONOUNS:
        # "It is" / "It was" with a clause after is a dummy subject, still a
        # sentence that leans on what came before ("It was an odd thing to say").
        return "pronoun"
    if word in DEMONSTRATIVES and first.dep_ not in ("det", "mark") and first.pos_ == "PRON":
        return "pronoun"
    if word in SUBORDINATORS and first.dep_ in ("mark", "advmod") and first.head.dep_ in ("advcl", "ccomp", "csubj"):
        return "subordinate"
    # "As the earth shook, ..." parsed with "As" as a preposition of a clause.
    return "subordinate" if word in SUBORDINATORS and first.pos_ == "SCONJ" else None


def stands_alone(doc: Doc, start: int, end: int) -> bool:
    """Whether the piece opens with neither an anaphor nor a subordinate clause."""
    return opening_problem(doc, start, end) is None
