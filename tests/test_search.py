"""The Pagefind index of the built site: what is marked for search, and how safely.

Uses the hostile site (seed plus hostile fixtures) that ``mkdocs build`` built,
so the plugin's post-build indexing is what is checked.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.search import indexed_pages
from tests.sitetools import cli, hostile_site, make_project, mkdocs_build, scan

pytestmark = pytest.mark.slow
SEED_SLUG = "000-8dabb732faecaf91"


@pytest.fixture(scope="module")
def site() -> Path:
    return hostile_site() / "site"


def _html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_the_plugin_writes_a_pagefind_index_and_no_lunr_index(site: Path) -> None:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == indexed_pages(site / "pagefind") > 0
    assert not (site / "search" / "search_index.json").exists()
    assert list((site / "pagefind" / "fragment").glob("*.pf_fragment"))


def test_briefs_and_entity_pages_are_searched_but_lists_are_not(site: Path) -> None:
    brief = _html(site, f"briefs/{SEED_SLUG}")
    assert brief.count("data-pagefind-body") == 1
    assert '<span data-pagefind-filter="kind">brief</span>' in brief
    mentioned = brief.index('id="mentioned"')
    assert brief.index("data-pagefind-ignore", mentioned) < brief.index('nb-original')
    assert 'data-pagefind-weight="0.2"' in brief[brief.index('nb-original') :]
    # An entity's page is searched when it gathers several briefs (else its one brief is found);
    # then its name and roles are searched, and its lists are not.
    searched = 0
    for page in sorted((site / "people").glob("*/index.html")) + sorted((site / "places").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        count = re.search(r"ppears in (\d+) brief", html)
        assert count is not None, page
        assert ("data-pagefind-body" in html) == (int(count.group(1)) > 1), page
        if int(count.group(1)) > 1:
            searched += 1
            assert html.index("data-pagefind-ignore", html.index("</h1>")) < html.index('id="briefs"'), page
    for listing in ("briefs", "people", "places", "organizations", "."):
        assert "data-pagefind-body" not in _html(site, listing), listing


def test_filter_values_from_articles_are_text(site: Path) -> None:
    evil = next(p for p in (site / "briefs").glob("*/index.html") if "Evil Gazette" in p.read_text(encoding="utf-8"))
    html = evil.read_text(encoding="utf-8")
    outlets = re.findall(r'<span data-pagefind-filter="outlet">(.*?)</span>', html)
    assert len(outlets) == 1 and outlets[0].startswith("&lt;b ") and "Evil Gazette&lt;/b&gt;" in outlets[0], outlets
    assert not any(e.tag == "b" and "onmouseover" in e.attrs for e in scan(html).elements)


def test_search_index_command_indexes_a_site_built_elsewhere(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
    result = cli("search-index", str(copy))
    assert result.exit_code == 0, result.output
    assert indexed_pages(copy / "pagefind") == indexed_pages(site / "pagefind")
    assert f"indexed {indexed_pages(site / 'pagefind')} page(s)" in result.output


def test_an_entity_of_several_briefs_is_searched_by_name(tmp_path: Path) -> None:
    storm = "Storm reaches Lisbon\n\nA storm hit Lisbon on Wednesday, cutting power to thousands of homes.\n"
    ferry = "Ferries stop in Lisbon\n\nFerries across the river in Lisbon stopped on Thursday after the storm.\n"
    project = make_project(tmp_path / "p", files={"seeds/storm.txt": storm, "seeds/ferry.txt": ferry})
    assert cli("build", "--root", str(project)).exit_code == 0
    site = mkdocs_build(project)
    lisbon = _html(site, "places/lisbon")
    assert "data-pagefind-body" in lisbon and '<span data-pagefind-filter="kind">place</span>' in lisbon
    assert lisbon.index("data-pagefind-ignore", lisbon.index("</h1>")) < lisbon.index('id="briefs"')
    assert indexed_pages(site / "pagefind") == 5  # two briefs, Lisbon, the about and scale pages
