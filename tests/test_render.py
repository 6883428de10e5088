"""Rendering and the cross-brief catalog, on hand-built briefs (no model needed)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import frontmatter
import markdown

from generator import ingest
from generator.model import Brief, Claim, Entity, Quote, Span
from generator.site.catalog import build_catalog
from generator.site.render import Renderer, relative
from tests.conftest import ROOT

TEMPLATES = ROOT / "templates"


def _span(body: str, text: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return Span(start=start, end=start + len(text), text=text)


def make_brief(body: str, *, slug: str, date: dt.date | None = None, hostile_name: str | None = None) -> Brief:
    article = ingest.loads(body, f"{slug}.txt")
    article = replace(article, date=date)
    speaker = hostile_name or "Ada Lovelace"
    quote_text = "“We are ready,”"
    q = _span(body, quote_text)
    people = (
        Entity(
            name=speaker,
            kind="person",
            aliases=("Lovelace",),
            roles=("mayor of Testville",),
            mentions=(_span(body, speaker),) if speaker in body else (),
        ),
    )
    places = (Entity(name="Testville", kind="place", mentions=(_span(body, "Testville"),)),)
    orgs = (Entity(name="City Council", kind="organization", mentions=(_span(body, "City Council"),)),)
    claims = (
        Claim(source=speaker, kind="person", claim=q, cue="said"),
        Claim(
            source="City Council",
            kind="government",
            claim=_span(body, "the bridge will open"),
            cue="said",
            flags=("unverified",),
        ),
    )
    return Brief(
        article=article,
        title=f"Bridge news {slug}",
        summary=(_span(body, body.split("\n")[0]),),
        quotes=(Quote(text=quote_text, start=q.start, end=q.end, kind="direct", speaker=speaker, cue="said"),),
        claims=claims,
        people=people,
        places=places,
        organizations=orgs,
    )


BODY = (
    "The City Council of Testville said the bridge will open in May.\n"
    "“We are ready,” said Ada Lovelace, the mayor of Testville.\n"
)


def test_relative_links_between_pages() -> None:
    assert relative("briefs/a.md", "people/b.md") == "../people/b.md"
    assert relative("people/index.md", "people/b.md") == "b.md"


def test_catalog_merges_entities_across_briefs_newest_first() -> None:
    old = make_brief(BODY, slug="old", date=dt.date(2024, 1, 1))
    new = make_brief(BODY, slug="new", date=dt.date(2025, 1, 1))
    undated = make_brief(BODY, slug="undated")
    catalog = build_catalog([old, undated, new])
    assert [b.article.slug for b in catalog.briefs] == ["new", "old", "undated"]
    ada = catalog.entities[("person", "ada-lovelace")]
    assert [b.article.slug for b in ada.briefs] == ["new", "old", "undated"]
    assert len(ada.quotes) == 3 and ada.quotes[0][0] is new
    assert ada.together[("place", "testville")] == 3
    assert "Lovelace" in ada.aliases


def test_brief_page_groups_quotes_and_links_entities() -> None:
    brief = make_brief(BODY, slug="one")
    page = Renderer(TEMPLATES, build_catalog([brief])).brief_page(brief)
    assert "**[Ada Lovelace](../people/ada-lovelace.md)**, mayor of Testville" in page
    assert "> “We are ready,” — *said*&nbsp;[¶2](#p2){ .nb-para aria-label=\"paragraph 2\" }" in page
    assert "[Testville](../places/testville.md)" in page
    assert '<a id="p1"></a>**1** The City Council' in page
    assert "cannot be verified" in page


def test_hostile_names_stay_text() -> None:
    hostile = "<script>alert(1)</script> [x](javascript:alert(1)) {{ 7*7 }}"
    body = BODY.replace("Ada Lovelace", hostile)
    brief = make_brief(body, slug="bad", hostile_name=hostile)
    renderer = Renderer(TEMPLATES, build_catalog([brief]))
    for path, page in renderer.pages():
        meta, content = frontmatter.parse(page)
        assert "<" not in str(meta), path
        html = markdown.markdown(content, extensions=["tables", "attr_list", "md_in_html"])
        assert "<script>" not in html, path
        assert 'href="javascript:' not in html, path
        assert "49" not in page, path


def test_index_pages_list_every_entity(tmp_path: Path) -> None:
    brief = make_brief(BODY, slug="one")
    pages = dict(Renderer(TEMPLATES, build_catalog([brief])).pages())
    assert "- [Ada Lovelace](ada-lovelace.md) (1 brief)" in pages["people/index.md"]
    assert "[Bridge news one](one.md)" in pages["briefs/index.md"]
    assert set(pages) >= {
        "briefs/one.md",
        "people/ada-lovelace.md",
        "places/testville.md",
        "organizations/city-council.md",
    }


def test_aliases_file_renames_merges_hides_and_describes(tmp_path: Path) -> None:
    from generator.site.aliases import load_aliases

    aliases_file = tmp_path / "aliases.yml"
    aliases_file.write_text(
        "people:\n"
        "  Ada King:\n"
        "    merge: [Ada Lovelace]\n"
        "    description: Mathematician and mayor.\n"
        "places:\n"
        "  Testville:\n"
        "    hide: true\n",
        encoding="utf-8",
    )
    brief = make_brief(BODY, slug="one")
    catalog = build_catalog([brief], load_aliases(aliases_file))
    assert ("place", "testville") not in catalog.entities
    (ada,) = [e for e in catalog.entities.values() if e.kind == "person"]
    assert ada.name == "Ada King" and ada.description == "Mathematician and mayor."
    pages = dict(Renderer(TEMPLATES, catalog).pages())
    assert "Mathematician and mayor." in pages[ada.path]
    assert "places/testville.md" not in pages
    assert "[Testville]" not in pages["briefs/one.md"]


def test_an_entity_named_index_does_not_replace_the_index_page() -> None:
    body = "Index said the bridge will open. Testville and the City Council agree.\n“We are ready,” said Index.\n"
    brief = make_brief(body, slug="one")
    brief = replace(brief, organizations=(Entity(name="Index", kind="organization", mentions=(_span(body, "Index"),)),))
    pages = dict(Renderer(TEMPLATES, build_catalog([brief])).pages())
    assert "organizations/index-entity.md" in pages
    assert pages["organizations/index.md"].startswith("---\ntitle: \"Organisations\"")


def test_long_runs_of_names_are_split_and_capped() -> None:
    """A place named beside 300 people: no Markdown paragraph holds more than LINK_RUN links (one
    paragraph of n links is quadratic in Python-Markdown) and the folded rest stops at APPEARS_WITH_ALL."""
    from generator.site import views

    names = [f"Person Number{i:03d}" for i in range(300)]
    body = BODY + "".join(f"{n} was there.\n" for n in names)
    brief = make_brief(body, slug="crowd")
    crowd = tuple(Entity(name=n, kind="person", mentions=(_span(body, n),)) for n in names)
    brief = replace(brief, people=brief.people + crowd)
    renderer = Renderer(TEMPLATES, build_catalog([brief]))
    pages = dict(renderer.pages())
    for path in ("briefs/crowd.md", "places/testville.md"):
        paragraphs = pages[path].split("\n\n")
        assert max(p.count("](") for p in paragraphs) <= views.LINK_RUN, path
    place = pages["places/testville.md"]
    shown = place.count("](../people/")
    assert shown == views.APPEARS_WITH_ALL
    assert f"and {301 - views.APPEARS_WITH_ALL} more" in place
    brief_page = pages["briefs/crowd.md"]
    assert all(f"[{n}](../people/" in brief_page for n in names)  # a brief lists every name it mentions
    assert brief_page.count("**People:**") == 1


def test_catalog_keeps_every_spelling_when_the_page_name_changes() -> None:
    """The first brief's spelling was the provisional page name; once most briefs
    write another, it must still be listed as 'also written' (it was dropped)."""
    body = BODY + "Kyiv welcomed it.\n"
    kiev_body = body.replace("Kyiv", "Kiev")

    def with_place(text: str, name: str, slug: str) -> Brief:
        brief = make_brief(text, slug=slug)
        place = Entity(name=name, kind="place", mentions=(_span(text, name),))
        return replace(brief, places=(place,))

    catalog = build_catalog(
        [with_place(body, "Kyiv", "a1"), with_place(kiev_body, "Kiev", "b1"), with_place(kiev_body, "Kiev", "b2")]
    )
    (page,) = [e for e in catalog.of_kind("place") if "Kiev" in (e.name, *e.aliases)]
    assert page.name == "Kiev"
    assert "Kyiv" in page.aliases


def test_catalog_keeps_mr_and_mrs_of_one_surname_apart() -> None:
    """Two articles' "Mr Clinton" and "Mrs Clinton" are two people, each page titled with the courtesy."""

    def with_person(title: str, slug: str) -> Brief:
        text = BODY + f"{title} Clinton said the bridge was late. Clinton left.\n"
        brief = make_brief(text, slug=slug)
        person = Entity(
            name="Clinton", kind="person", aliases=(f"{title} Clinton",), mentions=(_span(text, "Clinton"),)
        )
        return replace(brief, people=(*brief.people, person))

    catalog = build_catalog([with_person("Mr", "a1"), with_person("Mrs", "b1"), with_person("Ms", "c1")])
    pages = {e.name: len(e.briefs) for e in catalog.of_kind("person") if "Clinton" in e.name}
    assert pages == {"Mr Clinton": 1, "Mrs Clinton": 2} or pages == {"Mr Clinton": 1, "Ms Clinton": 2}


def test_an_entity_in_many_briefs_gets_pages_of_its_briefs_newest_first() -> None:
    """45 briefs quote Ada Lovelace: her page gathers the newest ENTITY_BRIEFS briefs and their
    quotes, then older pages in a folder of her own; roles and company stay on the first page."""
    from generator.site.render import ENTITY_BRIEFS

    start = dt.date(2025, 1, 1)
    briefs = [make_brief(BODY, slug=f"day{i:02d}", date=start + dt.timedelta(days=i)) for i in range(45)]
    pages = dict(Renderer(TEMPLATES, build_catalog(briefs)).pages())
    first, second, third = (
        pages["people/ada-lovelace.md"],
        pages["people/ada-lovelace/page/2.md"],
        pages["people/ada-lovelace/page/3.md"],
    )
    assert "people/ada-lovelace/page/4.md" not in pages
    newest = [f"day{i:02d}" for i in range(44, -1, -1)]
    for page, slugs in ((first, newest[:ENTITY_BRIEFS]), (second, newest[ENTITY_BRIEFS : 2 * ENTITY_BRIEFS])):
        linked = re.findall(r"\(\.\./(?:\.\./\.\./)?briefs/(day\d\d)\.md\)", page.split("## Briefs")[1])
        assert linked == slugs
        assert page.count("> “We are ready,”") == ENTITY_BRIEFS  # the quotes of this page's briefs only
    assert third.count("> “We are ready,”") == 5
    assert "Appears in 45 briefs" in first and "**mayor of Testville**" in first and "## Appears with" in first
    assert "Appears in" not in second and "mayor of Testville" not in second and "## Appears with" not in second
    assert "Briefs 21–40 of 45, newest first" in second and "](../../ada-lovelace.md)" in second
    html = [markdown.markdown(p, extensions=["attr_list", "md_in_html"]) for p in (first, second)]
    assert '<a class="md-button" href="ada-lovelace/page/2.md">Older →</a>' in html[0]
    assert '<a class="md-button" href="../../ada-lovelace.md">← Newer</a>' in html[1]
    assert '<a class="md-button" href="3.md">Older →</a>' in html[1]
    meta = [frontmatter.loads(p).metadata for p in (first, second)]
    assert meta[0]["title"] == "Ada Lovelace" and "search" in meta[0]
    assert meta[1]["title"] == "Ada Lovelace, page 2" and "search" not in meta[1]  # found through page 1
