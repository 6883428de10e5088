"""Pronouns resolved by agreement and salience: who "he", "she", "they" and "it" are.

Notes:
    The salience idea of BBC Citron's resolver: "he"/"she" go to a person
    who became the subject in this paragraph (or was introduced in the
    paragraph before a bare quotation), else the last speaker nearby, else
    the nearest person subject before the pronoun, never across a crosshead.
    Agreement rules candidates out first: gender from honorifics, titles and
    given names, and a quotation never belongs to a person it names. "They"
    goes to the last group that spoke, "it" to the last organisation, unless
    another name became the subject since. Two readings give ``None``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from generator.extract.speech.discourse import SUBJECT_DEPS, Discourse, Speaker, SpeakerKind, is_heading
from generator.extract.speech.names import name_words
from generator.extract.speech.subjects import within_reported_clause
from generator.lexicon.people import PERSON_NOUNS, ROLE_NOUNS, SPEAKING_NOUNS, UNNAMED_HEADS
from generator.lexicon.speech import PERSONAL_PRONOUNS, PLURAL_PRONOUNS, SPEECH_VERBS

ANY_PERSON = "*"
"""What a description that tells no sex ("the victim") is read as: "he" or "she" alike."""

if TYPE_CHECKING:
    from spacy.tokens import Token

def _can_speak(subject: Token) -> bool:
    """A plural subject headed (or, for "hundreds of protesters", ended) by a noun for speakers.

    "They wrote" after "Albedo measurements range from zero to one" does not
    mean the measurements.
    """
    heads = [subject, *(p for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj")]
    return any(h.lower_ in SPEAKING_NOUNS or h.lemma_.lower() in SPEAKING_NOUNS for h in heads)


class PronounResolution(Discourse):
    """The pronoun part of the resolver."""

    def pronoun(self, token: Token) -> Speaker | None:
        """He/she: the person salient just before; they: the last group; it: the last organisation."""
        low = token.lower_
        span = self.parsed.span(token.idx, token.idx + len(token))
        key = (token.sent.start, low)
        if key in self.said:
            # The same pronoun twice in a sentence is the same referent.
            return replace(self.said[key], span=span)
        found: Speaker | None = None
        if low in PERSONAL_PRONOUNS:
            found = self._salient_person(token)
        else:
            wanted: tuple[SpeakerKind, ...] = ("group", "organization") if low in PLURAL_PRONOUNS else ("organization",)
            found = self._governing_subject(token, wanted) or self._salient_other(token, wanted)
        if found is None:
            return None
        self.said[key] = found
        return replace(found, span=span)

    def _fits(self, name: str, pronoun: str) -> bool:
        """The person can be the pronoun: gender agrees (or is unknown) and the quote does not name them.

        ``pronoun`` is "he"/"she" (and their forms), or ``ANY_PERSON`` for a
        description that tells no sex ("the victim"): then only the quote
        naming the person rules them out.
        """
        gender = self.index.gender(name) or self._surname_gender(name)
        wanted = "f" if pronoun in ("she", "her", "hers", "herself") else None if pronoun == ANY_PERSON else "m"
        if gender is not None and wanted is not None and gender != wanted:
            return False
        return not self._named_in_quote(name)

    def _surname_gender(self, name: str) -> str | None:
        """The sex an honorific gave the surname ("Ms Bowles"), when one person bears that surname.

        "Ms Bowles' father, Shaun Bowles": the honorific belongs to one of the
        two Bowleses, and which one the surname alone cannot tell, so it tells
        neither's sex.
        """
        surname = name.split()[-1]
        gender = self.genders.get(surname)
        if gender is None:
            return None
        bearers = {" ".join(form) for _, form in self.forms if len(form) >= 2 and form[-1] == surname}
        return gender if len(bearers) <= 1 else None

    def _named_in_quote(self, name: str) -> bool:
        """The quotation being attributed names this person ("Ghislaine walked in", she said)."""
        if self.quote is None:
            return False
        words = [w for w in name_words(name) if len(w) > 2]
        if not words:
            return False
        inner = self.parsed.text[self.quote[0] : self.quote[1]]
        forms = {words[-1]} | ({words[0]} if len(words) > 1 else set())
        return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", inner) for w in forms)

    def _subjects_before(self, token: Token, paragraphs: int) -> list[Token]:
        """Main-clause subjects before ``token``, nearest last, within a few paragraphs."""
        doc = self.doc
        out: list[Token] = []
        for i in range(token.i - 1, -1, -1):
            t = doc[i]
            if t.dep_ not in SUBJECT_DEPS or self._in_quote.contains(t.idx):
                continue
            if self.distance(t.idx, token.idx) > paragraphs:
                break
            head = t.head
            # Subjects of subordinate clauses ("before Geingob departed") are poor antecedents.
            if head.dep_ in ("ROOT", "conj", "ccomp", "parataxis") or head.head.i == head.i:
                out.append(t)
        return out[::-1]

    def _salient_person(self, token: Token, pronoun: str | None = None) -> Speaker | None:
        """A person who became the subject in this paragraph, else the last speaker nearby,
        else the nearest person subject before the pronoun.

        News copy keeps "he said" for the person quoted last; a new speaker is
        introduced by name, usually in the same paragraph. Gender known from
        honorifics rules candidates out. ``pronoun`` is what ``token`` is read
        as when it is no pronoun itself: a description ("the woman" as "she").
        """
        low = pronoun or token.lower_
        # "When David Cameron visited the White House, he insisted ...": the subject
        # of a clause fronted before the pronoun's own verb is who it means.
        verb = token.head
        for clause in (c for c in verb.children if c.dep_ == "advcl" and c.i < token.i):
            for subj in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
                if subj.ent_type_ == "PERSON" or subj.pos_ == "PROPN":
                    found = self._proper(subj)
                    if found is not None and found.kind == "person" and self._fits(found.name, low):
                        return found
        para = self.parsed.paragraph_of(token.idx)
        last = next(((o, e) for o, e in reversed(self.history) if e.kind == "person"), None)
        # Nothing before an attribution left unnamed can be what the pronoun means.
        floor = max((u for u in self.unknown_people if u < token.idx), default=-1)
        subjects = [t for t in self._subjects_before(token, 1) if t.idx > floor]
        # A paragraph that is only a quotation and its cue ("'...,' she said.") carries
        # on from the person the paragraph before introduced ("Author Qarnita Loxton
        # spoke about ..."): feature copy introduces in narration, then quotes.
        bare = not any(self.parsed.paragraph_of(t.idx) == para for t in subjects)
        for t in reversed(subjects):
            if last is not None and t.idx <= last[0]:
                break
            # A person introduced with an appositive ("Katjavivi, one of his friends, ...")
            # takes over even from the paragraph before.
            # Not a person named inside someone's reported words ("The teacher added that Laura
            # Finch ... was doing ok. / She said: ..."): the reporter is on stage, not them.
            introduced = bare and self.parsed.paragraph_of(t.idx) == para - 1 and not self.reported(t)
            appositive = any(c.dep_ == "appos" for c in t.children) and not self.reported(t)
            if self.parsed.paragraph_of(t.idx) != para and not appositive and not introduced:
                continue
            # "Fischer's mother, Adrianne Fischer, is a driver": the name in apposition;
            # "The first witness was Gopaul Govender": the name the copula identifies.
            for c in (t, *(c for c in t.children if c.dep_ == "appos"), *self._copula_name(t)):
                if self.namelike(c):
                    found = self._proper(c)
                    if found is not None and found.kind == "person":
                        found = self.namesake(found, self.parsed.text[c.idx : c.idx + len(c)], low)
                    elsewhere = self.parsed.paragraph_of(t.idx) != para and not appositive
                    if elsewhere and found is not None and not self._first_mention_in(found.name, t.idx):
                        # "Mr Makama then sold the lease": a person named before is no
                        # introduction; the paragraph may still report the last speaker.
                        found = None
                    if found is not None and found.kind == "person" and self._fits(found.name, low):
                        return found if not self._rival(found.name, t.idx, low) else None
        if last is not None and any(last[0] < u < token.idx for u in self.unknown_people):
            last = None
        if last is not None and self._fits(last[1].name, low) and self._chain(last[0], last[1].name, token):
            return None if self._named_in_paragraph(last[0], last[1].name, token, low) else last[1]
        # Farther back: a person subject, or the person whose thing was the subject
        # ("Giuffre's allegations have changed. She said ...").
        # A crosshead starts a new section: nobody before it is "he" after it.
        section = self._section_start(token.idx)
        # Not a person inside someone's reported words: the reporter was on stage, not them.
        for t in reversed([t for t in self._subjects_before(token, 3)
                           if t.idx > max(floor, section) and not self.reported(t)]):
            for c in (t, *(c for c in t.children if c.dep_ in ("poss", "appos"))):
                if self.namelike(c):
                    found = self._proper(c)
                    if found is not None and found.kind == "person" and self._fits(found.name, low):
                        return found if not self._rival(found.name, c.idx, low) else None
        return self._only_one_in_reach(token, low, max(floor, section))

    def _only_one_in_reach(self, token: Token, low: str, floor: int) -> Speaker | None:
        """The one person named in this paragraph or the one before who can be the pronoun.

        "The biggest problem was illustrated by Huang himself. / At the summit,
        he reminded ...": when no subject or last speaker settles it, a
        pronoun still means someone on stage, and if the text since the
        paragraph before names one person who agrees with it (and nobody put
        on stage by a description, "the officer", "a woman"), it is them.
        Two who fit, a name nobody can resolve, or a person-describing noun,
        and it is nobody.
        """
        para = self.parsed.paragraph_of(token.idx)
        if para < 1 or token.lower_ not in PERSONAL_PRONOUNS:
            return None  # a description ("the owner") may be someone new; only "he"/"she" here
        start = self.article.paragraphs[max(0, para - 2)].start
        if floor >= start or any(start <= u < token.idx for u in self.unknown_people):
            return None  # an attribution nobody could name is someone else in reach
        # The article's people named in reach (the tagger may call a name a place: "Jamal Okafor").
        found = {name: Speaker(name=name, span=self.parsed.span(at, at + 1), kind="person", role=self.roles.get(name))
                 for at, name in self.mentions
                 if start <= at < token.idx and not self._in_quote.contains(at) and self._fits(name, low)}
        for t in self.parsed.tokens_in(start, token.idx):
            if self._in_quote.contains(t.idx):
                continue
            if self._unnamed_person(t):
                return None  # "the officer": someone on stage the names do not cover
            if t.ent_type_ != "PERSON" or (t.i + 1 < len(self.doc) and self.doc[t.i + 1].ent_type_ == "PERSON"
                                          and self.doc[t.i + 1].ent_iob_ == "I"):
                continue  # the last word of each name
            person = self._proper(t)
            if person is None or person.kind != "person":
                return None
            if self._fits(person.name, low):
                found[person.name] = person
        if len(found) != 1:
            return None
        return replace(next(iter(found.values())), span=self.parsed.span(token.idx, token.idx + len(token)))

    def _copula_name(self, subject: Token) -> list[Token]:
        """The name a copula says the subject is: "The first witness was Gopaul Govender", "It was Katie Lane who ...".

        A subject that is no name itself (a description, "it") and the name
        after "is"/"was" are one referent, so the name is put on stage as the
        clause's subject would be. A name as subject ("Lane is the witness")
        is itself the candidate.
        """
        verb = subject.head
        if verb.lemma_.lower() != "be" or self.namelike(subject) or subject.dep_ != "nsubj":
            return []
        return [c for c in verb.children if c.dep_ == "attr" and self.namelike(c)]

    @staticmethod
    def _unnamed_person(t: Token) -> bool:
        """A noun phrase describing a person and giving no name: "the officer", "a woman", "his wife".

        A title on a name ("spokesman John Smith", "the spokesman, John
        Smith") or a bare role ("as president") puts nobody new on stage.
        """
        if t.pos_ != "NOUN" or t.lower_ not in PERSON_NOUNS | ROLE_NOUNS | UNNAMED_HEADS:
            return False
        if t.dep_ in ("compound", "appos") and t.head.ent_type_ == "PERSON":
            return False  # "spokesman John Smith", "Harold Finch, an engineer"
        if any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in t.children):
            return False
        return any(c.dep_ in ("det", "poss") for c in t.children)

    def _named_in_paragraph(self, since: int, name: str, token: Token, low: str) -> bool:
        """Someone else who fits is named just before the token, after the last speaker spoke.

        "According to Amina Salum, 34, business grew ... 'It is because ...,'
        she says": the last speaker quoted a paragraph before is one
        reading, the person named in this sentence or the one before (in no
        subject the salience rules see) is another, so the quote gets nobody.
        Only the token's paragraph counts, and in it only those two sentences:
        copy printed as one long paragraph names many people between two
        remarks of the same speaker.
        """
        para = self.parsed.paragraph_of(token.idx)
        if para == 0:
            return False
        sent = token.sent
        previous = self.doc[sent.start - 1].sent if sent.start > 0 else sent
        start = max(since + 1, self.article.paragraphs[para - 1].start, previous[0].idx)
        asked = self._adjunct_range(token)
        return any(
            start <= at < token.idx and other != name and not self._in_quote.contains(at) and self._fits(other, low)
            and not asked[0] <= at < asked[1] and not self._inside_reported_words(at)
            for at, other in self.mentions
        )

    def _inside_reported_words(self, offset: int) -> bool:
        """The word at ``offset`` is inside the complement of a speech verb: someone's reported words.

        "Mr Kennedy told the programme there was no chance of a coalition with
        Labour. 'We go in independent,' he said.": a person named in what the
        speaker said (Labour, read as a person) is what they talked about, not
        someone on stage who could be "he". On the same line only, as for
        ``reported``.
        """
        tokens = self.parsed.tokens_in(offset, offset + 1)
        if not tokens:
            return False
        t = tokens[0]
        while t.head.i != t.i:
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in SPEECH_VERBS and self.parsed.same_line(t.head, tokens[0]):
                return True
            t = t.head
        return False

    def _adjunct_range(self, token: Token) -> tuple[int, int]:
        """Offsets of a subjectless clause fronted before the pronoun's verb, else an empty range.

        "Asked whether he would accept gifts from Lord Alli, he said": the
        clause's own subject is the pronoun, so a person named inside it is
        what the question was about, not another reading of "he".
        """
        verb = token.head
        for clause in verb.children:
            if clause.dep_ != "advcl" or clause.i > token.i or clause.pos_ != "VERB":
                continue
            if any(c.dep_ in SUBJECT_DEPS for c in clause.children):
                continue
            words = list(clause.subtree)
            return words[0].idx, words[-1].idx + len(words[-1])
        return 0, 0

    def _section_start(self, offset: int) -> int:
        """Offset of the last heading line (crosshead) before ``offset``, else -1."""
        para = self.parsed.paragraph_of(offset)  # 1-based: the paragraphs before are [: para - 1]
        for p in reversed(self.article.paragraphs[: max(0, para - 1)]):
            if is_heading(p.text):
                return p.start
        return -1

    def _first_mention_in(self, name: str, offset: int) -> bool:
        """The article first mentions the person in the paragraph of ``offset``."""
        first = next((start for start, n in self.mentions if n == name), None)
        if first is None:
            first = next((start for start, form in self.forms if " ".join(form) == name), None)
        return first is not None and self.parsed.paragraph_of(first) == self.parsed.paragraph_of(offset)

    def _rival(self, name: str, since: int, low: str) -> bool:
        """The candidate's own verb has a second person who could be the pronoun ``low``.

        "John Smith met Peter Brown in Paris. He said ...": Smith and Brown are
        both arguments of "met", so two readings fit and the pronoun gets
        nobody; so are two subjects joined by "and" ("Jamal Okafor and Peter
        Lin opened the bakery"). A person only mentioned further off
        ("Lacerda described how Maxwell recruited ...") does not compete with
        the subject, which news prose keeps as the one "she" means.
        """
        subject = self.parsed.tokens_in(since, since + 1)
        if not subject:
            return False
        for other_subject in subject[0].conjuncts:
            if other_subject.ent_type_ == "PERSON" or other_subject.pos_ == "PROPN":
                other = self._proper(other_subject)
                if (other is not None and other.kind == "person" and other.name != name
                        and self._fits(other.name, low)):
                    return True
        verb = subject[0].head
        for arg in verb.children:
            target = arg if arg.dep_ in ("dobj", "dative") else None
            if arg.dep_ == "prep":
                target = next((c for c in arg.children if c.dep_ == "pobj"), None)
            if target is None or not (target.ent_type_ == "PERSON" or target.pos_ == "PROPN"):
                continue
            other = self._proper(target)
            if other is not None and other.kind == "person" and other.name != name and self._fits(other.name, low):
                return True
        return False

    def _chain(self, offset: int, name: str, token: Token) -> bool:
        """The speaker at ``offset`` is still the one a pronoun at ``token`` means.

        At most two paragraphs away, not counting paragraphs whose subject is
        the same pronoun ("She initially kept the names secret ..."), and with
        no other named person as a subject in between.
        """
        if self.distance(offset, token.idx) <= 2:
            return True
        low = token.lower_
        chained: set[int] = set()
        for t in self.parsed.tokens_in(offset + 1, token.idx):
            if t.dep_ not in SUBJECT_DEPS:
                continue
            if t.lower_ == low:
                chained.add(self.parsed.paragraph_of(t.idx))
            elif self.namelike(t):
                other = self._proper(t)
                if other is not None and other.kind == "person" and other.name != name:
                    return False
        return self.distance(offset, token.idx) - len(chained) <= 2

    def _salient_other(self, token: Token, wanted: tuple[SpeakerKind, ...]) -> Speaker | None:
        """'they'/'it': the last group or organisation that spoke, else a plural subject just before."""
        low_plural = "group" in wanted
        for offset, earlier in reversed(self.history):
            if self.distance(offset, token.idx) > 2 or self._unknown_between(offset, token.idx):
                break
            if earlier.kind in wanted:
                # "The Washington Post reported ... Acebush1's posts became ... They
                # refuse ...": an organisation is the weaker reading of "they", and a
                # name that became the subject since is who "they" may be.
                rival = earlier.kind == "organization" and low_plural and self._named_subject_between(
                    offset, token.idx, earlier.name)
                return None if rival else earlier
        if "group" not in wanted:
            return None
        for t in reversed(self._subjects_before(token, 0)):
            # "They claim figures show that ... nearly two-thirds of people with the disease
            # were born overseas. They say ...": a subject inside someone's reported words
            # is what they spoke of, not who "they" are.
            if (t.pos_ in ("NOUN", "NUM") and any(x.tag_ == "NNS" for x in t.subtree) and _can_speak(t)
                    and not within_reported_clause(self.parsed, t)):
                found = self._common(t)
                if found is not None and found.kind == "group":
                    return found
            if t.lower_ in PERSONAL_PRONOUNS or t.pos_ == "PROPN":
                break
        return None

    def _governing_subject(self, token: Token, wanted: tuple[SpeakerKind, ...]) -> Speaker | None:
        """'The Ministry of Foreign Affairs has condemned what it calls ...': the subject of the
        clause the pronoun's own clause hangs from, in the same sentence.

        The pronoun sits in a clause inside another ("what it calls", "which
        it says") whose subject, named before it on the same line, is what
        "it" or "they" means, when that subject is an organisation or group.
        A pronoun that is itself a main-clause subject has no such clause.
        """
        clause = token.head
        for _ in range(4):
            if clause.head.i == clause.i or clause.dep_ not in ("relcl", "ccomp", "pcomp", "pobj", "dobj", "acl"):
                return None
            clause = clause.head
            subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < token.i), None)
            if subject is None:
                continue
            if subject.pos_ == "PRON" or not self.parsed.same_line(subject, token):
                return None
            found = self._subject(subject)
            return found if found is not None and found.kind in wanted else None
        return None

    def _named_subject_between(self, earlier: int, later: int, name: str) -> bool:
        """A main-clause subject between the offsets names someone other than ``name``.

        The subject itself or its possessor ("Acebush1's posts became ...")
        counts: either puts a new referent in view. Words inside quotations
        do not.
        """
        for t in self.parsed.tokens_in(earlier + 1, later):
            if t.dep_ not in SUBJECT_DEPS or self._in_quote.contains(t.idx):
                continue
            for c in (t, *(c for c in t.children if c.dep_ == "poss")):
                if c.ent_type_ in ("PERSON", "ORG") or c.pos_ == "PROPN":
                    other = self._proper(c)
                    if other is not None and other.name != name:
                        return True
                    if other is None and c.pos_ == "PROPN" and c.text not in name:
                        return True  # a name nobody could resolve is still someone else
        return False

    def namesake(self, found: Speaker, text: str, pronoun: str) -> Speaker | None:
        """``found`` if it can be ``pronoun``, else the one other bearer of the name who can.

        "Fischer" in an article about Tanner Fischer and his mother Adrianne
        Fischer goes to the one named last; before "he", only Tanner fits.
        """
        if self._fits(found.name, pronoun):
            return found
        words = name_words(text)
        others = [" ".join(f) for f in self._fulls(words) if len(f) >= 2] if words else []
        fitting = [n for n in others if n != found.name and self._fits(n, pronoun)]
        return replace(found, name=fitting[0], role=self.roles.get(fitting[0])) if len(fitting) == 1 else None
