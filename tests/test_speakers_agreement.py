"""Who said it, second round: the mechanisms that keep words out of the wrong mouth.

Every fixture is written for this test (never copied from the corpus). Each
asserts what the old resolver got wrong: a wrong speaker where it now
abstains, or no speaker where the text names one clearly.
"""

from __future__ import annotations

from generator.extract.speech.names import misspelt, nicknames
from generator.extract.speech.pullquotes import is_pull_quote
from tests.test_speakers import Parse, said, speaker_of

# -- names, without a parse ------------------------------------------------------

def test_a_nickname_in_quotation_marks_is_an_alias_of_the_full_name() -> None:
    found = nicknames("Her brother, Robert 'Big Bob' Hale, spoke first. Anna \u2018Birdie\u2019 Marsh agreed.")
    assert found[("Big", "Bob")] == "Robert Hale"
    assert found[("Bob",)] == "Robert Hale"
    assert found[("Birdie",)] == "Anna Marsh"


def test_a_nickname_two_people_share_names_neither() -> None:
    assert ("Red",) not in nicknames("John 'Red' Wood and Mary 'Red' Stone met.")


def test_a_surname_one_letter_off_a_known_one_is_a_likely_misspelling() -> None:
    assert misspelt("Lindkvist", {"Lindqvist", "Moreau"})
    assert not misspelt("Lindqvist", {"Lindqvist"})
    assert not misspelt("Moore", {"Lindqvist"})
    assert not misspelt("Park", {"Parks"})  # too short to tell
    assert not misspelt("O'Neill", {"O\u2019Neill"})  # one name, two apostrophes


def test_a_quotation_line_without_a_sentence_end_is_a_pull_quote() -> None:
    assert is_pull_quote("'We could hear a sound like a drill and then a terrible smell'")
    assert is_pull_quote("\u2018WE HAD PLANS FOR THE SUMMER\u2019")
    assert not is_pull_quote("\u201cWe had plans.\u201d")
    assert not is_pull_quote("\u201cWe had plans,\u201d she said.")


# -- the resolver on real parses -----------------------------------------------------

def test_a_tabloid_nickname_speaks_as_the_person(parse: Parse) -> None:
    text = """The family feud deepened this week. Her brother, Robert 'Big Bob' Hale, told a local paper that \
the farm was never for sale.

"Nobody asked me about the sale," Big Bob said.
"""
    assert speaker_of(parse, text, "Nobody asked me") == "Robert Hale"


def test_a_misspelt_surname_gets_no_speaker(parse: Parse) -> None:
    text = """Bank economist Karen Lindqvist said the figures were better than expected.

"Growth is still slow, but it is growing," Lindkvist said.
"""
    assert speaker_of(parse, text, "Growth is still slow") is None


def test_a_post_is_not_a_speaker(parse: Parse) -> None:
    text = """The account had been quiet for weeks.

In March, the account made another post describing "the long road out of the service."
"""
    assert all(s != "another post" for _, s in said(parse, text))


def test_a_year_is_not_a_speaker(parse: Parse) -> None:
    text = """Historians describe lamps used to light the streets as early as 300 BC saying \
"the first lamps burned olive oil in front of the houses."
"""
    assert all(s not in ("BC", "300 BC") for _, s in said(parse, text))


def test_he_goes_to_the_namesake_who_can_be_he(parse: Parse) -> None:
    text = """Dylan Hartwell drives for the company. Tom Okafor is a steward. "We need more drivers," Okafor said.

Adrianne Hartwell, Dylan's mother, worked there for years. "It is hard work," Adrianne Hartwell said.

Hartwell isn't sure when he will get a break. When asked what he does for fun, he told me, "This is it."
"""
    assert speaker_of(parse, text, "This is it") == "Dylan Hartwell"


def test_an_unnamed_document_does_not_hide_who_he_is(parse: Parse) -> None:
    text = """Marcus Reed chairs the local union. "We are ready," Reed said.

Paul Dent runs the depot. "We are also ready," Dent said.

Reed has little free time. The national contract says officers may take unpaid leave. When asked what \
he does on weekends, he told me, "The union is my weekend."
"""
    assert speaker_of(parse, text, "my weekend") == "Marcus Reed"


def test_a_crosshead_bounds_how_far_back_he_looks(parse: Parse) -> None:
    text = """The race ended after 150 laps. Daniel Soto crossed the line first to win.

Visitors and speeches

Oct. 1, 1935: a presidential visit. In the president's first visit to the city, he spoke from his car, \
stating "No state has a finer record in this great task."
"""
    assert speaker_of(parse, text, "finer record") != "Daniel Soto"


def test_a_crosshead_quote_goes_to_the_person_who_speaks_under_it(parse: Parse) -> None:
    text = """Economists react to the jobs report.

\u2018Rates will stay on hold\u2019: Acme Bank

Acme Bank chief economist Jane Roe said the report was strong but not strong enough to move rates. \
\u201cWe expect no change next week,\u201d she said.
"""
    assert speaker_of(parse, text, "Rates will stay on hold") == "Jane Roe"


def test_an_indefinite_description_before_a_newly_named_person_gets_no_speaker(parse: Parse) -> None:
    text = """The couple will struggle to shake off the "whingers" label, an expert has claimed.

Royal commentator Peter Vance was discussing the snub on a podcast.
"""
    assert all(s != "an expert" for _, s in said(parse, text))


def test_a_request_after_a_quotation_is_not_its_cue(parse: Parse) -> None:
    text = """Maria Costa described the first meeting. "He knew everything about me. He knew all of this."

"He would say: 'This is what a good girl would do.'" Victor Crane would later ask to meet her sister.
"""
    assert speaker_of(parse, text, "good girl") != "Victor Crane"


def test_according_to_before_the_quoted_words_gives_them_their_speaker(parse: Parse) -> None:
    text = """Acme is on record saying that the new search box is, according to Acme search lead Liz Moore, \
"the biggest upgrade to the box since its debut."
"""
    assert speaker_of(parse, text, "biggest upgrade") == "Liz Moore"


def test_a_pull_quote_does_not_carry_on_the_speaker_before(parse: Parse) -> None:
    text = """The trial heard from the survivors. Another victim said: "She was up there for three days."

'We could hear a sound like a drill and then there was a terrible smell'

According to one of the survivors, "Gary took her chain off and carried her upstairs."
"""
    assert speaker_of(parse, text, "sound like a drill") != "Another victim"


def test_a_surname_before_a_suffix_names_the_person_and_keeps_the_suffix(parse: Parse) -> None:
    text = """Martin Luther King Jr. was the keynote speaker at the rally.

King said, "Now is the time to make real the promises of democracy."
"""
    assert speaker_of(parse, text, "Now is the time") == "Martin Luther King Jr."



def test_the_writers_own_view_and_an_expletive_passive_are_nobodys_claim(parse: Parse) -> None:
    text = """A new search box arrives

Having watched the demo twice, I think the work on the new search box is nearly complete.

It was expected that the company would announce the feature before the summer.
"""
    assert said(parse, text) == []


def test_run_together_paragraphs_of_a_long_quotation_are_quotations() -> None:
    from generator.extract.speech.quote_marks import quoted_spans
    from generator.model import Span

    for o, c in (("\u2018", "\u2019"), ("\u201c", "\u201d")):
        text = (f"He said: {o}I had a taste of it. It is great. {o}But it is not about me. "
                f"{o}That is how it works,{c} he said.")
        found = [text[q.start : q.end] for q in quoted_spans(text, (Span(start=0, end=len(text), text=text),))]
        assert found == [f"{o}I had a taste of it. It is great. ", f"{o}But it is not about me. ",
                         f"{o}That is how it works,{c}"]


def test_a_long_quotation_run_into_one_paragraph_keeps_its_speaker(parse: Parse) -> None:
    text = """Locke takes charge at Kilmarnock

'I am delighted to get the job,' said Gary Locke on Friday. 'I had a taste of it at Hearts and really \
enjoyed it. 'But I have said all along, it is not about me. It is about the players.'
"""
    assert speaker_of(parse, text, "not about me") == "Gary Locke"


def test_said_in_a_statement_that_reports_the_clause(parse: Parse) -> None:
    text = """Leaders condemn the strikes

Pakistan's leaders met on Wednesday after the strikes.

The National Security Committee, chaired by the prime minister, said in a statement that the strikes were \
carried out \u201con the false pretext of imaginary camps\u201d and deliberately targeted civilian sites.
"""
    assert speaker_of(parse, text, "false pretext") == "National Security Committee"
