"""How a person's name is written in one article: forms, nicknames, misspellings.

Notes:
    The resolver maps a mention ("Kennedy", "Mrs Kennedy", "Uncle Poodle")
    to the fullest form the article gives. Two conventions of news copy need
    their own evidence, gathered here once per article:

    - A nickname inside a full name, in quotation marks: "Lee 'Uncle Poodle'
      Thompson", "Anna 'Chickadee' Cardwell". Tabloids then call the person
      by the nickname alone ("Uncle Poodle said"); it is an alias of the full
      name, not a person of its own.
    - A misspelt surname: copy written fast gives "Jensen said" about
      Nathan Janzen, or "Sharig" for Sharif. A lone surname the article never
      gives with a first name, spelt almost like a surname it does give, is
      most likely that person misspelt, but which one (there may be two
      Sharifs) is a guess: the resolver abstains rather than show the
      misspelling as a person of its own.
"""

from __future__ import annotations

import re
import unicodedata

from generator.lexicon.people import HONORIFICS, NAME_SUFFIXES, ROLE_NOUNS
from generator.lexicon.text import misspelt as misspelt  # its home is the lexicon, where the site reads it too

_POSSESSIVE = re.compile(r"[\u2018\u2019']s?$")
_NICKNAMED = re.compile(
    r"\b([A-Z][\w\u2019'-]+)\s+[\u2018\u201c'\"]([A-Z][^\u2018\u2019\u201c\u201d'\"\n]{0,30}?)[\u2019\u201d'\"]\s+"
    r"([A-Z][\w\u2019'-]+)"
)
"""Given name, a nickname in quotation marks, surname: "Lee 'Uncle Poodle' Thompson"."""


def norm(text: str) -> str:
    """A name as written, without possessive, stray punctuation or invisible characters.

    Zero-width spaces and bidi marks inside a name would make a second person.
    """
    visible = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return " ".join(_POSSESSIVE.sub("", visible).split()).strip(" ,")


def name_words(text: str) -> tuple[str, ...]:
    """The words of a name without possessive, titles, honorifics or stray punctuation."""
    words = [w for w in norm(text).split() if w.lower() not in HONORIFICS]
    # "Martin Luther King Jr.": the suffix follows the surname, which is no title.
    body = core(tuple(words))
    suffix = tuple(words[len(body) :])
    # "Communications Minister Fahmi Fadzil": the name starts after the last title word.
    titled = [i for i, w in enumerate(body[:-1]) if w.lower() in ROLE_NOUNS]
    return (body[titled[-1] + 1 :] if titled else body) + suffix


def core(form: tuple[str, ...]) -> tuple[str, ...]:
    """A full name without its generational suffix: "Martin Luther King Jr." ends in "King".

    Only for matching a short form: the suffix stays part of the name shown
    (Donald Trump Jr. is not his father).
    """
    words = list(form)
    while len(words) > 1 and words[-1].lower().rstrip(".,") in NAME_SUFFIXES:
        words.pop()
    return tuple(words)


def nicknames(text: str) -> dict[tuple[str, ...], str]:
    """Nickname words -> the full name they stand for, from "Given 'Nick' Surname".

    The nickname alone and its last word ("Poodle" for "Uncle Poodle") both
    map to "Given Surname". A nickname given to two people maps to neither.
    """
    found: dict[tuple[str, ...], set[str]] = {}
    for m in _NICKNAMED.finditer(text):
        given, nick, surname = m.group(1), norm(m.group(2)), norm(m.group(3))
        if given.lower() in HONORIFICS or not nick:
            continue
        full = f"{given} {surname}"
        words = tuple(nick.split())
        found.setdefault(words, set()).add(full)
        if len(words) > 1:
            found.setdefault(words[-1:], set()).add(full)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}
