"""Word lists and name-only rules for people, places and organisations.

Everything here looks at a name's words, never at a parse, so each rule can be
tested with a plain string. ``entities.py`` combines them with the spaCy
labels and the gazetteer.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import yaml

from generator.lexicon.gazetteer import DATA, fold

# A name right after one of these lower-case nouns is a team ("first division team Deportivo Coruna",
# "the Italian club Torino"); player nouns ("champion", "captain") are left out: they precede people.
TEAM_NOUNS = frozenset({"team", "club", "side", "outfit", "franchise"})

# Words that make a name an organisation whatever the model says ("Second CIS
# Department", "Labour Party", "Gold Fields Ltd").
ORG_HEADS = frozenset(
    {
        "ministry", "department", "agency", "party", "council", "committee", "commission", "office",
        "bureau", "service", "services", "authority", "administration", "government", "cabinet",
        "parliament", "assembly", "senate", "congress", "court", "tribunal", "police", "army", "navy",
        "forces", "force", "guard", "corps", "command", "directorate", "inspectorate", "union",
        "federation", "association", "league", "club", "institute", "institution", "university", "college",
        "school", "academy", "foundation", "fund", "trust", "bank", "group", "corp", "corporation", "co",
        "company", "inc", "ltd", "plc", "llc", "spa", "ag", "sa", "nv", "gmbh", "bv", "holdings",
        "industries", "international", "airlines", "airline", "airways", "news", "times", "post", "herald",
        "journal", "gazette", "tribune", "telegraph", "guardian", "mail", "daily", "press", "review",
        "magazine", "radio", "television", "tv", "broadcasting", "network", "channel", "reuters",
        "exchange", "board", "organization", "organisation", "organizations", "movement", "front",
        "alliance", "coalition", "caucus", "secretariat", "chamber", "legislature", "society",
        "systems", "technologies", "laboratories", "labs", "partners", "associates",
        "securities", "capital", "economics", "research", "mining", "petroleum", "oil", "energy", "motors",
        "pharmaceuticals", "consulting", "church", "hospital", "centre", "center", "clinic", "prison"
    }
)
# Heads that name a building or site as often as the body in it: kept as a
# place when the model or gazetteer says so (CoNLL: "Changi Prison" is a place).
WEAK_ORG_HEADS = frozenset({"hospital", "centre", "center", "clinic", "prison", "court", "church"})
# A name starting "Ministry of ..." / "University of ..." is an organisation.
ORG_LEADS = frozenset(
    {"ministry", "department", "university", "bank", "council", "office", "institute", "house",
     "commission", "committee", "federation", "association", "union", "league", "government",
     "court", "board", "agency", "bureau", "party", "chamber"}
)
NEWS_HEADS = frozenset(
    {"times", "post", "herald", "journal", "gazette", "tribune", "telegraph", "guardian", "mail",
     "daily", "press", "news", "magazine", "radio", "television", "tv", "broadcasting", "review",
     "observer", "chronicle", "independent", "express", "standard", "star", "sun", "mirror",
     "examiner", "inquirer", "bulletin", "wire", "digital"}
)
GOVERNMENT_WORDS = frozenset(
    {"ministry", "department", "government", "cabinet", "parliament", "senate", "congress",
     "assembly", "council", "commission", "authority", "administration", "office", "agency",
     "bureau", "court", "tribunal", "police", "legislature", "directorate", "inspectorate",
     "secretariat", "treasury", "kremlin"}
)
MILITARY_WORDS = frozenset({"army", "navy", "forces", "force", "military", "guard", "corps", "command", "marines"})
COMPANY_WORDS = frozenset(
    {"corp", "corporation", "co", "company", "inc", "ltd", "plc", "llc", "spa", "ag", "sa", "nv",
     "gmbh", "bv", "holdings", "industries", "airlines", "airways", "bank", "group", "securities",
     "capital", "mining", "petroleum", "motors", "pharmaceuticals", "consulting", "technologies",
     "systems", "partners", "associates"}
)
INTERNATIONAL_HEADS = frozenset(
    {"organization", "organisation", "fund", "bank", "court", "agency", "union", "council", "committee"}
)
INTERNATIONAL_WORDS = frozenset({"united nations", "international", "world", "european", "global"})
# A place name is a region when its last word says so ("Kursk Oblast").
PLACE_HEADS = {
    "region": "region", "oblast": "region", "province": "region", "state": "region",
    "county": "region", "district": "region", "territory": "region", "governorate": "region",
    "prefecture": "region", "republic": "country", "kingdom": "country", "island": "feature",
    "islands": "feature", "river": "feature", "sea": "feature", "ocean": "feature", "lake": "feature",
    "mountains": "feature", "valley": "feature", "strait": "feature", "bay": "feature",
    "gulf": "feature", "peninsula": "feature", "desert": "feature", "city": "city", "village": "village",
}
# Titles and honorifics written before a name: a person cue, kept as a role
# when it is a position (President) and dropped when it is a courtesy (Mr).
# Malaysian and Brunei honorifics ("Datuk Seri Anwar Ibrahim") are courtesies too.
COURTESY = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "madam", "mx", "datuk", "dato",
     "seri", "sri", "tan", "tun", "haji"}
)
TITLES = frozenset(
    {
        "president", "vice", "prime", "minister", "chancellor", "premier", "king", "queen", "prince",
        "princess", "emperor", "pope", "cardinal", "bishop", "archbishop", "rabbi", "imam", "sheikh",
        "general", "gen", "lt", "lieutenant", "colonel", "col", "major", "maj", "captain", "capt",
        "admiral", "commander", "sergeant", "sgt", "governor", "gov", "senator", "sen", "representative",
        "rep", "congressman", "congresswoman", "mayor", "judge", "justice", "chairman", "chairwoman",
        "chair", "secretary", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "director",
        "chief", "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "leader",
        "officer", "detective", "inspector", "superintendent", "commissioner", "ceo", "cfo", "founder",
        "deputy", "speaker", "president-elect", "sultan", "ayatollah", "pastor", "father", "brother",
        "sister", "lawmaker", "mp", "attorney", "counsel", "economist", "analyst", "professor", "doctor"
    }
)
# Words that end a role phrase read from the parse.
ROLE_NOUNS = TITLES | frozenset(
    {"head", "spokesperson", "official", "adviser", "advisor", "aide", "member", "owner",
     "executive", "president", "editor", "correspondent", "negotiator", "commander", "strategist"}
)
NOT_NAMES = frozenset(
    {"god", "allah", "covid", "covid-19", "death", "attendance", "internet", "web", "granny",
     "state", "sport", "golf", "eurobonds", "treasuries", "gmt", "bst", "est", "utc", "am", "pm", "bund",
     "bunds", "gilts", "eurodollars", "pmi", "department", "authority", "union", "ministry"}
)
"""Capitalised words the model takes for names that never are (in news)."""


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


STREET_WORDS = frozenset(
    {
        "road", "street", "avenue", "lane", "square", "park", "station", "airport", "bridge", "stadium",
        "arena", "hall", "hotel", "cup", "trophy", "prize", "award", "games", "open", "island", "islands",
        "hills", "heights", "beach"
    }
)
"""Last words that make "Grace Road" or "Victoria Station" a place, not a person."""


@functools.cache
def given_names() -> frozenset[str]:
    """Common given names (``given_names.txt``), as written."""
    text = (DATA / "given_names.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def is_surname_like(word: str) -> bool:
    """A capitalised word that could be a surname: not a title, head word or nationality."""
    from generator.lexicon.gazetteer import demonyms

    key = fold(word)
    return (
        word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha() and not word.isupper()
        and key not in ORG_HEADS and key not in STREET_WORDS and key not in PLACE_HEADS
        and key not in demonyms() and not is_title(word) and key not in {"democrats", "republicans"}
    )


def words(name: str) -> list[str]:
    """Folded words of a name, possessives and dots dropped."""
    return [w.strip(".,'’").removesuffix("'s") for w in fold(name).replace("-", " ").split()]


def is_org_name(name: str, *, strong_only: bool = False) -> bool:
    """True when the name's words mark an organisation (head word or "X of" lead)."""
    ws = words(name)
    if not ws:
        return False
    heads = ORG_HEADS - WEAK_ORG_HEADS if strong_only else ORG_HEADS
    if ws[-1] in heads or fold(name) in known_orgs():
        return True
    return len(ws) > 2 and ws[0] in ORG_LEADS and ws[1] in {"of", "for"}


def place_head(name: str) -> str | None:
    """The subtype a place name's last word gives ("Kursk Oblast" → region)."""
    ws = words(name)
    return PLACE_HEADS.get(ws[-1]) if len(ws) > 1 else None


def org_subtype(name: str) -> str | None:
    """Kind of organisation from its listing or its words, None when nothing says."""
    known = known_orgs().get(fold(name))
    if known:
        return known.subtype
    ws = words(name)
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
    if any(w in GOVERNMENT_WORDS for w in ws):
        return "government"
    if ws[-1] in COMPANY_WORDS:
        return "company"
    return None


def is_title(word: str) -> bool:
    """A title or courtesy written before a name (President, Mr., Gen.)."""
    w = fold(word).rstrip(".")
    return w in TITLES or w in COURTESY


def is_courtesy(word: str) -> bool:
    return fold(word).rstrip(".") in COURTESY
