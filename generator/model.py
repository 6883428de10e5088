"""The data model: what one article becomes, independent of spaCy.

Every span is a character offset pair into ``Article.body`` together with the
text it covers, so templates, golden files and caches never need a live
``Doc`` and ``body[start:end] == text`` can be checked anywhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from generator.printable import printable

QuoteKind = Literal["direct", "mixed", "indirect"]
EntityKind = Literal["person", "place", "organization"]
SourceKind = Literal[
    "person",
    "unnamed",
    "government",
    "organization",
    "news_outlet",
    "state_media",
    "document",
    "social_media",
]
SourceFlag = Literal[
    "unverified",
    "disputed",
    "denied",
    "first_reported",
    "loaded_cue",
    "one_sided",
    "state_media",
]

DatePrecision = Literal["day", "month", "year"]
"""How much of a resolved date the text means: "last month" is a month, not its first day."""

ENTITY_KINDS: tuple[EntityKind, ...] = ("person", "place", "organization")


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A stretch of the article body: ``body[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One input article after ingest: metadata plus the decoded body."""

    path: str
    slug: str
    body: str
    paragraphs: tuple[Span, ...]
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    headline: Span | None = None
    """The headline line inside the body of a ``.txt`` file, if it has one."""
    warnings: tuple[str, ...] = ()

    def paragraph_of(self, offset: int) -> int:
        """1-based number of the paragraph holding ``offset`` (0 if none)."""
        for number, para in enumerate(self.paragraphs, start=1):
            if para.start <= offset < para.end:
                return number
        return 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """A person, place or organisation as seen in one article."""

    name: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    subtype: str | None = None
    """Place: country, region, city, village...; organisation: government, news_outlet..."""
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    evidence: tuple[str, ...] | None = None
    """What besides the model's label says the name is of its kind ("repeated", "role", "listed",
    "head", "gazetteer", "cue", "given-name", "acronym", "town", "agent"). Empty for a name the model
    labelled once with nothing else behind it, which stays plain text on the site until another
    article names it (``generator.site.evidence``); None when nobody assessed it (an entity
    made by hand), which is taken on trust."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """Reported speech: ``text`` is verbatim ``body[start:end]``."""

    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None
    speaker_span: Span | None = None
    """Where the speaker is named for this quote, as written (may be a pronoun or surname): for a
    quote carrying on the previous speaker, where that speaker was named; when the resolver
    abstains, the subject it could not name ("they"), with ``speaker`` None."""
    cue: str | None = None
    role: str | None = None
    cue_span: Span | None = None
    """Where the cue of this quote's attribution is written. A quotation with no cue of its own that
    carries on the quote before it in its paragraph ("'A,' he said. 'B.'") shares that quote's cue:
    two quotes here, one attribution (source, cue, content in two parts) as attribution corpora
    such as PolNeAR count it."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """An attributed claim with where it comes from and how far to trust it."""

    source: str
    kind: SourceKind
    via: str | None = None
    claim: Span | None = None
    cue: str | None = None
    flags: tuple[SourceFlag, ...] = ()
    role: str | None = None
    source_span: Span | None = None
    """Where the text names the source for this claim, as written ("he", "who", "a spokesman"):
    ``source`` is the resolved name, this the mention it was resolved from."""
    subject: str | None = None
    """What the claim is about when its words lack a subject ("the city, which officials say is
    in a dire state": "the city"), as written; shown in square brackets (``sourcing/subjects.py``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """A key fact: a sentence or clean shortening taken from the article."""

    text: str
    start: int
    end: int
    source: str | None = None
    date: dt.date | None = None
    """The date a relative expression in the fact resolves to, when known."""
    date_precision: DatePrecision = "day"
    """Whether ``date`` means that day, its month or its year."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ResolvedDate:
    """A relative date expression in the summary or a fact ("on Wednesday") and the date it means."""

    expression: Span
    date: dt.date
    precision: DatePrecision = "day"
    note: str
    """What a reader is shown after the expression: "12 March", "October 2025"."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEvent:
    """A dated event: a relative or absolute date expression resolved."""

    date: dt.date
    expression: Span
    sentence: Span
    precision: DatePrecision = "day"
    """Whether ``date`` means that day, its month ("last month") or its year ("in 2022")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Brief:
    """Everything extracted from one article; the unit the renderer works on."""

    article: Article
    title: str
    summary: tuple[Span, ...] = ()
    facts: tuple[Fact, ...] = ()
    """The key facts: what an editor's three or four bullets would say."""
    more_facts: tuple[Fact, ...] = ()
    """Further points of a longer story, ranked below the key facts (past their reading budget)."""
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    people: tuple[Entity, ...] = ()
    places: tuple[Entity, ...] = ()
    organizations: tuple[Entity, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    dates: tuple[ResolvedDate, ...] = ()
    """Relative dates in the summary and facts, resolved against the article's date."""

    @property
    def entities(self) -> tuple[Entity, ...]:
        return self.people + self.places + self.organizations


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """Something wrong with one input file, reported without stopping the build."""

    path: str
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        # One line whatever the file is called: a newline or escape code in a name forges no line.
        return printable(f"{self.path}: {self.severity}: {self.message}")


@dataclass(slots=True)
class Report:
    """What a build did: pages written, kept, removed, and the problems found."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    briefs: int = 0
