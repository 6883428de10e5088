"""Fit the attribution tagger (cue, content, source) on PolNeAR's training split.

Usage: ``python train/attribution_tagger.py [--write] [--cache DIR] [--holdout N] [--cue-threshold T]
[--source-threshold T] [--act-threshold T] [--holdout-weights FILE]``

The shipped weights: ``--cache DIR --write --cue-threshold -1.0
--source-threshold 0.0`` (no ``--act-threshold``: acts are no claims; about 15 minutes on a loaded
2-core machine; the parse alone is 3 of them), the thresholds chosen end to
end by ``train/attribution_thresholds.py`` on the models that
``--holdout-weights FILE`` writes (fitted without the held-out articles).

Reads ``attributions_train.jsonl`` (840 US political articles, 19,832
attributions) from the shared folder (``../shared`` beside the checkout, or
``$NEWSBRIEF_SHARED``), parses each article with the package's own pipeline
(``--cache DIR`` keeps the parses as spaCy ``DocBin`` files between runs) and
builds, with the features of ``generator.extract.speech.learned``:

- cue: every token of a cue part of speech; positive when it is the
  syntactic head of a gold cue span ("has often *cited*", "*according* to");
- part: for each gold cue, each piece (a child's subtree, or the clause
  hosting the cue); positive when half its words lie in the gold content;
- source: for each gold cue, every nominal of its sentence; positive when it
  is the head of the gold source span (none is, when the gold source is
  empty or outside the sentence: the model learns to abstain).

Each model is an L2-regularised logistic regression fitted by full-batch
Adam in numpy. The last ``--holdout`` articles (100) are held out: every
figure printed is measured on them. The cue threshold is the one with the
best held-out cue F1; the source threshold (log-odds a source needs, else
none) is read off the held-out table of source accuracy against coverage.
``--write`` then fits on all articles and writes
``generator/data/attribution_weights.json``. The development set
(``attributions_dev.jsonl``) is never read here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _parses import cached_docs  # noqa: E402

from generator import ingest, nlp  # noqa: E402
from generator.extract.speech import learned  # noqa: E402
from generator.extract.speech.quote_marks import quoted_spans  # noqa: E402

SHARED = Path(os.environ.get("NEWSBRIEF_SHARED") or ROOT.parent / "shared").resolve()
GOLD = SHARED / "eval" / "attributions_train.jsonl"
MIN_COUNT = 5
"""A feature seen fewer times in training gets no weight."""
L2 = {"cue": 1.0, "part": 1.0, "source": 1.0}
KEEP = 0.02
"""Weights smaller than this are left out of the shipped file (they change no decision)."""

Rows = list[tuple[list[str], int]]


@dataclass
class Examples:
    cue: Rows = field(default_factory=list)
    part: Rows = field(default_factory=list)
    source: list[list[tuple[list[str], int]]] = field(default_factory=list)
    """One group per gold cue: its candidates."""


def _docs(records: list[dict[str, Any]], cache: Path | None) -> list[nlp.Parsed]:
    articles = [ingest.loads(r["text"], "x.txt") for r in records]
    file = cache / "attributions_train.spacy" if cache else None
    docs = cached_docs((a.body for a in articles), file, batch_size=16)
    assert len(docs) == len(records)
    return [nlp.parse(a, d) for a, d in zip(articles, docs, strict=True)]


def _head(tokens: list[Any]) -> Any:
    """The token of a span whose head lies outside it (the shallowest, first)."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return min(roots or tokens, key=lambda t: (len(list(t.ancestors)), t.i))


def _tokens(parsed: nlp.Parsed, start: int, end: int) -> list[Any]:
    return [t for t in parsed.tokens_in(start, end) if not t.is_space and not t.is_punct]


def examples(parsed: nlp.Parsed, record: dict[str, Any], out: Examples) -> None:
    doc = parsed.doc
    quoted = sorted((q.start, q.end) for q in quoted_spans(parsed.text, parsed.blocks))
    cues: dict[int, dict[str, Any]] = {}
    for g in record["quotes"]:
        cue_tokens = [t for s, e in g["cue_spans"] for t in _tokens(parsed, s, e)]
        if not cue_tokens:
            continue
        head = _head(cue_tokens)
        if head.pos_ in learned.CUE_POS:
            cues.setdefault(head.i, g)
    for tok in doc:
        if tok.pos_ in learned.CUE_POS:
            inside = any(s < tok.idx < e for s, e in quoted)
            out.cue.append((learned.cue_features(tok, inside), int(tok.i in cues)))
    for i, g in cues.items():
        cue = doc[i]
        chars: set[int] = set()
        for s, e in g["content_spans"]:
            chars.update(range(s, e))
        for name, tokens in learned.part_candidates(parsed, cue):
            words = [t for t in tokens if not t.is_punct and not t.is_space]
            share = sum(t.idx in chars for t in words) / len(words) if words else 0.0
            out.part.append((learned.part_features(cue, name, tokens), int(share >= 0.5)))
        gold_source = None
        if g.get("speaker_start") is not None and g["speaker_end"] > g["speaker_start"]:
            src = _tokens(parsed, g["speaker_start"], g["speaker_end"])
            if src:
                gold_source = _head(src).i
        idx = [t.i for t in doc if t.idx in chars]
        bounds = (min(idx), max(idx)) if idx else None
        group = []
        for cand in learned.source_candidates(cue, idx):
            group.append((learned.source_features(cue, cand, bounds), int(cand.i == gold_source)))
        out.source.append(group)


def fit(rows: Rows, l2: float, steps: int = 300) -> learned.Model:
    counts = Counter(f for feats, _y in rows for f in set(feats))
    vocab = {f: n for n, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    pad = len(vocab)
    width = max(len(feats) for feats, _y in rows)
    x = np.full((len(rows), width), pad, dtype=np.int64)
    for r, (feats, _y) in enumerate(rows):
        ids = sorted({vocab[f] for f in feats if f in vocab})
        x[r, : len(ids)] = ids
    y = np.array([label for _f, label in rows], dtype=float)
    w = np.zeros(pad + 1)
    b = 0.0
    m, v, mb, vb = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    lr, beta1, beta2, eps = 0.1, 0.9, 0.999, 1e-8
    n = len(rows)
    for step in range(1, steps + 1):
        z = w[x].sum(axis=1) + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g = p - y
        gw = np.bincount(x.ravel(), weights=np.repeat(g, width), minlength=pad + 1) / n + l2 * w / n
        gw[pad] = 0.0
        gb = float(g.mean())
        m = beta1 * m + (1 - beta1) * gw
        v = beta2 * v + (1 - beta2) * gw * gw
        w -= lr * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + eps)
        mb = beta1 * mb + (1 - beta1) * gb
        vb = beta2 * vb + (1 - beta2) * gb * gb
        b -= lr * (mb / (1 - beta1**step)) / (np.sqrt(vb / (1 - beta2**step)) + eps)
    names = sorted(vocab, key=vocab.__getitem__)
    weights = {f: round(float(w[vocab[f]]), 4) for f in names if abs(w[vocab[f]]) >= KEEP}
    return learned.Model(bias=round(float(b), 4), weights=weights)


def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(models: dict[str, learned.Model], held: Examples) -> dict[str, float]:
    """Held-out figures: cue F1 at the best threshold, part accuracy, source accuracy and coverage."""
    scores = [(models["cue"].score(f), y) for f, y in held.cue]
    gold = sum(y for _s, y in scores)
    best = (0.0, 0.0)
    for t in np.arange(-2.0, 2.01, 0.25):
        tp = sum(1 for s, y in scores if s > t and y)
        pred = sum(1 for s, _y in scores if s > t)
        f1 = _prf(tp, pred, gold)[2]
        if f1 > best[0]:
            best = (f1, float(t))
    part = sum((models["part"].score(f) > 0) == bool(y) for f, y in held.part) / max(1, len(held.part))
    out = {"cue_f1": round(best[0], 4), "cue_threshold": best[1], "part_accuracy": round(part, 4)}
    for t in (-1.0, -0.5, 0.0, 0.5, 1.0):
        right = named = 0
        for group in held.source:
            ranked = sorted(((models["source"].score(f), y) for f, y in group), reverse=True)
            has_gold = any(y for _f, y in group)
            if ranked and ranked[0][0] > t:
                named += 1
                right += ranked[0][1]
            else:
                right += not has_gold
        out[f"source_acc@{t}"] = round(right / max(1, len(held.source)), 4)
        out[f"source_named@{t}"] = round(named / max(1, len(held.source)), 4)
    return out


def collect(parsed: list[nlp.Parsed], records: list[dict[str, Any]]) -> Examples:
    ex = Examples()
    for p, r in zip(parsed, records, strict=True):
        examples(p, r, ex)
    return ex


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--write", action="store_true", help="fit on all articles and write the weights file")
    parser.add_argument("--cache", type=Path, help="keep the parses here between runs")
    parser.add_argument("--holdout", type=int, default=100)
    parser.add_argument("--cue-threshold", type=float, help="instead of the held-out best")
    parser.add_argument("--source-threshold", type=float, default=0.0)
    parser.add_argument("--act-threshold", type=float,
                        help="cue log-odds an act-like attribution needs (train/attribution_thresholds.py)")
    parser.add_argument("--holdout-weights", type=Path,
                        help="also write the models fitted without the held-out articles here, for "
                             "train/attribution_thresholds.py to choose thresholds end to end on them")
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    parsed = _docs(records, args.cache)
    cut = len(records) - args.holdout
    train, held = collect(parsed[:cut], records[:cut]), collect(parsed[cut:], records[cut:])
    print(f"train rows: cue {len(train.cue)}, part {len(train.part)}, source groups {len(train.source)}")
    models = {
        "cue": fit(train.cue, L2["cue"]),
        "part": fit(train.part, L2["part"]),
        "source": fit([row for group in train.source for row in group], L2["source"]),
    }
    report = evaluate(models, held)
    print(json.dumps(report, indent=1))
    cue_threshold = args.cue_threshold if args.cue_threshold is not None else report["cue_threshold"]
    thresholds = {"cue": cue_threshold, "part": 0.0, "source": args.source_threshold}
    if args.holdout_weights:
        about = f"Fitted on the first {cut} training articles, the last {args.holdout} held out."
        _write(args.holdout_weights, models, thresholds, about, args.act_threshold)
    if not args.write:
        return 0
    every = collect(parsed, records)
    final = {
        "cue": fit(every.cue, L2["cue"]),
        "part": fit(every.part, L2["part"]),
        "source": fit([row for group in every.source for row in group], L2["source"]),
    }
    about = (
        "Attribution tagger weights (generator/extract/speech/learned.py): logistic models over "
        "spaCy-parse features, fitted by train/attribution_tagger.py on the PolNeAR training split "
        f"({len(records)} articles) on {dt.date.today().isoformat()}. Held-out figures (last "
        f"{args.holdout} articles, fitted on the rest): {json.dumps(report)}"
    )
    _write(learned.WEIGHTS_FILE, final, thresholds, about, args.act_threshold)
    return 0


def _write(path: Path, models: dict[str, learned.Model], thresholds: dict[str, float], about: str,
           act_threshold: float | None = None) -> None:
    data: dict[str, Any] = {
        "about": about,
        **({} if act_threshold is None else {"act_threshold": act_threshold}),
        **{
            name: {"bias": m.bias, "threshold": thresholds[name], "weights": dict(sorted(m.weights.items()))}
            for name, m in models.items()
        },
    }
    path.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    sys.exit(main())
