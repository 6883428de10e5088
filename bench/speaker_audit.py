"""Count visible defects in speakers and people on news nobody annotated.

Usage: ``python bench/speaker_audit.py [--every N] [--examples K] [--records FILE] [CORPUS]``

The gold sets say whether a speaker is right; they are small. A reader also
sees defects no gold is needed to spot, and those can be counted over the
whole BBC corpus (``../shared/corpus/bbc``, every Nth article, default every
5th). Per article extracted, this counts:

- speaker names with an unbalanced bracket or quotation mark ("British
  Bankers' Association (BBA");
- sources as written that run into their own cue ("The researcher recalls
  what happened in ..." for the cue "recalls");
- speaker names over eight words (a clause, not a name);
- people whose name opens with a job word written as a title ("Keeper Tony
  Bullock", "Farmer Geoff Brooks");
- people that are a party, a demonym or a job word alone ("Labour", "Scot",
  "Tory Lord"); as speakers these may be bodies, so they count only as people.

``--records`` reads records ``newsbrief extract`` already wrote instead of
extracting again. The word lists are the measurement's own, independent of
the code measured; a count going down is a defect class fixed, not a score.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from _shared import SHARED, extract_command


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


JOB_WORDS = _words(
    "keeper goalkeeper striker defender midfielder winger captain skipper coach manager boss chairman "
    "farmer miner singer actor actress director producer chancellor minister secretary spokesman "
    "spokeswoman analyst economist professor teacher doctor nurse officer inspector detective "
    "president premier senator governor mayor councillor veteran star rookie lord lady sir mp"
)
PARTIES_AND_PEOPLES = _words(
    "labour tory tories conservative conservatives liberal liberals democrat democrats republican "
    "republicans greens ukip sinn snp scot scots briton britons englishman welshman irishman dubliner "
    "londoner american americans frenchman german germans russian russians chinese"
)
OPENING, CLOSING = "([{\u201c\u2018", ")]}\u201d\u2019"
MAX_NAME_WORDS = 8


def _unbalanced(name: str) -> bool:
    if any(name.count(o) != name.count(c) for o, c in zip("([{", ")]}", strict=True)):
        return True
    return name.count('"') % 2 == 1 or name.count("\u201c") != name.count("\u201d")


def _person_defect(name: str) -> str | None:
    words = name.split()
    if not words:
        return None
    if len(words) >= 3 and words[0].lower() in JOB_WORDS:
        return "job word opens a person's name"
    if all(w.lower().strip(".'\u2019s") in PARTIES_AND_PEOPLES | JOB_WORDS for w in words):
        return "party, people or job word as a person"
    return None


def audit(records: list[dict[str, Any]]) -> tuple[Counter[str], dict[str, list[str]]]:
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}

    def hit(kind: str, example: str) -> None:
        counts[kind] += 1
        examples.setdefault(kind, []).append(example)

    for record in records:
        rid = record.get("id", "?")
        for quote in record.get("quotes", []):
            name, written = quote.get("speaker"), quote.get("speaker_text")
            counts["quotes"] += 1
            for shown in {s for s in (name, written) if s}:
                if _unbalanced(shown):
                    hit("unbalanced bracket or quotation mark", f"{rid}: {shown!r}")
                if len(shown.split()) > MAX_NAME_WORDS:
                    hit(f"speaker over {MAX_NAME_WORDS} words", f"{rid}: {shown!r}")
            s, e, cue = quote.get("speaker_start"), quote.get("speaker_end"), quote.get("cue_start")
            if s is not None and e is not None and cue is not None and s < cue < e:
                hit("source runs into its own cue", f"{rid}: {written!r} / {quote.get('cue')!r}")
            if name and len(name.split()) >= 3 and name.split()[0].lower() in JOB_WORDS:
                # (A party or a people alone may speak, as a body: only the person check below.)
                hit("speaker: job word opens a name", f"{rid}: {name!r}")
        for person in record.get("people", []):
            counts["people"] += 1
            kind = _person_defect(person["name"])
            if kind is not None:
                hit(f"person: {kind}", f"{rid}: {person['name']!r}")
    return counts, examples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=SHARED / "corpus" / "bbc")
    parser.add_argument("--every", type=int, default=5)
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--records", type=Path, help="records newsbrief extract wrote (skips extraction)")
    args = parser.parse_args(argv)
    if args.records is not None:
        lines = args.records.read_text(encoding="utf-8").splitlines()
    else:
        files = sorted(args.corpus.rglob("*.txt"))[:: args.every]
        with tempfile.TemporaryDirectory() as tmp:
            texts = Path(tmp) / "texts"
            texts.mkdir()
            for i, f in enumerate(files):
                (texts / f"{i:05d}_{f.parent.name}_{f.stem}.txt").write_bytes(f.read_bytes())
            out = Path(tmp) / "records.jsonl"
            subprocess.run(extract_command(texts, out), check=True, capture_output=True)
            lines = out.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    counts, examples = audit(records)
    print(f"{len(records)} articles, {counts['quotes']} quotes and claims, {counts['people']} people")
    for kind in sorted(k for k in counts if k not in ("quotes", "people")):
        print(f"{counts[kind]:5d}  {kind}")
        for example in examples[kind][: args.examples]:
            print(f"         {example}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
