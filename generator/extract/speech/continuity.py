"""What the resolver remembers between quotations: who spoke, where, and who could not be named.

Notes:
    A paragraph that is only a quotation carries on the last speaker (news
    copy keeps quoting the person it just quoted), unless a new person
    became the subject since or an attribution in between was left
    unnamed. Distances are counted in paragraphs, headings left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.extract.speech.discourse import NUMERIC_LABELS, SUBJECT_DEPS, Discourse, Speaker, is_heading
from generator.lexicon.organizations import GOVERNMENT_WORDS, ORG_NOUNS
from generator.lexicon.speech import DOCUMENT_NOUNS, NEUTER_PRONOUNS, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token


class ContinuityResolution(Discourse):
    """The memory part of the resolver: the speakers so far and the attributions nobody could name."""

    def distance(self, earlier: int, later: int) -> int:
        """Paragraphs between two offsets, not counting headings."""
        a, b = self.parsed.paragraph_of(earlier), self.parsed.paragraph_of(later)
        paras = self.article.paragraphs[a : b - 1] if b - 1 > a else ()
        headings = sum(1 for p in paras if is_heading(p.text))
        return max(0, b - a - headings)

    def continuing(self, offset: int, quote: tuple[int, int] | None = None) -> Speaker | None:
        """The speaker a paragraph that is only a quotation carries on, if any.

        The last speaker, when named at most two paragraphs back, no other
        person has become the subject since (a new person introduced in the
        paragraph before would be the one quoted), no attribution in between
        was left unnamed, and the quotation does not name them.
        """
        if not self.history:
            return None
        at, speaker = self.history[-1]
        if self.distance(at, offset) > 2 or self._unknown_between(at, offset):
            return None
        self.quote = quote
        try:
            if speaker.kind == "person" and self._named_in_quote(speaker.name):
                return None
        finally:
            self.quote = None
        for token in self.parsed.tokens_in(at + 1, offset):
            # Words inside a quotation ("... and then Ghislaine walking in") and the
            # content of someone's reported speech ("Lacerda added during the massage
            # Epstein exposed himself") put nobody new on stage.
            if token.dep_ not in SUBJECT_DEPS or self._in_quote.contains(token.idx) or self._reported(token):
                continue
            if token.ent_type_ == "PERSON" or token.pos_ == "PROPN":
                other = self._proper(token)
                if other is not None and other.name != speaker.name:
                    return None
            elif self._described_person(token):
                # "The football star recapped the weekend ...": a person put on stage
                # by description may be who the next quotation is from.
                return None
        return speaker

    @staticmethod
    def _reported(subject: Token) -> bool:
        """The subject's clause is the complement of a speech verb (someone's reported words)."""
        clause = subject.head
        return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SPEECH_VERBS

    def forget(self, offset: int, subject: Token | None = None) -> None:
        """Record that the attribution at ``offset`` has a subject nobody could name for sure.

        ``subject`` is that subject, when one was found: a document, an
        organisation or "it" cannot be what a later "he" or "she" means.
        """
        self.unknown.append(offset)
        if subject is None or not self._impersonal(subject):
            self.unknown_people.append(offset)

    @staticmethod
    def _impersonal(token: Token) -> bool:
        """A subject that cannot be a person: a document, an organisation, "it", a date."""
        low = token.lower_
        noun = token.pos_ == "NOUN" and (low in DOCUMENT_NOUNS or low in ORG_NOUNS or low in GOVERNMENT_WORDS)
        return (noun or low in NEUTER_PRONOUNS
                or token.ent_type_ in ("ORG", "GPE", "LOC", "FAC") or token.ent_type_ in NUMERIC_LABELS)

    def _unknown_between(self, earlier: int, later: int) -> bool:
        return any(earlier < u < later for u in self.unknown)

    def remember(self, offset: int, speaker: Speaker) -> None:
        """Record who spoke at ``offset`` for later pronouns and descriptions."""
        self.history.append((offset, speaker))
        if speaker.kind == "person" and speaker.role:
            self.roles.setdefault(speaker.name, speaker.role)
