"""Who speaks: the subject of a reporting verb, read off the parse and the word order.

Notes:
    The parse often hangs a speaker's name on the wrong word (a heading line
    before it, a fronted clause, an affiliation phrase after it); these
    functions climb from a subjectless cue to the verb with the subject, or
    read the name off the word order when the parse lost it. Every link
    stays inside one paragraph.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.spans import SpanIndex
from generator.extract.speech.discourse import SUBJECT_DEPS
from generator.extract.speech.nonspeech import is_hearer
from generator.extract.speech.quote_marks import Quoted
from generator.lexicon.speech import REPORTING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from generator.nlp import Parsed

ADJACENT_SUBJECT_LABELS = frozenset({"", "PERSON", "ORG", "NORP"})
"""Entity labels a name right before a subjectless cue may have to be taken as its subject."""
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "prep", "ccomp", "acl", "dobj"})
"""Dependencies to climb from a subjectless cue ("..., adding that") to the verb with the subject."""


def inside(offset: int, spans: SpanIndex[Quoted]) -> bool:
    return spans.contains(offset)


def is_cue(token: Token, verbs: frozenset[str]) -> bool:
    return token.lemma_.lower() in verbs and token.pos_ in ("VERB", "AUX")


def subject_of(parsed: Parsed, verb: Token, quoted: SpanIndex[Quoted]) -> Token | None:
    """The verb's subject, climbing from a subjectless participle to its head."""
    cue = verb
    for _ in range(4):
        # A verb inside someone's reported clause ("said the deal was close, adding ...")
        # is not where a participle hanging from it gets its speaker.
        # (A "ccomp" reaching into the paragraph before is a misparse, not content.)
        content = (verb.i != cue.i and verb.dep_ == "ccomp" and is_cue(verb.head, REPORTING_VERBS)
                   and parsed.same_line(verb.head, verb))
        # A participle clause as subject ("Speaking to the Daily Mail, X claimed") names nobody.
        subjects = [c for c in verb.children if not content and c.dep_ in SUBJECT_DEPS
                    and not (c.dep_ == "csubj" and c.pos_ == "VERB") and not is_hearer(c, cue=verb.i == cue.i)
                    and not inside(c.idx, quoted) and parsed.same_line(c, cue)]
        if subjects:
            # Two subjects ("spokesperson ... Chaudhry had said"): the name is the speaker.
            return next((c for c in subjects if c.ent_type_ == "PERSON"), subjects[0])
        if not content and any(c.dep_ == "nsubjpass" and is_hearer(c, cue=verb.i == cue.i) for c in verb.children):
            return None  # "... and police have been praised as ...": the hearer's clause has no speaker to climb to
        # Only a verb's: "punish Pakistan after accusing it" climbs to "after", and the
        # object before a preposition is nobody's subject.
        adjacent = None if content or verb.pos_ not in ("VERB", "AUX") else _adjacent_subject(verb)
        if adjacent is not None and parsed.same_line(adjacent, cue):
            return adjacent
        # "cited a Foreign Ministry official as saying": the object of the citing verb.
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
            for child in verb.head.head.children:
                if child.dep_ == "dobj" and parsed.same_line(child, cue):
                    return child
        if verb.dep_ not in CLIMB_DEPS or verb.head.i == verb.i or not parsed.same_line(verb.head, cue):
            break
        verb = verb.head
    return None


def _adjacent_subject(verb: Token) -> Token | None:
    """A name right before a subjectless verb ("Mbumba said"), when the parse lost it.

    The parse sometimes hangs a name on the heading line before it; the word
    order of "NAME said" still tells the subject.
    """
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "X was told": the name before a passive cue heard it
    i = verb.i - 1
    while i >= 0 and verb.doc[i].pos_ in ("ADV", "AUX", "PART") and verb.i - i < 3:
        i -= 1
    # "..., Benjamin Reitzes, said": the name closes an apposition.
    if i > 0 and verb.doc[i].text == "," and verb.doc[i - 1].ent_type_ == "PERSON" and verb.tag_ != "VBG":
        i -= 1
        described = _relative_antecedent(verb.doc, i)
        if described is not None:
            return described
    if i < 0:
        return None
    named = _name_before_phrase(verb, i)
    if named is not None:
        return named
    prev = verb.doc[i]
    # A place or date closing a prepositional phrase ("in New Delhi accused", "as
    # early as 500 BC saying") is where or when, not who.
    if prev.ent_type_ not in ADJACENT_SUBJECT_LABELS and not (prev.ent_type_ == "GPE" and prev.dep_ != "pobj"):
        return None
    if (prev.pos_ == "PROPN" or prev.ent_type_ == "PERSON") and "\n" not in verb.doc[i : verb.i + 1].text:
        return prev
    return None


def _relative_antecedent(doc: Doc, i: int) -> Token | None:
    """The person a relative clause describes, when the name at ``i`` ends that clause.

    "Jim Cantrell, who worked at SpaceX and is now CEO of launch startup
    Phantom Space, told ...": the name before the comma closes the "who"
    clause and is where the person works; the person before ", who" is the
    subject. Only with no comma between "who" and the name (the clause is
    one stretch) and all on one line.
    """
    for j in range(i - 1, max(-1, i - 30), -1):
        word = doc[j]
        if word.text in (",", ";", ":") or word.is_space or word.is_sent_start:
            return None
        if word.lower_ == "who" and j >= 2 and doc[j - 1].text == ",":
            person = doc[j - 2]
            return person if person.ent_type_ == "PERSON" else None
    return None


AFFILIATION_PREPS = frozenset({"from", "of", "at", "with"})
"""Prepositions that attach an affiliation to a name ("Matthew Lee from UPS corporate communications")."""
MAX_AFFILIATION_TOKENS = 7


def _name_before_phrase(verb: Token, i: int) -> Token | None:
    """'Matthew Lee from UPS corporate communications said': the name before an affiliation.

    The parse may hang such a name on a fronted clause ("When asked about
    ..., NAME from ORG said"); the word order still tells the subject: a
    name opening its clause (after a comma or at the sentence start), then a
    prepositional phrase of nouns only, then the verb. A name after the
    preposition ("a spokesperson for Lee said") is no subject, so it is not
    looked at.
    """
    doc = verb.doc
    lo = max(verb.sent.start, i - MAX_AFFILIATION_TOKENS)
    for j in range(i, lo - 1, -1):
        tok = doc[j]
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "NUM", "ADP") or "\n" in tok.text:
            return None
        if tok.pos_ != "ADP":
            continue
        if tok.lower_ not in AFFILIATION_PREPS or j == 0:
            return None
        name = doc[j - 1]
        if name.ent_type_ != "PERSON":
            return None
        first = j - 1
        while first > 0 and doc[first].ent_iob_ == "I":  # back to the name's first word
            first -= 1
        opener = doc[first - 1] if first > verb.sent.start else None
        if opener is None or opener.is_punct or opener.pos_ == "CCONJ":
            return name
        return None
    return None


def within_reported_clause(parsed: Parsed, verb: Token) -> bool:
    """The verb sits inside the clause of another reporting verb."""
    token = verb
    while token.head.i != token.i:
        if token.dep_ == "ccomp" and is_cue(token.head, REPORTING_VERBS) and parsed.same_line(token, token.head):
            return True
        token = token.head
    return False
