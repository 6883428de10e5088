"""Continuations, short names and pronouns, fourth round: where a named speaker was the wrong one.

Every fixture is written for this test (never copied from the corpus). Each
one fails on the resolver before these rules (a wrong speaker, or none where
the text names one clearly), or guards the abstention a rule must keep.
"""

from __future__ import annotations

from tests.test_speakers import Parse, speaker_of

# -- continuations ------------------------------------------------------------------


def test_a_quotation_over_two_paragraphs_takes_the_speaker_named_at_its_end(parse: Parse) -> None:
    # The first paragraph opens a quotation and leaves it open; the cue comes after the
    # closing mark a paragraph later. It is not the officials' words from before.
    text = """Harold Finch, a lawyer for the transport ministry, argued that no rule obliges the port to \
accept the ships.

However, port officials have previously defended the ships' role, saying they could not be replaced.

"New readings of old rules will not bring the strike to an end. They will not bring the ships home.

"To be clear, the ministry supports the flow of goods through the port with safeguards in place," \
Finch concluded.
"""
    assert speaker_of(parse, text, "New readings of old rules") == "Harold Finch"
    assert speaker_of(parse, text, "To be clear") == "Harold Finch"


def test_a_quotation_broken_mid_sentence_takes_the_cue_that_ends_the_sentence(parse: Parse) -> None:
    # The quotation stops mid-sentence and the cue comes after a second quoted stretch;
    # Diane Okafor, named in the paragraph before, spoke last but is not the speaker.
    text = """"We delivered forty boxes to the villages," says Diane Okafor, who runs the project.

Peter Lindqvist and his colleague Anna Berg have been teaching at the school since 2022. The scheme \
provides the courses students need.

"We have a mixture of teachers who joined the strike" in the north "that are still marking exams, \
and so are we", too, says Lindqvist.
"""
    assert speaker_of(parse, text, "We have a mixture of teachers") == "Peter Lindqvist"


def test_a_cue_reporting_its_own_clause_after_a_finished_quotation_is_not_its_cue(parse: Parse) -> None:
    # "Other opponents point out that ..." introduces its own clause: the quotation before it
    # carries on Manning, who spoke just before, not "Other opponents".
    text = """Gerald Manning and his partners aren't convinced by that argument. "We've known about the \
problem for how long?" Manning said. "People are trying, but it's not changing fast enough." Other \
opponents point out that even a test would be far-reaching.
"""
    assert speaker_of(parse, text, "People are trying") == "Gerald Manning"


# -- pronouns ------------------------------------------------------------------------


def test_they_is_not_a_plural_subject_that_cannot_speak(parse: Parse) -> None:
    # "Wind measurements range from ..." are no one "they wrote" can mean.
    text = """The pond study appeared in 2018. Wind measurements range from zero to forty knots on the \
lake; after a storm, they wrote, the buoys had drifted.

"Ultimately, this method may serve to protect the ice in a low-risk way," they wrote.
"""
    assert speaker_of(parse, text, "Ultimately, this method") is None


# -- short names ---------------------------------------------------------------------


def test_a_lone_word_that_is_one_surname_and_another_name_s_first_word_gets_nobody(parse: Parse) -> None:
    # "Murray" ends Bob Murray and starts the tagger's "Murray Mining": two readings.
    text = """There were no statements on Saturday from Bob Murray, the president of the mining company.

No one from Murray Mining was present at the news conference on Friday.

Murray said last week he had filed papers to close the mine. "I will never come back to that \
mountain," he said.
"""
    assert speaker_of(parse, text, "I will never come back") is None


def test_an_organisation_in_apposition_to_a_named_speaker_does_not_speak(parse: Parse) -> None:
    # The name is the subject; the network after it is where she works.
    text = """"Even without Washington, there is still a chance the countries could agree in Lima," says \
Marta Oliveira, the senior policy director at Observatório do Clima, a coalition of green groups in Brazil.
"""
    assert speaker_of(parse, text, "Even without Washington") == "Marta Oliveira"


def test_a_name_closing_a_relative_clause_before_the_cue_is_not_its_subject(parse: Parse) -> None:
    # "Phantom Space" ends the "who" clause describing Jim Cantrell; he told the outlet.
    text = """"The lower your latitude, the more orbits you can reach," Jim Cantrell, who worked at \
SpaceX in its early days and is now CEO of launch startup Phantom Space, told Rest of World.
"""
    assert speaker_of(parse, text, "The lower your latitude") == "Jim Cantrell"


def test_a_reporting_clause_inside_a_quotation_over_paragraphs_is_no_quote_of_its_own(parse: Parse) -> None:
    # The newspaper's words run over three paragraphs (marked, as blogs copy them, only where
    # they open and close); "Ruiz acknowledged ..., stating that ..." is part of them, not the
    # article's report of what Ruiz said.
    text = """The Daily Ledger reported:

"Morales issued a brief response thanking the minister for his work. Ruiz acknowledged the rift \
between them, stating that a president should not have to make such choices in wartime.

During his time in office, the minister pushed for cheaper drones and a new system of rewards.

His removal set off protests in the capital and in other cities."
"""
    from tests.test_speakers import said

    holding = [(q, s) for q, s in said(parse, text) if "a president should not" in q]
    assert holding and all(s == "Daily Ledger" and q.startswith('"Morales') for q, s in holding), holding


def test_a_surname_is_not_two_readings_when_nobody_is_given_it_as_a_name(parse: Parse) -> None:
    # The headline "Trump Stands Tall" is read as a name starting with "Trump"; nobody is
    # given "Trump" as a first name, so "Trump said" is Donald Trump.
    text = """Trump Stands Tall On Proposal For Border Wall

During an interview that aired Wednesday night, Donald Trump discussed the wall.

"We're going to build a wall. Yeah, 100 percent. It's so simple," Trump said.
"""
    assert speaker_of(parse, text, "going to build a wall") == "Donald Trump"
