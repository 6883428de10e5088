"""Who said it, descriptions and roles: the person a description stands for, as written, or nobody.

Every fixture is written for this test (never copied from the corpus). Each
asserts what the old resolver got wrong: a description shown as a speaker
where the article names the person, a name taken from inside an apposition,
a description left without the unnamed source it introduces, or a salient
person given words a description of someone else spoke.
"""

from __future__ import annotations

from tests.test_speakers import Parse, speaker_of

# -- a lead holds the name back for the paragraph after -----------------------------


def test_an_indefinite_in_the_lead_is_the_person_named_next_as_speaking(parse: Parse) -> None:
    text = """Club owners 'will not survive' the new levy, expert warns

The new levy will close half the clubs in the county within a year, an expert has claimed.

Licensing consultant Harold Finch said the owners had been given no time to prepare.
"""
    assert speaker_of(parse, text, "close half the clubs") == "Harold Finch"


def test_a_person_introduced_with_a_role_of_their_own_is_someone_else(parse: Parse) -> None:
    text = """Town plans bigger market

The market will double in size next spring, according to a council official who was not \
authorised to speak publicly.

Market traders were pleased. Ruth Obi, who chairs the traders' association, said the plan was overdue.
"""
    assert speaker_of(parse, text, "double in size") == "a council official"


def test_who_the_description_talks_about_is_not_who_it_is(parse: Parse) -> None:
    text = """Video puts the former minister on the spot

In a 2019 video found by a local newspaper, a veteran diplomat said former Minister Karen Holt put \
speed over security when handling the files.

"This video again puts Holt on the defensive," said Jeff Bramble, director of the campaign group Open Files.
"""
    assert speaker_of(parse, text, "put speed over security") == "a veteran diplomat"
    assert speaker_of(parse, text, "puts Holt on the defensive") == "Jeff Bramble"


# -- descriptions that stand as written ---------------------------------------------


def test_an_indefinite_nobody_names_later_stands_as_written(parse: Parse) -> None:
    text = """Mayor Tom Reid opened the new hall on Friday and thanked the builders.

Mr Reid said the hall had cost less than planned.

Later that day a teacher at the nearby primary school said the pupils would use it for sport.
"""
    assert speaker_of(parse, text, "use it for sport") == "a teacher at the nearby primary school"


def test_a_definite_description_that_identifies_itself_stands_as_written(parse: Parse) -> None:
    text = """Daniel Moss, 41, was fined on Monday after the incident in the town centre.

He was fined as the police officer who made the arrest said he had been "abusive from the start".
"""
    assert speaker_of(parse, text, "abusive from the start") == "the police officer"


def test_a_name_and_other_members_of_a_class_speak_together(parse: Parse) -> None:
    text = """The Red Cross and other aid groups have criticised the decision, saying the ban is "a \
threat to thousands of lives".
"""
    assert speaker_of(parse, text, "threat to thousands") == "Red Cross and other aid groups"


def test_a_delegation_named_by_its_country_stands_as_written(parse: Parse) -> None:
    text = """Court hears case on aid to the region

Appearing before the International Court of Justice, the Chilean delegation said the government \
continued to act with "impunity" in the region.
"""
    assert speaker_of(parse, text, "impunity") == "Chilean delegation"


def test_a_closing_mark_the_parse_hangs_on_the_subject_is_no_part_of_it(parse: Parse) -> None:
    text = """\u201cCompanies should start preparing for wide-scale adoption of quota systems today,\u201d \
analysts at Northgate Consulting Group wrote recently in a report \u2014 citing experts who estimate \
the change within a year.
"""
    assert speaker_of(parse, text, "quota systems today") == "analysts at Northgate Consulting Group"


# -- headings -------------------------------------------------------------------------


def test_a_bare_description_in_a_heading_is_the_phrase_the_entry_introduces(parse: Parse) -> None:
    text = """Funding cuts spark protests across the county

Protesters gathered outside three schools on Saturday.

Teacher at Riverside school says funding cuts are an "insult to pupils"

A teacher at a school where two classes were closed last month has condemned the cuts.

She said staff had not been consulted.
"""
    assert speaker_of(parse, text, "insult to pupils") == "A teacher"


# -- names and descriptions that are not the speaker -----------------------------------


def test_a_name_inside_the_speakers_own_apposition_is_not_the_speaker(parse: Parse) -> None:
    text = """Ocean talks open in Lisbon

Delegates from 40 countries arrived in Lisbon on Monday. \u201cWithout the big fleets, there\u2019s still \
a chance the world could come together in Lisbon,\u201d says Claudia Mendes, the international policy \
coordinator at Instituto do Clima, a network of civil-society groups in Portugal.
"""
    assert speaker_of(parse, text, "big fleets") == "Claudia Mendes"


def test_a_possessed_description_is_not_the_salient_person(parse: Parse) -> None:
    text = """The lake project began in 2012.

Working with a colleague named Leslie Ford, the pair covered some of the ice with glass beads. Ford \
measured the melt every week.

"The tests were very simple," her husband said.
"""
    assert speaker_of(parse, text, "very simple") is None


def test_a_place_does_not_make_a_person_noun_a_name(parse: Parse) -> None:
    text = """Abby Stone, a travel blogger from Florida, books her holidays a year in advance.

She said: "Booking early means you lock in the price."

The Florida fan explained: "Try to be flexible with your dates."
"""
    assert speaker_of(parse, text, "flexible with your dates") != "The Florida fan"
