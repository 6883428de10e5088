"""Decoded text to an :class:`Article`: front matter, headline, paragraphs and slug.

Offsets into the body are the contract of ``newsbrief extract``: for ``.txt``
the body is the whole decoded file, for ``.md`` the text after the closing
front-matter delimiter line. Nothing here normalises the body, so offsets stay
valid against the file a user can open (a body longer than
:data:`~generator.ingest.decode.MAX_CHARS` is cut, with a warning, and offsets
stay valid for the part kept), except absurd runs of punctuation, which are
shortened with a warning (:mod:`generator.ingest.runs`).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from generator.html_article import HTML_MAX_BYTES, HTML_SUFFIXES, HtmlError, to_markdown
from generator.ingest.decode import read_bounded, truncate
from generator.ingest.errors import IngestError
from generator.ingest.frontmatter import check_front_matter, read_front_matter
from generator.ingest.runs import shorten_runs
from generator.ingest.slugs import RESERVED_SLUGS, safe_slug, slugify
from generator.model import Article, Span
from generator.yaml_loader import short

DATE_RANGE = (dt.date(2, 1, 1), dt.date(9998, 12, 31))
"""Dates newsbrief can reason from: "next Monday" or "last year" must stay a date."""
HEADLINE_MAX = 200
"""A first line this short, with no final full stop and a blank line after it,
is a headline (the layout of wire copy and of the shared corpus)."""
# Lines, found without backtracking: a line of 200,000 blanks made the old
# pattern (``[^\r\n]*\S[^\r\n]*``) quadratic, minutes for one file.
_LINE = re.compile(r"[^\r\n]+")


HEADLINE_SHORT_WORDS = 16
"""A first line ending like a question or a quoted sentence ("?", "!", "…", ".”")
is a headline only up to this many words ("Could Yukos be a blessing in
disguise?", "De Blasio says Chelsea explosion was an 'intentional act.'");
longer, it is the article's first paragraph."""
_PROSE_END = re.compile(r"(?:(?<!\.\.)\.|[,;:\u3002])$|[,;:][\"'\u201d\u2019)\]]+$")
"""Ends like a sentence (a full stop, not "...") or a clause (",", ";", ":"): prose, never a headline."""
_SHORT_END = re.compile(r"(?:[.?!\u2026])[\"'\u201d\u2019)\]]*$")
_QUOTE_END = re.compile(r"[.?!\u2026][\"'\u201d\u2019]+$")
_INNER_SENTENCE = re.compile(r"(?<![A-Z])[.?!][\"'\u201d\u2019]?\s+[\"'\u201c\u2018A-Z]")
"""Two quoted sentences ("“We will not leave,” the mayor said. “This is our home.”") are a paragraph."""


def paragraphs(body: str, start: int = 0) -> tuple[Span, ...]:
    """Every non-blank line from ``start`` on, as a span (surrounding blanks trimmed)."""
    spans = []
    for m in _LINE.finditer(body, start):
        text = m.group()
        stripped = text.strip()
        if not stripped:
            continue
        lead = len(text) - len(text.lstrip())
        spans.append(Span(start=m.start() + lead, end=m.start() + lead + len(stripped), text=stripped))
    return tuple(spans)


def _line_end(body: str, pos: int) -> tuple[int, int]:
    """(end of the line starting at ``pos`` without its break, start of the next line)."""
    n = body.find("\n", pos)
    if n < 0:
        return len(body), len(body)
    return (n - 1 if n > pos and body[n - 1] == "\r" else n), n + 1


def _headline(body: str) -> Span | None:
    first_end, second = _line_end(body, 0)
    if second >= len(body) or first_end > 4 * HEADLINE_MAX:
        return None
    blank_end = body.find("\n", second)
    if blank_end < 0 or body[second:blank_end].rstrip("\r").strip(" \t"):
        return None
    raw = body[:first_end]
    line = raw.strip()  # every kind of space ("Headline\xa0"), as the paragraphs are stripped
    if not line.strip() or "\r" in line or len(line) > HEADLINE_MAX or _PROSE_END.search(line):
        return None
    if _SHORT_END.search(line) and len(line.split()) > HEADLINE_SHORT_WORDS:
        return None
    if _QUOTE_END.search(line) and _INNER_SENTENCE.search(line):
        return None
    start = len(raw) - len(raw.lstrip())
    return Span(start=start, end=start + len(line), text=line)


def loads(
    text: str,
    path: str = "<string>",
    *,
    suffix: str | None = None,
    warnings: list[str] | None = None,
    size: int | None = None,
    name: str | None = None,
) -> Article:
    """Build an article from decoded text; ``suffix`` ``.md`` means front matter.

    ``size`` is the file's full size in bytes when only its start was read.
    ``name`` is what the slug comes from when the front matter gives none
    (default: the file name without its suffix).
    """
    warnings = list(warnings or [])
    suffix = suffix or Path(path).suffix.lower()
    meta: dict[str, Any] = {}
    body = text
    if suffix == ".md":
        raw, lines, body = read_front_matter(text, path)
        meta = check_front_matter(raw, path, lines)
    if not body.strip():
        raise IngestError(path, "the article has no text after its front matter" if suffix == ".md"
                          else "the file is empty (or only blank lines); add the article text or remove the file")
    body = shorten_runs(truncate(body, path, warnings, size), warnings)
    headline = _headline(body) if suffix != ".md" else None
    paras = paragraphs(body, headline.end if headline else 0)
    if not paras:  # one short line and nothing else: it is the text, not a headline
        headline, paras = None, paragraphs(body)
    stem = name or Path(path).stem
    title = meta.get("title") or (headline.text if headline else None)
    date = meta.get("date")
    if date is not None and not DATE_RANGE[0] <= date <= DATE_RANGE[1]:
        warnings.append(f"date {date.isoformat()} is outside the dates newsbrief can use "
                        f"({DATE_RANGE[0].isoformat()} to {DATE_RANGE[1].isoformat()}), so the brief has no date; "
                        "write the day the article was published")
        date = None
    url = meta.get("url")
    if url is not None and not re.match(r"https?://[^\s/]", url.strip(), re.I):
        warnings.append(f"url {short(url)} is not an http(s) address; it is shown as text, not a link")
    given = meta.get("slug") or meta.get("id")
    slug = safe_slug(given or stem, fallback=stem)
    if given and slug != given:
        warnings.append(f"slug {given!r} was made file-safe as {slug!r}")
    elif not given and slugify(stem) in RESERVED_SLUGS:
        warnings.append(f"the file name {stem!r} is reserved on the site, so this brief is {slug!r}")
    return Article(
        path=path,
        slug=slug,
        body=body,
        paragraphs=paras,
        title=title,
        date=date,
        source=meta.get("source") or meta.get("publisher"),
        url=url,
        author=meta.get("author"),
        language=meta.get("language"),
        tags=meta.get("tags", ()),
        headline=headline,
        warnings=tuple(warnings),
    )


def load(path: Path | str, *, name: str | None = None) -> Article:
    """Read and check one article file; raises :class:`IngestError` naming the file.

    ``name``: see :func:`loads`.
    """
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES:  # a saved web page: its article, as Markdown with front matter
        text, warnings, _ = read_bounded(path, HTML_MAX_BYTES)
        try:
            text = to_markdown(text)
        except HtmlError as exc:
            raise IngestError(str(path), str(exc)) from None
        return loads(text, str(path), suffix=".md", warnings=warnings, name=name)
    text, warnings, size = read_bounded(path)
    return loads(text, str(path), suffix=suffix, warnings=warnings, size=size, name=name)
