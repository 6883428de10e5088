"""Pages a reader can trust (issue 12): parts of longer names, products and common nouns get no page,
and the names an article gives one entity share its page.

Hand-built briefs over real sentences (no model): each entity is placed where
the text writes it, as extraction would, with the evidence extraction records.
"""

from __future__ import annotations

from dataclasses import replace

from generator.model import Brief, Claim, Entity, EntityKind, Span
from generator.site.catalog import build_catalog
from generator.site.evidence import speakers
from generator.site.fragments import is_fragment
from tests.test_render import BODY, make_brief


def _spans(body: str, text: str) -> tuple[Span, ...]:
    found, start = [], body.find(text)
    while start >= 0:
        found.append(Span(start=start, end=start + len(text), text=text))
        start = body.find(text, start + 1)
    return tuple(found)


def _brief(text: str, *names: tuple[str, EntityKind, tuple[str, ...]], claims: tuple[Claim, ...] = ()) -> Brief:
    body = BODY + text
    brief = make_brief(body, slug="one")
    entities = [Entity(name=n, kind=k, mentions=_spans(body, n), evidence=ev) for n, k, ev in names]
    return replace(
        brief,
        people=(*brief.people, *(e for e in entities if e.kind == "person")),
        places=(*brief.places, *(e for e in entities if e.kind == "place")),
        organizations=(*brief.organizations, *(e for e in entities if e.kind == "organization")),
        claims=(*brief.claims, *claims),
    )


def _fragment(text: str, name: str, kind: EntityKind = "organization") -> bool:
    return is_fragment(Entity(name=name, kind=kind, mentions=_spans(text, name), evidence=("cue",)), text)


def test_a_name_the_article_always_continues_is_a_part_of_a_longer_name() -> None:
    assert _fragment("Depositors fled after the collapse of Silicon Valley Bank last week.", "Silicon Valley")
    assert _fragment("Two were arrested after Just Stop Oil protesters disrupted a play.", "Stop Oil")
    assert _fragment("Economists at the Bank of Montreal expect a cut.", "Montreal", "place")
    assert _fragment("She studied at Bard College in Annandale-on-Hudson, New York.", "Hudson", "place")
    assert _fragment("The ski slopes of Serra da Estrela are small.", "Serra", "place")
    assert _fragment("Charges were filed in the Eastern District of New York today.", "Eastern District", "place")
    # One mention standing alone keeps the name.
    assert not _fragment("The Bank of England held rates. England's economy grew.", "England", "place")


def test_a_name_beside_a_title_a_nationality_a_date_or_a_score_is_whole() -> None:
    assert not _fragment("Apple CEO Tim Cook spoke in London Tuesday.", "Apple")
    assert not _fragment("Apple CEO Tim Cook spoke in London Tuesday.", "London", "place")
    assert not _fragment("A US Delta Force operation captured him.", "Delta Force")
    assert not _fragment("The Texas-Mexico border was closed.", "Mexico", "place")
    assert not _fragment("Kim Lee of Conway, Washington, was named.", "Kim Lee", "person")
    assert not _fragment("The USC Trojans defeated Pomona College 23-7 that day.", "Pomona College")
    assert not _fragment("He met the former President of Iceland Ólafur Grímsson.", "Iceland", "place")


def test_a_model_number_or_a_common_noun_use_is_no_name() -> None:
    assert _fragment("The site launched Sputnik 1, the first satellite.", "Sputnik")
    assert _fragment("The plane was the Airbus A350, a long-haul jet.", "Airbus")
    assert _fragment("Palestine becomes a State Party to the statute.", "State Party")
    assert _fragment("He was carded when ordering a Bud Light, but he exuded confidence.", "Bud Light", "person")
    assert not _fragment("An Apple spokesman declined to comment.", "Apple")


def test_a_part_of_a_longer_name_gets_no_page() -> None:
    brief = _brief("Depositors fled Silicon Valley Bank.\n", ("Silicon Valley", "place", ("gazetteer",)))
    assert build_catalog([brief]).find(brief, "place", "Silicon Valley") is None


def test_a_claim_makes_a_speaker_only_with_a_verb_of_saying() -> None:
    text = "Glutathione is a molecule. Mr Okafor insists it works.\n"

    def claim(source: str, cue: str) -> Claim:
        return Claim(source=source, kind="person", claim=Span(start=0, end=1, text="x"), cue=cue)

    brief = _brief(text, ("Glutathione", "person", ()), ("Okafor", "person", ()),
                   claims=(claim("Glutathione", "is"), claim("Okafor", "insists"), claim("Nemo", "calls")))
    spoke = speakers(brief)
    assert "Okafor" in spoke and "Glutathione" not in spoke and "Nemo" not in spoke
    site = build_catalog([brief])
    assert site.find(brief, "person", "Glutathione") is None
    assert site.find(brief, "person", "Okafor") is not None


def test_names_no_person_has_get_no_person_page() -> None:
    text = ("A Decker 3-tier airer. Clipboard AI copies forms. On Easter Sunday it snowed. Malcolm X spoke. "
            "SpaceX launched it. McCarthy said so.\n")
    rep = ("repeated", "given-name")
    brief = _brief(text, ("Decker 3-tier", "person", rep), ("Clipboard AI", "person", rep),
                   ("Easter Sunday", "person", rep), ("Malcolm X", "person", rep), ("SpaceX", "person", ("cue",)),
                   ("McCarthy", "person", ("cue",)))
    people = [e.name for e in build_catalog([brief]).of_kind("person")]
    assert people == ["Ada Lovelace", "Malcolm X", "McCarthy"]


def _one_page(brief: Brief, kind: EntityKind, a: str, b: str) -> bool:
    site = build_catalog([brief])
    page = site.find(brief, kind, a)
    return page is not None and site.find(brief, kind, b) is page


def test_a_name_the_article_gives_as_another_s_shares_its_page() -> None:
    text = "She went to the International Court of Justice, known as the World Court, in May.\n"
    brief = _brief(text, ("International Court of Justice", "organization", ("listed",)),
                   ("World Court", "organization", ("listed",)))
    assert _one_page(brief, "organization", "International Court of Justice", "World Court")


def test_a_club_nickname_joins_the_one_club_it_can_stand_for() -> None:
    text = "Chelsea won at home. The Blues were superior.\n"
    brief = _brief(text, ("Chelsea", "organization", ("listed",)), ("Blues", "organization", ("agent",)))
    assert _one_page(brief, "organization", "Chelsea", "Blues")
    both = _brief("Chelsea beat Everton. The Blues were superior.\n", ("Chelsea", "organization", ("listed",)),
                  ("Everton", "organization", ("listed",)), ("Blues", "organization", ("agent",)))
    site = build_catalog([both])
    blues = site.find(both, "organization", "Blues")
    assert all(blues is not site.find(both, "organization", n) for n in ("Chelsea", "Everton"))


def test_a_short_place_name_joins_the_fuller_reading_the_article_gives() -> None:
    text = "Police in New York City made arrests. The New York arrests followed a letter.\n"
    brief = _brief(text, ("New York City", "place", ("gazetteer",)), ("New York", "place", ("gazetteer",)))
    assert _one_page(brief, "place", "New York City", "New York")
    # A short name that says which place it is stays its own place ("Mexico" is the country).
    other = _brief("Mexico City is large. Mexico voted.\n", ("Mexico City", "place", ("gazetteer",)),
                   ("Mexico", "place", ("gazetteer",)))
    assert not _one_page(other, "place", "Mexico City", "Mexico")
    # Beside a smaller city of its name, the short name stays the state.
    state = _brief("Storms hit Oklahoma City. Eastern Oklahoma flooded.\n", ("Oklahoma City", "place", ("gazetteer",)),
                   ("Oklahoma", "place", ("gazetteer",)))
    assert not _one_page(state, "place", "Oklahoma City", "Oklahoma")


def test_two_words_for_where_the_buses_stop_are_one_place() -> None:
    text = "She sells near Lindi Bus Stand. Lindi Bus Stand is busy. Her shop is by Lindi Bus Terminal.\n"
    brief = _brief(text, ("Lindi Bus Stand", "place", ("head",)), ("Lindi Bus Terminal", "place", ("head",)))
    assert _one_page(brief, "place", "Lindi Bus Stand", "Lindi Bus Terminal")


def test_a_word_of_a_full_name_taken_for_an_organisation_is_that_person() -> None:
    text = "Luiz Inácio Lula da Silva spoke. Later Lula announced a fund. Lula hopes for more.\n"
    brief = _brief(text, ("Luiz Inácio Lula da Silva", "person", ("given-name",)), ("Lula", "organization", ("agent",)))
    site = build_catalog([brief])
    person = site.find(brief, "person", "Luiz Inácio Lula da Silva")
    assert person is not None and site.find(brief, "person", "Lula") is person
    assert site.find(brief, "organization", "Lula") is None or site.find(brief, "organization", "Lula") is person


def test_a_mixed_case_acronym_joins_the_organisation_it_abbreviates() -> None:
    text = "Vasyl' Stus Donetsk National University moved. DonNU is now in Vinnytsia.\n"
    brief = _brief(text, ("Vasyl' Stus Donetsk National University", "organization", ("head",)),
                   ("DonNU", "organization", ("agent",)))
    assert _one_page(brief, "organization", "Vasyl' Stus Donetsk National University", "DonNU")


def test_a_malformed_name_or_a_product_known_only_as_an_agent_gets_no_page() -> None:
    text = ("(CNN)The Palestinian Authority joined. It was in the Saturday edition of The Salt Lake Tribune. "
            "The Siesta is roomy. The Siesta's cut is wide. Pepsi raised prices.\n")
    agent = ("agent",)
    brief = _brief(text, ("CNN)The Palestinian Authority", "organization", ("head",)),
                   ("Saturday edition of The Salt Lake Tribune", "organization", ("head",)),
                   ("Siesta", "organization", agent), ("Pepsi", "organization", agent))
    assert [e.name for e in build_catalog([brief]).of_kind("organization")] == ["City Council", "Pepsi"]


def test_an_acronym_the_article_spells_out_in_lower_case_is_a_thing() -> None:
    text = ("Robotic process automation (RPA) came into vogue. RPA vendors adapt. RPA grew. "
            "The Civil Aviation Authority of Nepal (CAAN) said so. CAAN said more.\n")
    agent = ("agent",)
    brief = _brief(text, ("RPA", "organization", agent), ("CAAN", "organization", agent))
    assert [e.name for e in build_catalog([brief]).of_kind("organization")] == ["CAAN", "City Council"]


def test_a_ground_or_two_towns_are_no_club_named_for_its_town() -> None:
    text = ("Locke returned to Rugby Park. The people of Middlesbrough and Hartlepool were shaken. "
            "Manchester City won.\n")
    town = ("town",)
    brief = _brief(text, ("Rugby Park", "organization", town), ("Middlesbrough and Hartlepool", "organization", town),
                   ("Manchester City", "organization", town))
    assert [e.name for e in build_catalog([brief]).of_kind("organization")] == ["City Council", "Manchester City"]


def test_a_distance_after_a_place_is_no_model_number() -> None:
    assert not _fragment("He was killed in the mining town of Moengo 56 miles east of the capital.", "Moengo", "place")


def test_calling_someone_names_is_no_alias_and_a_team_takes_the_article() -> None:
    text = ("Anthony Hill called Jansher Khan a cheat. Jansher Khan said nothing. "
            "The Braves won. The Braves took the second game. Li Song-ho said so.\n")
    brief = _brief(text, ("Anthony Hill", "person", ("given-name",)), ("Jansher Khan", "person", ("repeated",)),
                   ("Braves", "organization", ("agent",)), ("Li Song-ho", "person", ("repeated",)))
    site = build_catalog([brief])
    hill, khan = site.find(brief, "person", "Anthony Hill"), site.find(brief, "person", "Jansher Khan")
    assert hill is not None and khan is not None and hill is not khan
    assert site.find(brief, "organization", "Braves") is not None
    assert site.find(brief, "person", "Li Song-ho") is not None


def test_a_name_with_no_ascii_letter_joins_nothing_and_breaks_nothing() -> None:
    # Hypothesis found a brief whose organisation was "<": the titled-surname join took the last
    # ASCII word of a name that has none, and the whole catalogue failed to build.
    from generator.site.joins import brief_joins

    people = Entity(name="Jacob Mamabolo", kind="person")
    for odd in ("<", "東京 大学", "« »"):
        joins = brief_joins([people, Entity(name=odd, kind="organization")], f"Jacob Mamabolo and {odd}.")
        assert 1 not in joins.into
