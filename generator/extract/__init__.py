"""Extraction: a parsed article in, model objects out. spaCy types stop here.

The order matters: speakers are resolved against the article's people,
sourcing builds on quotes, facts carry the attributions sourcing found.
Sentences are scored once and shared by the headline, summary, facts and
timeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract import budget
from generator.extract.entities import entities
from generator.extract.facts.select import facts, headline, resolved_dates, summary, timeline
from generator.extract.facts.sentences import sentences
from generator.extract.sourcing.claims import claims
from generator.extract.speech.quotes import quotes
from generator.model import Brief

if TYPE_CHECKING:
    from generator.nlp import Parsed


def extract_brief(parsed: Parsed) -> Brief:
    """Everything a brief needs from one parsed article.

    Raises :class:`~generator.extract.budget.BudgetExceeded` (a skip message
    naming the file) when the article takes longer than its time budget.
    """
    with budget.deadline(parsed.article.path):
        return _extract(parsed)


def _extract(parsed: Parsed) -> Brief:
    article = parsed.article
    people, places, organizations = entities(parsed)
    budget.check()
    found_quotes = quotes(parsed, people=people, organizations=organizations)
    budget.check()
    found_claims = claims(
        parsed, quotes=found_quotes, people=people, places=places, organizations=organizations
    )
    budget.check()
    sents = sentences(parsed)
    budget.check()
    found_summary = summary(parsed, sents)
    found_facts = facts(parsed, sents, claims=found_claims)
    spans = found_summary + tuple(parsed.span(f.start, f.end) for f in found_facts.key + found_facts.more)
    return Brief(
        article=article,
        title=article.title or headline(parsed, sents),
        summary=found_summary,
        facts=found_facts.key,
        more_facts=found_facts.more,
        quotes=found_quotes,
        claims=found_claims,
        people=people,
        places=places,
        organizations=organizations,
        timeline=timeline(parsed, sents),
        dates=resolved_dates(parsed, sents, spans),
    )
