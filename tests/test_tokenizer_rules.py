"""newsbrief's additions to the model's tokenizer (generator/nlp.py)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("(CNN)The Palestinian Authority said.", ["(", "CNN", ")", "The", "Palestinian", "Authority", "said", "."]),
        ("LONDON (CNN)Police said", ["LONDON", "(", "CNN", ")", "Police", "said"]),
        ("(CNN) The man", ["(", "CNN", ")", "The", "man"]),
    ],
)
def test_a_bracket_glued_to_the_next_capital_is_split(nlp: Any, text: str, tokens: list[str]) -> None:
    assert [t.text for t in nlp.tokenizer(text)] == tokens


@pytest.mark.parametrize("word", ["f(x)Y", "H(2)O", "Fig.(a)b"])
def test_a_bracket_inside_a_formula_stays(nlp: Any, word: str) -> None:
    assert word in [t.text for t in nlp.tokenizer(f"See {word} here")]


def test_the_cnn_dateline_no_longer_names_an_organisation(nlp: Any) -> None:
    doc = nlp("(CNN)The Palestinian Authority said on Monday it would join the court.")
    assert all("CNN)" not in ent.text for ent in doc.ents)
    assert doc[3].text == "The"
