"""Text that is nobody's speech, though it has a name and a reporting verb in it.

Notes:
    Web copy carries lines that are not the article's reporting: promotional
    links ("READ MORE: X says ..."), photo captions inline in the text ("X,
    pictured, said ... (Image: Getty)"); and sentences whose reporting verb
    reports nothing that was said: a reporter's question ("When asked whether
    ...", "Asked if ..."), a hearer in the passive ("X was told that ..."),
    a condition ("If X thinks that ..."). Each becomes a claim of the person
    it mentions unless set aside here; a wrong speaker is worse than none.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.lexicon.speech import (
    ADDRESSEE_VERBS,
    CONDITION_MARKS,
    OBJECT_BEFORE_TO_VERBS,
    PASSIVE_SPEAKER_VERBS,
    QUESTION_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from generator.nlp import Parsed

PROMO = re.compile(r"^\s*(?:READ MORE|Read more|MORE|RELATED|Related|WATCH|Watch|LISTEN|SEE ALSO|See also|ALSO READ)"
                   r"\s*[:|\u2014-]", re.M)
"""A line that links to another story: what it says is a headline elsewhere."""
CAPTION = re.compile(r"\((?:Image|Picture|Photo|Pic|Credit|Photograph)s?\s*:|\bpictured\b|\(AP Photo\b"
                     r"|\bPhoto(?:graph)?:\s|\bGetty Images\b")
"""Marks of a photo caption inline in the text."""


CAPTION_LINE_CHARS = 400
"""A caption standing as a line of its own is short; in longer text the caption is one sentence."""


def silent_spans(parsed: Parsed) -> list[tuple[int, int]]:
    """Stretches of the body that are promotional lines or photo captions, in order.

    A short line with a caption mark is a caption as a whole; where web copy
    runs captions into the text (no line breaks), the sentence holding the
    mark is.
    """
    spans: list[tuple[int, int]] = []
    for block in parsed.blocks:
        if PROMO.match(block.text):
            spans.append((block.start, block.end))
            continue
        marks = [block.start + m.start() for m in CAPTION.finditer(block.text)]
        if not marks:
            continue
        if len(block.text) <= CAPTION_LINE_CHARS:
            spans.append((block.start, block.end))
            continue
        for sent in parsed.sentences:
            if sent.end_char > block.start and sent.start_char < block.end and any(
                    sent.start_char <= m < sent.end_char for m in marks):
                spans.append((max(sent.start_char, block.start), min(sent.end_char, block.end)))
    return sorted(spans)


def is_question_put(verb: Token) -> bool:
    """'When asked whether ...', 'Asked if ...': a question put to someone, not their answer."""
    if verb.lemma_.lower() not in QUESTION_VERBS:
        return False
    # "Asked why ..., the economist replies": a participle opening its sentence has no
    # subject of its own, whatever the parse hangs on it (it may take the answerer).
    words = [t for t in verb.sent if not t.is_space and not t.is_punct]
    opens = bool(words) and (verb.i == words[0].i or (
        len(words) > 1 and verb.i == words[1].i and words[0].lower_ in FRONTED_MARKS))
    if opens and verb.tag_ in ("VBN", "VBD"):
        return True
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if any(c.dep_ == "auxpass" for c in verb.children):
        return verb.tag_ == "VBN"
    # A subjectless "Asked whether ..., he said" leaning on the answer's verb: the tagger reads a
    # paragraph-initial "Asked" as a past tense as often as a participle.
    return not own_subject and (verb.tag_ == "VBN" or verb.dep_ == "advcl")


FRONTED_MARKS = frozenset({"when", "once", "after", "upon", "if"})
"""Words before a fronted participle of a question ("When asked whether ...")."""


def is_hearer(subject: Token, *, cue: bool = False) -> bool:
    """'X was told that ...': the passive subject of a telling verb heard it.

    With ``cue`` the subject's verb is the cue itself, and any passive cue but "quoted" and
    "cited" puts its hearer or topic in subject position ("doctors have been urged to '...'").
    """
    if subject.dep_ != "nsubjpass":
        return False
    lemma = subject.head.lemma_.lower()
    return lemma in ADDRESSEE_VERBS or (cue and lemma not in PASSIVE_SPEAKER_VERBS)


def is_conditional(verb: Token) -> bool:
    """'If X thinks that ...': the reporting verb sits in a condition, so nothing was said."""
    token = verb
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in token.children):
            return True
        if token.head.i == token.i or token.dep_ not in ("advcl", "conj", "ccomp", "xcomp"):
            return False
        token = token.head
    return False


def is_headline_passive(verb: Token) -> bool:
    """'GP staff urged to travel in groups', 'Residents told to leave': a passive with its auxiliary dropped.

    Headlines and subheadings drop "were"; the parse then reads the hearer
    as the subject of an active "urged". An active "urge" or "tell" needs
    its hearer between it and the to-infinitive, so a to right after the
    verb, with no object, marks the passive: the subject heard the words.
    """
    if verb.lemma_.lower() not in OBJECT_BEFORE_TO_VERBS or verb.tag_ not in ("VBD", "VBN"):
        return False
    if any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children):
        return False
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return nxt is not None and nxt.lower_ == "to" and nxt.head.head.i == verb.i and nxt.head.pos_ in ("VERB", "AUX")


def is_gloss(verb: Token) -> bool:
    """'Which is to say ...', 'This is not to say ...', 'Needless to say, ...': the writer's own gloss.

    An infinitive "to say" hanging on "this/which/that is" or on an adjective
    reports no one's speech; it rephrases what the writer just wrote. ("His
    best response was to say ..." and "is to tell the people that ..." do
    report someone's words.)
    """
    if verb.lemma_.lower() != "say" or verb.tag_ != "VB" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if head.i == verb.i:
        return False
    if head.pos_ == "ADJ":
        return True
    return head.lemma_.lower() == "be" and any(c.dep_ == "nsubj" and c.lower_ in GLOSS_SUBJECTS
                                               for c in head.children)


GLOSS_SUBJECTS = frozenset({"this", "that", "which", "it"})
"""Subjects of "... is to say": the writer's own words just before."""


def is_generic_subject(subject: Token) -> bool:
    """'One would think ...': the generic "one" (not "one of them") is nobody in the article."""
    return subject.lower_ == "one" and subject.pos_ in ("PRON", "NUM") and not any(subject.children)
