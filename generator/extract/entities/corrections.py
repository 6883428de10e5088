"""Kinds corrected once every name is classified, by what the other names of the
article say: teams by use, people the model called organisations, acronyms.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from generator.extract.entities.acronyms import common_acronyms, expansions
from generator.extract.entities.build import Group, part_of_place
from generator.extract.entities.evidence import person_like
from generator.extract.entities.readings import beats_person, is_given
from generator.lexicon.organizations import (
    AFTER_ORG,
    NEWS_HEADS,
    THING_WORDS,
    is_competition,
    is_org_name,
    known_orgs,
    org_subtype,
)
from generator.lexicon.people import ROLE_NOUNS, is_surname_like
from generator.lexicon.places import VENUE_WORDS
from generator.lexicon.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc


def teams_and_tails(doc: Doc, groups: dict[str, Group], parts: set[tuple[str, ...]]) -> None:
    """Names the model calls people that are organisations by their use.

    Why: people are not written with "the" before their names, teams and bands
    are ("the Dodgers", "the Rams", "the Miami Dolphins"); and a club's short
    name is the end of its full name in the same article ("Dodgers" of "Los
    Angeles Dodgers"), which makes it that organisation, not a person.
    """
    orgs = [g for g in groups.values() if g.kind == "organization" and len(g.words) > 1]
    for g in groups.values():
        if g.kind != "person" or g.votes["CUE_PERSON"] or g.words in parts or not g.mentions:
            continue
        if is_given(g.text.split()[0]):
            continue
        tail = next((o for o in orgs if o.words[-len(g.words) :] == g.words and o is not g), None)
        if tail is not None:
            g.kind, g.parent = "organization", fold(tail.text)
            continue
        the = sum(s > 0 and doc[s - 1].lower_ == "the" for s, _ in g.mentions)
        if the * 2 >= len(g.mentions) and g.text[-1:] == "s":
            g.kind = "organization"


def people_named_as_orgs(groups: dict[str, Group]) -> None:
    """Organisations by the model only that are a person of the article by name.

    Why: the model often calls a short form of a person's name an organisation
    ("Fahmi" beside "Fahmi Fadzil", "Chalobah" beside "Trevoh Chalobah"), and
    a full name whose surname the article uses alone for a person is that person;
    so is a name followed by "who", which organisations do not take.
    An organisation with any evidence of its own (a listing, a head word, an
    acronym) keeps its kind.
    """
    people = [g for g in groups.values() if g.kind == "person" and len(g.words) > 1]
    given = {p.words[0] for p in people}
    surnames = {p.words[-1] for p in people}
    surnames |= {g.words[0] for g in groups.values() if g.kind == "person" and len(g.words) == 1}
    for g in groups.values():
        if g.kind != "organization" or g.parent or g.text.isupper() or fold(g.text) in known_orgs():
            continue
        if is_org_name(g.text) or g.votes["CUE_TEAM"] or g.votes["CUE_ORG"] or g.readings:
            continue
        short_form = len(g.words) == 1 and (g.words[0] in given or g.words[0] in surnames)
        full_name = 2 <= len(g.words) <= 3 and g.words[-1] in surnames
        # "Lacerda, who ...": a name only people take, and nothing says organisation.
        who = g.votes["CUE_WHO"] > 0 and all(is_surname_like(w) for w in g.text.split())
        if short_form or who or (full_name and all(is_surname_like(w) for w in g.text.split())):
            g.kind = "person"


def given_names_of_people(groups: dict[str, Group]) -> None:
    """A one-word place or organisation that is the given name of a person the article names in full.

    Why: "Jacob", "Eugene", "Florence" are towns in the gazetteer and given
    names; beside "Jacob Sales" the word alone is that person (tabloids and
    features call people by their first names), and ``build`` joins it to him.
    A big place ("Victoria" the state, a capital) or a cue that says place keeps its kind.
    """
    firsts = {g.words[0] for g in groups.values() if g.kind == "person" and len(g.words) > 1}
    for g in groups.values():
        if g.kind not in {"place", "organization"} or len(g.words) != 1 or g.words[0] not in firsts:
            continue
        if not is_given(g.text) or g.parent or fold(g.text) in known_orgs():
            continue
        if g.votes["CUE_PLACE"] or g.votes["DATELINE"] or any(beats_person(r) for r in g.readings):
            continue
        g.kind = "person"


def expanded_acronyms(body: str, groups: dict[str, Group]) -> None:
    """An acronym the article expands is what its expansion is ("National Labor Relations Act (NLRA)" is a law
    and "chief technology officer (CTO)" a post, so no entity; "Gauteng Provincial Disaster Management Centre
    (PDMC)" is that organisation)."""
    for acronym in common_acronyms(body):
        short = groups.get(fold(acronym))
        if short is not None and short.kind in {"organization", "person"}:
            short.kind = None
    for acronym, name in expansions(body).items():
        short = groups.get(fold(acronym))
        if short is None:
            continue
        last = fold(name).split()[-1]
        # A law or award, or a post ("District Administrator (DA)", see ``posts``): no entity.
        if last in THING_WORDS or (last in ROLE_NOUNS and not is_org_name(name) and last not in NEWS_HEADS):
            short.kind = None
            continue
        words = tuple(fold(name).split())
        full = groups.get(" ".join(words))
        if full is None:
            # "Gauteng Provincial Disaster Management Centre (PDMC)": the initials spell the name's tail.
            longer = [g for g in groups.values() if len(g.words) > len(words) and g.words[-len(words) :] == words]
            full = longer[0] if len(longer) == 1 else None
        if full is not None and full.kind == "organization" and short.kind in {"organization", "person", None}:
            short.kind, short.parent = "organization", fold(full.text)


def abbreviations(doc: Doc, groups: dict[str, Group]) -> None:
    """An organisation's abbreviation, in brackets after it or as its initials, names it too."""
    present = {t.text for t in doc if t.is_upper and 2 <= len(t.text) <= 6 and t.is_alpha}
    for g in list(groups.values()):
        if g.kind != "organization" or len(g.words) < 2:
            continue
        short: set[str] = set()
        for _, end in g.mentions:
            bracketed = end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")"
            if bracketed and doc[end + 1].text in present:
                short.add(doc[end + 1].text)
        initials = "".join(w[0] for w in g.text.split() if w[:1].isupper())
        if len(initials) >= 2 and initials in present:
            short.add(initials)
        for abbr in short:
            key = fold(abbr)
            if key not in groups or groups[key].kind is None:
                groups[key] = Group(text=abbr, words=(key,), kind="organization", parent=fold(g.text))


def products(doc: Doc, groups: dict[str, Group]) -> None:
    """A company's name then ordinary words is one of its products or features, no organisation.

    Why: technology and consumer news names products after their makers
    ("Google Search", "Apple Fitness", "Strava Community Hub"), and the model
    labels them organisations. A name whose first word is an organisation the
    article names on its own and whose other words the article also
    writes in lower case is a product; a head word ("Google Services", "Apple
    Inc") or a listing keeps it an organisation.
    """
    makers = {g.words[0] for g in groups.values() if g.kind == "organization" and len(g.words) == 1}
    ordinary = {t.lower_ for t in doc if t.is_lower}
    for g in groups.values():
        if g.kind != "organization" or len(g.words) < 2 or g.parent or g.words[0] not in makers:
            continue
        if fold(g.text) in known_orgs() or is_org_name(g.text) or g.text.isupper():
            continue
        if all(w in ordinary for w in g.words[1:]):
            g.kind = None


def venue_short_forms(groups: dict[str, Group]) -> None:
    """A venue word alone ("the Coliseum") is the one venue of the article it ends ("Los Angeles Coliseum").

    Why: the model often calls the short form an organisation; the article's
    own full name says what it is.
    """
    places = [g for g in groups.values() if g.kind == "place" and len(g.words) > 1]
    for g in groups.values():
        if g.kind not in {"organization", "person"} or len(g.words) != 1 or g.readings or g.parent:
            continue
        if g.words[0] not in VENUE_WORDS or fold(g.text) in known_orgs() or g.votes["CUE_TEAM"]:
            continue
        ending = {p.words for p in places if p.words[-1] == g.words[0]}
        if len([w for w in ending if not any(o != w and part_of_place(w, o) for o in ending)]) == 1:
            g.kind = "place"


def companies_by_use(doc: Doc, groups: dict[str, Group], parts: set[tuple[str, ...]]) -> None:
    """A one-word "person" with no evidence of a person, written before a business noun, is a company.

    Why: business news names companies by one word ("Magna", "Pirelli",
    "Cofinec") and the model often calls them people; the article's full
    name ("Magna International Inc") or "Pirelli shares" say what they are.
    """
    companies = [g for g in groups.values() if g.kind == "organization" and org_subtype(g.text) == "company"]
    for g in groups.values():
        if g.kind != "person" or len(g.words) != 1 or g.words in parts or g.votes["CUE_PERSON"]:
            continue
        # "Magna" of "Magna International Inc": the first word of exactly one company of the article.
        named = {c.words for c in companies if len(c.words) > 1 and c.words[0] == g.words[0]}
        if len(named) == 1:
            g.kind, g.parent = "organization", " ".join(named.pop())
            continue
        if person_like(doc, g, parts):
            continue
        if any(e < len(doc) and doc[e].lower_ in AFTER_ORG for _, e in g.mentions):
            g.kind = "organization"


def competition_short_forms(groups: dict[str, Group]) -> None:
    """A one-word name that ends a competition the article names is that competition: no entity.

    Why: race and match reports shorten "the Grand National" to "the National",
    and the model calls the short form an organisation; the article's own full
    name says it is an event.
    """
    tails = {g.words[-1] for g in groups.values() if len(g.words) > 1 and is_competition(g.text)}
    for g in groups.values():
        if len(g.words) == 1 and g.words[0] in tails and g.kind == "organization" and fold(g.text) not in known_orgs():
            g.kind = None


def families(doc: Doc, groups: dict[str, Group]) -> None:
    """"The Sussexes", "the Soroses", "the Harrises": a family named by its plural surname is no entity.

    Why: the model calls such plurals organisations (teams and bands are
    written with "the" and a plural too, ``teams_and_tails``); the article's
    own use of the singular as a person's name ("George Soros", "Bill Clinton")
    says it is a family, which is neither one person nor an organisation. A
    singular that is no person ("Springbok coach", "the Springboks") leaves a team.
    """
    names = {g.words[-1] for g in groups.values() if g.kind == "person" and len(g.words) > 1 and g.mentions}
    for g in groups.values():
        if g.kind is None or len(g.words) != 1 or not g.text.endswith("s") or g.parent:
            continue
        word = g.words[0]
        stems = {word[:-2], word[:-1]} if word.endswith("es") else {word[:-1]}
        if not stems & (names - {word}) or fold(g.text) in known_orgs():
            continue
        if any(s > 0 and doc[s - 1].lower_ == "the" for s, _ in g.mentions):
            g.kind = None


def posts(groups: dict[str, Group]) -> None:
    """An "organisation" whose last word is a role noun is a post, no body: "the Berea District
    Administrator (DA)", "the Lindi Municipal Director, Jomaary Satura".

    Why: the model labels a capitalised post organisation; the holder, when
    named, is the person, and the body is not named. A listing, a head word or
    a masthead word ("Toronto Star", "Department of Justice") keeps it an organisation.
    """
    for g in groups.values():
        if g.kind != "organization" or len(g.words) < 2 or g.parent or g.words[-1] not in ROLE_NOUNS:
            continue
        if fold(g.text) in known_orgs() or is_org_name(g.text) or g.words[-1] in NEWS_HEADS:
            continue
        g.kind = None


def works(groups: dict[str, Group]) -> None:
    """An "organisation" (or a place no gazetteer knows) the article calls a work is a title, no entity:
    "her new album The Tortured Poets Department", "the game Black & White", “So High School”.

    Why: the model labels titles of albums, games, blogs and books
    organisations (issue 12: products and events get no page). One name means
    one thing in an article, so one such mention settles it, unless the
    name is listed or something else says organisation.
    """
    cues = ("CUE_ORG", "CUE_TEAM", "CUE_OUTLET")
    for g in groups.values():
        if g.kind not in {"organization", "place"} or not g.votes["CUE_WORK"] or g.parent:
            continue
        # A listed organisation, or a place the gazetteer knows ("the Switzerland of the Middle East").
        if fold(g.text) in known_orgs() or g.readings or g.votes["CUE_PLACE"]:
            continue
        if not any(g.votes[c] for c in cues):
            g.kind = None


def dateline_teams(groups: dict[str, Group], dateline: set[tuple[int, int]], sports: bool) -> None:
    """In a sports report, the dateline's town is a place and its other mentions are the club named for it:
    "NICE, France" then "coach struggling French first division side Nice".

    Why: one name is one thing in an article, except here: match reports
    file from the home team's town, and the dateline made every mention of
    the club a place. Only where something says club: a team noun before a
    mention ("side Nice") or the model's organisation label, and no mention
    is "in Nice".
    """
    if not sports:
        return
    for key, g in list(groups.items()):
        if g.kind != "place" or not g.votes["DATELINE"] or g.votes["IN_PLACE"] or g.parent:
            continue
        if not (g.votes["CUE_TEAM"] or g.votes["ORG"]):
            continue
        rest = [m for m in g.mentions if m not in dateline]
        if not rest or len(rest) == len(g.mentions):
            continue
        g.mentions = [m for m in g.mentions if m in dateline]
        team = Group(text=g.text, words=g.words, mentions=rest, kind="organization", votes=Counter(g.votes))
        team.votes["DATELINE"] = 0
        groups[key + " \u00b7 club"] = team
