"""Sourcing notes: who claims what, through whom, and how far to trust it.

Claims come from two places: the quotes (their spans and speakers are
reused as they are) and the attribution rules of ``attribution.py`` for what
quotes do not cover ("according to", "confirms reports that", "first
reported by", chains such as "TASS cited an official as saying"). Then the
article's own verdicts are attached (``verification.py``) and sources are
marked state-controlled where the State Media Matrix says so (``outlets.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from generator.extract.budget import check
from generator.extract.sourcing.kinds import classify, person_named, title_holder
from generator.extract.sourcing.subjects import missing_subject
from generator.extract.sourcing.verification import apply_markers
from generator.extract.spans import SpanIndex
from generator.extract.speech.attribution import Found, find_attributions
from generator.extract.speech.quote_marks import DOUBLE_MARKS, SINGLE_MARKS
from generator.lexicon.organizations import GOVERNMENT_WORDS, ORGANIZATION_HEADS
from generator.lexicon.outlets import outlet_kind
from generator.lexicon.people import TITLE_HEADS, UNNAMED_HEADS
from generator.lexicon.places import side_of, sides_mentioned
from generator.lexicon.speech import CONFLICT_WORDS, DENIAL_CUES, LOADED_CUES
from generator.lexicon.text import words
from generator.model import Claim, Entity, Quote, SourceFlag, SourceKind, Span

if TYPE_CHECKING:
    from generator.nlp import Parsed

OUTLET_KINDS: tuple[SourceKind, ...] = ("news_outlet", "state_media")
_LEADING_THE = re.compile(r"^the\s+", re.I)
_NESTED_RELATIVE = re.compile(r"\s*,\s+(?:which|who|whom|where)\b", re.I)


def _name_and_kind(found: Found, *, people: tuple[Entity, ...], places: tuple[Entity, ...],
                   organizations: tuple[Entity, ...]) -> tuple[str, SourceKind] | None:
    text = found.source.text
    if found.person:
        return found.person, "person"
    holder = None if found.proper else title_holder(found.head, people)
    if holder is not None:
        return holder.name, "person"
    bare = _LEADING_THE.sub("", text) if found.proper else text
    kind = classify(bare, found.head, people=people, places=places, organizations=organizations, proper=found.proper)
    if kind is None and found.proper:
        # A name the entity lists missed: the tagger's label decides, or nothing does.
        person = person_named(bare, people)
        if person is not None or found.entity == "PERSON":
            return (person.name, "person") if person else (bare, "person")
        fallback: dict[str, SourceKind] = {"ORG": "organization", "GPE": "government", "NORP": "unnamed"}
        kind = fallback.get(found.entity) or _kind_from_role(found.role)
    if kind is None and found.learned and not found.proper:
        # "the panel", "the newspaper", "the woman": no lexicon knows the head, but the tagger's
        # source model chose it as who the cue attributes to (the rules take any subject of a
        # verb of saying, so theirs stay out). An unnamed source, as written.
        kind = "unnamed"
    if kind is None:
        return None
    if kind == "person":
        person = person_named(bare, people)
        return (person.name if person else bare), kind
    return bare, kind


def _kind_from_role(role: str | None) -> SourceKind | None:
    """"X, the agency that oversees ...": the apposition says what X is."""
    if not role:
        return None
    head = next((w for w in role.lower().replace(",", " ").split() if w not in ("the", "a", "an")), "")
    if head in GOVERNMENT_WORDS:
        return "government"
    if head in ORGANIZATION_HEADS:
        return "organization"
    if head in UNNAMED_HEADS or head in TITLE_HEADS:
        return "person"
    return None


def _quote_kind(quote: Quote, *, people: tuple[Entity, ...], places: tuple[Entity, ...],
                organizations: tuple[Entity, ...]) -> SourceKind:
    name = quote.speaker or ""
    if any(name in (p.name, *p.aliases) for p in people) or quote.role:
        return "person"
    head = name.split()[-1] if name.split() else ""
    proper = bool(name[:1].isupper())
    kind = classify(name, head, people=people, places=places, organizations=organizations, proper=proper)
    if kind is not None:
        return kind
    if head.lower() in UNNAMED_HEADS or not all(w[:1].isupper() for w in name.split()):
        return "unnamed"  # "Villagers", "a company spokesperson"
    return "person"


def _one_paragraph(span: Span) -> Span:
    """A claim never runs over a paragraph break (the parser may join a heading to the next line)."""
    cut = span.text.find("\n")
    if cut <= 0:
        return span
    text = span.text[:cut].rstrip()
    return Span(start=span.start, end=span.start + len(text), text=text)


def _cue_flags(cue: str | None) -> tuple[SourceFlag, ...]:
    if not cue:
        return ()
    verb = cue.split()[0].lower()
    flags: list[SourceFlag] = []
    if any(verb.startswith(stem) for stem in LOADED_CUES):
        flags.append("loaded_cue")
    if any(verb.startswith(stem[:-1]) for stem in DENIAL_CUES):
        flags.append("denied")
    return tuple(flags)


def _overlap(a: Span, b: Span) -> float:
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))
    return inter / max(1, min(a.end - a.start, b.end - b.start))


def _covers(a: Span, b: Span) -> float:
    """How much of ``b`` lies inside ``a``."""
    return max(0, min(a.end, b.end) - max(a.start, b.start)) / max(1, b.end - b.start)


def _same(a: str, b: str) -> bool:
    fa, fb = " ".join(words(a)).casefold(), " ".join(words(b)).casefold()
    return fa == fb or (fa.split()[-1:] == fb.split()[-1:] and bool(fa))


def _add_flags(claim: Claim, flags: Iterable[SourceFlag]) -> Claim:
    new = tuple(f for f in flags if f not in claim.flags)
    return replace(claim, flags=(*claim.flags, *new)) if new else claim


def _merge(quoted: list[tuple[Quote, Claim]], found: list[Claim]) -> list[Claim]:
    """Quote claims keep their speakers; rule claims add chains, outlets and what quotes miss."""
    out = [claim for _q, claim in quoted]
    # By bisection and by span: scanning every quote and every claim per rule claim was
    # quadratic in an article of thousands of quotes. A claim's span never changes once
    # it is in ``out`` (only its source, cue, via and flags do).
    index = SpanIndex(_Indexed(start=q.start, end=q.end, i=i) for i, (q, _c) in enumerate(quoted))
    at_span: dict[tuple[int, int], list[int]] = {}
    for i, c in enumerate(out):
        if c.claim is not None:
            at_span.setdefault((c.claim.start, c.claim.end), []).append(i)
    for claim in found:
        check()
        assert claim.claim is not None
        span = claim.claim
        touching = sorted(x.i for x in index.overlapping(span.start, span.end))
        same = [i for i in touching if _same(out[i].source, claim.source)]
        if same:
            # The quote's own statement (or part of it): keep its span, add what the rule knows.
            i = same[0]
            if _trims(quoted[i][0], claim):
                out[i] = replace(out[i], claim=span, cue=claim.cue or out[i].cue)
                at_span.setdefault((span.start, span.end), []).append(i)
            cue = claim.cue if claim.via or not out[i].cue else out[i].cue  # a chain's cue says more
            out[i] = _add_flags(replace(out[i], via=out[i].via or claim.via, cue=cue), claim.flags)
            continue
        chained = [i for i in touching if claim.via and _same(out[i].source, claim.via)]
        if chained:
            out[chained[0]] = replace(claim, claim=out[chained[0]].claim)  # the source behind the outlet
            continue
        close = [i for i in touching if out[i].claim and _overlap(out[i].claim, span) > 0.5  # type: ignore[arg-type]
                 and _covers(span, out[i].claim) > 0.5]  # type: ignore[arg-type]
        if close and ("first_reported" in claim.flags or claim.kind in OUTLET_KINDS):
            second = replace(claim, claim=out[close[0]].claim)  # a second source for the same words
            _append(out, at_span, second)
            continue
        # Someone else's words inside a direct quote are the speaker's to report, not ours;
        # a short claim inside an indirect one is a nested attribution and stands on its own.
        if close or any(quoted[i][0].kind == "direct" for i in touching):
            continue
        if not any(_same(out[j].source, claim.source) for j in at_span.get((span.start, span.end), ())
                   if out[j].claim == span):
            _append(out, at_span, claim)
    return out


def _trims(quote: Quote, claim: Claim) -> bool:
    """The rule's content is the indirect quote's own words less an edge the rules cut on purpose.

    An indirect quote runs to the end of its clause; the attribution rules stop before a nested
    attribution in a relative clause ("…the city, which local officials say is …": the officials'
    words, not Russia's) and leave "as" to the cue ("what Trump described as his frustration").
    Only those two cuts, under the same verb: any other difference is a different reading.
    """
    span = claim.claim
    if quote.kind != "indirect" or span is None or not quote.cue or not claim.cue:
        return False
    if claim.cue.split()[0].lower() != quote.cue.split()[0].lower():
        return False
    if not (quote.start <= span.start and span.end <= quote.end) or (span.start, span.end) == (quote.start, quote.end):
        return False
    before, after = quote.text[: span.start - quote.start], quote.text[span.end - quote.start :]
    nested = span.start == quote.start and _NESTED_RELATIVE.match(after) is not None
    return nested or (span.end == quote.end and before.strip().lower() == "as")


@dataclass(frozen=True, slots=True, kw_only=True)
class _Indexed:
    start: int
    end: int
    i: int


def _append(out: list[Claim], at_span: dict[tuple[int, int], list[int]], claim: Claim) -> None:
    if claim.claim is not None:
        at_span.setdefault((claim.claim.start, claim.claim.end), []).append(len(out))
    out.append(claim)


def _one_sided(claims: list[Claim]) -> list[Claim]:
    """Flag a party's claim about the fighting when the other side says nothing in the article."""
    speaking = {side_of(c.source) for c in claims} | {side_of(c.role) for c in claims}
    out = []
    for claim in claims:
        side = side_of(claim.source) or side_of(claim.role)
        if claim.claim and side and claim.kind in ("government", "state_media", "person"):
            others = sides_mentioned(claim.claim.text) - {side}
            fighting = bool(set(re.findall(r"[a-z]+", claim.claim.text.lower())) & CONFLICT_WORDS)
            if others and not others & speaking and (fighting or "unverified" in claim.flags):
                claim = _add_flags(claim, ("one_sided",))
        out.append(claim)
    return out


def _quoted_within(found: Found, direct: list[tuple[int, int]]) -> bool:
    """An attribution standing wholly inside someone's quotation ("“Trump said they live in hell,” she
    wrote"): the quoted speaker's words, a report inside a report, not the article's own sourcing."""
    lo = min(found.source.start, found.content.start if found.content else found.source.start)
    hi = max(found.source.end, found.content.end if found.content else found.source.end)
    return any(s <= lo and hi <= e for s, e in direct)


def _with_subject(claim: Claim, parsed: Parsed) -> Claim:
    """A claim whose words begin at the verb of "…, which officials say is …" gets its subject."""
    if claim.claim is None or claim.claim.text[:1] in DOUBLE_MARKS | SINGLE_MARKS:
        return claim
    subject = missing_subject(parsed, claim.claim)
    return replace(claim, subject=subject) if subject else claim


def claims(parsed: Parsed, *, quotes: tuple[Quote, ...], people: tuple[Entity, ...],
           places: tuple[Entity, ...], organizations: tuple[Entity, ...]) -> tuple[Claim, ...]:
    """Every attributed claim of the article with its source, cue and flags, in document order."""
    entities = {"people": people, "places": places, "organizations": organizations}
    quoted = [
        (q, Claim(source=q.speaker, kind=_quote_kind(q, **entities), claim=Span(start=q.start, end=q.end, text=q.text),
                  cue=q.cue, role=q.role, flags=_cue_flags(q.cue), source_span=q.speaker_span))
        for q in quotes if q.speaker
    ]
    found = []
    direct = [(q.start, q.end) for q in quotes if q.kind == "direct"]
    for f in find_attributions(parsed, people=people, organizations=organizations):
        if f.content is None or _quoted_within(f, direct):
            continue
        named = _name_and_kind(f, **entities)
        if named is None:
            continue
        name, kind = named
        via = _LEADING_THE.sub("", f.via.text) if f.via else None
        found.append(Claim(source=name, kind=kind, via=via, claim=_one_paragraph(f.content), cue=f.cue, flags=f.flags,
                           role=f.role, source_span=f.written or f.source))
    merged = _merge(quoted, found)
    merged = apply_markers(merged, parsed)
    merged = [
        _add_flags(c, ("state_media",)) if c.kind == "state_media" or (c.via and outlet_kind(c.via) == "state_media")
        else c
        for c in merged
    ]
    merged = _one_sided(merged)
    merged = [_with_subject(c, parsed) for c in merged]
    merged.sort(key=lambda c: (c.claim.start if c.claim else 0, c.claim.end if c.claim else 0))
    return tuple(merged)
