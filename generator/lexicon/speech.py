"""Words of reported speech: reporting verbs and their facets, cue nouns, pronouns.

Every set here is a facet of one list in ``generator/data/lexicon/``
(``reporting_verbs.tsv``, ``source_nouns.tsv``, ``pronouns.tsv``); the
files' headers say where the words come from and what each facet is for.

Notes:
    The verb lists follow the reporting verbs of PARC 3.0 and the Gender Gap
    Tracker's quote verbs, trimmed to those that take a clause in news copy.
"""

from __future__ import annotations

from generator.lexicon.load import tagged, valued

_VERBS = "reporting_verbs.tsv"
_NOUNS = "source_nouns.tsv"
_PRONOUNS = "pronouns.tsv"

# --- reporting verbs (lemmas) ---------------------------------------------------
SPEECH_VERBS = tagged(_VERBS, "quote")
"""Verbs that introduce a direct quotation ("... ," she said)."""
REPORTING_VERBS = tagged(_VERBS, "clause")
"""Verbs whose clausal complement is reported speech or a reported view."""
SOURCE_VERBS = REPORTING_VERBS | tagged(_VERBS, "source")
"""Verbs whose subject the attribution finder names as a source: every reporting verb, and
"charge", "confess", "post", which the indirect-quote rules do not read."""
CLAUSE_ONLY_VERBS = tagged(_VERBS, "clause-only")
"""Reporting verbs that also take ordinary clauses; only with a that-clause or a named source."""
BELIEF_VERBS = tagged(_VERBS, "belief")
"""Opinion verbs: negated ("doesn't think that ...") they still report a view."""
QUESTION_VERBS = tagged(_VERBS, "question")
"""Reporting verbs whose clause may be an indirect question ("asked whether ...")."""
OBJECT_CUES = tagged(_VERBS, "object")
"""Reporting verbs whose content is an object with a verbal complement ("accused X of ...")."""
LABELLING_CUES = tagged(_VERBS, "labelling")
"""Verbs whose object can carry the speaker's own words ("suggested a policy of 'oil quarantine'")."""
NAMING_CUES = tagged(_VERBS, "naming")
"""Verbs that give a name: quoted words after one whose source nobody can name are a label, not a claim."""
LOADED_CUES = tagged(_VERBS, "loaded")
"""Cues that colour the claim ("claimed" casts doubt, "admitted" concedes a fault)."""
DENIAL_CUES = tagged(_VERBS, "denial")
"""Cues that reject a claim ("denied", "refuted")."""
CITING_VERBS = tagged(_VERBS, "citing")
"""Verbs that pass someone else's words on ("TASS cited an official as saying")."""
ANNOUNCING_VERBS = tagged(_VERBS, "announcing")
"""Verbs whose object is news in itself ("the ministry confirmed the deaths")."""
SPEAKER_SUBJECT_VERBS = tagged(_VERBS, "speaker-subject")
"""Verbs whose subject is always a speaker ("explain" and "reveal" also take things: "the event could explain")."""
CHECK_VERBS = tagged(_VERBS, "check")
"""Checking verbs: negated, they say a claim could not be checked."""
DISPUTE_VERBS = tagged(_VERBS, "dispute")
"""Verbs of rejecting a claim that are not a flat denial."""
HEADLINE_FORMS = valued(_VERBS, "headline")
"""Reporting verb → its headline form with a singular subject ("announced" → "says")."""
SAID_FORMS = tuple(form for forms in valued(_VERBS, "said").values() for form in forms.split("|"))
"""Written forms of a trailing "..., X said" that a shortened fact may drop."""

# --- nouns --------------------------------------------------------------------
NOMINAL_CUES = tagged(_NOUNS, "nominal-cue")
"""Nouns whose that-clause is reported speech ("his claim that ...")."""
CLAIM_NOUNS = tagged(_NOUNS, "claim")
"""Nouns that carry a claim in a that-clause: "confirms reports that", "Moscow's claims that"."""
COMMENT_NOUNS = CLAIM_NOUNS | tagged(_NOUNS, "comment")
"""The writer's comment on a claim in apposition: "..., a claim that could not be verified"."""
CLAIM_OBJECTS = tagged(_NOUNS, "claim-object")
"""What a rejection must be about to be a verdict on a claim, not a vote on a bill."""
DOCUMENT_NOUNS = tagged(_NOUNS, "document")
"""Subjects that carry someone else's words ("the ministry's report found ...")."""
DOCUMENT_HEADS = tagged(_NOUNS, "document-source")
"""Heads of a source that is a document ("a UN report", "court filings")."""
AUTHORING_VERBS = frozenset({
    "release", "publish", "issue", "write", "produce", "compile", "prepare", "draft", "file", "sign", "author", "post",
    "conduct",
})
"""Verbs whose agent made a document ("data released by the NCRB"): the agent is its author.
An editor or a reader ("edited by", "obtained by") is not, so the list is closed."""
SOCIAL_HEADS = tagged(_NOUNS, "social")
"""Heads of a source that is a social-media post or account."""

UNCHECKED_WORDS = tagged("claim_words.tsv", "unchecked")
"""Adjectives that say a claim was not checked ("unverified", "unconfirmed")."""
CONFLICT_WORDS = tagged("claim_words.tsv", "conflict")
"""Words of fighting: a party's claim about them, with no word from the other side, is one-sided."""

# --- pronouns -----------------------------------------------------------------
PERSONAL_PRONOUNS = tagged(_PRONOUNS, "personal")
PLURAL_PRONOUNS = tagged(_PRONOUNS, "plural")
NEUTER_PRONOUNS = tagged(_PRONOUNS, "neuter")
FIRST_SECOND_PERSON = tagged(_PRONOUNS, "first-second")
FIRST_PERSON = tagged(_PRONOUNS, "first-person")
"""I/we forms: a quotation carried on from narration without a cue has its speaker speak of themselves."""
RELATIVE_PRONOUNS = tagged(_PRONOUNS, "relative")
THING_RELATIVES = tagged(_PRONOUNS, "thing-relative")
"""Relative pronouns whose antecedent is never a person ("which")."""
HUMAN_RELATIVES = tagged(_PRONOUNS, "human-relative")
"""Relative pronouns only people take ("who", "whom"): a person cue after a name."""
SOURCE_ANAPHORS = tagged(_PRONOUNS, "source-anaphor")
"""Pronoun sources the attribution finder resolves to a person ("he said")."""
CLAUSE_PRONOUNS = tagged(_PRONOUNS, "clause-subject")
"""Subjects that make a clause lean on context: no stand-alone fact, no named source, no headline."""
OPENING_PRONOUNS = tagged(_PRONOUNS, "opener")
"""First words that make a sentence depend on the one before it."""

ADDRESSEE_VERBS = frozenset(
    {"tell", "inform", "assure", "remind", "warn", "ask", "advise", "brief", "promise", "notify"}
)
"""Verbs whose passive subject is the hearer ("X was told that ..."), never the speaker."""

OBJECT_BEFORE_TO_VERBS = frozenset({"tell", "urge", "advise", "order", "remind", "instruct", "encourage"})
"""Verbs that need their hearer before a to-infinitive ("urged staff to travel"): without one,
"GP staff urged to travel in groups" is a headline's passive, and its subject heard the words."""

NON_SOURCE_ACCORDING = frozenset({"plan", "plans", "schedule", "script", "tradition", "custom", "design"})
"""Nouns of "according to plan": the phrase says how something went, not who said it."""

PASSIVE_SPEAKER_VERBS = frozenset({"quote", "cite"})
"""Cue verbs whose passive subject still speaks ("X was quoted as ..."). Every other cue in the
passive has its hearer or its topic as subject ("doctors have been urged to ...", "police were
praised as ...", "X is said to ..."): the speaker, if any, is the "by" agent."""

CONDITION_MARKS = frozenset({"if", "unless"})
"""Subordinators of a condition: a reporting verb under one reports nothing said."""

PERCEPTION_VERBS = tagged("colon_verbs.tsv", "perceive")
"""Verbs whose person subject does not speak the quotation a colon puts after them ("found a note: '...'")."""

RULE_NOUNS = tagged(_NOUNS, "rules")
"""Texts of rules (a contract, a law, a clause): what their wording "says" is no one's claim."""
