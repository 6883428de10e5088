"""Score quote extraction on a development gold set.

Usage: ``python bench/quotes.py [quotes_dev|attributions_dev|attributions_train] [--gold-file F] [--keep DIR]``

Writes the gold set's texts to a temporary folder, runs ``newsbrief extract``
over them and prints ``score.py quotes`` (all kinds and direct quotes only);
for ``attributions_dev`` also ``score.py attributions`` (quotes plus the
claims of the sourcing extractor), twice: with the canonical speakers
(``speaker`` / ``name``, the resolved full name: quotes_dev's convention)
and with the sources as written (``speaker_text`` / ``source_text``: "he",
"who", "Trump"), which is PolNeAR's own convention and so the honest source
accuracy on it; a resolved "Donald Trump" never equals a gold "he". The shared folder is ``../shared`` beside
the repository unless ``NEWSBRIEF_SHARED`` names another.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _shared import EVAL, as_written, extract, materialize, one_per_cue, quote_line, score
from attribution_errors import breakdown

GOLD_SETS = ("quotes_dev", "attributions_dev", "attributions_train")
"""``attributions_train`` is where the learned tagger was fitted, so its attribution rows are
in-sample; its direct quotes, whose speakers the rules find, are 840 articles no rule was
written against: the largest check that the speaker rules carry over to unseen news."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("gold", nargs="?", default="quotes_dev", choices=GOLD_SETS)
    parser.add_argument("--keep", type=Path, help="write texts and predictions here instead of a temp dir")
    parser.add_argument(
        "--gold-file", type=Path,
        help="score this quotes_dev-style JSONL instead (held-out sets kept outside the repository)",
    )
    args = parser.parse_args(argv)
    gold = args.gold_file or EVAL / f"{args.gold}.jsonl"
    if args.gold_file:
        args.gold = args.gold_file.stem
    # The gold sets name speakers differently: canonical names in quotes_dev,
    # sources as written in attributions_dev (PolNeAR).
    who = "source" if args.gold.startswith("attributions") else "speaker"
    with tempfile.TemporaryDirectory(prefix="newsbrief-bench-") as tmp:
        work = args.keep or Path(tmp)
        texts, pred = work / "texts", work / f"{args.gold}.pred.jsonl"
        materialize(gold, texts)
        extract(texts, pred)
        print(f"{args.gold} (overlap>0.3, one-to-one)")
        print(quote_line("quotes, all kinds", score("quotes", gold, pred), who))
        print(quote_line("quotes, direct only", score("quotes", gold, pred, "--kinds", "direct"), who))
        print(quote_line("quotes, direct and mixed", score("quotes", gold, pred, "--kinds", "direct,mixed"), who))
        if args.gold.startswith("attributions"):
            written = work / f"{args.gold}.as_written.jsonl"
            as_written(pred, written)
            direct_written = score("quotes", gold, written, "--kinds", "direct")
            print(quote_line("quotes, direct only, as written", direct_written, who))
            print(quote_line("attributions (+sources)", score("attributions", gold, pred), who))
            print(quote_line("  as written", score("attributions", gold, written), who))
            polnear = work / f"{args.gold}.polnear.jsonl"
            one_per_cue(written, polnear)
            print(quote_line("  as written, one per cue", score("attributions", gold, polnear), who))
            print("error classes of the last row (bench/attribution_errors.py --show CLASS lists them):")
            for key, n in sorted(breakdown(gold, polnear)[0].items()):
                print(f"  {n:6d}  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
