"""A headline from the lead sentence's main clause, for articles without one.

Notes:
    Headline style: present tense, no asides. "X announced on Wednesday that
    Y, intensifying ..." becomes "X says Y": the reporting verb turns into
    "says" and the reported clause is kept without its "that". Otherwise the
    headline is the main clause as written, without a leading scene-setter
    ("As the earth shook, ..."). It ends at the first comma or dash after the
    verb (what follows is an aside) and, when still too long, at the last
    phrase boundary that fits: a phrase is never cut in the middle.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.lexicon.grammar import KEEP_MARKERS
from generator.lexicon.speech import CLAUSE_PRONOUNS, HEADLINE_FORMS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

HEADLINE_MAX = 90
SET_OFF = frozenset({",", ";", ":", "\u2014", "\u2013", "-", "--"})
"""Punctuation after the verb that sets an aside off from the clause."""
PHRASE_STARTS = frozenset({"prep", "advcl", "relcl", "acl", "agent", "npadvmod", "appos"})
"""A headline may end just before a phrase of one of these kinds, never inside one."""
QUOTES = ("\"", "\u201c", "\u201d", "'", "\u2018")


REPORTING_FORMS = frozenset(
    {form for lemma, present in HEADLINE_FORMS.items() for form in (lemma, present)}
    | {"said", "says", "told", "tells", "announced", "stated", "declared", "claimed", "confirmed", "denied",
       "warned", "insisted", "reported", "revealed", "admitted", "argued", "added", "adds", "according"}
)  # fmt: skip
"""A headline ending on one of these stops before what was said ("Obama says")."""
DANGLING = frozenset({"that", "to", "of", "and", "or", "but", "the", "a", "an", "by", "with", "as", "for", "in", "on"})
"""Words a headline cannot end on: what they open was cut away."""


def _complete(text: str) -> bool:
    """Quotation marks pair up and the text does not stop on a verb of saying or an opener."""
    words = text.rstrip(" ,;:.").split()
    last = words[-1].lower().strip("\"'\u201d\u2019") if words else ""
    return _balanced(text) and last not in REPORTING_FORMS and last not in DANGLING


def _balanced(text: str) -> bool:
    """Quotation marks pair up; an apostrophe inside a word ("Russia’s") is no mark."""
    inner = re.sub(r"(?<=\w)['\u2019](?=\w)", "", text)
    return (
        inner.count("\u201c") == inner.count("\u201d")
        and inner.count("\u2018") == inner.count("\u2019")
        and inner.count('"') % 2 == 0
        and inner.count("'") % 2 == 0
    )


def _main_start(span: Span, head: Token) -> int:
    """Index where the main clause starts: after a leading scene-setter and its comma."""
    subj = next((t for t in head.children if t.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    first = subj.left_edge.i if subj is not None else head.left_edge.i
    lead = span.doc[span.start : first]
    if not len(lead) or lead[-1].text != ",":
        return span.start
    # The lead must be one whole adverbial clause or phrase of the verb, and
    # not a condition ("If ..."), which changes what the clause claims.
    setter = next((t for t in head.children if t.left_edge.i == span.start and t.right_edge.i == first - 2), None)
    if setter is None or setter.dep_ not in ("advcl", "prep", "npadvmod", "advmod"):
        return span.start
    mark = next((t.lower_ for t in setter.children if t.dep_ == "mark"), "")
    return span.start if mark in KEEP_MARKERS else first


def _set_off(tok: Token) -> bool:
    """A comma, or a dash with spaces around it (not the hyphen of "anti-Islamic")."""
    if tok.text in (",", ";", ":"):
        return True
    spaced = bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)
    return tok.text in SET_OFF and spaced


def _cuts(span: Span, begin: int, verb: Token) -> list[int]:
    """Token indices a headline may end before, in order: where whole trailing phrases start."""
    doc = span.doc
    starts = {
        t.left_edge.i
        for t in span
        if t.i > verb.i
        and (t.dep_ in PHRASE_STARTS or (t.dep_ == "cc" and t.head.pos_ in ("VERB", "AUX")))
    }
    cuts = []
    for i in range(verb.i + 1, span.end):
        tok = doc[i]
        if not (_set_off(tok) or tok.is_space or i in starts or (tok.is_punct and i == span.end - 1)):
            continue
        # Nothing kept may depend on what is cut: "the vast majority | of X will not
        # get" would leave a subject without its verb.
        if any(t.head.i >= i and t.head.i < span.end for t in doc[begin:i] if t.head.i != t.i):
            continue
        cuts.append(i)
    cuts.append(span.end)
    return cuts


def _join(doc: Doc, start: int, end: int, skip: frozenset[int] = frozenset(), floor: int = 0) -> str:
    """Tokens ``start:end`` less ``skip`` as text; characters before ``floor`` (a dateline) left out."""
    # A space stays where a skipped token stood ("people, a population ..., have").
    words = "".join(
        (t.text + (t.whitespace_ or (" " if t.i + 1 in skip else "")))[max(0, floor - t.idx) :]
        for t in doc[start:end]
        if t.i not in skip
    )
    text = re.sub(r"\s+([,.;:!?])", r"\1", " ".join(words.split())).strip(" ,;:\u2014\u2013-")
    # A final full stop is not headline style; one closing "U.S." stays.
    return text[:-1] if text.endswith(".") and not re.search(r"\b[A-Z]\.$", text) else text


def _subject_asides(subj: Token | None) -> frozenset[int]:
    """Clauses and asides inside a long subject ("A trader who swindled cash ..."), to drop when needed."""
    if subj is None:
        return frozenset()
    drop: set[int] = set()
    for tok in subj.subtree:
        if tok.dep_ in ("relcl", "acl", "appos") and tok.head.i in {t.i for t in subj.subtree}:
            drop |= {t.i for t in tok.subtree}
            doc = tok.doc
            # the commas around a dropped aside go with it
            for edge in (tok.left_edge.i - 1, tok.right_edge.i + 1):
                if 0 <= edge < len(doc) and doc[edge].text == ",":
                    drop.add(edge)
    return frozenset(drop)


def _boundary_cut(
    doc: Doc, begin: int, end: int, verb: Token, prefix: str, limit: int, skip: frozenset[int], floor: int
) -> str | None:
    """Last resort: end before a preposition, conjunction or "to" (a phrase start by word class)."""
    best = None
    for tok in doc[verb.i + 1 : end]:
        text = prefix + _join(doc, begin, tok.i, skip, floor)
        if len(text) > limit:
            break
        if tok.pos_ in ("ADP", "CCONJ", "SCONJ", "PART") or tok.tag_ in ("WDT", "WP") or _set_off(tok):
            best = text if _complete(text) else best
    return best


def derive_headline(doc: Doc, start: int, end: int, *, limit: int = HEADLINE_MAX) -> str | None:
    """The main clause of the sentence at ``start:end``, rewritten as a headline."""
    # "(CNN)They": a dateline glued to the first word shares its token; keep the
    # token and leave out the characters before ``start``.
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return None
    root = span.root
    subj = next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    reported = next((t for t in root.children if t.dep_ == "ccomp"), None)
    present = HEADLINE_FORMS.get(root.lemma_.lower())
    prefix = ""
    verb = root
    if present and subj is not None and reported is not None and subj.lower_ not in CLAUSE_PRONOUNS:
        # "X announced on Wednesday that Y" and "Y, X said" -> "X says Y".
        plural = subj.tag_ in ("NNS", "NNPS")
        speaker = _join(doc, subj.left_edge.i, subj.right_edge.i + 1)
        prefix = f"{speaker} {root.lemma_.lower() if plural else present} "
        first = reported.left_edge
        if first.lower_ == "that" and first.dep_ == "mark":
            first = doc[first.i + 1]
        begin, verb = max(first.i, span.start), reported
        first = doc[begin]
        region = doc[begin : reported.right_edge.i + 1] if reported.i < root.i else span
        if reported.i < root.i and first.tag_ not in ("NNP", "NNPS") and first.text != "I":
            prefix += first.text[max(0, start - first.idx) :].lower() + first.whitespace_
            begin += 1
    else:
        begin = _main_start(span, root)
        region = span
    best = None
    # Try the clause as written first; then without asides inside a long subject.
    subject = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    for skip in (frozenset(), _subject_asides(subject)):
        best = _fit(doc, region, begin, verb, prefix, limit, skip, start)
        if best:
            break
    # Last resort, for parses too tangled for the rules: the sentence itself,
    # ending before a preposition or conjunction.
    best = best or _boundary_cut(doc, span.start, span.end, span[0], "", limit, frozenset(), start)
    if not best:
        return None
    return best[0].upper() + best[1:]


def _fit(
    doc: Doc, region: Span, begin: int, verb: Token, prefix: str, limit: int, skip: frozenset[int], floor: int
) -> str | None:
    """The longest headline ending at a phrase boundary, no further than the first aside."""
    best = None
    aside_seen = False
    for cut in _cuts(region, begin, verb):
        text = prefix + _join(doc, begin, cut, skip, floor)
        if len(text) > limit or aside_seen:
            break
        if _complete(text):
            best = text
        aside_seen = _set_off(doc[cut]) if cut < len(doc) else True
    return best or _boundary_cut(doc, begin, region.end, verb, prefix, limit, skip, floor)
