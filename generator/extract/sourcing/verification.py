"""What the article says about its claims: unverifiable, disputed, denied.

A marker covers claims by one of three routes, tried in order:

1. its owner: "Moscow's claims of progress cannot be independently verified"
   covers earlier claims from Moscow's side (Russia, the Russian Ministry of
   Defense) in the paragraphs just before;
2. its place: a marker inside or right after a claim's content ("..., a
   precondition Kyiv has firmly rejected", "..., a claim that could not be
   verified") covers that claim;
3. nearness: "The figures could not be independently verified" covers the
   claims of its own sentence, else those of the sentence before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from generator.lexicon.grammar import NEGATIONS
from generator.lexicon.places import side_of
from generator.lexicon.speech import CHECK_VERBS, CLAIM_OBJECTS, DENIAL_CUES, DISPUTE_VERBS, UNCHECKED_WORDS
from generator.lexicon.text import words
from generator.model import Claim, SourceFlag

if TYPE_CHECKING:
    from spacy.tokens import Token

    from generator.nlp import Parsed

# How far back an owner marker reaches ("Moscow's claims" two paragraphs on).
OWNER_REACH_PARAGRAPHS = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class Marker:
    """One verification marker: its flag, where it is, and whose claims it names."""

    flag: SourceFlag
    offset: int
    sentence: tuple[int, int]
    owner: str | None = None
    target: tuple[int, int] | None = None
    """The clause the marker is attached to, when it sits on a cue ("claimed, without evidence, that ...")."""
    comment: bool = False
    """The marker sits in a relative clause or apposition on what precedes it."""
    about_claim: bool = True
    """The marker's object is a claim (always so for the unverified markers)."""


def _negated(tok: Token) -> bool:
    if any(c.lower_ in NEGATIONS for c in tok.children):
        return True
    # "were unable to verify", "could not independently confirm"
    head = tok.head
    return tok.dep_ == "xcomp" and (head.lower_ in NEGATIONS or any(c.lower_ in NEGATIONS for c in head.children))


def _owner(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ in ("nsubjpass", "nsubj", "dobj"):
            for poss in child.children:
                if poss.dep_ == "poss" and poss.pos_ == "PROPN":
                    names = [t for t in poss.subtree if t.dep_ != "case" and not t.is_punct]
                    return " ".join(t.text for t in names)
    return None


def _flag(tok: Token) -> SourceFlag | None:
    lemma = tok.lemma_.lower()
    if tok.lower_ in UNCHECKED_WORDS:
        return "unverified"
    if tok.pos_ not in ("VERB", "AUX"):
        if tok.lower_ == "evidence" and tok.head.lower_ == "without":
            return "unverified"  # "said, without evidence, that ..."
        return None
    if any(c.dep_ == "ccomp" for c in tok.children):
        return None  # "denied that ...": a cue, handled with its claim
    if lemma in CHECK_VERBS and _negated(tok):
        return "unverified"
    if lemma in DISPUTE_VERBS:
        return "disputed"
    if lemma in DENIAL_CUES:
        return "denied"
    return None


def markers(parsed: Parsed) -> list[Marker]:
    """Every verification marker of the document, in order."""
    found = []
    for sent in parsed.sentences:
        for tok in sent:
            flag = _flag(tok)
            if flag:
                target = None
                if tok.lower_ == "evidence" and tok.head.head.pos_ == "VERB":
                    comps = [c for c in tok.head.head.children if c.dep_ == "ccomp"]
                    if comps:
                        sub = list(comps[0].subtree)
                        target = (sub[0].idx, sub[-1].idx + len(sub[-1]))
                comment = tok.dep_ in ("relcl", "acl") or any(a.dep_ in ("appos", "relcl") for a in tok.ancestors)
                objects = {c.lower_ for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
                found.append(Marker(flag=flag, offset=tok.idx, sentence=(sent.start_char, sent.end_char),
                                    owner=_owner(tok), comment=comment, target=target,
                                    about_claim=flag == "unverified" or bool(objects & CLAIM_OBJECTS)))
    return found


def _same_side(source: str, owner: str) -> bool:
    if " ".join(words(source)).casefold() == owner.casefold():
        return True
    side = side_of(owner)
    return side is not None and side_of(source) == side


def _covered(marker: Marker, claims: list[Claim], parsed: Parsed,
             sentences: list[tuple[int, int]]) -> list[int]:
    placed = [i for i, c in enumerate(claims) if c.claim is not None]
    if marker.target:
        t_start, t_end = marker.target
        return [i for i in placed if claims[i].claim.start < t_end and t_start < claims[i].claim.end]  # type: ignore[union-attr]
    if marker.owner:
        first_para = max(1, parsed.paragraph_of(marker.offset) - OWNER_REACH_PARAGRAPHS)
        paragraphs = parsed.article.paragraphs
        limit = paragraphs[first_para - 1].start if paragraphs else 0
        hits = [i for i in placed if limit <= claims[i].claim.start < marker.offset  # type: ignore[union-attr]
                and claims[i].kind in ("government", "person", "state_media", "organization")
                and _same_side(claims[i].source, marker.owner)]
        if hits:
            return hits
    s_start, s_end = marker.sentence
    inside = [i for i in placed if claims[i].claim.start <= marker.offset <= claims[i].claim.end + 3  # type: ignore[union-attr]
              and s_start <= claims[i].claim.start < s_end]  # type: ignore[union-attr]
    if marker.comment:
        # "..., a precondition Kyiv has firmly rejected": the claim it comments on.
        if inside:
            return inside
        ended = [i for i in placed if s_start <= claims[i].claim.start and claims[i].claim.end <= marker.offset]  # type: ignore[union-attr]
        last = max((claims[i].claim.end for i in ended), default=None)  # type: ignore[union-attr]
        return [i for i in ended if claims[i].claim.end == last]  # type: ignore[union-attr]
    if not marker.about_claim:
        return []
    # Claims of the marker's sentence that end before it (not those whose words hold it).
    same = [i for i in placed if s_start <= claims[i].claim.start and claims[i].claim.end <= marker.offset  # type: ignore[union-attr]
            and i not in inside]
    if same:
        return same
    if inside:
        return []
    before = [b for b in sentences if b[1] <= s_start]
    for b_start, b_end in reversed(before[-2:]):
        hits = [i for i in placed if b_start <= claims[i].claim.start < b_end]  # type: ignore[union-attr]
        if hits:
            return hits
    return []


def apply_markers(claims: list[Claim], parsed: Parsed) -> list[Claim]:
    """The claims with the flags of the markers that cover them."""
    sentences = [(s.start_char, s.end_char) for s in parsed.sentences]
    out = list(claims)
    for marker in markers(parsed):
        for i in _covered(marker, out, parsed, sentences):
            if marker.flag not in out[i].flags:
                out[i] = replace(out[i], flags=(*out[i].flags, marker.flag))
    return out
