"""The site's search index: Pagefind over the built HTML, after MkDocs has written it.

Readers download only the index chunks a query needs (not one index of the
whole site, as with lunr), so the cost of a first search stays small however
many briefs there are. What is indexed, and how it ranks, is decided in the
pages themselves: ``data-pagefind-body`` on briefs, entity pages and
hand-written pages (``overrides/partials/content.html``), with entity lists
ignored and the original article weighted low (the templates).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from generator.errors import NewsbriefError

BUNDLE = "pagefind"
"""The folder below the site that holds the index and Pagefind's script."""


class SearchIndexError(NewsbriefError, RuntimeError):
    """The search index could not be written (Pagefind missing or failing)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchIndex:
    """What was indexed and what it costs on disk."""

    pages: int
    bundle: Path
    files: int
    bytes: int


def _bundle_size(bundle: Path) -> tuple[int, int]:
    files = [f for f in bundle.rglob("*") if f.is_file()]
    return len(files), sum(f.stat().st_size for f in files)


async def _index(site: Path, bundle: Path) -> int:
    try:
        from pagefind.index import IndexConfig, PagefindIndex
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise SearchIndexError("Pagefind is not installed: pip install 'pagefind[bin]==1.5.2'") from exc
    # The permalink marks ("¶") MkDocs adds to headings are not words of the page.
    config = IndexConfig(force_language="en", output_path=str(bundle), exclude_selectors=[".headerlink"])
    # Leaving the context writes the bundle with write_files (never get_files,
    # which stalls on large bundles).
    async with PagefindIndex(config=config) as index:
        result = await index.add_directory(str(site))
    return int(result.get("page_count", 0))


def _complete(bundle: Path) -> bool:
    """Whether the bundle's entry file is whole (it names the index of each language)."""
    import json

    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(entry, dict) and isinstance(entry.get("languages"), dict)


def indexed_pages(bundle: Path) -> int:
    """Pages in the index (Pagefind's own count visits every HTML file, indexed or not)."""
    import json

    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        return sum(int(lang.get("page_count", 0)) for lang in entry.get("languages", {}).values())
    except (OSError, ValueError, AttributeError, TypeError):
        return 0


def index_site(site: Path) -> SearchIndex:
    """Index the built site in ``site`` into ``site/pagefind/`` (replacing an older index).

    The index is written beside the old one and swapped in when complete, so a
    site being served never lacks one.
    """
    site = site.resolve()
    if not any(site.glob("**/*.html")):
        raise SearchIndexError(f"{site} holds no built site (no HTML pages): build it first")
    bundle = site / BUNDLE
    fresh = site / f".{BUNDLE}-new-{os.getpid()}-{threading.get_ident()}"
    # Once seen: a bundle whose entry file was still empty when read. It is checked,
    # and the index written again once, rather than a broken search shipped.
    for attempt in (1, 2):
        shutil.rmtree(fresh, ignore_errors=True)
        try:
            visited = asyncio.run(_index(site, fresh))
        except NewsbriefError:
            raise
        except Exception as exc:
            shutil.rmtree(fresh, ignore_errors=True)
            raise SearchIndexError(f"Pagefind could not index {site}: {type(exc).__name__}: {exc}") from exc
        if _complete(fresh) or not visited:
            break
        if attempt == 2:
            shutil.rmtree(fresh, ignore_errors=True)
            raise SearchIndexError(f"Pagefind wrote an incomplete index of {site} (pagefind-entry.json unreadable)")
    old = site / f".{BUNDLE}-old-{os.getpid()}-{threading.get_ident()}"
    if bundle.exists():
        bundle.rename(old)
    fresh.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)
    files, size = _bundle_size(bundle)
    return SearchIndex(pages=indexed_pages(bundle), bundle=bundle, files=files, bytes=size)
