"""Who said it: organisations, documents and partitives given by a description.

Every fixture is written for this test (never copied from the corpus). Each
asserts what the old resolver got wrong: "the airline" after the article
said which airline, "the statement" whose author was a pronoun, "one of the
survivors", a title in a heading, and a restrictive title that is not the
author of the statement quoted before it.
"""

from __future__ import annotations

from tests.test_speakers import Parse, speaker_of

# -- "the airline" after "German airline Lufthansa" ------------------------------------

AIRLINE = """German airline Lufthansa confirmed on Monday that it would cancel 300 flights in March.

"The strike leaves us no choice but to ground part of the fleet," the airline said.
"""


def test_the_kind_an_organisation_was_introduced_with_stands_for_it(parse: Parse) -> None:
    assert speaker_of(parse, AIRLINE, "ground part of the fleet") == "Lufthansa"


def test_two_organisations_of_the_kind_are_two_readings(parse: Parse) -> None:
    text = AIRLINE.replace(
        "German airline Lufthansa confirmed",
        "Irish airline Ryanair followed German airline Lufthansa, which confirmed",
    )
    assert speaker_of(parse, text, "ground part of the fleet") not in ("Lufthansa", "Ryanair")


def test_a_newspaper_named_with_its_kind_is_the_newspaper(parse: Parse) -> None:
    text = """The leaks were first reported by the newspaper Dagens Nyheter over the weekend.

"At least thirty employees were considered security risks," the newspaper reported.
"""
    assert speaker_of(parse, text, "security risks") == "Dagens Nyheter"


# -- a document whose author was a pronoun ----------------------------------------------

STATEMENT = """The strikes hit six towns overnight, the Ministry of Foreign Affairs said.

In a statement, it said the strikes had killed several civilians.

"This is a clear violation of our sovereignty," the statement said.
"""


def test_the_statement_is_its_authors_when_the_author_was_it(parse: Parse) -> None:
    assert speaker_of(parse, STATEMENT, "clear violation") == "Ministry of Foreign Affairs"


# -- "one of the survivors": an unnamed source as written -------------------------------


def test_one_of_a_group_of_people_is_an_unnamed_source(parse: Parse) -> None:
    text = """Three women were held in the basement for months before the police came.

According to one of the survivors, "We could hear him walking upstairs every night."
"""
    assert speaker_of(parse, text, "walking upstairs") == "one of the survivors"


def test_one_of_a_group_of_things_is_nobody(parse: Parse) -> None:
    text = """The council published three reports on the bridge this year.

According to one of the reports, "the cables were never inspected after 2015."
"""
    assert speaker_of(parse, text, "never inspected") != "one of the reports"


# -- a title in a heading: the person the entry below introduces with it ----------------

HEADING = """Protests in Leeds

Crowds gathered in the city centre on Saturday afternoon as shops closed early.

Leeds MP says rioters will face 'the full force of the law'

An MP in Leeds has condemned those who came to the city intent on violence.

Rachel Reeves posted on X: "Our city is a place of welcome and will stay one."
"""


def test_a_heading_title_is_the_person_the_entry_introduces_with_it(parse: Parse) -> None:
    assert speaker_of(parse, HEADING, "full force of the law") == "Rachel Reeves"


def test_a_heading_title_the_entry_does_not_name_is_nobody(parse: Parse) -> None:
    text = HEADING.replace("Rachel Reeves posted on X", "A statement posted on X read")
    assert speaker_of(parse, text, "full force of the law") is None


# -- a restrictive title does not continue a statement's author -------------------------


def test_a_title_that_identifies_its_holder_is_not_the_last_speaker(parse: Parse) -> None:
    text = """Noose found at Harlow University

A noose was found hanging from a tree on campus early on Wednesday.

"We will find whoever did this," said Richard Hale.

In the news release, the vice president for student affairs called the incident a "cowardly act."
"""
    assert speaker_of(parse, text, "cowardly act") != "Richard Hale"


# -- papers: their authors, never the body in view ---------------------------------------


def test_a_lawsuit_is_not_the_body_it_is_against(parse: Parse) -> None:
    text = """Mark Doyle went to court in March over the zoning decision.

The Riverside Town Council voted on Tuesday to fight the case.

The lawsuit alleges that the council "ignored every objection the residents raised."
"""
    assert speaker_of(parse, text, "ignored every objection") != "Riverside Town Council"


def test_a_poll_conducted_by_a_firm_is_the_firms(parse: Parse) -> None:
    text = """Support for the plan has fallen since the spring.

A poll of 2,000 adults conducted by Ipsos for the Guardian found that "most voters want a change of course."
"""
    assert speaker_of(parse, text, "change of course") == "Ipsos"


def test_the_last_word_of_one_bodys_name_stands_for_it(parse: Parse) -> None:
    text = """The International Ski Federation said the race would go ahead despite the storm.

"The course has been checked twice since the morning," the federation said.
"""
    assert speaker_of(parse, text, "checked twice") == "International Ski Federation"
