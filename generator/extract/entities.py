"""People, places and organisations of one article (baseline: spaCy NER)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from generator.model import Article, Entity, EntityKind, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LABELS: dict[str, EntityKind] = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "organization",
}


def add_entity_rules(nlp: Language) -> None:
    """Add newsbrief's entity corrections to a loaded pipeline."""


def entities(doc: Doc, article: Article) -> tuple[tuple[Entity, ...], tuple[Entity, ...], tuple[Entity, ...]]:
    """People, places and organisations, each merged by name, in order of first mention."""
    groups: dict[tuple[EntityKind, str], list[Span]] = defaultdict(list)
    for ent in doc.ents:
        kind = LABELS.get(ent.label_)
        if kind is None:
            continue
        text = ent.text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        groups[(kind, text)].append(Span(start=ent.start_char, end=ent.end_char, text=ent.text))
    people = [Entity(name=n, kind=k, mentions=tuple(m)) for (k, n), m in groups.items() if k == "person"]
    # Merge surname-only mentions into the fuller name that ends with them.
    merged: list[Entity] = []
    for person in sorted(people, key=lambda e: -len(e.name)):
        full = next((m for m in merged if m.name.endswith(" " + person.name)), None)
        if full is None:
            merged.append(person)
        else:
            merged[merged.index(full)] = Entity(
                name=full.name, kind="person", aliases=(*full.aliases, person.name),
                mentions=tuple(sorted(full.mentions + person.mentions, key=lambda s: s.start)),
            )
    order = lambda e: e.mentions[0].start  # noqa: E731
    return (
        tuple(sorted(merged, key=order)),
        tuple(Entity(name=n, kind=k, mentions=tuple(m)) for (k, n), m in groups.items() if k == "place"),
        tuple(Entity(name=n, kind=k, mentions=tuple(m)) for (k, n), m in groups.items() if k == "organization"),
    )
