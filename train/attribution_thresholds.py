"""Choose the attribution tagger's thresholds end to end, on held-out training articles.

Usage: ``python train/attribution_thresholds.py --weights HELDOUT.json [--cache DIR] [--holdout N]``

``train/attribution_tagger.py --holdout-weights HELDOUT.json`` fits the
tagger without the last ``--holdout`` (100) articles of PolNeAR's training
split; this script runs the whole extraction (entities, quotes, sourcing
claims: rules and tagger together) on those held-out articles and scores
it as ``bench/attributions.py`` scores the development set (PolNeAR's
convention: sources as written, one record per attribution cue). The
thresholds the tagger's own held-out figures suggest (best cue F1, source
coverage) are not the best for the whole engine, where the rules already
find most attributions and the tagger only adds to them; so each threshold
is moved in turn (coordinate search, twice round) to the value with the best
score of the whole, and the table is printed. The score is F1 counting a
found attribution only when its source is right too (F1 times source
accuracy): F1 alone buys a little recall with guessed sources, and a
wrong source is the worse error. Of all the settings tried, those scoring
within ``TOLERANCE`` of the best (less than the noise of a hundred articles)
are as good, and the most precise of them is taken: precision first, as
everywhere in the engine. ``attributions_dev.jsonl`` is
never read.

The chosen values go into the shipped weights file with
``train/attribution_tagger.py --write --cue-threshold C --source-threshold S
--act-threshold A`` (the models themselves are fitted on all articles).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "train"))

from _shared import EVAL, as_written, one_per_cue, score_module  # noqa: E402
from attribution_tagger import GOLD, _docs  # noqa: E402

from generator.extract.entities import entities  # noqa: E402
from generator.extract.sourcing.claims import claims  # noqa: E402
from generator.extract.speech import learned  # noqa: E402
from generator.extract.speech.quotes import quotes  # noqa: E402
from generator.model import Claim, Quote  # noqa: E402
from generator.nlp import Parsed  # noqa: E402

GRID = {
    "cue": (-2.5, -2.0, -1.5, -1.0, -0.5, -0.25, 0.0, 0.5, 1.0),
    "source": (-3.5, -3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5),
    "act": (math.inf,),
}
"""Values tried for each threshold (log-odds). ``act`` infinite is "never": a sourcing note lists
claims, and an act with its object ("the United States imposed sanctions on ...") is none, however
sure the cue, though PolNeAR counts it (``--acts`` tries finite values and shows what that buys)."""
ACT_VALUES = (math.inf, 4.0, 3.0, 2.0, 1.0, 0.5, 0.0, -0.5, -1.0, -1.5)


TOLERANCE = 0.005
"""Objective differences smaller than this are noise on a hundred articles (about a thousand attributions)."""


def _quote(q: Quote) -> dict[str, Any]:
    return {"start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker,
            "speaker_text": q.speaker_span.text if q.speaker_span else None,
            "cue_start": q.cue_span.start if q.cue_span else None, "cue_end": q.cue_span.end if q.cue_span else None}


def _source(c: Claim) -> dict[str, Any]:
    claim = None if c.claim is None else {"start": c.claim.start, "end": c.claim.end}
    return {"name": c.source, "claim": claim, "source_text": c.source_span.text if c.source_span else None}


class Run:
    """The held-out articles with what does not depend on the thresholds (entities, quotes) done once."""

    def __init__(self, parsed: list[Parsed], records: list[dict[str, Any]], base: learned.Weights) -> None:
        self.parsed, self.records, self.base = parsed, records, base
        self.found = []
        for p in parsed:
            people, places, orgs = entities(p)
            self.found.append((people, places, orgs, quotes(p, people=people, organizations=orgs)))
        self.score = score_module()
        self.tmp = Path(tempfile.mkdtemp(prefix="attribution-thresholds-"))
        self.gold = self.tmp / "gold.jsonl"
        self.gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    def weights(self, t: dict[str, float]) -> learned.Weights:
        b = self.base
        return dataclasses.replace(b, cue=dataclasses.replace(b.cue, threshold=t["cue"]),
                                   source=dataclasses.replace(b.source, threshold=t["source"]),
                                   act_threshold=t["act"])

    def evaluate(self, t: dict[str, float]) -> dict[str, float]:
        """Precision, recall, F1 and source accuracy (as written) of the whole engine at thresholds ``t``."""
        weights = self.weights(t)
        original = learned.load_weights
        learned.load_weights = lambda path=None: weights  # type: ignore[assignment]
        try:
            lines = []
            for p, r, (people, places, orgs, qs) in zip(self.parsed, self.records, self.found, strict=True):
                cs = claims(p, quotes=qs, people=people, places=places, organizations=orgs)
                rec = {"path": f"{self.score.safe_id(r['id'])}.txt", "quotes": [_quote(q) for q in qs],
                       "sources": [_source(c) for c in cs]}
                lines.append(json.dumps(rec) + "\n")
        finally:
            learned.load_weights = original
        pred, written, polnear = self.tmp / "pred.jsonl", self.tmp / "written.jsonl", self.tmp / "polnear.jsonl"
        pred.write_text("".join(lines), encoding="utf-8")
        as_written(pred, written)
        one_per_cue(written, polnear)
        row = self.score.quotes(str(self.gold), str(polnear), with_sources=True)["overlap>0.3"]
        return {k: row[k] for k in ("precision", "recall", "f1", "speaker_accuracy", "predicted")}


def _objective(row: dict[str, float]) -> float:
    """F1 with a match counted only when its source is right: ``2 tp_right / (predicted + gold)``."""
    return round(row["f1"] * row["speaker_accuracy"], 4)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--weights", type=Path, required=True, help="models fitted without the held-out articles")
    parser.add_argument("--cache", type=Path, help="the parses kept by train/attribution_tagger.py")
    parser.add_argument("--holdout", type=int, default=100)
    parser.add_argument("--acts", action="store_true", help="also try letting acts with their objects through")
    args = parser.parse_args(argv)
    grid = {**GRID, "act": ACT_VALUES} if args.acts else GRID
    assert "dev" not in GOLD.name and EVAL.exists()
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    parsed = _docs(records, args.cache)
    base = learned.load_weights(args.weights)
    assert base is not None
    run = Run(parsed[-args.holdout :], records[-args.holdout :], base)
    best = {"cue": base.cue.threshold, "source": base.source.threshold, "act": grid["act"][0]}
    seen: dict[tuple[float, ...], dict[str, float]] = {}

    def result(t: dict[str, float]) -> dict[str, float]:
        key = (t["cue"], t["source"], t["act"])
        if key not in seen:
            seen[key] = run.evaluate(t)
            print(json.dumps({"thresholds": t, **seen[key], "objective": _objective(seen[key])}), flush=True)
        return seen[key]

    start = result(best)
    for _round in range(2):
        for name, values in grid.items():
            tried = {v: result({**best, name: v}) for v in values}
            best = {**best, name: max(tried, key=lambda v: (_objective(tried[v]), -abs(v - best[name])))}
    top = max(_objective(r) for r in seen.values())
    near = [k for k, r in seen.items() if _objective(r) >= top - TOLERANCE]
    pick = max(near, key=lambda k: (seen[k]["precision"], _objective(seen[k])))
    chosen = dict(zip(("cue", "source", "act"), pick, strict=True))
    print(json.dumps({"start": start, "best": best, "chosen": chosen, "at": seen[pick]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
