"""Words of dates: month and weekday names, named days, number words (``time_words.tsv``)."""

from __future__ import annotations

from generator.lexicon.load import in_order, tagged, valued

_TIME = "time_words.tsv"

MONTHS = tuple(sorted(valued(_TIME, "month"), key=lambda month: int(valued(_TIME, "month")[month])))
"""Month names, January first (a month's number is its index + 1)."""
MONTH_ABBREVIATIONS = tagged(_TIME, "abbreviation")
"""Month abbreviations written with a full stop ("Sept.")."""
WEEKDAYS = in_order(_TIME, "weekday")
"""Weekday names, Monday first (``datetime.weekday()`` order)."""
NAMED_DAYS = tagged(_TIME, "named-day")
"""Words before a weekday that make it a named day, not last week's ("Black Friday")."""
NUMBERS = {word: int(value) for word, value in valued(_TIME, "number").items()}
"""Number words of a span of time ("two weeks ago", "a month earlier")."""
ERAS = tagged(_TIME, "era")
"""Eras written after a year ("500 BC"): the tagger may call them organisations."""
