"""Which names earn a page of their own, and which stay plain text in their brief.

Being mentioned is not the same as earning a page. A name the model labels once,
in one article, with nothing else saying what it is, is the commonest wrong page
of a site (a product, a competition, a headline word, a nickname): extraction is
right to report it, but a page asserts that we know a person, place or
organisation of that name, and one model label is not enough to assert that.

The rule is general and says nothing about particular names: an entity earns a
page when *one* article gives evidence of its kind besides the model's label
(:func:`corroborated`), or when *two or more* articles of the site name it
(independent articles agreeing is evidence no single one gives). Until then it
stays in its brief as plain text, unlinked; the catalog promotes it to a page as
soon as another article names it, and the owner's ``aliases.yml`` can name it to
give it a page at once. Extraction scores do not change: the brief still knows
the name.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.lexicon.dates import NAMED_DAYS, WEEKDAYS
from generator.lexicon.grammar import ACRONYM_SKIP
from generator.lexicon.people import JOINED_PREFIXES, NAME_SUFFIXES, ROLE_NOUNS
from generator.lexicon.places import STREET_WORDS, VENUE_WORDS, place_head
from generator.lexicon.speech import NAMING_CUES, REPORTING_VERBS, SAID_FORMS, SOURCE_VERBS, SPEECH_VERBS
from generator.lexicon.text import fold
from generator.model import Brief, Entity
from generator.site.keys import POSSESSIVE, ascii_key

SPEAKING = SPEECH_VERBS | REPORTING_VERBS | SOURCE_VERBS
"""Verbs (lemmas) of saying and reporting: their subject speaks."""

NAME_SUFFIX_CAPS = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIV", "XV", "XVI"}
                             | {s.upper().rstrip(".") for s in NAME_SUFFIXES})
"""Capitals a person's name may end in: "Henry VIII", "Martin Luther King JR"."""

SITE_CORROBORATION = 2
"""Articles that must name an entity for the site to trust it without any other evidence."""


def _speech_cue(cue: str | None) -> bool:
    """A cue that says someone spoke or wrote ("said", "insists", "according to", "quoted ... as saying"),
    not one any subject has ("is", "wants", "approved") or one that names a thing ("what Nemo calls X")."""
    if not cue:
        return False
    text = cue.casefold()
    if text.startswith("according to"):
        return True
    for word in text.split():
        if word in SAID_FORMS or word in {"quoted", "quoting", "cited", "citing"}:
            return True
        stems = {word, word[:-1], word[:-2], word[:-3], word[:-3] + "e" if word.endswith("ing") else word,
                 word[:-3] + "y" if word.endswith(("ies", "ied")) else word}
        if stems & SPEAKING and not stems & NAMING_CUES:
            return True
    return False


def speakers(brief: Brief) -> frozenset[str]:
    """Names the brief gives as someone's words or claims: whoever speaks acts as an agent of its kind.

    A claim counts when its cue is a verb of saying: the claim finder also reads
    "Glutathione is ...", "the Sultanate wants ..." and "what Nemo calls X", whose
    subjects are as often things as people or bodies.
    """
    names = {q.speaker for q in brief.quotes}
    names |= {n for c in brief.claims if _speech_cue(c.cue) for n in (c.source, c.via)}
    return frozenset(n for n in names if n)


def surnames(brief: Brief) -> frozenset[str]:
    """The surnames of the people the brief names in full, folded."""
    return frozenset(ascii_key(p.name).split()[-1] for p in brief.people if len(ascii_key(p.name).split()) > 1)


def corroborated(entity: Entity, spoke: Iterable[str] = (), people: frozenset[str] = frozenset(),
                 body: str = "") -> bool:
    """Whether one article gives evidence of the entity's kind besides a single model label.

    Extraction records that evidence on the entity (``Entity.evidence``: named
    more than once, a role or title, a cue such as "the village of", a listing,
    a head word, the gazetteer, a known given name, an expanded acronym, a club
    of a sports report); being quoted (``spoke``: the brief's speakers) is
    evidence too, since whoever speaks acts as a person or body would. Some of
    it says less than it seems in context (:func:`weighed`; ``people``: the
    surnames of the brief's people named in full, :func:`surnames`).
    """
    if entity.evidence is None:  # made by hand, not by extraction: nothing to doubt
        return True
    if (entity.kind != "place" and not _well_formed(entity.name)) or _used_as_a_thing(entity, body):
        return False
    if _common_noun_acronym(entity.name, body):
        return False
    return bool(weighed(entity, people)) or any(n in spoke for n in (entity.name, *entity.aliases))


_NAME_SMALL_WORDS = frozenset({
    "of", "for", "and", "the", "de", "la", "le", "les", "du", "von", "van", "der", "den", "ter", "da", "dos", "das",
    "di", "del", "della", "al", "el", "es", "bin", "bint", "ibn", "ben", "abu", "y", "e", "i", "et", "und", "zu",
    "on", "in", "at", "to", "a", "an", "with", "without", "sans", "des", "upon", "sur", "en",
})
"""Lower-case words a person's or organisation's name may hold ("Bank of England", "Ursula von der Leyen");
a place's may hold more ("Palestinian territories")."""


def _well_formed(name: str) -> bool:
    """A name has no brackets ("(CNN)The Palestinian Authority" is the model reading a dateline into it)
    and no lower-case word but the small ones ("Saturday edition of The Salt Lake Tribune" is a phrase)."""
    if any(c in name for c in "()[]{}"):
        return False
    words = [w.split("-")[0] for w in name.split()]  # "Li Song-ho" is well formed; "al-Assad" leads with "al"
    return all(not (w.isalpha() and w.islower()) or w in _NAME_SMALL_WORDS for w in words)


def _common_noun_acronym(name: str, body: str) -> bool:
    """An acronym the article spells out in lower case: "robotic process automation (RPA)",
    "artificial intelligence (AI)" name a thing, not a body (issue 12: "RPA" was an organisation)."""
    if not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()):
        return False
    at = body.find(f"({name})")
    while at >= 0:
        words = [w for w in body[max(0, at - 120) : at].split() if w.casefold() not in ACRONYM_SKIP][-len(name):]
        if len(words) == len(name) and "".join(w[0] for w in words).upper() == name:
            return all(w.islower() for w in words[1:])
        at = body.find(f"({name})", at + 1)
    return False


def _used_as_a_thing(entity: Entity, body: str) -> bool:
    """A one-word "organisation" known only as the subject of verbs, which the article mostly writes
    with "the" ("The Siesta's cut", "the Kindercone makes"): a product or a thing, as a company's or
    body's own name seldom takes the article unless listed; a plural takes it as a team's does."""
    tags = set(entity.evidence or ())
    if entity.kind != "organization" or " " in entity.name or entity.name.isupper() or not tags <= {"agent"}:
        return False
    if entity.name.endswith("s"):  # "the Braves", "the Springboks": a team's name takes "the"
        return False
    mentions = [m for m in entity.mentions if body[m.start : m.end] == m.text]
    the = sum(body[max(0, m.start - 4) : m.start].casefold().endswith("the ") for m in mentions)
    return bool(mentions) and the * 2 >= len(mentions)


def _brand_capitals(word: str) -> bool:
    """A capital inside one word after anything but a name's joined prefix: "SpaceX", "LinkedIn",
    "PayPal" (not "McCarthy", "DiCaprio", "LeBron", "O'Neill", "Jean-Marc", "NASA")."""
    if word.isupper():
        return False
    for at in range(1, len(word)):
        if word[at].isupper() and word[at - 1].isalpha():
            return word[:at].casefold() not in JOINED_PREFIXES
        if word[at].isupper() and word[at - 1] in "'’":
            return word[: at - 1].casefold() not in JOINED_PREFIXES
    return False


def _person_name(name: str) -> bool:
    """Whether a name can be a person's by its words: no digits ("Decker 3-tier"), no brand's
    capitals in a one-word name ("SpaceX"), no acronym
    after a first word ("Clipboard AI", "Gen Z"), no weekday or holiday for a surname ("Easter Sunday")."""
    written = POSSESSIVE.sub("", name).split()
    if any(c.isdigit() for c in name):
        return False
    if len(written) < 2:
        return not _brand_capitals(written[0]) if written else True
    last = written[-1].strip(".,")
    capitals = len(last) >= 2 and last.isupper() and last.isalpha() and not written[0].isupper()
    acronym = capitals and last not in NAME_SUFFIX_CAPS
    return not acronym and fold(last) not in WEEKDAYS and fold(last) not in NAMED_DAYS


def weighed(entity: Entity, people: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The entity's evidence less what its own name contradicts.

    - A place named by one word and known only by repetition: the model's label
      repeated is how products, apps, games and a person's surname become places
      ("Spotify", "Valheim", "Shannon"); a place needs the gazetteer, a cue or a
      head word, or two words repeated ("Corn Belt", "Line of Control").
    - An organisation whose name ends in a role noun is a title ("Lindi Municipal
      Director", "Berea District Administrator (DA)"): nothing but a listing makes
      it an organisation.
    - An organisation "named for its town" (``town``) is not, when what follows the
      town is a natural feature ("Missouri Valley"), a street or venue ("Rugby
      Park": a ground), another town ("Middlesbrough and Hartlepool"), a small word the model cut the
      name at ("Karo In") or the surname of someone the brief names in full ("MEC
      Mamabolo" beside Jacob Mamabolo).
    """
    tags = tuple(entity.evidence or ())
    words = ascii_key(entity.name).split()
    if entity.kind == "person" and not _person_name(entity.name):
        return ()
    if entity.kind == "place" and len(words) == 1 and set(tags) == {"repeated"}:
        return ()
    if entity.kind == "organization" and len(words) > 1:
        if words[-1] in ROLE_NOUNS:
            return tuple(t for t in tags if t == "listed")
        not_a_club = (place_head(entity.name) == "feature" or words[-1] in ACRONYM_SKIP
                      or words[-1] in STREET_WORDS | VENUE_WORDS or "and" in words[1:2])
        if "town" in tags and (not_a_club or any(w in people for w in words[1:])):
            tags = tuple(t for t in tags if t != "town")
    return tags
