"""Direct, mixed and indirect quotes with their speakers.

Notes:
    Three passes, then one merge, after the Gender Gap Tracker's design
    (several strategies, duplicates removed) with BBC Citron's order (cue
    first, then source and content):

    1. quotation marks are paired per paragraph (``quote_marks``); a quotation
       that stands as its own sentence is a direct quote, a quoted fragment
       inside a sentence is kept only as part of a reported clause (mixed);
    2. the cue verb of a direct quote is looked for after it in the same
       sentence ("..., said A", "..., A said"), then before it ("A said: ...")
       (``direct_cues``), and a quote with no cue of its own continues the
       previous speaker in its paragraph, or in the paragraph before when it
       opens its paragraph;
    3. indirect speech (``indirect``) is what a reporting verb or "according
       to X" governs; it is mixed when it holds a quoted fragment.

    Speakers are resolved in document order by ``speakers.Resolver`` so that
    pronouns can refer back to the speakers already found.
"""

from __future__ import annotations

import bisect
from bisect import bisect_left
from dataclasses import replace
from typing import TYPE_CHECKING

from generator.extract.budget import check
from generator.extract.spans import SpanIndex
from generator.extract.speech.attribution import source_phrase
from generator.extract.speech.candidates import Candidate
from generator.extract.speech.direct_cues import Marks, SentenceStarts, direct_cue, is_standalone, sentence_start
from generator.extract.speech.indirect import indirect
from generator.extract.speech.nonspeech import silent_spans
from generator.extract.speech.pullquotes import heading_speakers, is_pull_quote
from generator.extract.speech.quote_marks import DOUBLE_MARKS, Quoted, quoted_spans
from generator.extract.speech.runon import carry_back
from generator.extract.speech.speakers import Resolver, Speaker, is_heading
from generator.extract.speech.subjects import is_cue, subject_of, within_reported_clause
from generator.lexicon.speech import (
    FIRST_SECOND_PERSON,
    NAMING_CUES,
    NEUTER_PRONOUNS,
    RELATIVE_PRONOUNS,
    RULE_NOUNS,
    SPEECH_VERBS,
)
from generator.model import Entity, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from generator.nlp import Parsed

def _cue_text(cue: Token | None) -> str | None:
    """The cue verb as written; "according to" as one lower-case label wherever it stands."""
    if cue is None:
        return None
    if cue.lower_ == "according":
        return "according to"
    return cue.text


def quotes(
    parsed: Parsed, *, people: tuple[Entity, ...], organizations: tuple[Entity, ...]
) -> tuple[Quote, ...]:
    """Reported speech of the article in document order, with speakers where the text is clear."""
    body = parsed.text
    # A headline quotes people too ("..., minister says"); it is a block of its own here.
    paragraphs = parsed.blocks
    quoted = list(quoted_spans(body, paragraphs))
    marks = Marks(quoted)
    starts = SentenceStarts(body)
    direct = [q for q in quoted if is_standalone(body, q, paragraphs[q.paragraph], parsed, starts)]
    standalone = set(direct)
    fragments = [q for q in quoted if q not in standalone]

    candidates: list[Candidate] = []
    demoted: set[Quoted] = set()
    for q in direct:
        check()
        para = paragraphs[q.paragraph]
        cue, subject = direct_cue(body, q, para.start, para.end, marks, parsed)
        if cue is not None and cue.idx < q.start and within_reported_clause(parsed, cue):
            # "he said doctors told them: '...'": words inside someone's reported speech.
            demoted.add(q)
            fragments.append(q)
            continue
        candidates.append(Candidate(
            start=q.start, end=q.end, kind="direct", paragraph=q.paragraph, cue=cue, subject=subject,
            inherit=cue is None, opens_paragraph=not body[para.start : q.start].strip(),
        ))
    direct = [q for q in direct if q not in demoted]
    fragment_index = SpanIndex(fragments)
    for cand in indirect(parsed, quoted, direct):
        inner = fragment_index.starting_in(cand.start, cand.end)
        if inner:
            end = max(cand.end, max(f.end for f in inner))
            cand = replace(cand, kind="mixed", end=end)
        candidates.append(cand)
    candidates = _dedupe(sorted(candidates, key=lambda c: (c.start, -c.end)))
    # Reported speech running into a quotation mark that pairs with nothing sits
    # inside an unclosed quotation: where it ends is a guess, so nothing is given.
    stray = _unpaired_marks(body, paragraphs, quoted)
    candidates = [c for c in candidates if c.kind == "direct" or not _holds_any(stray, c.start - 1, c.end)]
    # Promotional lines and photo captions are nobody's reported speech.
    silent = silent_spans(parsed)
    candidates = [c for c in candidates if not any(s < c.end and c.start < e for s, e in silent)]

    all_marks = SpanIndex(quoted)
    candidates = [_nested_source(parsed, c, fragment_index) for c in candidates if not _sourceless(c, all_marks)]
    resolver = Resolver(parsed, people, organizations, tuple((q.start, q.end) for q in quoted))
    found: list[Quote] = []
    said: list[Speaker | None] = []
    own_cue: list[bool] = []
    last: dict[int, Speaker | None] = {}
    last_cue: dict[int, Span | None] = {}
    for cand in candidates:
        check()
        speaker: Speaker | None = None
        cue_span = _span_of(cand.cue)
        if cand.subject is not None:
            speaker = resolver.subject(cand.subject, (cand.start, cand.end))
            if speaker is None:
                resolver.forget(cand.start, cand.subject)
        elif cand.cue is not None:
            # A cue whose subject the parse did not give ("Matthew O'Connor from UPS
            # corporate communications said, ...") still names someone: a later "he"
            # must not skip back over them to the speaker before.
            resolver.forget(cand.start)
        elif cand.inherit:
            speaker = last.get(cand.paragraph)
            # Carrying on the quote before it in the paragraph is being its second part.
            cue_span = last_cue.get(cand.paragraph)
            # A quotation standing as a heading ("‘Ends recession debate’: CPA Canada")
            # introduces what follows; it does not carry on the speaker before it.
            heading = is_heading(paragraphs[cand.paragraph].text) or is_pull_quote(paragraphs[cand.paragraph].text)
            if speaker is None and cand.opens_paragraph and cand.paragraph not in last and not heading:
                speaker = resolver.continuing(cand.start, (cand.start, cand.end))
            elif speaker is None and cand.paragraph not in last and not heading:
                subject = _speaker_before(parsed, cand, all_marks)
                if subject is not None:
                    speaker = resolver.subject(subject, (cand.start, cand.end))
        if speaker is not None:
            resolver.remember(cand.start, speaker)
        if cand.subject is not None or speaker is not None:
            # A quote with its own cue sets who speaks next in the paragraph, even
            # when that speaker could not be named: later quotes do not skip back.
            last[cand.paragraph] = speaker
            last_cue[cand.paragraph] = cue_span
        # Reported speech is kept without a speaker only when it has a subject the
        # resolver could not name for sure (abstaining is not dropping the words).
        if cand.kind != "direct" and speaker is None and cand.subject is None:
            continue
        if cand.kind != "direct" and speaker is None and _naming(cand):
            # "a feature it's calling 'athlete intelligence'": a body nobody can name giving a
            # name is a label, not reported speech ("he called Rubio 'Little Marco'" stays).
            continue
        # The source as written stays on record when the resolver abstains ("they said"):
        # the speaker is unknown, not the words the text attributes it with.
        written = source_phrase(parsed, cand.subject) if cand.subject is not None and speaker is None else None
        found.append(Quote(
            text=body[cand.start : cand.end], start=cand.start, end=cand.end, kind=cand.kind,
            speaker=resolver.canonical(speaker) if speaker else None,
            speaker_span=speaker.span if speaker else written,
            cue=_cue_text(cand.cue), role=speaker.role if speaker else None, cue_span=cue_span,
        ))
        said.append(speaker)
        own_cue.append(cand.subject is not None)
    found, said = carry_back(found, said, own_cue, {q.start: q for q in direct})
    return tuple(heading_speakers(parsed, found, said))


def _naming(cand: Candidate) -> bool:
    """A verb of naming whose subject is a thing's pronoun ("what it calls ...")."""
    cue, subject = cand.cue, cand.subject
    return (cue is not None and cue.lemma_.lower() in NAMING_CUES
            and subject is not None and subject.lower_ in NEUTER_PRONOUNS)


def _span_of(cue: Token | None) -> Span | None:
    """Where a cue word is written ("according to": the word "according")."""
    return None if cue is None else Span(start=cue.idx, end=cue.idx + len(cue.text), text=cue.text)

def _speaker_before(parsed: Parsed, cand: Candidate, quoted: SpanIndex[Quoted]) -> Token | None:
    """The subject of a reporting verb in the sentence right before a cueless quotation.

    "But Fischer said that UPS can't dodge responsibility. '...'": the
    sentence before reports its speaker without any clause the rules keep
    as a quote (the parse took "responsibility" for an object), and the
    quotation that follows in the same paragraph goes on with their words.
    Only the one sentence before, ending right where the quotation starts,
    and only when it holds no quotation of its own.
    """
    body = parsed.text
    block = parsed.blocks[cand.paragraph]
    end = block.start + len(body[block.start : cand.start].rstrip())
    if end <= block.start or body[end - 1] not in ".!?":
        return None
    start = sentence_start(body, block.start, end - 1)
    if quoted.overlaps(start, end):
        return None
    for tok in parsed.tokens_in(start, end):
        if is_cue(tok, SPEECH_VERBS) and tok.dep_ in ("ROOT", "conj"):
            return subject_of(parsed, tok, quoted)
    return None


def _sourceless(cand: Candidate, quoted: SpanIndex[Quoted]) -> bool:
    """Reported speech with nobody to report: the writer's own view, or an expletive passive.

    "I think the work is nearly complete", "We think we have got it right"
    (a first- or second-person subject: the writer, or words inside a quotation
    the marks did not show), and "It was expected that ...", "It is believed
    that ..." (no source at all) are nobody's claim in the article.
    """
    if cand.kind == "direct" or cand.subject is None:
        return False
    if _rules_text(cand.subject):
        return True
    low = cand.subject.lower_
    if low in ("'s", "\u2019s") and cand.subject.i > 0 and cand.subject.nbor(-1).lower_ == "let":
        low = "us"  # "let's call it what it is": the writer and the reader
    cue = cand.cue
    if low in FIRST_SECOND_PERSON and cue is not None and cand.subject.head.i == cue.i:
        # Only the cue's own subject: an "I" found by climbing from a participle is a
        # quotation's own subject the marks did not show, kept as before.
        return not quoted.contains(cand.subject.idx)
    return low == "it" and cue is not None and any(c.dep_ == "auxpass" for c in cue.children)


def _rules_text(subject: Token) -> bool:
    """The subject is a text of rules: "the contract says ...", "Article 40 of the contract, which says".

    What a contract, a law or a clause "says" is its wording, which the
    quote conventions leave out (laws' wording is no one's reported
    speech); the parties who wrote it are not saying it in the article.
    """
    head = subject
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        head = subject.head.head
    if head.lower_ in RULE_NOUNS:
        return True
    # "Article 40 of the national contract": a part of a text of rules.
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(o.dep_ == "pobj" and o.lower_ in RULE_NOUNS
                                                              for o in p.children) for p in head.children)


def _nested_source(parsed: Parsed, cand: Candidate, fragments: SpanIndex[Quoted]) -> Candidate:
    """A mixed quote whose quoted words are given to someone else inside it.

    "Google is on record saying that the change is, according to Google
    Search lead Liz Reid, 'truly the biggest upgrade ...'": the words in
    quotation marks are Reid's, named by "according to" right before them,
    not Google's. The named person becomes the subject; anything less
    clear keeps the cue's subject.
    """
    if cand.kind != "mixed" or cand.subject is None:
        return cand
    for tok in parsed.tokens_in(cand.start, cand.end):
        if tok.lower_ != "according" or tok.idx < cand.subject.idx:
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if source is None or source.ent_type_ != "PERSON":
            continue
        # Right after the name (the parse may hang the quoted words on it as an apposition).
        phrase_end = source.idx + len(source)
        after = fragments.starting_in(phrase_end, cand.end)
        if after and not parsed.text[phrase_end : after[0].start].strip(" ,:"):
            return replace(cand, subject=source)
    return cand


def _unpaired_marks(body: str, blocks: tuple[Span, ...], quoted: list[Quoted]) -> list[int]:
    """Offsets of double quotation marks that open or close no quotation found."""
    paired = {q.start for q in quoted} | {q.end - 1 for q in quoted if not q.open_ended}
    return [
        b.start + i for b in blocks for i, ch in enumerate(b.text)
        if ch in DOUBLE_MARKS and b.start + i not in paired
    ]


def _holds_any(offsets: list[int], start: int, end: int) -> bool:
    i = bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] < end


def _dedupe(candidates: list[Candidate]) -> list[Candidate]:
    """Drop a candidate mostly covered by one kept before it (direct quotes win).

    No kept candidate holds another (it would cover all of it), so the kept
    ones sorted by start are sorted by end too, and the ones a candidate
    touches are found by bisection instead of by a scan of all kept so far.
    """
    kept: list[Candidate] = []
    starts: list[int] = []
    ends: list[int] = []
    for cand in sorted(candidates, key=lambda c: c.kind != "direct"):
        if cand.end <= cand.start:  # empty: overlaps nothing
            kept.append(cand)
            continue
        lo, hi = bisect.bisect_right(ends, cand.start), bisect.bisect_left(starts, cand.end)
        overlap = any(
            min(ends[i], cand.end) - max(starts[i], cand.start)
            >= 0.5 * min(ends[i] - starts[i], cand.end - cand.start)
            for i in range(lo, hi)
        )
        if not overlap:
            kept.append(cand)
            at = bisect.bisect_left(starts, cand.start)
            starts.insert(at, cand.start)
            ends.insert(at, cand.end)
    return sorted(kept, key=lambda c: c.start)
