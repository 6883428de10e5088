"""Where newsbrief's own extraction spends its time, spaCy's parse left out.

    python bench/extract_profile.py [--limit 100] [--corpus bbc] [--rounds 3] [--top 40] [--out FILE]

Parses the first N articles of a corpus once (newsbrief's pipeline, kept in
memory), then times ``extract_brief`` over the parsed documents ``--rounds``
times (median milliseconds an article, beside the parse's) and runs it once
more under cProfile, printing the functions that take the most time. Only our
code is measured: the parse is done before the clock starts. Run by hand; not
a test.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _shared import SHARED

from generator import nlp
from generator.extract import extract_brief
from generator.pipeline import read_articles


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default="bbc")
    parser.add_argument("--limit", type=int, default=100, help="use only the first N articles")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds before the profiled one")
    parser.add_argument("--top", type=int, default=40, help="functions to print")
    parser.add_argument("--sort", default="tottime", help="pstats sort key (tottime, cumulative)")
    parser.add_argument("--out", type=Path, help="also write the profile here (for snakeviz, pstats)")
    args = parser.parse_args()
    files = sorted(f for f in (SHARED / "corpus" / args.corpus).rglob("*.txt") if f.name != "README.TXT")
    if args.limit:
        files = files[: args.limit]
    articles, _ = read_articles(files)
    pipeline = nlp.load_pipeline(nlp.DEFAULT_MODEL)
    extract_brief(nlp.parse(articles[0], pipeline(articles[0].body)))  # loads the extractors' tables
    t = time.process_time()
    docs = list(pipeline.pipe((a.body for a in articles), batch_size=16))
    parse_ms = (time.process_time() - t) * 1000 / len(articles)

    def run() -> None:
        for article, doc in zip(articles, docs, strict=True):
            extract_brief(nlp.parse(article, doc))

    times = []
    for _ in range(args.rounds):
        t = time.process_time()
        run()
        times.append((time.process_time() - t) * 1000 / len(articles))
    print(
        f"{len(articles)} articles: parse {parse_ms:.1f} ms CPU an article; extraction "
        f"{statistics.median(times):.1f} ms (rounds: {', '.join(f'{x:.1f}' for x in times)})"
    )
    profile = cProfile.Profile()
    profile.runcall(run)
    if args.out:
        profile.dump_stats(args.out)
    pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
