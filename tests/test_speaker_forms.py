"""How a speaker's name is written: the words of the name, no more and no fewer.

Each case is a defect seen in briefs of unannotated BBC copy (the fixtures
are written for this test, never copied from the corpus): a name cut inside
a bracket, a style of address left in the name, a subject whose parse takes
in the verb after it, and "they" read as a group inside someone's claim.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from generator.extract.speech.speakers import _stretch
from tests.test_speakers import Parse, speaker_of


def test_a_name_cut_inside_a_bracket_loses_the_open_bracket(parse: Parse) -> None:
    text = ("Lending figures were published on Monday.\n\n"
            "At the same time, the British Grocers' Association (BGA) said spending was \"weaker\". "
            "Overall, the BGA said sales fell.\n")
    assert speaker_of(parse, text, "spending was") == "British Grocers' Association"


def test_right_reverend_is_no_part_of_the_name(parse: Parse) -> None:
    text = ("Several peers oppose the bill, including Tory Lord Hamley of Ashford and the Bishop of Exeter, "
            "the Rt Rev Michael Hardwick, said it would separate the state from the church.\n")
    assert speaker_of(parse, text, "separate the state") == "Michael Hardwick"


def test_a_source_as_written_is_the_unbroken_stretch_around_its_head() -> None:
    # The parse seen on such a sentence: the apposition after the verb's object
    # hangs on the subject, so the subject's subtree runs over the verb.
    words = ["The", "Cedep", "researcher", "recalls", "what", "happened", "in", "Huari", ",", "a",
             "village", "with", "no", "road", ",", "during", "the", "flood", "."]
    heads = [2, 2, 3, 3, 5, 3, 5, 6, 3, 10, 2, 10, 13, 11, 3, 3, 17, 15, 3]
    deps = ["det", "compound", "nsubj", "ROOT", "nsubj", "ccomp", "prep", "pobj", "punct", "det",
            "appos", "prep", "det", "pobj", "punct", "prep", "det", "pobj", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert _stretch(doc[2]) == (0, 2)
    assert _stretch(doc[5]) == (4, 7)


def test_they_is_not_a_group_inside_a_claim(parse: Parse) -> None:
    text = ("The plan was unveiled on Monday.\n\n"
            "The Greens say people fleeing persecution will not be denied sanctuary because of poor health. "
            "However, they will undergo health checks to ensure they receive the right treatment.\n\n"
            "They claim council figures show that TB in Wales has increased by 20% over the last five years and "
            "that nearly two-thirds of people with the disease were born abroad. They also believe there should "
            "be stricter controls. They say the plans will protect access to the health service.\n")
    assert speaker_of(parse, text, "protect access") is None
