"""The trained attribution tagger (speech/learned.py): its models, and what it adds to sourcing notes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.extract import extract_brief
from generator.extract.entities import entities
from generator.extract.sourcing.claims import claims
from generator.extract.speech import learned
from generator.extract.speech.quotes import quotes
from generator.model import Article, Claim
from generator.nlp import parse as parse_article
from generator.records import from_record, to_record

Parse = Callable[[str], tuple[Article, object]]


def run(parse: Parse, text: str) -> tuple[Claim, ...]:
    article, doc = parse(text)
    parsed = parse_article(article, doc)  # type: ignore[arg-type]
    people, places, orgs = entities(parsed)
    found = quotes(parsed, people=people, organizations=orgs)
    return claims(parsed, quotes=found, people=people, places=places, organizations=orgs)


def test_model_scores_are_bias_plus_weights() -> None:
    model = learned.Model(bias=-1.0, weights={"a": 2.0, "b": 0.5}, threshold=0.0)
    assert model.score(["a", "b", "unseen"]) == 1.5
    assert model.score([]) == -1.0


def test_missing_weights_file_leaves_the_rules_alone(tmp_path: Path) -> None:
    assert learned.load_weights(tmp_path / "none.json") is None


def test_shipped_weights_load_and_are_small() -> None:
    weights = learned.load_weights()
    assert weights is not None
    assert learned.WEIGHTS_FILE.stat().st_size < 3_000_000
    about = json.loads(learned.WEIGHTS_FILE.read_text(encoding="utf-8"))["about"]
    assert "PolNeAR" in about


def test_tagger_finds_cue_content_and_source(parse: Parse) -> None:
    article, doc = parse("The senator said on Tuesday that the budget would fail in the House.\n")
    parsed = parse_article(article, doc)  # type: ignore[arg-type]
    weights = learned.load_weights()
    assert weights is not None
    found = learned.tag(parsed, weights)
    said = [t for t in found if parsed.doc[t.cue].lower_ == "said"]
    assert said, found
    content = parsed.doc[said[0].content[0] : said[0].content[-1] + 1].text
    assert "the budget would fail" in content
    assert said[0].source is not None and parsed.doc[said[0].source].lower_ == "senator"


def test_tagger_sees_no_attribution_in_narration(parse: Parse) -> None:
    """The cue threshold is low (chosen end to end), so a weak cue may be seen; with no source it is nobody's."""
    text = "The bridge was built in 1990 and carries four lanes of traffic.\n"
    article, doc = parse(text)
    parsed = parse_article(article, doc)  # type: ignore[arg-type]
    weights = learned.load_weights()
    assert weights is not None
    assert all(t.source is None and t.confidence < 0.5 for t in learned.tag(parsed, weights))
    assert run(parse, text) == ()


def test_tagger_adds_claims_beyond_speech_verbs(parse: Parse) -> None:
    """PolNeAR-style cues the word lists lack ("called for", "pledged") become sourcing notes."""
    text = ("Governor Maria Lopez spoke in Albany on Monday.\n\n"
            "Lopez pledged to expand the state's rail network before the next election.\n")
    found = run(parse, text)
    pledged = [c for c in found if c.cue == "pledged"]
    assert pledged, [(c.source, c.cue) for c in found]
    assert pledged[0].source == "Maria Lopez"
    assert pledged[0].claim is not None and "expand the state's rail network" in pledged[0].claim.text


def test_claim_keeps_the_source_as_written(parse: Parse) -> None:
    """The canonical name for the brief, the mention as written for the record ("he")."""
    text = ("John Carter, the mayor, opened the hall on Monday.\n\n"
            "He said that the city would cut its budget next year.\n")
    found = run(parse, text)
    cut = [c for c in found if c.claim is not None and "cut its budget" in c.claim.text]
    assert cut, [(c.source, c.claim) for c in found]
    assert cut[0].source == "John Carter"
    assert cut[0].source_span is not None and cut[0].source_span.text == "He"


def test_source_as_written_survives_the_record(parse: Parse) -> None:
    article, doc = parse("John Carter opened the hall.\n\nHe said that the city would cut its budget next year.\n")
    brief = extract_brief(parse_article(article, doc))  # type: ignore[arg-type]
    record = to_record(brief)
    assert any(s["source_text"] == "He" for s in record["sources"]), record["sources"]
    assert from_record(record) == brief


@pytest.mark.parametrize("text", [
    "They said the plan was dead.\n",
    "It said the plan was dead.\n",
])
def test_unresolved_quote_subject_is_kept_as_written(parse: Parse, text: str) -> None:
    """The resolver abstains on a bare "they" or "it"; the quote names no speaker but keeps the mention."""
    article, doc = parse(text)
    parsed = parse_article(article, doc)  # type: ignore[arg-type]
    people, _places, orgs = entities(parsed)
    found = quotes(parsed, people=people, organizations=orgs)
    assert found and found[0].speaker is None
    assert found[0].speaker_span is not None and found[0].speaker_span.text == text.split()[0]
