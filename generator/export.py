"""The machine-readable record of one brief: the ``newsbrief extract`` contract."""

from __future__ import annotations

from typing import Any

from generator.model import Brief, Entity, Span


def _span(s: Span | None) -> dict[str, Any] | None:
    return None if s is None else {"text": s.text, "start": s.start, "end": s.end}


def _entity(e: Entity, *, roles: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"name": e.name, "aliases": list(e.aliases)}
    if roles:
        out["roles"] = list(e.roles)
    out["mentions"] = [{"start": m.start, "end": m.end} for m in e.mentions]
    return out


def brief_record(brief: Brief) -> dict[str, Any]:
    """The JSON object ``newsbrief extract`` writes for one article."""
    a = brief.article
    return {
        "path": a.path,
        "id": a.slug,
        "title": brief.title,
        "date": a.date.isoformat() if a.date else None,
        "summary": " ".join(s.text for s in brief.summary),
        "facts": [{"text": f.text, "start": f.start, "end": f.end, "source": f.source} for f in brief.facts],
        "quotes": [
            {
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_start": q.speaker_span.start if q.speaker_span else None,
                "speaker_end": q.speaker_span.end if q.speaker_span else None,
                "cue": q.cue,
            }
            for q in brief.quotes
        ],
        "sources": [
            {"name": c.source, "kind": c.kind, "via": c.via, "claim": _span(c.claim), "flags": list(c.flags)}
            for c in brief.claims
        ],
        "people": [_entity(e, roles=True) for e in brief.people],
        "places": [_entity(e, roles=False) for e in brief.places],
        "organizations": [_entity(e, roles=False) for e in brief.organizations],
    }


def error_record(path: str, message: str) -> dict[str, Any]:
    """The record written in place of a brief for a file that could not be read."""
    return {"path": path, "error": message}
