"""Read one input file into an :class:`Article`, checking everything once.

Offsets into the body are the contract of ``newsbrief extract``: for ``.txt``
the body is the whole decoded file, for ``.md`` the text after the closing
front-matter delimiter line. Nothing here normalises the body, so offsets stay
valid against the file a user can open (a body longer than :data:`MAX_CHARS`
is cut, with a warning, and offsets stay valid for the part kept).

Every scan here is linear in the input: a newsroom feeds this tool whatever it
has, and one hostile file must not stall a build.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import reprlib
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator.html_article import HTML_MAX_BYTES, HTML_SUFFIXES, HtmlError, to_markdown
from generator.model import Article, Span

SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_CHARS = 50_000
"""Longer bodies are cut at a paragraph break (with a warning) so one huge
file cannot take minutes or exhaust memory. Measured: 50,000 characters (about
8,000 words, longer than any article of the shared corpus) parse and extract in
about 10 s on one core; 200,000 took over two minutes and 870 MB."""
MAX_BYTES = 4 * MAX_CHARS + 65_536
"""No more than this is read from a file: enough for MAX_CHARS characters of
any script plus front matter, so a multi-gigabyte file costs no memory."""
HEADLINE_MAX = 200
"""A first line this short, with no final full stop and a blank line after it,
is a headline (the layout of wire copy and of the shared corpus)."""
RESERVED_SLUGS = frozenset(
    {"index", "tags", "search", "assets", "404", "sitemap", "archive"}
    # Names Windows cannot create, so a clone of the site would break there.
    | {"con", "prn", "aux", "nul"}
    | {f"{dev}{n}" for dev in ("com", "lpt") for n in range(10)}
)
SLUG_MAX = 80
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
# Lines, found without backtracking: a line of 200,000 blanks made the old
# pattern (``[^\r\n]*\S[^\r\n]*``) quadratic, minutes for one file.
_LINE = re.compile(r"[^\r\n]+")
_SAFE_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
# Magic numbers of files people export by mistake: name the format, say what to do.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)
_repr = reprlib.Repr()
_repr.maxstring = _repr.maxother = 60
_repr.maxlist = _repr.maxdict = 4
_repr.maxlevel = 2


class IngestError(ValueError):
    """An input file that cannot become an article; the message names the file."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def _short(value: Any) -> str:
    """A bounded repr for error messages (a YAML alias bomb has a huge one)."""
    return _repr.repr(value)


def _text(v: Any) -> str | None:
    return v if isinstance(v, str) else None


def _date(v: Any) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        m = _DATE.fullmatch(v.strip())
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
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


def _language(v: Any) -> str | None:
    return v if isinstance(v, str) and _LANGUAGE.fullmatch(v.strip()) else None


# key -> (converter returning None when the value is wrong, what it expects)
FRONT_MATTER_SCHEMA: dict[str, tuple[Callable[[Any], Any], str]] = {
    "title": (_text, "a string"),
    "date": (_date, "a real date written YYYY-MM-DD, such as 2025-11-05"),
    "source": (_text, "a string (the publisher)"),
    "publisher": (_text, "a string"),
    "url": (_text, "a string (an http or https address)"),
    "author": (_author, "a string or a list of strings"),
    "language": (_language, "a language code such as en or en-GB"),
    "tags": (_tags, "a list of strings"),
    "slug": (_text, "a string of lowercase letters, digits and hyphens"),
    "id": (_text, "a string of lowercase letters, digits and hyphens (the same as slug)"),
}


def slugify(text: str) -> str:
    """A file-safe, URL-safe, stable slug: ASCII letters, digits and hyphens."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:SLUG_MAX].rstrip("-")


def safe_slug(text: str, *, fallback: str) -> str:
    """Slugify, never returning an empty or reserved name."""
    slug = slugify(text) or slugify(fallback) or "article"
    return f"{slug}-article" if slug in RESERVED_SLUGS else slug


def _where(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Decode UTF-8 (BOM allowed), UTF-16/32 with a BOM (with a warning), else
    Windows-1252 with a warning naming where the first bad byte is.

    Raises :class:`IngestError` for empty and binary files.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise IngestError(path, f"starts with a {name} byte-order mark but is not valid {name}; "
                                  "save it as UTF-8 text") from None
            if not text.strip():
                raise IngestError(path, "the file is empty; add the article text or remove the file")
            return text, [f"encoded as {name}; read it as such, but please save it as UTF-8"]
    if not data.strip():
        raise IngestError(path, "the file is empty (or only blank lines); add the article text or remove the file")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise IngestError(path, f"this is {kind}, not text; export the article as plain text "
                              "(.txt, UTF-8) or Markdown (.md) and put that in seeds/")
    sample = data[:8192]
    controls = sum(b < 9 or 13 < b < 32 for b in sample)
    if b"\x00" in data or controls > len(sample) * 0.05:
        raise IngestError(path, "this looks like a binary file, not text (it holds NUL or control bytes); "
                          "seeds/ takes .txt or .md articles saved as UTF-8")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        warning = (
            f"not valid UTF-8 (byte 0x{bad} at {_where(data, exc.start)}); decoded as Windows-1252 "
            "instead, so check the characters near there and save the file as UTF-8"
        )
        return data.decode("cp1252", errors="replace"), [warning]


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
    line = raw.strip(" \t")
    if not line.strip() or "\r" in line or len(line) > HEADLINE_MAX or line.endswith((".", "\u3002")):
        return None
    start = len(raw) - len(raw.lstrip(" \t"))
    return Span(start=start, end=start + len(line), text=line)


def _truncate(body: str, path: str, warnings: list[str], size: int | None = None) -> str:
    if len(body) <= MAX_CHARS and size is None:
        return body
    # Cut at a paragraph break, else after a sentence or a word, so no text is cut mid-word.
    cut = body.rfind("\n", 0, MAX_CHARS)
    if cut <= MAX_CHARS // 2:
        cut = max(body.rfind(". ", 0, MAX_CHARS) + 1, body.rfind(" ", 0, MAX_CHARS))
    if cut <= MAX_CHARS // 2:
        cut = MAX_CHARS
    cut = min(cut, len(body))
    whole = f"the file is {size:,} bytes long" if size is not None else f"the article is {len(body):,} characters long"
    warnings.append(
        f"{whole}; only the first {cut:,} characters are used "
        f"(newsbrief reads at most {MAX_CHARS:,}): split it into several articles to use the rest"
    )
    return body[:cut]


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text (checked by the schema, so an impossible
    date is a clear error, not a crash) and refuses duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:
                continue  # an unhashable key: the base class reports it
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {_short(key)} appears twice; keep one", key_node.start_mark,
                )
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _front_matter(text: str, path: str) -> tuple[dict[str, Any], dict[str, int], str]:
    """(front matter, file line of each key, body) of a ``.md`` file."""
    m = _FRONT_MATTER.match(text)
    if not m:
        if text.startswith("---") and text[3:4] in ("", "\n", "\r", " ", "\t"):
            raise IngestError(path, "front matter starts with '---' on line 1 but has no closing '---' line; "
                              "add one after the last key")
        return {}, {}, text
    source = m.group(1)
    lines: dict[str, int] = {}
    if not source.strip():
        return {}, lines, text[m.end() :]
    try:
        loader = _Loader(source)
    except yaml.reader.ReaderError as exc:  # a control character: YAML refuses it before parsing
        line = source.count("\n", 0, exc.position) + 2
        raise IngestError(path, f"front matter holds an invisible control character (#x{exc.character:02x}) "
                          f"on line {line}; delete it") from None
    try:
        node = loader.get_single_node()
        if isinstance(node, yaml.MappingNode):
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    lines.setdefault(str(key_node.value), key_node.start_mark.line + 2)
        meta = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 2}, column {mark.column + 1}" if mark is not None else ""
        context = exc.context or ""
        if context and exc.context_mark is not None and exc.context_mark is not mark:
            context += f" that starts at line {exc.context_mark.line + 2}"
        problem = ": ".join(p for p in (context, exc.problem) if p)
        raise IngestError(path, f"front matter is not valid YAML{where}: {problem}") from None
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        raise IngestError(path, f"front matter is not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise IngestError(path, "front matter must be a mapping of keys such as 'title: ...' and "
                          f"'date: 2025-11-05', not {type(meta).__name__}")
    return meta, lines, text[m.end() :]


def _slug_problem(key: str, value: str) -> str | None:
    """Why a slug given in front matter cannot name a page, or None if it can."""
    clean = slugify(value)
    if "/" in value or "\\" in value or ".." in value or re.match(r"[A-Za-z]:", value):
        return f"{value!r} is a path that would leave docs/briefs/; use a plain name such as {clean or 'my-story'!r}"
    if not clean:
        return f"{value!r} has no letters or digits to make a file name from; use a name such as 'my-story'"
    if clean in RESERVED_SLUGS:
        return f"{value!r} is a reserved name (the site or Windows needs it); use another, such as '{clean}-story'"
    return None


def check_front_matter(meta: dict[str, Any], path: str, lines: dict[str, int] | None = None) -> dict[str, Any]:
    """Convert front matter by the schema; every unknown key or wrong type is reported at once."""
    clean: dict[str, Any] = {}
    errors: list[str] = []
    lines = lines or {}

    def at(key: Any) -> str:
        line = lines.get(str(key))
        return f" (line {line})" if line else ""

    for key, value in meta.items():
        if key not in FRONT_MATTER_SCHEMA:
            close = difflib.get_close_matches(str(key).lower(), FRONT_MATTER_SCHEMA, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            errors.append(f"unknown key {_short(key)}{at(key)}: {hint}known keys are {', '.join(FRONT_MATTER_SCHEMA)}")
            continue
        if value is None:
            continue
        convert, expected = FRONT_MATTER_SCHEMA[key]
        converted = convert(value)
        if converted is None and key == "date" and isinstance(value, str) and _DATE.fullmatch(value.strip()):
            errors.append(f"key 'date'{at(key)}: {value.strip()} is not a date that exists (check the day and "
                          "the month); write a real date as YYYY-MM-DD")
            continue
        if converted is None:
            errors.append(f"key {key!r}{at(key)} must be {expected}, not {_short(value)}")
            continue
        if key in ("slug", "id"):
            problem = _slug_problem(key, converted)
            if problem:
                errors.append(f"key {key!r}{at(key)}: {problem}")
                continue
        clean[key] = converted
    if "slug" in clean and "id" in clean and slugify(clean["slug"]) != slugify(clean["id"]):
        errors.append(f"keys 'slug' and 'id' disagree ({clean['slug']!r}, {clean['id']!r}); keep one")
    if errors:
        raise IngestError(path, "front matter: " + "; ".join(errors))
    return clean


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
        raw, lines, body = _front_matter(text, path)
        meta = check_front_matter(raw, path, lines)
    if not body.strip():
        raise IngestError(path, "the article has no text after its front matter" if suffix == ".md"
                          else "the file is empty (or only blank lines); add the article text or remove the file")
    body = _truncate(body, path, warnings, size)
    headline = _headline(body) if suffix != ".md" else None
    paras = paragraphs(body, headline.end if headline else 0)
    if not paras:  # one short line and nothing else: it is the text, not a headline
        headline, paras = None, paragraphs(body)
    stem = name or Path(path).stem
    title = meta.get("title") or (headline.text if headline else None)
    url = meta.get("url")
    if url is not None and not re.match(r"https?://[^\s/]", url.strip(), re.I):
        warnings.append(f"url {_short(url)} is not an http(s) address; it is shown as text, not a link")
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
        date=meta.get("date"),
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
    p = Path(path)
    html = p.suffix.lower() in HTML_SUFFIXES
    limit = HTML_MAX_BYTES if html else MAX_BYTES
    size: int | None
    try:
        with p.open("rb") as f:
            data = f.read(limit + 1)
            size = f.seek(0, 2)
    except FileNotFoundError:
        raise IngestError(str(path), "does not exist (it was moved or deleted while the folder was read); "
                          "it is left out of this build") from None
    except IsADirectoryError:
        raise IngestError(str(path), "is a folder, not an article file") from None
    except OSError as exc:
        raise IngestError(str(path), f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > limit:
        # Cut before a character, never inside one (UTF-8 continuation bytes are 10xxxxxx).
        end = limit
        while end > limit - 4 and data[end] & 0xC0 == 0x80:
            end -= 1
        data = data[:end]
    else:
        size = None
    text, decode_warnings = decode(data, str(path))
    if html:  # an HTML page: its article, as Markdown with front matter
        try:
            text = to_markdown(text)
        except HtmlError as exc:
            raise IngestError(str(path), str(exc)) from None
        return loads(text, str(path), suffix=".md", warnings=decode_warnings, name=name)
    return loads(text, str(path), suffix=p.suffix.lower(), warnings=decode_warnings, size=size, name=name)


def find_articles(paths: list[Path]) -> list[Path]:
    """Files given, plus ``.txt``/``.md`` files found under directories, sorted.

    Hidden files and folders (editor swap files, ``.git``) are skipped; a file
    that vanishes while the folder is listed is simply not found.
    """
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            found.extend(sorted(
                f for f in p.rglob("*")
                if f.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
                and f.is_file()
            ))
        else:
            found.append(p)
    return found
