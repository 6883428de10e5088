"""Date expressions in a sentence, resolved against the article's date.

Notes:
    Pure string rules, no parse: "yesterday", "on Wednesday", "last month",
    "in July", "March 3", "3 March 2024", "in 2022", "two days ago". A bare
    weekday or month means the most recent one (news reports what happened),
    unless the sentence speaks of the future ("will", "next", "is due to"),
    then the next one. Weeks are not resolved (no single date means "last
    week"); month- and year-level expressions resolve to the first day with
    ``precision`` saying how much of the date is meant.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.lexicon.dates import MONTHS, NAMED_DAYS, NUMBERS, WEEKDAYS
from generator.model import DatePrecision

FUTURE_CUES = re.compile(
    r"\b(?:will|won't|shall|next|is due|are due|is set|are set|is scheduled|are scheduled|plans? to|"
    r"planned for|expected to|upcoming|tomorrow)\b",
    re.I,
)
"""A sentence with one of these speaks of what is to come."""
FUTURE_IN_PAST = re.compile(r"\bwould\b", re.I)
"""'said it would publish on Friday': a bare weekday could be last Friday or the next one."""

_MONTH = r"(?P<month>" + "|".join(month.title() for month in MONTHS) + ")"
_PATTERNS = (
    ("relday", re.compile(r"\b(?P<rel>yesterday|today|tomorrow|tonight)\b", re.I)),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<mod>last|next|this|on|since|until|by)\s+)?"
            r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b(?!,?\s+\d)"
        ),
    ),
    (
        "dayfirst",
        re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?\b"),
    ),
    (
        "month",
        re.compile(
            r"\b(?:(?P<mod>last|next|this|in|on|since|until|by|early|late|mid-?|of)\s+)?"
            + _MONTH
            + r"(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<year>\d{4})\b)?"
        ),
    ),
    ("relunit", re.compile(r"\b(?:(?P<mod>last|next|this)|earlier this|later this)\s+(?P<unit>month|year)\b", re.I)),
    (
        "ago",
        re.compile(r"\b(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                   r"(?P<unit>day|month|year)s?\s+ago\b", re.I),
    ),
    ("year", re.compile(r"\b(?:in|since|by|until|of|during)\s+(?P<year>(?:19|20)\d{2})\b(?![-/]\d)")),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention:
    """A date expression at ``text[start:end]`` and the date it means."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: DatePrecision


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _weekday(anchor: dt.date, weekday: int, mod: str | None, future: bool) -> dt.date:
    if mod == "next" or (future and mod != "last"):
        ahead = (weekday - anchor.weekday()) % 7
        return anchor + dt.timedelta(days=ahead or (7 if mod == "next" else 0))
    back = (anchor.weekday() - weekday) % 7
    return anchor - dt.timedelta(days=back or (7 if mod == "last" else 0))


def _month(anchor: dt.date, month: int, year: str | None, mod: str | None, future: bool) -> int:
    """The year a month name means: given, else the latest past one (or next one ahead)."""
    if year:
        return int(year)
    if mod == "next" or (future and mod != "last"):
        return anchor.year if month >= anchor.month else anchor.year + 1
    if mod == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def _resolve(kind: str, m: re.Match[str], anchor: dt.date, future: bool) -> tuple[dt.date, DatePrecision] | None:
    groups = m.groupdict()
    mod = (groups.get("mod") or "").lower() or None
    if kind == "relday":
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[groups["rel"].lower()]
        return anchor + dt.timedelta(days=offset), "day"
    if kind == "weekday":
        return _weekday(anchor, WEEKDAYS.index(groups["wd"].lower()), mod, future), "day"
    if kind in ("month", "dayfirst"):
        month = MONTHS.index(groups["month"].lower()) + 1
        year = _month(anchor, month, groups.get("year"), mod, future)
        if groups.get("day"):
            try:
                return dt.date(year, month, int(groups["day"])), "day"
            except ValueError:
                return None
        return dt.date(year, month, 1), "month"
    if kind == "relunit":
        step = {"last": -1, "next": 1}.get(mod or "", 0)
        if groups["unit"].lower() == "month":
            return _add_months(anchor, step), "month"
        return dt.date(anchor.year + step, 1, 1), "year"
    if kind == "ago":
        n = int(groups["n"]) if groups["n"].isdigit() else NUMBERS[groups["n"].lower()]
        unit = groups["unit"].lower()
        if unit == "day":
            return anchor - dt.timedelta(days=n), "day"
        if unit == "month":
            return _add_months(anchor, -n), "month"
        return dt.date(anchor.year - n, 1, 1), "year"
    return dt.date(int(groups["year"]), 1, 1), "year"


def _ambiguous(kind: str, m: re.Match[str], text: str) -> bool:
    """Words that only look like dates ("may" the verb, "Black Friday"), and a
    weekday that may be past or future ("said it would meet on Friday")."""
    groups = m.groupdict()
    if kind == "weekday" and (groups.get("mod") or "").lower() not in ("last", "next") and FUTURE_IN_PAST.search(text):
        return True
    if kind == "month" and groups["month"] == "May":
        return not (groups.get("mod") or groups.get("day") or groups.get("year"))
    if kind == "weekday" and not groups.get("mod"):
        before = text[: m.start()].split()
        return bool(before) and before[-1].lower().strip(".,") in NAMED_DAYS
    return False


def date_mentions(text: str, anchor: dt.date) -> list[DateMention]:
    """Date expressions of one sentence resolved against ``anchor``, in text order."""
    future = bool(FUTURE_CUES.search(text))
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken) or _ambiguous(kind, m, text):
                continue
            resolved = _resolve(kind, m, anchor, future)
            if resolved is None:
                continue
            taken.append((m.start(), m.end()))
            day, precision = resolved
            found.append(DateMention(start=m.start(), end=m.end(), text=m.group(), date=day, precision=precision))
    return sorted(found, key=lambda d: d.start)


_DIGIT = re.compile(r"\d")


def is_relative(mention: DateMention) -> bool:
    """Whether the expression needs the article's date to be read ("on Wednesday", "last month", "in July").

    "3 March 2024" or "March 3" say their date already; "two days ago" does not.
    """
    return not _DIGIT.search(mention.text) or "ago" in mention.text.lower()


def note(mention: DateMention, anchor: dt.date) -> str:
    """The resolved date as shown after the expression: "12 March", "12 March 2024", "October 2025", "2024"."""
    day = mention.date
    if mention.precision == "year":
        return str(day.year)
    if mention.precision == "month":
        return f"{MONTHS[day.month - 1].capitalize()} {day.year}"
    shown = f"{day.day} {MONTHS[day.month - 1].capitalize()}"
    return shown if day.year == anchor.year else f"{shown} {day.year}"


def period_end(date: dt.date, precision: DatePrecision) -> dt.date:
    """The last day a resolved date may mean: the day itself, its month's or its year's last day."""
    if precision == "year":
        return dt.date(date.year, 12, 31)
    if precision == "month":
        return _add_months(date, 1) - dt.timedelta(days=1)
    return date
