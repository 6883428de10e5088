"""What a claim is about when its own words do not say.

"the devastated Ukrainian city, which local officials say is now in a dire
humanitarian state": the officials' claim, as written, is "is now in a dire
humanitarian state", a predicate without its subject, because the subject is
the relative pronoun before the cue. Shown alone in the sourcing notes it
claims nothing a reader can weigh. The subject is the noun phrase the
relative clause hangs on; the notes show it in square brackets, as an
editor marks words inserted into a quotation, so the claim's own words stay
verbatim and the insertion is visibly ours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.lexicon.speech import RELATIVE_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from generator.model import Span
    from generator.nlp import Parsed

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _root(tokens: list[Token]) -> Token | None:
    """The one token of the stretch whose head lies outside it (the content's verb)."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return roots[0] if len(roots) == 1 else None


def missing_subject(parsed: Parsed, content: Span) -> str | None:
    """The antecedent noun phrase as written when the content's subject is a relative pronoun
    standing outside it ("which" in "the city, which officials say is ..."), else None.

    Only a clause whose verb lacks a subject of its own inside the content qualifies, and only
    when the relative clause hangs on a noun: anything less certain leaves the claim as written.
    """
    tokens = [t for t in parsed.tokens_in(content.start, content.end) if not t.is_space]
    root = _root(tokens) if tokens else None
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    inside = {t.i for t in tokens}
    subjects = [c for c in root.children if c.dep_ in _SUBJECTS]
    if len(subjects) != 1 or subjects[0].i in inside or subjects[0].lower_ not in RELATIVE_PRONOUNS:
        return None
    relative = subjects[0]
    clause = next((t for t in [root, *root.ancestors] if t.dep_ == "relcl"), None)
    if clause is None or clause.i in inside:
        return None
    noun = clause.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i >= relative.i:
        return None
    phrase = [t for t in noun.subtree if t.i <= noun.i]
    span = parsed.token_span(phrase)
    return span.text if span is not None else None
