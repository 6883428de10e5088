"""``newsbrief extract --store DIR [--scheduler ...]``: fill an extraction store.

Kept apart from :mod:`generator.cli` so Dask is imported only when asked for.
"""

from __future__ import annotations

from pathlib import Path

import click

from generator.cluster import Outcome, connect, fill_locally, fill_on_cluster
from generator.model import Problem
from generator.nlp import ModelError
from generator.pipeline import read_articles
from generator.store import Store


def _echo(problems: list[Problem]) -> None:
    for p in problems:
        click.secho(str(p), err=True, fg="red" if p.severity == "error" else "yellow")


def extract_to_store(
    paths: tuple[Path, ...], directory: Path, *, model: str, processes: int, scheduler: str | None
) -> Outcome:
    articles, problems = read_articles(list(paths))
    _echo(problems)
    store = Store(directory)
    try:
        if scheduler is None:
            outcome = fill_locally(store, articles, model=model, processes=processes)
        else:
            try:
                import distributed  # noqa: F401
            except ImportError:
                raise click.ClickException(
                    "--scheduler needs Dask: pip install 'newsbrief[distributed]'"
                ) from None
            with connect(scheduler) as client:
                outcome = fill_on_cluster(store, articles, client, model=model)
    except (ModelError, ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    _echo(list(outcome.failures))
    click.echo(
        f"{outcome.extracted} article(s) extracted, {outcome.skipped} already in the store, "
        f"{len(outcome.failures)} failed; store: {directory}",
        err=True,
    )
    return outcome
