"""The bisection look-ups that replaced scans over every quote answer exactly as the scans did."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from generator.extract.spans import SpanIndex
from generator.extract.speech.candidates import Candidate
from generator.extract.speech.quotes import _dedupe


@dataclass(frozen=True)
class S:
    start: int
    end: int


spans = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 30)).map(lambda t: S(t[0], t[0] + t[1])),
                 max_size=40)
window = st.tuples(st.integers(-5, 240), st.integers(0, 40)).map(lambda t: (t[0], t[0] + t[1]))


def _order(items: list[S]) -> list[S]:
    return sorted(items, key=lambda x: (x.start, x.end))


@given(spans, window)
def test_span_index_answers_as_a_scan(items: list[S], w: tuple[int, int]) -> None:
    s, e = w
    index = SpanIndex(items)
    assert index.contains(s) == any(x.start <= s < x.end for x in items)
    assert index.overlaps(s, e) == any(x.start < e and s < x.end for x in items)
    assert index.overlapping(s, e) == _order([x for x in items if x.start < e and s < x.end])
    assert list(index.starting_in(s, e)) == _order([x for x in items if s <= x.start < e])
    later = [x.start for x in items if x.start > s]
    assert index.first_start_after(s) == (min(later) if later else None)


def _dedupe_by_scan(candidates: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: c.kind != "direct"):
        if not any((inter := min(k.end, cand.end) - max(k.start, cand.start)) > 0
                   and inter >= 0.5 * min(k.end - k.start, cand.end - cand.start) for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


@given(st.lists(st.tuples(st.integers(0, 100), st.integers(0, 25), st.booleans()), max_size=30))
def test_dedupe_by_bisection_keeps_what_the_scan_kept(raw: list[tuple[int, int, bool]]) -> None:
    candidates = sorted(
        (Candidate(start=s, end=s + n, kind="direct" if d else "indirect", paragraph=0) for s, n, d in raw),
        key=lambda c: (c.start, -c.end),
    )
    assert _dedupe(candidates) == _dedupe_by_scan(candidates)


@given(st.text(alphabet="ab .!?\"')\u201dMr", max_size=80), st.data())
def test_sentence_starts_found_once_answer_as_a_scan(body: str, data: st.DataObject) -> None:
    from generator.extract.speech.direct_cues import SentenceStarts as _SentenceStarts
    from generator.extract.speech.direct_cues import sentence_start as _sentence_start

    starts = _SentenceStarts(body)
    lo = data.draw(st.integers(0, len(body)))
    for pos in range(lo, len(body) + 1):
        assert starts.start(lo, len(body), pos) == _sentence_start(body, lo, pos), pos


def test_entities_read_off_a_spans_tokens_are_what_span_ents_gives(nlp) -> None:  # type: ignore[no-untyped-def]
    """``span_ents`` replaces ``Span.ents`` (which rebuilds every entity of the document per call)."""
    from generator.nlp import span_ents

    text = (
        "Vladimir Putin met Emmanuel Macron in Paris on Monday. The European Union said 3,000 troops of "
        "NATO would stay. \"We will,\" said Keir Starmer of the United Kingdom.\n\nNothing here.\n\n"
        "Talks in New York City and Washington DC ended; the World Health Organization in Geneva agreed."
    )
    doc = nlp(text)
    key = lambda ents: [(e.start, e.end, e.label_) for e in ents]  # noqa: E731
    assert len(doc.ents) >= 8
    for sent in doc.sents:
        assert key(span_ents(sent)) == key(sent.ents)
    # Windows that cut an entity keep only the wholly inside ones, as Span.ents does.
    for a in range(0, len(doc), 3):
        for b in range(a, min(len(doc), a + 12)):
            assert key(span_ents(doc[a:b])) == key(doc[a:b].ents)


def test_a_given_name_cut_off_a_person_span_is_joined_back() -> None:
    import spacy

    from generator.extract.entities.spans import joined_given_names

    doc = spacy.blank("en")("ousted PM Imran Khan said, and Imran Khan left with Paris Hilton")
    # "Imran" as an organisation of its own, then without any label; "Paris" is no given name.
    ents = [(2, 3, "ORG"), (3, 4, "PERSON"), (8, 9, "PERSON"), (11, 12, "GPE"), (12, 13, "PERSON")]
    assert joined_given_names(doc, ents) == [(2, 4, "PERSON"), (7, 9, "PERSON"), (11, 12, "GPE"), (12, 13, "PERSON")]
