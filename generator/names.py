"""Cross-article entity keys and the site owner's aliases file (minimal stub;
being replaced by the entities work)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.ingest import slugify
from generator.model import EntityKind


@dataclass(frozen=True, slots=True)
class Aliases:
    """The site owner's merges, renames and hidden entities."""

    entries: dict[str, str] = field(default_factory=dict)


def entity_key(kind: EntityKind, name: str) -> str:
    """A stable, slug-safe key for one real entity."""
    return slugify(name) or "unnamed"


def load_aliases(path: Path) -> Aliases:
    return Aliases()


def resolve(aliases: Aliases | None, kind: EntityKind, name: str) -> tuple[str, str] | None:
    """(key, display name) for ``name``, or None when hidden."""
    return entity_key(kind, name), name
