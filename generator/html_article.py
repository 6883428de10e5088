"""Read a news article saved as an HTML page: its text, title, date, author and outlet.

trafilatura finds the article in the page (menus, footers and comments left
out) and reads its metadata. The result is handed back to ingest as Markdown
with front matter, so an HTML article passes the same checks as a ``.md`` one
and its offsets are into the extracted text, like any other body.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

HTML_SUFFIXES = (".html", ".htm")
HTML_MAX_BYTES = 5_000_000
"""Pages carry scripts and styles around the text: read far more than for a .txt file."""
MIN_WORDS = 20
"""Less than this is a menu or a caption that trafilatura fell back on, not an article."""
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class HtmlError(ValueError):
    """The page holds no article text that can be read."""


def _extract(html: str) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        # Only a date the page states (meta tags, <time>), never one guessed from its text or address.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def to_markdown(html: str) -> str:
    """The article of an HTML page as front matter plus one paragraph per block.

    Raises :class:`HtmlError` when no article text is found.
    """
    if "<" not in html:
        raise HtmlError("this does not look like HTML (no tags at all); save plain text as .txt instead")
    try:
        doc = _extract(html)
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise HtmlError(f"the HTML could not be read ({type(exc).__name__}: {exc})") from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text.split()) < MIN_WORDS:
        raise HtmlError(
            f"no article text was found in this HTML page (only {len(text.split())} words outside menus and "
            "scripts); save the article as .txt or .md instead"
        )
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = (doc.title or "").strip() or None
    if title and lines and lines[0] == title and len(lines) > 1:
        lines = lines[1:]  # the page's <h1> repeats the title
    meta: dict[str, Any] = {}
    if title:
        meta["title"] = title
    date = (doc.date or "").strip()
    if _ISO_DATE.fullmatch(date):
        meta["date"] = date
    if doc.sitename:
        meta["source"] = str(doc.sitename).strip()
    if doc.url and re.match(r"https?://", str(doc.url)):
        meta["url"] = str(doc.url).strip()
    if doc.author:
        meta["author"] = str(doc.author).strip()
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) if meta else ""
    return f"---\n{front}---\n" + "\n\n".join(lines) + "\n"
