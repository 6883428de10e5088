"""Articles saved as HTML pages: read with trafilatura, checked like any other article."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import ingest
from tests.sitetools import SITE_FIXTURES


def test_html_article_text_and_metadata() -> None:
    article = ingest.load(SITE_FIXTURES / "porto_floods.html")
    assert article.title == "Floods close the riverside in Porto"
    assert article.date == dt.date(2025, 10, 21)
    assert article.source == "River Post"
    assert article.author == "Clara Menezes"
    assert article.url == "https://example.org/river-post/porto-floods"
    assert article.slug == "porto-floods"
    assert article.body.startswith("The Douro river burst its banks")
    # The page's menus, byline and footer are not article text.
    for chrome in ("Subscribe", "Cookie", "Sport", "By Clara Menezes"):
        assert chrome not in article.body
    assert len(article.paragraphs) == 6
    for para in article.paragraphs:
        assert article.body[para.start : para.end] == para.text


def test_html_files_are_found_in_seeds(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "b.htm").write_text("<html></html>", encoding="utf-8")
    assert [p.name for p in ingest.find_articles([tmp_path])] == ["a.html", "b.htm"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<html><head><title>x</title></head><body><nav>Home</nav></body></html>", "no article text was found"),
        ("Just some words, no markup at all.", "does not look like HTML"),
        (b"\x00\x01\x02 binary", "binary file"),
    ],
)
def test_bad_html_is_a_clear_error_naming_the_file(tmp_path: Path, content: str | bytes, message: str) -> None:
    path = tmp_path / "broken.html"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ingest.IngestError) as err:
        ingest.load(path)
    assert err.value.path == str(path)
    assert message in err.value.message
