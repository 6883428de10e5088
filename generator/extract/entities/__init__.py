"""People, places and organisations of one article: spaCy NER corrected by rules.

Notes:
    The statistical model finds candidate names; the rules then decide, once
    per distinct name in the article, what each name is (a name means the
    same thing throughout one article), find the mentions the model missed,
    and merge the forms of one entity ("Putin" into "Vladimir Putin", "U.S."
    into "United States"). Decisions, strongest first: nationality words are
    nothing; listed organisations and organisation head words ("Ministry",
    "Party"); a surname or first name of a person named in full elsewhere in
    the article; the gazetteer (a big city or country the model calls a
    person is a place); finally the model's majority label.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from generator.extract.budget import check
from generator.extract.entities.acronyms import expansions
from generator.extract.entities.build import Group, build_organizations, build_people, build_places
from generator.extract.entities.names import appositive_after, name_parts, regnal_end, title_before
from generator.extract.entities.place_cues import datelines, mark_cued_places, place_cue
from generator.lexicon.gazetteer import Place, gazetteer
from generator.lexicon.grammar import LEADING_NOISE, LOCATIVES
from generator.lexicon.organizations import (
    ORG_HEADS,
    SPORTS,
    SPORTS_WORDS,
    TEAM_NOUNS,
    THING_WORDS,
    is_org_name,
    known_orgs,
)
from generator.lexicon.people import (
    NOT_NAMES,
    PARTICLE_LEADS,
    given_name_genders,
    given_names,
    is_courtesy,
    is_surname_like,
    is_title,
)
from generator.lexicon.places import VENUE_WORDS, demonyms, place_head
from generator.lexicon.text import fold
from generator.model import Article, Entity, EntityKind

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from generator.nlp import Parsed

LABELS: dict[str, EntityKind] = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organization",
}
CANDIDATE_LABELS = frozenset({*LABELS, "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
BIG_CITY = 1_000_000
"""A word naming a city this big inside a longer name marks a company or club, not a person."""
STRONG_CITY = 100_000
"""A city this big beats the model's "person" label for a one-word name (Kyiv)."""
_CAPS_LINE = re.compile(r"[^\n]+")
LIST_SEPARATORS = frozenset({",", ";", "(", ")", ":", "-", "–", "—", "."})


def _caps_tokens(doc: Doc, body: str) -> set[int]:
    """Tokens on all-capital lines (wire headlines), where the model's labels are noise."""
    spans = []
    for m in _CAPS_LINE.finditer(body):
        letters = [c for c in m.group() if c.isalpha()]
        if len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.9 * len(letters) and " " in m.group().strip():
            spans.append((m.start(), m.end()))
    if not spans:
        return set()
    # By bisection: every token against every line was quadratic in a text of capital lines.
    starts = [t.idx for t in doc]
    return {i for s, e in spans for i in range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e))}


_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "as", "from"}
)


def _title_tokens(doc: Doc, body: str) -> set[int]:
    """Tokens on title-case lines (headlines, crossheads, section labels: "Infant Abandoned Inside Bus").

    On such a line every word is capitalised, so a capital says nothing about a name.
    """
    spans = []
    for m in _CAPS_LINE.finditer(body):
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", m.group()) if w.casefold() not in _SMALL_WORDS]
        # A line of names ("Pakistan - Saeed Anwar, Aamir Sohail, ...") is a team sheet, not a headline.
        listed = m.group().count(",") + m.group().count(";") >= 3
        if not listed and 3 <= len(words) <= 16 and sum(w[0].isupper() for w in words) >= 0.85 * len(words):
            spans.append((m.start(), m.end()))
    if not spans:
        return set()
    return {t.i for t in doc for s, e in spans if s <= t.idx < e}


def _capital_by_position(doc: Doc, group: Group, titled: set[int]) -> bool:
    """Every mention stands where any word is capitalised: a sentence's first word or a title-case line."""
    return all(
        all(i in titled for i in range(s, e))
        or (e - s == 1 and (doc[s].is_sent_start or (s > 0 and "\n" in doc[s - 1].text)))
        for s, e in group.mentions
    )


def _common_word(doc: Doc, group: Group) -> bool:
    """A one-word name the article also writes in lower case as an ordinary word ("Army" and "the army",
    "Search", "Education", "Democratic"), with nothing else saying it is a name.

    Why: section labels, product features and adjectives are capitalised in
    headlines and at sentence starts; an organisation needs a listing, a head
    word or an acronym, a place the gazetteer, to outweigh the article's own
    use of the word.
    """
    if len(group.words) != 1 or group.text.isupper() or group.parent:
        return False
    word = group.words[0]
    if fold(group.text) in known_orgs() or any(_is_wide(r) for r in group.readings):
        return False
    if group.votes["DATELINE"] or group.votes["CUE_PLACE"] or group.votes["CUE_TEAM"]:
        return False
    return any(t.text == word and t.is_lower for t in doc)


def _has_evidence(doc: Doc, group: Group, titled: set[int], parts: set[tuple[str, ...]]) -> bool:
    """Whether a name seen only in capitalised positions has evidence of its kind besides the model.

    Why: headlines and section labels capitalise common nouns ("Schools",
    "Wildfires", "Shortly", "Newborn Girl"), and the model labels them; a page
    needs the gazetteer, a listed organisation, an organisation or place head
    word, a given name, or a cue from the sentence (title, role, "the town of").
    """
    if group.kind in {"organization", "place"} and _common_word(doc, group):
        return False
    if group.kind == "person" and not _person_like(doc, group, parts):
        return False
    if not _capital_by_position(doc, group, titled):
        return True
    if group.words in parts:  # "Gascoigne, whose ...": the surname of a person named in full
        return True
    v = group.votes
    if v["DATELINE"] or v["CUE_PERSON"] or v["CUE_PLACE"] or v["CUE_TEAM"] or group.parent:
        return True
    if fold(group.text) in known_orgs() or is_org_name(group.text) or place_head(group.text):
        return True
    if any(_is_wide(r) for r in group.readings) or gazetteer().is_curated(group.text):
        return True
    words = group.text.split()
    if group.kind == "person" and len(words) > 1 and words[0] in given_names():
        return True
    return group.text.isupper() and len(group.text) >= 2


def _person_like(doc: Doc, group: Group, parts: set[tuple[str, ...]]) -> bool:
    """Whether a one-word name the model calls a person has evidence of a person.

    Why: bands, products, platforms, horses and villages ("Metallica",
    "LinkedIn", "Vredehoek") are single capitalised words the model often
    calls people. A person named by one word is a short form of a full name of
    the article, a common given name, has a title or role, or acts: some
    mention is the subject of a clause ("Khan said", "Suharto ordered").
    """
    if len(group.words) > 1 or group.words in parts or group.votes["CUE_PERSON"] or _is_given(group.text):
        return True
    return any(doc[s].dep_ in {"nsubj", "nsubjpass"} for s, _ in group.mentions)


def _is_split(doc: Doc, i: int, start: int, end: int) -> bool:
    """A token inside a model span that separates two names ("Magna's North American", "GERMANY - Bunds")."""
    tok = doc[i]
    # "Yorkshire at Headingley": no name holds a lower-case "at".
    if "\n" in tok.text or tok.text in {"(", ")", ",", ";", "/"} or (tok.text in {"or", "at"} and i > start):
        return True
    # "Furness General Hospital in Cumbria": a name ends at its head word; "Organisation
    # for Security and Cooperation in Europe" has none before the "in".
    if tok.text == "in" and i > start and fold(doc[i - 1].text) in ORG_HEADS:
        return True
    if tok.text in {"-", "—", "–"} and tok.whitespace_ and i > start and doc[i - 1].whitespace_:
        return True
    # "Laurent Cabannes and Laurent Benezech": two names of two words or more each.
    if tok.lower_ == "and" and i - start >= 2 and end - i > 2 and doc[i + 1].text in given_names():
        return True
    return (
        tok.lower_ in {"'s", "’s"}
        and i + 1 < end
        and doc[i + 1].text[:1].isupper()
        and doc[i - 1].lower_ != "people"  # "People's Republic of China"
        # "Liverpool Women's Hospital", "St John's College": one head word after the
        # possessive ends the name itself ("Russia's Defence Ministry" has two).
        and not (i + 2 == end and fold(doc[i + 1].text) in ORG_HEADS and fold(doc[i - 1].text) not in gazetteer())
    )


def _trim(doc: Doc, start: int, end: int, *, keep_whole: bool, label: str) -> list[tuple[int, int]]:
    """Split a model span where it joins several names, and trim what is no part of a name."""
    if keep_whole:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    s = start
    for i in range(start, end + 1):
        if i == end or _is_split(doc, i, start, end):
            if s < i:
                pieces.append((s, i))
            s = i + 1
    out = []
    for s, e in pieces:
        # Leading articles, numbers, months, "ex-", titles and, before a person or
        # place, nationality words ("Belgian King Baudouin" → "Baudouin"; but
        # "Russian Ministry of Defense" keeps its adjective).
        while s < e and (
            doc[s].lower_ in LEADING_NOISE
            or doc[s].is_punct
            or doc[s].like_num
            or (
                s + 1 < e
                and doc[s + 1].text[:1].isupper()
                and (
                    (label == "PERSON" and is_title(doc[s].text))
                    or (
                        fold(doc[s].text) in demonyms()
                        and e - s > 2
                        # "the Finnish Civil Defence" is the Finnish body's name; "American Dennis Mitchell" no body's.
                        and (label != "ORG" or _is_given(doc[s + 1].text))
                        and not is_org_name(doc[s + 1 : e].text)
                    )
                )
            )
            or (doc[s].text[:1].islower() and doc[s].lower_ not in PARTICLE_LEADS)
        ):
            s += 1
        # Trailing possessives, punctuation, dates, lower-case words ("Interfax news agency").
        while e > s and (
            doc[e - 1].lower_ in {"'s", "’s", "'", "’"}
            or doc[e - 1].is_punct
            or doc[e - 1].like_num
            or (doc[e - 1].text[:1].islower() and not _hyphen_tail(doc, s, e))
            or re.fullmatch(r"[\d/\-]+", doc[e - 1].text)
        ):
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _hyphen_tail(doc: Doc, s: int, e: int) -> bool:
    """The lower-case end of a hyphenated given name ("Li Song-ho", "Kang Young-hoon") is part of it."""
    return e - s >= 3 and doc[e - 2].text == "-" and not doc[e - 2].whitespace_ and not doc[e - 3].whitespace_


def _before_title(doc: Doc, end: int) -> bool:
    return end < len(doc) and is_title(doc[end].text) and not is_courtesy(doc[end].text)


def _span_words(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    return tuple(fold(t.text) for t in doc[start:end])


def _is_sports(doc: Doc, article: Article) -> bool:
    """Sports reports name teams after places ("Essex beat Somerset"): teams are organisations."""
    first = (article.title or article.body[:80]).split(" - ")[0].strip().casefold()
    if any(w in SPORTS for w in first.split()):
        return True
    return sum(t.lower_ in SPORTS_WORDS for t in doc) >= 4


def _classify(
    group: Group, parts: set[tuple[str, ...]], sports: bool, countries: frozenset[str] = frozenset()
) -> EntityKind | None:
    """What one distinct name is in this article, or None for no entity.

    ``countries`` holds the codes of the countries the article names.
    """
    text, key, votes = group.text, fold(group.text), group.votes
    if key in demonyms() or key in NOT_NAMES or not text[:1].isupper() or len(key) < 2:
        return None
    if key in known_orgs():
        return "organization"
    last = key.split()[-1]
    # Laws, documents, events and awards are no entities ("National Labor
    # Relations Act", "Cheltenham Gold Cup"); "Bill" alone is a given name.
    if last in THING_WORDS and (" " in key or not _is_given(text)):
        return None
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
        and _is_given(words[0])
        and not group.readings
        and all(is_surname_like(w) for w in words[1:])
        and not is_org_name(text)
        and not place_head(text)
        and not votes["CUE_PLACE"]
        and not votes["CUE_TEAM"]
        and not _holds_place(text)
    ):
        return "person"
    if is_org_name(text, strong_only=True):
        return "organization"
    if votes["CUE_TEAM"] and not votes["CUE_PERSON"]:
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
        sports and person and len(words) > 1 and not votes["CUE_PERSON"] and not readings
        and not _is_given(words[0]) and any(not r.weak for r in gazetteer().lookup(words[0]))
    ):
        return "organization"
    if sports and not country and not votes["CUE_PERSON"]:
        # "at Cleveland" is an away game; only "in"/"from"... keep a listed town a place.
        if readings and not votes["IN_PLACE"]:
            return "organization"
        if not readings and place and not votes["LOCATIVE"]:
            return "organization"
    if place_head(text) and (place or readings):
        return "place"
    # "Bangladesh Lamps", "Manchester United", "Atlas Bangladesh": a person
    # name holding a country or big city is a company or club.
    if person and len(group.words) > 1 and not readings and not votes["CUE_PERSON"] and _holds_place(text):
        return "organization"
    if readings:
        place += votes["LOCATIVE"]  # "in Missoula": a town the model took for a person
        if person and person >= max(place, org):
            # A mid-size town needs the sentence's help: an object ("visited Leeds"), not a subject ("Bush said").
            mid = votes["OBJECT"] and any(_is_wide(r) and not r.alternate for r in readings)
            strong = mid or any(_beats_person(r) for r in readings) or gazetteer().is_curated(text)
            # A town or region of a country the article names ("Swakopmund" in a story
            # about Namibia, "Ruvuma" beside Tanzania): the readings agree with the story.
            local = not _is_given(words[0]) and any(r.country in countries and not r.alternate for r in readings)
            return "place" if (strong or local) and not votes["CUE_PERSON"] else "person"
        if org > place and not country and is_org_name(text):
            return "organization"
        return "place"
    if is_org_name(text):
        return "organization"
    best = max(("person", person), ("organization", org), ("place", place), key=lambda kv: kv[1])
    return best[0] if best[1] else None  # type: ignore[return-value]


def _countries(groups: dict[str, Group]) -> frozenset[str]:
    """The countries the article names by their own names (and its dateline's country)."""
    out: set[str] = set()
    for g in groups.values():
        own = [r.country for r in g.readings if r.country and not r.weak and not r.alternate]
        out.update(r.country for r in g.readings if r.country in own and r.subtype == "country")
        if g.votes["DATELINE"] and len(set(own)) == 1:
            out.add(own[0])
    return frozenset(out)


def _is_given(word: str) -> bool:
    """A common given name: the curated list or the US birth counts (names that nearly always name one sex)."""
    return word in given_names() or word in given_name_genders()


def _given_names(doc: Doc, groups: dict[str, Group], add: Callable[[int, int, str], None]) -> None:
    """A common given name plus capitalised words is a person ("Laurent Cabannes", "Josh Kronfeld")."""
    given = given_names()
    known = {(s, e): g for g in groups.values() for s, e in g.mentions}
    covered = {i for s, e in known for i in range(s, e)}
    for tok in doc:
        after_name = tok.i > 0 and doc[tok.i - 1].text[:1].isupper() and tok.i - 1 not in covered
        if tok.text not in given or after_name:
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i < 3 and is_surname_like(doc[end].text) and doc[end].pos_ == "PROPN":
            end += 1
        if end == tok.i + 1 or is_org_name(doc[tok.i : end].text) or place_head(doc[tok.i : end].text):
            continue
        if (tok.i, end) in known:
            known[(tok.i, end)].votes["CUE_PERSON"] += 1
        elif not any(i in covered for i in range(tok.i, end)):
            add(tok.i, end, "PERSON")
            groups[" ".join(_span_words(doc, tok.i, end))].votes["CUE_PERSON"] += 1


def _gazetteer_names(doc: Doc, groups: dict[str, Group], add: Callable[[int, int, str], None], caps: set[int]) -> None:
    """Proper nouns the model left unlabelled that name a country, a listed place or a big city ("Kyiv has ...")."""
    gaz = gazetteer()
    covered = {i for g in groups.values() for s, e in g.mentions for i in range(s, e)}
    i = 0
    while i < len(doc):
        if i in covered or i in caps or doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
            i += 1
            continue
        for n in (3, 2, 1):
            span = doc[i : i + n]
            if len(span) < n or any(j in covered for j in range(i, i + n)) or not _stands_alone(doc, i, i + n):
                continue
            if any(_is_wide(r) for r in gaz.lookup(span.text)) and fold(span.text) not in NOT_NAMES:
                add(i, i + n, "GAZ")
                covered.update(range(i, i + n))
                i += n - 1
                break
        i += 1


def _holds_place(text: str) -> bool:
    gaz = gazetteer()
    return any(
        r.subtype in {"country", "continent"} or r.population >= BIG_CITY
        for word in text.split()
        if word not in given_names()
        for r in gaz.lookup(word)
    )


def _is_wide(place: Place) -> bool:
    """A reading big enough to trust without the model: country, region, listed place or big city."""
    return not place.weak and (place.subtype != "city" or place.population >= STRONG_CITY)


def _beats_person(place: Place) -> bool:
    """A reading strong enough to overrule the model's "person" (Kyiv, not Bush, Egypt or Lara, Venezuela)."""
    if place.weak or place.alternate:
        return False
    return place.subtype != "city" or place.population >= BIG_CITY


def _context_votes(doc: Doc, groups: dict[str, Group]) -> None:
    """Evidence from around each mention: a title or role means a person, "in"/"at" a place."""
    for group in groups.values():
        for start, end in group.mentions:
            titled = end - start > 1 and is_title(doc[start].text) and doc[start + 1].text[:1].isupper()
            if titled or title_before(doc, start) or appositive_after(doc, end):
                group.votes["CUE_PERSON"] += 1
            if end - start == 1 and doc[start].dep_ in {"pobj", "dobj"}:
                group.votes["OBJECT"] += 1
            group.votes["CUE_PLACE"] += place_cue(doc, start, end)
            group.votes["CUE_TEAM"] += start > 0 and doc[start - 1].text in TEAM_NOUNS
            if start > 0 and doc[start - 1].lower_ in LOCATIVES:
                group.votes["LOCATIVE"] += 1
                group.votes["IN_PLACE"] += doc[start - 1].lower_ != "at"


def _segments(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a list inside one sentence: runs of tokens between commas, semicolons and "and"."""
    out, s = [], start
    for i in range(start, end + 1):
        if i == end or doc[i].text in LIST_SEPARATORS or doc[i].lower_ == "and" or "\n" in doc[i].text:
            # Shirt numbers and minutes ("6 - Tolunay Kafkas", "57th") are no items.
            if s < i and any(t.is_alpha for t in doc[s:i]):
                out.append((s, i))
            s = i + 1
    return out


def _list_people(doc: Doc, groups: dict[str, Group], add: Callable[[int, int, str], None]) -> None:
    """Names listed beside people are people ("Alpay Ozalan, Hakan Sukur, Tolunay Kafkas").

    Team sheets and lists of officials are where the model misses most names;
    an item counts only when it is two or three capitalised words and a
    neighbouring item is a person.
    """
    for _ in range(3):  # each pass reaches one item further along the list
        if not _list_pass(doc, groups, add):
            break


def _list_pass(doc: Doc, groups: dict[str, Group], add: Callable[[int, int, str], None]) -> bool:
    changed = False
    by_span = {(s, e): g for g in groups.values() for s, e in g.mentions}
    mentioned = {i for s, e in by_span for i in range(s, e)}
    for sent in doc.sents:
        check()
        items = _segments(doc, sent.start, sent.end)
        people = [by_span.get(item) is not None and by_span[item].kind == "person" for item in items]
        if sum(people) < 2:
            continue
        for n, (s, e) in enumerate(items):
            neighbour = (n > 0 and people[n - 1]) or (n + 1 < len(items) and people[n + 1])
            if people[n] or not neighbour or not 2 <= e - s <= 3:
                continue
            if not all(is_surname_like(t.text) or t.lower_ in PARTICLE_LEADS for t in doc[s:e]):
                continue
            group = by_span.get((s, e))
            if group is None:
                if any(i in mentioned for i in range(s, e)):
                    continue
                add(s, e, "PERSON")
                group = groups[" ".join(_span_words(doc, s, e))]
            elif group.readings or is_org_name(group.text):
                continue
            group.kind = "person"
            changed = True
    return changed


def _teams_and_tails(doc: Doc, groups: dict[str, Group], parts: set[tuple[str, ...]]) -> None:
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
        if _is_given(g.text.split()[0]):
            continue
        tail = next((o for o in orgs if o.words[-len(g.words) :] == g.words and o is not g), None)
        if tail is not None:
            g.kind, g.parent = "organization", fold(tail.text)
            continue
        the = sum(s > 0 and doc[s - 1].lower_ == "the" for s, _ in g.mentions)
        if the * 2 >= len(g.mentions) and g.text[-1:] == "s":
            g.kind = "organization"


def _people_named_as_orgs(groups: dict[str, Group]) -> None:
    """Organisations by the model only that are a person of the article by name.

    Why: the model often calls a short form of a person's name an organisation
    ("Fahmi" beside "Fahmi Fadzil", "Chalobah" beside "Trevoh Chalobah"), and
    a full name whose surname the article uses alone for a person is that person.
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
        if is_org_name(g.text) or g.votes["CUE_TEAM"] or g.readings:
            continue
        short_form = len(g.words) == 1 and (g.words[0] in given or g.words[0] in surnames)
        full_name = 2 <= len(g.words) <= 3 and g.words[-1] in surnames
        if short_form or (full_name and all(is_surname_like(w) for w in g.text.split())):
            g.kind = "person"


def _expanded_acronyms(body: str, groups: dict[str, Group]) -> None:
    """An acronym the article expands is what its expansion is ("National Labor Relations Act (NLRA)" is a law,
    so no entity; "Gauteng Provincial Disaster Management Centre (PDMC)" is that organisation)."""
    for acronym, name in expansions(body).items():
        short = groups.get(fold(acronym))
        if short is None:
            continue
        if fold(name).split()[-1] in THING_WORDS:
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


def _abbreviations(doc: Doc, groups: dict[str, Group]) -> None:
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


def _propagate(doc: Doc, groups: dict[str, Group], covered: set[int], caps: set[int]) -> None:
    """Add the mentions the model missed: every other occurrence of a known name or surname."""
    forms: dict[tuple[str, ...], Group] = {}
    for g in groups.values():
        if g.kind is not None and len("".join(g.words)) > 1:
            forms.setdefault(g.words, g)
    for g in list(groups.values()):
        if g.kind == "person":
            for part in name_parts(list(g.words), first=False):
                if part not in forms and fold(" ".join(part)) not in demonyms():
                    key = " ".join(part)
                    forms[part] = groups.setdefault(key, Group(text=key, words=part, kind="person"))
    longest = max((len(w) for w in forms), default=0)
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in covered or not (tok.text[:1].isupper() or i in caps):
            i += 1
            continue
        for n in range(min(longest, len(doc) - i), 0, -1):
            group = forms.get(_span_words(doc, i, i + n))
            if group is None or any(j in covered for j in range(i, i + n)):
                continue
            if i not in caps and not _stands_alone(doc, i, i + n):
                continue
            group.mentions.append((i, i + n))
            covered.update(range(i, i + n))
            i += n - 1
            break
        i += 1


def _stands_alone(doc: Doc, start: int, end: int) -> bool:
    """A match is a whole name, not part of a longer one ("Such" at a sentence start is a word)."""
    if end < len(doc) and doc[end].text[:1].isupper() and not doc[end].is_sent_start and doc[end].pos_ == "PROPN":
        return False
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.pos_ == "PROPN" and not before.is_sent_start and not is_title(before.text):
        return False
    return not (end - start == 1 and doc[start].is_sent_start and doc[start].pos_ != "PROPN")


def entities(parsed: Parsed) -> tuple[tuple[Entity, ...], tuple[Entity, ...], tuple[Entity, ...]]:
    """People, places and organisations, each merged by name, in order of first mention."""
    doc, article = parsed.doc, parsed.article
    gaz = gazetteer()
    caps = _caps_tokens(doc, article.body)
    groups: dict[str, Group] = {}

    def add(start: int, end: int, label: str) -> None:
        words = _span_words(doc, start, end)
        key = " ".join(words)
        group = groups.get(key)
        if group is None:
            text = " ".join(t.text for t in doc[start:end]).replace(" - ", "-").replace(" '", "'")
            group = groups[key] = Group(text=doc[start:end].text if start < end else text, words=words)
        group.mentions.append((start, end))
        group.votes[label] += 1

    for start, end in datelines(doc, article.body):
        add(start, end, "DATELINE")
    taken = {i for g in groups.values() for s, e in g.mentions for i in range(s, e)}
    for ent in doc.ents:
        if ent.label_ not in CANDIDATE_LABELS or any(i in caps or i in taken for i in range(ent.start, ent.end)):
            continue
        listed = ent.text in gaz or fold(ent.text) in known_orgs()
        # "Agriculture Secretary Dan Glickman", "German Defence Minister": a
        # department named inside a title is no mention of an organisation.
        if ent.label_ == "ORG" and not listed and len(ent) == 1 and _before_title(doc, ent.end):
            continue
        for start, end in _trim(doc, ent.start, ent.end, keep_whole=listed, label=ent.label_):
            add(start, regnal_end(doc, start, end) if ent.label_ == "PERSON" else end, ent.label_)
    _given_names(doc, groups, add)
    _gazetteer_names(doc, groups, add, caps)
    mark_cued_places(doc, groups, add)
    for group in groups.values():
        group.readings = gaz.lookup(group.text)
    _context_votes(doc, groups)
    parts: set[tuple[str, ...]] = set()
    for group in groups.values():
        model = sum(n for label, n in group.votes.items() if label in CANDIDATE_LABELS)
        person = group.votes["PERSON"] + group.votes["CUE_PERSON"]
        if person > model / 2 and len(group.words) > 1 and not group.readings and not is_org_name(group.text):
            parts.update(name_parts(list(group.words), first=False))
    sports = _is_sports(doc, article)
    countries = _countries(groups)
    for group in groups.values():
        group.kind = _classify(group, parts, sports, countries)
    _teams_and_tails(doc, groups, parts)
    _people_named_as_orgs(groups)
    _expanded_acronyms(article.body, groups)
    _abbreviations(doc, groups)
    covered = {i for g in groups.values() if g.kind for s, e in g.mentions for i in range(s, e)}
    _propagate(doc, groups, covered, caps)
    # Lists are read once every known name has its mentions, then new names spread.
    _list_people(doc, groups, add)
    covered = {i for g in groups.values() if g.kind for s, e in g.mentions for i in range(s, e)}
    _propagate(doc, groups, covered, caps)
    titled = _title_tokens(doc, article.body)
    parts |= {
        p for g in groups.values() if g.kind == "person" and len(g.words) > 1 for p in name_parts(list(g.words))
    }
    kept = [g for g in groups.values() if g.kind and g.mentions and _has_evidence(doc, g, titled, parts)]
    for g in kept:
        g.mentions.sort()
        if not g.readings and g.kind == "place":
            g.readings = gaz.lookup(g.text)
    return (
        build_people(parsed, [g for g in kept if g.kind == "person"]),
        build_places(parsed, [g for g in kept if g.kind == "place"]),
        build_organizations(parsed, [g for g in kept if g.kind == "organization"]),
    )


__all__ = ["entities"]
