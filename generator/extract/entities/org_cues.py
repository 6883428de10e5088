"""Names the sentence itself calls news outlets: "the daily Sueddeutsche Zeitung",
"the official newspaper Granma", "Liberte newspaper said", "Geo news channel".

Notes:
    Foreign and small outlets are in no list and the model calls them people
    or places ("Granma", "Zycie Warszawy", "Prensa Latina"); the lower-case
    noun beside them says what they are, as "the town of" does for places. A
    place name before the noun is left alone ("New York magazine" must not
    turn every "New York" of the article into an organisation); after it
    ("the newspaper Granma") the noun is the name's own apposition.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from generator.extract.entities.build import Group
from generator.extract.entities.place_cues import name_run, name_run_before
from generator.lexicon.gazetteer import gazetteer
from generator.lexicon.organizations import NEWS_HEADS, ORG_CUE_NOUNS, OUTLET_NOUNS, WORK_CUE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc

MAX_WORDS = 4
"""An outlet's name is short; a longer run is a headline or a list."""
_NEWS_BEFORE = frozenset({"channel", "agency", "website", "network"})
"""Nouns that name an outlet after "news" ("Geo news channel"), not alone ("the Suez channel")."""


_REPORTS = frozenset({"reports", "reported"})
"""A capital-letter abbreviation that reports, or after "reports", is an outlet: "TMZ reports", "reports TMZ"."""


def _abbreviation(doc: Doc, i: int) -> bool:
    tok = doc[i]
    return tok.is_upper and tok.is_alpha and 2 <= len(tok.text) <= 6


def cued_outlets(doc: Doc) -> list[tuple[int, int, bool]]:
    """Token spans of the names right after (True) or right before (False) an outlet noun written in lower case."""
    found: list[tuple[int, int, bool]] = []
    for tok in doc:
        i = tok.i
        before_news = tok.text in _NEWS_BEFORE and i > 0 and doc[i - 1].text == "news"
        if tok.text in OUTLET_NOUNS:
            end = name_run(doc, i + 1, tok.sent.end)
            if i + 1 < end <= i + 1 + MAX_WORDS:
                found.append((i + 1, end, True))
        # "told The Sun", "in The Times": a capital "The" inside a sentence before a masthead word.
        if tok.text == "The" and not tok.is_sent_start and i > 0 and "\n" not in doc[i - 1].whitespace_:
            end = name_run(doc, i + 1, tok.sent.end)
            if i + 1 < end <= i + 1 + MAX_WORDS and doc[end - 1].lower_ in NEWS_HEADS:
                found.append((i + 1, end, True))
        if tok.lower_ in _REPORTS:
            for j in (i - 1, i + 1):
                if 0 <= j < len(doc) and _abbreviation(doc, j):
                    found.append((j, j + 1, True))
        if tok.text in OUTLET_NOUNS or before_news:
            last = i - 1 - before_news
            start = name_run_before(doc, last + 1, tok.sent.start)
            if start <= last and last + 1 - start <= MAX_WORDS:
                found.append((start, last + 1, False))
    return found


def mark_cued_outlets(doc: Doc, groups: dict[str, Group], add: Callable[[int, int, str], None]) -> None:
    """Vote "outlet" for each cued span: on the model's name when it is the same span, else as a new name."""
    by_span = {(s, e): g for g in groups.values() for s, e in g.mentions}
    covered = {i for s, e in by_span for i in range(s, e)}
    for start, end, after in cued_outlets(doc):
        if not after and doc[start:end].text in gazetteer():
            continue
        group = by_span.get((start, end))
        if group is not None:
            group.votes["CUE_OUTLET"] += 1
        elif not any(i in covered for i in range(start, end)):
            add(start, end, "CUE_OUTLET")
            covered.update(range(start, end))


def org_cue(doc: Doc, start: int, end: int) -> bool:
    """The name follows a lower-case noun that describes it as an organisation: "investment firm Grant
    Samuel", "mining firm WMC Resources", "the band Metallica", "supermarket Tesco".

    Why: the model calls companies, bands and charities named like people or
    places people or places ("Grant Samuel", "Xstrata"); the noun before the
    name says what it is, as "the town of" says a place. Only where the parse
    makes the noun a modifier of the name or the name its apposition: in "the
    company Musk bought" the name is the subject of another clause.
    """
    return _described(doc, start, end, ORG_CUE_NOUNS, appos=False)


def work_cue(doc: Doc, start: int, end: int) -> bool:
    """The name follows a lower-case noun that describes it as a work: "her new album The Tortured Poets
    Department", "the game Black & White", "Markle's blog The Tig".

    Why: the model labels titles of albums, games, blogs and plays
    organisations (issue 12: products and events get no page); the noun
    before the title says what it is.
    """
    return _described(doc, start, end, WORK_CUE_NOUNS, appos=True)


def _described(doc: Doc, start: int, end: int, nouns: frozenset[str], *, appos: bool) -> bool:
    """The token before the name is one of ``nouns``, a noun that the parse makes a modifier of the name
    ("investment firm Grant Samuel": "firm" a compound of "Samuel") or, with ``appos``, of which the name
    is the apposition ("her album The Tortured Poets Department"). The parse reads "the company Elon Musk
    bought" so too, so an organisation needs the modifier; a work's rule keeps people out by itself."""
    if start > 1 and doc[start - 1].lower_ == "the":  # "the album The Tortured Poets Department"
        start -= 1
    if start == 0 or doc[start - 1].text not in nouns or "\n" in doc[start - 1].whitespace_:
        return False
    cue, root = doc[start - 1], doc[start:end].root
    if cue.pos_ != "NOUN":
        return False
    return start <= cue.head.i < end or (appos and root.head.i == cue.i and root.dep_ in {"appos", "compound"})


_QUOTES = frozenset("\"“”")
"""Double quotes only: a single one is as often an apostrophe ("Teachers' Union")."""
_TITLE_REACH = 8
"""Tokens a quoted title may run on either side of the name."""


def quoted_title(doc: Doc, start: int, end: int) -> bool:
    """The name stands inside a short quoted title of capitalised words: “So High School,”, "Harry Potter and
    the Order of the Phoenix".

    Why: songs, books and films are quoted in news copy, organisations are
    not; the model labels words of such titles organisations. Two words at
    least, every word capitalised or a small word, on one line.
    """
    left = next((i for i in range(start - 1, max(start - 1 - _TITLE_REACH, -1), -1) if doc[i].text in _QUOTES), None)
    if left is None:
        return False
    right = next((i for i in range(end, min(end + _TITLE_REACH, len(doc))) if doc[i].text in _QUOTES), None)
    if right is None:
        return False
    words = [t for t in doc[left + 1 : right] if t.is_alpha]
    if len(words) < 2 or "\n" in doc[left:right].text:
        return False
    between = doc[left + 1 : right]
    if any(t.text in _QUOTES or (t.is_punct and t.text not in {",", ".", "!", "?", "&", "-", ":"}) for t in between):
        return False
    return all(t.text[:1].isupper() or t.lower_ in _SMALL for t in words)


_SMALL = frozenset({"a", "an", "the", "of", "and", "in", "on", "at", "to", "for", "or", "with", "by", "from"})


__all__ = ["cued_outlets", "mark_cued_outlets", "org_cue", "quoted_title", "work_cue"]
