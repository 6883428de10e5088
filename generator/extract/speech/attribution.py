"""Attributions found in the parse: who is said to say what, through whom.

Notes:
    The rules follow the reporting-clause patterns of attribution corpora
    (PARC 3.0, PolNeAR): a source, a cue and a content span. The spaCy parse
    stays inside this module; what leaves is character spans.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from generator.extract.speech import learned
from generator.extract.speech.quote_marks import quoted_spans
from generator.extract.speech.speakers import Resolver
from generator.lexicon.grammar import EARLIER
from generator.lexicon.organizations import GOVERNMENT_WORDS, SOCIAL_PLATFORMS
from generator.lexicon.outlets import outlet_kind
from generator.lexicon.speech import (
    CITING_VERBS,
    CLAIM_NOUNS,
    COMMENT_NOUNS,
    DENIAL_CUES,
    DOCUMENT_HEADS,
    LABELLING_CUES,
    LOADED_CUES,
    OBJECT_CUES,
    RELATIVE_PRONOUNS,
    SOURCE_ANAPHORS,
    SOURCE_VERBS,
)
from generator.model import Entity, SourceFlag, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from generator.nlp import Parsed



@dataclass(frozen=True, slots=True, kw_only=True)
class Found:
    """One attribution in the text, before it is named and classified."""

    source: Span
    head: str
    proper: bool
    content: Span | None
    cue: str
    cue_lemma: str
    via: Span | None = None
    role: str | None = None
    entity: str = ""
    """The tagger's entity label on the head word (PERSON, ORG, GPE...), for names the article lists nowhere."""
    person: str | None = None
    """Canonical name when the source (or the pronoun standing for it) is one of the article's people."""
    flags: tuple[SourceFlag, ...] = ()
    learned: bool = False
    """Found by the trained tagger, whose source model picked ``source`` as the one the cue attributes to."""
    written: Span | None = None
    """The source as the text writes it where that differs from ``source`` ("who" for "officials who said")."""


def _is_attribution_verb(tok: Token) -> bool:
    return tok.lemma_.lower() in SOURCE_VERBS and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _clause(verb: Token, comp: Token) -> list[Token]:
    """The content clause: ``comp``'s subtree on its side of the cue, cut before comments.

    Nested attributions in a trailing relative clause (", which local officials
    say ...") and dash appositives ("— a move first reported by ...") are
    someone else's words or the writer's, so the content stops before them.
    """
    after = comp.i > verb.i
    drop: set[int] = set()
    for tok in comp.subtree:
        if tok.dep_ == "relcl" and _is_attribution_verb(tok):
            drop.update(t.i for t in tok.subtree)
        before = tok.doc[tok.left_edge.i - 1].text if tok.left_edge.i > 0 else ""
        comment = before in ("—", "–") or (before == "," and tok.lower_ in COMMENT_NOUNS)
        if tok.dep_ in ("appos", "npadvmod") and comment:
            drop.update(t.i for t in tok.subtree)
        if tok.lower_ == "according" and tok.head.i == comp.i:
            drop.update(t.i for t in tok.subtree)  # "..., according to TASS": the via, not the content
    tokens = [t for t in comp.subtree if (t.i > verb.i) == after and t.i not in drop]
    run: list[Token] = []
    for tok in tokens:  # the first contiguous run
        if run and tok.i != run[-1].i + 1 and not all(comp.doc[j].i in drop or comp.doc[j].is_punct
                                                       for j in range(run[-1].i + 1, tok.i)):
            break
        run.append(tok)
    while run and (run[-1].i in drop or run[-1].text in (",", "—", "–")):
        run.pop()
    return run


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        # "Russia's state news agency TASS cited": the parser may give two subjects; the name is nearest.
        return subjects[-1] if subjects[-1].i < verb.i else subjects[0]
    # "adding that ...", "and warned that ...": the subject of the governing verb.
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
        if verb.dep_ == "advcl" and verb.tag_ != "VBG":
            return None
        if verb.dep_ == "conj" and verb.head.lemma_.lower() not in SOURCE_VERBS:
            return None  # "admitted the company is building ... but insisted": not the company's words
        return _subject(verb.head)
    return None


def _phrase(tok: Token) -> list[Token]:
    """The words naming a source: its noun phrase without clauses, appositions or conjuncts."""
    skip = {"relcl", "appos", "acl", "punct", "cc", "conj", "advmod"}
    if tok.pos_ == "PROPN":
        skip |= {"det"}
    out: list[Token] = [tok]
    stack = list(tok.children)
    while stack:
        child = stack.pop()
        inner_name = child.head.i != tok.i and child.pos_ in ("PROPN", "CCONJ") and child.dep_ in ("cc", "conj")
        if (child.dep_ in skip and not inner_name) or (
                tok.pos_ == "PROPN" and child.dep_ == "prep" and not _name_part(child)):
            continue  # but "Citizenship and Immigration" inside a name stays
        if child.dep_ == "poss" and tok.pos_ == "PROPN" and tok.lower_ not in GOVERNMENT_WORDS:
            continue  # "Russia's state news agency TASS" is TASS; "Ukraine's General Staff" keeps Ukraine
        out.append(child)
        stack.extend(child.children)
    out.sort(key=lambda t: t.i)
    # keep the contiguous run around the head
    lo = hi = out.index(tok)
    while lo > 0 and out[lo - 1].i == out[lo].i - 1:
        lo -= 1
    while hi < len(out) - 1 and out[hi + 1].i == out[hi].i + 1:
        hi += 1
    return out[lo : hi + 1]


def source_phrase(parsed: Parsed, tok: Token) -> Span | None:
    """The source as written around its head word ("he", "a senior official", "Mr. Trump")."""
    return parsed.token_span(_phrase(tok))


def _name_part(prep: Token) -> bool:
    """"Ministry of Defense", "Commission on Presidential Debates": a preposition inside a name."""
    if prep.lower_ == "of":
        return True
    return prep.lower_ in ("on", "for") and any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in prep.children)


def _role(tok: Token, text: str) -> str | None:
    for child in tok.children:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and child.i > tok.i:
            toks = [t for t in child.subtree if not t.is_space]
            return text[toks[0].idx : toks[-1].idx + len(toks[-1].text)].strip(" ,")
    return None


class _Finder:
    """The rules, sharing the document and the article's people."""

    def __init__(self, parsed: Parsed, people: tuple[Entity, ...], organizations: tuple[Entity, ...]) -> None:
        self.parsed = parsed
        # The same resolver the quotes use: one set of rules for who "he" or "she" is.
        self.resolver = Resolver(parsed, people, organizations)
        self.doc = parsed.doc
        self.text = parsed.text
        self.people = people
        self.mentions = sorted((m.start, m.end, p.name) for p in people for m in p.mentions)

    def person_at(self, start: int, end: int) -> str | None:
        for m_start, m_end, name in self.mentions:
            if m_start < end and start < m_end:
                return name
        return None

    def antecedent(self, pron: Token) -> Token | None:
        """What a relative pronoun subject stands for ("officials who said ..."); personal
        pronouns go to the speaker resolver."""
        if pron.lower_ in RELATIVE_PRONOUNS and pron.head.dep_ == "relcl":
            noun = pron.head.head
            # "a fellow at the European Council ... who ran": the fellow, not the Council.
            while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
                noun = noun.head.head
            return noun
        return None

    def source(self, subj: Token, verb: Token, content: Span | None, cue: str,
               flags: tuple[SourceFlag, ...] = (), via: Span | None = None) -> Iterator[Found]:
        target: Token | str | None = subj
        if subj.lower_ in SOURCE_ANAPHORS:
            speaker = self.resolver.subject(subj, (content.start, content.end) if content else None)
            target = speaker.name if speaker is not None and speaker.kind == "person" else None
            if speaker is not None:
                self.resolver.remember(subj.idx, speaker)
            else:
                self.resolver.forget(subj.idx)
        elif subj.pos_ == "PRON":
            target = self.antecedent(subj)
        if target is None:
            return
        written = Span(start=subj.idx, end=subj.idx + len(subj.text), text=subj.text)
        if isinstance(target, str):
            yield Found(source=Span(start=subj.idx, end=subj.idx + len(subj.text), text=subj.text), head=subj.lower_,
                        proper=True, content=content, cue=cue, cue_lemma=verb.lemma_.lower(), via=via,
                        person=target, flags=flags, written=written)
            return
        for head in (target, *[c for c in target.conjuncts if c.i > target.i]):
            span = self.parsed.token_span(_phrase(head))
            if span is None:
                continue
            person = None if head.lower_ in GOVERNMENT_WORDS else self.person_at(head.idx, head.idx + len(head))
            yield Found(source=span, head=head.text, proper=head.pos_ == "PROPN", content=content, cue=cue,
                        cue_lemma=verb.lemma_.lower(), via=via, role=_role(head, self.text), person=person,
                        entity=head.ent_type_, flags=flags, written=written if subj.pos_ == "PRON" else None)

    def via_of(self, verb: Token) -> Span | None:
        """An outlet or platform the words reached us through: told TASS, said on Telegram."""
        comps = [c for c in verb.children if c.dep_ == "ccomp"]
        for child in (*verb.children, *(c for comp in comps for c in comp.children if c.lower_ == "according")):
            if child.dep_ in ("dative", "dobj"):
                name = self.parsed.token_span(_phrase(child))
                if name is not None and outlet_kind(name.text) is not None:
                    return name
            if child.dep_ == "prep" and child.lower_ in ("on", "in", "to", "with"):
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    name = self.parsed.token_span(_phrase(obj))
                    if name and (name.text in SOCIAL_PLATFORMS or outlet_kind(name.text) is not None):
                        return name
                    for sub in obj.children:  # "in an interview with the BBC"
                        if sub.dep_ == "prep" and sub.lower_ == "with":
                            inner = [o for o in sub.children if o.dep_ == "pobj"]
                            partner = self.parsed.token_span(_phrase(inner[0])) if inner else None
                            if partner is not None and outlet_kind(partner.text) is not None:
                                return partner
            if child.dep_ == "prep" and child.lower_ == "according":
                for to in child.children:
                    objs = [o for o in to.children if o.dep_ == "pobj"]
                    name = self.parsed.token_span(_phrase(objs[0])) if objs else None
                    if name is not None and outlet_kind(name.text) is not None:
                        return name
        return None

    def verb(self, verb: Token) -> Iterator[Found]:
        lemma = verb.lemma_.lower()
        if verb.head.lower_ == "as" and verb.head.head.lemma_.lower() in CITING_VERBS:
            return  # "cited X as saying": the chain rule
        comp, cue = None, verb.text
        for child in verb.children:
            if child.dep_ == "ccomp":
                comp = child
                break
        if comp is None:
            for child in verb.children:
                if child.dep_ == "dobj" and child.lower_ in CLAIM_NOUNS:
                    clause = [c for c in child.children if c.dep_ in ("acl", "ccomp", "relcl")
                              and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)]
                    if clause:
                        comp, cue = clause[0], f"{verb.text} {child.text} that"
                        break
        if comp is None and lemma == "describe":
            as_ = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
            objs = [o for o in as_[0].children if o.dep_ == "pobj"] if as_ else []
            if objs:
                gap = " " if as_[0].i == verb.i + 1 else " ... "  # "described as", "described the deal as"
                comp, cue = objs[0], f"{verb.text}{gap}as"
        if comp is None and verb.dep_ == "parataxis" and lemma in ("say", "add", "note", "argue", "write"):
            # "Acts of protest, Mr. Obama said, are acts of patriotism": the host clause around the cue.
            subj = _subject(verb)
            own = {t.i for t in verb.subtree}
            # The parser may hang the host's own subject on the cue ("The museum, Carter said, would ...").
            for other in verb.children:
                if other.dep_ == "nsubj" and (subj is None or other.i != subj.i) and other.i < verb.i:
                    own -= {t.i for t in other.subtree}
            host = [t for t in verb.head.subtree if t.i not in own and not t.is_space]
            cue_start = min(own)
            if any(t.i < cue_start for t in host) and any(t.i > verb.right_edge.i for t in host):
                content = self.parsed.token_span([t for t in host if t.i >= host[0].i])
                if content is not None:  # the whole stretch, the cue inside it
                    end = max(t.idx + len(t) for t in host if not t.is_punct)
                    content = Span(start=content.start, end=end, text=self.text[content.start : end])
            else:
                content = self.parsed.token_span(host)
            if subj is not None and content is not None:
                yield from self.source(subj, verb, content, cue, via=self.via_of(verb))
            return
        if comp is None:
            return
        content = self.parsed.token_span(_clause(verb, comp))
        subj = _subject(verb)
        if subj is None or content is None:
            return
        flags: list[SourceFlag] = []
        if lemma in LOADED_CUES:
            flags.append("loaded_cue")
        if lemma in DENIAL_CUES:
            flags.append("denied")
        if lemma == "report" and any(c.lower_ in EARLIER for c in verb.children):
            flags.append("first_reported")
        # "X, citing Y, said that ...": Y is the source, X the outlet passing it on.
        cited = [c for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() in CITING_VERBS]
        if cited:
            objs = [o for o in cited[0].children if o.dep_ == "dobj"]
            if objs:
                via = self.parsed.token_span(_phrase(subj))
                yield from self.source(objs[0], verb, content, f"citing ... {verb.text}", tuple(flags), via=via)
        yield from self.source(subj, verb, content, cue, tuple(flags), via=self.via_of(verb))

    def cited(self, verb: Token) -> Iterator[Found]:
        """TASS cited a Foreign Ministry official as saying that ...: the official via TASS, and TASS."""
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        as_ = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
        subj = _subject(verb)
        if not objs or not as_ or subj is None:
            return
        saying = [c for c in as_[0].children if c.dep_ in ("pcomp", "pobj") and c.lemma_.lower() in SOURCE_VERBS]
        comps = [c for c in saying[0].children if c.dep_ == "ccomp"] if saying else []
        if not comps:
            return
        content = self.parsed.token_span(_clause(saying[0], comps[0]))
        if content is None:
            return
        cue = f"{verb.text} ... as {saying[0].text}"
        via = self.parsed.token_span(_phrase(subj))
        yield from self.source(objs[0], verb, content, cue, via=via)
        yield from self.source(subj, verb, content, cue)

    def according(self, tok: Token) -> Iterator[Found]:
        """According to X, CONTENT / CONTENT, according to X."""
        to = [c for c in tok.children if c.lower_ == "to"]
        objs = [o for o in to[0].children if o.dep_ == "pobj"] if to else []
        if not objs:
            return
        src = objs[0]
        host = tok.head
        if _is_attribution_verb(host) and host.i != tok.i:
            return  # "X said, according to TASS": a via of X's claim
        if host.dep_ == "ccomp" and _is_attribution_verb(host.head) and outlet_kind(src.text) is not None:
            return  # "X said the border would stay closed, according to TASS": the same
        # "according to a statement from the Kremlin": the Kremlin.
        if src.lower_ in DOCUMENT_HEADS:
            for prep in src.children:
                inner = [o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
                if prep.lower_ in ("by", "from", "of") and inner:
                    src = inner[0]
        phrase = set(t.i for t in tok.subtree)
        scope = list(host.subtree) if host.i != tok.i and host.pos_ in ("VERB", "AUX") else list(tok.sent)
        rest = [t for t in scope if t.i not in phrase and not t.is_space]
        before = [t for t in rest if t.i < tok.i and not t.is_punct]
        after = [t for t in rest if t.i > max(phrase) and not t.is_punct]
        if before and after:
            content = self.parsed.token_span(rest)
        else:
            content = self.parsed.token_span([t for t in rest if (t.i < tok.i) == bool(before)])
        if content is None:
            return
        yield from self.source(src, tok, content, "according to")

    def first_reported(self, verb: Token) -> Iterator[Found]:
        """A move first reported by the Financial Times: the outlet that broke the story."""
        if not any(c.lower_ in EARLIER for c in verb.children):
            return
        agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        if not agents or verb.dep_ not in ("acl", "advcl"):
            return
        noun = verb.head if verb.dep_ == "acl" else verb
        clause_head = noun.head
        if clause_head.i == noun.i:
            return
        own = set(t.i for t in noun.subtree)
        tokens = [t for t in clause_head.subtree if t.i < noun.left_edge.i and t.i not in own]
        if verb.dep_ == "advcl" or clause_head.dep_ == "ROOT":
            tokens = [t for t in clause_head.sent if t.i < noun.left_edge.i and t.i not in own]
        content = self.parsed.token_span(tokens)
        if content is not None:
            yield from self.source(agents[0], verb, content, f"first {verb.text} by", ("first_reported",))

    def nominal(self, noun: Token) -> Iterator[Found]:
        """Moscow's claims that ...: a claim noun with its owner and a that-clause."""
        owners = [c for c in noun.children if c.dep_ == "poss"]
        clause = [c for c in noun.children if c.dep_ in ("acl", "ccomp")
                  and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)]
        if not owners or not clause or owners[0].pos_ not in ("PROPN", "NOUN"):
            return
        content = self.parsed.token_span(_clause(noun, clause[0]))
        if content is None:
            return
        flags: tuple[SourceFlag, ...] = ("loaded_cue",) if noun.lemma_.lower() in LOADED_CUES else ()
        yield from self.source(owners[0], noun, content, f"{noun.text} that", flags)


MIN_CLAIM_WORDS = 3
"""Fewer words of content than this from the tagger are an object ("the bill"), not a claim."""


def _learned(parsed: Parsed, finder: _Finder, found: list[Found]) -> Iterator[Found]:
    """What the trained tagger finds beyond the rules (``learned.py``), named by the same resolver.

    A rule's attribution wins where both cover the same words: the rules know
    chains, outlets and flags the tagger does not.
    """
    weights = learned.load_weights()
    if weights is None:
        return
    quoted = [(q.start, q.end) for q in quoted_spans(parsed.text, parsed.blocks)]
    taken = sorted((f.content.start, f.content.end) for f in found if f.content is not None)
    doc = parsed.doc
    for tagged in learned.tag(parsed, weights, quoted):
        if tagged.source is None:
            continue
        content = parsed.token_span([doc[i] for i in tagged.content])
        if content is None or any(_share(content, s, e) > 0.5 for s, e in taken):
            continue
        if len(content.text.split()) < MIN_CLAIM_WORDS:
            continue  # "rejected the bill": an act with its object, nothing a reader can weigh as a claim
        cue = doc[tagged.cue]
        if not _claim_like(cue, [doc[i] for i in tagged.content]) and tagged.score <= weights.act_threshold:
            continue  # "outlined his plan for the railways": an act, kept only when the cue model is sure
        text = "according to" if cue.lower_ == "according" else cue.text
        for one in finder.source(doc[tagged.source], cue, content, text):
            yield replace(one, learned=True)


def _claim_like(cue: Token, content: list[Token]) -> bool:
    """A clause, a quotation, or the object of a verb of saying or naming.

    PolNeAR counts acts with their objects as attributions ("imposed
    sanctions on ...", "unveiled a plan"); a sourcing note lists what someone
    claims, so an object counts only after a cue the lexicon knows for speech
    or labelling ("called the deal a disaster", "cited his remarks as ...").
    """
    if any(t.pos_ in ("VERB", "AUX") for t in content) or any(t.is_quote for t in content):
        return True
    lemma = cue.lemma_.lower()
    return cue.lower_ == "according" or lemma in SOURCE_VERBS | LABELLING_CUES | OBJECT_CUES | CITING_VERBS


def _share(span: Span, start: int, end: int) -> float:
    """How much of the shorter of the two stretches the other covers."""
    inter = max(0, min(span.end, end) - max(span.start, start))
    return inter / max(1, min(span.end - span.start, end - start))


def find_attributions(
    parsed: Parsed, *, people: tuple[Entity, ...], organizations: tuple[Entity, ...] = ()
) -> list[Found]:
    """Every attribution the rules and the trained tagger see, in document order of their content."""
    finder = _Finder(parsed, people, organizations)
    found: list[Found] = []
    for tok in parsed.doc:
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low == "according":
            found.extend(finder.according(tok))
        elif lemma in CITING_VERBS and tok.pos_ == "VERB":
            found.extend(finder.cited(tok))
        elif lemma == "report" and tok.pos_ == "VERB" and tok.dep_ in ("acl", "advcl"):
            found.extend(finder.first_reported(tok))
        if lemma in SOURCE_VERBS and tok.pos_ in ("VERB", "AUX"):
            found.extend(finder.verb(tok))
        elif low in CLAIM_NOUNS and tok.pos_ == "NOUN":
            found.extend(finder.nominal(tok))
    found.extend(list(_learned(parsed, finder, found)))
    return sorted(found, key=lambda f: (f.content.start if f.content else f.source.start, f.source.start))

