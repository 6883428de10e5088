"""The news front in a real browser, at desktop (1280 px) and phone (390 px) widths.

Every generated page type: no horizontal overflow, no serious or critical
axe-core violation; cards on the home page; feeds and JSON-LD that parse; a
map popup that shows a hostile place name as text. Screenshots of the home
page and a brief are checked for size and, with ``NEWSBRIEF_SCREENSHOTS=1``,
written to ``screenshots/`` for the README.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from tests.browsertools import chromium, serve
from tests.sitetools import ROOT, XSS_PLACE, front_site, xss_place_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
SEED_SLUG = "000-8dabb732faecaf91"
# One page of every type the generator makes, plus the hand-written about page.
PAGE_TYPES = {
    "home": "/",
    "briefs-index": "/briefs/",
    "archive": "/briefs/archive/",
    "month": "/briefs/archive/2025-11/",
    "brief": "/briefs/grain-talks/",
    "brief-html-article": "/briefs/porto-floods/",
    "brief-undated": f"/briefs/{SEED_SLUG}/",
    "person": "/people/dmitry-peskov/",
    "place": "/places/odesa/",
    "organization": "/organizations/united-nations/",
    "people-index": "/people/",
    "places-index": "/places/",
    "quoted": "/quoted/",
    "quoted-briefs": "/quoted/all/unnamed/",
    "organizations-index": "/organizations/",
    "about": "/about/",
}
SCREENSHOT_MAX = 150_000


def _serve(site: Path) -> Iterator[str]:
    yield from serve(site)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from chromium()


@pytest.fixture(scope="module")
def front_url() -> Iterator[str]:
    yield from _serve(front_site() / "site")


@pytest.fixture(scope="module")
def xss_url() -> Iterator[str]:
    yield from _serve(xss_place_site() / "site")


def _new_page(browser: Any, width: int, height: int) -> Any:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    # Map tiles would come from OpenStreetMap: refused here, as when offline.
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    page.set_default_timeout(20_000)
    return page


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def page(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    width, height = WIDTHS[request.param]
    p = _new_page(browser, width, height)
    p.width_name = request.param  # type: ignore[attr-defined]
    try:
        yield p
    finally:
        p.context.close()


def _heading(page: Any) -> str:
    """The page's h1 without its permalink sign."""
    return str(page.locator("article h1").inner_text()).removesuffix("¶").strip()


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # the local test server only
        data: bytes = response.read()
        return data


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_horizontal_overflow(page: Any, front_url: str, kind: str) -> None:
    page.goto(front_url + PAGE_TYPES[kind])
    page.wait_for_load_state("load")
    assert page.locator("article h1").count() == 1
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{kind} at {page.width_name}: {overflow}px wider than the screen"
    wide = page.evaluate(
        """() => [...document.querySelectorAll('article *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
                         && !e.closest('.md-typeset table, .leaflet-container, details:not([open])'))
            .map(e => e.tagName + '.' + e.className).slice(0, 5)"""
    )
    assert wide == [], f"{kind} at {page.width_name}: elements past the right edge: {wide}"


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_axe_finds_no_serious_or_critical_violation(page: Any, front_url: str, kind: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(front_url + PAGE_TYPES[kind])
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # maps and scripts settle
    results = Axe().run(page)
    bad = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == [], f"{kind} at {page.width_name}: {bad}"


@pytest.mark.parametrize("kind", ["home", "brief", "place", "quoted"])
def test_axe_in_dark_mode(browser: Any, front_url: str, kind: str) -> None:
    """The slate palette (prefers-color-scheme: dark) keeps its contrast too."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    try:
        page = context.new_page()
        page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
        page.goto(front_url + PAGE_TYPES[kind])
        page.wait_for_load_state("load")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        violations = Axe().run(page).response["violations"]
        bad = [(v["id"], v["impact"]) for v in violations if v["impact"] in ("serious", "critical")]
        assert bad == [], f"{kind} in dark mode: {bad}"
    finally:
        context.close()


def test_home_page_is_cards_newest_first(page: Any, front_url: str) -> None:
    page.goto(front_url + "/")
    cards = page.locator(".nb-card")
    assert cards.count() == 5
    dates = [d for d in page.locator(".nb-card time").evaluate_all("els => els.map(e => e.dateTime)")]
    assert dates == sorted(dates, reverse=True) and len(dates) == 3  # the two undated briefs come last, without one
    first = cards.first
    headline = first.locator("h2 a:not(.headerlink)")
    assert headline.inner_text() == "Grain talks in Geneva end without a deal on Black Sea shipping"
    assert "Harbour Ledger" in first.locator(".nb-card__meta").inner_text()
    assert first.locator(".nb-card__summary").inner_text().startswith("Negotiators from Ukraine and Turkey")
    # Readable on a phone: a headline spans most of the card, the date is never broken.
    width = first.locator("h2 a:not(.headerlink)").bounding_box()["width"]
    assert width > 250, f"headline only {width}px wide"
    time_box = first.locator("time")
    assert time_box.evaluate("e => e.getClientRects().length") == 1
    if page.width_name == "phone":
        assert page.evaluate("getComputedStyle(document.querySelector('.nb-card h2')).fontSize") >= "16px"


def test_brief_reads_top_down(page: Any, front_url: str) -> None:
    page.goto(front_url + "/briefs/kyiv-power/")
    lead = page.locator(".nb-lead")
    body_size = float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)"))
    assert float(lead.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) > body_size
    assert page.locator(".nb-dateline time").get_attribute("datetime") == "2025-10-28"
    assert "Eastern Wire" in page.locator(".nb-dateline").inner_text()
    # Sourcing notes and the original text are folded away, and a ¶ link opens them.
    details = page.locator("article details")
    assert details.count() == 2
    assert details.evaluate_all("els => els.every(e => !e.open)")
    link = page.locator(".nb-lead a[aria-label^='paragraph']").first
    assert link.get_attribute("aria-label") == "paragraph 1"
    link.click()
    page.wait_for_function("document.getElementById('p1').closest('details').open")
    # Quotes at full contrast: the same colour as body text.
    quote_colour = page.evaluate("getComputedStyle(document.querySelector('article blockquote')).color")
    body_colour = page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).color")
    assert quote_colour == body_colour
    assert page.locator("h2:has-text('Related briefs') + ul li").count() >= 1


def test_feeds_parse_and_hold_the_dated_briefs(front_url: str) -> None:
    rss = ET.fromstring(_get(front_url + "/feed.xml"))
    items = rss.findall("./channel/item")
    assert [i.findtext("title") for i in items] == [
        "Grain talks in Geneva end without a deal on Black Sea shipping",
        "Kyiv plans rolling power cuts as winter demand rises",
        "Floods close the riverside in Porto",
    ]
    for item in items:
        assert email.utils.parsedate_to_datetime(item.findtext("pubDate") or "").tzinfo is not None
        assert (item.findtext("link") or "").startswith("http")
        assert item.findtext("description")
    feed = json.loads(_get(front_url + "/feed.json"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert len(feed["items"]) == 3  # the undated briefs are left out, not given a made-up date
    for item in feed["items"]:
        assert dt.datetime.fromisoformat(item["date_published"]).tzinfo is not None
        assert item["url"].startswith("http") and item["summary"] and item["title"]
    kyiv = next(i for i in feed["items"] if "kyiv" in i["url"])
    assert kyiv["date_published"].startswith("2025-10-28")
    assert kyiv["summary"].startswith("Kyiv will introduce rolling power cuts")


@pytest.mark.parametrize("slug", ["grain-talks", "porto-floods", SEED_SLUG])
def test_json_ld_and_social_tags_parse(browser: Any, front_url: str, slug: str) -> None:
    page = _new_page(browser, 1280, 900)
    try:
        page.goto(f"{front_url}/briefs/{slug}/")
        scripts = page.locator("script[type='application/ld+json']")
        assert scripts.count() == 1
        data = json.loads(scripts.first.evaluate("e => e.textContent"))
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == _heading(page)
        time = page.locator(".nb-dateline time")
        if time.count():
            assert data["datePublished"] == time.get_attribute("datetime")
        else:
            assert "datePublished" not in data
        quotes = [p for p in data.get("hasPart", []) if p["@type"] == "Quotation"]
        assert quotes and all(q["text"] for q in quotes)
        assert any("creator" in q for q in quotes)
        assert {m["@type"] for m in data["mentions"]} <= {"Person", "Place", "Organization"}
        head = page.locator("head")
        assert head.locator("meta[property='og:type']").get_attribute("content") == "article"
        assert head.locator("meta[property='og:title']").get_attribute("content") == data["headline"]
        assert head.locator("meta[name='twitter:card']").count() == 1
        canonical = head.locator("link[rel='canonical']").get_attribute("href")
        assert canonical and canonical.endswith(f"/briefs/{slug}/")
        if slug == "grain-talks":
            assert data["isBasedOn"] == "https://example.org/harbour-ledger/2025/11/03/grain-talks-geneva"
            assert data["author"] == {"@type": "Person", "name": "Nadia Brennan"}
            assert data["publisher"]["name"] == "Harbour Ledger"
    finally:
        page.context.close()


def test_map_popup_shows_a_hostile_place_name_as_text(browser: Any, xss_url: str) -> None:
    page = _new_page(browser, 1280, 900)
    try:
        page.goto(f"{xss_url}/places/img-src-x-onerror-alert-1/")
        assert _heading(page) == XSS_PLACE
        marker = page.locator(".nb-map .leaflet-marker-icon")
        marker.wait_for()
        marker.click()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        assert popup.inner_text() == XSS_PLACE
        assert popup.locator("img").count() == 0
        page.wait_for_timeout(300)
        assert page.dialogs == []
        # Leaflet is the site's own copy; the tiles were refused, and the map says so.
        assert page.evaluate("[...document.scripts].some(s => s.src.includes('/vendor/leaflet/leaflet.js'))")
        page.locator(".nb-map__offline").wait_for()
        assert "internet connection" in page.locator(".nb-map__offline").inner_text()
        assert "OpenStreetMap" in page.locator(".leaflet-control-attribution").inner_text()
    finally:
        page.context.close()


@pytest.mark.parametrize(("name", "path", "width"), [
    ("front-desktop", "/", "desktop"),
    ("front-phone", "/", "phone"),
    ("brief-desktop", "/briefs/grain-talks/", "desktop"),
    ("brief-phone", "/briefs/grain-talks/", "phone"),
])
def test_screenshots_stay_small(browser: Any, front_url: str, tmp_path: Path, name: str, path: str, width: str) -> None:
    page = _new_page(browser, *WIDTHS[width])
    try:
        page.goto(front_url + path)
        page.wait_for_load_state("load")
        folder = ROOT / "screenshots" if os.environ.get("NEWSBRIEF_SCREENSHOTS") == "1" else tmp_path
        folder.mkdir(exist_ok=True)
        target = folder / f"{name}.png"
        page.screenshot(path=str(target))
        assert target.stat().st_size < SCREENSHOT_MAX, f"{target.name}: {target.stat().st_size} bytes"
    finally:
        page.context.close()
