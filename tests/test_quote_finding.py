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
