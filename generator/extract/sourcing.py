"""Sourcing notes: who claims what, and how far to trust it (baseline)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.model import Article, Claim, Entity, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc


def claims(doc: Doc, article: Article, *, quotes: tuple[Quote, ...], people: tuple[Entity, ...],
           places: tuple[Entity, ...], organizations: tuple[Entity, ...]) -> tuple[Claim, ...]:
    """One claim per attributed quote (baseline)."""
    return tuple(
        Claim(source=q.speaker, kind="person", claim=None, cue=q.cue)
        for q in quotes
        if q.speaker
    )
