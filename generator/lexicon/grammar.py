"""Function words by the part they play in a clause, and abbreviations.

Facets of ``generator/data/lexicon/clause_words.tsv``; abbreviations are a
facet of the list each word belongs to (people's titles, company suffixes,
month names) plus ``abbreviations.txt`` for the rest.
"""

from __future__ import annotations

from generator.lexicon.dates import MONTH_ABBREVIATIONS
from generator.lexicon.load import entries, in_order, tagged
from generator.lexicon.organizations import ORG_ABBREVIATIONS
from generator.lexicon.people import PEOPLE_ABBREVIATIONS

_CLAUSE = "clause_words.tsv"

CONNECTIVES = in_order(_CLAUSE, "connective")
"""Sentence-opening connectives, as written ("However", "In addition"): no part of a fact."""
SAFE_MARKERS = tagged(_CLAUSE, "safe-lead")
"""Leading clauses that set time or concede a point: the main clause stands alone."""
FACTIVE_MARKERS = tagged(_CLAUSE, "factive")
"""Subordinate clauses whose content the sentence asserts as true."""
KEEP_MARKERS = tagged(_CLAUSE, "condition")
"""A leading condition changes what the main clause claims: it stays."""
SAFE_PREPS = tagged(_CLAUSE, "adjunct")
"""Trailing adjuncts after a comma: context for the main clause, not part of its claim."""
ANAPHORIC_DETS = tagged(_CLAUSE, "anaphoric-det")
"""Determiners of a description pointing back ("The city", "This company")."""
NEGATIONS = tagged(_CLAUSE, "negation")
"""Words that negate a verb ("could not verify", "unable to confirm")."""
DENIALS = tagged(_CLAUSE, "denial")
"""Words that deny what their clause says ("no progress", "never", "nothing"), beside the parse's "neg"."""
EARLIER = tagged(_CLAUSE, "earlier")
"""Adverbs that make a report the first one ("first reported", "originally said")."""
LOCATIVES = tagged(_CLAUSE, "locative")
"""Prepositions of place: a name after one is a place or an organisation, not a person."""
LEADING_NOISE = tagged(_CLAUSE, "leading-noise") | tagged("time_words.tsv", "month")
"""Words at the front of an entity span that are no part of the name ("the", "ex-", "March")."""
ACRONYM_SKIP = tagged(_CLAUSE, "acronym-skip")
"""Small words an acronym leaves out ("Ministry of Defence" → "MD")."""

ABBREVIATIONS = frozenset(entries("abbreviations.txt")) | PEOPLE_ABBREVIATIONS | ORG_ABBREVIATIONS | MONTH_ABBREVIATIONS
"""Words whose full stop does not end a sentence ("Mr.", "Corp.", "Sept.", "vs.")."""
