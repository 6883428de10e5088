"""What kind of source a name is, and which side of a dispute it speaks for.

Plain strings in, plain strings out: the rules that find attributions hand
over the source's words; the entity lists of the article decide names.
"""

from __future__ import annotations

from generator.lexicon.organizations import GOVERNMENT_WORDS, ORGANIZATION_HEADS, SOCIAL_PLATFORMS
from generator.lexicon.outlets import outlet_kind
from generator.lexicon.people import TITLE_HEADS, UNNAMED_HEADS
from generator.lexicon.places import METONYMS, countries
from generator.lexicon.speech import DOCUMENT_HEADS, SOCIAL_HEADS
from generator.lexicon.text import words
from generator.model import Entity, SourceKind


def is_place(name: str, places: tuple[Entity, ...]) -> bool:
    """A country, capital or known place of the article standing for its government."""
    clean = " ".join(words(name))
    return clean in countries() or clean in METONYMS or any(clean in (p.name, *p.aliases) for p in places)


def person_named(name: str, people: tuple[Entity, ...]) -> Entity | None:
    """The article's person this name denotes: full name, alias, or unique surname."""
    clean = " ".join(words(name))
    for person in people:
        if clean == person.name or clean in person.aliases:
            return person
    last = clean.split()[-1] if clean else ""
    matches = [p for p in people if p.name.split()[-1:] == [last] and len(last) > 1 and last[0].isupper()]
    return matches[0] if len(matches) == 1 else None


def title_holder(head: str, people: tuple[Entity, ...]) -> Entity | None:
    """The one person of the article whose stated role has this title ("the mayor")."""
    def holds(role: str) -> bool:  # "mayor of New York", "Senate majority leader"; not "wife of Senator Cruz"
        ws = role.lower().replace(",", " ").split()
        return bool(ws) and (ws[-1] == head.lower() or (ws[0] == head.lower() and ws[1:2] in ([], ["of"])))

    holders = [p for p in people if any(holds(r) for r in p.roles)]
    return holders[0] if len(holders) == 1 else None


def classify(name: str, head: str, *, people: tuple[Entity, ...], places: tuple[Entity, ...],
             organizations: tuple[Entity, ...], proper: bool) -> SourceKind | None:
    """The kind of a source from its name and head word; None when it is not a source we can name.

    ``proper`` says whether the head of the phrase is a proper noun.
    """
    ws = words(name)
    lower = {w.lower() for w in ws}
    head = head.lower()
    outlet = outlet_kind(name)
    if outlet:
        return outlet
    if proper and head in GOVERNMENT_WORDS:
        return "government"  # "Ukraine's General Staff", whatever the tagger made of "Staff"
    if person_named(name, people) and proper:
        return "person"
    if head in SOCIAL_HEADS or (lower & {"tweet", "tweets", "post", "posts"} and set(ws) & SOCIAL_PLATFORMS):
        return "social_media"
    if head in DOCUMENT_HEADS:
        return "document"
    if head in UNNAMED_HEADS:
        # "Kremlin spokesperson Dmitry Peskov" has a proper head; this one has none.
        return "unnamed"
    if proper and (is_place(name, places) or " ".join(ws) in METONYMS):
        return "government"
    if lower & GOVERNMENT_WORDS and (proper or head in GOVERNMENT_WORDS):
        return "government"
    if head in ORGANIZATION_HEADS:
        return "organization"
    if head in TITLE_HEADS and not proper:
        return "unnamed"  # "the minister", when no one in the article holds the title
    org = next((o for o in organizations if " ".join(ws) in (o.name, *o.aliases)), None)
    if org is not None:
        # State control is the matrix's word alone (checked above), not the tagger's.
        if org.subtype in ("news_outlet", "state_media"):
            return "news_outlet"
        return "government" if org.subtype == "government" else "organization"
    return None
