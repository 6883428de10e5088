"""spaCy's parses of a training set, kept in a ``DocBin`` file between runs.

Parsing hundreds of articles takes minutes; fitting a ranker or tagger again
takes seconds. Both training scripts keep their parses here when asked to.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any


def cached_docs(texts: Iterable[str], file: Path | None, *, batch_size: int | None = None) -> list[Any]:
    """The parse of each text, read from ``file`` when it exists, else parsed (and written to it).

    ``batch_size`` None is the pipeline's own default.
    """
    from spacy.tokens import DocBin

    from generator import nlp

    pipeline = nlp.load_pipeline()
    if file is not None and file.exists():
        return list(DocBin().from_disk(file).get_docs(pipeline.vocab))
    docs = list(pipeline.pipe(texts, batch_size=batch_size))
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
        store = DocBin(store_user_data=True)
        for d in docs:
            store.add(d)
        store.to_disk(file)
    return docs
