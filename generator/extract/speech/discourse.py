"""What the speaker resolver knows of one article, shared by its parts.

Notes:
    The resolver is one object per article (``speakers.Resolver``) built from
    parts with one job each: names and subjects (``speakers``), pronouns by
    agreement and salience (``pronouns``), definite descriptions
    (``descriptions``), documents' authors (``documents``) and the unnamed
    people an indefinite or a headline introduces (``introductions``). This
    module holds what they share: the ``Speaker`` they return, the parse
    labels they read, and ``Discourse``, the state of
    the article (its people, who spoke where, what was left unnamed) with
    the few operations every part calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from generator.lexicon.speech import SPEECH_VERBS

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token

    from generator.extract.spans import SpanIndex
    from generator.extract.speech.people import PeopleIndex
    from generator.model import Article, Entity, Span
    from generator.nlp import Parsed

SpeakerKind = Literal["person", "group", "organization", "place", "other"]

MAX_SOURCE_CHARS = 160
"""An unnamed source longer than this is a misparse, not a description."""
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
NAME_LABELS = PLACE_LABELS | {"PERSON", "ORG"}
"""Entity labels of names; a date or number ("the 45-year-old") is no name."""
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
"""Entity labels of dates and numbers: a subject inside one is a misparse, never a speaker."""
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
NAME_DEPS = frozenset({"compound", "flat", "nmod"})


class Range(NamedTuple):
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    """A resolved speaker: canonical name, where it is mentioned, and a role."""

    name: str
    span: Span
    kind: SpeakerKind
    role: str | None = None


def is_heading(text: str) -> bool:
    """A short line with no sentence punctuation: a crosshead, not prose."""
    return len(text.split()) <= 12 and text.rstrip()[-1:] not in ".!?\"\u201d"


class Discourse:
    """The state of one article's resolution and the operations every part uses.

    ``speakers.Resolver`` sets the state in its constructor and implements
    the operations; the parts (``pronouns``, ``descriptions``) read both.
    """

    parsed: Parsed
    doc: Doc
    article: Article
    organizations: tuple[Entity, ...]
    acronyms: dict[str, str]
    """Acronyms the article expands ("DFO" -> "Fisheries and Oceans Canada")."""
    people_names: frozenset[str]
    """Names of the article's people as the entity list has them."""
    forms: list[tuple[int, tuple[str, ...]]]
    """Every full form a person is given, with the offset of its first use."""
    roles: dict[str, str]
    genders: dict[str, str]
    index: PeopleIndex
    mentions: list[tuple[int, str]]
    quote: tuple[int, int] | None
    """The quotation being attributed: a person it names in the third person is not its speaker."""
    titled: list[tuple[int, str, str]]
    said: dict[tuple[int, str], Speaker]
    authors: list[tuple[int, Speaker]]
    """Authors found for documents ("the memo" -> its author), by offset: later nouns for it."""
    history: list[tuple[int, Speaker]]
    surnames: set[str]
    """Last words of the full names the article gives."""
    unknown: list[int]
    unknown_people: list[int]
    _in_quote: SpanIndex[Range]

    def namelike(self, token: Token) -> bool:
        """The token is (the last word of) a name: tagged a person, a proper noun, or a known surname.

        The tagger reads a surname opening a paragraph as a plural common noun
        ("Rhoads and her colleague Matthew Walton ... have been teaching":
        "Rhoads" a NOUN, lemma "rhoad"); the article's own full names say it is
        a person put on stage.
        """
        if token.ent_type_ == "PERSON" or token.pos_ == "PROPN":
            return True
        return token.pos_ == "NOUN" and token.text[:1].isupper() and token.text in self.surnames

    def reported(self, subject: Token) -> bool:
        """The subject's clause is the complement of a speech verb (someone's reported words).

        On the same line only: a complement reaching back over a paragraph
        break ("... he's saying it.\" / 17-year-old Jared Potts echoed:") is
        a misparse, and its subject a new person on stage.
        """
        clause = subject.head
        return (clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SPEECH_VERBS
                and self.parsed.same_line(clause.head, subject))

    def _proper(self, token: Token) -> Speaker | None:
        raise NotImplementedError

    def _subject(self, token: Token) -> Speaker | None:
        raise NotImplementedError

    def _common(self, token: Token) -> Speaker | None:
        raise NotImplementedError

    def _fulls(self, words: tuple[str, ...]) -> set[tuple[str, ...]]:
        raise NotImplementedError

    def _salient_person(self, token: Token, pronoun: str | None = None) -> Speaker | None:
        raise NotImplementedError

    def heading_title(self, token: Token, agrees: Callable[[str | None], bool]) -> Speaker | None:
        raise NotImplementedError

    def distance(self, earlier: int, later: int) -> int:
        raise NotImplementedError

    def _named_in_quote(self, name: str) -> bool:
        raise NotImplementedError

    def _described_person(self, token: Token) -> bool:
        raise NotImplementedError

    def continuing(self, offset: int, quote: tuple[int, int] | None = None) -> Speaker | None:
        raise NotImplementedError

    def _first_mention_in(self, name: str, offset: int) -> bool:
        raise NotImplementedError

    def _unknown_between(self, earlier: int, later: int) -> bool:
        raise NotImplementedError

    @staticmethod
    def _impersonal(token: Token) -> bool:
        raise NotImplementedError
