"""Quote extraction and speaker attribution on real-style sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from generator.extract.entities import entities
from generator.extract.speech.quote_marks import quoted_spans
from generator.extract.speech.quotes import quotes
from generator.ingest import loads
from generator.model import Article, Quote
from generator.nlp import parse as parse_article

Parse = Callable[[str], tuple[Article, object]]


def run(parse: Parse, text: str) -> tuple[Article, tuple[Quote, ...]]:
    article, doc = parse(text)
    people, _, organizations = entities(parse_article(article, doc))  # type: ignore[arg-type]
    found = quotes(parse_article(article, doc), people=people, organizations=organizations)  # type: ignore[arg-type]
    for q in found:
        assert article.body[q.start : q.end] == q.text
        if q.speaker_span is not None:
            assert article.body[q.speaker_span.start : q.speaker_span.end] == q.speaker_span.text
    assert [q.start for q in found] == sorted(q.start for q in found)
    return article, found


def test_seed_brief_quotes(parse: Parse, seed_article: Article) -> None:
    article, found = run(parse, seed_article.body)
    direct = [q for q in found if "\u201c" in q.text]
    assert [(article.paragraph_of(q.start), q.kind, q.speaker, q.cue) for q in direct] == [
        (5, "direct", "Dmitry Peskov", "said"),
        (5, "mixed", "Dmitry Peskov", "adding"),
        (6, "direct", "Dmitry Peskov", "stated"),
        (9, "direct", "Aleksei Polishchuk", "said"),
    ]
    assert direct[0].text == "\u201cThere have indeed been contacts,\u201d"
    assert direct[0].role == "Kremlin spokesperson"
    assert direct[1].text.startswith("that the talks failed because there was")
    assert direct[1].text.endswith("\u201cno willingness to hear our position.\u201d")
    assert direct[2].speaker_span is not None and direct[2].speaker_span.text == "he"
    assert direct[3].role == "head of the Second CIS Department at Russia\u2019s Foreign Ministry"
    unnamed = [q for q in found if q.speaker == "a Foreign Ministry official"]
    assert len(unnamed) == 1 and unnamed[0].kind == "indirect" and unnamed[0].text.startswith("that Moscow is ready")


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue"),
    [
        # cue after, name then verb
        ("\u201cWe will not back down from this fight,\u201d Maria Lopez said on Monday.",
         "\u201cWe will not back down from this fight,\u201d", "Maria Lopez", "said"),
        # inverted cue with a title
        ("\u201cThe talks were useful,\u201d said Foreign Minister Anna Berg.",
         "\u201cThe talks were useful,\u201d", "Anna Berg", "said"),
        # cue before, with a colon
        ("Tom Reed told the crowd: \u201cThis city deserves better schools and safer streets.\u201d",
         "\u201cThis city deserves better schools and safer streets.\u201d", "Tom Reed", "told"),
        # straight marks
        ('"Prices will keep rising this winter," said economist Paul Grant.',
         '"Prices will keep rising this winter,"', "Paul Grant", "said"),
        # a question inside the marks
        ("\u201cWhy would anyone sign that deal?\u201d asked Senator Joan Miles.",
         "\u201cWhy would anyone sign that deal?\u201d", "Joan Miles", "asked"),
    ],
)
def test_direct_quote_cues(parse: Parse, text: str, quote: str, speaker: str, cue: str) -> None:
    _, found = run(parse, text)
    assert [(q.text, q.kind, q.speaker, q.cue) for q in found] == [(quote, "direct", speaker, cue)]


def test_cue_inside_gives_both_parts_the_speaker(parse: Parse) -> None:
    text = ("\u201cThe bridge is safe,\u201d said engineer Laura Kim. "
            "\u201cWe inspected every cable last week and found nothing wrong.\u201d")
    _, found = run(parse, text)
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Laura Kim"), ("direct", "Laura Kim")]
    assert found[1].cue is None


def test_surname_and_pronoun_resolve_to_full_name(parse: Parse) -> None:
    text = (
        "Mayor Helen Ortiz opened the new library on Saturday.\n\n"
        "\u201cEvery child in this town should have a place to read,\u201d Ortiz said.\n\n"
        "\u201cThis is only the beginning of our plan,\u201d she added."
    )
    _, found = run(parse, text)
    assert [(q.speaker, q.speaker_span.text if q.speaker_span else None) for q in found] == [
        ("Helen Ortiz", "Ortiz"), ("Helen Ortiz", "she"),
    ]


def test_multi_paragraph_quote_is_one_quote_per_paragraph(parse: Parse) -> None:
    text = (
        "\u201cWe lost everything in the flood,\u201d said farmer Daniel Moyo. "
        "\u201cThe water came at night and took the barn.\n\n"
        "\u201cNobody from the council has come to see us since then.\n\n"
        "\u201cWe are still waiting for help.\u201d"
    )
    article, found = run(parse, text)
    assert [article.paragraph_of(q.start) for q in found] == [1, 1, 2, 3]
    assert {q.speaker for q in found} == {"Daniel Moyo"}
    assert found[1].text.endswith("took the barn.")
    assert found[2].text == "\u201cNobody from the council has come to see us since then."


def test_quote_only_paragraph_continues_previous_speaker(parse: Parse) -> None:
    text = (
        "\u201cThe budget is balanced for the first time in a decade,\u201d Treasurer Mark Hill said.\n\n"
        "\u201cThat gives us room to cut taxes for working families next year.\u201d"
    )
    _, found = run(parse, text)
    assert [q.speaker for q in found] == ["Mark Hill", "Mark Hill"]


def test_new_person_breaks_the_continuation(parse: Parse) -> None:
    text = (
        "\u201cThe plan is sound,\u201d Treasurer Mark Hill said.\n\n"
        "Opposition leader Sara Quinn disagreed with the budget and voted against it.\n\n"
        "\u201cIt does nothing for renters and nothing for the young.\u201d"
    )
    _, found = run(parse, text)
    assert [q.speaker for q in found] == ["Mark Hill", None]


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue", "kind"),
    [
        ("The company said that profits fell sharply in the third quarter.",
         "that profits fell sharply in the third quarter", "The company", "said", "indirect"),
        ("Police chief Omar Reyes told reporters the suspect had fled the city overnight.",
         "the suspect had fled the city overnight", "Omar Reyes", "told", "indirect"),
        ("According to the health ministry, 40 people were treated in hospital after the fire.",
         "40 people were treated in hospital after the fire", "health ministry", "according to", "indirect"),
        ("Local officials say the road will reopen in two weeks.",
         "the road will reopen in two weeks", "Local officials", "say", "indirect"),
        ("Governor Lisa Park said the new law was \u201ca step backwards for the state.\u201d",
         "the new law was \u201ca step backwards for the state.\u201d", "Lisa Park", "said", "mixed"),
    ],
)
def test_indirect_and_mixed(parse: Parse, text: str, content: str, speaker: str, cue: str, kind: str) -> None:
    _, found = run(parse, text)
    assert [(q.text, q.speaker, q.cue, q.kind) for q in found] == [(content, speaker, cue, kind)]


def test_adding_that_takes_the_subject_of_the_main_verb(parse: Parse) -> None:
    text = "Minister Ivan Petrov said the deal was close, adding that both sides wanted to sign it this week."
    _, found = run(parse, text)
    assert [(q.speaker, q.cue) for q in found] == [("Ivan Petrov", "said"), ("Ivan Petrov", "adding")]
    assert found[1].text == "that both sides wanted to sign it this week"


@pytest.mark.parametrize(
    "text",
    [
        # scare quotes
        "The so-called \u201creform\u201d has left many families worse off.",
        # a title of a work
        "She starred in \u201cThe Long Road Home\u201d before moving to television.",
        # a nickname
        "Robert \u201cBobby\u201d Tran opened his first restaurant in 1998.",
        # a quoted single word with no one giving it ("Critics called the plan 'reckless'" is a mixed
        # quote: the held-out gold and PolNeAR mark a labelling verb's one-word verdict, see
        # test_quote_finding.py)
        'The "reckless" plan was voted down on Tuesday.',
        # an unclosed quotation: no guess where it ends
        "\u201cWe will rebuild the school, said the principal, and nobody doubted her.",
    ],
)
def test_not_quotes(parse: Parse, text: str) -> None:
    _, found = run(parse, text)
    assert found == ()


def test_speech_inside_a_quotation_is_not_reported_speech(parse: Parse) -> None:
    text = "\u201cI think the plan will fail, and I said that the money was wasted,\u201d Kate Moss said."
    _, found = run(parse, text)
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Kate Moss")]


def test_unknown_speaker_is_none(parse: Parse) -> None:
    text = "The storm hit the coast at dawn.\n\n\u201cIt was the worst night of my life,\u201d he said."
    _, found = run(parse, text)
    assert [(q.kind, q.speaker) for q in found] == [("direct", None)]


def test_pronoun_skips_person_of_other_gender(parse: Parse) -> None:
    text = (
        "Mr Adams met Ms Clara Diaz in Lisbon. Ms Diaz later spoke to reporters.\n\n"
        "\u201cWe agreed on most of the points in the treaty,\u201d she said."
    )
    _, found = run(parse, text)
    assert [q.speaker for q in found] == ["Clara Diaz"]


def test_quote_marks_pairing() -> None:
    body = (
        "Headline\n\n\u201cA,\u201d he said. \u201cB.\u201d\n\n"
        "\u201cC goes on\n\n\u201cD ends.\u201d\n\nE \u201copen only"
    )
    article = loads(body, "marks.txt")
    spans = quoted_spans(article.body, article.paragraphs)
    assert [article.body[q.start : q.end] for q in spans] == [
        "\u201cA,\u201d", "\u201cB.\u201d", "\u201cC goes on", "\u201cD ends.\u201d",
    ]
    assert [q.open_ended for q in spans] == [False, False, True, False]
    assert [q.continued for q in spans] == [False, False, False, True]


@pytest.mark.parametrize(
    ("text", "contents", "speaker", "cue"),
    [
        # the cue as an aside after the clause
        ("Still, the rise in prices was the largest in a decade, she said, which worried investors.",
         ["Still, the rise in prices was the largest in a decade"], "the analyst", "said"),
        # the cue as an aside inside the clause: each side is a quote
        ("What angers the farmers most, they say, is that the dam was approved without any consultation.",
         ["What angers the farmers most", "is that the dam was approved without any consultation"],
         "Farmers", "say"),
    ],
)
def test_parenthetical_cue(parse: Parse, text: str, contents: list[str], speaker: str, cue: str) -> None:
    lead = "Farmers say the water is gone." if speaker == "Farmers" else "The analyst Jane Cole spoke on Monday."
    article, found = run(parse, lead + "\n\n" + text)
    later = [q for q in found if article.paragraph_of(q.start) == 2]
    assert [q.text for q in later] == contents
    assert {q.cue for q in later} == {cue}
    assert all(q.speaker is not None for q in later)


def test_relative_clause_speaker_is_the_antecedent(parse: Parse) -> None:
    _, found = run(parse, "The strike was called by dockworkers who say their wages have not risen in five years.")
    assert [(q.text, q.speaker, q.cue) for q in found] == [
        ("their wages have not risen in five years", "dockworkers", "say"),
    ]


def test_object_complement_needs_a_verb(parse: Parse) -> None:
    _, found = run(parse, "Residents accused the company of poisoning the river. The company denied the allegations.")
    assert [(q.text, q.speaker, q.cue) for q in found] == [
        ("the company of poisoning the river", "Residents", "accused"),
    ]


def test_speech_noun_with_that_clause(parse: Parse) -> None:
    _, found = run(parse, "Senator Alan Brooks repeated his claim that the election had been stolen from him.")
    assert [(q.text, q.speaker, q.kind) for q in found] == [
        ("that the election had been stolen from him", "Alan Brooks", "indirect"),
    ]


def test_negated_speech_act_is_not_a_quote_but_a_negated_view_is(parse: Parse) -> None:
    text = "The ministry has not indicated it will lift the ban. Analyst Tom Webb doesn't think the ban will last."
    _, found = run(parse, text)
    assert [(q.text, q.speaker) for q in found] == [("the ban will last", "Tom Webb")]


def test_description_resolves_to_the_group_named_before(parse: Parse) -> None:
    text = (
        "Members of the Senate Finance Committee, led by Chair Ann Lowe, said the tax bill was unfair.\n\n"
        "\u201cWe will rewrite it from the first page to the last,\u201d the members wrote."
    )
    _, found = run(parse, text)
    assert [q.speaker for q in found] == ["Members of the Senate Finance Committee"] * 2


def test_organisation_description_resolves_to_the_organisation_that_spoke(parse: Parse) -> None:
    text = (
        "Northwind Bank said on Monday that it would close 40 branches.\n\n"
        "\u201cCustomers have moved online and our network must follow them,\u201d the bank said."
    )
    _, found = run(parse, text)
    assert [q.speaker for q in found] == ["Northwind Bank", "Northwind Bank"]


def test_speaker_of_a_headline(parse: Parse) -> None:
    text = "Ports will reopen next week, minister Kofi Asante says\n\nThe ports were closed by the storm."
    _, found = run(parse, text)
    assert [(q.text, q.speaker) for q in found] == [("Ports will reopen next week", "Kofi Asante")]


def test_participle_takes_the_subject_not_the_object_before_it(parse: Parse) -> None:
    text = "Finance Minister Raj Patel met Anna Holt, adding that the budget would be cut by a third."
    _, found = run(parse, text)
    assert [(q.speaker, q.cue) for q in found] == [("Raj Patel", "adding")]
