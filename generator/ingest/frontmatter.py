"""Front matter of ``.md`` articles: python-frontmatter finds it, a strict schema checks it.

python-frontmatter's YAML handler detects and splits the front matter; its
``parse()`` is not used because it strips the text, and body offsets are the
contract of ``newsbrief extract``. The YAML is read by a stricter loader
(dates kept as text, duplicate keys refused, the line of each key noted), and
every value is checked against :data:`FRONT_MATTER_SCHEMA` once, here, with
errors that name the file, the line and the key.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from generator.ingest.errors import IngestError
from generator.ingest.slugs import slug_problem, slugify
from generator.yaml_loader import StrictLoader, short

_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
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


_Loader = StrictLoader


class StrictYAMLHandler(YAMLHandler):
    """python-frontmatter's YAML handler, strict: ``---`` alone on the first line
    opens the front matter, the next such line closes it, and the YAML is read
    by :class:`_Loader`."""

    # Only "---" (blanks after it allowed) delimits, and the delimiter's line
    # break belongs to the delimiter, so the body starts on the next line.
    FM_BOUNDARY = re.compile(r"^---[ \t]*(?:\r?\n|\Z)", re.M)

    def load(self, fm: str, **kwargs: object) -> Any:
        meta, _lines = self.load_with_lines(fm)
        return meta

    def load_with_lines(self, fm: str) -> tuple[Any, dict[str, int]]:
        """(the YAML's value, the line of each top-level key within ``fm``, from 0)."""
        lines: dict[str, int] = {}
        loader = _Loader(fm)
        try:
            node = loader.get_single_node()
            if isinstance(node, yaml.MappingNode):
                for key_node, _ in node.value:
                    if isinstance(key_node, yaml.ScalarNode):
                        lines.setdefault(str(key_node.value), key_node.start_mark.line)
            return (loader.construct_document(node) if node is not None else None), lines
        finally:
            loader.dispose()


_HANDLER = StrictYAMLHandler()


def read_front_matter(text: str, path: str) -> tuple[dict[str, Any], dict[str, int], str]:
    """(front matter, file line of each key, body) of a ``.md`` file's text.

    Raises :class:`IngestError` naming the file and the line for front matter
    that is not closed, not YAML, or not a mapping.
    """
    parts = None
    if _HANDLER.detect(text):
        try:
            parts = _HANDLER.split(text)
        except ValueError:  # opened but never closed
            parts = None
    if parts is None:
        if text.startswith("---") and text[3:4] in ("", "\n", "\r", " ", "\t"):
            raise IngestError(path, "front matter starts with '---' on line 1 but has no closing '---' line; "
                              "add one after the last key")
        return {}, {}, text
    source, body = parts
    if not source.strip():
        return {}, {}, body
    # The front matter starts on the file's second line; YAML counts lines from 0.
    first = 2
    try:
        meta, key_lines = _HANDLER.load_with_lines(source)
    except yaml.reader.ReaderError as exc:  # a control character: YAML refuses it before parsing
        line = source.count("\n", 0, exc.position) + first
        raise IngestError(path, f"front matter holds an invisible control character (#x{exc.character:02x}) "
                          f"on line {line}; delete it") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + first}, column {mark.column + 1}" if mark is not None else ""
        context = exc.context or ""
        if context and exc.context_mark is not None and exc.context_mark is not mark:
            context += f" that starts at line {exc.context_mark.line + first}"
        problem = ": ".join(p for p in (context, exc.problem) if p)
        raise IngestError(path, f"front matter is not valid YAML{where}: {problem}") from None
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        raise IngestError(path, f"front matter is not valid YAML: {exc}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise IngestError(path, "front matter must be a mapping of keys such as 'title: ...' and "
                          f"'date: 2025-11-05', not {type(meta).__name__}")
    return meta, {key: line + first for key, line in key_lines.items()}, body


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
            errors.append(f"unknown key {short(key)}{at(key)}: {hint}known keys are {', '.join(FRONT_MATTER_SCHEMA)}")
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
            errors.append(f"key {key!r}{at(key)} must be {expected}, not {short(value)}")
            continue
        if key in ("slug", "id"):
            problem = slug_problem(converted)
            if problem:
                errors.append(f"key {key!r}{at(key)}: {problem}")
                continue
        clean[key] = converted
    if "slug" in clean and "id" in clean and slugify(clean["slug"]) != slugify(clean["id"]):
        errors.append(f"keys 'slug' and 'id' disagree ({clean['slug']!r}, {clean['id']!r}); keep one")
    if errors:
        raise IngestError(path, "front matter: " + "; ".join(errors))
    return clean
