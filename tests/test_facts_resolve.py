"""A fact's leading "He" / "His" names the one person it can mean, or the fact is left out."""

from __future__ import annotations

from collections.abc import Callable

from generator.extract.facts.resolve import resolve_opening
from generator.extract.facts.select import fact_candidates
from generator.extract.facts.sentences import sentences
from generator.model import Article
from generator.nlp import parse as parse_article

Parse = Callable[[str], tuple[Article, object]]


def _resolved(parse: Parse, text: str, index: int) -> str | None:
    article, doc = parse(text)
    parsed = parse_article(article, doc)  # type: ignore[arg-type]
    sents = sentences(parsed)
    sent = sents[index]
    found = resolve_opening(parsed, sents, sent, sent.start)
    return found.apply(parsed.text, sent.start, sent.end) if found else None


ONE = (
    "Police in Leeds arrested John Smith, a 42-year-old accountant, on Monday morning.\n\n"
    "He was charged with fraud and will appear before magistrates on Friday.\n\n"
    "His lawyer said the charges would be contested in court next month.\n"
)


def test_he_names_the_only_person_before(parse: Parse) -> None:
    assert _resolved(parse, ONE, 1) == "John Smith was charged with fraud and will appear before magistrates on Friday."


def test_his_through_a_pronoun_chain_becomes_a_possessive(parse: Parse) -> None:
    assert _resolved(parse, ONE, 2) == "John Smith's lawyer said the charges would be contested in court next month."


def test_two_people_before_leave_he_unresolved(parse: Parse) -> None:
    text = (
        "Police in Leeds arrested John Smith and Peter Brown on Monday morning after a long inquiry.\n\n"
        "He was charged with fraud and will appear before magistrates on Friday.\n"
    )
    assert _resolved(parse, text, 1) is None


def test_gender_disagreeing_with_the_name_leaves_he_unresolved(parse: Parse) -> None:
    text = (
        "Police in Leeds arrested Mary Jones, a 42-year-old accountant, on Monday morning.\n\n"
        "He was charged with fraud and will appear before magistrates on Friday.\n"
    )
    assert _resolved(parse, text, 1) is None


def test_fact_candidates_show_the_name_and_drop_the_unresolvable(parse: Parse) -> None:
    text = ONE + (
        "\nLater that day officers also questioned Peter Brown and Anna White about the accounts.\n\n"
        "They were released without charge after several hours of questioning.\n"
    )
    article, doc = parse(text)
    parsed = parse_article(article, doc)  # type: ignore[arg-type]
    texts = [c.text for c in fact_candidates(parsed, sentences(parsed))]
    assert any(t.startswith("John Smith was charged") for t in texts), texts
    assert not any(t.split()[0] in ("He", "His", "They") for t in texts), texts
