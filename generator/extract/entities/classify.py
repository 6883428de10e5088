"""What one distinct name is in an article: the votes around its mentions, then one decision."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.entities.build import Group
from generator.extract.entities.names import appositive_after, title_before
from generator.extract.entities.org_cues import org_cue, quoted_title, work_cue
from generator.extract.entities.place_cues import place_cue
from generator.extract.entities.readings import beats_person, holds_place, is_given, is_wide, leads_full_name
from generator.lexicon.gazetteer import gazetteer
from generator.lexicon.grammar import LOCATIVES
from generator.lexicon.organizations import (
    COMMON_ACRONYMS,
    SOCIAL_PLATFORMS,
    SPORTS,
    SPORTS_WORDS,
    TEAM_NOUNS,
    THING_WORDS,
    is_competition,
    is_org_name,
    known_orgs,
)
from generator.lexicon.people import NOT_NAMES, POST_NOMINALS, ROLE_NOUNS, is_courtesy, is_surname_like, is_title
from generator.lexicon.places import SEAT_PLACES, VENUE_WORDS, demonyms, place_head
from generator.lexicon.speech import HUMAN_RELATIVES, PERSONAL_PRONOUNS
from generator.lexicon.text import fold
from generator.model import Article, EntityKind

if TYPE_CHECKING:
    from spacy.tokens import Doc


_IZAFE = re.compile(r"[A-Z][a-z]+-e-[A-Z]")
"""An izafe compound: "Lashkar-e-Taiba"."""
_TEAM_PLACE_HEADS = frozenset({"city", "state", "kingdom"})
"""Place head words that also end organisations' names ("Manchester City", "Islamic State", "Kingdom Come")."""
_NAME_VOTES = (
    "PERSON", "ORG", "GPE", "LOC", "FAC", "GAZ", "DATELINE", "CUE_PLACE", "CUE_TEAM", "CUE_OUTLET", "CUE_PERSON",
    "CUE_ORG",
)
"""Votes that some mention is a name: the model's name labels, the gazetteer, datelines, cues."""


def _plural_office(word: str) -> bool:
    """The plural of an office's initials ("MPs", "MEPs", "CEOs"), which ends no one's name."""
    stem = word.removesuffix("s")
    return len(stem) >= 2 and stem != word and stem.isupper() and fold(stem) in ROLE_NOUNS | POST_NOMINALS


def _plural_role(word: str) -> bool:
    """The plural of a role noun ("Advisers", "Consultants", "Partners"): a firm or a group ends so, no person."""
    key = fold(word)
    return len(key) > 4 and key.endswith("s") and (key[:-1] in ROLE_NOUNS or key.removesuffix("es") in ROLE_NOUNS)


SPORTS_HITS = 4
"""Match-report words an article needs, counted with repeats, to be a sports report without a sports headline."""
SPORTS_KINDS = 3
"""Different match-report words among them: one word repeated ("a DNA match", "climate goals") is not the topic."""
SPORTS_PER_1000 = 3
"""Match-report words per thousand tokens: a long review that says "season", "cup", "draw" and "tries"
once each is not about sport (a 6,000-token gear review; match reports run 5 to 80)."""


def is_sports(doc: Doc, article: Article) -> bool:
    """Sports reports name teams after places ("Essex beat Somerset"): teams are organisations.

    Why so strict without a headline: in a sports report every town and
    state the model labels becomes a team, so a feature or a climate report
    taken for one loses its places (held-out batch 5: "Beijing",
    "Washington", "Texas", "Alaska" became organisations).
    """
    first = (article.title or article.body[:80]).split(" - ")[0].strip().casefold()
    if any(w in SPORTS for w in first.split()):
        return True
    hits = [t.lower_ for t in doc if t.lower_ in SPORTS_WORDS]
    return (
        len(hits) >= SPORTS_HITS
        and len(set(hits)) >= SPORTS_KINDS
        and len(hits) * 1000 >= SPORTS_PER_1000 * len(doc)
    )


def classify(
    group: Group, parts: set[tuple[str, ...]], sports: bool, countries: frozenset[str] = frozenset()
) -> EntityKind | None:
    """What one distinct name is in this article, or None for no entity.

    ``countries`` holds the codes of the countries the article names.
    """
    kind = _classify(group, parts, sports, countries)
    # "Athena Advisers", "Apollo Partners": a firm when the model says organisation too, else a group.
    if kind == "person" and " " in group.text.strip() and _plural_role(group.text.split()[-1]):
        return "organization" if group.votes["ORG"] else None
    return kind


def _classify(
    group: Group, parts: set[tuple[str, ...]], sports: bool, countries: frozenset[str] = frozenset()
) -> EntityKind | None:
    """:func:`classify` before the checks on the name's last word."""
    text, key, votes = group.text, fold(group.text), group.votes
    if key in demonyms() or key in NOT_NAMES or not text[:1].isupper() or len(key) < 2:
        return None
    if text.replace(".", "") in COMMON_ACRONYMS:  # "ICU", "SMS", "V.I.P.": things and posts
        return None
    if " " in key and _plural_office(text.split()[-1]):  # "Lib Dem MPs", "Tory MEPs": a group of office holders
        return None
    # "North American", "Latin American": a nationality however it begins ("Rebecca English" is a person).
    if " " in key and key.split()[-1] in demonyms() and not leads_full_name(text.split()):
        return None
    if key in SEAT_PLACES:  # "the White House": a place on the site, still the government as a source
        return "place"
    # Listed organisations and platforms ("Reddit", "TikTok"), which the model often calls places or people.
    if key in known_orgs() or text in SOCIAL_PLATFORMS:
        return "organization"
    # "a Democrat", "the Lib Dem chief executive": the singular of a party listed by its plural is a member
    # or an adjective, which the model calls a person.
    if key + "s" in known_orgs() and known_orgs()[key + "s"].subtype == "party":
        return None
    # "Democratic", "Republican", "Montanan": a word the model reads as a nationality, religious
    # or political group, and nothing else calls a name, is no entity.
    if votes["NORP"] and not group.readings and not any(votes[v] for v in _NAME_VOTES):
        return None
    last = key.split()[-1]
    # Laws, documents, events and awards are no entities ("National Labor
    # Relations Act", "Cheltenham Gold Cup"); "Bill" alone is a given name.
    if last in THING_WORDS and (" " in key or not is_given(text)):
        return None
    if is_competition(text):  # "Champions League", "Crabbie's Grand National": events
        return None
    # "Pat Tillman Award for Service", "Nobel Prize in Physics": the head of "X for Y" is X.
    head = key.split()
    for n, word in enumerate(head[1:], 1):
        if word in {"for", "of", "in"}:
            if head[n - 1] in THING_WORDS:
                return None
            break
    # A stadium, station or road is a place whatever the model says ("Dodger Stadium").
    if last in VENUE_WORDS and " " in key and not is_org_name(text):
        return "place"
    if votes["DATELINE"] or gazetteer().is_curated(text):
        return "place"
    if group.words in parts:
        return "person"
    # "Alexandra Bradbury", "Mila Kunis": a common given name then one or two
    # surname-like words is a person whatever the model said, unless a head
    # word or the gazetteer says organisation or place.
    words = text.split()
    if (
        2 <= len(words) <= 3
        and leads_full_name(words)
        and not group.readings
        and all(is_surname_like(w) for w in words[1:])
        and not is_org_name(text)
        and not place_head(text)
        and not votes["CUE_PLACE"]
        and not votes["CUE_TEAM"]
        and not votes["CUE_ORG"]
        and not holds_place(text)
    ):
        return "person"
    # "Labor journalist Alex Press": a title or role before a given name and a surname beats a
    # head word that is also a surname ("Press", "Bank", "House").
    if votes["CUE_PERSON"] and 2 <= len(words) <= 3 and leads_full_name(words) and not votes["CUE_TEAM"]:
        return "person"
    # "Missouri Valley", "Keweenaw Peninsula", "Amazon River": a place head word the model read as an
    # organisation's; "City", "State" and "Kingdom" also end clubs, movements and bands.
    cued = votes["CUE_PERSON"] or votes["CUE_TEAM"]
    if " " in key and place_head(text) and last not in _TEAM_PLACE_HEADS and not is_org_name(text) and not cued:
        return "place"
    if is_org_name(text, strong_only=True):
        return "organization"
    # "Lashkar-e-Taiba", "Jaish-e-Mohammed", "Tehrik-e-Taliban": a Persian/Urdu izafe compound ("army of
    # the pure") names a movement or party; people are not named so in news.
    if _IZAFE.search(text) and not votes["CUE_PERSON"]:
        return "organization"
    if (votes["CUE_TEAM"] or votes["CUE_OUTLET"] or votes["CUE_ORG"]) and not votes["CUE_PERSON"]:
        return "organization"
    # "the town of Staouelli", "the Jebel al-Akhdar region": the sentence says it is a place.
    if votes["CUE_PLACE"] and not votes["CUE_PERSON"] and not is_org_name(text):
        return "place"
    person, org = votes["PERSON"] + 2 * votes["CUE_PERSON"], votes["ORG"]
    place = votes["GPE"] + votes["LOC"] + votes["FAC"] + votes["GAZ"]
    readings = group.readings
    country = any(r.subtype in {"country", "continent"} for r in readings)
    # Sports reports name teams after their towns and counties ("Essex beat
    # Somerset", "Surrey captain Chris Lewis"); a town used with "in"/"at" stays a place.
    # "Manchester United", "Nottingham Forest", "Miami Dolphins": in a sports
    # report, a name that starts with a town and no given name is a club.
    if (
        sports
        and person
        and len(words) > 1
        and not votes["CUE_PERSON"]
        and not readings
        and not leads_full_name(words)
        # A town big enough to field a club; small towns share their names with people ("Loren Roberts").
        and any(not r.weak and not r.alternate and is_wide(r) for r in gazetteer().lookup(words[0]))
    ):
        return "organization"
    if sports and not country and not votes["CUE_PERSON"]:
        # "at Cleveland" is an away game; only "in"/"from"... keep a listed town a place.
        if readings and not votes["LOCATIVE"]:
            return "organization"
        if not readings and place and not votes["LOCATIVE"]:
            return "organization"
    if place_head(text) and (place or readings):
        return "place"
    # "Bangladesh Lamps", "Manchester United", "Atlas Bangladesh": a person
    # name holding a country or big city is a company or club.
    if (
        person
        and len(group.words) > 1
        and not readings
        and not votes["CUE_PERSON"]
        # "Trevor Holland" is a person whose surname is a country's name; "China Geo" a company.
        and not (leads_full_name(words) and not holds_place(words[0]))
        and holds_place(text)
    ):
        return "organization"
    if readings:
        place += votes["LOCATIVE"]  # "in Missoula": a town the model took for a person
        if person and person >= max(place, org):
            # A mid-size town needs the sentence's help: an object ("visited Leeds"), not a subject ("Bush said").
            mid = votes["OBJECT"] and any(is_wide(r) and not r.alternate for r in readings)
            strong = mid or any(beats_person(r) for r in readings) or gazetteer().is_curated(text)
            # A town or region of a country the article names ("Swakopmund" in a story
            # about Namibia, "Ruvuma" beside Tanzania): the readings agree with the story.
            local = not is_given(words[0]) and any(r.country in countries and not r.alternate for r in readings)
            return "place" if (strong or local) and not votes["CUE_PERSON"] else "person"
        if org > place and not country and is_org_name(text):
            return "organization"
        # "Mobil" read as "Mobile" by another spelling, and only the model's organisation label: a company.
        model_place = votes["GPE"] + votes["LOC"] + votes["FAC"] + votes["LOCATIVE"]
        if org and not model_place and all(r.alternate for r in readings):
            return "organization"
        return "place"
    if is_org_name(text):
        return "organization"
    # "Labour", "Climax" as often a person as an organisation to the model, and nothing else says which:
    # a one-word name that is no given name nor the part of a full name gets no kind (two readings fit).
    if person and person == org and " " not in key and not votes["CUE_PERSON"] and not is_given(text):
        return None
    # "Xstrata" read six times a place and four an organisation, in no gazetteer and never "in X":
    # a place the gazetteer does not know is rarely an organisation's namesake so often.
    if org >= 2 and 2 * org >= place > org and not votes["IN_PLACE"] and not votes["CUE_PLACE"]:
        return "organization"
    best = max(("person", person), ("organization", org), ("place", place), key=lambda kv: kv[1])
    return best[0] if best[1] else None  # type: ignore[return-value]


def _who_with_pronoun(doc: Doc, end: int) -> bool:
    """ "Lacerda, who waved her anonymity": "who" and then "he"/"she"/"her" in its clause.

    Why both: British English writes "who" after teams and bodies too ("Red Bull,
    who finished second", "Migration Watch, who ..."); a gendered pronoun in the
    relative clause is what only a person takes.
    """
    after = end + (end < len(doc) and doc[end].text == ",")
    if after >= len(doc) or doc[after].lower_ not in HUMAN_RELATIVES or "\n" in doc[end - 1 : after].text:
        return False
    clause = doc[after + 1 : doc[after].sent.end]
    return any(t.lower_ in PERSONAL_PRONOUNS for t in clause[:_WHO_CLAUSE])


_WHO_CLAUSE = 12
"""Tokens of the relative clause searched for the pronoun: the clause, not the sentence's next one."""


def context_votes(doc: Doc, groups: dict[str, Group]) -> None:
    """Evidence from around each mention: a title or role means a person, "in"/"at" a place."""
    for group in groups.values():
        for start, end in group.mentions:
            titled = end - start > 1 and is_title(doc[start].text) and doc[start + 1].text[:1].isupper()
            courtesy = start > 0 and is_courtesy(doc[start - 1].text)  # "Ms Hamilton": no role, still a person
            if titled or courtesy or title_before(doc, start) or appositive_after(doc, end):
                group.votes["CUE_PERSON"] += 1
            if _who_with_pronoun(doc, end):
                group.votes["CUE_WHO"] += 1
            if end - start == 1 and doc[start].dep_ in {"pobj", "dobj"}:
                group.votes["OBJECT"] += 1
            # "Pepsi raised prices": acting as the subject of a verb, as an organisation does.
            group.votes["SUBJECT"] += doc[start:end].root.dep_ in {"nsubj", "nsubjpass"}
            group.votes["CUE_PLACE"] += place_cue(doc, start, end)
            group.votes["CUE_TEAM"] += start > 0 and doc[start - 1].text in TEAM_NOUNS
            group.votes["CUE_ORG"] += org_cue(doc, start, end)
            group.votes["CUE_WORK"] += work_cue(doc, start, end) or quoted_title(doc, start, end)
            if start > 0 and doc[start - 1].lower_ in LOCATIVES:
                group.votes["LOCATIVE"] += 1
                group.votes["IN_PLACE"] += doc[start - 1].lower_ != "at"
