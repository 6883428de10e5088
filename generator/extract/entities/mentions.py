"""Mentions the model missed: given names, gazetteer names, list items and every
later occurrence of a name the article already has.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from generator.extract.budget import check
from generator.extract.entities.acronyms import expansion_spans
from generator.extract.entities.build import Group
from generator.extract.entities.names import name_parts
from generator.extract.entities.readings import is_wide, leads_full_name
from generator.extract.entities.spans import span_words
from generator.lexicon.gazetteer import gazetteer
from generator.lexicon.organizations import is_org_name
from generator.lexicon.people import NOT_NAMES, PARTICLE_LEADS, given_names, is_surname_like, is_title, more_given_names
from generator.lexicon.places import demonyms, place_head
from generator.lexicon.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc


def expansion_mentions(doc: Doc, groups: dict[str, Group], add: Callable[[int, int, str], None]) -> None:
    """A name the article spells out before its acronym is one name, whatever pieces the model made of it.

    Why: the model cuts long names at "and" or "of" ("Nursing and Midwifery
    Council (NMC)" labelled "Midwifery Council", "London International
    Financial Futures and Options Exchange (LIFFE)" as two organisations);
    the bracketed acronym whose letters are the name's initials says where
    the name starts. The pieces lose those mentions to the whole name.
    """
    for start_char, end_char in expansion_spans(doc.text):
        span = doc.char_span(start_char, end_char, alignment_mode="contract")
        if span is None or len(span) < 2:
            continue
        start, end = span.start, span.end
        if any((start, end) in g.mentions for g in groups.values()):
            continue
        pieces = [g for g in groups.values() if any(s < end and start < e for s, e in g.mentions)]
        # Only where the model found a name inside it and nothing reaching out of it.
        if not pieces or any(s < start or e > end for g in pieces for s, e in g.mentions if s < end and start < e):
            continue
        for g in pieces:
            g.mentions = [(s, e) for s, e in g.mentions if not (s < end and start < e)]
        add(start, end, "ORG")


LIST_SEPARATORS = frozenset({",", ";", "(", ")", ":", "-", "–", "—", "."})


def given_name_mentions(doc: Doc, groups: dict[str, Group], add: Callable[[int, int, str], None]) -> None:
    """A common given name plus capitalised words is a person ("Laurent Cabannes", "Josh Kronfeld", "Amit Mehrotra")."""
    given, more = given_names(), more_given_names()
    known = {(s, e): g for g in groups.values() for s, e in g.mentions}
    covered = {i for s, e in known for i in range(s, e)}
    for tok in doc:
        after_name = tok.i > 0 and doc[tok.i - 1].text[:1].isupper() and tok.i - 1 not in covered
        if (tok.text not in given and tok.text not in more) or after_name:
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i < 3 and is_surname_like(doc[end].text) and doc[end].pos_ == "PROPN":
            end += 1
        if end == tok.i + 1 or is_org_name(doc[tok.i : end].text) or place_head(doc[tok.i : end].text):
            continue
        if tok.text not in given and not leads_full_name([t.text for t in doc[tok.i : end]]):
            continue
        if (tok.i, end) in known:
            known[(tok.i, end)].votes["CUE_PERSON"] += 1
        elif not any(i in covered for i in range(tok.i, end)):
            add(tok.i, end, "PERSON")
            groups[" ".join(span_words(doc, tok.i, end))].votes["CUE_PERSON"] += 1


def gazetteer_mentions(
    doc: Doc, groups: dict[str, Group], add: Callable[[int, int, str], None], caps: set[int]
) -> None:
    """Proper nouns the model left unlabelled that name a country, a listed place or a big city ("Kyiv has ...")."""
    gaz = gazetteer()
    covered = {i for g in groups.values() for s, e in g.mentions for i in range(s, e)}
    i = 0
    while i < len(doc):
        if i in covered or i in caps or doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
            i += 1
            continue
        for n in (3, 2, 1):
            span = doc[i : i + n]
            if len(span) < n or any(j in covered for j in range(i, i + n)) or not stands_alone(doc, i, i + n):
                continue
            if any(is_wide(r) for r in gaz.lookup(span.text)) and fold(span.text) not in NOT_NAMES:
                add(i, i + n, "GAZ")
                covered.update(range(i, i + n))
                i += n - 1
                break
        i += 1


def _inner_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen inside one word ("Anna-Maja", "Smith-Spark"): no separator, unlike "6 - Tolunay Kafkas"."""
    return doc[i].text == "-" and i > 0 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _segments(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a list inside one sentence: runs of tokens between commas, semicolons and "and".

    A possessive also ends an item: in "CNN's Vasco Cotovio, Kareem Khadder and
    Faith Karimi contributed" the first person is "Vasco Cotovio", not the outlet's.
    """
    out, s = [], start
    for i in range(start, end + 1):
        if (
            i == end
            or (doc[i].text in LIST_SEPARATORS and not _inner_hyphen(doc, i))
            or doc[i].lower_ in {"and", "'s", "’s"}
            or "\n" in doc[i].text
        ):
            # Shirt numbers and minutes ("6 - Tolunay Kafkas", "57th") are no items.
            if s < i and any(t.is_alpha for t in doc[s:i]):
                out.append((s, i))
            s = i + 1
    return out


def _name_head(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A list's last item up to its first lower-case word: the last item of "..., Kareem Khadder and Faith
    Karimi contributed to this report" is "Faith Karimi". An item that starts in lower case is left whole."""
    for i in range(start + 1, end):
        tok = doc[i]
        if tok.is_alpha and tok.is_lower and tok.lower_ not in PARTICLE_LEADS and not _inner_hyphen(doc, i - 1):
            return (start, i)
    return (start, end)


def list_people(doc: Doc, groups: dict[str, Group], add: Callable[[int, int, str], None]) -> None:
    """Names listed beside people are people ("Alpay Ozalan, Hakan Sukur, Tolunay Kafkas").

    Team sheets and lists of officials are where the model misses most names;
    an item counts only when it is two or three capitalised words and a
    neighbouring item is a person.
    """
    for _ in range(3):  # each pass reaches one item further along the list
        if not _list_pass(doc, groups, add):
            break


def _list_pass(doc: Doc, groups: dict[str, Group], add: Callable[[int, int, str], None]) -> bool:
    changed = False
    by_span = {(s, e): g for g in groups.values() for s, e in g.mentions}
    mentioned = {i for s, e in by_span for i in range(s, e)}
    for sent in doc.sents:
        check()
        items = _segments(doc, sent.start, sent.end)
        if items:  # the last item may run on into the sentence's verb
            items[-1] = _name_head(doc, *items[-1])
        people = [by_span.get(item) is not None and by_span[item].kind == "person" for item in items]
        if sum(people) < 2:
            continue
        for n, (s, e) in enumerate(items):
            neighbour = (n > 0 and people[n - 1]) or (n + 1 < len(items) and people[n + 1])
            hyphens = sum(_inner_hyphen(doc, i) for i in range(s, e))
            if people[n] or not neighbour or not 2 <= e - s - 2 * hyphens <= 3:
                continue
            if not all(
                is_surname_like(t.text) or t.lower_ in PARTICLE_LEADS or _inner_hyphen(doc, t.i)
                or (t.i > s and _inner_hyphen(doc, t.i - 1))  # "Maja" of "Anna-Maja"
                for t in doc[s:e]
            ):
                continue
            group = by_span.get((s, e))
            if group is None:
                if any(i in mentioned for i in range(s, e)):
                    continue
                add(s, e, "PERSON")
                group = groups[" ".join(span_words(doc, s, e))]
            elif group.readings or is_org_name(group.text):
                continue
            group.kind = "person"
            changed = True
    return changed


def propagate(doc: Doc, groups: dict[str, Group], covered: set[int], caps: set[int]) -> None:
    """Add the mentions the model missed: every other occurrence of a known name or surname."""
    forms: dict[tuple[str, ...], Group] = {}
    for g in groups.values():
        if g.kind is not None and len("".join(g.words)) > 1:
            forms.setdefault(g.words, g)
    for g in list(groups.values()):
        if g.kind == "person":
            for part in name_parts(list(g.words), first=False):
                if part not in forms and fold(" ".join(part)) not in demonyms():
                    key = " ".join(part)
                    forms[part] = groups.setdefault(key, Group(text=key, words=part, kind="person"))
    longest = max((len(w) for w in forms), default=0)
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in covered or not (tok.text[:1].isupper() or i in caps):
            i += 1
            continue
        for n in range(min(longest, len(doc) - i), 0, -1):
            group = forms.get(span_words(doc, i, i + n))
            if group is None or any(j in covered for j in range(i, i + n)):
                continue
            if i not in caps and not stands_alone(doc, i, i + n):
                continue
            group.mentions.append((i, i + n))
            covered.update(range(i, i + n))
            i += n - 1
            break
        i += 1


def stands_alone(doc: Doc, start: int, end: int) -> bool:
    """A match is a whole name, not part of a longer one ("Such" at a sentence start is a word)."""
    if end < len(doc) and doc[end].text[:1].isupper() and not doc[end].is_sent_start and doc[end].pos_ == "PROPN":
        return False
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.pos_ == "PROPN" and not before.is_sent_start and not is_title(before.text):
        return False
    return not (end - start == 1 and doc[start].is_sent_start and doc[start].pos_ != "PROPN")
