"""Which pages need rendering again: a fingerprint of every input of each page.

A brief's page depends on its article and on the pages it links to (their
names, addresses and roles); an entity's page on the briefs that mention it;
the list pages (home, brief lists, A–Z, "who is quoted") on what every brief
extracted and every entity's name, address and counts, but not on the
articles' text, which no list shows. Each page gets a hash of exactly those
inputs, salted with everything that affects every page (the generator's code,
the model, the templates, the aliases file). The hashes are kept in
``.newsbrief/pages.json`` with the size and modification time of the file
written, so a page whose inputs and file are unchanged is neither rendered nor
read: one edited article costs its own page and the pages of what it
mentions, and the list pages only when what they show of it changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from generator.model import Brief
from generator.site.catalog import Catalog, SiteEntity

VERSION = 2


@dataclass(frozen=True, slots=True, kw_only=True)
class PageJob:
    """One page to generate: where it goes, the hash of its inputs, and how to render it."""

    path: str
    fingerprint: str
    render: Callable[[], str]


@dataclass(frozen=True, slots=True, kw_only=True)
class PageGroup:
    """Pages rendered together under one input hash, whose paths (how many pages a
    paginated list has) are only known once rendered: the list pages, and the
    pages of an entity with more briefs than one page gathers."""

    fingerprint: str
    render: Callable[[], Iterable[tuple[str, str]]]


Job = PageJob | PageGroup


def rendered(jobs: Iterable[Job]) -> Iterator[tuple[str, str]]:
    """Every page of ``jobs`` rendered, in order: a build without page records."""
    for job in jobs:
        if isinstance(job, PageGroup):
            yield from job.render()
        else:
            yield job.path, job.render()


def _hash(*parts: str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


class Fingerprints:
    """The input hashes of every page of one catalog, each computed once."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._entity: dict[int, str] = {}
        self._brief: dict[str, str] = {}

    def link(self, entity: SiteEntity) -> str:
        """What a page linking to ``entity`` shows of it: name, address, roles."""
        found = self._entity.get(id(entity))
        if found is None:
            roles = "\x1e".join(role for role, _ in entity.roles)
            found = self._entity[id(entity)] = _hash(entity.kind, entity.key, entity.path, entity.name, roles)
        return found

    def brief(self, brief: Brief) -> str:
        """The brief's article (extraction is a function of it, the code and the model)
        and the entity pages its names resolve to."""
        slug = brief.article.slug
        found = self._brief.get(slug)
        if found is None:
            parts = [repr(brief.article)]
            for entity in brief.entities:
                for name in (entity.name, *entity.aliases):
                    site = self.catalog.find(brief, entity.kind, name)
                    parts.append(f"{entity.kind}:{name}:{self.link(site) if site else '-'}")
            found = self._brief[slug] = _hash(*parts)
        return found

    def entity(self, entity: SiteEntity) -> str:
        """The entity itself and its briefs.

        A brief's hash covers the entities it names, so this also covers who
        and what the entity appears with (and their roles, which name spokespeople).
        """
        return _hash(
            self.link(entity),
            entity.description or "",
            "\x1e".join(sorted(entity.aliases)),
            repr((entity.subtype, entity.country, entity.lat, entity.lon, entity.geonames_id)),
            *(self.brief(b) for b in entity.briefs),
        )

    def listed(self, brief: Brief) -> str:
        """What a list page can show of a brief: everything extracted, without the article's text.

        The article's text, paragraphs and headline are left out, so an edit that
        changes none of the extraction (a sentence added at the end that names
        nothing new) renders no list page again.
        """
        a = brief.article
        return repr(replace(brief, article=replace(a, body="", paragraphs=(), headline=None, warnings=())))

    def lists(self) -> str:
        """Inputs of the pages that list the whole site: every brief as listed, in the
        catalog's order, and every entity's link and counts."""
        return _hash(
            "lists",
            *(self.listed(b) for b in self.catalog.briefs),
            *(
                f"{self.link(e)}:{len(e.briefs)}:{len(e.quotes)}:{len(e.claims)}"
                for e in self.catalog.entities.values()
            ),
        )


class PageRecords:
    """``.newsbrief/pages.json``: each page's input hash and the file it produced.

    ``salt`` covers what every page depends on; when it changes every page is
    rendered again (and written only if its Markdown changed).
    """

    def __init__(self, path: Path, salt: str) -> None:
        self.path = path
        self.salt = salt
        self.pages: dict[str, tuple[str, int, int]] = {}
        self._by_fingerprint: dict[str, list[str]] | None = None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if not isinstance(data, dict) or data.get("version") != VERSION or data.get("salt") != salt:
            return
        pages = data.get("pages")
        if isinstance(pages, dict):
            for rel, row in pages.items():
                if isinstance(row, list) and len(row) == 3 and isinstance(row[0], str):
                    with contextlib.suppress(TypeError, ValueError):
                        self.pages[rel] = (row[0], int(row[1]), int(row[2]))

    def fresh(self, docs: Path, job: PageJob) -> bool:
        """Whether the page on disk is the one these very inputs produced, untouched since."""
        known = self.pages.get(job.path)
        if known is None or known[0] != job.fingerprint:
            return False
        try:
            st = os.stat(docs / job.path)
        except OSError:
            return False
        return (st.st_size, st.st_mtime_ns) == known[1:]

    def group(self, docs: Path, group: PageGroup) -> list[str] | None:
        """The pages the last build wrote for ``group``, when its inputs are unchanged and
        every one of those files is untouched; otherwise None (the group is rendered)."""
        if self._by_fingerprint is None:  # one pass, not one per group: entities are groups too
            self._by_fingerprint = {}
            for rel, known in self.pages.items():
                self._by_fingerprint.setdefault(known[0], []).append(rel)
        paths = self._by_fingerprint.get(group.fingerprint, [])
        if not paths:
            return None
        fresh = all(self.fresh(docs, PageJob(path=rel, fingerprint=group.fingerprint, render=str)) for rel in paths)
        return paths if fresh else None

    def update(self, docs: Path, fingerprints: dict[str, str], kept: Iterable[str]) -> None:
        """Record the pages now on disk that the generator wrote or kept; forget the rest."""
        pages: dict[str, tuple[str, int, int]] = {}
        for rel in kept:
            fp = fingerprints.get(rel)
            if fp is None:
                continue
            try:
                st = os.stat(docs / rel)
            except OSError:
                continue
            pages[rel] = (fp, st.st_size, st.st_mtime_ns)
        self.pages = pages
        self._by_fingerprint = None

    def save(self) -> None:
        from generator.site.writer import atomic_write

        payload = {"version": VERSION, "salt": self.salt, "pages": {k: list(v) for k, v in sorted(self.pages.items())}}
        atomic_write(self.path, json.dumps(payload, separators=(",", ":")) + "\n")
