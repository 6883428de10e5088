"""One page per real entity across articles: stable, slug-safe name keys.

``entity_key`` turns a name as an article writes it into a slug-safe key that
stays the same for the spellings news uses for one entity: transliterations
(Zelensky/Zelenskyy/Zelenskiy, Aleksei/Alexei/Alexey), a listed place's other
names (Kiev/Kyiv), a listed organisation's abbreviations (U.N./United Nations),
titles and a leading "the". A site owner corrects what rules cannot know with
an aliases file (``aliases.py``).
"""

from __future__ import annotations

import contextlib
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from generator.lexicon.people import COURTESY, FEMALE_WORDS, MALE_WORDS, PEERAGE, PERSON_KEY_TITLES, ROYAL_TITLES
from generator.lexicon.places import nickname_of

POSSESSIVE = re.compile(r"['’‘`]s$")
"""A possessive ending, whichever apostrophe the copy typed ("Travis Kelce‘s" has an opening quote)."""

# Transliteration spellings reduced to one form, applied to each word in order.
# Why: Russian and Ukrainian names reach English news through several systems
# (-y/-iy/-yy endings, x/ks, e/yo, -ei/-ey/-ej); the reduced form is the
# common English spelling (Alexei, Sergei, Zelensky, Maxim) so keys read well in URLs.
_TRANSLIT: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ks"), "x"),
    (re.compile(r"(?<=[bcdfghklmnprstvz])yo"), "e"),
    (re.compile(r"e[iyj]$"), "ei"),
    (re.compile(r"(?<=[^aeiou])[iy]+$"), "y"),
)


def ascii_key(text: str) -> str:
    """ASCII, lower case, apostrophes and dots dropped, other punctuation a space: the form of URLs and page keys
    (lexicon.text.fold, for list look-ups, keeps punctuation)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’‘`.]", "", ascii_text.lower())
    return " ".join(re.sub(r"[^a-z0-9&]+", " ", ascii_text).split())


def slug(text: str) -> str:
    """A URL- and file-safe slug of a name (the exact name, no merging)."""
    return "-".join(ascii_key(text).replace("&", "and").split())[:80].strip("-") or "unnamed"


def _person_words(name: str) -> list[str]:
    words = ascii_key(POSSESSIVE.sub("", name)).split()
    courtesy = ""
    while len(words) > 1 and words[0] in PERSON_KEY_TITLES:
        if words[0] in COURTESY and words[0] not in PEERAGE and not courtesy:
            courtesy = "mr" if words[0] in MALE_WORDS else "ms" if words[0] in FEMALE_WORDS else ""
        elif words[0] in ROYAL_TITLES and not courtesy:
            courtesy = words[0]
        words.pop(0)
    # "Mr Clinton" and "Mrs Clinton" of two articles are two people: a surname alone
    # keeps the sex its courtesy title tells (Mrs, Ms and Miss are one style choice);
    # a royal's one name keeps the title ("King Charles" is not every Charles).
    if len(words) == 1 and courtesy:
        words.insert(0, courtesy)
    out = []
    for word in words:
        for pattern, repl in _TRANSLIT:
            word = pattern.sub(repl, word)
        out.append(word)
    return out


def _place_name(name: str) -> str:
    """The gazetteer's own name for a place the gazetteer knows unambiguously."""
    from generator.lexicon.gazetteer import gazetteer, resolve

    place = resolve(gazetteer().lookup(name), frozenset())
    return place.name if place is not None else name


def _org_name(name: str) -> str:
    from generator.lexicon.organizations import known_orgs

    org = known_orgs().get(" ".join(ascii_key(name).split()))
    return org.name if org is not None else name


_MEMO: dict[tuple[str, str], str] = {}
"""Keys already computed, by (kind, name): a place's key needs the gazetteer, which takes seconds to load."""
_ASKED: list[set[tuple[str, str]]] = []
"""The names asked for inside each open :func:`remembered_keys` block."""


def entity_key(kind: str, name: str) -> str:
    """A stable, slug-safe key: the same for the spellings of one entity.

    >>> entity_key("person", "Volodymyr Zelenskyy") == entity_key("person", "Volodymyr Zelensky")
    True
    >>> entity_key("place", "Kiev") == entity_key("place", "Kyiv")
    True
    """
    found = _MEMO.get((kind, name))
    if found is None:
        found = _MEMO[(kind, name)] = _entity_key(kind, name)
    if _ASKED:
        _ASKED[-1].add((kind, name))
    return found


def _entity_key(kind: str, name: str) -> str:
    name = re.sub(r"^(?:the|The|THE)\s+", "", name.strip())
    if kind == "person":
        return slug(" ".join(_person_words(name)))
    if kind == "place":
        return slug(_place_name(nickname_of(name) or name))
    return slug(_org_name(POSSESSIVE.sub("", name)))


def same_entity(kind: str, a: str, b: str) -> bool:
    """Whether two names written in different articles are one entity."""
    return entity_key(kind, a) == entity_key(kind, b)


@contextlib.contextmanager
def remembered_keys(path: Path, salt: str) -> Iterator[None]:
    """Keys computed by an earlier build, reused while the code and data (``salt``) are the same.

    A warm build then never loads the gazetteer; new keys are saved on the way out.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    stored: set[tuple[str, str]] = set()
    if isinstance(data, dict) and data.get("salt") == salt and isinstance(data.get("keys"), list):
        for row in data["keys"]:
            if isinstance(row, list) and len(row) == 3 and all(isinstance(x, str) for x in row):
                _MEMO.setdefault((row[0], row[1]), row[2])
                stored.add((row[0], row[1]))
    asked: set[tuple[str, str]] = set()
    _ASKED.append(asked)
    try:
        yield
    finally:
        _ASKED.pop()
    if asked - stored:  # the names of this build, so the file follows the site
        from generator.site.writer import atomic_write

        rows = sorted([kind, name, _MEMO[(kind, name)]] for kind, name in asked)
        atomic_write(path, json.dumps({"salt": salt, "keys": rows}) + "\n")
