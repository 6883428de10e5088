"""Helpers for end-to-end tests: a throwaway copy of the project, builds, HTML checks.

Used by test_ingest, test_writer, test_hostile and test_browser. The project is
copied without any generated page, so every test sees what a fresh clone sees.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner, Result

from generator.site.layout import OWNED_FOLDERS

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT / "seeds" / "000_8dabb732faecaf91.txt"


def make_project(tmp: Path, seeds: Iterable[Path] = (), files: dict[str, str | bytes] | None = None) -> Path:
    """A copy of mkdocs.yml, templates/ and the hand-written part of docs/ in ``tmp``.

    ``seeds`` are copied into ``tmp/seeds``; ``files`` maps paths relative to
    ``tmp`` to contents (for seeds written by the test).
    """
    tmp.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", tmp / "templates")
    shutil.copytree(ROOT / "overrides", tmp / "overrides")
    if (ROOT / "aliases.yml").exists():
        shutil.copy(ROOT / "aliases.yml", tmp / "aliases.yml")
    shutil.copytree(ROOT / "docs", tmp / "docs", ignore=lambda d, names: [
        n for n in names if Path(d) == ROOT / "docs" and n in OWNED_FOLDERS
    ])
    (tmp / "seeds").mkdir(exist_ok=True)
    for seed in seeds:
        shutil.copy(seed, tmp / "seeds" / seed.name)
    for rel, content in (files or {}).items():
        target = tmp / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return tmp


def cli(*args: str) -> Result:
    """Run ``newsbrief ARGS`` in this process (the spaCy pipeline is loaded once per session)."""
    from generator.cli import main

    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def mkdocs_build(project: Path, *, timeout: float = 240) -> Path:
    """``mkdocs build`` of ``project`` in a subprocess (the plugin runs the generator); the site folder."""
    site = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )
    assert done.returncode == 0, f"mkdocs build failed:\n{done.stdout}\n{done.stderr}"
    return site


def generated_tree(docs: Path) -> dict[str, bytes]:
    """Every file below the generator's folders, by path relative to ``docs``."""
    return {
        f.relative_to(docs).as_posix(): f.read_bytes()
        for folder in OWNED_FOLDERS
        for f in sorted((docs / folder).rglob("*"))
        if f.is_file()
    }


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


class PageScan(HTMLParser):
    """Every element of an HTML page, with the text directly inside scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.text_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text_parts.append(data)
        if self.elements and self.elements[-1].tag in ("script", "style"):
            self.elements[-1].text += data

    @property
    def text(self) -> str:
        return "".join(self.text_parts)


def scan(html: str) -> PageScan:
    page = PageScan()
    page.feed(html)
    page.close()
    return page


def article_html(html: str) -> str:
    """The page's main content (Material puts it in ``<article class="md-content__inner ...">``)."""
    start = html.find("<article")
    end = html.rfind("</article>")
    assert start >= 0 and end > start, "no <article> in the page"
    return html[start : end + len("</article>")]


SECRET = "SNIPPET-SECRET-MARKER-7f3a"
CONTROL_TITLE = "Bell\x07 and escape\x1b[31m in a title\x7f"
HOSTILE_HAND_WRITTEN = {"docs/briefs/editors-notes.md": "# Notes from the editors\n\nWritten by a person.\n"}
_sites: dict[str, Path] = {}


def hostile_site() -> Path:
    """The project built from the seed plus every hostile fixture, once per test process.

    Built by ``newsbrief build`` in this process (the spaCy pipeline is already
    loaded) and then by ``mkdocs build`` in a subprocess, whose plugin runs the
    generator again from the cache. Returns the project folder (``site/`` inside).
    """
    if "hostile" not in _sites:
        import atexit
        import tempfile

        tmp = Path(tempfile.mkdtemp(prefix="newsbrief-hostile-"))
        atexit.register(shutil.rmtree, tmp, True)
        control = (
            f"{CONTROL_TITLE}\n\nThe harbour master said on Monday\x07 that the ferry would run again next "
            "week, after the storm damaged the pier and two boats sank in the night.\n"
        )
        project = make_project(tmp / "project", [SEED, *sorted((FIXTURES / "hostile").iterdir())], {
            "SECRET.txt": SECRET + "\n",
            "seeds/control_chars.txt": control,
            **HOSTILE_HAND_WRITTEN,
        })
        result = cli("build", "--root", str(project))
        assert result.exit_code == 0, result.output
        mkdocs_build(project)
        _sites["hostile"] = project
    return _sites["hostile"]
