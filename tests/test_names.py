"""Cross-article entity keys and the aliases file."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.site.aliases import AliasesError, load_aliases, resolve
from generator.site.keys import entity_key, same_entity, slug


@pytest.mark.parametrize(
    ("kind", "a", "b"),
    [
        ("person", "Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("person", "Volodymyr Zelensky", "Volodymyr Zelenskiy"),
        ("person", "Aleksei Polishchuk", "Alexei Polishchuk"),
        ("person", "Alexey Navalny", "Aleksei Navalny"),
        ("person", "Dmitri Peskov", "Dmitry Peskov"),
        ("person", "Sergei Lavrov", "Sergey Lavrov"),
        ("person", "President Vladimir Putin", "Vladimir Putin"),
        ("person", "Mikhail Gorbachev", "Mikhail Gorbachyov"),
        ("person", "José Mourinho", "Jose Mourinho"),
        ("place", "Kiev", "Kyiv"),
        ("place", "U.S.", "United States"),
        ("place", "Britain", "United Kingdom"),
        ("organization", "the Kremlin", "Kremlin"),
        ("organization", "U.N.", "United Nations"),
        ("organization", "Nato", "NATO"),
    ],
)
def test_spellings_of_one_entity_share_a_key(kind: str, a: str, b: str) -> None:
    assert entity_key(kind, a) == entity_key(kind, b)
    assert same_entity(kind, a, b)


@pytest.mark.parametrize(
    ("kind", "a", "b"),
    [
        ("person", "Ann Smith", "Anna Smith"),  # different given names
        ("person", "Vladimir Putin", "Volodymyr Zelensky"),
        ("person", "Dmitry Peskov", "Peskov"),  # a surname alone is not enough across articles
        ("place", "Donetsk", "Donetsk region"),
        ("organization", "Foreign Ministry", "Defense Ministry"),
    ],
)
def test_different_entities_keep_different_keys(kind: str, a: str, b: str) -> None:
    assert not same_entity(kind, a, b)


@pytest.mark.parametrize("name", ["Dmitry Peskov", "Côte d'Ivoire", "AT&T", "Ministry of Defense", "Sukhyi Yar"])
def test_keys_are_slug_safe_and_stable(name: str) -> None:
    for kind in ("person", "place", "organization"):
        key = entity_key(kind, name)
        assert key == entity_key(kind, name)
        assert key and all((c.isalnum() and c.isascii()) or c == "-" for c in key)


def test_missing_aliases_file_means_none(tmp_path: Path) -> None:
    aliases = load_aliases(tmp_path / "aliases.yml")
    assert resolve(aliases, "person", "Dmitry Peskov") == (entity_key("person", "Dmitry Peskov"), "Dmitry Peskov")
    assert resolve(None, "place", "Kyiv") == ("kyiv", "Kyiv")


ALIASES = """
people:
  Volodymyr Zelensky:
    merge: [Zelensky]
    description: President of Ukraine.
  Jordan:
    hide: true
  Alexei Navalny:
    split: true
places:
  Kiev:
    rename: Kyiv
organizations:
  Russian Ministry of Defense:
    merge: [Ministry of Defense, Russia's Defence Ministry]
"""


@pytest.fixture
def aliases(tmp_path: Path):  # type: ignore[no-untyped-def]
    f = tmp_path / "aliases.yml"
    f.write_text(ALIASES, encoding="utf-8")
    return load_aliases(f)


def test_merge_joins_names_under_the_entry(aliases) -> None:  # type: ignore[no-untyped-def]
    key, display = resolve(aliases, "person", "Volodymyr Zelensky")  # type: ignore[misc]
    assert resolve(aliases, "person", "Zelensky") == (key, display)
    # a transliteration of the entry's name finds the entry too
    assert resolve(aliases, "person", "Volodymyr Zelenskyy") == (key, "Volodymyr Zelensky")
    assert aliases.description("person", key) == "President of Ukraine."
    org = resolve(aliases, "organization", "Ministry of Defense")
    assert org == resolve(aliases, "organization", "Russian Ministry of Defense")
    assert org is not None and org[1] == "Russian Ministry of Defense"


def test_hide_rename_split(aliases) -> None:  # type: ignore[no-untyped-def]
    assert resolve(aliases, "person", "Jordan") is None
    assert resolve(aliases, "place", "Kiev") == ("kyiv", "Kyiv")
    assert resolve(aliases, "place", "Kyiv") == ("kyiv", "Kyiv")
    # split: the exact name is its own key; a look-alike spelling is not merged into it
    assert resolve(aliases, "person", "Alexei Navalny") == (slug("Alexei Navalny"), "Alexei Navalny")
    assert resolve(aliases, "person", "Aleksei Navalny") == (entity_key("person", "Aleksei Navalny"), "Aleksei Navalny")
    # hidden only for its own kind
    assert resolve(aliases, "place", "Jordan") is not None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("people: [a, b]", "must map names"),
        ("persons:\n  X: {}", "unknown section"),
        ("people:\n  X:\n    merge: 3", "merge must be a list"),
        ("people:\n  X:\n    hide: maybe", "hide must be true or false"),
        ("people:\n  X:\n    colour: red", "unknown key"),
        ("people: [", "not valid YAML"),
    ],
)
def test_bad_aliases_file_names_the_problem(tmp_path: Path, text: str, message: str) -> None:
    f = tmp_path / "aliases.yml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(AliasesError, match=message):
        load_aliases(f)
