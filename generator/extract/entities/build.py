"""Turn classified name groups into merged :class:`Entity` records.

One entity per real person, place or organisation of the article: surnames
join the full name they belong to, "U.S." joins "United States", an acronym
joins the name it abbreviates. The canonical name is the fullest form the
article writes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.extract.entities.names import appositive_after, name_parts, title_before
from generator.lexicon.gazetteer import Place, country_of, gazetteer, resolve
from generator.lexicon.grammar import ACRONYM_SKIP
from generator.lexicon.organizations import known_orgs, org_subtype
from generator.lexicon.people import NAME_PARTICLES, is_royal
from generator.lexicon.places import place_head
from generator.lexicon.text import fold
from generator.model import Entity, EntityKind, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from generator.nlp import Parsed


@dataclass(slots=True)
class Group:
    """Every mention of one distinct name, with the evidence about it."""

    text: str
    words: tuple[str, ...]
    mentions: list[tuple[int, int]] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)
    kind: EntityKind | None = None
    readings: tuple[Place, ...] = ()
    parent: str | None = None
    """For an abbreviation introduced in brackets: the folded full name it stands for."""
    evidence: tuple[str, ...] = ()
    """What besides the model's label says the name is of its kind (``evidence.reasons``)."""


def _span(parsed: Parsed, start: int, end: int) -> Span:
    doc = parsed.doc
    s = doc[start:end]
    stop = s.end_char
    # A sentence-final abbreviation's full stop ends the sentence, not the name ("... Lear Corp.").
    last = doc[end - 1]
    sentence_end = end == len(doc) or "\n" in doc[end].text or doc[end].is_sent_start
    if last.text.endswith(".") and len(last.text) > 2 and sentence_end:
        stop -= 1
    return parsed.span(s.start_char, stop)


def _fullest(parsed: Parsed, groups: list[Group]) -> str:
    best = max(groups, key=lambda g: (len(g.words), len(g.text), -g.mentions[0][0]))
    return parsed.doc[best.mentions[0][0] : best.mentions[0][1]].text


def _entity(parsed: Parsed, kind: EntityKind, groups: list[Group], **extra: object) -> Entity:
    name = str(extra.pop("name", None) or _fullest(parsed, groups))
    mentions = sorted({_span(parsed, s, e) for g in groups for s, e in g.mentions}, key=lambda m: (m.start, m.end))
    aliases = tuple(dict.fromkeys(m.text for m in mentions if m.text != name))
    evidence = [r for g in groups for r in g.evidence]
    # The model's label repeated is evidence for a place or a full name (on quotes_dev such
    # pages were right 11 times in 14 for places), not for an organisation or a one-word
    # "person" (14 in 30 and 3 in 8: "Plaintiff", "Grand National", "Doggie", "Spurs").
    if len(mentions) > 1 and (kind == "place" or (kind == "person" and " " in name)):
        evidence.append("repeated")
    if extra.get("roles"):
        evidence.append("role")
    return Entity(
        name=name, kind=kind, mentions=tuple(mentions), aliases=aliases,
        evidence=tuple(sorted(set(evidence))), **extra,  # type: ignore[arg-type]
    )


def _first(e: Entity) -> int:
    return e.mentions[0].start if e.mentions else 0


def build_people(parsed: Parsed, groups: list[Group]) -> tuple[Entity, ...]:
    """People: short forms join the full name they are part of (nearest earlier one if several)."""
    doc = parsed.doc
    full = [g for g in groups if len(g.words) > 1]
    owners: dict[int, list[Group]] = {}
    for g in groups:
        candidates = [f for f in full if f is not g and _part_of(g.words, f.words)]
        # Only the fullest names are owners: "Putin" joins "Vladimir Putin", not
        # the "Vladimir Putin's" variant nor a middle form both contain.
        candidates = [f for f in candidates if not any(o is not f and _part_of(f.words, o.words) for o in candidates)]
        if not candidates:
            owners.setdefault(id(g), [g])
            continue
        if len({c.words[-1] for c in candidates}) > 1 or (len(g.words) == 1 and len(candidates) > 1):
            # Two people the short form can belong to ("Fischer" beside Adrianne
            # and Tanner Fischer): it joins neither and gets no page of its own,
            # since a surname page beside the full names is a page for nobody.
            continue
        for s, e in g.mentions:
            before = [f for f in candidates if f.mentions[0][0] < s]
            owner = max(before, key=lambda f: max(m[0] for m in f.mentions if m[0] < s)) if before else candidates[0]
            piece = Group(text=g.text, words=g.words, mentions=[(s, e)], kind="person")
            owners.setdefault(id(owner), [owner]).append(piece)
    people = []
    for members in owners.values():
        roles: list[str] = []
        extra_aliases: list[str] = []
        for g in members:
            for s, e in g.mentions:
                title = title_before(doc, s)
                if title:
                    roles.append(doc[title[0] : title[1]].text)
                    if len(g.words) == 1:
                        extra_aliases.append(doc[title[0] : e].text)
                appos = appositive_after(doc, e)
                if appos:
                    roles.append(doc[appos[0] : appos[1]].text)
        # "King Charles", "Prince Archie": a royal known by one name is named with the title
        # the article gives him (a page or a record titled "Charles" names nobody in particular).
        royal = [a for a in extra_aliases if len(a.split()) == 2 and is_royal(a.split()[0])]
        single = len({g.words for g in members}) == 1 and len(members[0].words) == 1
        name = royal[0] if royal and single else None
        entity = _entity(parsed, "person", members, roles=tuple(dict.fromkeys(roles)), name=name)
        aliases = tuple(dict.fromkeys((*entity.aliases, *(a for a in extra_aliases if a != entity.name))))
        people.append(
            Entity(
                name=entity.name, kind="person", aliases=aliases, roles=entity.roles, mentions=entity.mentions,
                evidence=entity.evidence,
            )
        )
    return tuple(sorted(people, key=_first))


_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "senior", "junior", "ii", "iii"})


def _same_person(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """A full name written without the middle name or suffix another form has
    ("Nelson Mandela" of "Nelson Rolihlahla Mandela", "Thomas Markle" of "Thomas Markle Senior")."""
    if len(short) < 2 or len(full) <= len(short):
        return False
    core = full[:-1] if full[-1] in _SUFFIXES else full
    return core == short or (len(core) > len(short) and short[0] == core[0] and short[-1] == core[-1])


def _part_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """A surname, first name or name tail of a fuller name ("Putin" of "Vladimir Putin").

    Group words are folded, so the given name is compared directly: "Jeffrey"
    is Jeffrey Epstein's when the article names him in full (tabloids and
    features call people by their first names).
    """
    if len(short) == 1 and len(full) > 1 and full[0] == short[0] and full[0] not in NAME_PARTICLES:
        return True
    if _same_person(short, full) or _nickname_of(short, full):
        return True
    return short in name_parts(list(full)) or _ends(full, short)


_QUOTES = frozenset({"'", "‘", "’", '"', "“", "”"})


def _nickname_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """The nickname a full name gives in quotes ("Uncle Poodle" of "Lee 'Uncle Poodle' Thompson")."""
    n = len(short)
    return any(
        full[k : k + n] == short and full[k - 1] in _QUOTES and full[k + n] in _QUOTES
        for k in range(1, len(full) - n)
    )


def _ends(full: tuple[str, ...], short: tuple[str, ...]) -> bool:
    return len(full) > len(short) and full[-len(short) :] == short


def build_places(parsed: Parsed, groups: list[Group]) -> tuple[Entity, ...]:
    """Places: readings resolved against the article's other places, then merged by what they resolve to."""
    gaz = gazetteer()
    context = frozenset(
        r.country for g in groups for r in [resolve(g.readings, frozenset())] if r is not None and r.country
    )
    merged: dict[object, list[Group]] = {}
    resolved: dict[object, Place | None] = {}
    keys: dict[int, object] = {}
    for g in groups:
        place = resolve(g.readings, context)
        keys[id(g)] = (place.name, place.country, place.subtype) if place else fold(g.text)
        resolved[keys[id(g)]] = place
    for g in groups:
        key = keys[id(g)]
        if resolved[key] is None:
            # "Coliseum" and "Los Angeles Coliseum", "Los Angeles Memorial Coliseum": a name the
            # gazetteer does not know joins the one fuller place name of the article it shortens.
            fuller = {f.words: f for f in groups if f is not g and part_of_place(g.words, f.words)}
            fullest = [f for w, f in fuller.items() if not any(o != w and part_of_place(w, o) for o in fuller)]
            if len(fullest) == 1:
                key = keys[id(fullest[0])]
        merged.setdefault(key, []).append(g)
    places = []
    for key, members in merged.items():
        place = resolved[key]
        readings = tuple(r for g in members for r in g.readings)
        code = place.country if place else country_of(readings)
        country_place = gaz.countries.get(code) if code else None
        subtype = place.subtype if place else (place_head(members[0].text) or _agreed(readings))
        places.append(
            _entity(
                parsed,
                "place",
                members,
                subtype=subtype,
                country=country_place.name if country_place else code,
                lat=place.lat if place else None,
                lon=place.lon if place else None,
                geonames_id=place.geonames_id if place else None,
            )
        )
    return tuple(sorted(places, key=_first))


def part_of_place(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """The end of a longer place name, or the name without a middle word ("Los Angeles Coliseum")."""
    return len(full) > len(short) and (_ends(full, short) or _same_person(short, full))


def _agreed(readings: tuple[Place, ...]) -> str | None:
    kinds = {r.subtype for r in readings}
    return kinds.pop() if len(kinds) == 1 else None


def _capital_the(doc: Doc, start: int) -> bool:
    if start == 0:
        return False
    the = doc[start - 1]
    return the.text == "The" and not the.is_sent_start and (start < 2 or "\n" not in doc[start - 2].text_with_ws)


def _sentence_the(doc: Doc, start: int) -> bool:
    """A capital "The" right before the name, wherever it stands."""
    return start > 0 and doc[start - 1].text == "The"


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w and w not in ACRONYM_SKIP and w[0].isalpha())


def _one_word_more(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``full`` is ``short`` (four words or more) with one word added anywhere."""
    if len(short) < 4 or len(full) != len(short) + 1:
        return False
    return any(full[:n] + full[n + 1 :] == short for n in range(len(full)))


def build_organizations(parsed: Parsed, groups: list[Group]) -> tuple[Entity, ...]:
    """Organisations: listed aliases and acronyms join the full name."""
    known = known_orgs()
    merged: dict[str, list[Group]] = {}
    by_initials = {_initials(g.words): g for g in groups if len(g.words) > 1}
    for g in groups:
        org = known.get(fold(g.text))
        key = fold(org.name) if org else fold(g.text)
        # "Red Sox" of "Boston Red Sox", "Air Force" of "U.S. Air Force": the end
        # of exactly one fuller organisation name of the article is that organisation.
        fuller = [f for f in groups if len(f.words) > len(g.words) and f.words[-len(g.words) :] == g.words]
        if org is None and g.parent is None and len(g.words) > 1 and len({f.words for f in fuller}) == 1:
            g.parent = fold(fuller[0].text)
        # "Police Federation" of "Police Federation of England and Wales": the name before "of" of one fuller name.
        n = len(g.words)
        heads = {f.words: f for f in groups if len(f.words) > n + 1 and f.words[:n] == g.words and f.words[n] == "of"}
        if org is None and g.parent is None and n > 1 and len(heads) == 1:
            g.parent = fold(next(iter(heads.values())).text)
        # "Democrats" of "Liberal Democrats": a listed short name that ends one listed fuller name of the article.
        listed = {f.words for f in fuller if fold(f.text) in known}
        if org is not None and g.parent is None and len(listed) == 1 and len({f.words for f in fuller}) == 1:
            g.parent = fold(fuller[0].text)
        # "Moruo" of "Moruo Mining and Construction Company": a company is shortened to its
        # first word; only when exactly one company name of the article starts with it.
        companies = [f for f in groups if len(f.words) > 1 and f.words[0] == g.words[0] and f is not g]
        companies = [f for f in companies if org_subtype(f.text) == "company"]
        if org is None and g.parent is None and len(g.words) == 1 and len({f.words for f in companies}) == 1:
            g.parent = fold(companies[0].text)
        # "University Hospitals of Morecambe Bay Foundation Trust" beside "... Bay NHS Foundation
        # Trust": a long name written once without one word of another is that organisation.
        longer = {f.words: f for f in groups if _one_word_more(g.words, f.words)}
        if org is None and g.parent is None and len(longer) == 1:
            g.parent = fold(next(iter(longer.values())).text)
        target = by_initials.get(key) if len(g.words) == 1 and g.text.isupper() else None
        if g.parent is not None:
            key = g.parent
        elif target is not None and target is not g:
            key = fold(target.text)
        merged.setdefault(key, []).append(g)
    doc = parsed.doc
    for g in groups:
        # "by The Mail on Sunday", "The Rolling Stones" written "The" mid-sentence: a
        # capital "The" inside a sentence is part of the name (outlets, bands). A listed
        # organisation's mentions take it too ("told The New York Times"), but its page
        # keeps the listed name ("The Associated Press" is "Associated Press"), below.
        # A listed newspaper's "The" opens its name even at a sentence's start ("The New York Times has reported").
        outlet = fold(g.text) in known and known[fold(g.text)].subtype in {"news_outlet", "state_media"}
        g.mentions = [(s - 1 if _capital_the(doc, s) or (outlet and _sentence_the(doc, s)) else s, e)
                      for s, e in g.mentions]
    orgs = []
    for members in merged.values():
        name = _fullest(parsed, members)
        org = next((known[fold(g.text)] for g in members if fold(g.text) in known), None)
        if org is not None and name.startswith("The ") and fold(name[4:]) in known:
            name = name[4:]
        subtype = org.subtype if org else next((s for g in members if (s := org_subtype(g.text))), None)
        if subtype is None and any(g.votes["CUE_OUTLET"] for g in members):
            subtype = "news_outlet"  # "the daily Granma": the sentence says so
        orgs.append(_entity(parsed, "organization", members, name=name, subtype=subtype))
    return tuple(sorted(orgs, key=_first))
