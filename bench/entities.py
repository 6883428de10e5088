"""Score people, places and organisations on a development gold set.

Usage: ``python bench/entities.py [ner_dev|quotes_dev] [--gold-file F] [--keep DIR] [--errors] [--by-article]``

Writes the gold set's texts to a temporary folder, runs ``newsbrief extract``
over them and prints ``score.py entities`` per kind (entity view: unique names
per document; for span-annotated sets also the exact-mention view). With
``--errors`` it lists, per kind, the forms predicted but not in the gold set
and the gold entities missed; ``--by-article`` lists them per article, each
wrong name with the kind the gold set gives it. ``--gold-file`` scores any gold file of the
same format instead (held-out sets kept outside the repository: print only the
figures of a set you may not read, never ``--errors`` or ``--by-article``). The shared
folder is ``../shared`` beside the repository unless ``NEWSBRIEF_SHARED`` names another.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from _shared import EVAL, extract, materialize, score

GOLD_SETS = ("ner_dev", "quotes_dev")
KINDS = {"people": "PER", "places": "LOC", "organizations": "ORG"}


def _read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _fold(s: str) -> str:
    return " ".join(s.casefold().split())


def _errors(gold: Path, pred: Path) -> None:
    """Print false-positive and missed forms per kind, most frequent first."""
    preds = {Path(r["path"]).stem: r for r in _read(pred) if "path" in r}
    for key, label in KINDS.items():
        wrong: Counter[str] = Counter()
        missed: Counter[str] = Counter()
        for doc in _read(gold):
            rec = preds.get(re.sub(r"[^A-Za-z0-9._-]+", "_", doc["id"]), {})
            text = doc["text"]
            ents = [e for e in doc.get("entities", []) if e["label"] == label]
            if ents and "forms" in ents[0]:
                g_e = [{_fold(f) for f in [e["name"], *e["forms"]]} for e in ents]
            else:
                g_e = [{t} for t in {_fold(e["text"]) for e in ents}]
            g_forms = set().union(*g_e) if g_e else set()
            p_forms: set[str] = set()
            for ent in rec.get(key, []):
                forms = {_fold(ent["name"])} | {_fold(text[m["start"] : m["end"]]) for m in ent["mentions"]}
                p_forms |= forms
                if not forms & g_forms:
                    wrong[ent["name"]] += 1
            for forms in g_e:
                if not forms & p_forms:
                    missed[sorted(forms, key=len)[-1]] += 1
        print(f"\n{key}: wrong ({sum(wrong.values())})")
        print("  " + "; ".join(f"{n} x{c}" if c > 1 else n for n, c in wrong.most_common(80)))
        print(f"{key}: missed ({sum(missed.values())})")
        print("  " + "; ".join(f"{n} x{c}" if c > 1 else n for n, c in missed.most_common(80)))


def _by_article(gold: Path, pred: Path) -> None:
    """Print, per article, the wrong names (with the kind the gold gives them, if any) and the missed ones."""
    preds = {Path(r["path"]).stem: r for r in _read(pred) if "path" in r}
    for doc in _read(gold):
        rec = preds.get(re.sub(r"[^A-Za-z0-9._-]+", "_", doc["id"]), {})
        ents = doc.get("entities", [])
        forms_of = [{_fold(f) for f in [e["name"], *e["forms"]]} if "forms" in e else {_fold(e["text"])} for e in ents]
        kind_of: dict[str, set[str]] = {}
        for e, forms in zip(ents, forms_of, strict=True):
            for f in forms:
                kind_of.setdefault(f, set()).add(e["label"])
        lines = []
        for key, label in KINDS.items():
            gold_sets = [f for e, f in zip(ents, forms_of, strict=True) if e["label"] == label]
            gold_forms = set().union(*gold_sets) if gold_sets else set()
            seen: set[str] = set()
            wrong = []
            for ent in rec.get(key, []):
                forms = {_fold(ent["name"])} | {_fold(doc["text"][m["start"] : m["end"]]) for m in ent["mentions"]}
                seen |= forms
                if not forms & gold_forms:
                    other = sorted(set().union(*(kind_of.get(f, set()) for f in forms)))
                    wrong.append(ent["name"] + (f" [gold {'/'.join(other)}]" if other else ""))
            missed = [max(f, key=len) for f in gold_sets if not f & seen]
            if wrong or missed:
                lines.append(f"  {label} wrong: {'; '.join(wrong)}\n  {label} missed: {'; '.join(missed)}")
        if lines:
            print(doc["id"])
            print("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("gold", nargs="?", default="ner_dev", choices=GOLD_SETS)
    parser.add_argument(
        "--gold-file", type=Path,
        help="score this JSONL (quotes_dev or ner_dev format) instead (held-out sets kept outside the repository)",
    )
    parser.add_argument("--keep", type=Path, help="write texts and predictions here instead of a temp dir")
    parser.add_argument("--errors", action="store_true", help="list wrong and missed forms per kind")
    parser.add_argument("--by-article", action="store_true", help="list wrong and missed names per article")
    args = parser.parse_args(argv)
    gold = args.gold_file or EVAL / f"{args.gold}.jsonl"
    if args.gold_file:
        args.gold = args.gold_file.stem
        if not any(doc.get("entities") for doc in _read(gold)):
            print(f"{gold} has no entity annotations: nothing to score", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory(prefix="newsbrief-bench-") as tmp:
        work = args.keep or Path(tmp)
        texts, pred = work / "texts", work / f"{args.gold}.pred.jsonl"
        materialize(gold, texts)
        extract(texts, pred)
        report: dict[str, Any] = score("entities", gold, pred)
        for view in ("entity", "mention"):
            if view not in report:
                continue
            print(f"{args.gold}, {view} view")
            for label, row in report[view].items():
                print(
                    f"  {label:<4} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}"
                    f"  (pred {row['predicted']}, gold {row['gold']})"
                )
        if args.errors:
            _errors(gold, pred)
        if args.by_article:
            _by_article(gold, pred)
    return 0


if __name__ == "__main__":
    sys.exit(main())
