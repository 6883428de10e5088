"""Output safety: a site built from hostile articles shows their text and nothing else.

The articles in tests/fixtures/hostile hold script tags, event-handler
attributes, javascript: links, Jinja and MkDocs/Material syntax, and Markdown
that would change the page's structure. The site is built with ``mkdocs build``
and every HTML page is inspected.
"""

from __future__ import annotations

import gzip
import html as html_lib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.sitetools import CONTROL_TITLE, HOSTILE_HAND_WRITTEN, ROOT, SECRET, article_html, hostile_site, scan

pytestmark = pytest.mark.slow

DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "svg", "style", "img", "details", "form", "input",
                  "button", "base", "link", "meta", "pre", "code", "dl", "video", "audio", "math"}
URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcset"}


@pytest.fixture(scope="module")
def site() -> Path:
    return hostile_site() / "site"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def brief(site: Path, slug: str) -> str:
    return (site / "briefs" / slug / "index.html").read_text(encoding="utf-8")


def test_hostile_briefs_were_built(site: Path) -> None:
    for slug in ("script-tags", "markdown-structure", "mkdocs-syntax", "url-quote", "unbalanced-quotes",
                 "control-chars", "000-8dabb732faecaf91"):
        assert (site / "briefs" / slug / "index.html").exists(), slug


def test_no_page_has_an_injected_script(site: Path) -> None:
    reference = scan((site / "about" / "index.html").read_text(encoding="utf-8"))
    theme_sources = {Path(e.attrs["src"]).name for e in reference.elements if e.tag == "script" and "src" in e.attrs}
    theme_count = sum(e.tag == "script" for e in reference.elements)
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        scripts = [e for e in scan(html).elements if e.tag == "script"]
        # A brief's JSON-LD is data, not code: one at most, and it must parse as JSON.
        data = [e for e in scripts if e.attrs.get("type") == "application/ld+json"]
        assert len(data) <= 1, page
        for e in data:
            assert json.loads(e.text)["@type"] == "NewsArticle", page
            assert "<" not in e.text, page
        scripts = [e for e in scripts if e not in data]
        assert len(scripts) <= theme_count, page
        for s in scripts:
            assert "src" not in s.attrs or Path(s.attrs["src"]).name in theme_sources, (page, s)
            assert "__pwned" not in s.text, page
        assert "<script>window.__pwned" not in html, page


def test_no_event_handler_or_script_url_in_any_page(site: Path) -> None:
    for page in pages(site):
        for e in scan(page.read_text(encoding="utf-8")).elements:
            for name, value in e.attrs.items():
                assert not name.startswith("on"), (page, e)
                if name in URL_ATTRS:
                    squashed = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                    assert not squashed.startswith(("javascript:", "vbscript:", "data:")), (page, e)


def test_article_content_has_no_injected_element(site: Path) -> None:
    for slug in ("script-tags", "markdown-structure", "mkdocs-syntax", "control-chars", "unbalanced-quotes"):
        content = scan(article_html(brief(site, slug)))
        # The brief's own folded blocks (sourcing notes, original text) are ours: one of each.
        ours = [e for e in content.elements if e.tag == "details" and {"nb-sourcing", "nb-original"}
                & set(e.attrs.get("class", "").split())]
        assert len(ours) <= 2, slug
        found = {e.tag for e in content.elements if e not in ours} & DANGEROUS_TAGS
        assert not found, (slug, found)
        assert not [e for e in content.elements if "injected-class" in e.attrs.get("class", "")
                    or e.attrs.get("id") in ("injected-id", "injected-block")], slug


def test_hostile_text_is_shown_as_text(site: Path) -> None:
    text = scan(article_html(brief(site, "script-tags"))).text
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=1">' in text
    assert "[click here](javascript:window.__pwned=1)" in text
    assert "&lt;script&gt;" in text  # an entity in the article is shown as typed


def test_markdown_in_articles_does_not_change_the_page(site: Path) -> None:
    html = article_html(brief(site, "markdown-structure"))
    content = scan(html)
    assert sum(e.tag == "h1" for e in content.elements) == 1
    headings = re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", html, re.S)
    assert not [h for h in headings if "njected" in h], headings
    assert "injected list item" not in "".join(re.findall(r"<li>(.*?)</li>", html, re.S))
    assert "cell one" not in "".join(re.findall(r"<td>(.*?)</td>", html, re.S))
    assert not [e for e in content.elements if e.tag == "a" and "evil.example" in e.attrs.get("href", "")]
    # Text after an HTML comment opener is still on the page; [TOC] stays text.
    assert "Setext injected heading" in content.text and "[TOC]" in content.text
    assert "The mayor, Tom Reyes, said" in content.text
    assert not [e for e in content.elements if "toc" in e.attrs.get("class", "")]


def test_mkdocs_and_jinja_syntax_stay_text(site: Path) -> None:
    html = brief(site, "mkdocs-syntax")
    content = scan(article_html(html))
    titles = re.findall(r'<p class="admonition-title">(.*?)</p>', html, re.S)
    assert not [t for t in titles if "njected" in t], titles
    assert "must not exist on the page" not in "".join(
        re.findall(r'<div class="admonition[^"]*">(.*?)</div>', html, re.S)
    )
    assert '!!! note "Injected admonition"' in content.text
    assert "{{ 7*191 }}" in content.text and "1337" not in html
    assert "LOOPLOOPLOOP" not in html and "{% for x in range(3) %}" in content.text
    assert "{{ config.site_name }}" in content.text  # the title, not the site's name
    assert '--8<-- "SECRET.txt"' in content.text


def test_no_file_is_included_by_snippet_syntax(site: Path) -> None:
    for f in site.rglob("*"):
        if f.is_file() and f.suffix in (".html", ".json", ".xml", ".txt"):
            assert SECRET not in f.read_text(encoding="utf-8", errors="replace"), f


def test_only_http_source_urls_become_links(site: Path) -> None:
    [link] = [e for e in scan(brief(site, "url-quote")).elements
              if e.tag == "a" and "example.com" in e.attrs.get("href", "")]
    assert link.attrs["href"] == "https://example.com/story?id=1&page=2%22onmouseover=%22window.__pwned=1"
    assert "onmouseover" not in {k for e in scan(brief(site, "url-quote")).elements for k in e.attrs}
    hostile = scan(brief(site, "mkdocs-syntax"))
    assert not [e for e in hostile.elements if e.tag == "a" and "pwned" in e.attrs.get("href", "")
                and not e.attrs["href"].startswith("#")]  # a heading's permalink is fine
    assert not re.search(r"<a [^>]*>Original article</a>", brief(site, "mkdocs-syntax"))
    assert re.search(r"<a [^>]*>Original article</a>", brief(site, "url-quote"))


def test_page_titles_and_metadata_are_text(site: Path) -> None:
    for slug in ("script-tags", "mkdocs-syntax"):
        html = brief(site, slug)
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        assert title is not None and "<" not in title.group(1), title
        # Social and description tags hold the text escaped: shown as text, never markup.
        for tag in re.findall(r"<meta\b[^>]*>", html):
            assert "<script" not in tag.lower(), tag
        for e in scan(html).elements:
            if e.tag == "meta" and e.attrs.get("property") == "og:title":
                assert html_lib.unescape(title.group(1)).strip().startswith(e.attrs["content"])


OWNED_PREFIXES = ("briefs/", "people/", "places/", "organizations/")


def _fragments(site: Path) -> list[dict[str, Any]]:
    """Pagefind's per-page records (gzip, a signature, then JSON): what a result shows."""
    out = []
    for f in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(f.read_bytes())
        out.append(json.loads(data[data.index(b"{") :]))
    return out


def test_search_records_hold_article_text_as_text(site: Path) -> None:
    # Pagefind keeps each page's text as plain text: markup typed in an article is text there,
    # exactly as the page shows it; no attribute of an article's becomes a filter or meta name.
    fragments = {f["url"]: f for f in _fragments(site)}
    hostile = fragments["/briefs/script-tags/"]
    assert "<script>window.__pwned=1</script>" in hostile["content"]
    shown = scan(brief(site, "script-tags")).text
    assert "<script>window.__pwned=1</script>" in shown
    for fragment in fragments.values():
        assert set(fragment["meta"]) <= {"title", "date", "kind", "image", "image_alt"}, fragment["url"]
        assert set(fragment.get("filters", {})) <= {"kind", "outlet", "year"}, fragment["url"]


def test_search_results_are_put_into_the_page_as_text_only() -> None:
    # The records hold article text verbatim, so the script that shows them must never parse it as live HTML.
    script = (ROOT / "docs" / "javascripts" / "search.js").read_text(encoding="utf-8")
    code = re.sub(r"//[^\n]*", "", script)
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function("):
        assert sink not in code, sink
    assert "DOMParser" in code and "textContent" in code  # excerpts: parsed inert, copied as text


def test_control_characters_do_not_break_the_page(site: Path) -> None:
    html = brief(site, "control-chars")
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert h1 is not None
    assert "Bell and escape[31m in a title" in h1.group(1)
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", html)
    assert CONTROL_TITLE not in html


def test_unbalanced_quotes_are_built_verbatim(site: Path) -> None:
    text = scan(article_html(brief(site, "unbalanced-quotes"))).text
    assert "“We came here in good faith, said the chief negotiator, Paul Meyer" in text
    assert "\"Nobody wants a trade war,' a junior official said." in text


def test_hand_written_pages_are_untouched(site: Path) -> None:
    project = site.parent
    for rel, content in HOSTILE_HAND_WRITTEN.items():
        assert (project / rel).read_text(encoding="utf-8") == content
    for page in ("about.md",):  # docs/index.md is the generated news front
        assert (project / "docs" / page).read_bytes() == (ROOT / "docs" / page).read_bytes()
