"""Tables kept on disk between processes (generator.tables): read back while their sources are the same,
built again as soon as one changes, and never a reason for a process to fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import tables
from generator.lexicon import gazetteer as gazetteer_module
from generator.lexicon.load import DATA, LEXICON, lexicon_sources


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "tables"
    monkeypatch.setenv(tables.ENV, str(where))
    return where


class Builder:
    """Builds a table from a file's text, counting its calls."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.calls = 0

    def __call__(self) -> dict[str, int]:
        self.calls += 1
        return {line: len(line) for line in self.source.read_text(encoding="utf-8").split()}


def test_a_table_is_built_once_then_read_back(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("alpha beta\n", encoding="utf-8")
    build = Builder(source)
    first = tables.cached("words", build, sources=[source])
    again = tables.cached("words", build, sources=[source])
    assert first == again == {"alpha": 5, "beta": 4}
    assert build.calls == 1
    assert len(list(folder.glob("words-*.pickle"))) == 1


def test_a_changed_source_file_builds_the_table_again(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("alpha beta\n", encoding="utf-8")
    build = Builder(source)
    tables.cached("words", build, sources=[source])
    source.write_text("alpha beta gamma\n", encoding="utf-8")
    assert tables.cached("words", build, sources=[source]) == {"alpha": 5, "beta": 4, "gamma": 5}
    assert build.calls == 2
    # Back to the first content: a key kept from before, nothing to build.
    source.write_text("alpha beta\n", encoding="utf-8")
    assert tables.cached("words", build, sources=[source]) == {"alpha": 5, "beta": 4}
    assert build.calls == 2


def test_another_package_version_is_another_key(tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("alpha\n", encoding="utf-8")
    assert tables.key("t", [source], ["pyyaml"]) != tables.key("t", [source], ["no-such-package-here"])
    assert tables.key("t", [source]) != tables.key("u", [source])


def test_only_a_few_keys_of_a_table_are_kept(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    for n in range(tables.KEEP + 3):
        source.write_text(f"word{n}\n", encoding="utf-8")
        tables.cached("words", Builder(source), sources=[source])
    tables.cached("other", lambda: 1, sources=[source])
    assert len(list(folder.glob("words-*.pickle"))) == tables.KEEP
    assert len(list(folder.glob("other-*.pickle"))) == 1


def test_a_damaged_table_is_built_again(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("alpha\n", encoding="utf-8")
    build = Builder(source)
    tables.cached("words", build, sources=[source])
    (stored,) = folder.glob("words-*.pickle")
    stored.write_bytes(stored.read_bytes()[:10])
    assert tables.cached("words", build, sources=[source]) == {"alpha": 5}
    assert build.calls == 2


def test_a_folder_that_cannot_be_written_only_costs_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(tables.ENV, str(blocker / "tables"))
    source = tmp_path / "words.txt"
    source.write_text("alpha\n", encoding="utf-8")
    build = Builder(source)
    assert tables.cached("words", build, sources=[source]) == {"alpha": 5}
    assert tables.cached("words", build, sources=[source]) == {"alpha": 5}
    assert build.calls == 2


def test_the_gazetteer_depends_on_the_lexicon_code_lists_and_place_file() -> None:
    sources = set(lexicon_sources("places.yml"))
    assert {Path(gazetteer_module.__file__), DATA / "places.yml"} <= sources
    assert {LEXICON / "place_words.tsv", Path(tables.module_file("generator.lexicon.text"))} <= sources


def test_the_gazetteer_read_back_answers_as_the_one_built(folder: Path) -> None:
    built = gazetteer_module.Gazetteer(gazetteer_module._build_tables())
    stored = tables.cached("gazetteer", gazetteer_module._build_tables, sources=[])
    again = gazetteer_module.Gazetteer(tables.cached("gazetteer", lambda: pytest.fail("built twice"), sources=[]))
    assert len(stored[0]) > 10_000
    for name in ("Kyiv", "Kiev", "Moscow", "Springfield", "Sukhyi Yar", "Donetsk", "England", "Nowhere at all"):
        assert built.lookup(name) == again.lookup(name)
        assert built.is_curated(name) == again.is_curated(name)
        assert (name in built) == (name in again)
    assert built.countries == again.countries
    assert again.lookup("Kyiv")[0] is again.lookup("kyiv")[0]  # one Place object per row


def test_a_new_process_reads_the_gazetteer_an_earlier_one_stored(folder: Path) -> None:
    """The point of it all: the second process does not build (it would call _Builder)."""
    env = {**os.environ, tables.ENV: str(folder)}
    build = "from generator.lexicon.gazetteer import gazetteer; print(gazetteer().lookup('Kyiv')[0].country)"
    first = subprocess.run([sys.executable, "-c", build], env=env, capture_output=True, text=True, check=True)
    assert first.stdout.strip() == "UA"
    forbid = (
        "import generator.lexicon.gazetteer as g\n"
        "g._Builder = None  # building would fail now\n"
        "print(g.gazetteer().lookup('Kyiv')[0].country)\n"
    )
    second = subprocess.run([sys.executable, "-c", forbid], env=env, capture_output=True, text=True, check=True)
    assert second.stdout.strip() == "UA"
