"""A thin MkDocs plugin: run the generator before each build, watch the inputs.

The generated pages are plain Markdown files in ``docs/``, so the site also
builds without this plugin (after ``newsbrief build``) and with other
MkDocs-compatible builders. Everything else is the pipeline's job.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from generator.errors import NewsbriefError
from generator.nlp import DEFAULT_MODEL
from generator.pipeline import Settings, build_site
from generator.site import feeds

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.newsbrief")


class NewsbriefConfig(base.Config):
    enabled = c.Type(bool, default=True)
    seeds = c.Type(str, default="seeds")
    templates = c.Type(str, default="templates")
    aliases = c.Type(str, default="aliases.yml")
    model = c.Type(str, default=DEFAULT_MODEL)
    cache = c.Type(bool, default=True)
    processes = c.Type(int, default=0)
    from_store = c.Optional(c.Type(str))
    original_text = c.Choice(("full", "none"), default="full")
    search_index = c.Type(bool, default=True)


class NewsbriefPlugin(BasePlugin[NewsbriefConfig]):
    feed_items: list[feeds.FeedItem]

    def _settings(self, config: MkDocsConfig) -> Settings:
        return Settings(
            root=Path(config.config_file_path).resolve().parent,
            seeds=self.config.seeds,
            docs=config.docs_dir,
            templates=self.config.templates,
            aliases=self.config.aliases,
            model=self.config.model,
            cache=self.config.cache,
            processes=self.config.processes,
            store=self.config.from_store,
            original_text="none" if self.config.original_text == "none" else "full",
        )

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Present so MkDocs keeps one plugin (and one loaded pipeline) across serve rebuilds."""
        self._serving = command == "serve"
        self._indexer: threading.Thread | None = None
        self._pending: Path | None = None
        self._lock = threading.Lock()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.feed_items = []
        if not self.config.enabled:
            return
        try:
            report = build_site(self._settings(config))
        except NewsbriefError as exc:
            raise PluginError(str(exc)) from exc
        for problem in report.problems:
            (log.warning if problem.severity == "error" else log.info)(str(problem))
        for conflict in report.conflicts:
            log.warning(conflict)
        log.info(
            "newsbrief: %d brief(s), %d page(s) written, %d removed",
            report.briefs,
            len(report.written),
            len(report.removed),
        )

    def on_page_context(self, context: Any, *, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        """Note each dated brief for the feeds (undated briefs get no invented date)."""
        meta = page.meta or {}
        date = meta.get("date")
        if meta.get("brief") is True and isinstance(date, dt.date) and page.canonical_url:
            author = meta.get("author")
            self.feed_items.append(
                feeds.FeedItem(
                    url=page.canonical_url,
                    title=str(page.title or ""),
                    summary_html=str(meta.get("description") or ""),
                    date=date,
                    author=author if isinstance(author, str) else None,
                )
            )
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the feeds, then index the built site for the header search box (Pagefind, ``site/pagefind/``).

        Under ``mkdocs serve`` the index is written in the background, so a page
        reloads as soon as MkDocs has rebuilt it; search catches up seconds later.
        """
        if not self.config.enabled:
            return
        self._write_feeds(config)
        if not self.config.search_index:
            return
        site = Path(config.site_dir)
        if not getattr(self, "_serving", False):
            self._index(site, raise_errors=True)
            return
        with self._lock:
            self._pending = site
            if self._indexer is None:  # else the running indexer takes this build next
                self._indexer = threading.Thread(target=self._index_pending, daemon=True, name="newsbrief-search")
                self._indexer.start()

    def _write_feeds(self, config: MkDocsConfig) -> None:
        """RSS and JSON Feed of the dated briefs noted in ``on_page_context``."""
        about = feeds.FeedSite(
            title=config.site_name, url=config.site_url or "/", description=config.site_description or ""
        )
        out = Path(config.site_dir)
        items = getattr(self, "feed_items", [])
        (out / feeds.RSS_FILE).write_text(feeds.rss(about, items), encoding="utf-8")
        (out / feeds.JSON_FILE).write_text(feeds.json_feed(about, items), encoding="utf-8")

    def _index_pending(self) -> None:
        """Index the latest build, again while builds keep coming; one index at a time."""
        while True:
            with self._lock:
                site, self._pending = self._pending, None
                if site is None:
                    self._indexer = None
                    return
            self._index(site)

    def _index(self, site: Path, *, raise_errors: bool = False) -> None:
        from generator.search import index_site

        try:
            index = index_site(site)
        except NewsbriefError as exc:
            if raise_errors:
                raise PluginError(str(exc)) from exc
            log.warning("newsbrief: %s", exc)
            return
        log.info("newsbrief: search index of %d page(s), %d KB", index.pages, index.bytes // 1024)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        settings = self._settings(config)
        for name in (settings.store or settings.seeds, settings.templates, settings.aliases):
            path = settings.path(name)
            if path.exists():
                server.watch(str(path))
        return server
