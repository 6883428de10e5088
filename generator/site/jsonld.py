"""Schema.org JSON-LD for a brief: a ``NewsArticle`` with a ``Quotation`` per quote.

The JSON is printed inside ``<script type="application/ld+json">`` by the
theme, so it must never contain ``</script>`` or anything else that could end
the element: ``<``, ``>`` and ``&`` are written as ``\\u003c`` ``\\u003e``
``\\u0026`` (valid JSON, the same string to a parser) and every non-ASCII
character as an escape, so the text survives front matter untouched.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from generator.model import Brief, EntityKind

SCHEMA_TYPES: dict[EntityKind, str] = {"person": "Person", "place": "Place", "organization": "Organization"}


def _person(name: str) -> dict[str, str]:
    return {"@type": "Person", "name": name}


def news_article(
    brief: Brief,
    *,
    summary: str,
    mentions: Iterable[tuple[EntityKind, str]],
    quotes: Iterable[tuple[str, str | None]],
    url: str | None,
) -> dict[str, Any]:
    """The brief as a schema.org object: what it is, whose words, and what it is based on.

    Dates are calendar dates as the article gives them: a time of day would be
    invented (schema.org ``Date`` needs none). ``quotes`` are (text, speaker or None).
    """
    article = brief.article
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": brief.title,
        "description": summary,
        "inLanguage": article.language or "en",
    }
    if article.date:
        data["datePublished"] = article.date.isoformat()
    if article.author:
        # As written: "Smith, John" and "Ann Lee, Bo Chan" cannot be told apart safely.
        data["author"] = _person(article.author)
    if article.source:
        data["publisher"] = {"@type": "Organization", "name": article.source}
    if url:
        data["isBasedOn"] = url
    names = [{"@type": SCHEMA_TYPES[kind], "name": name} for kind, name in mentions]
    if names:
        data["mentions"] = names
    parts = []
    for text, speaker in quotes:
        quotation: dict[str, Any] = {"@type": "Quotation", "text": text}
        if speaker:
            quotation["creator"] = _person(speaker)
            quotation["spokenByCharacter"] = _person(speaker)
        parts.append(quotation)
    if parts:
        data["hasPart"] = parts
    return data


def script_safe(data: dict[str, Any]) -> str:
    """Compact JSON that cannot close a ``<script>`` element or an HTML comment."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
