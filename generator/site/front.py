"""The news front: home page, paginated brief lists, the archive by month and the A–Z indexes.

Every list is cut into pages (see :mod:`generator.site.paginate`), so however
many briefs the site holds, no generated page grows with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.model import ENTITY_KINDS, Brief, EntityKind
from generator.site.catalog import SiteEntity
from generator.site.layout import FOLDERS
from generator.site.paginate import PAGE_SIZE, paginate

if TYPE_CHECKING:
    from generator.site.render import Renderer

HOME_CARDS = 10
ENTITY_PAGE_SIZE = 100
"""Names per A–Z page: one short line each."""
BRIEFS_INDEX = "briefs/index.md"
ARCHIVE_INDEX = "briefs/archive/index.md"


def long_date(date: dt.date) -> str:
    """5 November 2025: unambiguous everywhere, and never broken at a hyphen."""
    return f"{date.day} {date:%B %Y}"


def month_key(date: dt.date | None) -> str:
    return date.strftime("%Y-%m") if date else "undated"


def month_label(key: str) -> str:
    if key == "undated":
        return "Undated"
    return dt.date.fromisoformat(f"{key}-01").strftime("%B %Y")


@dataclass(frozen=True, slots=True, kw_only=True)
class Card:
    """A brief as a list shows it: date, outlet, headline, one line of summary."""

    brief: Brief
    summary: str


def card(brief: Brief) -> Card:
    return Card(brief=brief, summary=brief.summary[0].text if brief.summary else "")


class Front:
    """Renders the list pages of the site with the renderer's templates and links."""

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer
        self.catalog = renderer.catalog

    def render(self, template: str, page: str, **context: Any) -> str:
        return self.renderer.env.get_template(template).render(
            page=page,
            link=lambda target, text=None, anchor="": self.renderer.link(page, target, text, anchor),
            href=lambda to: self.renderer.href(page, to),
            long_date=long_date,
            letter_id=letter_id,
            **context,
        )

    def _months(self) -> dict[str, list[Brief]]:
        months: dict[str, list[Brief]] = {}
        for brief in self.catalog.briefs:  # newest first, undated last
            months.setdefault(month_key(brief.article.date), []).append(brief)
        return months

    def home(self) -> str:
        briefs = self.catalog.briefs
        return self.render(
            "home.md.j2",
            "index.md",
            cards=[card(b) for b in briefs[:HOME_CARDS]],
            total=len(briefs),
            more=len(briefs) > HOME_CARDS,
            briefs_index=BRIEFS_INDEX,
            archive=ARCHIVE_INDEX,
        )

    def _list_pages(self, briefs: list[Brief], first: str, title: str, intro: str) -> Iterator[tuple[str, str]]:
        for p in paginate(briefs, first, PAGE_SIZE):
            yield p.path, self.render(
                "briefs_index.md.j2",
                p.path,
                title=title if p.number == 1 else f"{title}, page {p.number}",
                intro=intro,
                pager=p,
                cards=[card(b) for b in p.items],
                total=len(briefs),
                archive=ARCHIVE_INDEX,
            )

    def briefs(self) -> Iterator[tuple[str, str]]:
        yield from self._list_pages(self.catalog.briefs, BRIEFS_INDEX, "Briefs", "newest first")
        months = self._months()
        years: dict[str, list[tuple[str, str, int]]] = {}
        for key, items in months.items():
            first = f"briefs/archive/{key}/index.md"
            years.setdefault(key[:4] if key != "undated" else "Undated", []).append(
                (month_label(key), first, len(items))
            )
            yield from self._list_pages(items, first, month_label(key), "newest first")
        yield ARCHIVE_INDEX, self.render("archive.md.j2", ARCHIVE_INDEX, years=years, briefs_index=BRIEFS_INDEX)

    def entity_indexes(self) -> Iterator[tuple[str, str]]:
        for kind in ENTITY_KINDS:
            yield from self.entity_index(kind)

    def entity_index(self, kind: EntityKind) -> Iterator[tuple[str, str]]:
        from generator.site.layout import SECTION_TITLES

        entities = self.catalog.of_kind(kind)
        first = f"{FOLDERS[kind]}/index.md"
        pages = paginate(entities, first, ENTITY_PAGE_SIZE)
        # Where each letter starts: one jump link per letter, whatever the page.
        jumps: dict[str, str] = {}
        for p in pages:
            for e in p.items:
                jumps.setdefault(initial(e), p.path)
        for p in pages:
            letters: dict[str, list[SiteEntity]] = {}
            for e in p.items:
                letters.setdefault(initial(e), []).append(e)
            title = SECTION_TITLES[kind]
            yield p.path, self.render(
                "entity_index.md.j2",
                p.path,
                title=title if p.number == 1 else f"{title}, page {p.number}",
                kind=kind,
                letters=sorted(letters.items()),
                jumps=[(letter, path, letter_id(letter)) for letter, path in sorted(jumps.items())],
                pager=p,
                total=len(entities),
            )


def initial(entity: SiteEntity) -> str:
    first = entity.name[:1].upper()
    return first if first.isalpha() and first.isascii() else "#"


def letter_id(letter: str) -> str:
    return f"letter-{letter.lower()}" if letter != "#" else "letter-other"

