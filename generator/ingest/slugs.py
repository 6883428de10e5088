"""Article slugs: the file name of each brief, safe on every system and URL.

Article slugs keep the file name's shape (``business/001.txt`` gives
``business-001``); entity page names are made by ``generator.site.keys``,
whose folding (apostrophes dropped, "&" spelt "and") suits names, not files.
"""

from __future__ import annotations

import re
import unicodedata

RESERVED_SLUGS = frozenset(
    {"index", "tags", "search", "assets", "404", "sitemap", "archive"}
    # Names Windows cannot create, so a clone of the site would break there.
    | {"con", "prn", "aux", "nul"}
    | {f"{dev}{n}" for dev in ("com", "lpt") for n in range(10)}
)
SLUG_MAX = 80


def slugify(text: str) -> str:
    """A file-safe, URL-safe, stable slug: ASCII letters, digits and hyphens."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:SLUG_MAX].rstrip("-")


def safe_slug(text: str, *, fallback: str) -> str:
    """Slugify, never returning an empty or reserved name."""
    slug = slugify(text) or slugify(fallback) or "article"
    return f"{slug}-article" if slug in RESERVED_SLUGS else slug


def slug_problem(value: str) -> str | None:
    """Why a slug given in front matter cannot name a page, or None if it can."""
    clean = slugify(value)
    if "/" in value or "\\" in value or ".." in value or re.match(r"[A-Za-z]:", value):
        return f"{value!r} is a path that would leave docs/briefs/; use a plain name such as {clean or 'my-story'!r}"
    if not clean:
        return f"{value!r} has no letters or digits to make a file name from; use a name such as 'my-story'"
    if clean in RESERVED_SLUGS:
        return f"{value!r} is a reserved name (the site or Windows needs it); use another, such as '{clean}-story'"
    return None
