"""Issue 16, output side: clear errors for a broken aliases file or docs/ folder,
a person's files never deleted, no write through a linked folder, and a
damaged manifest rebuilt from the pages on disk."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from generator.model import Report
from generator.plugin import NewsbriefPlugin
from generator.site import writer
from generator.site.writer import WriterError, digest, write_pages
from tests.sitetools import cli, make_project


def _mkdocs_build(root: Path) -> None:
    """What ``mkdocs build`` runs first: the plugin's pre-build hook."""
    plugin = NewsbriefPlugin()
    assert plugin.load_config({"cache": False}) == ([], [])
    plugin.on_pre_build(config=SimpleNamespace(  # type: ignore[arg-type]
        config_file_path=str(root / "mkdocs.yml"), docs_dir=str(root / "docs")))


def _one_line_error(root: Path, where: str, what: str) -> None:
    """Both ``newsbrief build`` and ``mkdocs build`` stop with one line naming ``where`` and ``what``."""
    result = cli("build", "--root", str(root))  # an exception other than a clean exit fails here
    assert result.exit_code == 1
    (line,) = [x for x in result.output.splitlines() if x.startswith("Error:")]
    assert where in line and what in line, line
    assert "Traceback" not in result.output
    with pytest.raises(PluginError) as info:
        _mkdocs_build(root)
    assert where in str(info.value) and what in str(info.value)
    assert "\n" not in str(info.value)


# --- class 8: aliases.yml -------------------------------------------------------------

ALIASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "not-utf8": (lambda p: p.write_bytes(b"people:\n  Jos\xe9:\n    hide: true\n"), "UTF-8"),
    "too-deep": (lambda p: p.write_text("people: " + "[" * 20_000 + "]" * 20_000 + "\n"), "nested too deeply"),
    "integer-keys": (lambda p: p.write_text("people:\n  Ada:\n    1: x\n    2: y\n    hide: true\n"), "unknown key"),
    "integer-name": (lambda p: p.write_text("people:\n  1:\n    hide: true\n"), "not a name"),
    "a-folder": (lambda p: p.mkdir(), "is a folder"),
    "repeated-key": (lambda p: p.write_text("people:\n  Ada:\n    hide: true\n  Ada:\n    rename: Ada L\n"),
                     "appears twice"),
}


@pytest.mark.parametrize("case", list(ALIASES))
def test_a_broken_aliases_file_is_one_clear_line(tmp_path: Path, case: str) -> None:
    root = make_project(tmp_path)
    make, what = ALIASES[case]
    make(root / "aliases.yml")
    _one_line_error(root, "aliases.yml", what)


# --- class 8: docs/ that cannot be written ------------------------------------------------

def test_an_owned_folder_that_is_a_file_is_one_clear_line(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    (root / "docs" / "briefs").write_text("not a folder\n")
    _one_line_error(root, "docs/briefs", "move the file away")


@pytest.mark.parametrize(("code", "what"), [(errno.ENOSPC, "free some space"), (errno.EROFS, "not writable"),
                                            (errno.EACCES, "not writable")])
def test_a_full_disk_or_read_only_docs_is_one_clear_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, what: str) -> None:
    root = make_project(tmp_path)
    real_open = os.open

    def failing(path: str, flags: int, mode: int = 0o777) -> int:
        if "/docs/" in str(path):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(writer.os, "open", failing)
    monkeypatch.setattr(writer.tempfile, "mkstemp", lambda **kw: (_ for _ in ()).throw(
        OSError(code, os.strerror(code), str(kw.get("dir")))) if "/docs" in str(kw.get("dir")) else
        _real_mkstemp(**kw))
    _one_line_error(root, "docs/", what)


_real_mkstemp = writer.tempfile.mkstemp


# --- class 9: a person's file named like a temporary ----------------------------------

def _build(docs: Path, pages: dict[str, str]) -> Report:
    report = Report()
    write_pages(docs, docs.parent / ".newsbrief" / "manifest.json", pages.items(), report)
    return report


def test_a_persons_file_named_like_a_temporary_is_kept(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "briefs").mkdir(parents=True)
    mine = docs / "briefs" / ".nb-tmp-my-notes"
    mine.write_text("Notes I keep here\n")
    _build(docs, {"briefs/a.md": "A\n"})
    _build(docs, {"briefs/a.md": "A2\n"})
    assert mine.read_text() == "Notes I keep here\n"


# --- class 10b: an owned folder that is a link, and a crafted manifest ---------------------

def test_an_owned_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "victim.md"
    victim.write_text("A file outside docs/\n")
    (docs / "briefs").symlink_to(outside, target_is_directory=True)
    manifest = tmp_path / ".newsbrief" / "manifest.json"
    manifest.parent.mkdir()
    manifest.write_text(json.dumps({"version": 1, "files": {"briefs/victim.md": [digest(victim.read_bytes())]}}))
    with pytest.raises(WriterError, match="symbolic link"):
        _build(docs, {"people/p.md": "P\n"})
    assert victim.read_text() == "A file outside docs/\n"


# --- class 11: a damaged manifest -----------------------------------------------------------

@pytest.mark.parametrize("damage", [lambda b: b[: len(b) // 2], lambda b: b"", lambda b: b"\x00" * 10, None])
def test_a_damaged_manifest_is_reported_and_rebuilt_from_disk(
        tmp_path: Path, damage: Callable[[bytes], bytes] | None) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    manifest = tmp_path / ".newsbrief" / "manifest.json"
    _build(docs, {"briefs/a.md": "A\n", "briefs/index.md": "- a\n", "people/old.md": "Old\n"})
    (docs / "briefs" / "mine.md").write_text("A person's page\n")
    if damage is None:
        manifest.unlink()
    else:
        manifest.write_bytes(damage(manifest.read_bytes()))
    report = _build(docs, {"briefs/a.md": "A\n", "briefs/b.md": "B\n", "briefs/index.md": "- a\n- b\n"})
    assert report.conflicts == []
    assert sorted(report.written) == ["briefs/b.md", "briefs/index.md"]
    assert report.removed == ["people/old.md"]
    assert "- b" in (docs / "briefs" / "index.md").read_text()
    assert (docs / "briefs" / "mine.md").read_text() == "A person's page\n"
    if damage is not None:
        assert any("could not be read" in p.message and "rebuilt" in p.message for p in report.problems)
