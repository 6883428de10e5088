"""How a name is cut into words and folded into a lookup key.

Every list lookup goes through these, so "Mr." and "mr", "Zelenskyy's" and
"Zelenskyy", "São Paulo" and "Sao Paulo" meet the same entry.
"""

from __future__ import annotations

import re
import unicodedata

_POSSESSIVE = re.compile(r"['\u2019]s?$")


def fold(name: str) -> str:
    """The lookup key of a name: accents, case, dots and spacing folded."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()
    return " ".join(name.replace(".", "").casefold().split())


def words(name: str) -> list[str]:
    """A name's words as written, possessive endings dropped ("Russia's Defence Ministry")."""
    return [_POSSESSIVE.sub("", w) for w in name.replace("\u2019", "'").split()]


def folded_words(name: str) -> list[str]:
    """Folded words of a name, hyphens split, possessives and edge punctuation dropped."""
    return [w.strip(".,'’").removesuffix("'s") for w in fold(name).replace("-", " ").split()]


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def misspelt(surname: str, known: set[str]) -> bool:
    """``surname`` looks like a misspelling of one of the ``known`` surnames.

    Same first letter, at least five letters, not itself known, and at most
    one edit away (two for names of six letters or more): "Sharig" for
    "Sharif", "Jensen" for "Janzen".
    """
    def plain(name: str) -> str:  # "O’Neill" and "O'Neill" are one spelling
        return name.replace("\u2019", "'").replace("\u2018", "'").lower()

    if len(surname) < 5 or not surname[:1].isupper() or plain(surname) in {plain(k) for k in known}:
        return False
    limit = 2 if len(surname) >= 6 else 1
    return any(
        k[:1] == surname[:1] and abs(len(k) - len(surname)) <= 1 and edit_distance(plain(k), plain(surname)) <= limit
        for k in known
    )
