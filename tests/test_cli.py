"""The command line: the extract contract, the cache, model errors."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import analyse, batch, nlp
from generator.cli import main
from generator.nlp import ModelError, load_pipeline
from generator.pipeline import Settings, extract_all, read_articles
from tests.conftest import SEED

RECORD_KEYS = {
    "path",
    "id",
    "title",
    "date",
    "summary",
    "facts",
    "more_facts",
    "quotes",
    "sources",
    "people",
    "places",
    "organizations",
    # Beyond what score.py reads: what an exact Brief round trip needs (generator.records).
    "summary_spans",
    "timeline",
    "article",
}


def test_extract_writes_the_documented_contract(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert set(record) == RECORD_KEYS
    body = SEED.read_text(encoding="utf-8")
    assert record["id"] == "000-8dabb732faecaf91" and record["date"] is None
    assert record["facts"] and record["more_facts"]  # the seed's key facts, then its further points
    for item in record["quotes"] + record["facts"] + record["more_facts"]:
        assert body[item["start"] : item["end"]] == item["text"]
    for q in record["quotes"]:
        assert q["kind"] in {"direct", "mixed", "indirect"}
        assert set(q) >= {"text", "start", "end", "kind", "speaker", "speaker_start", "speaker_end", "cue"}
    for s in record["sources"]:
        assert set(s) >= {"name", "kind", "via", "claim", "flags"}
        if s["claim"]:
            assert body[s["claim"]["start"] : s["claim"]["end"]] == s["claim"]["text"]
    for p in record["people"]:
        assert set(p) >= {"name", "aliases", "roles", "mentions"}
    for kind in ("people", "places", "organizations"):
        for e in record[kind]:
            assert all(body[m["start"] : m["end"]] for m in e["mentions"])


def test_extract_reports_a_bad_file_and_still_writes_the_others(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("error") is not None for r in records] == [True, False]
    assert "empty.txt" in records[0]["path"] and "empty" in records[0]["error"]
    assert "empty.txt" in result.stderr


def test_unchanged_articles_are_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(root=tmp_path)
    articles, _ = read_articles([SEED])
    first, _ = extract_all(articles, settings)
    calls = []
    real = batch.extract_brief
    monkeypatch.setattr(batch, "extract_brief", lambda p: calls.append(p.article) or real(p))
    # With everything cached the pipeline is not even loaded.
    monkeypatch.setattr(analyse.nlp, "load_pipeline", lambda name: pytest.fail("pipeline loaded"))
    second, _ = extract_all(articles, settings)
    assert calls == [] and second == first
    monkeypatch.undo()
    monkeypatch.setattr(batch, "extract_brief", lambda p: calls.append(p.article) or real(p))
    changed = [replace(articles[0], title="Other")]
    extract_all(changed, settings)
    assert len(calls) == 1


def test_the_model_id_is_read_without_loading_and_matches_the_loaded_pipeline() -> None:
    meta = load_pipeline().meta
    assert nlp.model_id() == f"{meta['lang']}_{meta['name']}-{meta['version']}"
    with pytest.raises(ModelError):
        nlp.model_id("xx_no_such_model")


def test_an_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(ModelError, match="not installed"):
        load_pipeline("xx_no_such_model")
    result = CliRunner().invoke(main, ["extract", str(SEED), "--model", "xx_no_such_model"])
    assert result.exit_code != 0


@pytest.mark.parametrize("command", ["build", "brief", "extract"])
def test_a_missing_model_is_one_line_from_every_command(command: str, tmp_path: Path) -> None:
    from tests.conftest import copy_project

    root = copy_project(tmp_path)
    args = {"build": ["--root", str(root)], "brief": [str(SEED), "--root", str(root)], "extract": [str(SEED)]}
    result = CliRunner().invoke(main, [command, *args[command], "--model", "xx_no_such_model"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("Error: spaCy pipeline 'xx_no_such_model' is not installed")


def test_check_passes_on_the_seeds() -> None:
    result = CliRunner().invoke(main, ["check", str(SEED.parent)])
    assert result.exit_code == 0, result.output
    assert "1 article(s) ok, 0 problem(s)" in result.output


def test_a_broken_aliases_file_stops_the_build_with_its_name(tmp_path: Path) -> None:
    from tests.conftest import copy_project

    root = copy_project(tmp_path)
    (root / "aliases.yml").write_text("people:\n  Ada: {colour: red}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--root", str(root), "--no-cache"])
    assert result.exit_code == 1
    assert "aliases.yml" in result.output and "colour" in result.output
    # Nothing was published with the owner's hidden or merged entities ignored.
    assert not (root / "docs" / "people").exists()


def test_every_command_declares_each_option_once() -> None:
    # A merge once stacked the same option decorator twice on `build`: --help listed it twice.
    from generator.cli import main as group

    for name, command in group.commands.items():
        names = [p.name for p in command.params]
        assert len(names) == len(set(names)), (name, names)
