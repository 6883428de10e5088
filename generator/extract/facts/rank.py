"""Feature-weighted ranking of sentences for the summary and the key facts.

Notes:
    A linear ranker over a few features a reader would name (position, named
    actors, figures, quotes, length, centrality, nut-graf cues). The weights
    are not set by hand: ``train/keyfacts_ranker.py`` fits them by ridge
    regression on CNN / Daily Mail articles against the editors' highlights
    (``keyfacts_dev``), chooses the regularisation by 5-fold cross-validation
    and reports cross-validated ROUGE; the shipped weights are then fitted on
    all of it (``generator/data/facts_weights.json``). Rules tuned by hand to
    the whole set scored above lead-3 there and below it on held-out
    articles: fitting with held-out folds is what makes the gain real.
    Features are standardised by the means and scales stored with the
    weights, so each weight reads as "how much one typical step matters".

    Measured (5-fold cross-validated on keyfacts_dev, 125 articles; lead-3
    R1 0.396 R2 0.182 RL 0.258): the fact ranker learns which pieces belong to
    the best set the article allows (a greedy ROUGE oracle over the candidate
    pieces), on position, salience, figures, quotes and length. Alone it
    ordered the facts worse than the article's own order of its standalone
    sentences (R1 0.402 R2 0.180 against 0.407 / 0.185), so a fitted position
    prior (score lost per sentence down the article) orders them and the
    ranker reorders where its scores differ clearly, and gates what is shown.
    The key facts stop at a reading budget fitted in words (80 words of
    summary and key facts, whatever the article's length: a budget growing
    2.5 words per 100 words of article scored the same in nested CV and
    worse on the longer held-out CNN stories); the ranker's next best
    points follow as "more".
    Nested cross-validation (each fold's ridge penalty, prior and budget chosen
    by an inner cross-validation on the other folds), averaged over three fold
    seeds (the figure moves by up to 0.01 with the seed): R1 0.4061 R2 0.1850
    RL 0.2697 with the flat budget, separate dateline units dropped and ridge
    penalties 1 to 1000 (seed 17 alone: 0.4048 / 0.1843, against 0.3997 /
    0.1799 before, on the same parses; held out 0.3008 / 0.1148 against
    0.2853 / 0.0996, lead-3 0.3162 / 0.1360). Earlier, seed 17:
    R1 0.4043 R2 0.1839 RL 0.2681 (0.4030 / 0.1834 before captions with a relative clause,
    editors' notes and sentences split inside a quotation were kept out or
    joined; before the prior and the fitted budget: R1 0.4021 R2 0.1796);
    with the settings chosen on the same folds R1 0.4089 R2 0.1860. Short of
    the issue's target (lead-3 + 0.01 each): nested, lead-3 + 0.008 and
    + 0.002. The first three standalone sentences (no ranker) score R1 0.401
    R2 0.183 on keyfacts_dev: the ranker adds little over the story's own
    order there, and on the 20 held-out CNN stories it picks worse than that
    order (R1 0.285 against 0.308; lead-3 0.316). A leading "He" or "They" is resolved
    to the one person or group it can mean (``resolve``); other anaphors are
    still passed over. In a simpler selection (every piece by this ranker up to the
    budget, no separate summary), letting every sentence that opens on a
    pronoun compete gave R1 0.414 R2 0.192 against R1 0.405 R2 0.182 with
    resolved ones only: editors' highlights lean on "He"/"It", and a brief
    must not.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.nlp import span_ents

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

WEIGHTS_FILE = Path(__file__).resolve().parents[2] / "data" / "facts_weights.json"

SENTENCE_FEATURES = (
    "lead", "first", "position", "order", "second", "third", "central", "figure", "date", "name", "actors", "numbers",
    "quoted", "pronoun", "said", "nut", "words", "lead_overlap",
)  # fmt: skip
"""Features of a sentence in its article (see :func:`sentence_features`)."""
PIECE_FEATURES = ("piece_words", "shortened", "announced", "background", "resolved")
"""Features of the shortening that would stand as a fact (computed in ``select``)."""
FEATURES = SENTENCE_FEATURES + PIECE_FEATURES

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
FIGURE_ENTS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
DATE_ENTS = frozenset({"DATE", "TIME"})
NAME_ENTS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})
ACTOR_ENTS = frozenset({"ORG", "PERSON", "GPE", "NORP"})
PRONOUN_OPENERS = frozenset({"he", "she", "it", "they", "his", "her", "their", "its", "this", "these", "i", "we"})
REPORTING_LEMMAS = frozenset({"say", "tell", "announce", "report", "claim", "confirm", "state", "add", "allege"})
# Nut-graf cues: the sentence that says why a feature's scene matters now.
_NUT = re.compile(r"\b(?:comes? as|came as|amid|is the latest|are the latest|the move|the decision)\b", re.I)
_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")


@dataclass(frozen=True, slots=True, kw_only=True)
class Ranker:
    """One linear scorer: ``sum(w * (x - mean) / scale) + bias`` over :data:`FEATURES`."""

    weights: tuple[float, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    bias: float = 0.0

    def score(self, values: tuple[float, ...]) -> float:
        return self.bias + sum(
            w * (x - m) / s for w, x, m, s in zip(self.weights, values, self.means, self.scales, strict=True)
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Weights:
    """The summary ranker, the key-fact ranker and the reading budget in words."""

    summary: Ranker
    facts: Ranker
    budget: int = 60
    """Words of summary and key facts for an article of ``BUDGET_WORDS`` words."""
    budget_per_100: float = 0.0
    """Words the budget gains (or loses) per 100 words of article beyond ``BUDGET_WORDS``."""
    position_prior: float = 0.0
    """Fact score lost per sentence down the article (fitted): the story's own order as a prior."""

    def budget_for(self, article_words: int) -> int:
        """The reading budget for an article of this many words (never below half the base).

        Linear in the article's length, both terms fitted by cross-validation on
        editors' highlights; the floor only guards a very short text.
        """
        return max(self.budget // 2, round(self.budget + self.budget_per_100 * (article_words - BUDGET_WORDS) / 100))


BUDGET_WORDS = 550
"""The length the base budget is for: a typical CNN / Daily Mail story (keyfacts_dev averages 548 words)."""


def _ranker(data: dict[str, dict[str, float]]) -> Ranker:
    # Read by name: a feature the file does not know weighs nothing.
    return Ranker(
        weights=tuple(float(data["weights"].get(f, 0.0)) for f in FEATURES),
        means=tuple(float(data["means"].get(f, 0.0)) for f in FEATURES),
        scales=tuple(float(data["scales"].get(f, 1.0)) or 1.0 for f in FEATURES),
        bias=float(data.get("bias", {}).get("value", 0.0)),
    )


def weights_from(data: dict[str, Any]) -> Weights:
    """Weights from the JSON layout ``{"summary": {...}, "facts": {...}, "budget": N, "budget_per_100_words": X}``."""
    return Weights(
        summary=_ranker(data["summary"]),
        facts=_ranker(data["facts"]),
        budget=int(data["budget"]),
        budget_per_100=float(data.get("budget_per_100_words", 0.0)),
        position_prior=float(data.get("position_prior", 0.0)),
    )


@functools.cache
def load_weights(path: Path = WEIGHTS_FILE) -> Weights:
    """The shipped weights (read once)."""
    return weights_from(json.loads(path.read_text(encoding="utf-8")))


def content_lemmas(sent: SpacySpan) -> list[str]:
    return [t.lemma_.lower() for t in sent if t.pos_ in CONTENT_POS and not t.is_stop and t.is_alpha]


def quoted_share(text: str) -> float:
    """How much of the text is inside quotation marks."""
    return sum(len(m.group()) for m in _QUOTED.finditer(text)) / max(len(text), 1)


def sentence_features(
    sent: SpacySpan,
    index: int,
    order: int,
    total: int,
    lemmas: frozenset[str],
    freq: Counter[str],
    lead: frozenset[str],
) -> tuple[float, ...]:
    """The :data:`SENTENCE_FEATURES` of one sentence, each on a small scale.

    ``index`` counts every sentence unit, ``order`` only those that may stand as
    facts (captions and quotes between them do not push the story down).
    """
    ents = span_ents(sent)
    labels = {ent.label_ for ent in ents}
    words = [t for t in sent if not t.is_punct and not t.is_space]
    values = {
        # News puts the story first.
        "lead": 1 / (1 + index),
        "first": float(index == 0),
        "position": index / max(total, 1),
        "order": 1 / (1 + order),
        "second": float(order == 1),
        "third": float(order == 2),
        # Centrality: words the rest of the article repeats (log-damped so one
        # name repeated everywhere does not dominate), averaged over the sentence.
        "central": sum(math.log(freq[lemma]) for lemma in lemmas) / (len(lemmas) + 4),
        "figure": float(bool(labels & FIGURE_ENTS)),
        "date": float(bool(labels & DATE_ENTS)),
        "name": float(bool(labels & NAME_ENTS)),
        "actors": min(3, sum(e.label_ in ACTOR_ENTS for e in ents)) / 3,
        "numbers": min(3, sum(t.like_num for t in sent)) / 3,
        "quoted": quoted_share(sent.text),
        # Opening on a pronoun leans on a previous sentence: weak standing alone.
        "pronoun": float(bool(words) and words[0].lower_ in PRONOUN_OPENERS),
        "said": float(any(t.lemma_.lower() in REPORTING_LEMMAS and t.pos_ == "VERB" for t in sent)),
        "nut": float(bool(_NUT.search(sent.text))),
        "words": min(len(words), 60) / 30,
        "lead_overlap": overlap(lemmas, lead) if index else 1.0,
    }
    return tuple(values[name] for name in SENTENCE_FEATURES)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set's content words found in the other (0..1)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
