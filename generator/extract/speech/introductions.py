"""Unnamed people an article puts on stage: "an expert has claimed", a headline's "Teacher ...".

Notes:
    An indefinite description introduces someone; whether the article names
    them depends on where it stands. In a story's lead the name is often
    held back for the next paragraph ("..., an expert has claimed. / Royal
    commentator Lee Cohen ..."); further down an indefinite is a new,
    unnamed source; a headline drops its article altogether and stands for
    the phrase the entry below introduces. This part finds those
    introductions and who they may be; ``descriptions`` (definite ones,
    "the minister") asks it. Split from ``descriptions``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from generator.extract.speech.discourse import SUBJECT_DEPS, Discourse, Speaker, SpeakerKind, is_heading
from generator.extract.speech.names import norm
from generator.lexicon.people import PERSON_NOUNS, ROLE_NOUNS, UNNAMED_HEADS
from generator.lexicon.speech import SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

LEAD_PARAGRAPHS = 3
"""Paragraphs of a story's lead, where a name may be held back for the paragraph after."""
HEADING_WORDS = 25
"""A line without a sentence stop and at most this many words is set as a headline (subheadlines are long)."""



class IntroductionResolution(Discourse):
    """Indefinite and headline descriptions: who they introduce, and whom the article names next."""

    def _in_lead(self, token: Token) -> bool:
        """The token is in a story's lead: its first paragraphs, or the first paragraph under a heading.

        Live reports and tabloid round-ups stack entries under crossheads, and
        each entry opens like a story of its own ("... according to a royal
        correspondent. / Rebecca English recalled: ...").
        """
        para = self.parsed.paragraph_of(token.idx)  # 1-based; 0 for the headline
        if para == 0 or para <= LEAD_PARAGRAPHS:
            return True
        return is_heading(self.article.paragraphs[para - 2].text)

    def _introduced_after(self, token: Token, reach: int, *, fresh: bool = True) -> tuple[list[Speaker], bool]:
        """People first named, as subjects, after ``token`` in its paragraph or the ``reach`` after it.

        Returns the people whose clause reports speech (a speech verb, or a
        verb with a clause for its object: "was discussing how ..."), from
        the first paragraph that names any, and whether anyone at all was
        named there as a new subject. A caption's "X holds a candle" puts a
        person on stage who says nothing. With ``fresh`` False a person
        introduced with a description of their own ("David Keith, who leads
        ...,") is someone new, and counts for nothing.
        """
        para = self.parsed.paragraph_of(token.idx)
        if para == 0:
            return [], False
        last = min(len(self.article.paragraphs), para + reach)
        # After the description's own sentence: who its words are about is not who it is.
        start = max(token.idx + len(token), token.sent.end_char)
        for number in range(para, last + 1):
            end = self.article.paragraphs[number - 1].end
            speaking: dict[str, Speaker] = {}
            anyone = False
            for t in self.parsed.tokens_in(start, end):
                if t.dep_ not in SUBJECT_DEPS or self._in_quote.contains(t.idx):
                    continue
                if t.ent_type_ != "PERSON" and t.pos_ != "PROPN":
                    continue
                found = self._proper(t)
                if found is None or found.kind != "person" or not self._first_mention_in(found.name, t.idx):
                    continue
                if not fresh and any(c.dep_ in ("appos", "relcl") for c in t.children):
                    continue
                anyone = True
                verb = t.head
                if verb.lemma_.lower() in SPEECH_VERBS or any(c.dep_ == "ccomp" for c in verb.children):
                    speaking.setdefault(found.name, found)
            if anyone:
                return list(speaking.values()), True
            start = end
        return [], False

    def _in_heading(self, token: Token) -> bool:
        """The token is in the headline or a line set as one (no sentence stop at its end)."""
        para = self.parsed.paragraph_of(token.idx)
        if para == 0:
            return True
        text = self.article.paragraphs[para - 1].text.rstrip().rstrip("'\"\u2019\u201d")
        return len(text.split()) <= HEADING_WORDS and text[-1:] not in ".!?:"

    def _headline_bare(self, token: Token) -> Speaker | None:
        """'Teacher at Southport hub brands ...', '... after protesters climb up': whom the entry below names.

        Headline style drops the article: a bare description in a heading
        stands for the phrase with the same head noun that the paragraph
        below introduces ("A teacher at a community hub ...", "Just Stop Oil
        protesters"), written as it is there; a heading is no unnamed source
        of its own. Nothing of that noun below gives None.
        """
        para = self.parsed.paragraph_of(token.idx)
        if para >= len(self.article.paragraphs):
            return None
        below = self.article.paragraphs[para]  # 0-based: the paragraph after ``para``
        lemma = token.lemma_.lower()
        for t in self.parsed.tokens_in(below.start, below.end):
            if t.pos_ != "NOUN" or t.lemma_.lower() != lemma or self._in_quote.contains(t.idx):
                continue
            left = [x for x in t.subtree if x.i <= t.i and not x.is_space and x.dep_ != "poss"]
            while left and left[0].is_punct:
                left.pop(0)
            if not left or left[0].idx < below.start:
                return None
            start, end = left[0].idx, t.idx + len(t)
            # "Just Stop Oil protesters": the name whole, though the parse splits it.
            first = left[0]
            while first.i > 0 and not first.is_sent_start and first.text[:1].isupper():
                prev = self.doc[first.i - 1]
                if not prev.text[:1].isupper() or prev.is_sent_start or prev.idx < below.start:
                    break
                first = prev
            start = first.idx
            kind: SpeakerKind = "group" if t.tag_ == "NNS" else "other"
            span = self.parsed.span(token.idx, token.idx + len(token))
            return Speaker(name=norm(self.parsed.text[start:end]), span=span, kind=kind)
        return None

    def _heading_introduction(self, token: Token) -> Speaker | None:
        """'Plymouth MP warns ...' over 'An MP in Plymouth has slammed ... / Luke Pollard posted':
        the person the entry below introduces with the heading's title.

        A heading's bare title stands for the indefinite phrase with the same
        head right below it, and that phrase for whom the entry names next
        (``_indefinite``); a person only, and nothing found gives None.
        """
        para = self.parsed.paragraph_of(token.idx)
        if not self._in_heading(token) or para >= len(self.article.paragraphs):
            return None
        below = self.article.paragraphs[para]  # 0-based: the paragraph after ``para``
        for t in self.parsed.tokens_in(below.start, below.end):
            if t.lower_ != token.lower_ or self._in_quote.contains(t.idx):
                continue
            if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children):
                return None
            decided, found = self._indefinite(t, [x for x in t.subtree if not x.is_space])
            if decided and found is not None and found.kind == "person":
                return replace(found, span=self.parsed.span(token.idx, token.idx + len(token)))
            return None
        return None

    def _introduced_before(self, token: Token) -> bool:
        """An earlier indefinite phrase with the same head noun put someone of that kind on stage."""
        lemma = token.lemma_.lower()
        return any(
            t.lemma_.lower() == lemma and t.pos_ == "NOUN" and not self._in_quote.contains(t.idx)
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
            for t in self.parsed.tokens_in(0, token.idx)
        )

    def _indefinite(self, token: Token, sub: list[Token]) -> tuple[bool, Speaker | None]:
        """'an expert has claimed', 'a teacher at the venue said': (decided, speaker).

        Not decided means the description stands as written, an unnamed
        source. A description the article fits to one person named later
        ("a company spokesperson" and "Jane Roe, a company spokesperson") is
        that person. In a lead, the one person named as speaking in the
        paragraph right after is who it held back ("..., an expert has
        claimed. / Royal commentator Lee Cohen was discussing ..."); anyone
        else named there is two readings and gives nobody. A person named
        two paragraphs on is not looked for (measured: linking that far gave
        an unnamed source's words to the next person named, on unseen news).
        Further down, an anonymous-source head ("a company spokesperson") was
        introduced as unnamed and stays so; another person
        noun ("a teacher at the venue") stays as written unless someone is
        named speaking right after it, who may be them or not. A thing ("a
        voice") is nobody.
        """
        span = self.parsed.span(sub[0].idx, sub[-1].idx + len(sub[-1]))
        later = self.index.described([*_qualifiers(sub, token), token.text], len(self.parsed.text))
        if later is not None and later.first > token.idx:
            # "A local doctor says ..." after Dr Zohaib Ahmed was named: an indefinite
            # puts someone new on stage, not a person the article has already named.
            return True, Speaker(name=later.name, span=span, kind="person", role=self.roles.get(later.name))
        low = token.lower_
        if low not in ROLE_NOUNS | PERSON_NOUNS | UNNAMED_HEADS:
            return True, None
        if self._in_lead(token):
            speaking, anyone = self._introduced_after(token, 1, fresh=False)
            if len(speaking) == 1:
                return True, replace(speaking[0], span=span)
            if speaking or anyone:
                return True, None
            return False, None
        if low in UNNAMED_HEADS:
            return False, None
        if self._introduced_before(token):
            # "A teacher at a community hub ... / And a teacher at the venue said": the
            # same teacher again, or another; two readings.
            return True, None
        speaking, _ = self._introduced_after(token, 1, fresh=False)
        return (True, None) if speaking else (False, None)


def _qualifiers(sub: list[Token], head: Token) -> list[str]:
    """The words that narrow a description beyond its head: "company" in "a company spokesperson",
    "flydubai" in "a spokesperson for flydubai". The person a description stands for must carry
    them in their roles too, or "a spokesperson for the airline" would be the authority's."""
    words = [t.text for t in sub if t.i < head.i and t.dep_ in ("amod", "compound") and t.is_alpha]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at", "from", "with"):
            words += [t.text for t in prep.subtree if t.pos_ in ("PROPN", "NOUN") and t.is_alpha]
    return words
