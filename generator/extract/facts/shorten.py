"""Clean shortenings of one sentence: a contiguous sub-span that keeps its meaning.

Only pieces that add context but no new claim are dropped: a leading
connective, a leading "According to X," (kept as the fact's source), a long
reporting frame ("Earlier, TASS cited an official as saying that"), a leading
temporal or concessive clause, a trailing appositive after a dash, a trailing
non-restrictive "which"/"who" clause, participle or adjunct, a trailing "X
said", and in a long sentence the second of two verb phrases (each is
asserted on its own). Conditions ("if", "unless") and a denial after "but"
("but no progress was made") are never dropped: they change what is
claimed. Nothing is ever joined across a gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.lexicon.grammar import CONNECTIVES, DENIALS, FACTIVE_MARKERS, SAFE_MARKERS, SAFE_PREPS
from generator.lexicon.speech import CLAUSE_PRONOUNS, SAID_FORMS, SPEAKER_SUBJECT_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

MIN_WORDS = 6
"""A shortening that leaves fewer words than this is no longer a fact."""
MIN_FRAME = 6
"""Words a reporting frame ("X said that") must have before the reported clause is split from it."""
_CONNECTIVE = re.compile(r"(?:" + "|".join(CONNECTIVES) + r")\b,?\s+")
_ACCORDING_LEAD = re.compile(r"According to ([^,\u2014]{2,90}?),\s+")
_RELATIVE = re.compile(r"(?:who|whom|whose|which)\b")
_ACCORDING_TAIL = re.compile(r",?\s+according to ([^,\u2014]{2,90}?)[.!]?$")
_CUE = "(?:" + "|".join(SAID_FORMS) + ")"
_SAID_TAIL = re.compile(
    r",[\"'\u201d\u2019]?\s+(?:" + _CUE + r"\s+([^,\"\u201c\u201d]{2,80}?)|([^,\"\u201c\u201d]{2,60}?)\s+" + _CUE + ")"
    r"(?:\s+(?:on|last|this|in)\s+\w+)?[.!]?$"
)
LONG_WORDS = 25
"""Above this length a sentence joining two clauses keeps only the first."""
_DASH = re.compile(r"\s+(?:\u2014|\u2013|--|-)\s+")
_TRAIL_END = ".!;:, "


@dataclass(frozen=True, slots=True, kw_only=True)
class Piece:
    """A contiguous part of a sentence and the attribution dropped from it, if any."""

    start: int
    end: int
    source: str | None = None


def _words(text: str) -> int:
    return len(text.split())


NOT_A_SOURCE_START = frozenset({
    "at", "in", "on", "during", "after", "before", "to", "for", "from", "with", "by", "about", "over", "while",
    "when", "that", "last", "earlier", "later", "yesterday", "today", "tomorrow", "tonight", "this",
})  # fmt: skip
"""A "source" opening with one of these is where or when something was said
("said at a summit Thursday"), not who said it."""
LIMIT_WORDS = frozenset({"only", "except", "excluding", "unless", "provided", "solely", "exclusively"})
"""Words that limit a claim: an aside holding one is part of what is claimed."""


def _named(source: str) -> str | None:
    """The source when it names someone; a pronoun or a place and time names nobody."""
    source = " ".join(source.split()).strip(" ,.-\u2013\u2014")
    if not source or source.split()[0].lower() in NOT_A_SOURCE_START:
        return None
    # Quotation marks or a colon mean the pattern caught quoted text, not a name
    # (an apostrophe inside a word, "Russia's", is no quotation mark).
    marks = re.sub(r"(?<=\w)['\u2019](?=\w)", "", source)
    if not source or source.lower() in CLAUSE_PRONOUNS or any(c in marks for c in "\"'\u2018\u2019\u201c\u201d:"):
        return None
    return source


def _limits(span: SpacySpan) -> bool:
    """Whether dropping the span would drop a figure or a limit ("for several hundred adults", "only")."""
    # A number, not an ordinal ("a move first reported by ..." is an aside).
    return any((t.like_num and t.pos_ == "NUM") or t.lower_ in LIMIT_WORDS for t in span)


def _has_clause(span: SpacySpan) -> bool:
    """Whether the span holds a finite verb with its own subject (a clause, not a phrase)."""
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span)


def _lead(doc: Doc, body: str, start: int, end: int) -> tuple[int, str | None]:
    """New start after dropping a connective, an "According to X," or a safe leading clause."""
    source = None
    m = _CONNECTIVE.match(body, start, end)
    if m:
        start = m.end()
    m = _ACCORDING_LEAD.match(body, start, end)
    # "According to the maker, who lives in Canada, X": the comma opens an aside
    # about the source, not the claim; cutting there leaves a fragment.
    if m and not _RELATIVE.match(body, m.end(), end):
        source = _named(m.group(1))
        start = m.end() if source else start
        return start, source
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return start, source
    first = span[0]
    # "While X, Y" / "After X, Y": the leading clause runs up to the comma that
    # closes its subtree; the main clause after it still says the same thing.
    # A clause holding a figure ("After a strike that killed 12, ...") stays: cut away,
    # the figure would seem to belong to the main clause's event.
    clause = doc[first.i : first.head.right_edge.i + 1] if first.head.dep_ == "advcl" else span[:0]
    if (
        first.lower_ in SAFE_MARKERS
        and first.dep_ == "mark"
        and first.head.dep_ == "advcl"
        and not _limits(clause)
    ):
        right = first.head.right_edge
        if right.i + 1 < span.end and doc[right.i + 1].text == ",":
            rest = doc[right.i + 2] if right.i + 2 < len(doc) else None
            if rest is not None and rest.idx < end:
                start = rest.idx
    return start, source


def trim_lead(doc: Doc, body: str, start: int, end: int) -> int:
    """Where ``body[start:end]`` starts once a leading connective or time/concession clause is dropped."""
    new_start, source = _lead(doc, body, start, end)
    # "According to X," is an attribution: a summary keeps it.
    return start if source is not None or len(body[new_start:end].split()) < MIN_WORDS else new_start


def _main_is_hollow(span: SpacySpan) -> SpacySpan | None:
    """For "they come as X confirms Y": the factive clause holding the news."""
    root = span.root
    subj = next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in CLAUSE_PRONOUNS:
        return None
    for child in root.children:
        if child.dep_ != "advcl" or child.i < root.i:
            continue
        mark = next((t for t in child.children if t.dep_ == "mark" and t.lower_ in FACTIVE_MARKERS), None)
        inner = next((t for t in child.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if mark is None or inner is None or inner.lower_ in CLAUSE_PRONOUNS or inner.pos_ == "PRON":
            continue
        left = inner.left_edge
        if left.i <= mark.i:
            continue
        return span.doc[left.i : child.right_edge.i + 1]
    return None


def _phrase(head: Token) -> str:
    """A noun phrase without its comma-set appositive: "Karo, now in LA," -> "Karo"."""
    doc = head.doc
    end = head.right_edge.i + 1
    comma = next((t.i for t in doc[head.left_edge.i : end] if t.text == "," and t.i > head.i), end)
    return doc[head.left_edge.i : comma].text


def _phrase_of(tokens: list[Token]) -> str:
    """The text of tokens up to the first comma (an appositive follows it)."""
    doc = tokens[0].doc
    end = next((t.i for t in tokens if t.text == ","), tokens[-1].i + 1)
    return doc[tokens[0].i : end].text


def _reported(span: SpacySpan) -> tuple[SpacySpan | None, str] | None:
    """For "X said (that) Y" / "X cited Z as saying Y": the source X and, when it stands alone, Y."""
    root = span.root
    if root.lemma_.lower() not in SPEAKER_SUBJECT_VERBS:
        return None
    subj = next((t for t in root.children if t.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in CLAUSE_PRONOUNS or subj.pos_ == "PRON":
        return None
    # Only a short scene-setter ("Earlier the same day,") may come before the speaker.
    intro = span.doc[span.start : subj.left_edge.i]
    if len(intro) and (intro[-1].text != "," or any(t.pos_ in ("VERB", "AUX") for t in intro)):
        return None
    # The speaker is every subject before the verb ("Russia's state news agency
    # TASS"), less auxiliaries and adverbs ("has repeatedly", "last night").
    subjects = {t.i for child in root.children if child.dep_ == "nsubj" for t in child.subtree}
    speaker = [t for t in span.doc[subj.left_edge.i : root.i] if t.i in subjects]
    named = _named(_phrase_of(speaker) if speaker else _phrase(subj))
    if named is None:
        return None
    source = named
    clause = next((t for t in root.children if t.dep_ == "ccomp" and t.i > root.i), None)
    if clause is None:
        # "TASS cited an official as saying that Y": the official speaks, via TASS.
        obj = next((t for t in root.children if t.dep_ == "dobj"), None)
        prep = next((t for t in root.children if t.dep_ == "prep" and t.lower_ == "as"), None)
        saying = next((t for t in prep.children if t.lemma_ in SPEAKER_SUBJECT_VERBS), None) if prep else None
        clause = next((t for t in saying.children if t.dep_ == "ccomp"), None) if saying else None
        if clause is None or obj is None:
            return None
        source = f"{_phrase(obj)}, via {source}"
    left = clause.left_edge
    if left.lower_ == "that" and left.dep_ == "mark":
        left = span.doc[left.i + 1]
    if clause.right_edge.i < span.end - 2 or left.i <= root.i:
        return None
    inner = span.doc[left.i : span.end]
    # "Police said it was ..." -> "it was ...": the clause leans on its speaker; keep the frame.
    subject = next((t for t in inner if t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i == clause.i), None)
    if subject is None or subject.lower_ in CLAUSE_PRONOUNS or subject.pos_ == "PRON":
        return None, source
    return inner, source


def _conjunct(cc: Token) -> Token | None:
    """The conjunct a coordinating conjunction introduces: the head's "conj" child after it."""
    return next((t for t in cc.head.children if t.dep_ == "conj" and t.i > cc.i), None)


def _conjoined_clause(cc: Token) -> bool:
    """Whether "and"/"but" joins two clauses or verb phrases (each asserted alone)."""
    conj = _conjunct(cc)
    # Two verb phrases of one subject ("took the boat out and was not heard
    # from") are both asserted too: the first conjunct alone is still true.
    return conj is not None and cc.head.pos_ in ("VERB", "AUX") and conj.pos_ in ("VERB", "AUX")


def _negated_conjunct(cc: Token) -> bool:
    """The clause after ``cc`` denies something ("but no progress was made", "but did not ...").

    A denial after "but" cancels what the first clause lets a reader assume
    (talks held, so progress made): dropping it changes the claim.
    """
    conj = _conjunct(cc)
    return conj is not None and any(t.dep_ == "neg" or t.lower_ in DENIALS for t in conj.subtree)


def _tail(doc: Doc, body: str, start: int, end: int) -> tuple[int, str | None]:
    """New end after dropping a trailing "X said", "according to X", appositive or aside."""
    source = None
    text = body[start:end]
    for pattern in (_ACCORDING_TAIL, _SAID_TAIL):
        m = pattern.search(text)
        if m and _words(text[: m.start()]) >= MIN_WORDS and not text.startswith(("\"", "\u201c")):
            name = _named(next(g for g in m.groups() if g))
            if name and _words(name) <= 8:
                source = name
                end = start + m.start()
                text = body[start:end]
                break
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) < 4:
        return end, source
    long = _words(text) > LONG_WORDS
    # A trailing dash aside ("— a key area for ...") that is a phrase, not a clause.
    dashes = list(_DASH.finditer(text))
    if dashes:
        d = dashes[-1]
        tail = doc.char_span(start + d.end(), end, alignment_mode="expand")
        phrase = tail is not None and not _has_clause(tail) and not _limits(tail) and "\u2014" not in text[d.end() :]
        if phrase and _words(text[: d.start()]) >= MIN_WORDS:
            return start + d.start(), source
    # A trailing ", which ..." / ", who ..." about the last noun, or a trailing
    # participle (", intensifying ...", ", adding that ..."): asides, not the news.
    for tok in span:
        if tok.i == span.start or doc[tok.i - 1].text != ",":
            continue
        aside = (
            (tok.lower_ in ("which", "who") and tok.head.dep_ == "relcl")
            or (tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "acl", "prep") and tok.head.i < tok.i)
            or (tok.dep_ == "prep" and tok.lower_ in SAFE_PREPS and tok.head.i < tok.i)
            or (long and tok.dep_ == "cc" and tok.lower_ in ("and", "but") and _conjoined_clause(tok)
                and not (tok.lower_ == "but" and _negated_conjunct(tok)))
        )
        if (
            aside
            and tok.head.right_edge.i >= span.end - 2
            and _words(body[start : tok.idx]) >= MIN_WORDS
            and not _limits(doc[tok.i : span.end])
        ):
            return doc[tok.i - 1].idx, source
    return end, source


def shorten(doc: Doc, body: str, start: int, end: int) -> Piece:
    """The cleanest contiguous shortening of ``body[start:end]`` (a sentence)."""
    sentence_end = end
    new_start, lead_source = _lead(doc, body, start, end)
    span = doc.char_span(new_start, end, alignment_mode="contract")
    if span is not None and len(span) > 3:
        inner = _main_is_hollow(span) if span.root.i < span.end else None
        if inner is not None and _words(inner.text) >= MIN_WORDS:
            new_start, end = inner.start_char, inner.end_char
            span = inner
    if span is not None and len(span) > 3 and lead_source is None:
        found = _reported(span)
        inner = found[0] if found is not None else None
        lead_source = found[1] if found is not None else None
        # A short frame ("Police said") reads well and is how editors write it; a
        # long one ("Earlier, TASS cited an official as saying that") buries the news.
        frame = _words(body[new_start : inner.start_char]) if inner is not None else 0
        if inner is not None and _words(inner.text) >= MIN_WORDS and frame >= MIN_FRAME:
            new_start, end = inner.start_char, inner.end_char
    new_end, tail_source = _tail(doc, body, new_start, end)
    while new_end > new_start and body[new_end - 1] in _TRAIL_END:
        new_end -= 1
    if body[new_end : new_end + 1] in (".", "!"):
        new_end += 1
    if _words(body[new_start:new_end]) < MIN_WORDS:
        return Piece(start=start, end=sentence_end, source=lead_source)
    return Piece(start=new_start, end=new_end, source=lead_source or tail_source)
