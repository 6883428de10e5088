"""The people of one article as the speaker resolver sees them: one index, built once.

Notes:
    Resolution works by agreement, not recency alone: before "she said" can
    go to someone, that someone must be able to be "she". The evidence a news
    article gives about a person is gathered here once per article: the
    honorific before a mention ("Mrs Kennedy"), a gendered title or role
    ("spokeswoman"), the given name (a table of given names that almost
    always name one sex, ``data/lexicon/given_name_genders.tsv``), an age in
    apposition ("Maria Lopez, 52,"), and the words of roles and appositions
    ("the cheerful owner" can then be linked to the owner). Conflicting
    evidence leaves a person's gender unknown, and unknown never rules a
    candidate out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from generator.lexicon.people import (
    FEMALE_WORDS,
    HONORIFICS,
    MALE_WORDS,
    common_given_names,
    given_name_genders,
)

if TYPE_CHECKING:
    from generator.model import Entity
    from generator.nlp import Parsed

Gender = Literal["m", "f"]

_AGE_AFTER = re.compile(r"\s*,\s*(\d{1,3})\s*[,)]")
_AGE_DESCRIPTION = re.compile(r"^(\d{1,3})-year-old$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


def word_gender(word: str) -> Gender | None:
    """'m' or 'f' for an honorific or gendered title ("Mrs", "spokeswoman"), else None."""
    low = word.lower().rstrip(".")
    if low in MALE_WORDS:
        return "m"
    if low in FEMALE_WORDS:
        return "f"
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """One person of the article with the evidence the text gives about them."""

    name: str
    gender: Gender | None
    ages: frozenset[int]
    description_words: frozenset[str]
    """Lower-case words of every role and apposition given to the person."""
    first: int
    """Offset of the first mention."""


def _agree(votes: set[Gender]) -> Gender | None:
    return next(iter(votes)) if len(votes) == 1 else None


class PeopleIndex:
    """Every person of the article with gender, ages and descriptions."""

    def __init__(self, parsed: Parsed, people: tuple[Entity, ...]) -> None:
        text = parsed.text
        names = given_name_genders()
        self.people: list[Person] = []
        for person in people:
            votes: set[Gender] = set()
            words = [w for w in person.name.split() if w.lower().rstrip(".") not in HONORIFICS]
            if len(words) >= 2 and words[0] in names:
                votes.add(names[words[0]])  # type: ignore[arg-type]
            ages: set[int] = set()
            for m in person.mentions:
                before = text[max(0, m.start - 12) : m.start].split()
                if before and (g := word_gender(before[-1])) is not None:
                    votes.add(g)
                if (age := _AGE_AFTER.match(text, m.end)) is not None and 0 < int(age.group(1)) < 120:
                    ages.add(int(age.group(1)))
            for form in person.aliases:
                first = form.split()[0] if form.split() else ""
                if (g := word_gender(first)) is not None:
                    votes.add(g)
            described = {w.lower() for role in person.roles for w in _WORD.findall(role)}
            for w in described:
                if (g := word_gender(w)) is not None:
                    votes.add(g)
            self.people.append(Person(
                name=person.name, gender=_agree(votes), ages=frozenset(ages), description_words=frozenset(described),
                first=person.mentions[0].start if person.mentions else 0,
            ))
        self._by_name = {p.name: p for p in self.people}

    def gender(self, name: str) -> Gender | None:
        """The person's gender when the article makes it clear."""
        person = self._by_name.get(name)
        return person.gender if person else None

    def described(self, words: list[str], before: int) -> Person | None:
        """The one person introduced before ``before`` whom a description fits, else None.

        ``words`` are the description's words without its determiner, head
        last. "the 45-year-old" fits the person given the age 45; "the owner"
        or "the prime minister" the person whose roles hold every one of the
        words. Two fits, or none, give None: the resolver then abstains.
        """
        if not words:
            return None
        age = _AGE_DESCRIPTION.match(words[-1].lower())
        wanted = {w.lower() for w in words if w[:1].isalpha()}
        fits = [
            p for p in self.people if p.first < before
            and ((age is not None and int(age.group(1)) in p.ages)
                 or (age is None and bool(wanted) and wanted <= p.description_words))
        ]
        return fits[0] if len(fits) == 1 else None

    def described_words(self, name: str) -> frozenset[str]:
        """Lower-case words of the roles and appositions the article gives the person."""
        person = self._by_name.get(name)
        return person.description_words if person else frozenset()

    def ages(self, name: str) -> frozenset[int]:
        """The ages the article gives the person ("Maria Lopez, 52,")."""
        person = self._by_name.get(name)
        return person.ages if person else frozenset()

    def is_given_name(self, word: str) -> bool:
        return word in common_given_names()
