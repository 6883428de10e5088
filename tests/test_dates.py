"""Date expressions resolved against an article's date (pure rules, no parse)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.facts.dates import date_mentions

WEDNESDAY = dt.date(2025, 11, 5)
"""A Wednesday in November: anchors most cases below."""


def _resolved(text: str, anchor: dt.date = WEDNESDAY) -> list[tuple[str, str, str]]:
    found = date_mentions(text, anchor)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.date.isoformat(), m.precision) for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Same weekday as the article: that very day.
        ("Russia announced on Wednesday that its forces were advancing.", [("on Wednesday", "2025-11-05", "day")]),
        ("The minister resigned on Monday after the vote.", [("on Monday", "2025-11-03", "day")]),
        ("The mayor was arrested yesterday at his home.", [("yesterday", "2025-11-04", "day")]),
        ("The ministry imposed sanctions last month on two firms.", [("last month", "2025-10-01", "month")]),
        # A month later in the year than the article's means last year's.
        ("The two sides last met in Istanbul in July.", [("in July", "2025-07-01", "month")]),
        ("The deal was first signed in December.", [("in December", "2024-12-01", "month")]),
        ("The war began in February 2022.", [("in February 2022", "2022-02-01", "month")]),
        ("The report came out on 3 March 2024.", [("3 March 2024", "2024-03-03", "day")]),
        ("Talks collapsed two days ago in Geneva.", [("two days ago", "2025-11-03", "day")]),
        ("The company has lost money since 2019.", [("since 2019", "2019-01-01", "year")]),
        # Future tense: the next such day or month.
        ("The court will hear the case on Friday.", [("on Friday", "2025-11-07", "day")]),
        ("Elections are due in March, officials said.", [("in March", "2026-03-01", "month")]),
        ("Prices rose this year and fell last week.", [("this year", "2025-01-01", "year")]),
    ],
)
def test_resolves_relative_dates(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _resolved(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The minister may resign if the vote fails.",  # "may" the verb
        "Shoppers queued for hours for Black Friday deals.",  # a named day, not last Friday
        "About 2,000 people marched through the city centre.",  # a number, not a year
        "The talks ended last week without a deal.",  # a week has no single date
        "Officials gave no timetable for the withdrawal.",
        # "would": the Friday before the article or the one after? Bail out rather than guess.
        "The United Nations said it would publish a summary of the talks on Friday.",
    ],
)
def test_no_date_where_there_is_none(text: str) -> None:
    assert _resolved(text) == []


def test_impossible_day_is_dropped() -> None:
    assert _resolved("The order is dated February 30 in the filing.") == []


def test_mentions_in_text_order() -> None:
    found = _resolved("He was arrested yesterday and appeared in court on Monday.", dt.date(2025, 11, 7))
    assert found == [("yesterday", "2025-11-06", "day"), ("on Monday", "2025-11-03", "day")]
