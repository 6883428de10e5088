"""Direct quotations: which quoted stretches stand as quotes, and the cue verb each has.

Notes:
    A quotation that stands as its own sentence (or ends one with closing
    punctuation and enough words) is a direct quote; a shorter quoted
    fragment is a name, a title or a scare quote unless a reported clause
    holds it. The cue of a direct quote is looked for after it in the same
    sentence ("..., said A", "..., A said"), then on the line before it
    ("A said: ..."), then in a colon or dash that introduces it. Sentence
    boundaries are found once per article (``SentenceStarts``) because every
    quotation asks for them.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from generator.extract.spans import SpanIndex
from generator.extract.speech.quote_marks import Quoted
from generator.extract.speech.subjects import is_cue, subject_of
from generator.lexicon.grammar import ABBREVIATIONS
from generator.lexicon.speech import PERCEPTION_VERBS, SPEECH_VERBS
from generator.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from generator.nlp import Parsed

SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*(?=\s|$)")
TERMINAL = ".,!?\u2026:;\u2014\u2013-"
"""Punctuation that closes the text inside a direct quotation ("..., " or "...?")."""
MIN_DIRECT_WORDS = 3
"""Shorter quotations without closing punctuation are names, titles or scare quotes."""
AFTER_CUE_WINDOW = 8
"""Tokens after a sentence-final quotation in which "she said" may still follow."""
def _ends_sentence(body: str, m: re.Match[str]) -> bool:
    """Not the full stop of an abbreviation ("Lt. Gen.", "U.S.", "Mr.")."""
    if body[m.start()] != ".":
        return True
    word = re.search(r"[\w.]+$", body[max(0, m.start() - 12) : m.start()])
    w = word.group() if word else ""
    return not (w.lower() in ABBREVIATIONS or (len(w) == 1 and w.isupper()) or "." in w)


def sentence_start(body: str, lo: int, pos: int) -> int:
    """Start of the sentence holding ``pos``, not before ``lo``."""
    last = lo
    for m in SENTENCE_END.finditer(body, lo, pos):
        if _ends_sentence(body, m):
            last = m.end()
    return last


_TAIL = 64
"""How far before a quotation a sentence end that touches it is looked for."""


class SentenceStarts:
    """Sentence ends of each paragraph, found once.

    :func:`sentence_start` from the paragraph start for every quotation read
    the paragraph again per quotation: quadratic in a paragraph of thousands
    of quotes. The answer is the same: a match ending before ``pos`` is found
    alike whether the scan stops at ``pos`` or at the paragraph end, and one
    ending exactly at ``pos`` is looked for in a short tail.
    """

    def __init__(self, body: str) -> None:
        self.body = body
        self._ends: dict[int, list[int]] = {}

    def start(self, lo: int, hi: int, pos: int) -> int:
        """Same as ``sentence_start(body, lo, pos)`` for any ``pos <= hi``."""
        body = self.body
        ends = self._ends.get(lo)
        if ends is None:
            ends = [m.end() for m in SENTENCE_END.finditer(body, lo, hi) if _ends_sentence(body, m)]
            self._ends[lo] = ends
        n = bisect.bisect_left(ends, pos)
        last = ends[n - 1] if n else lo
        for m in SENTENCE_END.finditer(body, max(lo, pos - _TAIL), pos):
            if m.end() == pos and _ends_sentence(body, m):
                last = pos
        return last


def _sentence_end(body: str, pos: int, hi: int) -> int:
    for m in SENTENCE_END.finditer(body, pos, hi):
        if _ends_sentence(body, m):
            return m.end()
    return hi


def is_standalone(body: str, q: Quoted, para: Span, parsed: Parsed, starts: SentenceStarts) -> bool:
    """A quotation that is a sentence of its own (or follows a cue), not a fragment."""
    if q.continued or q.open_ended:
        return True
    s, e = q.inner
    inner = body[s:e].strip()
    words = len(inner.split())
    punctuated = inner[-1:] in TERMINAL if inner else False
    if not inner or (words < MIN_DIRECT_WORDS and not punctuated):
        return False
    if words < 2 and inner[-1:] not in ".!?":
        return False
    sent_start = starts.start(para.start, para.end, q.start)
    prefix = body[sent_start : q.start].rstrip()
    if not prefix:
        return True
    if prefix.endswith(":"):
        # "... in exile: “asserting that they are the legitimate ones” with the right to ...":
        # an unpunctuated quotation the sentence runs on from is a fragment of it.
        return punctuated or not body[q.end : q.end + 2].lstrip()[:1].islower()
    lead = parsed.tokens_in(sent_start, q.start)
    tail = [t for t in lead if not t.is_space][-4:]
    if prefix.endswith((",", "\u2014", "\u2013")) and any(is_cue(t, SPEECH_VERBS) for t in tail):
        return True  # "..., she said, “...”", "— as Enslin puts it — “...”"
    if prefix.endswith((",", ";", "\u2014", "\u2013")) and inner[-1:] in ",!?" and _cue_follows(parsed, q):
        return True  # "... go silver, “in solidarity with the Arctic,” she joked": an aside of its own
    return bool(tail) and is_cue(tail[-1], SPEECH_VERBS) and punctuated


def _cue_follows(parsed: Parsed, q: Quoted) -> bool:
    """Right after the quotation: "she joked", "he said", "said Ann Holt" (a cue and a person)."""
    after = [t for t in parsed.tokens_in(q.end, q.end + 60) if not t.is_space][:4]
    for n, t in enumerate(after):
        if is_cue(t, SPEECH_VERBS):
            before = after[:n]
            rest = after[n + 1 : n + 3]
            person = [w for w in (before or rest) if w.pos_ in ("PRON", "PROPN")]
            return bool(person) and all(w.pos_ in ("PRON", "PROPN", "DET", "NOUN") for w in before)
        if t.is_punct:
            return False
    return False


class Marks:
    """The quotations in document order (they never overlap), found by bisection."""

    def __init__(self, quoted: list[Quoted]) -> None:
        self.quoted = quoted
        self.index = SpanIndex(quoted)
        self._starts = [q.start for q in quoted]
        self._ends = [q.end for q in quoted]

    def next_start(self, q: Quoted) -> int | None:
        """Start of the next quotation in ``q``'s paragraph."""
        n = bisect.bisect_left(self._starts, q.end)
        return self._starts[n] if n < len(self.quoted) and self.quoted[n].paragraph == q.paragraph else None

    def previous_end(self, q: Quoted) -> int | None:
        """End of the previous quotation in ``q``'s paragraph."""
        n = bisect.bisect_right(self._ends, q.start)
        return self._ends[n - 1] if n and self.quoted[n - 1].paragraph == q.paragraph else None


def direct_cue(body: str, q: Quoted, para_start: int, para_end: int,
                marks: Marks, parsed: Parsed) -> tuple[Token | None, Token | None]:
    """(cue verb, subject) for a direct quote, looking after it, then before."""
    quoted = marks.index
    later = marks.next_start(q)
    stop = min(later, para_end) if later is not None else para_end
    inner = body[q.inner[0] : q.inner[1]].rstrip()
    ended = inner[-1:] in ".!?\u2026"
    after_end = stop if body[q.end : stop].lstrip()[:1] in (",", "") else _sentence_end(body, q.end, stop)
    after = [t for t in parsed.tokens_in(q.end, after_end) if not t.is_space]
    if ended:
        after = after[:AFTER_CUE_WINDOW]
        introduced = _introducing_cue(body, q, para_start, marks, parsed)
        if introduced is not None:
            return introduced, subject_of(parsed, introduced, quoted)
    for t in after:
        if is_cue(t, SPEECH_VERBS):
            if any(c.dep_ == "xcomp" and c.pos_ == "VERB" and not q.start <= c.idx < q.end for c in t.children):
                # "Epstein would later ask to meet her sister": a request, not a cue (a word
                # of the quotation hung on the verb, "“Trump needs ...,” said X", is a misparse).
                continue
            if ended and later is not None and not SENTENCE_END.search(body, t.idx, later):
                # "“It was easy.” (UPS said of the incident, “We respect ...”": a cue in
                # the sentence of the next quotation introduces that one.
                break
            if ended and any(c.dep_ == "ccomp" and c.i > t.i and c.idx >= q.end for c in t.children):
                # "“... This is something you could actually do.” Other opponents point out
                # that even a test would be far-reaching": a cue in the sentence after a
                # finished quotation that reports a clause of its own introduces that
                # clause; the quotation before it is someone else's (or carries on).
                break
            subject = subject_of(parsed, t, quoted)
            if subject is None:
                people = [a for a in after if a.ent_type_ == "PERSON" and a.dep_ != "compound"]
                subject = people[0] if people else None
            return t, subject
    earlier = marks.previous_end(q)
    lo = max(earlier, para_start) if earlier is not None else para_start
    before = [t for t in parsed.tokens_in(sentence_start(body, lo, q.start), q.start) if not t.is_space]
    for t in reversed(before[-6:]):
        if is_cue(t, SPEECH_VERBS):
            return t, subject_of(parsed, t, quoted)
    cue, subject = _colon_cue(body, q, before)
    if cue is None and not body[para_start : q.start].strip():
        return _cue_line_before(body, para_start, marks, parsed)
    return cue, subject


def _cue_line_before(body: str, para_start: int, marks: Marks, parsed: Parsed) -> tuple[Token | None, Token | None]:
    """(cue, subject) of a paragraph ending "X reported:" right before a paragraph that opens with a quotation.

    "Financial Times reported: / “Syrsky's leadership ...": web copy puts the
    cue line of a block quotation in a paragraph of its own. Only when that
    paragraph ends in a colon, holds no quotation, and its last words are a
    speech verb (at most three words after it: "said in a statement:").
    """
    head = body[:para_start].rstrip()
    if not head.endswith(":"):
        return None, None
    line_start = head.rfind("\n") + 1
    if marks.index.overlaps(line_start, len(head)):
        return None, None
    words = [t for t in parsed.tokens_in(line_start, len(head)) if not t.is_space and not t.is_punct]
    for n, t in enumerate(reversed(words[-5:])):
        if is_cue(t, SPEECH_VERBS):
            if n > 3:
                break
            return t, subject_of(parsed, t, marks.index)
    return None, None


INTRODUCING_MARKS = (":", ",", "\u2014", "\u2013")
"""Punctuation by which a cue before a quotation hands it the words ("said:", "added,", "puts it —")."""


def _introducing_cue(body: str, q: Quoted, para_start: int, marks: Marks, parsed: Parsed) -> Token | None:
    """The cue of the quotation's own sentence that introduces it ("Smith said: “We will win.”").

    A quotation that ends its sentence and is introduced by a cue before it
    has its speaker there; a cue in the next sentence ("“We will win.” Tom
    Jones agreed with the plan.", "... Clipboard AI lets users highlight
    ...") belongs to that sentence.
    """
    earlier = marks.previous_end(q)
    lo = max(earlier, para_start) if earlier is not None else para_start
    start = sentence_start(body, lo, q.start)
    if not body[start : q.start].rstrip().endswith(INTRODUCING_MARKS):
        return None
    before = [t for t in parsed.tokens_in(start, q.start) if not t.is_space]
    return next((t for t in reversed(before[-5:]) if is_cue(t, SPEECH_VERBS)), None)


def _colon_cue(body: str, q: Quoted, before: list[Token]) -> tuple[Token | None, Token | None]:
    """(verb, subject) of a sentence about a person that ends in a colon before the quotation.

    "But neighbour Zibulka picks up the story: '...'", "Amit Mehrotra, an
    analyst, expressed concern about the coverage: '...'": news copy
    introduces a quotation with a sentence about its speaker, and the colon
    hands the words to that sentence's subject. Only a name as the subject
    of the sentence's main verb counts (the resolver then says whose), and
    not after a verb of
    perceiving ("She found a note: '...'"), whose object holds the words.
    """
    if not before or not body[before[-1].idx : q.start].startswith(":"):
        return None, None
    root = before[-1].sent.root
    if root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() in PERCEPTION_VERBS or root.i > before[-1].i:
        return None, None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i < before[0].i or not (subject.ent_type_ == "PERSON" or subject.pos_ == "PROPN"):
        return None, None
    return root, subject
