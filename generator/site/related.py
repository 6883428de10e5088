"""Related briefs: the briefs that share the most people, places and organisations."""

from __future__ import annotations

from collections import Counter

from generator.model import Brief
from generator.site.catalog import Catalog, SiteEntity

RELATED_MAX = 5


class Related:
    """Ranks, for any brief, the others by how many site entities they share with it."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._entities: dict[str, list[SiteEntity]] = {}
        self._order = {b.article.slug: n for n, b in enumerate(catalog.briefs)}  # newest first

    def entities(self, brief: Brief) -> list[SiteEntity]:
        """The site entities a brief mentions, each once."""
        slug = brief.article.slug
        if slug not in self._entities:
            found: dict[int, SiteEntity] = {}
            for e in brief.entities:
                site = self.catalog.find(brief, e.kind, e.name)
                if site is not None:
                    found.setdefault(id(site), site)
            self._entities[slug] = list(found.values())
        return self._entities[slug]

    def of(self, brief: Brief, limit: int = RELATED_MAX) -> list[tuple[Brief, int]]:
        """Up to ``limit`` (brief, shared entity count), most shared first, then newest."""
        shared: Counter[str] = Counter()
        by_slug: dict[str, Brief] = {}
        for site in self.entities(brief):
            for other in site.briefs:
                if other.article.slug != brief.article.slug:
                    shared[other.article.slug] += 1
                    by_slug[other.article.slug] = other
        ranked = sorted(shared.items(), key=lambda kv: (-kv[1], self._order.get(kv[0], 1 << 30)))
        return [(by_slug[slug], n) for slug, n in ranked[:limit]]
