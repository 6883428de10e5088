"""Which person a name stands for: the fullest form the article gives, or nobody when two fit.

Notes:
    A surname, an honorific form ("Mr Bowen"), a first name or a nickname
    maps to the fullest form of a person the article names that ends with or
    starts with it, and only when exactly one person fits; a lone word that
    is one person's surname and another's given name fits both. This is the
    name part of the resolver (``speakers.Resolver``); the forms come from
    its constructor.
"""

from __future__ import annotations

from generator.extract.speech.discourse import Discourse
from generator.extract.speech.names import core, misspelt, name_words
from generator.lexicon.people import HONORIFICS, ROLE_NOUNS, common_given_names


class NameResolution(Discourse):
    """Names to people: the resolver's lookups against the forms the article gives."""

    nicknames: dict[tuple[str, ...], str]
    """Nickname words -> full name ("Uncle Poodle" -> "Lee Thompson")."""


    def person_name(self, text: str, offset: int) -> str | None:
        """The fullest form of the person called ``text``, or None if unclear."""
        words = name_words(text)
        titles = ROLE_NOUNS | HONORIFICS
        surname = len(words) == 1 and any(len(f) >= 2 and core(f)[-1] == words[0] for _, f in self.forms)
        if not words:
            return None
        if all(w.lower().rstrip(".") in titles for w in words) and not surname:
            # "Prime Minister", "Mr": a title alone names nobody (unless it is the
            # surname of someone the article names: "King said" after Martin Luther King Jr.),
            # except the one person introduced before with that title ("King Charles ...
            # the King said"); two such people, and it names nobody.
            holder = self.index.described(list(words), offset) if words[-1].lower() in ROLE_NOUNS else None
            return holder.name if holder is not None else None
        if words in self.nicknames:
            # "Uncle Poodle" after "Lee 'Uncle Poodle' Thompson": the nickname is an alias.
            return self.nicknames[words]
        if words[-1].lower() in ROLE_NOUNS and not self.index.is_given_name(words[0]) and not surname:
            # "Foreign Secretary": a name does not end in a title unless it starts
            # with a given name ("Howard Dean").
            return None
        fulls = self._fulls(words)
        if self._two_readings(words, {form for start, form in self.forms if start < offset and form in fulls}):
            return None
        if len(fulls) > 1:
            # Two people share the name: the one named most recently before wins.
            before = [form for start, form in self.forms if start < offset and form in fulls]
            if not before:
                return None
            fulls = {before[-1]}
        if not fulls:
            return " ".join(words) if len(words) >= 2 else None
        if len(words) == 1 and fulls == {words} and misspelt(words[0], self.surnames):
            # "Jensen said" where only "Nathan Janzen" was introduced: a misspelling
            # of someone, and which one is a guess.
            return None
        return " ".join(next(iter(fulls)))

    def _fulls(self, words: tuple[str, ...]) -> set[tuple[str, ...]]:
        """The fullest forms that end with ``words`` (or start with a lone given name)."""
        fits: set[tuple[str, ...]] = set()
        for _, form in self.forms:
            if len(form) < len(words):
                continue
            # "King" is the surname of "Martin Luther King Jr.".
            short = core(form) if words[-1:] != form[-1:] else form
            if short[-len(words):] == words or (len(words) == 1 and form[0] == words[0]):
                fits.add(form)
        return {f for f in fits if not any(len(g) > len(f) and g[-len(f):] == f for g in fits)}

    def _two_readings(self, words: tuple[str, ...], fulls: set[tuple[str, ...]]) -> bool:
        """A lone word that is one person's surname and starts another's name.

        "Murray said" in an article naming Bob Murray and (the tagger's)
        "Murray Mining": news calls people by surname, but features call them
        by given name, so when the word is one people are given (the
        birth-name table has "Murray") both readings fit, the text does not
        say which, and the one named last is a guess. Only people named
        before the word count: one named later is not who it stands for yet.
        """
        if len(words) != 1 or words[0] not in common_given_names():
            # "Trump" after Donald Trump and a headline the tagger read as a name ("Trump
            # Stands Tall"): a word nobody is given cannot be the given-name reading.
            return False
        ends = {f for f in fulls if len(f) > 1 and core(f)[-1] == words[0]}
        starts = {f for f in fulls if len(f) > 1 and f[0] == words[0] and core(f)[-1] != words[0]}
        return bool(ends) and bool(starts)

    def _known_person(self, text: str) -> bool:
        words = name_words(text)
        return any(
            f == words or (len(f) > len(words) and f[-len(words):] == words) or (len(words) == 1 and f[0] == words[0])
            for _, f in self.forms
        )
