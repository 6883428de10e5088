"""Every core for build: results in article order, failures kept, small inputs in-process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator import batch
from generator.pipeline import Settings, extract_all, read_articles
from generator.workers import MIN_PER_PROCESS, processes_for

FIXTURES = Path(__file__).parent / "fixtures" / "scale"


def test_a_few_articles_never_start_processes() -> None:
    assert processes_for(1) == processes_for(2) == 1
    assert processes_for(2 * MIN_PER_PROCESS, requested=1) == 1
    assert processes_for(2 * MIN_PER_PROCESS, requested=2) == 2
    assert processes_for(100 * MIN_PER_PROCESS, requested=3) == 3


def test_two_processes_keep_article_order_and_each_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    articles, _ = read_articles([FIXTURES])
    real = batch.extract_brief

    def broken_on_one(parsed: Any) -> Any:
        if parsed.article.slug == "politics-010":
            raise RuntimeError("boom")
        return real(parsed)

    # Set before the pool forks, so the worker processes inherit it.
    monkeypatch.setattr(batch, "extract_brief", broken_on_one)
    slugs = [a.slug for a in articles]
    briefs, problems = extract_all(articles, Settings(cache=False, processes=2))
    assert [b.article.slug for b in briefs] == [s for s in slugs if s != "politics-010"]
    (problem,) = problems
    assert problem.path == articles[slugs.index("politics-010")].path and "RuntimeError: boom" in problem.message
    assert (briefs, problems) == extract_all(articles, Settings(cache=False, processes=1))


def test_a_parsing_process_does_not_import_spacys_command_line() -> None:
    """spaCy's commands (downloads, project templates) are a third of its import; a process
    that parses never needs them, yet ``spacy.info`` and ``import spacy.cli`` still work."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from generator.nlp import load_pipeline\n"
        "nlp = load_pipeline()\n"
        "assert [t.text for t in nlp('Talks in London.')] == ['Talks', 'in', 'London', '.']\n"
        "print(sorted(m for m in sys.modules if m.startswith('spacy.cli')))\n"
        "import spacy, spacy.cli\n"
        "print(callable(spacy.cli.download), spacy.info()['spacy_version'] == spacy.__version__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["[]", "True True"]
