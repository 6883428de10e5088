"""Sentence units of an article, which may stand as facts, and their ranking features.

Notes:
    The features (position, centrality in the spirit of TextRank / SumBasic,
    figures, dates, named actors, quotes, length) are weighed by the fitted
    ranker of :mod:`generator.extract.facts.rank`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.extract.facts.rank import (
    ACTOR_ENTS,
    FIGURE_ENTS,
    NAME_ENTS,
    content_lemmas,
    overlap,
    quoted_share,
    sentence_features,
)
from generator.lexicon.dates import WEEKDAYS
from generator.lexicon.grammar import ANAPHORIC_DETS
from generator.lexicon.speech import ANNOUNCING_VERBS
from generator.nlp import span_ents

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from generator.nlp import Parsed

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
"""Tags of a finite verb: a statement has one."""
MIN_WORDS = 6
"""Shorter pieces are fragments, captions or bylines, not facts."""
MAX_WORDS = 60
"""Longer pieces are run-on captions or lists that no reader takes in at once."""
BARE_DEPS = frozenset({"det", "amod", "compound", "advmod", "cc", "conj", "prep", "pobj"})
"""Words of a bare description ("the old port city of the region"): no clause, no appositive."""
QUOTE_OPENERS = ("\"", "\u201c", "'", "\u2018")
# A "Label: text" caption (Daily Mail style) or a byline is not prose.
_CAPTION = re.compile(r"^(?:[A-Z][\w'’-]*\s){0,4}[A-Z]?[\w'’-]*:\s")
_BYLINE = re.compile(r"^(?:By|PUBLISHED|UPDATED|Last updated)\b", re.I)
# "Editor's note: In our Behind the Scenes series, ...": the paragraph presents the story.
_NOTE = re.compile(r"(?:Editor'?s'?|EDITOR'?S'?) (?:note|NOTE)\b")
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "parataxis"})
"""Dependencies that open a clause of its own below a main clause's word."""
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
_SINGLE_CLOSE = re.compile(r"[,.!?]['\u2019](?=\s|$)")
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\u2014-]))['\u2018]|\u2018")
_QUOTE_STOP = re.compile(r"[!?][\"'\u201d\u2019]$")
_LOWER_START = re.compile(r"[a-z][a-z'\u2019-]*\b")
# Ending on an initial ("J.P.") means the sentence was split inside a name.
_INITIAL_END = re.compile(r"(?:^|\s)(?:[A-Z]\.)+$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    """One sentence of the body (never crossing a paragraph), with its features."""

    index: int
    start: int
    end: int
    text: str
    features: tuple[float, ...]
    """Values of :data:`generator.extract.facts.rank.SENTENCE_FEATURES`."""
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


def _eligible(text: str, words: int) -> bool:
    # A brief states facts: direct speech belongs to the quotes section, and
    # questions, captions and fragments are not statements of fact.
    return (
        MIN_WORDS <= words <= MAX_WORDS
        and not text.startswith(QUOTE_OPENERS)
        and quoted_share(text) < 0.5
        and not text.rstrip("\"'\u201d\u2019").endswith("?")
        and not _CAPTION.match(text)
        and not _BYLINE.match(text)
        and not _CREDIT.search(text)
        and not _INITIAL_END.search(text)
        # An unbalanced bracket means the sentence was cut out of a longer one.
        and text.count("(") == text.count(")")
        # So does a lower-case start ("and I was just totally shocked."; "on the April 1 edition
        # of ..." split after "come on down!"), but for a name like "iPhone" or "eBay".
        and not _LOWER_START.match(text)
        # Prose ends in a full stop; a photo caption (scraped pages) does not.
        and text.rstrip("\"'\u201d\u2019)").endswith((".", "!"))
    )


def _inside_quote(parsed: Parsed, start: int, end: int) -> bool:
    """Whether the sentence is part of a longer quotation (opened before it, or closed in it unopened).

    "And so I think we're on the road," said within a quote is someone's
    speech, not the article's statement: it belongs with the quotes.
    """
    block = parsed.block_of(start)
    para_start = parsed.blocks[block].start if block >= 0 else 0
    before = parsed.text[para_start:start]
    text = parsed.text[start:end]
    straight_open = before.count('"') % 2 == 1
    curly_open = before.count("\u201c") > before.count("\u201d")
    if straight_open or curly_open:
        return True
    # Closing a quote it never opened: the tail of a quotation.
    inner = text.count("\u201d") > text.count("\u201c")
    # Single quotation marks (Daily Mail style): a mark after a full stop or comma closes
    # one ("... criminal behaviour,' prosecutor X told"); an apostrophe never follows them.
    close = _SINGLE_CLOSE.search(text)
    single = close is not None and not _SINGLE_OPEN.search(text, 0, close.start())
    return inner or single or (text.count('"') % 2 == 1 and not text.lstrip().startswith('"'))


def photo_caption(parsed: Parsed, sent: SpacySpan, start: int, end: int) -> bool:
    """A photo caption left in the text: a paragraph of one sentence, in the present, of one day.

    Captions (scraped pages, CNN's stories) say what a picture shows in the
    present simple with the bare day it was taken: "Youssif holds his sister's
    hand Friday." News prose reports the same day in the past ("held ... on
    Friday"); a present with "on Tuesday" is a scheduled event ("Hingis makes
    her return ... on Tuesday"), and the first paragraph is the lead. A
    sentence with no finite verb at all ("An inmate housed on the ninth
    floor.") is a caption too: it states nothing.
    """
    paras = parsed.paragraphs_between(start, end)
    if len(parsed.article.paragraphs) < 2 or len(paras) != 1 or paras[0] == parsed.article.paragraphs[0]:
        # The first paragraph is the lead, never a caption.
        return False
    para = paras[0]
    if parsed.text[para.start : para.end].strip() != parsed.text[start:end].strip():
        return False
    root = sent.root
    # No finite verb in the main clause: "An inmate housed on the 'forgotten floor,' where
    # many inmates are housed ..." (the relative clause's verb says nothing of the picture's subject).
    if root.pos_ in ("NOUN", "PROPN") and not any(t.tag_ in FINITE_TAGS for t in _main_clause(root)):
        return True
    auxiliary = any(c.dep_ in ("aux", "auxpass") for c in root.children)
    present = root.tag_ in ("VBZ", "VBP") and root.pos_ == "VERB" and not auxiliary
    # The bare day of a caption ("hand Friday"); "plays on Tuesday" is a scheduled event.
    return present and any(t.lower_ in WEEKDAYS and t.head.pos_ != "ADP" for t in sent)


def _main_clause(root: Token) -> list[Token]:
    """The root's words outside its relative and other subordinate clauses."""
    out, stack = [], [root]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CLAUSE_DEPS)
    return out


def _split_in_quote(body: str, start: int, end: int, next_start: int) -> bool:
    """Whether the parser ended a sentence on a quotation's "!" or "?" and the sentence goes on after it.

    The rest starts in lower case on the same line: 'told to "come on down!" on the April 1 edition'.
    """
    return (
        bool(_QUOTE_STOP.search(body, start, end))
        and not body[end:next_start].count("\n")
        and bool(_LOWER_START.match(body, next_start))
    )


def editors_note(parsed: Parsed, start: int) -> bool:
    """Whether the sentence is in a paragraph that opens "Editor's note:": about the story, not news."""
    block = parsed.block_of(start)
    # An article of one paragraph (a flattened text) is all news, whatever its first words.
    if len(parsed.article.paragraphs) < 2 or block < 0:
        return False
    return bool(_NOTE.match(parsed.text, parsed.blocks[block].start))


def sentences(parsed: Parsed) -> list[Sentence]:
    """The body's sentences in document order, each with its ranking features."""
    doc, article = parsed.doc, parsed.article
    first = article.headline.end if article.headline else 0
    raw: list[tuple[int, int, SpacySpan]] = []
    for sent in parsed.sentences:
        if sent.end_char <= first:
            continue
        for start, end in _unglue(parsed.text, _clip(sent, parsed)):
            dateline = _DATELINE.match(parsed.text, start, end)
            if dateline and not parsed.text[dateline.end() : end].strip():
                # "(CNN) --" split off as a unit of its own: no sentence, and not the story's first.
                continue
            if dateline:
                start = dateline.end()
            if start < first:
                continue
            if raw and _split_in_quote(parsed.text, raw[-1][0], raw[-1][1], start):
                # 'Contestants told to "come on down!" on the April 1 edition ...': one sentence.
                start = raw.pop()[0]
            raw.append((start, end, doc.char_span(start, end, alignment_mode="expand") or sent))
    lemma_sets = [frozenset(content_lemmas(sent)) for _, _, sent in raw]
    freq = Counter(lemma for lemmas in lemma_sets for lemma in lemmas)
    lead = lemma_sets[0] if lemma_sets else frozenset()
    out = []
    order = 0
    for index, ((start, end, sent), lemmas) in enumerate(zip(raw, lemma_sets, strict=True)):
        text = parsed.text[start:end]
        eligible = (
            _eligible(text, len(text.split()))
            and not _inside_quote(parsed, start, end)
            and not photo_caption(parsed, sent, start, end)
            and not editors_note(parsed, start)
        )
        out.append(
            Sentence(
                index=index,
                start=start,
                end=end,
                text=text,
                features=sentence_features(sent, index, order, len(raw), lemmas, freq, lead),
                eligible=eligible,
                lemmas=lemmas,
                background=anaphoric(sent, index),
            )
        )
        order += eligible
    return out


def anaphoric(sent: SpacySpan, index: int) -> bool:
    """A later sentence about "The city" / "The company" naming nobody and counting nothing.

    Such a subject points back to something named earlier, and with no name or
    figure of its own the sentence is background ("The city has long been under
    threat"), weak as a fact read on its own. Only a later sentence can point
    back: the first one introduces the story.
    """
    return index > 0 and _anaphoric(sent, {ent.label_ for ent in span_ents(sent)})


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


__all__ = ["Sentence", "anaphoric", "announced", "overlap", "sentences"]
