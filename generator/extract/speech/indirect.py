"""Indirect and mixed speech: what a reporting verb or "according to" governs.

Notes:
    The content of reported speech is read off the dependency parse: the
    clausal complement of a reporting verb ("said that ..."), the clause
    around a parenthetical cue ("..., he said, ..."), an object with a verbal
    complement ("accused X of ..."), a that-clause on a speech noun ("his
    claim that ..."), and the clause around "according to X". The parse can
    run across a paragraph break (headings), so every link used here must
    stay inside one paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.extract.budget import check
from generator.extract.spans import SpanIndex
from generator.extract.speech.nonspeech import (
    is_conditional,
    is_generic_subject,
    is_gloss,
    is_headline_passive,
    is_hearer,
    is_question_put,
)
from generator.extract.speech.quote_marks import Quoted
from generator.extract.speech.speakers import SUBJECT_DEPS
from generator.lexicon.speech import (
    BELIEF_VERBS,
    CLAUSE_ONLY_VERBS,
    DOCUMENT_NOUNS,
    LABELLING_CUES,
    NOMINAL_CUES,
    NON_SOURCE_ACCORDING,
    OBJECT_CUES,
    QUESTION_VERBS,
    REPORTING_VERBS,
    SPEECH_VERBS,
)
from generator.model import QuoteKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from generator.nlp import Parsed

ADJACENT_SUBJECT_LABELS = frozenset({"", "PERSON", "ORG", "NORP"})
"""Entity labels a name right before a subjectless cue may have to be taken as its subject."""
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "prep", "ccomp", "acl", "dobj"})
"""Dependencies to climb from a subjectless cue ("..., adding that") to the verb with the subject."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    start: int
    end: int
    kind: QuoteKind
    paragraph: int
    cue: Token | None = None
    subject: Token | None = None
    inherit: bool = False
    """No cue of its own: continue the previous speaker."""
    opens_paragraph: bool = False


def inside(offset: int, spans: SpanIndex[Quoted]) -> bool:
    return spans.contains(offset)


def _is_direct(q: Quoted, direct: SpanIndex[Quoted]) -> bool:
    return q in direct.starting_in(q.start, q.start + 1)


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


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop spaces, conjunctions and punctuation at the edges (closing quotation marks stay)."""
    closing, opening = "\"\u201d'\u2019)", "\"\u201c'\u2018("
    while tokens and (tokens[-1].is_space or tokens[-1].dep_ == "cc"
                      or (tokens[-1].is_punct and tokens[-1].text not in closing)):
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_space or (tokens[0].is_punct and tokens[0].text not in opening)):
        tokens = tokens[1:]
    return tokens


_CUES = REPORTING_VERBS | LABELLING_CUES
"""Lemmas whose verb introduces a clause (made once: this is asked of every token)."""


def indirect(parsed: Parsed, all_quoted: list[Quoted], all_direct: list[Quoted]) -> list[Candidate]:
    """Clauses governed by reporting verbs, and "according to X" clauses."""
    quoted, direct = SpanIndex(all_quoted), SpanIndex(all_direct)
    found: list[Candidate] = []
    for verb in parsed.doc:
        check()
        if inside(verb.idx, quoted):
            continue
        if verb.pos_ == "NOUN" and verb.lower_ in NOMINAL_CUES:
            claim = _nominal(parsed, verb, quoted, direct)
            if claim is not None:
                found.append(claim)
            continue
        if verb.lower_ == "according" and any(c.lower_ == "to" for c in verb.children):
            cand = _according(parsed, verb, direct)
            if cand is not None:
                found.append(cand)
            continue
        if not is_cue(verb, _CUES) or (any(c.dep_ == "neg" for c in verb.children)
                                       and verb.lemma_.lower() not in BELIEF_VERBS):
            continue  # no cue, or a negated one
        if is_question_put(verb) or is_conditional(verb) or is_headline_passive(verb) or is_gloss(verb) or any(
                c.dep_ == "nsubj" and is_generic_subject(c) for c in verb.children):
            # "has not indicated it will ...": no speech act took place ("doesn't think" is still a view).
            continue
        if verb.lemma_.lower() not in REPORTING_VERBS:
            # A verb that only labels ("condemned what it calls ...", "rejected the outcome")
            # reports no clause: only its object can carry the speaker's words.
            labelled = _complement(parsed, verb, quoted, direct)
            if labelled is not None:
                found.append(labelled)
            continue
        asides = _parenthetical(parsed, verb, quoted, direct)
        if not asides:
            asides = [c for c in [_complement(parsed, verb, quoted, direct)] if c is not None]
        if asides:
            found.extend(asides)
            continue
        for comp in (*verb.children, *_in_document_clauses(verb)):
            if comp.dep_ not in ("ccomp", "acl") or inside(comp.idx, direct) or not parsed.same_line(comp, verb):
                continue
            if comp.dep_ == "acl" and comp.head.head.head.i != verb.i:
                continue
            # Only the part in the cue's paragraph (the parse can join a heading to it).
            tokens = [t for t in comp.subtree if parsed.same_line(t, verb)]
            lost = _object_as_subject(verb, comp)
            if lost is not None:
                tokens = sorted([*(t for t in lost.subtree if parsed.same_line(t, verb)), *tokens], key=lambda t: t.i)
            # "said the deal was close, adding that ..." (or "..., calling it 'x'"): the participle
            # starts a quote of its own.
            cut = next((t.left_edge.i for t in tokens if t.i != comp.i and t.dep_ in ("advcl", "conj")
                        and t.tag_ == "VBG" and is_cue(t, SPEECH_VERBS | LABELLING_CUES)
                        and t.doc[t.i - 1].text == ","
                        and not any(c.dep_ in SUBJECT_DEPS for c in t.children)), None)
            tokens = _trim([t for t in tokens if cut is None or t.i < cut])
            if len(tokens) < 3 or tokens[0].i <= verb.i <= tokens[-1].i:
                continue
            between = parsed.text[tokens[-1].idx + len(tokens[-1]) : verb.idx]
            if tokens[-1].i < verb.i and (":" in between or ";" in between or (
                    any(c.dep_ == "ccomp" and c.i > verb.i and c.left_edge.lower_ == "that" for c in verb.children)
                    and not _only_aside(tokens[-1], verb))):
                # "But the switch had its challenges: he recalled the terror of ...": a colon
                # (or a semicolon) ends the clause before the cue; what stands before it is not its content,
                # nor when the cue has its that-clause after it and more than ", he noted," stands between
                # ("... low — V says that ...", "... In her suit, Karo alleges that ...").
                continue
            if not any(t.pos_ in ("VERB", "AUX") for t in tokens) or any(
                    t.dep_ in SUBJECT_DEPS and t.head.i == verb.i for t in tokens):
                continue  # no clause left, or the speaker itself (a misparse across a heading)
            has_that = tokens[0].lower_ == "that"
            if tokens[0].lower_ in ("whether", "if") and verb.lemma_.lower() not in QUESTION_VERBS:
                continue
            if verb.lemma_.lower() in CLAUSE_ONLY_VERBS and not has_that:
                continue
            if not any(t.dep_ in SUBJECT_DEPS for t in comp.children) and comp.pos_ != "VERB" and lost is None:
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            # Stop at the first direct quote after the clause's start.
            later = direct.first_start_after(start)
            if later is not None and later < end:
                end = later
                if parsed.text[start:end].rstrip().endswith(":"):
                    # "She said he then announced: '...'": the clause only introduces the quotation.
                    continue
            if end - start < 8 or direct.contains(start):
                continue
            found.append(Candidate(start=start, end=end, kind="indirect", paragraph=parsed.block_of(start),
                                    cue=verb, subject=_claim_owner(verb, comp) or subject_of(parsed, verb, quoted)))
    # The parse can join a heading to the next paragraph: cue and content share one.
    return [c for c in found if c.cue is None
            or parsed.block_of(c.cue.idx) == parsed.block_of(c.start)
            == parsed.block_of(c.end - 1)]


FRONTED_SUBORDINATORS = frozenset({"while", "when", "if", "as", "because", "before", "after", "since", "until",
                                   "unless", "although", "though", "once"})
"""Words opening an adverbial clause: a side of a parenthetical cue that starts so is circumstance, not content."""


def _parenthetical(parsed: Parsed, verb: Token, quoted: SpanIndex[Quoted], direct: SpanIndex[Quoted]
                   ) -> list[Candidate]:
    """'The jump was the second this year, he said, which ...': the clause around the aside.

    The aside can also stand first or in the middle ("Even more concerning,
    he said, is that ..."): each side of it long enough to say something is
    a quote of its own, as annotators split them.
    """
    head = verb.head
    if verb.dep_ not in ("parataxis", "advcl", "ccomp") or head.i == verb.i or not parsed.same_line(head, verb):
        return []
    if any(c.dep_ == "ccomp" for c in verb.children) or is_cue(head, REPORTING_VERBS):
        return []
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return []
    first = subject.left_edge.i
    if first == 0 or first > verb.i or verb.doc[first - 1].text != ",":
        return []
    aside = {t.i for t in verb.subtree}
    found: list[Candidate] = []
    rest = [t for t in head.subtree if t.i not in aside and parsed.same_line(t, verb)]
    for side in ([t for t in rest if t.i < first - 1], [t for t in rest if t.i > verb.i]):
        tokens = _trim(side)
        words = [t for t in tokens if not t.is_punct]
        clause = any(t.pos_ in ("VERB", "AUX") for t in tokens)
        if len(words) < 3 or not clause or tokens[0].lower_ in FRONTED_SUBORDINATORS:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        if direct.overlaps(start, end) or "\n" in parsed.text[start:end]:
            continue
        found.append(Candidate(start=start, end=end, kind="indirect", paragraph=parsed.block_of(start),
                                cue=verb, subject=subject))
    return found


def _in_document_clauses(verb: Token) -> list[Token]:
    """The that-clause of "said in a statement that ...", which the parse hangs on the noun.

    Only "in" + a document noun ("statement", "report", "letter") + a clause
    opened by "that": the verb's subject said it, the document is where.
    """
    out: list[Token] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lower_ in DOCUMENT_NOUNS:
                out.extend(c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                           and c.left_edge.lower_ == "that")
    return out


def _complement(parsed: Parsed, verb: Token, quoted: SpanIndex[Quoted], direct: SpanIndex[Quoted]
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
    tokens = _trim(tokens)
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
        for q in quoted.starting_in(start, end + 3) if not _is_direct(q, direct))
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
    return any(not _is_direct(q, direct) for q in quoted.starting_in(sub[0].idx, sub[-1].idx + len(sub[-1])))


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


def _only_aside(last: Token, verb: Token) -> bool:
    """Between a clause and the cue after it stand only a comma, the cue's subject and adverbs (", he noted")."""
    subject = {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
    return all(t.i in subject or t.text == "," or t.is_space or (t.pos_ in ("ADV", "AUX") and t.head.i == verb.i)
               for t in verb.doc[last.i + 1 : verb.i])


FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})


def _object_as_subject(verb: Token, comp: Token) -> Token | None:
    """'He added the collapse of the aid system is "by design"': the subject the parse made an object.

    Without "that", the parse can read the clause's subject as the reporting
    verb's object and leave the finite clause after it subjectless. The
    object right before such a clause, with nothing between them, is its
    subject, and the content runs from it.
    """
    if comp.dep_ != "ccomp" or any(c.dep_ in SUBJECT_DEPS for c in comp.children):
        return None
    if comp.tag_ not in FINITE_TAGS and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                                for c in comp.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < comp.i), None)
    if obj is None or obj.right_edge.i + 1 != comp.left_edge.i:
        return None
    # "told a young woman who suggested that ... is not a viable strategy": an object with
    # a clause of its own is the hearer, and the subjectless clause a misparse of the quotation.
    if any(t.pos_ in ("VERB", "AUX") for t in obj.subtree):
        return None
    return obj


def _claim_owner(verb: Token, comp: Token) -> Token | None:
    """'countered her claims that she had a rotten time': the owner of the claim the clause spells out.

    The parse hangs the that-clause on the verb, though it is the content of
    the claim noun right before it; the claim is its possessor's, not the
    words of the verb's subject, who rejects it.
    """
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.lower_ in NOMINAL_CUES and obj.i < comp.i:
            owner = next((c for c in obj.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner
    return None


def _in_noun_phrase(token: Token, verb: Token) -> bool:
    """The token modifies a noun on its way up to ``verb`` (an acl or relcl clause of the object)."""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in ("acl", "relcl"):
            return True
        token = token.head
    return False


def _nominal(parsed: Parsed, noun: Token, quoted: SpanIndex[Quoted], direct: SpanIndex[Quoted]
                ) -> Candidate | None:
    """'His remarks that ...', 'reiterated claims that ...': a that-clause on a speech noun.

    The speaker is the noun's possessor, else the subject of the verb it is the object of.
    """
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i), None)
    if clause is None:
        return None
    tokens = _trim(list(clause.subtree))
    if len(tokens) < 4 or tokens[0].lower_ != "that":
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    if direct.overlaps(start, end) or "\n" in parsed.text[start:end]:
        return None
    subject = next((c for c in noun.children if c.dep_ == "poss"), None)
    if subject is None and noun.dep_ == "dobj":
        subject = subject_of(parsed, noun.head, quoted)
    if subject is None:
        return None
    return Candidate(start=start, end=end, kind="indirect", paragraph=parsed.block_of(start),
                      cue=noun.head if noun.dep_ == "dobj" else noun, subject=subject)


SCOPE_CLIMB_DEPS = frozenset({"attr", "dobj", "pobj", "acomp", "oprd", "advcl", "prep", "npadvmod"})
"""Links from the word a trailing "according to" hangs on up to the clause it scopes over."""


def _according_scope(verb: Token, first: int) -> Token:
    """The head of the clause a trailing "according to X" is about.

    The parse hangs a trailing "according to critics" on the nearest word:
    "Harry's backlash was a 'kick in the teeth' according to critics" on
    "kick", "Markle 'turned and hissed' at a staffer, leaving them in 'tears'
    according to a correspondent" on "leaving". The source vouches for the
    whole clause before it, so the scope climbs from a noun or a participle
    clause to the finite verb that governs it, inside the sentence; a
    leading "According to X, ..." is left on its head.
    """
    head = verb.head
    if head.i == verb.i or head.i > first:
        return head
    while (head.dep_ in SCOPE_CLIMB_DEPS and head.head.i != head.i and head.head.i < first
           and (head.pos_ not in ("VERB", "AUX") or head.tag_ in ("VBG", "VBN"))):
        head = head.head
    return head


def _according(parsed: Parsed, verb: Token, direct: SpanIndex[Quoted]) -> Candidate | None:
    """'According to X, CLAUSE' or 'CLAUSE, according to X': X is the speaker."""
    to = next(c for c in verb.children if c.lower_ == "to")
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None or source.lower_ in NON_SOURCE_ACCORDING:
        return None  # "If all goes according to plan": no source
    phrase = list(verb.subtree)
    head = _according_scope(verb, phrase[0].i)
    clause = [t for t in head.subtree if not (phrase[0].i <= t.i <= phrase[-1].i)]
    if head.i == verb.i or not clause:
        return None
    if phrase[0].i < clause[0].i:
        body_tokens = [t for t in clause if t.i > phrase[-1].i]
    else:
        body_tokens = [t for t in clause if t.i < phrase[0].i]
    tokens = _trim(body_tokens)
    if len(tokens) < 3:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    if direct.overlaps(start, end):
        return None
    if parsed.block_of(start) != parsed.block_of(end - 1):
        return None
    return Candidate(start=start, end=end, kind="indirect", paragraph=parsed.block_of(start),
                      cue=verb, subject=source)
