"""The lexicon: word lists read from data files, and the lookups on plain strings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.lexicon import load
from generator.lexicon.grammar import ABBREVIATIONS
from generator.lexicon.organizations import GOVERNMENT_WORDS, MASTHEAD_WORDS
from generator.lexicon.people import HONORIFICS, is_courtesy, is_surname_like, is_title
from generator.lexicon.places import METONYMS, demonyms, place_head, side_of, sides_mentioned
from generator.lexicon.speech import HEADLINE_FORMS, REPORTING_VERBS, SAID_FORMS, SOURCE_VERBS
from generator.lexicon.text import fold, folded_words, words

LISTS = sorted(p for p in load.LEXICON.iterdir() if p.suffix in {".txt", ".tsv"})


@pytest.mark.parametrize("path", LISTS, ids=[p.name for p in LISTS])
def test_every_list_says_what_it_is(path: Path) -> None:
    header = [line for line in path.read_text(encoding="utf-8").splitlines()[:3] if line.startswith("# ")]
    assert len(header) >= 2, f"{path.name} needs a header: what it is, where it came from, why"


@pytest.mark.parametrize("path", [p for p in LISTS if p.suffix == ".tsv"], ids=lambda p: p.name)
def test_every_table_entry_is_listed_once_and_trimmed(path: Path) -> None:
    rows = load.table(path.name)  # raises on an entry listed twice
    assert rows
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            entry, _, tags = line.partition("\t")
            assert entry == entry.strip() and "  " not in entry, f"{path.name}: {line!r}"
            assert all(tag.strip("=") == tag for tag in tags.split()), f"{path.name}: {line!r}"


def test_an_entry_listed_twice_is_an_error(tmp_path: Path) -> None:
    twice = tmp_path / "twice.tsv"
    twice.write_text("# what\n# whence\nsay\tquote\nsay\tclause\n", encoding="utf-8")
    with pytest.raises(ValueError, match="listed twice"):
        load.table(str(twice))


def test_a_facet_nobody_carries_is_an_error() -> None:
    with pytest.raises(ValueError, match="no entry is tagged"):
        load.tagged("reporting_verbs.tsv", "no-such-facet")


def test_tags_with_values() -> None:
    assert HEADLINE_FORMS["announce"] == "says" and HEADLINE_FORMS["deny"] == "denies"
    assert {"said", "says", "told", "wrote"} <= set(SAID_FORMS)
    assert METONYMS["Kremlin"] == "RU" and "Hamas" not in METONYMS


def test_lexicon_never_imports_spacy() -> None:
    code = (
        "import sys, pkgutil, importlib, generator.lexicon as lx\n"
        "for m in pkgutil.iter_modules(lx.__path__): importlib.import_module('generator.lexicon.' + m.name)\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize(
    ("name", "key", "folded"),
    [("São Paulo", "sao paulo", ["sao", "paulo"]), ("Mr.  Smith", "mr smith", ["mr", "smith"]),
     ("Zelenskyy's", "zelenskyy's", ["zelenskyy"]), ("al-Assad", "al-assad", ["al", "assad"])],
)
def test_fold_and_words(name: str, key: str, folded: list[str]) -> None:
    assert fold(name) == key
    assert folded_words(name) == folded


def test_words_keep_case_and_drop_possessives() -> None:
    assert words("Russia’s Defence Ministry's") == ["Russia", "Defence", "Ministry"]


@pytest.mark.parametrize(
    ("word", "title", "courtesy", "surname"),
    [("President", True, False, False), ("Mr.", True, True, False), ("Datuk", True, True, False),
     ("Peskov", False, False, True), ("Ukrainian", False, False, False), ("Road", False, False, False),
     ("NATO", False, False, False)],
)
def test_people_words(word: str, title: bool, courtesy: bool, surname: bool) -> None:
    assert is_title(word) is title
    assert is_courtesy(word) is courtesy
    assert is_surname_like(word) is surname


def test_honorifics_with_and_without_their_stop() -> None:
    assert {"mr", "mr.", "sir", "datuk"} <= HONORIFICS
    assert "sir." not in HONORIFICS
    assert {"mr", "gen", "sept", "corp", "jr", "vs"} <= ABBREVIATIONS


@pytest.mark.parametrize(
    ("name", "side"),
    [("the Kremlin", "RU"), ("Russian Ministry of Defense", "RU"), ("Ukraine's General Staff", "UA"),
     ("Hamas officials", "PS"), ("Moscow", "RU"), ("United States of America", "US"), ("a local farmer", None),
     (None, None)],
)
def test_side_of(name: str | None, side: str | None) -> None:
    assert side_of(name) == side


def test_sides_mentioned() -> None:
    assert sides_mentioned("Kyiv said Russian troops attacked; the Kremlin denied it.") == {"UA", "RU"}


def test_place_words_and_demonyms() -> None:
    assert place_head("Kursk Oblast") == "region" and place_head("Kursk") is None
    assert {"ukrainian", "ukrainians", "swiss", "englishmen"} <= demonyms()


def test_one_list_with_facets() -> None:
    # The attribution finder's verbs and the indirect-quote verbs are facets of one list.
    assert {"say", "claim", "deny"} <= SOURCE_VERBS & REPORTING_VERBS
    assert {"kremlin", "ministry", "police"} <= GOVERNMENT_WORDS
    assert {"Times", "Post", "TV"} <= MASTHEAD_WORDS
