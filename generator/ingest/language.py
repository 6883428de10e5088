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
from collections import Counter
from pathlib import Path


def _load_function_words() -> dict[str, frozenset[str]]:
    path = Path(__file__).parent.parent / "data" / "function_words.txt"
    table: dict[str, frozenset[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, _, words = line.partition(":")
            table[code.strip()] = frozenset(words.split())
    return table


# The most frequent function words of English and of the other languages
# newsrooms most often receive in Latin script (generator/data/function_words.txt).
# English wins only when its share beats every other one: a sports report full
# of names may have few English function words (14% seen), yet Dutch or Italian
# prose shares some with English (8-9%).
_FUNCTION_WORDS = _load_function_words()
ENGLISH_FUNCTION_WORDS = _FUNCTION_WORDS["en"]
OTHER_FUNCTION_WORDS = {code: words for code, words in _FUNCTION_WORDS.items() if code != "en"}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 25
MIN_SHARE = 0.05
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


def _share(words: Counter[str], vocabulary: frozenset[str]) -> float:
    """Share of the counted words that are in ``vocabulary`` (the short list is walked, not the text)."""
    total = words.total()
    return sum(words[w] for w in vocabulary if w in words) / total if total else 0.0


def latin_share(text: str) -> float:
    """Share of the letters in ``text`` that are Latin (ASCII or accented)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(c < "\u0250" for c in letters) / len(letters)


def looks_english(text: str) -> bool:
    """False only when there is enough text to judge and it is not English."""
    head = text[:SAMPLE_CHARS]
    # ASCII letters are all Latin: only other text needs counting letter by letter.
    if not head.isascii() and sum(c.isalpha() for c in head) >= MIN_LETTERS and latin_share(head) < MIN_LATIN_SHARE:
        return False
    words = _WORD.findall(head)
    if len(words) < MIN_WORDS:
        return True
    sample = Counter(w.lower() for w in words[:3000])
    english = _share(sample, ENGLISH_FUNCTION_WORDS)
    return english >= MIN_SHARE and all(english > _share(sample, v) for v in OTHER_FUNCTION_WORDS.values())
