"""The exact speed-ups of the model's rule components (generator/nlp_speed.py): same matches, same annotations."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from generator.nlp_speed import AttributeMatches, Unsupported

WORDS = ["There", "is", "n't", "a", "thing", " ", "y'", "all", "gon", "na", "do", "that", "it", "said", "nothin'"]
TAGS = ["EX", "VBZ", "RB", "DT", "NN", "_SP", "PRP", "DT", "VBG", "TO", "VB", "DT", "PRP", "VBD", "NN"]
DEPS = ["expl", "ROOT", "neg", "det", "attr", "dep", "nsubj", "det", "aux", "aux", "ccomp", "dobj", "nsubj", "ROOT",
        "dobj"]
HEADS = [1, 1, 1, 4, 1, 4, 10, 6, 10, 10, 1, 10, 13, 13, 13]

PATTERNS: list[list[dict[str, Any]]] = [
    [{"TAG": "VBZ"}],
    [{"TAG": "RB", "LOWER": {"IN": ["not", "n't"]}}],
    [{"LOWER": {"REGEX": "^n[ou]thin'$"}}],
    [{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}],
    [{"LOWER": "gon"}, {"LOWER": "na"}],
    [{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}],
    [{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}],
    [{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT", "WDT"]}}],
    [{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}],
    [{"TAG": "DT"}],
    [{"LOWER": "nobody"}],
]


def _doc(vocab: Vocab) -> Doc:
    spaces = [True] * len(WORDS)
    return Doc(vocab, words=WORDS, spaces=spaces, tags=TAGS, deps=DEPS, heads=HEADS)


def _both(patterns: list[list[dict[str, Any]]]) -> tuple[Matcher, AttributeMatches, Vocab]:
    vocab = spacy.blank("en").vocab  # with the English lexical attributes (LOWER)
    matcher = Matcher(vocab)
    keyed = []
    for i, pattern in enumerate(patterns):
        key = vocab.strings.add(str(i))
        matcher.add(key, [pattern])
        keyed.append((key, pattern))
    return matcher, AttributeMatches(matcher, keyed, vocab.strings), vocab


def test_the_same_matches_as_spacys_matcher() -> None:
    matcher, fast, vocab = _both(PATTERNS)
    doc = _doc(vocab)
    expected = sorted(set(matcher(doc, allow_missing=True, as_spans=False)))
    for _ in range(2):  # the second time from what the first kept
        assert sorted(fast(doc, allow_missing=True, as_spans=False)) == expected
    assert len(expected) > 8  # every kind of test above matched somewhere


def test_anything_but_plain_matching_goes_to_the_matcher() -> None:
    matcher, fast, vocab = _both(PATTERNS)
    doc = _doc(vocab)
    spans: Any = fast(doc, allow_missing=True, as_spans=True)
    assert [(s.start, s.end) for s in spans] == [(s.start, s.end) for s in matcher(doc, as_spans=True)]
    assert fast.get(str(0))[1] == [PATTERNS[0]]


@pytest.mark.parametrize("pattern", [
    [{"TAG": "NN", "OP": "+"}],
    [{"POS": "NOUN"}],
    [{"LOWER": {"FUZZY": "thing"}}],
    [{"LENGTH": {">=": 3}}],
])
def test_patterns_it_does_not_reproduce_are_refused(pattern: list[dict[str, Any]]) -> None:
    with pytest.raises(Unsupported):
        _both([pattern])


def test_the_loaded_pipeline_uses_both(nlp: Any) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler").matcher, AttributeMatches)
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert isinstance(index.get("noun"), frozenset)
    doc = nlp("The ministers weren't gonna say what the talks had achieved.")
    assert [t.lemma_ for t in doc][:5] == ["the", "minister", "be", "not", "go"]
    assert [t.pos_ for t in doc][2:4] == ["AUX", "PART"]
