"""How much a gazetteer reading or a given-name listing is worth against the model.

One place for the thresholds every rule shares (a big city, a strong city,
the article's own countries).
"""

from __future__ import annotations

import functools

from generator.extract.entities.build import Group
from generator.lexicon.gazetteer import Place, gazetteer
from generator.lexicon.people import common_given_names, given_names, more_given_names

BIG_CITY = 1_000_000
"""A word naming a city this big inside a longer name marks a company or club, not a person."""
STRONG_CITY = 100_000
"""A city this big beats the model's "person" label for a one-word name (Kyiv)."""


def article_countries(groups: dict[str, Group]) -> frozenset[str]:
    """The countries the article names by their own names (and its dateline's country)."""
    out: set[str] = set()
    for g in groups.values():
        own = [r.country for r in g.readings if r.country and not r.weak and not r.alternate]
        out.update(r.country for r in g.readings if r.country in own and r.subtype == "country")
        if g.votes["DATELINE"] and len(set(own)) == 1:
            out.add(own[0])
    return frozenset(out)


def is_given(word: str) -> bool:
    """A common given name: the curated list or the US birth counts (names that nearly always name one sex)."""
    return word in given_names() or word in common_given_names()


def leads_full_name(words: list[str]) -> bool:
    """Whether a name's first word is a given name that makes it a person's full name.

    The common given names always count; the wider list (``given_names_more.txt``:
    "Amit", "Royce", "Alfie") only before words that are no English noun or adjective:
    "Amit Mehrotra", "Alfie Gilchrist", but not "Dow Chemical", "Reagan Communications",
    "Crandall Canyon", whose first words are given names too. Alone such a word says
    little ("Tory", "Everton").
    """
    if not words:
        return False
    if is_given(words[0]):
        return True
    return words[0] in more_given_names() and len(words) > 1 and not any(
        w.casefold() in english_words() for w in words[1:]
    )


@functools.cache
def english_words() -> frozenset[str]:
    """Common English nouns and adjectives, lower case: the lemma index of the default pipeline's lemmatizer.

    Why the model's own table: it ships with the pipeline (WordNet's nouns and adjectives), so
    no list of our own has to guess what a surname cannot be; without it (another pipeline,
    no lemmatizer) the set is empty and the wider given names count everywhere.
    """
    from generator.nlp import ModelError, load_pipeline

    try:
        nlp = load_pipeline()
    except ModelError:  # no model: no words, and the rule falls back to the common names
        return frozenset()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(w for pos in ("noun", "adj") for w in index.get(pos, ()))


def holds_place(text: str) -> bool:
    gaz = gazetteer()
    return any(
        r.subtype in {"country", "continent"} or r.population >= BIG_CITY
        for word in text.split()
        if word not in given_names()
        for r in gaz.lookup(word)
    )


def is_wide(place: Place) -> bool:
    """A reading big enough to trust without the model: country, region, listed place or big city."""
    return not place.weak and (place.subtype != "city" or place.population >= STRONG_CITY)


def beats_person(place: Place) -> bool:
    """A reading strong enough to overrule the model's "person" (Kyiv, not Bush, Egypt or Lara, Venezuela)."""
    if place.weak or place.alternate:
        return False
    return place.subtype != "city" or place.population >= BIG_CITY
