"""The built site in a real browser: search (Pagefind) finds a person and a quote, and no injected script runs.

Drives Debian's Chromium through Playwright (tests/browsertools.py)
against the site served on 127.0.0.1. Skipped when /usr/bin/chromium is
missing, except in CI (``CI=true``), where a missing browser is a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browsertools import chromium, serve
from tests.sitetools import hostile_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SEED_SLUG = "000-8dabb732faecaf91"
PESKOV_QUOTE = "There have indeed been contacts"


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    yield from serve(hostile_site() / "site")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from chromium()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A page on the local site; any request elsewhere is recorded (the site must make none).

    Requests are watched, not routed; ``page.search_bytes`` sums the bytes of
    every file fetched from the Pagefind bundle (what a reader downloads to search).
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.outside = []  # type: ignore[attr-defined]
    page.dialogs = []  # type: ignore[attr-defined]
    page.search_files = {}  # type: ignore[attr-defined]
    local = (base_url, "data:", "blob:")
    context.on("request", lambda r: None if r.url.startswith(local) else page.outside.append(r.url))

    def fetched(response: Any) -> None:
        if "/pagefind/" in response.url:
            page.search_files[response.url] = len(response.body())  # type: ignore[attr-defined]

    page.on("response", fetched)
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.set_default_timeout(20_000)
    try:
        yield page
    finally:
        context.close()


def _search(page: Any, query: str) -> list[str]:
    """Type ``query`` into the header's search box; the addresses of the results, best first.

    Pagefind loads on first use (slow on a busy machine); a query typed before
    that is typed again.
    """
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item").first
    for attempt in range(3):
        box.click()
        box.fill("")
        box.press_sequentially(query, delay=20)
        try:
            results.wait_for(timeout=20_000)
            break
        except Exception:
            if attempt == 2:
                raise
    page.wait_for_timeout(600)  # the debounced last query's results replace earlier ones
    return [a.get_attribute("href") or "" for a in page.locator(".md-search-result__item a").all()]


def test_search_finds_peskov_and_his_page_links_back(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/")
    found = _search(page, "Peskov")
    # His page (he is in two briefs of this site, so it is indexed) and the briefs quoting him
    # come first, before any page that only lists his name.
    top = [f.rstrip("/") for f in found[:3]]
    assert top and top[0].endswith(("people/dmitry-peskov", f"briefs/{SEED_SLUG}")), found
    assert any(f.endswith(f"briefs/{SEED_SLUG}") for f in top), found
    assert sum(page.search_files.values()) <= 300_000, page.search_files
    page.locator(f".md-search-result__item a[href*='briefs/{SEED_SLUG}']").first.click()
    page.wait_for_url(f"**/briefs/{SEED_SLUG}/**")
    page.locator("article a[href*='people/dmitry-peskov']").first.click()
    page.wait_for_url("**/people/dmitry-peskov/**")
    assert "Dmitry Peskov" in page.locator("article h1").inner_text()
    back = page.locator(f"article a[href*='briefs/{SEED_SLUG}']")
    assert back.count() >= 1
    assert page.outside == []  # no request left the machine
    if PESKOV_QUOTE not in page.locator("article").inner_text():
        pytest.xfail("the quote extractor does not attribute Peskov's quote to him yet")
    back.first.click()
    page.wait_for_url(f"**/briefs/{SEED_SLUG}/**")
    assert PESKOV_QUOTE in page.locator("article").inner_text()


def test_a_quote_phrase_finds_its_brief_first(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/about/")
    found = _search(page, "no mutual dialogue took place")
    assert found and found[0].rstrip("/").endswith(f"briefs/{SEED_SLUG}"), found
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url(f"**/briefs/{SEED_SLUG}/**")


def test_search_filters_by_kind_and_downloads_only_what_a_query_needs(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/")
    _search(page, "Peskov")
    assert "pagefind-worker.js" not in " ".join(page.search_files)  # searched on the page: one file less
    assert sum(url.endswith(".pf_fragment") for url in page.search_files) <= 10  # only the results shown
    page.locator("[data-nb-search-filters] button[data-kind='brief']").click()
    page.wait_for_timeout(800)
    briefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]
    assert briefs and all("/briefs/" in (h or "") for h in briefs), briefs
    page.locator("[data-nb-search-filters] button[data-kind='person']").click()
    page.wait_for_timeout(800)
    people = [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]
    assert people and all("/people/" in (h or "") for h in people), people


@pytest.mark.parametrize("slug", ["script-tags", "mkdocs-syntax", "markdown-structure", "url-quote"])
def test_no_injected_script_runs_on_a_hostile_brief(page: Any, base_url: str, slug: str) -> None:
    page.goto(f"{base_url}/briefs/{slug}/")
    page.wait_for_load_state("load")
    for link in page.locator("article a").all()[:60]:
        link.dispatch_event("mouseover")  # would fire an injected onmouseover
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('article script, article img, article iframe').length") == 0
    assert page.dialogs == [] and page.outside == []


def test_search_results_for_hostile_text_run_no_script(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/")
    _search(page, "Carter")  # results show the text around the script and img tags
    page.wait_for_timeout(500)  # results render (and any injected handler would fire)
    assert page.locator(".md-search-result__item").count() >= 1
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == [] and page.outside == []
