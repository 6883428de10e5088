"""Which names earn a page of their own, and which stay plain text in their brief.

Being mentioned is not the same as earning a page. A name the model labels once,
in one article, with nothing else saying what it is, is the commonest wrong page
of a site (a product, a competition, a headline word, a nickname): extraction is
right to report it, but a page asserts that we know a person, place or
organisation of that name, and one model label is not enough to assert that.

The rule is general and says nothing about particular names: an entity earns a
page when *one* article gives evidence of its kind besides the model's label
(:func:`corroborated`), or when *two or more* articles of the site name it
(independent articles agreeing is evidence no single one gives). Until then it
stays in its brief as plain text, unlinked; the catalog promotes it to a page as
soon as another article names it, and the owner's ``aliases.yml`` can name it to
give it a page at once. Extraction scores do not change: the brief still knows
the name.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.model import Brief, Entity

SITE_CORROBORATION = 2
"""Articles that must name an entity for the site to trust it without any other evidence."""


def speakers(brief: Brief) -> frozenset[str]:
    """Names the brief gives as someone's words or claims: whoever speaks acts as an agent of its kind."""
    names = {q.speaker for q in brief.quotes} | {c.source for c in brief.claims} | {c.via for c in brief.claims}
    return frozenset(n for n in names if n)


def corroborated(entity: Entity, spoke: Iterable[str] = ()) -> bool:
    """Whether one article gives evidence of the entity's kind besides a single model label.

    Extraction records that evidence on the entity (``Entity.evidence``: named
    more than once, a role or title, a cue such as "the village of", a listing,
    a head word, the gazetteer, a known given name, an expanded acronym, a club
    of a sports report); being quoted (``spoke``: the brief's speakers) is
    evidence too, since whoever speaks acts as a person or body would.
    """
    if entity.evidence is None:  # made by hand, not by extraction: nothing to doubt
        return True
    return bool(entity.evidence) or any(n in spoke for n in (entity.name, *entity.aliases))
