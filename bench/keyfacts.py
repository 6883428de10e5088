"""Score the summary and key facts against editors' highlights (ROUGE).

Usage: ``python bench/keyfacts.py [--keep DIR] [--stories DIR]``

Writes ``keyfacts_dev.jsonl``'s texts to a temporary folder, runs
``newsbrief extract`` over them and prints ``score.py keyfacts`` (ROUGE-1,
ROUGE-2, ROUGE-L F1 of summary + facts, beside lead-3), plus checks that every
fact is verbatim (``body[start:end] == text``, but for a resolved opening "He"
or "They") and how many facts a brief has.
The shared folder is ``../shared`` beside the repository unless
``NEWSBRIEF_SHARED`` names another.

``--stories DIR`` scores CNN ``*.story`` files instead (paragraphs, then
``@highlight`` lines: ``../shared/corpus/cnndm``). The rankers were never
fitted on them, so this is the held-out figure; the gold file is written to
the temporary folder, never into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from _shared import EVAL, extract, materialize, score

RESOLVED = frozenset({"He", "She", "His", "Her", "They", "Their"})
"""Opening pronouns a fact may show resolved to a name."""


def _verbatim(texts: Path, pred: Path) -> tuple[int, int, float, int]:
    """(facts, facts not verbatim, mean facts per brief, words per brief on average)."""
    total = bad = briefs = words = 0
    for line in pred.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if "facts" not in rec:
            continue
        briefs += 1
        body = Path(rec["path"]).read_text(encoding="utf-8")
        words += len(rec.get("summary", "").split())
        for fact in rec["facts"]:
            total += 1
            words += len(fact["text"].split())
            # A resolved opening pronoun ("He" -> "John Smith", "They" -> "Firefighters") is the one allowed change.
            source = body[fact["start"] : fact["end"]]
            first, _, rest = source.partition(" ")
            bad += source != fact["text"] and not (first.capitalize() in RESOLVED and fact["text"].endswith(rest))
    return total, bad, total / (briefs or 1), words // (briefs or 1)


def stories_gold(folder: Path, out: Path) -> None:
    """A ``keyfacts``-style gold file (id, text, highlights) from CNN ``.story`` files."""
    lines = []
    for path in sorted(folder.glob("*.story")):
        body, *marks = path.read_text(encoding="utf-8").split("@highlight")
        highlights = [" ".join(m.split()) for m in marks if m.strip()]
        paragraphs = [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]
        lines.append(json.dumps({"id": path.stem, "text": "\n\n".join(paragraphs), "highlights": highlights}))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write texts and predictions here instead of a temp dir")
    parser.add_argument("--stories", type=Path, help="score these CNN .story files (held out) instead")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsbrief-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        gold = EVAL / "keyfacts_dev.jsonl"
        if args.stories:
            gold = work / "stories.jsonl"
            stories_gold(args.stories, gold)
        texts, pred = work / "texts", work / "keyfacts_dev.pred.jsonl"
        materialize(gold, texts)
        extract(texts, pred)
        report = score("keyfacts", gold, pred)
        print(f"{gold.stem} ({report['documents']} documents, {report['documents_missing']} missing)")
        for name in ("system", "lead3"):
            row = report[name]
            print(f"{name:<8} ROUGE-1 {row['rouge1']:.4f}  ROUGE-2 {row['rouge2']:.4f}  ROUGE-L {row['rougeL']:.4f}")
        total, bad, mean, words = _verbatim(texts, pred)
        print(f"facts: {total} ({mean:.1f} per brief, {words} words per brief with summary), not verbatim: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
