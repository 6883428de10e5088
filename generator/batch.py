"""One batch of articles through the pipeline: the unit of work every path shares.

The single process, the process pool of ``newsbrief build`` and the Dask
workers of ``newsbrief extract --scheduler`` all call :func:`extract_batch`,
so they cannot drift apart. It returns plain records (never spaCy Docs), one
per article in order; an article whose extraction fails becomes an error
record and the others go on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from generator import nlp
from generator.extract import extract_brief
from generator.extract.budget import BudgetExceeded
from generator.model import Article
from generator.records import Record, error_record, to_record

if TYPE_CHECKING:
    from spacy.tokens import Doc

BATCH_SIZE = 16
"""Texts per ``nlp.pipe`` batch."""
WARM_UP = (
    "Ministers meet in London\n\n"
    "The Prime Minister met the French President in London on Monday, officials said.\n\n"
    "\u201cWe agreed on the plan,\u201d she told the BBC after the talks at Downing Street.\n"
)
"""A short article through the whole path loads everything extraction reads (the gazetteer, word lists)."""


def _failed(article: Article, exc: BaseException) -> Record:
    return error_record(
        article.path,
        f"extraction failed ({type(exc).__name__}: {exc}); please report this with the article",
        id=article.slug,
    )


def _one(article: Article, doc: Doc) -> Record:
    try:
        return to_record(extract_brief(nlp.parse(article, doc)))
    except BudgetExceeded as exc:  # already says what happened and what to do
        return error_record(article.path, exc.message, id=article.slug)
    except Exception as exc:  # one article's bug must not stop the rest
        return _failed(article, exc)


def warm_up(model: str = nlp.DEFAULT_MODEL) -> None:
    """Load the pipeline and every table extraction needs, before the first real article."""
    from generator.ingest.article import loads

    extract_batch([loads(WARM_UP, "warm-up.txt")], model)


def extract_batch(articles: Sequence[Article], model: str = nlp.DEFAULT_MODEL) -> list[Record]:
    """Records of ``articles`` in order; the pipeline is loaded once per process, on first use."""
    pipeline = nlp.load_pipeline(model)
    out: list[Record] = []
    try:
        for doc in pipeline.pipe((a.body for a in articles), batch_size=BATCH_SIZE):
            out.append(_one(articles[len(out)], doc))
    except Exception:
        # The parser itself failed on some text of this batch: parse the rest one by
        # one, so only the article that breaks it is lost.
        for article in articles[len(out) :]:
            try:
                doc = pipeline(article.body)
            except Exception as exc:
                out.append(_failed(article, exc))
                continue
            out.append(_one(article, doc))
    return out
