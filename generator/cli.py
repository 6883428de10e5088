"""The ``newsbrief`` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from generator import __version__, nlp
from generator.export import brief_record, error_record
from generator.ingest import IngestError, find_articles, load
from generator.model import Article, Problem


def _read(paths: list[Path]) -> tuple[list[Article], list[Problem]]:
    articles, problems = [], []
    for f in find_articles(paths):
        try:
            articles.append(load(f))
        except IngestError as exc:
            problems.append(Problem(path=exc.path, message=exc.message))
    return articles, problems


model_option = click.option(
    "--model", default=nlp.DEFAULT_MODEL, show_default=True, envvar="NEWSBRIEF_MODEL",
    help="Installed spaCy pipeline to use (env NEWSBRIEF_MODEL).",
)


@click.group()
@click.version_option(__version__, prog_name="newsbrief")
def main() -> None:
    """Turn news articles into trustworthy briefs and a searchable site."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write JSON Lines here instead of stdout.")
@model_option
def extract(paths: tuple[Path, ...], output: Path | None, model: str) -> None:
    """Extract briefs from PATHS (files or folders) as JSON Lines."""
    from generator.analyse import analyse

    articles, problems = _read(list(paths))
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for p in problems:
            click.echo(f"error: {p}", err=True)
            out.write(json.dumps(error_record(p.path, p.message), ensure_ascii=False) + "\n")
        for a in articles:
            for w in a.warnings:
                click.echo(f"warning: {a.path}: {w}", err=True)
        for result in analyse(articles, model=model):
            if isinstance(result, Problem):
                click.echo(f"error: {result}", err=True)
                record = error_record(result.path, result.message)
            else:
                record = brief_record(result)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
