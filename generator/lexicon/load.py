"""Read the word lists of ``generator/data/lexicon/`` once per process.

Two formats, both with ``#`` comment lines for the header that says what a
list is, where it came from and why its entries are there:

* ``*.txt``: entries separated by white space (one a line, or many).
* ``*.tsv``: one entry a line, a tab, then its tags separated by spaces. A
  tag is a facet of the one list ("quote", "loaded") or a ``name=value``
  pair ("side=RU", "headline=says"). An entry may contain spaces ("North
  Korean"); it is listed once, with every tag it has.

Notes:
    A facet stands for the set of words one rule needs. Keeping the facets
    in one file, not one list per rule, is what stops two lists of the same
    words drifting apart (two "reporting verb" lists had 70 and 103 words).
"""

from __future__ import annotations

import functools
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
"""The package's data folder (gazetteer, organisation and state-media files)."""
LEXICON = DATA / "lexicon"
"""The word lists proper."""


def lexicon_sources(*data: str) -> list[Path]:
    """The files a table built from the lexicon depends on, for :func:`generator.tables.cached`:
    the lexicon's code, its word lists and the named files of ``data/``.

    The whole package and every list, not just the files a builder opens: a
    helper it calls (``fold``) or a list read through another module changes
    its output just as surely, and hashing them all takes about a millisecond.
    """
    code = sorted(Path(__file__).resolve().parent.glob("*.py"))
    return [*code, *sorted(LEXICON.iterdir()), *(DATA / name for name in data)]


def _lines(name: str) -> list[str]:
    text = (LEXICON / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@functools.cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of a ``.txt`` list, in file order."""
    return tuple(w for line in _lines(name) for w in line.split())


@functools.cache
def table(name: str) -> dict[str, dict[str, str]]:
    """Entry → {tag: value} of a ``.tsv`` list, in file order (a plain facet has value "")."""
    rows: dict[str, dict[str, str]] = {}
    for line in _lines(name):
        entry, _, tags = line.partition("\t")
        entry = entry.strip()
        if entry in rows:
            raise ValueError(f"{name}: {entry!r} is listed twice")
        rows[entry] = {key: value for key, _, value in (tag.partition("=") for tag in tags.split())}
    return rows


def tagged(name: str, *tags: str) -> frozenset[str]:
    """Entries of ``name`` that carry any of ``tags``."""
    return frozenset(in_order(name, *tags))


def valued(name: str, tag: str) -> dict[str, str]:
    """Entry → value of a ``tag=value`` facet, in file order."""
    return {entry: table(name)[entry][tag] for entry in in_order(name, tag)}


def in_order(name: str, *tags: str) -> tuple[str, ...]:
    """Entries of ``name`` that carry any of ``tags``, in file order (for lists whose order means something).

    A facet no entry carries is a typo in the code or the file, not an empty
    list: it raises rather than let a rule silently match nothing.
    """
    found = tuple(entry for entry, row in table(name).items() if any(tag in row for tag in tags))
    if not found:
        raise ValueError(f"{name}: no entry is tagged {' or '.join(tags)}")
    return found
