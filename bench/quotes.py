"""Score quote extraction on a development gold set.

Usage: ``python bench/quotes.py [quotes_dev|attributions_dev] [--keep DIR]``

Writes the gold set's texts to a temporary folder, runs ``newsbrief extract``
over them and prints ``score.py quotes`` (all kinds and direct quotes only);
for ``attributions_dev`` also ``score.py attributions`` (quotes plus the
claims of the sourcing extractor). The shared folder is ``../shared`` beside
the repository unless ``NEWSBRIEF_SHARED`` names another.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD_SETS = ("quotes_dev", "attributions_dev")


def shared_dir() -> Path:
    """The shared folder holding ``eval/``: env NEWSBRIEF_SHARED or ../shared."""
    return Path(os.environ.get("NEWSBRIEF_SHARED") or ROOT.parent / "shared")


def _run(*args: str) -> str:
    done = subprocess.run(args, check=True, capture_output=True, text=True)
    return done.stdout


def _score(score: Path, command: str, gold: Path, pred: Path, *extra: str) -> dict[str, dict[str, float]]:
    out = _run(sys.executable, str(score), command, str(gold), str(pred), *extra)
    result: dict[str, dict[str, float]] = json.loads(out)
    return result


def _line(label: str, report: dict[str, dict[str, float]]) -> str:
    row = report["overlap>0.3"]
    strict = report["overlap>0.8"]
    return (
        f"{label:<28} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}  "
        f"speaker {row['speaker_accuracy']:.3f}  (pred {row['predicted']}, gold {row['gold']}; "
        f"strict F1 {strict['f1']:.3f})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default="quotes_dev", choices=GOLD_SETS)
    parser.add_argument("--keep", type=Path, help="write texts and predictions here instead of a temp dir")
    args = parser.parse_args(argv)
    eval_dir = shared_dir() / "eval"
    gold = eval_dir / f"{args.gold}.jsonl"
    score = eval_dir / "score.py"
    with tempfile.TemporaryDirectory(prefix="newsbrief-bench-") as tmp:
        work = args.keep or Path(tmp)
        texts, pred = work / "texts", work / f"{args.gold}.pred.jsonl"
        _run(sys.executable, str(score), "materialize", str(gold), str(texts))
        newsbrief = Path(sys.executable).with_name("newsbrief")
        fallback = [sys.executable, "-c", "from generator.cli import main; main()"]
        command = [str(newsbrief)] if newsbrief.exists() else fallback
        subprocess.run([*command, "extract", str(texts), "-o", str(pred)], check=True)
        print(f"{args.gold} (overlap>0.3, one-to-one)")
        print(_line("quotes, all kinds", _score(score, "quotes", gold, pred)))
        print(_line("quotes, direct only", _score(score, "quotes", gold, pred, "--kinds", "direct")))
        if args.gold == "attributions_dev":
            print(_line("attributions (+sources)", _score(score, "attributions", gold, pred)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
