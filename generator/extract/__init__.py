"""Extraction: a parsed article in, model objects out. spaCy types stop here.

The order matters: speakers are resolved against the article's people,
sourcing builds on quotes, facts carry the attributions sourcing found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.entities import entities
from generator.extract.facts.select import facts, headline, summary, timeline
from generator.extract.sourcing.claims import claims
from generator.extract.speech.quotes import quotes
from generator.model import Article, Brief

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_brief(article: Article, doc: Doc) -> Brief:
    """Everything a brief needs from one article and its parse."""
    people, places, organizations = entities(doc, article)
    found_quotes = quotes(doc, article, people=people, organizations=organizations)
    found_claims = claims(doc, article, quotes=found_quotes, people=people, places=places, organizations=organizations)
    return Brief(
        article=article,
        title=article.title or headline(doc, article),
        summary=summary(doc, article, claims=found_claims),
        facts=facts(doc, article, claims=found_claims),
        quotes=found_quotes,
        claims=found_claims,
        people=people,
        places=places,
        organizations=organizations,
        timeline=timeline(doc, article),
    )
