"""The model's entity spans cut into names: split where one span joins two names,
trim what is no part of a name (articles, titles, possessives, dates).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.entities.readings import is_given
from generator.lexicon.gazetteer import gazetteer
from generator.lexicon.grammar import LEADING_NOISE
from generator.lexicon.organizations import (
    LEGAL_FORMS,
    NATIONAL_GOVERNMENT_WORDS,
    NUMBERED_ORGS,
    ORG_HEADS,
    WEAK_ORG_HEADS,
    is_org_name,
    known_orgs,
)
from generator.lexicon.people import (
    PARTICLE_LEADS,
    POST_NOMINALS,
    ROLE_NOUNS,
    given_names,
    is_courtesy,
    is_surname_like,
    is_title,
    more_given_names,
)
from generator.lexicon.places import NUMBERED_ROADS, demonyms
from generator.lexicon.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _is_split(doc: Doc, i: int, start: int, end: int) -> bool:
    """A token inside a model span that separates two names ("Magna's North American", "GERMANY - Bunds")."""
    tok = doc[i]
    if legal_form_after_comma(doc, i) and i + 2 == end:  # "Apple, Inc.": one name
        return False
    # "AC/DC": a slash inside one word of capitals joins it ("Royal Parade/Mayflower Street" are two).
    attached = i > start and i + 1 < end and not doc[i - 1].whitespace_ and not tok.whitespace_
    if tok.text == "/" and attached and doc[i - 1].is_upper and doc[i + 1].is_upper:
        return False
    # "Yorkshire at Headingley": no name holds a lower-case "at".
    if "\n" in tok.text or tok.text in {"(", ")", ",", ";", "/"} or (tok.text in {"or", "at"} and i > start):
        return True
    # "Furness General Hospital in Cumbria": a name ends at its head word; "Organisation
    # for Security and Cooperation in Europe" has none before the "in".
    if tok.text == "in" and i > start and fold(doc[i - 1].text) in ORG_HEADS:
        return True
    if tok.text in {"-", "—", "–"} and tok.whitespace_ and i > start and doc[i - 1].whitespace_:
        return True
    # "Patient A. Ms Hamilton": a courtesy title inside a span starts another name.
    if i > start and i + 1 < end and is_courtesy(tok.text) and doc[i + 1].text[:1].isupper():
        return True
    # "Laurent Cabannes and Laurent Benezech": two names of two words or more each.
    if tok.lower_ == "and" and i - start >= 2 and end - i > 2 and doc[i + 1].text in given_names():
        return True
    return (
        tok.lower_ in {"'s", "’s"}
        and i + 1 < end
        and doc[i + 1].text[:1].isupper()
        and doc[i - 1].lower_ != "people"  # "People's Republic of China"
        # "Liverpool Women's Hospital", "St John's College": one head word after the
        # possessive ends the name itself ("Russia's Defence Ministry" has two).
        and not (i + 2 == end and fold(doc[i + 1].text) in ORG_HEADS and fold(doc[i - 1].text) not in gazetteer())
    )


_VIDEO_CUES = frozenset({"Watch"})
"""Imperatives that open a news site's video link ("Watch Snow talk about Bush's procedure"), which
the model reads into the name of the person the video shows."""


def _video_cue(doc: Doc, i: int) -> bool:
    """A video link's imperative at the start of a sentence or line, before a capitalised name."""
    first = doc[i].is_sent_start or (i > 0 and "\n" in doc[i - 1].text)
    return first and doc[i].text in _VIDEO_CUES and doc[i + 1].text[:1].isupper()


def _occupation_first(doc: Doc, i: int) -> bool:
    """ "Broker Khurshid Alam said": an occupation noun capitalised only because it starts the
    sentence, before a capitalised name, is no part of it ("Dean Smith" keeps his given name)."""
    first = doc[i].is_sent_start or (i > 0 and "\n" in doc[i - 1].text)
    word = doc[i].text
    return (
        first and fold(word) in ROLE_NOUNS and not is_given(word) and word[1:].islower()
        and doc[i + 1].text[:1].isupper()
    )


def trim(doc: Doc, start: int, end: int, *, keep_whole: bool, label: str) -> list[tuple[int, int]]:
    """Split a model span where it joins several names, and trim what is no part of a name."""
    if keep_whole:  # a listed name, less a lower-case "the" ("according to the Washington Post")
        return [(start + (doc[start].text == "the" and end - start > 1), end)]
    pieces: list[tuple[int, int]] = []
    s = start
    for i in range(start, end + 1):
        if i == end or _is_split(doc, i, start, end):
            if s < i:
                pieces.append((s, i))
            s = i + 1
    out = []
    for s, e in pieces:
        # Leading articles, numbers, months, "ex-", titles and, before a person or
        # place, nationality words ("Belgian King Baudouin" → "Baudouin"; but
        # "Russian Ministry of Defense" keeps its adjective).
        while (
            s < e
            and (
                doc[s].lower_ in LEADING_NOISE
                or doc[s].is_punct
                or (doc[s].like_num and not _ordinal_lead(doc, s, e, label))
                or (
                    s + 1 < e
                    and doc[s + 1].text[:1].isupper()
                    and (
                        (label == "PERSON" and is_title(doc[s].text))
                        or (
                            fold(doc[s].text) in demonyms()
                            and e - s > 2
                            # "the Finnish Civil Defence" is the Finnish body's name;
                        # "American Dennis Mitchell" is nobody's.
                            and (label != "ORG" or is_given(doc[s + 1].text))
                            and not is_org_name(doc[s + 1 : e].text)
                        )
                    )
                )
                or (doc[s].text[:1].islower() and doc[s].lower_ not in PARTICLE_LEADS)
                or (label == "PERSON" and s + 1 < e and _video_cue(doc, s))
                or (label == "PERSON" and s + 1 < e and _occupation_first(doc, s))
            )
        ):
            s += 1
        # "the Kueneng and Mapoteng Principal Chief": a role word before another role word is
        # the start of a title, no part of the name.
        while (
            label == "PERSON"
            and e - s > 1
            and e < len(doc)
            and fold(doc[e - 1].text).rstrip(".") in ROLE_NOUNS
            and fold(doc[e].text).rstrip(".") in ROLE_NOUNS
        ):
            e -= 1
        # "Councillor Afrasiab Anwar MBE": letters of an honour after a full name.
        while label == "PERSON" and e - s > 2 and doc[e - 1].is_upper and fold(doc[e - 1].text) in POST_NOMINALS:
            e -= 1
        # Trailing possessives, punctuation, dates, lower-case words ("Interfax news agency").
        while e > s and (
            doc[e - 1].lower_ in {"'s", "’s", "'", "’"}
            or doc[e - 1].is_punct
            or (doc[e - 1].like_num and not _road_number(doc, s, e))
            or (doc[e - 1].text[:1].islower() and not _hyphen_tail(doc, s, e))
            or (re.fullmatch(r"[\d/\-]+", doc[e - 1].text) and not _road_number(doc, s, e))
        ):
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _ordinal_lead(doc: Doc, s: int, e: int, label: str) -> bool:
    """A capitalised ordinal word opening an organisation's name is part of it ("First Union",
    "Third Bridge", "First Chicago NBD Corp."); before a person or a date it is not ("First Lady")."""
    word = doc[s]
    return label == "ORG" and word.is_title and word.is_alpha and s + 1 < e and doc[s + 1].text[:1].isupper()


def _road_number(doc: Doc, s: int, e: int) -> bool:
    """The number of "Interstate 80" or "Highway 287" is part of the road's name, as a union local's
    number is of its name ("Teamsters Local 90", "UAW Local 600")."""
    if e - s < 2 or not doc[e - 1].text.isdigit():
        return False
    return fold(doc[e - 2].text) in NUMBERED_ROADS or doc[e - 2].text == "Local" or _numbered_org(doc, e - 2)


def _numbered_org(doc: Doc, i: int) -> bool:
    """ "Radio 4", "Channel 4": a capitalised broadcaster word then a number of one or two digits is one name."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return (
        doc[i].text[:1].isupper()
        and fold(doc[i].text) in NUMBERED_ORGS
        and nxt is not None
        and nxt.text.isdigit()
        and len(nxt.text) <= 2
    )


def _hyphen_tail(doc: Doc, s: int, e: int) -> bool:
    """The lower-case end of a hyphenated given name ("Li Song-ho", "Kang Young-hoon") is part of it;
    a participle after the hyphen makes the name a modifier, no part of it ("Taylor Swift-themed")."""
    attached = e - s >= 3 and doc[e - 2].text == "-" and not doc[e - 2].whitespace_ and not doc[e - 3].whitespace_
    tail = doc[e - 1]
    return attached and not (tail.pos_ in {"VERB", "ADJ"} and tail.lower_.endswith(("ed", "ing")))


def before_title(doc: Doc, end: int) -> bool:
    return end < len(doc) and is_title(doc[end].text) and not is_courtesy(doc[end].text)


def span_words(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """The folded words a name is grouped by; "Kelce‘s" (a possessive typed with an opening quote,
    which the tokenizer leaves on the word) is the same name as "Kelce"."""
    return tuple(fold(t.text.removesuffix("‘s")) if len(t.text) > 3 else fold(t.text) for t in doc[start:end])


def joined_given_names(doc: Doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The model's spans with a given name it cut off a person's name joined back on.

    Why: the model sometimes labels "Imran" apart (as an organisation, or not at
    all) and "Khan" as the person; a capitalised common given name right before
    a person span, with no other name of its own, is that person's first name.
    The joined span replaces both, so neither half gets a page of its own.
    """
    given = given_names()
    by_end = {e: n for n, (_, e, _) in enumerate(ents)}
    dropped: set[int] = set()
    out = list(ents)
    for n, (start, end, label) in enumerate(ents):
        if label != "PERSON" or start == 0 or end - start != 1:
            continue
        first = doc[start - 1]
        # The curated list or the birth counts ("Margot", which the model took for a place).
        if not (first.text in given or is_given(first.text)) or first.is_sent_end:
            continue
        before = by_end.get(start)  # the given name as a one-word span of its own ("Imran" ORG)
        if before is not None and (ents[before][0] != start - 1 or ents[before][2] == "PERSON"):
            continue
        if before is None and any(s <= start - 1 < e for s, e, _ in ents):
            continue
        if before is not None:
            dropped.add(before)
        out[n] = (start - 1, end, label)
    return [span for n, span in enumerate(out) if n not in dropped]


_OPEN_QUOTES = frozenset({"'", "‘", '"', "“"})
_CLOSE_QUOTES = frozenset({"'", "’", '"', "”"})
MAX_NICKNAME = 4
"""Words of a nickname written inside a name ("Roberto 'Hands of Stone' Duran")."""


def _nickname_end(doc: Doc, i: int) -> int | None:
    """Index of the quote closing a nickname opened at ``i`` ("'Chickadee'", "‘Babe’"), if it is one."""
    if doc[i].text not in _OPEN_QUOTES or i + 2 >= len(doc) or doc[i].whitespace_ or not doc[i - 1].whitespace_:
        return None
    j = i + 1
    while j < len(doc) and j - i <= MAX_NICKNAME and doc[j].text not in _CLOSE_QUOTES:
        if "\n" in doc[j].text or not (doc[j].text[:1].isupper() or doc[j].lower_ in {"of", "the"}):
            return None
        j += 1
    if j >= len(doc) or j == i + 1 or doc[j].text not in _CLOSE_QUOTES or doc[j - 1].whitespace_:
        return None
    return j


def joined_nicknames(doc: Doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A given name, a nickname in quotes and a surname are one person's name ("Anna 'Chickadee' Cardwell",
    "Mildred ‘Babe’ Didrikson", "Lee 'Uncle Poodle' Thompson").

    Why: the model labels the pieces apart (or the nickname as a person of its own), so
    the given name became a page of its own and the nickname another; the whole is
    how the article names the person once, and its given name and surname join it.
    """
    people = {i for s, e, label in ents if label == "PERSON" for i in range(s, e)}
    more = more_given_names()
    joined: list[tuple[int, int]] = []
    for i in range(1, len(doc) - 3):
        given = doc[i - 1]
        if not given.text[:1].isupper() or not (i - 1 in people or is_given(given.text) or given.text in more):
            continue
        close = _nickname_end(doc, i)
        if close is None or close + 1 >= len(doc) or not doc[close].whitespace_:
            continue
        end = close + 1
        while end < len(doc) and end - close <= 2 and is_surname_like(doc[end].text) and doc[end].pos_ == "PROPN":
            end += 1
        if end > close + 1:
            joined.append((i - 1, end))
    if not joined:
        return ents
    covered = {k for s, e in joined for k in range(s, e)}
    kept = [span for span in ents if not any(k in covered for k in range(span[0], span[1]))]
    return sorted([*kept, *((s, e, "PERSON") for s, e in joined)])


def joined_of_places(doc: Doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """An organisation's name followed by "of" and a place is one name ("Chartered Professional Accountants"
    + "of" + "Canada", "Gold Fields" + "of" + "South Africa Ltd").

    Why: the model ends the organisation at "of" and labels the country apart;
    the organisation nobody is called and a place the sentence does not talk
    about are both wrong. A one-word name is left alone: sports copy writes
    "Karlsruhe of Germany" for a club and its country.
    """
    out: list[tuple[int, int, str]] = []
    skip = -1
    for n, (start, end, label) in enumerate(ents):
        if n <= skip:
            continue
        nxt = ents[n + 1] if n + 1 < len(ents) else None
        if (
            label == "ORG"
            and end - start >= 2  # "Karlsruhe of Germany" is a club and its country
            and nxt is not None
            and nxt[2] == "GPE"
            and nxt[0] == end + 1
            and doc[end].text == "of"
            and doc[end - 1].text[:1].isupper()
        ):
            # "Police Federation of England" + "and" + "Wales": a second place joined by "and" is the name's too.
            last = ents[n + 2] if n + 2 < len(ents) else None
            pair = last is not None and last[2] == "GPE" and last[0] == nxt[1] + 1 and doc[nxt[1]].text == "and"
            out.append((start, last[1] if pair and last else nxt[1], "ORG"))
            skip = n + 2 if pair else n + 1
            continue
        # The model's own "Police Federation of England", then "and Wales".
        if (
            label == "ORG"
            and nxt is not None
            and nxt[2] == "GPE"
            and nxt[0] == end + 1
            and doc[end].text == "and"
            and end - start >= 3
            and doc[end - 2].text == "of"
            and doc[end - 1].text in gazetteer()
        ):
            out.append((start, nxt[1], "ORG"))
            skip = n + 1
            continue
        out.append((start, end, label))
    return out


_HEAD_REACH = 2
"""Capitalised words a name may run on past the model's span to reach its head word."""
_EXTENDED_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})


def joined_org_heads(doc: Doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A name the model ended just before an organisation's head word runs on to it: "Silicon Valley"
    + "Bank", "the Democratic" + "Party", "Red Sea" + "University".

    Why: the model labels the place or the party adjective and leaves the
    capitalised head word out, so the article gets a place (or nothing) where
    it names a bank, a party or a university. Only a strong head word ("Bank",
    "Party", "University", not "Centre" or "Hospital", which name buildings as
    often), capitalised, on the same line, within two words of the span and
    labelled by nothing; a span that already ends in a head word is the
    model's full name, and where the model labelled the words after the span
    itself ("US" + "Delta Force", "German" + "Foreign Ministry") the two are
    left apart.
    """
    labelled = {i for s, e, _ in ents for i in range(s, e)}
    # "the Kenyan Government", "the UK Government": the country's executive, written as often without capitals.
    heads = ORG_HEADS - WEAK_ORG_HEADS - NATIONAL_GOVERNMENT_WORDS
    out: list[tuple[int, int, str]] = []
    for start, end, label in ents:
        if label not in _EXTENDED_LABELS or fold(doc[end - 1].text) in ORG_HEADS:
            out.append((start, end, label))
            continue
        head = None
        for k in range(end, min(end + _HEAD_REACH, len(doc))):
            tok = doc[k]
            if k in labelled or not tok.is_alpha or not tok.text[:1].isupper() or tok.is_sent_start:
                break
            if "\n" in doc[k - 1].whitespace_:
                break
            if fold(tok.text) in heads:
                head = k
                break
        out.append((start, end, label) if head is None else (start, head + 1, "ORG"))
    return out


def legal_form_after_comma(doc: Doc, i: int) -> bool:
    """Token ``i`` is a comma and the next a company's legal form: ", Inc.", ", S.A."."""
    return (
        doc[i].text == ","
        and i + 1 < len(doc)
        and doc[i + 1].text[:1].isupper()
        and fold(doc[i + 1].text) in LEGAL_FORMS
    )


def joined_legal_forms(doc: Doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """An organisation's name runs on over a comma to its legal form: "Petróleos de Venezuela" + ", S.A.".

    Why: the model ends the name at the comma and labels the legal form
    apart (as a place or organisation of its own), so the company's written
    name is lost and "S.A." becomes an entity.
    """
    starts = {s: n for n, (s, _, _) in enumerate(ents)}
    out: list[tuple[int, int, str]] = []
    skip: set[int] = set()
    for n, (start, end, label) in enumerate(ents):
        if n in skip:
            continue
        nxt = starts.get(end + 1)
        free = nxt is None or ents[nxt][1] == end + 2
        if end < len(doc) and legal_form_after_comma(doc, end) and free and end not in starts:
            if nxt is not None:
                skip.add(nxt)
            out.append((start, end + 2, "ORG"))  # the model often calls the name a person or place
            continue
        out.append((start, end, label))
    return out


def joined_country_branches(doc: Doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """An organisation's name followed by a country it modifies is its national branch: "World Vision"
    + "Lesotho", "Athena Advisers" + "Portugal", "Microsoft" + "Ireland".

    Why: the model ends the name before the country (and labels the country
    a place of the sentence), so the branch the article names is lost. Only
    where the parse makes the name a compound of the country, one noun
    phrase: in "He told CNN Britain would leave" the two are apart.
    """
    gaz = gazetteer()
    starts = {s: n for n, (s, _, _) in enumerate(ents)}
    labelled = {i for s, e, _ in ents for i in range(s, e)}
    out: list[tuple[int, int, str]] = []
    skip: set[int] = set()
    for n, (start, end, label) in enumerate(ents):
        if n in skip:
            continue
        last = doc[end - 1]
        head = last.head.i
        if label == "ORG" and last.dep_ == "compound" and end <= head < end + 2:
            nxt = starts.get(end)
            # The country as the model labelled it, whatever the label ("Lesotho" a person, once).
            whole = nxt is not None and ents[nxt][1] == head + 1
            free = nxt is None and not any(i in labelled for i in range(end, head + 1))
            country = any(r.subtype == "country" for r in gaz.lookup(doc[end : head + 1].text))
            if country and (whole or free) and "\n" not in doc[start : head + 1].text:
                if nxt is not None:
                    skip.add(nxt)
                out.append((start, head + 1, "ORG"))
                continue
        out.append((start, end, label))
    return out


_LISTED_REACH = 3
"""Words a listed organisation's name may run on past the model's span."""


def joined_listed_names(doc: Doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The model's span runs on to the listed organisation it cuts short: "The Mail" + "on Sunday".

    Why: the model ends "The Mail on Sunday" at "on" (and calls "Sunday" a
    date), so the newspaper became "The Mail"; the list of known names says
    where the name ends. Spans of the model's inside the longer name give way.
    """
    known = known_orgs()
    out: list[tuple[int, int, str]] = []
    covered_to = -1
    for start, end, label in ents:
        if start < covered_to:
            continue
        first = start + (doc[start].lower_ == "the" and end - start > 1)
        best = end
        if label in _EXTENDED_LABELS and fold(doc[first:end].text) not in known:
            for k in range(end + 1, min(end + _LISTED_REACH, len(doc)) + 1):
                if "\n" in doc[end:k].text:
                    break
                if fold(doc[first:k].text) in known:
                    best = k
        if best > end:
            out.append((start, best, "ORG"))
            covered_to = best
        else:
            out.append((start, end, label))
    return out


def joined_local_numbers(doc: Doc, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A union local's number, which the model labels a cardinal, ends its name: "Teamsters Local" + "90"."""
    out: list[tuple[int, int, str]] = []
    skip_start = -1
    for start, end, label in ents:
        if start == skip_start:
            continue
        numbered = doc[end - 1].text == "Local" or _numbered_org(doc, end - 1)
        if label == "ORG" and numbered and end < len(doc) and doc[end].text.isdigit():
            out.append((start, end + 1, label))
            skip_start = end  # the number's own span, if the model gave it one
            continue
        out.append((start, end, label))
    return out
