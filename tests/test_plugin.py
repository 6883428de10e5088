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
