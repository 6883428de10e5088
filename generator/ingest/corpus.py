"""The articles of a folder: found, read, checked for language and duplicates."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from generator.ingest.article import load
from generator.ingest.errors import IngestError
from generator.ingest.language import looks_english
from generator.ingest.safety import walk
from generator.model import Article, Problem


def find_articles(paths: list[Path], problems: list[Problem] | None = None) -> list[Path]:
    """Files given, plus ``.txt``/``.md`` files found under directories, sorted.

    Hidden files and folders (editor swap files, ``.git``) are skipped; a file
    that vanishes while the folder is listed is simply not found. Links that
    lead out of the folder, FIFOs and other special files are skipped with a
    problem added to ``problems`` (see :mod:`generator.ingest.safety`).
    """
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            files, skipped = walk(p)
            found.extend(files)
            if problems is not None:
                problems.extend(skipped)
        else:
            found.append(p)
    return found


def _with_names(paths: list[Path], problems: list[Problem]) -> Iterator[tuple[Path, str]]:
    """Each article file with the name its slug comes from: its path below the
    folder it was found in, so ``business/001.txt`` and ``sport/001.txt`` differ."""
    for p in paths:
        for f in find_articles([p], problems):
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
    for f, name in _with_names(paths, problems):
        try:
            article = load(f, name=name)
        except IngestError as exc:
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
