"""Places told by their context and by datelines: "the village of X", "X, a town in ...", "LONDON 1996-08-30".

Notes:
    Gazetteers miss small towns and villages, and the model often calls them
    people ("Staouelli", "Ha Pitso"). The sentence around them usually says
    what they are: a place noun before ("the town of X", "residents of X, Y
    and Z", "the capital X"), a lower-case place noun right after ("the
    Donetsk region", "Bela Bela villages") or an appositive ("X, a town in
    ..."). Each cue is read in a few tokens around one mention (no gazetteer
    scan), so it stays cheap.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from generator.lexicon.gazetteer import gazetteer
from generator.lexicon.places import AFTER_NOUNS, BARE_BEFORE, OF_PLACE_NOUNS, PLACE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from generator.extract.entities.build import Group

# Words between "a"/"an" and the place noun of an appositive ("X, a small mining town in ...").
_APPOSITIVE_FILLER = frozenset({"ADJ", "NOUN", "PROPN", "ADV"})
_APPOSITIVE_NEXT = frozenset({"in", "near", "on", "of", "outside", "north", "south", "east", "west", "about",
                              "close", "some", ",", ".", ";", "—", "–", ")"})
MAX_LIST = 8
# Datelines open wire copy: "LONDON 1996-08-30", "KYIV, Ukraine (Reuters) -".
_DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})(?=(?:, ([A-Za-z .]+))? (?:\d{4}-\d\d-\d\d|\())", re.M
)
# Datelines without a date: "NEW DELHI: Pakistan's ...", "KYIV — Ukraine's ...". Capitals and a colon or
# dash also open "UPDATE:" or "WATCH -" lines, so the name must be a listed place.
_BARE_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})(?::| [—–-]) ", re.M)


def _is_name_token(doc: Doc, i: int) -> bool:
    tok = doc[i]
    return tok.text[:1].isupper() and (tok.pos_ == "PROPN" or tok.is_title) and "\n" not in tok.text


def _name_run(doc: Doc, i: int, stop: int) -> int:
    """End of the run of capitalised words (with inner hyphens and "al-") from token i."""
    j = i
    while j < stop and (_is_name_token(doc, j) or (j > i and doc[j].text == "-" and not doc[j - 1].whitespace_)):
        j += 1
    while j > i and doc[j - 1].text == "-":
        j -= 1
    return j


def name_run(doc: Doc, i: int, stop: int) -> int:
    """End of the run of capitalised words from token ``i`` (up to ``stop``): ``i`` if there is none."""
    return _name_run(doc, i, stop)


def name_run_before(doc: Doc, end: int, stop: int) -> int:
    """Start of the run of capitalised words ending before token ``end`` (back to ``stop``): ``end`` if none.

    A sentence's first word is capitalised whatever it is, so it joins the run only as a proper noun.
    """
    j = end
    while j > stop and _is_name_token(doc, j - 1) and not (doc[j - 1].is_sent_start and doc[j - 1].pos_ != "PROPN"):
        j -= 1
    return j


def listed_after_of(doc: Doc, start: int, stop: int) -> list[tuple[int, int]]:
    """The names listed from token ``start``: "Ha Tuke, Mechaling, Ha Pitso and Mokotane" (up to ``stop``)."""
    items: list[tuple[int, int]] = []
    i = start
    while i < stop and len(items) < MAX_LIST:
        end = _name_run(doc, i, stop)
        if end == i or end - i > 4:
            break
        items.append((i, end))
        i = end
        if i < stop and doc[i].text == ",":
            i += 1
        if i < stop and doc[i].lower_ in {"and", "or"}:
            i += 1
        elif not (i > end and i < stop):
            break
    return items


def cued_places(doc: Doc) -> list[tuple[int, int]]:
    """Spans named as places by the words before them: "the town of X", "towns of X and Y", "residents of X"."""
    found: list[tuple[int, int]] = []
    for tok in doc:
        i = tok.i
        noun = doc[i - 1] if i > 0 else tok
        if tok.lower_ == "of" and i > 0 and (noun.is_sent_start or noun.is_lower) and noun.lower_ in OF_PLACE_NOUNS:
            sent_end = tok.sent.end
            found.extend(listed_after_of(doc, i + 1, sent_end))
        elif tok.text in BARE_BEFORE and i + 1 < len(doc) and i > 0 and doc[i - 1].pos_ in {"DET", "ADJ", "PROPN"}:
            end = _name_run(doc, i + 1, tok.sent.end)
            # Proper nouns only: "human capital Management" is no place.
            if i + 1 < end <= i + 4 and all(t.pos_ == "PROPN" for t in doc[i + 1 : end]):
                found.append((i + 1, end))
        elif tok.text in AFTER_NOUNS and i > 0 and doc[i - 1].pos_ == "PROPN" and _is_name_token(doc, i - 1):
            # "Sidhi district", "Pampore area", "Akhnoor town": the names the model left unlabelled too.
            start = i - 1
            while start > 0 and i - start < 3 and doc[start - 1].pos_ == "PROPN" and _is_name_token(doc, start - 1):
                start -= 1
            found.append((start, i))
    return found


def home_town(doc: Doc, start: int, end: int) -> bool:
    """ "Kelly L Clarke, from Vredehoek, said": a name set off by commas after a person's name and "from".

    Why: news introduces people with the place they come from in this
    apposition; the model calls small suburbs there people or organisations
    ("Goodwood", "Melkbosstrand"). The commas on both sides and the capitalised
    name before them are what tell it from "pre-order from Loot and ...".
    """
    if start < 3 or end >= len(doc) or doc[end].text not in {",", "."}:
        return False
    if doc[start - 1].lower_ != "from" or doc[start - 2].text != ",":
        return False
    return doc[start - 3].pos_ == "PROPN" and doc[start - 3].text[:1].isupper()


def place_cue(doc: Doc, start: int, end: int) -> bool:
    """A lower-case place noun right after the name, an appositive "X, a (small) town in ...", or
    a home town ("Patel, from Goodwood, asked")."""
    if end < len(doc) and doc[end].text in AFTER_NOUNS:
        return True
    if home_town(doc, start, end):
        return True
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in {"a", "an"}:
        return False
    i = end + 2
    while i < len(doc) and i - end <= 5:
        tok = doc[i]
        if tok.text in PLACE_NOUNS:
            return i + 1 < len(doc) and doc[i + 1].lower_ in _APPOSITIVE_NEXT
        if tok.pos_ not in _APPOSITIVE_FILLER and tok.text != "-":
            return False
        i += 1
    return False


def bare_datelines(body: str) -> list[tuple[int, int]]:
    """Character spans of the listed places that open a line as a dateline with a colon or dash."""
    return [m.span(1) for m in _BARE_DATELINE.finditer(body) if m.group(1) in gazetteer()]


def datelines(doc: Doc, body: str) -> list[tuple[int, int]]:
    """Token spans of the places in datelines: "LONDON 1996-08-30", "KYIV, Ukraine (Reuters)", "NEW DELHI:"."""
    found = []
    # The state or country after the city ("MILWAUKEE, Wisconsin 1996-08-29") is a place too.
    lines = [m.span(g) for m in _DATELINE.finditer(body) for g in (1, 2) if g == 1 or (m.group(2) or "") in gazetteer()]
    for start, end in lines + bare_datelines(body):
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None and len(span):
            found.append((span.start, span.end))
    return found


def mark_cued_places(doc: Doc, groups: dict[str, Group], add: Callable[[int, int, str], None]) -> None:
    """Vote "place" for each cued span: on the model's name when it is the same span, else as a new name."""
    by_span = {(s, e): g for g in groups.values() for s, e in g.mentions}
    covered = {i for s, e in by_span for i in range(s, e)}
    for start, end in cued_places(doc):
        group = by_span.get((start, end))
        if group is not None:
            group.votes["CUE_PLACE"] += 1
        elif not any(i in covered for i in range(start, end)):
            add(start, end, "CUE_PLACE")
            covered.update(range(start, end))


__all__ = [
    "bare_datelines",
    "cued_places",
    "datelines",
    "listed_after_of",
    "mark_cued_places",
    "name_run",
    "name_run_before",
    "place_cue",
]
