"""Reported content in a verb's object: "accused X of ...", "urged X to ...", "called it 'x'".

Notes:
    A verb that takes an object and a verbal complement reports what the
    complement says; a labelling verb ("called", "described") reports
    content only when the object quotes the speaker's own words. The parse
    can split the object from its complement with a time or place between
    them; that gap is bridged only when it holds the verb's own modifiers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.spans import SpanIndex
from generator.extract.speech.candidates import Candidate, is_direct, trim_edges
from generator.extract.speech.quote_marks import Quoted
from generator.extract.speech.subjects import subject_of
from generator.lexicon.speech import LABELLING_CUES, NOMINAL_CUES, OBJECT_CUES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from generator.nlp import Parsed


def complement(parsed: Parsed, verb: Token, quoted: SpanIndex[Quoted], direct: SpanIndex[Quoted]
                ) -> Candidate | None:
    """'accused the chiefs of taking bribes', 'urged the public to stay calm', 'denied taking bribes'.

    Only with a verb in the complement: "denied the allegations" reports no content.
    """
    labelling = verb.lemma_.lower() in LABELLING_CUES
    parts = [c for c in verb.children if c.i > verb.i and (
        c.dep_ in ("dobj", "xcomp", "oprd", "pcomp")
        or (c.dep_ == "prep" and (c.lower_ in ("of", "for", "as", "to")
                                  or (labelling and _holds_fragment(c, quoted, direct)))))]
    # (A clause before the verb is no complement of it: "Das said ...; he called the effort 'x'".)
    if not parts or any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    agent = None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl", "amod")):
        # "Kohberger is accused of fatally stabbing ...", "they are denied time off to ...", "a
        # politician, accused of coercing ...": the subject of a passive is the one spoken of,
        # not the speaker, who is the agent ("described by the charity Shelter as ...") or unnamed.
        agent = next((o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
        if agent is None:
            return None
    if any(p.dep_ == "dobj" and p.lower_ in NOMINAL_CUES and any(c.dep_ == "poss" for c in p.children)
           and any(c.dep_ in ("acl", "ccomp") for c in p.children) for p in parts):
        # "countered her claims that she had a rotten time": the clause is the
        # possessor's claim (``_nominal`` gives it to her), not the verb's subject's words.
        return None
    tokens = sorted((t for p in parts for t in p.subtree), key=lambda t: t.i)
    tokens = trim_edges(tokens)
    if len(tokens) < 3:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    # "described the terrible smell coming from the house": a participle inside the
    # object's own noun phrase (acl, relcl) describes the thing; only a verb that
    # is the complement ("of taking bribes", "to stay calm", "as ...") reports content.
    objects = {t.i for p in parts if p.dep_ == "dobj" for t in p.subtree}
    verbal = verb.lemma_.lower() in OBJECT_CUES and any(
        t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBG", "VB") and not (t.i in objects and _in_noun_phrase(t, verb))
        for t in tokens)
    # Any other reporting verb: only when the object quotes the speaker's words
    # ("suggested a policy of 'oil quarantine'"), which makes it a mixed quote.
    fragment = labelling and any(
        q.end <= end + 2 and _speakers_words(parsed.text[q.inner[0] : q.inner[1]])
        for q in quoted.starting_in(start, end + 3) if not is_direct(q, direct))
    if not (verbal or fragment):
        return None
    if tokens[-1].i - tokens[0].i + 1 != len(tokens):
        bridged = _bridged(verb, tokens)
        if bridged is None:
            return None
        tokens = bridged
    if direct.overlaps(start, end) or "\n" in parsed.text[start:end]:
        return None
    return Candidate(start=start, end=end, kind="indirect", paragraph=parsed.block_of(start),
                      cue=verb, subject=agent or subject_of(parsed, verb, quoted))


def _holds_fragment(prep: Token, quoted: SpanIndex[Quoted], direct: SpanIndex[Quoted]) -> bool:
    """A prepositional phrase holding quoted words ("called the disorder following the stabbings 'terrible'").

    The parse may hang the quoted predicate of a labelling verb inside a
    phrase after the object; the phrase then belongs to what was said.
    """
    sub = list(prep.subtree)
    return any(not is_direct(q, direct) for q in quoted.starting_in(sub[0].idx, sub[-1].idx + len(sub[-1])))


def _speakers_words(inner: str) -> bool:
    """Quoted words in a verb's object that are the speaker's own, not a name.

    Two words or more ("a 'kick in the teeth'"), or one word that is not a
    name: an evaluation ("called the ordeal 'heartbreaking'", "described the
    violence as 'deplorable'") is the speaker's word, while a single
    capitalised word in quotation marks ("dubbed it 'Bidenomics'") is a label.
    """
    words = inner.strip(" ,.;:!?").split()
    return len(words) >= 2 or (len(words) == 1 and words[0][:1].islower())


GAP_DEPS = frozenset({"npadvmod", "advmod", "prep", "pobj", "det", "compound", "amod", "nummod", "punct"})
"""What may stand between a verb's object and its complement ("described its statement Tuesday as ...")."""


def _bridged(verb: Token, tokens: list[Token]) -> list[Token] | None:
    """The object and complement of ``verb`` as one stretch, across a time or place between them.

    "Lufthansa described its statement Tuesday as a 'swift ... clarification'":
    the parse hangs "Tuesday" on the verb, between the object and the "as"
    phrase. Only modifiers of the verb itself (with their own words) may fill
    the gap; a subject or a clause between them leaves the stretch broken.
    """
    doc = verb.doc
    kept = {t.i for t in tokens}
    gap = [doc[i] for i in range(tokens[0].i, tokens[-1].i + 1) if i not in kept]
    for t in gap:
        top = t
        while top.head.i != verb.i and top.head.i != top.i and top.head.i not in kept:
            top = top.head
        if top.head.i != verb.i or top.dep_ not in GAP_DEPS or t.dep_ not in GAP_DEPS:
            return None
    return list(doc[tokens[0].i : tokens[-1].i + 1])


def _in_noun_phrase(token: Token, verb: Token) -> bool:
    """The token modifies a noun on its way up to ``verb`` (an acl or relcl clause of the object)."""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in ("acl", "relcl"):
            return True
        token = token.head
    return False
