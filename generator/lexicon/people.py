"""Words about people: titles and honorifics, role nouns, gender words, name parts.

Every set here is a facet of one list in ``generator/data/lexicon/``
(``people.tsv``, ``name_particles.tsv``, ``surname_first.txt``,
``not_names.txt``, ``given_names.txt``).
"""

from __future__ import annotations

import functools

from generator.lexicon.load import LEXICON, entries, tagged
from generator.lexicon.organizations import GOVERNMENT_WORDS, ORG_HEADS, ORG_NOUNS
from generator.lexicon.places import PLACE_HEADS, STREET_WORDS, demonyms
from generator.lexicon.text import fold

_PEOPLE = "people.tsv"

COURTESY = tagged(_PEOPLE, "courtesy")
"""Courtesy titles before a name ("Mr", "Dame", Malaysian "Datuk Seri"): a person cue, never a role."""
TITLES = tagged(_PEOPLE, "title")
"""Titles written before a name ("President", "Gen."): a person cue, kept as the person's role."""
ROLE_NOUNS = TITLES | tagged(_PEOPLE, "role")
"""Titles and role nouns: they end a role phrase ("Kremlin spokesperson", "head of the ...") and
make a speaker's description a title ("the minister", "the spokesman")."""
PEOPLE_ABBREVIATIONS = tagged(_PEOPLE, "abbreviation")
"""Titles and name suffixes written with a full stop that ends no sentence ("Gen.", "Jr.")."""
HONORIFICS = tagged(_PEOPLE, "honorific") | {word + "." for word in tagged(_PEOPLE, "honorific") & PEOPLE_ABBREVIATIONS}
"""Honorifics dropped from a speaker's name ("Mr." and "Mr" alike)."""
NAME_SUFFIXES = tagged(_PEOPLE, "suffix")
"""Generational suffixes after a surname ("Jr.", "III"), folded and without the full stop."""
TITLE_HEADS = tagged(_PEOPLE, "title-head")
"""Titles that name one office holder: "the mayor" is the article's mayor."""
UNNAMED_HEADS = tagged(_PEOPLE, "unnamed")
"""Head nouns of anonymous sources ("a Foreign Ministry official", "people familiar with the talks")."""
MALE_WORDS = tagged(_PEOPLE, "male")
FEMALE_WORDS = tagged(_PEOPLE, "female")
"""Honorifics and titles that tell a person's gender, for he/she resolution."""
ROYAL_TITLES = tagged(_PEOPLE, "royal")
"""Titles after which a regnal number belongs to the name ("Queen Elizabeth I")."""
PEERAGE = tagged(_PEOPLE, "peerage")
"""Courtesy titles of honours ("Lord", "Dame"): "Lord Cameron" and "Mr Cameron" are one man."""
AFTER_PERSON = tagged(_PEOPLE, "after-name")
POST_NOMINALS = tagged(_PEOPLE, "post-nominal")
"""Letters written after a full name ("MBE", "KC", "MP"): no part of it."""
"""Lower-case nouns right after a one-word name that make it a person ("the Trump administration")."""
PERSON_NOUNS = tagged(_PEOPLE, "person")
"""Nouns that describe one person ("the woman", "the victim"): after "the" they point back like "she"/"he"."""
BODY_ROLES = tagged(_PEOPLE, "body")
"""Role nouns also said of organisations ("the leader in chips", "an auditor"): no sign of a person."""
SPEAKING_NOUNS = PERSON_NOUNS | ROLE_NOUNS | UNNAMED_HEADS | ORG_NOUNS | GOVERNMENT_WORDS
"""Heads of a subject that can say something: people ("officials", "the authors") and
bodies ("agencies", "the ministry"). Anything else ("measurements", "an agreement")
is a thing, which no "they", "he" or "she" after it means."""
PERSON_KEY_TITLES = tagged(_PEOPLE, "key-title")
"""Titles written before a name that are no part of a person's page key."""

NAME_PARTICLES = tagged("name_particles.tsv", "particle")
"""Lower-case words inside a name ("Ursula von der Leyen")."""
PARTICLE_LEADS = tagged("name_particles.tsv", "lead")
JOINED_PREFIXES = tagged("name_particles.tsv", "joined")
"""Written joined to a capital inside a name ("McCarthy", "DiCaprio", "O'Neill")."""
"""Lower-case words a name may start with ("al-Assad", "de Gaulle")."""
SURNAME_FIRST = frozenset(entries("surname_first.txt"))
"""Family names written first in Chinese, Korean and Vietnamese names."""
NOT_NAMES = frozenset(entries("not_names.txt"))
"""Capitalised words the model takes for names that never are (in news)."""


@functools.cache
def given_names() -> frozenset[str]:
    """Common given names (``given_names.txt``), as written."""
    return frozenset(entries("given_names.txt"))


@functools.cache
def more_given_names() -> frozenset[str]:
    """Given names of either sex that are no English word or place (``given_names_more.txt``), as written.

    Why apart from :func:`common_given_names`: those serve "he"/"she" and name
    one sex; these add "Royce", "Amit", "Alfie", "Abdulaziz", evidence that a
    name followed by a surname is a person, never a gender.
    """
    return frozenset(entries("given_names_more.txt"))


def is_title(word: str) -> bool:
    """A title or courtesy written before a name (President, Mr., Gen.)."""
    w = fold(word).rstrip(".")
    return w in TITLES or w in COURTESY


def is_courtesy(word: str) -> bool:
    """A courtesy title ("Mr", "Dr."): no role."""
    return fold(word).rstrip(".") in COURTESY


def is_royal(word: str) -> bool:
    """A royal or papal title ("King", "Princess", "Pope"), as written."""
    return fold(word).rstrip(".") in ROYAL_TITLES


def is_surname_like(word: str) -> bool:
    """A capitalised word that could be a surname: not a title, head word or nationality."""
    key = fold(word)
    return (
        word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha() and not word.isupper()
        and key not in ORG_HEADS and key not in STREET_WORDS and key not in PLACE_HEADS
        and key not in demonyms() and not is_title(word) and key not in {"democrats", "republicans"}
    )


AGREEMENT_SHARE = 0.98
"""How clearly a given name must name one sex before "he"/"she" may rule its bearer out.

The list's own floor (95%) lets in names that news often gives the other sex
("Lindsey Graham": 96% of Lindseys are girls). A pronoun resolver that trusts
such a name rules the right man out of "he said" and hands his words to
whoever is left; an unknown gender rules nobody out. Raising the floor to 98%
leaves 4,900 names and drops Lindsey, Lindsay, Meredith and Whitney
(measured on the dev and held-out quote sets in the closing note of the
change).
"""


@functools.cache
def _given_name_table() -> dict[str, tuple[str, float]]:
    """Every name of ``given_name_genders.tsv`` → its usual sex and that sex's share of births."""
    table: dict[str, tuple[str, float]] = {}
    for line in (LEXICON / "given_name_genders.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1] in ("m", "f"):
            table[parts[0]] = (parts[1], float(parts[2]) if len(parts) > 2 else 1.0)
    return table


@functools.cache
def given_name_genders() -> dict[str, str]:
    """Given name → "m" or "f", for names that almost always name one sex (unlisted: unknown).

    ``given_name_genders.tsv`` is built by ``train/given_name_genders.py`` from
    US Social Security counts; ambiguous names are left out on purpose, and
    names under :data:`AGREEMENT_SHARE` too.
    """
    return {name: gender for name, (gender, share) in _given_name_table().items() if share >= AGREEMENT_SHARE}


@functools.cache
def common_given_names() -> frozenset[str]:
    """Every name of the table, however clear its sex: evidence that a word is a given name."""
    return frozenset(_given_name_table())
