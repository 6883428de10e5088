"""Who a reporting verb's subject is: full names, roles, pronouns, unnamed sources.

Notes:
    Names are resolved against the article itself (its PERSON spans and the
    people list) rather than trusting one source: a surname, an honorific
    form ("Mr Bowen") or a first name maps to the fullest form that ends with
    or starts with it, and only when exactly one person fits. Pronouns follow
    the salience idea of BBC Citron's resolver: "he"/"she" go to the person
    who was last a speaker or a subject nearby, "they" to the last group
    that spoke, "it" to the last organisation. Anything doubtful is ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal, NamedTuple

from generator.extract.entities.acronyms import expansions
from generator.extract.spans import SpanIndex
from generator.extract.speech.names import core, misspelt, name_words, nicknames, norm
from generator.extract.speech.people import PeopleIndex
from generator.lexicon.dates import ERAS
from generator.lexicon.organizations import GOVERNMENT_WORDS, NATIONAL_GOVERNMENT_WORDS, ORG_NOUNS, ORG_WORDS
from generator.lexicon.people import FEMALE_WORDS, HONORIFICS, MALE_WORDS, ROLE_NOUNS, UNNAMED_HEADS
from generator.lexicon.places import side_of
from generator.lexicon.speech import (
    AUTHORING_VERBS,
    DOCUMENT_NOUNS,
    FIRST_SECOND_PERSON,
    NEUTER_PRONOUNS,
    PERSONAL_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
)
from generator.model import Entity, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from generator.nlp import Parsed

SpeakerKind = Literal["person", "group", "organization", "place", "other"]

MAX_SOURCE_CHARS = 160
"""An unnamed source longer than this is a misparse, not a description."""
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
NAME_LABELS = PLACE_LABELS | {"PERSON", "ORG"}
"""Entity labels of names; a date or number ("the 45-year-old") is no name."""
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
"""Entity labels of dates and numbers: a subject inside one is a misparse, never a speaker."""
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
NAME_DEPS = frozenset({"compound", "flat", "nmod"})


class _Range(NamedTuple):
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    """A resolved speaker: canonical name, where it is mentioned, and a role."""

    name: str
    span: Span
    kind: SpeakerKind
    role: str | None = None


def _genders(doc: Doc) -> dict[str, str]:
    """Surname -> 'm' or 'f' where an honorific or gendered title says so ("Mr Bowen")."""
    found: dict[str, str] = {}
    for token in doc:
        low = token.lower_.rstrip(".")
        gender = "m" if low in MALE_WORDS else "f" if low in FEMALE_WORDS else None
        if gender is None:
            continue
        nxt = token.nbor(1) if token.i + 1 < len(doc) else None
        while nxt is not None and nxt.text == ".":
            nxt = nxt.nbor(1) if nxt.i + 1 < len(doc) else None
        if nxt is None or nxt.pos_ != "PROPN":
            continue
        end = nxt.i
        while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].text[:1].isupper():
            end += 1
        surname = doc[end].text
        if found.get(surname, gender) != gender:
            found[surname] = "?"
        else:
            found[surname] = gender
    return {k: v for k, v in found.items() if v != "?"}


def is_heading(text: str) -> bool:
    """A short line with no sentence punctuation: a crosshead, not prose."""
    return len(text.split()) <= 12 and text.rstrip()[-1:] not in ".!?\"\u201d"


class Resolver:
    """Resolve subjects to speakers for one article, remembering who spoke last."""

    def __init__(
        self, parsed: Parsed, people: tuple[Entity, ...], organizations: tuple[Entity, ...],
        quoted: tuple[tuple[int, int], ...] = (),
    ) -> None:
        self.parsed = parsed
        self.doc = doc = parsed.doc
        self.quoted = quoted
        """Quotations (start, end): words inside them are no antecedents."""
        self._in_quote = SpanIndex(_Range(a, b) for a, b in quoted)
        self.article = parsed.article
        self.organizations = organizations
        # Every full form a person is given, with the offset of its first use.
        self.forms: list[tuple[int, tuple[str, ...]]] = []
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                words = name_words(ent.text)
                if words and all(w[:1].isupper() for w in words):
                    self.forms.append((ent.start_char, words))
        for token in doc:
            # Names the tagger calls organisations ("Fahmi Fadzil said"): a proper-noun
            # subject of a speech verb with no organisation word is taken as a person.
            if (token.dep_ in SUBJECT_DEPS and token.pos_ == "PROPN" and token.head.lemma_ in SPEECH_VERBS
                    and not any(c.dep_ in ("prep", "case", "poss") for c in token.children)):
                start, end = self._name_tokens(token)
                words = tuple(t.text for t in doc[start:end])
                if (2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and token.ent_type_ not in PLACE_LABELS
                        and not {w.lower() for w in words} & ORG_WORDS):
                    self.forms.append((doc[start].idx, name_words(" ".join(words))))
        for person in people:
            for form in (person.name, *person.aliases):
                words = name_words(form)
                if words:
                    start = person.mentions[0].start if person.mentions else 0
                    self.forms.append((start, words))
        self.forms.sort()
        self.nicknames = nicknames(parsed.text)
        """Nickname words -> full name ("Uncle Poodle" -> "Lee Thompson")."""
        self.surnames = {form[-1] for _, form in self.forms if len(form) >= 2}
        """Last words of the full names the article gives, against which a lone surname is checked for a misspelling."""
        self.roles: dict[str, str] = {}
        self.genders = _genders(doc)
        self.index = PeopleIndex(parsed, people)
        self.mentions = sorted((m.start, p.name) for p in people for m in p.mentions)
        self.acronyms = expansions(parsed.text)
        self.quote: tuple[int, int] | None = None
        """The quotation being attributed: a person it names in the third person is not its speaker."""
        self.titled: list[tuple[int, str, str]] = []
        # Titles given anywhere ("Energy Minister Chris Bowen"), so "the minister" can be resolved.
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                name = self.person_name(ent.text, ent.start_char)
                role = self._role(ent.root, ent.start) if name else None
                if name and role:
                    self.roles.setdefault(name, role)
                    self.titled.append((ent.start_char, name, role))
        self.said: dict[tuple[int, str], Speaker] = {}
        self.history: list[tuple[int, Speaker]] = []
        self.unknown: list[int] = []
        """Offsets of attributions whose subject could not be named: nothing carries over them."""
        self.unknown_people: list[int] = []
        """The subset whose subject could be a person: "he"/"she" do not reach back over them
        (an unnamed "contract says" or "the statement read" does not hide who "he" is)."""

    # -- names -----------------------------------------------------------

    def person_name(self, text: str, offset: int) -> str | None:
        """The fullest form of the person called ``text``, or None if unclear."""
        words = name_words(text)
        titles = ROLE_NOUNS | HONORIFICS
        surname = len(words) == 1 and any(len(f) >= 2 and core(f)[-1] == words[0] for _, f in self.forms)
        if not words or (all(w.lower().rstrip(".") in titles for w in words) and not surname):
            # "Prime Minister", "Mr": a title alone names nobody (unless it is the
            # surname of someone the article names: "King said" after Martin Luther King Jr.).
            return None
        if words in self.nicknames:
            # "Uncle Poodle" after "Lee 'Uncle Poodle' Thompson": the nickname is an alias.
            return self.nicknames[words]
        if words[-1].lower() in ROLE_NOUNS and not self.index.is_given_name(words[0]) and not surname:
            # "Foreign Secretary": a name does not end in a title unless it starts
            # with a given name ("Howard Dean").
            return None
        fulls = self._fulls(words)
        if len(fulls) > 1:
            # Two people share the name: the one named most recently before wins.
            before = [form for start, form in self.forms if start < offset and form in fulls]
            if not before:
                return None
            fulls = {before[-1]}
        if not fulls:
            return " ".join(words) if len(words) >= 2 else None
        if len(words) == 1 and fulls == {words} and misspelt(words[0], self.surnames):
            # "Jensen said" where only "Nathan Janzen" was introduced: a misspelling
            # of someone, and which one is a guess.
            return None
        return " ".join(next(iter(fulls)))

    def _fulls(self, words: tuple[str, ...]) -> set[tuple[str, ...]]:
        """The fullest forms that end with ``words`` (or start with a lone given name)."""
        fits: set[tuple[str, ...]] = set()
        for _, form in self.forms:
            if len(form) < len(words):
                continue
            # "King" is the surname of "Martin Luther King Jr.".
            short = core(form) if words[-1:] != form[-1:] else form
            if short[-len(words):] == words or (len(words) == 1 and form[0] == words[0]):
                fits.add(form)
        return {f for f in fits if not any(len(g) > len(f) and g[-len(f):] == f for g in fits)}

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

    def org_name(self, text: str) -> str:
        """An organisation's name as the entity list has it, else as written without 'the'.

        An acronym the article expands ("Fisheries and Oceans Canada (DFO)")
        is shown as the full name.
        """
        bare = re.sub(r"^(?:the|The)\s+", "", norm(text))
        bare = self.acronyms.get(bare, bare)
        for org in self.organizations:
            if bare == org.name or bare in org.aliases:
                return org.name
        return bare

    # -- subjects ----------------------------------------------------------

    def _ent(self, token: Token) -> tuple[str, int, int] | None:
        if token.ent_type_ and token.ent_iob_ != "O":
            ent = self.parsed.ent_at(token.i)
            if ent is not None:
                return ent.label_, ent.start, ent.end
        return None

    def _name_tokens(self, head: Token) -> tuple[int, int]:
        """Token range of the proper name headed by ``head`` (compounds to its left)."""
        start = head.i
        while start > head.left_edge.i:
            prev = self.doc[start - 1]
            # "Speaking to the Daily Mail Lacerda claimed": a word of another entity
            # is not part of the name.
            other_entity = bool(prev.ent_type_) and prev.ent_type_ != head.ent_type_
            if prev.pos_ == "PROPN" and prev.dep_ in NAME_DEPS and prev.head.i >= start and not other_entity:
                start -= 1
            else:
                break
        end = head.i + 1
        while end < len(self.doc) and self.doc[end].dep_ in ("flat",) and self.doc[end].head.i == head.i:
            end += 1
        return start, end

    def _role(self, head: Token, name_start: int) -> str | None:
        """Title before the name ("Kremlin spokesperson") or an appositive after it."""
        doc = self.doc
        left = [t for t in doc[head.left_edge.i : name_start] if t.dep_ not in ("det", "punct")]
        # The parse can run over a paragraph break: a role stays in the name's paragraph.
        while left and "\n" in self.parsed.text[left[0].idx : head.idx]:
            left.pop(0)
        for t in head.children:
            if t.dep_ == "appos" and t.i > head.i and t.pos_ in ("NOUN", "PROPN") and t.ent_type_ != "PERSON":
                sub = list(t.subtree)
                while sub and sub[-1].is_punct:
                    sub.pop()
                while sub and sub[0].dep_ == "det" and sub[0].lower_ in ("the", "a", "an"):
                    sub.pop(0)
                if sub:
                    return self.parsed.text[sub[0].idx : sub[-1].idx + len(sub[-1])]
        if (left and any(t.lower_ in ROLE_NOUNS or t.pos_ == "NOUN" for t in left)
                and (left[0].dep_ == "poss" or left[0].pos_ in ("NOUN", "PROPN", "ADJ"))):
            return self.parsed.text[left[0].idx : left[-1].idx + len(left[-1])]
        return None

    def subject(self, token: Token, quote: tuple[int, int] | None = None) -> Speaker | None:
        """The speaker a subject token stands for, or None when doubtful.

        ``quote`` is the reported text the subject introduces: a pronoun is
        never resolved to a person that very text names.
        """
        self.quote = quote
        try:
            return self._subject(token)
        finally:
            self.quote = None

    def _subject(self, token: Token) -> Speaker | None:
        low = token.lower_
        # "villagers who claim ...", "figures which showed ...": the relative pronoun's antecedent.
        if low in RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and token.head.head.i != token.i:
            antecedent = token.head.head
            if antecedent.pos_ in ("NOUN", "PROPN") and antecedent.lower_ not in RELATIVE_PRONOUNS:
                return self._subject(antecedent)
            return None
        if low in FIRST_SECOND_PERSON:
            # "I", "we", "you" outside a quotation point at nobody the article names.
            return None
        if token.pos_ == "PRON" or low in PERSONAL_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS:
            return self.pronoun(token)
        # "X's chief economist, David-Alexandre Brassard": the name in apposition speaks.
        for t in token.subtree:
            named = t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.ent_type_ not in PLACE_LABELS)
            if t.dep_ == "appos" and named and t.i != token.i and "\n" not in self.parsed.text[token.idx : t.idx]:
                found = self._proper(t)
                if found is not None and found.kind == "person":
                    return found
        era = token.lower_ in ERAS and any(c.dep_ == "nummod" for c in token.children)
        described = any(c.dep_ == "det" for c in token.children)  # "the 45-year-old" is a description
        if (token.ent_type_ in NUMERIC_LABELS and not described) or era:
            # "as early as 500 BC saying ...": a date, time or number says nothing.
            return None
        ent = self._ent(token)
        if token.pos_ == "PROPN" or (ent is not None and ent[0] in NAME_LABELS):
            return self._proper(token)
        if token.pos_ == "NOUN" or (token.pos_ == "ADJ" and any(c.dep_ == "det" for c in token.children)):
            # "the 45-year-old", "the elder": an adjective heading a description.
            return self._common(token)
        return None

    def _proper(self, token: Token) -> Speaker | None:
        ent = self._ent(token)
        start, end = self._name_tokens(token)
        if ent is not None:
            start, end = min(start, ent[1]), max(end, ent[2])
        toks = [t for t in self.doc[start:end] if t.lower_ not in ("the",)]
        if not toks:
            return None
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        text = self.parsed.text[s:e]
        label = ent[0] if ent else None
        words = {w.lower().strip(".,") for w in text.split()}
        span = self.parsed.span(s, e)
        if label in ("GPE", "LOC", "NORP") and token.i == end - 1:
            return Speaker(name=norm(text), span=span, kind="place")
        # The tagger often calls a name it has seen as a person something else
        # ("said Mendes" as a product): a known person's name wins unless it is a place.
        person_like = label == "PERSON" or (
            label not in PLACE_LABELS and not words & ORG_WORDS and self._known_person(text)
        )
        if person_like:
            name = self.person_name(text, s)
            if name is None:
                return None
            role = self._role(token, start) or self.roles.get(name)
            if role:
                self.roles.setdefault(name, role)
            return Speaker(name=name, span=span, kind="person", role=role)
        if label == "ORG" or words & ORG_WORDS:
            return Speaker(name=self.org_name(text), span=span, kind="organization")
        if label is None and len(toks) == 1:
            # A lone capitalised word with no entity label: a surname the list may know.
            name = self.person_name(text, s)
            if name is not None and any(len(f) >= 2 and f[-1] == toks[0].text for _, f in self.forms):
                return Speaker(name=name, span=span, kind="person", role=self.roles.get(name))
        return None

    def _known_person(self, text: str) -> bool:
        words = name_words(text)
        return any(
            f == words or (len(f) > len(words) and f[-len(words):] == words) or (len(words) == 1 and f[0] == words[0])
            for _, f in self.forms
        )

    def _common(self, token: Token) -> Speaker | None:
        doc = self.doc
        # "Epstein's neighbor ..., Donald Trump": a description with the name in apposition.
        for child in token.children:
            if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN"):
                found = self._proper(child)
                if found is not None:
                    return found
        # "Kremlin spokesperson Dmitry Peskov" parsed with the title as head.
        for child in token.children:
            if child.dep_ == "compound" and child.ent_type_ == "PERSON":
                return self._proper(child)
        if token.lower_ in DOCUMENT_NOUNS:
            # A document is never a speaker: its author is, or nobody.
            return self._document_author(token)
        # As written, without a relative clause ("dockworkers who say ..." is "dockworkers").
        relative = {t.i for c in token.children if c.dep_ == "relcl" for t in c.subtree}
        sub = [t for t in token.subtree if t.i not in relative]
        # ... and up to the first comma after the head ("lawmakers on the committee, led by ...").
        comma = next((t.i for t in sub if t.i > token.i and t.text == ","), None)
        sub = [t for t in sub if comma is None or t.i < comma]
        while sub and (sub[-1].is_punct or sub[-1].dep_ in ("cc",)):
            sub.pop()
        if not sub:
            return None
        dets = [t for t in token.children if t.dep_ in ("det", "poss")]
        definite = bool(dets) and (dets[0].dep_ == "poss" or dets[0].lower_ in DEFINITE_DETERMINERS)
        indefinite = bool(dets) and dets[0].lower_ in ("a", "an")
        # A description holding a name ("The National Security Committee", "the
        # Ministry of Foreign Affairs spokesperson") is written as it stands.
        named = any(t.pos_ == "PROPN" and t.i < token.i for t in sub if t.dep_ != "poss")
        # "The Indian army", "the Pakistani government": a body named by its country.
        named = named or (token.lower_ in ORG_NOUNS | GOVERNMENT_WORDS and any(
            t.ent_type_ in ("NORP", "GPE") and t.i < token.i for t in sub))
        # "The U.S. secretary of state": a title with a place in it still describes
        # one person, who must be found; an unnamed-source head ("the Ministry of
        # Foreign Affairs spokesperson") is written as it stands.
        titled = token.lower_ in ROLE_NOUNS and token.lower_ not in UNNAMED_HEADS
        if definite and (not named or titled):
            # "the minister", "the bank", "the statement", "the 45-year-old": a
            # definite description points back to someone the article named. It
            # is resolved to them, or the quote gets no speaker (a description
            # shown as a name would be a wrong speaker, not an unnamed source).
            return self._definite(token, sub)
        if definite and token.lower_ in ROLE_NOUNS and len(sub) <= 3:
            return self._description(token)
        if definite and token.lower_ in ORG_NOUNS:
            found = self._org_description(token)
            if found is not None:
                return found
        if indefinite and not named:
            # "an expert has claimed", "a Spotify executive": tabloid leads name the
            # person further down. One person the article describes so is them;
            # otherwise only a classic unnamed source ("a company spokesperson")
            # stays as written, and anything else gets no speaker.
            later = self.index.described([token.text], len(self.parsed.text))
            if later is not None:
                span = self.parsed.span(sub[0].idx, sub[-1].idx + len(sub[-1]))
                return Speaker(name=later.name, span=span, kind="person", role=self.roles.get(later.name))
            if token.lower_ not in UNNAMED_HEADS or self._introduced_next(token):
                # "... an expert has claimed. / Royal commentator Lee Cohen was ...": the
                # description may be the person named next (tabloid leads) or someone
                # else; two readings, so no speaker.
                return None
        s, e = sub[0].idx, sub[-1].idx + len(sub[-1])
        if e - s > MAX_SOURCE_CHARS or doc[sub[0].i].is_punct:
            return None
        # "officials", "hundreds of protesters": a group that "they" can refer back to.
        kind: SpeakerKind = "group" if token.tag_ in ("NNS", "NNPS", "CD") else "other"
        if kind == "other" and named and token.lower_ in ORG_NOUNS | GOVERNMENT_WORDS:
            # "The Indian army in a statement said ... It said ...": a body, which "it" can
            # mean, named by its words up to the head on the head's line.
            body = [t for t in sub if t.i <= token.i and self.parsed.same_line(t, token) and not t.is_space]
            while body and body[0].lower_ == "the":
                body.pop(0)
            if body:
                s, e = body[0].idx, token.idx + len(token)
            kind = "organization"
        return Speaker(name=self.parsed.text[s:e], span=self.parsed.span(s, e), kind=kind)

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
        if noun in ORG_NOUNS:
            found = self._org_description(token)
            if found is not None or self.organizations:
                return found
            return replace(as_written, kind="organization")
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
            return found if found is not None or self.index.people else as_written
        # The description's words without determiner or possessor, hyphenated
        # compounds kept whole ("the 45-year-old", "the cheerful owner").
        first = next((t.idx for t in sub if t.dep_ not in ("det", "poss", "case") and t.i > max(
            (c.i for c in sub if c.dep_ in ("det", "poss", "case")), default=-1)), span.start)
        words = self.parsed.text[first : span.end].split()
        person = self.index.described(words, token.idx)
        if person is not None:
            return Speaker(name=person.name, span=span, kind="person", role=self.roles.get(person.name))
        return None if self.index.people else as_written

    def _document_author(self, token: Token) -> Speaker | None:
        """Who wrote the document ``token`` heads, from its own phrase or clause, else from before.

        "Mr Bowen's annual climate statement will reveal" (the possessor),
        "a report by the agency found" (by/from/of), "acebush1 made another
        post describing ..." (the subject of the verb whose object it is),
        else the owner of the same document named before (``_author``).
        A document shown as its speaker ("another post") would name a thing.
        """
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
        # "a report by the agency", "data released by the NCRB".
        links = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
        links += [a for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in AUTHORING_VERBS
                  for a in c.children if a.dep_ == "agent"]
        for link in links:
            owner = next((c for c in link.children if c.dep_ == "pobj"), None)
            if owner is not None and named(owner):
                return self._proper(owner)
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
        return None

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
        # "the government spokesman said" right after the same person's quotes,
        # unless what the article knows of their role says otherwise.
        last = self.continuing(token.idx)
        if last is not None and last.kind == "person" and (last.role is None or agrees(last.role)):
            return replace(last, span=span)
        return None

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
        named = [o for o in before if noun in o.name.lower().split()]
        if len(named) == 1:
            return Speaker(name=named[0].name, span=span, kind="organization")
        if noun in NATIONAL_GOVERNMENT_WORDS:
            # "The government said" after a committee or a ministry spoke: a country's
            # government is not the body quoted last, so only its name can say which.
            return None
        recent = [o for o in before
                  if any(m.start < token.idx and self.distance(m.start, token.idx) <= 1 for m in o.mentions)]
        if len(recent) == 1:
            return Speaker(name=recent[0].name, span=span, kind="organization")
        for offset, earlier in reversed(self.history):
            if self.distance(offset, token.idx) > 2:
                break
            if earlier.kind == "organization":
                others = [o for o in recent if o.name != earlier.name
                          and any(offset < m.start < token.idx for m in o.mentions)]
                return None if others else replace(earlier, span=span)
        return None

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
            found = self._salient_other(token, wanted)
        if found is None:
            return None
        self.said[key] = found
        return replace(found, span=span)

    def _fits(self, name: str, pronoun: str) -> bool:
        """The person can be the pronoun: gender agrees (or is unknown) and the quote does not name them."""
        gender = self.index.gender(name) or self.genders.get(name.split()[-1])
        if gender is not None and gender != ("f" if pronoun in ("she", "her") else "m"):
            return False
        return not self._named_in_quote(name)

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

    def _salient_person(self, token: Token) -> Speaker | None:
        """A person who became the subject in this paragraph, else the last speaker nearby,
        else the nearest person subject before the pronoun.

        News copy keeps "he said" for the person quoted last; a new speaker is
        introduced by name, usually in the same paragraph. Gender known from
        honorifics rules candidates out.
        """
        low = token.lower_
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
            introduced = bare and self.parsed.paragraph_of(t.idx) == para - 1
            appositive = any(c.dep_ == "appos" for c in t.children)
            if self.parsed.paragraph_of(t.idx) != para and not appositive and not introduced:
                continue
            # "Fischer's mother, Adrianne Fischer, is a driver": the name in apposition.
            for c in (t, *(c for c in t.children if c.dep_ == "appos")):
                if c.ent_type_ == "PERSON" or c.pos_ == "PROPN":
                    found = self._proper(c)
                    if found is not None and found.kind == "person":
                        found = self.namesake(found, self.parsed.text[c.idx : c.idx + len(c)], low)
                    elsewhere = self.parsed.paragraph_of(t.idx) != para and not appositive
                    if elsewhere and found is not None and not self._first_mention_in(found.name, t.idx):
                        # "Mr Makama then sold the lease": a person named before is no
                        # introduction; the paragraph may still report the last speaker.
                        found = None
                    if found is not None and found.kind == "person" and self._fits(found.name, low):
                        return found if not self._rival(found.name, t.idx, token) else None
        if last is not None and any(last[0] < u < token.idx for u in self.unknown_people):
            last = None
        if last is not None and self._fits(last[1].name, low) and self._chain(last[0], last[1].name, token):
            return last[1]
        # Farther back: a person subject, or the person whose thing was the subject
        # ("Giuffre's allegations have changed. She said ...").
        # A crosshead starts a new section: nobody before it is "he" after it.
        section = self._section_start(token.idx)
        for t in reversed([t for t in self._subjects_before(token, 3) if t.idx > max(floor, section)]):
            for c in (t, *(c for c in t.children if c.dep_ in ("poss", "appos"))):
                if c.ent_type_ == "PERSON" or c.pos_ == "PROPN":
                    found = self._proper(c)
                    if found is not None and found.kind == "person" and self._fits(found.name, low):
                        return found if not self._rival(found.name, c.idx, token) else None
        return None

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

    def _rival(self, name: str, since: int, token: Token) -> bool:
        """The candidate's own verb has a second person who could be the pronoun.

        "John Smith met Peter Brown in Paris. He said ...": Smith and Brown are
        both arguments of "met", so two readings fit and the pronoun gets
        nobody. A person only mentioned further off ("Lacerda described how
        Maxwell recruited ...") does not compete with the subject, which news
        prose keeps as the one "she" means.
        """
        low = token.lower_
        subject = self.parsed.tokens_in(since, since + 1)
        if not subject:
            return False
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
            elif t.ent_type_ == "PERSON" or t.pos_ == "PROPN":
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
            if t.pos_ in ("NOUN", "NUM") and any(x.tag_ == "NNS" for x in t.subtree):
                found = self._common(t)
                if found is not None and found.kind == "group":
                    return found
            if t.lower_ in PERSONAL_PRONOUNS or t.pos_ == "PROPN":
                break
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

    def _introduced_next(self, token: Token) -> bool:
        """A person is first named, as a subject, in the token's paragraph after it or in the next one."""
        para = self.parsed.paragraph_of(token.idx)  # 1-based: the next paragraph is [para]
        if para == 0 or para >= len(self.article.paragraphs):
            return False
        end = self.article.paragraphs[para].end
        for t in self.parsed.tokens_in(token.idx + len(token), end):
            if t.dep_ in SUBJECT_DEPS and t.ent_type_ == "PERSON" and not self._in_quote.contains(t.idx):
                found = self._proper(t)
                if found is not None and found.kind == "person" and self._first_mention_in(found.name, t.idx):
                    return True
        return False

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
