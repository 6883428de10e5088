"""Descriptions resolved to whom they describe: "the minister", "the company", "the statement".

Notes:
    A definite description points back to someone the article named: a
    title is matched whole, country included, against the roles the article
    gives; an organisation noun against the organisations named or in view;
    a document ("the statement", "another post") against its author, since
    a document is never a speaker. What cannot be resolved gets no speaker,
    because a description shown as a name would be a wrong speaker.
    Two parts it asks live beside it: ``documents`` (a document's author)
    and ``introductions`` (indefinite and headline descriptions).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from generator.extract.speech.discourse import Speaker, is_heading
from generator.extract.speech.documents import DocumentResolution
from generator.extract.speech.introductions import IntroductionResolution
from generator.extract.speech.names import norm
from generator.extract.speech.pronouns import ANY_PERSON
from generator.lexicon.organizations import (
    LEGAL_FORMS,
    NATIONAL_GOVERNMENT_WORDS,
    NEWS_HEADS,
    ORG_HEADS,
    ORG_NOUNS,
    ORG_WORDS,
    ORGANIZATION_HEADS,
    OUTLET_NOUNS,
)
from generator.lexicon.people import (
    BODY_ROLES,
    FEMALE_WORDS,
    MALE_WORDS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    TITLES,
    UNNAMED_HEADS,
)
from generator.lexicon.places import side_of
from generator.lexicon.speech import DOCUMENT_HEADS, DOCUMENT_NOUNS

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from generator.model import Span

CLASS_NOUNS = (ORG_NOUNS | ORGANIZATION_HEADS | OUTLET_NOUNS) - DOCUMENT_NOUNS - NATIONAL_GOVERNMENT_WORDS
"""Nouns an article introduces an organisation with ("German airline Lufthansa", "the newspaper
Dagens Nyheter", "Lufthansa, the parent company"), which "the airline" then stands for."""
PAPERS = (ORG_NOUNS & DOCUMENT_HEADS) - DOCUMENT_NOUNS
"""Papers the organisation nouns list as well ("lawsuit", "documents", "records"): an author's, no body."""
BODY_HEADS = (ORG_HEADS - LEGAL_FORMS - NEWS_HEADS - NATIONAL_GOVERNMENT_WORDS
              - ROLE_NOUNS - PERSON_NOUNS - DOCUMENT_NOUNS)
"""Last words of bodies' names ("federation", "bureau") that "the federation" stands for when one name holds it."""
MODIFIER_DEPS = ("compound", "amod", "nmod", "det", "poss", "case")
"""Dependents that may stand between a class noun and the name it introduces."""

def described_as_person(name: Token, words: tuple[str, ...]) -> bool:
    """An untagged name the article describes as a person in apposition ("Amit Mehrotra, an analyst for X,").

    The tagger leaves many names of people it has not seen untagged; an
    appositive headed by a noun only a person can be ("analyst", "mother",
    not "leader" or "auditor", which firms are too) says what the name is.
    ``words`` are the name's words: two to four capitalised ones, no
    organisation word among them ("Deutsche Bank, a lender" stays a body).
    """
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    if {w.lower() for w in words} & ORG_WORDS:
        return False
    for child in name.children:
        if child.dep_ != "appos" or child.i < name.i or child.pos_ != "NOUN":
            continue
        noun = child.lower_
        if noun in (ROLE_NOUNS | PERSON_NOUNS) - BODY_ROLES:
            return True
    return False


class DescriptionResolution(DocumentResolution, IntroductionResolution):
    """The description part of the resolver."""

    def _definite(self, token: Token, sub: list[Token]) -> Speaker | None:
        """A definite description resolved to whom it describes, or None.

        When the article names nobody of the kind described (no organisation
        for "the company", no person for "the officer"), the description is
        the only name the speaker has and stands as written.
        """
        span = self.parsed.span(sub[0].idx, sub[-1].idx + len(sub[-1]))
        noun = token.lower_
        as_written = Speaker(name=norm(span.text), span=span, kind="other")
        if noun in DOCUMENT_NOUNS:
            author = self._author(token)
            return replace(author, span=span) if author is not None else None
        if noun in PAPERS:
            # "The lawsuit alleges", "the court documents": papers, whose author is the
            # speaker, not the body in view (the council the lawsuit is against).
            author = self._document_author(token)
            return replace(author, span=span) if author is not None else None
        if noun in ORG_NOUNS:
            found = self._org_description(token) or self._introduced_org(token)
            if found is not None or self.organizations:
                return found
            return replace(as_written, kind="organization")
        if noun in CLASS_NOUNS | BODY_HEADS and token.tag_ == "NN" and self.organizations:
            # "the airline", "the federation" where the article names bodies: the one
            # whose name holds the noun, or the one introduced so.
            found = self._named_org(token) or self._introduced_org(token)
            if found is not None:
                return found
        if token.tag_ == "NNS":
            # "the lawmakers" after "lawmakers on the House Select Committee ... said".
            for _, earlier in reversed(self.history):
                named = noun in earlier.name.lower().split() and len(earlier.name) > len(token.text) + 4
                if earlier.kind == "group" and named:
                    return replace(earlier, span=span)
            return None if self.organizations or self.index.people else replace(as_written, kind="group")
        if noun in ROLE_NOUNS:
            # A title is matched whole, country included, by the role rules alone.
            found = self._description(token)
            if found is not None or not self.index.people:
                return found or as_written
            if noun in TITLES:
                return self._unnamed_before(token, span) or self._identified(token, as_written)
        # The description's words without determiner or possessor, hyphenated
        # compounds kept whole ("the 45-year-old", "the cheerful owner").
        first = next((t.idx for t in sub if t.dep_ not in ("det", "poss", "case") and t.i > max(
            (c.i for c in sub if c.dep_ in ("det", "poss", "case")), default=-1)), span.start)
        words = self.parsed.text[first : span.end].split()
        person = self.index.described(words, token.idx)
        if person is not None:
            return Speaker(name=person.name, span=span, kind="person", role=self.roles.get(person.name))
        if not self.index.people:
            return as_written
        return (self._unnamed_before(token, span) or self._person_in_view(token, span, words[-1] if words else "")
                or self._identified(token, as_written))

    def _identified(self, token: Token, as_written: Speaker) -> Speaker | None:
        """'the attorney for the families', 'the police officer who made the arrest': as written.

        A definite description that carries what identifies its referent (a
        prepositional phrase, or a restrictive relative clause, one with no
        comma before it) introduces an unnamed source, the way "a police
        officer" does, when no person the article names could be it: nobody
        holds the noun among their roles or titles. Its words are the only
        name the source has.
        """
        noun = token.lower_
        # Not "the woman who ...": feature copy varies a named person so, and salience
        # has abstained on who she is.
        if noun not in ROLE_NOUNS | UNNAMED_HEADS or noun in PERSON_NOUNS or token.tag_ != "NN":
            return None
        if any(noun in p.description_words for p in self.index.people):
            return None
        if any(noun in re.findall(r"[\w-]+", role.lower()) for _, _, role in self.titled):
            return None
        return as_written if self._restrictive(token) else None

    def _restrictive(self, token: Token) -> bool:
        """The description carries what identifies its referent: a prepositional phrase
        ("the vice president for student affairs") or a relative clause with no comma before it."""
        return any(
            c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from", "in", "with", "on")
            and any(o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") for o in c.children)
            for c in token.children if c.i > token.i
        ) or any(
            c.dep_ == "relcl" and self.doc[c.left_edge.i - 1].text != ","
            for c in token.children if c.i > token.i and c.left_edge.i > 0
        )

    def _coordination(self, token: Token) -> Speaker | None:
        """'The UN and other aid organisations said': the coordination as written, a group.

        A subject that joins a name to "other" members of a class speaks for
        them all; the name alone would give the words to one of several.
        Only this open-ended form is taken whole: "Smith and Jones said" is
        left to the names.
        """
        others = [c for c in token.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.tag_ == "NNS"
                  and any(a.lower_ == "other" for a in c.children if a.dep_ == "amod")]
        if len(others) != 1 or not any(c.dep_ == "cc" and c.lower_ == "and" for c in token.children):
            return None
        sub = [t for t in token.subtree if t.i <= others[0].i and not t.is_space]
        if not sub or not self.parsed.same_line(sub[0], sub[-1]):
            return None
        while sub and sub[0].dep_ == "det" and sub[0].lower_ == "the" and sub[0].head.i == token.i:
            sub.pop(0)
        start, end = sub[0].idx, sub[-1].idx + len(sub[-1])
        return Speaker(name=norm(self.parsed.text[start:end]), span=self.parsed.span(start, end), kind="group")

    def _unnamed_before(self, token: Token, span: Span) -> Speaker | None:
        """'the officer' after 'a police officer': the unnamed person the article introduced so.

        A definite description whose head noun an earlier indefinite phrase
        introduced ("An Indian official says ... The government official
        says") is that same unnamed source, named by its introduction (the
        fullest form the article gives). When a named person holds the noun
        among their roles the description may be them, and when two
        different introductions fit ("a police officer", "another officer")
        it may be either: both give None.
        """
        noun = token.lemma_.lower()
        if token.lower_ not in ROLE_NOUNS | UNNAMED_HEADS | PERSON_NOUNS:
            return None  # "the document", "the banner": things, whose speaker is their author
        if any(noun in p.description_words for p in self.index.people):
            return None
        intros: list[str] = []
        for t in self.parsed.tokens_in(0, token.idx):
            if t.pos_ != "NOUN" or t.lemma_.lower() != noun or t.tag_ != token.tag_:
                continue
            if t.dep_ in ("attr", "appos", "acomp"):
                continue  # "Saphina Ndali is a mother of two": said of a named person, no one new
            det = next((c for c in t.children if c.dep_ == "det"), None)
            if det is None or det.lower_ not in ("a", "an", "another") or self._in_quote.contains(t.idx):
                continue
            left = [x for x in t.subtree if x.i <= t.i and not x.is_space]
            while left and left[0].i != det.i:
                left.pop(0)
            phrase = norm(self.parsed.text[left[0].idx : t.idx + len(t)]) if left else t.text
            if "\n" in phrase or phrase.lower() in (i.lower() for i in intros):
                continue
            intros.append(phrase)
        if len(intros) != 1:
            return None
        return Speaker(name=intros[0], span=span, kind="other")

    def _person_in_view(self, token: Token, span: Span, last_word: str) -> Speaker | None:
        """'the woman', 'the victim', 'the cheerful owner': the person the passage is about.

        Feature copy varies a name with a description ("Saphina Ndali is a
        mother of two ... says the woman who is in her late 20s"), exactly as
        it uses "she": a noun that describes one person (``PERSON_NOUNS``, a
        role that is no title, an age "the 45-year-old") with no role or age
        that decides is resolved as the pronoun of its sex would be, by
        salience with the same abstentions. A person whose known roles do not
        hold the noun is ruled out for a role noun ("the owner" is not the
        mayor). ``last_word`` is the description's last word as written.
        """
        noun = token.lower_
        # "37-year-old" is one word of the description, though the parse may split it.
        age = re.fullmatch(r"\d{1,3}-year-old", last_word.lower()) is not None
        if not (noun in PERSON_NOUNS or (noun in ROLE_NOUNS and noun not in TITLES) or age):
            return None
        if any(c.dep_ == "poss" for c in token.children):
            # "the singer's mother", "the organization's chief scientist": someone of the
            # possessor's, whom salience cannot find (the singer is salient, not her mother).
            return None
        pronoun = "she" if noun in FEMALE_WORDS else "he" if noun in MALE_WORDS else ANY_PERSON
        found = self._salient_person(token, pronoun)
        if found is None or found.kind != "person":
            return None
        sex = "f" if noun in FEMALE_WORDS else "m" if noun in MALE_WORDS else None
        if sex is not None and self.index.gender(found.name) not in (None, sex):
            return None  # "the businessman" is no woman, whoever is salient
        if sex is not None and self.index.gender(found.name) is None and any(
                name != found.name and self.index.gender(name) == sex
                for at, name in self.mentions if at < token.idx and self.distance(at, token.idx) <= 1):
            # Of unknown sex, with a man just mentioned, "the businessman" has two readings.
            return None
        known = self.index.described_words(found.name)
        if noun in ROLE_NOUNS and noun not in PERSON_NOUNS and known and noun not in known:
            return None
        if age and self.index.ages(found.name):
            return None  # "the 45-year-old" is not the person the article made 52 (45 fitted nobody alone)
        return replace(found, span=span)

    def _description(self, token: Token) -> Speaker | None:
        """'the minister': the last person whose known role has every word of the description.

        "Pakistan's prime minister" is not the defence minister: the modifiers
        of the title ("prime") must agree with the role as well as its head.
        """
        wanted = {token.lower_} | {
            c.lower_ for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i and c.pos_ != "PROPN"
        }
        # "Pakistan's prime minister", "the Indian foreign secretary": the country
        # must agree too, or the UK's prime minister would answer for Pakistan's.
        qualifiers = [c for c in token.children
                      if c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("GPE", "NORP")]
        sides = {side_of(c.text) for c in qualifiers} - {None}
        span = self.parsed.span(token.idx, token.idx + len(token))

        def agrees(role: str | None) -> bool:
            if role is None or not wanted <= set(re.findall(r"[\w-]+", role.lower())):
                return False
            return not sides or side_of(role) in sides

        for _, earlier in reversed(self.history):
            if earlier.kind == "person" and agrees(earlier.role):
                return Speaker(name=earlier.name, span=span, kind="person", role=earlier.role)
        # The person last given that title before the description.
        for offset, name, role in reversed(self.titled):
            if offset < token.idx and agrees(role):
                return Speaker(name=name, span=span, kind="person", role=role)
        ahead = self.heading_title(token, agrees)
        if ahead is not None:
            return replace(ahead, span=span)
        # "the government spokesman said" right after the same person's quotes,
        # unless what the article knows of their role says otherwise.
        quote = self.quote  # ``continuing`` leaves it unset
        last = self.continuing(token.idx)
        self.quote = quote
        # Not "the vice president for student affairs" after a statement's author: a
        # description that identifies its referent by itself needs a role that agrees.
        unknown = last is not None and last.role is None and not self._restrictive(token)
        if last is not None and last.kind == "person" and (
                unknown or agrees(last.role) or self._closes_run(self.history[-1][0])):
            return replace(last, span=span)
        return None

    def _closes_run(self, last_at: int) -> bool:
        """The quotation attributed ends a quotation run carried on by the speaker remembered at ``last_at``.

        "“... the overall cost. / “Meanwhile, ... flight,” the government
        spokesman said": a quotation running over paragraphs opens each with
        a mark and closes only the last, so the attribution closing it names
        whoever the run is from, a role the article has not given them included
        ("Communications Minister" and "government spokesman" are one man).
        The paragraph before must be that speaker's, opened and left unclosed.
        """
        if self.quote is None:
            return False
        para = self.parsed.paragraph_of(self.quote[0])  # 1-based: the one before is [para - 2]
        if para < 2 or self.parsed.paragraph_of(last_at) != para - 1:
            return False
        if self.parsed.text[self.article.paragraphs[para - 1].start : self.quote[0]].strip():
            return False
        before = self.article.paragraphs[para - 2].text.strip()
        return (before[:1] == "\u201c" and "\u201d" not in before) or (before[:1] == '"' and before.count('"') == 1)

    def heading_title(self, token: Token, agrees: Callable[[str | None], bool]) -> Speaker | None:
        """The person a title in a heading stands for, named with that title right below it.

        Live reports and headlines put the title first and the name in the
        entry below: "Pakistan's prime minister calls Indian action an 'act
        of war'" over "In a statement, Pakistan's Prime Minister Shehbaz
        Sharif said ...". Only from a heading (a short line without a full
        stop, or the headline), only the paragraph right below it, and only
        one person given a title that ``agrees``; anything else is None.
        """
        para = self.parsed.paragraph_of(token.idx)
        if para and not is_heading(self.article.paragraphs[para - 1].text):
            return None
        fits = {name: role for offset, name, role in self.titled
                if offset > token.idx and self.distance(token.idx, offset) <= 1 and agrees(role)}
        if len(fits) != 1:
            return None
        name, role = next(iter(fits.items()))
        return Speaker(name=name, span=self.parsed.span(token.idx, token.idx + len(token)), kind="person", role=role)

    def _org_description(self, token: Token) -> Speaker | None:
        """'the bank', 'the agency': the organisation it names, or the one in view.

        In order: the one organisation named before with that word in its name
        ("the center" → "Storm Prediction Center"); the one organisation
        mentioned in this or the previous paragraph; the organisation that
        spoke last, when no other has been mentioned since. Anything else is
        two readings, and gives None.
        """
        span = self.parsed.span(token.idx, token.idx + len(token))
        noun = token.lower_
        before = [o for o in self.organizations if any(m.start < token.idx for m in o.mentions)]
        named = self._named_org(token)
        if named is not None:
            return named
        if noun in NATIONAL_GOVERNMENT_WORDS:
            # "The government said" after a committee or a ministry spoke: a country's
            # government is not the body quoted last, so only its name can say which.
            return None
        recent = [o for o in before
                  if any(m.start < token.idx and self.distance(m.start, token.idx) <= 1 for m in o.mentions)]
        # "Pakistan's Ministry of Foreign Affairs says Islamabad has informed the U.N. Security
        # Council ... The ministry says": of those in view, the one whose name the noun is in
        # (a Chinese ministry named further back is out of view).
        holding = [o for o in recent if noun in o.name.lower().split()]
        if len(holding) == 1:
            return Speaker(name=holding[0].name, span=span, kind="organization")
        # "the National Weather Service's Storm Prediction Center. The agency warns": a
        # possessor only modifies the organisation named after it, which is the one in view.
        heads = [o for o in recent if not all(
            self._possessor(m.start) for m in o.mentions
            if m.start < token.idx and self.distance(m.start, token.idx) <= 1)]
        if len(recent) == 1 or len(heads) == 1:
            return Speaker(name=(recent if len(recent) == 1 else heads)[0].name, span=span, kind="organization")
        for offset, earlier in reversed(self.history):
            if self.distance(offset, token.idx) > 2:
                break
            if earlier.kind == "organization":
                others = [o for o in recent if o.name != earlier.name
                          and any(offset < m.start < token.idx for m in o.mentions)]
                return None if others else replace(earlier, span=span)
        return None

    def _named_org(self, token: Token) -> Speaker | None:
        """'the center' after 'Storm Prediction Center': the one organisation named before with the noun in its name."""
        noun = token.lower_
        named = {o.name for o in self.organizations
                 if noun in o.name.lower().split() and any(m.start < token.idx for m in o.mentions)}
        if len(named) != 1:
            return None
        span = self.parsed.span(token.idx, token.idx + len(token))
        return Speaker(name=next(iter(named)), span=span, kind="organization")

    def _introduced_org(self, token: Token) -> Speaker | None:
        """'the airline' after 'German airline Lufthansa': the one organisation introduced with the noun.

        Copy says once what kind of body it names ("the newspaper Dagens
        Nyheter", "Lufthansa, the parent company of Germanwings") and then
        uses the kind for the name. Only the organisations the article gave
        that noun before the description, outside quotations, count; two of
        them ("airline Lufthansa", "rival airline Ryanair") are two readings.
        """
        noun = token.lower_
        fits = {org.name for org in self.organizations for m in org.mentions
                if m.start < token.idx and not self._in_quote.contains(m.start)
                and noun in self._class_nouns(m.start, m.end)}
        if len(fits) != 1:
            return None
        span = self.parsed.span(token.idx, token.idx + len(token))
        return Speaker(name=next(iter(fits)), span=span, kind="organization")

    def _class_nouns(self, start: int, end: int) -> set[str]:
        """The common nouns the name at ``[start, end)`` is introduced with, in its own phrase.

        Before it ("German airline Lufthansa"), in apposition either side
        ("Lufthansa, the parent company", "the newspaper, Dagens Nyheter") or
        as the head it modifies ("the Guardian newspaper").
        """
        tokens = [t for t in self.parsed.tokens_in(start, end) if not t.is_space]
        if not tokens:
            return set()
        inside = {t.i for t in tokens}
        root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
        found: set[str] = set()
        i = tokens[0].i - 1
        while i >= 0 and self.doc[i].dep_ in MODIFIER_DEPS and self.doc[i].head.i in inside:
            if self.doc[i].pos_ == "NOUN":
                found.add(self.doc[i].lower_)
            inside.add(i)
            i -= 1
        found |= {c.lower_ for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"}
        head = root.head
        if root.dep_ in ("appos", "compound") and head.pos_ == "NOUN" and head.i != root.i:
            found.add(head.lower_)
        return found & CLASS_NOUNS

    def _possessor(self, offset: int) -> bool:
        """The name mentioned at ``offset`` is a possessor ("X's ...") of another name."""
        tokens = self.parsed.tokens_in(offset, offset + 1)
        if not tokens:
            return False
        tok = tokens[0]
        while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ == "poss" and tok.head.pos_ == "PROPN"

    def _described_person(self, token: Token) -> bool:
        """A main-clause subject that is a definite description of a person ("the football star")."""
        if token.pos_ != "NOUN" or token.tag_ != "NN" or self._impersonal(token):
            return False
        if token.head.dep_ not in ("ROOT", "conj") or self.parsed.article is None:
            return False
        dets = [c.lower_ for c in token.children if c.dep_ == "det"]
        low = token.lower_
        known = low in ROLE_NOUNS or low in UNNAMED_HEADS or any(low in p.description_words for p in self.index.people)
        return dets[:1] == ["the"] and known
