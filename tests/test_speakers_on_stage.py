"""Pronouns, continuations and short names, fourth round: who is on stage.

Every fixture is written for this test (never copied from the corpus). Each
one fails on the resolver before these rules (no speaker where the text
names one clearly), or guards the abstention a rule must keep.
"""

from __future__ import annotations

from tests.test_speakers import Parse, speaker_of


def test_a_person_named_in_the_speakers_reported_words_is_no_rival(parse: Parse) -> None:
    # Peter Brown is what Hale talked about, not someone on stage who could be "he".
    text = """Tom Hale opened the campaign in Leeds on Monday. "We are ready," he said.

Later, Mr Hale told the radio programme there was no chance of a deal with Peter Brown. "We go into \
this election alone and we will come out of it alone," he said.
"""
    assert speaker_of(parse, text, "We go into") == "Tom Hale"


def test_a_person_named_in_narration_beside_the_speaker_is_still_a_rival(parse: Parse) -> None:
    text = """Tom Hale opened the campaign in Leeds on Monday. "We are ready," he said.

Later, Mr Hale met Peter Brown at the station. "We go into this election alone," he said.
"""
    assert speaker_of(parse, text, "We go into") is None


def test_the_name_a_copula_identifies_is_the_person_introduced(parse: Parse) -> None:
    text = """The trial of the former mayor opened in Durban on Monday.

The first witness was detective Sarah Naidoo, who led the inquiry.

She said the mayor had been a suspect long before the riots began.
"""
    assert speaker_of(parse, text, "the mayor had been a suspect") == "Sarah Naidoo"


SPORT = """Anna Kessler won her first-round match in straight sets. "I played well today," she said.

Out on Court 12, Dana Pike recorded a 6-4, 6-2 win against Clara Holm.

Tom Reyes meanwhile wrapped up his win in just over two hours.

"Having other players from home do well in the draw is amazing for all of us."
"""


def test_a_bare_quotation_goes_to_the_person_the_paragraph_before_puts_on_stage(parse: Parse) -> None:
    assert speaker_of(parse, SPORT, "Having other players") == "Tom Reyes"


def test_a_bare_quotation_about_the_person_on_stage_is_not_theirs(parse: Parse) -> None:
    text = """Anna Kessler opened the memorial service. "We are here for Tom," she said.

Tom Reyes died in March after a long illness.

"He was the kindest man any of us ever knew, and we miss him every day."
"""
    assert speaker_of(parse, text, "He was the kindest") is None

