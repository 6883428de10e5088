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
from typing import TYPE_CHECKING, Literal

from generator.extract.doctext import text_of
from generator.lexicon.organizations import ORG_NOUNS, ORG_WORDS
from generator.lexicon.people import FEMALE_WORDS, HONORIFICS, MALE_WORDS, ROLE_NOUNS
from generator.lexicon.speech import (
    DOCUMENT_NOUNS,
    FIRST_SECOND_PERSON,
    NEUTER_PRONOUNS,
    PERSONAL_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
)
from generator.model import Article, Entity, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SpeakerKind = Literal["person", "group", "organization", "place", "other"]

MAX_SOURCE_CHARS = 160
"""An unnamed source longer than this is a misparse, not a description."""
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
NAME_DEPS = frozenset({"compound", "flat", "nmod"})
_POSSESSIVE = re.compile(r"[\u2019']s?$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    """A resolved speaker: canonical name, where it is mentioned, and a role."""

    name: str
    span: Span
    kind: SpeakerKind
    role: str | None = None


def _norm(text: str) -> str:
    return " ".join(_POSSESSIVE.sub("", text).split()).strip(" ,")


def _name_words(text: str) -> tuple[str, ...]:
    """The words of a name without possessive, titles, honorifics or stray punctuation."""
    words = [w for w in _norm(text).split() if w.lower() not in HONORIFICS]
    # "Communications Minister Fahmi Fadzil": the name starts after the last title word.
    titled = [i for i, w in enumerate(words[:-1]) if w.lower() in ROLE_NOUNS]
    return tuple(words[titled[-1] + 1 :] if titled else words)


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


def _heading(text: str) -> bool:
    """A short line with no sentence punctuation: a crosshead, not prose."""
    return len(text.split()) <= 12 and text.rstrip()[-1:] not in ".!?\"\u201d"


class Resolver:
    """Resolve subjects to speakers for one article, remembering who spoke last."""

    def __init__(
        self, doc: Doc, article: Article, people: tuple[Entity, ...], organizations: tuple[Entity, ...],
        quoted: tuple[tuple[int, int], ...] = (),
    ) -> None:
        self.doc = doc
        self.quoted = quoted
        """Quotations (start, end): words inside them are no antecedents."""
        self.article = article
        self.organizations = organizations
        # Every full form a person is given, with the offset of its first use.
        self.forms: list[tuple[int, tuple[str, ...]]] = []
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                words = _name_words(ent.text)
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
                    self.forms.append((doc[start].idx, _name_words(" ".join(words))))
        for person in people:
            for form in (person.name, *person.aliases):
                words = _name_words(form)
                if words:
                    start = person.mentions[0].start if person.mentions else 0
                    self.forms.append((start, words))
        self.forms.sort()
        self.roles: dict[str, str] = {}
        self.genders = _genders(doc)
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

    # -- names -----------------------------------------------------------

    def person_name(self, text: str, offset: int) -> str | None:
        """The fullest form of the person called ``text``, or None if unclear."""
        words = _name_words(text)
        if not words:
            return None
        fits: set[tuple[str, ...]] = set()
        for _, form in self.forms:
            if len(form) < len(words):
                continue
            if form[-len(words):] == words or (len(words) == 1 and form[0] == words[0]):
                fits.add(form)
        fulls = {f for f in fits if not any(len(g) > len(f) and g[-len(f):] == f for g in fits)}
        if len(fulls) > 1:
            # Two people share the name: the one named most recently before wins.
            before = [form for start, form in self.forms if start < offset and form in fulls]
            if not before:
                return None
            fulls = {before[-1]}
        if not fulls:
            return " ".join(words) if len(words) >= 2 else None
        return " ".join(next(iter(fulls)))

    def org_name(self, text: str) -> str:
        """An organisation's name as the entity list has it, else as written without 'the'."""
        bare = re.sub(r"^(?:the|The)\s+", "", _norm(text))
        for org in self.organizations:
            if bare == org.name or bare in org.aliases:
                return org.name
        return bare

    # -- subjects ----------------------------------------------------------

    def _span(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, text=self.article.body[start:end])

    def _ent(self, token: Token) -> tuple[str, int, int] | None:
        if token.ent_type_ and token.ent_iob_ != "O":
            for ent in self.doc.ents:
                if ent.start <= token.i < ent.end:
                    return ent.label_, ent.start, ent.end
        return None

    def _name_tokens(self, head: Token) -> tuple[int, int]:
        """Token range of the proper name headed by ``head`` (compounds to its left)."""
        start = head.i
        while start > head.left_edge.i:
            prev = self.doc[start - 1]
            if prev.pos_ == "PROPN" and prev.dep_ in NAME_DEPS and prev.head.i >= start:
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
        while left and "\n" in text_of(doc)[left[0].idx : head.idx]:
            left.pop(0)
        for t in head.children:
            if t.dep_ == "appos" and t.i > head.i and t.pos_ in ("NOUN", "PROPN") and t.ent_type_ != "PERSON":
                sub = list(t.subtree)
                while sub and sub[-1].is_punct:
                    sub.pop()
                while sub and sub[0].dep_ == "det" and sub[0].lower_ in ("the", "a", "an"):
                    sub.pop(0)
                if sub:
                    return self.article.body[sub[0].idx : sub[-1].idx + len(sub[-1])]
        if (left and any(t.lower_ in ROLE_NOUNS or t.pos_ == "NOUN" for t in left)
                and (left[0].dep_ == "poss" or left[0].pos_ in ("NOUN", "PROPN", "ADJ"))):
            return self.article.body[left[0].idx : left[-1].idx + len(left[-1])]
        return None

    def subject(self, token: Token) -> Speaker | None:
        """The speaker a subject token stands for, or None when doubtful."""
        low = token.lower_
        # "villagers who claim ...", "figures which showed ...": the relative pronoun's antecedent.
        if low in RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and token.head.head.i != token.i:
            antecedent = token.head.head
            if antecedent.pos_ in ("NOUN", "PROPN") and antecedent.lower_ not in RELATIVE_PRONOUNS:
                return self.subject(antecedent)
            return None
        if token.pos_ == "PRON" or low in PERSONAL_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS:
            return self.pronoun(token)
        if low in FIRST_SECOND_PERSON:
            return None
        # "X's chief economist, David-Alexandre Brassard": the name in apposition speaks.
        for t in token.subtree:
            named = t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.ent_type_ not in PLACE_LABELS)
            if t.dep_ == "appos" and named and t.i != token.i and "\n" not in text_of(self.doc)[token.idx : t.idx]:
                found = self._proper(t)
                if found is not None and found.kind == "person":
                    return found
        if token.pos_ == "PROPN" or self._ent(token):
            return self._proper(token)
        if token.pos_ == "NOUN":
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
        text = self.article.body[s:e]
        label = ent[0] if ent else None
        words = {w.lower().strip(".,") for w in text.split()}
        span = self._span(s, e)
        if label in ("GPE", "LOC", "NORP") and token.i == end - 1:
            return Speaker(name=_norm(text), span=span, kind="place")
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
        words = _name_words(text)
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
        # "Mr Bowen's annual climate statement will reveal": the statement's owner speaks.
        if token.lower_ in DOCUMENT_NOUNS:
            for child in token.children:
                if child.dep_ == "poss" and (child.ent_type_ in ("PERSON", "ORG") or child.pos_ == "PROPN"):
                    return self._proper(child)
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
        dets = [t for t in token.children if t.dep_ == "det"]
        definite = bool(dets) and dets[0].lower_ in ("the", "this", "that") and len(sub) <= 3
        if definite and token.lower_ in ROLE_NOUNS:
            return self._description(token)
        if definite and token.lower_ in ORG_NOUNS:
            found = self._org_description(token)
            if found is not None:
                return found
        if definite and token.tag_ == "NNS":
            # "the lawmakers" after "lawmakers on the House Select Committee ... said".
            for _, earlier in reversed(self.history):
                named = token.lower_ in earlier.name.lower().split() and len(earlier.name) > len(token.text) + 4
                if earlier.kind == "group" and named:
                    return replace(earlier, span=self._span(sub[0].idx, sub[-1].idx + len(sub[-1])))
        s, e = sub[0].idx, sub[-1].idx + len(sub[-1])
        if e - s > MAX_SOURCE_CHARS or doc[sub[0].i].is_punct:
            return None
        # "officials", "hundreds of protesters": a group that "they" can refer back to.
        kind: SpeakerKind = "group" if token.tag_ in ("NNS", "NNPS", "CD") else "other"
        return Speaker(name=self.article.body[s:e], span=self._span(s, e), kind=kind)

    def _description(self, token: Token) -> Speaker | None:
        """'the minister': the last person whose known role has that word."""
        noun = token.lower_
        for _, earlier in reversed(self.history):
            if earlier.kind == "person" and earlier.role and noun in earlier.role.lower():
                return Speaker(name=earlier.name, span=self._span(token.idx, token.idx + len(token)),
                               kind="person", role=earlier.role)
        # The person last given that title before the description.
        for offset, name, role in reversed(self.titled):
            if offset < token.idx and noun in role.lower().split():
                return Speaker(name=name, span=self._span(token.idx, token.idx + len(token)), kind="person", role=role)
        # "the government spokesman said" right after the same person's quotes.
        last = self.continuing(token.idx)
        if last is not None and last.kind == "person":
            return replace(last, span=self._span(token.idx, token.idx + len(token)))
        return None

    def _org_description(self, token: Token) -> Speaker | None:
        """'the bank', 'the ministry': the organisation that spoke last, or the one named so."""
        span = self._span(token.idx, token.idx + len(token))
        noun = token.lower_
        for offset, earlier in reversed(self.history):
            if self.distance(offset, token.idx) > 2:
                break
            if earlier.kind == "organization":
                return replace(earlier, span=span)
        named = [o for o in self.organizations if noun in o.name.lower().split()
                 and any(m.start < token.idx for m in o.mentions)]
        if len(named) == 1:
            return Speaker(name=named[0].name, span=span, kind="organization")
        return None

    def pronoun(self, token: Token) -> Speaker | None:
        """He/she: the person salient just before; they: the last group; it: the last organisation."""
        low = token.lower_
        span = self._span(token.idx, token.idx + len(token))
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
        gender = self.genders.get(name.split()[-1])
        return gender is None or gender == ("f" if pronoun in ("she", "her") else "m")

    def _subjects_before(self, token: Token, paragraphs: int) -> list[Token]:
        """Main-clause subjects before ``token``, nearest last, within a few paragraphs."""
        doc = self.doc
        out: list[Token] = []
        for i in range(token.i - 1, -1, -1):
            t = doc[i]
            if t.dep_ not in SUBJECT_DEPS or any(a <= t.idx < b for a, b in self.quoted):
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
        para = self.article.paragraph_of(token.idx)
        last = next(((o, e) for o, e in reversed(self.history) if e.kind == "person"), None)
        subjects = self._subjects_before(token, 1)
        for t in reversed(subjects):
            if last is not None and t.idx <= last[0]:
                break
            # A person introduced with an appositive ("Katjavivi, one of his friends, ...")
            # takes over even from the paragraph before.
            if self.article.paragraph_of(t.idx) != para and not any(c.dep_ == "appos" for c in t.children):
                continue
            if t.ent_type_ == "PERSON" or t.pos_ == "PROPN":
                found = self._proper(t)
                if found is not None and found.kind == "person" and self._fits(found.name, low):
                    return found
        if last is not None and self._fits(last[1].name, low) and self._chain(last[0], last[1].name, token):
            return last[1]
        # Farther back: a person subject, or the person whose thing was the subject
        # ("Giuffre's allegations have changed. She said ...").
        for t in reversed(self._subjects_before(token, 3)):
            for c in (t, *(c for c in t.children if c.dep_ == "poss")):
                if c.ent_type_ == "PERSON" or c.pos_ == "PROPN":
                    found = self._proper(c)
                    if found is not None and found.kind == "person" and self._fits(found.name, low):
                        return found
        return None

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
        for t in self.doc:
            if not offset < t.idx < token.idx or t.dep_ not in SUBJECT_DEPS:
                continue
            if t.lower_ == low:
                chained.add(self.article.paragraph_of(t.idx))
            elif t.ent_type_ == "PERSON" or t.pos_ == "PROPN":
                other = self._proper(t)
                if other is not None and other.kind == "person" and other.name != name:
                    return False
        return self.distance(offset, token.idx) - len(chained) <= 2

    def _salient_other(self, token: Token, wanted: tuple[SpeakerKind, ...]) -> Speaker | None:
        """'they'/'it': the last group or organisation that spoke, else a plural subject just before."""
        for offset, earlier in reversed(self.history):
            if self.distance(offset, token.idx) > 2:
                break
            if earlier.kind in wanted:
                return earlier
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

    def distance(self, earlier: int, later: int) -> int:
        """Paragraphs between two offsets, not counting headings."""
        a, b = self.article.paragraph_of(earlier), self.article.paragraph_of(later)
        paras = self.article.paragraphs[a : b - 1] if b - 1 > a else ()
        headings = sum(1 for p in paras if _heading(p.text))
        return max(0, b - a - headings)

    def continuing(self, offset: int) -> Speaker | None:
        """The speaker a paragraph that is only a quotation carries on, if any.

        The last speaker, when named at most two paragraphs back and no other
        person has become the subject since (a new person introduced in the
        paragraph before would be the one quoted).
        """
        if not self.history:
            return None
        at, speaker = self.history[-1]
        if self.distance(at, offset) > 2:
            return None
        for token in self.doc:
            if not at < token.idx < offset or token.dep_ not in SUBJECT_DEPS:
                continue
            if token.ent_type_ == "PERSON" or token.pos_ == "PROPN":
                other = self._proper(token)
                if other is not None and other.name != speaker.name:
                    return None
        return speaker

    def remember(self, offset: int, speaker: Speaker) -> None:
        """Record who spoke at ``offset`` for later pronouns and descriptions."""
        self.history.append((offset, speaker))
        if speaker.kind == "person" and speaker.role:
            self.roles.setdefault(speaker.name, speaker.role)
