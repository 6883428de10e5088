"""The news front on hand-built briefs (no model): pagination, anchors, original text, JSON-LD, feeds, who is quoted."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree as ET

import frontmatter
import pytest

from generator.model import Brief, Claim
from generator.site import feeds, jsonld
from generator.site.catalog import build_catalog
from generator.site.paginate import PAGE_SIZE, paginate
from generator.site.render import Renderer
from tests.test_render import BODY, TEMPLATES, _span, make_brief

HEADLINE_BODY = (
    "Council says the bridge will open in May\n\n"
    "The City Council of Testville said the bridge will open in May.\n"
    "“We are ready,” said Ada Lovelace, the mayor of Testville.\n"
)


def _many(n: int) -> list[Brief]:
    start = dt.date(2025, 1, 1)
    return [make_brief(BODY, slug=f"b{i:03d}", date=start + dt.timedelta(days=3 * i)) for i in range(n)]


def _anchors_exist(pages: dict[str, str]) -> list[str]:
    """Every ``#pN`` link in the generated Markdown whose page defines no such anchor."""
    missing = []
    for path, text in pages.items():
        for target, anchor in re.findall(r"\]\(([^)#\s]*)#(p\d+)\)", text):
            folder = path.rsplit("/", 1)[0] if "/" in path else ""
            to = path if not target else _join(folder, target)
            if f'<a id="{anchor}"></a>' not in pages.get(to, ""):
                missing.append(f"{path} -> {to}#{anchor}")
    return missing


def _join(folder: str, target: str) -> str:
    parts = [p for p in folder.split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def test_paginate_splits_and_links_neighbours() -> None:
    pages = paginate(list(range(45)), "briefs/index.md", 20)
    assert [p.path for p in pages] == ["briefs/index.md", "briefs/page/2.md", "briefs/page/3.md"]
    assert [len(p.items) for p in pages] == [20, 20, 5]
    assert pages[0].previous is None and pages[0].next == "briefs/page/2.md"
    assert pages[2].previous == "briefs/page/2.md" and pages[2].next is None
    assert paginate([], "x/index.md")[0].items == ()


def test_list_pages_stay_small_however_many_briefs() -> None:
    briefs = _many(3 * PAGE_SIZE + 1)
    pages = dict(Renderer(TEMPLATES, build_catalog(briefs)).pages())
    lists = [p for p in pages if p.startswith("briefs/") and ("index.md" in p or "/page/" in p)]
    assert "briefs/page/4.md" in pages and "briefs/page/5.md" not in pages
    for path in lists:
        assert pages[path].count('class="nb-card"') <= PAGE_SIZE, path
    home = pages["index.md"]
    assert home.count('class="nb-card"') == 10
    # Newest first: the last brief made is the newest.
    assert home.index("Bridge news b060") < home.index("Bridge news b059")
    # The archive: one list per month, each paginated, and a page of months.
    assert "briefs/archive/index.md" in pages
    assert "briefs/archive/2025-01/index.md" in pages
    assert "[January 2025](../archive/2025-01/index.md)" not in pages["briefs/archive/index.md"]
    assert "[January 2025](2025-01/index.md) (11 briefs)" in pages["briefs/archive/index.md"]


def test_entity_indexes_are_paginated_with_letter_jumps() -> None:
    from generator.site.front import ENTITY_PAGE_SIZE

    briefs = []
    for i in range(ENTITY_PAGE_SIZE + 30):
        b = make_brief(BODY, slug=f"e{i:03d}", hostile_name=f"Zed Person{i:03d}" if i % 2 else f"Abe Person{i:03d}")
        briefs.append(b)
    pages = dict(Renderer(TEMPLATES, build_catalog(briefs)).pages())
    assert "people/page/2.md" in pages
    first = pages["people/index.md"]
    assert first.count("\n- [") == ENTITY_PAGE_SIZE
    assert "[A](index.md#letter-a)" in first and "[Z](" in first
    assert "#letter-z" in first
    assert "{ #letter-z }" in pages["people/page/2.md"] or "{ #letter-z }" in first


def test_no_link_to_an_anchor_that_does_not_exist_when_a_claim_is_in_the_headline() -> None:
    """Hardening #16 class 4: a claim found in the headline used to link to ``#p0``."""
    brief = make_brief(HEADLINE_BODY, slug="headline")
    assert brief.article.headline is not None
    in_headline = _span(HEADLINE_BODY, "the bridge will open in May")
    assert brief.article.paragraph_of(in_headline.start) == 0
    brief = replace(
        brief,
        claims=(*brief.claims, Claim(source="City Council", kind="government", claim=in_headline, cue="says")),
    )
    pages = dict(Renderer(TEMPLATES, build_catalog([brief])).pages())
    assert not [p for p, text in pages.items() if "#p0" in text]
    assert _anchors_exist(pages) == []
    assert "headline of Bridge news headline" in pages["organizations/city-council.md"]


@pytest.mark.parametrize("url", ["https://example.org/story", None])
def test_original_text_none_links_to_the_original_or_shows_plain_text(url: str | None) -> None:
    brief = make_brief(BODY, slug="linked")
    brief = replace(brief, article=replace(brief.article, url=url))
    pages = dict(Renderer(TEMPLATES, build_catalog([brief]), original_text="none").pages())
    page = pages["briefs/linked.md"]
    assert '<a id="p1">' not in page and "Original article (" not in page
    assert "](#p" not in page and not [p for p, text in pages.items() if re.search(r"#p\d", text)]
    if url:
        assert f"[¶1]({url})" in page and "[Read the original article](https://example.org/story)" in page
    else:
        assert "¶1" in page and "[¶1]" not in page


def test_full_original_text_is_folded_and_every_paragraph_link_has_a_name() -> None:
    brief = make_brief(BODY, slug="full")
    page = Renderer(TEMPLATES, build_catalog([brief])).brief_page(brief)
    assert '??? quote nb-original "Original article (2 paragraphs)"' in page
    assert '    <a id="p1"></a>**1**' in page
    links = re.findall(r"\[¶(\d+)\]\(#p(\d+)\)\{ \.nb-para aria-label=\"paragraph (\d+)\" \}", page)
    assert links and all(a == b == c for a, b, c in links)
    assert "[¶" not in re.sub(r"\[¶\d+\]\(#p\d+\)\{[^}]*\}", "", page)  # no ¶ link without a name


def test_json_ld_cannot_end_its_script_element() -> None:
    hostile = "</script><script>alert(1)</script> & <!--"
    brief = make_brief(BODY, slug="ld")
    brief = replace(brief, title=hostile, article=replace(brief.article, source=hostile, author="A </SCRIPT>"))
    data = jsonld.news_article(brief, summary=hostile, mentions=[("person", hostile)], quotes=[(hostile, hostile)],
                               url="https://example.org/a")
    text = jsonld.script_safe(data)
    assert not set("<>&") & set(text)
    assert json.loads(text) == data
    page = Renderer(TEMPLATES, build_catalog([brief])).brief_page(brief)
    meta = frontmatter.loads(page).metadata
    assert json.loads(meta["jsonld"])["headline"] == hostile
    assert json.loads(meta["jsonld"])["hasPart"][0]["@type"] == "Quotation"


def test_feeds_parse_escape_and_leave_out_nothing_dated() -> None:
    site = feeds.FeedSite(title="newsbrief", url="https://example.org/site/", description="Briefs")
    items = [
        feeds.FeedItem(url=f"https://example.org/site/briefs/b{i}/", title=f"Q&amp;A {i}",
                       summary_html="&lt;img src=x onerror=alert(1)&gt;", date=dt.date(2025, 1, i + 1))
        for i in range(3)
    ]
    root = ET.fromstring(feeds.rss(site, items))
    titles = [i.findtext("title") for i in root.iter("item")]
    assert titles == ["Q&A 2", "Q&A 1", "Q&A 0"]
    # The description is HTML: a reader shows the tag as text.
    assert next(root.iter("description")).text == "Briefs"
    assert root.find("./channel/item/description").text == "&lt;img src=x onerror=alert(1)&gt;"  # type: ignore[union-attr]
    data = json.loads(feeds.json_feed(site, items))
    assert data["items"][0]["date_published"] == "2025-01-03T00:00:00+00:00"
    assert data["items"][0]["summary"] == "<img src=x onerror=alert(1)>"
    assert data["items"][0]["content_html"] == "&lt;img src=x onerror=alert(1)&gt;"
    assert len(json.loads(feeds.json_feed(site, items * 30))["items"]) == feeds.FEED_LENGTH


def test_who_is_quoted_counts_shares_and_links_them() -> None:
    briefs = _many(3)
    briefs[0] = replace(briefs[0], claims=(*briefs[0].claims, Claim(source="officials", kind="unnamed")))
    briefs[1] = replace(briefs[1], article=replace(briefs[1].article, source="Daily Test"))
    pages = dict(Renderer(TEMPLATES, build_catalog(briefs)).pages())
    page = pages["quoted/index.md"]
    assert "Of 7 attributed claims in all" in page
    assert "**Unnamed sources:** [1 (14%)](all/unnamed/index.md){ .nb-num }" in page
    assert "**Official bodies:** [3 (43%)](all/official/index.md){ .nb-num }" in page
    assert "**Daily Test**, 2 claims" in page
    assert "[Ada Lovelace](../people/ada-lovelace.md): [3 quotes](../people/ada-lovelace.md#quotes)" in page
    assert pages["quoted/all/official/index.md"].count('class="nb-card"') == 3
    assert "quoted/all/state/index.md" not in pages  # nothing behind a zero


def test_cli_brief_without_the_original_text() -> None:
    from tests.sitetools import SEED, cli

    full = cli("brief", str(SEED))
    none = cli("brief", str(SEED), "--original-text", "none")
    assert full.exit_code == none.exit_code == 0
    assert '<a id="p1"></a>' in full.output and "](#p1)" in full.output
    # The seed gives no address: the ¶ marks stay, as plain text, and nothing links to #pN.
    assert '<a id="p1"></a>' not in none.output and "Original article (" not in none.output
    assert "¶1" in none.output and not re.search(r"\]\(#p\d+\)", none.output)


@pytest.mark.slow
def test_plugin_original_text_none_builds_strict(tmp_path: Path) -> None:
    """``original_text: none`` in mkdocs.yml: no article text on the site, ¶ links to the original."""
    from tests.sitetools import SEED, SITE_FIXTURES, make_project, mkdocs_build

    project = make_project(tmp_path / "p", [SEED, SITE_FIXTURES / "grain_talks.md"])
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "original_text: full" in text
    config.write_text(text.replace("original_text: full", "original_text: none"), encoding="utf-8")
    site = mkdocs_build(project, strict=True)
    grain = (site / "briefs" / "grain-talks" / "index.html").read_text(encoding="utf-8")
    assert 'id="p1"' not in grain and "Original article (" not in grain
    assert 'href="https://example.org/harbour-ledger/2025/11/03/grain-talks-geneva"' in grain
    assert 'aria-label="paragraph 1, in the original article"' in grain
    seed = (site / "briefs" / "000-8dabb732faecaf91" / "index.html").read_text(encoding="utf-8")
    assert 'id="p1"' not in seed and 'href="#p' not in seed


def test_paragraph_link_name_survives_a_hostile_title() -> None:
    """The title goes into an attribute list: backticks, braces and quotes must not break it."""
    from tests.sitetools import scan
    from tests.test_escape import render

    brief = replace(make_brief(BODY, slug="hostile"), title='`code` {#id .cls} "quoted" _em_ <b>')
    pages = dict(Renderer(TEMPLATES, build_catalog([brief])).pages())
    html = scan(render(pages["organizations/city-council.md"].split("---\n", 2)[2]))
    assert not {e.tag for e in html.elements} & {"code", "b"}
    links = [e for e in html.elements if e.tag == "a" and e.attrs.get("aria-label", "").startswith("paragraph")]
    assert links and links[0].attrs["aria-label"] == "paragraph 1 of code id .cls quoted em b"
