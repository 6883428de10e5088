"""One page per real entity across articles: stable name keys and the aliases file.

``entity_key`` turns a name as an article writes it into a slug-safe key that
stays the same for the spellings news uses for one entity: transliterations
(Zelensky/Zelenskyy/Zelenskiy, Aleksei/Alexei/Alexey), a listed place's other
names (Kiev/Kyiv), a listed organisation's abbreviations (U.N./United Nations),
titles and a leading "the". A site owner corrects what rules cannot know with
an aliases file (see :func:`load_aliases`), applied by :func:`resolve`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

Kind = Literal["person", "place", "organization"]
KINDS: dict[str, Kind] = {"people": "person", "places": "place", "organizations": "organization"}
ENTRY_KEYS = frozenset({"merge", "rename", "hide", "split", "description"})
# Courtesy titles and offices written before names; no part of a person's key.
PERSON_TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "prime",
        "minister", "chancellor", "premier", "king", "queen", "prince", "princess", "pope", "gen",
        "general", "col", "colonel", "maj", "major", "capt", "captain", "adm", "admiral", "lt", "sgt",
        "gov", "governor", "sen", "senator", "rep", "representative", "mayor", "judge", "justice", "sheikh"
    }
)
# Transliteration spellings reduced to one form, applied to each word in order.
# Why: Russian and Ukrainian names reach English news through several systems
# (-y/-iy/-yy endings, x/ks, e/yo, -ei/-ey/-ej); the reduced form is the
# common English spelling (Alexei, Sergei, Zelensky, Maxim) so keys read well in URLs.
_TRANSLIT: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ks"), "x"),
    (re.compile(r"(?<=[bcdfghklmnprstvz])yo"), "e"),
    (re.compile(r"e[iyj]$"), "ei"),
    (re.compile(r"(?<=[^aeiou])[iy]+$"), "y"),
)


def fold(text: str) -> str:
    """ASCII, lower case, apostrophes and dots dropped, spacing collapsed."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’`.]", "", ascii_text.lower())
    return " ".join(re.sub(r"[^a-z0-9&]+", " ", ascii_text).split())


def slug(text: str) -> str:
    """A URL- and file-safe slug of a name (the exact name, no merging)."""
    return "-".join(fold(text).replace("&", "and").split())[:80].strip("-") or "unnamed"


def _person_words(name: str) -> list[str]:
    words = fold(re.sub(r"(?:'s|’s)$", "", name)).split()
    while len(words) > 1 and words[0] in PERSON_TITLES:
        words.pop(0)
    out = []
    for word in words:
        for pattern, repl in _TRANSLIT:
            word = pattern.sub(repl, word)
        out.append(word)
    return out


def _place_name(name: str) -> str:
    """The gazetteer's own name for a place the gazetteer knows unambiguously."""
    from generator.extract.gazetteer import gazetteer, resolve

    place = resolve(gazetteer().lookup(name), frozenset())
    return place.name if place is not None else name


def _org_name(name: str) -> str:
    from generator.extract.entity_rules import known_orgs

    org = known_orgs().get(" ".join(fold(name).split()))
    return org.name if org is not None else name


def entity_key(kind: str, name: str) -> str:
    """A stable, slug-safe key: the same for the spellings of one entity.

    >>> entity_key("person", "Volodymyr Zelenskyy") == entity_key("person", "Volodymyr Zelensky")
    True
    >>> entity_key("place", "Kiev") == entity_key("place", "Kyiv")
    True
    """
    name = re.sub(r"^(?:the|The|THE)\s+", "", name.strip())
    if kind == "person":
        return slug(" ".join(_person_words(name)))
    if kind == "place":
        return slug(_place_name(name))
    return slug(_org_name(re.sub(r"(?:'s|’s)$", "", name)))


def same_entity(kind: str, a: str, b: str) -> bool:
    """Whether two names written in different articles are one entity."""
    return entity_key(kind, a) == entity_key(kind, b)


@dataclass(frozen=True, slots=True, kw_only=True)
class AliasEntry:
    """One entry of the aliases file."""

    name: str
    kind: Kind
    merge: tuple[str, ...] = ()
    rename: str | None = None
    hide: bool = False
    split: bool = False
    description: str | None = None

    @property
    def display(self) -> str:
        return self.rename or self.name

    @property
    def key(self) -> str:
        return slug(self.display) if self.split else entity_key(self.kind, self.display)


@dataclass(frozen=True, slots=True)
class Aliases:
    """The parsed aliases file: entries found by exact name or by key."""

    entries: tuple[AliasEntry, ...] = ()
    _by_name: dict[tuple[str, str], AliasEntry] = field(default_factory=dict, compare=False)
    _by_key: dict[tuple[str, str], AliasEntry] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, entries: tuple[AliasEntry, ...]) -> Aliases:
        by_name: dict[tuple[str, str], AliasEntry] = {}
        by_key: dict[tuple[str, str], AliasEntry] = {}
        for e in entries:
            for name in (e.name, *e.merge, *([e.rename] if e.rename else [])):
                by_name[(e.kind, fold(name))] = e
            if not e.split:
                for name in (e.name, *e.merge):
                    by_key.setdefault((e.kind, entity_key(e.kind, name)), e)
        return cls(entries, by_name, by_key)

    def entry(self, kind: str, name: str) -> AliasEntry | None:
        """The entry that names ``name`` (exactly, or by its key unless split)."""
        found = self._by_name.get((kind, fold(name)))
        if found is not None:
            return found
        candidate = self._by_key.get((kind, entity_key(kind, name)))
        return candidate

    def description(self, kind: str, key: str) -> str | None:
        """The owner's description for the entity with this key, if any."""
        return next((e.description for e in self.entries if e.kind == kind and e.key == key and e.description), None)


class AliasesError(ValueError):
    """The aliases file is not what :func:`load_aliases` documents; the message says where."""


def load_aliases(path: Path | str) -> Aliases:
    """Read the aliases file (a missing file means no aliases).

    Format (YAML), one section per kind, each entry keyed by a name as the
    site shows it or as articles write it::

        people:
          Volodymyr Zelensky:
            merge: [Zelenskyy, Volodymyr Zelenskiy]   # these names are this person
            description: President of Ukraine since 2019.
          Jordan:
            hide: true                    # no page, no links
        places:
          Kiev:
            rename: Kyiv                  # shown as Kyiv (and found under its key)
        organizations:
          Ministry of Defense:
            merge: [Russian Ministry of Defense, Russia's Defence Ministry]
          Alexei Navalny Foundation:
            split: true                   # never merged with look-alike names

    Keys of an entry: ``merge`` (list of names), ``rename`` (display name),
    ``hide`` (true/false), ``split`` (true: the entity's key is its exact name,
    so the automatic transliteration and alias merging never joins others to
    it), ``description`` (one short paragraph shown on its page). Sections are
    ``people``, ``places`` and ``organizations``; an entry may be empty.
    """
    p = Path(path)
    if not p.exists():
        return Aliases()
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise AliasesError(f"{p}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise AliasesError(f"{p}: expected sections people:, places:, organizations:")
    entries: list[AliasEntry] = []
    for section, items in data.items():
        if section not in KINDS:
            raise AliasesError(f"{p}: unknown section {section!r}; use {', '.join(KINDS)}")
        if not isinstance(items, dict):
            raise AliasesError(f"{p}: section {section!r} must map names to entries")
        for name, spec in items.items():
            entries.append(_entry(p, KINDS[section], str(name), spec or {}))
    return Aliases.of(tuple(entries))


def _entry(path: Path, kind: Kind, name: str, spec: Any) -> AliasEntry:
    where = f"{path}: {name!r}"
    if not isinstance(spec, dict):
        raise AliasesError(f"{where}: expected keys such as merge:, rename:, hide:, description:")
    unknown = set(spec) - ENTRY_KEYS
    if unknown:
        known = ", ".join(sorted(ENTRY_KEYS))
        raise AliasesError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; known: {known}")
    merge = spec.get("merge", [])
    if isinstance(merge, str):
        merge = [merge]
    if not isinstance(merge, list) or not all(isinstance(m, str) for m in merge):
        raise AliasesError(f"{where}: merge must be a list of names")
    for key in ("rename", "description"):
        if spec.get(key) is not None and not isinstance(spec[key], str):
            raise AliasesError(f"{where}: {key} must be text")
    for key in ("hide", "split"):
        if not isinstance(spec.get(key, False), bool):
            raise AliasesError(f"{where}: {key} must be true or false")
    return AliasEntry(
        name=name, kind=kind, merge=tuple(merge), rename=spec.get("rename"),
        hide=spec.get("hide", False), split=spec.get("split", False), description=spec.get("description"),
    )


def resolve(aliases: Aliases | None, kind: str, name: str) -> tuple[str, str] | None:
    """``(key, display_name)`` for a name seen in a brief, or None when hidden.

    An entry found by the exact name, a merged name or the same key decides;
    otherwise the key is :func:`entity_key` and the display name the name itself.
    """
    entry = aliases.entry(kind, name) if aliases is not None else None
    if entry is None:
        return entity_key(kind, name), name
    if entry.hide:
        return None
    return entry.key, entry.display
