"""Which names earn a page: evidence of their kind from one article, or two articles naming them.

Hand-built briefs (no model): extraction's part, the ``evidence`` it records, is
tested in test_entities.py.
"""

from __future__ import annotations

from dataclasses import replace

from generator.model import Brief, Entity, Quote
from generator.site.catalog import build_catalog
from generator.site.render import Renderer
from tests.test_render import BODY, TEMPLATES, _span, make_brief

LONE = "Bridge Works"
"""A name the text holds once: ``BODY`` has no such words, so each test adds them."""


def _with_org(slug: str, evidence: tuple[str, ...] | None, *, said: bool = False) -> Brief:
    brief = make_brief(BODY + f"The work was done by {LONE}.\n", slug=slug)
    body = brief.article.body
    org = Entity(name=LONE, kind="organization", mentions=(_span(body, LONE),), evidence=evidence)
    quotes = brief.quotes
    if said:
        quotes = (*quotes, Quote(text="“Done,”", start=0, end=1, kind="direct", speaker=LONE, cue="said"))
    return replace(brief, organizations=(*brief.organizations, org), quotes=quotes)


def test_one_model_label_in_one_article_earns_no_page_and_stays_plain_text() -> None:
    brief = _with_org("one", ())
    site = build_catalog([brief])
    assert site.find(brief, "organization", LONE) is None
    assert [e.name for e in site.of_kind("organization")] == ["City Council"]
    page = Renderer(TEMPLATES, site).brief_page(brief)
    assert f"by {LONE}." in page and f"[{LONE}]" not in page
    # No other page lists it among the names it appears with (a link to no page).
    assert all(k != ("organization", LONE.casefold()) for e in site.entities.values() for k in e.together)


def test_a_second_article_naming_it_promotes_it_to_a_page() -> None:
    one, two = _with_org("one", ()), _with_org("two", ())
    site = build_catalog([one, two])
    page = site.find(one, "organization", LONE)
    assert page is not None and page is site.find(two, "organization", LONE)
    assert f"[{LONE}](../organizations/" in Renderer(TEMPLATES, site).brief_page(one)


def test_evidence_from_one_article_is_enough() -> None:
    brief = _with_org("one", ("head",))
    assert build_catalog([brief]).find(brief, "organization", LONE) is not None


def test_whoever_speaks_earns_a_page() -> None:
    brief = _with_org("one", (), said=True)
    assert build_catalog([brief]).find(brief, "organization", LONE) is not None


def test_an_entity_nobody_assessed_is_taken_on_trust() -> None:
    brief = _with_org("one", None)
    assert build_catalog([brief]).find(brief, "organization", LONE) is not None


def test_a_promotion_renders_the_first_brief_again() -> None:
    """The first brief must link the new page: its input hash covers which names have pages."""
    from generator.site.incremental import Fingerprints

    one, two = _with_org("one", ()), _with_org("two", ())
    other = make_brief(BODY + f"The work was done by {LONE}.\n", slug="two")  # the name, but not as an entity
    alone = Fingerprints(build_catalog([one, other])).brief(one)
    assert Fingerprints(build_catalog([one, other])).brief(one) == alone
    assert Fingerprints(build_catalog([one, two])).brief(one) != alone
