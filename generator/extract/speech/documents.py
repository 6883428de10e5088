"""Documents resolved to their authors: "the statement", "another post", "the memo".

Notes:
    A document is never a speaker: "the statement said" is its author's
    claim. The author comes from the document's own phrase ("Mr Bowen's
    statement", "a report by the agency"), from the clause it is the object
    of ("acebush1 made another post"), or from an earlier mention of the
    same document with an owner. Nothing found gives no speaker, since a
    document shown as its speaker would name a thing. Split from
    ``descriptions``, which asks this part when a description heads a
    document noun.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from generator.extract.speech.discourse import SUBJECT_DEPS, Discourse, Speaker
from generator.lexicon.organizations import ORG_NOUNS, ORGANIZATION_HEADS
from generator.lexicon.people import PERSON_NOUNS, ROLE_NOUNS, UNNAMED_HEADS
from generator.lexicon.speech import AUTHORING_VERBS, DOCUMENT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

SOURCE_HEADS = (ROLE_NOUNS | UNNAMED_HEADS | PERSON_NOUNS | ORG_NOUNS | ORGANIZATION_HEADS) - DOCUMENT_NOUNS
"""Common nouns that can head a document's author ("a statement by a spokesperson", "by the agency")."""


class DocumentResolution(Discourse):
    """Authors of the documents an article cites, remembered by offset for later nouns."""

    def _document_author(self, token: Token) -> Speaker | None:
        """Who wrote the document ``token`` heads, from its own phrase or clause, else from before.

        "Mr Bowen's annual climate statement will reveal" (the possessor),
        "a report by the agency found" (by/from/of), "acebush1 made another
        post describing ..." (the subject of the verb whose object it is),
        else the owner of the same document named before (``_author``).
        A document shown as its speaker ("another post") would name a thing.
        """
        found = self._document_author_of(token)
        if found is not None:
            self.authors.append((token.idx, found))
            return found
        return self._same_document(token)

    def _same_document(self, token: Token) -> Speaker | None:
        """The author of the documents resolved just before, when they all had one author.

        Copy names one document by several nouns ("The document - prepared by
        the Congressional Research Service - states ... The memo says ... the
        congressional document says"): with no owner of its own, a document
        is the one whose author was found within the last three paragraphs,
        and two authors there are two documents, so nobody.
        """
        recent = {a.name: a for at, a in self.authors if self.distance(at, token.idx) <= 3}
        if len(recent) != 1:
            return None
        author = next(iter(recent.values()))
        return replace(author, span=self.parsed.span(token.idx, token.idx + len(token)))

    def _document_author_of(self, token: Token) -> Speaker | None:
        """The author the document's own phrase, clause or an earlier mention gives."""
        def named(t: Token) -> bool:
            return t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN"

        # "Statistics Canada's labour force survey data", "the NCRB data": the
        # owner or maker named in front of the document.
        for left in token.lefts:
            for t in left.subtree:
                if t.dep_ in ("poss", "compound") and named(t) and t.head.i != t.i:
                    found = self._proper(t)
                    if found is not None and found.kind in ("person", "organization"):
                        return found
                    if found is not None and t.dep_ == "poss" and t.ent_type_ == "NORP" and t.tag_ == "NNPS":
                        # "The Conservatives' letter": a people named in the plural as the owner
                        # of a document is a party or a side, which writes as one body.
                        return replace(found, kind="group")
        # "a report by the agency", "data released by the NCRB".
        links = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
        # "a poll of 1,500 voters conducted by X": the parse may hang the clause on the "of" phrase.
        of = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]
        links += [a for n in (token, *of) for c in n.children
                  if c.dep_ == "acl" and c.lemma_.lower() in AUTHORING_VERBS
                  for a in c.children if a.dep_ == "agent"]
        for link in links:
            owner = next((c for c in link.children if c.dep_ == "pobj"), None)
            if owner is not None and named(owner):
                return self._proper(owner)
            if owner is not None and owner.pos_ == "NOUN" and owner.lower_ in SOURCE_HEADS:
                # "a statement by a Sussex spokesperson", "a report by the committee":
                # an unnamed source or a description, resolved as a subject would be.
                found = self._subject(owner)
                if found is not None and found.kind in ("person", "organization", "other"):
                    return found
        if token.dep_ == "dobj":
            subject = next((c for c in token.head.children if c.dep_ in ("nsubj",)), None)
            if subject is not None and (subject.ent_type_ in ("PERSON", "ORG") or subject.pos_ in ("PROPN", "PRON")):
                found = self._subject(subject)
                return found if found is not None and found.kind in ("person", "organization") else None
        found = self._author(token)
        return replace(found, span=self.parsed.span(token.idx, token.idx + len(token))) if found else None

    def _author(self, token: Token) -> Speaker | None:
        """Who issued "the statement" / "the memo": the owner of the same document named before.

        "Pakistan's Ministry of Foreign Affairs said in a statement ... the
        statement said": the nearest earlier mention of the same noun with an
        owner ("X's statement", "a statement from X", "X said in a statement",
        "X issued a statement") gives the author; none gives None.
        """
        lemma = token.lemma_.lower()
        for i in range(token.i - 1, -1, -1):
            t = self.doc[i]
            if t.is_space:
                continue  # between paragraphs: in none of them
            if self.distance(t.idx, token.idx) > 3:
                break
            if t.lemma_.lower() != lemma or t.pos_ != "NOUN":
                continue
            owner = next((c for c in t.children if c.dep_ == "poss"), None)
            if owner is None:
                for prep in t.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                        owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
            head = t.head
            if owner is None and head.dep_ == "prep" and head.lower_ == "in":
                owner = next((c for c in head.head.children if c.dep_ in SUBJECT_DEPS), None)
            if owner is None and t.dep_ == "dobj":
                owner = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
            if owner is not None and (owner.pos_ == "PROPN" or owner.ent_type_ in ("PERSON", "ORG", "GPE")):
                return self._proper(owner)
            if owner is not None and owner.pos_ == "PRON":
                # "the Ministry of Foreign Affairs said. / In a statement, it said ...":
                # the statement is the author the pronoun was resolved to there.
                known = self.said.get((owner.sent.start, owner.lower_))
                return known if known is not None and known.kind in ("person", "organization") else None
        return None
