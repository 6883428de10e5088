"""One page per entity of a brief, and evidence weighed in context (issue 12).

Hand-built briefs (no model): each names the short forms extraction leaves
apart, and the test checks which page, if any, each name links to.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.model import Brief, Entity, EntityKind, Span
from generator.site.catalog import build_catalog
from generator.site.joins import variant_given_names
from generator.site.keys import entity_key
from tests.test_render import BODY, make_brief

CUE = ("cue",)


def _ent(name: str, kind: EntityKind = "person", *, n: int = 1, evidence: tuple[str, ...] = CUE,
         aliases: tuple[str, ...] = ()) -> Entity:
    mentions = tuple(Span(start=i, end=i + 1, text=name) for i in range(n))
    return Entity(name=name, kind=kind, mentions=mentions, evidence=evidence, aliases=aliases)


def _brief(*entities: Entity, slug: str = "one") -> Brief:
    brief = make_brief(BODY, slug=slug)
    return replace(
        brief,
        people=(*brief.people, *(e for e in entities if e.kind == "person")),
        places=(*brief.places, *(e for e in entities if e.kind == "place")),
        organizations=(*brief.organizations, *(e for e in entities if e.kind == "organization")),
    )


def _people(brief: Brief) -> list[str]:
    return [e.name for e in build_catalog([brief]).of_kind("person")]


def test_a_middle_name_joins_the_one_full_name_it_belongs_to() -> None:
    brief = _brief(_ent("Peete Lesaoana Peete", n=3), _ent("Lesaoana"))
    site = build_catalog([brief])
    full = site.find(brief, "person", "Peete Lesaoana Peete")
    assert full is not None and site.find(brief, "person", "Lesaoana") is full
    assert "Lesaoana" in full.aliases
    assert _people(brief) == ["Ada Lovelace", "Peete Lesaoana Peete"]


def test_a_middle_name_two_people_share_gets_no_page() -> None:
    brief = _brief(_ent("Anna Marie Jones"), _ent("Paul Marie Smith"), _ent("Marie"))
    assert build_catalog([brief]).find(brief, "person", "Marie") is None
    assert "Marie" not in _people(brief)


def test_a_misspelt_lone_surname_gets_no_second_page() -> None:
    # "Jensen said" about Nathan Janzen: a misspelling of someone; which one is a guess.
    brief = _brief(_ent("Nathan Janzen", n=2), _ent("Jensen"))
    assert build_catalog([brief]).find(brief, "person", "Jensen") is None
    assert _people(brief) == ["Ada Lovelace", "Nathan Janzen"]
    # A surname spelt nothing like anyone's keeps its page.
    other = _brief(_ent("Nathan Janzen", n=2), _ent("Okonkwo"))
    assert "Okonkwo" in _people(other)


def test_a_spelling_variant_of_the_given_name_is_the_same_person() -> None:
    brief = _brief(_ent("Bryan Kohberger", n=3), _ent("Brian Kohberger"))
    site = build_catalog([brief])
    page = site.find(brief, "person", "Bryan Kohberger")
    assert page is not None and site.find(brief, "person", "Brian Kohberger") is page
    assert page.name == "Bryan Kohberger"  # the form the article uses most


def test_a_familiar_form_of_the_given_name_is_the_same_person() -> None:
    brief = _brief(_ent("Madison Mogen", n=2), _ent("Maddie Mogen"))
    assert _people(brief) == ["Ada Lovelace", "Madison Mogen"]


@pytest.mark.parametrize(("a", "b"), [("Bill", "Hillary"), ("Louis", "Louise"), ("Carl", "Carla"), ("John", "James")])
def test_one_surname_with_other_given_names_stays_two_people(a: str, b: str) -> None:
    brief = _brief(_ent(f"{a} Clinton", n=2), _ent(f"{b} Clinton"))
    assert _people(brief) == sorted(["Ada Lovelace", f"{a} Clinton", f"{b} Clinton"])


def test_given_name_variants() -> None:
    assert variant_given_names("Brian", "Bryan")
    assert variant_given_names("Maddie", "Madison")
    assert variant_given_names("Katie", "Katherine")
    assert not variant_given_names("Louis", "Louise")  # a man's name and a woman's
    assert not variant_given_names("Chris", "Christina")  # "Chris": sex unknown, rules nothing in
    assert not variant_given_names("Mark", "Mary")


def test_initials_taken_for_an_organisation_are_the_person() -> None:
    brief = _brief(_ent("AP McCoy", n=3), _ent("AP", "organization", n=3, evidence=("listed",)))
    site = build_catalog([brief])
    assert site.find(brief, "organization", "AP") is None
    assert site.find(brief, "person", "AP") is site.find(brief, "person", "AP McCoy")
    # Without a person of those initials the agency keeps its page.
    alone = _brief(_ent("AP", "organization", evidence=("listed",)))
    assert build_catalog([alone]).find(alone, "organization", "AP") is not None


def test_a_title_and_surname_taken_for_an_organisation_is_the_person() -> None:
    brief = _brief(_ent("Jacob Mamabolo", n=2), _ent("MEC Mamabolo", "organization", evidence=("town",)))
    site = build_catalog([brief])
    assert site.find(brief, "organization", "MEC Mamabolo") is None
    assert site.find(brief, "person", "MEC Mamabolo") is site.find(brief, "person", "Jacob Mamabolo")
    # A company named for a family keeps its page beside someone of that surname.
    bank = _brief(_ent("Jeffrey Sachs", n=2), _ent("Goldman Sachs", "organization", evidence=("listed",)))
    assert build_catalog([bank]).find(bank, "organization", "Goldman Sachs") is not None


def test_a_one_word_place_known_only_by_repetition_gets_no_page() -> None:
    brief = _brief(_ent("Valheim", "place", n=3, evidence=("repeated",)),
                   _ent("Corn Belt", "place", n=3, evidence=("repeated",)),
                   _ent("Pokrovsk", "place", n=3, evidence=("gazetteer", "repeated")))
    site = build_catalog([brief])
    assert site.find(brief, "place", "Valheim") is None
    assert site.find(brief, "place", "Corn Belt") is not None
    assert site.find(brief, "place", "Pokrovsk") is not None


def test_an_organisation_named_by_a_role_is_a_title() -> None:
    brief = _brief(_ent("Lindi Municipal Director", "organization", evidence=("town",)),
                   _ent("Berea District Administrator", "organization", evidence=("acronym", "town")))
    site = build_catalog([brief])
    assert site.find(brief, "organization", "Lindi Municipal Director") is None
    assert site.find(brief, "organization", "Berea District Administrator") is None


def test_a_town_name_evidence_that_the_rest_of_the_name_contradicts() -> None:
    brief = _brief(
        _ent("Missouri Valley", "organization", evidence=("town",)),  # a valley, not a club
        _ent("Karo In", "organization", evidence=("town",)),  # cut at a small word
        _ent("Washington Redskins", "organization", evidence=("town",)),
        _ent("George Washington", n=2),  # the town's name as a surname says nothing
    )
    site = build_catalog([brief])
    assert site.find(brief, "organization", "Missouri Valley") is None
    assert site.find(brief, "organization", "Karo In") is None
    assert site.find(brief, "organization", "Washington Redskins") is not None


def test_a_royal_known_by_one_name_has_a_page_titled_with_the_title() -> None:
    king = _brief(_ent("Charles", aliases=("King Charles",)))
    other = _brief(_ent("Charles", evidence=("role",)), slug="two")
    site = build_catalog([king, other])
    page = site.find(king, "person", "Charles")
    assert page is not None and page.name == "King Charles"
    assert site.find(other, "person", "Charles") is not page  # not every Charles is the King
    assert entity_key("person", "King Charles") != entity_key("person", "Charles")
    assert entity_key("person", "Mrs Clinton") == entity_key("person", "Ms Clinton")


def test_a_part_named_by_the_acronym_of_an_organisation_of_the_brief_is_it() -> None:
    brief = _brief(_ent("Royal Bank of Canada", "organization", n=3, evidence=("head",)),
                   _ent("RBC Economics", "organization", evidence=("head",)),
                   _ent("NBC News", "organization", evidence=("head",)))
    site = build_catalog([brief])
    bank = site.find(brief, "organization", "Royal Bank of Canada")
    assert bank is not None and site.find(brief, "organization", "RBC Economics") is bank
    news = site.find(brief, "organization", "NBC News")  # no NBC expanded in the brief
    assert news is not None and news is not bank


def test_a_place_written_by_its_nickname_is_that_place() -> None:
    brief = _brief(_ent("Cape Town", "place", evidence=("gazetteer",)),
                   _ent("Mother City", "place", evidence=("head",)),
                   _ent("Montana", "place", n=2, evidence=("gazetteer",)),
                   _ent("Big Sky Country", "organization", evidence=("town",)))
    site = build_catalog([brief])
    city = site.find(brief, "place", "Cape Town")
    assert city is not None and site.find(brief, "place", "Mother City") is city and city.name == "Cape Town"
    assert site.find(brief, "organization", "Big Sky Country") is None
    assert site.find(brief, "place", "Big Sky Country") is site.find(brief, "place", "Montana")
    # Another article writing only the nickname reaches the same page, under the city's name.
    other = _brief(_ent("the Mother City", "place", evidence=("head",)), slug="two")
    both = build_catalog([brief, other])
    page = both.find(other, "place", "the Mother City")
    assert page is not None and page is both.find(brief, "place", "Cape Town") and page.name == "Cape Town"


def test_a_possessive_typed_with_any_apostrophe_is_no_second_person() -> None:
    brief = _brief(_ent("Travis Kelce", n=2), _ent("Travis Kelce\u2018s"))
    assert _people(brief) == ["Ada Lovelace", "Travis Kelce"]
