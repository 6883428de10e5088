"""Split a long list into pages of fixed size, so no generated page grows with the site.

A list of briefs or entities lives in a folder: page 1 is ``FOLDER/index.md``
(or any first path given), later pages are ``FOLDER/page/N.md``. Brief and
entity slugs never contain a slash, so ``page/N.md`` cannot collide with them.
An entity's own page (``people/SLUG.md``) keeps its later pages in a folder of
its own, ``people/SLUG/page/N.md``: one folder per entity, so two entities'
pages never share a path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

PAGE_SIZE = 20
"""Briefs per list page: twenty cards read comfortably on a phone."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Page(Generic[T]):
    """One page of a list: its items, where it lives and its neighbours."""

    items: tuple[T, ...]
    number: int
    count: int
    path: str
    previous: str | None
    next: str | None
    first_index: int
    """0-based position of the first item in the whole list."""


def page_path(first: str, number: int, folder: str | None = None) -> str:
    """Path of page ``number`` of the list whose first page is ``first`` (``x/index.md``);
    later pages go in ``folder`` (by default the first page's folder)."""
    if number == 1:
        return first
    if folder is None:
        folder = first.rsplit("/", 1)[0]
    return f"{folder}/page/{number}.md"


def paginate(items: Sequence[T], first: str, size: int = PAGE_SIZE, *, folder: str | None = None) -> list[Page[T]]:
    """Pages of at most ``size`` items; an empty list still gets its (empty) first page."""
    count = max(1, -(-len(items) // size))
    return [
        Page(
            items=tuple(items[(n - 1) * size : n * size]),
            number=n,
            count=count,
            path=page_path(first, n, folder),
            previous=page_path(first, n - 1, folder) if n > 1 else None,
            next=page_path(first, n + 1, folder) if n < count else None,
            first_index=(n - 1) * size,
        )
        for n in range(1, count + 1)
    ]
