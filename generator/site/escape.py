"""Make article-derived text inert in the Markdown contexts it lands in.

Article text can hold HTML, Markdown, attribute lists, template syntax and
``javascript:`` links. Everything the renderer takes from an article passes
through one of these filters, so the page shows the text and nothing else.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from generator.site.textsafety import isolate, strip_controls

# Inline characters Python-Markdown (with the tables extension) reads anywhere in a
# line. Only these may be backslash-escaped: before any other character a
# backslash is shown as-is. ``<``, ``>`` and ``&`` become entities instead.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]()!|])")
# Characters that start a block (heading, list, quote, setext underline) when
# they open a line; a line of ours never starts with article text, but a
# template might place it there.
# A leading space is allowed: ``strip=False`` pieces are joined and stripped by
# the caller, which can bring a block marker after a blank to the line's start.
_MD_BLOCK_START = re.compile(r"^( ?)([#+\-=]|\d+(?=[.)])|\?(?=\?\?))")
# Control characters (other than whitespace, folded first) and lone surrogates
# show nothing, break YAML front matter ("special characters are not allowed")
# and cannot be written as UTF-8: they are dropped.
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_HTML_TABLE = str.maketrans(_HTML)  # one C-level pass, not a Python loop per character
_ATTR = {**_HTML, '"': "&quot;", "'": "&#39;"}
_SPACE = re.compile(r"\s+")


def inline(text: str, *, strip: bool = True) -> str:
    """Article text as one line of inert Markdown (HTML escaped, syntax backslashed).

    Line breaks fold to spaces, so the text can never start a block (heading,
    list, admonition, code block, table row) or end one. ``strip=False`` keeps
    a single space at either end, for pieces of a line placed between links.
    """
    # Bidi controls dropped, right-to-left text isolated: nothing reorders the page around it.
    text = isolate(_SPACE.sub(" ", _INVISIBLE.sub("", text)))
    if strip:
        text = text.strip()
    text = _MD_INLINE.sub(r"\\\1", text)
    text = text.translate(_HTML_TABLE)
    block = _MD_BLOCK_START.match(text)
    if block:
        space, lead = block.group(1), block.group(2)
        rest = text[len(space) + len(lead) :]
        if lead[0].isdigit():
            text = f"{space}{lead}\\{rest}"
        elif lead == "=":  # not backslash-escapable in Python-Markdown: an entity shows "=" too
            text = f"{space}&#61;{rest}"
        elif lead == "?":  # "???" opens a pymdownx.details block; "?" is not backslash-escapable either
            text = f"{space}&#63;{rest}"
        else:
            text = f"{space}\\{lead}{rest}"
    return text


def attr(text: str) -> str:
    """Text for a double-quoted HTML attribute value."""
    return "".join(_ATTR.get(c, c) for c in _SPACE.sub(" ", strip_controls(_INVISIBLE.sub("", text))).strip())


def url(value: str | None) -> str | None:
    """An http(s) URL made safe for a Markdown link target, or None for any other scheme."""
    if not value:
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # Percent-encode what could end the link target or break out of it.
    return quote(value, safe=":/?#[]@!$&'*+,;=%-._~")


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar for front matter."""
    escaped = _SPACE.sub(" ", strip_controls(_INVISIBLE.sub("", text))).strip()
    escaped = escaped.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
