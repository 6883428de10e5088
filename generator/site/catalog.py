"""The cross-brief view: one record per real entity, gathering every brief.

Entity pages depend on all briefs ("tags induce a graph, not a tree"), so the
catalog is built from the complete list of briefs before anything renders.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.ingest import RESERVED_SLUGS
from generator.lexicon.people import is_courtesy, is_royal
from generator.lexicon.places import nickname_of
from generator.model import Brief, Claim, Entity, EntityKind, Quote
from generator.site.aliases import Aliases, resolve
from generator.site.evidence import SITE_CORROBORATION, corroborated, speakers, surnames
from generator.site.fragments import is_fragment
from generator.site.joins import Joins, brief_joins
from generator.site.keys import POSSESSIVE, slug
from generator.site.layout import entity_path
from generator.site.textsafety import display_name


@dataclass(slots=True)
class SiteEntity:
    """Everything the site knows about one person, place or organisation."""

    key: str
    kind: EntityKind
    name: str
    description: str | None = None
    aliases: set[str] = field(default_factory=set)
    roles: list[tuple[str, Brief]] = field(default_factory=list)
    briefs: list[Brief] = field(default_factory=list)
    quotes: list[tuple[Brief, Quote]] = field(default_factory=list)
    claims: list[tuple[Brief, Claim]] = field(default_factory=list)
    together: Counter[tuple[EntityKind, str]] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    """How often each canonical name was used for it, to choose the page's name."""
    renamed: bool = False
    evidence: bool = False
    """Whether some brief gives evidence of its kind besides one model label (see ``site.evidence``)."""
    slug: str = ""
    """The page's file name: from the name shown, so the address reads like it."""
    subtype: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None

    @property
    def path(self) -> str:
        """Path of the entity's page below ``docs/``."""
        return entity_path(self.kind, self.slug or self.key)


def _newest_first(briefs: list[Brief]) -> list[Brief]:
    dated = sorted((b for b in briefs if b.article.date), key=lambda b: (b.article.date, b.article.slug), reverse=True)
    undated = sorted((b for b in briefs if not b.article.date), key=lambda b: b.article.slug)
    return dated + undated


@dataclass(slots=True)
class Catalog:
    """Briefs newest first, and the entities they mention, by (kind, key)."""

    briefs: list[Brief]
    entities: dict[tuple[EntityKind, str], SiteEntity]
    _lookup: dict[tuple[str, EntityKind, str], SiteEntity] = field(default_factory=dict)

    def find(self, brief: Brief, kind: EntityKind, name: str | None) -> SiteEntity | None:
        """The site entity a name in ``brief`` refers to (canonical name or alias)."""
        if not name:
            return None
        found = self._lookup.get((brief.article.slug, kind, name))
        return found if found is not None else self._lookup.get((brief.article.slug, kind, display_name(name)))

    def speaker(self, brief: Brief, name: str | None) -> SiteEntity | None:
        """The page of a quote's speaker or a claim's source: a person, an
        organisation, or a place standing for its government ("Moscow")."""
        return (
            self.find(brief, "person", name)
            or self.find(brief, "organization", name)
            or self.find(brief, "place", name)
        )

    def of_kind(self, kind: EntityKind) -> list[SiteEntity]:
        return sorted((e for e in self.entities.values() if e.kind == kind), key=lambda e: (e.name.casefold(), e.key))


def _page_name(entity: Entity) -> str:
    """The name a page is keyed and titled by: a surname alone with the courtesy title
    the article gives it ("Mrs Clinton"), so two people of one surname stay two pages,
    a royal known by one name with the title that makes it a full name ("King
    Charles", "Prince Harry": a page titled "Charles" names nobody in particular),
    and a place written by its nickname under its name."""
    if entity.kind == "place":
        return nickname_of(entity.name) or entity.name  # "the Mother City" is Cape Town's page
    if entity.kind != "person":
        return entity.name
    if " " in entity.name:  # a possessive is no part of a person's name ("Travis Kelce's")
        return POSSESSIVE.sub("", entity.name)
    for alias in entity.aliases:
        words = alias.split()
        if len(words) == 2 and words[1] == entity.name and (is_courtesy(words[0]) or is_royal(words[0])):
            return alias
    return entity.name


def _merge_entity(site: SiteEntity, entity: Entity, brief: Brief) -> None:
    site.aliases.update(display_name(a) for a in (entity.name, *entity.aliases))
    site.roles.extend((role, brief) for role in entity.roles)
    if brief not in site.briefs:
        site.briefs.append(brief)
    for attr in ("subtype", "country", "lat", "lon", "geonames_id"):
        if getattr(site, attr) is None and getattr(entity, attr) is not None:
            setattr(site, attr, getattr(entity, attr))


def _assign_slugs(catalog: Catalog) -> None:
    """File names from display names, unique per folder and never a reserved name."""
    taken: set[tuple[EntityKind, str]] = set()
    for site in sorted(catalog.entities.values(), key=lambda e: (e.kind, e.key)):
        base = slug(site.name)
        if base in RESERVED_SLUGS:  # "Index" must not take the place of the A-Z page
            base = f"{base}-entity"
        candidate, n = base, 2
        while (site.kind, candidate) in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add((site.kind, candidate))
        site.slug = candidate


def _named_by_owner(aliases: Aliases | None, entity: Entity) -> bool:
    """The site owner wrote the name into ``aliases.yml``: that is evidence enough for a page."""
    return aliases is not None and aliases.entry(entity.kind, display_name(_page_name(entity))) is not None


def _drop_unearned(catalog: Catalog) -> None:
    """Keep a page only for an entity with evidence of its kind: from one brief, or from enough briefs.

    Why: one model label in one article is the commonest wrong page (a product,
    a competition, a headline word); such a name stays plain text in its brief
    and becomes a page once another article names it (``generator.site.evidence``).
    """
    dropped = {
        k for k, e in catalog.entities.items() if not e.evidence and len(e.briefs) < SITE_CORROBORATION
    }
    if not dropped:
        return
    for k in dropped:
        del catalog.entities[k]
    catalog._lookup = {k: e for k, e in catalog._lookup.items() if (e.kind, e.key) not in dropped}
    for e in catalog.entities.values():
        for k in dropped & e.together.keys():
            del e.together[k]


def _join_names(catalog: Catalog, brief: Brief, joins: Joins, pages: dict[int, SiteEntity]) -> None:
    """Names of the brief that belong to another name's page (``site.joins``): found under it, as aliases."""
    entities = brief.entities
    for index, target in joins.into.items():
        hops = 0
        while target in joins.into and hops < len(entities):  # a short form of a short form
            target, hops = joins.into[target], hops + 1
        site = pages.get(target)
        if site is None:  # the name it belongs to is hidden or has no page
            continue
        entity = entities[index]
        site.aliases.update(display_name(a) for a in (entity.name, *entity.aliases))
        if entity.kind == site.kind:
            site.roles.extend((role, brief) for role in entity.roles)
        for name in (entity.name, *entity.aliases):
            catalog._lookup.setdefault((brief.article.slug, site.kind, name), site)
            catalog._lookup.setdefault((brief.article.slug, site.kind, display_name(name)), site)


def build_catalog(briefs: list[Brief], aliases: Aliases | None = None) -> Catalog:
    """Gather every brief's entities, quotes and claims into one page per entity."""
    ordered = _newest_first(briefs)
    catalog = Catalog(briefs=ordered, entities={})
    for brief in sorted(briefs, key=lambda b: b.article.slug):
        seen: list[SiteEntity] = []
        spoke, people = speakers(brief), surnames(brief)
        entities = brief.entities
        joins = brief_joins(entities, brief.article.body)
        pages: dict[int, SiteEntity] = {}
        for index, entity in enumerate(entities):
            if index in joins.into or index in joins.none:  # another name's page, or none
                continue
            if entity.evidence is not None and is_fragment(entity, brief.article.body):
                # "Silicon Valley" of Silicon Valley Bank: no page (a name made by hand is taken on trust)
                continue
            # Normalised and in one script, so a look-alike spelling joins the real page.
            resolved = resolve(aliases, entity.kind, display_name(_page_name(entity)))
            if resolved is None:  # hidden by the site owner
                continue
            key, display = resolved
            site = catalog.entities.get((entity.kind, key))
            if site is None:
                description = aliases.description(entity.kind, key) if aliases else None
                site = SiteEntity(key=key, kind=entity.kind, name=display, description=description)
                catalog.entities[(entity.kind, key)] = site
            site.renamed = site.renamed or display != display_name(_page_name(entity))
            earned = corroborated(entity, spoke, people, brief.article.body)
            site.evidence = site.evidence or earned or _named_by_owner(aliases, entity)
            site.names[display] += 1
            _merge_entity(site, entity, brief)
            for name in (entity.name, *entity.aliases):
                catalog._lookup[(brief.article.slug, entity.kind, name)] = site
                catalog._lookup.setdefault((brief.article.slug, entity.kind, display_name(name)), site)
            pages[index] = site
            if site not in seen:
                seen.append(site)
        _join_names(catalog, brief, joins, pages)
        for a in seen:
            a.together.update((b.kind, b.key) for b in seen if b is not a)
    _drop_unearned(catalog)
    for brief in ordered:
        for quote in brief.quotes:
            if quote.kind == "indirect":  # reported speech is listed with the claims
                continue
            person = catalog.find(brief, "person", quote.speaker)
            if person is not None:
                person.quotes.append((brief, quote))
        for claim in brief.claims:
            for who in (claim.source, claim.via):
                target = catalog.speaker(brief, who)
                if target is not None:
                    target.claims.append((brief, claim))
    for site in catalog.entities.values():
        site.briefs = _newest_first(site.briefs)
        if not site.renamed:  # the name most briefs use, the fuller one on a tie
            site.name = min(site.names.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0]
        site.aliases.discard(site.name)
    _assign_slugs(catalog)
    return catalog
