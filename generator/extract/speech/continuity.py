"""What the resolver remembers between quotations: who spoke, where, and who could not be named.

Notes:
    A paragraph that is only a quotation carries on the last speaker (news
    copy keeps quoting the person it just quoted), unless a new person
    became the subject since or an attribution in between was left
    unnamed. Distances are counted in paragraphs, headings left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.speech.discourse import NUMERIC_LABELS, SUBJECT_DEPS, Discourse, Speaker, is_heading
from generator.lexicon.organizations import GOVERNMENT_WORDS, ORG_NOUNS
from generator.lexicon.speech import (
    DOCUMENT_NOUNS,
    FIRST_PERSON,
    NEUTER_PRONOUNS,
    SPEECH_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

MALE_THIRD = frozenset({"he", "him", "his", "himself"})
FEMALE_THIRD = frozenset({"she", "her", "hers", "herself"})


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
        was left unnamed, and the quotation does not name them; else the one
        person the paragraph before has speaking (``_speaking_before``).
        """
        if quote is not None:
            cue = self._cue_further_on(quote)
            if cue is not None:
                return self._cue_speaker(cue, quote)
        last = self._last_speaker(offset, quote)
        if last is None and quote is not None:
            return self._speaking_before(quote) or self._on_stage_before(quote)
        return last

    def _cue_further_on(self, quote: tuple[int, int]) -> Token | None:
        """A speech verb later in the sentence the quotation opens, past further quoted words.

        "“We have a mixture of professors ...” inside Myanmar “that are doing
        supervision ...”, too, says Rhoads.": the quotation stops mid-sentence
        and the sentence goes on, through another quoted stretch, to its cue.
        Its speaker is that cue's, not whoever spoke last. Only when the
        quotation itself ends no sentence: after one that does, the next
        sentence is another matter (the cue search has already looked there).
        """
        start, end = quote
        inner = self.parsed.text[start:end].rstrip(" \"'\u201d\u2019")
        if inner[-1:] in ".!?\u2026":
            return None
        para = self.parsed.paragraph_of(start)
        if not para:
            return None
        for token in self.parsed.tokens_in(end, self.article.paragraphs[para - 1].end):
            if self._in_quote.contains(token.idx):
                continue
            if token.is_sent_start or token.text in (".", "!", "?"):
                return None
            if token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS:
                return token
        return None

    def _cue_speaker(self, cue: Token, quote: tuple[int, int]) -> Speaker | None:
        """The named person whose cue ends the quotation's sentence, else nobody."""
        subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or not self.namelike(subject):
            return None  # the cue is someone's the parse cannot name: not the last speaker's
        found = self._proper(subject)
        if found is None or found.kind != "person" or self._names(quote, found.name):
            return None
        return found

    def _last_speaker(self, offset: int, quote: tuple[int, int] | None) -> Speaker | None:
        if not self.history:
            return None
        at, speaker = self.history[-1]
        if self.distance(at, offset) > 2 or self._unknown_between(at, offset):
            return None
        if speaker.kind == "person" and self._names(quote, speaker.name):
            return None
        for token in self.parsed.tokens_in(at + 1, offset):
            # Words inside a quotation ("... and then Ghislaine walking in") and the
            # content of someone's reported speech ("Lacerda added during the massage
            # Epstein exposed himself") put nobody new on stage.
            if token.dep_ not in SUBJECT_DEPS or self._in_quote.contains(token.idx) or self.reported(token):
                continue
            if self.namelike(token):
                other = self._proper(token)
                if other is not None and other.name != speaker.name:
                    return None
            elif self._described_person(token):
                # "The football star recapped the weekend ...": a person put on stage
                # by description may be who the next quotation is from.
                return None
        return speaker

    def _names(self, quote: tuple[int, int] | None, name: str) -> bool:
        """The quotation names the person in the third person (so is not theirs)."""
        self.quote = quote
        try:
            return self._named_in_quote(name)
        finally:
            self.quote = None

    def _speaking_before(self, quote: tuple[int, int]) -> Speaker | None:
        """The one person the paragraph before has speaking, for a paragraph that is only a quotation.

        "Fahmi also clarified that Izzah joined the delegation. / “I got
        confirmation ...”": narration that reports a named person's words
        (the subject of a speech verb) and then a paragraph of nothing but a
        quotation gives the quotation to that person, when the last speaker
        on record could not carry it on. Only when the paragraph before is
        the very one before, no heading, holds exactly one named subject of a
        speech verb and no other person as a subject outside reported words
        and quotations, and no attribution left unnamed; a quotation followed
        by anything (a cue the parse missed: "..., said Bruce Haynes") is not
        bare, and a person it names is not its speaker.
        """
        start, end = quote
        para = self.parsed.paragraph_of(start)
        if para < 2 or self.parsed.text[end : self.article.paragraphs[para - 1].end].strip(" \"'\u201d\u2019.,"):
            return None
        before = self.article.paragraphs[para - 2]
        if is_heading(before.text) or self._unknown_between(before.start - 1, start):
            return None
        speaking: list[Speaker] = []
        for token in self.parsed.tokens_in(before.start, before.end):
            if token.dep_ not in SUBJECT_DEPS or self._in_quote.contains(token.idx) or self.reported(token):
                continue
            if token.head.dep_ == "relcl":
                continue  # "the massage during which Epstein ...": a clause describing a noun
            if self.namelike(token):
                other = self._proper(token)
                if other is None or other.kind != "person":
                    continue
                if token.head.lemma_.lower() not in SPEECH_VERBS:
                    return None  # someone else put on stage
                speaking.append(other)
            elif self._described_person(token):
                return None
        names = {s.name for s in speaking}
        if len(names) != 1 or self._names(quote, speaking[0].name):
            return None
        return speaking[-1]

    def _on_stage_before(self, quote: tuple[int, int]) -> Speaker | None:
        """The one person the paragraph before puts on stage as its subject, for a bare quotation paragraph.

        "Dana Pike meanwhile wrapped up her win in two hours. / “Having other
        players do well is amazing.”": feature and sports copy introduces a
        person in narration and then quotes them without a cue. Only when the
        quotation paragraph has nothing but the quotation, the paragraph
        before is the very one before (no heading, no attribution left
        unnamed in between), nobody was quoted in the paragraph before that
        (a last speaker in reach carrying on is the other reading), its
        main-clause subjects outside quotations and
        reported words name exactly one person and describe nobody, and the
        quotation speaks in the first person ("I", "we": a report's words
        quoted are nobody's on stage) and neither names that person nor
        speaks of someone who could be them in the third person ("He was a
        lovely man" is said about them, not by them).
        """
        start, end = quote
        para = self.parsed.paragraph_of(start)
        if para < 2 or self.parsed.text[end : self.article.paragraphs[para - 1].end].strip(" \"'\u201d\u2019.,"):
            return None
        if self.parsed.text[self.article.paragraphs[para - 1].start : start].strip():
            return None
        before = self.article.paragraphs[para - 2]
        if is_heading(before.text) or self._unknown_between(before.start - 1, start):
            return None
        if self.history and self.distance(self.history[-1][0], start) <= 2:
            return None  # the last speaker is still in reach: two readings, nobody
        found: dict[str, Speaker] = {}
        for token in self.parsed.tokens_in(before.start, before.end):
            if token.dep_ not in SUBJECT_DEPS or self._in_quote.contains(token.idx) or self.reported(token):
                continue
            if token.head.dep_ not in ("ROOT", "conj") or token.head.head.dep_ == "relcl":
                continue  # a subordinate clause's subject is no one the paragraph is about
            if self.namelike(token):
                other = self._proper(token)
                if other is None or other.kind != "person":
                    return None  # a name nobody can resolve, or a body: someone else on stage
                found[other.name] = other
            elif self._described_person(token):
                return None
        if len(found) != 1:
            return None
        person = next(iter(found.values()))
        words = set(re.findall(r"[a-z]+", self.parsed.text[quote[0] : quote[1]].lower()))
        if self._names(quote, person.name) or not words & FIRST_PERSON or words & self._third_person(person.name):
            return None
        return person

    def _third_person(self, name: str) -> frozenset[str]:
        """The pronouns the person could be spoken of with: "he"/"him" for a man, both sexes' when unknown."""
        gender = self.index.gender(name)
        return {"m": MALE_THIRD, "f": FEMALE_THIRD}.get(gender or "", MALE_THIRD | FEMALE_THIRD)

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
