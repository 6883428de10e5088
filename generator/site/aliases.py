"""The site owner's corrections: the ``aliases.yml`` file and how a name resolves.

Rules cannot know that two spellings are one person, or that a name should have
no page; the owner says so in ``aliases.yml`` (see :func:`load_aliases`), and
:func:`resolve` applies it on top of :func:`~generator.site.keys.entity_key`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import NewsbriefError
from generator.model import EntityKind
from generator.site.keys import ascii_key, entity_key, slug
from generator.site.layout import KIND_OF_FOLDER
from generator.yaml_loader import StrictLoader, short

ENTRY_KEYS = frozenset({"merge", "rename", "hide", "split", "description"})


@dataclass(frozen=True, slots=True, kw_only=True)
class AliasEntry:
    """One entry of the aliases file."""

    name: str
    kind: EntityKind
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
                by_name[(e.kind, ascii_key(name))] = e
            if not e.split:
                for name in (e.name, *e.merge):
                    by_key.setdefault((e.kind, entity_key(e.kind, name)), e)
        return cls(entries, by_name, by_key)

    def entry(self, kind: str, name: str) -> AliasEntry | None:
        """The entry that names ``name`` (exactly, or by its key unless split)."""
        found = self._by_name.get((kind, ascii_key(name)))
        if found is not None:
            return found
        candidate = self._by_key.get((kind, entity_key(kind, name)))
        return candidate

    def description(self, kind: str, key: str) -> str | None:
        """The owner's description for the entity with this key, if any."""
        return next((e.description for e in self.entries if e.kind == kind and e.key == key and e.description), None)


class AliasesError(NewsbriefError, ValueError):
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
    data = _read_yaml(p)
    if not isinstance(data, dict):
        raise AliasesError(f"expected sections {', '.join(f'{s}:' for s in KIND_OF_FOLDER)}", path=str(p))
    entries: list[AliasEntry] = []
    for section, items in data.items():
        if section not in KIND_OF_FOLDER:
            raise AliasesError(f"unknown section {section!r}; use {', '.join(KIND_OF_FOLDER)}", path=str(p))
        if not isinstance(items, dict):
            raise AliasesError(f"section {section!r} must map names to entries", path=str(p))
        for name, spec in items.items():
            if not isinstance(name, str):
                raise AliasesError(f"in section {section!r}, the entry {short(name)} is not a name; "
                                   "write names as text (in quotes if need be)", path=str(p))
            entries.append(_entry(p, KIND_OF_FOLDER[section], name, spec or {}))
    return Aliases.of(tuple(entries))


def _read_yaml(p: Path) -> Any:
    """The file's YAML, or one :class:`AliasesError` saying what is wrong and what to do."""
    if p.is_dir():
        raise AliasesError("is a folder; the aliases file must be a YAML file (or remove the folder)", path=str(p))
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise AliasesError(f"cannot be read ({exc.strerror or exc}); make it readable", path=str(p)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise AliasesError(f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} on line {line}); save it as UTF-8",
                           path=str(p)) from None
    try:
        return yaml.load(text, Loader=StrictLoader) or {}  # StrictLoader is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise AliasesError(f"not valid YAML: {problem}{where}", path=str(p)) from None
    except RecursionError:
        raise AliasesError("is nested too deeply to be an aliases file; see the README for its layout",
                           path=str(p)) from None


def _entry(path: Path, kind: EntityKind, name: str, spec: Any) -> AliasEntry:
    def error(message: str) -> AliasesError:
        return AliasesError(message, path=str(path), key=name)

    if not isinstance(spec, dict):
        raise error("expected keys such as merge:, rename:, hide:, description:")
    unknown = {str(k) for k in spec} - ENTRY_KEYS
    if unknown:
        known = ", ".join(sorted(ENTRY_KEYS))
        raise error(f"unknown key(s) {', '.join(sorted(unknown))}; known: {known}")
    merge = spec.get("merge", [])
    if isinstance(merge, str):
        merge = [merge]
    if not isinstance(merge, list) or not all(isinstance(m, str) for m in merge):
        raise error("merge must be a list of names")
    for key in ("rename", "description"):
        if spec.get(key) is not None and not isinstance(spec[key], str):
            raise error(f"{key} must be text")
    for key in ("hide", "split"):
        if not isinstance(spec.get(key, False), bool):
            raise error(f"{key} must be true or false")
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
