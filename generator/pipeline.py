"""The one conductor the CLI and the MkDocs plugin call: read, analyse, render, write.

Two phases, because entity pages depend on every brief: all articles are
extracted first, then every page is rendered and written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from generator import ingest, nlp
from generator.catalog import build_catalog
from generator.language import looks_english
from generator.model import Article, Brief, Problem, Report
from generator.names import load_aliases
from generator.render import OriginalText, Renderer
from generator.writer import write_pages

T = TypeVar("T")
Progress = Callable[[Iterable[T], int, str], Iterator[T]]


def no_progress(items: Iterable[T], total: int, label: str) -> Iterator[T]:
    yield from items


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Where things are and which model to use; paths relative to ``root``."""

    root: Path = field(default_factory=Path.cwd)
    seeds: str = "seeds"
    docs: str = "docs"
    templates: str = "templates"
    aliases: str = "aliases.yml"
    state: str = ".newsbrief"
    model: str = nlp.DEFAULT_MODEL
    cache: bool = True
    original_text: OriginalText = "full"
    """``none``: briefs link to the original article instead of republishing its text."""

    def path(self, name: str) -> Path:
        return (self.root / name).resolve()

    @property
    def cache_dir(self) -> Path | None:
        return self.path(self.state) / "cache" if self.cache else None

    @property
    def manifest(self) -> Path:
        return self.path(self.state) / "manifest.json"


def _with_names(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    """Each article file with the name its slug comes from: its path below the
    folder it was found in, so ``business/001.txt`` and ``sport/001.txt`` differ."""
    for p in paths:
        for f in ingest.find_articles([p]):
            rel = f.relative_to(p) if p.is_dir() else Path(f.name)
            yield f, "-".join(rel.with_suffix("").parts)


def read_articles(paths: list[Path]) -> tuple[list[Article], list[Problem]]:
    """Every readable English article once, with a problem for each file that is not.

    Two articles with the same slug both stay (the later one gets a suffix);
    two with the same text give one brief and a warning.
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    slugs: set[str] = set()
    texts: dict[str, str] = {}
    for f, name in _with_names(paths):
        try:
            article = ingest.load(f, name=name)
        except ingest.IngestError as exc:
            problems.append(Problem(path=exc.path, message=exc.message))
            continue
        problems.extend(Problem(path=article.path, message=w, severity="warning") for w in article.warnings)
        language = (article.language or "en").lower()
        if not language.startswith("en") or not looks_english(article.body):
            problems.append(
                Problem(
                    path=article.path,
                    message=(
                        f"front matter says language {article.language!r}"
                        if article.language and not language.startswith("en")
                        else "the text does not look like English"
                    )
                    + "; newsbrief reads English articles only, so it was skipped",
                )
            )
            continue
        text_hash = hashlib.sha256(" ".join(article.body.split()).encode()).hexdigest()
        if text_hash in texts:
            problems.append(
                Problem(
                    path=article.path,
                    message=f"has the same text as {texts[text_hash]}; only one brief is made",
                    severity="warning",
                )
            )
            continue
        texts[text_hash] = article.path
        if article.slug in slugs:
            n = 2
            while f"{article.slug}-{n}" in slugs:
                n += 1
            problems.append(
                Problem(
                    path=article.path,
                    message=f"slug {article.slug!r} is already used by another article; "
                    f"this brief is {article.slug}-{n}",
                    severity="warning",
                )
            )
            article = replace(article, slug=f"{article.slug}-{n}")
        slugs.add(article.slug)
        articles.append(article)
    return articles, problems


def extract_all(
    articles: list[Article], settings: Settings, progress: Progress[Brief | Problem] = no_progress
) -> tuple[list[Brief], list[Problem]]:
    """Phase one: every article to a brief (cached by content)."""
    from generator.analyse import analyse

    briefs: list[Brief] = []
    problems: list[Problem] = []
    for result in progress(
        analyse(articles, model=settings.model, cache_dir=settings.cache_dir), len(articles), "Extracting"
    ):
        (problems if isinstance(result, Problem) else briefs).append(result)  # type: ignore[arg-type]
    return briefs, problems


def build_site(settings: Settings, progress: Progress[Brief | Problem] = no_progress) -> Report:
    """Read ``seeds/``, extract every article, then render and write every page."""
    report = Report()
    # Read the owner's aliases first: a broken file stops the build before any work.
    aliases_file = settings.path(settings.aliases)
    aliases = load_aliases(aliases_file) if aliases_file.exists() else None
    articles, problems = read_articles([settings.path(settings.seeds)])
    report.problems.extend(problems)
    briefs, problems = extract_all(articles, settings, progress)
    report.problems.extend(problems)
    report.briefs = len(briefs)
    catalog = build_catalog(briefs, aliases)
    renderer = Renderer(settings.path(settings.templates), catalog, original_text=settings.original_text)
    write_pages(settings.path(settings.docs), settings.manifest, renderer.pages(), report)
    return report
