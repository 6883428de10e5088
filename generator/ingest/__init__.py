"""Read input files into checked :class:`~generator.model.Article` objects, once.

The stages, each a module: ``decode`` (bytes to text, encodings, size bounds),
``frontmatter`` (python-frontmatter plus the strict schema), ``article``
(headline, paragraphs, slug), ``language`` (English or not) and ``corpus``
(the articles of a folder, duplicates and clashing slugs sorted out).
"""

from __future__ import annotations

from generator.ingest.article import HEADLINE_MAX, load, loads, paragraphs
from generator.ingest.corpus import find_articles, read_articles
from generator.ingest.decode import MAX_BYTES, MAX_CHARS, decode
from generator.ingest.errors import IngestError
from generator.ingest.frontmatter import FRONT_MATTER_SCHEMA, check_front_matter
from generator.ingest.language import looks_english
from generator.ingest.safety import SUFFIXES
from generator.ingest.slugs import RESERVED_SLUGS, SLUG_MAX, safe_slug, slugify

__all__ = [
    "FRONT_MATTER_SCHEMA",
    "HEADLINE_MAX",
    "MAX_BYTES",
    "MAX_CHARS",
    "RESERVED_SLUGS",
    "SLUG_MAX",
    "SUFFIXES",
    "IngestError",
    "check_front_matter",
    "decode",
    "find_articles",
    "load",
    "loads",
    "looks_english",
    "paragraphs",
    "read_articles",
    "safe_slug",
    "slugify",
]
