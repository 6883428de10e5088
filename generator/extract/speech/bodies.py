"""Organisations as speakers: the one name a body is filed under, and "which" that means one.

Notes:
    The article names a body in full once ("the Netherlands Organisation for
    Applied Scientific Research (TNO)") and by its short forms after; every
    path that finds a speaker may meet a short form, so the name is made
    canonical once, at the end. "which" never has a person for antecedent,
    so a "which" the parse hangs on a person is the document or the
    organisation of that person's phrase, or nobody.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.speech.discourse import Discourse, Speaker
from generator.extract.speech.names import norm
from generator.lexicon.speech import DOCUMENT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token


class OrganizationResolution(Discourse):
    """The organisation part of the resolver."""

    def org_name(self, text: str) -> str:
        """An organisation's name as the entity list has it, else as written without 'the'.

        An acronym the article expands ("Fisheries and Oceans Canada (DFO)")
        is shown as the full name.
        """
        return self._org_reading(text)[1]

    def _org_reading(self, text: str) -> tuple[str, str]:
        """``text`` as written without 'the', and the name :meth:`org_name` gives it."""
        written = re.sub(r"^(?:the|The)\s+", "", norm(text))
        bare = self.acronyms.get(written, written)
        for org in self.organizations:
            if bare == org.name or bare in org.aliases:
                return written, org.name
        return written, bare

    def canonical(self, speaker: Speaker) -> str:
        """The name a quote is filed under: an organisation's full name wherever the
        speaker was found as one of its short forms.

        Every path that names a speaker (a subject, "according to", a document's
        author: "TNO's report said") may meet an acronym or alias of an
        organisation the article names in full ("the Netherlands Organisation for
        Applied Scientific Research (TNO)"); one reader-facing name per body keeps
        its quotes together and on its page. Places keep their names, and so do
        people the entity list has; a "person" it does not have, whose name is an
        organisation's short form, is the tagger mistaking an acronym ("TNO said").
        """
        if speaker.kind == "place" or (speaker.kind == "person" and speaker.name in self.people_names):
            return speaker.name
        written, named = self._org_reading(speaker.name)
        return named if named != written else speaker.name

    def _thing_antecedent(self, antecedent: Token, person: Speaker) -> Speaker | None:
        """What a "which" the parse gave a person antecedent means, or None.

        The noun phrase around the person holds it: "a letter written by Ms
        Ratcliffe, which said" is the letter (so its author, the person found);
        "the head of the Palestinian Dialogue Group, which says" is the
        organisation inside the phrase. Anything else is two readings: nobody.
        """
        top = antecedent
        for _ in range(4):
            if top.lower_ in DOCUMENT_NOUNS:
                return person
            if top.dep_ not in ("pobj", "prep", "agent", "acl", "appos", "compound", "poss") or top.head.i == top.i:
                break
            top = top.head
        if top.lower_ in DOCUMENT_NOUNS:
            return person
        inside = {t.i for t in top.subtree}
        for ent in reversed(self.parsed.ents_within(top.left_edge.i, top.right_edge.i + 1)):
            if ent.label_ == "ORG" and ent.root.i in inside:
                found = self._proper(ent.root)
                return found if found is not None and found.kind == "organization" else None
        return None
