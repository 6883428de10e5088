"""Build the whole site from many real articles and time each phase.

    python bench/site_scale.py [--limit N] [--all] [--browser]

Copies N articles of the BBC corpus (default 300; ``--all`` for every one)
into a throwaway project, then measures:

- ``newsbrief build`` cold (no cache), warm (nothing changed), and after one
  article changed (one sentence appended);
- ``mkdocs build`` (the plugin runs a warm generator, MkDocs renders every page,
  then Pagefind indexes the site), in ms per HTML page, and the Pagefind step alone
  (``newsbrief search-index``);
- the search index: its size, and what a reader downloads for a first query.
  From the files: Pagefind's script (gzip, as a web server sends it), its
  WebAssembly, the index metadata, one index chunk per query word (two words:
  the median chunk twice) and the ten result fragments shown (median). With
  ``--browser``, also measured in Chromium for real queries;
- peak memory (largest resident set of any step).

Times are wall clock and CPU (user+sys): on a shared machine the CPU time is
the steadier figure. Run by hand; not a test.
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _shared import SHARED, bench_project

QUERIES = ("Gordon Brown", "Tony Blair")
"""Names to search in the browser (people the BBC corpus quotes)."""


LOADS: dict[int, float] = {}
"""Load average (1 min) at the end of each command, by the command's number."""


def run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one command (its load average noted in LOADS)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(
        cmd, cwd=cwd, check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        print(done.stderr[-2000:], file=sys.stderr)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    LOADS[hash((wall, cpu))] = os.getloadavg()[0]
    return wall, cpu


def first_query_bytes(bundle: Path, words: int = 2, results: int = 10) -> tuple[int, dict[str, int]]:
    """What a first query of ``words`` words downloads, from the bundle's files."""
    chunks = [f.stat().st_size for f in (bundle / "index").glob("*.pf_index")]
    fragments = [f.stat().st_size for f in (bundle / "fragment").glob("*.pf_fragment")]
    parts = {
        "pagefind.js (gzip)": len(gzip.compress((bundle / "pagefind.js").read_bytes())),
        "wasm": (bundle / "wasm.en.pagefind").stat().st_size,
        "meta": sum(f.stat().st_size for f in bundle.glob("pagefind.*.pf_meta")),
        "entry": (bundle / "pagefind-entry.json").stat().st_size,
        f"{words} index chunks": int(words * statistics.median(chunks)) if chunks else 0,
        f"{results} fragments": int(min(results, len(fragments)) * statistics.median(fragments)) if fragments else 0,
    }
    return sum(parts.values()), parts


def browser_bytes(site: Path, queries: tuple[str, ...]) -> dict[str, int]:
    """Bytes fetched from pagefind/ for each query typed into the header's search box."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    out: dict[str, int] = {}
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for query in queries:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.set_default_timeout(60_000)
            sizes: dict[str, int] = {}
            page.on("response", lambda r, sizes=sizes: sizes.__setitem__(r.url, len(r.body()))
                    if "/pagefind/" in r.url else None)
            page.goto(f"{base}/about/")
            box = page.locator("input.md-search__input")
            box.click()
            box.press_sequentially(query, delay=30)
            page.locator(".md-search-result__item").first.wait_for()
            page.wait_for_timeout(1500)
            # pagefind.js as a web server would send it (gzip); the index files are gzip already.
            js = next((u for u in sizes if u.endswith("/pagefind.js")), None)
            if js:
                sizes[js] = len(gzip.compress((site / "pagefind" / "pagefind.js").read_bytes()))
            out[query] = sum(sizes.values())
            context.close()
        browser.close()
    server.shutdown()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--all", action="store_true", help="every article of the BBC corpus")
    parser.add_argument("--browser", action="store_true", help="also measure first queries in Chromium")
    args = parser.parse_args()
    files = sorted((SHARED / "corpus" / "bbc").rglob("*.txt"))
    files = [f for f in files if f.name != "README.TXT"][: None if args.all else args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        root = bench_project(Path(tmp), files)
        exe = [sys.executable, "-m", "generator"]
        cold = run([*exe, "build"], root)
        warm = run([*exe, "build"], root)
        edited = sorted((root / "seeds").iterdir())[len(files) // 2]
        with edited.open("a", encoding="utf-8") as f:
            f.write("\nThe company said it would publish more details next week.\n")
        one_edit = run([*exe, "build"], root)
        pages = sum(1 for _ in (root / "docs").rglob("*.md"))
        site = run([sys.executable, "-m", "mkdocs", "build"], root)
        html = list((root / "site").rglob("*.html"))
        index = run([*exe, "search-index", "site"], root)
        bundle = root / "site" / "pagefind"
        index_files = [f for f in bundle.rglob("*") if f.is_file() and f.suffix.startswith(".pf")]
        total, parts = first_query_bytes(bundle)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

        def line(label: str, t: tuple[float, float]) -> None:
            print(f"{label:<34}{t[0]:8.1f} s wall {t[1]:8.1f} s CPU  (load {LOADS.get(hash(t), 0):.1f})")

        print(f"{len(files)} articles -> {pages} Markdown pages, {len(html)} HTML pages")
        line("newsbrief build, cold:", cold)
        line("newsbrief build, warm:", warm)
        line("newsbrief build, one edit:", one_edit)
        line("mkdocs build (incl. Pagefind):", site)
        print(f"{'mkdocs build per HTML page:':<34}{1000 * site[0] / max(1, len(html)):8.1f} ms wall "
              f"{1000 * site[1] / max(1, len(html)):6.1f} ms CPU")
        line("newsbrief search-index alone:", index)
        from generator.search import indexed_pages

        size = sum(f.stat().st_size for f in index_files) / 1024
        chunks = len(list((bundle / "index").iterdir()))
        pages_indexed = indexed_pages(bundle)
        print(f"search index: {pages_indexed} pages, {size:.0f} KB in {len(index_files)} files ({chunks} chunks)")
        print(f"first query (2 words, from the files): {total / 1024:.0f} KB = "
              + ", ".join(f"{k} {v / 1024:.1f}" for k, v in parts.items()))
        if args.browser:
            for query, size in browser_bytes(root / "site", QUERIES).items():
                print(f"first query in Chromium, {query!r}: {size / 1024:.0f} KB")
        print(f"peak memory (largest step):        {peak:8.0f} MB")


if __name__ == "__main__":
    main()
