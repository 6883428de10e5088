"""Headline, summary, key facts and dated events (baseline: the lead)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.model import Article, Claim, Fact, Span, TimelineEvent

if TYPE_CHECKING:
    from spacy.tokens import Doc

HEADLINE_MAX = 90


def _sentences(doc: Doc, article: Article) -> list[Span]:
    start = article.headline.end if article.headline else 0
    return [Span(start=s.start_char, end=s.end_char, text=s.text) for s in doc.sents if s.start_char >= start and s.text.strip()]


def headline(doc: Doc, article: Article) -> str:
    """The lead sentence, cut at a word boundary when long."""
    sents = _sentences(doc, article)
    if not sents:
        return article.slug
    text = sents[0].text.rstrip(".")
    if len(text) <= HEADLINE_MAX:
        return text
    return text[:HEADLINE_MAX].rsplit(" ", 1)[0] + "…"


def summary(doc: Doc, article: Article, *, claims: tuple[Claim, ...]) -> tuple[Span, ...]:
    """The first sentence (baseline)."""
    return tuple(_sentences(doc, article)[:1])


def facts(doc: Doc, article: Article, *, claims: tuple[Claim, ...]) -> tuple[Fact, ...]:
    """The next sentences after the summary (baseline)."""
    return tuple(Fact(text=s.text, start=s.start, end=s.end) for s in _sentences(doc, article)[1:5])


def timeline(doc: Doc, article: Article) -> tuple[TimelineEvent, ...]:
    """Dated events (baseline: none)."""
    return ()
