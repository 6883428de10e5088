"""Resolve a fact's leading "He" / "She" / "They" (or "His" / "Her" / "Their") to whom it means, when that is safe.

Notes:
    Editors' highlights often open on a pronoun because they are read in
    order; a key fact is read on its own, so "He was found ..." names nobody.
    Passing such sentences over lost about 0.009 ROUGE-1 on keyfacts_dev. The
    pronoun is replaced by the person's name only when one person is clearly
    meant: the subject of the sentence before (or, through a chain of
    sentences whose subject is the same pronoun, of the last one to name it)
    is a person whose gender, where the article or a given-name table tells
    it, agrees, and no other person in that sentence could be meant; or that
    subject is plural ("Detectives arrested John Smith") and the sentence
    names one person and holds no other "he". A sentence holding "him" names
    someone else who may be meant. When the sentence before names nobody who
    fits, the article's main actor is meant if nobody else can be (see
    :func:`_main_actor`). "They" is the plural subject before ("Firefighters",
    "The women") when no other group there could be meant. A pronoun before
    the same name in its own sentence ("His brother Ryan", "He said Smith")
    is someone else. Anything else ("It", "Smith met Jones", a woman's name
    before "He") is left unresolved, and the sentence stays out of the facts:
    a wrong name is worse than none. (Checked by hand on 45 resolutions from
    BBC articles: the nearest named person instead of the subject gave "Ian
    Paisley said ..." for Liam Neeson's "he said". On the 20 held-out CNN
    stories a main actor fallback without the "no other name since" check
    gave a dog's injuries to the woman caring for it.)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.lexicon.grammar import ANAPHORIC_DETS
from generator.lexicon.people import FEMALE_WORDS, MALE_WORDS, PERSON_NOUNS, ROLE_NOUNS, given_name_genders

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from generator.extract.facts.sentences import Sentence
    from generator.nlp import Parsed

PLURAL = "p"
"""The "gender" of "they" / "their": a group, named by the plural subject before it."""
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "dative", "oprd", "conj"})
"""Dependencies of a noun phrase "they" could point back to."""
MEASURE_ENTS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT"})
"""A plural in a measure ("for six hours", "$5 million") is no group "they" may mean."""
GROUP_WORDS = 8
"""Longest plural subject shown in place of "They" ("Three men from Leeds"); a longer one is a clause."""
MAIN_MENTIONS = 3
"""Mentions that make a person the article's main actor (with twice anyone else's)."""
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "NORP"})
"""Names that are never "he" or "she" in news prose."""
PERSON_WORDS = PERSON_NOUNS | ROLE_NOUNS
"""Nouns for a person ("the spokesman", "the victim") who may be the "he" meant."""
LOOKBACK = 4
"""Sentences searched back for the antecedent, through sentences that name nobody and
carry on the same pronoun ("He was arrested. He is charged ..."); further back, another
person may have come between."""
SUBJECT_PRONOUNS = {"he": "m", "she": "f", "they": PLURAL}
POSSESSIVE_PRONOUNS = {"his": "m", "her": "f", "their": PLURAL}
OBJECT_PRONOUNS = {"m": "him", "f": "her"}
GENDERED = {
    "he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f",
    "they": PLURAL, "them": PLURAL, "their": PLURAL, "themselves": PLURAL,
}  # fmt: skip
_OPEN_PUNCT = frozenset({'"', "'", "\u201c", "\u2018", "(", "[", "-", "\u2014", "\u2013"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    """The leading pronoun at ``start:end`` of the body stands for ``name``."""

    start: int
    end: int
    name: str
    possessive: bool

    def apply(self, body: str, start: int, end: int) -> str:
        """``body[start:end]`` with the pronoun replaced ("He was" -> "John Smith was", "His" -> "John Smith's")."""
        name = self.name
        if self.possessive:
            # "Their lawyer" -> "The women's lawyer", "The Smiths' lawyer".
            name = f"{name}'" if name.endswith("s") and not name.endswith("'s") else f"{name}'s"
        return body[start : self.start] + name + body[self.end : end]


def _person_key(ent: SpacySpan) -> str:
    """A person's surname, the key that joins "John Smith" and "Smith"."""
    words = [t.text for t in ent if t.is_alpha]
    return words[-1] if words else ent.text


def _form(ent: SpacySpan) -> str:
    """The entity's words as written ("Chung Mong-koo"), from its first to its last word."""
    words = [t for t in ent if t.is_alpha]
    return ent.doc[words[0].i : words[-1].i + 1].text if words else ent.text


def _full_name(parsed: Parsed, key: str, mention: SpacySpan) -> str:
    """The longest form the article gives the person ("John Smith" for "Smith"), less a possessive.

    When two people share the surname ("Tony Blair", "Cherie Blair") the
    antecedent's own form ("Blair") is kept: the fuller one may be the other.
    """
    forms = {_form(ent) for ent in parsed.ents if ent.label_ == "PERSON" and _person_key(ent) == key}
    longest = max(forms, key=lambda f: (len(f.split()), len(f)), default=key)
    if any(not longest.endswith(f) for f in forms):
        return _form(mention)
    return longest


def _gender(parsed: Parsed, key: str) -> str | None:
    """'m' or 'f' when a title ("Mr Smith") or a clear given name says so, else None."""
    found: set[str] = set()
    genders = given_name_genders()
    for ent in parsed.ents:
        if ent.label_ != "PERSON" or _person_key(ent) != key:
            continue
        first = ent[0]
        if first.is_alpha and first.text in genders and len(ent) > 1:
            found.add(genders[first.text])
        before = parsed.doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
        if before in MALE_WORDS:
            found.add("m")
        elif before in FEMALE_WORDS:
            found.add("f")
    return found.pop() if len(found) == 1 else None


def _subject(span: SpacySpan) -> Token | None:
    """The subject of the sentence's main verb ("said" in "..., Mr Smith said")."""
    return next((t for t in span.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)


def _agrees(parsed: Parsed, key: str, gender: str) -> bool:
    known = _gender(parsed, key)
    return known is None or known == gender


def _opening(parsed: Parsed, start: int, end: int) -> Token | None:
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    return next((t for t in span if not t.is_space and t.text not in _OPEN_PUNCT), None)


def _group(span: SpacySpan, subject: Token) -> str | None:
    """The plural subject as a name for "they" ("The women", "Smith and Jones"), when nothing else can be meant.

    Abstains when the subject is no plain plural noun phrase (a clause, a
    pronoun or "these" inside it) or when another plural noun phrase in the
    sentence ("Police arrested three men") could be the one meant.
    """
    conj = [t for t in subject.children if t.dep_ == "conj"]
    if not conj and subject.tag_ not in PLURAL_TAGS:
        return None
    end = conj[-1].right_edge.i + 1 if conj else subject.i + 1
    phrase = span.doc[subject.left_edge.i : end]
    if (
        len(phrase) > GROUP_WORDS
        or any(t.pos_ in ("PRON", "VERB", "AUX", "PUNCT") or t.lower_ in ANAPHORIC_DETS - {"the"} for t in phrase)
        or any(t.dep_ == "relcl" for t in subject.children if t.i < end)
    ):
        return None
    inside = {t.i for t in subject.subtree}
    for t in span:
        if t.i in inside or t.dep_ not in ARGUMENT_DEPS or t.ent_type_ in MEASURE_ENTS:
            continue
        if any(c.dep_ == "poss" and GENDERED.get(c.lower_) == PLURAL for c in t.children):
            # "The women ... their faces": what the group has is not a second group.
            continue
        if t.tag_ in PLURAL_TAGS or (t.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "conj" for c in t.children)):
            # Another group that "they" may mean.
            return None
    text = phrase.text
    return text[:1].upper() + text[1:]


def resolve_opening(parsed: Parsed, sents: list[Sentence], sent: Sentence, start: int) -> Resolution | None:
    """The safe resolution of the pronoun opening ``body[start:sent.end]``, or None."""
    first = _opening(parsed, start, sent.end)
    if first is None:
        return None
    word = first.lower_
    if word in SUBJECT_PRONOUNS and first.dep_ in ("nsubj", "nsubjpass"):
        gender, possessive = SUBJECT_PRONOUNS[word], False
    elif word in POSSESSIVE_PRONOUNS and first.dep_ == "poss":
        gender, possessive = POSSESSIVE_PRONOUNS[word], True
    else:
        return None
    after = parsed.doc[first.i + 1] if first.i + 1 < len(parsed.doc) else None
    if after is not None and not first.whitespace_ and after.text[:1] in ("'", "\u2019"):
        # "She's stood firm" would read "Catherine Connolly's stood firm": a possessive.
        return None
    found = _chain(parsed, sents, sent, gender)
    if found is None and gender != PLURAL:
        found = _main_actor(parsed, sents, sent, gender)
    if found is None:
        return None
    name, key = found
    own = parsed.doc.char_span(sent.start, sent.end, alignment_mode="expand")
    if own is not None and gender != PLURAL and any(
        e.label_ == "PERSON" and _person_key(e) == key for e in parsed.ents_within(own.start, own.end)
    ):
        # "His brother Ryan ...", "He said Smith ...": a pronoun before a name in its
        # own sentence is someone else (binding: "he" cannot be the "Smith" it precedes).
        return None
    return Resolution(start=first.idx, end=first.idx + len(first.text), name=name, possessive=possessive)


def _chain(parsed: Parsed, sents: list[Sentence], sent: Sentence, gender: str) -> tuple[str, str] | None:
    """The name "he"/"she"/"they" stands for, read off the sentences before, and the person's key."""
    for back in range(sent.index - 1, max(-1, sent.index - 1 - LOOKBACK), -1):
        before = sents[back]
        span = parsed.doc.char_span(before.start, before.end, alignment_mode="expand")
        subject = _subject(span) if span is not None else None
        if span is None or subject is None:
            return None
        if GENDERED.get(subject.lower_) == gender and subject.pos_ == "PRON":
            # "He was arrested. He is charged ...": the chain carries on the same person.
            continue
        if gender == PLURAL:
            group = _group(span, subject)
            return (group, group) if group is not None else None
        named = [e for e in parsed.ents_within(span.start, span.end) if e.label_ == "PERSON"]
        people = {_person_key(e) for e in named}
        ent = parsed.ent_at(subject.i)
        if ent is not None and ent.label_ == "PERSON":
            key, mention = _person_key(ent), ent
        elif (
            subject.tag_ == "NNS"
            and not subject.ent_type_
            and len(people) == 1
            and not any(GENDERED.get(t.lower_) == gender for t in span)
        ):
            # "Detectives arrested John Smith. He was charged": a plural subject is not
            # "he", the one person named is. A singular one may be ("the Lib Dem
            # spokesman"), and a name the model missed is PROPN ("Mr Shiga"): no guess.
            key, mention = next(iter(people)), named[0]
        else:
            return None
        if not _agrees(parsed, key, gender) or any(
            t.lower_ == OBJECT_PRONOUNS[gender] and t.dep_ != "poss" for t in span
        ):
            # "Tony Blair called him a giant": "him" is someone else, who may be meant.
            return None
        # Another person in the sentence who may be the one meant ("Smith met Jones").
        others = people - {key}
        if any(_gender(parsed, other) in (gender, None) for other in others):
            return None
        return _full_name(parsed, key, mention), key
    return None


def _main_actor(parsed: Parsed, sents: list[Sentence], sent: Sentence, gender: str) -> tuple[str, str] | None:
    """The article's main actor, when "he"/"she" can mean nobody else.

    The person the article names most (at least ``MAIN_MENTIONS`` times, twice
    as often as anyone else), whose gender is known and agrees, named in the
    last ``LOOKBACK`` sentences, with no other person of that gender (or of
    unknown gender), nor a role or person noun ("the spokesman", "the
    victim"), named since.
    """
    people = [e for e in parsed.ents if e.label_ == "PERSON"]
    counts = Counter(_person_key(e) for e in people)
    ranked = counts.most_common(2)
    if not ranked:
        return None
    key, count = ranked[0]
    if count < MAIN_MENTIONS or (len(ranked) > 1 and ranked[1][1] * 2 > count) or _gender(parsed, key) != gender:
        return None
    window = sents[max(0, sent.index - LOOKBACK)].start
    mentions = [e for e in people if _person_key(e) == key and window <= e.start_char < sent.start]
    if not mentions:
        return None
    last = mentions[-1]
    # From the sentence of its last mention on: "Peter Lee met John Doe. He ..." is either.
    since = next((s.start for s in reversed(sents[: sent.index]) if s.start <= last.start_char), last.start_char)
    between = parsed.doc.char_span(since, sent.start, alignment_mode="contract")
    if between is not None and len(between):
        for e in parsed.ents_within(between.start, between.end):
            if e.label_ == "PERSON" and _person_key(e) != key and _gender(parsed, _person_key(e)) in (gender, None):
                return None
        if any(t.lower_ in PERSON_WORDS and t.pos_ == "NOUN" for t in between):
            return None
        own = {i for e in mentions for i in range(e.start, e.end)}
        if any(t.pos_ == "PROPN" and t.i not in own and t.ent_type_ not in PLACE_ENTS for t in between):
            # "Theia is only one year old ... She suffered": a name the model did not
            # take for a person (a dog, a ship, a nickname) may be the one meant.
            return None
    return _full_name(parsed, key, last), key


__all__ = ["Resolution", "resolve_opening"]
