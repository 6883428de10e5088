"""Whether a classified name has evidence of its kind beyond the model's label.

Headlines, section labels and sentence starts capitalise common words, and the
model labels them; a page needs more than a capital letter (issue 12).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from generator.extract.entities.build import Group
from generator.extract.entities.readings import is_given, is_wide, leads_full_name
from generator.lexicon.gazetteer import gazetteer
from generator.lexicon.organizations import SOCIAL_PLATFORMS, is_org_name, known_orgs
from generator.lexicon.people import AFTER_PERSON, given_names
from generator.lexicon.places import NUMBERED_ROADS, SEAT_PLACES, VENUE_WORDS, place_head
from generator.lexicon.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc


_CAPS_LINE = re.compile(r"[^\n]+")


def caps_tokens(doc: Doc, body: str) -> set[int]:
    """Tokens on all-capital lines (wire headlines), where the model's labels are noise."""
    spans = []
    for m in _CAPS_LINE.finditer(body):
        letters = [c for c in m.group() if c.isalpha()]
        if len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.9 * len(letters) and " " in m.group().strip():
            spans.append((m.start(), m.end()))
    if not spans:
        return set()
    # By bisection: every token against every line was quadratic in a text of capital lines.
    starts = [t.idx for t in doc]
    return {i for s, e in spans for i in range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e))}


_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "as", "from"}
)


def title_tokens(doc: Doc, body: str) -> set[int]:
    """Tokens on title-case lines (headlines, crossheads, section labels: "Infant Abandoned Inside Bus").

    On such a line every word is capitalised, so a capital says nothing about a name.
    """
    spans = []
    for m in _CAPS_LINE.finditer(body):
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", m.group()) if w.casefold() not in _SMALL_WORDS]
        # A line of names ("Pakistan - Saeed Anwar, Aamir Sohail, ...") is a team sheet, not a headline.
        listed = m.group().count(",") + m.group().count(";") >= 3
        if not listed and 3 <= len(words) <= 16 and sum(w[0].isupper() for w in words) >= 0.85 * len(words):
            spans.append((m.start(), m.end()))
    if not spans:
        return set()
    return {t.i for t in doc for s, e in spans if s <= t.idx < e}


def _capital_by_position(doc: Doc, group: Group, titled: set[int]) -> bool:
    """Every mention stands where any word is capitalised: a sentence's first word or a title-case line."""
    return all(
        all(i in titled for i in range(s, e))
        or (e - s == 1 and (doc[s].is_sent_start or (s > 0 and "\n" in doc[s - 1].text)))
        for s, e in group.mentions
    )


def _common_word(doc: Doc, group: Group) -> bool:
    """A one-word name the article also writes in lower case as an ordinary word ("Army" and "the army",
    "Search", "Education", "Democratic"), with nothing else saying it is a name.

    Why: section labels, product features and adjectives are capitalised in
    headlines and at sentence starts; an organisation needs a listing, a head
    word or an acronym, a place the gazetteer, to outweigh the article's own
    use of the word.
    """
    if len(group.words) != 1 or group.text.isupper() or group.parent:
        return False
    word = group.words[0]
    if fold(group.text) in known_orgs() or any(is_wide(r) for r in group.readings):
        return False
    if any(group.votes[v] for v in ("DATELINE", "CUE_PLACE", "CUE_TEAM", "CUE_OUTLET", "CUE_ORG")):
        return False
    return any(t.text == word and t.is_lower for t in doc)


def has_evidence(doc: Doc, group: Group, titled: set[int], parts: set[tuple[str, ...]]) -> bool:
    """Whether a name seen only in capitalised positions has evidence of its kind besides the model.

    Why: headlines and section labels capitalise common nouns ("Schools",
    "Wildfires", "Shortly", "Newborn Girl"), and the model labels them; a page
    needs the gazetteer, a listed organisation, an organisation or place head
    word, a given name, or a cue from the sentence (title, role, "the town of").
    """
    if group.kind in {"organization", "place"} and _common_word(doc, group):
        return False
    if group.kind == "person" and not person_like(doc, group, parts):
        return False
    if not _capital_by_position(doc, group, titled):
        return True
    if group.words in parts:  # "Gascoigne, whose ...": the surname of a person named in full
        return True
    v = group.votes
    if group.parent or any(v[k] for k in ("DATELINE", "CUE_PERSON", "CUE_PLACE", "CUE_TEAM", "CUE_OUTLET", "CUE_ORG")):
        return True
    if fold(group.text) in known_orgs() or is_org_name(group.text) or place_head(group.text):
        return True
    if any(is_wide(r) for r in group.readings) or gazetteer().is_curated(group.text):
        return True
    words = group.text.split()
    if group.kind == "person" and len(words) > 1 and words[0] in given_names():
        return True
    return group.text.isupper() and len(group.text) >= 2


def person_like(doc: Doc, group: Group, parts: set[tuple[str, ...]]) -> bool:
    """Whether a one-word name the model calls a person has evidence of a person.

    Why: bands, products, platforms, horses and villages ("Metallica",
    "LinkedIn", "Vredehoek") are single capitalised words the model often
    calls people. A person named by one word is a short form of a full name of
    the article, a common given name, has a title or role, or acts: some
    mention is the subject of a clause ("Khan said", "Suharto ordered").
    """
    if group.words in parts or group.votes["CUE_PERSON"] or is_given(group.text.split()[0]):
        return True
    if len(group.words) > 1:
        # "Bud Light", "Uber Eats", "AI Mode": a surname is no word the article writes in lower case.
        last = fold(group.text.split()[-1])  # "Heung-min" as written, not its token "min"
        return not any(t.is_lower and t.lower_ == last for t in doc)
    # "the Trump administration", "the Obama era": a government or a time named after a person.
    after = any(e < len(doc) and doc[e].lower_ in AFTER_PERSON for _, e in group.mentions)
    return after or any(doc[s].dep_ in {"nsubj", "nsubjpass"} for s, _ in group.mentions)


def _names_a_town(text: str) -> bool:
    """The name's leading words are a place of the gazetteer ("Manchester City", "New York Yankees")."""
    words = text.split()
    gaz = gazetteer()
    leads = (" ".join(words[:n]) for n in range(1, len(words)))
    return not is_given(words[0]) and any(gaz.lookup(lead) for lead in leads)


def reasons(group: Group) -> tuple[str, ...]:
    """What besides the model's label says this name is of its kind, as short labels.

    Why: a name the model labels once with nothing else behind it is mentioned
    by the brief but earns no page of its own (``generator.site.evidence``); the
    site needs to know which names have more, and a reader or developer can see
    why one did. Repetition and roles are added per entity by ``build``, where
    the mentions of all its forms are together. An organisation's evidence is
    a listing, a head word, a town it is named for, or its use as an agent (the
    subject of a verb), as issue 12 asks: the model's label repeated is not enough.
    """
    v, text, words, out = group.votes, group.text, group.words, []
    cued = v["DATELINE"] or v["CUE_PERSON"] or v["CUE_PLACE"] or v["CUE_TEAM"] or v["CUE_OUTLET"] or v["CUE_ORG"]
    if cued or (v["CUE_WHO"] and group.kind == "person"):
        out.append("cue")
    if group.parent:
        out.append("acronym")
    if group.kind == "person":
        # "Anna Zorbek"; a given name alone ("Donald", "Bill", "Oscar") is no evidence: it is
        # as often a part of someone's name the article gives elsewhere, or a title's word.
        if len(words) > 1 and leads_full_name(text.split()):
            out.append("given-name")
    elif group.kind == "place":
        if group.readings:
            out.append("gazetteer")
        elif fold(text) in SEAT_PLACES:
            out.append("listed")  # "Downing Street"
        elif place_head(text) or (len(words) > 1 and (words[-1] in VENUE_WORDS or words[0] in NUMBERED_ROADS)):
            out.append("head")  # "Kursk Oblast", "Dodger Stadium", "Interstate 80"
    else:
        if fold(text) in known_orgs() or text in SOCIAL_PLATFORMS:
            out.append("listed")
        elif is_org_name(text) and len(words) > 1:  # "S.A." or "Council" alone is no name
            out.append("head")
        elif len(words) > 1 and _names_a_town(text):
            # "Manchester City", "Boston Red Sox", "Paris Guest House": a club or business named
            # for its town and something more. A town alone ("Cheltenham", "Carlisle" in a
            # racing report) is as often the course or ground as the club.
            out.append("town")
        if v["SUBJECT"] >= 2:
            out.append("agent")  # "Pepsi raised prices", twice: used consistently as an organisation acts
    return tuple(out)
