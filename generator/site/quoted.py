"""Who is quoted: the most quoted people and organisations, and where claims come from.

One page for the whole site, with the share of claims from unnamed sources,
official bodies and state-controlled outlets, site-wide and per outlet. Every
number links to the briefs behind it: a person's or organisation's page, or a
paginated list of the briefs holding claims of that kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.model import Brief, Claim
from generator.site.catalog import SiteEntity
from generator.site.front import card
from generator.site.keys import slug
from generator.site.paginate import PAGE_SIZE, paginate

if TYPE_CHECKING:
    from generator.site.front import Front

INDEX = "quoted/index.md"
TOP = 15
"""People and organisations listed: the page must not grow with the site."""
TOP_OUTLETS = 20
"""Outlets listed, most claims first; the others' lists of briefs are still generated."""
UNKNOWN_OUTLET = "Outlet not given"

CATEGORIES: dict[str, tuple[str, Callable[[Claim], bool]]] = {
    "unnamed": ("unnamed sources", lambda c: c.kind == "unnamed"),
    "official": ("official bodies", lambda c: c.kind == "government"),
    "state": ("state-controlled outlets", lambda c: c.kind == "state_media" or "state_media" in c.flags),
}
"""Kinds of source whose share the page reports. A claim from an unnamed official
quoted by a state outlet counts in two of them."""


@dataclass(slots=True)
class Share:
    """Claims of one kind in one scope, and the briefs they are in (newest first)."""

    count: int = 0
    briefs: dict[str, tuple[Brief, int]] = field(default_factory=dict)


@dataclass(slots=True)
class Scope:
    """All claims of the site, or of one outlet."""

    name: str
    key: str
    total: int = 0
    shares: dict[str, Share] = field(default_factory=lambda: {k: Share() for k in CATEGORIES})

    def add(self, brief: Brief, claim: Claim) -> None:
        self.total += 1
        for key, (_, test) in CATEGORIES.items():
            if test(claim):
                share = self.shares[key]
                share.count += 1
                previous = share.briefs.get(brief.article.slug, (brief, 0))[1]
                share.briefs[brief.article.slug] = (brief, previous + 1)

    def list_path(self, category: str) -> str:
        return f"quoted/{self.key}/{category}/index.md"


def scopes(briefs: list[Brief]) -> tuple[Scope, list[Scope]]:
    """The site-wide scope and one per outlet (most claims first)."""
    site = Scope(name="All outlets", key="all")
    outlets: dict[str, Scope] = {}
    for brief in briefs:  # newest first, so every list of briefs is too
        name = brief.article.source or UNKNOWN_OUTLET
        outlet = outlets.setdefault(name, Scope(name=name, key=f"outlet-{slug(name)}"))
        for claim in brief.claims:
            site.add(brief, claim)
            outlet.add(brief, claim)
    ranked = sorted(outlets.values(), key=lambda s: (-s.total, s.name.casefold()))
    # Two outlet names with the same slug ("A.B.C." and "ABC") keep apart.
    seen: set[str] = set()
    for scope in ranked:
        base, n = scope.key, 2
        while scope.key in seen:
            scope.key, n = f"{base}-{n}", n + 1
        seen.add(scope.key)
    return site, ranked


def most_quoted(entities: list[SiteEntity]) -> list[SiteEntity]:
    people = [e for e in entities if e.kind == "person" and e.quotes]
    return sorted(people, key=lambda e: (-len(e.quotes), -len(e.briefs), e.name.casefold()))[:TOP]


def most_cited(entities: list[SiteEntity]) -> list[SiteEntity]:
    orgs = [e for e in entities if e.kind == "organization" and e.claims]
    return sorted(orgs, key=lambda e: (-len(e.claims), -len(e.briefs), e.name.casefold()))[:TOP]


def share_cell(front: Front, scope: Scope, key: str) -> Markup:
    """"[3 (15%)](link to the briefs)", or "0" when there is nothing behind the number."""
    share = scope.shares[key]
    if not share.count:
        return Markup("0")
    percent = round(100 * share.count / scope.total)
    return Markup(f"[{share.count} ({percent}%)]({front.renderer.href(INDEX, scope.list_path(key))}){{ .nb-num }}")


def pages(front: Front) -> Iterator[tuple[str, str]]:
    """The "Who is quoted" page and the lists of briefs behind its numbers."""
    catalog = front.catalog
    site, outlets = scopes(catalog.briefs)
    entities = list(catalog.entities.values())
    yield INDEX, front.render(
        "quoted.md.j2",
        INDEX,
        people=most_quoted(entities),
        organizations=most_cited(entities),
        site=site,
        outlets=outlets[:TOP_OUTLETS],
        more_outlets=len(outlets) - len(outlets[:TOP_OUTLETS]),
        categories={k: label for k, (label, _) in CATEGORIES.items()},
        share_cell=lambda scope, key: share_cell(front, scope, key),
    )
    for scope in (site, *outlets):
        for key, share in scope.shares.items():
            if not share.count:
                continue
            label = CATEGORIES[key][0]
            title = f"Claims from {label}" + ("" if scope.key == "all" else f": {scope.name}")
            items = list(share.briefs.values())
            for p in paginate(items, scope.list_path(key), PAGE_SIZE):
                yield p.path, front.render(
                    "quoted_briefs.md.j2",
                    p.path,
                    title=title if p.number == 1 else f"{title}, page {p.number}",
                    label=label,
                    scope=scope,
                    share=share,
                    cards=[card(b) for b, _ in p.items],
                    counts=[n for _, n in p.items],
                    pager=p,
                    index=INDEX,
                )
