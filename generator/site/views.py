"""What each page shows, as data: built from the model and the catalog, no Markdown.

The renderer turns these into Markdown through the templates; keeping the
choices (which quotes group together, which claims a page lists, how the
sourcing is summed up) here lets them be tested without a template.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from generator.lexicon.outlets import outlet_kind
from generator.model import ENTITY_KINDS, Brief, Claim, EntityKind, Fact, Quote, SourceKind
from generator.site.catalog import Catalog, SiteEntity
from generator.site.layout import SECTION_TITLES

APPEARS_WITH_MAX = 8
"""Names shown in full under "Appears with" before the rest is folded away."""
APPEARS_WITH_ALL = 200
"""Names listed at most in the folded rest, most frequent first; the count of the others is said.
An entity in thousands of briefs appears with thousands of names: listing every one would make the
page grow with the site, and a name seen once beside it is reached through the briefs anyway."""
LINK_RUN = 25
"""Links per Markdown paragraph in a run of names ("A · B · C ..."). Python-Markdown's inline
pass re-scans a paragraph for every link it replaces, so one paragraph of n links costs n²
(measured: 100 links 0.25 s, 400 links 2.4 s, 800 links 13 s); paragraphs of 25 keep it linear
(800 links 0.33 s)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteGroup:
    """A speaker's quotes in one brief, in article order."""

    speaker: str | None
    page: SiteEntity | None
    role: str | None
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRow:
    """A claim as the sourcing table shows it."""

    claim: Claim
    page: SiteEntity | None
    via_page: SiteEntity | None
    paragraph: int


# --- a brief's page ---


def quote_groups(catalog: Catalog, brief: Brief) -> list[QuoteGroup]:
    """The brief's direct quotes grouped by speaker, unattributed quotes last."""
    groups: dict[str | None, list[Quote]] = {}
    # Reported speech without quotation marks is a claim: it is listed
    # under the sourcing notes, not as a quote.
    for q in sorted((q for q in brief.quotes if q.kind != "indirect"), key=lambda q: q.start):
        groups.setdefault(q.speaker, []).append(q)
    out = []
    for speaker, quotes in groups.items():
        role = next((q.role for q in quotes if q.role), None)
        page = catalog.speaker(brief, speaker)
        if role is None and page is not None and page.kind == "person":
            role = next((r for r, b in page.roles if b is brief), None)
        out.append(QuoteGroup(speaker=speaker, page=page, role=role, quotes=tuple(quotes)))
    # Unattributed quotes go last.
    return sorted(out, key=lambda g: g.speaker is None)


def claim_rows(catalog: Catalog, brief: Brief) -> list[ClaimRow]:
    """The sourcing table's rows, in article order."""
    rows = [
        ClaimRow(
            claim=c,
            page=catalog.speaker(brief, c.source),
            via_page=catalog.speaker(brief, c.via),
            paragraph=brief.article.paragraph_of(c.claim.start) if c.claim else 0,
        )
        for c in brief.claims
    ]
    return sorted(rows, key=lambda r: r.claim.claim.start if r.claim.claim else 1 << 60)


def mentioned(catalog: Catalog, brief: Brief) -> dict[str, list[SiteEntity]]:
    """The pages of everyone and everything the brief mentions, by section title."""
    out: dict[str, list[SiteEntity]] = {}
    for kind, entities in zip(ENTITY_KINDS, (brief.people, brief.places, brief.organizations), strict=True):
        pages: list[SiteEntity] = []
        for e in entities:
            site = catalog.find(brief, kind, e.name)
            if site is not None and site not in pages:
                pages.append(site)
        if pages:
            out[SECTION_TITLES[kind]] = pages
    return out


def summary_counts(claims: tuple[Claim, ...]) -> dict[str, int | list[str]]:
    """Distinct sources by kind, the state-controlled outlets, and claims the article doubts."""

    def distinct(*kinds: SourceKind) -> list[str]:
        seen: dict[str, None] = {}
        for c in claims:
            if c.kind in kinds:
                seen.setdefault(c.source, None)
        return list(seen)

    outlets = distinct("news_outlet", "state_media")
    for c in claims:  # an outlet met only as a via still passed the claim on
        if c.via and outlet_kind(c.via) and c.via not in outlets:
            outlets.append(c.via)
    state = [
        o
        for o in outlets
        if outlet_kind(o) == "state_media" or any(c.source == o and c.kind == "state_media" for c in claims)
    ]
    return {
        "named": len(distinct("person")),
        "unnamed": len(distinct("unnamed")),
        "official": len(distinct("government")),
        "organizations": len(distinct("organization")),
        "outlets": len(outlets),
        "state_media": len(state),
        "state_media_names": state,
        "documents": len(distinct("document", "social_media")),
        "unverified": sum(1 for c in claims if "unverified" in c.flags),
        "disputed": sum(1 for c in claims if "disputed" in c.flags or "denied" in c.flags),
    }


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def sourcing_summary(claims: tuple[Claim, ...]) -> str:
    """One line for the brief: "3 named people · 2 unnamed sources · 2 outlets, 1 state-controlled (TASS)"."""
    counts = summary_counts(claims)
    parts = []
    for key, one, many in (
        ("named", "named person", "named people"),
        ("unnamed", "unnamed source", "unnamed sources"),
        ("official", "official body", "official bodies"),
        ("organizations", "organisation", "organisations"),
        ("documents", "document or post", "documents or posts"),
    ):
        n = counts[key]
        assert isinstance(n, int)
        if n:
            parts.append(_plural(n, one, many))
    outlets, state = counts["outlets"], counts["state_media_names"]
    assert isinstance(outlets, int) and isinstance(state, list)
    if outlets:
        text = _plural(outlets, "outlet", "outlets")
        if state:
            text += f", {len(state)} state-controlled ({', '.join(state)})"
        parts.append(text)
    for key, one, many in (
        ("unverified", "claim the article says cannot be verified", "claims the article says cannot be verified"),
        ("disputed", "claim disputed or denied", "claims disputed or denied"),
    ):
        n = counts[key]
        assert isinstance(n, int)
        if n:
            parts.append(_plural(n, one, many))
    return " · ".join(parts) if parts else "no attributed claims"


# --- an entity's page ---


def roles(entity: SiteEntity) -> dict[str, list[Brief]]:
    """Each role the entity is given, with the briefs that give it."""
    out: dict[str, list[Brief]] = {}
    for role, brief in entity.roles:
        if brief not in out.setdefault(role, []):
            out[role].append(brief)
    return out


def facts_mentioning(
    catalog: Catalog, entity: SiteEntity, briefs: Sequence[Brief] | None = None
) -> list[tuple[Brief, Fact]]:
    """Key and further facts of the entity's briefs (or of ``briefs``, one page of them) that
    mention it (a place may only figure in the latter)."""
    return [
        (brief, fact)
        for brief in (entity.briefs if briefs is None else briefs)
        for fact in sorted(brief.facts + brief.more_facts, key=lambda f: f.start)
        if any(
            catalog.find(brief, e.kind, e.name) is entity and any(fact.start <= m.start < fact.end for m in e.mentions)
            for e in brief.entities
        )
    ]


def spokespeople(catalog: Catalog, entity: SiteEntity) -> list[SiteEntity]:
    """People seen with the entity whose role names it ("spokesperson for the Kremlin")."""
    return [
        other
        for (kind, key), _ in entity.together.most_common()
        if kind == "person"
        for other in [catalog.entities[(kind, key)]]
        if any(
            entity.name.casefold() in role.casefold()
            or any(a.casefold() in role.casefold() for a in entity.aliases if len(a) > 3)
            for role, _ in other.roles
        )
    ]


def quotes_by_brief(entity: SiteEntity) -> list[tuple[Brief, list[Quote]]]:
    """The entity's quotes, grouped by brief."""
    return _by_brief(entity.quotes)


def on_page(grouped: list[tuple[Brief, list[Any]]], briefs: Sequence[Brief]) -> list[tuple[Brief, list[Any]]]:
    """The groups of ``grouped`` whose brief is on this page, in the page's order (newest first)."""
    by_slug = {brief.article.slug: items for brief, items in grouped}
    return [(brief, by_slug[brief.article.slug]) for brief in briefs if brief.article.slug in by_slug]


def claims_by_brief(entity: SiteEntity) -> list[tuple[Brief, list[Claim]]]:
    """The entity's claims that are not already among its quotes, once each, grouped by brief."""
    return _by_brief(_distinct_claims([(b, c) for b, c in entity.claims if not _quoted(b, c, entity)]))


def together(catalog: Catalog, entity: SiteEntity) -> dict[str, list[tuple[SiteEntity, int]]]:
    """Who and what appears most often in the same briefs, by section title: all of them, most
    frequent first, then by name (the template shows the first ``APPEARS_WITH_MAX`` and folds the rest)."""
    out: dict[str, list[tuple[SiteEntity, int]]] = {}
    for kind in ENTITY_KINDS:
        ranked = sorted(
            ((catalog.entities[k], n) for k, n in entity.together.items() if k[0] == kind),
            key=lambda x: (-x[1], x[0].name.casefold(), x[0].key),
        )
        if ranked:
            out[SECTION_TITLES[kind]] = ranked
    return out


def coordinates(entity: SiteEntity) -> str | None:
    """A place's position as people read it: 48.28° N, 37.18° E."""
    if entity.lat is None or entity.lon is None:
        return None
    ns = "N" if entity.lat >= 0 else "S"
    ew = "E" if entity.lon >= 0 else "W"
    return f"{abs(entity.lat):.2f}° {ns}, {abs(entity.lon):.2f}° {ew}"


# --- index pages ---


def by_initial(catalog: Catalog, kind: EntityKind) -> list[tuple[str, list[SiteEntity]]]:
    """The entities of one kind under their initial letter ("#" for anything else), A to Z."""
    letters: dict[str, list[SiteEntity]] = {}
    for e in catalog.of_kind(kind):
        initial = e.name[:1].upper()
        letters.setdefault(initial if initial.isalpha() else "#", []).append(e)
    return sorted(letters.items())


def when(date: dt.date, precision: str = "day") -> str:
    """A resolved date as precise as the text was: 14 October 2025, October 2025 or 2025."""
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return date.strftime("%B %Y")
    return f"{date.day} {date.strftime('%B %Y')}"


def _distinct_claims(items: list[tuple[Brief, Claim]]) -> list[tuple[Brief, Claim]]:
    """One entry per claimed text: an outlet both reporting and passing on a claim lists it once."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for brief, claim in items:
        key = (brief.article.slug, claim.claim.start, claim.claim.end) if claim.claim else None
        if key is None or key not in seen:
            out.append((brief, claim))
        if key is not None:
            seen.add(key)
    return out


def _quoted(brief: Brief, claim: Claim, entity: SiteEntity) -> bool:
    """Whether the claim is one of the entity's quotes, already listed under Quotes."""
    span = claim.claim
    return span is not None and any(
        b is brief and q.start == span.start and q.end == span.end for b, q in entity.quotes
    )


def _by_brief(items: Iterable[tuple[Brief, Any]]) -> list[tuple[Brief, list[Any]]]:
    grouped: dict[str, tuple[Brief, list[Any]]] = {}
    for brief, item in items:
        grouped.setdefault(brief.article.slug, (brief, []))[1].append(item)
    return list(grouped.values())
