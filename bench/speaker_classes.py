"""Wrong, missing and right speakers on quotes_dev, by how the gold names the speaker.

Usage: ``python bench/speaker_classes.py PRED.jsonl [--kinds direct,mixed] [--gold-file GOLD]``
(PRED from ``newsbrief extract`` over the materialised ``quotes_dev`` texts, as
``bench/quotes.py --keep DIR`` leaves them).

Quotes are matched to gold exactly as ``score.py quotes`` does (one-to-one,
coverage > 0.3), and each found quote is put in the class of its gold
``speaker_mention``: a pronoun ("she said"), a description ("the
45-year-old"), a short name (a surname or acronym standing for a longer
name), the full name, no mention at all (a quote continuing an earlier
speaker's), or no speaker in the gold. This is the per-class table the
attribution issue asks for: where words go into the wrong mouth.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from _shared import EVAL, score_module

PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "his", "its", "their", "we", "i"})


def mention_class(speaker: str | None, mention: str | None) -> str:
    """The class of the gold speaker's mention at the quote."""
    if not speaker:
        return "no gold speaker"
    m = (mention or "").strip()
    if not m:
        return "continuation (no mention)"
    words = m.split()
    if m.lower() in PRONOUNS:
        return "pronoun"
    if words[0].lower() in {"the", "a", "an", "this", "that"} or m[:1].islower() or "'s" in m or "\u2019s" in m:
        return "description"
    full = speaker.split()
    if len(words) < len(full) or (m.isupper() and len(m) <= 6):
        return "short name or acronym"
    return "full name"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("pred", type=Path)
    parser.add_argument("--kinds", default="direct,mixed")
    parser.add_argument(
        "--gold-file", type=Path, default=EVAL / "quotes_dev.jsonl",
        help="a quotes_dev-style gold set (held-out batches kept outside the repository)",
    )
    args = parser.parse_args(argv)
    score = score_module()
    kinds = set(args.kinds.split(",")) if args.kinds else None
    preds = score.predictions(str(args.pred))
    table: dict[str, Counter[str]] = {}
    for doc in score.read_jsonl(str(args.gold_file)):
        gq = [q for q in doc["quotes"] if not kinds or q.get("kind") in kinds]
        pq = list(preds.get(score.safe_id(doc["id"]), {}).get("quotes", []))
        used: set[int] = set()
        for g in gq:
            best, pick = 0.0, None
            for i, p in enumerate(pq):
                c = score.coverage(g["start"], g["end"], p["start"], p["end"])
                if i not in used and c > 0.3 and c > best:
                    best, pick = c, i
            if pick is None:
                continue
            used.add(pick)
            said = pq[pick].get("speaker")
            row = table.setdefault(mention_class(g.get("speaker"), g.get("speaker_mention")), Counter())
            row["found"] += 1
            if score.same_speaker(said, g.get("speaker")):
                row["right"] += 1
            elif score.name_tokens(said):
                row["wrong"] += 1
            else:
                row["none"] += 1
    print(f"{'gold mention':<28}{'found':>7}{'right':>7}{'none':>7}{'wrong':>7}{'wrong rate':>12}")
    total: Counter[str] = Counter()
    for name, row in sorted(table.items(), key=lambda kv: -kv[1]["found"]):
        total.update(row)
        print(f"{name:<28}{row['found']:>7}{row['right']:>7}{row['none']:>7}{row['wrong']:>7}"
              f"{row['wrong'] / row['found']:>12.3f}")
    print(f"{'all':<28}{total['found']:>7}{total['right']:>7}{total['none']:>7}{total['wrong']:>7}"
          f"{total['wrong'] / max(total['found'], 1):>12.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
