"""Fit the summary and key-fact rankers on editors' highlights, with cross-validation.

Usage: ``python train/keyfacts_ranker.py [--write] [--folds 5]``

Reads ``keyfacts_dev.jsonl`` (CNN / Daily Mail articles with the editors'
highlights) from the shared folder (``../shared`` beside the checkout, or
``$NEWSBRIEF_SHARED``), parses each article once with the package's own code
and builds, for every sentence that may be a summary or a fact, the ranker's
features (``generator.extract.facts.rank.FEATURES``) and a target:

- summary: ROUGE-1 + ROUGE-2 F1 of the whole sentence against the first
  highlight (the editors' lead point);
- facts: 1 when the piece is among those a greedy search picks to maximise
  ROUGE-1 + ROUGE-2 of the set against the highlights (``oracle``), else 0.

Each ranker is a ridge regression on standardised features. The
regularisation and the reading budget (words of summary and facts) are
chosen by 5-fold cross-validation over documents, and every figure printed
is measured on held-out folds: the real summary and facts of each held-out
article (``select.summary`` / ``select.facts``, the same code the brief
uses) scored like ``score.py keyfacts``. ``--write`` then
fits on all articles and writes ``generator/data/facts_weights.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import ingest, nlp  # noqa: E402
from generator.extract.facts import select  # noqa: E402
from generator.extract.facts.rank import FEATURES, WEIGHTS_FILE, Ranker, Weights  # noqa: E402
from generator.extract.facts.sentences import Sentence, sentences  # noqa: E402
from generator.extract.facts.shorten import Piece  # noqa: E402

SHARED = Path(os.environ.get("NEWSBRIEF_SHARED") or ROOT.parent / "shared").resolve()
GOLD = SHARED / "eval" / "keyfacts_dev.jsonl"
SUMMARY_LAMBDAS = (300.0,)
FACT_LAMBDAS = (1.0, 10.0, 100.0)
BUDGETS = (70, 80, 90)
FACT_FEATURES = (
    "lead", "first", "order", "second", "third", "central", "figure", "actors", "numbers", "quoted", "words",
    "lead_overlap", "piece_words", "shortened", "resolved",
)  # fmt: skip
"""The fact ranker's inputs: position, salience, figures, quotes, length. With all of
:data:`FEATURES` (the policy flags and near-duplicates of position among them) the fit on
125 articles was noisier: cross-validated ROUGE-2 0.005 lower."""


def _scorer() -> Any:
    """The shared ``score.py`` (words, rouge_n, rouge_l, lead3), so figures match the bench."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORE = _scorer()


@dataclass
class Doc:
    id: str
    highlights: list[str]
    lead3: str
    parsed: nlp.Parsed
    sents: list[Sentence]
    candidates: list[select.Candidate]
    summary_rows: list[tuple[tuple[float, ...], float]]
    fact_rows: list[tuple[tuple[float, ...], float]]


def load(limit: int | None = None) -> list[Doc]:
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = records[:limit] if limit else records
    pipeline = nlp.load_pipeline()
    articles = [ingest.loads(r["text"], f"{SCORE.safe_id(r['id'])}.txt") for r in records]
    out = []
    for record, article, spacy_doc in zip(records, articles, pipeline.pipe(a.body for a in articles), strict=True):
        parsed = nlp.parse(article, spacy_doc)
        sents = sentences(parsed)
        cands = select.fact_candidates(parsed, sents)
        ref = SCORE.words(" ".join(record["highlights"]))
        first = SCORE.words(record["highlights"][0]) if record["highlights"] else []
        summary_rows = []
        for s in sents[: select.SUMMARY_WINDOW]:
            if s.eligible:
                values = select.candidate(parsed, s, Piece(start=s.start, end=s.end)).values
                words = SCORE.words(s.text)
                summary_rows.append((values, SCORE.rouge_n(words, first, 1) + SCORE.rouge_n(words, first, 2)))
        picked = oracle(cands, ref)
        fact_rows = [(c.values, float(i in picked)) for i, c in enumerate(cands)]
        out.append(
            Doc(record["id"], record["highlights"], SCORE.lead3(record["text"]), parsed, sents, cands,
                summary_rows, fact_rows)
        )
    return out


def oracle(cands: list[select.Candidate], ref: list[str]) -> set[int]:
    """The candidates a greedy search picks to maximise ROUGE-1 + ROUGE-2 against the highlights.

    The fact ranker learns which pieces belong to the best set the article
    allows (a piece repeating a better one scores 0), not how close each
    comes to a highlight on its own: that made long, central sentences win.
    """
    picked: list[int] = []
    best = 0.0
    while True:
        found = None
        for i, _ in enumerate(cands):
            if i in picked:
                continue
            words = SCORE.words(" ".join(cands[j].text for j in sorted([*picked, i])))
            value = SCORE.rouge_n(words, ref, 1) + SCORE.rouge_n(words, ref, 2)
            if value > best:
                best, found = value, i
        if found is None:
            return set(picked)
        picked.append(found)


def fit(rows: list[tuple[tuple[float, ...], float]], lam: float, only: tuple[str, ...] = FEATURES) -> Ranker:
    """Ridge regression on standardised features; features not in ``only`` weigh nothing."""
    keep = [FEATURES.index(f) for f in only]
    ranker = _fit([(tuple(r[0][i] for i in keep), r[1]) for r in rows], lam)
    weights, means, scales = [0.0] * len(FEATURES), [0.0] * len(FEATURES), [1.0] * len(FEATURES)
    for j, i in enumerate(keep):
        weights[i], means[i], scales[i] = ranker.weights[j], ranker.means[j], ranker.scales[j]
    return Ranker(weights=tuple(weights), means=tuple(means), scales=tuple(scales), bias=ranker.bias)


def _fit(rows: list[tuple[tuple[float, ...], float]], lam: float) -> Ranker:
    x = np.array([r[0] for r in rows], dtype=float)
    y = np.array([r[1] for r in rows], dtype=float)
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales == 0] = 1.0
    z = (x - means) / scales
    w = np.linalg.solve(z.T @ z + lam * np.eye(z.shape[1]), z.T @ (y - y.mean()))
    return Ranker(
        weights=tuple(float(v) for v in w), means=tuple(float(v) for v in means),
        scales=tuple(float(v) for v in scales), bias=float(y.mean()),
    )


def system_text(doc: Doc, weights: Weights) -> str:
    """Summary and facts as the brief has them (``select.summary`` / ``select.facts``)."""
    spans = select.summary(doc.parsed, doc.sents, weights=weights)
    lead = select._summary_choice(doc.parsed, doc.sents, weights)
    chosen = select.choose_facts(doc.parsed, doc.candidates, lead, weights)
    return " ".join([s.text for s in spans] + [f.text for f in chosen])


def without_policy(docs: list[Doc], k: int, lam_s: float, lam_f: float, budget: int) -> tuple[float, float, float]:
    """The same cross-validation with the hand-set policy terms of ``select`` switched off."""
    saved = select.ANNOUNCED_BONUS, select.BACKGROUND_PENALTY, select.LENGTH_PENALTY
    select.ANNOUNCED_BONUS = select.BACKGROUND_PENALTY = select.LENGTH_PENALTY = 0.0
    try:
        return cross_validate(docs, k, lam_s, lam_f, budget)
    finally:
        select.ANNOUNCED_BONUS, select.BACKGROUND_PENALTY, select.LENGTH_PENALTY = saved


def rouge(text: str, doc: Doc) -> tuple[float, float, float]:
    cand, ref = SCORE.words(text), SCORE.words(" ".join(doc.highlights))
    return SCORE.rouge_n(cand, ref, 1), SCORE.rouge_n(cand, ref, 2), SCORE.rouge_l(cand, ref)


def folds(docs: list[Doc], k: int, seed: int = 17) -> list[list[Doc]]:
    order = sorted(docs, key=lambda d: d.id)
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def cross_validate(docs: list[Doc], k: int, lam_s: float, lam_f: float, budget: int) -> tuple[float, float, float]:
    totals = np.zeros(3)
    parts = folds(docs, k)
    for i, test in enumerate(parts):
        train = [d for j, part in enumerate(parts) if j != i for d in part]
        weights = Weights(
            summary=fit([r for d in train for r in d.summary_rows], lam_s),
            facts=fit([r for d in train for r in d.fact_rows], lam_f, FACT_FEATURES),
            budget=budget,
        )
        for d in test:
            totals += rouge(system_text(d, weights), d)
    r1, r2, rl = totals / len(docs)
    return float(r1), float(r2), float(rl)


def _ranker_json(r: Ranker) -> dict[str, dict[str, float]]:
    return {
        "weights": {f: round(w, 5) for f, w in zip(FEATURES, r.weights, strict=True)},
        "means": {f: round(m, 5) for f, m in zip(FEATURES, r.means, strict=True)},
        "scales": {f: round(s, 5) for f, s in zip(FEATURES, r.scales, strict=True)},
        "bias": {"value": round(r.bias, 5)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, help="use only the first N articles (quick runs)")
    parser.add_argument("--write", action="store_true", help=f"fit on all and write {WEIGHTS_FILE.name}")
    args = parser.parse_args(argv)
    docs = load(args.limit)
    lead3 = np.mean([rouge(d.lead3, d) for d in docs], axis=0)
    print(f"{len(docs)} articles; lead-3  R1 {lead3[0]:.4f}  R2 {lead3[1]:.4f}  RL {lead3[2]:.4f}")
    best: tuple[tuple[float, float, float], float, float, int] | None = None
    for lam_s in SUMMARY_LAMBDAS:
        for lam_f in FACT_LAMBDAS:
            for budget in BUDGETS:
                r = cross_validate(docs, args.folds, lam_s, lam_f, budget)
                print(f"lambda summary {lam_s:>6} facts {lam_f:>6} budget {budget:>3}: {args.folds}-fold CV  "
                      f"R1 {r[0]:.4f}  R2 {r[1]:.4f}  RL {r[2]:.4f}")
                if best is None or r[0] + r[1] > best[0][0] + best[0][1]:
                    best = (r, lam_s, lam_f, budget)
    assert best is not None
    (r1, r2, rl), lam_s, lam_f, budget = best
    print(f"chosen: lambda summary {lam_s}, facts {lam_f}, budget {budget}: CV R1 {r1:.4f} R2 {r2:.4f} "
          f"RL {rl:.4f} (lead-3 {r1 - lead3[0]:+.4f} / {r2 - lead3[1]:+.4f})")
    print("(the settings are chosen on the same folds: the figure is slightly optimistic)")
    bare = without_policy(docs, args.folds, lam_s, lam_f, budget)
    print(f"the ranker alone, without select's policy terms: CV R1 {bare[0]:.4f} R2 {bare[1]:.4f} RL {bare[2]:.4f}")
    if args.write:
        summary = fit([r for d in docs for r in d.summary_rows], lam_s)
        facts = fit([r for d in docs for r in d.fact_rows], lam_f, FACT_FEATURES)
        data = {
            "about": (
                "Weights of the summary and key-fact rankers (generator/extract/facts/rank.py), fitted by "
                "train/keyfacts_ranker.py on keyfacts_dev (CNN / Daily Mail, editors' highlights)."
            ),
            "fitted": dt.date.today().isoformat(),
            "articles": len(docs),
            "lambda": {"summary": lam_s, "facts": lam_f},
            "budget": budget,
            "cross_validated": {"folds": args.folds, "rouge1": round(r1, 4), "rouge2": round(r2, 4),
                                "rougeL": round(rl, 4)},
            "cross_validated_without_policy": {"rouge1": round(bare[0], 4), "rouge2": round(bare[1], 4),
                                               "rougeL": round(bare[2], 4)},
            "lead3": {"rouge1": round(float(lead3[0]), 4), "rouge2": round(float(lead3[1]), 4),
                      "rougeL": round(float(lead3[2]), 4)},
            "summary": _ranker_json(summary),
            "facts": _ranker_json(facts),
        }
        WEIGHTS_FILE.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
