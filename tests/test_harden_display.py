"""Issue 16, class 7: display spoofing.

A right-to-left override in an article must not reverse the quote and the cue
around it, and a name written with a zero-width space or a look-alike letter
from another script must join the real page (with a warning), not make a
second page that looks identical.
"""

from __future__ import annotations

import pytest

from generator.pipeline import Settings, catalog, extract_all, read_articles
from generator.site import escape
from generator.site.textsafety import FSI, PDI, display_name, name_problems
from tests.sitetools import FIXTURES, article_html, hostile_site

SPOOF = FIXTURES / "hostile" / "bidi_spoof.txt"
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize("text", ["deal\u202e, said", "closed,\u2069\u202e\u201d said", "\u2066x\u2067y\u202dz"])
def test_bidi_controls_never_reach_a_page(text: str) -> None:
    for shown in (escape.inline(text), escape.attr(text), escape.yaml_string(text)):
        assert not set(shown) & set(BIDI_CONTROLS), shown


def test_right_to_left_text_is_isolated() -> None:
    shown = escape.inline("the envoy \u064a\u0648\u0633\u0641 agreed")
    assert shown == f"{FSI}the envoy \u064a\u0648\u0633\u0641 agreed{PDI}"
    assert escape.inline("plain English") == "plain English"


@pytest.mark.parametrize("name", ["Dmitry Pesk\u043ev", "Dmitry Pes\u200bkov", "Dmitry\u00a0Peskov",
                                  "\u202eDmitry Peskov", "Dmitry \uff30eskov"])
def test_look_alike_names_are_shown_as_the_real_one(name: str) -> None:
    assert display_name(name) == "Dmitry Peskov"


def test_look_alike_names_join_the_real_page_with_a_warning() -> None:
    articles, _ = read_articles([SPOOF])
    briefs, failures = extract_all(articles, Settings(cache=False))
    assert not failures
    people = [e for e in catalog(briefs).entities.values() if e.kind == "person"]
    assert [e.name for e in people if "esk" in e.name] == ["Dmitry Peskov"]
    (warning,) = name_problems(briefs)
    assert warning.severity == "warning" and "cyrillic and latin" in warning.message


@pytest.mark.slow
def test_the_built_site_has_no_override_and_one_page_per_name() -> None:
    site = hostile_site() / "site"
    html = article_html((site / "briefs" / "bidi-spoof" / "index.html").read_text(encoding="utf-8"))
    assert not set(html) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067")
    assert f"{FSI}" in html  # the Arabic name is isolated, and survives the strict build
    pages = sorted(p.name for p in (site / "people").iterdir() if "pesk" in p.name)
    assert pages == ["dmitry-peskov"]
