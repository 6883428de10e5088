"""Turn briefs and the catalog into Markdown pages through Jinja templates.

Every value a template prints is escaped for Markdown by default (see
``_finalize``); only the link helpers here, which escape their own text, may
return :class:`Markup`. A template therefore cannot leak article text into the
page structure by forgetting a filter.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

import jinja2
from markupsafe import Markup

from generator.model import ENTITY_KINDS, Brief, Fact, Span
from generator.site import escape, jsonld, layout, quoted, views
from generator.site.catalog import Catalog, SiteEntity
from generator.site.front import Front, long_date
from generator.site.incremental import Fingerprints, Job, PageGroup, PageJob, rendered
from generator.site.paginate import Page, paginate
from generator.site.related import Related

OriginalText = Literal["full", "none"]
"""Whether a brief republishes the article's text (``full``) or only links to it (``none``)."""

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
ENTITY_BRIEFS = 20
"""Briefs an entity page gathers before its older briefs go to a next page: twenty briefs'
quotes and claims read in one sitting, and keep each page's size independent of the site's."""
_NOT_PLAIN = re.compile(r"[^\w\s.,;:!?'’‘()\-–—/]|_")


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

    def __init__(self, templates: Path, catalog: Catalog, *, original_text: OriginalText = "full") -> None:
        self.catalog = catalog
        self.original_text = original_text
        self.related = Related(catalog)
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
            # Front-matter values the theme escapes itself (the search partial's filters).
            yaml_text=lambda s: Markup(escape.yaml_string(str(s))),
            attr=lambda s: Markup(escape.attr(str(s))),
            # Script-safe JSON (no < > &, see site.jsonld) as a YAML string, not HTML-escaped.
            yaml_json=lambda s: Markup(escape.yaml_string(str(s))),
            # A fact cut from a longer sentence may start in lower case.
            sentence=lambda s: str(s)[:1].upper() + str(s)[1:],
        )
        self.env.globals.update(
            kind_label=KIND_LABELS.get, flag_label=FLAG_LABELS.get, when=views.when, long_date=long_date
        )

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

    def href(self, page: str, to: str) -> str:
        """A relative link target from one generated page to another."""
        return relative(page, to)

    def pilcrow(self, page: str, brief: Brief, para: int, text: str | None = None) -> Markup:
        """A link to paragraph ``para`` of the brief's article, only to an anchor that exists.

        With the original text on the brief page, ``#pN`` there; without it, the
        original article's address when known, else plain text. Paragraph 0 (a
        claim found in the headline) has no anchor anywhere: the brief itself.
        The link's accessible name says "paragraph 5", not "pilcrow 5".
        """
        same = page == brief_path(brief)
        if para <= 0:
            if same:
                return Markup("(headline)")
            return self.link(page, brief, f"headline of {brief.title}")
        label = text or f"¶{para}"
        name = f"paragraph {para}" + ("" if same else f" of {_plain(brief.title)}")
        if self.original_text == "full":
            href = ("" if same else relative(page, brief_path(brief))) + f"#p{para}"
        else:
            url = escape.url(brief.article.url)
            if url is None:
                if same:
                    return Markup(escape.inline(label))
                return self.link(page, brief, text)
            href, name = url, f"{name}, in the original article"
        short = " .nb-para" if text is None else ""  # "¶5" never breaks; "¶5 of <title>" may
        return Markup(f'[{escape.inline(label)}]({href}){{{short} aria-label="{escape.attr(name)}" }}')

    def linked_span(
        self,
        page: str,
        brief: Brief,
        span: Span,
        linked: set[str] | None = None,
        *,
        sentence_case: bool = False,
        dated: bool = False,
    ) -> Markup:
        """Article text with the first mention of each entity in it linked to its page.

        ``sentence_case`` capitalises a lower-case first letter, for a fact that
        is a clause cut from a longer sentence; the words stay the article's.
        ``dated`` shows the date a relative expression means after it, in
        brackets ("on Wednesday (12 March)"), from ``brief.dates``.
        """
        notes = {d.expression.end: d.note for d in brief.dates} if dated else {}
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

        def text(a: int, b: int) -> str:
            parts, at = [], a
            for offset in sorted(o for o in notes if a < o <= b):
                parts.append(escape.inline(body[at:offset], strip=False) + " (" + escape.inline(notes[offset]) + ")")
                at = offset
            return "".join(parts) + escape.inline(body[at:b], strip=False)

        out, pos = [], span.start
        for mention, site in sorted(mentions, key=lambda x: (x[0].start, -x[0].end)):
            if mention.start < pos or (linked is not None and site.path in linked):
                continue
            out.append(text(pos, mention.start))
            out.append(self.link(page, site, mention.text))
            if linked is not None:
                linked.add(site.path)
            pos = mention.end
        out.append(text(pos, span.end))
        return Markup("".join(out).strip())

    def fact_markup(self, page: str, brief: Brief, fact: Fact, linked: set[str]) -> Markup:
        """A key fact as shown: the article's words, a leading "He" replaced by the name the extractor resolved.

        ``fact.text`` differs from the body only there ("John Smith was charged"
        for "He was charged"); the rest is linked like any span of the article.
        The name is the brief's inference, not the article's words, so it is
        shown in square brackets, the newsroom's mark for an inserted word.
        """
        body = brief.article.body
        source = body[fact.start : fact.end]
        cut = source.find(" ")
        if fact.text == source or cut < 0 or not fact.text.endswith(source[cut:]):
            span = Span(start=fact.start, end=fact.end, text=fact.text)
            return self.linked_span(page, brief, span, linked, sentence_case=True, dated=True)
        name = fact.text[: len(fact.text) - len(source) + cut]
        rest = Span(start=fact.start + cut, end=fact.end, text=source[cut:])
        return Markup(escape.inline(f"[{name}]") + " ") + self.linked_span(page, brief, rest, linked, dated=True)

    # --- pages ---

    def brief_jsonld(self, brief: Brief) -> str:
        mentioned = views.mentioned(self.catalog, brief)
        return jsonld.script_safe(
            jsonld.news_article(
                brief,
                summary=" ".join(s.text for s in brief.summary),
                mentions=[(site.kind, site.name) for pages in mentioned.values() for site in pages],
                quotes=[
                    (q.text, g.page.name if g.page is not None else g.speaker)
                    for g in views.quote_groups(self.catalog, brief)
                    for q in g.quotes
                ],
                url=escape.url(brief.article.url),
            )
        )

    def brief_page(self, brief: Brief) -> str:
        page = brief_path(brief)
        linked: set[str] = set()
        return self.env.get_template("brief.md.j2").render(
            jsonld=self.brief_jsonld(brief),
            related=self.related.of(brief),
            original_text=self.original_text,
            para_link=lambda para: self.pilcrow(page, brief, para),
            time_tag=_time_tag(brief),
            page=page,
            brief=brief,
            article=brief.article,
            source_url=escape.url(brief.article.url),
            summary=[
                (self.linked_span(page, brief, s, linked, dated=True), brief.article.paragraph_of(s.start))
                for s in brief.summary
            ],
            facts=[
                (f, self.fact_markup(page, brief, f, linked), brief.article.paragraph_of(f.start)) for f in brief.facts
            ],
            more_facts=[
                (f, self.fact_markup(page, brief, f, linked), brief.article.paragraph_of(f.start))
                for f in brief.more_facts
            ],
            quote_groups=views.quote_groups(self.catalog, brief),
            claim_rows=views.claim_rows(self.catalog, brief),
            sourcing_summary=views.sourcing_summary(brief.claims),
            mentioned=views.mentioned(self.catalog, brief),
            link_run=views.LINK_RUN,
            link=lambda target, text=None, anchor="": self.link(page, target, text, anchor),
            paragraph_of=brief.article.paragraph_of,
        )

    def entity_pages(self, entity: SiteEntity) -> Iterator[tuple[str, str]]:
        """The entity's page and, past ``ENTITY_BRIEFS`` briefs, its older pages.

        What a page shows grows with the briefs it gathers; an entity in a
        hundred thousand briefs would make one page no browser or Markdown
        converter handles. So each page gathers the quotes, claims and facts of
        ``ENTITY_BRIEFS`` briefs, newest first, and links to the next; the first
        page alone carries what is about the entity as a whole (name, roles,
        map, who it appears with).
        """
        folder = entity.path.removesuffix(".md")
        for pager in paginate(entity.briefs, entity.path, ENTITY_BRIEFS, folder=folder):
            yield pager.path, self.entity_page(entity, pager)

    def entity_page(self, entity: SiteEntity, pager: Page[Brief] | None = None) -> str:
        """One page of the entity (the first unless ``pager`` says otherwise)."""
        if pager is None:
            pager = paginate(entity.briefs, entity.path, ENTITY_BRIEFS)[0]
        page = pager.path
        here = pager.items
        first = pager.number == 1
        return self.env.get_template(f"{entity.kind}.md.j2").render(
            page=page,
            entity=entity,
            pager=pager,
            first_page=first,
            briefs=here,
            roles=views.roles(entity) if first else {},
            # Case-folded first, then exact: Kyiv/KYIV must not keep a set's (hash-seeded) order.
            aliases=sorted(entity.aliases, key=lambda a: (a.casefold(), a)),
            quotes=views.on_page(views.quotes_by_brief(entity), here),
            claims=views.on_page(views.claims_by_brief(entity), here),
            facts=views.facts_mentioning(self.catalog, entity, here),
            spokespeople=views.spokespeople(self.catalog, entity) if first else [],
            together=views.together(self.catalog, entity) if first else {},
            appears_max=views.APPEARS_WITH_MAX,
            appears_all=views.APPEARS_WITH_ALL,
            link_run=views.LINK_RUN,
            link=lambda target, text=None, anchor="": self.link(page, target, text, anchor),
            href=lambda to: self.href(page, to),
            paragraph_of=lambda brief, offset: brief.article.paragraph_of(offset),
            para_link=lambda brief, para, text=None: self.pilcrow(page, brief, para, text),
            coordinates=views.coordinates(entity),
        )

    def jobs(self) -> Iterable[Job]:
        """Every generated page, not yet rendered, with the hash of its inputs.

        Briefs and entity pages are rendered only when their inputs changed; the
        list pages (home, briefs, A–Z, "who is quoted") are one group, rendered
        together when what they show of any brief or entity changed.
        """
        fp = Fingerprints(self.catalog)
        for brief in sorted(self.catalog.briefs, key=lambda b: b.article.slug):
            yield PageJob(
                path=brief_path(brief), fingerprint=fp.brief(brief), render=functools.partial(self.brief_page, brief)
            )
        for kind in ENTITY_KINDS:
            for entity in self.catalog.of_kind(kind):
                if len(entity.briefs) <= ENTITY_BRIEFS:
                    yield PageJob(
                        path=entity.path,
                        fingerprint=fp.entity(entity),
                        render=functools.partial(self.entity_page, entity),
                    )
                else:  # how many pages it has is known once paginated
                    yield PageGroup(fingerprint=fp.entity(entity), render=functools.partial(self.entity_pages, entity))
        yield PageGroup(fingerprint=fp.lists(), render=self.list_pages)

    def list_pages(self) -> Iterator[tuple[str, str]]:
        """The pages that list the whole site, paginated."""
        front = Front(self)
        yield "index.md", front.home()
        yield from front.briefs()
        yield from front.entity_indexes()
        yield from quoted.pages(front)

    def pages(self) -> Iterable[tuple[str, str]]:
        """Every generated page as (path below docs/, Markdown), in a stable order."""
        return rendered(self.jobs())


def _plain(text: str) -> str:
    """Words and plain punctuation only, for an attribute inside a Markdown attribute list
    (a backtick, brace, quote or bracket there would end the list or start a code span)."""
    return " ".join(_NOT_PLAIN.sub(" ", text).split())


def _time_tag(brief: Brief) -> Markup | None:
    """``<time datetime="2025-11-05">5 November 2025</time>`` for the dateline."""
    date = brief.article.date
    if date is None:
        return None
    return Markup(f'<time datetime="{date.isoformat()}">{long_date(date)}</time>')
