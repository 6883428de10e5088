"""Display spoofing: text that reorders what is around it, names that only look alike.

A right-to-left override (U+202E) in an article reversed the quote after it
and the cue beside it in the sourcing table; a zero-width space or a Cyrillic
"о" inside a Latin name made a second page that looks exactly like the first.
Article text is therefore shown with its bidirectional controls dropped and,
when it holds right-to-left letters, inside a first-strong isolate (U+2068 …
U+2069), which the browser keeps from reordering anything outside it. Names
are normalised (NFKC, format characters dropped) before they are keyed, and a
name that mixes scripts is shown in one script and reported, so a look-alike
joins the real page instead of making a new one.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from generator.model import Brief, Problem
from generator.printable import printable

FSI, PDI = "\u2068", "\u2069"
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u061c]")
"""Embeddings, overrides and isolates (and the Arabic letter mark): invisible, and
able to reorder the page around them."""
_FORMAT_SPACE = re.compile(r"\s+")

# Letters of Cyrillic and Greek that look like Latin ones (Unicode's confusables,
# the ones fonts draw identically).
_LOOK_ALIKES = str.maketrans({
    "а": "a", "в": "B", "е": "e", "ё": "e", "і": "i", "ї": "i", "ј": "j", "о": "o", "р": "p", "с": "c",
    "ѕ": "s", "у": "y", "х": "x", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "к": "k", "м": "M", "н": "H",
    "т": "T", "А": "A", "В": "B", "Е": "E", "Ё": "E", "І": "I", "Ї": "I", "Ј": "J", "К": "K", "М": "M",
    "Н": "H", "О": "O", "Р": "P", "С": "C", "Ѕ": "S", "Т": "T", "У": "Y", "Х": "X", "Һ": "h", "Ԁ": "D",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v", "ι": "i", "κ": "k", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "α": "a",
})


def isolate(text: str) -> str:
    """Text that cannot reorder what stands around it on the page."""
    text = _BIDI_CONTROLS.sub("", text)
    if not text.isascii() and any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return f"{FSI}{text}{PDI}"
    return text


def strip_controls(text: str) -> str:
    """Text for places an isolate cannot go (attribute values, page titles)."""
    return _BIDI_CONTROLS.sub("", text)


def _script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return None


def scripts(name: str) -> set[str]:
    """The scripts of the letters in ``name`` (LATIN, CYRILLIC, GREEK, ...)."""
    return {s for s in map(_script, name) if s is not None}


def mixed(name: str) -> bool:
    """Latin letters mixed with letters of another script in one name."""
    found = scripts(name)
    return "LATIN" in found and len(found) > 1


def clean_name(name: str) -> str:
    """NFKC, format characters (zero-width, bidi controls) dropped, spacing collapsed."""
    name = unicodedata.normalize("NFKC", name)
    name = "".join(c for c in name if unicodedata.category(c) != "Cf")
    return " ".join(name.split())


@functools.lru_cache(maxsize=1 << 16)
def display_name(name: str) -> str:
    """The name as the site shows and keys it: clean, and in one script when a look-alike
    letter was all that mixed it.

    Remembered per name: the catalog and the pages ask for the same 2,000 names of
    300 briefs about 16,000 times, a fifth of the time an edited article waits for
    after its extraction (and the names are few beside the memory they take)."""
    cleaned = clean_name(name)
    if mixed(cleaned):
        latin = cleaned.translate(_LOOK_ALIKES)
        if scripts(latin) == {"LATIN"}:
            return latin
    return cleaned


def name_problems(briefs: Iterable[Brief]) -> list[Problem]:
    """A warning for every name that mixes scripts (a look-alike letter, on purpose or not)."""
    problems: list[Problem] = []
    for brief in briefs:
        seen: set[str] = set()
        for entity in brief.entities:
            for name in (entity.name, *entity.aliases):
                cleaned = clean_name(name)
                if cleaned in seen or not mixed(cleaned):
                    continue
                seen.add(cleaned)
                shown = display_name(name)
                problems.append(Problem(
                    path=brief.article.path,
                    message=f"the name {printable(cleaned)!r} mixes {' and '.join(sorted(scripts(cleaned))).lower()} "
                    f"letters (a look-alike letter?); the site shows it as {printable(shown)!r}",
                    severity="warning",
                ))
    return problems
