"""Page precision: how many people, places and organisations pages a reader can trust.

Usage: ``python bench/page_precision.py [--gold quotes_dev | --gold-file FILE] [--errors]``

Builds the site catalog (``generator.pipeline``: extract every article, then
one record per entity across briefs) from the texts of a gold set whose
records carry ``entities`` (``{"name","label","forms"}``), then judges each
page: a page is right when its name or one of its aliases, folded, is a form
of a gold entity of that kind in an article where the page was found. It also
lists duplicates: two pages (of any kind) for one gold entity of one article,
and counts the names briefs mention that get no page (too little evidence of
their kind, ``generator/site/evidence.py``), the price paid for precision.

Why page by page: entity F1 per article counts each article once, but a reader
sees the pages, where every wrong name is a page of its own.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from _shared import EVAL, materialize

LABELS = {"person": "PER", "place": "LOC", "organization": "ORG"}


def _fold(s: str) -> str:
    s = re.sub(r"^the\s+", "", " ".join(s.casefold().replace("’", "'").split()))
    return re.sub(r"'s$", "", s)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--gold", default="quotes_dev", help="a gold set of ../shared/eval (its name)")
    parser.add_argument("--gold-file", type=Path,
                        help="any gold file of that format instead (held-out sets stay outside the repository)")
    parser.add_argument("--errors", action="store_true", help="list every wrong page and duplicate")
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from generator.ingest import read_articles
    from generator.pipeline import Settings, catalog, extract_all

    gold_path = args.gold_file.resolve() if args.gold_file else EVAL / f"{args.gold}.jsonl"
    gold_docs = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    if not any(d.get("entities") for d in gold_docs):
        print(f"{gold_path}: no document carries entity annotations; page precision cannot be judged on it")
        return 2
    spans = not any("forms" in e for d in gold_docs for e in d.get("entities", []))
    """CoNLL-style gold (one span per mention, no entity grouping): a page is judged by its name
    alone, and duplicates (which need the grouping) are not counted."""
    by_stem = {re.sub(r"[^A-Za-z0-9._-]+", "_", d["id"]): d for d in gold_docs}
    with tempfile.TemporaryDirectory(prefix="newsbrief-pages-") as tmp:
        texts = Path(tmp) / "texts"
        materialize(gold_path, texts)
        articles, _ = read_articles([texts])
        stem_of = {a.slug: Path(a.path).stem for a in articles}
        briefs, _ = extract_all(articles, Settings(root=Path(tmp), cache=False))
    site = catalog(briefs)
    # Gold forms per article and kind: folded form → gold entity index.
    gold: dict[tuple[str, str], dict[str, int]] = {}
    shared: set[tuple[str, str]] = set()
    """Forms two gold entities of one article share ("Fischer"): they prove a page right but no duplicate."""
    for slug, stem in stem_of.items():
        for n, ent in enumerate(by_stem[stem].get("entities", [])):
            written = (ent["text"],) if spans else (ent["name"], *ent.get("forms", []))
            for form in {_fold(f) for f in written}:
                forms = gold.setdefault((slug, ent["label"]), {})
                if form in forms:
                    shared.add((slug, form))
                forms[form] = n
    report: dict[str, Any] = {}
    wrong: dict[str, list[str]] = {}
    for kind, label in LABELS.items():
        pages = site.of_kind(kind)
        right = 0
        for page in pages:
            names = {_fold(n) for n in (page.name, *page.aliases)}
            if any(names & gold.get((b.article.slug, label), {}).keys() for b in page.briefs):
                right += 1
            else:
                wrong.setdefault(kind, []).append(page.name)
        report[kind] = {"pages": len(pages), "right": right, "precision": round(right / len(pages), 4) if pages else 0}
    # Duplicates: within one article, two pages whose forms there hit one gold entity.
    duplicates: list[tuple[str, str, str]] = []
    for brief in [] if spans else briefs:
        slug = brief.article.slug
        hits: dict[tuple[str, int], set[tuple[str, str]]] = {}
        for ent in brief.entities:
            page = site.find(brief, ent.kind, ent.name)
            if page is None:
                continue
            for label in LABELS.values():
                forms = gold.get((slug, label), {})
                for name in (ent.name, *ent.aliases):
                    if (slug, _fold(name)) in shared:
                        continue
                    if (n := forms.get(_fold(name))) is not None:
                        hits.setdefault((label, n), set()).add((page.kind, page.name))
        for pages_hit in hits.values():
            if len(pages_hit) > 1:
                names = sorted(f"{k}:{n}" for k, n in pages_hit)
                duplicates.append((stem_of[slug], names[0], " | ".join(names[1:])))
    report["duplicates"] = len(duplicates)
    # Names a brief mentions that have no page (too little evidence of their kind): the price of precision.
    plain: dict[str, set[tuple[str, str]]] = {}
    for brief in briefs:
        for ent in brief.entities:
            if site.find(brief, ent.kind, ent.name) is None:
                plain.setdefault(ent.kind, set()).add((brief.article.slug, ent.name))
    report["plain_text"] = {k: len(v) for k, v in plain.items()}
    lost = {k: sum(_fold(n) in gold.get((slug, LABELS[k]), {}) for slug, n in v) for k, v in plain.items()}
    for kind in LABELS:
        r = report[kind]
        print(f"{kind:<13} pages {r['pages']:>4}  right {r['right']:>4}  precision {r['precision']:.3f}")
    judged = "not judged (span gold)" if spans else str(len(duplicates))
    print(f"duplicate pages for one entity of an article: {judged}")
    print("names left as plain text (no page), of which gold entities of that kind: "
          + ", ".join(f"{k} {len(v)} ({lost[k]})" for k, v in sorted(plain.items())))
    if args.errors:
        for kind, names in wrong.items():
            print(f"\nwrong {kind} pages ({len(names)}): " + "; ".join(sorted(names)))
        print("\nduplicates:")
        for stem, a, b in duplicates:
            print(f"  {stem}: {a} | {b}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
