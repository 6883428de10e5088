"""Every development score in one run, to compare a change with what came before.

Usage: ``python bench/scores.py OUTDIR [--compare BEFORE.json] [--jobs N]``

Writes each gold set's texts to ``OUTDIR/<set>/`` (once; kept for the next
run), runs ``newsbrief extract`` over the four sets (``--jobs`` at a time),
and writes ``OUTDIR/scores.json``: ``score.py``'s report for quotes (all kinds
and direct + mixed), entities (quotes_dev and ner_dev), attributions and key
facts. It prints the headline figures; with ``--compare`` it prints them
beside an earlier ``scores.json`` (this script's, or the "== section" file of
the older shell script) and exits 1 when one moved by more than
``--tolerance``. The shared folder is ``../shared`` beside the repository
unless ``NEWSBRIEF_SHARED`` names another.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from _shared import EVAL, extract_command, materialize, score

GOLD_SETS = ("quotes_dev", "attributions_dev", "ner_dev", "keyfacts_dev")
SECTIONS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("quotes_dev all", "quotes", "quotes_dev", ()),
    ("quotes_dev direct,mixed", "quotes", "quotes_dev", ("--kinds", "direct,mixed")),
    ("quotes_dev entities", "entities", "quotes_dev", ()),
    ("attributions_dev attributions", "attributions", "attributions_dev", ()),
    ("ner_dev entities", "entities", "ner_dev", ()),
    ("keyfacts", "keyfacts", "keyfacts_dev", ()),
)
"""(section, score.py command, gold set, extra arguments): the sections of ``scores.json``."""


def headline(report: dict[str, Any]) -> dict[str, float]:
    """The figures worth comparing, flattened to "section / path" → value."""
    found: dict[str, float] = {}
    for section, body in report.items():
        if "overlap>0.3" in body:
            row = body["overlap>0.3"]
            for key in ("f1", "speaker_accuracy", "wrong_speaker_rate"):
                found[f"{section} / {key}"] = row[key]
        for view in ("entity", "mention"):
            for kind in ("PER", "LOC", "ORG", "all"):
                if kind in body.get(view, {}):
                    found[f"{section} / {view} {kind} f1"] = body[view][kind]["f1"]
        if "system" in body:
            for key in ("rouge1", "rouge2", "rougeL"):
                found[f"{section} / {key}"] = body["system"][key]
    return found


def read_scores(path: Path) -> dict[str, Any]:
    """A ``scores.json`` of this script, or the older "== section" + JSON file."""
    text = path.read_text(encoding="utf-8")
    if not text.lstrip().startswith("=="):
        report: dict[str, Any] = json.loads(text)
        return report
    parts = re.split(r"^== (.+)$", text, flags=re.M)
    return {name.strip(): json.loads(body) for name, body in zip(parts[1::2], parts[2::2], strict=True)}


def run(out: Path, jobs: int) -> dict[str, Any]:
    """Extract the four gold sets into ``out`` and score them."""
    for name in GOLD_SETS:
        if not (out / name).is_dir():
            materialize(EVAL / f"{name}.jsonl", out / name)
    pending = list(GOLD_SETS)
    running: list[subprocess.Popen[bytes]] = []
    while pending or running:
        while pending and len(running) < jobs:
            name = pending.pop(0)
            command = extract_command(out / name, out / f"{name}.pred.jsonl")
            running.append(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        first = running.pop(0)
        if first.wait():
            raise SystemExit(f"extraction failed: {' '.join(map(str, first.args))}")  # type: ignore[arg-type]
    return {
        section: score(command, EVAL / f"{gold}.jsonl", out / f"{gold}.pred.jsonl", *extra)
        for section, command, gold, extra in SECTIONS
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for texts, predictions and scores.json")
    parser.add_argument("--compare", type=Path, help="an earlier scores.json to print beside these")
    parser.add_argument("--tolerance", type=float, default=0.002, help="largest change that is no change")
    parser.add_argument("--jobs", type=int, default=4, help="extractions run at once")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    report = run(args.out, max(1, args.jobs))
    (args.out / "scores.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    now = headline(report)
    before = headline(read_scores(args.compare)) if args.compare else {}
    moved = 0
    for key, value in now.items():
        if key in before:
            delta = value - before[key]
            flag = "  <--" if abs(delta) > args.tolerance + 1e-9 else ""
            moved += bool(flag)
            print(f"{key:<58} {before[key]:.4f} -> {value:.4f}  ({delta:+.4f}){flag}")
        else:
            print(f"{key:<58} {value:.4f}")
    return 1 if moved else 0


if __name__ == "__main__":
    sys.exit(main())
