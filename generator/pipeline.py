"""The one conductor the CLI, the MkDocs plugin and the tests call.

The stages, each a small function here: read (``generator.ingest``), extract
(``generator.analyse``), catalog, render and write (``generator.site``). Two
phases, because entity pages depend on every brief: all articles are extracted
first, then every page is rendered and written.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from generator import changes, nlp
from generator.fingerprint import code_fingerprint, file_fingerprint, folder_fingerprint
from generator.ingest import read_articles
from generator.memory import paused_gc
from generator.model import Article, Brief, Problem, Report
from generator.site.aliases import Aliases, load_aliases
from generator.site.catalog import Catalog, build_catalog
from generator.site.incremental import Job, PageGroup, PageJob, PageRecords
from generator.site.keys import remembered_keys
from generator.site.render import OriginalText, Renderer
from generator.site.textsafety import name_problems
from generator.site.writer import write_pages

if TYPE_CHECKING:
    from generator.workers import Standby

__all__ = [
    "OneBrief",
    "Progress",
    "Settings",
    "brief_markdown",
    "build_site",
    "catalog",
    "extract_all",
    "no_progress",
    "read_aliases",
    "read_articles",
    "renderer",
    "write",
    "write_changed",
]

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
    processes: int = 0
    """Processes that parse articles: 0 every core, 1 this process only."""
    store: str | None = None
    """Build from this extraction store (``newsbrief extract --store``) instead of parsing ``seeds``."""
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

    @property
    def sources(self) -> Path:
        """Size and modification time of each article file at the last build (see :mod:`generator.changes`)."""
        return self.path(self.state) / "sources.json"

    @property
    def page_records(self) -> Path:
        """Each generated page's input hash (see :mod:`generator.site.incremental`)."""
        return self.path(self.state) / "pages.json"

    @property
    def entity_keys(self) -> Path:
        """Entity keys computed by earlier builds (see :func:`generator.site.keys.remembered_keys`)."""
        return self.path(self.state) / "keys.json"

    def salt(self) -> str:
        """What every generated page depends on: code and data, model, templates, aliases file."""
        return "|".join(
            (
                code_fingerprint(),
                nlp.model_id(self.model),
                folder_fingerprint(self.path(self.templates)),
                file_fingerprint(self.path(self.aliases)),
            )
        )


def extract_all(
    articles: list[Article],
    settings: Settings,
    progress: Progress[Brief | Problem] = no_progress,
    standby: Standby | None = None,
) -> tuple[list[Brief], list[Problem]]:
    """Phase one: every article to a brief (cached by content)."""
    from generator.analyse import analyse

    briefs: list[Brief] = []
    problems: list[Problem] = []
    results = analyse(
        articles, model=settings.model, cache_dir=settings.cache_dir, processes=settings.processes, standby=standby
    )
    for result in progress(results, len(articles), "Extracting"):
        (problems if isinstance(result, Problem) else briefs).append(result)  # type: ignore[arg-type]
    return briefs, problems


@contextlib.contextmanager
def standby_for(settings: Settings) -> Iterator[Standby | None]:
    """A :class:`~generator.workers.Standby` loading the pipeline while the articles are read,
    when the article files say a few of them changed since the last build; else None.

    Not when everything may need parsing (first build, other code or model: the
    process pool does that), nor with one process asked for, one core, or the
    pipeline already loaded here (``mkdocs serve`` after a cold build).
    The files' sizes and times are recorded for the next build when extraction is done.
    """
    from generator.cache import cache_salt
    from generator.ingest.corpus import find_articles
    from generator.workers import cores, processes_for

    if not settings.cache or settings.processes == 1:
        yield None
        return
    now = changes.snapshot(find_articles([settings.path(settings.seeds)]), cache_salt(settings.model))
    count = changes.changed(changes.load(settings.sources), now)
    standby: Standby | None = None
    if count and cores() > 1 and processes_for(count, settings.processes) == 1 and not nlp.loaded():
        from generator.workers import Standby

        standby = Standby(settings.model)
    try:
        yield standby
    finally:
        if standby is not None:
            standby.close()
    changes.save(settings.sources, now)


def read_aliases(settings: Settings) -> Aliases | None:
    """The site owner's aliases file, or None when there is none (a broken one raises)."""
    path = settings.path(settings.aliases)
    return load_aliases(path) if path.exists() else None


def catalog(briefs: list[Brief], aliases: Aliases | None = None) -> Catalog:
    """Phase two starts: every brief gathered into one record per entity."""
    return build_catalog(briefs, aliases)


def renderer(settings: Settings, site: Catalog) -> Renderer:
    """The renderer of every page of ``site``, with the project's templates."""
    return Renderer(settings.path(settings.templates), site, original_text=settings.original_text)


def write(settings: Settings, pages: Iterable[tuple[str, str]], report: Report) -> None:
    """Write pages into ``docs/``, recording what changed in ``report``."""
    write_pages(settings.path(settings.docs), settings.manifest, pages, report)


def write_changed(settings: Settings, jobs: Iterable[Job], report: Report) -> None:
    """Render and write only the pages whose inputs changed since the last build.

    Without the cache (``cache=False``) every page is rendered, as before. The
    pages to render are rendered on every core (:mod:`generator.render_pool`).
    """
    from generator.render_pool import render_all

    docs = settings.path(settings.docs)
    if not settings.cache:
        tasks = [_task(job) for job in jobs]
        write(settings, (page for pages in render_all(tasks, settings.processes) for page in pages), report)
        return
    records = PageRecords(settings.page_records, settings.salt())
    fingerprints: dict[str, str] = {}
    plan: list[tuple[Job, list[str] | None]] = []
    """Each job with the pages it keeps as they are, or None when it is rendered."""
    for job in jobs:
        if isinstance(job, PageGroup):
            plan.append((job, records.group(docs, job)))
        else:
            plan.append((job, [job.path] if records.fresh(docs, job) else None))
    fresh = iter(render_all([_task(job) for job, kept in plan if kept is None], settings.processes))

    def pages() -> Iterator[tuple[str, str | None]]:
        for job, kept in plan:
            group = ((rel, None) for rel in kept) if kept is not None else next(fresh)
            for rel, markdown in group:
                fingerprints[rel] = job.fingerprint
                yield rel, markdown

    write_pages(docs, settings.manifest, pages(), report)
    records.update(docs, fingerprints, (*report.written, *report.unchanged))
    records.save()


def _task(job: Job) -> Callable[[], list[tuple[str, str]]]:
    """What renders ``job``: its pages as (path, Markdown)."""
    if isinstance(job, PageGroup):
        return functools.partial(_group, job)
    return functools.partial(_page, job)


def _group(job: PageGroup) -> list[tuple[str, str]]:
    return list(job.render())


def _page(job: PageJob) -> list[tuple[str, str]]:
    return [(job.path, job.render())]


@dataclass(frozen=True, slots=True, kw_only=True)
class OneBrief:
    """The brief page of one article, or None, with every problem met on the way."""

    markdown: str | None
    problems: tuple[Problem, ...]


def brief_markdown(path: Path, settings: Settings) -> OneBrief:
    """The Markdown brief of one article file, as ``newsbrief brief`` prints it.

    The model is not loaded when the file cannot be read.
    """
    articles, problems = read_articles([path])
    if not articles:
        return OneBrief(markdown=None, problems=tuple(problems))
    briefs, failures = extract_all(articles, settings)
    problems.extend(failures)
    if not briefs:
        return OneBrief(markdown=None, problems=tuple(problems))
    return OneBrief(markdown=renderer(settings, catalog(briefs)).brief_page(briefs[0]), problems=tuple(problems))


def build_site(settings: Settings, progress: Progress[Brief | Problem] = no_progress) -> Report:
    """Read ``seeds/``, extract every article, then render and write every page."""
    report = Report()
    # Read the owner's aliases first: a broken file stops the build before any work.
    aliases = read_aliases(settings)
    if settings.store is not None:
        from generator.store import Store

        briefs, problems = Store(settings.path(settings.store)).briefs()
    else:
        with standby_for(settings) as standby:
            articles, problems = read_articles([settings.path(settings.seeds)])
            report.problems.extend(problems)
            briefs, problems = extract_all(articles, settings, progress, standby)
    report.problems.extend(problems)
    report.problems.extend(name_problems(briefs))
    report.briefs = len(briefs)
    # The catalog makes tens of thousands of small objects, none of them garbage: each automatic
    # collection walked every brief again (a quarter of its time on 300 articles).
    with paused_gc():
        if settings.cache:
            with remembered_keys(settings.entity_keys, code_fingerprint()):
                site = catalog(briefs, aliases)
        else:
            site = catalog(briefs, aliases)
    write_changed(settings, renderer(settings, site).jobs(), report)
    return report
