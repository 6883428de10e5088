"""What every bench script needs: where the shared material is, and how to run
``newsbrief extract`` and ``score.py`` on a gold set."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSBRIEF_SHARED") or ROOT.parent / "shared").resolve()
"""``../shared`` beside the checkout, unless ``NEWSBRIEF_SHARED`` names another folder."""
EVAL = SHARED / "eval"
SCORE = EVAL / "score.py"


def shared_dir() -> Path:
    return SHARED


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def materialize(gold: Path, texts: Path) -> None:
    """Write each gold document's text to ``texts/<id>.txt``."""
    run(sys.executable, str(SCORE), "materialize", str(gold), str(texts))


def extract_command(texts: Path, pred: Path) -> list[str]:
    """``newsbrief extract texts -o pred`` with this interpreter's install."""
    newsbrief = Path(sys.executable).with_name("newsbrief")
    command = [str(newsbrief)] if newsbrief.exists() else [sys.executable, "-m", "generator"]
    return [*command, "extract", str(texts), "-o", str(pred)]


def extract(texts: Path, pred: Path) -> None:
    """Run ``newsbrief extract texts -o pred`` and wait for it."""
    subprocess.run(extract_command(texts, pred), check=True, stdout=subprocess.DEVNULL)


def score(command: str, gold: Path, pred: Path, *extra: str) -> Any:
    """``score.py COMMAND gold pred`` as parsed JSON."""
    return json.loads(run(sys.executable, str(SCORE), command, str(gold), str(pred), *extra))


def as_written(pred: Path, out: Path) -> None:
    """Copy of ``pred`` naming each speaker as the text writes it where it is attributed.

    ``speaker`` / ``name`` are canonical (the resolved full name); PolNeAR
    annotates the source as written ("he", "who", "Trump", "" where the text
    names nobody), so its own convention is scored on ``speaker_text`` /
    ``source_text`` instead (for a quote carrying on the last speaker, the
    mention that speaker was named by).
    """
    lines = []
    for line in pred.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for q in rec.get("quotes", []):
            q["speaker"] = q.get("speaker_text")
        for src in rec.get("sources", []):
            src["name"] = src.get("source_text")
        lines.append(json.dumps(rec, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def one_per_cue(pred: Path, out: Path) -> None:
    """Copy of ``pred`` with one record per attribution, PolNeAR's unit, instead of one per quote.

    ``newsbrief`` writes "“A,” he said. “B.”" as two quotes (quotes_dev's
    convention: one quote per quotation), each with the span of the cue
    they share (``cue_start`` / ``cue_end``); PolNeAR annotates it as one
    attribution whose content runs from A to B. Quotes sharing a cue become
    one record spanning them (the first one's speaker), and a sourcing claim
    repeating one of those quotes (covering more than half of it, the rule by
    which ``score.py attributions`` drops such a claim) becomes that record's
    claim. Nothing is
    added or moved: the grouping is the extractor's, only the unit differs.
    """
    lines = []
    for line in pred.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        joined: dict[tuple[int, int], dict[str, Any]] = {}
        by_cue: dict[tuple[int, int], dict[str, Any]] = {}
        quotes = []
        for q in rec.get("quotes", []):
            cue = (q.get("cue_start"), q.get("cue_end"))
            first = by_cue.get(cue) if cue[0] is not None else None
            if first is None:
                first = dict(q)
                quotes.append(first)
                if cue[0] is not None:
                    by_cue[cue] = first
            else:
                first["start"], first["end"] = min(first["start"], q["start"]), max(first["end"], q["end"])
            joined[(q["start"], q["end"])] = first
        sources, seen = [], set()
        for src in rec.get("sources", []):
            claim = src.get("claim")
            whole = None
            if claim is not None:
                whole = next((w for (s, e), w in joined.items()
                              if e > s and (min(e, claim["end"]) - max(s, claim["start"])) / (e - s) > 0.5), None)
            if whole is not None and claim is not None:
                span = (whole["start"], whole["end"])
                if span in seen:
                    continue
                seen.add(span)
                src = {**src, "claim": {**claim, "start": span[0], "end": span[1]}}
            sources.append(src)
        rec["quotes"], rec["sources"] = quotes, sources
        lines.append(json.dumps(rec, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def quote_line(label: str, report: dict[str, dict[str, float]], who: str = "speaker") -> str:
    """One row of quote scores: overlap > 0.3, with the strict (> 0.8) F1 beside it."""
    row, strict = report["overlap>0.3"], report["overlap>0.8"]
    return (
        f"{label:<28} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}  "
        f"{who} {row['speaker_accuracy']:.3f}  wrong {row.get('wrong_speaker_rate', float('nan')):.3f}  "
        f"(pred {row['predicted']}, gold {row['gold']}; "
        f"strict F1 {strict['f1']:.3f})"
    )


def bench_project(root: Path, files: list[Path]) -> Path:
    """A project folder at ``root`` (made if missing) with this checkout's site configuration,
    templates and hand-written docs, and ``files`` as its seeds (named ``<folder>-<file>`` so the
    BBC corpus's numbered files of different sections stay apart)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root)
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    shutil.copytree(
        ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("briefs", "people", "places", "organizations")
    )
    (root / "seeds").mkdir()
    for f in files:
        shutil.copy(f, root / "seeds" / f"{f.parent.name}-{f.name}")
    return root


def score_module() -> Any:
    """``score.py`` imported as a module, for scripts that need its matching, not just its figures."""
    spec = importlib.util.spec_from_file_location("score", SCORE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def baseline_code(tmp: Path, rev: str) -> Path:
    """The ``generator`` package as it was at ``rev``, unpacked under ``tmp`` (for timing against it)."""
    code = tmp / "baseline-code"
    code.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "generator"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(code)], input=archive, check=True)
    return code
