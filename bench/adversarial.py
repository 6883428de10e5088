"""Seconds per adversarial article, against a normal article of the same length.

    python bench/adversarial.py [--only NAME ...] [--profile NAME]

Each input is one article built to hit a quadratic path (spaCy's tokenizer on
runs of punctuation, the generator's own loops on thousands of paragraphs or
quotes). A normal article of the same length is made from the shared BBC
corpus, and the ratio of the two times is printed: near-linear stages keep it
near 1. Run by hand; tests assert behaviour (bounded output, a skip message),
not time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _shared import SHARED

from generator import ingest, nlp
from generator.model import Article
from generator.pipeline import Settings, extract_all

LEAD = "Officials said on Monday that talks would continue.\n\n"


def quotes_run() -> str:
    return LEAD + "He said " + '"' * 20_000 + " and left.\n"


def brackets_run() -> str:
    return LEAD + "The list was " + ")" * 49_000 + " long.\n"


def short_runs() -> str:
    """Runs just under the shortening limit, as many as fit: the worst left after ingest."""
    return LEAD + ('"' * 20 + " ") * 2_300 + "\n"


def suffix_words() -> str:
    """Words of 100 characters made of suffixes ('s's's...), split one at a time by spaCy."""
    return LEAD + ("'s" * 50 + " ") * 480 + "\n"


def one_line_paragraphs(n: int = 7_000) -> str:
    return "".join(f"Go {i % 10}.\n" for i in range(n))


def short_quotes(n: int = 3_000) -> str:
    return LEAD + "".join(f'"Yes {i % 10}," he said.\n' for i in range(n))


SCALABLE: dict[str, tuple[Callable[[int], str], int]] = {
    "7000-paragraphs": (one_line_paragraphs, 7_000),
    "3000-quotes": (short_quotes, 3_000),
}
"""Inputs whose size is a count: ``--scale`` times them at a quarter, a half and all of it."""


INPUTS: dict[str, Callable[[], str]] = {
    "quotes-run": quotes_run,
    "brackets-run": brackets_run,
    "runs-of-20": short_runs,
    "suffix-words": suffix_words,
    "7000-paragraphs": one_line_paragraphs,
    "3000-quotes": short_quotes,
}


def normal(length: int) -> str:
    """Paragraphs of real BBC articles, one after another, up to ``length`` characters."""
    out: list[str] = []
    size = 0
    for f in sorted((SHARED / "corpus" / "bbc").rglob("*.txt")):
        if f.name == "README.TXT":
            continue
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
            if line.strip():
                out.append(line.strip())
                size += len(line) + 1
                if size >= length:
                    return "\n".join(out)[:length]
    return "\n".join(out)


def timed(article: Article, settings: Settings) -> tuple[float, str]:
    t = time.perf_counter()
    briefs, problems = extract_all([article], settings)
    outcome = f"built, {len(briefs[0].quotes)} quote(s)" if briefs else "; ".join(p.message for p in problems)
    return time.perf_counter() - t, outcome


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", default=list(INPUTS))
    parser.add_argument("--profile", help="profile this input and print the top functions")
    parser.add_argument("--scale", action="store_true",
                        help="time the countable inputs at 1/4, 1/2 and 1 of their size: near-linear keeps "
                             "seconds per 1,000 flat")
    args = parser.parse_args()
    settings = Settings(cache=False)
    nlp.load_pipeline(settings.model)("warm up")
    timed(ingest.loads(normal(2_000), "warm.txt"), settings)  # load the gazetteer and lexicons once
    if args.profile:
        article = ingest.loads(INPUTS[args.profile](), f"{args.profile}.txt")
        cProfile.runctx("timed(article, settings)", globals(), {"article": article, "settings": settings},
                        "/tmp/adversarial.prof")
        pstats.Stats("/tmp/adversarial.prof").sort_stats("cumulative").print_stats(40)
        return
    if args.scale:
        print(f"{'input':18s} {'count':>6s} {'seconds':>8s} {'s/1000':>7s}  outcome")
        for name, (make, full) in SCALABLE.items():
            for count in (full // 4, full // 2, full):
                seconds, outcome = timed(ingest.loads(make(count), f"{name}.txt"), settings)
                print(f"{name:18s} {count:6d} {seconds:8.2f} {seconds / count * 1000:7.2f}  {outcome[:50]}",
                      flush=True)
        return
    print(f"{'input':18s} {'chars':>7s} {'seconds':>8s} {'normal':>7s} {'ratio':>6s}  outcome")
    for name in args.only:
        text = INPUTS[name]()
        article = ingest.loads(text, f"{name}.txt")
        seconds, outcome = timed(article, settings)
        # The same length as the input as written: shortening runs is part of the cost saved.
        base = ingest.loads(normal(min(len(text), 49_000)), "normal.txt")
        base_seconds, _ = timed(base, settings)
        print(f"{name:18s} {len(text):7d} {seconds:8.2f} {base_seconds:7.2f} "
              f"{seconds / base_seconds:6.1f}  {outcome[:60]}", flush=True)
        for w in article.warnings:
            print(f"{'':18s} warning: {w[:100]}")


if __name__ == "__main__":
    main()
