"""Which names of one brief are one entity on the site: the short forms extraction leaves apart.

Extraction joins a surname or given name to the full name it ends or starts,
an acronym to the expansion the article gives, a short place name to the one
longer one it ends. What it leaves as names of their own, each of which would
be a second page for someone the brief already has a page for (issue 12,
"no two pages for one entity of an article"), is decided here, once per
brief, before the catalog gathers briefs into pages:

- a one-word name that is a middle word of a full name ("Lesaoana" of "Peete
  Lesaoana Peete") joins the one full name it belongs to, and has no page
  when two fit (as extraction does for surnames);
- a lone surname the article never gives with a given name, spelt almost like
  the surname of someone it names in full ("Jensen" beside Nathan Janzen), is
  most likely a misspelling of that person, but which one is a guess (the
  speech resolver abstains on it too): it gets no page rather than a second one;
- a full name whose given name is a spelling variant or a short form of
  another's with the same surname ("Bryan"/"Brian", "Maddie"/"Madison"), both
  given names clearly of one sex, is that person; the same surname with given
  names of different sex or unrelated ones stays two people ("Clinton"-style);
- initials used as a given name ("AP" of "AP McCoy"), which the model takes
  for an organisation or place, are that person, and so is a title and a
  surname the model takes for an organisation ("MEC Mamabolo");
- a place's nickname ("the Mother City" beside Cape Town, ``place_nicknames.tsv``)
  is that place, whatever kind the model took it for;
- a part of an organisation named by its acronym ("RBC Economics" beside Royal
  Bank of Canada) is that organisation, as the acronym alone would be;
- a name the article itself gives as another's ("X, known as Y", "X, nicknamed
  Y", "Y, as X is known") is that entity's;
- a club's nickname ("the Blues" beside Chelsea, ``team_nicknames.tsv``) is the
  one club of the brief it can stand for, and nobody's when two can;
- a place the gazetteer cannot tell apart ("New York": the state or the city)
  beside the fuller name of one of its readings, a city of millions ("New York
  City"), is that place ("Oklahoma" beside Oklahoma City stays the state);
- two places named alike but for the word where a transport line ends ("Lindi
  Bus Stand", "Lindi Bus Terminal") are one place;
- a one-word name the model took for an organisation or place that is a word of
  one person's full name ("Lula" beside Luiz Inácio Lula da Silva) is that
  person; an acronym of mixed case ("DonNU") is the one organisation whose last
  words' initials are its capitals (Vasyl' Stus Donetsk National University).

Why here and not in extraction: the brief keeps every name as the article
writes it (its entity list is what extraction is scored on); the site only
decides which page a name links to, and a name without a page stays plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from generator.lexicon.grammar import ACRONYM_SKIP
from generator.lexicon.organizations import is_org_name, known_orgs, team_nicknames
from generator.lexicon.people import ROLE_NOUNS, given_name_genders, is_courtesy
from generator.lexicon.places import TERMINUS_WORDS, TRANSPORT_WORDS, nickname_of
from generator.lexicon.text import edit_distance, fold, misspelt
from generator.model import Entity
from generator.site.keys import POSSESSIVE, ascii_key, entity_key


@dataclass(frozen=True, slots=True)
class Joins:
    """For one brief: the entity each joined name belongs to, and the names that get no page."""

    into: dict[int, int]
    """Index of a joined entity in the brief's entity list → index of the entity it is."""
    none: frozenset[int]
    """Indexes of names that get no page of their own (ambiguous or misspelt short forms)."""


def _words(name: str) -> tuple[str, ...]:
    """A person's name as folded words, without a courtesy title ("Mr", "Adv") or possessive."""
    words = ascii_key(POSSESSIVE.sub("", name)).split()
    while len(words) > 1 and is_courtesy(words[0]):
        words.pop(0)
    return tuple(words)


def _given(name: str) -> str:
    """The given name as written: the first word after any courtesy title."""
    written = name.split()
    return written[len(written) - len(_words(name))] if len(written) >= len(_words(name)) else written[0]


def _collapse(word: str) -> str:
    """Doubled letters written once: "maddie" → "madie"."""
    return "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])


def _short_form(short: str, full: str) -> bool:
    """``short`` is a familiar form of the given name ``full``: "dan" of "daniel", "maddie" of "madison"."""
    if len(short) >= len(full):
        return False
    stem = _collapse(short)
    for ending in ("ie", "ey", "y", "i"):
        if stem.endswith(ending) and len(stem) - len(ending) >= 3:
            stem = stem[: -len(ending)]
            break
    return len(stem) >= 3 and _collapse(full).startswith(stem)


def variant_given_names(a: str, b: str) -> bool:
    """Two given names (as written) of one person: a spelling variant ("Brian", "Bryan") or a
    familiar form ("Maddie", "Madison"), both names clearly of one sex.

    Why the sex: the pairs that look alike and are two people are mostly a man's
    and a woman's name ("Louis"/"Louise", "Carl"/"Carla", "Christopher"/"Christina");
    a name whose sex the list does not know rules nothing in.
    """
    genders = given_name_genders()
    sex_a, sex_b = genders.get(a), genders.get(b)
    if sex_a is None or sex_a != sex_b or a == b:
        return False
    fa, fb = ascii_key(a), ascii_key(b)
    if fa[:1] != fb[:1]:
        return False
    spelling = min(len(fa), len(fb)) >= 4 and edit_distance(fa, fb) <= 1
    return spelling or _short_form(fa, fb) or _short_form(fb, fa)


def _initials(name: str) -> bool:
    """Capital initials used as a given name: "AP", "JJ", "KD"."""
    return 2 <= len(name) <= 3 and name.isalpha() and name.isupper()


def _acronym_led(name: str) -> bool:
    """Capitals and then a word or two: "RBC Economics", "BBC News"."""
    words = name.split()
    if fold(words[-1]).rstrip(".") in ROLE_NOUNS:  # "AP Photographer" is someone's title
        return False
    return 2 <= len(words) <= 3 and 2 <= len(words[0]) <= 5 and words[0].isalpha() and words[0].isupper()


def _initials_of(name: str) -> str:
    """The initials of a name of three words or more, small words left out: "Royal Bank of Canada" → "RBC"."""
    words = [w for w in name.split() if fold(w) not in ACRONYM_SKIP]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 and all(w[:1].isupper() for w in words) else ""


_ORG_EVIDENCE = frozenset({"listed", "head", "acronym", "agent"})
"""Evidence that a name is an organisation's, whatever a word of it shares with someone's surname."""


def _titled_surname(entity: Entity) -> bool:
    """Two or three words with nothing of an organisation's name about them ("MEC Mamabolo";
    not "Goldman Sachs" beside Jeffrey Sachs, a listed company)."""
    name = entity.name
    if _ORG_EVIDENCE & set(entity.evidence or ()):
        return False
    return 2 <= len(name.split()) <= 3 and not is_org_name(name) and fold(name) not in known_orgs()


_CALLED = re.compile(r"(?:known|referred\s+to|nicknamed|dubbed|called)\s+(?:as\s+)?(?:the\s+)?[“\"‘']?")
_CALLED_LEAD = re.compile(r"(?:[’']s)?\s*[,(]\s*(?:(?:also|commonly|popularly|widely|often|better|locally|"
                          r"informally)\s+)?$")
"""Before the keyword, a comma or bracket: "X, known as Y"; not "Hill called Jansher Khan a cheat"."""
_AS_KNOWN = re.compile(r"\bas\s+(?:the\s+)?(?P<name>[^,.;]{1,60}?)\s+is\s+(?:also\s+)?known")


_KEYWORDS = ("known", "referred", "nicknamed", "dubbed", "called")


def _keywords(body: str) -> Iterator[re.Match[str]]:
    """Each "known as"-style keyword of the body, found by ``str.find`` (a regex alternation tried at every
    character cost more than the rest of the page rules of a brief)."""
    for word in _KEYWORDS:
        at = body.find(word)
        while at >= 0:
            m = _CALLED.match(body, at)
            if m is not None:
                yield m
            at = body.find(word, at + 1)


def _named_as(body: str, entities: Sequence[Entity]) -> dict[int, set[int]]:
    """Index of a name → the entities the article gives it as a name of: "X, known as Y", "Y, as X is known"."""
    found: dict[int, set[int]] = {}
    for m in _keywords(body):
        before, after = body[max(0, m.start() - 120) : m.start()], body[m.end() : m.end() + 80]
        lead = _CALLED_LEAD.search(before[-40:])
        if lead is None:
            continue
        before = before[: len(before) - len(lead.group())]
        full = {j for j, f in enumerate(entities) if before.endswith(f.name)}
        for i, e in enumerate(entities):
            if full and after.startswith(e.name) and not after[len(e.name) : len(e.name) + 1].isalnum():
                found.setdefault(i, set()).update(j for j in full if entities[j].name != e.name)
    for m in _AS_KNOWN.finditer(body) if " known" in body else ():
        before = body[max(0, m.start() - 80) : m.start()].rstrip().rstrip(",")
        for i, e in enumerate(entities):
            if before.endswith(e.name):
                found.setdefault(i, set()).update(
                    j for j, f in enumerate(entities) if f.name == m.group("name") and f.name != e.name)
    return found


def _bare(name: str) -> str:
    return fold(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE))


def _club_owners(entities: Sequence[Entity], i: int) -> set[int]:
    """The entities a club nickname may stand for: the listed clubs the brief names."""
    clubs = team_nicknames().get(_bare(entities[i].name))
    if not clubs:
        return set()
    return {j for j, f in enumerate(entities) if j != i and f.kind != "person" and _bare(f.name) in clubs
            and team_nicknames().get(_bare(f.name)) is None}


NAMESAKE_CITY = 1_000_000
"""A city this big is what its short name means beside its full name ("New York" beside New York
City); a smaller one leaves the short name to its state or province ("Oklahoma" beside Oklahoma City,
"Quebec" beside Quebec City, both written in one article about the state)."""


def _city_owners(entities: Sequence[Entity], i: int) -> set[int]:
    """"New York" beside "New York City": the fuller name is one of the short one's readings,
    and the short one alone says no more which place it is."""
    e = entities[i]
    city = _bare(e.name) + " city"
    fuller = [j for j, f in enumerate(entities) if j != i and f.kind == "place" and f.name.endswith(("City", "city"))
              and _bare(f.name) == city]
    if not fuller:  # the gazetteer takes seconds to load, and a warm build never needs it otherwise
        return set()
    from generator.lexicon.gazetteer import gazetteer, resolve

    readings = gazetteer().lookup(e.name)
    if len(readings) < 2 or resolve(readings, frozenset()) is not None:
        return set()
    ids = {r.geonames_id for r in readings if r.geonames_id is not None}
    owners = set()
    for j in fuller:
        place = resolve(gazetteer().lookup(entities[j].name), frozenset())
        if place is not None and place.geonames_id in ids and place.population >= NAMESAKE_CITY:
            owners.add(j)
    return owners


def _terminus_owners(entities: Sequence[Entity], i: int) -> set[int]:
    """"Lindi Bus Terminal" beside "Lindi Bus Stand", the more mentioned one."""
    e = entities[i]
    words = ascii_key(e.name).split()
    if len(words) < 2 or words[-1] not in TERMINUS_WORDS or words[-2] not in TRANSPORT_WORDS:
        return set()
    owners = set()
    for j, f in enumerate(entities):
        other = ascii_key(f.name).split()
        if j != i and f.kind == "place" and other[:-1] == words[:-1] and other[-1] in TERMINUS_WORDS \
                and other[-1] != words[-1] and (len(f.mentions), -j) > (len(e.mentions), -i):
            owners.add(j)
    return owners


_NAMED_EVIDENCE = frozenset({"listed", "head", "acronym", "gazetteer", "cue", "town"})
"""Evidence that a one-word name is an organisation's or place's of its own, not a word of someone's name."""


def _mixed_acronym(name: str) -> str:
    """The capitals of a one-word acronym of mixed case ("DonNU" → "DNU"), or ""."""
    caps = "".join(c for c in name if c.isupper())
    mixed = name.isalpha() and len(caps) >= 3 and any(c.islower() for c in name) and name[0].isupper()
    return caps if mixed and not name[1:].islower() else ""


def _ends_with_initials(name: str, caps: str) -> bool:
    words = [w for w in name.split() if fold(w) not in ACRONYM_SKIP]
    return len(words) >= len(caps) and "".join(w[0] for w in words[-len(caps):]).upper() == caps


def brief_joins(entities: Sequence[Entity], body: str = "") -> Joins:
    """The joins of one brief's entities (see the module's notes); ``body`` is the article's text."""
    people = [(i, e, _words(e.name)) for i, e in enumerate(entities) if e.kind == "person"]
    full = [(i, e, w) for i, e, w in people if len(w) > 1]
    surnames = {f.name.split()[-1] for _, f, _ in full}
    into: dict[int, int] = {}
    none: set[int] = set()
    for i, e, words in people:
        if len(words) != 1:
            continue
        # A middle word (first and last ones extraction has joined already).
        owners = {j for j, _, w in full if words[0] in w[1:-1]}
        if len(owners) == 1:
            into[i] = owners.pop()
        elif owners or misspelt(POSSESSIVE.sub("", e.name), surnames):
            none.add(i)
    # Given-name variants with one surname: the less mentioned form joins the more mentioned one.
    for i, e, words in full:
        if i in into:
            continue
        for j, f, other in full:
            if j == i or j in into or len(other) != len(words) or other[1:] != words[1:]:
                continue
            if not variant_given_names(_given(e.name), _given(f.name)):
                continue
            major = (len(f.mentions), -j) > (len(e.mentions), -i)
            if major:
                into[i] = j
                break
    called = _named_as(body, entities) if body else {}
    for i, e in enumerate(entities):
        if i in into:
            continue
        named = called.get(i, set()) - {i}
        if len(named) == 1:  # "X, known as Y": the article says whose name it is
            into[i] = named.pop()
            continue
        if e.kind != "person":
            owners = _club_owners(entities, i)
            if not owners and e.kind == "place":
                owners = _city_owners(entities, i) or _terminus_owners(entities, i)
            if not owners and len(e.name.split()) == 1 and not _NAMED_EVIDENCE & set(e.evidence or ()):
                # "Lula" taken for an organisation beside Luiz Inácio Lula da Silva.
                word = ascii_key(POSSESSIVE.sub("", e.name))
                owners = {j for j, _, w in full if word in w[1:]}
            if not owners and e.kind == "organization" and (caps := _mixed_acronym(e.name)):
                owners = {j for j, f in enumerate(entities)
                          if j != i and f.kind == "organization" and _ends_with_initials(f.name, caps)}
            if len(owners) == 1:
                into[i] = owners.pop()
                continue
        place = nickname_of(e.name)
        if place is not None:
            # "Big Sky Country" beside Montana: a place's nickname, whatever the model took it for.
            key = entity_key("place", place)
            owners = {j for j, f in enumerate(entities) if f.kind == "place" and j != i
                      and nickname_of(f.name) is None and entity_key("place", f.name) == key}
            if len(owners) == 1:
                into[i] = owners.pop()
            continue
        if e.kind == "person":
            continue
        owners = set()
        if _initials(e.name):
            # Initials as a given name, taken by the model for an organisation or a place.
            owners = {j for j, f, _ in full if f.name.split()[0] == e.name}
        if not owners and e.kind == "organization" and _acronym_led(e.name):
            # "RBC Economics" beside Royal Bank of Canada: a part named by its organisation's acronym.
            lead = e.name.split()[0]
            owners = {j for j, f in enumerate(entities)
                      if f.kind == "organization" and j != i and _initials_of(f.name) == lead}
        if not owners and e.kind == "organization" and _titled_surname(e):
            # "MEC Mamabolo" beside Jacob Mamabolo: a title and a surname, taken for an organisation.
            last = ascii_key(e.name).split()[-1:]  # none when the name has no letter in ASCII ("<", "東京 大学")
            owners = {j for j, _, w in full if [w[-1]] == last}
        if len(owners) == 1:
            into[i] = owners.pop()
    return Joins(into=into, none=frozenset(none - into.keys()))
