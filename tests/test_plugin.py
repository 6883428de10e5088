"""The MkDocs plugin stays thin: it runs the generator and watches the inputs."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from generator.plugin import NewsbriefPlugin
from tests.conftest import copy_project


def _plugin(**options: object) -> NewsbriefPlugin:
    plugin = NewsbriefPlugin()
    errors, warnings = plugin.load_config(options)
    assert errors == [] and warnings == []
    return plugin


def test_serve_watches_seeds_templates_and_aliases(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    (root / "aliases.yml").write_text("{}\n", encoding="utf-8")
    watched: list[str] = []
    server = SimpleNamespace(watch=watched.append)
    config = SimpleNamespace(config_file_path=str(root / "mkdocs.yml"), docs_dir=str(root / "docs"))
    _plugin().on_serve(server, config=config, builder=None)
    assert sorted(Path(p).name for p in watched) == ["aliases.yml", "seeds", "templates"]


def test_pre_build_generates_pages_once(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    config = SimpleNamespace(config_file_path=str(root / "mkdocs.yml"), docs_dir=str(root / "docs"))
    plugin = _plugin(cache=False)
    plugin.on_pre_build(config=config)
    brief = root / "docs" / "briefs" / "000-8dabb732faecaf91.md"
    assert brief.exists()
    before = brief.stat().st_mtime_ns
    plugin.on_pre_build(config=config)  # nothing changed: nothing rewritten, so serve cannot loop
    assert brief.stat().st_mtime_ns == before


def test_disabled_plugin_writes_nothing(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    config = SimpleNamespace(config_file_path=str(root / "mkdocs.yml"), docs_dir=str(root / "docs"))
    _plugin(enabled=False).on_pre_build(config=config)
    assert not (root / "docs" / "briefs").exists()


def test_a_broken_aliases_file_is_a_plugin_error_naming_it(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    (root / "aliases.yml").write_text("people:\n  Ada: {colour: red}\n", encoding="utf-8")
    config = SimpleNamespace(config_file_path=str(root / "mkdocs.yml"), docs_dir=str(root / "docs"))
    with pytest.raises(PluginError, match=r"aliases\.yml: 'Ada': unknown key\(s\) colour"):
        _plugin(cache=False).on_pre_build(config=config)
    assert not (root / "docs" / "briefs").exists()  # stopped before any page was written


def _tiny_site(site: Path) -> Path:
    """Two built pages, one marked for search."""
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text("<html><body><h1>Home</h1></body></html>", encoding="utf-8")
    (site / "a" / "index.html").write_text(
        '<html lang="en"><body><div data-pagefind-body><h1>Harbour news</h1><p>The ferry runs again.</p></div>'
        "</body></html>",
        encoding="utf-8",
    )
    return site


def _built(site: Path) -> SimpleNamespace:
    """What on_post_build reads of MkDocs' config."""
    return SimpleNamespace(site_dir=str(site), site_name="t", site_url=None, site_description=None)


@pytest.mark.parametrize("command", ["build", "serve"])
def test_post_build_writes_the_search_index(tmp_path: Path, command: str) -> None:
    site = _tiny_site(tmp_path / "site")
    plugin = _plugin()
    plugin.on_startup(command=command, dirty=False)
    plugin.on_post_build(config=_built(site))
    if command == "serve":  # written in the background: the page reloads first
        indexer = plugin._indexer
        assert indexer is not None
        plugin.on_post_build(config=_built(site))  # a build while indexing: queued
        while indexer is not None:  # the same thread, or a new one if the first had already finished
            indexer.join(timeout=120)
            assert not indexer.is_alive()
            indexer = plugin._indexer
        assert plugin._pending is None
    from generator.search import indexed_pages

    assert indexed_pages(site / "pagefind") == 1
    assert not [p for p in site.iterdir() if p.name.startswith(".pagefind")]  # swapped in, nothing left over


def test_post_build_can_be_switched_off(tmp_path: Path) -> None:
    site = _tiny_site(tmp_path / "site")
    plugin = _plugin(search_index=False)
    plugin.on_startup(command="build", dirty=False)
    plugin.on_post_build(config=_built(site))
    assert not (site / "pagefind").exists()
