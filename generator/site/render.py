"""Turn briefs and the catalog into Markdown pages through Jinja templates.

Every value a template prints is escaped for Markdown by default (see
``_finalize``); only the link helpers here, which escape their own text, may
return :class:`Markup`. A template therefore cannot leak article text into the
page structure by forgetting a filter.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.model import ENTITY_KINDS, Brief, EntityKind, Span
from generator.site import escape, layout, views
from generator.site.catalog import Catalog, SiteEntity
from generator.site.layout import BRIEFS, FOLDERS, SECTION_TITLES, index_path

KIND_LABELS = {
    "person": "named person",
    "unnamed": "unnamed source",
    "government": "official body",
    "organization": "organisation",
    "news_outlet": "news outlet",
    "state_media": "state-controlled outlet",
    "document": "document",
    "social_media": "social media",
}
FLAG_LABELS = {
    "unverified": "cannot be verified",
    "disputed": "disputed",
    "denied": "denied",
    "first_reported": "first reported",
    "loaded_cue": "loaded verb",
    "one_sided": "one side only",
    "state_media": "via state-controlled outlet",
}


def _finalize(value: Any) -> Any:
    """Escape everything printed unless a helper already made it safe Markdown."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape.inline(value)
    return value


def brief_path(brief: Brief) -> str:
    return layout.brief_path(brief.article.slug)


def relative(from_page: str, to_page: str) -> str:
    """A relative link between two pages below ``docs/``."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


class Renderer:
    """Renders every page of the site from a catalog."""

    def __init__(self, templates: Path, catalog: Catalog) -> None:
        self.catalog = catalog
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            finalize=_finalize,
            autoescape=False,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            # Themes print front-matter titles into HTML unescaped: escape them as HTML too.
            yaml=lambda s: Markup(escape.yaml_string(escape.attr(str(s)))),
            attr=lambda s: Markup(escape.attr(str(s))),
            # A fact cut from a longer sentence may start in lower case.
            sentence=lambda s: str(s)[:1].upper() + str(s)[1:],
        )
        self.env.globals.update(kind_label=KIND_LABELS.get, flag_label=FLAG_LABELS.get, when=views.when)

    # --- link helpers: the only places that emit Markdown syntax around text ---

    def link(self, page: str, target: SiteEntity | Brief | None, text: str | None = None, anchor: str = "") -> Markup:
        """``[text](relative/path.md#anchor)``; plain escaped text when there is no target."""
        if target is None:
            return Markup(escape.inline(text or ""))
        if isinstance(target, SiteEntity):
            to, label = target.path, text or target.name
        else:
            to, label = brief_path(target), text or target.title
        href = relative(page, to) + (f"#{anchor}" if anchor else "")
        return Markup(f"[{escape.inline(label)}]({href})")

    def linked_span(
        self, page: str, brief: Brief, span: Span, linked: set[str] | None = None, *, sentence_case: bool = False
    ) -> Markup:
        """Article text with the first mention of each entity in it linked to its page.

        ``sentence_case`` capitalises a lower-case first letter, for a fact that
        is a clause cut from a longer sentence; the words stay the article's.
        """
        mentions: list[tuple[Span, SiteEntity]] = []
        for entity in brief.entities:
            site = self.catalog.find(brief, entity.kind, entity.name)
            if site is None or (linked is not None and site.path in linked):
                continue
            first = next((m for m in entity.mentions if span.start <= m.start and m.end <= span.end), None)
            if first is not None:
                mentions.append((first, site))
        body = brief.article.body
        if sentence_case and span.text[:1].islower():
            body = body[: span.start] + span.text[0].upper() + body[span.start + 1 :]
        out, pos = [], span.start
        for mention, site in sorted(mentions, key=lambda x: (x[0].start, -x[0].end)):
            if mention.start < pos or (linked is not None and site.path in linked):
                continue
            out.append(escape.inline(body[pos : mention.start], strip=False))
            out.append(self.link(page, site, mention.text))
            if linked is not None:
                linked.add(site.path)
            pos = mention.end
        out.append(escape.inline(body[pos : span.end], strip=False))
        return Markup("".join(out).strip())

    # --- pages ---

    def brief_page(self, brief: Brief) -> str:
        page = brief_path(brief)
        linked: set[str] = set()
        return self.env.get_template("brief.md.j2").render(
            page=page,
            brief=brief,
            article=brief.article,
            source_url=escape.url(brief.article.url),
            summary=[
                (self.linked_span(page, brief, s, linked), brief.article.paragraph_of(s.start)) for s in brief.summary
            ],
            facts=[
                (
                    f,
                    self.linked_span(
                        page, brief, Span(start=f.start, end=f.end, text=f.text), linked, sentence_case=True
                    ),
                    brief.article.paragraph_of(f.start),
                )
                for f in brief.facts
            ],
            quote_groups=views.quote_groups(self.catalog, brief),
            claim_rows=views.claim_rows(self.catalog, brief),
            sourcing_summary=views.sourcing_summary(brief.claims),
            mentioned=views.mentioned(self.catalog, brief),
            link=lambda target, text=None, anchor="": self.link(page, target, text, anchor),
            paragraph_of=brief.article.paragraph_of,
        )

    def entity_page(self, entity: SiteEntity) -> str:
        page = entity.path
        return self.env.get_template(f"{entity.kind}.md.j2").render(
            page=page,
            entity=entity,
            roles=views.roles(entity),
            aliases=sorted(entity.aliases, key=str.casefold),
            quotes=views.quotes_by_brief(entity),
            claims=views.claims_by_brief(entity),
            facts=views.facts_mentioning(self.catalog, entity),
            spokespeople=views.spokespeople(self.catalog, entity),
            together=views.together(self.catalog, entity),
            appears_max=views.APPEARS_WITH_MAX,
            link=lambda target, text=None, anchor="": self.link(page, target, text, anchor),
            paragraph_of=lambda brief, offset: brief.article.paragraph_of(offset),
            coordinates=views.coordinates(entity),
        )

    def briefs_index(self) -> str:
        page = index_path(BRIEFS)
        return self.env.get_template("briefs_index.md.j2").render(
            page=page,
            briefs=self.catalog.briefs,
            link=lambda target, text=None, anchor="": self.link(page, target, text, anchor),
        )

    def entity_index(self, kind: EntityKind) -> str:
        page = index_path(FOLDERS[kind])
        return self.env.get_template("entity_index.md.j2").render(
            page=page,
            title=SECTION_TITLES[kind],
            kind=kind,
            letters=views.by_initial(self.catalog, kind),
            link=lambda target, text=None, anchor="": self.link(page, target, text, anchor),
        )

    def pages(self) -> Iterable[tuple[str, str]]:
        """Every generated page as (path below docs/, Markdown), in a stable order."""
        for brief in sorted(self.catalog.briefs, key=lambda b: b.article.slug):
            yield brief_path(brief), self.brief_page(brief)
        yield index_path(BRIEFS), self.briefs_index()
        for kind in ENTITY_KINDS:
            for entity in self.catalog.of_kind(kind):
                yield entity.path, self.entity_page(entity)
            yield index_path(FOLDERS[kind]), self.entity_index(kind)
