"""Words about organisations and the listed organisations themselves.

The word facets come from ``generator/data/lexicon/org_words.tsv``; the
organisations with their aliases from ``generator/data/organizations.yml``.
Name-only rules: each looks at a name's words, never at a parse.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import yaml

from generator.lexicon.load import DATA, LEXICON, entries, tagged
from generator.lexicon.text import fold, folded_words

_ORGS = "org_words.tsv"

ORG_HEADS = tagged(_ORGS, "head")
"""Last words that make a name an organisation whatever the model says ("Labour Party", "Gold Fields Ltd")."""
WEAK_ORG_HEADS = tagged(_ORGS, "weak-head")
"""Heads that name a building or site as often as the body in it (CoNLL: "Changi Prison" is a place)."""
ORG_LEADS = tagged(_ORGS, "lead")
"""First words that make "Ministry of ..." or "University of ..." an organisation."""
NEWS_HEADS = tagged(_ORGS, "news")
"""Last words of a newspaper's or broadcaster's name."""
GOVERNMENT_WORDS = tagged(_ORGS, "official")
"""Official bodies, and words that make a phrase one ("the Kremlin", "Russian authorities")."""
NATIONAL_GOVERNMENT_WORDS = frozenset({"government", "administration", "regime"})
"""Heads of "the government": a country's executive as a whole, never the committee or ministry quoted last."""
GOVERNMENT_SUBTYPE_WORDS = tagged(_ORGS, "government")
"""Words that make a listed-or-found organisation's subtype "government"."""
MILITARY_WORDS = tagged(_ORGS, "military")
COMPANY_WORDS = tagged(_ORGS, "company")
INTERNATIONAL_HEADS = tagged(_ORGS, "international-head")
INTERNATIONAL_WORDS = tagged(_ORGS, "international")
"""Words (or phrases) that, with an international head, make a body international ("World Bank")."""
ORG_WORDS = tagged(_ORGS, "speaker-org")
"""Words that make a proper-noun subject an organisation even when tagged as a person."""
ORG_NOUNS = tagged(_ORGS, "not-person")
"""Heads of common-noun subjects that are organisations or documents, not people."""
ORGANIZATION_HEADS = tagged(_ORGS, "source-org")
"""Common nouns for a non-governmental body: "the company denied that ..."."""
TEAM_NOUNS = tagged(_ORGS, "team")
"""A name right after one of these lower-case nouns is a team ("the Italian club Torino")."""
ORG_CUE_NOUNS = tagged(_ORGS, "org-cue")
"""A name right after one of these lower-case nouns, which describes it, is an organisation ("investment firm X")."""
WORK_CUE_NOUNS = tagged(_ORGS, "work-cue")
"""A name right after one of these lower-case nouns, which describes it, is a work: no entity ("album X")."""
NUMBERED_ORGS = tagged(_ORGS, "numbered")
"""Broadcaster words whose number is part of the name ("Radio 4", "Channel 4")."""
OUTLET_NOUNS = tagged(_ORGS, "outlet-noun")
"""A name right beside one of these lower-case nouns is a news outlet ("the daily Granma", "Liberte newspaper")."""
SOCIAL_PLATFORMS = tagged(_ORGS, "platform")
"""Social-media platforms, as written."""
MASTHEAD_WORDS = frozenset(w.upper() if len(w) <= 2 else w.title() for w in tagged(_ORGS, "masthead"))
"""Last words of a newspaper's or broadcaster's name, as a masthead writes them ("Times", "TV")."""
ORG_ABBREVIATIONS = tagged(_ORGS, "abbreviation")
COMMON_ACRONYMS = tagged("common_acronyms.tsv", "medicine", "technology", "business", "degree", "currency", "honour")
"""Acronyms of common nouns as written, dots dropped ("ICU", "SMS", "LLB"): no entity."""
LEGAL_FORMS = tagged(_ORGS, "legal-form")
"""A company's legal form ("Inc", "S.A.", "GmbH"), folded: part of the name before it, no name alone."""
AFTER_ORG = tagged(_ORGS, "after-org")
"""Business nouns right after a one-word name that make it a company ("Pirelli shares")."""
THING_WORDS = tagged(_ORGS, "thing")
"""Last words that make a name a law, document, event or award: no entity."""
"""Company suffixes written with a full stop ("Corp.", "Inc.")."""
RULER_SKIP = frozenset(entries("ruler_skip.txt"))
"""Listed names too ambiguous to force on the model ("Apple", "Senate"); they still classify when it finds them."""
SPORTS = tagged("sports.tsv", "sport")
"""Sports named in a headline: the article is a sports report."""
SPORTS_WORDS = tagged("sports.tsv", "sports-word")
COMPETITIONS = tagged("sports.tsv", "competition")
"""Competitions and races ("Champions League", "Grand National"): events, which are no entities."""
"""Words of match reports: four of them make an article a sports report, where place names are teams."""


@dataclass(frozen=True, slots=True)
class KnownOrg:
    """An organisation listed in ``organizations.yml``."""

    name: str
    subtype: str
    country: str | None = None


@functools.cache
def org_forms() -> tuple[tuple[str, KnownOrg], ...]:
    """Every written form (name and aliases) of the listed organisations."""
    entries: list[dict[str, Any]] = yaml.safe_load((DATA / "organizations.yml").read_text(encoding="utf-8")) or []
    forms: list[tuple[str, KnownOrg]] = []
    for entry in entries:
        org = KnownOrg(entry["name"], entry["subtype"], entry.get("country"))
        forms.extend((name, org) for name in (entry["name"], *entry.get("aliases", ())))
    return tuple(forms)


@functools.cache
def known_orgs() -> dict[str, KnownOrg]:
    """Folded name or alias → listed organisation."""
    table: dict[str, KnownOrg] = {}
    for name, org in org_forms():
        table.setdefault(fold(name), org)
    return table


def is_org_name(name: str, *, strong_only: bool = False) -> bool:
    """True when the name's words mark an organisation (head word or "X of" lead)."""
    ws = folded_words(name)
    if not ws:
        return False
    heads = ORG_HEADS - WEAK_ORG_HEADS if strong_only else ORG_HEADS
    if ws[-1] in heads or fold(name) in known_orgs():
        return True
    return len(ws) > 2 and ws[0] in ORG_LEADS and ws[1] in {"of", "for"}


def is_competition(name: str) -> bool:
    """A listed competition, or a name ending in one ("Crabbie's Grand National", "UEFA Champions League")."""
    key = " ".join(folded_words(name))
    return any(key == c or key.endswith(" " + c) for c in COMPETITIONS)


def org_subtype(name: str) -> str | None:
    """Kind of organisation from its listing or its words, None when nothing says."""
    known = known_orgs().get(fold(name))
    if known:
        return known.subtype
    ws = folded_words(name)
    if not ws:
        return None
    text = " ".join(ws)
    if "party" in ws:
        return "party"
    if any(w in text for w in INTERNATIONAL_WORDS) and ws[-1] in INTERNATIONAL_HEADS:
        return "international"
    if ws[-1] in NEWS_HEADS or text.endswith("news agency"):
        return "news_outlet"
    if ws[0] in MILITARY_WORDS or ws[-1] in MILITARY_WORDS or "defense forces" in text or "armed forces" in text:
        return "military"
    if any(w in GOVERNMENT_SUBTYPE_WORDS for w in ws):
        return "government"
    if ws[-1] in COMPANY_WORDS:
        return "company"
    return None


@functools.cache
def team_nicknames() -> dict[str, tuple[str, ...]]:
    """Folded nickname → the folded names of the clubs it may stand for ("blues" → chelsea, everton, ...),
    from ``team_nicknames.tsv``; a leading "the" is no part of the key."""
    rows: dict[str, tuple[str, ...]] = {}
    for line in (LEXICON / "team_nicknames.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            nickname, _, clubs = line.partition("\t")
            rows[fold(nickname)] = tuple(fold(c) for c in clubs.split("|") if c.strip())
    return rows

