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
