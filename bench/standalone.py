"""Count summaries and facts that cannot stand alone, and headlines that stop mid-thought.

Usage: ``python bench/standalone.py [--every N] [--examples K] [CORPUS]``

Over the BBC corpus (``../shared/corpus/bbc``, every Nth article, default every
5th: the whole corpus is the scale benchmark, not a thing to run twice) this
extracts each brief and counts:

- summaries and facts opening on an unresolved pronoun ("He", "It", "Their")
  or on a subordinate clause ("Since he signed up ...", "If ..."), and apart
  from them the facts whose opening "He" is shown resolved to a name;
- derived headlines (derived for every article, even those that have a
  headline line, so the rule is exercised) ending on a verb of saying
  ("Obama says") or on a word that opens what was cut ("... that", "... to").

The lists below are the measurement's own, independent of the code measured.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from _shared import SHARED

from generator import ingest, nlp
from generator.extract import extract_brief
from generator.extract.facts import select
from generator.extract.facts.sentences import sentences


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PRONOUNS = _words("he she it they him them his her its their i we you my our")
DEMONSTRATIVES = _words("this that these those such")
SUBORDINATORS = _words(
    "since while although though if unless because when whenever after before once as until whereas whether"
)
SAYING = _words(
    "say says said tell tells told announce announces announced claim claims claimed state states stated "
    "confirm confirms confirmed deny denies denied warn warns warned insist insists insisted report reports "
    "reported reveal reveals revealed admit admits admitted argue argues argued add adds added according"
)
DANGLING = _words("that to of and or but the a an by with as for in on")


def opening(doc: object, start: int, end: int) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")  # type: ignore[attr-defined]
    if span is None:
        return None
    first = next((t for t in span if not t.is_space and not t.is_punct), None)
    if first is None:
        return None
    word = first.lower_
    if word in PRONOUNS or (word in DEMONSTRATIVES and first.pos_ == "PRON"):
        return "pronoun"
    if word in SUBORDINATORS and (first.pos_ == "SCONJ" or first.dep_ == "mark"):
        return "subordinate"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=SHARED / "corpus" / "bbc")
    parser.add_argument("--every", type=int, default=5, help="take every Nth article (default 5)")
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args(argv)
    files = ingest.find_articles([args.corpus])[:: args.every]
    articles = []
    for f in files:
        try:
            articles.append(ingest.load(f))
        except ingest.IngestError:
            continue
    pipeline = nlp.load_pipeline()
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}

    def note(kind: str, text: str) -> None:
        counts[kind] += 1
        examples.setdefault(kind, [])
        if len(examples[kind]) < args.examples:
            examples[kind].append(text[:110])

    for article, doc in zip(articles, pipeline.pipe(a.body for a in articles), strict=True):
        parsed = nlp.parse(article, doc)
        brief = extract_brief(parsed)
        counts["articles"] += 1
        for span in brief.summary[:1]:
            problem = opening(doc, span.start, span.end)
            if problem:
                note(f"summary opens on a {problem}", span.text)
        for fact in brief.facts + brief.more_facts:  # key facts and a longer story's further points
            counts["facts"] += 1
            problem = opening(doc, fact.start, fact.end)
            if problem and fact.text != article.body[fact.start : fact.end]:
                # Shown with the pronoun replaced by the name it stands for ("John Smith was ...").
                note("fact's pronoun resolved to a name", fact.text)
            elif problem:
                note(f"fact opens on a {problem}", fact.text)
        derived = select.headline(parsed, sentences(parsed))
        last = re.sub(r"[^\w]", "", derived.split()[-1].lower()) if derived.split() else ""
        if last in SAYING:
            note("headline ends on a verb of saying", derived)
        elif last in DANGLING:
            note("headline ends on an opener", derived)
    total = f"{counts['articles']} articles, {counts['facts']} facts (key and more)"
    print(f"{args.corpus} (every {args.every}th): {total}")
    for kind in sorted(k for k in counts if k not in ("articles", "facts")):
        print(f"  {kind:<36} {counts[kind]:>5}")
        for text in examples[kind]:
            print(f"      {text}")
    if not any(k for k in counts if k not in ("articles", "facts")):
        print("  no problems found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
