"""Brief ⇄ record: an exact round trip through JSON over real briefs."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from generator.model import Brief, Entity, Span
from generator.pipeline import Settings, extract_all, read_articles
from generator.records import from_record, to_record
from tests.conftest import SEED

FIXTURES = Path(__file__).parent / "fixtures" / "scale"


@pytest.fixture(scope="module")
def briefs() -> list[Brief]:
    articles, problems = read_articles([SEED, FIXTURES])
    assert problems == []
    found, failures = extract_all(articles, Settings(cache=False, processes=1))
    assert failures == [] and len(found) == len(articles) > 30
    return found


def test_every_real_brief_survives_json_and_back(briefs: list[Brief]) -> None:
    for brief in briefs:
        record = json.loads(json.dumps(to_record(brief), ensure_ascii=False))
        assert from_record(record) == brief
    # The fixtures exercise what the record must carry: quotes with speakers, sources, entities.
    assert any(q.speaker_span for b in briefs for q in b.quotes)
    assert any(b.claims for b in briefs) and any(b.timeline for b in briefs)
    assert any(e.lat is not None for b in briefs for e in b.places)


def test_a_span_whose_text_is_not_the_body_slice_keeps_its_text(briefs: list[Brief]) -> None:
    brief = briefs[0]
    odd = Entity(name="X", kind="person", mentions=(Span(start=0, end=3, text="not the slice"),))
    changed = replace(brief, people=(*brief.people, odd))
    assert from_record(json.loads(json.dumps(to_record(changed)))) == changed
