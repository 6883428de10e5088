"""A learned attribution tagger: cue, content and source read off the parse.

Notes:
    Three small logistic models over spaCy-parse features, trained on the
    PolNeAR training split (``train/attribution_tagger.py``; the weights are
    data, ``generator/data/attribution_weights.json``):

    1. ``cue``: is this token the head of an attribution cue ("said",
       "according", "accused", "criticism")? Attribution corpora count far
       more than speech verbs (PolNeAR: "called for", "is drawing criticism",
       "pledged", "cited"), more than a word list can say without context.
    2. ``part``: for a cue, is this child's subtree (or the clause hosting the
       cue, for "..., he said, ...") part of the content? The content is the
       stretch from the first to the last part kept.
    3. ``source``: which nominal of the sentence is the source? Candidates are
       ranked by the dependency path from the cue ("nsubj", "^relcl" ...), and
       the best is kept only above a threshold: no source rather than a guess.

    A model is a bias and a weight per feature string; a score is their sum
    (no numpy at run time). Features are written here only, and the training
    script imports them, so training and use cannot drift apart.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from generator.lexicon.speech import REPORTING_VERBS, SOURCE_VERBS, SPEECH_VERBS

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from spacy.tokens import Token

    from generator.nlp import Parsed

WEIGHTS_FILE = Path(__file__).resolve().parents[2] / "data" / "attribution_weights.json"

CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "ADP", "PROPN"})
"""Parts of speech a cue head has in PolNeAR (punctuation cues, ":" before a quotation, are the quote finder's)."""
SOURCE_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
SKIP_PART_DEPS = frozenset({"punct", "space", "cc"})
MAX_PATH = 4
"""Dependency steps from the cue to a source candidate; further ones share one feature."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Model:
    """A logistic model: ``bias + sum(weights[f])`` over the features present."""

    bias: float
    weights: Mapping[str, float]
    threshold: float = 0.0
    """The score (log-odds) a prediction needs."""

    def score(self, features: Iterable[str]) -> float:
        # map over dict.get: the same sum in the same order, without a generator frame per feature.
        return self.bias + sum(map(self.weights.get, features, repeat(0.0)))


@dataclass(frozen=True, slots=True, kw_only=True)
class Weights:
    cue: Model
    part: Model
    source: Model
    act_threshold: float = math.inf
    """The cue score (log-odds) an attribution needs when its content is an act with its object
    rather than a claim ("outlined his plan for the railways", "imposed sanctions on the firm"):
    no clause, no quotation. PolNeAR counts these; a sourcing note lists claims, and "the United
    States imposed sanctions on ..." is none however sure the cue, so the shipped file gives no
    value: infinite, never (``train/attribution_thresholds.py --acts`` shows what a finite one buys
    on PolNeAR)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Tagged:
    """One attribution the tagger found: token indices of the parse."""

    cue: int
    content: tuple[int, ...]
    """The content's tokens, in order (the stretch from first to last is the span)."""
    source: int | None
    confidence: float
    """Probability the cue model gives the cue."""
    score: float = 0.0
    """The cue model's log-odds (``confidence`` before the sigmoid), compared with thresholds."""


def _model(raw: Mapping[str, object]) -> Model:
    weights = raw["weights"]
    assert isinstance(weights, dict)
    return Model(bias=float(str(raw["bias"])), weights={str(k): float(v) for k, v in weights.items()},
                 threshold=float(str(raw.get("threshold", 0.0))))


@functools.cache
def load_weights(path: Path | None = None) -> Weights | None:
    """The shipped weights (or those in ``path``), or None when the file is absent (the rules then work alone)."""
    path = path or WEIGHTS_FILE
    if not path.exists():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Weights(cue=_model(raw["cue"]), part=_model(raw["part"]), source=_model(raw["source"]),
                   act_threshold=float(raw.get("act_threshold", math.inf)))


def _lexicon(lemma: str) -> list[str]:
    out = []
    if lemma in SPEECH_VERBS:
        out.append("lex:speech")
    if lemma in REPORTING_VERBS:
        out.append("lex:reporting")
    if lemma in SOURCE_VERBS:
        out.append("lex:source")
    return out


def cue_features(tok: Token, inside_quote: bool) -> list[str]:
    """What says whether ``tok`` heads an attribution cue."""
    # Asked of most tokens of every article: each spaCy attribute is read once (a read builds a
    # Python object), and the features come in the same order as ever (the score is their sum).
    lemma, pos, dep = tok.lemma_.lower(), tok.pos_, tok.dep_
    head = tok.head
    hpos = head.pos_
    f = [f"lemma={lemma}", f"pos={pos}", f"tag={tok.tag_}", f"dep={dep}", f"lemma_pos={lemma}|{pos}",
         f"lemma_dep={lemma}|{dep}", f"hdep={head.dep_}", f"hpos={hpos}", f"dep_hpos={dep}|{hpos}",
         f"quote={inside_quote}"]
    f += _lexicon(lemma)
    children = [(c, c.dep_) for c in tok.children]
    for d in sorted({d for _, d in children}):
        f.append(f"child={d}")
        f.append(f"lemma_child={lemma}|{d}")
    for c, d in children:
        if d in _WORD_DEPS:
            low = c.lower_
            f.append(f"childword={d}|{low}")
            f.append(f"lemma_childword={lemma}|{low}")
        elif d in _COMP_DEPS:
            f.append(f"comp_mark={d}|{next((m.lower_ for m in c.children if m.dep_ == 'mark'), '-')}")
        elif d in _SUBJ_DEPS:
            cpos = c.pos_
            f.append(f"subj={cpos}|{c.ent_type_ or '-'}")
            if cpos == "PRON":
                f.append(f"subjword={c.lower_}")
    i = tok.i
    if head.i != i:
        hlemma = head.lemma_.lower()
        f.append(f"hlemma={hlemma}")
        f.append(f"lemma_hlemma={lemma}|{hlemma}")
    doc = tok.doc
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else "</s>"
    f.append(f"prev={doc[i - 1].lower_ if i > 0 else '<s>'}")
    f.append(f"next={nxt}")
    f.append(f"next_lemma={lemma}|{nxt}")
    return f


_WORD_DEPS = frozenset({"prep", "prt", "dative", "mark", "neg", "aux", "auxpass"})
_COMP_DEPS = frozenset({"ccomp", "xcomp"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})


def part_candidates(parsed: Parsed, cue: Token) -> list[tuple[str, list[Token]]]:
    """The pieces the content is made of: each child's subtree, and the clause hosting the cue."""
    out: list[tuple[str, list[Token]]] = []
    for child in cue.children:
        if child.dep_ in SKIP_PART_DEPS or child.is_space:
            continue
        tokens = [t for t in child.subtree if parsed.same_line(t, cue)]
        if tokens:
            out.append((f"child:{child.dep_}", tokens))
    head = cue.head
    if head.i != cue.i and parsed.same_line(head, cue):
        own = {t.i for t in cue.subtree}
        tokens = [t for t in head.subtree if t.i not in own and parsed.same_line(t, cue)]
        if tokens:
            out.append(("host", tokens))
    return out


def _shallowest(tokens: list[Token]) -> Token:
    """The token nearest the root of the parse (the first in the text among equals).

    Only a token whose head is outside ``tokens`` can be it (a head inside is
    nearer the root), so the depth is counted for those alone, mostly just one:
    counting every token's ancestors made this quadratic in a clause's length.
    """
    inside = {t.i for t in tokens}
    tops = [t for t in tokens if t.head.i == t.i or t.head.i not in inside]
    if len(tops) == 1:
        return tops[0]
    return min(tops or tokens, key=lambda t: (len(list(t.ancestors)), t.i))


def part_features(cue: Token, name: str, tokens: list[Token]) -> list[str]:
    """What says whether one piece belongs to the content of ``cue``."""
    lemma = cue.lemma_.lower()
    first, last = tokens[0], tokens[-1]
    root = _shallowest(tokens)
    side = "left" if last.i < cue.i else ("right" if first.i > cue.i else "around")
    n = len(tokens)
    size = "1" if n == 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9+"
    verbal = any(t.pos_ in ("VERB", "AUX") for t in tokens)
    f = [f"name={name}", f"name_side={name}|{side}", f"name_lemma={name}|{lemma}", f"name_size={name}|{size}",
         f"name_verbal={name}|{verbal}", f"name_cuedep={name}|{cue.dep_}", f"name_cuepos={name}|{cue.pos_}",
         f"root={root.pos_}|{name}", f"rootword={name}|{root.lower_}" if root.pos_ in ("ADP", "SCONJ", "ADV") else
         "rootword=-", f"first={name}|{first.lower_}", f"name_ent={name}|{root.ent_type_ or '-'}"]
    f += [f"{x}|{name}" for x in _lexicon(lemma)]
    return f


def _path(cue: Token, cand: Token) -> str:
    """The dependency path from the cue to the candidate ("nsubj", "^ccomp>nsubj", "^relcl")."""
    up: list[Token] = [cue]
    while up[-1].head.i != up[-1].i and len(up) <= MAX_PATH:
        up.append(up[-1].head)
    ups = {t.i: n for n, t in enumerate(up)}
    down: list[str] = []
    t = cand
    while t.i not in ups:
        if len(down) >= MAX_PATH or t.head.i == t.i:
            return "far"
        down.append(t.dep_)
        t = t.head
    steps = ["^" + up[k].dep_ for k in range(ups[t.i])]
    return ">".join(steps + list(reversed(down))) or "self"


def source_candidates(cue: Token, content: Iterable[int] = ()) -> list[Token]:
    """Nominal heads of the cue's sentence, the cue and the content's own words excepted.

    The source never stands inside what it is said to have said, but it may
    stand between two parts of it ("The deal, she said, is dead").
    """
    own = set(content)
    return [t for t in cue.sent if t.pos_ in SOURCE_POS and t.i != cue.i and t.i not in own
            and t.dep_ not in ("compound", "nmod")]


def source_features(cue: Token, cand: Token, content: tuple[int, int] | None) -> list[str]:
    """What says whether ``cand`` is who ``cue`` attributes the content to."""
    lemma = cue.lemma_.lower()
    path = _path(cue, cand)
    dist = abs(cand.i - cue.i)
    near = "1" if dist == 1 else "2-3" if dist <= 3 else "4-8" if dist <= 8 else "9+"
    side = "before" if cand.i < cue.i else "after"
    inside = content is not None and content[0] <= cand.i <= content[1]
    pron = cand.lower_ if cand.pos_ == "PRON" else "-"
    f = [f"path={path}", f"path_lemma={path}|{lemma}", f"path_cuepos={path}|{cue.pos_}", f"pos={cand.pos_}",
         f"dep={cand.dep_}", f"ent={cand.ent_type_ or '-'}", f"pron={pron}", f"near={near}|{side}",
         f"inside={inside}", f"path_inside={path}|{inside}", f"path_pos={path}|{cand.pos_}",
         f"cuedep={cue.dep_}", f"path_cuedep={path}|{cue.dep_}"]
    return f


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def content_of(parsed: Parsed, cue: Token, model: Model) -> tuple[int, ...]:
    """Token indices of the content pieces the part model keeps, in order."""
    kept = {t.i for name, tokens in part_candidates(parsed, cue)
            if model.score(part_features(cue, name, tokens)) > model.threshold for t in tokens}
    return tuple(sorted(kept))


def source_of(cue: Token, content: tuple[int, ...], model: Model) -> int | None:
    """The best source candidate above the threshold, else none."""
    bounds = (content[0], content[-1]) if content else None
    best, pick = model.threshold, None
    for cand in source_candidates(cue, content):
        s = model.score(source_features(cue, cand, bounds))
        if s > best:
            best, pick = s, cand.i
    return pick


def tag(parsed: Parsed, weights: Weights, quoted: Iterable[tuple[int, int]] = ()) -> list[Tagged]:
    """Every attribution the models see in the article, in document order of their cues."""
    spans = sorted(quoted)
    out: list[Tagged] = []
    for tok in parsed.doc:
        if tok.pos_ not in CUE_POS:
            continue
        inside = any(s < tok.idx < e for s, e in spans)
        score = weights.cue.score(cue_features(tok, inside))
        if score <= weights.cue.threshold:
            continue
        content = content_of(parsed, tok, weights.part)
        if not content:
            continue
        out.append(Tagged(cue=tok.i, content=content, source=source_of(tok, content, weights.source),
                          confidence=sigmoid(score), score=score))
    return out
