"""Direct, mixed and indirect quotes with their speakers (baseline)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.model import Article, Entity, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

_QUOTE = re.compile(r"[\"\u201c][^\"\u201c\u201d\n]{12,}?[\"\u201d]")
_SAID = re.compile(r"^,?\s*(said|says|added|stated|told)\s+((?:[A-Z][\w'-]+\s?){1,4})")


def quotes(doc: Doc, article: Article, *, people: tuple[Entity, ...], organizations: tuple[Entity, ...]) -> tuple[Quote, ...]:
    """Quoted passages of the body, with a speaker only where a cue names one."""
    body = article.body
    found = []
    for m in _QUOTE.finditer(body):
        after = body[m.end() : m.end() + 80]
        cue = _SAID.match(after)
        speaker: str | None = None
        span: Span | None = None
        if cue:
            name = cue.group(2).strip()
            speaker = next((p.name for p in people if name in (p.name, *p.aliases) or p.name.endswith(name)), None)
            if speaker:
                s = m.end() + cue.start(2)
                span = Span(start=s, end=s + len(name), text=name)
        found.append(Quote(text=m.group(), start=m.start(), end=m.end(), kind="direct",
                           speaker=speaker, speaker_span=span, cue=cue.group(1) if cue else None))
    return tuple(found)
