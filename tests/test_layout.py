"""The folder table is defined once; the files that repeat it must agree with it."""

from __future__ import annotations

import ast
from pathlib import Path

import yaml

from generator.site.layout import FOLDERS, KIND_OF_FOLDER, OWNED_FILES, OWNED_FOLDERS, index_path
from tests.conftest import ROOT


def test_mkdocs_keeps_every_generated_folder_out_of_the_nav() -> None:
    class Loader(yaml.SafeLoader):
        """mkdocs.yml may hold !!python/name tags (Material's emoji options): read them as text."""

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    listed = [line.strip() for line in config["not_in_nav"].splitlines() if line.strip()]
    assert listed == [f"/{folder}/" for folder in OWNED_FOLDERS]
    # ...and links each folder's index page from the nav instead.
    def pages(entries: list[object]) -> list[str]:
        """Every page of the nav, sections opened."""
        out: list[str] = []
        for entry in entries:
            for value in (entry.values() if isinstance(entry, dict) else [entry]):
                out.extend(pages(value) if isinstance(value, list) else [str(value)])
        return out

    nav = pages(config["nav"])
    assert [index_path(folder) for folder in OWNED_FOLDERS] == [p for p in nav if p.endswith("/index.md")]


def test_gitignore_ignores_every_generated_folder() -> None:
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    generated = [line for line in lines if line.startswith("/docs/")]
    assert generated == [f"/docs/{folder}/" for folder in OWNED_FOLDERS] + [f"/docs/{f}" for f in OWNED_FILES]


def test_the_aliases_sections_are_the_entity_folders() -> None:
    assert set(KIND_OF_FOLDER) == set(FOLDERS.values()) == set(OWNED_FOLDERS) - {"briefs", "quoted"}
    assert all(FOLDERS[kind] == folder for folder, kind in KIND_OF_FOLDER.items())


def _imports(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, node.lineno))
        elif isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
    return found


def test_the_site_never_imports_the_extractors() -> None:
    """Pages are built from the model alone; word lists come from the lexicon.

    Until the lexicon exists on this branch, a lookup still reached through
    ``generator.extract`` must carry the mark that it moves to the lexicon.
    """
    offending = []
    for path in sorted((ROOT / "generator" / "site").glob("*.py")):
        for module, line in _imports(path):
            if module.startswith("generator.extract"):
                offending.append(f"{path.name}:{line} imports {module}")
    assert offending == []
