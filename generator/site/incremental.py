"""Which pages need rendering again: a fingerprint of every input of each page.

A brief's page depends on its article and on the pages it links to (their
names, addresses and roles); an entity's page on the briefs that mention it;
the index pages on the list of briefs and entities. Each page gets a hash of
exactly those inputs, salted with everything that affects every page (the
generator's code, the model, the templates, the aliases file). The hashes are
kept in ``.newsbrief/pages.json`` with the size and modification time of the
file written, so a page whose inputs and file are unchanged is neither
rendered nor read: one edited article costs its own page and the pages of
what it mentions.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.model import Brief
from generator.site.catalog import Catalog, SiteEntity

VERSION = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class PageJob:
    """One page to generate: where it goes, the hash of its inputs, and how to render it."""

    path: str
    fingerprint: str
    render: Callable[[], str]


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

    def everything(self) -> str:
        """Inputs of pages that list the whole site (the indexes): every brief and every entity."""
        return _hash(
            *(self.brief(b) for b in self.catalog.briefs),
            *(f"{self.link(e)}:{len(e.briefs)}" for e in self.catalog.entities.values()),
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

    def save(self) -> None:
        from generator.site.writer import atomic_write

        payload = {"version": VERSION, "salt": self.salt, "pages": {k: list(v) for k, v in sorted(self.pages.items())}}
        atomic_write(self.path, json.dumps(payload, separators=(",", ":")) + "\n")
