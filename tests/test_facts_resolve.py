"""A fact's leading "He" / "His" names the one person it can mean, or the fact is left out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.extract.facts.resolve import resolve_opening
from generator.extract.facts.select import fact_candidates
from generator.extract.facts.sentences import sentences
from generator.model import Article
from generator.nlp import parse as parse_article
from generator.pipeline import Settings, brief_markdown
from tests.conftest import ROOT

Parse = Callable[[str], tuple[Article, object]]


def _resolved(parse: Parse, text: str, index: int) -> str | None:
    article, doc = parse(text)
    parsed = parse_article(article, doc)  # type: ignore[arg-type]
    sents = sentences(parsed)
    sent = sents[index]
    found = resolve_opening(parsed, sents, sent, sent.start)
    return found.apply(parsed.text, sent.start, sent.end) if found else None


ONE = (
    "Detectives in Leeds arrested John Smith, a 42-year-old accountant, on Monday morning.\n\n"
    "He was charged with fraud and will appear before magistrates on Friday.\n\n"
    "His lawyer said the charges would be contested in court next month.\n"
)


def test_he_names_the_only_person_before(parse: Parse) -> None:
    assert _resolved(parse, ONE, 1) == "John Smith was charged with fraud and will appear before magistrates on Friday."


def test_his_through_a_pronoun_chain_becomes_a_possessive(parse: Parse) -> None:
    assert _resolved(parse, ONE, 2) == "John Smith's lawyer said the charges would be contested in court next month."


def test_subject_chain_names_the_speaker_not_the_last_name(parse: Parse) -> None:
    text = (
        "Liam Neeson told a gala dinner in New York that he still missed the Glens of Antrim.\n\n"
        "He said he would love to play one man from his childhood on screen, Ian Paisley.\n\n"
        "He praised the preacher as an extraordinary and very dynamic figure of his time.\n"
    )
    assert _resolved(parse, text, 2) == (
        "Liam Neeson praised the preacher as an extraordinary and very dynamic figure of his time."
    )


def test_a_sentence_between_that_names_nobody_stops_the_search(parse: Parse) -> None:
    text = (
        "Detectives in Leeds arrested John Smith, a 42-year-old accountant, on Monday morning.\n\n"
        "Officers searched three offices in the city centre and seized 40 computers.\n\n"
        "He was charged with fraud and will appear before magistrates on Friday.\n"
    )
    assert _resolved(parse, text, 2) is None


def test_him_in_the_sentence_before_means_someone_else_may_be_meant(parse: Parse) -> None:
    text = (
        "Former Labour prime minister Lord Callaghan has died on the eve of his 93rd birthday.\n\n"
        "Prime Minister Tony Blair called him a giant of the Labour movement on Saturday.\n\n"
        "He held each of the four great offices of state during his long career.\n"
    )
    assert _resolved(parse, text, 2) is None


def test_two_people_before_leave_he_unresolved(parse: Parse) -> None:
    text = (
        "Detectives in Leeds arrested John Smith and Peter Brown on Monday morning after a long inquiry.\n\n"
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


STORY = (
    "Court charges accountant\n\n"
    "Detectives in Leeds arrested John Smith, a 42-year-old accountant, on Monday morning.\n\n"
    "He was charged with fraud and will appear before magistrates in Leeds on Friday.\n\n"
    "Officers searched three offices in the city centre and seized 40 computers and several boxes of files.\n\n"
    "The council said 2 million pounds had gone missing from its pension accounts since 2019.\n"
)


def test_the_brief_page_shows_the_resolved_name(tmp_path: Path) -> None:
    """The page shows what the fact says, not the article's bare "He" at the fact's offsets."""
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    result = brief_markdown(article, Settings(root=ROOT, cache=False))
    assert result.markdown is not None
    facts = result.markdown.split("## Key facts", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in facts.splitlines() if line.startswith("- ")]
    assert any("Smith\\] was charged with fraud" in line and "\\[" in line for line in lines), facts
    assert not any(line.startswith("- He ") for line in lines), facts


def test_they_names_the_one_group_before(parse: Parse) -> None:
    text = (
        "Firefighters battled the blaze in the old mill for six hours on Sunday.\n\n"
        "They said the building could not be saved and would be pulled down.\n"
    )
    assert _resolved(parse, text, 1) == "Firefighters said the building could not be saved and would be pulled down."


def test_their_becomes_the_group_possessive(parse: Parse) -> None:
    text = (
        "The protesters gathered outside parliament in the rain on Monday.\n\n"
        "Their leader was arrested later that day by officers from the city.\n"
    )
    assert _resolved(parse, text, 1) == "The protesters' leader was arrested later that day by officers from the city."


def test_they_with_two_groups_before_is_left_alone(parse: Parse) -> None:
    text = (
        "Police arrested three men in Leeds on Monday after a long inquiry.\n\n"
        "They were charged with fraud and will appear in court on Friday.\n"
    )
    assert _resolved(parse, text, 1) is None


def test_he_before_the_same_name_is_someone_else(parse: Parse) -> None:
    # Binding: "He told officers that Smith ..." cannot mean Smith.
    text = (
        "Detectives in Leeds arrested John Smith, a 42-year-old accountant, on Monday morning.\n\n"
        "He told officers that Smith had been seen at the bank two days before.\n"
    )
    assert _resolved(parse, text, 1) is None


MAIN_ACTOR = (
    "Mr Peter Hall, a farmer from Devon, won the county prize for his bull on Saturday.\n\n"
    "Mr Hall had entered the show every summer for twenty years.\n\n"
    "Hall said the win had come as a complete surprise to the family.\n\n"
    "The prize includes a silver trophy and a cheque for 500 pounds.\n\n"
    "He plans to spend the money on a new tractor for the farm.\n"
)


def test_he_falls_back_on_the_main_actor(parse: Parse) -> None:
    assert _resolved(parse, MAIN_ACTOR, 4) == "Peter Hall plans to spend the money on a new tractor for the farm."


def test_main_actor_gives_way_to_a_person_named_since(parse: Parse) -> None:
    text = MAIN_ACTOR.replace("The prize includes", "The judge, Tom Reed, said the prize includes")
    assert _resolved(parse, text, 4) is None


def test_a_contracted_pronoun_is_not_replaced(parse: Parse) -> None:
    # "She's stood firm" with the name put in would read "Mary Jones's stood firm": a possessive.
    text = (
        "Mary Jones, the Labour candidate, spoke to supporters in Dublin on Monday evening.\n\n"
        "She's stood firm in her opposition to the plans to boost defence spending across Europe.\n"
    )
    assert _resolved(parse, text, 1) is None
    assert _resolved(parse, text.replace("She's", "She has"), 1) == (
        "Mary Jones has stood firm in her opposition to the plans to boost defence spending across Europe."
    )
