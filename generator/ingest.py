"""Read one input file into an :class:`Article`, checking everything once.

Offsets into the body are the contract of ``newsbrief extract``: for ``.txt``
the body is the whole decoded file, for ``.md`` the text after the closing
front-matter delimiter line. Nothing here normalises the body, so offsets stay
valid against the file a user can open.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from generator.model import Article, Span

SUFFIXES = (".txt", ".md")
MAX_CHARS = 200_000
"""Longer bodies are cut at a paragraph break (with a warning) so one huge
file cannot take minutes or exhaust memory; real articles are far shorter."""
HEADLINE_MAX = 200
"""A first line this short, with no final full stop and a blank line after it,
is a headline (the layout of wire copy and of the shared corpus)."""
RESERVED_SLUGS = frozenset({"index", "tags", "search", "assets", "404", "sitemap"})
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_PARAGRAPH = re.compile(r"[^\r\n]*\S[^\r\n]*")


class IngestError(ValueError):
    """An input file that cannot become an article; the message names the file."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def _text(v: Any) -> str | None:
    return v if isinstance(v, str) else None


def _date(v: Any) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v.strip()[:10])
        except ValueError:
            return None
    return None


def _tags(v: Any) -> tuple[str, ...] | None:
    if isinstance(v, str):
        return (v,)
    if isinstance(v, list) and all(isinstance(t, str) for t in v):
        return tuple(v)
    return None


def _author(v: Any) -> str | None:
    if isinstance(v, str):
        return v
    if isinstance(v, list) and v and all(isinstance(a, str) for a in v):
        return ", ".join(v)
    return None


# key -> (converter returning None when the value is wrong, what it expects)
FRONT_MATTER_SCHEMA: dict[str, tuple[Callable[[Any], Any], str]] = {
    "title": (_text, "a string"),
    "date": (_date, "a date such as 2025-11-05"),
    "source": (_text, "a string (the publisher)"),
    "publisher": (_text, "a string"),
    "url": (_text, "a string (an http or https address)"),
    "author": (_author, "a string or a list of strings"),
    "language": (_text, "a language code such as en"),
    "tags": (_tags, "a list of strings"),
    "slug": (_text, "a string"),
}


def slugify(text: str) -> str:
    """A file-safe, URL-safe, stable slug: ASCII letters, digits and hyphens."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:80].rstrip("-")


def safe_slug(text: str, *, fallback: str) -> str:
    """Slugify, never returning an empty or reserved name."""
    slug = slugify(text) or slugify(fallback) or "article"
    return f"{slug}-article" if slug in RESERVED_SLUGS else slug


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Decode UTF-8 (BOM allowed); fall back to Windows-1252 with a warning."""
    if not data.strip():
        raise IngestError(path, "the file is empty; add the article text or remove the file")
    sample = data[:8192]
    if b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) * 0.05:
        raise IngestError(path, "this looks like a binary file, not text; seeds/ takes .txt or .md articles")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        warning = (
            f"not valid UTF-8 (byte {exc.start}); decoded as Windows-1252 instead: "
            "check the characters near that byte and save the file as UTF-8"
        )
        return data.decode("cp1252", errors="replace"), [warning]


def paragraphs(body: str, start: int = 0) -> tuple[Span, ...]:
    """Every non-blank line from ``start`` on, as a span (surrounding blanks trimmed)."""
    spans = []
    for m in _PARAGRAPH.finditer(body, start):
        text = m.group()
        lead = len(text) - len(text.lstrip())
        stripped = text.strip()
        spans.append(Span(start=m.start() + lead, end=m.start() + lead + len(stripped), text=stripped))
    return tuple(spans)


def _headline(body: str) -> Span | None:
    m = re.match(r"[ \t]*([^\r\n]+?)[ \t]*\r?\n[ \t]*\r?\n", body)
    if not m:
        return None
    line = m.group(1)
    if len(line) > HEADLINE_MAX or line.endswith((".", "\u3002")):
        return None
    return Span(start=m.start(1), end=m.end(1), text=line)


def _truncate(body: str, path: str, warnings: list[str]) -> str:
    if len(body) <= MAX_CHARS:
        return body
    cut = body.rfind("\n", 0, MAX_CHARS)
    cut = cut if cut > MAX_CHARS // 2 else MAX_CHARS
    warnings.append(
        f"the article is {len(body):,} characters long; only the first {cut:,} are used"
    )
    return body[:cut]


def _front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    m = _FRONT_MATTER.match(text)
    if not m:
        if text.startswith("---"):
            raise IngestError(path, "front matter starts with '---' but has no closing '---' line")
        return {}, text
    try:
        meta = frontmatter.YAMLHandler().load(m.group(1)) if m.group(1).strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise IngestError(path, f"front matter is not valid YAML{where}: {exc}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise IngestError(path, "front matter must be a mapping of keys such as title: and date:")
    return meta, text[m.end() :]


def check_front_matter(meta: dict[str, Any], path: str) -> dict[str, Any]:
    """Convert front matter by the schema; any unknown key or wrong type is an error."""
    clean: dict[str, Any] = {}
    for key, value in meta.items():
        if key not in FRONT_MATTER_SCHEMA:
            known = ", ".join(FRONT_MATTER_SCHEMA)
            raise IngestError(path, f"unknown front matter key {key!r}; known keys: {known}")
        if value is None:
            continue
        convert, expected = FRONT_MATTER_SCHEMA[key]
        converted = convert(value)
        if converted is None:
            raise IngestError(path, f"front matter key {key!r} must be {expected}, not {value!r}")
        clean[key] = converted
    return clean


def loads(text: str, path: str = "<string>", *, suffix: str | None = None, warnings: list[str] | None = None) -> Article:
    """Build an article from decoded text; ``suffix`` ``.md`` means front matter."""
    warnings = list(warnings or [])
    suffix = suffix or Path(path).suffix.lower()
    meta: dict[str, Any] = {}
    body = text
    if suffix == ".md":
        raw, body = _front_matter(text, path)
        meta = check_front_matter(raw, path)
    if not body.strip():
        raise IngestError(path, "the article has no text after its front matter" if suffix == ".md" else "the file is empty")
    body = _truncate(body, path, warnings)
    headline = _headline(body) if suffix != ".md" else None
    paras = paragraphs(body, headline.end if headline else 0)
    stem = Path(path).stem
    title = meta.get("title") or (headline.text if headline else None)
    url = meta.get("url")
    if url is not None and not re.match(r"https?://", url, re.I):
        warnings.append(f"url {url!r} is not an http(s) address; it is shown as text, not a link")
    return Article(
        path=path,
        slug=safe_slug(meta.get("slug") or stem, fallback=stem),
        body=body,
        paragraphs=paras,
        title=title,
        date=meta.get("date"),
        source=meta.get("source") or meta.get("publisher"),
        url=url,
        author=meta.get("author"),
        language=meta.get("language"),
        tags=meta.get("tags", ()),
        headline=headline,
        warnings=tuple(warnings),
    )


def load(path: Path | str) -> Article:
    """Read and check one article file; raises :class:`IngestError` naming the file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise IngestError(str(path), f"cannot be read: {exc.strerror or exc}") from None
    text, warnings = decode(data, str(path))
    return loads(text, str(path), suffix=p.suffix.lower(), warnings=warnings)


def find_articles(paths: list[Path]) -> list[Path]:
    """Files given, plus ``.txt``/``.md`` files found under directories, sorted."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            found.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() in SUFFIXES and f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        else:
            found.append(p)
    return found
