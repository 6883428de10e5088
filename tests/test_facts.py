"""Headline, summary, key facts and timeline on real-style sentences and the seed."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

import generator.extract.facts.select  # noqa: F401  (the package re-exports the function `facts`)
from generator.extract.facts.sentences import Sentence, sentences
from generator.extract.facts.shorten import shorten
from generator.model import Article, Claim, Fact, Span, TimelineEvent
from generator.nlp import parse as parse_article

_facts = sys.modules["generator.extract.facts.select"]
Parse = Callable[[str], tuple[Article, Any]]


def _sentences(doc: Any, article: Article) -> list[Sentence]:
    return sentences(parse_article(article, doc))


def _summary(doc: Any, article: Article) -> tuple[Span, ...]:
    parsed = parse_article(article, doc)
    return _facts.summary(parsed, sentences(parsed))  # type: ignore[no-any-return]


def _facts_of(doc: Any, article: Article, *, claims: tuple[Claim, ...]) -> tuple[Fact, ...]:
    """Every fact the brief shows, key and more, in document order."""
    found = _split_of(doc, article, claims=claims)
    return tuple(sorted(found.key + found.more, key=lambda f: f.start))


def _split_of(doc: Any, article: Article, *, claims: tuple[Claim, ...] = ()) -> Any:
    parsed = parse_article(article, doc)
    return _facts.facts(parsed, sentences(parsed), claims=claims)


def _headline(doc: Any, article: Article) -> str:
    parsed = parse_article(article, doc)
    return _facts.headline(parsed, sentences(parsed))  # type: ignore[no-any-return]


def _timeline(doc: Any, article: Article) -> tuple[TimelineEvent, ...]:
    parsed = parse_article(article, doc)
    return _facts.timeline(parsed, sentences(parsed))  # type: ignore[no-any-return]

DATED = """---
title: Talks stall as Russia presses on
date: 2025-11-05
---
Russia announced on Wednesday that its forces had taken two villages near Pokrovsk, a claim Kyiv disputed.

The two sides last met in Istanbul in July for a third round of talks, but made no progress beyond a prisoner swap.

The United States last month imposed sanctions on Russia's two largest oil companies, officials said.

Ukraine's air force said yesterday that it had shot down 45 of 60 drones launched overnight.

Both delegations will meet again in Geneva on Friday, according to the Turkish foreign ministry.
"""

STORY = """A fire at a chemical plant in northern Italy forced the evacuation of 2,000 residents on Sunday, \
officials said.

The blaze broke out shortly after 4am in a storage hall at the plant outside Brescia, according to the \
regional fire service.

Firefighters brought it under control by midday, and no one was injured.

While the cause is not yet known, prosecutors have opened an investigation into possible negligence.

The plant, which employs about 300 people, makes solvents for the paint industry.

Residents were told to keep windows closed because of the smoke.

The mayor said schools in three nearby towns would stay shut on Monday.
"""


def _parse_md(nlp: Any, text: str) -> tuple[Article, Any]:
    from generator import ingest

    article = ingest.loads(text, "dated.md")
    return article, nlp(article.body)


def _check_verbatim(article: Article, facts: tuple[Fact, ...], summary: tuple[Span, ...]) -> None:
    for fact in facts:
        assert article.body[fact.start : fact.end] == fact.text
    for span in summary:
        assert article.body[span.start : span.end] == span.text
    texts = [f.text for f in facts]
    assert len(set(texts)) == len(texts)
    for fact in facts:  # no fact repeats (overlaps) the summary
        assert all(fact.end <= s.start or fact.start >= s.end for s in summary)


def _in_one_sentence(doc: Any, fact: Fact) -> bool:
    return any(s.start_char <= fact.start and fact.end <= s.end_char for s in doc.sents)


# --- the seed ---------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(nlp: Any, seed_article: Article) -> tuple[Article, Any, tuple[Span, ...], tuple[Fact, ...]]:
    doc = nlp(seed_article.body)
    summary = _summary(doc, seed_article)
    facts = _facts_of(doc, seed_article, claims=())
    return seed_article, doc, summary, facts


def test_seed_headline_is_the_lead_main_clause(nlp: Any, seed_article: Article) -> None:
    title = _headline(nlp(seed_article.body), seed_article)
    assert title.startswith("Russia says its forces are")
    assert "Pokrovsk" in title
    assert len(title) <= _facts.HEADLINE_MAX
    assert "Wednesday" not in title and "announced" not in title


def test_seed_summary_is_the_lead(seed: Any) -> None:
    article, _, summary, _ = seed
    assert len(summary) == 1
    assert summary[0].text.startswith("Russia announced on Wednesday that its forces")
    assert article.body[summary[0].start : summary[0].end] == summary[0].text


def test_seed_facts_verbatim_and_distinct(seed: Any) -> None:
    article, doc, summary, facts = seed
    assert 3 <= len(facts) <= 7
    _check_verbatim(article, facts, summary)
    assert all(_in_one_sentence(doc, f) for f in facts)
    assert [f.start for f in facts] == sorted(f.start for f in facts)  # document order


def test_seed_key_facts_fit_the_reading_budget(nlp: Any, seed_article: Article, seed: Any) -> None:
    from generator.extract.facts.rank import load_weights

    _, doc, summary, facts = seed
    split = _split_of(doc, seed_article)
    assert split.key and split.more  # the seed's seven facts: the first ones key, the rest more
    assert tuple(sorted(split.key + split.more, key=lambda f: f.start)) == facts
    budget = load_weights().budget_for(len(seed_article.body.split()))
    words = sum(len(s.text.split()) for s in summary) + sum(len(f.text.split()) for f in split.key)
    assert words <= budget or len(split.key) == _facts.MIN_FACTS


def _fact_with(facts: tuple[Fact, ...], needle: str) -> Fact:
    found = [f for f in facts if needle in f.text]
    assert found, f"no fact mentions {needle!r}: {[f.text for f in facts]}"
    return found[0]


def test_seed_expected_facts(seed: Any) -> None:
    facts = seed[3]
    population = _fact_with(facts, "60,000")
    assert "around 7,000 residents" in population.text  # numbers exactly as written
    sukhyi = _fact_with(facts, "Sukhyi Yar")
    assert sukhyi.source == "the Russian Ministry of Defense"
    assert not sukhyi.text.startswith("According to")
    istanbul = _fact_with(facts, "ready to resume peace negotiations")
    assert istanbul.source is not None and "Foreign Ministry official" in istanbul.source
    assert "TASS" in istanbul.source
    _fact_with(facts, "in July")
    sanctions = _fact_with(facts, "sanctions")
    assert sanctions.text.startswith("the United States last month imposed sanctions")


def test_seed_kremlin_contacts_fact(seed: Any) -> None:
    kremlin = _fact_with(seed[3], "the Kremlin confirms reports")
    # The hollow "they come as" frame and the trailing dash aside are dropped.
    assert kremlin.text.startswith("the Kremlin confirms reports that the United Kingdom")
    assert "Financial Times" not in kremlin.text


def test_seed_generic_background_is_not_a_fact(seed: Any) -> None:
    assert not [f for f in seed[3] if f.text.startswith("The city has been under")]


def test_seed_has_no_dates(seed: Any, nlp: Any) -> None:
    article, doc, _, facts = seed
    assert article.date is None
    assert all(f.date is None for f in facts)
    assert _timeline(doc, article) == ()


# --- dated articles ------------------------------------------------------------


def test_dated_timeline_sorted_and_resolved(nlp: Any) -> None:
    article, doc = _parse_md(nlp, DATED)
    events = _timeline(doc, article)
    assert [(e.expression.text, e.date.isoformat(), e.precision) for e in events] == [
        ("in July", "2025-07-01", "month"),
        ("last month", "2025-10-01", "month"),
        ("yesterday", "2025-11-04", "day"),
        ("on Wednesday", "2025-11-05", "day"),
        ("on Friday", "2025-11-07", "day"),
    ]
    for e in events:
        assert article.body[e.expression.start : e.expression.end] == e.expression.text
        assert e.sentence.start <= e.expression.start < e.expression.end <= e.sentence.end


TWO_DATES = """---
title: Port traffic falls
date: 2025-11-05
---
Grain exports through the port fell in October compared with the same month last year, the port authority said.

The port reopened its second terminal on 22 October after repairs.

The United Nations said it would publish a summary of the talks on Friday.
"""


def test_timeline_one_row_per_sentence_vague_dates_after_precise(nlp: Any) -> None:
    article, doc = _parse_md(nlp, TWO_DATES)
    events = _timeline(doc, article)
    # "the same month last year" is a comparison, not a second event (no 2024 row);
    # "October 2025" may mean any day of it, so it follows "22 October 2025";
    # "would publish ... on Friday" may be last Friday or the next: no row at all.
    assert [(e.expression.text, e.date.isoformat(), e.precision) for e in events] == [
        ("22 October", "2025-10-22", "day"),
        ("in October", "2025-10-01", "month"),
    ]
    assert len({e.sentence.start for e in events}) == len(events)


def test_dated_facts_carry_their_date(nlp: Any) -> None:
    from generator.extract.facts.rank import load_weights

    article, doc = _parse_md(nlp, DATED)
    parsed = parse_article(article, doc)
    # A budget wide enough for three facts: this checks their dates, not the choice.
    wide = replace(load_weights(), budget=1000)
    facts = _facts.facts(parsed, sentences(parsed), claims=(), weights=wide).key
    sanctions = _fact_with(facts, "sanctions")
    assert sanctions.date is not None and sanctions.date.isoformat() == "2025-10-01"
    assert sanctions.date_precision == "month"
    assert sanctions.source == "officials"
    drones = _fact_with(facts, "45 of 60 drones")
    assert drones.date is not None and drones.date.isoformat() == "2025-11-04"
    # "said ... that it had": the frame stays in the text (its "it" needs it), still attributed.
    assert drones.text.startswith("Ukraine's air force said yesterday")
    assert drones.source == "Ukraine's air force"


def test_undated_story_resolves_nothing(parse: Parse) -> None:
    article, doc = parse(STORY)
    assert _timeline(doc, article) == ()
    assert all(f.date is None for f in _facts_of(doc, article, claims=()))


# --- facts on a plain story ---------------------------------------------------


def test_story_facts(parse: Parse) -> None:
    article, doc = parse(STORY)
    summary = _summary(doc, article)
    facts = _facts_of(doc, article, claims=())
    assert summary[0].text.startswith("A fire at a chemical plant")
    assert 3 <= len(facts) <= 7
    _check_verbatim(article, facts, summary)
    blaze = _fact_with(facts, "4am")
    assert blaze.source == "the regional fire service"
    assert "according to" not in blaze.text


LONG_STORY = "\n\n".join(
    [
        "Storms flooded 40 towns across the north of the country on Monday, forcing 12,000 people from their homes.",
        "The national weather service recorded 180 millimetres of rain in 24 hours at the river station in Arlen.",
        "Emergency crews rescued 300 people from rooftops and cars, the interior ministry said.",
        "Rail services between Arlen and the capital were suspended after a bridge was damaged.",
        "Power was cut to about 50,000 households, according to the grid operator Nordnet.",
        "The government released 20 million euros in emergency aid for the worst-hit regions.",
        "Schools in 15 districts will stay closed until Friday, the education ministry said.",
        "Farmers' unions warned that 8,000 hectares of crops had been lost to the water.",
        "The last comparable flood in the region, in 1998, killed 14 people.",
        "Forecasters expect more rain in the mountains on Wednesday, with river levels rising again.",
        "The army has sent 1,200 soldiers to reinforce dykes along the Arl river.",
        "Insurers estimate the damage at more than 400 million euros.",
        "The prime minister will visit Arlen on Tuesday to meet rescue teams and residents.",
        "Volunteers have set up 25 shelters in schools and sports halls across the region.",
    ]
)


def test_key_facts_do_not_grow_with_paragraphs(parse: Parse) -> None:
    """A long story's key facts stay an editor's few bullets; its other points are "more", not dropped.

    Editors' highlights barely grow with the story, so neither does the fitted
    reading budget (it once grew by 20 words a paragraph past the fifth, and
    this story's brief ran to seven facts). The budget is in words and the
    same for any length of story, so five bullets of 13 words fit where four
    of 20 would.
    """
    from generator.extract.facts.rank import load_weights

    article, doc = parse(LONG_STORY)
    split = _split_of(doc, article)
    summary = _summary(doc, article)
    words = sum(len(s.text.split()) for s in summary) + sum(len(f.text.split()) for f in split.key)
    assert words <= load_weights().budget_for(len(article.body.split()))
    assert len(split.key) <= 5 and split.more
    _check_verbatim(article, split.key + split.more, summary)
    assert not {f.start for f in split.key} & {f.start for f in split.more}


def test_key_count_stops_at_the_first_fact_past_the_budget() -> None:
    def fact(words: int, start: int) -> Fact:
        return Fact(text=" ".join(["w"] * words), start=start, end=start + 2 * words)

    ranked = [fact(20, 300), fact(30, 100), fact(5, 200)]
    assert _facts.key_count(40, ranked, 92) == 2  # 40 + 20 + 30 = 90 fits; the third would make 95
    assert _facts.key_count(40, ranked, 80) == 1  # the 30-word fact does not fit: the 5-word one may not jump it
    assert _facts.key_count(90, ranked, 80) == 1  # the summary alone fills the budget: still one key fact
    split = _facts.split_facts(ranked, 2)
    assert [f.start for f in split.key] == [100, 300] and [f.start for f in split.more] == [200]


def test_position_prior_orders_facts_as_the_story_does(parse: Parse) -> None:
    """A strong prior puts the facts in the article's order; the ranker still gates what is shown."""
    from generator.extract.facts.rank import load_weights

    article, doc = parse(LONG_STORY)
    parsed = parse_article(article, doc)
    sents = sentences(parsed)
    weights = replace(load_weights(), position_prior=10.0)
    lead = _facts._summary_choice(parsed, sents, weights)
    ranked = _facts.rank_facts(parsed, _facts.fact_candidates(parsed, sents), lead, weights)
    assert len(ranked) >= 3
    assert [f.start for f in ranked] == sorted(f.start for f in ranked)
    assert load_weights().position_prior > 0  # fitted, not left at zero


def test_short_article_gets_fewer_facts(parse: Parse) -> None:
    article, doc = parse("The central bank raised its main interest rate to 4.5% on Thursday.\n\n"
                         "It was the third increase this year, the bank said in a statement.\n")
    summary = _summary(doc, article)
    facts = _facts_of(doc, article, claims=())
    assert len(summary) == 1 and len(facts) <= 1
    _check_verbatim(article, facts, summary)


def test_quotes_and_questions_are_not_facts(parse: Parse) -> None:
    article, doc = parse(
        "Police arrested three men after a raid on a warehouse in Leeds on Tuesday.\n\n"
        "\u201cThis was a well-planned operation,\u201d said Chief Inspector Mary Holt of the county police.\n\n"
        "Who tipped off the police about the stolen goods?\n\n"
        "Officers recovered 400 stolen bicycles worth an estimated \u00a3200,000.\n\n"
        "The men, aged 24, 31 and 45, were released on bail pending further inquiries.\n"
    )
    facts = _facts_of(doc, article, claims=())
    assert not any(f.text.startswith("\u201c") or f.text.endswith("?") for f in facts)
    _fact_with(facts, "400 stolen bicycles")


def test_claim_source_is_used(parse: Parse) -> None:
    text = (
        "Flooding closed dozens of roads across the region on Monday.\n\n"
        "Water levels at the river gauge reached 4.2 metres, the highest since records began.\n\n"
        "More than 300 homes were without power overnight.\n\n"
        "Rail services between the two cities were suspended until further notice.\n"
    )
    article, doc = parse(text)
    start = text.index("Water levels")
    end = text.index(", the highest")
    span = Span(start=start, end=end, text=text[start:end])
    claim = Claim(source="the Environment Agency", kind="government", claim=span)
    # A claim over a small part of a sentence does not attribute the whole fact.
    start = text.index("overnight")
    part = Claim(source="a neighbour", kind="unnamed", claim=Span(start=start, end=start + 9, text="overnight"))
    facts = _facts_of(doc, article, claims=(claim, part))
    assert _fact_with(facts, "4.2 metres").source == "the Environment Agency"
    assert _fact_with(facts, "300 homes").source is None


# --- clean shortenings ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kept", "source"),
    [
        (
            "According to the health ministry, 14 people were taken to hospital with burns.",
            "14 people were taken to hospital with burns.",
            "the health ministry",
        ),
        (
            "However, the company reported a loss of $12 million for the quarter.",
            "the company reported a loss of $12 million for the quarter.",
            None,
        ),
        (
            "The bridge will reopen to traffic in the spring after repairs, the council said.",
            "The bridge will reopen to traffic in the spring after repairs",
            "the council",
        ),
        (
            "The storm cut power to 80,000 homes in the north of the country, which had already seen heavy rain.",
            "The storm cut power to 80,000 homes in the north of the country",
            None,
        ),
        (
            "After the talks collapsed, the union announced a strike for next Monday at all depots.",
            "the union announced a strike for next Monday at all depots.",
            None,
        ),
        # A short frame stays as editors write it, its speaker still the source.
        (
            "The health ministry said that 14 people had been taken to hospital with burns.",
            "The health ministry said that 14 people had been taken to hospital with burns.",
            "The health ministry",
        ),
        # A long frame buries the news: the reported clause stands alone, attributed.
        (
            "Earlier the same day, the state news agency cited a senior defence official as saying that "
            "the army had withdrawn from two villages.",
            "the army had withdrawn from two villages.",
            "a senior defence official, via the state news agency",
        ),
        (
            "Both delegations will meet again in Geneva on Friday, according to the Turkish foreign ministry.",
            "Both delegations will meet again in Geneva on Friday",
            "the Turkish foreign ministry",
        ),
        # A condition changes the claim: it is never dropped.
        (
            "If the dam fails, about 3,000 homes downstream would be flooded within hours.",
            "If the dam fails, about 3,000 homes downstream would be flooded within hours.",
            None,
        ),
        # "Police said it was ..." would leave "it" without its referent: keep the frame.
        (
            "In a statement late on Monday, West Midlands Police said it was investigating the crash on the M6.",
            "In a statement late on Monday, West Midlands Police said it was investigating the crash on the M6.",
            "West Midlands Police",
        ),
        # The speaker without the time phrase between it and the verb.
        (
            "West Mercia Police last night said it was investigating reports of a breach of electoral law.",
            "West Mercia Police last night said it was investigating reports of a breach of electoral law.",
            "West Mercia Police",
        ),
        # "explain" with a thing as subject is not reporting: no source.
        (
            "The collision could explain why the planet has a hot core and a strong magnetic field.",
            "The collision could explain why the planet has a hot core and a strong magnetic field.",
            None,
        ),
        # A pronoun is not a source.
        (
            "The factory will close by the end of the year with the loss of 200 jobs, he said.",
            "The factory will close by the end of the year with the loss of 200 jobs, he said.",
            None,
        ),
        # Where and when it was said is not who said it (issue 17: "according to at a ... summit").
        (
            "Both countries will cut their emissions by half before 2035, said at a climate summit Thursday.",
            "Both countries will cut their emissions by half before 2035, said at a climate summit Thursday.",
            None,
        ),
        # A limit or a figure in a trailing aside is part of the claim (issue 17).
        (
            "The health service will offer the new vaccine free of charge, for several hundred adults in the trial.",
            "The health service will offer the new vaccine free of charge, for several hundred adults in the trial.",
            None,
        ),
        # A leading clause holding a figure stays: without it the figure seems the main event's.
        (
            "After a strike on the port killed 40 people, the army said it had hit a weapons depot in the north.",
            "After a strike on the port killed 40 people, the army said it had hit a weapons depot in the north.",
            None,
        ),
        # A denial after "but" cancels what the first clause implies: it is kept.
        (
            "The two delegations last met in Vienna in March, for their fourth round of direct talks on "
            "the dam, but no real progress was made beyond an agreement on water sharing.",
            "The two delegations last met in Vienna in March, for their fourth round of direct talks on "
            "the dam, but no real progress was made beyond an agreement on water sharing.",
            None,
        ),
    ],
)
def test_shorten(nlp: Any, sentence: str, kept: str, source: str | None) -> None:
    doc = nlp(sentence)
    piece = shorten(doc, sentence, 0, len(sentence))
    assert sentence[piece.start : piece.end] == kept
    assert piece.source == source


def test_according_to_with_an_aside_is_kept_whole(nlp: Any) -> None:
    # Cutting at the first comma would leave "who lives in Canada, ...": a fragment.
    sentence = "According to the owner, who lives in Canada, the two dogs have never been apart since birth."
    piece = shorten(nlp(sentence), sentence, 0, len(sentence))
    assert (piece.start, piece.end) == (0, len(sentence))


ANAPHORIC = """A landslide buried part of the mountain village of Rovena in northern Albania on Monday, \
officials said.

Rescue teams pulled 14 survivors from the mud by nightfall, according to the Albanian Red Cross.

The village has long been exposed to floods and slides after heavy rain.

The interior ministry confirmed that two people were still missing.

The area is popular with hikers in the summer.

Prime Minister Edi Rama said the government would pay for new homes for 40 families.
"""


def test_named_confirmation_beats_generic_background(parse: Parse) -> None:
    article, doc = parse(ANAPHORIC)
    texts = [f.text for f in _facts_of(doc, article, claims=())]
    assert any(t.startswith("The interior ministry confirmed") for t in texts), texts
    # "The village ..." / "The area ..." name nobody and count nothing: background.
    assert not any(t.startswith(("The village", "The area")) for t in texts), texts


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The city has been under constant threat of shelling throughout this year.", True),
        ("The company has struggled for years.", True),
        # A figure, a name or a describing clause makes the sentence news of its own.
        ("The company cut 300 jobs in its factories last year.", False),
        ("The company has struggled since Siemens left the market.", False),
        ("The man who drove the car has not been found.", False),
        # Not a description pointing back.
        ("Doctors have struggled to treat the disease for years.", False),
    ],
)
def test_anaphoric_background(nlp: Any, sentence: str, expected: bool) -> None:
    from generator.extract.facts.sentences import anaphoric

    sent = next(iter(nlp(sentence).sents))
    assert anaphoric(sent, 2) == expected
    assert not anaphoric(sent, 0)  # the first sentence points nowhere


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Kremlin confirms reports that Britain tried to open a channel.", True),
        ("Apple announced a new phone for the Chinese market.", True),
        ("The Kremlin did not confirm the reports.", False),  # negated
        ("The company announced a new phone for the Chinese market.", False),  # nobody named
        ("Apple sold more phones in China than ever.", False),  # no announcement
    ],
)
def test_announced(nlp: Any, sentence: str, expected: bool) -> None:
    from generator.extract.facts.sentences import announced

    assert announced(nlp(sentence), 0, len(sentence)) is expected


def test_credit_line_is_not_a_fact(parse: Parse) -> None:

    article, doc = parse(STORY + "\nCNN's Jane Doe and John Roe contributed to this report.\n")
    assert [s.eligible for s in _sentences(doc, article) if "contributed" in s.text] == [False]


def test_shortening_never_leaves_a_fragment(nlp: Any) -> None:
    sentence = "Prices rose again, officials said."
    piece = shorten(nlp(sentence), sentence, 0, len(sentence))
    assert (piece.start, piece.end) == (0, len(sentence))


# --- headlines --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        (
            "The health ministry announced on Tuesday that 14 people had been taken to hospital after the blast.",
            "The health ministry says 14 people had been taken to hospital after the blast",
        ),
        (
            "As the storm moved inland, more than 80,000 homes lost power across the north of the country.",
            "More than 80,000 homes lost power across the north of the country",
        ),
        (
            "A former city treasurer who embezzled money from a pension fund to pay for luxury holidays "
            "was ordered to repay \u00a3500,000 by a judge in Manchester.",
            "A former city treasurer was ordered to repay \u00a3500,000 by a judge in Manchester",
        ),
        # A condition stays: without it the headline would claim something else.
        (
            "If the dam fails, about 3,000 homes would be flooded.",
            "If the dam fails, about 3,000 homes would be flooded",
        ),
    ],
)
def test_headline(parse: Parse, lead: str, expected: str) -> None:
    article, doc = parse(lead + "\n\nThe authorities gave no further details on Wednesday evening.\n")
    assert article.title is None
    title = _headline(doc, article)
    assert title == expected
    assert len(title) <= _facts.HEADLINE_MAX


def test_headline_long_lead_ends_between_phrases(parse: Parse) -> None:
    lead = (
        "Thousands of farmers drove their tractors into the centre of Brussels on Thursday to protest against "
        "cheap imports, rising fuel costs and new environmental rules they say threaten their livelihoods."
    )
    article, doc = parse(lead + "\n\nPolice closed several roads around the European Parliament.\n")
    title = _headline(doc, article)
    assert len(title) <= _facts.HEADLINE_MAX
    assert lead.startswith(title)
    next_word = lead[len(title) :].split()[0]
    # It stops before a new phrase (a preposition, conjunction or "to"), never inside one.
    assert next_word in {"to", "on", "into", "of", "against", "and", "in"}


# --- standing alone (issue 17) ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("He survived by collecting rainwater and eating raw fish.", "pronoun"),
        ("It was an odd thing to say at a funeral.", "pronoun"),
        ("Their lawyers said the case would be appealed.", "pronoun"),
        ("This is the third time the bridge has closed this year.", "pronoun"),
        ("Since he signed up for the programme, 40 people have joined.", "subordinate"),
        ("If the dam fails, about 3,000 homes would be flooded.", "subordinate"),
        ("While the talks stalled, the army advanced on the city.", "subordinate"),
        # Determiners and names are not anaphors.
        ("This week the council approved the budget for 2026.", None),
        ("The council approved the budget on Tuesday.", None),
        ("Louis Jordan survived by collecting rainwater.", None),
        ("\u201cThe ball is in Ukraine\u2019s court,\u201d said Aleksei Polishchuk.", None),
    ],
)
def test_opening_problem(nlp: Any, text: str, problem: str | None) -> None:
    from generator.extract.facts.standalone import opening_problem

    assert opening_problem(nlp(text), 0, len(text)) == problem


FEATURE_STORY = (
    "It was an odd thing to say at the opening of a bridge.\n\n"
    "He smiled and waved to the crowd before cutting the ribbon in the rain.\n\n"
    "Since he signed up for the programme, more than 40 towns have asked for money.\n\n"
    "The government said on Tuesday it would spend 2 billion pounds on 300 new bridges across Wales, "
    "the largest programme of its kind.\n\n"
    "Engineers warned that many older bridges in the region need urgent repairs.\n\n"
    "Local councils will choose the first 20 sites by March, the transport ministry said.\n"
)


def test_summary_and_facts_never_open_on_an_anaphor_or_a_dangling_clause(parse: Parse) -> None:
    from generator.extract.facts.standalone import opening_problem

    article, doc = parse(FEATURE_STORY)
    summary, facts = _summary(doc, article), _facts_of(doc, article, claims=())
    assert summary and facts
    for piece in (*summary, *facts):
        assert opening_problem(doc, piece.start, piece.end) is None, piece.text
        assert article.body[piece.start : piece.end] == piece.text
    assert not summary[0].text.startswith(("It was", "He smiled"))


def test_summary_leaves_out_a_leading_time_clause(parse: Parse) -> None:
    article, doc = parse(
        "As the storm moved inland, more than 80,000 homes lost power across the north of the country.\n\n"
        "The authorities gave no further details on Wednesday evening.\n"
    )
    (summary,) = _summary(doc, article)
    assert summary.text == "more than 80,000 homes lost power across the north of the country."


def test_a_dateline_on_its_own_is_no_sentence(parse: Parse) -> None:
    """ "(CNN) --" split off by the parser is no unit: the news lead stays the story's first sentence.

    As a unit of its own it pushed the lead to second place, so the lead was not
    taken as hard news and a photo caption after it became the summary.
    """
    article, doc = parse(
        "(CNN) -- The National Football League has indefinitely suspended Atlanta Falcons quarterback "
        "Michael Vick without pay, officials with the league said Friday.\n\n"
        "NFL star Michael Vick is set to appear in court Monday.\n\n"
        "A judge will have the final say on a plea deal.\n"
    )
    units = _sentences(doc, article)
    assert units[0].index == 0 and units[0].text.startswith("The National Football League")
    (summary,) = _summary(doc, article)
    assert summary.text.startswith("The National Football League")


def test_summary_takes_the_sentence_before_a_leading_pronoun(parse: Parse) -> None:
    article, doc = parse(
        "Louis Jordan, 37, was found by a container ship 200 miles off North Carolina on Thursday.\n\n"
        "He had been missing at sea for 66 days after his sailboat capsized.\n"
    )
    summary = _summary(doc, article)
    assert summary[0].text.startswith("Louis Jordan")


@pytest.mark.parametrize(
    "lead",
    [
        # Too long to keep what he says: the headline must not stop at "says".
        "President Barack Obama said on Tuesday that the agreement reached by negotiators in Switzerland after "
        "eighteen months of talks would, if it holds, keep Iran from building a nuclear weapon for a decade.",
        "Officials told reporters late on Sunday that the flooding across the northern provinces had forced "
        "more than 120,000 people from their homes and cut the main railway line to the capital.",
    ],
)
def test_headline_never_ends_on_a_verb_of_saying(parse: Parse, lead: str) -> None:
    from generator.extract.facts.headline import REPORTING_FORMS

    article, doc = parse(lead + "\n\nThe authorities gave no further details on Wednesday evening.\n")
    title = _headline(doc, article)
    last = title.split()[-1].lower().strip(".,")
    assert last not in REPORTING_FORMS, title
    assert last not in ("that", "to", "of", "and")
    assert len(title) <= _facts.HEADLINE_MAX


def test_headline_skips_a_pronoun_lead(parse: Parse) -> None:
    article, doc = parse(
        "It is early days for the new trade deal.\n\n"
        "The European Union and Japan signed a trade agreement on Monday that cuts tariffs on cars and cheese.\n"
    )
    assert not _headline(doc, article).startswith("It ")


def test_shipped_weights_cover_every_feature() -> None:
    import json

    from generator.extract.facts.rank import FEATURES, WEIGHTS_FILE, load_weights

    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    for ranker in ("summary", "facts"):
        assert set(data[ranker]["weights"]) == set(FEATURES)
    weights = load_weights()
    assert weights.budget > 0
    assert len(weights.facts.weights) == len(FEATURES)


def test_relative_dates_in_summary_and_facts_are_resolved(nlp: Any) -> None:
    from generator.extract import extract_brief
    from generator.site.catalog import build_catalog
    from generator.site.render import Renderer
    from tests.conftest import ROOT

    article, doc = _parse_md(nlp, DATED)
    brief = extract_brief(parse_article(article, doc))
    notes = {d.expression.text: d.note for d in brief.dates}
    assert notes.get("on Wednesday") == "5 November"  # the article's own day, a Wednesday
    for d in brief.dates:
        assert article.body[d.expression.start : d.expression.end] == d.expression.text
    page = Renderer(ROOT / "templates", build_catalog([brief])).brief_page(brief)
    assert "on Wednesday (5 November)" in page
    # A date the text gives in full needs no note.
    assert all("2025" not in d.expression.text for d in brief.dates)
    # Without a date on the article nothing is resolved.
    undated = extract_brief(parse_article(replace(article, date=None), doc))
    assert undated.dates == ()


def test_photo_captions_are_not_facts(parse: Parse) -> None:
    article, doc = parse(
        "Doctors in Baghdad treated the five-year-old boy for severe burns over several weeks last year.\n\n"
        "Youssif holds his sister's hand Friday.\n\n"
        "An inmate housed on the ninth floor of the county jail near the river.\n\n"
        "His parents thanked the charity on Friday for paying for the treatment.\n\n"
        "The boy returns to the hospital on Tuesday for the last of his operations.\n"
    )
    eligible = {s.text: s.eligible for s in _sentences(doc, article)}
    assert eligible["Youssif holds his sister's hand Friday."] is False
    assert eligible["An inmate housed on the ninth floor of the county jail near the river."] is False
    assert eligible["His parents thanked the charity on Friday for paying for the treatment."] is True
    # A scheduled event is in the present too, with "on" before its day.
    assert eligible["The boy returns to the hospital on Tuesday for the last of his operations."] is True


def test_the_tail_of_a_single_quoted_quotation_is_not_a_fact(parse: Parse) -> None:
    article, doc = parse(
        "The prosecutor told the jury: 'The money has gone. Grant Allen is involved in criminal behaviour,' "
        "Mr Evans said on Monday in the trial at the city court.\n"
    )
    assert [s.eligible for s in _sentences(doc, article) if "Grant Allen" in s.text] == [False]


def test_caption_with_a_relative_clause_is_not_a_fact(parse: Parse) -> None:
    # The verb of "where ... are housed" belongs to the relative clause: the caption itself states nothing.
    article, doc = parse(
        "The ninth floor of the county jail holds inmates with the most severe mental illnesses, a judge said.\n\n"
        'An inmate housed on the "forgotten floor," where many mentally ill inmates are housed before trial.\n\n'
        "The judge said the inmates are usually charged with minor offences such as trespassing.\n"
    )
    eligible = {s.text[:20]: s.eligible for s in _sentences(doc, article)}
    assert eligible["An inmate housed on "] is False
    assert eligible["The judge said the i"] is True


def test_an_editors_note_is_not_news(parse: Parse) -> None:
    article, doc = parse(
        "Editor's note: In our Behind the Scenes series, correspondents share their experiences in covering news. "
        "Here, a reporter takes readers inside a county jail where many of the inmates are mentally ill.\n\n"
        "The ninth floor of the county jail holds inmates with the most severe mental illnesses, a judge said.\n"
    )
    eligible = {s.text[:20]: s.eligible for s in _sentences(doc, article)}
    assert eligible["Here, a reporter tak"] is False
    assert eligible["The ninth floor of t"] is True
    # An article of one paragraph is all story, whatever its first words.
    flat_article, flat_doc = parse(article.body.replace("\n\n", " "))
    assert any(s.eligible and s.text.startswith("Here, a reporter") for s in _sentences(flat_doc, flat_article))


def test_summary_is_never_a_sentence_that_leans_on_the_one_before(parse: Parse) -> None:
    # Nothing in the opening stands alone: the summary is the first sentence further down that does.
    article, doc = parse(
        "If you have been following the news lately, there are certain things you know about Mohammad Zarif.\n\n"
        "He is, of course, the Iranian foreign minister.\n\n"
        "He has been the opposite number of John Kerry in the nuclear talks with Iran.\n\n"
        "He received a hero's welcome as he arrived in Tehran on a sunny Friday morning.\n\n"
        "He is said to be polished and, unusually for one with such weighty issues, jovial.\n\n"
        "He certainly has gone a long way to bring Iran in from the cold.\n\n"
        "He studied in San Francisco and Denver before joining the foreign ministry.\n\n"
        "Iran and six world powers agreed on the outline of a nuclear deal in Lausanne on Thursday.\n"
    )
    from generator.extract.facts.standalone import stands_alone

    (summary,) = _summary(doc, article)
    assert stands_alone(doc, summary.start, summary.end), summary.text
    assert summary.text.startswith("Iran and six world powers")


def test_a_fact_is_never_cut_down_to_someone_s_quoted_words(parse: Parse) -> None:
    # "Bush will tell veterans that" is the frame of the quoted words: cut away, the quote reads as fact.
    article, doc = parse(
        "President George Bush will argue against pulling troops out of Iraq in a speech to veterans this week.\n\n"
        'In Kansas City, Bush will tell members of the Veterans of Foreign Wars that "then, as now, people argued '
        "that the real problem was America's presence and the killing would end,\" according to speech excerpts.\n"
    )
    for fact in _facts_of(doc, article, claims=()):
        assert fact.text[0] not in "\"'\u201c\u2018", fact.text


def test_a_sentence_split_inside_a_quotation_is_not_a_fact() -> None:
    from generator.extract.facts.sentences import _eligible

    # "!" inside a quotation can end the sentence for the parser; the rest starts in lower case.
    tail = 'on the April 1 edition of "The Price Is Right" encountered not the usual host but another face.'
    assert not _eligible(tail, len(tail.split()))
    assert not _eligible("and I was just totally shocked by the news.", 8)
    # A name spelt in lower case ("iPhone") still opens a sentence.
    name = "iPhone sales in the United States rose by a third in the first three months of the year."
    assert _eligible(name, len(name.split()))



def test_a_sentence_the_parser_ends_on_a_quoted_exclamation_is_joined_again() -> None:
    from generator.extract.facts.sentences import _split_in_quote

    body = 'Contestants told to "come on down!" on the April 1 edition of the show met another host.'
    head = body.index(" on the April")
    assert _split_in_quote(body, 0, head, head + 1)
    # A new paragraph, or a capital after the quotation, is a new sentence.
    assert not _split_in_quote(body.replace(" on the", "\n\non the"), 0, head, head + 3)
    other = 'He shouted "Stop!" The crowd went quiet.'
    assert not _split_in_quote(other, 0, other.index(" The"), other.index("The"))
