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

from typing import TYPE_CHECKING

from generator.extract.budget import check
from generator.extract.spans import SpanIndex
from generator.extract.speech.according import according
from generator.extract.speech.candidates import Candidate, trim_edges
from generator.extract.speech.complements import complement
from generator.extract.speech.nonspeech import (
    is_conditional,
    is_generic_subject,
    is_gloss,
    is_headline_passive,
    is_question_put,
)
from generator.extract.speech.quote_marks import Quoted
from generator.extract.speech.speakers import SUBJECT_DEPS
from generator.extract.speech.subjects import inside, is_cue, subject_of
from generator.lexicon.speech import (
    ADDRESSEE_VERBS,
    BELIEF_VERBS,
    CLAUSE_ONLY_VERBS,
    DOCUMENT_NOUNS,
    LABELLING_CUES,
    NOMINAL_CUES,
    QUESTION_VERBS,
    REPORTING_VERBS,
    SPEECH_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from generator.nlp import Parsed


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
            cand = according(parsed, verb, direct)
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
            labelled = complement(parsed, verb, quoted, direct)
            if labelled is not None:
                found.append(labelled)
            continue
        asides = _parenthetical(parsed, verb, quoted, direct)
        if not asides:
            asides = [c for c in [complement(parsed, verb, quoted, direct)] if c is not None]
        if asides:
            found.extend(asides)
            continue
        hearer = _hearer_clauses(verb)
        for comp in (*verb.children, *_in_document_clauses(verb), *hearer):
            if (comp.dep_ not in ("ccomp", "acl") and comp not in hearer) or inside(comp.idx, direct) or not (
                    parsed.same_line(comp, verb)):
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
            tokens = trim_edges([t for t in tokens if cut is None or t.i < cut])
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
    host = _main_clause(head, verb)
    aside = {t.i for t in verb.subtree}
    found: list[Candidate] = []
    rest = [t for t in host.subtree if t.i not in aside and parsed.same_line(t, verb)]
    for side in ([t for t in rest if t.i < first - 1], [t for t in rest if t.i > verb.i]):
        tokens = trim_edges(side)
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


def _main_clause(head: Token, verb: Token) -> Token:
    """The clause a parenthetical cue reports, past a fronted subordinate clause the parse hung it on.

    "Though that transition was seamless, he said, replacing Clinton would
    be acrimonious": the parse makes "said" a parataxis of the "though"
    clause, whose own head is the main clause after the cue. The cue
    reports the whole sentence, so the side after it is read off the main
    clause (the fronted side still never counts alone).
    """
    main = head.head
    if (head.dep_ == "advcl" and head.left_edge.lower_ in FRONTED_SUBORDINATORS and main.i != head.i
            and main.i > verb.i and main.pos_ in ("VERB", "AUX") and head.right_edge.i < verb.i):
        return main
    return head


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


def _hearer_clauses(verb: Token) -> list[Token]:
    """The that-clause of "told a meeting of leaders that few people understood ...", hung on the hearer.

    After a verb that names its hearer ("told", "assured", "warned"), the
    parse can read "that" as a relative pronoun and make the clause a
    relative clause of the hearer (or of the noun the hearer phrase ends
    in). A relative "that" is the clause's subject or object; here it is
    its marker (dep ``mark``) and the clause has a subject of its own, so
    the clause is the verb's content, not a description of the hearer.
    """
    if verb.lemma_.lower() not in ADDRESSEE_VERBS or any(c.dep_ in ("ccomp", "auxpass") for c in verb.children):
        return []
    out: list[Token] = []
    for obj in verb.children:
        if obj.dep_ not in ("dobj", "dative") or obj.i < verb.i:
            continue
        for noun in (obj, *(o for p in obj.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj")):
            out.extend(c for c in noun.children if c.dep_ == "relcl" and c.i > noun.i
                       and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"
                       and any(s.dep_ in SUBJECT_DEPS for s in c.children))
    return out


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


def _nominal(parsed: Parsed, noun: Token, quoted: SpanIndex[Quoted], direct: SpanIndex[Quoted]
                ) -> Candidate | None:
    """'His remarks that ...', 'reiterated claims that ...': a that-clause on a speech noun.

    The speaker is the noun's possessor, else the subject of the verb it is the object of.
    """
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i), None)
    if clause is None:
        return None
    tokens = trim_edges(list(clause.subtree))
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
