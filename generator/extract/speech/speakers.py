"""Who a reporting verb's subject is: full names, roles, unnamed sources; the resolver itself.

Notes:
    Names are resolved against the article itself (its PERSON spans and the
    people list) rather than trusting one source: the constructor gathers
    every full form a person is given, and ``naming`` maps a surname, an
    honorific form ("Mr Bowen") or a first name to the one form that fits.
    Pronouns (``pronouns``), descriptions (``descriptions``), bodies
    (``bodies``) and what carries over between quotations (``continuity``)
    are the resolver's other parts; ``discourse`` holds what they share.
    Anything doubtful is ``None``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.entities.acronyms import expansions
from generator.extract.spans import SpanIndex
from generator.extract.speech.bodies import OrganizationResolution
from generator.extract.speech.continuity import ContinuityResolution
from generator.extract.speech.descriptions import DescriptionResolution, described_as_person
from generator.extract.speech.discourse import (
    DEFINITE_DETERMINERS,
    MAX_SOURCE_CHARS,
    NAME_DEPS,
    NAME_LABELS,
    NUMERIC_LABELS,
    PLACE_LABELS,
    SUBJECT_DEPS,
    Range,
    Speaker,
    SpeakerKind,
    is_heading,
)
from generator.extract.speech.names import name_words, nicknames, norm
from generator.extract.speech.naming import NameResolution
from generator.extract.speech.people import PeopleIndex
from generator.extract.speech.pronouns import PronounResolution
from generator.lexicon.dates import ERAS
from generator.lexicon.organizations import GOVERNMENT_WORDS, ORG_NOUNS, ORG_WORDS
from generator.lexicon.people import (
    FEMALE_WORDS,
    MALE_WORDS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    UNNAMED_HEADS,
)
from generator.lexicon.places import side_of
from generator.lexicon.speech import (
    DOCUMENT_NOUNS,
    FIRST_SECOND_PERSON,
    NEUTER_PRONOUNS,
    PERSONAL_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
    THING_RELATIVES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from generator.model import Entity
    from generator.nlp import Parsed

__all__ = ["SUBJECT_DEPS", "Resolver", "Speaker", "SpeakerKind", "is_heading"]


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


def _stretch(head: Token) -> tuple[int, int]:
    """The unbroken run of ``head``'s subtree around it, as token indices.

    A non-projective parse can hang a phrase from beyond the verb on the
    subject ("The Cepes researcher recalls what happened in Cuyo, a 50-family
    community ...": the apposition is made the researcher's), and the
    subtree's first and last words then take the verb and its clause into
    the source as written. The source is the words around its head that
    the subtree covers without a gap.
    """
    covered = {t.i for t in head.subtree}
    lo = hi = head.i
    while lo - 1 in covered:
        lo -= 1
    while hi + 1 in covered:
        hi += 1
    return lo, hi


class Resolver(PronounResolution, DescriptionResolution, OrganizationResolution, ContinuityResolution,
               NameResolution):
    """Resolve subjects to speakers for one article, remembering who spoke last."""

    def __init__(
        self, parsed: Parsed, people: tuple[Entity, ...], organizations: tuple[Entity, ...],
        quoted: tuple[tuple[int, int], ...] = (),
    ) -> None:
        self.parsed = parsed
        self.doc = doc = parsed.doc
        self.quoted = quoted
        """Quotations (start, end): words inside them are no antecedents."""
        self._in_quote = SpanIndex(Range(a, b) for a, b in quoted)
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
            elif token.pos_ == "PROPN" and not token.ent_type_:
                # "Amit Mehrotra, an analyst for Deutsche Bank, ...": untagged, but described as a person.
                start, end = self._name_tokens(token)
                # "Royce Mendes, Desjardins Economics managing director, ...": the parse may
                # cut the given name off as a fragment of its own; the word right before on
                # the same line, capitalised and untagged, is still part of the name.
                while (start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper()
                       and not doc[start - 1].ent_type_ and doc[start - 1].whitespace_ == " "
                       and doc[start - 1].idx + len(doc[start - 1]) + 1 == doc[start].idx and end - start < 4):
                    start -= 1
                words = tuple(t.text for t in doc[start:end])
                if described_as_person(token, words):
                    self.forms.append((doc[start].idx, name_words(" ".join(words))))
        for person in people:
            for form in (person.name, *person.aliases):
                words = name_words(form)
                if words:
                    start = person.mentions[0].start if person.mentions else 0
                    self.forms.append((start, words))
        self.forms.sort()
        self.nicknames = nicknames(parsed.text)
        self.surnames = {form[-1] for _, form in self.forms if len(form) >= 2}
        """Last words of the full names the article gives, against which a lone surname is checked for a misspelling."""
        self.roles: dict[str, str] = {}
        self.genders = _genders(doc)
        self.index = PeopleIndex(parsed, people)
        self.mentions = sorted((m.start, p.name) for p in people for m in p.mentions)
        self.people_names = frozenset(p.name for p in people)
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
        self.authors: list[tuple[int, Speaker]] = []
        self.history: list[tuple[int, Speaker]] = []
        self.unknown: list[int] = []
        """Offsets of attributions whose subject could not be named: nothing carries over them."""
        self.unknown_people: list[int] = []
        """The subset whose subject could be a person: "he"/"she" do not reach back over them
        (an unnamed "contract says" or "the statement read" does not hide who "he" is)."""

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
                found = self._subject(antecedent)
                if found is not None and found.kind == "person" and low in THING_RELATIVES:
                    # "which" is never a person: the parse hung the clause on the wrong noun.
                    return self._thing_antecedent(antecedent, found)
                return found
            return None
        if low in FIRST_SECOND_PERSON:
            # "I", "we", "you" outside a quotation point at nobody the article names.
            return None
        if token.pos_ == "PRON" or low in PERSONAL_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS:
            return self.pronoun(token)
        together = self._coordination(token)
        if together is not None:
            return together
        # "X's chief economist, David-Alexandre Brassard": the name in apposition speaks;
        # not a name inside a person's own apposition ("Claudio Angelo, the coordinator
        # at Observatório do Clima": the subject is already the person).
        for t in token.subtree if token.ent_type_ != "PERSON" else ():
            named = t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.ent_type_ not in PLACE_LABELS)
            if t.dep_ == "appos" and named and t.i != token.i and "\n" not in self.parsed.text[token.idx : t.idx]:
                found = self._proper(t)
                if found is not None and found.kind == "person":
                    return found
        partitive = self._one_of(token)
        if partitive is not None:
            return partitive
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
        # The tagger's span can take the full stop after a closing name ("says Rhoads."):
        # "Rhoads." is no form of "Elizabeth Rhoads", and the surname would go unresolved.
        # It can also stop inside a bracket ("the British Bankers' Association (BBA"): an
        # opening bracket the span does not close starts no part of the name.
        opened = next((i for i, t in enumerate(toks) if t.text == "("), None)
        if opened is not None and not any(t.text == ")" for t in toks[opened:]):
            toks = toks[:opened]
        while toks and toks[-1].is_punct:
            toks.pop()
        if not toks:
            return None
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        text = self.parsed.text[s:e]
        label = ent[0] if ent else None
        words = {w.lower().strip(".,") for w in text.split()}
        span = self.parsed.span(s, e)
        if words and all(w in ROLE_NOUNS for w in words):
            # "the King said", tagged a place or nothing: a title alone is the one person
            # introduced with it before ("King Charles"), or nobody.
            name = self.person_name(text, s)
            if name:
                return Speaker(name=name, span=span, kind="person", role=self.roles.get(name))
            return self._titled_heading(toks)
        if label in ("GPE", "LOC", "NORP") and token.i == end - 1:
            return Speaker(name=norm(text), span=span, kind="place")
        # The tagger often calls a name it has seen as a person something else
        # ("said Mendes" as a product): a known person's name wins unless it is a place.
        person_like = label == "PERSON" or (
            label not in PLACE_LABELS and not words & ORG_WORDS and self._known_person(text)
        ) or (label is None and described_as_person(token, tuple(t.text for t in toks)))
        if person_like:
            name = self.person_name(text, s)
            if name is None:
                return self._titled_heading(toks)
            role = self._role(token, start) or self.roles.get(name)
            if role:
                self.roles.setdefault(name, role)
            return Speaker(name=name, span=span, kind="person", role=role)
        titled = self._titled_heading(toks)
        if titled is not None:
            return titled
        if label == "ORG" or words & ORG_WORDS:
            return Speaker(name=self.org_name(text), span=span, kind="organization")
        if label is None and len(toks) == 1:
            # A lone capitalised word with no entity label: a surname the list may know.
            name = self.person_name(text, s)
            if name is not None and any(len(f) >= 2 and f[-1] == toks[0].text for _, f in self.forms):
                return Speaker(name=name, span=span, kind="person", role=self.roles.get(name))
        return None

    def _one_of(self, token: Token) -> Speaker | None:
        """'one of the survivors', 'one of his neighbours': an unnamed source, as written.

        A number is no speaker, but "one" with "of" and a plural noun for
        people picks one person out of a group the article names no further;
        the phrase is all the name the source has.
        """
        if token.lower_ != "one":
            return None
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        people = ROLE_NOUNS | PERSON_NOUNS | UNNAMED_HEADS
        if group is None or group.tag_ != "NNS" or group.lemma_.lower() not in people:
            return None
        if "\n" in self.parsed.text[token.idx : group.idx]:
            return None
        start, end = token.idx, group.idx + len(group)
        return Speaker(name=norm(self.parsed.text[start:end]), span=self.parsed.span(start, end), kind="other")

    def _titled_heading(self, toks: list[Token]) -> Speaker | None:
        """'Indian Foreign Secretary says ...' as a heading: the person so titled right below.

        A capitalised title with no name ("Indian Foreign Secretary") names
        nobody by itself; in a heading it stands for the person given that
        title in the entry below (``heading_title``). The title words and the
        country must agree with that person's title.
        """
        places = [t for t in toks if t.ent_type_ in ("GPE", "NORP")]
        wanted = {t.lower_ for t in toks if t not in places and t.lower_ not in ("'s", "\u2019s")}
        if not wanted or toks[-1].lower_ not in ROLE_NOUNS:
            return None
        sides = {side_of(t.text) for t in places} - {None}

        def agrees(role: str | None) -> bool:
            if role is None or not wanted <= set(re.findall(r"[\w-]+", role.lower())):
                return False
            return not sides or side_of(role) in sides

        return self.heading_title(toks[-1], agrees) or self._heading_introduction(toks[-1])

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
        lo, hi = _stretch(token)
        sub = [t for t in token.subtree if t.i not in relative and lo <= t.i <= hi]
        # ... and up to the first comma after the head ("lawmakers on the committee, led by ...").
        # A dash or bracket after the head opens an aside too ("analysts at X wrote — citing ...").
        comma = next((t.i for t in sub if t.i > token.i and t.text in (",", "\u2014", "\u2013", "--", "(")), None)
        sub = [t for t in sub if comma is None or t.i < comma]
        while sub and (sub[-1].is_punct or sub[-1].dep_ in ("cc",)):
            sub.pop()
        while sub and sub[0].is_punct and sub[0].i < token.i:
            sub.pop(0)  # a closing quotation mark the parse hung on the subject ("...,” analysts at X wrote")
        if not sub:
            return None
        dets = [t for t in token.children if t.dep_ in ("det", "poss")]
        definite = bool(dets) and (dets[0].dep_ == "poss" or dets[0].lower_ in DEFINITE_DETERMINERS)
        indefinite = bool(dets) and dets[0].lower_ in ("a", "an")
        # A description holding a name ("The National Security Committee", "the
        # Ministry of Foreign Affairs spokesperson") is written as it stands.
        # A place does not name a person: "the Florida fan" is a description still.
        named = any(t.pos_ == "PROPN" and t.i < token.i and not (
            token.lower_ in PERSON_NOUNS and t.ent_type_ in PLACE_LABELS) for t in sub if t.dep_ != "poss")
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
        if not dets and not named and token.tag_ in ("NN", "NNS") and self._in_heading(token):
            # "Teacher at Southport hub brands ...": headline style, whom the entry below names.
            return self._headline_bare(token)
        if indefinite and not named:
            # "an expert has claimed", "a Spotify executive": the person named next, or as written.
            decided, found = self._indefinite(token, sub)
            if decided:
                return found
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

