"""Escaping: article text shows as itself in every Markdown context, and nothing else."""

from __future__ import annotations

import html
import re
from typing import Any

import markdown
import pytest
import yaml

from generator.site import escape
from tests.sitetools import ROOT, scan


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml may hold ``!!python/name:`` tags; their values do not matter here."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with exactly the extensions (and options) of the site's mkdocs.yml."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    names: list[str] = []
    options: dict[str, Any] = {}
    for item in config.get("markdown_extensions", []):
        if isinstance(item, dict):
            [(name, opts)] = item.items()
            names.append(name)
            options[name] = {k: v for k, v in (opts or {}).items() if v is not None}
        else:
            names.append(item)
    # Snippets would read files relative to the working directory: point it at an empty base.
    if "pymdownx.snippets" in options:
        options["pymdownx.snippets"]["base_path"] = ["/nonexistent"]
    return markdown.Markdown(extensions=names, extension_configs=options)


MD = site_markdown()


def render(source: str) -> str:
    MD.reset()
    return MD.convert(source)


def shown(text: str) -> str:
    """What the reader must see for ``text``: whitespace folded, invisible and bidi controls dropped.

    Bidi controls are dropped from article text and right-to-left runs isolated
    with FSI/PDI (site.textsafety), so both sides are compared without them.
    """
    text = _BIDI.sub("", text)
    return re.sub(r"\s+", " ", escape._INVISIBLE.sub("", re.sub(r"\s+", " ", text))).strip()


_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u061c]")


def visible(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


HOSTILE = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "[click](javascript:window.__pwned=1)",
    "![x](https://evil.example/x.png)",
    "<https://evil.example>",
    "{{ 7*191 }} {% include 'x' %} {# c #}",
    '!!! note "Injected"',
    '--8<-- "SECRET.txt"',
    '{: onclick="window.__pwned=1" }',
    "text { #id .cls onclick=x }",
    "# heading",
    "## heading",
    "- item",
    "+ item",
    "* item",
    "1. item",
    "2025) item",
    "> quote",
    "    code",
    "```python",
    "~~~",
    "| a | b |",
    "|---|---|",
    "<!-- comment",
    "***",
    "---",
    "===",
    "[TOC]",
    "[^1]: footnote",
    "[ref]: https://evil.example",
    "*em* __strong__ `code`",
    "&lt;script&gt; &amp; &#60;",
    "a\\*b\\",
    "<div markdown=\"1\">**x**</div>",
    "Term\n: definition",
    "line one\n# heading on line two\n- list on line three",
    "trailing two spaces  \nnext",
    "\x07bell \x1b[31mred\x00 nul",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_inline_is_plain_text_in_a_paragraph(text: str) -> None:
    out = render(escape.inline(text))
    assert out.startswith("<p>") and out.endswith("</p>")
    inner = out[3:-4]
    assert "<" not in inner, out
    assert html.unescape(inner) == shown(text)


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize(("before", "after", "wrapper"), [
    ("- ", "", "li"),
    ("> ", "", "blockquote"),
    ("**1** ", "", "p"),
    ("# ", "", "h1"),
])
def test_inline_after_a_template_prefix(text: str, before: str, after: str, wrapper: str) -> None:
    out = render(before + escape.inline(text) + after)
    tags = {m.lower() for m in re.findall(r"<([a-zA-Z0-9]+)", out)}
    assert tags <= {wrapper, "ul", "p", "strong", "a"}, out  # toc adds a permalink <a> to headings
    prefix = "1 " if before.startswith("**") else ""
    assert visible(out).replace("¶", "").strip() == (prefix + shown(text)).strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_inline_in_a_table_cell(text: str) -> None:
    out = render(f"| a | b |\n|---|---|\n| {escape.inline(text)} | x |\n")
    cells = re.findall(r"<td>(.*?)</td>", out, re.S)
    assert len(cells) == 2, out
    assert html.unescape(cells[0]) == shown(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_inline_as_link_text(text: str) -> None:
    out = render(f"[{escape.inline(text)}](page.md)")
    page = scan(out)
    assert [e.tag for e in page.elements] == ["p", "a"]
    assert page.elements[1].attrs == {"href": "page.md"}
    assert page.text == shown(text)


def test_pieces_between_links_keep_one_space_and_cannot_start_a_block() -> None:
    piece = escape.inline("\n# not a heading ", strip=False)
    assert piece == " \\# not a heading "
    out = render("- " + (piece + "[x](y.md)").strip())
    assert "<h1" not in out and "# not a heading" in out
    assert escape.inline(" 12. ", strip=False) == " 12\\. "


@pytest.mark.parametrize(("value", "expected"), [
    ("https://example.com/a?b=1&c=2", "https://example.com/a?b=1&c=2"),
    ("  http://example.com/x  ", "http://example.com/x"),
    ("HTTPS://EXAMPLE.COM", "HTTPS://EXAMPLE.COM"),
    ('https://e.com/"onmouseover="x', "https://e.com/%22onmouseover=%22x"),
    ("https://e.com/a)b(c <d> e", "https://e.com/a%29b%28c%20%3Cd%3E%20e"),
    ("javascript:alert(1)", None),
    ("JaVaScRiPt:alert(1)", None),
    ("java\nscript:alert(1)", None),
    (" javascript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("vbscript:x", None),
    ("file:///etc/passwd", None),
    ("//evil.example/x", None),
    ("https:/no-host", None),
    ("ftp://example.com", None),
    ("", None),
    (None, None),
    ("http://[::1", None),
])
def test_url_only_http_and_https(value: str | None, expected: str | None) -> None:
    assert escape.url(value) == expected


def test_url_as_a_link_target_keeps_its_meaning() -> None:
    target = escape.url('https://example.com/a?b=1&c=2"onmouseover="x')
    assert target is not None
    page = scan(render(f"[Original article]({escape.attr(target)})"))
    [link] = [e for e in page.elements if e.tag == "a"]
    assert link.attrs == {"href": "https://example.com/a?b=1&c=2%22onmouseover=%22x"}


@pytest.mark.parametrize("text", [*HOSTILE, 'a "quoted" \\ back\\slash', "tab\there", "\u2028line\u2029sep\x85"])
def test_yaml_string_round_trips(text: str) -> None:
    assert yaml.safe_load(f"title: {escape.yaml_string(text)}\n") == {"title": shown(text)}


@pytest.mark.parametrize("text", HOSTILE)
def test_attr_stays_inside_its_attribute(text: str) -> None:
    page = scan(f'<div data-name="{escape.attr(text)}"></div>')
    assert page.elements[0].attrs == {"data-name": shown(text)}
