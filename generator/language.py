"""Tell English articles from others before parsing them with an English model.

An English pipeline turns other languages into confident nonsense (every
capitalised word a person), so non-English articles are skipped with a message.
Function words are the cheapest reliable signal: running English prose is
roughly 40-50% of them, other Latin-script languages well under 10%. Scripts
without spaces between words (Chinese, Japanese, Thai) give few "words", so the
share of Latin letters is checked first.
"""

from __future__ import annotations

import re

ENGLISH_FUNCTION_WORDS = frozenset((
    "the", "of", "and", "to", "a", "in", "that", "is", "was", "he", "for", "it", "with", "as", "his",
    "on", "be", "at", "by", "i", "this", "had", "not", "are", "but", "from", "or", "have", "an", "they",
    "which", "one", "you", "were", "her", "all", "she", "there", "would", "their", "we", "him", "been",
    "has", "when", "who", "will", "more", "no", "if", "out", "so", "said", "what", "up", "its", "about",
    "into", "than", "them", "can", "only", "other", "new", "some", "could", "time", "these", "two",
    "may", "then", "do", "first", "any", "my", "now", "such", "like", "our", "over", "man", "me",
    "even", "most", "made", "after", "also", "did", "many", "before", "must", "through", "back",
    "years", "where", "much", "your", "way", "well", "down", "should", "because", "each", "just",
    "those", "people", "how", "too", "little", "state", "good", "very", "make", "world", "still", "own",
    "see", "men", "work", "long", "get", "here", "between", "both", "life", "being", "under", "never",
    "day", "same", "another", "know", "while", "last", "might", "us", "great", "old", "year", "off",
    "come", "since", "against", "go", "came", "right", "used", "take", "three", "says", "say", "told"
))
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 25
MIN_SHARE = 0.15
MIN_LETTERS = 50
MIN_LATIN_SHARE = 0.5
"""English prose is almost all Latin letters even when it quotes a name or a
phrase in another script; below half, the article is in another script."""
SAMPLE_CHARS = 20_000


def english_share(text: str, *, sample: int = 3000) -> float:
    """Share of the first ``sample`` words that are common English function words."""
    words = _WORD.findall(text[: sample * 12])[:sample]
    if not words:
        return 0.0
    return sum(w.lower() in ENGLISH_FUNCTION_WORDS for w in words) / len(words)


def latin_share(text: str) -> float:
    """Share of the letters in ``text`` that are Latin (ASCII or accented)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(c < "\u0250" for c in letters) / len(letters)


def looks_english(text: str) -> bool:
    """False only when there is enough text to judge and it is not English."""
    head = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in head) >= MIN_LETTERS and latin_share(head) < MIN_LATIN_SHARE:
        return False
    words = _WORD.findall(head)
    if len(words) < MIN_WORDS:
        return True
    return english_share(text) >= MIN_SHARE
