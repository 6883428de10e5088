"""Pair quotation marks paragraph by paragraph, without the parse.

Notes:
    Marks are classified by what stands on either side of them, not by their
    shape alone, because real copy mixes curly and straight marks (an opening
    ``“`` closed by a straight ``"``). A quote running over several paragraphs
    has an opening mark at each paragraph and a closing one only at the end
    (the news convention); a paragraph left open counts only when the next
    paragraph opens again, otherwise the quotation is unclosed and, like
    textacy, we give nothing rather than guess where it ends.

    Single marks (‘…’ or ASCII '…', as British papers quote) pair the same
    way, outside double-quoted stretches (inside them they are quotes within
    the quote), once apostrophes are set aside: a mark between two letters
    or digits ("don't", "O'Neill", "'90s") and an "s'" followed by a word
    ("the players' wives") never open or close a quotation. Copy whose
    paragraphs were run into one (as some feeds deliver Daily Mail text)
    shows a long quotation as an opening mark after each sentence end with
    no closing one: each opening then ends the stretch before it (at the
    last sentence end, when a photo caption was run in before the mark).

    Typewriter copy (the New York Times archive, wire text keyed on old
    systems) writes a double quotation mark as two apostrophes:
    ``''We will win,'' he said``. Each such pair is read as one double mark
    (the pairing runs on the paragraph with every pair folded into ``"``, and
    the offsets are mapped back), so the words are a quotation and the
    apostrophes are never read as two single marks.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Span

DOUBLE_MARKS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')
SINGLE_MARKS = frozenset("'\u2018\u2019")
SINGLE_OPENING = frozenset("'\u2018")
SINGLE_CLOSING = frozenset("'\u2019")
OPENING_SHAPES = frozenset("\u201c\u201e\u00ab")
CLOSING_SHAPES = frozenset("\u201d\u00bb")
OPEN_LEFT = frozenset(" \t([{\u2014\u2013-/:;,")
"""Characters after which a mark opens a quotation (besides the paragraph start)."""
CLOSE_RIGHT = frozenset(" \t)]}.,;:!?\u2014\u2013-\u2026'\u2019")
"""Characters before which a mark closes a quotation (besides the paragraph end)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Quoted:
    """One stretch between quotation marks, marks included."""

    start: int
    end: int
    paragraph: int
    """0-based index into ``Article.paragraphs``."""
    open_ended: bool = False
    """The paragraph ends inside this quotation (it goes on in the next one)."""
    continued: bool = False
    """This paragraph carries on a quotation opened in an earlier paragraph."""
    opening: int = 1
    """Characters of the opening mark: 2 for a typewriter double mark (``''``)."""
    closing: int = 1
    """Characters of the closing mark (none is counted for an open-ended quotation)."""

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the text between the marks."""
        return self.start + self.opening, self.end - self.closing if not self.open_ended else self.end


def _role(text: str, i: int) -> str | None:
    """'open', 'close' or None (cannot tell) for the mark at ``text[i]``."""
    left = text[i - 1] if i > 0 else " "
    right = text[i + 1] if i + 1 < len(text) else " "
    opens = left in OPEN_LEFT and not right.isspace()
    closes = not left.isspace() and (right in CLOSE_RIGHT or right in DOUBLE_MARKS or i + 1 == len(text))
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    mark = text[i]
    # Both or neither by context: trust a curly mark's shape, never a straight one.
    if mark in OPENING_SHAPES:
        return "open"
    if mark in CLOSING_SHAPES:
        return "close"
    return None


@dataclass(frozen=True, slots=True)
class _Paired:
    spans: tuple[tuple[int, int], ...]
    dangling: int | None
    """Offset (in the paragraph) of an opening mark never closed, if it is the last mark."""
    starts_open: bool
    """The paragraph begins with an opening mark."""
    leading_close: int | None = None
    """Offset of a closing double mark that comes before any other mark (it closes nothing here)."""


def _pair_double(text: str) -> _Paired:
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    broken = False
    first = True
    starts_open = False
    leading_close = None
    for i, ch in enumerate(text):
        if ch not in DOUBLE_MARKS:
            continue
        role = _role(text, i)
        if first:
            starts_open = role == "open" and not text[:i].strip()
            leading_close = i if role == "close" else None
            first = False
        if role is None:
            # A mark we cannot read makes every later pairing in the paragraph doubtful.
            broken = True
            break
        if role == "open":
            if opened is not None and _new_paragraph_of_quote(text, i):
                spans.append((opened, i))  # run-together paragraphs, as for single marks
            elif opened is not None:
                broken = True
                break
            opened = i
        elif opened is not None:
            spans.append((opened, i + 1))
            opened = None
    if broken:
        return _Paired(tuple(spans), None, starts_open, leading_close)
    return _Paired(tuple(spans), opened, starts_open, leading_close)


POSSESSIVE = "possessive"
"""A mark after "s" and before a word: a plural possessive ("the players' wives") or a close."""


def _single_role(text: str, i: int) -> str | None:
    """'open', 'close' or None (an apostrophe, or cannot tell) for the single mark at ``text[i]``."""
    left = text[i - 1] if i > 0 else " "
    right = text[i + 1] if i + 1 < len(text) else " "
    if left.isalnum() and right.isalnum():
        return None  # don't, O'Neill, rock'n'roll
    if right.isdigit() and not left.isalnum():
        return None  # '90s
    mark = text[i]
    opens = (mark in SINGLE_OPENING and (left in OPEN_LEFT or left in DOUBLE_MARKS)
             and (right.isalnum() or right in "\"\u201c.(["))
    closes = mark in SINGLE_CLOSING and not left.isspace() and (
        right in CLOSE_RIGHT or right in DOUBLE_MARKS or i + 1 == len(text))
    if closes and left in "sS" and right == " " and text[i + 2 : i + 3].isalpha():
        return POSSESSIVE  # the players' wives, or 'The Musketeers' contributed: the pairing decides
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return None


def _new_paragraph_of_quote(text: str, i: int) -> bool:
    """The opening mark at ``i`` follows a sentence end and a space, inside an open quotation."""
    before = text[:i]
    return before.endswith(" ") and before.rstrip()[-1:] in ".!?\u2026"


MAX_CAPTION_WORDS = 30
"""A caption run into the copy is a line, not a passage: longer stretches are no caption."""


def _caption_cut(text: str, opened: int, i: int) -> int | None:
    """Where a quotation opened at ``opened`` ends when a caption stands before the mark at ``i``.

    Copy whose paragraphs were run into one (Daily Mail feeds) also runs in
    the photo captions that stood between them, with no full stop: "...
    or whatever! This year's Grand National will be McCoy's last 'Hopefully,
    ...". The quotation then ends at the last sentence end before the
    caption, when that stretch is short and holds no quotation mark; else
    None, and the pairing stays doubtful.
    """
    inner = text[opened + 1 : i]
    ends = [m for m, ch in enumerate(inner) if ch in ".!?\u2026" and inner[m + 1 : m + 2] == " "]
    if not ends:
        return None
    cut = opened + 1 + ends[-1] + 1
    caption = text[cut:i]
    marks = [k for k in range(cut, i) if text[k] in DOUBLE_MARKS or (
        text[k] in SINGLE_MARKS and _single_role(text, k) is not None)]
    if len(caption.split()) > MAX_CAPTION_WORDS or marks:
        return None
    return cut


def _pair_single(text: str, taken: tuple[tuple[int, int], ...]) -> _Paired:
    """Single-mark quotations outside the double-quoted stretches ``taken``."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    starts_open = False
    first = True
    marks = [(i, role) for i, ch in enumerate(text) if ch in SINGLE_MARKS and not any(s <= i < e for s, e in taken)
             and (role := _single_role(text, i)) is not None]
    for n, (i, role) in enumerate(marks):
        if role == POSSESSIVE:
            # "... 'The Musketeers' contributed to a 'distressing chain'": after "s" the mark
            # closes the open quotation when the next mark opens another (read as an
            # apostrophe, two openings in a row would spoil the paragraph) or when it is
            # the last mark (the quotation would never close); else it is the apostrophe
            # of a plural possessive ("'the players' wives were great'").
            later = next((r for _, r in marks[n + 1 :] if r != POSSESSIVE), None)
            last = n + 1 == len(marks)
            if opened is None or later == "close" or (later is None and not last):
                continue
            role = "close"
        if first:
            starts_open = role == "open" and not text[:i].strip()
            first = False
        if role == "open":
            if opened is not None and _new_paragraph_of_quote(text, i):
                # "... a great club. ‘But I’ve said all along ...": copy whose paragraphs
                # were run together keeps the mark that opened each paragraph of a long
                # quotation; the one before ends at its sentence end.
                spans.append((opened, i))
            elif opened is not None and (cut := _caption_cut(text, opened, i)) is not None:
                # "... or whatever! This year's race will be his last 'Hopefully, ...": a
                # photo caption run into the copy between two paragraphs of a quotation.
                spans.append((opened, cut))
            elif opened is not None:
                # Two openings in a row: the pairing is doubtful from here on.
                return _Paired(tuple(spans), None, starts_open)
            opened = i
        elif opened is not None:
            spans.append((opened, i + 1))
            opened = None
    return _Paired(tuple(spans), opened, starts_open)


def _pair(text: str) -> _Paired:
    """Double-mark quotations, then single-mark ones outside them, in order."""
    double = _pair_double(text)
    taken = double.spans + (((double.dangling, len(text)),) if double.dangling is not None else ())
    if double.leading_close is not None:
        taken += ((0, double.leading_close + 1),)
    single = _pair_single(text, taken)
    if not single.spans and single.dangling is None:
        return double
    spans = tuple(sorted(double.spans + single.spans))
    dangling = double.dangling
    if dangling is None and single.dangling is not None and all(e <= single.dangling for _, e in spans):
        dangling = single.dangling
    return _Paired(spans, dangling, double.starts_open or single.starts_open, double.leading_close)


TYPEWRITER_DOUBLE = "''"
"""Two apostrophes standing for a double quotation mark in typewriter copy."""


@dataclass(frozen=True, slots=True)
class _Folded:
    """A paragraph with every typewriter double mark folded into one ``"``, and the way back."""

    text: str
    origin: tuple[int, ...]
    """Offset in the paragraph of each character of ``text`` (one more entry: the end)."""
    wide: frozenset[int]
    """Offsets in ``text`` of the marks that stood for two apostrophes."""

    def start(self, i: int) -> int:
        return self.origin[i]

    def end(self, i: int) -> int:
        """Paragraph offset of the end of a span ending at ``i`` in ``text`` (past a wide mark)."""
        return self.origin[i - 1] + (2 if i - 1 in self.wide else 1) if i > 0 else 0


def _fold(text: str) -> _Folded | None:
    """``text`` with each ``''`` read as one double mark, or None when it has none."""
    if TYPEWRITER_DOUBLE not in text:
        return None
    out: list[str] = []
    origin: list[int] = []
    wide: set[int] = set()
    i = 0
    while i < len(text):
        if text.startswith(TYPEWRITER_DOUBLE, i):
            wide.add(len(out))
            out.append('"')
            origin.append(i)
            i += 2
            continue
        out.append(text[i])
        origin.append(i)
        i += 1
    origin.append(len(text))
    return _Folded("".join(out), tuple(origin), frozenset(wide))


def _quoted(para: Span, n: int, folded: _Folded | None, s: int, e: int, **flags: bool) -> Quoted:
    """One quotation found at ``s:e`` of the (folded) paragraph, in body offsets."""
    if folded is None:
        return Quoted(start=para.start + s, end=para.start + e, paragraph=n, **flags)
    open_ended = flags.get("open_ended", False)
    end = para.end if open_ended else para.start + folded.end(e)
    return Quoted(start=para.start + folded.start(s), end=end, paragraph=n,
                  opening=2 if s in folded.wide else 1,
                  closing=2 if not open_ended and e - 1 in folded.wide else 1, **flags)


def quoted_spans(body: str, paragraphs: tuple[Span, ...]) -> tuple[Quoted, ...]:
    """Every well-formed quotation in document order, at most one paragraph each."""
    folds = [_fold(p.text) for p in paragraphs]
    paired = [_pair(f.text if f is not None else p.text) for p, f in zip(paragraphs, folds, strict=True)]
    found: list[Quoted] = []
    carrying = False
    for n, (para, pr) in enumerate(zip(paragraphs, paired, strict=True)):
        continues = carrying and pr.starts_open
        carrying = False
        for k, (s, e) in enumerate(pr.spans):
            found.append(_quoted(para, n, folds[n], s, e, continued=continues and k == 0))
        if pr.dangling is not None:
            nxt = paired[n + 1] if n + 1 < len(paired) else None
            # Open at the paragraph end: a quotation only if the next paragraph reopens it.
            if nxt is not None and nxt.starts_open:
                found.append(_quoted(para, n, folds[n], pr.dangling, len(para.text), open_ended=True,
                                     continued=continues and not pr.spans))
                carrying = True
            elif (close := _block_close(paired, folds, n)) is not None:
                found.append(_quoted(para, n, folds[n], pr.dangling, len(para.text), open_ended=True,
                                     continued=continues and not pr.spans))
                found.extend(_block_rest(paragraphs, n, close))
    return tuple(found)


MAX_BLOCK_PARAGRAPHS = 3
"""Paragraphs without marks a block quotation may run through before the one that closes it."""


def _block_close(paired: list[_Paired], folds: list[_Folded | None], n: int) -> tuple[int, int] | None:
    """(paragraph, offset) of the mark closing a block quotation left open at paragraph ``n``.

    Blogs and copied web text quote a long passage as a block: one opening
    mark at its first paragraph, none at the next ones, one closing mark at
    its last ("Financial Times reported: / “Syrsky's leadership ... / ...
    of the army.”"). A paragraph whose first double mark closes nothing
    ends such a block when only paragraphs without any mark stand between.
    """
    for k in range(n + 1, min(n + 2 + MAX_BLOCK_PARAGRAPHS, len(paired))):
        nxt = paired[k]
        if folds[k] is not None:
            return None
        if nxt.leading_close is not None:
            return k, nxt.leading_close
        if nxt.spans or nxt.dangling is not None or nxt.starts_open:
            return None
    return None


def _block_rest(paragraphs: tuple[Span, ...], n: int, close: tuple[int, int]) -> list[Quoted]:
    """The paragraphs of a block quotation after its first, each a quotation carrying it on."""
    last, offset = close
    out = [Quoted(start=paragraphs[k].start, end=paragraphs[k].end, paragraph=k, opening=0,
                  open_ended=True, continued=True) for k in range(n + 1, last)]
    out.append(Quoted(start=paragraphs[last].start, end=paragraphs[last].start + offset + 1, paragraph=last,
                      opening=0, continued=True))
    return out
