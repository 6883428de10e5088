"""Headline, summary, key facts and dated events: the top of a brief.

Notes:
    Summary and facts are extractive: every text is ``body[start:end]``. The
    summary is the most salient early sentence (news leads carry the story);
    facts are the next most salient sentences that add something new, each
    cleanly shortened (see :mod:`generator.extract.shorten`) and listed in
    document order, so the bullets read as the story unfolds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.dates import DateMention, date_mentions, period_end
from generator.extract.headline import HEADLINE_MAX, derive_headline
from generator.extract.salience import Sentence, announced, overlap, sentences
from generator.extract.shorten import Piece, shorten
from generator.model import Article, Claim, Fact, Span, TimelineEvent

if TYPE_CHECKING:
    import datetime as dt

    from spacy.tokens import Doc

__all__ = ["HEADLINE_MAX", "facts", "headline", "summary", "timeline"]

SUMMARY_WINDOW = 4
"""The summary is chosen among the first sentences: that is where news puts the story."""
MIN_FACTS = 3
MAX_FACTS = 7
PARAGRAPHS_PER_FACT = 2
"""Beyond the minimum, one more fact per two paragraphs past the fifth: a writer
gives each point its own paragraph, so longer stories make more points."""
FACT_WORDS = 15
FACT_LENGTH_PENALTY = 0.05
"""Salience lost per word past FACT_WORDS: a bullet is read at a glance."""
REPEAT_PENALTY = 1.0
"""Salience lost per share of content words already in the summary or a chosen fact."""
BACKGROUND_PENALTY = 0.6
"""Salience lost by background about "The city" that names nobody and counts nothing."""
ATTRIBUTED_BONUS = 0.5
"""Salience gained by a development a named body makes public ("the Kremlin confirms ...").

Only the announcing verb counts: a bonus for any attributed piece ("X said")
lost ROUGE on the CNN / Daily Mail set, where quoted reactions are common."""
REDUNDANT = 0.6
"""A candidate sharing this share of its content words with a chosen text repeats it."""


def headline(doc: Doc, article: Article) -> str:
    """A headline from the lead's main clause, for articles that have none."""
    sents = sentences(doc, article)
    if not sents:
        return article.slug
    # The lead is the first sentence that is prose: not a caption, quote or question.
    lead = next((s for s in sents[:SUMMARY_WINDOW] if s.eligible), sents[0])
    return derive_headline(doc, lead.start, lead.end) or article.slug


def _summary_sentence(sents: list[Sentence]) -> Sentence | None:
    window = [s for s in sents[:SUMMARY_WINDOW] if s.eligible]
    if not window:
        return sents[0] if sents else None
    return max(window, key=lambda s: s.score)


def summary(doc: Doc, article: Article, *, claims: tuple[Claim, ...]) -> tuple[Span, ...]:
    """The sentence that best says what the story is about, verbatim."""
    chosen = _summary_sentence(sentences(doc, article))
    return () if chosen is None else (Span(start=chosen.start, end=chosen.end, text=chosen.text),)


def _claim_source(claims: tuple[Claim, ...], start: int, end: int) -> str | None:
    """The source of the claim covering most of the fact (at least half of it).

    A claim covering only a part ("..., which local officials say is dire")
    does not attribute the whole fact: that would be a wrong source.
    """
    best: tuple[int, str] | None = None
    for c in claims:
        if c.claim is None:
            continue
        shared = min(end, c.claim.end) - max(start, c.claim.start)
        if 2 * shared >= end - start and (best is None or shared > best[0]):
            best = (shared, f"{c.source}, via {c.via}" if c.via and c.via != c.source else c.source)
    return best[1] if best else None


def _text(article: Article, piece: Piece) -> str:
    return article.body[piece.start : piece.end]


def _words(article: Article, piece: Piece) -> int:
    return len(_text(article, piece).split())


def _dated(sent: Sentence, piece: Piece, anchor: dt.date | None) -> DateMention | None:
    """The first date expression inside the fact, read with its whole sentence (for tense)."""
    if anchor is None:
        return None
    for mention in date_mentions(sent.text, anchor):
        if piece.start <= sent.start + mention.start and sent.start + mention.end <= piece.end:
            return mention
    return None


def _novelty(sent: Sentence, chosen: list[frozenset[str]]) -> float:
    return max((overlap(sent.lemmas, other) for other in chosen), default=0.0)


def facts(doc: Doc, article: Article, *, claims: tuple[Claim, ...]) -> tuple[Fact, ...]:
    """Three to seven salient sentences or clean shortenings, in document order."""
    sents = sentences(doc, article)
    lead = _summary_sentence(sents)
    chosen: list[frozenset[str]] = [lead.lemmas] if lead else []
    wanted = min(MAX_FACTS, MIN_FACTS + max(0, len(article.paragraphs) - 5) // PARAGRAPHS_PER_FACT)
    candidates = []
    for sent in sents:
        if sent.eligible and sent is not lead:
            piece = shorten(doc, article.body, sent.start, sent.end)
            # Shorter facts read faster: past FACT_WORDS words, each word costs a little.
            value = sent.score - FACT_LENGTH_PENALTY * max(0, _words(article, piece) - FACT_WORDS)
            # A development a named body confirms or announces is news; background
            # about "The city" that names nobody and counts nothing is not.
            if announced(doc, piece.start, piece.end):
                value += ATTRIBUTED_BONUS
            if sent.background:
                value -= BACKGROUND_PENALTY
            candidates.append((value, sent, piece))
    picked: list[Fact] = []
    while candidates and len(picked) < wanted:
        # Greedy, maximal marginal relevance: what a fact shares with the summary and
        # the facts already chosen tells the reader nothing new.
        best = max(candidates, key=lambda c: c[0] - REPEAT_PENALTY * _novelty(c[1], chosen))
        candidates.remove(best)
        _, sent, piece = best
        if _novelty(sent, chosen) >= REDUNDANT:
            continue
        dated = _dated(sent, piece, article.date)
        picked.append(
            Fact(
                text=_text(article, piece),
                start=piece.start,
                end=piece.end,
                # The sourcing extractor names sources canonically; the sentence's own
                # "according to X" / "X said" is the fallback.
                source=_claim_source(claims, piece.start, piece.end) or piece.source,
                date=dated.date if dated else None,
                date_precision=dated.precision if dated else "day",
            )
        )
        chosen.append(sent.lemmas)
    return tuple(sorted(picked, key=lambda f: f.start))


def timeline(doc: Doc, article: Article) -> tuple[TimelineEvent, ...]:
    """One event per sentence that dates itself, resolved against the article's date; none when undated.

    A sentence's first date expression dates it ("fell in October compared with
    the same month last year" happened in October). Sorted by when the period
    ends, so "October 2025" follows "22 October 2025" rather than preceding it.
    """
    if article.date is None:
        return ()
    events = []
    for sent in sentences(doc, article):
        mentions = date_mentions(sent.text, article.date)
        if not mentions:
            continue
        mention = mentions[0]
        expression = Span(start=sent.start + mention.start, end=sent.start + mention.end, text=mention.text)
        events.append(
            TimelineEvent(
                date=mention.date,
                expression=expression,
                sentence=Span(start=sent.start, end=sent.end, text=sent.text),
                precision=mention.precision,
            )
        )
    return tuple(sorted(events, key=lambda e: (period_end(e.date, e.precision), e.expression.start)))
