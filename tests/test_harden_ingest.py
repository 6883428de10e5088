"""Issue 16, input side: files from outside seeds/, special files, crafted names,
absurd punctuation runs, extreme dates, and one article's time budget."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import ingest
from generator.model import Problem
from generator.pipeline import Settings, extract_all
from tests.sitetools import SEED, cli

ARTICLE = "Officials said on Monday that talks on the new port would continue next week.\n"


def _seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    return seeds


# --- class 2: a symbolic link in seeds/ publishes a file from outside --------------

def test_symlink_to_a_file_outside_seeds_is_refused(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path)
    secret = tmp_path / "runner-secret.txt"
    secret.write_text("The deploy key of the runner is hunter2 and nobody must see it.\n", encoding="utf-8")
    (seeds / "leak.txt").symlink_to(secret)
    articles, problems = ingest.read_articles([seeds])
    assert [a.path for a in articles] == [str(seeds / "ok.txt")]
    assert not any("hunter2" in a.body for a in articles)
    (problem,) = [p for p in problems if p.path.endswith("leak.txt")]
    assert problem.severity == "error" and "outside the folder" in problem.message


def test_symlink_inside_seeds_is_followed(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path)
    (seeds / "sub").mkdir()
    (seeds / "sub" / "other.txt").write_text(ARTICLE.replace("port", "bridge"), encoding="utf-8")
    (seeds / "link.txt").symlink_to(seeds / "sub" / "other.txt")
    articles, _problems = ingest.read_articles([seeds])
    assert {Path(a.path).name for a in articles} >= {"ok.txt", "link.txt"}


def test_symlinked_folder_is_not_entered(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("The password of the server is swordfish, said the admin.\n")
    (seeds / "more").symlink_to(outside, target_is_directory=True)
    articles, problems = ingest.read_articles([seeds])
    assert [Path(a.path).name for a in articles] == ["ok.txt"]
    assert any(p.path.endswith("more") and "folder" in p.message for p in problems)


# --- class 12: special files, loops, dangling links, crafted names -------------------

def test_loops_dangling_links_and_fifos_in_seeds_are_reported(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path)
    (seeds / "loop.txt").symlink_to(seeds / "loop.txt")
    (seeds / "gone.txt").symlink_to(tmp_path / "missing.txt")
    os.mkfifo(seeds / "pipe.txt")
    articles, problems = ingest.read_articles([seeds])
    assert [Path(a.path).name for a in articles] == ["ok.txt"]
    messages = {Path(p.path).name: p.message for p in problems}
    assert "loop" in messages["loop.txt"]
    assert "broken" in messages["gone.txt"]
    assert "FIFO" in messages["pipe.txt"]


@pytest.mark.parametrize("command", ["check", "brief", "extract"])
def test_a_fifo_named_on_the_command_line_does_not_hang(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    run = subprocess.run([sys.executable, "-m", "generator", command, str(fifo)], capture_output=True,
                         text=True, timeout=60, cwd=tmp_path)
    # extract writes an error record and goes on (its contract); the others exit 1.
    assert run.returncode == (0 if command == "extract" else 1)
    assert "FIFO" in run.stderr and "Traceback" not in run.stderr


def test_a_crafted_file_name_cannot_forge_a_report_line(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    name = "x\nfake.txt: warning: all good\x1b[2K.txt"
    (seeds / name).write_bytes(b"")
    result = cli("check", str(seeds))
    lines = result.output.splitlines()
    assert not any(line.startswith("fake.txt") for line in lines)
    assert "\x1b" not in result.output
    assert any("\\n" in line and "\\x1b" in line for line in lines)


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31"])
def test_extreme_dates_build_a_brief(tmp_path: Path, date: str) -> None:
    f = tmp_path / "a.md"
    f.write_text(f"---\ndate: {date}\n---\nOfficials said on Monday that the talks would resume "
                 "next week. The deal was signed in January, they said yesterday.\n", encoding="utf-8")
    articles, problems = ingest.read_articles([f])
    briefs, failures = extract_all(articles, Settings(cache=False))
    assert len(briefs) == 1 and not failures, failures
    assert any("outside the dates" in p.message for p in problems)


# --- class 3: absurd runs are shortened; one article has a time budget --------------

@pytest.mark.parametrize("run", ['"' * 20_000, ")" * 49_000, "'s" * 20_000, "\u201d" * 30_000])
def test_absurd_runs_are_shortened_before_parsing(run: str) -> None:
    article = ingest.loads(f"Talks resume\n\nHe said {run} and left.\n", "run.txt")
    assert len(article.body) < 200
    assert any("shortened" in w for w in article.warnings)
    # What is parsed is what is shown: every paragraph is a slice of the body.
    assert all(article.body[p.start : p.end] == p.text for p in article.paragraphs)


def test_a_normal_article_is_not_changed() -> None:
    text = SEED.read_text(encoding="utf-8")
    article = ingest.loads(text, "seed.txt")
    assert article.body == text and not article.warnings


def test_an_article_over_its_time_budget_is_skipped_with_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBRIEF_ARTICLE_SECONDS", "0.000001")
    article = ingest.load(SEED)
    briefs, problems = extract_all([article], Settings(cache=False))
    assert briefs == []
    (problem,) = problems
    assert isinstance(problem, Problem) and problem.path == str(SEED)
    assert "took longer than" in problem.message and "NEWSBRIEF_ARTICLE_SECONDS" in problem.message


def test_thousands_of_quotes_give_bounded_output() -> None:
    text = "Talks resume\n\n" + "".join(f'"Yes {i % 10}," he said.\n' for i in range(400))
    article = ingest.loads(text, "quotes.txt")
    briefs, _problems = extract_all([article], Settings(cache=False))
    (brief,) = briefs
    assert len(brief.quotes) <= 400
    assert all(article.body[q.start : q.end] == q.text for q in brief.quotes)


def test_the_budget_also_stops_a_stage_with_no_check(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    import generator.extract as extract

    def endless(parsed: object) -> list[object]:
        while True:  # a slow loop that never calls budget.check()
            time.sleep(0.01)

    monkeypatch.setattr(extract, "sentences", endless)
    monkeypatch.setenv("NEWSBRIEF_ARTICLE_SECONDS", "0.5")
    briefs, problems = extract_all([ingest.load(SEED)], Settings(cache=False))
    assert briefs == [] and "took longer than 0.5 s" in problems[0].message
