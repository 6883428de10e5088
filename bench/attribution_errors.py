"""Where attributions go wrong on PolNeAR: error classes with ``score.py``'s own matching.

Usage: ``python bench/attribution_errors.py GOLD PRED [--show CLASS] [--limit N]``

``PRED`` is a prediction file in the form scored (``bench/attributions.py
--keep DIR`` leaves ``attributions_dev.polnear.jsonl`` there: sources as
written, one record per cue). Every gold attribution is found, missed with
some prediction overlapping it (a segmentation error), or missed with none
(nothing seen there at all); every prediction is matched, or spurious inside
a gold attribution (a piece of one already found, or a nested report), or
spurious where no gold is; a found one has the right source, none where the
gold names one, or a wrong one. Counting classes first says which mechanism
is worth building; ``--show`` lists the cases of one class.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from _shared import score_module


def breakdown(gold: Path, pred: Path) -> tuple[Counter[str], dict[str, list[str]]]:
    """Counts per error class, and one line per case of each class."""
    score = score_module()
    preds = score.predictions(str(pred))
    counts: Counter[str] = Counter()
    cases: dict[str, list[str]] = defaultdict(list)
    for doc in score.read_jsonl(str(gold)):
        text = doc["text"]
        rec = preds.get(score.safe_id(doc["id"]), {})
        claims = score.claims(rec, True)
        n_quotes = len(rec.get("quotes", []))
        used: dict[int, int] = {}
        for gi, g in enumerate(doc["quotes"]):
            best, pick = 0.0, None
            for i, p in enumerate(claims):
                c = score.coverage(g["start"], g["end"], p["start"], p["end"])
                if i not in used and c > 0.3 and c > best:
                    best, pick = c, i
            snippet = f"[{g.get('cue')}] {g.get('speaker')!r}: {text[g['start']:g['end']][:90]!r}"
            if pick is None:
                touched = any(min(g["end"], p["end"]) > max(g["start"], p["start"]) for p in claims)
                key = f"missed {g['kind']}, {'overlapped' if touched else 'nothing there'}"
            else:
                used[pick] = gi
                said = claims[pick].get("speaker")
                if score.same_speaker(said, g.get("speaker")):
                    key = "found, right source"
                elif not score.name_tokens(said):
                    key = "found, no source"
                else:
                    key = "found, wrong source"
                snippet += f" <- {said!r}"
            counts[key] += 1
            cases[key].append(snippet)
        for i, p in enumerate(claims):
            if i in used:
                continue
            origin = f"quote {rec['quotes'][i].get('kind')}" if i < n_quotes else "sourcing claim"
            inside = any(g["start"] <= p["start"] and p["end"] <= g["end"] for g in doc["quotes"])
            key = f"spurious {origin}, {'inside a gold one' if inside else 'elsewhere'}"
            counts[key] += 1
            cases[key].append(f"{p.get('speaker')!r}: {text[p['start']:p['end']][:90]!r}")
    return counts, cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--show", help="list the cases of this class")
    parser.add_argument("--limit", type=int, default=30)
    args = parser.parse_args(argv)
    counts, cases = breakdown(args.gold, args.pred)
    for key, n in sorted(counts.items()):
        print(f"{n:6d}  {key}")
    if args.show:
        for line in cases.get(args.show, [])[: args.limit]:
            print("  " + json.dumps(line, ensure_ascii=False)[1:-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
