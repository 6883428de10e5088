"""One attribution, several quotes: the cue a quote's attribution hangs on, and what the tagger may add.

Fixtures are written for these tests (never copied from the corpus).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.extract import extract_brief
from generator.extract.entities import entities
from generator.extract.sourcing.claims import claims
from generator.extract.speech import learned
from generator.extract.speech.quotes import quotes
from generator.model import Article, Claim, Quote
from generator.nlp import parse as parse_article
from generator.records import from_record, to_record

Parse = Callable[[str], tuple[Article, object]]
ROOT = Path(__file__).resolve().parent.parent


def run(parse: Parse, text: str) -> tuple[tuple[Quote, ...], tuple[Claim, ...]]:
    article, doc = parse(text)
    parsed = parse_article(article, doc)  # type: ignore[arg-type]
    people, places, orgs = entities(parsed)
    found = quotes(parsed, people=people, organizations=orgs)
    return found, claims(parsed, quotes=found, people=people, places=places, organizations=orgs)


def test_a_quotation_carrying_on_shares_the_cue_of_the_one_before(parse: Parse) -> None:
    """'"A," she said. "B."' is two quotes and one attribution: both name the same "said"."""
    text = "Anna Berg opened the hall.\n\n“We will win this,” she said. “The plan is ready for the vote.”\n"
    found, _ = run(parse, text)
    assert len(found) == 2, found
    first, second = found
    assert first.cue_span is not None and first.cue_span.text == "said"
    assert second.cue_span == first.cue_span


def test_quotes_with_cues_of_their_own_are_two_attributions(parse: Parse) -> None:
    text = ("Anna Berg opened the hall. “We will win this,” she said. "
            "Tom Reed disagreed. “The plan is not ready,” he said.\n")
    found, _ = run(parse, text)
    spans = [q.cue_span for q in found]
    assert len(spans) == 2 and None not in spans and spans[0] != spans[1], found


def test_a_quote_opening_the_next_paragraph_is_an_attribution_of_its_own(parse: Parse) -> None:
    """It keeps its speaker (quotes_dev's convention) but not the cue of another paragraph."""
    text = "“We will win this,” said Anna Berg.\n\n“The plan is ready for the vote in May.”\n"
    found, _ = run(parse, text)
    assert len(found) == 2, found
    assert found[0].cue_span is not None and found[1].cue_span is None


def test_the_cue_span_survives_the_record(parse: Parse) -> None:
    article, doc = parse("Anna Berg spoke.\n\n“We will win this,” she said. “The plan is ready for the vote.”\n")
    brief = extract_brief(parse_article(article, doc))  # type: ignore[arg-type]
    record = to_record(brief)
    assert [q["cue_start"] for q in record["quotes"]] == [brief.quotes[0].cue_span.start] * 2  # type: ignore[union-attr]
    assert from_record(record) == brief


def _bench_shared() -> Any:
    spec = importlib.util.spec_from_file_location("bench_shared", ROOT / "bench" / "_shared.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_shared"] = module
    spec.loader.exec_module(module)
    return module


def test_bench_joins_quotes_sharing_a_cue_into_one_polnear_attribution(tmp_path: Path) -> None:
    """PolNeAR's unit is the attribution: the two parts become one record, and the claim repeating a part goes."""
    quote = {"kind": "direct", "speaker": "Anna Berg", "speaker_text": "she", "cue_start": 20, "cue_end": 24}
    rec = {
        "path": "x.txt",
        "quotes": [{**quote, "start": 0, "end": 15}, {**quote, "start": 26, "end": 50},
                   {**quote, "start": 60, "end": 80, "cue_start": 82, "cue_end": 86}],
        "sources": [{"name": "Anna Berg", "source_text": "she", "claim": {"start": 26, "end": 50}},
                    {"name": "Tom Reed", "source_text": "Reed", "claim": {"start": 90, "end": 120}}],
    }
    pred, out = tmp_path / "pred.jsonl", tmp_path / "out.jsonl"
    pred.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    _bench_shared().one_per_cue(pred, out)
    got = json.loads(out.read_text(encoding="utf-8"))
    assert [(q["start"], q["end"]) for q in got["quotes"]] == [(0, 50), (60, 80)]
    assert [s["claim"]["start"] for s in got["sources"]] == [0, 90]


@pytest.fixture
def weights_with(monkeypatch: pytest.MonkeyPatch) -> Callable[[float], None]:
    """Use the shipped models with another ``act_threshold``."""
    shipped = learned.load_weights()
    assert shipped is not None

    def use(act: float) -> None:
        changed = dataclasses.replace(shipped, act_threshold=act)
        monkeypatch.setattr(learned, "load_weights", lambda path=None: changed)

    return use


def test_an_act_needs_a_sure_cue(parse: Parse, weights_with: Callable[[float], None]) -> None:
    """"outlined his plan" is an attribution in PolNeAR's sense; kept only above the act threshold."""
    text = "Governor Tom Reed outlined his plan for the railways.\n"
    weights_with(float("inf"))
    assert not [c for c in run(parse, text)[1] if c.cue == "outlined"]
    weights_with(-5.0)
    kept = [c for c in run(parse, text)[1] if c.cue == "outlined"]
    assert kept and kept[0].source == "Tom Reed", kept
    weights_with(-50.0)
    assert not [c for c in run(parse, "Senator Jane Holt rejected the bill.\n")[1] if c.cue == "rejected"]


def test_the_taggers_common_noun_source_is_an_unnamed_source(parse: Parse) -> None:
    """No word list knows "panel"; the tagger's source model chose it, so it is named as written."""
    _, found = run(parse, "The arbitration panel found the company in breach of the agreement.\n")
    panel = [c for c in found if c.cue == "found"]
    assert panel and panel[0].source == "The arbitration panel" and panel[0].kind == "unnamed", found


def test_an_attribution_inside_a_quotation_is_not_a_sourcing_claim(parse: Parse) -> None:
    """The quoted person's words report Reed; the article itself does not: a report inside a report."""
    text = ("Readers wrote in after the debate.\n\n"
            "“During the debate Senator Tom Reed said the plan would fail in the House. He is wrong.”\n")
    found, claimed = run(parse, text)
    assert found and found[0].kind == "direct"
    assert not [c for c in claimed if c.source == "Tom Reed"], claimed
