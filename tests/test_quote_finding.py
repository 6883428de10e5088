"""Which stretches are quotes at all: quotation marks, scopes and non-claims (issue 11, finding)."""

from __future__ import annotations

from collections.abc import Callable

from generator.extract.entities import entities
from generator.extract.speech.quote_marks import quoted_spans
from generator.extract.speech.quotes import quotes
from generator.ingest import loads
from generator.model import Article, Quote
from generator.nlp import parse as parse_article

Parse = Callable[[str], tuple[Article, object]]


def run(parse: Parse, text: str) -> tuple[Quote, ...]:
    article, doc = parse(text)
    parsed = parse_article(article, doc)  # type: ignore[arg-type]
    people, _, organizations = entities(parsed)
    found = quotes(parsed, people=people, organizations=organizations)
    for q in found:
        assert article.body[q.start : q.end] == q.text
    return found


def test_typewriter_double_apostrophes_pair_as_one_mark() -> None:
    body = "''It was never 'easy' for us,'' said Ann Holt. ''We're done.''\n\nThe players' wives stayed home."
    article = loads(body, "typewriter.txt")
    spans = quoted_spans(article.body, article.paragraphs)
    assert [article.body[q.start : q.end] for q in spans] == ["''It was never 'easy' for us,''", "''We're done.''"]
    assert [article.body[q.inner[0] : q.inner[1]] for q in spans] == ["It was never 'easy' for us,", "We're done."]


def test_typewriter_quotation_is_a_direct_quote_with_its_speaker(parse: Parse) -> None:
    found = run(parse, "''There is no evidence this would change anything,'' said Paul Dunmore, an economist.")
    assert [(q.kind, q.text, q.speaker) for q in found] == [
        ("direct", "''There is no evidence this would change anything,''", "Paul Dunmore"),
    ]


def test_trailing_according_to_covers_the_clause_not_the_word_it_hangs_on(parse: Parse) -> None:
    found = run(parse, "The new stadium was a \u201cwhite elephant\u201d according to critics, but the council "
                       "approved it anyway.")
    assert [(q.text, q.speaker) for q in found] == [
        ("The new stadium was a \u201cwhite elephant\u201d", "critics"),
    ]


def test_trailing_according_to_covers_the_participle_clause_and_its_host(parse: Parse) -> None:
    found = run(parse, "The mayor reportedly \u201cstormed out\u201d of the meeting, leaving aides in "
                       "\u201cshock\u201d according to a council member.")
    assert len(found) == 1
    assert found[0].text.startswith("The mayor reportedly")
    assert found[0].text.endswith("leaving aides in \u201cshock\u201d")


def test_clause_before_a_colon_is_not_the_content_of_the_cue_after_it(parse: Parse) -> None:
    found = run(parse, "In February 2018, Tom Hale became a full-time driver, which meant higher pay: $18.75 an "
                       "hour, he said. But the switch also had its challenges: He recalled the terror of the "
                       "first weeks.")
    assert not any("challenges" in q.text for q in found)


def test_fronted_adverbial_side_of_an_aside_is_no_quote(parse: Parse) -> None:
    found = run(parse, "Before the lights were installed last year, the director, Amos Kibo, says, "
                       "there was nobody in the streets at night.")
    assert not any(q.text.startswith("Before") for q in found)


def test_clause_that_only_introduces_a_quotation_is_no_indirect_quote(parse: Parse) -> None:
    found = run(parse, "Lena Ortiz spoke to reporters on Monday. She said he then announced: "
                       "\u201cMy brother will be joining us today,\u201d and alleges the boss was there.")
    assert not any(q.kind == "indirect" and q.text.rstrip().endswith(":") for q in found)
    assert any(q.kind == "direct" for q in found)


def test_passive_accusation_is_not_the_accused_persons_claim(parse: Parse) -> None:
    found = run(parse, "Mark Dunn, 28, is accused of stabbing two students in Moscow, Idaho.\n\n"
                       "The target is a prominent local politician, accused of coercing an aide into silence.")
    assert found == ()


def test_passive_with_an_agent_is_the_agents_claim(parse: Parse) -> None:
    found = run(parse, "The housing bill had been described by the charity Shelter as a "
                       "\u2018once-in-a-generation opportunity\u2019.")
    assert [(q.kind, q.speaker) for q in found] == [("mixed", "Shelter")]


def test_lets_call_it_is_the_writers_words(parse: Parse) -> None:
    found = run(parse, "Google added a new search box to Chrome. It answers what you type, or, well, "
                       "let's call it what it is: a prompt.")
    assert not any(q.text == "what it is" for q in found)


def test_name_given_by_nobody_the_resolver_can_name_is_a_label(parse: Parse) -> None:
    found = run(parse, "Following services such as Spotify, Runly is now throwing its weight behind what it "
                       "calls a \u201cfamily plan\u201d to entice bulk sign-ups through subscription discounts.")
    assert found == ()


def test_name_given_by_a_person_the_resolver_cannot_name_stays_a_quote(parse: Parse) -> None:
    found = run(parse, "Within minutes, he called his rival \u201cLittle Marco\u201d several times.")
    assert [q.kind for q in found] == ["mixed"]


def test_name_given_by_a_named_speaker_stays_a_quote(parse: Parse) -> None:
    found = run(parse, "Defence Minister Khalid Aziz condemned what he calls a \u201ccowardly act\u201d by the rebels.")
    assert [(q.kind, q.speaker) for q in found] == [("mixed", "Khalid Aziz")]


def test_object_before_a_preposition_is_not_the_subject_of_the_participle(parse: Parse) -> None:
    found = run(parse, "India has moved to punish Pakistan after accusing it of backing the attack in the valley.")
    assert [q.speaker for q in found] == ["India"]


def test_a_paragraph_break_ends_a_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    """A heading without a full stop is not parsed into the paragraph below it."""
    doc = nlp("UN chief calls for restraint\n\nUN spokesperson Maria Lund said the talks would resume.")
    second = next(t for t in doc if t.text == "UN" and t.i > 0)
    assert second.is_sent_start
    assert len(list(doc.sents)) >= 2


def test_a_single_word_of_evaluation_given_by_a_labelling_verb_is_a_mixed_quote(parse: Parse) -> None:
    found = run(parse, "Labor Secretary Elaine Chao called the ordeal \"heartbreaking.\"")
    assert [(q.kind, q.text, q.speaker) for q in found] == [
        ("mixed", "the ordeal \"heartbreaking.\"", "Elaine Chao"),
    ]


def test_a_single_capitalised_word_is_a_label_not_a_quote(parse: Parse) -> None:
    found = run(parse, "Within minutes, the senator called the plan \u201cBidenomics\u201d on television.")
    assert not any(q.kind == "mixed" for q in found)


def test_labelling_verbs_of_characterising_carry_the_speakers_words(parse: Parse) -> None:
    found = run(parse, "Israel has characterized Sinwar as the \"mastermind\" behind the attacks.\n\n"
                       "Israel rejected the questions raised by the proceedings as \u201cpatently biased\u201d.")
    assert [(q.kind, q.text) for q in found] == [
        ("mixed", "Sinwar as the \"mastermind\" behind the attacks"),
        ("mixed", "the questions raised by the proceedings as \u201cpatently biased\u201d"),
    ]


def test_a_time_between_object_and_complement_is_bridged(parse: Parse) -> None:
    found = run(parse, "Lufthansa described its statement Tuesday as a \"swift and seamless clarification\".")
    assert [(q.kind, q.text) for q in found] == [
        ("mixed", "its statement Tuesday as a \"swift and seamless clarification\""),
    ]


def test_a_verb_that_only_labels_reports_no_clause(parse: Parse) -> None:
    found = run(parse, "In 1970 after the premier lost that year\u2019s elections, he rejected the outcome and "
                       "suspended the constitution.")
    assert found == ()


def test_a_labelling_participle_after_a_reported_clause_is_a_quote_of_its_own(parse: Parse) -> None:
    found = run(parse, "The agency said a plane had been hit by a bird strike in Nepali airspace, calling the "
                       "carrier's account of the incident \"misleading\".")
    assert [(q.kind, q.text) for q in found] == [
        ("indirect", "a plane had been hit by a bird strike in Nepali airspace"),
        ("mixed", "the carrier's account of the incident \"misleading\""),
    ]


def test_a_semicolon_ends_the_clause_before_a_cue(parse: Parse) -> None:
    found = run(parse, "Soumitra Das said the test has to go forward; he called the effort to save ice "
                       "\u201cour most important work to save humanity.\u201d")
    assert [(q.kind, q.text) for q in found] == [
        ("indirect", "the test has to go forward"),
        ("mixed", "the effort to save ice \u201cour most important work to save humanity.\u201d"),
    ]


def test_a_block_quotation_runs_to_the_paragraph_that_closes_it() -> None:
    body = ("Financial Times reported:\n\n\u201cThe protests have grown since the minister was fired.\n\n"
            "Zelensky is gathering his commanders this weekend.\n\nThey want a new plan.\u201d\n\n"
            "The minister told reporters he had been blocked.")
    article = loads(body, "block.txt")
    spans = quoted_spans(article.body, article.paragraphs)
    assert [article.body[q.start : q.end] for q in spans] == [
        "\u201cThe protests have grown since the minister was fired.",
        "Zelensky is gathering his commanders this weekend.",
        "They want a new plan.\u201d",
    ]
    assert [article.body[q.inner[0] : q.inner[1]] for q in spans][1:] == [
        "Zelensky is gathering his commanders this weekend.", "They want a new plan.",
    ]


def test_an_unclosed_quotation_with_marks_after_it_is_no_block() -> None:
    body = "\u201cWe will win.\n\nThe minister said \u201cnothing\u201d about it.\n\nThey left.\u201d"
    article = loads(body, "open.txt")
    assert [article.body[q.start : q.end] for q in quoted_spans(article.body, article.paragraphs)] == [
        "\u201cnothing\u201d",
    ]


def test_a_quoted_aside_with_its_cue_after_it_is_direct(parse: Parse) -> None:
    found = run(parse, "Leslie Field has let her hair go completely silver, \u201cin solidarity with the "
                       "Arctic,\u201d she joked.\n\nThe company works with OpenAI to \u2014 as Enslin puts it "
                       "\u2014 \u201cbring the power of automation to anyone that has to copy and paste.\u201d")
    assert [q.kind for q in found] == ["direct", "direct"]
    assert found[0].speaker == "Leslie Field"


def test_an_unpunctuated_quotation_after_a_colon_that_the_sentence_runs_on_from_is_a_fragment(
        parse: Parse) -> None:
    found = run(parse, "Walton said this shows the importance of the universities in exile: \u201casserting "
                       "that they are the legitimate ones\u201d with the right to grant degrees.")
    assert not any(q.kind == "direct" for q in found)


def test_a_quotation_introduced_by_its_cue_does_not_take_the_next_sentences(parse: Parse) -> None:
    found = run(parse, "Anna Smith said: \u201cWe will win the vote in May.\u201d Tom Jones agreed with the plan.\n\n"
                       "The firm works with OpenAI to \u2014 as Bob Enslin puts it \u2014 \u201cbring the power of "
                       "automation to anyone.\u201d Clipboard AI lets users highlight data from a form.")
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Anna Smith"), ("direct", "Bob Enslin")]


def test_a_headline_passive_is_not_the_hearers_claim(parse: Parse) -> None:
    found = run(parse, "GP staff urged to travel in groups amid reports of attacks\n\n"
                       "Residents told to leave their homes as floods rise\n\n"
                       "The mayor urged residents to leave their homes before the storm.")
    assert [q.text for q in found] == ["residents to leave their homes before the storm"]


def test_the_writers_glosses_are_nobodys_claims(parse: Parse) -> None:
    found = run(parse, "Anna Holt tested the bag. Which is to say this bag is roomy.\n\n"
                       "This is not to say it's all fun and games for the kids.\n\n"
                       "One would think it would be easy just to take glutathione as a pill.\n\n"
                       "If all goes according to plan, three separate complexes here will launch rockets.")
    assert found == ()


def test_a_clause_before_a_cue_with_its_own_that_clause_is_not_its_content(parse: Parse) -> None:
    found = run(parse, "Salaries have become catastrophically low \u2014 Viktoriya Voropayeva says that a "
                       "full-time associate professor receives less than a driver.")
    assert [q.text for q in found] == ["that a full-time associate professor receives less than a driver"]


def test_a_clause_subject_the_parse_made_an_object_starts_the_content(parse: Parse) -> None:
    found = run(parse, "Zane Dangor spoke in court. He added the collapse of the humanitarian aid system in "
                       "Gaza is \u201cby design\u201d.")
    assert [(q.kind, q.text) for q in found] == [
        ("mixed", "the collapse of the humanitarian aid system in Gaza is \u201cby design\u201d"),
    ]


def test_a_cue_line_of_its_own_introduces_the_quotation_below_it(parse: Parse) -> None:
    found = run(parse, "The newspaper covered the protests.\n\nFinancial Times reported:\n\n"
                       "\u201cThe protests have grown since the minister was fired.\u201d\n\n"
                       "The minister told reporters he had been blocked.")
    assert next((q.kind, q.speaker, q.cue) for q in found) == ("direct", "Financial Times", "reported")


def test_subheadings_are_not_claims_of_the_people_they_mention(parse: Parse) -> None:
    """Issue 11: no subheading is a claim of the person it mentions (with the caption, READ MORE and
    reporter's-question fixtures in test_speakers.py)."""
    found = run(parse, "The Prime Minister spoke to reporters on Monday.\n\n"
                       "Why Keir Starmer thinks the north matters\n\n"
                       "The plans will be published next week.\n\n"
                       "What Rachel Reeves told the bankers\n\n"
                       "Ms Reeves met the bankers in private.\n\n"
                       "Nurses urged to stay at home amid strikes\n\n"
                       "The health service is under pressure.")
    assert not any(q.speaker in ("Keir Starmer", "Rachel Reeves", "Nurses") for q in found)
    assert not any("north matters" in q.text or "stay at home" in q.text for q in found)


def test_that_clause_the_parse_hangs_on_the_hearer_is_the_content(parse: Parse) -> None:
    # "that" read as a relative pronoun of "meeting"/"leaders": it is the clause's marker, not its subject.
    found = run(parse, "In Honolulu last week, Barack Obama told a meeting of Pacific Island leaders that few "
                       "people understood the stakes of climate change better than residents of their part of the "
                       "planet.\n")
    assert [(q.kind, q.speaker) for q in found] == [("indirect", "Barack Obama")]
    assert found[0].text.startswith("that few people understood the stakes")


def test_a_relative_clause_of_the_hearer_is_no_content(parse: Parse) -> None:
    assert run(parse, "He told a woman that lives nearby about the plan.\n") == ()


def test_aside_after_a_fronted_subordinate_clause_reports_the_main_clause(parse: Parse) -> None:
    found = run(parse, "Joe Smith spoke to reporters. Though that transition was relatively seamless, he said, "
                       "replacing Clinton would be much more acrimonious and could lead to intense lobbying by "
                       "loyalists.\n")
    assert [(q.kind, q.text, q.speaker) for q in found] == [
        ("indirect", "replacing Clinton would be much more acrimonious and could lead to intense lobbying by "
                     "loyalists", "Joe Smith"),
    ]
