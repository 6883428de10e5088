"""Names the model cut out of a longer name, or that the article uses as no name: no page.

The model's span sometimes stops short of the name the article writes:
"Silicon Valley" of Silicon Valley Bank, "Montreal" of Bank of Montreal,
"Stop Oil" of Just Stop Oil, "Hudson" of Annandale-on-Hudson, "Serra" of Serra
da Estrela, "Marine Corps" of the United States Marine Corps. Each such part
became a page for a place or body the article never names (issue 12: on
held-out news a fifth of the wrong place and organisation pages). A name
whose every mention the article continues with more of a name is such a part,
and gets no page from that brief; one mention standing alone is enough to keep
it ("the Bank of England ... England's economy").

What continues a name (:func:`continued`): a capitalised word right before or
after it that is no title, role, nationality, weekday or month ("Apple CEO Tim
Cook", "US President Joe Biden", "in London Tuesday" stand alone); a hyphen
and a capitalised word or a place-name particle ("-on-Hudson"); "of", a name
particle ("da", "dos", "d'") or, after an "of" name, "and" with a capitalised
word ("Police Federation of England and Wales"). Mentions on title-case lines
(headlines, crossheads), where every word is capitalised, tell nothing either way.

Two more uses say a capitalised name is no entity: a model number after it
("Sputnik 1", "Airbus A350", "the Spark 15": a product), and the indefinite
article before it with no noun after ("a State Party to the Rome Statute",
"ordering a Bud Light"), which a name takes only as a common noun ("an Apple
spokesman" is a name used as a modifier, and stays).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator.lexicon.dates import MONTHS, NAMED_DAYS, WEEKDAYS
from generator.lexicon.load import entries
from generator.lexicon.organizations import ORG_HEADS, ORG_LEADS
from generator.lexicon.people import (
    COURTESY,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ROLE_NOUNS,
    ROYAL_TITLES,
    common_given_names,
    given_names,
)
from generator.lexicon.places import PLACE_HEADS, demonyms
from generator.lexicon.text import fold
from generator.model import Entity

_CAPS_AFTER = re.compile(r"^[ \t]+(?P<words>(?:[^\W\d_][\w'’.]*[ \t]+){0,2}[^\W\d_][\w'’.]*)")
_OF_AFTER = re.compile(r"^[ \t]+(?P<link>of|and)[ \t]+(?:the[ \t]+)?(?P<word>[^\W\d_][\w'’.]*)")
_HYPHEN_AFTER = re.compile(r"^-(?:on|upon|sur|en)-[^\W\d_]")
_PARTICLE_AFTER = re.compile(r"^[ \t]+(?:d['’]|(?P<particle>[a-z]+)[ \t]+)(?P<word>[^\W\d_])")
_WORD = re.compile(r"[^\W\d_][\w'’.]*")
_HYPHEN_LINKS = ("-on-", "-upon-", "-sur-", "-en-")
_MODEL_NUMBER = re.compile(r"^[ -](?:[A-Z]{0,2}\d{1,3}[A-Za-z]?)(?![\w%]|[.,:\-–]\d)")
"""A model number after a name; not a score ("defeated Pomona College 23-7") or a figure ("1.5")."""
_INDEFINITE = frozenset({"a", "an", "A", "An"})
_NEXT_WORD = re.compile(r"^[ \t]*(?P<word>[^\W\d_]+)")
_SMALL = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "as", "from",
                    "but", "if", "so", "not", "no", "yes", "it", "its", "this", "that", "he", "she", "we", "they",
                    "i", "his", "her", "their", "our", "my", "after", "before", "when", "while", "then"})


def _standalone_word(word: str) -> bool:
    """A word that stands beside a name without being part of it: not capitalised, or a title, role,
    nationality, date word, possessive, or capitals ("US Delta Force": the country's, not the name's)."""
    key = fold(word).rstrip(".")
    return (
        not word[:1].isupper()
        or (word.isupper() and len(word) <= 3)
        or word.endswith(("'s", "’s"))
        or key in _SMALL
        or key in ROLE_NOUNS
        or key in COURTESY
        or key in ROYAL_TITLES
        or key in NAME_SUFFIXES
        or key in demonyms()
        or key in MONTHS
        or key in WEEKDAYS
        or key in NAMED_DAYS
    )


def _line(body: str, start: int, end: int) -> str:
    left = body.rfind("\n", 0, start) + 1
    right = body.find("\n", end)
    return body[left : right if right >= 0 else len(body)]


UNITS = frozenset(entries("units.txt"))
"""Units and counted nouns after a number: a distance or amount, not a model ("70 km from")."""
_PUNCTUATION = "\"'“”‘’()[]{},.;:!?—–-*"


@functools.lru_cache(maxsize=4096)
def _title_case_line(line: str) -> bool:
    """Most words capitalised: a headline, a crosshead or a row of headlines, where a capital says nothing.

    Cached by line: every mention of a paragraph asks about the same line."""
    seen = lower = 0
    for raw in line.split():
        word = raw.strip(_PUNCTUATION)
        if not word[:1].isalpha() or word.lower() in _SMALL:
            continue
        seen += 1
        if not word[0].isupper():
            lower += 1
            if lower >= 3 and lower > 0.15 * seen:  # a paragraph of prose: no need to read on
                return False
    return seen >= 2 and seen - lower >= 0.85 * seen


def _sentence_start(before: str) -> bool:
    """Nothing but punctuation, quotes or a line break between the last sentence's end and here."""
    stripped = before.rstrip(" \t\"'“‘(")
    return not stripped or stripped[-1] in ".!?:\n—–-"


def _given(word: str) -> bool:
    return word in given_names() or word in common_given_names()


def _of_head(word: str) -> bool:
    """A word whose "of" phrase is part of its name: "Bank of Montreal", "University of Cape Town"."""
    key = fold(word)
    return key in ORG_HEADS or key in ORG_LEADS or key in PLACE_HEADS


@dataclass(frozen=True, slots=True)
class _Before:
    """The word written right before a mention, as string operations find it (a regex anchored at
    the end of the text tried every position of it, and the catalog asks for every mention)."""

    word: str
    of: bool
    """The word is followed by "of" ("Bank of Montreal")."""
    head: str
    """The text before the word."""


def _word_before(before: str) -> _Before | None:
    if not before or before[-1] not in " \t":
        return None
    text = before.rstrip(" \t")
    last = text.rsplit(None, 1)[-1] if text.strip() else ""
    of = last == "of"
    if of:
        text = text[: -len(last)].rstrip(" \t")
        last = text.rsplit(None, 1)[-1] if text.strip() else ""
    if not _WORD.fullmatch(last):
        return None
    return _Before(word=last, of=of, head=text[: len(text) - len(last)])


def continued(body: str, start: int, end: int, kind: str) -> bool | None:
    """Whether the mention ``body[start:end]`` is a part of a longer name; None when its line cannot tell."""
    if _title_case_line(_line(body, start, end)):
        return None
    after, before = body[end : end + 60], body[max(0, start - 60) : start]
    hyphen_before = before.endswith(_HYPHEN_LINKS) and before.rstrip("-").rpartition("-")[0][-1:].isalpha()
    if _HYPHEN_AFTER.match(after) or hyphen_before:
        return True  # "Annandale-on-Hudson"; not "Texas-Mexico border" or "Beijing-based"
    model = _MODEL_NUMBER.match(after)
    if model is not None:
        unit = _NEXT_WORD.match(after[model.end() :])
        if unit is None or unit.group("word").casefold() not in UNITS:
            return True  # "Sputnik 1", "Airbus A350", "the Bishop Pass 15"; not "Moengo 56 miles east"
    b = _word_before(before)
    if b is not None and not b.of and b.word in _INDEFINITE:
        following = _NEXT_WORD.match(after)
        if following is None or fold(following.group("word")) in _SMALL or not following.group("word").islower():
            return True  # "a State Party to the Rome Statute", "ordering a Bud Light": a common noun
    p = _PARTICLE_AFTER.match(after)
    if p is not None and (p.group("particle") is None or p.group("particle") in NAME_PARTICLES):
        return True  # "Serra da Estrela", "Coeur d'Alene", "Luiz Inácio Lula da Silva"
    if b is not None and b.of and fold(b.word) in ROLE_NOUNS:
        return False  # "President of Iceland Ólafur Grímsson"
    if kind == "person":  # "Teri Allery of North Dakota", "Advocate Mokitimi Tšosane": no part of a name
        return False
    m = _CAPS_AFTER.match(after)
    if m is not None:
        words = m.group("words").split()
        capitalised = []
        for word in words:
            if not word[:1].isupper():
                break
            capitalised.append(word)
        # "Apple CEO Tim Cook", "House Minority Leader", "in London Tuesday", "President of Iceland Ólafur"
        standalone = not capitalised or any(_standalone_word(w) for w in capitalised) or _given(capitalised[0])
        if not standalone:
            return True  # "Silicon Valley Bank", "Red Sea University"
    o = _OF_AFTER.match(after)
    if o is not None and not _standalone_word(o.group("word")):
        written = body[start:end]
        if _of_head((written.split() or [""])[-1]) if o.group("link") == "of" else " of " in written:
            return True  # "Eastern District of New York", "Police Federation of England and Wales"
    if b is not None and not _standalone_word(b.word):
        if b.of:
            return _of_head(b.word)  # "Bank of Montreal"; not "Residents of Ha Tuke"
        if not _sentence_start(b.head):
            return True  # "Just Stop Oil", "United States Marine Corps"
    return False


def is_fragment(entity: Entity, body: str) -> bool:
    """Every mention of the entity that can tell is a part of a longer name (see the module's notes)."""
    told = False
    for m in entity.mentions:
        if body[m.start : m.end] != m.text:
            continue
        part = continued(body, m.start, m.end, entity.kind)
        if part is False:
            return False  # one mention standing alone is enough
        told = told or part is True
    return told
