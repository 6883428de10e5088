"""Who is a person: given names from many countries, titles and cues that are no part of a name (issue 12)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.extract.entities import entities
from generator.model import Article, Entity
from generator.nlp import parse as parse_article

Parse = Callable[[str], tuple[Article, Any]]


def run(parse: Parse, text: str) -> tuple[tuple[Entity, ...], tuple[Entity, ...], tuple[Entity, ...]]:
    article, doc = parse(text)
    return entities(parse_article(article, doc))


def names(group: tuple[Entity, ...]) -> list[str]:
    return [e.name for e in group]


def test_a_given_name_of_either_sex_or_from_abroad_makes_a_full_name(parse: Parse) -> None:
    """The model leaves these unlabelled or calls them organisations; the given name says person."""
    people, _, orgs = run(parse, (
        "On a January 31 earnings call, Amit Mehrotra, an analyst for Deutsche Bank, expressed concern.\n\n"
        "Royce Mendes, Desjardins Economics managing director, was a bit more cautious.\n\n"
        "Alfie Gilchrist also dealt very well with the pressure."
    ))
    assert {"Amit Mehrotra", "Royce Mendes", "Alfie Gilchrist"} <= set(names(people))
    assert not {"Amit Mehrotra", "Royce Mendes", "Alfie Gilchrist"} & set(names(orgs))


def test_a_given_name_before_an_english_noun_is_no_person(parse: Parse) -> None:
    """"Dow", "Reagan" and "Crandall" are given names too; a company or a canyon keeps its kind."""
    from generator.extract.entities.readings import leads_full_name

    assert leads_full_name(["Amit", "Mehrotra"])
    assert not leads_full_name(["Dow", "Chemical"])
    assert not leads_full_name(["Crandall", "Canyon"])
    assert not leads_full_name(["Amit"])


def test_the_wider_given_names_hold_no_word_month_or_place() -> None:
    from generator.lexicon.people import more_given_names

    more = more_given_names()
    assert {"Amit", "Royce", "Alfie", "Abdulaziz"} <= more
    assert not {"Grant", "Will", "Genesis", "December", "Boston", "Washington", "Le"} & more


def test_a_group_of_office_holders_is_nobody(parse: Parse) -> None:
    people, _, _ = run(parse, "Mr Kennedy voted against the laws, along with 16 other Lib Dem MPs, on Monday.")
    assert not [n for n in names(people) if "MPs" in n]


def test_a_video_links_imperative_is_no_part_of_the_name(parse: Parse) -> None:
    people, _, _ = run(parse, (
        "White House spokesman Tony Snow said the president was in good spirits.\n\n"
        "Watch Snow talk about the procedure and the recovery.\n\n"
        "Snow said the doctors were pleased."
    ))
    assert "Watch Snow" not in names(people)
    assert "Tony Snow" in names(people)


def test_a_position_before_a_players_name_is_his_role(parse: Parse) -> None:
    people, _, _ = run(parse, "Keeper Petr Cech made two fine saves before half-time, and Chelsea held on.")
    assert "Petr Cech" in names(people)
    assert "Keeper Petr Cech" not in names(people)


def test_a_royal_known_by_one_name_is_named_with_the_title(parse: Parse) -> None:
    people, _, _ = run(parse, (
        "King Charles met the prime minister at the palace on Tuesday.\n\n"
        "Charles later said the talks had gone well."
    ))
    king = next(e for e in people if "Charles" in (e.name, *e.aliases))
    assert king.name == "King Charles"
    assert "Charles" in king.aliases


def test_a_citys_people_and_a_chapel_are_no_persons(parse: Parse) -> None:
    people, places, _ = run(parse, (
        "One Londoner said the queues were worse than ever.\n\n"
        "The service was held at Duke Chapel in Durham, North Carolina."
    ))
    assert "Londoner" not in names(people)
    assert "Duke Chapel" not in names(people)
    assert "Duke Chapel" in names(places)


def test_a_possessive_typed_with_an_opening_quote_is_the_same_person(parse: Parse) -> None:
    people, _, _ = run(parse, (
        "Travis Kelce caught the pass.\n\nFans cheered Travis Kelce‘s touchdown, and Kelce waved."
    ))
    assert [e.name for e in people if "Kelce" in e.name] == ["Travis Kelce"]


def test_a_nationality_however_it_begins_is_nobody(parse: Parse) -> None:
    from collections import Counter

    from generator.extract.entities.build import Group
    from generator.extract.entities.classify import classify

    group = Group(text="North American", words=("north", "american"), votes=Counter({"NORP": 2, "CUE_PERSON": 1}))
    assert classify(group, set(), sports=False) is None
    person = Group(text="Rebecca English", words=("rebecca", "english"), votes=Counter({"PERSON": 1}))
    assert classify(person, set(), sports=False) == "person"


def test_a_word_the_model_calls_person_and_organisation_alike_gets_no_kind() -> None:
    """Two readings fit ("Labour", "Climax"): no person page; a given name or a title still decides."""
    from collections import Counter

    from generator.extract.entities.build import Group
    from generator.extract.entities.classify import classify

    # ("Labour" itself is a listed party now: the list decides it is an organisation.)
    tie = Group(text="Climax", words=("climax",), votes=Counter({"PERSON": 2, "ORG": 2, "SUBJECT": 3}))
    assert classify(tie, set(), sports=False) is None
    listed = Group(text="Labour", words=("labour",), votes=Counter({"PERSON": 2, "ORG": 2, "SUBJECT": 3}))
    assert classify(listed, set(), sports=False) == "organization"
    named = Group(text="Bill", words=("bill",), votes=Counter({"PERSON": 1, "ORG": 1}))
    assert classify(named, set(), sports=False) == "person"


def test_a_nickname_in_quotes_is_part_of_the_name(parse: Parse) -> None:
    people, _, _ = run(parse, (
        "June's oldest daughter, Anna 'Chickadee' Cardwell, has accused him of abuse.\n\n"
        "The stadium honours Mildred ‘Babe’ Didrikson, who won two gold medals there.\n\n"
        "Cardwell said she would not comment further."
    ))
    assert "Anna 'Chickadee' Cardwell" in names(people)
    assert "Mildred ‘Babe’ Didrikson" in names(people)
    assert "Anna" not in names(people) and "Chickadee" not in names(people)


def test_an_occupation_starting_the_sentence_is_no_part_of_the_name() -> None:
    from generator.extract.entities.spans import _occupation_first

    class Tok:
        def __init__(self, text: str, start: bool = False) -> None:
            self.text, self.is_sent_start = text, start

    doc: Any = [Tok("Broker", True), Tok("Khurshid"), Tok("Alam")]
    assert _occupation_first(doc, 0)
    doc = [Tok("Dean", True), Tok("Smith")]
    assert not _occupation_first(doc, 0)  # a given name too


def test_a_plural_of_a_role_ends_no_persons_name() -> None:
    from collections import Counter

    from generator.extract.entities.build import Group
    from generator.extract.entities.classify import classify

    firm = Group(text="Athena Advisers", words=("athena", "advisers"), votes=Counter({"ORG": 1, "PERSON": 1}))
    assert classify(firm, set(), sports=False) == "organization"
    group = Group(text="Lib Dem MPs", words=("lib", "dem", "mps"), votes=Counter({"PERSON": 1}))
    assert classify(group, set(), sports=False) is None


def test_a_nickname_alone_joins_the_name_that_gives_it(parse: Parse) -> None:
    people, _, _ = run(parse, (
        "Her brother Lee 'Uncle Poodle' Thompson spoke to the magazine in December.\n\n"
        "Uncle Poodle said the family had not heard from her since April."
    ))
    lee = next(e for e in people if e.name == "Lee 'Uncle Poodle' Thompson")
    assert "Uncle Poodle" in lee.aliases
    assert "Uncle Poodle" not in names(people)
