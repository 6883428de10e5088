"""Acronyms the article itself expands: "Fisheries and Oceans Canada (DFO)".

Notes:
    An acronym is joined to a name only when the article writes the two side
    by side in the usual pattern, the name then the acronym in brackets, and
    the acronym's letters are the initials of the name's words (small words
    such as "and", "of", "the" may be skipped or counted), or, for names
    whose official acronym comes from another form of the name ("Fisheries
    and Oceans Canada (DFO)"), at least two of its letters are initials of the
    name in order. Anything else is left alone: an acronym expanded to the
    wrong body of the same initials is a wrong source.
"""

from __future__ import annotations

import functools
import re

_SMALL = frozenset({"and", "of", "for", "the", "on", "in", "de", "du", "des", "la", "&"})
_EXPANDED = re.compile(
    r"((?:[A-Z][\w'\u2019&.-]*|and|of|for|the|on|in|de|&)(?:\s+(?:[A-Z][\w'\u2019&.-]*|and|of|for|the|on|in|de|&)){1,9})"
    r"\s*\(([A-Z][A-Za-z]{1,7})\)"
)

_REVERSED = re.compile(
    r"\b([A-Z][A-Za-z]{1,7})\s*\(((?:[A-Z][\w'\u2019&.-]*|and|of|for|the|on|in|de|&)"
    r"(?:\s+(?:[A-Z][\w'\u2019&.-]*|and|of|for|the|on|in|de|&)){1,9})\)"
)
"""The other order: "Isis (Institute of Strategic and International Studies)"."""


_COMMON = re.compile(r"\b((?:[a-z][a-z-]*\s+){1,5}[a-z][a-z-]*)\s*\(([A-Z]{2,6})s?\)")
"""An acronym after lower-case words: "chief technology officer (CTO)", "intensive care unit (ICU)"."""


def common_acronyms(text: str) -> frozenset[str]:
    """Acronyms the article expands into ordinary lower-case words: common nouns, never names.

    Why: the model labels capital-letter abbreviations as organisations
    ("CTO", "ICU", "SMS"); when the article itself spells one out in lower
    case, it says the abbreviation is a job, a ward or a thing. Only where the
    initials of the words right before the bracket spell it.
    """
    return frozenset(m.group(2) for m in _COMMON.finditer(text) if _fits(m.group(2), m.group(1).split()))


def _fits(acronym: str, words: list[str]) -> int:
    """How many words at the end of ``words`` the acronym's letters spell (0 if none)."""
    letters = [c for c in acronym if c.isupper()]
    if len(letters) == 1 and len(acronym) >= 3 and acronym[1:].islower():
        # Acronyms written as words ("Seri", "Isis", "Nato"): every letter is an initial.
        letters = list(acronym.upper())
    need = len(letters)
    # Try the shortest tail of words whose initials (small words optional) give the letters.
    for start in range(len(words) - 1, -1, -1):
        tail = words[start:]
        if tail[0].lower() in _SMALL:
            continue
        required = [w[0] for w in tail if w.lower() not in _SMALL]
        full = [w[0].upper() for w in tail]
        if required == letters or full == letters:
            return len(tail)
        if len(required) > need:
            break
    return 0


def _shares_initials(acronym: str, words: list[str]) -> bool:
    """At least two of the acronym's capitals are initials of the words, in order."""
    initials = [w[0] for w in words if w.lower() not in _SMALL]
    matched, i = 0, 0
    for c in (c for c in acronym if c.isupper()):
        j = next((k for k in range(i, len(initials)) if initials[k] == c), None)
        if j is not None:
            matched += 1
            i = j + 1
    return matched >= 2


def expansion_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the names written right before their bracketed acronym, where the initials agree.

    The spans of :func:`expansions`, for the places the model cut such a name
    apart ("Nursing and Midwifery Council (NMC)" labelled "Midwifery Council").
    """
    found = expansions(text)
    spans = []
    for m in _EXPANDED.finditer(text):
        name = found.get(m.group(2))
        if name and m.group(1).endswith(name):
            spans.append((m.end(1) - len(name), m.end(1)))
    return spans


_POSSESSIVE_END = re.compile(r"(?<=s)['\u2019]$|['\u2019]s$")


def expansions(text: str) -> dict[str, str]:
    """Acronym → the name the article expands it to, where the initials agree."""
    return dict(_expansions(text))


@functools.lru_cache(maxsize=8)
def _expansions(text: str) -> tuple[tuple[str, str], ...]:
    """:func:`expansions` as pairs, kept for the last few texts: the entity finder, the speaker
    resolvers and the corrections each ask it of the same article (a regex over the whole text)."""
    found: dict[str, str] = {}
    pairs = [(m.group(1).split(), m.group(2)) for m in _EXPANDED.finditer(text)]
    for m in _REVERSED.finditer(text):
        words = m.group(2).split()
        # Only when the whole bracket spells the acronym: "Biden (Joe Biden)" is no expansion.
        if _fits(m.group(1), words) == len(words):
            pairs.append((words, m.group(1)))
    for words, acronym in pairs:
        n = _fits(acronym, words)
        if not n:
            while words and (words[0].lower() in _SMALL or words[0] == "The"):
                words = words[1:]
            n = len(words) if len(words) >= 2 and _shares_initials(acronym, words) else 0
        if n:
            # "The United Nations’ (UN) top court": the possessive mark is no part of the name.
            name = _POSSESSIVE_END.sub("", " ".join(words[-n:]))
            if found.get(acronym, name) != name:
                found[acronym] = ""  # two expansions: none is sure
            else:
                found[acronym] = name
    return tuple((k, v) for k, v in found.items() if v)
