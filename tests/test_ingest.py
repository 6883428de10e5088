"""Bad input: every kind of broken file gets a clear error naming it, the rest still builds."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from generator import ingest
from generator.ingest import read_articles
from generator.ingest.language import looks_english
from generator.model import Article
from tests.sitetools import FIXTURES, SEED, cli, make_project

BAD = FIXTURES / "bad"

# file -> (severity or "ok", fragments the message must hold)
EXPECTED: dict[str, tuple[str, tuple[str, ...]]] = {
    "empty.txt": ("error", ("empty", "add the article text")),
    "whitespace.txt": ("error", ("empty", "blank lines")),
    "binary.txt": ("error", ("PNG image", "not text", "plain text")),
    "nul_bytes.txt": ("error", ("binary", "NUL")),
    "report.md": ("error", ("PDF document", "export the article")),
    "cp1252.txt": ("warning", ("not valid UTF-8", "0x93", "line 1, column 138", "Windows-1252",
                               "save the file as UTF-8")),
    "utf16.txt": ("warning", ("UTF-16", "save it as UTF-8")),
    "bad_yaml.md": ("error", ("not valid YAML", "line 4", "starts at line 3")),
    "not_mapping.md": ("error", ("must be a mapping", "not list")),
    "unknown_key.md": ("error", ("unknown key 'titel'", "line 2", "did you mean 'title'")),
    "wrong_type.md": ("error", ("'title' (line 2) must be a string", "'tags' (line 3) must be a list",
                                "'date' (line 4)")),
    "impossible_date.md": ("error", ("'date' (line 3)", "2025-02-30 is not a date that exists")),
    "unclosed_front_matter.md": ("error", ("no closing '---'",)),
    "only_front_matter.md": ("error", ("no text after its front matter",)),
    "duplicate_key.md": ("error", ("'title' appears twice", "line 3")),
    "slug_escape.md": ("error", ("'slug' (line 3)", "would leave docs/briefs/", "'etc-passwd'")),
    "slug_absolute.md": ("error", ("'slug' (line 3)", "would leave docs/briefs/")),
    "slug_reserved.md": ("error", ("'slug' (line 3)", "reserved name")),
    "id_escape.md": ("error", ("'id' (line 3)", "would leave docs/briefs/")),
    "french.txt": ("error", ("English",)),
    "russian.txt": ("error", ("English",)),
    "same_text_a.txt": ("ok", ()),
    "same_text_b.txt": ("warning", ("same text as", "same_text_a.txt", "only one brief")),
    "same_slug_a.md": ("ok", ()),
    "same_slug_b.md": ("warning", ("'shared-slug' is already used", "shared-slug-2")),
    "index.txt": ("warning", ("reserved", "index-article")),
}


def test_every_bad_fixture_has_an_expectation() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted(EXPECTED)


@pytest.fixture(scope="module")
def bad_results() -> tuple[list[Article], dict[str, list[tuple[str, str]]]]:
    articles, problems = read_articles([BAD])
    by_file: dict[str, list[tuple[str, str]]] = {}
    for p in problems:
        by_file.setdefault(Path(p.path).name, []).append((p.severity, p.message))
    return articles, by_file


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gets_a_specific_message(name: str, bad_results) -> None:  # type: ignore[no-untyped-def]
    articles, by_file = bad_results
    severity, fragments = EXPECTED[name]
    built = [a for a in articles if Path(a.path).name == name]
    if severity == "ok":
        assert name not in by_file
        assert len(built) == 1
        return
    assert name in by_file, f"no problem reported for {name}"
    [(got_severity, message)] = by_file[name]
    assert got_severity == severity
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    # Errors skip the article; warnings keep it (except a duplicate text, which is the same brief).
    expected_built = 0 if severity == "error" or name == "same_text_b.txt" else 1
    assert len(built) == expected_built


def test_duplicates_keep_distinct_slugs_and_one_brief_per_text(bad_results) -> None:  # type: ignore[no-untyped-def]
    articles, _ = bad_results
    slugs = [a.slug for a in articles]
    assert len(slugs) == len(set(slugs))
    assert {"shared-slug", "shared-slug-2", "index-article", "same-text-a"} <= set(slugs)
    assert "same-text-b" not in slugs


def test_cp1252_and_utf16_are_decoded() -> None:
    assert "“It is a disaster for workers,” said Jan Novak, who runs a café" in ingest.load(BAD / "cp1252.txt").body
    assert ingest.load(BAD / "utf16.txt").body.startswith("The regional museum")


# --- decoding ---------------------------------------------------------------

@pytest.mark.parametrize(("data", "text"), [
    (b"\xef\xbb\xbfHello there", "Hello there"),
    ("Hello there".encode("utf-16-le"), None),  # no BOM: NUL bytes, refused as binary
    (b"\xff\xfe" + "Hello there".encode("utf-16-le"), "Hello there"),
    (b"\xfe\xff" + "Hello there".encode("utf-16-be"), "Hello there"),
    (b"\xff\xfe\x00\x00" + "Hello there".encode("utf-32-le"), "Hello there"),
    (b"caf\xe9 au lait", "café au lait"),
    (b"\x1f\x8b\x08\x00rest", None),
    (b"PK\x03\x04word document", None),
])
def test_decode(data: bytes, text: str | None) -> None:
    if text is None:
        with pytest.raises(ingest.IngestError, match=r"not text|binary"):
            ingest.decode(data, "x.txt")
    else:
        assert ingest.decode(data, "x.txt")[0] == text


def test_control_characters_below_threshold_are_text() -> None:
    text, warnings = ingest.decode(b"A bell \x07 in a long line of ordinary text, as exports sometimes have.", "x")
    assert "\x07" in text and not warnings


def test_utf16_with_bom_but_broken() -> None:
    with pytest.raises(ingest.IngestError, match="not valid UTF-16"):
        ingest.decode(b"\xff\xfe" + b"\x00\xd8", "x.txt")  # a lone surrogate


# --- front matter -----------------------------------------------------------

def md(front: str, body: str = "Some text of the article.\n") -> str:
    return f"---\n{front}---\n{body}"


@pytest.mark.parametrize(("front", "expected"), [
    ("date: 2025-11-05\n", dt.date(2025, 11, 5)),
    ("date: '2025-11-05'\n", dt.date(2025, 11, 5)),
    ("date: 2025-11-05T10:30:00Z\n", dt.date(2025, 11, 5)),
    ("date: 2025-11-05 10:30\n", dt.date(2025, 11, 5)),
    ("date: 2024-02-29\n", dt.date(2024, 2, 29)),
])
def test_dates(front: str, expected: dt.date) -> None:
    assert ingest.loads(md(front), "a.md").date == expected


@pytest.mark.parametrize(("front", "fragment"), [
    ("date: 2025-02-29\n", "2025-02-29 is not a date that exists"),
    ("date: 2025-13-01\n", "2025-13-01 is not a date that exists"),
    ("date: 2025-11-05-extra\n", "must be a real date"),
    ("date: 20251105\n", "must be a real date"),
    ("date: [2025]\n", "must be a real date"),
    ("title: 5\n", "'title' (line 2) must be a string"),
    ("tags: [a, 1]\n", "'tags' (line 2) must be a list of strings"),
    ("author: {name: x}\n", "'author' (line 2) must be a string or a list"),
    ("language: english please\n", "'language' (line 2) must be a language code"),
    ("Title: x\n", "unknown key 'Title' (line 2): did you mean 'title'"),
    ("slug: a/b\n", "would leave docs/briefs/"),
    ("slug: C:evil\n", "would leave docs/briefs/"),
    ("slug: '---'\n", "no letters or digits"),
    ("slug: CON\n", "reserved name"),
    ("slug: a\nid: b\n", "disagree"),
    ("1: 2\n", "unknown key 1"),
    ("? [a, b]\n: c\n", "unhashable key"),
    ("title: !!python/object:os.system x\n", "could not determine a constructor"),
    ("title: " + "[" * 3000 + "]" * 3000 + "\n", "not valid YAML"),
])
def test_front_matter_errors_name_the_key(front: str, fragment: str) -> None:
    with pytest.raises(ingest.IngestError) as info:
        ingest.loads(md(front), "seeds/a.md")
    assert info.value.path == "seeds/a.md"
    assert str(info.value).startswith("seeds/a.md: ")
    assert fragment in info.value.message


def test_every_front_matter_problem_is_listed_at_once() -> None:
    with pytest.raises(ingest.IngestError) as info:
        ingest.loads(md("titel: a\ntags: 5\nslug: ../x\nsource: [1]\n"), "a.md")
    for key in ("'titel'", "'tags'", "'slug'", "'source'"):
        assert key in info.value.message


def test_yaml_alias_bomb_gives_a_short_message() -> None:
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefg", "bcdefgh", strict=True)
    ) + "tags: [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n"
    start = time.perf_counter()
    with pytest.raises(ingest.IngestError) as info:
        ingest.loads(md(bomb), "a.md")
    assert time.perf_counter() - start < 2
    assert len(str(info.value)) < 2000


def test_front_matter_accepts_crlf_empty_and_lists() -> None:
    a = ingest.loads("---\r\ntitle: T\r\nauthor: [A, B]\r\ntags: x\r\nurl: https://e.org/a\r\n---\r\nBody.\r\n", "a.md")
    assert (a.title, a.author, a.tags, a.body) == ("T", "A, B", ("x",), "Body.\r\n")
    assert ingest.loads("---\n---\nBody.\n", "a.md").title is None
    assert ingest.loads("---\n# only a comment\n---\nBody.\n", "a.md").body == "Body.\n"


def test_front_matter_is_only_read_in_markdown() -> None:
    text = "---\ntitle: x\n---\nThe body of a text file that starts with a rule.\n"
    assert ingest.loads(text, "a.txt").body == text


def test_url_that_is_not_http_is_text_with_a_warning() -> None:
    a = ingest.loads(md("url: 'javascript:alert(1)'\n"), "a.md")
    assert any("not an http(s) address" in w for w in a.warnings)


def test_slug_from_front_matter_is_normalised_with_a_warning() -> None:
    a = ingest.loads(md("slug: My Story\n"), "a.md")
    assert a.slug == "my-story" and "made file-safe" in a.warnings[0]
    assert ingest.loads(md("id: my-story\n"), "b.md").slug == "my-story"


# --- headline and paragraphs ------------------------------------------------

@pytest.mark.parametrize(("text", "headline"), [
    ("Short headline\n\nThe body.\n", "Short headline"),
    ("  Short headline \r\n\r\nThe body.\r\n", "Short headline"),
    ("Short headline\n \t\nThe body.\n", "Short headline"),
    ("A sentence that ends.\n\nThe body.\n", None),
    ("No blank line after\nThe body.\n", None),
    ("x" * 201 + "\n\nThe body.\n", None),
    ("Only a headline-like line\n\n\n", None),  # nothing after it: it is the text
    ("   \n\nThe body.\n", None),
    # A first paragraph ending like a sentence or a quote is text, not a headline (issue 17).
    ("\u201cWe will not leave,\u201d the mayor said. \u201cThis is our home.\u201d\n\nThe body.\n", None),
    ("Why would a government spend billions on a railway that nobody in the region has asked for?\n\nBody.\n",
     None),
    ("He said, \u201cit is over,\u201d\n\nThe body.\n", None),
    ("\u201cWe will not leave,\u201d the mayor said. \u201cThis is our home, and we will rebuild.\u201d\n\nBody.\n",
     None),
    # Short questions and headlines ending in a quoted phrase are headlines (BBC, PolNeAR style).
    ("Obama Says Museum Will Tell of 'Suffering and Delight.'\n\nBody.\n",
     "Obama Says Museum Will Tell of 'Suffering and Delight.'"),
    ("Mary J. Blige sings in preview clip of \u2018The 411.\u2019\n\nBody.\n",
     "Mary J. Blige sings in preview clip of \u2018The 411.\u2019"),
    ("Rivals of the Apple...\n\nThe body.\n", "Rivals of the Apple..."),
    ("Could Yukos be a blessing in disguise?\n\nThe body.\n", "Could Yukos be a blessing in disguise?"),
    ("Call centre users 'lose patience'\n\nThe body.\n", "Call centre users 'lose patience'"),
    ("'My memories of Marley...'\n\nThe body.\n", "'My memories of Marley...'"),
])
def test_headline(text: str, headline: str | None) -> None:
    a = ingest.loads(text, "a.txt")
    assert (a.headline.text if a.headline else None) == headline
    if a.headline:
        assert text[a.headline.start : a.headline.end] == headline
        assert a.paragraphs[0].start > a.headline.end
    assert a.paragraphs


def test_paragraph_spans_are_slices_of_the_body() -> None:
    body = "  First para.  \r\n\r\n\tSecond\tpara.\n   \nThird\rfourth\n"
    a = ingest.loads(body, "a.txt")
    assert [p.text for p in a.paragraphs] == ["First para.", "Second\tpara.", "Third", "fourth"]
    assert all(body[p.start : p.end] == p.text for p in a.paragraphs)


# --- size: bounded time and memory ------------------------------------------

def test_five_megabyte_article_is_bounded(tmp_path: Path) -> None:
    para = "The council said on Monday that the budget would be cut again next year. " * 20 + "\n\n"
    big = tmp_path / "big.txt"
    big.write_text(para * (5_000_000 // len(para)), encoding="utf-8")
    start = time.perf_counter()
    a = ingest.load(big)
    assert time.perf_counter() - start < 2
    assert len(a.body) <= ingest.MAX_CHARS
    assert a.body.rstrip().endswith("next year.")  # cut at a paragraph break, not mid-word
    [warning] = a.warnings
    assert f"{big.stat().st_size:,} bytes" in warning and "only the first" in warning


def test_one_absurd_line_is_cut_at_a_word(tmp_path: Path) -> None:
    f = tmp_path / "line.txt"
    f.write_text("word " * 1_000_000, encoding="utf-8")
    a = ingest.load(f)
    assert len(a.body) <= ingest.MAX_CHARS and a.body.endswith("word")
    assert len(a.paragraphs) == 1 and a.warnings


def test_multibyte_text_is_not_cut_inside_a_character(tmp_path: Path) -> None:
    f = tmp_path / "emoji.txt"
    f.write_bytes(("Слово " * 500_000).encode("utf-8")[:-1] + "\U0001f600".encode())
    a = ingest.load(f)  # would raise on a half character, or fall back to cp1252 with a warning
    assert "Windows-1252" not in " ".join(a.warnings) and len(a.body) <= ingest.MAX_CHARS


@pytest.mark.parametrize("blank", [" ", "\t", "\r", "\u00a0"])
def test_long_runs_of_blanks_are_linear(blank: str) -> None:
    text = "Headline" + blank * 300_000 + "end\n\n" + "Body" + blank * 300_000 + "\n" + blank * 300_000 + "x\n"
    start = time.perf_counter()
    ingest.loads(text, "a.txt")
    assert time.perf_counter() - start < 1.5


# --- files and folders ------------------------------------------------------

def test_missing_unreadable_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ingest.IngestError, match="does not exist"):
        ingest.load(tmp_path / "gone.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(ingest.IngestError, match="folder"):
        ingest.load(tmp_path / "dir.txt")


def test_find_articles_skips_hidden_folders_and_other_suffixes(tmp_path: Path) -> None:
    for rel in ("a.txt", "b.MD", "sub/c.txt", ".hidden.txt", ".git/d.txt", "notes.docx", "dir.txt/e.txt",
                "a.txt~", "#a.txt#", ".a.txt.swp", ".#a.txt"):  # editors' backup and lock files
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in ingest.find_articles([tmp_path])]
    assert found == ["a.txt", "b.MD", "dir.txt/e.txt", "sub/c.txt"]


# --- language ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "english"), [
    ("The minister said on Friday that the government would not raise taxes this year, and that it was "
     "ready to talk to the unions about pay for nurses and teachers in the spring.", True),
    ("Der Minister sagte am Freitag, dass die Regierung in diesem Jahr die Steuern nicht erhöhen werde und "
     "dass sie bereit sei, im Frühjahr mit den Gewerkschaften über die Bezahlung zu sprechen.", False),
    ("政府周五表示，今年不会提高税收，并准备在春季与工会讨论护士和教师的工资问题。" * 3, False),
    ("Short note.", True),  # too little to judge: given the benefit of the doubt
])
def test_language(text: str, english: bool) -> None:
    assert looks_english(text) is english


def test_language_in_front_matter_skips_the_article(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text(md("language: fr\n", "The text is in English but marked French.\n"), encoding="utf-8")
    articles, problems = read_articles([f])
    assert not articles and "English" in problems[0].message


# --- the command line ---------------------------------------------------------

def test_check_lists_every_problem_and_exits_non_zero(tmp_path: Path) -> None:
    project = make_project(tmp_path, [SEED, *BAD.iterdir()])
    result = cli("check", "--root", str(project))
    assert result.exit_code == 1
    problems = [n for n, (severity, _) in EXPECTED.items() if severity != "ok"]
    for name in problems:
        assert f"seeds/{name}: " in result.output, name
    assert f"{len(problems)} problem(s)" in result.output


def test_check_passes_on_clean_seeds(tmp_path: Path) -> None:
    result = cli("check", "--root", str(make_project(tmp_path, [SEED])))
    assert result.exit_code == 0, result.output


@pytest.mark.slow
def test_build_builds_what_it_can_and_reports_the_rest(tmp_path: Path) -> None:
    project = make_project(tmp_path, [SEED, *BAD.iterdir()])
    result = cli("build", "--root", str(project))
    assert result.exit_code == 1  # some articles were skipped
    briefs = sorted(p.stem for p in (project / "docs" / "briefs").glob("*.md"))
    assert briefs == sorted([
        "000-8dabb732faecaf91", "cp1252", "utf16", "same-text-a", "shared-slug", "shared-slug-2",
        "index-article", "index",
    ])
    for name, (severity, _) in EXPECTED.items():
        if severity == "error":
            assert f"{name}: error: " in result.output, name
    assert "article(s) skipped" in result.output
    # The two articles sharing a slug are both there, each with its own text.
    assert "cinema reopened" in (project / "docs/briefs/shared-slug.md").read_text(encoding="utf-8")
    assert "swimming pool" in (project / "docs/briefs/shared-slug-2.md").read_text(encoding="utf-8")


def test_a_hostile_headline_never_names_a_file() -> None:
    a = ingest.loads("../../etc/passwd\n\nThe body of the article.\n", "seeds/story.txt")
    assert a.title == "../../etc/passwd" and a.slug == "story"
    b = ingest.loads(md("title: /etc/passwd\n"), "seeds/other.md")
    assert b.slug == "other"


@pytest.mark.parametrize(("text", "english"), [
    # A results report is mostly names and figures: few English function words,
    # but still more than any other language's.
    ("RUGBY - CARDIFF BEAT NEWPORT IN CUP. Cardiff beat Newport 31-10 (halftime 14-3) in the Welsh cup on "
     "Saturday. Tries: Gareth Thomas (12th minute, 60th), Rob Howley (25th), Neil Jenkins (70th). Penalties: "
     "Jenkins 3. Conversions: Jenkins 2. Attendance: 8,000 at the Arms Park.", True),
    ("De minister zei vrijdag dat de regering dit jaar de belastingen niet zal verhogen en dat zij in het "
     "voorjaar met de vakbonden wil praten over het loon van verpleegkundigen en leraren in het land.", False),
    ("Il ministro ha detto venerdì che il governo non aumenterà le tasse quest'anno e che è pronto a parlare "
     "con i sindacati in primavera degli stipendi di infermieri e insegnanti in tutto il paese.", False),
])
def test_language_of_name_heavy_english_and_close_languages(text: str, english: bool) -> None:
    assert looks_english(text) is english


def test_the_front_matter_handler_is_a_python_frontmatter_handler() -> None:
    """The strict handler plugs into python-frontmatter: dates stay text for the
    schema to check, and a duplicate key is refused, not silently overwritten."""
    import frontmatter
    import yaml

    from generator.ingest.frontmatter import StrictYAMLHandler

    post = frontmatter.loads("---\ntitle: A\ndate: 2025-01-05\n---\nBody\n", handler=StrictYAMLHandler())
    assert post.metadata == {"title": "A", "date": "2025-01-05"} and post.content == "Body"
    with pytest.raises(yaml.YAMLError, match="appears twice"):
        frontmatter.loads("---\ntitle: A\ntitle: B\n---\nBody\n", handler=StrictYAMLHandler())
