"""Organisations (issue 12): cue nouns, numbered broadcasters, parties by short name, works, outlets' "The"."""

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


def forms(group: tuple[Entity, ...]) -> set[str]:
    """Every name and mention text of the entities, as a scorer reads them."""
    return {e.name for e in group} | {m.text for e in group for m in e.mentions}


def test_a_firm_named_like_a_person_is_an_organisation(parse: Parse) -> None:
    people, _, orgs = run(
        parse,
        "A report from investment firm Grant Samuel values the shares at $20. "
        "Grant Samuel said its valuation was based on long-term prices.",
    )
    assert "Grant Samuel" in forms(orgs)
    assert "Grant Samuel" not in forms(people)


def test_a_cue_noun_that_is_no_modifier_of_the_name_is_no_cue(parse: Parse) -> None:
    people, _, orgs = run(
        parse, "It was the company Elon Musk bought in 2022, the papers said. Elon Musk declined to comment."
    )
    assert "Elon Musk" in forms(people)
    assert "Elon Musk" not in forms(orgs)


def test_a_broadcasters_number_is_part_of_its_name(parse: Parse) -> None:
    _, _, orgs = run(parse, "Mr Kennedy told Radio 4's Today programme there would be no coalition.")
    assert "Radio 4" in forms(orgs)
    assert "Radio" not in forms(orgs)


def test_uk_parties_by_their_short_names(parse: Parse) -> None:
    _, _, orgs = run(
        parse,
        "He told delegates that Labour had abused the public's trust and that the Tories had failed to oppose "
        "them. Only the Liberal Democrats stood against the war, he said.",
    )
    found = forms(orgs)
    assert {"Labour", "Tories", "Liberal Democrats"} <= found
    # "Democrats" inside "Liberal Democrats" is no mention of the US Democratic Party.
    assert "Democratic Party" not in {o.name for o in orgs}


def test_a_listed_outlets_the_is_in_its_mention_and_not_its_name(parse: Parse) -> None:
    _, _, orgs = run(parse, "Kamala was a happy child. The New York Times has reported she was close to her mother.")
    nyt = next(o for o in orgs if "New York Times" in o.name)
    assert nyt.name == "New York Times"
    assert "The New York Times" in {m.text for m in nyt.mentions}


def test_an_album_is_no_organisation(parse: Parse) -> None:
    _, _, orgs = run(parse, "Critics praised Taylor Swift's new album The Tortured Poets Department on Friday.")
    assert not any("Tortured" in f for f in forms(orgs))


def test_a_quoted_title_is_no_organisation(parse: Parse) -> None:
    _, _, orgs = run(parse, 'The wizard in "Harry Potter and the Order of the Phoenix" is breaking records.')
    assert not any("Phoenix" in f for f in forms(orgs))


def test_a_quoted_place_nickname_stays_a_place(parse: Parse) -> None:
    _, places, _ = run(parse, 'Oman is often called the "Switzerland of the Middle East," by diplomats.')
    assert "Switzerland" in forms(places)


def test_a_sports_datelines_town_is_a_place_and_its_club_an_organisation(parse: Parse) -> None:
    _, places, orgs = run(
        parse,
        "SOCCER - NEW COACH FOR NICE.\nNICE, France 1996-08-30\n"
        "Former goalkeeper Jean Dupont is to coach struggling French first division side Nice, the club said "
        "on Friday. Nice have been unable to win any of their four league matches played this season.",
    )
    assert any(m.text == "NICE" for p in places for m in p.mentions)
    assert any(m.text == "Nice" for o in orgs for m in o.mentions)


def test_an_organisation_of_two_places_keeps_both(parse: Parse) -> None:
    _, places, orgs = run(
        parse, "Calum Macleod, of the Police Federation of England and Wales, said officers were tired."
    )
    assert "Police Federation of England and Wales" in forms(orgs)
    assert "Wales" not in forms(places)


def test_a_county_named_for_its_river_is_a_place(parse: Parse) -> None:
    _, places, orgs = run(parse, "Disorder spread from Southport to Merseyside and Teesside over the weekend.")
    assert {"Merseyside", "Teesside"} <= forms(places)
    assert not {"Merseyside", "Teesside"} & forms(orgs)


def test_a_party_adjective_is_no_entity(parse: Parse) -> None:
    people, _, orgs = run(parse, 'On Saturday, the Lib Dem chief executive said it was "just a cock-up".')
    assert "Lib Dem" not in forms(people) | forms(orgs)


def test_a_short_name_before_of_joins_its_full_name(parse: Parse) -> None:
    _, _, orgs = run(
        parse,
        "Calum Macleod, of the Police Federation of England and Wales, said officers were tired. "
        "The Police Federation has asked for more support.",
    )
    assert [o.name for o in orgs if "Police Federation" in o.name] == ["Police Federation of England and Wales"]
