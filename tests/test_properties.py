"""Property-based tests: ingest, escaping, slugs and rendering on generated input."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from generator import ingest
from generator.model import Article, Brief, Claim, Entity, Fact, Quote, Span
from generator.site import escape
from generator.site.catalog import build_catalog
from generator.site.render import Renderer
from tests.sitetools import ROOT, scan
from tests.test_escape import render, shown

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Characters with a meaning in Markdown, HTML, YAML, Jinja or MkDocs, mixed with any other character.
SPECIAL = [*"<>&\"'`*_{}[]()#+-=!|\\~:;.,%/@$^ \n\t\r", "{{", "}}", "{%", "%}", "--8<--", "!!! ", "<!--",
           "javascript:", "<script>", "\u00a0", "\u2028", "1. "]
TEXT = st.lists(st.sampled_from(SPECIAL) | st.characters(), max_size=80).map("".join)
WORDS = st.lists(st.sampled_from(SPECIAL) | st.text(st.characters(), min_size=1, max_size=8), max_size=40).map("".join)
DANGEROUS = {"script", "iframe", "object", "embed", "svg", "style", "img", "details", "form", "input", "pre",
             "code", "base", "link", "meta"}


def _check_article(a: Article) -> None:
    assert SLUG.fullmatch(a.slug) and a.slug not in ingest.RESERVED_SLUGS
    assert len(a.body) <= ingest.MAX_CHARS
    assert a.paragraphs
    spans = [*a.paragraphs, *([a.headline] if a.headline else [])]
    for span in spans:
        assert a.body[span.start : span.end] == span.text and span.text == span.text.strip() and span.text
    starts = [p.start for p in a.paragraphs]
    assert starts == sorted(starts)


# --- ingest -------------------------------------------------------------------

@SETTINGS
@given(text=WORDS, suffix=st.sampled_from([".txt", ".md", ".TXT"]), stem=st.text(max_size=30))
def test_loads_never_crashes(text: str, suffix: str, stem: str) -> None:
    path = f"seeds/{stem}{suffix}"
    try:
        article = ingest.loads(text, path, suffix=suffix.lower())
    except ingest.IngestError as exc:
        assert exc.path == path and exc.message
        return
    _check_article(article)


YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT | st.dates(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)
KEYS = st.sampled_from(list(ingest.FRONT_MATTER_SCHEMA)) | TEXT


@SETTINGS
@given(meta=st.dictionaries(KEYS, YAML_VALUES, max_size=6), body=WORDS)
def test_random_front_matter_is_accepted_or_an_ingest_error(meta: dict[str, Any], body: str) -> None:
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body
    try:
        article = ingest.loads(text, "a.md")
    except ingest.IngestError as exc:
        assert exc.message.startswith(("front matter", "the article has no text"))
        return
    _check_article(article)
    assert set(meta) <= set(ingest.FRONT_MATTER_SCHEMA)
    assert article.date is None or isinstance(article.date, dt.date)


@SETTINGS
@given(front=WORDS, body=WORDS)
def test_random_yaml_text_is_accepted_or_an_ingest_error(front: str, body: str) -> None:
    try:
        article = ingest.loads(f"---\n{front}\n---\n{body}", "a.md")
    except ingest.IngestError:
        return
    _check_article(article)


@SETTINGS
@given(data=st.binary(max_size=300) | WORDS.map(lambda s: s.encode("utf-8", "surrogatepass")),
       name=st.text(st.characters(codec="ascii", categories=["L", "N"]) | st.sampled_from("-_. "), min_size=1,
                    max_size=20),
       suffix=st.sampled_from([".txt", ".md"]))
@example(data=b"!\xa0\n\n!", name="0", suffix=".txt")  # found by Hypothesis: a no-break space ended the headline
def test_load_of_any_bytes_under_any_name(data: bytes, name: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / f"{name}{suffix}"
        f.write_bytes(data)
        try:
            article = ingest.load(f)
        except ingest.IngestError as exc:
            assert exc.path == str(f)
            return
    _check_article(article)


# --- slugs ----------------------------------------------------------------------

@SETTINGS
@given(text=TEXT | st.sampled_from(sorted(ingest.RESERVED_SLUGS)) | st.just(""), fallback=TEXT)
def test_slugs_are_safe_stable_and_never_reserved(text: str, fallback: str) -> None:
    slug = ingest.safe_slug(text, fallback=fallback)
    assert SLUG.fullmatch(slug) and slug not in ingest.RESERVED_SLUGS
    assert len(slug) <= ingest.SLUG_MAX + len("-article")
    assert slug == ingest.safe_slug(text, fallback=fallback)
    assert ingest.safe_slug(slug, fallback="x") == slug  # already safe: unchanged


# --- escaping -------------------------------------------------------------------

@SETTINGS
@given(text=TEXT)
@example(text="???0")  # found by Hypothesis: "???" opened a pymdownx.details block
def test_inline_renders_exactly_the_text(text: str) -> None:
    assume(shown(text))
    for before, tag in (("", "p"), ("- ", "li"), ("> ", "blockquote")):
        out = render(before + escape.inline(text))
        page = scan(out)
        assert {e.tag for e in page.elements} <= {tag, "p", "ul"}, out
        assert shown(page.text) == shown(text)


@SETTINGS
@given(text=TEXT)
def test_inline_in_a_table_cell_stays_in_its_cell(text: str) -> None:
    out = render(f"| a | b |\n|---|---|\n| {escape.inline(text)} | end |\n")
    cells = re.findall(r"<td>(.*?)</td>", out, re.S)
    assert len(cells) == 2 and cells[1] == "end", out
    assert shown(scan(cells[0]).text) == shown(text)


@SETTINGS
@given(text=TEXT)
def test_yaml_and_attribute_escaping_round_trip(text: str) -> None:
    assert yaml.safe_load(f"t: {escape.yaml_string(text)}") == {"t": shown(text)}
    assert scan(f'<b title="{escape.attr(text)}">').elements[0].attrs == {"title": shown(text)}


@SETTINGS
@given(value=TEXT | st.builds(lambda s, t: s + t, st.sampled_from(["http://", "https://", "HTTP://x", "javascript:"]),
                               TEXT))
def test_url_is_http_and_cannot_break_out_of_a_link(value: str) -> None:
    safe = escape.url(value)
    if safe is None:
        return
    assert re.match(r"(?i)https?://", safe)
    assert not set(safe) & set(" \"<>()\\`\n\r\t{}|^")
    page = scan(render(f"[x]({safe})"))
    [link] = [e for e in page.elements if e.tag == "a"]
    assert link.attrs["href"].lower().startswith(("http://", "https://"))


# --- rendering ------------------------------------------------------------------

def _slice(body: str, para: Span, a: int, b: int) -> Span:
    start = para.start + min(a, b) % max(len(para.text), 1)
    end = min(para.end, start + 1 + abs(a - b))
    text = body[start:end]
    return Span(start=start, end=end, text=text)


@st.composite
def briefs(draw: st.DrawFn) -> Brief:
    body = draw(WORDS.filter(lambda s: bool(s.strip())))
    try:
        article = ingest.loads(body, f"{draw(TEXT)}.txt")
    except ingest.IngestError:
        assume(False)
        raise
    body = article.body

    def span() -> Span:
        para = draw(st.sampled_from(article.paragraphs))
        return _slice(body, para, draw(st.integers(0, 500)), draw(st.integers(0, 500)))

    def entity(kind: Any) -> Entity:
        return Entity(
            name=draw(TEXT.filter(lambda s: bool(s.strip()))),
            kind=kind,
            aliases=tuple(draw(st.lists(TEXT, max_size=2))),
            roles=tuple(draw(st.lists(TEXT, max_size=2))),
            mentions=tuple(span() for _ in range(draw(st.integers(0, 2)))),
        )

    people = tuple(entity("person") for _ in range(draw(st.integers(0, 3))))
    places = tuple(entity("place") for _ in range(draw(st.integers(0, 2))))
    orgs = tuple(entity("organization") for _ in range(draw(st.integers(0, 2))))
    names = [e.name for e in people + orgs] + [None]
    quotes = []
    for _ in range(draw(st.integers(0, 3))):
        s = span()
        quotes.append(Quote(
            text=s.text, start=s.start, end=s.end, kind=draw(st.sampled_from(["direct", "mixed", "indirect"])),
            speaker=draw(st.sampled_from(names)), cue=draw(st.none() | TEXT), role=draw(st.none() | TEXT),
        ))
    facts = []
    for _ in range(draw(st.integers(0, 3))):
        s = span()
        facts.append(Fact(text=s.text, start=s.start, end=s.end, source=draw(st.none() | TEXT)))
    claims = [Claim(source=draw(st.sampled_from([n for n in names if n] or ["someone"])),
                    kind=draw(st.sampled_from(["person", "unnamed", "government", "news_outlet", "state_media"])),
                    via=draw(st.none() | TEXT), claim=draw(st.none() | st.just(span())), cue=draw(st.none() | TEXT),
                    flags=tuple(draw(st.lists(st.sampled_from(["unverified", "disputed", "state_media"]), max_size=2))))
              for _ in range(draw(st.integers(0, 2)))]
    return Brief(article=article, title=draw(TEXT.filter(lambda s: bool(s.strip()))), summary=(span(),),
                 facts=tuple(facts), quotes=tuple(quotes), claims=tuple(claims), people=people, places=places,
                 organizations=orgs)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(brief=briefs())
def test_any_brief_renders_to_inert_markdown(brief: Brief) -> None:
    renderer = Renderer(ROOT / "templates", build_catalog([brief]))
    for rel, page in renderer.pages():
        assert "<script" not in page, rel
        body = page.split("---\n", 2)[2] if page.startswith("---\n") else page
        html = scan(render(body))
        # The brief's own folded blocks (sourcing notes, original text): one of each at most.
        ours = [e for e in html.elements if e.tag == "details"
                and {"nb-sourcing", "nb-original"} & set(e.attrs.get("class", "").split())]
        assert len(ours) <= 2, rel
        assert not {e.tag for e in html.elements if e not in ours} & DANGEROUS, rel
        for e in html.elements:
            assert not [k for k in e.attrs if k.startswith("on")], (rel, e)
            href = e.attrs.get("href", "").lower()
            assert not href.startswith(("javascript:", "data:", "vbscript:")), (rel, e)
