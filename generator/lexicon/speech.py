"""Word lists for reported speech: cue verbs, pronouns, titles.

Notes:
    The verb lists follow the reporting verbs of PARC 3.0 and the Gender Gap
    Tracker's quote verbs, trimmed to those that take a clause in news copy.
"""

from __future__ import annotations

SPEECH_VERBS = frozenset({
    "say", "tell", "add", "state", "write", "recall", "explain", "note", "continue", "reply",
    "respond", "answer", "ask", "insist", "argue", "claim", "warn", "declare", "announce",
    "admit", "acknowledge", "concede", "confirm", "deny", "stress", "emphasise", "emphasize",
    "remark", "observe", "comment", "tweet", "post", "chant", "shout", "exclaim", "scream",
    "cry", "yell", "whisper", "mutter", "joke", "quip", "muse", "reflect", "suggest", "predict",
    "caution", "urge", "plead", "vow", "pledge", "promise", "assert", "maintain", "contend",
    "allege", "charge", "complain", "lament", "boast", "concur", "agree", "point", "put",
    "describe", "testify", "report", "reiterate", "repeat", "underline", "highlight",
    "inform", "sing", "read", "begin", "conclude", "summarise", "summarize", "clarify", "request",
})
"""Verbs that introduce a direct quotation ("... ," she said)."""

REPORTING_VERBS = frozenset({
    "say", "tell", "add", "state", "write", "recall", "explain", "note", "insist", "argue",
    "claim", "warn", "declare", "announce", "admit", "acknowledge", "concede", "confirm",
    "deny", "stress", "emphasise", "emphasize", "remark", "observe", "comment", "tweet",
    "suggest", "predict", "caution", "vow", "pledge", "promise", "assert", "maintain",
    "contend", "allege", "complain", "lament", "boast", "agree", "point", "testify",
    "report", "reiterate", "repeat", "believe", "think", "expect", "estimate", "fear",
    "worry", "hope", "doubt", "reckon", "feel", "speculate", "question", "wonder",
    "indicate", "reveal", "show", "find", "conclude", "signal", "forecast", "project",
    "accept", "disclose", "specify", "reply", "respond", "inform",
    "assure", "remind", "convince", "guarantee", "hint", "imply", "mention",
    "underline", "highlight", "proclaim", "stipulate", "understand",
    "know", "learn", "hear", "decide", "rule", "urge", "demand", "recommend", "propose",
    "ask", "threaten", "blame", "accuse", "describe", "portray", "call", "clarify",
    "counter", "reason",
})
"""Verbs whose clausal complement is reported speech or a reported view."""

CLAUSE_ONLY_VERBS = frozenset({"know", "learn", "hear", "understand", "decide", "feel", "find", "show"})
"""Reporting verbs that also take ordinary clauses; only with a that-clause or a named source."""

NOMINAL_CUES = frozenset({
    "statement", "remarks", "comment", "comments", "claim", "claims", "assertion", "assertions",
    "allegation", "allegations", "warning", "warnings", "argument", "insistence", "assurance",
    "assurances", "promise", "pledge", "admission", "belief", "view",
})
"""Nouns whose that-clause is reported speech ("his claim that ...")."""
BELIEF_VERBS = frozenset({"think", "believe", "expect", "feel", "reckon", "doubt", "see"})
"""Opinion verbs: negated ("doesn't think that ...") they still report a view."""

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
NEUTER_PRONOUNS = frozenset({"it", "its"})
FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us", "my", "our", "your"})

HONORIFICS = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame",
    "lord", "lady", "madam", "miss", "rev", "rev.", "sen", "sen.", "rep", "rep.", "gov", "gov.",
    "lt", "lt.", "gen", "gen.", "col", "col.", "capt", "capt.", "sgt", "sgt.", "maj", "maj.",
    "pres", "pres.", "hon", "hon.", "supt", "supt.", "cmdr", "cmdr.", "adm", "adm.", "datuk", "dato",
    "seri", "tun", "tan", "sri", "sheikh",
})

ROLE_NOUNS = frozenset({
    "spokesperson", "spokesman", "spokeswoman", "minister", "president", "secretary", "chief",
    "director", "head", "chair", "chairman", "chairwoman", "governor", "senator", "lawmaker",
    "official", "ambassador", "leader", "mayor", "premier", "chancellor", "economist", "analyst",
    "commissioner", "general", "judge", "prosecutor", "attorney", "lawyer", "executive", "ceo",
    "founder", "professor", "researcher", "author", "representative", "congressman",
    "congresswoman", "councillor", "councilor", "adviser", "advisor", "deputy", "envoy",
    "manager", "officer", "strategist", "partner", "inspector", "king", "queen", "prince",
    "princess", "pope", "candidate", "nominee", "activist", "expert", "member", "vice",
    "treasurer", "sheriff", "coach", "captain", "detective", "sergeant", "lieutenant", "colonel",
    "superintendent", "dean", "bishop", "archbishop", "cardinal", "rabbi", "imam", "pastor",
    "justice", "speaker", "whip", "auditor", "comptroller", "administrator", "commander",
    "admiral", "marshal", "constable", "engineer", "farmer", "resident", "doctor",
    "nurse", "teacher", "principal", "student", "owner", "broker", "producer", "coordinator",
    "consultant", "scientist", "historian", "journalist", "editor", "reporter", "correspondent",
    "ombudsman", "registrar", "magistrate", "counsel", "solicitor", "barrister", "trustee",
    "chieftain", "headman", "president-elect", "secretary-general", "attorney-general",
})
"""Nouns that make a description a title ("the minister", "the spokesman")."""

MALE_WORDS = frozenset({
    "mr", "sir", "lord", "king", "prince", "spokesman", "chairman", "congressman", "father", "brother",
    "son", "husband",
})
FEMALE_WORDS = frozenset({
    "mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess", "spokeswoman", "chairwoman",
    "congresswoman", "mother", "sister", "daughter", "wife",
})
"""Honorifics and titles that tell a person's gender, for he/she resolution."""

QUESTION_VERBS = frozenset({"ask", "question", "wonder", "query", "doubt"})
"""Reporting verbs whose clause may be an indirect question ("asked whether ...")."""

OBJECT_CUES = frozenset({"accuse", "blame", "urge", "deny", "describe", "credit"})
"""Reporting verbs whose content is an object with a verbal complement ("accused X of ...")."""

LABELLING_CUES = frozenset({
    "suggest", "propose", "call", "describe", "portray", "attribute", "blame", "accuse", "praise",
    "criticise", "criticize", "dismiss", "label", "brand", "dub", "term", "deny", "urge", "attack",
})
"""Verbs whose object can carry the speaker's own words ("suggested a policy of 'oil quarantine'")."""

ORG_WORDS = frozenset({
    "ministry", "department", "party", "inc", "inc.", "ltd", "corp", "bank", "agency", "office",
    "council", "committee", "commission", "institute", "university", "association", "union",
    "group", "company", "court", "police", "army", "government", "news", "times", "post",
    "kremlin", "congress", "parliament", "senate", "house", "foundation", "board", "authority",
    "service", "organisation", "organization", "caucus", "economics", "research", "fund",
    "reuters", "press", "tass", "network", "centre", "center", "bureau", "administration",
})
"""Words that make a proper-noun subject an organisation even when tagged as a person."""

ORG_NOUNS = frozenset({
    "company", "firm", "bank", "ministry", "department", "agency", "government", "group",
    "organisation", "organization", "party", "committee", "office", "embassy", "court",
    "council", "commission", "union", "regulator", "watchdog", "institute", "report", "study",
    "survey", "poll", "letter", "statement", "lawsuit", "filing", "complaint", "data",
    "figures", "analysis", "research", "modelling", "modeling", "review", "investigation",
    "investigations", "documents", "records",
})
"""Heads of common-noun subjects that are organisations or documents, not people."""

DOCUMENT_NOUNS = frozenset({
    "statement", "report", "letter", "remarks", "comments", "post", "tweet", "speech", "filing",
    "memo", "note", "analysis", "study", "review", "survey", "poll", "forecast", "data", "figures",
})
"""Subjects that carry someone else's words ("the ministry's report found ...")."""

ADDRESSEE_VERBS = frozenset(
    {"tell", "inform", "assure", "remind", "warn", "ask", "advise", "brief", "promise", "notify"}
)
"""Verbs whose passive subject is the hearer ("X was told that ..."), never the speaker."""

CONDITION_MARKS = frozenset({"if", "unless"})
"""Subordinators of a condition: a reporting verb under one reports nothing said."""
