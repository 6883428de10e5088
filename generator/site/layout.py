"""Where each kind of page lives below ``docs/``: the one folder table.

The writer owns these folders, the catalog and renderer link into them, the
aliases file uses the same plural names for its sections, and ``mkdocs.yml``
(``not_in_nav``) and ``.gitignore`` list them too (a test keeps those in step).
"""

from __future__ import annotations

from generator.model import EntityKind

BRIEFS = "briefs"
FOLDERS: dict[EntityKind, str] = {"person": "people", "place": "places", "organization": "organizations"}
"""Each entity kind's folder, which is also its plural (a section of ``aliases.yml``)."""
KIND_OF_FOLDER: dict[str, EntityKind] = {folder: kind for kind, folder in FOLDERS.items()}
QUOTED = "quoted"
"""The "Who is quoted" pages."""
OWNED_FOLDERS = (BRIEFS, *FOLDERS.values(), QUOTED)
"""The folders the generator writes; nothing else below ``docs/`` is touched but :data:`OWNED_FILES`."""
OWNED_FILES = ("index.md",)
"""Single pages at the top of ``docs/`` the generator writes: the home page is the news front."""
SECTION_TITLES: dict[EntityKind, str] = {"person": "People", "place": "Places", "organization": "Organisations"}
"""Headings of each kind's section and index page."""


def brief_path(slug: str) -> str:
    """Path below ``docs/`` of the brief with this slug."""
    return f"{BRIEFS}/{slug}.md"


def entity_path(kind: EntityKind, slug: str) -> str:
    """Path below ``docs/`` of an entity's page."""
    return f"{FOLDERS[kind]}/{slug}.md"


def index_path(folder: str) -> str:
    """Path below ``docs/`` of a folder's index page."""
    return f"{folder}/index.md"
