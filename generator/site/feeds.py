"""RSS 2.0 and JSON Feed 1.1 of the briefs, dated from their front matter.

Written by the MkDocs plugin after the build, from the pages it rendered:
only then are the public addresses (``site_url``) known. mkdocs-rss-plugin
was tried first and left out: with ``use_git: false`` it dates a page without
a ``date`` with the build time, which would invent a date for every undated
brief, and it cannot leave pages out by their metadata. Here an undated brief
is simply not in the feeds.

Titles and summaries come from the front matter the generator wrote, where
they are HTML-escaped text. A feed's HTML fields (RSS ``description``, JSON
``content_html``) take them as they are, which shows the text and runs nothing;
its plain-text fields take them unescaped.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import format_datetime
from xml.etree import ElementTree as ET

FEED_LENGTH = 50
"""Newest briefs in each feed: a reader polls it, it need not hold the archive."""
RSS_FILE = "feed.xml"
JSON_FILE = "feed.json"


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedItem:
    """One brief as the feeds list it; ``title`` and ``summary_html`` are HTML-escaped text."""

    url: str
    title: str
    summary_html: str
    date: dt.date
    author: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedSite:
    """The site the feed belongs to."""

    title: str
    url: str
    description: str


def _moment(date: dt.date) -> dt.datetime:
    """A brief's date as the feeds need a moment: the start of that day, UTC."""
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)


def newest(items: Iterable[FeedItem], length: int = FEED_LENGTH) -> list[FeedItem]:
    return sorted(items, key=lambda i: (i.date, i.url), reverse=True)[:length]


def rss(site: FeedSite, items: Iterable[FeedItem]) -> str:
    """An RSS 2.0 document (ElementTree escapes every text node)."""
    root = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(root, "channel")
    ET.SubElement(channel, "title").text = site.title
    ET.SubElement(channel, "link").text = site.url
    ET.SubElement(channel, "description").text = site.description
    listed = newest(items)
    if listed:
        ET.SubElement(channel, "lastBuildDate").text = format_datetime(_moment(listed[0].date))
    for item in listed:
        node = ET.SubElement(channel, "item")
        ET.SubElement(node, "title").text = html.unescape(item.title)
        ET.SubElement(node, "link").text = item.url
        ET.SubElement(node, "guid", {"isPermaLink": "true"}).text = item.url
        ET.SubElement(node, "description").text = item.summary_html
        ET.SubElement(node, "pubDate").text = format_datetime(_moment(item.date))
        if item.author:
            # RSS <author> wants an e-mail address; Dublin Core's creator takes a name.
            ET.SubElement(node, "{http://purl.org/dc/elements/1.1/}creator").text = html.unescape(item.author)
    ET.register_namespace("dc", "http://purl.org/dc/elements/1.1/")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def json_feed(site: FeedSite, items: Iterable[FeedItem]) -> str:
    """A JSON Feed 1.1 document."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": site.title,
        "home_page_url": site.url,
        "feed_url": site.url.rstrip("/") + "/" + JSON_FILE,
        "description": site.description,
        "items": [
            {
                "id": item.url,
                "url": item.url,
                "title": html.unescape(item.title),
                "content_html": item.summary_html,
                "summary": html.unescape(item.summary_html),
                "date_published": _moment(item.date).isoformat(),
                **({"authors": [{"name": html.unescape(item.author)}]} if item.author else {}),
            }
            for item in newest(items)
        ],
    }
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
