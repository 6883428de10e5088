"""Sentence units of an article and how central each is to the story.

Notes:
    The score mixes the news lead bias (editors put the story in the first
    sentences), centrality (a sentence sharing the words the whole article
    keeps using is about the story, in the spirit of TextRank / SumBasic) and
    the facts a brief is read for: figures, dates, named places and bodies.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.lexicon.grammar import ANAPHORIC_DETS
from generator.lexicon.speech import ANNOUNCING_VERBS, OPENING_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    from generator.nlp import Parsed

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
FIGURE_ENTS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
DATE_ENTS = frozenset({"DATE", "TIME"})
NAME_ENTS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})
MIN_WORDS = 6
"""Shorter pieces are fragments, captions or bylines, not facts."""
MAX_WORDS = 60
"""Longer pieces are run-on captions or lists that no reader takes in at once."""
WEIGHTS = {
    "lead": 4.0,
    "central": 0.5,
    "figure": 0.3,
    "date": 0.2,
    "name": 0.2,
    "quoted": -0.5,
    "pronoun": -0.1,
}
"""How each feature of a sentence adds to its salience (see ``features``).

Set by hand and checked on CNN / Daily Mail articles against the editors'
highlights (``bench/keyfacts.py``): the lead position dominates, centrality
and figures, dates and names break ties. A later-position decay, overlap
with the lead and sentence length did not help there; weights fitted on
half of that set did no better on the other half. The "anaphoric" feature has
no weight here: it marks ``Sentence.background``, which only the key facts
ranking penalises (the summary choice is left to the lead bias)."""
BARE_DEPS = frozenset({"det", "amod", "compound", "advmod", "cc", "conj", "prep", "pobj"})
"""Words of a bare description ("the old port city of the region"): no clause, no appositive."""
ACTOR_ENTS = frozenset({"ORG", "PERSON", "GPE", "NORP"})
QUOTE_OPENERS = ("\"", "\u201c", "'", "\u2018")
# A "Label: text" caption (Daily Mail style) or a byline is not prose.
_CAPTION = re.compile(r"^(?:[A-Z][\w'’-]*\s){0,4}[A-Z]?[\w'’-]*:\s")
_BYLINE = re.compile(r"^(?:By|PUBLISHED|UPDATED|Last updated)\b", re.I)
# "CNN's Jane Doe contributed to this report.": a credit line, not news.
_CREDIT = re.compile(r"\bcontributed to (?:this|the) (?:report|story|article)\b", re.I)
# "(CNN) --", "LONDON (Reuters) -": a dateline is not part of the sentence's news.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Za-z.,' ]{0,40}\s)?\((?:CNN|AP|AFP|Reuters|UPI|Bloomberg|dpa|EFE|ANSA|Xinhua)\)\s*"
    r"(?:(?:--|[-\u2014\u2013])\s*)?"
)
# A lower-case word run into a capitalised sentence opener: a caption glued to
# the next sentence without a full stop (scraped pages), not one sentence.
_GLUED = re.compile(
    r"(?<=[a-z,])\s+(?=(?:The|A|An|He|She|It|They|His|Her|Their|This|But|In|On)\s+[a-z0-9])"
    r"|(?<=[A-Za-z])\s+(?=(?:He|She|They)\s+[a-z])"
)
# Ending on an initial ("J.P.") means the sentence was split inside a name.
_INITIAL_END = re.compile(r"(?:^|\s)(?:[A-Z]\.)+$")
_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    """One sentence of the body (never crossing a paragraph), with its score."""

    index: int
    start: int
    end: int
    text: str
    score: float
    eligible: bool
    """Whether it may stand as a summary sentence or fact at all."""
    lemmas: frozenset[str]
    background: bool = False
    """Whether it is background about "The city" naming nobody and counting nothing."""


def _clip(sent: SpacySpan, parsed: Parsed) -> list[tuple[int, int]]:
    """The sentence cut at paragraph breaks, surrounding blanks trimmed."""
    pieces = []
    for para in parsed.paragraphs_between(sent.start_char, sent.end_char):
        start, end = max(sent.start_char, para.start), min(sent.end_char, para.end)
        text = parsed.text[start:end]
        if text.strip():
            lead = len(text) - len(text.lstrip())
            pieces.append((start + lead, start + len(text.rstrip())))
    return pieces


def _unglue(body: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split where a caption runs into the next sentence without a full stop."""
    out = []
    for start, end in pieces:
        for m in _GLUED.finditer(body, start, end):
            out.append((start, m.start()))
            start = m.end()
        out.append((start, end))
    return out


def _content(sent: SpacySpan) -> list[str]:
    return [t.lemma_.lower() for t in sent if t.pos_ in CONTENT_POS and not t.is_stop and t.is_alpha]


def _quoted_share(text: str) -> float:
    """How much of the sentence is inside quotation marks."""
    return sum(len(m.group()) for m in _QUOTED.finditer(text)) / max(len(text), 1)


def _eligible(text: str, words: int) -> bool:
    # A brief states facts: direct speech belongs to the quotes section, and
    # questions, captions and fragments are not statements of fact.
    return (
        MIN_WORDS <= words <= MAX_WORDS
        and not text.startswith(QUOTE_OPENERS)
        and _quoted_share(text) < 0.5
        and not text.rstrip("\"'\u201d\u2019").endswith("?")
        and not _CAPTION.match(text)
        and not _BYLINE.match(text)
        and not _CREDIT.search(text)
        and not _INITIAL_END.search(text)
        # An unbalanced bracket means the sentence was cut out of a longer one.
        and text.count("(") == text.count(")")
        # Prose ends in a full stop; a photo caption (scraped pages) does not.
        and text.rstrip("\"'\u201d\u2019)").endswith((".", "!"))
    )


def sentences(parsed: Parsed) -> list[Sentence]:
    """The body's sentences in document order, each scored for salience."""
    doc, article = parsed.doc, parsed.article
    first = article.headline.end if article.headline else 0
    raw: list[tuple[int, int, SpacySpan]] = []
    for sent in parsed.sentences:
        if sent.end_char <= first:
            continue
        for start, end in _unglue(parsed.text, _clip(sent, parsed)):
            dateline = _DATELINE.match(parsed.text, start, end)
            if dateline and dateline.end() < end:
                start = dateline.end()
            if start >= first:
                raw.append((start, end, doc.char_span(start, end, alignment_mode="expand") or sent))
    freq = Counter(lemma for _, _, sent in raw for lemma in set(_content(sent)))
    out = []
    for index, (start, end, sent) in enumerate(raw):
        text = parsed.text[start:end]
        lemmas = frozenset(_content(sent))
        eligible = _eligible(text, len(text.split()))
        found = features(sent, index, lemmas, freq)
        out.append(
            Sentence(
                index=index,
                start=start,
                end=end,
                text=text,
                score=sum(WEIGHTS.get(name, 0.0) * value for name, value in found.items()),
                eligible=eligible,
                lemmas=lemmas,
                background=bool(found["anaphoric"]),
            )
        )
    return out


def features(sent: SpacySpan, index: int, lemmas: frozenset[str], freq: Counter[str]) -> dict[str, float]:
    """What makes a sentence carry the story, each roughly on a 0..1 scale."""
    labels = {ent.label_ for ent in sent.ents}
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return {
        # News puts the story first.
        "lead": 1 / (1 + index),
        # Centrality: words the rest of the article repeats (log-damped so one
        # name repeated everywhere does not dominate), averaged over the sentence.
        "central": sum(math.log(freq[lemma]) for lemma in lemmas) / (len(lemmas) + 4),
        "figure": float(bool(labels & FIGURE_ENTS)),
        "date": float(bool(labels & DATE_ENTS)),
        "name": float(bool(labels & NAME_ENTS)),
        "quoted": _quoted_share(sent.text),
        # Opening on a pronoun leans on a previous sentence: weak standing alone.
        "pronoun": float(bool(words) and words[0].lower_ in OPENING_PRONOUNS),
        # Only a later sentence can point back: the first one introduces the story.
        "anaphoric": float(index > 0 and _anaphoric(sent, labels)),
    }


def _anaphoric(sent: SpacySpan, labels: set[str]) -> bool:
    """A sentence about "The city" / "The company" naming nobody and counting nothing.

    Such a subject points back to something named earlier, and with no name or
    figure of its own the sentence is background ("The city has long been under
    threat"), weak as a fact read on its own.
    """
    if labels & (NAME_ENTS - {"NORP"}) or labels & FIGURE_ENTS:
        return False
    subj = next((t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "NOUN":
        return False
    # Only a bare description: a clause or appositive ("The man who ...", "The war, sparked
    # by ...") says what it is.
    phrase = list(subj.subtree)
    bare = all(t is subj or t.dep_ in BARE_DEPS for t in phrase)
    return bare and phrase[0].lower_ in ANAPHORIC_DETS and all(t.pos_ not in ("PROPN", "NUM") for t in phrase)


def announced(doc: Doc, start: int, end: int) -> bool:
    """Whether the piece's main verb makes something public by a named actor ("the Kremlin confirms")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.lemma_.lower() not in ANNOUNCING_VERBS or any(t.dep_ == "neg" for t in root.children):
        return False
    subj = next((t for t in root.children if t.dep_ == "nsubj"), None)
    return subj is not None and subj.ent_type_ in ACTOR_ENTS


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set's content words found in the other (0..1)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
