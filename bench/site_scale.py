"""Build the whole site from many real articles and time each phase.

    python bench/site_scale.py [--limit N]

Copies N articles of the BBC corpus into a throwaway project, then times
``newsbrief build`` cold (no cache), again warm (everything cached, nothing to
write), and ``mkdocs build``. Run by hand; not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _shared import ROOT, SHARED


def run(cmd: list[str], cwd: Path) -> float:
    t = time.perf_counter()
    subprocess.run(
        cmd,
        cwd=cwd,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    files = sorted((SHARED / "corpus" / "bbc").rglob("*.txt"))
    files = [f for f in files if f.name != "README.TXT"][: args.limit or None]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copy(ROOT / "mkdocs.yml", root)
        shutil.copytree(ROOT / "templates", root / "templates")
        shutil.copytree(
            ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("briefs", "people", "places", "organizations")
        )
        (root / "seeds").mkdir()
        for f in files:
            shutil.copy(f, root / "seeds" / f"{f.parent.name}-{f.name}")
        exe = [sys.executable, "-m", "generator"]
        cold = run([*exe, "build"], root)
        warm = run([*exe, "build"], root)
        pages = sum(1 for _ in (root / "docs").rglob("*.md"))
        site = run([sys.executable, "-m", "mkdocs", "build"], root)
        html = sorted((root / "site").rglob("*.html"), key=lambda p: p.stat().st_size)
        print(f"{len(files)} articles -> {pages} Markdown pages, {len(html)} HTML pages")
        print(f"newsbrief build, cold:  {cold:7.1f} s")
        print(f"newsbrief build, warm:  {warm:7.1f} s")
        print(f"mkdocs build:           {site:7.1f} s (includes a warm newsbrief run)")
        if html:
            largest = html[-1]
            size = largest.stat().st_size / 1024
            print(f"largest HTML page:      {size:7.0f} KB ({largest.relative_to(root / 'site')})")


if __name__ == "__main__":
    main()
