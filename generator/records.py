"""A brief as a plain JSON-able record and back, exactly.

The record is the ``newsbrief extract`` contract (the keys ``score.py`` and
other consumers read) plus what the contract leaves out (the article body and
metadata, entity kinds and coordinates, the timeline...), so that
``from_record(to_record(b)) == b``. The extraction store and the build cache
keep these records instead of pickles: JSON from a file someone dropped into
the folder is data, a pickle would be code.

Spans whose text is the body slice they point at are stored as offsets only
(paragraphs, mentions); their text is taken from the body again on the way
back, and kept explicitly whenever it differs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from generator.model import (
    Article,
    Brief,
    Claim,
    DatePrecision,
    Entity,
    EntityKind,
    Fact,
    Problem,
    Quote,
    QuoteKind,
    SourceFlag,
    SourceKind,
    Span,
    TimelineEvent,
)

Record = dict[str, Any]

FORMAT = 4
"""Bumped whenever the record layout changes, so stores and caches of another layout are not read."""


def _date(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _to_date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def _span(s: Span | None) -> Record | None:
    return None if s is None else {"text": s.text, "start": s.start, "end": s.end}


def _to_span(r: Record | None) -> Span | None:
    return None if r is None else Span(text=r["text"], start=r["start"], end=r["end"])


def _offsets(s: Span, body: str) -> Record:
    """Offsets only when the text is the body slice they point at."""
    out: Record = {"start": s.start, "end": s.end}
    if body[s.start : s.end] != s.text:
        out["text"] = s.text
    return out


def _from_offsets(r: Record, body: str) -> Span:
    return Span(start=r["start"], end=r["end"], text=r["text"] if "text" in r else body[r["start"] : r["end"]])


def _cue_span(q: Record, body: str) -> Span | None:
    """A quote's cue span: offsets only in the record (the cue is always the body's own words)."""
    if q.get("cue_start") is None:
        return None
    return Span(start=q["cue_start"], end=q["cue_end"], text=body[q["cue_start"] : q["cue_end"]])


def _entity(e: Entity, body: str) -> Record:
    return {
        "name": e.name,
        "aliases": list(e.aliases),
        "roles": list(e.roles),
        "mentions": [_offsets(m, body) for m in e.mentions],
        "kind": e.kind,
        "subtype": e.subtype,
        "country": e.country,
        "lat": e.lat,
        "lon": e.lon,
        "geonames_id": e.geonames_id,
        "evidence": None if e.evidence is None else list(e.evidence),
    }


def _to_entity(r: Record, body: str) -> Entity:
    return Entity(
        name=r["name"],
        kind=cast(EntityKind, r["kind"]),
        aliases=tuple(r["aliases"]),
        roles=tuple(r["roles"]),
        mentions=tuple(_from_offsets(m, body) for m in r["mentions"]),
        subtype=r["subtype"],
        country=r["country"],
        lat=r["lat"],
        lon=r["lon"],
        geonames_id=r["geonames_id"],
        evidence=None if r["evidence"] is None else tuple(r["evidence"]),
    )


def _article(a: Article) -> Record:
    """What the contract's ``path``, ``id`` and ``date`` do not already say about the article."""
    return {
        "title": a.title,
        "source": a.source,
        "url": a.url,
        "author": a.author,
        "language": a.language,
        "tags": list(a.tags),
        "headline": _span(a.headline),
        "warnings": list(a.warnings),
        "paragraphs": [_offsets(p, a.body) for p in a.paragraphs],
        "body": a.body,
    }


def article_record(a: Article) -> Record:
    """The whole article as a record: what the content hash of the store is taken over."""
    return {"path": a.path, "id": a.slug, "date": _date(a.date), **_article(a)}


def _to_article(r: Record) -> Article:
    a = r["article"]
    body: str = a["body"]
    return Article(
        path=r["path"],
        slug=r["id"],
        body=body,
        paragraphs=tuple(_from_offsets(p, body) for p in a["paragraphs"]),
        title=a["title"],
        date=_to_date(r["date"]),
        source=a["source"],
        url=a["url"],
        author=a["author"],
        language=a["language"],
        tags=tuple(a["tags"]),
        headline=_to_span(a["headline"]),
        warnings=tuple(a["warnings"]),
    )


def _fact(f: Fact) -> Record:
    return {
        "text": f.text,
        "start": f.start,
        "end": f.end,
        "source": f.source,
        "date": _date(f.date),
        "date_precision": f.date_precision,
    }


def _to_fact(r: Record) -> Fact:
    return Fact(
        text=r["text"],
        start=r["start"],
        end=r["end"],
        source=r["source"],
        date=_to_date(r["date"]),
        date_precision=cast(DatePrecision, r["date_precision"]),
    )


def to_record(brief: Brief) -> Record:
    """The JSON object ``newsbrief extract`` writes for one article (see the README)."""
    a = brief.article
    return {
        "path": a.path,
        "id": a.slug,
        "title": brief.title,
        "date": _date(a.date),
        "summary": " ".join(s.text for s in brief.summary),
        "facts": [_fact(f) for f in brief.facts],
        "more_facts": [_fact(f) for f in brief.more_facts],
        "quotes": [
            {
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_start": q.speaker_span.start if q.speaker_span else None,
                "speaker_end": q.speaker_span.end if q.speaker_span else None,
                "speaker_text": q.speaker_span.text if q.speaker_span else None,
                "cue": q.cue,
                "role": q.role,
                "cue_start": q.cue_span.start if q.cue_span else None,
                "cue_end": q.cue_span.end if q.cue_span else None,
            }
            for q in brief.quotes
        ],
        "sources": [
            {
                "name": c.source,
                "kind": c.kind,
                "via": c.via,
                "claim": _span(c.claim),
                "flags": list(c.flags),
                "cue": c.cue,
                "role": c.role,
                "source_start": c.source_span.start if c.source_span else None,
                "source_end": c.source_span.end if c.source_span else None,
                "source_text": c.source_span.text if c.source_span else None,
                "subject": c.subject,
            }
            for c in brief.claims
        ],
        "people": [_entity(e, a.body) for e in brief.people],
        "places": [_entity(e, a.body) for e in brief.places],
        "organizations": [_entity(e, a.body) for e in brief.organizations],
        "summary_spans": [_span(s) for s in brief.summary],
        "timeline": [
            {
                "date": _date(t.date),
                "precision": t.precision,
                "expression": _span(t.expression),
                "sentence": _span(t.sentence),
            }
            for t in brief.timeline
        ],
        "article": _article(a),
    }


def from_record(r: Record) -> Brief:
    """The brief a record was made from: ``from_record(to_record(b)) == b``."""
    article = _to_article(r)
    body = article.body
    return Brief(
        article=article,
        title=r["title"],
        summary=tuple(Span(text=s["text"], start=s["start"], end=s["end"]) for s in r["summary_spans"]),
        facts=tuple(_to_fact(f) for f in r["facts"]),
        more_facts=tuple(_to_fact(f) for f in r["more_facts"]),
        quotes=tuple(
            Quote(
                text=q["text"],
                start=q["start"],
                end=q["end"],
                kind=cast(QuoteKind, q["kind"]),
                speaker=q["speaker"],
                speaker_span=None
                if q["speaker_start"] is None
                else Span(start=q["speaker_start"], end=q["speaker_end"], text=q["speaker_text"]),
                cue=q["cue"],
                role=q["role"],
                cue_span=_cue_span(q, body),
            )
            for q in r["quotes"]
        ),
        claims=tuple(
            Claim(
                source=c["name"],
                kind=cast(SourceKind, c["kind"]),
                via=c["via"],
                claim=_to_span(c["claim"]),
                cue=c["cue"],
                flags=tuple(cast(SourceFlag, f) for f in c["flags"]),
                role=c["role"],
                source_span=None
                if c["source_start"] is None
                else Span(start=c["source_start"], end=c["source_end"], text=c["source_text"]),
                subject=c["subject"],
            )
            for c in r["sources"]
        ),
        people=tuple(_to_entity(e, body) for e in r["people"]),
        places=tuple(_to_entity(e, body) for e in r["places"]),
        organizations=tuple(_to_entity(e, body) for e in r["organizations"]),
        timeline=tuple(
            TimelineEvent(
                date=dt.date.fromisoformat(t["date"]),
                precision=cast(DatePrecision, t["precision"]),
                expression=Span(**t["expression"]),
                sentence=Span(**t["sentence"]),
            )
            for t in r["timeline"]
        ),
    )


def error_record(path: str, message: str, *, id: str | None = None) -> Record:
    """The record written in place of a brief for an article that could not be read or extracted."""
    out: Record = {"path": path, "error": message}
    if id is not None:
        out["id"] = id
    return out


def is_error(r: Record) -> bool:
    return "error" in r


def to_problem(r: Record) -> Problem:
    return Problem(path=r["path"], message=r["error"])
