"""People within one article: roles from titles and appositives, and name parts.

Notes:
    Roles are read two ways, both verbatim from the text: the title words
    right before a name ("Kremlin spokesperson Dmitry Peskov", "US Secretary
    of State Marco Rubio") and an appositive right after it ("Aleksei
    Polishchuk, head of the Second CIS Department at Russia's Foreign
    Ministry."). A phrase counts only when its head is a role word, so ", 45,"
    or ", who said" never become roles.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.lexicon.people import COURTESY, NAME_PARTICLES, ROLE_NOUNS, ROYAL_TITLES, SURNAME_FIRST, is_courtesy
from generator.lexicon.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Tokens that end a title read leftwards from a name.
_STOP_POS = frozenset({"VERB", "AUX", "DET", "PRON", "PUNCT", "CCONJ", "SCONJ", "NUM", "PART", "SPACE", "ADV"})
_APPOSITIVE_END = frozenset({",", ".", ";", ":", ")", "(", "—", "–", "!", "?", '"', "“", "”"})
# Regnal numbers belong to the name ("Henry VIII", "Queen Elizabeth I"); "I" is also the pronoun, so it
# needs a royal title before the name or punctuation after it.
_ROMAN = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$")
MAX_TITLE = 6
MAX_APPOSITIVE = 16


def _is_role_word(token: Token) -> bool:
    return fold(token.text).rstrip(".") in ROLE_NOUNS


def title_before(doc: Doc, start: int) -> tuple[int, int] | None:
    """Token range of the title words just before a name, if they end in a role word."""
    i = start - 1
    if i < 0 or not _is_role_word(doc[i]) or fold(doc[i].text).rstrip(".") in COURTESY:
        return None
    first = i
    while i >= 0 and start - i <= MAX_TITLE:
        tok = doc[i]
        if tok.lower_ == "of" and i + 1 < start and doc[i + 1].is_title and i > 0 and _is_role_word(doc[i - 1]):
            i -= 1
            continue
        if tok.pos_ in _STOP_POS or tok.lower_ in {"'s", "’s", "of", "and"} or "\n" in tok.text:
            break
        if not (tok.is_title or tok.is_upper or _is_role_word(tok) or tok.pos_ in {"ADJ", "NOUN", "PROPN"}):
            break
        first = i
        i -= 1
    # Drop a courtesy title at the front ("Mr" is no role) and left-over "of".
    while first < start and (is_courtesy(doc[first].text) or doc[first].lower_ == "of"):
        first += 1
    return (first, start) if first < start else None


def appositive_after(doc: Doc, end: int) -> tuple[int, int] | None:
    """Token range of ", <role phrase>" right after a name, without the comma or a leading article."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    first = end + 1
    stop = first
    while stop < len(doc) and stop - first < MAX_APPOSITIVE and doc[stop].text not in _APPOSITIVE_END:
        if doc[stop].pos_ in {"VERB", "AUX", "PRON"} or "\n" in doc[stop].text:
            return None
        stop += 1
    if stop == first or stop >= len(doc) or stop - first >= MAX_APPOSITIVE:
        return None
    while first < stop and doc[first].lower_ in {"the", "a", "an"}:
        first += 1
    phrase = doc[first:stop]
    # The phrase's head (before any "of"/"at") must be a role word.
    head_zone = []
    for tok in phrase:
        if tok.pos_ == "ADP":
            break
        head_zone.append(tok)
    if not head_zone or not _is_role_word(head_zone[-1]):
        return None
    return first, stop


def regnal_end(doc: Doc, start: int, end: int) -> int:
    """End of a one-word person name with its regnal number ("Henry VIII"); ``end`` if there is none."""
    if end - start != 1 or end >= len(doc) or not _ROMAN.match(doc[end].text):
        return end
    if doc[end].text != "I":
        return end + 1
    royal = start > 0 and fold(doc[start - 1].text).rstrip(".") in ROYAL_TITLES
    return end + 1 if royal or (end + 1 < len(doc) and doc[end + 1].is_punct) else end


def name_parts(tokens: list[str], *, first: bool = True) -> list[tuple[str, ...]]:
    """Forms a full name is later referred to by: the surname (with particles), and the first name.

    The first name alone is trusted only to join a mention to a full name,
    never to find new mentions ("Eugene" is also a city).
    """
    if len(tokens) < 2:
        return []
    parts: list[tuple[str, ...]] = []
    last = len(tokens) - 1
    while last > 1 and tokens[last - 1].lower() in NAME_PARTICLES:
        last -= 1
    parts.append(tuple(tokens[last:]))
    given = first and tokens[0][:1].isupper() and tokens[0].lower() not in NAME_PARTICLES
    family = tokens[0].lower() in SURNAME_FIRST and len(tokens) <= 4 and tokens[1] != "-"
    if given or family:
        parts.append((tokens[0],))
    return parts
