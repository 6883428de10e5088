"""The ``newsbrief`` command line: build, brief, check and extract."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import click

from generator import __version__, nlp
from generator.errors import NewsbriefError
from generator.model import Problem, Report
from generator.pipeline import Settings, extract_all, read_articles
from generator.printable import printable

T = TypeVar("T")


def progress_bar(items: Iterable[T], total: int, label: str) -> Iterator[T]:
    """A progress bar on stderr for long runs in a terminal; silent otherwise."""
    from tqdm import tqdm

    yield from tqdm(
        items, total=total, desc=label, unit="article", disable=None if total > 3 else True, file=sys.stderr
    )


def _echo_problems(problems: Iterable[Problem]) -> None:
    for p in problems:
        click.secho(str(p), err=True, fg="red" if p.severity == "error" else "yellow")


def _settings(
    root: Path,
    model: str,
    seeds: str | None = None,
    cache: bool = True,
    processes: int = 0,
    store: str | None = None,
    original_text: str = "full",
) -> Settings:
    return Settings(
        root=root.resolve(),
        model=model,
        seeds=seeds or "seeds",
        cache=cache,
        processes=processes,
        store=store,
        original_text="none" if original_text == "none" else "full",
    )


model_option = click.option(
    "--model",
    default=nlp.DEFAULT_MODEL,
    show_default=True,
    envvar="NEWSBRIEF_MODEL",
    help="Installed spaCy pipeline to use (also env NEWSBRIEF_MODEL).",
)
processes_option = click.option(
    "-j",
    "--processes",
    default=0,
    show_default=True,
    type=click.IntRange(min=0),
    help="Processes that parse articles: 0 uses every core, 1 only this process.",
)
original_text_option = click.option(
    "--original-text",
    type=click.Choice(["full", "none"]),
    default="full",
    show_default=True,
    help="full: each brief shows the article's text; none: its ¶ links point to the original article.",
)
root_option = click.option(
    "--root",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Project folder holding seeds/, docs/ and templates/.",
)


class _Group(click.Group):
    """Prints a :class:`NewsbriefError` (a missing model, a broken aliases file) as
    one line, ``Error: ...``, and exits 1, whichever command met it."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except NewsbriefError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="newsbrief")
def main() -> None:
    """Turn news articles into trustworthy briefs and a searchable site."""


def _summary(report: Report) -> str:
    errors = sum(p.severity == "error" for p in report.problems)
    return (
        f"{report.briefs} brief(s); pages: {len(report.written)} written, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed; {errors} article(s) skipped, {len(report.conflicts)} conflict(s)"
    )


@main.command()
@root_option
@model_option
@original_text_option
@click.option("--no-cache", is_flag=True, help="Parse every article again instead of using the cache.")
@processes_option
@click.option(
    "--from-store",
    type=click.Path(file_okay=False, path_type=Path),
    help="Render the site from this extraction store (newsbrief extract --store) without parsing.",
)
def build(
    root: Path, model: str, original_text: str, no_cache: bool, processes: int, from_store: Path | None
) -> None:
    """Generate the Markdown pages of every article in seeds/ into docs/.

    Builds everything it can; exits 1 when any article had to be skipped.
    """
    from generator.pipeline import build_site

    store = str(from_store.resolve()) if from_store else None
    try:
        report = build_site(_settings(root, model, cache=not no_cache, processes=processes, store=store,
                       original_text=original_text), progress_bar)
    except NewsbriefError as exc:
        raise click.ClickException(str(exc)) from None
    _echo_problems(report.problems)
    for c in report.conflicts:
        click.secho(printable(f"conflict: {c}"), err=True, fg="yellow")
    click.echo(_summary(report), err=True)
    if any(p.severity == "error" for p in report.problems):
        sys.exit(1)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@root_option
@model_option
@original_text_option
def brief(file: Path, root: Path, model: str, original_text: str) -> None:
    """Print the Markdown brief of one article FILE."""
    from generator.pipeline import brief_markdown

    result = brief_markdown(file, _settings(root, model, cache=False, original_text=original_text))
    _echo_problems(result.problems)
    if result.markdown is None:
        sys.exit(1)
    click.echo(result.markdown, nl=False)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@root_option
def check(paths: tuple[Path, ...], root: Path) -> None:
    """Validate the articles in seeds/ (or PATHS) without parsing them; exit 1 on any problem."""
    targets = list(paths) or [root / "seeds"]
    articles, problems = read_articles(targets)
    _echo_problems(problems)
    click.echo(f"{len(articles)} article(s) ok, {len(problems)} problem(s)", err=True)
    if problems:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write JSON Lines here instead of stdout."
)
@model_option
@processes_option
@click.option(
    "--store",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write an extraction store (JSON Lines shards and an index) here; a rerun adds only what is missing.",
)
@click.option(
    "--scheduler",
    help="Extract on Dask: tcp://HOST:8786 for a running cluster, local[:N] for N local worker processes "
    "(needs --store and pip install newsbrief[distributed]).",
)
def extract(
    paths: tuple[Path, ...],
    output: Path | None,
    model: str,
    processes: int,
    store: Path | None,
    scheduler: str | None,
) -> None:
    """Extract PATHS (files or folders of .txt/.md) as JSON Lines, one object per article."""
    from generator.export import brief_record, error_record

    if store is not None or scheduler is not None:
        from generator.store_cli import extract_to_store

        if store is None:
            raise click.UsageError("--scheduler writes an extraction store: give --store DIR")
        if output is not None:
            raise click.UsageError("--store and -o exclude each other: the store is the output")
        extract_to_store(paths, store, model=model, processes=processes, scheduler=scheduler)
        return
    articles, problems = read_articles(list(paths))
    settings = Settings(model=model, cache=False, processes=processes)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        _echo_problems(problems)
        for p in problems:
            if p.severity == "error":
                out.write(json.dumps(error_record(p.path, p.message), ensure_ascii=False) + "\n")
        briefs, failures = extract_all(articles, settings, progress_bar)
        _echo_problems(failures)
        for p in failures:
            out.write(json.dumps(error_record(p.path, p.message), ensure_ascii=False) + "\n")
        for b in briefs:
            out.write(json.dumps(brief_record(b), ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()


@main.command("search-index")
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
def search_index(site_dir: Path) -> None:
    """Write the Pagefind search index of the built site SITE_DIR into SITE_DIR/pagefind/.

    The MkDocs plugin does this after every build; run it after building the
    site some other way.
    """
    from generator.search import index_site

    index = index_site(site_dir)
    click.echo(
        f"indexed {index.pages} page(s): {index.files} file(s), {index.bytes / 1024:.0f} KB in {index.bundle}", err=True
    )
